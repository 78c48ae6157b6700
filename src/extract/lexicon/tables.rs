//! A compiled lexicon read in place: the built-in one straight from the bytes
//! `build.rs` wrote (included in the binary: nothing parsed or rebuilt at start-up),
//! a user's one from the bytes `compile` gave at run time.

use std::borrow::Cow;

use super::compile::{Compiled, Section, HEADER, WIDTH};

type Blob = Cow<'static, [u8]>;

static DATA: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon_tables.bin"));
static KEYS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon_keys.fst"));
static PACKAGES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon_packages.fst"));
static WORDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon_words.fst"));

/// The tables and maps of a compiled lexicon (layout: `compile.rs`).
pub(super) struct Tables {
    data: Blob,
    keys: fst::Map<Blob>,
    packages: fst::Map<Blob>,
    words: fst::Map<Blob>,
    /// Per section: byte offset of its first record, and its record count.
    sections: [(usize, usize); WIDTH.len()],
    text: (usize, usize),
}

fn map(b: Blob) -> fst::Map<Blob> {
    fst::Map::new(b).expect("an fst written by compile.rs")
}

impl Tables {
    /// The built-in lexicon's tables.
    pub(super) fn builtin() -> Tables {
        Tables::new(DATA.into(), KEYS.into(), PACKAGES.into(), WORDS.into())
    }

    /// A lexicon's tables compiled at run time.
    pub(super) fn owned(c: Compiled) -> Tables {
        Tables::new(c.data.into(), c.keys.into(), c.packages.into(), c.words.into())
    }

    fn new(data: Blob, keys: Blob, packages: Blob, words: Blob) -> Tables {
        let word = |i: usize| u32::from_le_bytes(data[4 * i..4 * i + 4].try_into().expect("four bytes")) as usize;
        let sections = std::array::from_fn(|k| (4 * word(2 + 2 * k), word(3 + 2 * k) / WIDTH[k]));
        let text = (word(HEADER - 2), word(HEADER - 1));
        Tables { keys: map(keys), packages: map(packages), words: map(words), sections, text, data }
    }

    /// Word `k` of record `i` of section `s`.
    #[inline]
    pub(super) fn get(&self, s: Section, i: usize, k: usize) -> u32 {
        let at = self.sections[s as usize].0 + 4 * (i * WIDTH[s as usize] + k);
        u32::from_le_bytes(self.data[at..at + 4].try_into().expect("four bytes"))
    }

    /// The number of records of section `s`.
    pub(super) fn len(&self, s: Section) -> usize {
        self.sections[s as usize].1
    }

    /// Header field `i` (0: the longest typo name's length, 1: the deletion shift).
    pub(super) fn field(&self, i: usize) -> u32 {
        u32::from_le_bytes(self.data[4 * i..4 * i + 4].try_into().expect("four bytes"))
    }

    /// The string at (`offset`, `len`) of the text.
    #[inline]
    pub(super) fn str(&self, offset: u32, len: u32) -> &str {
        std::str::from_utf8(self.bytes(offset, len)).expect("compile.rs wrote whole strings")
    }

    /// The bytes of [`str`](Self::str).
    #[inline]
    pub(super) fn bytes(&self, offset: u32, len: u32) -> &[u8] {
        let (o, l) = (self.text.0 + offset as usize, len as usize);
        debug_assert!(o + l <= self.text.0 + self.text.1);
        &self.data[o..o + l]
    }

    /// The entry of a name key.
    pub(super) fn key(&self, key: &str) -> Option<u32> {
        self.keys.get(key).map(|v| v as u32)
    }

    /// The entry of a package name (lower case).
    pub(super) fn package(&self, name: &str) -> Option<u32> {
        self.packages.get(name).map(|v| v as u32)
    }

    /// Calls `f` with each first word of a name (ASCII lower case) of at most
    /// `max` bytes: the word map's keys, walked only as deep as `max`.
    pub(super) fn short_words(&self, max: usize, mut f: impl FnMut(&[u8])) {
        use fst::{IntoStreamer, Streamer};
        let mut stream = self.words.search(UpTo(max)).into_stream();
        while let Some((k, _)) = stream.next() {
            f(k);
        }
    }

    /// The range of names whose first word is `lower`.
    pub(super) fn word(&self, lower: &[u8]) -> (u32, u32) {
        self.words.get(lower).map_or((0, 0), |v| ((v >> 32) as u32, v as u32))
    }
}

/// The keys of at most this many bytes (an automaton whose state is the depth).
struct UpTo(usize);

impl fst::Automaton for UpTo {
    type State = usize;

    fn start(&self) -> usize {
        0
    }

    fn is_match(&self, _: &usize) -> bool {
        true
    }

    fn can_match(&self, depth: &usize) -> bool {
        *depth <= self.0
    }

    fn accept(&self, depth: &usize, _: u8) -> usize {
        depth + 1
    }
}

#[cfg(test)]
mod tests {
    use super::super::compile::{compile, is_word_char};
    use super::super::Lexicon;
    use super::*;

    #[test]
    fn built_in_tables_are_what_compiling_the_entries_gives() {
        let entries = Lexicon::builtin().entries();
        let c = compile(&super::super::matcher::sources(entries));
        // (Compared as a whole, not with assert_eq!: megabytes of bytes.)
        assert!(c.data == DATA, "tables differ");
        assert!(c.keys == KEYS && c.packages == PACKAGES && c.words == WORDS, "maps differ");
        let t = Tables::builtin();
        assert_eq!(t.len(Section::EntryClues), entries.len());
        assert!(t.len(Section::Pats) >= 25_000 && t.len(Section::Typos) > 1000 && t.field(0) > 8);
    }

    #[test]
    fn word_characters_are_those_of_the_text_module() {
        assert!((0..=char::MAX as u32)
            .filter_map(char::from_u32)
            .all(|c| is_word_char(c) == crate::extract::text::is_word_char(c)));
    }
}
