//! Working memory of the recognisers, owned by the [`Extractor`](super::Extractor)
//! and lent to one worker at a time: what is learnt of the prose's words carries
//! over from one section to the next (the prose repeats its words), and buffers are
//! reused, without thread-local or global state.

use std::sync::{Mutex, PoisonError};

use super::lexicon::WordCache;

/// What a worker keeps from one section to the next: the lexicon's word cache. Any
/// recogniser may be handed any scratch: what it holds only saves work, it never
/// changes a result.
#[derive(Default)]
pub struct Scratch {
    /// What the lexicon scan knows of each word seen (for the matcher it names).
    pub(super) words: WordCache,
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

    /// Gives `scratch` back, for the next section.
    pub(super) fn put(&self, scratch: Scratch) {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).push(scratch);
    }
}
