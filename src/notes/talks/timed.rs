//! Times before titles, and a title on a line of its own after a time with its notes
//! under it, as a phone or a plain-text note keeps a day (`h 10.30 asyncio senza
//! paura` / `- TaskGroup …`, `11:30 django + htmx` / `con Lorenzo Bianchi`).

use super::*;

/// Words for the hour or `at` before a time, as notes in many languages write a talk's
/// time: `h 10.30`, `ore 10:30` (Italian, French), `kl 10.20`, `kl. 10.20`, `klo 10`
/// (Norwegian, Danish, Swedish, Finnish), `um 10:20` (German), `om 10.20` (Dutch),
/// `à 10h30` (French), `às 10h` (Portuguese), `godz. 10:20` (Polish).
const HOUR_LEADS: [&[u8]; 13] = [
    b"h ",
    b"ore ",
    b"H ",
    b"kl ",
    b"kl. ",
    b"Kl. ",
    b"Kl ",
    b"klo ",
    b"um ",
    b"om ",
    "às ".as_bytes(),
    "à ".as_bytes(),
    b"godz. ",
];

/// The first bytes of [`HOUR_LEADS`], read off the table when compiling.
const LEAD_FIRST: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < HOUR_LEADS.len() {
        t[HOUR_LEADS[i][0] as usize] = true;
        i += 1;
    }
    t
};

/// Where the digits start after a word for the hour ([`HOUR_LEADS`]), perhaps after a
/// short day (`gio h 9.30`, `ven. h 10`); `None` when `b` opens otherwise.
fn hour_word(b: &[u8]) -> Option<usize> {
    let after = |i: usize| {
        let rest = b.get(i..)?;
        // (One look at the first byte sends most words away: the search through the
        // leads for every line was 30 M instructions on the 10 MB corpus.)
        if !LEAD_FIRST[usize::from(*rest.first()?)] {
            return None;
        }
        let n = HOUR_LEADS.iter().find(|w| rest.starts_with(w))?.len();
        b.get(i + n).is_some_and(u8::is_ascii_digit).then_some(i + n)
    };
    after(0).or_else(|| {
        let sp = b.iter().take(6).position(|&c| c == b' ')?;
        (sp >= 2 && b[..sp].iter().all(|c| c.is_ascii_alphabetic() || *c == b'.')).then(|| after(sp + 1)).flatten()
    })
}

/// `10:30`, `10.30`, `9:00 am`, `14:00-14:30`, `[10:30]` at the start of `s`: the text
/// after it, and the time as written.
pub(crate) fn strip_time(s: &str) -> Option<(&str, &str)> {
    let b = s.as_bytes();
    let t0 = match b.first() {
        Some(b'[') => 1,
        Some(c) if !c.is_ascii_digit() => hour_word(b)?,
        _ => 0,
    };
    let one = |i: usize| -> Option<usize> {
        let d = b.get(i..)?.iter().take_while(|c| c.is_ascii_digit()).count();
        if !(1..=2).contains(&d) {
            return None;
        }
        let j = i + d;
        if !matches!(b.get(j), Some(b':' | b'.' | b'h')) {
            return None;
        }
        // `16h` alone, as French and Portuguese notes write the hour (`16h "Title"`).
        if b[j] == b'h' && b.get(j + 1).is_none_or(|c| *c == b' ') {
            return Some(j + 1);
        }
        let m = b.get(j + 1..j + 3)?;
        if !m.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let k = j + 3;
        if b.get(k).is_some_and(|c| c.is_ascii_digit() || (b[j] == b'.' && *c == b'.')) {
            return None;
        }
        let mut k = k;
        let rest = &s[k..];
        for ampm in [" am", " pm", "am", "pm", " AM", " PM", "AM", "PM"] {
            if rest.starts_with(ampm) && !rest[ampm.len()..].starts_with(|c: char| c.is_alphanumeric()) {
                k += ampm.len();
                break;
            }
        }
        Some(k)
    };
    let mut i = one(t0)?;
    let trimmed = s[i..].trim_start();
    // `10:00〜10:30`, with the wave dash of Japanese (or its full-width form).
    for sep in ["-", "–", "—", "to ", "〜", "～"] {
        if let Some(r) = trimmed.strip_prefix(sep) {
            let r2 = r.trim_start();
            if let Some(e) = one(s.len() - r2.len()) {
                i = e;
            }
            break;
        }
    }
    let t_end = i;
    if b.get(i) == Some(&b']') {
        i += 1;
    }
    let rest = &s[i..];
    // What may part a time from the title: dashes, a colon, a bar, a comma, a middle dot
    // or a bullet (`14:00–14:30 · Title`).
    let sep = |c: char| c.is_whitespace() || "-–—:|,·•：".contains(c);
    if !(rest.is_empty() || rest.starts_with(sep)) {
        return None;
    }
    let rest = rest.trim_start_matches(sep);
    Some((rest, &s[t0..t_end]))
}

impl Run<'_, '_, '_> {
    /// A paragraph whose first line (plain text `first`) is a time and a title alone,
    /// with notes under it (`more_lines`: the paragraph goes on; or a paragraph or an
    /// item follows): the time and the notes are its evidence, and siblings of the same
    /// shape make it a talk (a lone timed line is a remark). The people may close the
    /// line after a word of company (`… più felicità con Lorenzo Bianchi-Ferraris`).
    pub(super) fn timed_title(&self, bi: usize, line: u32, first: &str, below: Option<&str>) -> Option<Candidate> {
        let (rest, _) = strip_time(first)?;
        let rest = rest.trim();
        // A title is no sentence (`I was in the main hall: … good. TC39 …`), and a time
        // followed by its hour word, its zone or the room is logistics (`14.00 uur,
        // grote zaal`, `11:00 CET · Pavilion 7 | Room E05`).
        let logistics = || {
            let w = rest.split([' ', ',']).next().unwrap_or("");
            HOUR_WORDS.contains(&w.to_lowercase().as_str()) || rest.contains(" | ")
        };
        if rest.len() > 150 || rest.ends_with(['.', '!', '?', ':', ';']) || rest.contains(". ") || logistics() {
            return None;
        }
        // (A title set apart on the next line is the slot's: `9h30 abertura` / `"Title" - Name`.)
        if below.is_some_and(|b| b.trim_start().starts_with(['"', '“', '„', '«', '*', '_'])) {
            return None;
        }
        let notes_follow = below.is_some()
            || self
                .blocks
                .get(bi + 1)
                .is_some_and(|b| matches!(b.kind, BlockKind::Paragraph { .. } | BlockKind::ListItem { .. }));
        if !notes_follow {
            return None;
        }
        let labels = self.labels();
        // A break, a day, a session of lightning talks, a keynote's slot have readers of
        // their own.
        if labels.leading(rest).is_some() {
            return None;
        }
        // The last word of company (names::COMPANY) on the line, and the names after it.
        let with = rest
            .match_indices(' ')
            .map(|(i, _)| i)
            .rfind(|&i| names::COMPANY.contains(&rest[i + 1..].split(' ').next().unwrap_or("")));
        let (title, people) = match with.and_then(|i| {
            let after = rest[i + 1..].split_once(' ')?.1;
            Some((i, names::people(after, labels, true)?))
        }) {
            Some((i, p)) => (&rest[..i], p),
            None => (rest, Vec::new()),
        };
        let title = clean_title(title);
        if !(2..=14).contains(&title.split_whitespace().count()) {
            return None;
        }
        let mut c = self.new_candidate(bi, line, Source::TitleLine, title);
        push_ev(&mut c, "a time", 1);
        push_ev(&mut c, "notes under it", 1);
        if !people.is_empty() {
            push_ev(&mut c, "a person named in it", 2);
            c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line }, r)).collect();
        }
        c.body_line = line + 1;
        Some(c)
    }
}

/// Words that follow a time as its unit or zone, not a title (`14.00 uur`, `10:00 Uhr`,
/// `11:00 CET`).
const HOUR_WORDS: [&str; 16] = [
    "uur", "uhr", "h", "hrs", "hours", "godz", "godz.", "cet", "cest", "utc", "gmt", "bst", "est", "pst", "edt", "pdt",
];
