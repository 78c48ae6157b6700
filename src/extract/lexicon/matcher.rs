//! The compiled matcher of a lexicon: one pass over the words of a text finding
//! names on word boundaries, and the per-thread cache of what is known of each word.

use std::collections::{HashMap, HashSet};

use super::index::{hit_may_start, lower_packed, word_end, IndexedName, WordIndex, WordMap, ASCII_WORD};
use super::typo::{allowed_distance, variants, Typo};
use super::{name_key, Entry, EntryId};
use crate::extract::text::{is_common_word, is_word_char};

/// What [`Lexicon::scan`] knows of one word (ASCII lower case) of the text.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct WordInfo {
    /// The names that may start with it: a range of [`WordIndex::names`].
    pub(super) names: (u32, u32),
    /// 0, or 1 + the index of its typo verdicts in [`WordCache::verdicts`].
    pub(super) verdict: u32,
}

/// The words one thread has seen, for one matcher: the prose repeats its words, so
/// each distinct word is looked up in the word index and resolved as a typo once
/// (6,161 distinct words of five letters or more among 762,851 in 10 MB of notes).
#[derive(Default)]
pub(super) struct WordCache {
    pub(super) matcher: u64,
    pub(super) words: WordMap<WordInfo>,
    /// (as written, capitalised mid-sentence) verdicts of the words whose verdicts
    /// say something.
    pub(super) verdicts: Vec<(Typo, Typo)>,
}

impl WordCache {
    /// Distinct words kept before the cache starts again (bounds its memory on text
    /// that never repeats a word).
    pub(super) const LIMIT: usize = 1 << 20;
}

thread_local! {
    pub(super) static WORD_CACHE: std::cell::RefCell<WordCache> = std::cell::RefCell::new(WordCache::default());
}

/// A candidate match of a name or alias, on word boundaries.
#[derive(Debug, Clone, Copy)]
pub(super) struct Hit {
    pub(super) entry: EntryId,
    pub(super) pat: usize,
    pub(super) start: usize,
    pub(super) end: usize,
}

/// The compiled matchers of one lexicon.
pub(super) struct Matcher {
    /// Unique per matcher built (keys the per-thread [`WordCache`]).
    pub(super) id: u64,
    /// Where names can start, and which: see [`WordIndex`].
    pub(super) index: WordIndex,
    /// Per pattern: a one-word name that is an ordinary English word (`Make`,
    /// `Poetry`, `notion`), or an entry marked ambiguous: it needs context.
    pub(super) needs_context: Vec<bool>,
    /// Per entry: its clues, as indices into `clue_finders`.
    pub(super) clues: Vec<Vec<u32>>,
    /// Every distinct clue, in ASCII lower case, as a searcher built once (thousands
    /// of generated entries share the clues of their ecosystem).
    pub(super) clue_finders: Vec<memchr::memmem::Finder<'static>>,
    /// Per pattern: its entry and its text.
    pub(super) pats: Vec<(EntryId, String)>,
    /// Per pattern: whether it must match with its case.
    pub(super) sensitive: Vec<bool>,
    /// Names that typos may resolve to: lower case, entry, length in characters.
    pub(super) typo_names: Vec<(String, EntryId, u8)>,
    /// The length in characters of the longest of `typo_names` (0 if none).
    pub(super) longest_typo_name: usize,
    /// (hash of a deletion variant, index into `typo_names`), sorted: the SymSpell
    /// index. Hashes, not strings, keep it small and quick to build; a collision
    /// only adds a candidate, which the distance check then drops.
    pub(super) deletions: Vec<(u64, u32)>,
    /// One bit per deletion-variant hash (its top bits): a word's variant whose bit
    /// is clear is in no name's variants, and costs no search of `deletions`.
    pub(super) deletion_bits: Vec<u64>,
    /// log2 of the number of bits in `deletion_bits`.
    pub(super) deletion_shift: u32,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher")
            .field("patterns", &self.pats.len())
            .field("typo_names", &self.typo_names.len())
            .field("deletions", &self.deletions.len())
            .finish()
    }
}

impl Matcher {
    pub(super) fn new(entries: &[Entry]) -> Matcher {
        let mut pats = Vec::new();
        let mut sensitive = Vec::new();
        let mut typo_names = Vec::new();
        for (id, e) in entries.iter().enumerate() {
            let mut seen = HashSet::new();
            for n in e.names() {
                let n = n.trim();
                if n.is_empty() || !seen.insert(name_key(n)) {
                    continue;
                }
                pats.push((id as EntryId, n.to_string()));
                sensitive.push(e.is_case_sensitive());
                let len = n.chars().count();
                // Names with digits are versions of something (`Llama2`, `GPT3`): a
                // missing digit is another version, not a typo.
                let plain = n.chars().all(|c| is_word_char(c) && !c.is_ascii_digit());
                if e.typos && !e.ambiguous && !e.is_case_sensitive() && (5..256).contains(&len) && plain {
                    typo_names.push((n.to_lowercase(), id as EntryId, len as u8));
                }
            }
        }
        let index = WordIndex::new(pats.iter().map(|(_, p)| p.as_str()));
        let needs_context = pats
            .iter()
            .map(|(id, p)| {
                // A one-word name that is an ordinary English word (`Make`, `Poetry`,
                // `notion`) needs context too, whether or not the lexicon says so.
                entries[*id as usize].ambiguous || (p.chars().all(char::is_alphabetic) && is_common_word(p))
            })
            .collect();
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let id = NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let mut deletions_map = Vec::new();
        for (i, (name, _, len)) in typo_names.iter().enumerate() {
            variants(name, allowed_distance(*len as usize) >= 2, |h| deletions_map.push((h, i as u32)));
        }
        deletions_map.sort_unstable();
        deletions_map.dedup();
        // About 16 bits per variant: one variant of a word in 16 passes by chance.
        let deletion_shift = (deletions_map.len().max(1) * 16).next_power_of_two().trailing_zeros().max(6);
        let mut deletion_bits = vec![0u64; 1 << (deletion_shift - 6)];
        for &(h, _) in &deletions_map {
            let bit = (h >> (64 - deletion_shift)) as usize;
            deletion_bits[bit / 64] |= 1 << (bit % 64);
        }
        let mut clue_ids: HashMap<String, u32, foldhash::fast::FixedState> = HashMap::default();
        let mut clue_finders = Vec::new();
        let clues = entries
            .iter()
            .map(|e| {
                e.clues
                    .iter()
                    .map(|c| {
                        *clue_ids.entry(c.to_ascii_lowercase()).or_insert_with_key(|c| {
                            clue_finders.push(memchr::memmem::Finder::new(c.as_bytes()).into_owned());
                            (clue_finders.len() - 1) as u32
                        })
                    })
                    .collect()
            })
            .collect();
        Matcher {
            id,
            index,
            needs_context,
            clues,
            clue_finders,
            pats,
            sensitive,
            longest_typo_name: typo_names.iter().map(|t| usize::from(t.2)).max().unwrap_or(0),
            typo_names,
            deletions: deletions_map,
            deletion_bits,
            deletion_shift,
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
    /// character that starts a name, `.NET`), so the [`WordIndex`] gives, from the
    /// word found there, the few names that could: one hash probe per word instead of
    /// an automaton step per byte. (A test checks the hits against aho-corasick's.)
    ///
    /// `known` holds what is known of the words seen so far, and `make` says it of a
    /// new word (given with its ASCII lower case): the names that may start with
    /// it, and whether it has typo verdicts; the words with verdicts that no hit
    /// covers go to `words`, with their verdict number.
    pub(super) fn scan_words(
        &self,
        text: &str,
        hits: &mut Vec<Hit>,
        words: &mut Vec<(usize, u32)>,
        known: &mut WordMap<WordInfo>,
        make: &mut impl FnMut(&str, &[u8]) -> WordInfo,
    ) {
        let b = text.as_bytes();
        let mut lower = Vec::with_capacity(64);
        let mut i = 0;
        while i < b.len() {
            // Spaces and punctuation that start no name: skipped in a tight loop.
            while i < b.len() && self.index.inert[b[i] as usize] {
                i += 1;
            }
            if i == b.len() {
                break;
            }
            let c = b[i];
            let word = if c < 0x80 {
                ASCII_WORD[c as usize]
            } else {
                is_word_char(text[i..].chars().next().expect("a char boundary"))
            };
            if !word {
                // Not a word: a name may still start here (`.NET`, `“Black”` no).
                let names = self.index.starting_with_byte(c);
                if !names.is_empty() && hit_may_start(text, i) {
                    if let Some(h) = self.hit_at(text, i, 1, names) {
                        hits.push(h);
                        i = h.end;
                        continue;
                    }
                }
                i += if c < 0x80 { 1 } else { text[i..].chars().next().map_or(1, char::len_utf8) };
                continue;
            }
            // The word. The common one, ASCII and at most eight bytes, is its own key:
            // its bytes loaded at once and put in lower case together.
            let mut j = i;
            while j < b.len() && ASCII_WORD[b[j] as usize] {
                j += 1;
            }
            let end = if j < b.len() && b[j] >= 0x80 { word_end(text, j) } else { j };
            let word = &text[i..end];
            let info = if end == j && j - i <= 8 {
                let key = lower_packed(b, i, j - i);
                known.entry_packed(key, || make(word, &key.to_le_bytes()[..j - i]))
            } else {
                lower.clear();
                lower.extend(b[i..end].iter().map(u8::to_ascii_lowercase));
                known.entry(&lower, || make(word, &lower))
            };
            if info.names.0 != info.names.1 && hit_may_start(text, i) {
                let names = self.index.names_in(info.names);
                if let Some(h) = self.hit_at(text, i, end - i, names) {
                    hits.push(h);
                    i = h.end;
                    continue;
                }
            }
            if info.verdict != 0 {
                words.push((i, info.verdict));
            }
            i = end;
        }
    }

    /// The longest of `names` (one group of the index, longest first) written at
    /// `start`, ignoring ASCII case, that ends on a word boundary and has the case its
    /// entry asks for; `shared` is the length of what the group's names share.
    pub(super) fn hit_at(&self, text: &str, start: usize, shared: usize, names: &[IndexedName]) -> Option<Hit> {
        let b = text.as_bytes();
        let matches = |n: &IndexedName| {
            let pat = n.pat as usize;
            let name = self.pats[pat].1.as_bytes();
            let end = start + name.len();
            let matched = b.get(start..end).is_some_and(|t| t.eq_ignore_ascii_case(name))
                && text[end..].chars().next().is_none_or(|c| !is_word_char(c))
                && (!self.sensitive[pat] || &b[start..end] == name);
            matched.then(|| Hit { entry: self.pats[pat].0, pat, start, end })
        };
        // The common case, one name (mostly the word itself): nothing to order.
        if let [n] = names {
            return matches(n);
        }
        let t = [0, 1].map(|k| b.get(start + shared + k).map_or(0, u8::to_ascii_lowercase));
        // Longest first: the names the text's next two bytes continue (at least two
        // bytes longer than the shared part), then those it continues for one byte
        // and that end there, then the one that is the shared part alone.
        let keys = [t, [t[0], 0], [0, 0]];
        for (k, key) in keys.iter().enumerate() {
            if keys[..k].contains(key) {
                continue;
            }
            // (Most groups hold one or two names: a search costs more than a look.)
            let from = if names.len() <= 4 {
                names.iter().position(|n| n.next >= *key).unwrap_or(names.len())
            } else {
                names.partition_point(|n| n.next < *key)
            };
            if let Some(h) = names[from..].iter().take_while(|n| n.next == *key).find_map(matches) {
                return Some(h);
            }
        }
        None
    }
}
