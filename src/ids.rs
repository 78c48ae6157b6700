//! Names and ids: the one home of the naming rules every stage shares. A node's id is
//! its kind's prefix and a key made from its name (`technology:cpython`, `pep:659`,
//! `person:lukasz-langa`, `version:python-3.11`, `talk:europython-2023-day1#22`), so
//! the same name gives the same id on every run, in the graph, in every output and in
//! the `entities` report.
//!
//! This module is a leaf: it imports nothing from the rest of the crate, so `notes`,
//! `extract`, `graph` and `export` can all use it without an import pointing back up
//! the pipeline.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// The kind of a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NodeKind {
    /// A conference, or one day of it.
    Event,
    /// A talk, keynote or lightning talk.
    Talk,
    /// A speaker or PEP author.
    Person,
    /// Something one installs, runs or buys: software, a language, a service, a
    /// format, a board.
    Technology,
    /// A concept: a field, a practice, a pattern, a language feature ("machine
    /// learning", "type checking", "generics").
    Topic,
    /// Company, foundation, community, conference organiser.
    Organization,
    /// A Python Enhancement Proposal.
    Pep,
    /// A Python version (`Python 3.11`).
    Version,
}

impl NodeKind {
    /// Every kind, in output order.
    pub const ALL: [NodeKind; 8] = [
        NodeKind::Event,
        NodeKind::Talk,
        NodeKind::Person,
        NodeKind::Technology,
        NodeKind::Topic,
        NodeKind::Organization,
        NodeKind::Pep,
        NodeKind::Version,
    ];

    /// The name used in outputs: `Event`, `Talk`, `Person`, `Technology`, `Topic`,
    /// `Organization`, `PEP`, `Version`.
    pub fn name(self) -> &'static str {
        match self {
            NodeKind::Event => "Event",
            NodeKind::Talk => "Talk",
            NodeKind::Person => "Person",
            NodeKind::Technology => "Technology",
            NodeKind::Topic => "Topic",
            NodeKind::Organization => "Organization",
            NodeKind::Pep => "PEP",
            NodeKind::Version => "Version",
        }
    }

    /// The prefix of its ids (`technology`, `pep`, ...).
    pub fn id_prefix(self) -> &'static str {
        match self {
            NodeKind::Event => "event",
            NodeKind::Talk => "talk",
            NodeKind::Person => "person",
            NodeKind::Technology => "technology",
            NodeKind::Topic => "topic",
            NodeKind::Organization => "organization",
            NodeKind::Pep => "pep",
            NodeKind::Version => "version",
        }
    }

    /// Parses a kind name, case-insensitively (`pep`, `PEP`, `organisation` too).
    pub fn from_name(s: &str) -> Option<NodeKind> {
        let s = s.trim().to_ascii_lowercase();
        Some(match s.as_str() {
            "event" | "events" => NodeKind::Event,
            "talk" | "talks" => NodeKind::Talk,
            "person" | "people" | "speaker" | "speakers" => NodeKind::Person,
            "technology" | "technologies" | "tech" => NodeKind::Technology,
            "topic" | "topics" | "concept" | "concepts" => NodeKind::Topic,
            "organization" | "organisation" | "organizations" | "organisations" | "org" => NodeKind::Organization,
            "pep" | "peps" => NodeKind::Pep,
            "version" | "versions" => NodeKind::Version,
            _ => return None,
        })
    }

    /// Whether a talk can mention a node of this kind.
    pub fn is_topic(self) -> bool {
        matches!(
            self,
            NodeKind::Technology | NodeKind::Topic | NodeKind::Organization | NodeKind::Pep | NodeKind::Version
        )
    }
}

impl std::fmt::Display for NodeKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Normalises a name into an id slug: lower case, letters and digits kept (any
/// script), `+` → `plus`, `#` → `sharp`, every other run of characters → one `-`.
///
/// ```
/// assert_eq!(talkgraph::ids::slug("Mark Shannon"), "mark-shannon");
/// assert_eq!(talkgraph::ids::slug("C++"), "cplusplus");
/// assert_eq!(talkgraph::ids::slug("  f-strings!"), "f-strings");
/// ```
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut dash = false;
    for c in name.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else if c == '+' {
            out.push_str("plus");
            dash = false;
        } else if c == '#' {
            out.push_str("sharp");
            dash = false;
        } else {
            dash = true;
        }
    }
    if out.is_empty() {
        out.push('_');
    }
    out
}

/// Folds Latin letters with diacritics to ASCII, for matching person names
/// (`Buczyński` = `Buczynski`, `Straße` = `Strasse`).
///
/// A letter is decomposed (Unicode compatibility decomposition) and its combining
/// marks dropped; the result is kept only when it is plain ASCII, so other scripts
/// (Greek, Cyrillic, Hangul, Devanagari, ...) are left exactly as written. The few
/// Latin letters that decomposition does not split (`ß`, `ł`, `đ`, `ø`, `æ`, `œ`, `þ`,
/// and `ð`, written for `đ`) are folded as people write them in ASCII.
///
/// ```
/// use talkgraph::ids::fold_diacritics;
/// assert_eq!(fold_diacritics("Łukasz Langa"), "Lukasz Langa");
/// assert_eq!(fold_diacritics("Straße"), "Strasse");
/// assert_eq!(fold_diacritics("Ağaoğlu Ștefan"), "Agaoglu Stefan");
/// assert_eq!(fold_diacritics("Μαρία"), "Μαρία");
/// ```
pub fn fold_diacritics(s: &str) -> String {
    if s.is_ascii() {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut parts = String::new();
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        if let Some(ascii) = unsplit_letter(c) {
            out.push_str(ascii);
            continue;
        }
        parts.clear();
        let mut ascii = true;
        decompose_compatible(c, |p| {
            if !is_combining_mark(p) {
                ascii &= p.is_ascii();
                parts.push(p);
            }
        });
        if ascii && !parts.is_empty() {
            out.push_str(&parts);
        } else {
            out.push(c);
        }
    }
    out
}

/// The Latin letters decomposition leaves whole, as written in ASCII.
fn unsplit_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' => "ss",
        'ẞ' => "SS",
        'ł' => "l",
        'Ł' => "L",
        'đ' | 'ð' => "d",
        'Đ' | 'Ð' => "D",
        'ø' => "o",
        'Ø' => "O",
        'æ' => "ae",
        'Æ' => "AE",
        'œ' => "oe",
        'Œ' => "OE",
        'þ' => "th",
        'Þ' => "TH",
        'ı' => "i",
        _ => return None,
    })
}

/// The id of the node of `kind` named `name`:
/// - a person: the slug of the name with diacritics folded (`person:lukasz-langa`);
/// - a PEP: its number (`pep:659` for `659`);
/// - a Python version: `version:python-3.11` for `3.11`;
/// - a talk: the slug of each `/`-separated part of the note's key, without the line
///   (see [`talk_id`]);
/// - anything else: the slug of the name (`technology:cpython`).
///
/// ```
/// use talkgraph::ids::{node_id, NodeKind};
/// assert_eq!(node_id(NodeKind::Person, "Łukasz Langa"), "person:lukasz-langa");
/// assert_eq!(node_id(NodeKind::Technology, "C++"), "technology:cplusplus");
/// assert_eq!(node_id(NodeKind::Pep, "659"), "pep:659");
/// assert_eq!(node_id(NodeKind::Version, "3.11"), "version:python-3.11");
/// ```
pub fn node_id(kind: NodeKind, name: &str) -> String {
    let prefix = kind.id_prefix();
    match kind {
        NodeKind::Person => format!("{prefix}:{}", slug(&fold_diacritics(name))),
        NodeKind::Pep => format!("{prefix}:{name}"),
        NodeKind::Version => format!("{prefix}:python-{name}"),
        NodeKind::Talk => {
            let parts: Vec<String> = name.split('/').filter(|p| !p.is_empty()).map(slug).collect();
            format!("{prefix}:{}", parts.join("/"))
        }
        NodeKind::Event | NodeKind::Technology | NodeKind::Topic | NodeKind::Organization => {
            format!("{prefix}:{}", slug(name))
        }
    }
}

/// The key under which two spellings of a person's name are one person: the slug of
/// the name with diacritics folded (`Łukasz Langa` and `Lukasz Langa` give
/// `lukasz-langa`).
pub fn person_key(name: &str) -> String {
    slug(&fold_diacritics(name))
}

/// The id of the talk that starts at `line` of the note with key `key` (its path
/// relative to the folder given, without extension): `talk:<slugs>#<line>`, e.g.
/// `talk:europython-2023-day1#22`, `talk:2024/pycon-us-day2#10`. A second talk on the
/// same line (two tracks of one row of a schedule grid) is `#10.2`, a third `#10.3`.
///
/// ```
/// assert_eq!(talkgraph::ids::talk_id("europython-2023-day1", 22), "talk:europython-2023-day1#22");
/// assert_eq!(talkgraph::ids::talk_id("2024/PyCon US", 3), "talk:2024/pycon-us#3");
/// ```
pub fn talk_id(key: &str, line: u32) -> String {
    format!("{}#{line}", node_id(NodeKind::Talk, key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_read_back_from_its_name_and_prefix() {
        for k in NodeKind::ALL {
            assert_eq!(NodeKind::from_name(k.name()), Some(k));
            assert_eq!(NodeKind::from_name(k.id_prefix()), Some(k));
        }
        assert_eq!(NodeKind::from_name("concepts"), Some(NodeKind::Topic));
        assert_eq!(node_id(NodeKind::Topic, "Type checking"), "topic:type-checking");
        assert!(NodeKind::Topic.is_topic() && !NodeKind::Person.is_topic());
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("C#"), "csharp");
        assert_eq!(slug("Node.js"), "node-js");
        assert_eq!(slug("Łukasz Langa"), "łukasz-langa");
        assert_eq!(slug("!!"), "_");
    }

    #[test]
    fn folding_covers_letters_the_old_table_missed() {
        // Issue 19: a hand table missed ß, ğ, ș, ł; "Straße" must not fold to a program.
        assert_eq!(fold_diacritics("Straße"), "Strasse");
        assert_eq!(fold_diacritics("Doğan"), "Dogan");
        assert_eq!(fold_diacritics("Ștefănescu"), "Stefanescu");
        assert_eq!(fold_diacritics("Paweł Đorđević"), "Pawel Dordevic");
        // `Ð` (eth) is written for `Đ` in Serbian names: the two spellings meet.
        assert_eq!(person_key("Ana Ðorđević"), person_key("Ana Đorđević"));
        assert_eq!(fold_diacritics("Søren Æbelø Œuvre Þór"), "Soren AEbelo OEuvre THor");
        assert_eq!(fold_diacritics("Nguyễn Thị Ánh"), "Nguyen Thi Anh");
    }

    #[test]
    fn folding_leaves_other_scripts_alone() {
        for s in ["Γιάννης", "Дмитрий Йо", "김민수", "हिन्दी", "山田太郎"] {
            assert_eq!(fold_diacritics(s), s);
        }
    }

    #[test]
    fn person_ids_meet_across_spellings() {
        assert_eq!(node_id(NodeKind::Person, "Łukasz Langa"), node_id(NodeKind::Person, "Lukasz Langa"));
        assert_eq!(person_key("Jürgen Müller"), "jurgen-muller");
    }

    #[test]
    fn talk_ids_slug_each_path_part() {
        assert_eq!(talk_id("2024//PyCon US/Day 2", 10), "talk:2024/pycon-us/day-2#10");
    }
}
