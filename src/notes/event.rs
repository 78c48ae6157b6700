//! Conferences, days and dates, from whatever line names them: a first line or title
//! (`# Notizen PyCon DE & PyData Berlin 2024`, `#+TITLE: PyGotham 2024 notes`), an
//! e-mail subject (`Recap: DevOpsDays Oslo 2024 (day 1)`), a day heading (`Day 1
//! (Friday)`, `Tag 2 — 23. April 2024`, `Giorno 2`), a file or folder name
//! (`rustconf-2023.md`). The label words (notes, day, conference, weekdays, months) come
//! from the labels table, so every language of the table is read.

use super::date::{self, Found};
use super::document::strip_inline;
use super::labels::{Concept, Labels};

/// What one line says about the event.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EventLine {
    /// The conference's name with its year (`PyCon DE & PyData Berlin 2024`).
    pub name: Option<String>,
    /// The year the line names.
    pub year: Option<i32>,
    /// The day number (`Day 2`, `Tag 2`, `day one`).
    pub day: Option<u32>,
    /// A date in the line, or a date that cannot be one.
    pub date: Option<Found>,
}

impl EventLine {
    /// Whether the line names anything.
    pub fn is_empty(&self) -> bool {
        self.name.is_none() && self.day.is_none() && self.date.is_none()
    }
}

/// Words of a name that are not the name: `notes from`, `Recap:`.
fn filler(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "from"
            | "of"
            | "at"
            | "on"
            | "von"
            | "vom"
            | "der"
            | "die"
            | "zur"
            | "zum"
            | "de"
            | "du"
            | "des"
            | "la"
            | "le"
            | "del"
            | "di"
            | "da"
            | "do"
            | "van"
            | "z"
            | "ze"
            | "re"
            | "fwd"
            | "fw"
            | "aw"
            | "wg"
            | "tr"
            | "subject"
            | "betreff"
            | "objet"
            | "asunto"
            | "oggetto"
            | "assunto"
            | "onderwerp"
            | "temat"
    )
}

/// `one`..`ten` and their German, French, Spanish, Italian, Portuguese, Dutch and Polish
/// forms, for `day one`, `Tag zwei`.
fn small_number(w: &str) -> Option<u32> {
    let n = match w.to_lowercase().as_str() {
        "one" | "first" | "eins" | "erster" | "un" | "premier" | "uno" | "primo" | "primero" | "um" | "een"
        | "jeden" => 1,
        "two" | "second" | "zwei" | "zweiter" | "deux" | "dos" | "due" | "secondo" | "segundo" | "dois" | "twee"
        | "dwa" => 2,
        "three" | "third" | "drei" | "dritter" | "trois" | "tres" | "tre" | "terzo" | "tercero" | "três" | "drie"
        | "trzy" => 3,
        "four" | "vier" | "quatre" | "cuatro" | "quattro" | "quatro" | "cztery" => 4,
        "five" | "fünf" | "cinq" | "cinco" | "cinque" | "vijf" | "pięć" => 5,
        d => return d.parse().ok().filter(|n| (1..=31).contains(n)),
    };
    Some(n)
}

/// The ordinal a word of `text` at `at` writes: digits followed by a dot or an ordinal
/// ending (`2.`, `2e`, `2nd`, `2º`), or an ordinal word of the eight languages
/// (`second`, `zweiter`, `segunda`); a cardinal (`2`, `one`, `vier`) is no ordinal.
fn ordinal(text: &str, (at, w): (usize, &str)) -> Option<u32> {
    const WORDS: [(&str, u32); 36] = [
        ("first", 1),
        ("erste", 1),
        ("erster", 1),
        ("premier", 1),
        ("première", 1),
        ("primero", 1),
        ("primera", 1),
        ("primo", 1),
        ("prima", 1),
        ("primeiro", 1),
        ("eerste", 1),
        ("pierwszy", 1),
        ("second", 2),
        ("zweite", 2),
        ("zweiter", 2),
        ("deuxième", 2),
        ("segundo", 2),
        ("segunda", 2),
        ("secondo", 2),
        ("seconda", 2),
        ("tweede", 2),
        ("drugi", 2),
        ("third", 3),
        ("dritte", 3),
        ("dritter", 3),
        ("troisième", 3),
        ("tercero", 3),
        ("tercera", 3),
        ("terzo", 3),
        ("terza", 3),
        ("terceiro", 3),
        ("derde", 3),
        ("trzeci", 3),
        ("fourth", 4),
        ("vierte", 4),
        ("fifth", 5),
    ];
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        let lower = w.to_lowercase();
        return WORDS.iter().find(|(o, _)| *o == lower).map(|&(_, n)| n);
    }
    let ending = &w[digits..];
    let dotted = ending.is_empty() && text[at + w.len()..].starts_with('.');
    let ordinal_ending = ["e", "er", "ère", "eme", "ème", "st", "nd", "rd", "th", "º", "ª", "o", "a", "te", "ste"]
        .contains(&ending.to_lowercase().as_str());
    (dotted || ordinal_ending).then(|| small_number(&w[..digits])).flatten()
}

/// A day written in one word with its number, as Japanese, Chinese and Korean notes
/// write it: `1日目` (the first day), `第2天` / `第2日`, `2일차` / `2일째`.
fn cjk_day(w: &str) -> Option<u32> {
    let n = w
        .strip_suffix("日目")
        .or_else(|| w.strip_prefix('第').and_then(|r| r.strip_suffix('天').or_else(|| r.strip_suffix('日'))))
        .or_else(|| w.strip_suffix("일차").or_else(|| w.strip_suffix("일째")))?;
    let n = match n {
        "一" => 1,
        "二" => 2,
        "三" => 3,
        "四" => 4,
        "五" => 5,
        d => return d.parse().ok().filter(|n| (1..=31).contains(n)),
    };
    Some(n)
}

/// The sender a chat's forwarded message names (`[Forwarded from Python Brasil 2024]`,
/// `[Encaminhado de …]`, `[Weitergeleitet von …]`): the channel, which may be the event.
fn forwarded_from(s: &str) -> Option<&str> {
    const FORWARDED: &[&str] = &[
        "forwarded",
        "encaminhado",
        "encaminhada",
        "reenviado",
        "reenviada",
        "weitergeleitet",
        "inoltrato",
        "inoltrata",
        "transféré",
        "doorgestuurd",
        "przekazane",
        "przekazano",
    ];
    let inner = s.strip_prefix('[')?.strip_suffix(']')?;
    let (verb, rest) = inner.split_once(' ')?;
    if !FORWARDED.iter().any(|f| verb.eq_ignore_ascii_case(f)) {
        return None;
    }
    let (_, name) = rest.split_once(' ')?;
    Some(name.trim())
}

/// Reads what `text` says about the event. `year` is a year known from elsewhere (for a
/// date written without one).
pub fn parse(text: &str, labels: &Labels, year: Option<i32>) -> EventLine {
    let mut out = EventLine::default();
    if text.len() > 200 {
        return out;
    }
    let plain = strip_inline(text);
    let plain = plain.trim().trim_start_matches(['#', '*', '=', ' ']);
    let plain = forwarded_from(plain).unwrap_or(plain);
    let words: Vec<(usize, &str)> = word_spans(plain);
    // A day: `Day 2`, `Tag 2 — 23. April 2024`, `Day 1 (Friday)`, `Giorno 2`, and a day
    // named later in the line (`… 2024 (day 1)`).
    for (k, &(_, w)) in words.iter().enumerate() {
        if labels.is(w, Concept::Day) {
            let after = words.get(k + 1).and_then(|(_, n)| small_number(n));
            // The number first, as an ordinal: `2. Tag`, `1. gün`, `2e jour`, `second
            // day`, `segundo día` (not a count: `2 day workshop`, `one day`).
            let before = k.checked_sub(1).and_then(|j| ordinal(plain, words[j]));
            if let Some(n) = before.or(after) {
                out.day = Some(n);
                break;
            }
        }
        // Scripts that write the number inside the word: `1日目`, `第2天`, `2일차`.
        if let Some(n) = cjk_day(w) {
            out.day = Some(n);
            break;
        }
    }
    // The year: the first stand-alone 19xx/20xx that is not inside a date.
    let found_date = date::find(plain, labels, None);
    let date_range = match &found_date {
        Some(Found::Date(_, r)) => Some(r.clone()),
        _ => None,
    };
    // With no year of its own, a name ends where a date with a year starts.
    let before_date = match (&found_date, &date_range) {
        (Some(Found::Date(d, _)), Some(r)) => words.iter().position(|&(at, _)| at >= r.start).map(|k| (k, d.year)),
        _ => None,
    };
    let year_at = words.iter().position(|&(at, w)| {
        w.len() == 4
            && (w.starts_with("19") || w.starts_with("20"))
            && w.bytes().all(|b| b.is_ascii_digit())
            && date_range.as_ref().is_none_or(|r| !r.contains(&at))
    });
    let the_year = year_at.map(|k| words[k].1.parse::<i32>().unwrap_or(0)).or(match &found_date {
        Some(Found::Date(d, _)) => Some(d.year),
        _ => None,
    });
    out.year = the_year.or(year);
    out.date = found_date.or_else(|| date::find(plain, labels, out.year));
    // The name: the words before the year, less leading notes labels and fillers, when
    // one of them is capitalised or a conference word. With no year of its own, the
    // words before a date with a year (`PyCon US, 15 May 2024`), when the first of them
    // is capitalised, and the date's year.
    let name_end = match year_at {
        Some(k) => Some((k, None)),
        None => before_date.map(|(k, y)| (k, Some(y.to_string()))),
    };
    if let Some((k, date_year)) = name_end {
        let mut start = 0;
        while start < k {
            let w = words[start].1;
            let label = labels.leading(&plain[words[start].0..]).map(|(c, _)| c).unwrap_or(&[]);
            if label.contains(&Concept::Notes) || filler(w) || label.contains(&Concept::Talk) {
                // Skip the whole label phrase (`personal notes`).
                start += 1;
                continue;
            }
            break;
        }
        // `Python Meetup Berlin — March 2024`: a month or weekday before the year is
        // the date's, not the name's.
        let mut end = k;
        while end > start && (labels.month(words[end - 1].1).is_some() || labels.is_weekday(words[end - 1].1)) {
            end -= 1;
        }
        let name_words = &words[start..end];
        let capitalised = name_words.iter().any(|(_, w)| w.chars().next().is_some_and(char::is_uppercase))
            || name_words.iter().any(|(_, w)| labels.is(w, Concept::Conference));
        let not_a_label = name_words.iter().all(|(_, w)| labels.month(w).is_none() && !labels.is(w, Concept::Day));
        let leads = date_year.is_none()
            || name_words.first().is_some_and(|(_, w)| {
                w.chars().next().is_some_and(char::is_uppercase) || labels.is(w, Concept::Conference)
            });
        if !name_words.is_empty() && name_words.len() <= 7 && capitalised && not_a_label && leads {
            let mut name: Vec<&str> = name_words.iter().map(|(_, w)| *w).collect();
            name.push(date_year.as_deref().unwrap_or(words[k].1));
            out.name = Some(spell(&name));
        }
    }
    out
}

/// The spellings of conference names and regions (`conferences.tsv`): lower case
/// word -> (spelling, whether it is a region).
fn spellings() -> &'static std::collections::HashMap<String, (&'static str, bool)> {
    static TABLE: std::sync::OnceLock<std::collections::HashMap<String, (&'static str, bool)>> =
        std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        include_str!("conferences.tsv")
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .map(|(kind, w)| (w.trim().to_lowercase(), (w.trim(), kind.trim() == "region")))
            .collect()
    })
}

/// Whether `w` is the name of a conference series (`EuroPython`, `PyCon`), as
/// `conferences.tsv` spells it, in any case.
pub(crate) fn is_conference_name(w: &str) -> bool {
    spellings().get(&w.to_lowercase()).is_some_and(|&(_, region)| !region)
}

/// An event's name from its words, conference names and regions spelled as they are
/// known (`europython 2023` -> `EuroPython 2023`, `Pycon Us 2024` -> `PyCon US 2024`).
fn spell(words: &[&str]) -> String {
    let table = spellings();
    let spelled: Vec<&str> = words
        .iter()
        .enumerate()
        .map(|(i, w)| match table.get(&w.to_lowercase()) {
            Some((s, region)) if !region || i > 0 => *s,
            _ => *w,
        })
        .collect();
    spelled.join(" ")
}

/// The words of `s` (letters, digits, `&`, `'`, `.` and `-` inside) with their offsets.
fn word_spans(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        // `#41` (a meetup's number) is a word too.
        let number_sign = c == '#' && start.is_none() && s[i + 1..].starts_with(|d: char| d.is_ascii_digit());
        // `C++Now`, and a `+` standing between two names (`KubeCon + CloudNativeCon`).
        let plus = c == '+'
            && (start.is_some() || (s[..i].ends_with(' ') && !s[..i].trim().is_empty() && s[i + 1..].starts_with(' ')));
        let inside = i < s.len()
            && (c.is_alphanumeric()
                || c == '&'
                || plus
                || number_sign
                || ((c == '\'' || c == '-' || c == '.') && start.is_some()));
        if inside {
            start.get_or_insert(i);
        } else if let Some(st) = start.take() {
            let w = s[st..i].trim_end_matches(['.', '-', '\'']);
            if !w.is_empty() {
                out.push((st, w));
            }
        }
    }
    out
}

/// The event a file or folder name gives: `rustconf-2023.md` -> `rustconf 2023`,
/// `pycon-us-2024-day-2` -> `pycon us 2024`, day 2.
pub fn from_file_name(stem: &str, labels: &Labels) -> EventLine {
    // A file name has no capitals to go by: each word is read as capitalised.
    let mut spaced = String::with_capacity(stem.len());
    let mut start = true;
    for c in stem.chars() {
        if c == '-' || c == '_' || c == '.' || c == ' ' {
            spaced.push(' ');
            start = true;
        } else if start {
            spaced.extend(c.to_uppercase());
            start = false;
        } else {
            spaced.push(c);
        }
    }
    let mut line = parse(&spaced, labels, None);
    if line.name.as_ref().is_some_and(|n| n.split_whitespace().count() > 5) {
        line.name = None;
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conference_names_are_spelled_as_known() {
        let l = Labels::default();
        assert_eq!(parse("Europython 2023 conference day 1", &l, None).name.as_deref(), Some("EuroPython 2023"));
        assert_eq!(from_file_name("pycon-us-2024", &l).name.as_deref(), Some("PyCon US 2024"));
        // A region is a region after the name only.
        assert_eq!(spell(&["pycon", "es", "2024"]), "PyCon ES 2024");
        assert_eq!(spell(&["Es", "Conf", "2024"]), "Es Conf 2024");
    }

    fn ev(s: &str) -> (Option<String>, Option<u32>, Option<String>) {
        let l = parse(s, &Labels::default(), None);
        let date = l.date.map(|d| match d {
            Found::Date(d, _) => d.iso(),
            Found::Impossible(t) => format!("impossible {t}"),
        });
        (l.name, l.day, date)
    }

    #[test]
    fn conference_lines() {
        assert_eq!(
            ev("# Notizen PyCon DE & PyData Berlin 2024"),
            (Some("PyCon DE & PyData Berlin 2024".into()), None, None)
        );
        assert_eq!(ev("PyGotham 2024 notes"), (Some("PyGotham 2024".into()), None, None));
        assert_eq!(
            ev("KubeCon + CloudNativeCon Europe 2025, London"),
            (Some("KubeCon + CloudNativeCon Europe 2025".into()), None, None)
        );
        assert_eq!(ev("C++Now 2024 notes").0.as_deref(), Some("C++Now 2024"));
        assert_eq!(ev("+ EuroPython 2024").0.as_deref(), Some("EuroPython 2024"));
        assert_eq!(
            ev("Subject: Recap: DevOpsDays Oslo 2024 (day 1)"),
            (Some("DevOpsDays Oslo 2024".into()), Some(1), None)
        );
        assert_eq!(
            ev("# PyData Amsterdam 2024 — Thursday 12 September 2024"),
            (Some("PyData Amsterdam 2024".into()), None, Some("2024-09-12".into()))
        );
        assert_eq!(ev("## Europython 2023 conference day 1").1, Some(1));
        assert_eq!(ev("Personal notes from talks"), (None, None, None));
    }

    #[test]
    fn a_name_before_a_date_takes_the_dates_year() {
        assert_eq!(
            ev("PyData Lisbon meetup #41 - 12 March 2025"),
            (Some("PyData Lisbon meetup #41 2025".into()), None, Some("2025-03-12".into()))
        );
        assert_eq!(
            ev("DjangoCon Europe, 5 June 2024"),
            (Some("DjangoCon Europe 2024".into()), None, Some("2024-06-05".into()))
        );
        // Words in lower case before a date name no event.
        assert_eq!(ev("notes from the meeting with Anna, 12 March 2025").0, None);
    }

    #[test]
    fn day_lines() {
        assert_eq!(ev("## Tag 2 — 23. April 2024"), (None, Some(2), Some("2024-04-23".into())));
        assert_eq!(ev("* Day 1 (Friday)"), (None, Some(1), None));
        assert_eq!(ev("Giorno 2"), (None, Some(2), None));
        assert_eq!(ev("day one of the conference").1, Some(1));
        assert_eq!(ev("## Day 2 - 31.02.2024").2.as_deref(), Some("impossible 31.02.2024"));
        // The number first, as an ordinal, in the languages that write it so.
        assert_eq!(ev("## 2. Tag").1, Some(2));
        assert_eq!(ev("## 1. gün"), (None, Some(1), None));
        assert_eq!(ev("2e jour").1, Some(2));
        assert_eq!(ev("Second day").1, Some(2));
        assert_eq!(ev("## segundo día").1, Some(2));
        assert_eq!(ev("2nd day, 14 May 2024"), (None, Some(2), Some("2024-05-14".into())));
        // A count is no day.
        assert_eq!(ev("## 2 day workshop on Rust").1, None);
        assert_eq!(ev("One day in the life of a maintainer").1, None);
        assert_eq!(ev("## Vier Tage Berlin").1, None);
        assert_eq!(ev("## Dritter Tag").1, Some(3));
        // One word with its number.
        assert_eq!(ev("## 1日目"), (None, Some(1), None));
        assert_eq!(ev("## 第2天").1, Some(2));
        assert_eq!(ev("## 第二天").1, Some(2));
        assert_eq!(ev("2일차 노트").1, Some(2));
        assert_eq!(ev("## 日目").1, None);
    }

    #[test]
    fn file_names() {
        let l = from_file_name("rustconf-2023", &Labels::default());
        assert_eq!(l.name.as_deref(), Some("RustConf 2023"));
        let l = from_file_name("RustConf-2023-day-2", &Labels::default());
        assert_eq!((l.name.as_deref(), l.day), (Some("RustConf 2023"), Some(2)));
        assert_eq!(from_file_name("notes", &Labels::default()), EventLine::default());
    }
}
