//! The library's error types. Every error about input names the file (and the line
//! when known); I/O errors keep their source.

use std::path::PathBuf;

/// What can stop a run.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A path given on the command line does not exist.
    #[error("{}: no such file or folder", .0.display())]
    MissingPath(PathBuf),
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
    /// A note file could not be read.
    #[error("{0}: cannot read")]
    Read(String, #[source] std::io::Error),
    /// A lexicon file is malformed.
    #[error(transparent)]
    Lexicon(#[from] crate::extract::lexicon::LexiconError),
    /// An output could not be written.
    #[error(transparent)]
    Export(#[from] crate::export::ExportError),
    /// Options that do not fit together.
    #[error("{0}")]
    Usage(String),
}
