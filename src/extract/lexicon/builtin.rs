//! The built-in lexicon's entries as `build.rs` compiles them from
//! `data/lexicon/*.toml`: a string table and `u32` records (layout in `build.rs`),
//! each read into an [`Entry`] when first asked for, without parsing. (Their names
//! are compiled for matching too: `compile.rs`, `tables.rs`.)

use super::{Entry, EntryKind};

include!(concat!(env!("OUT_DIR"), "/lexicon_files.rs"));

static TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon.txt"));
static BIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.bin"));

/// Words per entry record (see `build.rs`).
const RECORD: usize = 21;

fn word(i: usize) -> u32 {
    let b = &BIN[4 * i..4 * i + 4];
    u32::from_le_bytes([b[0], b[1], b[2], b[3]])
}

/// Word `k` of the record of entry `id`.
fn field(id: usize, k: usize) -> u32 {
    word(1 + id * RECORD + k)
}

fn string(offset: u32, len: u32) -> Option<&'static str> {
    (len != u32::MAX).then(|| &TEXT[offset as usize..(offset + len) as usize])
}

fn opt(id: usize, k: usize) -> Option<String> {
    string(field(id, 2 * k), field(id, 2 * k + 1)).map(str::to_string)
}

fn list(id: usize, k: usize) -> Vec<String> {
    let (first, n) = (field(id, k) as usize, field(id, k + 1) as usize);
    let base = 1 + count() * RECORD;
    (first..first + n).map(|p| string(word(base + 2 * p), word(base + 2 * p + 1)).unwrap_or("").to_string()).collect()
}

/// The number of built-in entries.
pub(super) fn count() -> usize {
    word(0) as usize
}

/// Built-in entry `id`.
pub(super) fn entry(id: usize) -> Entry {
    let flags = field(id, 18);
    Entry {
        name: opt(id, 0).unwrap_or_default(),
        kind: match (flags & 1 != 0, flags & 32 != 0) {
            (true, _) => EntryKind::Organization,
            (false, true) => EntryKind::Topic,
            (false, false) => EntryKind::Technology,
        },
        category: opt(id, 1).unwrap_or_default(),
        aliases: list(id, 14),
        case: (flags & 2 != 0).then(|| "sensitive".to_string()),
        ambiguous: flags & 4 != 0,
        typos: flags & 8 != 0,
        strict: flags & 16 != 0,
        word_in: (flags >> 6) as u8,
        clues: list(id, 16),
        org: opt(id, 2),
        homepage: opt(id, 3),
        pypi: opt(id, 4),
        npm: opt(id, 5),
        wikidata: opt(id, 6),
    }
}

/// Every built-in entry, in the order of its sources.
pub(super) fn entries() -> Vec<Entry> {
    (0..count()).map(entry).collect()
}

/// The source file and line of built-in entry `id`.
pub(super) fn source(id: usize) -> Option<(&'static str, usize)> {
    (id < count()).then(|| (FILES[field(id, 19) as usize], field(id, 20) as usize))
}
