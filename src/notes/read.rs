//! Finding note files under the paths a user gives, and reading them as text.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::error::NotesError as Error;
use super::{Note, Warning};

/// A note file to read: where it is, and how it is named in messages and provenance.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct NoteFile {
    /// Display name (forward slashes): the name of the folder holding the input, then
    /// the path below it (see [`find_notes`]); it never depends on how the input's path
    /// was written.
    pub display: Arc<str>,
    /// Path to open.
    pub path: PathBuf,
    /// Stable key for ids: the shortest tail of the display name, without its
    /// extension, that no other file read shares (see [`find_notes`]).
    pub key: Arc<str>,
}

/// Extensions read as notes (any case). Others can be added with `--ext`
/// ([`find_notes_with`]) and are read as plain text.
pub const NOTE_EXTENSIONS: &[&str] = &[
    "md", "markdown", "txt", "org", "rst", "adoc", "asciidoc", "ipynb", "textile", "tid", "ics", "bib", "csv", "tsv",
    "tex",
];

/// Finds the note files under `paths` ([`find_notes_with`] with no extra extension).
pub fn find_notes(paths: &[PathBuf], warnings: &mut Vec<Warning>) -> Result<Vec<NoteFile>, Error> {
    find_notes_with(paths, &[], warnings)
}

/// Finds the note files under `paths`: a file is taken as it is; a folder is searched
/// recursively for the [`NOTE_EXTENSIONS`] and `extra` ones (without the dot, any
/// case), the way ripgrep searches: hidden files and folders and `.gitignore`d files are
/// skipped (inside a git repository or not), symbolic links are followed. Sorted by
/// display name, so the order never depends on the file system or on the order of
/// `paths`.
///
/// Inputs are identities, not spellings:
///
/// - a file reached twice (overlapping inputs such as `notes notes/day1.md`, one folder
///   given by two spellings, a symbolic link to a file already found) is read once, under
///   its own name rather than a link's, from the outermost folder given;
/// - a file's display name is the name of the folder given (or, for a file given
///   directly, of the folder holding it), as the file system names it, followed by the
///   path below it: `notes`, `./notes`, `/home/me/notes` and `.` run inside `notes` all
///   give `notes/day1.md`. When two inputs' folders have the same name, more of their
///   parents are kept until they differ (`a/notes`, `b/notes`);
/// - a file's key (the stem of its ids, `talk:KEY#1`) is the shortest tail of its
///   display name, without the extension, that no other file read has: `day1` alone,
///   `2023/day1` beside a `2024/day1`; the extension is kept when two files differ by it
///   only (`day1.md`, `day1.txt`).
///
/// A path that does not exist is an error. Inside a folder, what cannot be walked (an
/// unreadable folder, a dangling symbolic link, a symbolic link loop) is a warning and
/// the walk goes on.
pub fn find_notes_with(
    paths: &[PathBuf],
    extra: &[String],
    warnings: &mut Vec<Warning>,
) -> Result<Vec<NoteFile>, Error> {
    let wanted = |x: &str| {
        NOTE_EXTENSIONS.iter().any(|n| n.eq_ignore_ascii_case(x))
            || extra.iter().any(|n| n.trim_start_matches('.').eq_ignore_ascii_case(x))
    };
    // (folder holding the input, canonical), and for each file: (input, path below
    // that folder, path to open).
    let mut roots: Vec<PathBuf> = Vec::new();
    let mut found: Vec<(usize, String, PathBuf)> = Vec::new();
    for p in paths {
        if !p.exists() {
            return Err(Error::MissingPath(p.clone()));
        }
        let canonical = p.canonicalize().unwrap_or_else(|_| p.clone());
        if p.is_file() {
            let name = canonical.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            roots.push(canonical.parent().map(Path::to_path_buf).unwrap_or_default());
            found.push((roots.len() - 1, name, p.clone()));
            continue;
        }
        roots.push(canonical);
        let walker = ignore::WalkBuilder::new(p)
            .follow_links(true)
            .require_git(false)
            .sort_by_file_name(|a, b| a.cmp(b))
            .build();
        for entry in walker {
            match entry {
                Ok(e) => {
                    let path = e.path();
                    let is_file = e.file_type().is_some_and(|t| t.is_file());
                    if is_file && path.extension().and_then(|x| x.to_str()).is_some_and(wanted) {
                        let rel = path.strip_prefix(p).unwrap_or(path);
                        found.push((roots.len() - 1, rel.to_string_lossy().replace('\\', "/"), path.to_path_buf()));
                    }
                }
                Err(err) => warnings.push(walk_warning(p, &err)),
            }
        }
    }
    let root_names = shortest_unique_tails(&roots.iter().map(|r| components(r)).collect::<Vec<_>>());
    let mut out: Vec<(NoteFile, PathBuf)> = found
        .into_iter()
        .map(|(root, rel, path)| {
            let display = match root_names[root].as_str() {
                "" => rel,
                name => format!("{name}/{rel}"),
            };
            let canonical = path.canonicalize().unwrap_or_else(|_| path.clone());
            (NoteFile { display: display.into(), path, key: Arc::from("") }, canonical)
        })
        .collect();
    // A file reached twice keeps its own name rather than a link's, and the name it
    // has from the outermost folder (the most parts), so that adding an inner folder,
    // a file already covered or a link to it changes nothing.
    let is_link = |f: &NoteFile| f.path.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink());
    let parts = |f: &NoteFile| f.display.matches('/').count();
    out.sort_by(|(a, ca), (b, cb)| {
        ca.cmp(cb).then(is_link(a).cmp(&is_link(b))).then(parts(b).cmp(&parts(a))).then(a.cmp(b))
    });
    out.dedup_by(|(_, later), (_, first)| later == first);
    let mut files: Vec<NoteFile> = out.into_iter().map(|(f, _)| f).collect();
    files.sort();
    assign_keys(&mut files);
    Ok(files)
}

/// A path's components as strings.
fn components(p: &Path) -> Vec<String> {
    p.components()
        .filter_map(|c| match c {
            std::path::Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect()
}

/// For each list of components, the shortest tail (joined with `/`) that no other
/// distinct list has as its tail of the same length; the whole list when none is.
fn shortest_unique_tails(all: &[Vec<String>]) -> Vec<String> {
    let mut distinct: Vec<&Vec<String>> = all.iter().collect();
    distinct.sort();
    distinct.dedup();
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for c in &distinct {
        for k in 1..=c.len() {
            *counts.entry(c[c.len() - k..].join("/")).or_default() += 1;
        }
    }
    all.iter()
        .map(|c| {
            (1..=c.len())
                .map(|k| c[c.len() - k..].join("/"))
                .find(|t| counts.get(t) == Some(&1))
                .unwrap_or_else(|| c.join("/"))
        })
        .collect()
}

/// Gives each file its key: the shortest tail of its display name without extension
/// that is unique; with the extension when only it differs; a `~2`, `~3`, ... suffix
/// in the (never seen) case where display names themselves collide.
fn assign_keys(files: &mut [NoteFile]) {
    let stems: Vec<Vec<String>> =
        files.iter().map(|f| strip_ext(&f.display).split('/').map(str::to_string).collect()).collect();
    let mut per_stem: std::collections::HashMap<&Vec<String>, usize> = std::collections::HashMap::new();
    for s in &stems {
        *per_stem.entry(s).or_default() += 1;
    }
    let tails = shortest_unique_tails(&stems);
    let mut used: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for ((f, stem), tail) in files.iter_mut().zip(&stems).zip(tails) {
        let mut key = if per_stem[stem] > 1 { f.display.to_string() } else { tail };
        let n = used.entry(key.clone()).or_default();
        *n += 1;
        if *n > 1 {
            key = format!("{key}~{n}");
        }
        f.key = key.into();
    }
}

/// A warning for what the walker could not visit, naming the path concerned.
fn walk_warning(root: &Path, err: &ignore::Error) -> Warning {
    let mut path: Option<&Path> = None;
    let mut e = err;
    loop {
        match e {
            ignore::Error::WithPath { path: p, err } => {
                path.get_or_insert(p);
                e = err;
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => e = err,
            _ => break,
        }
    }
    let message = match e {
        ignore::Error::Loop { ancestor, child } => {
            path = Some(child);
            format!("skipped: symbolic link loop (leads back to {})", display_name(ancestor))
        }
        ignore::Error::Io(io)
            if io.kind() == std::io::ErrorKind::NotFound
                && path.is_some_and(|p| p.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink())) =>
        {
            "skipped: dangling symbolic link (its target does not exist)".to_string()
        }
        ignore::Error::Io(io) => format!("skipped: {io}"),
        other => format!("skipped: {other}"),
    };
    Warning { file: display_name(path.unwrap_or(root)).into(), line: None, message }
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

/// Reads one note as text, or `None` (with a warning) when it cannot be read or is
/// not text. See [`decode`] for what is accepted.
pub fn read_note(file: &NoteFile, warnings: &mut Vec<Warning>) -> Option<Note> {
    let bytes = match std::fs::read(&file.path) {
        Ok(b) => b,
        Err(e) => {
            warnings.push(Warning {
                file: file.display.clone(),
                line: None,
                message: format!("skipped: cannot read: {e}"),
            });
            return None;
        }
    };
    let text = match plain_utf8(bytes) {
        Ok(text) => normalise_line_endings(text),
        Err(bytes) => decode(&bytes, &file.display, warnings)?,
    };
    let ext = file.path.extension().and_then(|x| x.to_str()).unwrap_or("");
    // A calendar export (`.ics`, or pasted into a `.txt`) or a BibTeX reading list
    // (`.bib`, or pasted): its events or entries as Markdown on the lines of the file.
    let calendar = super::markup::ical::is_calendar(&text);
    if calendar || super::markup::bib::is_bibtex(&text) {
        let text = if calendar { super::markup::ical::to_text(&text) } else { super::markup::bib::to_text(&text) };
        return Some(Note {
            file: file.display.clone(),
            key: file.key.clone(),
            text,
            markup: super::document::Markup::Markdown,
        });
    }
    // LaTeX (`.tex`, or typed into a `.txt`): as Markdown on the lines of the file.
    let plain_ext = !matches!(ext, "md" | "markdown" | "org" | "rst" | "rest" | "adoc" | "asciidoc" | "ipynb");
    if plain_ext && (ext == "tex" || super::markup::latex::is_latex(&text)) {
        let text = super::markup::latex::to_text(&text);
        return Some(Note {
            file: file.display.clone(),
            key: file.key.clone(),
            text,
            markup: super::document::Markup::Markdown,
        });
    }
    let markup = super::markup::detect(ext, &text);
    // Separated values are notes when they are a schedule, or records with text (a
    // to-do app's tasks, flash cards: also a deck exported as `.txt`), as Markdown on
    // the lines of the file; a budget or a list of contacts names no talk.
    let cards = plain_ext && super::markup::records::is_cards(&text);
    let table = markup == super::document::Markup::Table;
    if cards || table && !super::markup::delimited::is_schedule(&text, &super::labels::Labels::default()) {
        if let Some(text) = super::markup::records::to_text(&text) {
            return Some(Note {
                file: file.display.clone(),
                key: file.key.clone(),
                text,
                markup: super::document::Markup::Markdown,
            });
        }
        warnings.push(Warning {
            file: file.display.clone(),
            line: None,
            message: "skipped: a table with no title and speaker or time columns is no schedule".into(),
        });
        return None;
    }
    // A notebook's cells, as Markdown on the lines of the JSON file.
    let text = if markup == super::document::Markup::Notebook {
        match super::markup::ipynb::to_text(&text) {
            Ok(t) => t,
            Err(e) => {
                warnings.push(Warning {
                    file: file.display.clone(),
                    line: e.line,
                    message: format!("skipped: {}", e.message),
                });
                return None;
            }
        }
    } else {
        text
    };
    let mut text = text;
    if markup == super::document::Markup::Markdown {
        super::markup::markdown::blank_div_fences(&mut text);
        super::markup::admonition::open(&mut text);
    }
    Some(Note { file: file.display.clone(), key: file.key.clone(), text, markup })
}

/// The bytes as they are, when [`decode`] would keep them as they are: UTF-8 without
/// a byte-order mark, not a known binary format, no NUL byte in the first 8 KiB. The
/// common file is then not copied; any other goes back for [`decode`].
fn plain_utf8(bytes: Vec<u8>) -> Result<String, Vec<u8>> {
    let marked = [&[0xFF, 0xFE][..], &[0xFE, 0xFF], &[0xEF, 0xBB, 0xBF], &[0, 0, 0xFE, 0xFF]]
        .iter()
        .any(|bom| bytes.starts_with(bom));
    if marked || binary_kind(&bytes).is_some() || memchr::memchr(0, &bytes[..bytes.len().min(SNIFF_LEN)]).is_some() {
        return Err(bytes);
    }
    String::from_utf8(bytes).map_err(std::string::FromUtf8Error::into_bytes)
}

/// How many leading bytes are looked at to tell text from binary.
const SNIFF_LEN: usize = 8 * 1024;

/// Decodes a note's bytes (`file` names it in warnings):
///
/// - UTF-8, with its byte-order mark removed; invalid sequences become U+FFFD with one
///   warning giving the byte offset and line of the first;
/// - UTF-16 LE or BE with a byte-order mark, decoded silently (unpaired surrogates
///   become U+FFFD, with a warning);
/// - `None` with one warning for what is not text: UTF-16 without a byte-order mark,
///   UTF-32, a known binary format (PNG, JPEG, GIF, PDF, zip, gzip) or anything with a
///   NUL byte in its first 8 KiB;
/// - line endings: `\r\n` and a lone `\r` become `\n`.
pub fn decode(bytes: &[u8], file: &Arc<str>, warnings: &mut Vec<Warning>) -> Option<String> {
    decode_text(bytes, file, warnings).map(normalise_line_endings)
}

/// `\r\n` and a lone `\r` become `\n`: every later stage splits lines on `\n` only,
/// and a line keeps its number.
fn normalise_line_endings(text: String) -> String {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(i) = rest.find('\r') {
        out.push_str(&rest[..i]);
        out.push('\n');
        rest = &rest[i + 1..];
        if let Some(r) = rest.strip_prefix('\n') {
            rest = r;
        }
    }
    out.push_str(rest);
    out
}

fn decode_text(bytes: &[u8], file: &Arc<str>, warnings: &mut Vec<Warning>) -> Option<String> {
    let skip = |warnings: &mut Vec<Warning>, why: String| {
        warnings.push(Warning { file: file.clone(), line: None, message: format!("skipped: {why}") });
        None
    };
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return skip(warnings, "UTF-32 text is not supported; save it as UTF-8".into());
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Some(decode_utf16(rest, u16::from_le_bytes, file, warnings));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Some(decode_utf16(rest, u16::from_be_bytes, file, warnings));
    }
    let (bytes, base) = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => (rest, 3),
        None => (bytes, 0),
    };
    if let Some(kind) = binary_kind(bytes) {
        return skip(warnings, format!("not a text file ({kind})"));
    }
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    if let Some(nul) = memchr::memchr(0, head) {
        if let Some(order) = utf16_without_bom(head) {
            return skip(warnings, format!("looks like UTF-16{order} without a byte-order mark; save it as UTF-8"));
        }
        return skip(warnings, format!("not a text file (NUL byte at byte {})", base + nul));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Some(s.to_string()),
        Err(_) => {
            let mut out = String::with_capacity(bytes.len());
            let mut first = None;
            let mut count = 0usize;
            let mut offset = 0usize;
            for chunk in bytes.utf8_chunks() {
                out.push_str(chunk.valid());
                offset += chunk.valid().len();
                if !chunk.invalid().is_empty() {
                    first.get_or_insert(offset);
                    count += 1;
                    out.push(char::REPLACEMENT_CHARACTER);
                    offset += chunk.invalid().len();
                }
            }
            let at = first.unwrap_or(0);
            let line = line_at(bytes, at);
            let mut message = format!("invalid UTF-8 at byte {}; replaced with U+FFFD", base + at);
            if count > 1 {
                message.push_str(&format!(" ({} more invalid sequences replaced)", count - 1));
            }
            warnings.push(Warning { file: file.clone(), line: Some(line as u32), message });
            Some(out)
        }
    }
}

/// The 1-based line holding byte `at`; `\n`, `\r\n` and a lone `\r` end lines.
fn line_at(bytes: &[u8], at: usize) -> usize {
    let head = &bytes[..at.min(bytes.len())];
    let mut line = 1;
    for i in memchr::memchr2_iter(b'\n', b'\r', head) {
        if head[i] == b'\n' || head.get(i + 1) != Some(&b'\n') {
            line += 1;
        }
    }
    line
}

fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, file: &Arc<str>, warnings: &mut Vec<Warning>) -> String {
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut out = String::with_capacity(bytes.len() / 2);
    let mut first_bad = None;
    for (i, r) in char::decode_utf16(units).enumerate() {
        match r {
            Ok(c) => out.push(c),
            Err(_) => {
                first_bad.get_or_insert(i);
                out.push(char::REPLACEMENT_CHARACTER);
            }
        }
    }
    if bytes.len() % 2 == 1 {
        out.push(char::REPLACEMENT_CHARACTER);
        warnings.push(Warning {
            file: file.clone(),
            line: None,
            message: "UTF-16 text ends in half a character; replaced with U+FFFD".into(),
        });
    }
    if let Some(i) = first_bad {
        // `i` counts decoded characters, not units: report what we know, the position.
        warnings.push(Warning {
            file: file.clone(),
            line: None,
            message: format!("invalid UTF-16 (unpaired surrogate) at character {i}; replaced with U+FFFD"),
        });
    }
    out
}

/// A binary format recognised by its magic number.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"GIF87a", "GIF image"),
        (b"GIF89a", "GIF image"),
        (b"%PDF-", "PDF document"),
        (b"PK\x03\x04", "zip archive"),
        (b"PK\x05\x06", "zip archive"),
        (b"\x1f\x8b", "gzip archive"),
    ];
    MAGIC.iter().find(|(m, _)| bytes.starts_with(m)).map(|(_, k)| *k)
}

/// `Some(" LE")`/`Some(" BE")` when NUL bytes sit on one side of mostly-ASCII pairs, as
/// in UTF-16 text written without a byte-order mark.
fn utf16_without_bom(head: &[u8]) -> Option<&'static str> {
    let pairs = head.len() / 2;
    if pairs < 2 {
        return None;
    }
    let (mut even_nul, mut odd_nul) = (0, 0);
    for c in head.chunks_exact(2) {
        even_nul += usize::from(c[0] == 0);
        odd_nul += usize::from(c[1] == 0);
    }
    if odd_nul * 10 >= pairs * 7 && even_nul * 10 <= pairs {
        Some(" LE")
    } else if even_nul * 10 >= pairs * 7 && odd_nul * 10 <= pairs {
        Some(" BE")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(bytes: &[u8]) -> (Option<String>, Vec<String>) {
        let mut w = Vec::new();
        let text = decode(bytes, &Arc::from("n.md"), &mut w);
        (text, w.into_iter().map(|w| w.to_string()).collect())
    }

    fn utf16(text: &str, le: bool) -> Vec<u8> {
        let mut out = if le { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
        for u in text.encode_utf16() {
            out.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        out
    }

    #[test]
    fn text_encodings() {
        assert_eq!(decoded(b"## Talk 1: A\n"), (Some("## Talk 1: A\n".into()), vec![]));
        assert_eq!(decoded(b"\xEF\xBB\xBF## Talk 1: A"), (Some("## Talk 1: A".into()), vec![]));
        assert_eq!(decoded(b""), (Some(String::new()), vec![]));
        for le in [true, false] {
            assert_eq!(
                decoded(&utf16("## Talk 1: Café ☕ 𝄞\r\n", le)),
                (Some("## Talk 1: Café ☕ 𝄞\n".into()), vec![])
            );
        }
        // An unpaired surrogate and half a character at the end.
        let mut bad = utf16("ab", true);
        bad.extend([0x00, 0xD8, b'c', 0, 0x41]);
        let (text, w) = decoded(&bad);
        assert_eq!(text.as_deref(), Some("ab\u{FFFD}c\u{FFFD}"));
        assert_eq!(w.len(), 2, "{w:?}");
    }

    #[test]
    fn line_endings_become_newlines_and_lines_keep_their_numbers() {
        for (raw, want) in [("a\r\nb\rc\n\rd\r", "a\nb\nc\n\nd\n"), ("no endings", "no endings"), ("\r\r\n", "\n\n")] {
            assert_eq!(decoded(raw.as_bytes()).0.as_deref(), Some(want), "{raw:?}");
        }
    }

    #[test]
    fn invalid_utf8_is_replaced_with_offset_and_line() {
        // Latin-1 `é` on line 3 (after a lone CR and a CRLF).
        let (text, w) = decoded(b"one\rtwo\r\ncaf\xE9 and \xE8\n");
        assert_eq!(text.as_deref(), Some("one\ntwo\ncaf\u{FFFD} and \u{FFFD}\n"));
        assert_eq!(
            w,
            vec!["n.md:3: invalid UTF-8 at byte 12; replaced with U+FFFD (1 more invalid sequences replaced)"]
        );
        // A truncated multi-byte character at the end; offsets count the BOM.
        let (text, w) = decoded(b"\xEF\xBB\xBFok \xE2\x82");
        assert_eq!(text.as_deref(), Some("ok \u{FFFD}"));
        assert_eq!(w, vec!["n.md:1: invalid UTF-8 at byte 6; replaced with U+FFFD"]);
    }

    #[test]
    fn binary_and_unmarked_utf16_are_skipped_by_name() {
        let cases: &[(&[u8], &str)] = &[
            (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "PNG image"),
            (b"PK\x03\x04\x14\0\0\0", "zip archive"),
            (b"%PDF-1.7\n%", "PDF document"),
            (b"## Talk\n\0\x01\x02garbage", "NUL byte at byte 8"),
            (b"#\0 \0T\0a\0l\0k\0", "UTF-16 LE without a byte-order mark"),
            (b"\0#\0 \0T\0a\0l\0k", "UTF-16 BE without a byte-order mark"),
            (b"\xFF\xFE\0\0#\0\0\0", "UTF-32"),
        ];
        for (bytes, why) in cases {
            let (text, w) = decoded(bytes);
            assert_eq!(text, None, "{why}");
            assert_eq!(w.len(), 1, "{why}");
            assert!(w[0].starts_with("n.md: skipped: ") && w[0].contains(why), "{why}: {w:?}");
        }
    }

    fn walk(root: &Path) -> (Vec<String>, Vec<String>) {
        let mut w = Vec::new();
        let files = find_notes(&[root.to_path_buf()], &mut w).expect("the root exists");
        let name =
            root.canonicalize().expect("root").file_name().expect("a named folder").to_string_lossy().into_owned();
        let root = display_name(root);
        let rel = |s: &str| s.strip_prefix(&root).unwrap_or(s).trim_start_matches('/').to_string();
        let below = |s: &str| {
            s.strip_prefix(&name).and_then(|s| s.strip_prefix('/')).expect("named after the folder").to_string()
        };
        (
            files.iter().map(|f| below(&f.display)).collect(),
            w.iter().map(|w| format!("{}: {}", rel(&w.file), w.message)).collect(),
        )
    }

    #[test]
    fn walk_skips_hidden_and_ignored_files_outside_git() {
        let dir = tempfile::tempdir().expect("temp dir");
        let d = dir.path();
        std::fs::create_dir_all(d.join(".hidden")).expect("mkdir");
        std::fs::create_dir_all(d.join("sub")).expect("mkdir");
        for f in
            ["a.md", "b.txt", "c.markdown", "d.rs", ".hidden/e.md", "sub/f.MD", "drafts.md", "g.org", "h.rst", "i.adoc"]
        {
            std::fs::write(d.join(f), "x").expect("write");
        }
        for f in ["j.asciidoc", "k.ipynb", "l.log", "m.html"] {
            std::fs::write(d.join(f), "x").expect("write");
        }
        std::fs::write(d.join(".gitignore"), "drafts.md\n").expect("write");
        let (files, warnings) = walk(d);
        let all = ["a.md", "b.txt", "c.markdown", "g.org", "h.rst", "i.adoc", "j.asciidoc", "k.ipynb", "sub/f.MD"];
        assert_eq!(files, all);
        assert!(warnings.is_empty(), "{warnings:?}");
        let mut w = Vec::new();
        let with_log = find_notes_with(&[d.to_path_buf()], &[".LOG".into()], &mut w).expect("the root exists");
        assert_eq!(with_log.len(), all.len() + 1);
        assert!(with_log.iter().any(|f| f.display.ends_with("/l.log")));
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[cfg(unix)]
    #[test]
    fn walk_warns_on_dangling_links_and_loops_and_goes_on() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().expect("temp dir");
        let d = dir.path();
        std::fs::create_dir_all(d.join("loop")).expect("mkdir");
        std::fs::write(d.join("a.md"), "x").expect("write");
        symlink(d.join("missing.md"), d.join("dangling.md")).expect("symlink");
        symlink(d, d.join("loop/back")).expect("symlink");
        symlink(d.join("a.md"), d.join("linked.md")).expect("symlink");
        let (files, warnings) = walk(d);
        // linked.md is a.md: read once.
        assert_eq!(files, vec!["a.md"]);
        assert_eq!(
            warnings,
            vec![
                "dangling.md: skipped: dangling symbolic link (its target does not exist)".to_string(),
                format!("loop/back: skipped: symbolic link loop (leads back to {})", display_name(d)),
            ]
        );
    }

    #[test]
    fn inputs_are_identities_not_spellings() {
        let dir = tempfile::tempdir().expect("temp dir");
        let notes = dir.path().join("notes");
        for f in ["day1.md", "2023/talks.md", "2024/talks.md", "x.md", "x.txt"] {
            let p = notes.join(f);
            std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
            std::fs::write(p, "x").expect("write");
        }
        let names = |paths: &[PathBuf]| {
            let mut w = Vec::new();
            let files = find_notes(paths, &mut w).expect("found");
            files.iter().map(|f| format!("{} {}", f.display, f.key)).collect::<Vec<_>>()
        };
        let expected = [
            "notes/2023/talks.md 2023/talks",
            "notes/2024/talks.md 2024/talks",
            "notes/day1.md day1",
            "notes/x.md notes/x.md",
            "notes/x.txt notes/x.txt",
        ];
        assert_eq!(names(std::slice::from_ref(&notes)), expected);
        // Overlapping inputs, another spelling of the folder: each file once, same names.
        assert_eq!(names(&[notes.join("."), notes.join("day1.md"), notes.join("2023/../2023")]), expected);
        assert_eq!(names(&[notes.join("day1.md")]), ["notes/day1.md day1"]);
        // Two folders of the same name keep their parents.
        let other = dir.path().join("b/notes");
        std::fs::create_dir_all(&other).expect("mkdir");
        std::fs::write(other.join("day1.md"), "x").expect("write");
        let got = names(&[notes.join("day1.md"), other.clone()]);
        assert_eq!(got.len(), 2);
        assert!(got.contains(&"b/notes/day1.md b/notes/day1".to_string()), "{got:?}");
        assert!(got.iter().all(|g| g.ends_with("notes/day1")) && got[0] != got[1], "{got:?}");
    }

    #[cfg(unix)]
    #[test]
    fn unreadable_file_is_a_warning() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("secret.md");
        std::fs::write(&path, "## Talk 1: A\n").expect("write");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
        if std::fs::read(&path).is_ok() {
            // Running as root: permissions do not stop reads, use a folder as the file.
            std::fs::remove_file(&path).expect("rm");
            std::fs::create_dir(&path).expect("mkdir");
        }
        let file = NoteFile { display: "secret.md".into(), path, key: "secret".into() };
        let mut w = Vec::new();
        assert!(read_note(&file, &mut w).is_none());
        assert_eq!(w.len(), 1);
        assert!(w[0].to_string().starts_with("secret.md: skipped: cannot read: "), "{}", w[0]);
    }

    #[test]
    fn a_folder_of_binaries_is_no_notes_but_one_good_note_is_enough() {
        let dir = tempfile::tempdir().expect("temp dir");
        let d = dir.path();
        std::fs::write(d.join("img.md"), b"\x89PNG\r\n\x1a\n\0\0").expect("write");
        std::fs::write(d.join("zip.txt"), b"PK\x03\x04\0\0").expect("write");
        let knowledge = crate::Knowledge::builtin();
        let err = crate::build_graph(&[d.to_path_buf()], &knowledge, Some(1)).expect_err("nothing readable");
        let crate::Error::NothingReadable { skipped, warnings, .. } = &err else {
            panic!("not NothingReadable: {err}")
        };
        assert_eq!((*skipped, warnings.len()), (2, 2), "{warnings:?}");
        std::fs::write(d.join("ok.md"), "## Talk 1: A\n").expect("write");
        let built = crate::build_graph(&[d.to_path_buf()], &knowledge, Some(1)).expect("one note read");
        assert_eq!(built.facts.len(), 1);
        assert_eq!(built.warnings.iter().filter(|w| w.message.starts_with("skipped: not a text file")).count(), 2);
    }

    #[test]
    fn separated_values_are_read_when_they_are_a_schedule() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("fav.csv"), "Title,Speakers,Start\nRust on Zephyr,Ana Ruiz,09:00\n").unwrap();
        std::fs::write(dir.path().join("budget.csv"), "date,amount,description\n2025-01-02,12.50,Ana Ruiz\n").unwrap();
        std::fs::write(dir.path().join("list.bib"), "@misc{k, title = {A talk}, author = {Ruiz, Ana}}\n").unwrap();
        let mut w = Vec::new();
        let files = find_notes(&[dir.path().to_path_buf()], &mut w).expect("the folder exists");
        let notes: Vec<Note> = files.iter().filter_map(|f| read_note(f, &mut w)).collect();
        let read: Vec<(&str, crate::notes::document::Markup)> =
            notes.iter().map(|n| (n.file.rsplit('/').next().unwrap_or(""), n.markup)).collect();
        use crate::notes::document::Markup;
        assert_eq!(read, [("fav.csv", Markup::Table), ("list.bib", Markup::Markdown)]);
        assert_eq!(notes[1].text, "### A talk (Ana Ruiz)\n");
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].to_string().contains("budget.csv: skipped: a table with no title"), "{}", w[0]);
    }
}
