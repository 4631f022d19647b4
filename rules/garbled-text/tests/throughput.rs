//! Throughput of the rule on the corpus repeated to about 50 MB:
//! `cargo test --release -p redline-rules-garbled-text -- --ignored --nocapture`.

use redline_core::{DeclaredRule, Document, Rule, RuleContext, Severity, SourceFile};
use redline_rules_garbled_text::GarbledText;
use std::path::Path;
use std::time::{Duration, Instant};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");
const TARGET_BYTES: usize = 50 * 1024 * 1024;

#[test]
#[ignore = "a benchmark: run in release with --ignored --nocapture"]
fn throughput() {
    let docs = Path::new(CORPUS).join("docs");
    if !docs.is_dir() {
        eprintln!("notice: no corpus at {CORPUS}; skipping the throughput test");
        return;
    }
    let mut paths: Vec<_> = std::fs::read_dir(&docs)
        .unwrap()
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    paths.sort();
    let sample: String = paths
        .iter()
        .map(|path| std::fs::read_to_string(path).unwrap() + "\n\n")
        .collect();
    let text = sample.repeat(TARGET_BYTES.div_ceil(sample.len()));
    let source = SourceFile::new("corpus-repeated.txt", text);
    let rule = GarbledText::from_options(Default::default()).unwrap();

    measure("corpus", &rule, &source);
}

/// Text unlike the corpus, where many characters reach a detector: a
/// slow path there would show as a collapse of throughput.
#[test]
#[ignore = "a benchmark: run in release with --ignored --nocapture"]
fn throughput_on_unusual_text() {
    let rule = GarbledText::from_options(Default::default()).unwrap();
    for (name, sample) in [
        (
            "French",
            "Le café était très animé à l'époque ; naïve élève, Noël à Orléans. ",
        ),
        (
            "Russian",
            "Привет, как дела? Отчёт о работе за год выполнен. ",
        ),
        ("Arabic", "مرحبا بكم في التقرير السنوي للعمل. "),
        (
            "Chinese, full-width",
            "一、工作总结（上半年）：我们“认真”完成了任务，成绩显著！",
        ),
        (
            "Chinese, ASCII quotes",
            "把创建\"先进教职工之家\"作为(重点),坚持\"两手抓\"的工作?",
        ),
        (
            "English, quotes",
            "The office's \"key\" work (see above) doesn't stop? ",
        ),
        ("Latin-1 symbols", "°±×÷·§©®¶µ¼½¾ "),
    ] {
        let text = sample.repeat(TARGET_BYTES / 5 / sample.len());
        let source = SourceFile::new("unusual.txt", text);
        measure(name, &rule, &source);
    }
}

fn measure(name: &str, rule: &GarbledText, source: &SourceFile) {
    let document = Document::parse(source);
    let context = RuleContext {
        rule_id: "garbled-text",
        severity: Severity::Error,
    };
    let mut best = Duration::MAX;
    let mut findings = 0;
    for _ in 0..5 {
        let start = Instant::now();
        findings = std::hint::black_box(rule.check(&document, &context)).len();
        best = best.min(start.elapsed());
    }
    let megabytes = source.text().len() as f64 / 1e6;
    eprintln!(
        "garbled-text on {name}: {megabytes:.1} MB in {:.1} ms, {:.0} MB/s single-threaded, {findings} findings",
        best.as_secs_f64() * 1e3,
        megabytes / best.as_secs_f64()
    );
}
