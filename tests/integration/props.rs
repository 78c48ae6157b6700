//! Property tests (issue 5): talks, people and technologies with names built to break
//! formats — quotes, backslashes, line breaks, commas, `;<>&{}|`, `--`, a leading
//! `= + - @`, emoji, right-to-left text, NUL — are written in every format and parsed
//! back with a real parser of that format. The name must come back exactly where the
//! format can carry it, and as the format's documented stand-in where it cannot (XML
//! has no NUL: U+FFFD; DOT and Mermaid labels have no control characters: a space).

use std::collections::BTreeSet;
use std::sync::{Arc, OnceLock};

use graphviz_rust::dot_structures::{Attribute, Graph, Id, Stmt};
use proptest::prelude::*;
use quick_xml::events::Event;
use talkgraph::export::{CsvFlavor, ExportOptions, Format};
use talkgraph::extract::{Knowledge, Mention, NoteFacts, Rule, TalkFacts, Target};
use talkgraph::graph::{GraphBuilder, KnowledgeGraph};
use talkgraph::notes::{EventInfo, Named, SectionKind};

fn knowledge() -> &'static Knowledge {
    static K: OnceLock<Knowledge> = OnceLock::new();
    K.get_or_init(Knowledge::builtin)
}

/// One talk titled `title`, presented by `person`, mentioning the unlisted `tech`.
fn graph(title: &str, person: &str, tech: &str) -> KnowledgeGraph {
    let facts = NoteFacts {
        file: Arc::from("notes/a \"b\", c.md"),
        key: Arc::from("a"),
        events: vec![EventInfo { name: "Conf 2024".into(), day: None, date: None, line: 1 }],
        tags: vec![],
        talks: vec![TalkFacts {
            kind: SectionKind::Talk,
            title: title.into(),
            line: 3,
            event: Some(0),
            speakers: vec![Named { name: person.into(), line: 4 }],
            moderators: Vec::new(),
            affiliations: Vec::new(),
            mentions: vec![Mention {
                target: Target::Unlisted(tech.into()),
                surface: tech.into(),
                line: 5,
                rule: Rule::Pattern,
            }],
            near_misses: vec![],
        }],
        warnings: vec![],
    };
    let mut b = GraphBuilder::new(knowledge());
    b.add(&facts);
    b.finish()
}

fn render(g: &KnowledgeGraph, format: Format, file: &str, opts: &ExportOptions) -> String {
    let mut out = Vec::new();
    format.write(file, g, opts, &mut out).expect("every format writes a small graph");
    String::from_utf8(out).expect("outputs are UTF-8")
}

/// Every cell of every record of a CSV file, parsed by the csv crate.
fn csv_cells(text: &str) -> BTreeSet<String> {
    let mut r = csv::ReaderBuilder::new().has_headers(true).from_reader(text.as_bytes());
    r.records().flat_map(|rec| rec.expect("valid CSV").iter().map(String::from).collect::<Vec<_>>()).collect()
}

/// Every string value anywhere in a JSON document, parsed by serde_json.
fn json_strings(text: &str) -> BTreeSet<String> {
    fn walk(v: &serde_json::Value, out: &mut BTreeSet<String>) {
        match v {
            serde_json::Value::String(s) => {
                out.insert(s.clone());
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            serde_json::Value::Object(o) => o.values().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    walk(&serde_json::from_str(text).expect("valid JSON"), &mut out);
    out
}

/// Every attribute value and every text run of an XML document, parsed by quick-xml.
fn xml_strings(text: &str) -> BTreeSet<String> {
    let mut reader = quick_xml::Reader::from_str(text);
    let (mut out, mut raw) = (BTreeSet::new(), String::new());
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) | Event::Empty(e) => {
                for a in e.attributes() {
                    out.insert(a.expect("attribute").unescape_value().expect("known entities").into_owned());
                }
                raw.clear();
            }
            Event::Text(t) => raw.push_str(&t.decode().expect("UTF-8")),
            Event::GeneralRef(r) => raw.push_str(&format!("&{};", r.decode().expect("UTF-8"))),
            Event::End(_) => {
                out.insert(quick_xml::escape::unescape(&raw).expect("known entities").into_owned());
                raw.clear();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// Every quoted id and attribute value of a DOT graph, parsed by graphviz-rust and
/// read back as Graphviz reads an escString (`\\`, `\"`, `\n`) with `&amp;` decoded.
fn dot_strings(text: &str) -> BTreeSet<String> {
    fn id(i: &Id, out: &mut BTreeSet<String>) {
        if let Id::Escaped(s) = i {
            let inner = &s[1..s.len() - 1];
            let mut v = String::new();
            let mut chars = inner.chars();
            while let Some(c) = chars.next() {
                if c == '\\' {
                    match chars.next() {
                        Some('n') => v.push('\n'),
                        Some(o) => v.push(o),
                        None => v.push('\\'),
                    }
                } else {
                    v.push(c);
                }
            }
            out.insert(v.replace("&amp;", "&"));
        }
    }
    fn attrs(a: &[Attribute], out: &mut BTreeSet<String>) {
        for Attribute(k, v) in a {
            id(k, out);
            id(v, out);
        }
    }
    fn stmts(s: &[Stmt], out: &mut BTreeSet<String>) {
        for st in s {
            match st {
                Stmt::Node(n) => attrs(&n.attributes, out),
                Stmt::Edge(e) => attrs(&e.attributes, out),
                Stmt::Subgraph(g) => stmts(&g.stmts, out),
                Stmt::Attribute(a) => attrs(std::slice::from_ref(a), out),
                Stmt::GAttribute(_) => {}
            }
        }
    }
    let g = graphviz_rust::parse(text).unwrap_or_else(|e| panic!("DOT does not parse: {e}\n{text}"));
    let mut out = BTreeSet::new();
    match &g {
        Graph::Graph { stmts: s, .. } | Graph::DiGraph { stmts: s, .. } => stmts(s, &mut out),
    }
    out
}

/// Every single-quoted Cypher string literal, decoded by Cypher's rules.
fn cypher_strings(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut chars = text.chars().peekable();
    let mut in_comment = false;
    while let Some(c) = chars.next() {
        if in_comment {
            in_comment = c != '\n';
            continue;
        }
        if c == '/' && chars.peek() == Some(&'/') {
            in_comment = true;
            continue;
        }
        if c != '\'' {
            continue;
        }
        let mut s = String::new();
        loop {
            match chars.next().expect("an unterminated Cypher string") {
                '\'' => break,
                '\\' => match chars.next().expect("an escape") {
                    'n' => s.push('\n'),
                    'r' => s.push('\r'),
                    't' => s.push('\t'),
                    'u' => {
                        let hex: String = (0..4).map(|_| chars.next().expect("4 hex digits")).collect();
                        s.push(char::from_u32(u32::from_str_radix(&hex, 16).expect("hex")).expect("a char"));
                    }
                    o => s.push(o),
                },
                o => s.push(o),
            }
        }
        out.insert(s);
    }
    out
}

/// Every double-quoted Mermaid label, with Mermaid's `#name;` entities decoded.
fn mermaid_strings(text: &str) -> BTreeSet<String> {
    text.split('"')
        .skip(1)
        .step_by(2)
        .map(|s| {
            s.replace("#quot;", "\"")
                .replace("#lt;", "<")
                .replace("#gt;", ">")
                .replace("#96;", "`")
                .replace("#35;", "#")
                .replace("#amp;", "&")
        })
        .collect()
}

fn xml_form(s: &str) -> String {
    s.chars()
        .map(|c| {
            if (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}' || c == '\u{FFFF}' {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

fn dot_form(s: &str) -> String {
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .map(|c| if c.is_control() && !matches!(c, '\t' | '\n') { ' ' } else { c })
        .collect()
}

fn mermaid_form(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

fn csv_safe_form(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// Hostile names: a risky first character, then a letter, then pieces that break
/// formats, then a letter (names are trimmed, so they start and end with text).
fn hostile() -> impl Strategy<Value = String> {
    let first = prop::sample::select(vec!["", "=", "+", "-", "@", "\"", "'", "\\", "<", "#", "🐍"]);
    let piece = prop_oneof![
        prop::sample::select(vec![
            "\"",
            "'",
            "\\",
            "\n",
            "\r\n",
            ",",
            ";",
            "<",
            ">",
            "&",
            "{",
            "}",
            "|",
            "--",
            "=",
            "+",
            "-",
            "@",
            "🐍",
            "👩🏽‍💻",
            "שלום",
            "مرحبا",
            "\u{0}",
            "\u{7}",
            "\t",
            "&amp;",
            "#quot;",
            "end",
            "<script>",
            "]]>",
            "`",
            "%",
            "\\n",
            " ",
            "'; DROP",
            "\\u0041",
        ])
        .prop_map(String::from),
        "[a-zA-Zé ]{1,4}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    (first, prop::collection::vec(piece, 0..8)).prop_map(|(f, ps)| format!("{f}A{}Z", ps.concat()))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn hostile_names_round_trip_through_every_format(title in hostile(), person in hostile(), tech in hostile()) {
        let g = graph(&title, &person, &tech);
        let labels: Vec<String> = g.nodes().map(|(_, n)| n.label.clone()).collect();
        // What the graph holds is what the notes said: these are the names to find.
        let names: Vec<&String> = labels.iter().filter(|l| [&title, &person, &tech].iter().any(|n| n.trim() == l.as_str())).collect();
        prop_assert_eq!(names.len(), 3, "the graph keeps the three names as labels: {:?}", labels);
        let plain = ExportOptions::default();
        let safe = ExportOptions { csv_safe: true, ..ExportOptions::default() };
        let neo4j = ExportOptions { csv_flavor: CsvFlavor::Neo4j, ..ExportOptions::default() };

        let gephi = csv_cells(&render(&g, Format::Csv, "nodes.csv", &plain));
        let gephi_safe = csv_cells(&render(&g, Format::Csv, "nodes.csv", &safe));
        let mut neo: BTreeSet<String> = BTreeSet::new();
        for f in Format::Csv.files(&neo4j) {
            neo.extend(csv_cells(&render(&g, Format::Csv, f, &neo4j)));
        }
        let jsonld = json_strings(&render(&g, Format::JsonLd, "graph.jsonld", &plain));
        let graphml = xml_strings(&render(&g, Format::GraphMl, "graph.graphml", &plain));
        let gexf = xml_strings(&render(&g, Format::Gexf, "graph.gexf", &plain));
        let dot = dot_strings(&render(&g, Format::Dot, "graph.dot", &plain));
        let cypher = cypher_strings(&render(&g, Format::Cypher, "graph.cypher", &plain));
        let mermaid = mermaid_strings(&render(&g, Format::Mermaid, "graph.mmd", &plain));
        for name in names {
            prop_assert!(gephi.contains(name), "CSV (Gephi) lost {:?}", name);
            prop_assert!(gephi_safe.contains(&csv_safe_form(name)), "CSV --csv-safe lost {:?}", name);
            prop_assert!(neo.contains(name), "CSV (Neo4j) lost {:?}", name);
            prop_assert!(jsonld.contains(name), "JSON-LD lost {:?}", name);
            prop_assert!(graphml.contains(&xml_form(name)), "GraphML lost {:?}", name);
            prop_assert!(gexf.contains(&xml_form(name)), "GEXF lost {:?}", name);
            prop_assert!(cypher.contains(name), "Cypher lost {:?}", name);
            prop_assert!(dot.iter().any(|s| s.contains(&dot_form(name))), "DOT lost {:?}", name);
            prop_assert!(mermaid.iter().any(|s| s.contains(&mermaid_form(name))), "Mermaid lost {:?}", name);
        }
    }
}
