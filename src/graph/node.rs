//! A node and its typed attributes: what the graph knows about an entity besides its
//! id, kind and label. Every attribute has a name in [`Attr`] (the names the outputs
//! write), and a value that is text or, for a talk's line, a number
//! ([`AttrValue`]); [`export::table`](crate::export::table) says which formats write
//! which.

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::ids::NodeKind;
use crate::notes::SectionKind;

/// A node: an entity with a stable id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// Stable id: `kind:slug`.
    pub id: String,
    /// Its kind.
    pub kind: NodeKind,
    /// Display name.
    pub label: String,
    /// Further facts: only what is known is present.
    pub attrs: Attrs,
    /// Every other spelling seen for it (surface forms merged into it).
    pub aliases: BTreeSet<String>,
}

impl Node {
    /// The value of attribute `a`, if present.
    pub fn attr(&self, a: Attr) -> Option<AttrValue<'_>> {
        self.attrs.get(a)
    }

    /// The value of a text attribute, if present (`None` for [`Attr::Line`], a number:
    /// see [`Attrs::talk`]).
    pub fn text(&self, a: Attr) -> Option<&str> {
        self.attrs.text(a)
    }
}

/// The name of a node attribute. Declared in the order of the names, which is the
/// order [`Attrs::iter`] gives them in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Attr {
    /// What a lexicon entry is (`library`, `language`, ...; `unlisted` for a name no
    /// lexicon has).
    Category,
    /// The day of an event, or of a talk's event, as the notes give it.
    Date,
    /// The note a talk is in (its display name).
    File,
    /// A lexicon entry's home page.
    Homepage,
    /// A PEP's identifier (`PEP 659`).
    Identifier,
    /// The 1-based line of a talk's heading: a number.
    Line,
    /// A lexicon entry's PyPI project.
    Pypi,
    /// The Python version a PEP is for.
    PythonVersion,
    /// A PEP's status (`Final`, `Draft`, ...).
    Status,
    /// A talk's kind (`talk`, `keynote`, `lightning`).
    TalkKind,
    /// A PEP's title.
    Title,
    /// A PEP's type (`Standards Track`, ...).
    Type,
    /// A PEP's page.
    Url,
    /// A lexicon entry's Wikidata id (`Q28865`).
    Wikidata,
}

impl Attr {
    /// Every attribute, in name order.
    pub const ALL: [Attr; 14] = [
        Attr::Category,
        Attr::Date,
        Attr::File,
        Attr::Homepage,
        Attr::Identifier,
        Attr::Line,
        Attr::Pypi,
        Attr::PythonVersion,
        Attr::Status,
        Attr::TalkKind,
        Attr::Title,
        Attr::Type,
        Attr::Url,
        Attr::Wikidata,
    ];

    /// The name outputs give it (`category`, `python_version`, `talk_kind`, ...).
    ///
    /// ```
    /// assert_eq!(talkgraph::graph::Attr::PythonVersion.name(), "python_version");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Attr::Category => "category",
            Attr::Date => "date",
            Attr::File => "file",
            Attr::Homepage => "homepage",
            Attr::Identifier => "identifier",
            Attr::Line => "line",
            Attr::Pypi => "pypi",
            Attr::PythonVersion => "python_version",
            Attr::Status => "status",
            Attr::TalkKind => "talk_kind",
            Attr::Title => "title",
            Attr::Type => "type",
            Attr::Url => "url",
            Attr::Wikidata => "wikidata",
        }
    }

    /// Whether its values are numbers (only [`Attr::Line`]).
    pub fn is_number(self) -> bool {
        self == Attr::Line
    }
}

impl std::fmt::Display for Attr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The value of an attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttrValue<'a> {
    /// Text.
    Text(&'a str),
    /// A whole number (a line).
    Number(u32),
}

impl<'a> AttrValue<'a> {
    /// The value as text (a number in decimal).
    pub fn to_text(self) -> std::borrow::Cow<'a, str> {
        match self {
            AttrValue::Text(s) => std::borrow::Cow::Borrowed(s),
            AttrValue::Number(n) => std::borrow::Cow::Owned(n.to_string()),
        }
    }

    /// The text, if this is a text value.
    pub fn as_text(self) -> Option<&'a str> {
        match self {
            AttrValue::Text(s) => Some(s),
            AttrValue::Number(_) => None,
        }
    }
}

impl std::fmt::Display for AttrValue<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AttrValue::Text(s) => f.write_str(s),
            AttrValue::Number(n) => write!(f, "{n}"),
        }
    }
}

/// Where a talk is and what kind it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TalkAt {
    /// Talk, keynote or lightning talk.
    pub kind: SectionKind,
    /// The note it is in (its display name, shared with the graph's file table).
    pub file: Arc<str>,
    /// The 1-based line of its heading.
    pub line: u32,
}

/// A node's attributes: the talk's place and kind and the date as fields of their
/// own, the text the lexicon and the PEP catalogue give as a short list keyed by
/// [`Attr`] (each name at most once, in name order).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attrs {
    /// A talk's kind, file and line ([`Attr::TalkKind`], [`Attr::File`], [`Attr::Line`]).
    pub talk: Option<TalkAt>,
    /// [`Attr::Date`]: an event's day (the earliest any note gives), or its talk's.
    pub date: Option<Arc<str>>,
    /// Every other attribute, in name order.
    text: Vec<(Attr, Box<str>)>,
}

impl Attrs {
    /// A talk's attributes: its kind and place, nothing else yet.
    pub fn of_talk(talk: TalkAt) -> Attrs {
        Attrs { talk: Some(talk), ..Attrs::default() }
    }

    /// Whether no attribute is known.
    pub fn is_empty(&self) -> bool {
        self.talk.is_none() && self.date.is_none() && self.text.is_empty()
    }

    /// The value of `a`, if present.
    pub fn get(&self, a: Attr) -> Option<AttrValue<'_>> {
        match a {
            Attr::Line => self.talk.as_ref().map(|t| AttrValue::Number(t.line)),
            _ => self.text(a).map(AttrValue::Text),
        }
    }

    /// The value of text attribute `a`, if present (`None` for [`Attr::Line`]).
    pub fn text(&self, a: Attr) -> Option<&str> {
        match a {
            Attr::Date => self.date.as_deref(),
            Attr::File => self.talk.as_ref().map(|t| &*t.file),
            Attr::TalkKind => self.talk.as_ref().map(|t| t.kind.name()),
            Attr::Line => None,
            _ => self.text.iter().find(|(k, _)| *k == a).map(|(_, v)| &**v),
        }
    }

    /// Every attribute present, in name order.
    pub fn iter(&self) -> impl Iterator<Item = (Attr, AttrValue<'_>)> + '_ {
        Attr::ALL.into_iter().filter_map(|a| Some((a, self.get(a)?)))
    }

    /// Sets text attribute `a` (one of those without a field of its own).
    pub fn set(&mut self, a: Attr, value: impl Into<Box<str>>) {
        debug_assert!(!matches!(a, Attr::Date | Attr::File | Attr::Line | Attr::TalkKind), "{a} has a field");
        let value = value.into();
        match self.text.binary_search_by_key(&a, |(k, _)| *k) {
            Ok(i) => self.text[i].1 = value,
            Err(i) => self.text.insert(i, (a, value)),
        }
    }

    /// Whether text attribute `a` is present; sets it to `value()` if not.
    pub fn set_default(&mut self, a: Attr, value: impl FnOnce() -> Box<str>) {
        if self.text(a).is_none() {
            self.set(a, value());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_in_name_order_with_the_line_a_number() {
        let mut a = Attrs::default();
        assert!(a.is_empty());
        a.set(Attr::Url, "https://peps.python.org/pep-0659/");
        a.set(Attr::Category, "library");
        a.talk = Some(TalkAt { kind: SectionKind::Keynote, file: Arc::from("notes/day1.md"), line: 22 });
        a.set_default(Attr::Category, || "unlisted".into());
        let all: Vec<(&str, String)> = a.iter().map(|(k, v)| (k.name(), v.to_string())).collect();
        let names: Vec<&str> = all.iter().map(|(k, _)| *k).collect();
        assert_eq!(names, ["category", "file", "line", "talk_kind", "url"]);
        assert_eq!(a.text(Attr::Category), Some("library"));
        assert_eq!(a.get(Attr::Line), Some(AttrValue::Number(22)));
        assert_eq!(a.text(Attr::Line), None);
        assert_eq!(a.text(Attr::TalkKind), Some("keynote"));
    }

    #[test]
    fn names_are_sorted_and_distinct() {
        let names: Vec<&str> = Attr::ALL.iter().map(|a| a.name()).collect();
        assert!(names.windows(2).all(|w| w[0] < w[1]), "{names:?}");
    }
}
