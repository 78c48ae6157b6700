//! Small graphs for the exporters' tests: a talk with a few mentions, and names that
//! break careless writers.

use std::sync::Arc;

use crate::extract::{Knowledge, Mention, NoteFacts, Rule, TalkFacts, Target};
use crate::graph::{GraphBuilder, KnowledgeGraph};
use crate::notes::{Named, SectionKind};

fn graph(title: &str, speaker: &str, mentions: &[(&str, &str)]) -> KnowledgeGraph {
    let at_lines = mentions.iter().enumerate().map(|(i, (name, surface))| (*name, *surface, 3 + i as u32));
    talk_graph(title, speaker, &at_lines.collect::<Vec<_>>())
}

/// One talk (`t.md`, line 1) by `speaker` (line 2) mentioning unlisted technologies,
/// each `(name, surface, line)`: a graph made from facts directly, without the
/// notes' clean-up of names.
pub fn talk_graph(title: &str, speaker: &str, mentions: &[(&str, &str, u32)]) -> KnowledgeGraph {
    let k = Knowledge::builtin();
    let mut b = GraphBuilder::new(&k);
    let mention = |&(name, surface, line): &(&str, &str, u32)| Mention {
        target: Target::Unlisted(name.to_string()),
        surface: surface.to_string(),
        line,
        rule: Rule::Pattern,
    };
    b.add(&NoteFacts {
        file: Arc::from("t.md"),
        key: Arc::from("t"),
        events: vec![],
        tags: vec![],
        talks: vec![TalkFacts {
            kind: SectionKind::Talk,
            title: title.into(),
            line: 1,
            event: None,
            speakers: vec![Named { name: speaker.into(), line: 2 }],
            moderators: Vec::new(),
            affiliations: Vec::new(),
            mentions: mentions.iter().map(mention).collect(),
            near_misses: vec![],
        }],
        warnings: vec![],
    });
    b.finish()
}

/// One talk by Ann Lee mentioning CPython twice (once as `cpython`) and Pyodide:
/// 4 nodes, 4 edges (presented_by, mentions ×2, co_mentioned).
pub fn tiny() -> KnowledgeGraph {
    graph("Faster CPython", "Ann Lee", &[("CPython", "cpython"), ("CPython", ""), ("Pyodide", "")])
}

/// Names that break careless writers: quotes, backslashes, newline, tab, commas,
/// `<>&`, emoji, a leading `=`, right-to-left text, Mermaid's `end` and `#quot;`.
pub fn hostile() -> KnowledgeGraph {
    graph(
        "Say \"hi\" & <b>bye</b>, then end",
        "O'Brien \\ \"Bob\" שלום",
        &[
            ("=cmd|' /C calc'!A0", "+SUM(1,2)"),
            ("two\nlines\tand tab", ""),
            ("🐍 snake, comma; semi", ""),
            ("end", "#quot; `tick` %%"),
            ("<script>&amp;", ""),
            ("o", "x"),
        ],
    )
}
