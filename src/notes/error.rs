//! The errors of stage 1, finding and reading notes. They know nothing of the later
//! stages; the crate's [`Error`](crate::Error) wraps them.

use std::path::PathBuf;

/// What stops the notes from being found.
#[derive(Debug, thiserror::Error)]
pub enum NotesError {
    /// A path given to read does not exist.
    #[error("{}: no such file or folder", .0.display())]
    MissingPath(PathBuf),
}
