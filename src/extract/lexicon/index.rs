//! Words of the text: where they end, their ASCII lower case packed for a look-up,
//! where a name may start, and the map from short words to values that the
//! per-thread word cache is.

use std::collections::HashMap;

use crate::extract::scratch::Token;
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

const HIGH: u64 = 0x8080_8080_8080_8080;
const ONES: u64 = 0x0101_0101_0101_0101;

/// The eight bytes of `b` at `at`, as a little-endian `u64`; past the end of `b`,
/// bytes 0 (no word character, and inert unless a name starts with NUL).
#[inline(always)]
pub(super) fn load8(b: &[u8], at: usize) -> u64 {
    match b.get(at..at + 8) {
        Some(eight) => u64::from_le_bytes(eight.try_into().expect("eight bytes")),
        None => {
            let mut v = [0u8; 8];
            let n = b.len().saturating_sub(at).min(8);
            v[..n].copy_from_slice(&b[at..at + n]);
            u64::from_le_bytes(v)
        }
    }
}

/// The ASCII word (letters and digits only) of one to seven bytes that starts at
/// `at` and ends at an ASCII byte that is no word character (or at the end of `b`),
/// if that is what is there: its length, its ASCII lower case packed as
/// [`lower_packed`] gives it, and its shape ([`Token::shape`]). Told from eight
/// bytes at once (SWAR), without a loop per byte (and its mispredicted exit).
#[inline(always)]
pub(super) fn short_word(b: &[u8], at: usize) -> Option<(usize, u64, u8)> {
    let x = load8(b, at);
    // The low seven bits of each byte: the sums below carry into no other byte. A
    // byte of 0x80 or more is in no class (`& !x`).
    let y = x & !HIGH;
    // ASCII letters: the bytes with the lower-case bit set in a-z; capitals are those
    // without it (bit 5 of a byte, moved to bit 7 by `<< 2`).
    let l = y | (ONES * 0x20);
    let letter = (l + ONES * (0x80 - u64::from(b'a'))) & !(l + ONES * (0x7f - u64::from(b'z'))) & !x & HIGH;
    let digit = (y + ONES * (0x80 - u64::from(b'0'))) & !(y + ONES * (0x7f - u64::from(b'9'))) & !x & HIGH;
    let n = ((!(letter | digit) & HIGH).trailing_zeros() / 8) as usize;
    // (A word of eight bytes or more, or one going on with `_` or a non-ASCII
    // letter, is read byte by byte.)
    if n == 0 || n == 8 || b.get(at + n).is_some_and(|&c| c >= 0x80 || c == b'_') {
        return None;
    }
    let mask = (1u64 << (8 * n)) - 1;
    let upper = letter & !(y << 2) & mask;
    let small = letter & (y << 2) & mask;
    let digit = digit & mask;
    // The shape, as [`shape_of`] tells it of a word without `_`.
    let pairs = (small << 8) & (upper | digit) | (upper << 8) & digit;
    Some((n, x & mask | upper >> 2, if pairs != 0 { Token::PAIRED } else { Token::PLAIN }))
}

/// Whether `a` and `b` are the same bytes ignoring ASCII case
/// ([`<[u8]>::eq_ignore_ascii_case`]), compared eight bytes at a time (SWAR).
/// (The names `hit_at` compares with the text: `hit_at` 99.5 M -> 95.0 M
/// instructions on 10 MB of notes, callgrind.)
#[inline]
pub(super) fn eq_fold(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i + 8 <= a.len() {
        if fold8(load8(a, i)) != fold8(load8(b, i)) {
            return false;
        }
        i += 8;
    }
    i == a.len() || fold8(load8(a, i)) == fold8(load8(b, i))
}

/// The eight bytes `x` with their ASCII capitals in lower case.
#[inline(always)]
pub(super) fn fold8(x: u64) -> u64 {
    let y = x & !HIGH;
    let upper = (y + ONES * (0x80 - u64::from(b'A'))) & !(y + ONES * (0x7f - u64::from(b'Z'))) & !x & HIGH;
    x | upper >> 2
}

/// A word's shape ([`Token::shape`]) from its bytes' classes (`mask` keeps its
/// bytes): not told if it holds a `_`, paired if a small letter comes before a
/// capital or a digit, or a capital before a digit.
#[inline(always)]
pub(super) fn shape_of(upper: u64, small: u64, digit: u64, mask: u64) -> u8 {
    // (Byte k + 1 of `v << 8` is byte k of `v`: the byte before.)
    let pairs = (small << 8) & (upper | digit) | (upper << 8) & digit;
    if upper | small | digit != HIGH & mask {
        Token::OTHER
    } else if pairs != 0 {
        Token::PAIRED
    } else {
        Token::PLAIN
    }
}

/// The `len` (1 to 8) ASCII bytes of `b` at `at`, in ASCII lower case, packed into a
/// `u64` as [`WordMap`] keys them: eight bytes read at once where the text allows,
/// and the upper-case letters among them found together (SWAR). Also the word's
/// shape for inference ([`Token::shape`]), told from the same eight bytes: the
/// lower-case letters, capitals and digits found together too, and the pairs of
/// them that give a shape (the bytes, not read again by inference: 620 M -> 426 M
/// instructions of `Infer::find` on 10 MB of notes, the scan 946 M -> 989 M).
#[inline(always)]
pub(super) fn lower_packed(b: &[u8], at: usize, len: usize) -> (u64, u8) {
    let mask = if len == 8 { u64::MAX } else { (1u64 << (8 * len)) - 1 };
    let x = load8(b, at) & mask;
    // Every byte is ASCII (below 0x80), so the sums below carry into no other byte;
    // the bytes past the word are 0, in no class.
    let at_least = |c: u8| x + ONES * u64::from(0x80 - c);
    let past = |c: u8| x + ONES * u64::from(0x7f - c);
    let upper = at_least(b'A') & !past(b'Z') & HIGH;
    let small = at_least(b'a') & !past(b'z') & HIGH;
    let digit = at_least(b'0') & !past(b'9') & HIGH;
    (x | (upper >> 2), shape_of(upper, small, digit, mask))
}

/// The first words of names of at most four bytes, as a set of bits (a Bloom
/// filter of one hash): a short word of the text whose bit is clear starts no name,
/// and, too short to be a typo, needs no look-up at all.
pub(super) struct ShortWords(Box<[u64]>);

impl ShortWords {
    /// The longest word the set holds.
    pub(super) const MAX: usize = 4;
    const BITS: u32 = 16;

    /// The set of `words` (ASCII lower case, at most [`ShortWords::MAX`] bytes).
    pub(super) fn new(words: impl FnOnce(&mut dyn FnMut(&[u8]))) -> ShortWords {
        let mut bits = vec![0u64; 1 << (ShortWords::BITS - 6)].into_boxed_slice();
        words(&mut |w: &[u8]| {
            if w.len() <= ShortWords::MAX {
                let mut v = [0u8; 8];
                v[..w.len()].copy_from_slice(w);
                let bit = ShortWords::bit(u64::from_le_bytes(v));
                bits[bit / 64] |= 1 << (bit % 64);
            }
        });
        ShortWords(bits)
    }

    #[inline(always)]
    fn bit(key: u64) -> usize {
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - ShortWords::BITS)) as usize
    }

    /// Whether the word packed into `key` ([`lower_packed`]) may be in the set.
    #[inline(always)]
    pub(super) fn may_hold(&self, key: u64) -> bool {
        let bit = ShortWords::bit(key);
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// The shape ([`Token::shape`]) of the `len` (9 to 16) bytes of `b` at `at`: their
/// two halves told by [`lower_packed`], and the pair across them. (Told here, the
/// words of 9 to 16 bytes are no longer read again by inference: see
/// `shaped_words_of_tokens`.)
#[cfg(test)]
pub(super) fn long_shape(b: &[u8], at: usize, len: usize) -> u8 {
    long_packed(b, at, len).1
}

/// The ASCII word of nine to sixteen bytes at `at`: its ASCII lower case packed into
/// a `u128` as [`WordMap`] keys it, from two loads of eight bytes (no copy of the
/// word, no byte loop), and its shape ([`long_shape`]).
#[inline(always)]
pub(super) fn long_packed(b: &[u8], at: usize, len: usize) -> (u128, u8) {
    let (low, head) = lower_packed(b, at, 8);
    let (high, tail) = lower_packed(b, at + 8, len - 8);
    let key = u128::from(low) | u128::from(high) << 64;
    if head == Token::OTHER || tail == Token::OTHER {
        return (key, Token::OTHER);
    }
    let (x, y) = (b[at + 7], b[at + 8]);
    let across = x.is_ascii_lowercase() && (y.is_ascii_uppercase() || y.is_ascii_digit())
        || x.is_ascii_uppercase() && y.is_ascii_digit();
    (key, if head == Token::PAIRED || tail == Token::PAIRED || across { Token::PAIRED } else { Token::PLAIN })
}

/// Whether a name may start at `start`: not inside a word, nor the tail of a
/// hyphenated compound (`sentence-transformers` is not Transformers; `Python-based`
/// is Python).
pub(super) fn hit_may_start(text: &str, start: usize) -> bool {
    // (ASCII before: the bytes say it, without decoding characters backwards. 36 M
    // -> 20 M instructions on 10 MB of notes, callgrind.)
    let b = text.as_bytes();
    match start.checked_sub(1).map(|i| b[i]) {
        None => return true,
        Some(c) if c < 0x80 && c != b'-' => return !ASCII_WORD[c as usize],
        _ => {}
    }
    let mut back = text[..start].chars().rev();
    match (back.next(), back.next()) {
        (None, _) => true,
        (Some('-'), Some(c)) => !is_word_char(c),
        (Some(c), _) => !is_word_char(c),
    }
}

/// A map from short byte strings (words) to small values, quick for the words of
/// prose: a word of up to eight bytes is its own key, packed into a `u64`, and one
/// of up to sixteen into a `u128` (words hold no NUL byte, so the padding cannot
/// collide); longer words are keyed by their bytes. Each is a `HashMap` with
/// foldhash: it beat the open-addressed table written for it before
/// (`cargo bench --bench lexicon`, BENCHMARKS.md).
pub(super) struct WordMap<V> {
    /// In front of `short`: the last word of up to eight bytes seen in each slot (by
    /// its key's hash) with its value, key 0 for none (no word is empty). Most words
    /// of prose are found here with one load and one comparison, without the hash
    /// map's probe. (The scan 838 M -> 817 M instructions on 10 MB of notes,
    /// callgrind.)
    front: Box<[(u64, V)]>,
    pub(super) short: FoldMap<u64, V>,
    pub(super) medium: FoldMap<u128, V>,
    pub(super) long: FoldMap<Box<[u8]>, V>,
}

type FoldMap<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

/// log2 of the number of slots in front of a [`WordMap`]'s short words.
const FRONT_BITS: u32 = 11;

impl<V: Copy + Default> Default for WordMap<V> {
    fn default() -> Self {
        WordMap {
            front: vec![(0, V::default()); 1 << FRONT_BITS].into_boxed_slice(),
            short: HashMap::with_capacity_and_hasher(1024, Default::default()),
            medium: HashMap::with_capacity_and_hasher(1024, Default::default()),
            long: HashMap::default(),
        }
    }
}

/// The value of `key` in `map`, made by `make` and kept if it has none.
#[inline(always)]
fn known_or_made<K: std::hash::Hash + Eq, V: Copy>(map: &mut FoldMap<K, V>, key: K, make: impl FnOnce() -> V) -> V {
    if let Some(v) = map.get(&key) {
        return *v;
    }
    let v = make();
    map.insert(key, v);
    v
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
    ///
    /// (Looked up with `get`, and hashed again to insert: nearly every word is
    /// known, and `entry` does more work for each, known or not.)
    #[inline(always)]
    pub(super) fn entry_packed(&mut self, key: u64, make: impl FnOnce() -> V) -> V {
        let slot = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - FRONT_BITS)) as usize;
        let (k, v) = self.front[slot];
        if k == key {
            return v;
        }
        let v = known_or_made(&mut self.short, key, make);
        self.front[slot] = (key, v);
        v
    }

    /// The value of a word of nine to sixteen bytes packed into a `u128` (see
    /// [`long_packed`]).
    #[inline(always)]
    pub(super) fn entry_medium(&mut self, key: u128, make: impl FnOnce() -> V) -> V {
        known_or_made(&mut self.medium, key, make)
    }

    /// The value of `word`, made by `make` if it has none.
    pub(super) fn entry(&mut self, word: &[u8], make: impl FnOnce() -> V) -> V {
        match Self::key(word) {
            Key::Short(k) => known_or_made(&mut self.short, k, make),
            Key::Medium(k) => known_or_made(&mut self.medium, k, make),
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
