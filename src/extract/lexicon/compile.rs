//! The compiled form of a lexicon: everything matching needs that depends only on
//! the entries (the patterns, the word index, the typo index, the clues, and the
//! maps from a name or a package to its entry), as flat tables of little-endian
//! `u32`s and three [`fst`] maps, read in place (see `tables.rs`) without parsing or
//! rebuilding.
//!
//! `build.rs` includes this file to compile the built-in lexicon once, when the
//! program is built (start-up then only points at the tables); a user's lexicon is
//! compiled by the same code when it is first used. A test checks that both give the
//! same bytes for the built-in entries.

use std::collections::{HashMap, HashSet};

use super::check::name_key;

/// What compiling needs of one entry.
pub struct Source<'a> {
    /// The canonical name, then the aliases.
    pub names: Vec<&'a str>,
    /// PyPI name, then npm name, if any.
    pub packages: Vec<&'a str>,
    /// Words that confirm an ambiguous name nearby.
    pub clues: Vec<&'a str>,
    /// `case = "sensitive"`.
    pub case_sensitive: bool,
    /// `ambiguous = true`.
    pub ambiguous: bool,
    /// Misspellings are linked (`typos` is not false).
    pub typos: bool,
}

/// A compiled lexicon: the tables (`data`, laid out as [`Section`] says) and the
/// maps, each an [`fst::Map`]: name key ([`name_key`]) to entry, package name (lower
/// case) to entry, and a name's first word (ASCII lower case) to its range of
/// [`Section::Names`] (`from << 32 | to`).
pub struct Compiled {
    /// The tables.
    pub data: Vec<u8>,
    /// Name key -> entry.
    pub keys: Vec<u8>,
    /// Package name -> entry.
    pub packages: Vec<u8>,
    /// First word -> range of names.
    pub words: Vec<u8>,
}

/// The tables of [`Compiled::data`], in this order, after a header of
/// [`HEADER`] words: `longest_typo_name`, `deletion_shift`, then per section its
/// first word and its length in words, then the byte offset and length of the text.
#[derive(Clone, Copy)]
pub enum Section {
    /// Per pattern (a name or alias, trimmed, once per entry): entry, text offset,
    /// text length, flags ([`SENSITIVE`], [`AMBIGUOUS`]).
    Pats,
    /// The word index's names: pattern, and the two (ASCII lower case) bytes after
    /// the part their group shares (`b0 | b1 << 8`, 0 past the end), grouped by
    /// first word or first byte, each group sorted by those bytes, then longest first.
    Names,
    /// Per byte (256): the range of `Names` of the names starting with it that start
    /// with no word character (`.NET`).
    Bytes,
    /// Names typos may resolve to: text offset and length (lower case), entry,
    /// length in characters (as written).
    Typos,
    /// The deletion index, sorted: hash (low word, high word), typo name.
    Deletions,
    /// One bit per deletion hash's top `deletion_shift` bits, as `u64`s (low, high).
    Bits,
    /// Per entry: first and count of its clues in `ClueIds`.
    EntryClues,
    /// Clue numbers.
    ClueIds,
    /// Per distinct clue (ASCII lower case): text offset and length.
    Clues,
}

/// Words of [`Section`] records.
pub const WIDTH: [usize; 9] = [4, 2, 2, 4, 3, 2, 2, 1, 2];

/// Header words: two fields, two per section, two for the text.
pub const HEADER: usize = 2 + 2 * WIDTH.len() + 2;

/// Pattern flag: the name must match with its case.
pub const SENSITIVE: u32 = 1;
/// Pattern flag: its entry is marked ambiguous.
pub const AMBIGUOUS: u32 = 2;

/// `c` continues a word: `crate::extract::text::is_word_char` (a test checks they
/// agree on every character; `build.rs` has no access to that module).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The length of the first word (run of word characters) of `s`.
pub fn first_word_len(s: &str) -> usize {
    s.char_indices().find(|&(_, c)| !is_word_char(c)).map_or(s.len(), |(i, _)| i)
}

/// Calls `f` with the hash of `s`, of every string made of `s` without one of its
/// characters, and, if `two`, without two of them: the keys of the deletion index.
pub fn variants(s: &str, two: bool, mut f: impl FnMut(u64)) {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    // FNV-1a, resumable: the hash of a string cut in pieces is the hash of the whole.
    let fnv = |h: u64, bytes: &[u8]| bytes.iter().fold(h, |h, &b| (h ^ u64::from(b)).wrapping_mul(PRIME));
    let b = s.as_bytes();
    f(fnv(OFFSET, b));
    let cuts: Vec<(usize, usize)> = s.char_indices().map(|(i, c)| (i, i + c.len_utf8())).collect();
    for (a, &(i0, i1)) in cuts.iter().enumerate() {
        let head = fnv(OFFSET, &b[..i0]);
        f(fnv(head, &b[i1..]));
        if two {
            for &(j0, j1) in &cuts[a + 1..] {
                f(fnv(fnv(head, &b[i1..j0]), &b[j1..]));
            }
        }
    }
}

/// The most edits a typo of a name of `len` characters may have.
pub fn allowed_distance(len: usize) -> usize {
    match len {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// Strings, stored once each, one after the other.
#[derive(Default)]
struct Text {
    bytes: Vec<u8>,
    at: HashMap<String, (u32, u32)>,
}

impl Text {
    fn add(&mut self, s: &str) -> [u32; 2] {
        if let Some(&(o, l)) = self.at.get(s) {
            return [o, l];
        }
        let p = (self.bytes.len() as u32, s.len() as u32);
        self.bytes.extend_from_slice(s.as_bytes());
        self.at.insert(s.to_string(), p);
        [p.0, p.1]
    }
}

/// An [`fst::Map`] of `pairs` (key, value), the first value of a key kept.
fn map(mut pairs: Vec<(Vec<u8>, u64)>) -> Vec<u8> {
    // (A stable sort: of equal keys, the first given stays first.)
    pairs.sort_by(|a, b| a.0.cmp(&b.0));
    pairs.dedup_by(|b, a| a.0 == b.0);
    fst::Map::from_iter(pairs).expect("keys sorted and distinct").into_fst().into_inner()
}

/// Compiles `entries` (entry ids are their positions).
pub fn compile(entries: &[Source<'_>]) -> Compiled {
    let mut text = Text::default();
    let mut sections: Vec<Vec<u32>> = vec![Vec::new(); WIDTH.len()];
    let mut pats: Vec<&str> = Vec::new();
    let mut typo_names: Vec<(String, u32, usize)> = Vec::new();
    for (id, e) in entries.iter().enumerate() {
        let mut seen = HashSet::new();
        for n in &e.names {
            let n = n.trim();
            if n.is_empty() || !seen.insert(name_key(n)) {
                continue;
            }
            let flags = (u32::from(e.case_sensitive) * SENSITIVE) | (u32::from(e.ambiguous) * AMBIGUOUS);
            let [o, l] = text.add(n);
            sections[Section::Pats as usize].extend([id as u32, o, l, flags]);
            pats.push(n);
            let len = n.chars().count();
            // Names with digits are versions of something (`Llama2`, `GPT3`): a
            // missing digit is another version, not a typo.
            let plain = n.chars().all(|c| is_word_char(c) && !c.is_ascii_digit());
            if e.typos && !e.ambiguous && !e.case_sensitive && (5..256).contains(&len) && plain {
                typo_names.push((n.to_lowercase(), id as u32, len));
            }
        }
    }

    // The word index: names by first word (or first non-word byte), each group by
    // the bytes that follow it, then longest first (see `Matcher::hit_at`).
    type Group = Vec<(usize, u32, [u8; 2])>;
    let mut by_word: HashMap<Vec<u8>, Group> = HashMap::new();
    let mut by_byte: Vec<Group> = vec![Vec::new(); 256];
    let next = |p: &str, shared: usize| {
        let b = p.as_bytes();
        [0, 1].map(|k| b.get(shared + k).map_or(0, u8::to_ascii_lowercase))
    };
    for (i, p) in pats.iter().enumerate() {
        let Some(first) = p.chars().next() else { continue };
        if is_word_char(first) {
            let shared = first_word_len(p);
            let w = p.as_bytes()[..shared].to_ascii_lowercase();
            by_word.entry(w).or_default().push((p.len(), i as u32, next(p, shared)));
        } else {
            by_byte[p.as_bytes()[0] as usize].push((p.len(), i as u32, next(p, 1)));
        }
    }
    let names = &mut sections[Section::Names as usize];
    let mut group = |mut g: Group| {
        g.sort_unstable_by(|a, b| a.2.cmp(&b.2).then(b.0.cmp(&a.0)).then(a.1.cmp(&b.1)));
        let from = (names.len() / 2) as u32;
        for (_, pat, next) in g {
            names.extend([pat, u32::from(next[0]) | u32::from(next[1]) << 8]);
        }
        (from, (names.len() / 2) as u32)
    };
    let mut by_word: Vec<_> = by_word.into_iter().collect();
    by_word.sort_unstable();
    let words: Vec<(Vec<u8>, u64)> = by_word
        .into_iter()
        .map(|(w, g)| {
            let (from, to) = group(g);
            (w, u64::from(from) << 32 | u64::from(to))
        })
        .collect();
    let bytes: Vec<u32> = by_byte.into_iter().flat_map(|g| <[u32; 2]>::from(group(g))).collect();
    sections[Section::Bytes as usize] = bytes;

    // The typo index: each name's deletion variants (hashes), sorted, and a bitset of
    // their top bits (about 16 bits per variant: one variant of a word in 16 passes
    // the bitset by chance).
    let mut deletions = Vec::new();
    for (i, (name, _, len)) in typo_names.iter().enumerate() {
        variants(name, allowed_distance(*len) >= 2, |h| deletions.push((h, i as u32)));
    }
    deletions.sort_unstable();
    deletions.dedup();
    let shift = (deletions.len().max(1) * 16).next_power_of_two().trailing_zeros().max(6);
    let mut bits = vec![0u64; 1 << (shift - 6)];
    for &(h, _) in &deletions {
        let bit = (h >> (64 - shift)) as usize;
        bits[bit / 64] |= 1 << (bit % 64);
    }
    let longest = typo_names.iter().map(|t| t.2).max().unwrap_or(0);
    for (name, entry, len) in &typo_names {
        let [o, l] = text.add(name);
        sections[Section::Typos as usize].extend([o, l, *entry, *len as u32]);
    }
    for (h, i) in deletions {
        sections[Section::Deletions as usize].extend([h as u32, (h >> 32) as u32, i]);
    }
    sections[Section::Bits as usize] = bits.iter().flat_map(|&b| [b as u32, (b >> 32) as u32]).collect();

    // Clues: every distinct one once (thousands of generated entries share those of
    // their ecosystem).
    let mut clue_ids: HashMap<String, u32> = HashMap::new();
    for e in entries {
        let first = sections[Section::ClueIds as usize].len() as u32;
        for c in &e.clues {
            let n = clue_ids.len() as u32;
            let id = *clue_ids.entry(c.to_ascii_lowercase()).or_insert_with_key(|c| {
                let [o, l] = text.add(c);
                sections[Section::Clues as usize].extend([o, l]);
                n
            });
            sections[Section::ClueIds as usize].push(id);
        }
        sections[Section::EntryClues as usize].extend([first, e.clues.len() as u32]);
    }

    let mut header = vec![longest as u32, shift];
    let mut at = HEADER;
    for s in &sections {
        header.extend([at as u32, s.len() as u32]);
        at += s.len();
    }
    header.extend([(4 * at) as u32, text.bytes.len() as u32]);
    debug_assert_eq!(header.len(), HEADER);
    let mut data = Vec::with_capacity(4 * at + text.bytes.len());
    for w in header.iter().chain(sections.iter().flatten()) {
        data.extend(w.to_le_bytes());
    }
    data.extend(&text.bytes);

    let mut keys = Vec::new();
    let mut packages = Vec::new();
    for (id, e) in entries.iter().enumerate() {
        keys.extend(e.names.iter().map(|n| (name_key(n).into_bytes(), id as u64)));
        packages.extend(e.packages.iter().map(|p| (p.to_lowercase().into_bytes(), id as u64)));
    }
    Compiled { data, keys: map(keys), packages: map(packages), words: map(words) }
}
