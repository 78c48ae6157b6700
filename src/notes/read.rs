//! Finding note files under the paths a user gives, and reading them as text.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{Note, Warning};
use crate::error::Error;

/// A note file to read: where it is, and how it is named in messages and provenance.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct NoteFile {
    /// Display name (forward slashes): the path as given, or joined to the folder given.
    pub display: Arc<str>,
    /// Path to open.
    pub path: PathBuf,
    /// Stable key for ids: the path relative to the folder given (the file name for a
    /// file given directly), without its extension, `/`-separated.
    pub key: Arc<str>,
}

/// Extensions read as notes.
pub const NOTE_EXTENSIONS: &[&str] = &["md", "markdown", "txt"];

/// Finds the note files under `paths`: a file is taken as it is; a folder is searched
/// recursively for `.md`, `.markdown` and `.txt`. Sorted by display name, so the
/// order never depends on the file system.
pub fn find_notes(paths: &[PathBuf], warnings: &mut Vec<Warning>) -> Result<Vec<NoteFile>, Error> {
    let mut out = Vec::new();
    for p in paths {
        if !p.exists() {
            return Err(Error::MissingPath(p.clone()));
        }
        if p.is_file() {
            let key = strip_ext(&p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default());
            out.push(NoteFile { display: display_name(p).into(), path: p.clone(), key: key.into() });
            continue;
        }
        let walker = ignore::WalkBuilder::new(p).sort_by_file_name(|a, b| a.cmp(b)).build();
        for entry in walker {
            match entry {
                Ok(e) => {
                    let path = e.path();
                    let is_file = e.file_type().is_some_and(|t| t.is_file());
                    let ext_ok = path
                        .extension()
                        .and_then(|x| x.to_str())
                        .is_some_and(|x| NOTE_EXTENSIONS.iter().any(|n| n.eq_ignore_ascii_case(x)));
                    if is_file && ext_ok {
                        let rel = path.strip_prefix(p).unwrap_or(path);
                        let key = strip_ext(&rel.to_string_lossy().replace('\\', "/"));
                        out.push(NoteFile {
                            display: display_name(path).into(),
                            path: path.to_path_buf(),
                            key: key.into(),
                        });
                    }
                }
                Err(err) => warnings.push(Warning {
                    file: display_name(p).into(),
                    line: None,
                    message: format!("skipped: {err}"),
                }),
            }
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

fn strip_ext(name: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && !stem.ends_with('/') && !ext.contains('/') => stem.to_string(),
        _ => name.to_string(),
    }
}

fn display_name(p: &Path) -> String {
    let s = p.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

/// Reads one note as text. Invalid UTF-8 is replaced, with a warning naming the byte
/// offset.
pub fn read_note(file: &NoteFile, warnings: &mut Vec<Warning>) -> Result<Note, Error> {
    let bytes = std::fs::read(&file.path).map_err(|e| Error::Read(file.display.to_string(), e))?;
    let text = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            warnings.push(Warning {
                file: file.display.clone(),
                line: None,
                message: format!("invalid UTF-8 at byte {offset}; replaced with U+FFFD"),
            });
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    let text = text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text);
    Ok(Note { file: file.display.clone(), key: file.key.clone(), text })
}
