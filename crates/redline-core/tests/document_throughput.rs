//! Document-model throughput over the shared corpus (ignored by default):
//! `cargo test --release -p redline-core --test document_throughput -- --ignored --nocapture`

use redline_core::{Document, SourceFile};
use std::time::Instant;

#[test]
#[ignore = "a measurement, not a check; run it in release"]
fn document_model_throughput() {
    let docs = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/docs");
    let Ok(entries) = std::fs::read_dir(docs) else {
        eprintln!("notice: {docs} is absent; nothing to measure");
        return;
    };
    let mut seed = String::new();
    for entry in entries {
        seed.push_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
        seed.push('\n');
    }
    let text = seed.repeat((50 << 20) / seed.len() + 1);
    let source = SourceFile::new("corpus.txt", text);
    let started = Instant::now();
    let rounds = 5;
    let mut blocks = 0;
    for _ in 0..rounds {
        blocks += Document::parse(&source).blocks().len();
    }
    let seconds = started.elapsed().as_secs_f64() / f64::from(rounds);
    let mib = source.text().len() as f64 / f64::from(1 << 20);
    eprintln!(
        "Document::parse: {mib:.0} MiB in {:.1} ms = {:.0} MiB/s ({} blocks)",
        seconds * 1000.0,
        mib / seconds,
        blocks / rounds as usize
    );
}
