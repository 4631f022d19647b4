//! Throughput of the rule on the corpus repeated to about 50 MB:
//! `cargo test --release -p redline-rules-garbled-text -- --ignored --nocapture`.

use redline_core::DeclaredRule;
use redline_rules_garbled_text::GarbledText;

const TARGET_BYTES: usize = 50 << 20;

#[test]
#[ignore = "a benchmark: run in release with --ignored --nocapture"]
fn throughput() {
    let Some(text) = redline_testing::corpus_text_of_size(TARGET_BYTES) else {
        return;
    };
    let rule = GarbledText::from_options(Default::default()).unwrap();
    redline_testing::throughput(&rule, "corpus", text, 5);
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
        redline_testing::throughput(&rule, name, text, 5);
    }
}
