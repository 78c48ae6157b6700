//! Fuzz target: the notes reader and the extractor. Any bytes are a note: decoding,
//! segmenting and recognising must never panic, and every section and mention must
//! point at a line that exists.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use talkgraph::extract::{Extractor, Knowledge};
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

fuzz_target!(|data: &[u8]| {
    let mut warnings = Vec::new();
    let file: std::sync::Arc<str> = "fuzz.md".into();
    let Some(text) = decode(data, &file, &mut warnings) else { return };
    let lines = text.split_inclusive(['\n']).count().max(1) as u32 + text.matches('\r').count() as u32;
    let note = Note { file, key: "fuzz".into(), text };
    let doc = segment(&note);
    for s in &doc.sections {
        assert!(s.line >= 1 && s.line <= lines, "section line {} of {lines}", s.line);
    }
    let facts = extractor().extract(&doc);
    for t in &facts.talks {
        for m in &t.mentions {
            assert!(m.line >= 1 && m.line <= lines, "mention line {} of {lines}", m.line);
        }
    }
});
