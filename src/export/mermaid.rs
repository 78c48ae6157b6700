//! A Mermaid flowchart (`graph.mmd`) that GitHub renders in a ```` ```mermaid ```` block.
//!
//! ```text
//! flowchart LR
//!   %% talkgraph: 4 nodes, 4 edges
//!   n0["Faster CPython"]
//!   n1(["Ann Lee"])
//!   n0 -->|presented_by| n1
//!   n2 ---|co_mentioned| n3
//!   classDef talk fill:#77aadd,stroke:#333,color:#000
//!   class n0 talk
//! ```
//!
//! - Ids are `n0`, `n1`, ... by node index: never a keyword (`end`), never starting
//!   with `o` or `x` (which, right after `--`, Mermaid reads as circle/cross arrow
//!   heads), never containing punctuation. Our own ids are not shown.
//! - Every label is quoted, and escaped with Mermaid's entity codes: `#` → `#35;`
//!   first (so a literal `#quot;` stays text), `"` → `#quot;`, `<` → `#lt;`, `>` →
//!   `#gt;`, `&` → `#amp;`, `` ` `` → `#96;` (a leading backtick would start a Markdown
//!   string); newlines, tabs and other control characters (NUL) become spaces.
//! - Shapes per kind: event `{{…}}` hexagon, talk `[…]` rectangle, person `([…])`
//!   stadium, technology `(…)` rounded, organisation `[[…]]` subroutine, PEP `[/…/]`
//!   parallelogram, version `((…))` circle. Colours per kind are `classDef`s named
//!   after the kind (`event`, `talk`, `person`, `technology`, `organization`, `pep`,
//!   `version`), from the one [palette](super::palette), with black text.
//! - Edges: `-->|relation|`; `co_mentioned` is undirected, `---|co_mentioned|`, and
//!   `moderated_by` dotted, `-.->|moderated_by|` (the links of the
//!   [table](super::table)). A weight above 1 follows the relation (`mentions 3`).
//! - Mermaid renders at most 500 edges (`maxEdges`) and 50,000 characters
//!   (`maxTextSize`) by default: past either, writing fails with a message that says
//!   so and how to narrow the graph (`--view topics`, `--focus NAME`, `--min-weight
//!   N`), rather than leave a file GitHub will not draw.

use std::io::Write;

use super::{palette, table, ExportError, ExportOptions};
use crate::graph::{KnowledgeGraph, NodeKind};

/// Mermaid's default `maxEdges`: flowcharts with more edges are not rendered.
pub const MAX_EDGES: usize = 500;

/// Mermaid's default `maxTextSize`, in UTF-16 code units (JavaScript string length):
/// longer diagrams are replaced by an error message.
pub const MAX_TEXT_SIZE: usize = 50_000;

/// Writes `graph` as a Mermaid flowchart; an error past [`MAX_EDGES`] edges or
/// [`MAX_TEXT_SIZE`] characters, Mermaid's defaults (GitHub's too).
pub fn write(graph: &KnowledgeGraph, _opts: &ExportOptions, w: &mut dyn Write) -> Result<(), ExportError> {
    let text = checked(graph).map_err(ExportError::Mermaid)?;
    w.write_all(text.as_bytes())?;
    Ok(())
}

/// Why Mermaid would not draw a graph: past one of its default limits (the message
/// says how to narrow the graph).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TooBig {
    /// This many edges, past [`MAX_EDGES`].
    #[error("the graph has {0} edges, more than Mermaid renders by default ({max}, its maxEdges); {NARROW}", max = MAX_EDGES)]
    Edges(usize),
    /// A flowchart this many characters long, past [`MAX_TEXT_SIZE`].
    #[error("the flowchart is {0} characters long, more than Mermaid renders by default ({max}, its maxTextSize); {NARROW}", max = MAX_TEXT_SIZE)]
    Text(usize),
}

/// The flowchart, or why Mermaid would refuse to draw it.
fn checked(graph: &KnowledgeGraph) -> Result<String, TooBig> {
    if graph.edge_count() > MAX_EDGES {
        return Err(TooBig::Edges(graph.edge_count()));
    }
    let text = render(graph);
    let size = text.encode_utf16().count();
    if size > MAX_TEXT_SIZE {
        return Err(TooBig::Text(size));
    }
    Ok(text)
}

/// Why Mermaid would refuse to draw `graph`, with what to do about it; `None` if it
/// draws it. Lets a run that writes several formats skip `graph.mmd` with a warning.
pub fn refusal(graph: &KnowledgeGraph) -> Option<TooBig> {
    checked(graph).err()
}

const NARROW: &str = "narrow it with --view topics, --focus NAME (with --depth N) or --min-weight N";

fn render(graph: &KnowledgeGraph) -> String {
    use std::fmt::Write as _;
    let mut w = String::with_capacity(64 * (graph.node_count() + graph.edge_count()) + 64);
    // Writing into a String cannot fail.
    let _ = writeln!(w, "flowchart LR");
    let _ = writeln!(w, "  %% talkgraph: {} nodes, {} edges", graph.node_count(), graph.edge_count());
    for (i, n) in graph.nodes() {
        let (open, close) = table::kind_row(n.kind).mermaid;
        let _ = writeln!(w, "  n{}{open}\"{}\"{close}", i.index(), escape(&n.label));
    }
    for (s, t, e) in graph.edge_indices() {
        let link = table::rel_row(e.kind).mermaid_link;
        let label = if e.weight > 1 { format!("{} {}", e.kind.name(), e.weight) } else { e.kind.name().to_string() };
        let _ = writeln!(w, "  n{} {link}|{label}| n{}", s.index(), t.index());
    }
    for kind in NodeKind::ALL {
        let members: Vec<String> =
            graph.nodes().filter(|(_, n)| n.kind == kind).map(|(i, _)| format!("n{}", i.index())).collect();
        if members.is_empty() {
            continue;
        }
        let class = kind.id_prefix();
        let _ = writeln!(w, "  classDef {class} fill:{},stroke:#333,color:#000", palette::kind_hex(kind));
        let _ = writeln!(w, "  class {} {class}", members.join(","));
    }
    w
}

/// Escapes a label for the inside of a quoted Mermaid string (see the module docs).
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '#' => out.push_str("#35;"),
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '`' => out.push_str("#96;"),
            // Line and paragraph separators end a Mermaid line as a newline does.
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testgraphs::{hostile, tiny};

    fn render(g: &KnowledgeGraph) -> Result<String, ExportError> {
        let mut out = Vec::new();
        write(g, &ExportOptions::default(), &mut out)?;
        Ok(String::from_utf8(out).expect("UTF-8"))
    }

    #[test]
    fn tiny_graph_exact_output() {
        let expected = r#"flowchart LR
  %% talkgraph: 4 nodes, 4 edges
  n0["Faster CPython"]
  n1(["Ann Lee"])
  n2("CPython")
  n3("Pyodide")
  n0 -->|presented_by| n1
  n0 -->|mentions 2| n2
  n0 -->|mentions| n3
  n2 ---|co_mentioned| n3
  classDef talk fill:#77aadd,stroke:#333,color:#000
  class n0 talk
  classDef person fill:#ffaabb,stroke:#333,color:#000
  class n1 person
  classDef technology fill:#44bb99,stroke:#333,color:#000
  class n2,n3 technology
"#;
        assert_eq!(render(&tiny()).expect("writes"), expected);
    }

    #[test]
    fn escaping_table() {
        for (input, want) in [
            ("plain text", "plain text"),
            ("say \"hi\"", "say #quot;hi#quot;"),
            ("a<b>&c", "a#lt;b#gt;#amp;c"),
            ("#quot; stays text", "#35;quot; stays text"),
            ("C# and F#", "C#35; and F#35;"),
            ("`md` string", "#96;md#96; string"),
            ("two\nlines\tand\r\n", "two lines and  "),
            // Issue 19: U+2028 and U+2029 break a Mermaid line.
            ("one\u{2028}two\u{2029}three", "one two three"),
            ("end", "end"),
            ("🐍 שלום =1+1 \\ ,;", "🐍 שלום =1+1 \\ ,;"),
        ] {
            assert_eq!(escape(input), want, "{input:?}");
        }
    }

    #[test]
    fn hostile_labels_stay_inside_their_quotes() {
        let out = render(&hostile()).expect("writes");
        for line in out.lines().skip(2).filter(|l| l.contains('"')) {
            // One quoted label per node line, nothing after the closing bracket.
            assert_eq!(line.matches('"').count(), 2, "{line}");
            assert!(!line.contains('<') && !line.contains('&') && !line.contains('`'), "{line}");
        }
        // `end` and `o`/`x` are labels only; every id is nN.
        assert!(out.contains("(\"end\")"));
        assert!(out.contains("(\"o\")"));
        for line in out.lines().filter(|l| l.contains("--")) {
            let words: Vec<&str> = line.split_whitespace().collect();
            assert!(words[0].starts_with('n') && words[2].starts_with('n'), "{line}");
        }
        assert_eq!(out.lines().filter(|l| l.contains("-->") || l.contains("---")).count(), hostile().edge_count());
    }

    #[test]
    fn too_long_text_is_an_error_too() {
        use crate::extract::{Knowledge, NoteFacts, TalkFacts};
        use crate::notes::SectionKind;
        use std::sync::Arc;
        // `n` talks with 2,000-character titles and no edge.
        let graph = |n: u32| {
            let talks = (0..n)
                .map(|i| TalkFacts {
                    kind: SectionKind::Talk,
                    title: "é".repeat(2000),
                    line: 1 + i,
                    event: None,
                    speakers: vec![],
                    moderators: Vec::new(),
                    affiliations: Vec::new(),
                    mentions: vec![],
                    near_misses: vec![],
                })
                .collect();
            let k = Knowledge::builtin();
            let mut b = crate::graph::GraphBuilder::new(&k);
            let (file, key) = (Arc::from("long.md"), Arc::from("long"));
            b.add(&NoteFacts { file, key, events: vec![], tags: vec![], talks, warnings: vec![] });
            b.finish()
        };
        let err = render(&graph(30)).expect_err("past maxTextSize");
        let msg = std::error::Error::source(&err).expect("cause").to_string();
        assert!(msg.starts_with("the flowchart is 60"), "{msg}");
        assert!(msg.contains("maxTextSize") && msg.contains("--focus NAME"), "{msg}");
        // 40,000 é, counted in UTF-16 units as Mermaid counts (not 80,000 bytes), fit.
        assert!(render(&graph(20)).is_ok());
    }

    #[test]
    fn too_many_edges_is_an_error_that_suggests_narrowing() {
        use crate::extract::{Knowledge, Mention, NoteFacts, Rule, TalkFacts, Target};
        use crate::notes::SectionKind;
        use std::sync::Arc;
        // One talk mentioning 32 topics: 32 mentions + 32·31/2 co-mentions = 528 edges.
        let mentions = (0..32)
            .map(|i| Mention {
                target: Target::Unlisted(format!("tool{i}")),
                surface: String::new(),
                line: 2 + i,
                rule: Rule::Pattern,
            })
            .collect();
        let talk = TalkFacts {
            kind: SectionKind::Talk,
            title: "Big".into(),
            line: 1,
            event: None,
            speakers: vec![],
            moderators: Vec::new(),
            affiliations: Vec::new(),
            mentions,
            near_misses: vec![],
        };
        let k = Knowledge::builtin();
        let mut b = crate::graph::GraphBuilder::new(&k);
        b.add(&NoteFacts {
            file: Arc::from("big.md"),
            key: Arc::from("big"),
            events: vec![],
            tags: vec![],
            talks: vec![talk],
            warnings: vec![],
        });
        let g = b.finish();
        assert_eq!(g.edge_count(), 528);
        let err = render(&g).expect_err("past maxEdges");
        let msg = format!("{err}: {}", std::error::Error::source(&err).expect("cause"));
        assert!(msg.starts_with("writing graph.mmd: the graph has 528 edges"), "{msg}");
        for hint in ["500", "--view topics", "--focus NAME", "--min-weight N"] {
            assert!(msg.contains(hint), "{hint} in {msg}");
        }
        // Narrowed by a view, it fits again.
        let few = g
            .view(&crate::graph::ViewOptions { focus: Some("tool0".into()), depth: Some(0), ..Default::default() })
            .expect("view");
        assert!(render(&few).is_ok());
    }
}
