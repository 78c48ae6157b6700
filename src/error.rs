//! The library's error type, composed from the errors of each stage (notes, lexicon,
//! view, export) plus a usage error. Every error about input names the file (and the
//! line when known); I/O errors keep their source.

use std::path::PathBuf;

/// What can stop a run.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The notes could not be found (stage 1).
    #[error(transparent)]
    Notes(#[from] crate::notes::NotesError),
    /// The paths given hold no `.md`, `.markdown` or `.txt` file.
    #[error("no notes found in {0} (looked for .md, .markdown and .txt files)")]
    NoNotes(String),
    /// Note files were found, but none could be read as text; the warnings say why.
    #[error("no readable notes in {names}: {skipped} file{s} skipped (see the warnings)", s = if *.skipped == 1 { "" } else { "s" })]
    NothingReadable {
        /// The input paths.
        names: String,
        /// How many files were skipped.
        skipped: usize,
        /// Why each was skipped.
        warnings: Vec<crate::notes::Warning>,
    },
    /// A file the run needs (a lexicon) could not be read.
    #[error("{}: cannot read", .0.display())]
    Read(PathBuf, #[source] std::io::Error),
    /// A lexicon file is malformed.
    #[error(transparent)]
    Lexicon(#[from] crate::extract::lexicon::LexiconError),
    /// The view asked for cannot be made (the CLI names the flag: `--focus`).
    #[error("focus {0}")]
    View(#[from] crate::graph::ViewError),
    /// An output could not be written.
    #[error(transparent)]
    Export(#[from] crate::export::ExportError),
    /// Options that do not fit together.
    #[error("{0}")]
    Usage(String),
}
