//! Where an edge was seen, stored compactly: a place is two `u32`s (the file's number
//! in the graph's file table and a 1-based line), and an edge's places are one inline
//! place plus, only when there are more, a boxed list. An edge costs 24 bytes, whatever
//! the length of the file names, and the common edge (seen once) allocates nothing.

use std::sync::Arc;

/// One place: a file of the graph's file table ([`KnowledgeGraph::file`](super::KnowledgeGraph::file)) and a 1-based line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Place {
    /// The file's number in the graph's file table.
    pub file: u32,
    /// 1-based line number.
    pub line: u32,
}

/// The places an edge was seen, in order, without repeats of the last one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Evidence {
    /// The first place; `line == 0` when there is none.
    first: Place,
    /// The places after the first, if any. Boxed on purpose: a thin pointer keeps an
    /// edge at 24 bytes, and only one edge in seven or so has a second place.
    #[allow(clippy::box_collection)]
    more: Option<Box<Vec<Place>>>,
}

impl Evidence {
    /// No places.
    pub fn new() -> Self {
        Evidence::default()
    }

    /// Whether there is no place.
    pub fn is_empty(&self) -> bool {
        self.first.line == 0
    }

    /// How many places.
    pub fn len(&self) -> usize {
        if self.is_empty() {
            0
        } else {
            1 + self.more.as_ref().map_or(0, |m| m.len())
        }
    }

    /// The last place, if any.
    pub fn last(&self) -> Option<Place> {
        match &self.more {
            Some(m) if !m.is_empty() => m.last().copied(),
            _ if self.is_empty() => None,
            _ => Some(self.first),
        }
    }

    /// Appends `at` (lines are 1-based: a line 0 is not a place and is ignored).
    pub fn push(&mut self, at: Place) {
        if at.line == 0 {
            return;
        }
        if self.is_empty() {
            self.first = at;
        } else {
            self.more.get_or_insert_with(Default::default).push(at);
        }
    }

    /// Whether `at` is one of the places.
    pub fn contains(&self, at: Place) -> bool {
        self.iter().any(|p| p == at)
    }

    /// The places, in order.
    pub fn iter(&self) -> impl Iterator<Item = Place> + '_ {
        let first = (!self.is_empty()).then_some(self.first);
        first.into_iter().chain(self.more.iter().flat_map(|m| m.iter().copied()))
    }
}

/// A place with its file name, for display: `notes/day1.md:40`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct At<'g> {
    /// The file, as the user named it or relative to the folder they named.
    pub file: &'g str,
    /// 1-based line number.
    pub line: u32,
}

impl std::fmt::Display for At<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

impl At<'_> {
    /// Appends `file:line` to `out`, the text `Display` writes, without `fmt` (the
    /// exporters write millions: `fmt` was a tenth of their instructions, callgrind).
    pub fn push_to(&self, out: &mut String) {
        out.push_str(self.file);
        out.push(':');
        push_number(out, self.line);
    }
}

/// Appends `n` in decimal to `out`, as `Display` writes it (itoa, serde_json's own).
pub fn push_number(out: &mut String, n: u32) {
    out.push_str(itoa::Buffer::new().format(n));
}

/// The file names places refer to, shared by a graph and the views made from it.
pub type Files = Arc<Vec<Arc<str>>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_and_numbers_are_pushed_as_display_writes_them() {
        for n in [0, 1, 9, 10, 99, 100, 40_321, 999_999_999, 1_000_000_000, u32::MAX] {
            let mut out = "x".to_string();
            push_number(&mut out, n);
            assert_eq!(out, format!("x{n}"));
            for file in ["notes/day1.md", "", "é 🐍/a:b.md"] {
                let (at, mut pushed) = (At { file, line: n }, String::new());
                at.push_to(&mut pushed);
                assert_eq!(pushed, at.to_string());
            }
        }
    }

    #[test]
    fn evidence_keeps_places_in_order() {
        let mut e = Evidence::new();
        assert!(e.is_empty());
        assert_eq!(e.last(), None);
        e.push(Place { file: 0, line: 0 });
        assert!(e.is_empty());
        let p = |file, line| Place { file, line };
        for at in [p(0, 3), p(0, 5), p(1, 2)] {
            e.push(at);
            assert_eq!(e.last(), Some(at));
        }
        assert_eq!(e.iter().collect::<Vec<_>>(), [p(0, 3), p(0, 5), p(1, 2)]);
        assert_eq!(e.len(), 3);
        assert!(e.contains(p(0, 5)) && !e.contains(p(1, 5)));
        assert_eq!(std::mem::size_of::<Evidence>(), 16);
        assert_eq!(At { file: "a.md", line: 4 }.to_string(), "a.md:4");
    }
}
