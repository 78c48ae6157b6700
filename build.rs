//! Compiles the built-in lexicon, `data/lexicon/*.toml`, into a compact binary form
//! in `$OUT_DIR` (included by `src/extract/lexicon/builtin.rs`), so that start-up
//! parses no TOML and the compiler sees no large constant: `lexicon.txt`, every
//! string once, one after the other; `lexicon.bin`, little-endian `u32`s: per entry a
//! record of [`RECORD`] words, then the (offset, length) pairs of aliases and clues;
//! `lexicon_files.rs`, the sources' paths; `near_words.txt`, the ordinary words of
//! `data/sources/near-words.tsv`; `common_deletions.txt`, the deletion index of
//! `data/common-words.txt`, and `common_deletions.starts`, its lines' offsets
//! (little-endian `u32`s); `lexicon_tables.bin` and the `lexicon_*.fst` maps, the
//! names compiled for matching (`src/extract/lexicon/compile.rs`, included here, as
//! a user's lexicon is compiled at run time). Every source is checked by the code that
//! checks a user's lexicon (`src/extract/lexicon/check.rs`, included here): a bad file
//! stops the build with its path, line and column.
//!
//! A hand-made entry that does not say `ambiguous` and holds a name that is a common
//! word of one of the eight languages notes are read in (`data/sources/hand-words.tsv`,
//! from the wordfreq package's lists by `data/tools/gen_words.py`) is compiled as
//! `ambiguous` in text of the languages the name is a word of (their bits from bit 6
//! of the entry's flags), and `strict` where the file says a capital proves nothing.

#[allow(dead_code)]
#[path = "src/extract/lexicon/check.rs"]
mod check;
#[allow(dead_code)]
#[path = "src/extract/lexicon/compile.rs"]
mod compile;

use std::collections::HashMap;
use std::fmt::Write as _;

/// Words per entry: name, category, org, homepage, pypi, npm, wikidata (offset and
/// length each; length `u32::MAX` for none), aliases and clues (first pair and count
/// each), flags, file, line. `src/extract/lexicon/builtin.rs` reads the same layout.
const RECORD: usize = 21;

/// Strings, stored once each.
#[derive(Default)]
struct Strings {
    text: String,
    at: HashMap<String, (u32, u32)>,
}

impl Strings {
    fn add(&mut self, s: &str) -> (u32, u32) {
        if let Some(&p) = self.at.get(s) {
            return p;
        }
        let p = (self.text.len() as u32, s.len() as u32);
        self.text.push_str(s);
        self.at.insert(s.to_string(), p);
        p
    }

    fn opt(&mut self, s: &Option<String>) -> (u32, u32) {
        s.as_deref().map_or((0, u32::MAX), |s| self.add(s))
    }
}

fn main() {
    println!("cargo::rerun-if-changed=data/lexicon");
    println!("cargo::rerun-if-changed=data/sources");
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir("data/lexicon")
        .expect("data/lexicon/ is readable")
        .map(|e| e.expect("data/lexicon/ is readable").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut paths = String::from("/// The sources, in the order their entries come.\nstatic FILES: &[&str] = &[\n");
    let mut strings = Strings::default();
    let mut records: Vec<u32> = Vec::new();
    let mut pairs: Vec<u32> = Vec::new();
    let mut owner: HashMap<String, (String, String)> = HashMap::new();
    // (organisation named, where) of every `org`, checked once every name is known.
    let mut orgs: Vec<(String, String)> = Vec::new();
    let mut all: Vec<check::CheckedEntry> = Vec::new();
    let mut words = hand_words("data/sources/hand-words.tsv");
    for (i, f) in files.iter().enumerate() {
        println!("cargo::rerun-if-changed={}", f.display());
        let path = f.display().to_string();
        writeln!(paths, "    {path:?},").unwrap();
        let text = std::fs::read_to_string(f).unwrap_or_else(|e| panic!("{path}: {e}"));
        let entries =
            check::check_file(&text).unwrap_or_else(|e| panic!("{path}:{}:{}: {}", e.line, e.column, e.message));
        let file = f.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        for mut e in entries {
            // The languages a name of the entry is a word of, from the data: it is
            // ambiguous in text of those only (0: everywhere, as written by hand).
            let mut word_in = 0u32;
            if let Some(rows) = words.remove(&(file.clone(), check::name_key(&e.name))) {
                for (name, strict, languages) in rows {
                    if !std::iter::once(&e.name).chain(&e.aliases).any(|n| check::name_key(n) == name) {
                        panic!("data/sources/hand-words.tsv: {name:?} is no name of {:?} ({path}:{}): run data/tools/gen_words.py", e.name, e.line);
                    }
                    // (An entry that says `ambiguous` itself, `true` or `false`, is as written.)
                    if !e.says_ambiguous {
                        e.ambiguous = true;
                        e.strict |= strict;
                        word_in |= languages;
                    }
                }
            }
            for (n, at) in
                std::iter::once(&e.name).chain(&e.aliases).zip(std::iter::once(&e.name_at).chain(&e.aliases_at))
            {
                let key = check::name_key(n);
                let place = format!("{path}:{}:{}", at.0, at.1);
                if let Some((other, was)) = owner.get(&key) {
                    if *other != e.name {
                        panic!("{place}: {n:?} is already a name of {other:?} ({was}); a name or alias may belong to one entry only");
                    }
                }
                owner.entry(key).or_insert((e.name.clone(), place));
            }
            if let Some(org) = &e.org {
                orgs.push((org.clone(), format!("{path}:{}", e.line)));
            }
            let mut record = Vec::with_capacity(RECORD);
            for s in
                [&Some(e.name.clone()), &Some(e.category.clone()), &e.org, &e.homepage, &e.pypi, &e.npm, &e.wikidata]
            {
                let (o, l) = strings.opt(s);
                record.extend([o, l]);
            }
            for list in [&e.aliases, &e.clues] {
                record.extend([(pairs.len() / 2) as u32, list.len() as u32]);
                for s in list {
                    let (o, l) = strings.add(s);
                    pairs.extend([o, l]);
                }
            }
            let flags = u32::from(e.kind == check::EntryKind::Organization)
                | u32::from(e.case_sensitive) << 1
                | u32::from(e.ambiguous) << 2
                | u32::from(e.typos) << 3
                | u32::from(e.strict) << 4
                | u32::from(e.kind == check::EntryKind::Topic) << 5
                | word_in << 6;
            record.extend([flags, i as u32, e.line as u32]);
            assert_eq!(record.len(), RECORD);
            records.extend(record);
            all.push(e);
        }
    }
    if let Some(((file, entry), _)) = words.iter().next() {
        panic!("data/sources/hand-words.tsv: no entry {entry:?} in data/lexicon/{file}: run data/tools/gen_words.py");
    }
    for (org, at) in orgs {
        if !owner.contains_key(&check::name_key(&org)) {
            panic!("{at}: org {org:?} is no entry of data/lexicon/");
        }
    }
    paths.push_str("];\n");
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut bin = Vec::with_capacity(4 * (2 + records.len() + pairs.len()));
    bin.extend(((records.len() / RECORD) as u32).to_le_bytes());
    for w in records.iter().chain(&pairs) {
        bin.extend(w.to_le_bytes());
    }
    std::fs::write(out.join("lexicon.bin"), bin).expect("OUT_DIR is writable");
    std::fs::write(out.join("lexicon.txt"), strings.text).expect("OUT_DIR is writable");
    std::fs::write(out.join("lexicon_files.rs"), paths).expect("OUT_DIR is writable");
    let sources: Vec<compile::Source<'_>> = all
        .iter()
        .map(|e| compile::Source {
            names: std::iter::once(&e.name).chain(&e.aliases).map(String::as_str).collect(),
            packages: e.pypi.iter().chain(&e.npm).map(String::as_str).collect(),
            clues: e.clues.iter().map(String::as_str).collect(),
            case_sensitive: e.case_sensitive,
            ambiguous: e.ambiguous,
            typos: e.typos,
        })
        .collect();
    let compiled = compile::compile(&sources);
    for (name, bytes) in [
        ("lexicon_tables.bin", &compiled.data),
        ("lexicon_keys.fst", &compiled.keys),
        ("lexicon_packages.fst", &compiled.packages),
        ("lexicon_words.fst", &compiled.words),
    ] {
        std::fs::write(out.join(name), bytes).expect("OUT_DIR is writable");
    }
    std::fs::write(out.join("near_words.txt"), word_list("data/sources/near-words.tsv")).expect("OUT_DIR is writable");
    let deletions = common_deletions("data/common-words.txt");
    let starts: Vec<u8> = std::iter::once(0)
        .chain(deletions.match_indices('\n').map(|(i, _)| i + 1).filter(|&i| i < deletions.len()))
        .flat_map(|i| (i as u32).to_le_bytes())
        .collect();
    std::fs::write(out.join("common_deletions.txt"), deletions).expect("OUT_DIR is writable");
    std::fs::write(out.join("common_deletions.starts"), starts).expect("OUT_DIR is writable");
    let words = function_words("src/extract/lexicon/function-words.txt");
    std::fs::write(out.join("function_words.rs"), words).expect("OUT_DIR is writable");
}

/// The function words of `path` (`# en`, `# de`, ... sections, one word a line) as a
/// Rust slice of (word, languages) sorted by word, each language a bit in the order of
/// [`LANGUAGES`]: a line's languages are then looked up by a binary search, with no
/// table built at run time (building a map on each call was 400 M instructions on the
/// 10 MB corpus).
fn function_words(path: &str) -> String {
    println!("cargo::rerun-if-changed={path}");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut words: std::collections::BTreeMap<&str, u8> = std::collections::BTreeMap::new();
    let mut bit = 0u8;
    for line in text.lines() {
        if let Some(k) = line.strip_prefix("# ").and_then(|l| LANGUAGES.iter().position(|&x| x == l.trim())) {
            bit = 1 << k;
        } else if !line.starts_with('#') && !line.trim().is_empty() {
            *words.entry(line.trim()).or_insert(0) |= bit;
        }
    }
    let mut out = String::from("&[\n");
    for (w, bits) in words {
        out.push_str(&format!("    ({w:?}, {bits}),\n"));
    }
    out.push(']');
    out
}

/// Names that are words, by (file, entry key): (name key, strict, languages).
type HandWords = HashMap<(String, String), Vec<(String, bool, u32)>>;

/// The languages of `data/sources/hand-words.tsv`, in the order of their bits in an
/// entry's flags (and of `src/extract/lexicon/function-words.txt`).
const LANGUAGES: [&str; 8] = ["en", "de", "fr", "es", "it", "pt", "nl", "pl"];

/// The rows of `data/sources/hand-words.tsv` (name, entry, file, Zipf, languages,
/// `strict` or `-`; `#` comments), by file and entry (its name's key): each name's
/// key, whether it is strict and the languages it is a word of (a bit each).
fn hand_words(path: &str) -> HandWords {
    println!("cargo::rerun-if-changed={path}");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = HandWords::new();
    for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [name, entry, file, _, languages, strict] = cols[..] else {
            panic!(
                "{path}:{}: expected 6 columns (name, entry, file, zipf, languages, strict), found {}",
                i + 1,
                cols.len()
            );
        };
        let mut mask = 0;
        for l in languages.split(',') {
            let bit = LANGUAGES
                .iter()
                .position(|&k| k == l)
                .unwrap_or_else(|| panic!("{path}:{}: unknown language {l:?}: expected one of {LANGUAGES:?}", i + 1));
            mask |= 1 << bit;
        }
        let key = (file.to_string(), check::name_key(entry));
        out.entry(key).or_default().push((check::name_key(name), strict == "strict", mask));
    }
    out
}

/// The index of the common words of `path` (one a line, `#` comments) within one
/// deletion of a word: `key\tword` lines, sorted, for each word under itself and under
/// each string made of it without one character (`src/extract/text.rs` searches it
/// for a typo's near words, as a SymSpell index would).
fn common_deletions(path: &str) -> String {
    println!("cargo::rerun-if-changed={path}");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut pairs: Vec<(String, &str)> = Vec::new();
    for w in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        pairs.push((w.to_string(), w));
        let chars: Vec<char> = w.chars().collect();
        for i in 0..chars.len() {
            let d: String = chars.iter().enumerate().filter(|&(j, _)| j != i).map(|(_, c)| *c).collect();
            pairs.push((d, w));
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    let mut out = String::new();
    for (k, w) in pairs {
        writeln!(out, "{k}\t{w}").unwrap();
    }
    out
}

/// The one-word entries (letters only, lower case) of a word list of `data/sources/`
/// (TSV, word first, `#` comments): sorted, one a line, for a binary search at run time.
fn word_list(path: &str) -> String {
    println!("cargo::rerun-if-changed={path}");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut words: Vec<String> = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let word = line.split('\t').next().unwrap_or("").to_lowercase();
        if !word.is_empty() && word.chars().all(char::is_alphabetic) {
            words.push(word);
        }
    }
    words.sort();
    words.dedup();
    words.join("\n")
}
