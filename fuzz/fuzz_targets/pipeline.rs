//! Fuzz target: the whole pipeline into every exporter. Any bytes are a note; the
//! graph built from it must export in every format without error or panic, and the
//! JSON-LD must parse back as JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use talkgraph::export::{ExportOptions, Format};
use talkgraph::extract::{Extractor, Knowledge};
use talkgraph::graph::GraphBuilder;
use talkgraph::notes::{decode, segment, Note};

fn knowledge() -> &'static Knowledge {
    static K: OnceLock<Knowledge> = OnceLock::new();
    K.get_or_init(Knowledge::builtin)
}

/// Built once: building the matcher takes milliseconds, the inputs microseconds.
fn extractor() -> &'static Extractor<'static> {
    static E: OnceLock<Extractor<'static>> = OnceLock::new();
    E.get_or_init(|| Extractor::new(knowledge()))
}

/// An error with its sources, as the binary prints it.
fn chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut src = e.source();
    while let Some(x) = src {
        s.push_str(": ");
        s.push_str(&x.to_string());
        src = x.source();
    }
    s
}

fuzz_target!(|data: &[u8]| {
    let mut warnings = Vec::new();
    let file: std::sync::Arc<str> = "fuzz.md".into();
    let Some(text) = decode(data, &file, &mut warnings) else { return };
    let note = Note { file, key: "fuzz".into(), text };
    let doc = segment(&note);
    let facts = extractor().extract(&doc);
    let mut b = GraphBuilder::new(knowledge());
    b.add(&facts);
    let graph = b.finish();
    let opts = ExportOptions::default();
    for format in Format::ALL {
        for file in format.files(&opts) {
            let mut out = Vec::new();
            match format.write(file, &graph, &opts, &mut out) {
                Ok(()) => {}
                // Mermaid refuses graphs past its edge limit, by design.
                Err(e) if format == Format::Mermaid && chain(&e).contains("more than Mermaid renders") => continue,
                Err(e) => panic!("{format} {file}: {e}"),
            }
            if format == Format::JsonLd {
                serde_json::from_slice::<serde_json::Value>(&out).expect("JSON-LD is JSON");
            }
        }
    }
});
