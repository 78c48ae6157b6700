//! Dates as notes write them, in the eight languages of the labels table and ISO:
//! `2023-07-19`, `19.07.2023`, `19/07/2023`, `07/19/2023`, `19 July 2023`,
//! `July 19, 2023`, `19. Juli 2023`, `19 de julio de 2023`, `19 lipca 2023`,
//! `<2024-10-04 Fri>`, and without a year (`23. April`, `5 November`) when the caller
//! knows the year. A date that cannot exist (`31.02.2023`) is no date: it is returned
//! as [`Found::Impossible`] so that the caller warns with the file and line.
//!
//! One pass over the words of the text; no regular expression.

use std::ops::Range;

use super::labels::Labels;

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// The year (1900 to 2100).
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
    /// 1 to 31, valid for the month.
    pub day: u32,
}

impl Date {
    /// `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// What [`find`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A date, and the bytes of the text that wrote it.
    Date(Date, Range<usize>),
    /// Something written as a date that cannot be one (`31.02.2023`, `2023-13-01`): the
    /// text as written.
    Impossible(String),
}

/// Days in `month` of `year` (Gregorian).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// A word of the text: its bytes, and the punctuation right after it (before the next
/// word, spaces removed).
#[derive(Debug)]
struct Tok<'s> {
    text: &'s str,
    start: usize,
    end: usize,
    /// The non-space characters between this word and the next one.
    after: &'s str,
}

fn tokens(s: &str) -> Vec<Tok<'_>> {
    let mut out: Vec<Tok<'_>> = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        if c.is_alphanumeric() && i < s.len() {
            if start.is_none() {
                // Close the gap of the previous word.
                if let Some(prev) = out.last_mut() {
                    prev.after = s[prev.end..i].trim();
                }
                start = Some(i);
            }
        } else if let Some(st) = start.take() {
            out.push(Tok { text: &s[st..i], start: st, end: i, after: "" });
        }
    }
    if let Some(prev) = out.last_mut() {
        prev.after = s[prev.end..].trim();
    }
    out
}

fn number(t: &str, digits: Range<usize>) -> Option<u32> {
    (digits.contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())).then(|| t.parse().ok()).flatten()
}

/// A day number, perhaps with an ordinal suffix (`1st`, `2nd`, `1er`, `3º`).
fn day_number(t: &str) -> Option<u32> {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let suffix = &t[digits..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th" | "er" | "e" | "º" | "o") {
        return None;
    }
    t[..digits].parse().ok()
}

fn year_of(t: &str) -> Option<i32> {
    number(t, 4..5).map(|y| y as i32).filter(|y| (1900..=2100).contains(y))
}

/// The first date in `s`. `year` is used for a date written without one (`23. April`);
/// without it such a date is not read.
pub fn find(s: &str, labels: &Labels, year: Option<i32>) -> Option<Found> {
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let toks = tokens(s);
    let make = |y: i32, m: u32, d: u32, range: Range<usize>| -> Found {
        if (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m) {
            Found::Date(Date { year: y, month: m, day: d }, range)
        } else {
            Found::Impossible(s[range].to_string())
        }
    };
    let is_word = |t: &Tok<'_>, w: &str| t.text.eq_ignore_ascii_case(w);
    for i in 0..toks.len() {
        let t = &toks[i];
        let next = toks.get(i + 1);
        let third = toks.get(i + 2);
        // ISO: 2023-07-19 (also inside an Org timestamp); year first with slashes or
        // dots, as Japanese, Chinese and Korean notes write it (`2025/04/16`, `2025.04.16`).
        if let (Some(y), Some(n), Some(th)) = (year_of(t.text), next, third) {
            // A version is written with dots too (`PyCharm 2024.1.2`): dots take two digits each.
            let dotted = t.after == "." && n.text.len() == 2 && th.text.len() == 2;
            if (matches!(t.after, "-" | "/") || dotted) && n.after == t.after {
                if let (Some(m), Some(d)) = (number(n.text, 1..3), number(th.text, 1..3)) {
                    return Some(make(y, m, d, t.start..th.end));
                }
            }
        }
        // Numeric, day first: 19.07.2023, 19/07/2023, 19-07-2023; month first when the
        // second number cannot be a month (07/19/2023).
        if let (Some(a), Some(n), Some(th)) = (number(t.text, 1..3), next, third) {
            let sep = t.after;
            if matches!(sep, "." | "/" | "-") && n.after == sep {
                if let (Some(b), Some(y)) = (number(n.text, 1..3), year_of(th.text)) {
                    let (m, d) = if sep == "/" && a <= 12 && b > 12 { (a, b) } else { (b, a) };
                    return Some(make(y, m, d, t.start..th.end));
                }
            }
        }
        // Day first with the year's last two digits, when the context gives the year
        // (`FRI 16.05.25` under `PyCon US 2025`): read only if it is a date of that
        // year (`1.23.25`, a version, is none).
        if let (Some(y), Some(a), Some(n), Some(th)) = (year, number(t.text, 1..3), next, third) {
            let sep = t.after;
            if matches!(sep, "." | "/") && n.after == sep && th.text.len() == 2 && !th.after.starts_with(['.', '/']) {
                if let (Some(b), Some(yy)) = (number(n.text, 1..3), number(th.text, 2..3)) {
                    let (m, d) = if sep == "/" && a <= 12 && b > 12 { (a, b) } else { (b, a) };
                    if yy as i32 == y % 100 && (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m) {
                        return Some(make(y, m, d, t.start..th.end));
                    }
                }
            }
        }
        // A range of days: 28–31 sierpnia 2024, 8-10 May: the first day.
        if let (Some(d), Some(n), Some(mt)) = (day_number(t.text), next, third) {
            // A range runs forward (`#41 - 12 March` is a number, then a date).
            let forward = day_number(n.text).is_some_and(|e| d < e && e <= 31);
            if matches!(t.after, "–" | "-" | "—") && forward && n.after.is_empty() {
                if let Some(m) = labels.month(mt.text) {
                    match toks.get(i + 3).and_then(|x| year_of(x.text)) {
                        Some(y) => return Some(make(y, m, d, t.start..toks[i + 3].end)),
                        None => {
                            if let Some(y) = year {
                                return Some(make(y, m, d, t.start..mt.end));
                            }
                        }
                    }
                }
            }
        }
        // Two days joined by a word: 3 et 4 juillet 2025, 16 and 17 June: the first.
        if let (Some(d), Some(n), Some(e)) = (day_number(t.text), next, third.and_then(|x| day_number(x.text))) {
            let join = ["and", "et", "und", "y", "e", "en", "i", "och", "og"].contains(&n.text);
            if join && matches!(t.after, "" | ".") && n.after.is_empty() && d < e && e <= 31 {
                if let Some(m) = toks.get(i + 3).and_then(|mt| labels.month(mt.text)) {
                    let y = toks.get(i + 4).and_then(|x| year_of(x.text)).or(year);
                    if let Some(y) = y {
                        return Some(make(y, m, d, t.start..toks[i + 3].end));
                    }
                }
            }
        }
        // Day month [year]: 19 July 2023, 19. Juli 2023, 19 de julio de 2023, 5 November.
        if let (Some(d), Some(n)) = (day_number(t.text), next) {
            if matches!(t.after, "" | ".") {
                let (mi, skip) = if is_word(n, "de") && n.after.is_empty() { (i + 2, 1) } else { (i + 1, 0) };
                if let Some(mt) = toks.get(mi) {
                    if let Some(m) = labels.month(mt.text) {
                        let mut yi = mi + 1;
                        if toks.get(yi).is_some_and(|x| is_word(x, "de") || is_word(x, "del")) && skip == 1 {
                            yi += 1;
                        }
                        let separated = matches!(mt.after, "" | "." | ",");
                        match toks.get(yi).and_then(|x| year_of(x.text)).filter(|_| separated) {
                            Some(y) => return Some(make(y, m, d, t.start..toks[yi].end)),
                            None if d <= 31 => {
                                if let Some(y) = year {
                                    return Some(make(y, m, d, t.start..mt.end));
                                }
                            }
                            None => {}
                        }
                    }
                }
            }
        }
        // Month day[,] [year]: July 19, 2023; Sept. 5th 2024.
        if let (Some(m), Some(n)) = (labels.month(t.text), next) {
            if t.text.len() >= 3 && matches!(t.after, "" | ".") {
                if let Some(d) = day_number(n.text) {
                    match third.and_then(|x| year_of(x.text)).filter(|_| matches!(n.after, "" | ",")) {
                        Some(y) => return Some(make(y, m, d, t.start..third.map_or(n.end, |x| x.end))),
                        None if d <= 31 && n.after != ":" && n.after != "." => {
                            if let Some(y) = year {
                                return Some(make(y, m, d, t.start..n.end));
                            }
                        }
                        None => {}
                    }
                }
            }
        }
    }
    if s.is_ascii() {
        return None;
    }
    cjk(s).map(|(y, m, d, range)| make(y, m, d, range))
}

/// A date written with the year, month and day marks of Japanese and Chinese
/// (`2025年4月16日`) or Korean (`2025년 4월 16일`): the first, with the bytes that write it.
fn cjk(s: &str) -> Option<(i32, u32, u32, Range<usize>)> {
    for (at, mark) in s.match_indices(['年', '년']) {
        let digits = s[..at].trim_end().bytes().rev().take_while(u8::is_ascii_digit).count();
        let start = s[..at].trim_end().len() - digits;
        let Some(y) = year_of(&s[start..start + digits]) else { continue };
        let mut rest = &s[at + mark.len()..];
        let mut part = |marks: [char; 2]| -> Option<u32> {
            let r = rest.trim_start();
            let n = r.bytes().take_while(u8::is_ascii_digit).count();
            let v = number(&r[..n], 1..3)?;
            let r = r[n..].trim_start();
            let unit = r.chars().next().filter(|c| marks.contains(c))?;
            rest = &r[unit.len_utf8()..];
            Some(v)
        };
        let (Some(m), Some(d)) = (part(['月', '월']), part(['日', '일'])) else { continue };
        return Some((y, m, d, start..s.len() - rest.len()));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str, year: Option<i32>) -> Option<String> {
        match find(s, &Labels::default(), year)? {
            Found::Date(d, _) => Some(d.iso()),
            Found::Impossible(t) => Some(format!("impossible {t}")),
        }
    }

    #[test]
    fn two_days_joined_by_a_word_start_on_the_first() {
        let l = Labels::default();
        assert_eq!(iso_of(find("Les 3 et 4 juillet 2025 à Montpellier", &l, None)), Some("2025-07-03".into()));
        assert_eq!(iso_of(find("on 16 and 17 June 2025", &l, None)), Some("2025-06-16".into()));
        assert_eq!(iso_of(find("3 and 4 more", &l, None)), None);
    }

    #[test]
    fn a_range_of_days_starts_on_its_first() {
        let l = Labels::default();
        assert_eq!(iso_of(find("Gliwice, 28–31 sierpnia 2024", &l, None)), Some("2024-08-28".into()));
        assert_eq!(iso_of(find("8-10 May", &l, Some(2025))), Some("2025-05-08".into()));
    }

    #[test]
    fn a_number_before_a_date_is_no_range() {
        assert_eq!(iso("PyData meetup #41 - 12 March 2025", None), Some("2025-03-12".into()));
        assert_eq!(iso("Issue 30 - 2 June 2024", None), Some("2024-06-02".into()));
        assert_eq!(iso("8-10 May 2024", None), Some("2024-05-08".into()));
    }

    fn iso_of(f: Option<Found>) -> Option<String> {
        match f {
            Some(Found::Date(d, _)) => Some(d.iso()),
            _ => None,
        }
    }

    #[test]
    fn year_first_forms_of_japanese_chinese_and_korean() {
        assert_eq!(iso("RubyKaigi 2025 メモ Day1 (2025/04/16) @ 松山", None).as_deref(), Some("2025-04-16"));
        assert_eq!(iso("2024.11.23", None).as_deref(), Some("2024-11-23"));
        assert_eq!(iso("参加メモ2025年4月16日（水）", None).as_deref(), Some("2025-04-16"));
        assert_eq!(iso("PyCon Korea 2024년 10월 26일", None).as_deref(), Some("2024-10-26"));
        assert_eq!(iso("2025年度の予算", None), None);
        assert_eq!(iso("PyCharm 2024.1.2", None), None);
        assert!(matches!(find("2025年2月30日", &Labels::default(), None), Some(Found::Impossible(_))));
    }

    #[test]
    fn forms_of_every_language() {
        let y = |s: &str| iso(s, None);
        assert_eq!(y("2023-07-19").as_deref(), Some("2023-07-19"));
        assert_eq!(y("#+DATE: <2024-10-04 Fri>").as_deref(), Some("2024-10-04"));
        assert_eq!(y("## 19.07.2023").as_deref(), Some("2023-07-19"));
        assert_eq!(y("19/07/2023").as_deref(), Some("2023-07-19"));
        assert_eq!(y("07/19/2023").as_deref(), Some("2023-07-19"));
        assert_eq!(y("Thursday 12 September 2024").as_deref(), Some("2024-09-12"));
        assert_eq!(y("July 19, 2023").as_deref(), Some("2023-07-19"));
        assert_eq!(y("Sept. 5th 2024").as_deref(), Some("2024-09-05"));
        assert_eq!(y("Tag 2 — 23. April 2024").as_deref(), Some("2024-04-23"));
        assert_eq!(y("le 3 octobre 2024").as_deref(), Some("2024-10-03"));
        assert_eq!(y("1er mars 2024").as_deref(), Some("2024-03-01"));
        assert_eq!(y("el 19 de julio de 2023").as_deref(), Some("2023-07-19"));
        assert_eq!(y("22 maggio 2024").as_deref(), Some("2024-05-22"));
        assert_eq!(y("5 de novembro de 2024").as_deref(), Some("2024-11-05"));
        assert_eq!(y("19 juli 2023").as_deref(), Some("2023-07-19"));
        assert_eq!(y("19 lipca 2023").as_deref(), Some("2023-07-19"));
        assert_eq!(y("29.02.2024").as_deref(), Some("2024-02-29"));
    }

    #[test]
    fn two_digit_years_in_the_context_of_theirs() {
        assert_eq!(iso("FRI 16.05.25 · p. 41", Some(2025)).as_deref(), Some("2025-05-16"));
        assert_eq!(iso("16.05.25", None), None);
        assert_eq!(iso("16.05.24", Some(2025)), None);
        assert_eq!(iso("Go 1.23.25 is out", Some(2025)), None);
    }

    #[test]
    fn a_year_from_the_context() {
        assert_eq!(iso("day one (5 November)", Some(2024)).as_deref(), Some("2024-11-05"));
        assert_eq!(iso("Tag 1 war am 22. April", Some(2024)).as_deref(), Some("2024-04-22"));
        assert_eq!(iso("day one (5 November)", None), None);
    }

    #[test]
    fn impossible_dates_and_non_dates() {
        assert_eq!(iso("31.02.2023", None).as_deref(), Some("impossible 31.02.2023"));
        assert_eq!(iso("2023-13-01", None).as_deref(), Some("impossible 2023-13-01"));
        assert_eq!(iso("29.02.2023", None).as_deref(), Some("impossible 29.02.2023"));
        assert_eq!(iso("31 June 2024", None).as_deref(), Some("impossible 31 June 2024"));
        for s in ["Python 3.11.2", "192.168.1.1", "at 10:30", "400 modules", "2 talks in May", "PEP 604"] {
            assert_eq!(iso(s, Some(2024)), None, "{s}");
        }
    }
}
