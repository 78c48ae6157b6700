//! Short patterns (`", "`, `" by "`, `"**"`) found in short texts (a line, a name, a
//! title): what [`str::find`], [`str::rfind`] and [`str::split_once`] give, by a
//! `memchr` of the pattern's first byte and a comparison of the rest.
//!
//! The standard searcher prepares each pattern before it searches (a two-way
//! factorisation, about 290 instructions), which is most of the work when the text is
//! a line: the notes stage asked it 100,000 times on the 10 MB corpus, 29 M
//! instructions of preparation (callgrind, BENCHMARKS.md, eleventh stop). A pattern
//! of a few bytes needs none. The pattern is valid UTF-8, so its first byte starts a
//! character and every offset returned is on a character boundary.

/// The offset of the first `pat` in `text`, as [`str::find`] gives it.
pub fn find(text: &str, pat: &str) -> Option<usize> {
    let (t, p) = (text.as_bytes(), pat.as_bytes());
    let Some((&first, rest)) = p.split_first() else { return Some(0) };
    let mut from = 0;
    while let Some(i) = memchr::memchr(first, &t[from..]) {
        let at = from + i;
        if t[at + 1..].starts_with(rest) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// The offset of the last `pat` in `text`, as [`str::rfind`] gives it.
pub fn rfind(text: &str, pat: &str) -> Option<usize> {
    let (t, p) = (text.as_bytes(), pat.as_bytes());
    let Some((&first, rest)) = p.split_first() else { return Some(t.len()) };
    let mut to = t.len();
    while let Some(at) = memchr::memrchr(first, &t[..to]) {
        if t[at + 1..].starts_with(rest) {
            return Some(at);
        }
        to = at;
    }
    None
}

/// `text` split around its first `pat`, as [`str::split_once`] gives it.
pub fn split_once<'t>(text: &'t str, pat: &str) -> Option<(&'t str, &'t str)> {
    let at = find(text, pat)?;
    Some((&text[..at], &text[at + pat.len()..]))
}

/// The last of the patterns `pats` found in `text` (the one starting last), with its
/// offset: `[" — ", " - ", " | "]` and the like.
pub fn rfind_any<'p>(text: &str, pats: &[&'p str]) -> Option<(usize, &'p str)> {
    pats.iter().filter_map(|p| rfind(text, p).map(|i| (i, *p))).max()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_standard_searches() {
        let texts = [
            "",
            "a",
            "Ana Ruiz, Acme",
            "Ana Ruiz (Acme), Bo Li (Initech)",
            "by by by x",
            "Déjà vu — «Title» — Zoë",
            "**bold** and **more**",
            "aaaa",
            "—",
            "x — y – z - w",
        ];
        let pats = ["", ", ", " (", "by ", "**", "aa", "a", "—", " — ", " – ", "zz", "Zoë", "«"];
        for t in texts {
            for p in pats {
                assert_eq!(find(t, p), t.find(p), "find {t:?} {p:?}");
                assert_eq!(rfind(t, p), t.rfind(p), "rfind {t:?} {p:?}");
                assert_eq!(split_once(t, p), t.split_once(p), "split_once {t:?} {p:?}");
            }
        }
    }

    #[test]
    fn the_last_of_several_patterns() {
        assert_eq!(rfind_any("A - B — C", &[" - ", " — "]), Some((5, " — ")));
        assert_eq!(rfind_any("A - B — C - D", &[" - ", " — "]), Some((11, " - ")));
        assert_eq!(rfind_any("A B", &[" - ", " — "]), None);
    }
}
