//! `--format obsidian`: the graph as an Obsidian vault, the folder `obsidian/` in the
//! output folder.
//!
//! # Contract
//!
//! - One Markdown note per node, named after its label, made safe for every file
//!   system (no `\ / : * ? " < > | # ^ [ ]` or control characters, no trailing dot or
//!   space, no reserved Windows name such as `CON`, at most 120 bytes) and unique
//!   ignoring case (a clash gets the kind, then the id, in parentheses).
//! - Each note opens with YAML front matter: `id`, `kind`, `aliases` (a list, as
//!   Obsidian reads it), the node's attributes (`category`, `homepage`, `title`,
//!   `status`, ...), and its measures `degree` and `weighted_degree`. Every string is
//!   a double-quoted scalar (JSON escaping, which YAML reads the same).
//! - Then `# Label`, a `## Links` list: one line per edge, `relation [[Other note]]
//!   (×weight)`, strongest first; every wikilink names a note of the vault.
//! - Then `## Evidence`: every `file:line` behind its edges, with the relation and the
//!   other end.
//!
//! The vault is written with the other outputs of the run and switched in with them
//! ([`super::publish`]); a vault already there is replaced whole.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use super::ExportError;
use crate::graph::{KnowledgeGraph, NodeId};

/// The vault's folder name in the output folder.
pub const FOLDER: &str = "obsidian";

/// Names reserved by Windows, whatever the extension.
const RESERVED: &[&str] = &[
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2",
    "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// A label made into a file name (without `.md`) that every OS accepts and that a
/// wikilink can name (see the module docs).
///
/// ```
/// use talkgraph::export::obsidian::file_name;
/// assert_eq!(file_name("Spy: static python"), "Spy - static python");
/// assert_eq!(file_name("a/b|c#d"), "a-b-c-d");
/// assert_eq!(file_name("con"), "con_");
/// assert_eq!(file_name("..."), "_");
/// ```
pub fn file_name(label: &str) -> String {
    let mut s = String::with_capacity(label.len());
    for c in label.chars() {
        match c {
            ':' => s.push_str(" -"),
            '\\' | '/' | '*' | '?' | '"' | '<' | '>' | '|' | '#' | '^' | '[' | ']' => s.push('-'),
            c if c.is_control() => s.push(' '),
            c => s.push(c),
        }
    }
    let mut s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    // At most 120 bytes, cut on a character boundary.
    if s.len() > 120 {
        let mut end = 120;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        s.truncate(end);
    }
    let trimmed = s.trim_end_matches(['.', ' ']).trim_start_matches(['.', ' ']).to_string();
    if trimmed.is_empty() {
        return "_".into();
    }
    let stem = trimmed.split('.').next().unwrap_or("");
    if RESERVED.iter().any(|r| r.eq_ignore_ascii_case(stem)) {
        return format!("{trimmed}_");
    }
    trimmed
}

/// Every node's note name, unique ignoring case: the label's [`file_name`], then with
/// the kind, then with the id, in parentheses.
pub fn note_names(graph: &KnowledgeGraph) -> Vec<String> {
    let mut count: BTreeMap<String, usize> = BTreeMap::new();
    for (_, n) in graph.nodes() {
        *count.entry(file_name(&n.label).to_lowercase()).or_default() += 1;
    }
    let mut taken: BTreeMap<String, ()> = BTreeMap::new();
    let mut names = Vec::with_capacity(graph.node_count());
    for (_, n) in graph.nodes() {
        let base = file_name(&n.label);
        let mut candidates = vec![];
        if count[&base.to_lowercase()] == 1 {
            candidates.push(base.clone());
        }
        candidates.push(file_name(&format!("{base} ({})", n.kind)));
        candidates.push(file_name(&format!("{base} ({})", n.id.replace(':', " "))));
        let mut name = candidates.into_iter().find(|c| !taken.contains_key(&c.to_lowercase()));
        let mut i = 2;
        while name.is_none() {
            let c = file_name(&format!("{base} {i}"));
            if !taken.contains_key(&c.to_lowercase()) {
                name = Some(c);
            }
            i += 1;
        }
        let name = name.expect("found above");
        taken.insert(name.to_lowercase(), ());
        names.push(name);
    }
    names
}

/// A YAML double-quoted scalar (JSON's string escaping, which YAML reads the same).
fn yaml(s: &str) -> String {
    serde_json::to_string(s).expect("a string always serialises")
}

/// Writes every note of the vault into `dir` (an empty folder).
pub fn write_notes(graph: &KnowledgeGraph, dir: &Path) -> Result<(), ExportError> {
    let names = note_names(graph);
    let io = |p: &Path| {
        let p = p.to_path_buf();
        move |e| ExportError::Io(p, e)
    };
    for (i, n) in graph.nodes() {
        let path = dir.join(format!("{}.md", names[i.index()]));
        let mut text = String::new();
        text.push_str("---\n");
        text.push_str(&format!("id: {}\nkind: {}\n", yaml(&n.id), yaml(n.kind.name())));
        if n.aliases.is_empty() {
            text.push_str("aliases: []\n");
        } else {
            text.push_str("aliases:\n");
            for a in &n.aliases {
                text.push_str(&format!("  - {}\n", yaml(a)));
            }
        }
        for (k, v) in &n.attrs {
            text.push_str(&format!("{k}: {}\n", yaml(v)));
        }
        let links = links(graph, i);
        let degree = links.len();
        let weighted: u64 = links.iter().map(|l| u64::from(l.1)).sum();
        text.push_str(&format!("degree: {degree}\nweighted_degree: {weighted}\n"));
        text.push_str("---\n\n");
        text.push_str(&format!("# {}\n", n.label.replace('\n', " ")));
        if !links.is_empty() {
            text.push_str("\n## Links\n\n");
            let mut by_weight = links.clone();
            by_weight.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            for (other, weight, rel, _) in &by_weight {
                text.push_str(&format!("- {rel} [[{}]] (×{weight})\n", names[other.index()]));
            }
        }
        let mut evidence: Vec<String> = Vec::new();
        for (other, _, rel, places) in &links {
            let name = &names[other.index()];
            evidence.extend(places.iter().map(|p| format!("- {p}: {rel} [[{name}]]\n")));
        }
        if !evidence.is_empty() {
            text.push_str("\n## Evidence\n\n");
            for e in evidence {
                text.push_str(&e);
            }
        }
        let mut f = std::fs::File::create(&path).map_err(io(&path))?;
        f.write_all(text.as_bytes()).map_err(io(&path))?;
    }
    Ok(())
}

/// A node's edges: (other end, weight, relation read from the node, places), in graph
/// order.
fn links(graph: &KnowledgeGraph, n: NodeId) -> Vec<(NodeId, u32, String, Vec<String>)> {
    graph
        .incident(n)
        .into_iter()
        .map(|(o, e, out)| {
            (o, e.weight, e.kind.reading(out).to_string(), graph.evidence(e).map(|a| a.to_string()).collect())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_everywhere() {
        for (label, want) in [
            ("CPython", "CPython"),
            ("Rust & <Python>, \"fast\"\\", "Rust & -Python-, -fast--"),
            ("=Ana \"Ló\" 🐍", "=Ana -Ló- 🐍"),
            ("a\nb\tc", "a b c"),
            ("  . hidden .", "hidden"),
            ("LPT1.txt", "LPT1.txt_"),
            ("[[x]]", "--x--"),
        ] {
            assert_eq!(file_name(label), want, "{label:?}");
        }
        let long = "é".repeat(100);
        assert!(file_name(&long).len() <= 120);
    }

    #[test]
    fn names_are_unique_ignoring_case() {
        let g = crate::export::fixtures::sample_graph();
        let names = note_names(&g);
        let mut lower: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
        lower.sort();
        lower.dedup();
        assert_eq!(lower.len(), names.len(), "{names:?}");
    }
}
