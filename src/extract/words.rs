//! Ordinary words: the common words of `data/common-words.txt` (never typos of a
//! lexicon name, never a whole speaker name), their inflections, and the common
//! words one edit away from a word. Compiled in, and read without being parsed at
//! run time.

/// The common English (and everyday technical) words of `data/common-words.txt`,
/// lower case: never typos of a lexicon name, never a whole speaker name.
///
/// An open-addressing hash table over the compiled-in file, built by the compiler
/// (a `const fn`): nothing is parsed at run time, and a look-up hashes the word once
/// (FNV-1a) and compares it with the one or two words of its slot's run.
pub static COMMON_WORDS: WordSet = WordSet::build(include_str!("../../data/common-words.txt"));

/// A set of words, as [`COMMON_WORDS`] holds them: see [`WordSet::build`].
#[derive(Debug)]
pub struct WordSet {
    /// The text the words are slices of.
    text: &'static str,
    /// Per slot: 0 (empty), or a word's offset in `text` shifted left by 8, or'ed with
    /// its length (words are 1 to 255 bytes long).
    slots: [u32; WordSet::SLOTS],
    /// How many words.
    len: usize,
}

impl WordSet {
    /// Slots: a power of two, more than twice the words.
    const SLOTS: usize = 8192;

    /// The words of `text`: one a line, white space around them trimmed, blank lines
    /// and lines starting with `#` left out (a repeated word is held once). Panics (at
    /// compile time, for a `static`) on a word longer than 255 bytes or more words than
    /// half the slots.
    pub const fn build(text: &'static str) -> WordSet {
        let b = text.as_bytes();
        let mut slots = [0u32; WordSet::SLOTS];
        let mut len = 0;
        let mut i = 0;
        while i < b.len() {
            let mut end = i;
            while end < b.len() && b[end] != b'\n' {
                end += 1;
            }
            let (mut s, mut e) = (i, end);
            while s < e && b[s].is_ascii_whitespace() {
                s += 1;
            }
            while e > s && b[e - 1].is_ascii_whitespace() {
                e -= 1;
            }
            if e > s && b[s] != b'#' {
                assert!(e - s < 256 && len < WordSet::SLOTS / 2, "a common word too long, or too many");
                let mut at = fnv(b, s, e) & (WordSet::SLOTS - 1);
                loop {
                    let slot = slots[at];
                    if slot == 0 {
                        slots[at] = ((s as u32) << 8) | (e - s) as u32;
                        len += 1;
                        break;
                    }
                    if same(b, (slot >> 8) as usize, (slot & 0xff) as usize, s, e) {
                        break;
                    }
                    at = (at + 1) & (WordSet::SLOTS - 1);
                }
            }
            i = end + 1;
        }
        WordSet { text, slots, len }
    }

    /// Whether `word` (exactly as written) is one of the words.
    pub fn contains(&self, word: &str) -> bool {
        let w = word.as_bytes();
        if w.is_empty() || w.len() > 255 {
            return false;
        }
        let b = self.text.as_bytes();
        let mut at = fnv(w, 0, w.len()) & (WordSet::SLOTS - 1);
        loop {
            let slot = self.slots[at];
            if slot == 0 {
                return false;
            }
            let (s, n) = ((slot >> 8) as usize, (slot & 0xff) as usize);
            if n == w.len() && &b[s..s + n] == w {
                return true;
            }
            at = (at + 1) & (WordSet::SLOTS - 1);
        }
    }

    /// How many words.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// FNV-1a of `b[s..e]`.
const fn fnv(b: &[u8], s: usize, e: usize) -> usize {
    let mut h: u32 = 0x811c_9dc5;
    let mut i = s;
    while i < e {
        h = (h ^ b[i] as u32).wrapping_mul(0x0100_0193);
        i += 1;
    }
    h as usize
}

/// Whether `b[s1..s1 + n1]` and `b[s2..e2]` are the same bytes.
const fn same(b: &[u8], s1: usize, n1: usize, s2: usize, e2: usize) -> bool {
    if n1 != e2 - s2 {
        return false;
    }
    let mut i = 0;
    while i < n1 {
        if b[s1 + i] != b[s2 + i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Room for a short word on the stack: the look-ups below lower-case a word, or
/// add a suffix to a stem, without an allocation each (most words are short ASCII).
struct Scratch([u8; 40]);

impl Scratch {
    fn new() -> Scratch {
        Scratch([0; 40])
    }

    /// `f` of `parts` joined; on the stack when they fit.
    fn joined<R>(&mut self, parts: [&str; 2], f: impl FnOnce(&str) -> R) -> R {
        let n = parts[0].len() + parts[1].len();
        if n > self.0.len() {
            return f(&parts.concat());
        }
        self.0[..parts[0].len()].copy_from_slice(parts[0].as_bytes());
        self.0[parts[0].len()..n].copy_from_slice(parts[1].as_bytes());
        f(std::str::from_utf8(&self.0[..n]).expect("two strings joined"))
    }
}

/// `word` in lower case (as [`str::to_lowercase`]), given to `f`; without an
/// allocation when it is ASCII and short.
fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 40];
    if word.len() <= buf.len() && word.is_ascii() {
        let b = &mut buf[..word.len()];
        b.copy_from_slice(word.as_bytes());
        b.make_ascii_lowercase();
        f(std::str::from_utf8(b).expect("ASCII"))
    } else {
        f(&word.to_lowercase())
    }
}

/// Whether `word` (any case) is in [`COMMON_WORDS`], or the plural (`-s`, `-es`,
/// `-ies`) of one.
pub fn is_common_word(word: &str) -> bool {
    with_lower(word, is_common_lower)
}

/// [`is_common_word`] of a word already in lower case.
fn is_common_lower(w: &str) -> bool {
    let words = &COMMON_WORDS;
    let known = |stem: &str| stem.len() >= 3 && words.contains(stem);
    let mut scratch = Scratch::new();
    words.contains(w)
        || w.strip_suffix("ies").is_some_and(|stem| scratch.joined([stem, "y"], known))
        || w.strip_suffix("es").is_some_and(known)
        || w.strip_suffix('s').is_some_and(known)
}

/// [`is_common_word`], or another inflection of a common word: a past (`looked`,
/// `used`, `stopped`, `studied`), a gerund (`running`), an agent or comparative
/// (`makers`) or an adverb (`quickly`). Looser: for words that are candidates for
/// typos, not for names that are already in the lexicon (`Looker` is a name).
pub fn is_common_form(word: &str) -> bool {
    with_lower(word, is_common_form_lower)
}

/// [`is_common_form`] of a word already in lower case.
fn is_common_form_lower(w: &str) -> bool {
    if is_common_lower(w) {
        return true;
    }
    let words = &COMMON_WORDS;
    let known = |stem: &str| stem.len() >= 3 && words.contains(stem);
    let mut scratch = Scratch::new();
    // A stem as it is, with its final `e` back, or with a doubled consonant undone.
    let mut stem_known = |stem: &str| {
        known(stem) || scratch.joined([stem, "e"], known) || {
            let b = stem.as_bytes();
            b.len() >= 4 && b[b.len() - 1] == b[b.len() - 2] && known(&stem[..stem.len() - 1])
        }
    };
    if w.strip_suffix("ied").is_some_and(|stem| Scratch::new().joined([stem, "y"], known)) {
        return true;
    }
    let w = w.strip_suffix('s').unwrap_or(w);
    ["ed", "ing", "er", "ly"].iter().any(|suffix| w.strip_suffix(suffix).is_some_and(&mut stem_known))
}

/// A common word other than `except` within Damerau (OSA) distance 1 of `word` (lower
/// case), if any: a typo that close to an ordinary word may just as well be that word.
///
/// The candidates come from the deletion index `build.rs` writes (every common word
/// under itself and under each of its one-character deletions, `key\tword` lines,
/// sorted): looked up by the word and its own deletions, then checked by distance.
pub fn near_common_word(word: &str, except: &str) -> Option<&'static str> {
    static INDEX: &str = include_str!(concat!(env!("OUT_DIR"), "/common_deletions.txt"));
    static STARTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/common_deletions.starts"));
    // The least word found under the word or one of its deletions (a deletion made
    // twice is looked up twice: the least word is the same), its distance measured
    // only if it would be the least so far; the deletions made in one buffer.
    let mut best: Option<&'static str> = None;
    let mut look = |key: &str| {
        for w in indexed_under(INDEX, STARTS, key) {
            if w != except && best.is_none_or(|b| w < b) && strsim::osa_distance(word, w) <= 1 {
                best = Some(w);
            }
        }
    };
    look(word);
    let mut key = String::with_capacity(word.len());
    for (i, c) in word.char_indices() {
        key.clear();
        key.push_str(&word[..i]);
        key.push_str(&word[i + c.len_utf8()..]);
        look(&key);
    }
    best
}

/// The words of `index` (sorted `key\tword` lines, each starting at one of the
/// little-endian `u32` offsets of `starts`) under `key`: found by a binary search over
/// the lines, so the index is never parsed. (Searching the text itself, each probe
/// moved to a line's start with `memchr`, took ~2,800 instructions a key: over the
/// offsets, and with the deletions made in one buffer, `near_common_word` fell from
/// 47.4 M to 14.5 M instructions on 10 MB of notes, callgrind.)
fn indexed_under<'i: 'k, 'k>(index: &'i str, starts: &'i [u8], key: &'k str) -> impl Iterator<Item = &'i str> + 'k {
    let b = index.as_bytes();
    let start = |i: usize| {
        u32::from_le_bytes([starts[4 * i], starts[4 * i + 1], starts[4 * i + 2], starts[4 * i + 3]]) as usize
    };
    let want = key.as_bytes();
    // A line's key is less than `key` if its bytes, as many as `key` has, are: the
    // tab ending a shorter key is less than any character of `key`.
    let less = |s: usize| b[s..(s + want.len()).min(b.len())] < *want;
    // The first line whose key is at least `key`.
    let (mut lo, mut hi) = (0, starts.len() / 4);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if less(start(mid)) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    let from = if lo < starts.len() / 4 { start(lo) } else { b.len() };
    index[from..].lines().map_while(move |l| l.split_once('\t').filter(|(k, _)| *k == key).map(|(_, w)| w))
}

/// Every string made of `s` without one of its characters, without repeats.
pub fn one_deletions(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out: Vec<String> = (0..chars.len())
        .map(|i| chars.iter().enumerate().filter(|&(j, _)| j != i).map(|(_, c)| *c).collect())
        .collect();
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_common_words() {
        assert_eq!(near_common_word("unitests", "unittest"), Some("unittests"));
        assert_eq!(near_common_word("netwrok", ""), Some("network"));
        assert_eq!(near_common_word("netwrok", "network"), None);
        assert_eq!(near_common_word("cypython", "cpython"), None);
        assert_eq!(near_common_word("djnago", "django"), None);
    }

    #[test]
    fn deletion_index_searched_as_parsed() {
        let index = "ab\tabc\nab\tzab\nac\tabc\nb\tab\nbc\tabc\nbc\tbcd\nc\tbc";
        let parsed: Vec<(&str, &str)> = index.lines().filter_map(|l| l.split_once('\t')).collect();
        let starts: Vec<u8> = std::iter::once(0)
            .chain(index.match_indices('\n').map(|(i, _)| i as u32 + 1))
            .flat_map(u32::to_le_bytes)
            .collect();
        for key in ["", "a", "ab", "ac", "b", "bc", "bd", "c", "d", "zz"] {
            let want: Vec<&str> = parsed.iter().filter(|(k, _)| *k == key).map(|(_, w)| *w).collect();
            assert_eq!(indexed_under(index, &starts, key).collect::<Vec<_>>(), want, "{key:?}");
        }
    }

    #[test]
    fn common_words_loaded() {
        assert!(COMMON_WORDS.len() > 2500);
        let file = include_str!("../../data/common-words.txt");
        let words: std::collections::HashSet<&str> =
            file.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
        assert_eq!(COMMON_WORDS.len(), words.len());
        assert!(words.iter().all(|w| COMMON_WORDS.contains(w)));
        for w in ["", "Graph", "graphs", "zzzz", "grap", "graphx"] {
            assert_eq!(COMMON_WORDS.contains(w), words.contains(w), "{w:?}");
        }
        for w in ["behavior", "graph", "system", "network", "black", "stator", "thoughts", "libraries", "Questions"] {
            assert!(is_common_word(w), "{w}");
        }
        for w in ["looked", "stopped", "running", "makers", "quickly", "studied", "looker"] {
            assert!(is_common_form(w), "{w}");
        }
        assert!(!is_common_word("looker") && !is_common_word("looked"));
        for w in ["shannon", "cpython", "django", "pandas", "docker", "flutter", "kubernetes"] {
            assert!(!is_common_form(w), "{w}");
        }
    }
}
