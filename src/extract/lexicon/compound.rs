//! Hyphenated compounds of a known name: `rattler-build`, `embassy-net`,
//! `go-carbon`, `dask-geopandas` are packages of their own, not their first (or
//! last) part; `pandas-based`, `numpy-like`, `non-python` are that part in prose.
//!
//! A compound is written as package names are: lower-case ASCII letters and digits
//! joined by `-`. A name written with a capital (`Rust-native`, `Django-powered`,
//! `Kubernetes-Cluster`) is prose in every language, and kept.

use super::matcher::Hit;
use crate::extract::infer::PREFIXES;
use crate::extract::text::{is_common_form, is_word_char};

/// Words that, after a name and a hyphen, make an adjective of it (`numpy-like`,
/// `python-first`, `rust-free`) and that [`is_modifier`] does not tell by ending.
const MODIFIER_WORDS: &[&str] = &[
    "like",
    "first",
    "only",
    "free",
    "ready",
    "aware",
    "style",
    "heavy",
    "wide",
    "safe",
    "side",
    "level",
    "world",
    "land",
    "way",
    "driven",
    "written",
    "proof",
    "centric",
    "specific",
    "native",
    "friendly",
    "adjacent",
    "dependent",
    "independent",
    "efficient",
    "consistent",
    "relevant",
    "tolerant",
    "resistant",
    "agnostic",
    "grade",
];

/// Endings of adjectives and participles (`-based`, `-specific`, `-native`,
/// `-compatible`, `-agnostic`; German `-basiert`, `-spezifisch`): a word of five
/// letters or more ending so, after a name, says what the name is to something else.
const MODIFIER_ENDINGS: &[&str] = &["ed", "ic", "ive", "ble", "ful", "less", "ish", "ous", "esque", "iert", "isch"];

/// Whether `part`, the last part of a hyphenated word, makes an adjective of what
/// precedes it.
fn is_modifier(part: &str) -> bool {
    MODIFIER_WORDS.contains(&part) || (part.len() >= 5 && MODIFIER_ENDINGS.iter().any(|e| part.ends_with(e)))
}

/// Whether `c` may be part of a compound's part.
fn part_byte(c: u8) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit()
}

/// The hyphenated word of `text` around `start..end` (a hit), if the hit is part of
/// one written as a package name: lower-case ASCII letters and digits, parts joined
/// by single `-`, more than the hit, each part after the first starting with a
/// letter. Its byte range.
pub(super) fn hyphenated_around(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    if !b[start..end].iter().all(|&c| part_byte(c) || c == b'-') {
        return None;
    }
    let mut s = start;
    while s >= 2 && b[s - 1] == b'-' && part_byte(b[s - 2]) {
        let mut p = s - 1;
        while p > 0 && part_byte(b[p - 1]) {
            p -= 1;
        }
        if !b[p..s - 1].iter().any(u8::is_ascii_lowercase) {
            break;
        }
        s = p;
    }
    let mut e = end;
    while e + 1 < b.len() && b[e] == b'-' && b[e + 1].is_ascii_lowercase() {
        let mut q = e + 1;
        while q < b.len() && part_byte(b[q]) {
            q += 1;
        }
        e = q;
    }
    // Whole words only: not glued to more letters (`Über-python`), nor the middle
    // of a path or an identifier (`x_rattler-build`).
    let glued_before = text[..s].chars().next_back().is_some_and(|c| is_word_char(c) || c == '-');
    let glued_after = text[e..].chars().next().is_some_and(is_word_char)
        || (b.get(e) == Some(&b'-') && b.get(e + 1).is_some_and(u8::is_ascii_alphanumeric));
    ((s, e) != (start, end) && !glued_before && !glued_after).then_some((s, e))
}

/// Whether the hyphenated word `word` (see [`hyphenated_around`]) holding the hit at
/// `start..end` of it names a package of its own rather than the hit's entry in
/// prose: not an adjective made of the name (`pandas-based`), not a prefixed word
/// (`non-python`), not a name after an ordinary word (`pure-python`), not ordinary
/// words only (`go-live`).
pub(super) fn is_compound(word: &str, start: usize, end: usize) -> bool {
    let parts: Vec<&str> = word.split('-').collect();
    let last = parts[parts.len() - 1];
    if is_modifier(last) || PREFIXES.contains(&parts[0]) {
        return false;
    }
    if parts.iter().all(|p| p.chars().all(char::is_alphabetic) && is_common_form(p)) {
        return false;
    }
    // The name last, after ordinary words: `pure-python`, `modern-django`.
    let before = &word[..start];
    if end == word.len() && !before.is_empty() && before.split('-').all(|p| p.is_empty() || is_common_form(p)) {
        return false;
    }
    true
}

impl super::Lexicon {
    /// Whether `word`, a hyphenated word written as a package name, starts or ends
    /// with a name of the lexicon and names a package of its own ([`is_compound`]):
    /// `go-carbon`, `cargo-flamegraph`, not `pandas-based` nor `go-live`.
    pub(crate) fn is_compound_of_name(&self, word: &str) -> bool {
        let b = word.as_bytes();
        if !word.contains('-') || !b.iter().all(|&c| part_byte(c) || c == b'-') || word.contains("--") {
            return false;
        }
        let (Some(first), Some(last)) = (word.split('-').next(), word.rsplit('-').next()) else { return false };
        (self.find(first).is_some() && is_compound(word, 0, first.len()))
            || (self.find(last).is_some() && is_compound(word, word.len() - last.len(), word.len()))
    }
}

/// Per hit of `text` (in text order, not overlapping), the hyphenated word it is
/// part of if that word names a package of its own ([`is_compound`]); every hit
/// inside such a word gets it (`dask` and `geopandas` of `dask-geopandas`). Empty
/// when no hit touches a `-` (most sections).
pub(super) fn compounds(text: &str, hits: &[Hit]) -> Vec<Option<(usize, usize)>> {
    let b = text.as_bytes();
    let touches = |h: &Hit| b.get(h.end) == Some(&b'-') || (h.start > 0 && b[h.start - 1] == b'-');
    if !hits.iter().any(touches) {
        return Vec::new();
    }
    let mut out = vec![None; hits.len()];
    for (i, h) in hits.iter().enumerate() {
        if out[i].is_some() || !touches(h) {
            continue;
        }
        let Some((s, e)) = hyphenated_around(text, h.start, h.end) else { continue };
        if !is_compound(&text[s..e], h.start - s, h.end - s) {
            continue;
        }
        let first = hits[..i].iter().rposition(|g| g.start < s).map_or(0, |k| k + 1);
        for (j, g) in hits.iter().enumerate().skip(first) {
            if g.start >= e {
                break;
            }
            if g.end <= e {
                out[j] = Some((s, e));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The compound around the first `hit` in `text`, if it names a package of its own.
    fn compound<'a>(text: &'a str, hit: &str) -> Option<&'a str> {
        let start = text.find(hit).expect("the hit in the text");
        let (s, e) = hyphenated_around(text, start, start + hit.len())?;
        is_compound(&text[s..e], start - s, start + hit.len() - s).then(|| &text[s..e])
    }

    #[test]
    fn a_name_with_a_part_of_its_own_is_another_package() {
        assert_eq!(compound("a rattler-build recipe", "rattler"), Some("rattler-build"));
        assert_eq!(compound("(embassy-net, smoltcp)", "embassy"), Some("embassy-net"));
        assert_eq!(compound("moved to go-carbon and SSDs", "go"), Some("go-carbon"));
        assert_eq!(compound("dask-geopandas to partition", "dask"), Some("dask-geopandas"));
        assert_eq!(compound("dask-geopandas to partition", "geopandas"), Some("dask-geopandas"));
        assert_eq!(compound("Pico, rp2040-hal, PIO", "rp2040"), Some("rp2040-hal"));
        assert_eq!(compound("with cargo-flamegraph.", "cargo"), Some("cargo-flamegraph"));
        assert_eq!(compound("the kube-state-metrics exporter", "state"), Some("kube-state-metrics"));
        assert_eq!(compound("pytest-django helps", "django"), Some("pytest-django"));
    }

    #[test]
    fn a_name_made_an_adjective_or_after_a_word_is_the_name() {
        for (text, hit) in [
            ("a pandas-based pipeline", "pandas"),
            ("numpy-like arrays", "numpy"),
            ("python-specific code", "python"),
            ("it is rust-native", "rust"),
            ("a gpu-accelerated job", "gpu"),
            ("django-powered sites", "django"),
            ("kubernetes-agnostic", "kubernetes"),
            ("python-compatible", "python"),
            ("python-basiert", "python"),
            ("a popular crate (serde-adjacent)", "serde"),
            ("non-python users", "python"),
            ("pure-python wheels", "python"),
            ("the go-live date", "go"),
            ("Rust-native", "Rust"),
            ("Kubernetes-Cluster", "Kubernetes"),
            ("python 3.12-based", "python"),
            ("python-3", "python"),
            ("django", "django"),
        ] {
            assert_eq!(compound(text, hit), None, "{text}");
        }
    }
}
