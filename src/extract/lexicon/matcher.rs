//! The compiled matcher of a lexicon: one pass over the words of a text finding
//! names on word boundaries, and the per-worker cache of what is known of each word.

use std::cell::Cell;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, OnceLock};

use super::compile::{compile, Section, Source, AMBIGUOUS, SENSITIVE};
use super::context::writes_in_lower_case;
use super::index::{
    eq_fold, fold8, hit_may_start, load8, long_packed, lower_packed, short_word, word_end, ShortWords, WordMap,
    ASCII_WORD,
};
use super::tables::Tables;
use super::typo::Typo;
use super::{Entry, EntryId};
use crate::extract::infer::plain_word_matters;
use crate::extract::scratch::{push_tokens, Token};
use crate::extract::text::{is_common_word, is_word_char};

/// What [`Lexicon::scan`] knows of one word (ASCII lower case) of the text.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct WordInfo {
    /// The names that may start with it: a range of the word index.
    pub(super) names: (u32, u32),
    /// 0, or 1 + the index of its typo verdicts in [`WordCache::verdicts`].
    pub(super) verdict: u32,
    /// The continuations of those names ([`Matcher::continuations`]): a necessary
    /// condition for a hit, told before [`Matcher::hit_at`] is asked.
    pub(super) next: u64,
}

/// The words a worker has seen, for one matcher: the prose repeats its words, so
/// each distinct word is looked up in the word index and resolved as a typo once
/// (6,161 distinct words of five letters or more among 762,851 in 10 MB of notes).
/// Kept in the worker's [`Scratch`](crate::extract::Scratch), it holds the matcher it
/// was filled for (a scratch handed to another lexicon's scan starts again).
#[derive(Default)]
pub(crate) struct WordCache {
    pub(super) matcher: Option<Arc<Matcher>>,
    pub(super) words: WordMap<WordInfo>,
    /// (as written, capitalised mid-sentence) verdicts of the words whose verdicts
    /// say something.
    pub(super) verdicts: Vec<(Typo, Typo)>,
    /// What [`Lexicon::find_package`](super::Lexicon::find_package) said of a name.
    pub(super) packages: FoldMap<Box<str>, Option<EntryId>>,
    /// The hits and the typo candidates of the last scan, kept for their memory.
    pub(super) hits: Vec<Hit>,
    pub(super) pending: Vec<(usize, u32)>,
}

impl WordCache {
    /// Distinct words kept before the cache starts again (bounds its memory on text
    /// that never repeats a word).
    pub(super) const LIMIT: usize = 1 << 20;

    /// The cache, emptied unless it was filled for `matcher` (and is not full).
    pub(super) fn for_matcher(&mut self, matcher: &Arc<Matcher>) -> &mut WordCache {
        let mine = self.matcher.as_ref().is_some_and(|m| Arc::ptr_eq(m, matcher));
        if !mine || self.words.len() + self.packages.len() >= WordCache::LIMIT {
            *self = WordCache { matcher: Some(Arc::clone(matcher)), ..WordCache::default() };
        }
        self
    }
}

type FoldMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;

/// A candidate match of a name or alias, on word boundaries.
#[derive(Debug, Clone, Copy)]
pub(super) struct Hit {
    pub(super) entry: EntryId,
    /// A name whose case matters (`RAPIDS`) found in the lower case of a text that is
    /// written in lower case throughout: kept only where its context confirms it.
    pub(super) folded: bool,
    pub(super) pat: usize,
    pub(super) start: usize,
    pub(super) end: usize,
}

/// The compiled matcher of one lexicon: its tables (see `compile.rs`), read in place,
/// and what is worked out from them on first use.
pub(super) struct Matcher {
    pub(super) tables: Tables,
    /// Per pattern: entry, text offset and length, flags. (Copied out of the tables
    /// once, with `names`: the scan reads them for most words of the text.)
    pats: Box<[[u32; 4]]>,
    /// Per pattern: its first eight bytes (fewer, padded with zeros) in ASCII lower
    /// case, as a little-endian word ([`fold8`]): compared with the text's at once.
    heads: Box<[u64]>,
    /// The word index's names: pattern, and the (ASCII lower case) two bytes after
    /// the part their group shares (first word or first byte), 0 past its end.
    names: Box<[(u32, [u8; 2])]>,
    /// Per byte: the range of the word index's names that start with it and with no
    /// word character (`.NET`).
    bytes: [(u32, u32); 256],
    /// ASCII bytes that are no word character and start no name: nothing to do there.
    pub(super) inert: [bool; 256],
    /// The first words of names of up to four bytes.
    short_words: ShortWords,
    /// The length in characters of the longest name typos resolve to (0 if none).
    pub(super) longest_typo_name: usize,
    /// log2 of the number of bits of the deletion bitset.
    deletion_shift: u32,
    /// Per pattern, once asked: 2 if it needs context (a one-word name that is an
    /// ordinary English word, `Make`, `Poetry`, `notion`, or an entry marked
    /// ambiguous), 1 if not.
    needs_context: Box<[AtomicU8]>,
    /// Per distinct clue: its searcher, built on first use.
    clue_finders: Box<[OnceLock<memchr::memmem::Finder<'static>>]>,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher")
            .field("patterns", &self.tables.len(Section::Pats))
            .field("typo_names", &self.tables.len(Section::Typos))
            .field("deletions", &self.tables.len(Section::Deletions))
            .finish()
    }
}

/// What the compiler needs of each entry (`build.rs` makes the same from the checked
/// built-in entries).
pub(super) fn sources(entries: &[Entry]) -> Vec<Source<'_>> {
    entries
        .iter()
        .map(|e| Source {
            names: e.names().collect(),
            packages: e.pypi.iter().chain(&e.npm).map(String::as_str).collect(),
            clues: e.clues.iter().map(String::as_str).collect(),
            case_sensitive: e.is_case_sensitive(),
            ambiguous: e.ambiguous,
            typos: e.typos,
        })
        .collect()
}

impl Matcher {
    /// The matcher of `entries`, compiled now (a user's lexicon).
    pub(super) fn new(entries: &[Entry]) -> Matcher {
        Matcher::with_tables(Tables::owned(compile(&sources(entries))))
    }

    /// The matcher of the built-in lexicon, compiled by `build.rs`.
    pub(super) fn builtin() -> Matcher {
        Matcher::with_tables(Tables::builtin())
    }

    fn with_tables(tables: Tables) -> Matcher {
        let bytes: [(u32, u32); 256] =
            std::array::from_fn(|c| (tables.get(Section::Bytes, c, 0), tables.get(Section::Bytes, c, 1)));
        let inert = std::array::from_fn(|c| c < 0x80 && !ASCII_WORD[c] && bytes[c].0 == bytes[c].1);
        let short_words = ShortWords::new(|f| tables.short_words(ShortWords::MAX, f));
        let pats: Box<[[u32; 4]]> =
            (0..tables.len(Section::Pats)).map(|p| std::array::from_fn(|k| tables.get(Section::Pats, p, k))).collect();
        let heads = pats.iter().map(|&[_, offset, len, _]| fold8(load8(tables.bytes(offset, len.min(8)), 0))).collect();
        let names = (0..tables.len(Section::Names))
            .map(|i| {
                let next = tables.get(Section::Names, i, 1);
                (tables.get(Section::Names, i, 0), [next as u8, (next >> 8) as u8])
            })
            .collect();
        Matcher {
            pats,
            heads,
            names,
            bytes,
            inert,
            short_words,
            longest_typo_name: tables.field(0) as usize,
            deletion_shift: tables.field(1),
            needs_context: (0..tables.len(Section::Pats)).map(|_| AtomicU8::new(0)).collect(),
            clue_finders: (0..tables.len(Section::Clues)).map(|_| OnceLock::new()).collect(),
            tables,
        }
    }

    /// The number of patterns (names and aliases).
    #[cfg(test)]
    pub(super) fn pat_count(&self) -> usize {
        self.tables.len(Section::Pats)
    }

    /// Pattern `pat`'s entry and text.
    pub(super) fn pat(&self, pat: usize) -> (EntryId, &str) {
        let [entry, offset, len, _] = self.pats[pat];
        (entry, self.tables.str(offset, len))
    }

    /// Pattern `pat`'s text, as bytes.
    pub(super) fn pat_bytes(&self, pat: usize) -> &[u8] {
        let [_, offset, len, _] = self.pats[pat];
        self.tables.bytes(offset, len)
    }

    /// Whether pattern `pat` must match with its case.
    #[cfg(test)]
    pub(super) fn is_sensitive(&self, pat: usize) -> bool {
        self.pats[pat][3] & SENSITIVE != 0
    }

    /// Whether a hit of pattern `pat` needs context to be kept: its entry is marked
    /// ambiguous, or it is one word that is an ordinary English word.
    pub(super) fn needs_context(&self, pat: usize) -> bool {
        let known = self.needs_context[pat].load(Ordering::Relaxed);
        if known != 0 {
            return known == 2;
        }
        let p = self.pat(pat).1;
        let needs = self.pats[pat][3] & AMBIGUOUS != 0 || (p.chars().all(char::is_alphabetic) && is_common_word(p));
        self.needs_context[pat].store(1 + u8::from(needs), Ordering::Relaxed);
        needs
    }

    /// The clues of entry `entry`, as searchers.
    pub(super) fn clues(&self, entry: EntryId) -> impl Iterator<Item = &memchr::memmem::Finder<'static>> + '_ {
        let t = &self.tables;
        let (first, n) = (t.get(Section::EntryClues, entry as usize, 0), t.get(Section::EntryClues, entry as usize, 1));
        (first..first + n).map(move |k| {
            let c = t.get(Section::ClueIds, k as usize, 0) as usize;
            self.clue_finders[c].get_or_init(|| {
                let text = t.str(t.get(Section::Clues, c, 0), t.get(Section::Clues, c, 1));
                memchr::memmem::Finder::new(text.as_bytes()).into_owned()
            })
        })
    }

    /// The names that can start with a whole word of the text, given in ASCII lower
    /// case: a range of the word index.
    pub(super) fn range_of(&self, lower: &[u8]) -> (u32, u32) {
        self.tables.word(lower)
    }

    /// Typo name `c`: lower case, entry, length in characters.
    pub(super) fn typo_name(&self, c: u32) -> (&str, EntryId, u8) {
        let t = &self.tables;
        let c = c as usize;
        let name = t.str(t.get(Section::Typos, c, 0), t.get(Section::Typos, c, 1));
        (name, t.get(Section::Typos, c, 2), t.get(Section::Typos, c, 3) as u8)
    }

    /// Calls `f` with the typo name of each deletion-index record of hash `h`.
    pub(super) fn deletions_of(&self, h: u64, mut f: impl FnMut(u32)) {
        let bit = (h >> (64 - self.deletion_shift)) as usize;
        let t = &self.tables;
        let word = t.get(Section::Bits, bit / 64, 0) as u64 | (t.get(Section::Bits, bit / 64, 1) as u64) << 32;
        if word & (1 << (bit % 64)) == 0 {
            return;
        }
        let key = |i: usize| t.get(Section::Deletions, i, 0) as u64 | (t.get(Section::Deletions, i, 1) as u64) << 32;
        let (mut lo, mut hi) = (0, t.len(Section::Deletions));
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if key(mid) < h {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        while lo < t.len(Section::Deletions) && key(lo) == h {
            f(t.get(Section::Deletions, lo, 2));
            lo += 1;
        }
    }

    /// One pass over `text`: the names and aliases found on word boundaries, with the
    /// case rules applied, into `hits`; the words no hit covers that may be typos
    /// (five letters or more, no digit or `_`), as byte ranges, into `words`.
    ///
    /// The hits are those of a leftmost-longest search for every name, ignoring ASCII
    /// case, kept where they start and end on a word boundary and have the case
    /// their entry asks for, a shorter name at the same place standing in for a
    /// longer one that does not. A name can only start where a word starts (or at a
    /// character that starts a name, `.NET`), so the word index gives, from the
    /// word found there, the few names that could: one hash probe per word instead of
    /// an automaton step per byte. (A test checks the hits against aho-corasick's.)
    ///
    /// `known` holds what is known of the words seen so far, and `make` says it of a
    /// new word (given with its ASCII lower case): the names that may start with
    /// it, and whether it has typo verdicts; the words with verdicts that no hit
    /// covers go to `words`, with their verdict number. Every word of the text
    /// (a maximal run of word characters), inside a hit or not, goes to `tokens`,
    /// less the plain words inference has no use for ([`plain_word_matters`]).
    /// In a text written in lower case throughout ([`writes_in_lower_case`], told
    /// once, when a name's case first differs), a name whose case matters also
    /// matches written all in lower case, as a [`Hit::folded`] hit.
    pub(super) fn scan_words(
        &self,
        text: &str,
        hits: &mut Vec<Hit>,
        words: &mut Vec<(usize, u32)>,
        tokens: &mut Vec<Token>,
        known: &mut WordMap<WordInfo>,
        make: &mut impl FnMut(&str, &[u8]) -> WordInfo,
    ) {
        let b = text.as_bytes();
        let lower_case = Cell::new(None);
        let mut lower = Vec::with_capacity(64);
        let mut i = 0;
        while i < b.len() {
            // Spaces and punctuation that start no name: skipped in a tight loop.
            while i < b.len() && self.inert[b[i] as usize] {
                i += 1;
            }
            if i == b.len() {
                break;
            }
            // The common word, ASCII letters and digits and shorter than eight bytes,
            // taken whole from eight bytes read at once.
            // (With the look-ups skipped below: `scan_words` 618 M -> 573 M
            // instructions inclusive, its mispredicted branches 3.9 M -> 3.0 M, on
            // 10 MB of notes, callgrind and cachegrind.)
            let (end, info) = if let Some((n, key, shape)) = short_word(b, i) {
                let end = i + n;
                if shape != Token::PLAIN || plain_word_matters(b, i, end) {
                    tokens.push(Token { start: i as u32, end: end as u32, shape });
                }
                // A word of four bytes or fewer is no typo (five letters at least): if
                // it starts no name either, there is nothing to look up.
                // (1.40 M -> 1.00 M look-ups for the words of 10 MB of notes.)
                let info = if n <= ShortWords::MAX && !self.short_words.may_hold(key) {
                    WordInfo::default()
                } else {
                    known.entry_packed(key, || make(&text[i..end], &key.to_le_bytes()[..n]))
                };
                (end, info)
            } else {
                let c = b[i];
                let word = if c < 0x80 {
                    ASCII_WORD[c as usize]
                } else {
                    is_word_char(text[i..].chars().next().expect("a char boundary"))
                };
                if !word {
                    // Not a word: a name may still start here (`.NET`, `“Black”` no).
                    let names = self.bytes[c as usize];
                    if names.0 != names.1 && hit_may_start(text, i) {
                        if let Some(h) = self.hit_at(text, i, 1, names, &lower_case) {
                            hits.push(h);
                            push_tokens(text, i, h.end, tokens);
                            i = h.end;
                            continue;
                        }
                    }
                    i += if c < 0x80 { 1 } else { text[i..].chars().next().map_or(1, char::len_utf8) };
                    continue;
                }
                // Any other word. Up to eight bytes, ASCII, it is its own key: its bytes
                // loaded at once and put in lower case together.
                let mut j = i;
                while j < b.len() && ASCII_WORD[b[j] as usize] {
                    j += 1;
                }
                let end = if j < b.len() && b[j] >= 0x80 { word_end(text, j) } else { j };
                let word = &text[i..end];
                let info = if end == j && j - i <= 8 {
                    let (key, shape) = lower_packed(b, i, j - i);
                    if shape != Token::PLAIN || plain_word_matters(b, i, end) {
                        tokens.push(Token { start: i as u32, end: end as u32, shape });
                    }
                    known.entry_packed(key, || make(word, &key.to_le_bytes()[..j - i]))
                } else if end == j && j - i <= 16 {
                    // Up to sixteen bytes, ASCII, its key is two loads put in lower case
                    // (copied byte by byte only when new: the scan 840 M -> 822 M
                    // instructions on 10 MB of notes, callgrind).
                    let (key, shape) = long_packed(b, i, j - i);
                    if shape != Token::PLAIN || plain_word_matters(b, i, end) {
                        tokens.push(Token { start: i as u32, end: end as u32, shape });
                    }
                    known.entry_medium(key, || {
                        lower.clear();
                        lower.extend(b[i..end].iter().map(u8::to_ascii_lowercase));
                        make(word, &lower)
                    })
                } else {
                    tokens.push(Token { start: i as u32, end: end as u32, shape: Token::OTHER });
                    lower.clear();
                    lower.extend(b[i..end].iter().map(u8::to_ascii_lowercase));
                    known.entry(&lower, || make(word, &lower))
                };
                (end, info)
            };
            // The word's names, if it starts any; else its verdict.
            if let Some(next) = self.hit_after(text, i, end, info, hits, tokens, &lower_case) {
                i = next;
                continue;
            }
            if info.verdict != 0 {
                words.push((i, info.verdict));
            }
            i = end;
        }
    }

    /// A hit of the names that may start with the word of the text at `start..end`
    /// ([`WordInfo`]), if any, into `hits`, its words after the first into `tokens`:
    /// where the scan goes on.
    ///
    /// (Most words that start a name are followed by none of their names: told by
    /// the two bytes after the word before any search: `hit_at` 182 M -> 97 M
    /// instructions, the scan 985 M -> 901 M, on 10 MB of notes, callgrind.)
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    fn hit_after(
        &self,
        text: &str,
        start: usize,
        end: usize,
        info: WordInfo,
        hits: &mut Vec<Hit>,
        tokens: &mut Vec<Token>,
        lower_case: &Cell<Option<bool>>,
    ) -> Option<usize> {
        if info.names.0 == info.names.1 || !may_continue(info.next, text.as_bytes(), end) || !hit_may_start(text, start)
        {
            return None;
        }
        let h = self.hit_at(text, start, end - start, info.names, lower_case)?;
        hits.push(h);
        // (A name of several words: the words after the first.)
        push_tokens(text, end, h.end, tokens);
        Some(h.end)
    }

    /// The continuations of the names of group `names` of the word index, as a
    /// 64-bit set: for each name, the bit of the (ASCII lower case) two bytes after
    /// the part the group shares, 0 past the name's end ([`continuation_bit`]). A
    /// name of the group can only match where the text goes on with the two bytes of
    /// its bit ([`may_continue`]).
    pub(super) fn continuations(&self, (from, to): (u32, u32)) -> u64 {
        self.names[from as usize..to as usize].iter().fold(0, |m, n| m | continuation_bit(n.1))
    }

    /// The longest of the names of group `names` of the word index (longest first),
    /// written at `start`, ignoring ASCII case, that ends on a word boundary and has
    /// the case its entry asks for; `shared` is the length of what the group's names
    /// share; in a text written in lower case throughout (`lower_case`, told on first
    /// need), a name whose case matters also matches written all in lower case
    /// ([`Hit::folded`]).
    pub(super) fn hit_at(
        &self,
        text: &str,
        start: usize,
        shared: usize,
        (from, to): (u32, u32),
        lower_case: &Cell<Option<bool>>,
    ) -> Option<Hit> {
        let b = text.as_bytes();
        let matches = |pat: u32| {
            let [entry, offset, len, flags] = self.pats[pat as usize];
            let end = start + len as usize;
            let t = b.get(start..end)?;
            // The first eight bytes (most names have no more) compared at once, read
            // from the text in place; the rest, if any, after. (A name's head padded
            // with zeros against the text's masked to the name's length: `hit_at`
            // 121 M -> 114 M instructions on 10 MB of notes, callgrind.)
            let n = t.len().min(8);
            let mask = if n == 8 { u64::MAX } else { (1 << (8 * n)) - 1 };
            if fold8(load8(b, start) & mask) != self.heads[pat as usize] {
                return None;
            }
            let name = self.tables.bytes(offset, len);
            // (Once the bytes match, `end` is a char boundary: the name is whole chars.)
            let boundary = || match b.get(end) {
                None => true,
                Some(&c) if c < 0x80 => !ASCII_WORD[c as usize],
                Some(_) => text[end..].chars().next().is_none_or(|c| !is_word_char(c)),
            };
            let folded = flags & SENSITIVE != 0 && t != name;
            let matched = (n == t.len() || eq_fold(&t[8..], &name[8..]))
                && boundary()
                && (!folded
                    || !t.iter().any(u8::is_ascii_uppercase)
                        && lower_case.get().unwrap_or_else(|| {
                            let v = writes_in_lower_case(text);
                            lower_case.set(Some(v));
                            v
                        }));
            matched.then_some(Hit { entry, folded, pat: pat as usize, start, end })
        };
        let names = &self.names[from as usize..to as usize];
        // The common case, one name (mostly the word itself): nothing to order.
        if let [(pat, _)] = names {
            return matches(*pat);
        }
        let next = [0, 1].map(|k| b.get(start + shared + k).map_or(0, u8::to_ascii_lowercase));
        // Longest first: the names the text's next two bytes continue (at least two
        // bytes longer than the shared part), then those it continues for one byte
        // and that end there, then the one that is the shared part alone. The group
        // is sorted by those bytes: the names that go on with the text's next byte
        // are one run, found by one search (most groups hold one or two names: a
        // search costs more than a look), those that end one byte later lead it, and
        // the shared part alone leads the group. (One search, not one per key: hit_at
        // 212 M -> 182 M instructions on 10 MB of notes, callgrind.)
        let try_run =
            |run: &[(u32, [u8; 2])], key: [u8; 2]| run.iter().take_while(|n| n.1 == key).find_map(|n| matches(n.0));
        let first = if names.len() <= 4 {
            names.iter().position(|n| n.1[0] >= next[0]).unwrap_or(names.len())
        } else {
            names.partition_point(|n| n.1[0] < next[0])
        };
        let run = &names[first..];
        let run = &run[..run.iter().position(|n| n.1[0] != next[0]).unwrap_or(run.len())];
        if next[1] != 0 {
            let at = run.partition_point(|n| n.1 < next);
            if let Some(h) = try_run(&run[at..], next) {
                return Some(h);
            }
        }
        if let Some(h) = try_run(run, [next[0], 0]) {
            return Some(h);
        }
        if next[0] == 0 {
            return None;
        }
        try_run(names, [0, 0])
    }
}

/// The bit of a name's two bytes after its group's shared part ([`Matcher::continuations`]).
#[inline]
pub(super) fn continuation_bit(next: [u8; 2]) -> u64 {
    let h = u32::from(next[0]).wrapping_mul(0x9e37_79b1) ^ u32::from(next[1]).wrapping_mul(0x85eb_ca77);
    1 << (h >> 26)
}

/// Whether a name of a group whose continuations are `mask` may match where the text
/// `b` goes on at `at` after the group's shared part: a name that matches there goes
/// on with the text's next two bytes, or with the next one and ends, or ends there.
#[inline]
pub(super) fn may_continue(mask: u64, b: &[u8], at: usize) -> bool {
    let n0 = b.get(at).map_or(0, u8::to_ascii_lowercase);
    let n1 = if n0 == 0 { 0 } else { b.get(at + 1).map_or(0, u8::to_ascii_lowercase) };
    mask & (continuation_bit([n0, n1]) | continuation_bit([n0, 0]) | continuation_bit([0, 0])) != 0
}
