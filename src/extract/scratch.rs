//! Working memory of the recognisers, owned by the [`Extractor`](super::Extractor)
//! and lent to one worker at a time: what is learnt of the prose's words carries
//! over from one section to the next (the prose repeats its words), and buffers are
//! reused, without thread-local or global state.

use std::sync::{Mutex, PoisonError};

use super::lexicon::WordCache;
use super::text::is_word_char;
use super::Mention;

/// What a worker keeps from one section to the next: the lexicon's word cache. Any
/// recogniser may be handed any scratch: what it holds only saves work, it never
/// changes a result.
#[derive(Default)]
pub struct Scratch {
    /// What the lexicon scan knows of each word seen (for the matcher it names).
    pub(super) words: WordCache,
    /// The words of the body the lexicon scanned last, for inference to read that
    /// body's words without reading its bytes again.
    pub(super) tokens: Tokens,
    /// The list the recognisers fill for a section, emptied and kept for the next one
    /// (it grew from nothing for each section: 10 M instructions of reallocation on
    /// the 10 MB corpus, callgrind).
    pub(super) found: Vec<(usize, Mention)>,
}

impl std::fmt::Debug for Scratch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Scratch").finish_non_exhaustive()
    }
}

/// The scratches of an extractor: a worker takes one for a section and puts it back
/// after, so there are never more than workers running at once, each reused.
#[derive(Default)]
pub(super) struct Pool(Mutex<Vec<Scratch>>);

impl Pool {
    /// A scratch no other worker holds.
    pub(super) fn take(&self) -> Scratch {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).pop().unwrap_or_default()
    }

    /// Gives `scratch` back, for the next section (what it held of this one's body
    /// is dropped).
    pub(super) fn put(&self, mut scratch: Scratch) {
        scratch.tokens.forget();
        self.0.lock().unwrap_or_else(PoisonError::into_inner).push(scratch);
    }
}

/// One word of a text: a maximal run of word characters ([`is_word_char`]), its
/// bytes `start..end`, and what [`Token::shape`] says of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Token {
    pub(super) start: u32,
    pub(super) end: u32,
    /// [`Token::PLAIN`], [`Token::PAIRED`] or [`Token::OTHER`].
    pub(super) shape: u8,
}

impl Token {
    /// ASCII letters and digits only, and no pair of them that makes a shape below.
    pub(super) const PLAIN: u8 = 0;
    /// ASCII letters and digits only, with a lower-case letter before a capital or
    /// a digit, or a capital before a digit (`LangGraph`, `h2o`, `ESP32`).
    pub(super) const PAIRED: u8 = 1;
    /// Not told (a `_`, a non-ASCII letter, or a long word): read its bytes.
    pub(super) const OTHER: u8 = 2;
}

/// The words of one text, recorded by the lexicon scan (which reads every word) for
/// the recognisers after it, less the plain words inference has no use for
/// ([`plain_word_matters`](super::infer::plain_word_matters)).
#[derive(Debug, Default)]
pub(super) struct Tokens {
    /// The text they are the words of (address and length), if any.
    text: Option<(usize, usize)>,
    list: Vec<Token>,
}

impl Tokens {
    /// The list to fill with the words of `text` (emptied), or `None` for a text
    /// too long for `u32` offsets.
    pub(super) fn start(&mut self, text: &str) -> Option<&mut Vec<Token>> {
        self.list.clear();
        self.text = None;
        u32::try_from(text.len()).ok()?;
        self.text = Some((text.as_ptr() as usize, text.len()));
        Some(&mut self.list)
    }

    /// The words of `text`, if they were recorded (by the scan of this text, in this
    /// section: see [`Pool::put`]).
    pub(super) fn of(&self, text: &str) -> Option<&[Token]> {
        (self.text == Some((text.as_ptr() as usize, text.len()))).then_some(&self.list[..])
    }

    /// Drops what is known of the last text.
    pub(super) fn forget(&mut self) {
        self.text = None;
        self.list.clear();
    }
}

/// Appends the words of `text[from..to]` (which starts and ends outside a word) to
/// `out`, their shape not told.
pub(super) fn push_tokens(text: &str, from: usize, to: usize, out: &mut Vec<Token>) {
    let mut chars = text[from..to].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !is_word_char(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if !is_word_char(d) {
                break;
            }
            end = j + d.len_utf8();
            chars.next();
        }
        out.push(Token { start: (from + i) as u32, end: (from + end) as u32, shape: Token::OTHER });
    }
}
