//! The people of a title line: `Title (Name)`, `Title by Name`, `Title - Name`,
//! `Name — Title`, with the separators found in one backward pass.

use super::*;

/// Splits the people off a title: `Title (Name)`, `Title by Name`, `Title - Name`.
/// `dash`: a lead-in line or a list item, where the part after a dash or in the
/// parentheses can only be names, in any case. Otherwise (a heading, prose) a subtitle
/// may stand there as well: names in lower case count when their words are unusual
/// ([`names::Case::Unusual`]), and with `by` (a heading) so does what follows a dash.
pub(super) fn title_and_people(s: &str, labels: &Labels, by: bool, dash: bool) -> (String, Vec<(String, Role)>) {
    match split_people(s, labels, by, dash) {
        Some((title, people)) => (clean_title(title), people),
        None => (clean_title(s.trim()), Vec::new()),
    }
}

/// Words that put the people after a title: `Title by NAME`, `von`, `par`, ...
pub(super) const BY_SEPS: [&str; 9] = [" by ", " By ", " BY ", " von ", " par ", " por ", " di ", " door ", " przez "];
/// Dashes that put the people after a title: `Title — NAME`.
pub(super) const DASH_SEPS: [&str; 4] = [" — ", " – ", " - ", " -- "];

/// Each of [`BY_SEPS`] then [`DASH_SEPS`] as a little-endian word of its bytes, and the
/// mask of those bytes (every separator has eight bytes at most).
const SEP_WORDS: [(u64, u64); 13] = {
    let mut out = [(0, 0); 13];
    let mut k = 0;
    while k < out.len() {
        let sep = if k < BY_SEPS.len() { BY_SEPS[k] } else { DASH_SEPS[k - BY_SEPS.len()] }.as_bytes();
        assert!(sep.len() <= 8);
        let mut i = 0;
        while i < sep.len() {
            out[k].0 |= (sep[i] as u64) << (8 * i);
            out[k].1 |= 0xFF << (8 * i);
            i += 1;
        }
        k += 1;
    }
    out
};

/// Where each of [`BY_SEPS`] then [`DASH_SEPS`] last starts in `s` (what `s.rfind(sep)`
/// gives), in one pass over the spaces of `s`, looking only at those followed by a
/// separator's second byte. The spaces are found eight bytes at a time (a word with a
/// zero byte where `s` has a space): the first line of a paragraph is short and has a
/// space every six bytes or so, so memchr is called once per space and pays its set-up
/// each time. A separator is compared as one masked word with the eight bytes at the
/// space. On the 10 MB corpus: thirteen `rfind`s were 600 M instructions, a `memrchr`
/// per space 79 M, this pass 44 M comparing with `starts_with`, 41 M with words.
pub(super) fn last_seps(s: &str) -> [Option<usize>; 13] {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut last = [None; 13];
    let b = s.as_bytes();
    let mut at = |i: usize| {
        // The separators a space followed by this byte may start.
        let ks: &[usize] = match b.get(i + 1) {
            Some(b'b') => &[0],
            Some(b'B') => &[1, 2],
            Some(b'v') => &[3],
            Some(b'p') => &[4, 5, 8],
            Some(b'd') => &[6, 7],
            Some(0xE2) => &[9, 10],
            Some(b'-') => &[11, 12],
            _ => return,
        };
        // The eight bytes from the space, zeros past the end (no separator has one).
        let w = match b.get(i..i + 8) {
            Some(w) => u64::from_le_bytes(w.try_into().expect("eight bytes")),
            None => b[i..].iter().rev().fold(0, |w, &c| w << 8 | u64::from(c)),
        };
        for &k in ks {
            let (word, mask) = SEP_WORDS[k];
            if w & mask == word {
                last[k] = Some(i);
            }
        }
    };
    let mut chunks = b.chunks_exact(8);
    let mut base = 0;
    for c in &mut chunks {
        let x = u64::from_le_bytes(c.try_into().expect("eight bytes")) ^ (ONES * u64::from(b' '));
        // The high bit of every zero byte of `x` (and perhaps of a byte after one):
        // every space, checked below.
        let mut m = x.wrapping_sub(ONES) & !x & (ONES << 7);
        while m != 0 {
            let i = base + (m.trailing_zeros() / 8) as usize;
            m &= m - 1;
            if b[i] == b' ' {
                at(i);
            }
        }
        base += 8;
    }
    for (i, &c) in chunks.remainder().iter().enumerate() {
        if c == b' ' {
            at(base + i);
        }
    }
    last
}

/// [`title_and_people`] when it finds people: the title as written (to be cleaned) and
/// the people; `None` when it finds none (the whole of `s` is the title).
pub(super) fn split_people<'s>(
    s: &'s str,
    labels: &Labels,
    by: bool,
    dash: bool,
) -> Option<(&'s str, Vec<(String, Role)>)> {
    let s = s.trim();
    let case = if dash { names::Case::Any } else { names::Case::Unusual };
    if let Some(open) = s.strip_suffix(')').and_then(|x| x.rfind('(')) {
        let inner = &s[open + 1..s.len() - 1];
        if let Some(p) = names::people_as(inner, labels, case) {
            return Some((&s[..open], p));
        }
    }
    if !(dash || by) {
        return None;
    }
    let last = last_seps(s);
    if by {
        for (k, sep) in BY_SEPS.iter().enumerate() {
            if let Some(i) = last[k] {
                if let Some(mut p) = names::people_as(&s[i + sep.len()..], labels, names::Case::Unusual) {
                    // `Title — moderated by A, with B and C`: the verb is not the title's,
                    // and the first named after `moderated by` moderates.
                    let left = s[..i].trim_end();
                    let verb = left.rsplit(char::is_whitespace).next().unwrap_or("");
                    let left = if ["moderated", "presented", "given", "hosted", "led", "chaired"]
                        .contains(&verb.to_lowercase().as_str())
                    {
                        if verb.eq_ignore_ascii_case("moderated") || verb.eq_ignore_ascii_case("chaired") {
                            if let Some(first) = p.first_mut() {
                                first.1 = Role::Moderator;
                            }
                        }
                        left[..left.len() - verb.len()]
                            .trim_end()
                            .trim_end_matches([',', '—', '–', '-', ':'])
                            .trim_end()
                    } else {
                        left
                    };
                    return Some((left, p));
                }
            }
        }
    }
    for (k, sep) in DASH_SEPS.iter().enumerate() {
        if let Some(i) = last[BY_SEPS.len() + k] {
            let (left, right) = (&s[..i], &s[i + sep.len()..]);
            if left.trim().is_empty() {
                continue;
            }
            if let Some(p) = names::people_as(right, labels, case).or_else(|| affiliated(right, labels, case)) {
                // Names in any case may follow the dash; but capitalised names before
                // it, and no likely name after it, are the name first.
                if case == names::Case::Any && names::people_as(right, labels, names::Case::Unusual).is_none() {
                    if let Some(named_first) = name_first(s, labels) {
                        return Some(named_first);
                    }
                }
                return Some((left, p));
            }
        }
    }
    if dash && last[BY_SEPS.len()..].iter().any(Option::is_some) {
        return name_first(s, labels);
    }
    None
}

/// Names followed by an affiliation after a comma (`Ana Ruiz, Acme Corp`, `Tom Berg,
/// Initech`): the names, when the part after the last comma is no name and at most
/// four words.
fn affiliated(s: &str, labels: &Labels, case: names::Case) -> Option<Vec<(String, Role)>> {
    let i = s.rfind(", ")?;
    let tail = s[i + 2..].trim();
    if tail.is_empty() || tail.split_whitespace().count() > 4 || names::is_name(tail, false) {
        return None;
    }
    names::people_as(&s[..i], labels, case)
}

/// `Name — Title`, as a lightning list or a chat line puts it (`Ana Costa — Typing your
/// pandas code`): two to four capitalised words before the first dash of `s` that are
/// names, a title after it.
pub(super) fn name_first<'s>(s: &'s str, labels: &Labels) -> Option<(&'s str, Vec<(String, Role)>)> {
    let (i, sep) = DASH_SEPS.iter().filter_map(|sep| s.find(sep).map(|i| (i, sep))).min()?;
    let (left, right) = (&s[..i], s[i + sep.len()..].trim());
    let words = left.split_whitespace().count();
    if right.is_empty() || !(2..=4).contains(&words) || !left.trim_start().starts_with(char::is_uppercase) {
        return None;
    }
    names::people_as(left, labels, names::Case::Capitalised).map(|p| (right, p))
}
