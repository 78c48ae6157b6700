//! The word index: which names can start at a word of the text, and the map from
//! short words to values it is built on.

use std::collections::HashMap;

use crate::extract::text::is_word_char;

/// ASCII bytes that continue a word (letters, digits, `_`): [`is_word_char`] on ASCII.
pub(super) static ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 128 {
        t[c] = (c as u8).is_ascii_alphanumeric() || c as u8 == b'_';
        c += 1;
    }
    t
};

/// The end of the word (run of [`is_word_char`]) that starts at `start`.
pub(super) fn word_end(text: &str, start: usize) -> usize {
    let b = text.as_bytes();
    let mut i = start;
    while i < b.len() {
        if b[i] < 0x80 {
            if !ASCII_WORD[b[i] as usize] {
                break;
            }
            i += 1;
        } else {
            let c = text[i..].chars().next().expect("a char boundary");
            if !is_word_char(c) {
                break;
            }
            i += c.len_utf8();
        }
    }
    i
}

/// The `len` (1 to 8) ASCII bytes of `b` at `at`, in ASCII lower case, packed into a
/// `u64` as [`WordMap`] keys them: eight bytes read at once where the text allows,
/// and the upper-case letters among them found together (SWAR).
pub(super) fn lower_packed(b: &[u8], at: usize, len: usize) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let raw = match b.get(at..at + 8) {
        Some(eight) => u64::from_le_bytes(eight.try_into().expect("eight bytes")),
        None => {
            let mut v = [0u8; 8];
            v[..len].copy_from_slice(&b[at..at + len]);
            u64::from_le_bytes(v)
        }
    };
    let x = if len == 8 { raw } else { raw & ((1u64 << (8 * len)) - 1) };
    // Every byte is ASCII (below 0x80), so the sums below carry into no other byte.
    let at_least_a = x + ONES * u64::from(0x80 - b'A');
    let past_z = x + ONES * u64::from(0x7f - b'Z');
    let upper = at_least_a & !past_z & HIGH;
    x | (upper >> 2)
}

/// Whether a name may start at `start`: not inside a word, nor the tail of a
/// hyphenated compound (`sentence-transformers` is not Transformers; `Python-based`
/// is Python).
pub(super) fn hit_may_start(text: &str, start: usize) -> bool {
    let mut back = text[..start].chars().rev();
    match (back.next(), back.next()) {
        (None, _) => true,
        (Some('-'), Some(c)) => !is_word_char(c),
        (Some(c), _) => !is_word_char(c),
    }
}

/// Which names can start at a place of a text. A name's first word (its leading
/// run of word characters) is followed by a non-word character or the name's end,
/// so where a name is written, the word of the text at that place is exactly that
/// first word, ignoring ASCII case: names are listed under their first word (and
/// names starting with a non-word character, `.NET`, under that byte), longest
/// first, so the first one that is written there and ends on a word boundary is
/// the leftmost-longest hit.
pub(super) struct WordIndex {
    /// First word (ASCII lower case) -> range of `names`.
    pub(super) words: WordMap<(u32, u32)>,
    /// First byte of names starting with a non-word character -> range of `names`.
    pub(super) bytes: Vec<(u32, u32)>,
    /// The names, grouped as above, longest first in each group.
    pub(super) names: Vec<IndexedName>,
    /// ASCII bytes that are no word character and start no name: nothing to do there.
    pub(super) inert: [bool; 256],
}

/// A name in the [`WordIndex`]: its pattern number, and the (ASCII lower case) two
/// bytes that follow the part its group shares (first word, or first byte). A group
/// is sorted by those bytes, then longest first, so that of a large group (57 names
/// start with `python`) only the few followed by what the text holds are tried.
#[derive(Debug, Clone, Copy)]
pub(super) struct IndexedName {
    pub(super) pat: u32,
    /// The next bytes, 0 past the name's end.
    pub(super) next: [u8; 2],
}

impl WordIndex {
    pub(super) fn new<'a>(patterns: impl Iterator<Item = &'a str>) -> WordIndex {
        // (length, pattern, next two bytes) of each name, by first word or byte.
        type Group = Vec<(usize, u32, [u8; 2])>;
        let patterns: Vec<&str> = patterns.collect();
        let mut by_word: FoldMap<Vec<u8>, Group> =
            FoldMap::with_capacity_and_hasher(patterns.len(), Default::default());
        let mut by_byte: Vec<Group> = vec![Vec::new(); 256];
        let next = |p: &str, shared: usize| {
            let b = p.as_bytes();
            [0, 1].map(|k| b.get(shared + k).map_or(0, u8::to_ascii_lowercase))
        };
        for (i, p) in patterns.into_iter().enumerate() {
            let Some(first) = p.chars().next() else { continue };
            if is_word_char(first) {
                let shared = word_end(p, 0);
                let w = p.as_bytes()[..shared].to_ascii_lowercase();
                by_word.entry(w).or_default().push((p.len(), i as u32, next(p, shared)));
            } else {
                by_byte[p.as_bytes()[0] as usize].push((p.len(), i as u32, next(p, 1)));
            }
        }
        let mut names = Vec::new();
        let mut group = |mut g: Group| {
            // By the bytes that follow, then longest first (see `Matcher::hit_at`).
            g.sort_unstable_by(|a, b| a.2.cmp(&b.2).then(b.0.cmp(&a.0)).then(a.1.cmp(&b.1)));
            let from = names.len() as u32;
            names.extend(g.into_iter().map(|(_, pat, next)| IndexedName { pat, next }));
            (from, names.len() as u32)
        };
        let mut words = WordMap::default();
        // Sized once (most first words have eight bytes or fewer).
        words.short.reserve(by_word.len());
        let mut by_word: Vec<_> = by_word.into_iter().collect();
        by_word.sort_unstable();
        for (w, g) in by_word {
            words.insert(&w, group(g));
        }
        let bytes: Vec<(u32, u32)> = by_byte.into_iter().map(&mut group).collect();
        let inert = std::array::from_fn(|c| c < 0x80 && !ASCII_WORD[c] && bytes[c].0 == bytes[c].1);
        WordIndex { words, bytes, names, inert }
    }

    /// The names that can start with a whole word of the text, given in ASCII lower
    /// case: a range for [`names_in`](Self::names_in).
    pub(super) fn range_of(&self, lower: &[u8]) -> (u32, u32) {
        self.words.get(lower).unwrap_or((0, 0))
    }

    /// The names of a range from [`range_of`](Self::range_of), longest first.
    pub(super) fn names_in(&self, (a, b): (u32, u32)) -> &[IndexedName] {
        &self.names[a as usize..b as usize]
    }

    /// The names that start with the non-word byte `b`.
    pub(super) fn starting_with_byte(&self, b: u8) -> &[IndexedName] {
        let (a, e) = self.bytes[b as usize];
        &self.names[a as usize..e as usize]
    }
}

/// A map from short byte strings (words) to small values, quick for the words of
/// prose: a word of up to eight bytes is its own key, packed into a `u64`, and one
/// of up to sixteen into a `u128` (words hold no NUL byte, so the padding cannot
/// collide); longer words are keyed by their bytes. Each is a `HashMap` with
/// foldhash: it beat the open-addressed table written for it before
/// (`cargo bench --bench lexicon`, BENCHMARKS.md).
pub(super) struct WordMap<V> {
    pub(super) short: FoldMap<u64, V>,
    pub(super) medium: FoldMap<u128, V>,
    pub(super) long: FoldMap<Box<[u8]>, V>,
}

type FoldMap<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

impl<V: Copy + Default> Default for WordMap<V> {
    fn default() -> Self {
        WordMap {
            short: HashMap::with_capacity_and_hasher(1024, Default::default()),
            medium: HashMap::with_capacity_and_hasher(1024, Default::default()),
            long: HashMap::default(),
        }
    }
}

/// How [`WordMap`] keys a word.
pub(super) enum Key<'w> {
    Short(u64),
    Medium(u128),
    Long(&'w [u8]),
}

impl<V: Copy + Default> WordMap<V> {
    pub(super) fn key(word: &[u8]) -> Key<'_> {
        let mut v = [0u8; 16];
        match word.len() {
            0..=8 => {
                v[..word.len()].copy_from_slice(word);
                Key::Short(u64::from_le_bytes(v[..8].try_into().expect("eight bytes")))
            }
            9..=16 => {
                v[..word.len()].copy_from_slice(word);
                Key::Medium(u128::from_le_bytes(v))
            }
            _ => Key::Long(word),
        }
    }

    /// The value of a word packed into a `u64` (see [`lower_packed`]).
    pub(super) fn entry_packed(&mut self, key: u64, make: impl FnOnce() -> V) -> V {
        *self.short.entry(key).or_insert_with(make)
    }

    pub(super) fn insert(&mut self, word: &[u8], v: V) {
        debug_assert!(!word.is_empty() && !word.contains(&0));
        self.entry(word, || v);
    }

    pub(super) fn get(&self, word: &[u8]) -> Option<V> {
        match Self::key(word) {
            Key::Short(k) => self.short.get(&k).copied(),
            Key::Medium(k) => self.medium.get(&k).copied(),
            Key::Long(w) => self.long.get(w).copied(),
        }
    }

    /// The value of `word`, made by `make` if it has none.
    pub(super) fn entry(&mut self, word: &[u8], make: impl FnOnce() -> V) -> V {
        match Self::key(word) {
            Key::Short(k) => *self.short.entry(k).or_insert_with(make),
            Key::Medium(k) => *self.medium.entry(k).or_insert_with(make),
            // (`entry` would box the key of every word seen, new or not.)
            Key::Long(w) => match self.long.get(w) {
                Some(v) => *v,
                None => *self.long.entry(w.into()).or_insert_with(make),
            },
        }
    }

    pub(super) fn len(&self) -> usize {
        self.short.len() + self.medium.len() + self.long.len()
    }
}
