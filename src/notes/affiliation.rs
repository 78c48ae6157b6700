//! A speaker's affiliation: the organisation a talk's line names beside a speaker
//! (`Ana Ruiz (Acme)`, `*Ana Ruiz*, Acme Corp`, `Ana Ruiz — Acme`, `A & B, both
//! Acme`), or that the sentence naming the speaker gives them (`Ana Ruiz works at
//! Acme`, `by Ana Ruiz she's at Acme`, `Ana Ruiz from Acme`). Read once the talks are
//! found, on the line each speaker was named on. The words that name no organisation
//! (`independent`, a city alone, `core dev`, `PhD student`) and the words that lead to
//! one in a sentence are data: `affiliations.tsv`.

use std::borrow::Cow;
use std::collections::HashSet;

use super::document::strip_inline;
use super::search;
use super::{Affiliation, Named};

/// The words of `affiliations.tsv`, by kind: read once, by the talk detector that
/// holds them.
#[derive(Debug, Clone)]
pub struct Words {
    /// Phrases that lead to an organisation after a name, as words, longest first.
    before: Vec<Vec<&'static str>>,
    /// Words that may stand between the name and those.
    gap: HashSet<&'static str, foldhash::fast::FixedState>,
    /// Whole affiliations that are no organisation.
    none: HashSet<&'static str, foldhash::fast::FixedState>,
    /// Words of a job or role.
    role: HashSet<&'static str, foldhash::fast::FixedState>,
}

impl Default for Words {
    fn default() -> Self {
        Words::new()
    }
}

impl Words {
    /// The shipped table.
    pub fn new() -> Words {
        let mut w =
            Words { before: Vec::new(), gap: HashSet::default(), none: HashSet::default(), role: HashSet::default() };
        for line in include_str!("affiliations.tsv").lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let mut cols = line.splitn(3, '\t');
            let (Some(kind), Some(_), Some(list)) = (cols.next(), cols.next(), cols.next()) else { continue };
            for p in list.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                match kind {
                    "before" => w.before.push(p.split_whitespace().collect()),
                    "gap" => drop(w.gap.insert(p)),
                    "none" => drop(w.none.insert(p)),
                    "role" => drop(w.role.insert(p)),
                    _ => {}
                }
            }
        }
        w.before.sort_by_key(|p| std::cmp::Reverse(p.len()));
        w
    }
}

/// Words that may join the words of an organisation's name (`Bank of America`,
/// `Procter & Gamble`, `Banco do Brasil`).
const JOINS: &[&str] =
    &["of", "for", "and", "&", "the", "de", "do", "da", "dos", "das", "du", "des", "der", "für", "y", "e", "und"];

impl Words {
    /// The affiliations of `speakers`, read on the line each was named on (`line(n)`
    /// gives line `n` of the note). What `title` starts with, and the talk's own people,
    /// are no affiliation (`Ana Ruiz — Rust at scale` is a speaker and a title).
    pub fn read<'t>(&self, line: impl Fn(u32) -> Option<&'t str>, speakers: &[Named], title: &str) -> Vec<Affiliation> {
        read(self, line, speakers, title)
    }
}

/// The affiliations of `speakers`, read on the line each was named on (`line(n)` gives
/// line `n` of the note), with the words of `w`.
fn read<'t>(w: &Words, line: impl Fn(u32) -> Option<&'t str>, speakers: &[Named], title: &str) -> Vec<Affiliation> {
    let mut out: Vec<Affiliation> = Vec::new();
    let mut k = 0;
    while k < speakers.len() {
        let at = speakers[k].line;
        let on_line: Vec<&Named> = speakers[k..].iter().take_while(|s| s.line == at).collect();
        k += on_line.len();
        let Some(text) = line(at) else { continue };
        for (org, people) in on_line_of(w, text, &on_line, title) {
            match out.iter_mut().find(|a| a.line == at && a.name == org) {
                Some(a) => a.people.extend(people),
                None => out.push(Affiliation { name: org, line: at, people }),
            }
        }
    }
    out
}

/// The organisations `text` (one line) gives the people named in it, each with the
/// names of its people.
fn on_line_of(w: &Words, text: &str, people: &[&Named], title: &str) -> Vec<(String, Vec<String>)> {
    // A table's row: its columns have no names of their own here.
    if text.trim_start().starts_with('|') || text.len() > 4000 {
        return Vec::new();
    }
    let plain = plain(text);
    let mut found: Vec<(usize, usize, &str)> = people
        .iter()
        .filter_map(|p| plain.find(p.name.as_str()).map(|i| (i, i + p.name.len(), p.name.as_str())))
        .collect();
    if found.is_empty() {
        return Vec::new();
    }
    found.sort_unstable();
    let not_people = |org: &str| !people.iter().any(|p| p.name.contains(org) || org.contains(p.name.as_str()));
    let key = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>();
    let not_title = |org: &str| {
        let (o, t) = (key(org), key(title));
        o.is_empty() || !t.starts_with(&o)
    };
    let keep = |org: &String| not_people(org) && not_title(org);
    // `Ana Ruiz (Acme)`: each person's own, in brackets right after the name.
    let own: Vec<Vec<String>> = found
        .iter()
        .map(|&(_, end, _)| {
            let after = plain[end..].trim_start_matches(['*', '_']).trim_start();
            after
                .strip_prefix('(')
                .and_then(|a| a.split_once(')'))
                .map_or_else(Vec::new, |(inner, _)| organisations(w, inner).into_iter().filter(keep).collect())
        })
        .collect();
    let names = |pick: &dyn Fn(usize) -> bool| -> Vec<String> {
        found.iter().enumerate().filter(|(i, _)| pick(*i)).map(|(_, f)| f.2.to_string()).collect()
    };
    let last = found.len() - 1;
    // `Ana Ruiz and Tom Berg (Acme)`: brackets after the last name alone are everyone's.
    if !own[last].is_empty() && own[..last].iter().all(Vec::is_empty) {
        return own[last].iter().map(|o| (o.clone(), names(&|_| true))).collect();
    }
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for (i, orgs) in own.iter().enumerate() {
        out.extend(orgs.iter().map(|o| (o.clone(), vec![found[i].2.to_string()])));
    }
    // What follows the last name is everyone's without an affiliation of their own.
    if own[last].is_empty() {
        let shared = names(&|i| own[i].is_empty());
        let tail = plain[found[last].1..].trim_start_matches(['*', '_']);
        // `Ana Ruiz — Rust at Scale`: the talk's title after its speaker.
        let title_key = key(title);
        if title_key.len() > 3 && key(tail).contains(&title_key) {
            return out;
        }
        out.extend(tail_organisations(w, tail).into_iter().filter(keep).map(|o| (o, shared.clone())));
    }
    out
}

/// The line's text without inline markup, HTML tags and the `&amp;` entity.
fn plain(text: &str) -> Cow<'_, str> {
    let text = if text.contains('<') || text.contains("&amp;") {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(i) = rest.find('<') {
            out.push_str(&rest[..i]);
            match rest[i..].find('>') {
                Some(j) if rest[i + 1..i + j].bytes().all(|b| b.is_ascii_alphanumeric() || b"/ =\"'-".contains(&b)) => {
                    out.push(' ');
                    rest = &rest[i + j + 1..];
                }
                _ => {
                    out.push('<');
                    rest = &rest[i + 1..];
                }
            }
        }
        out.push_str(rest);
        Cow::Owned(out.replace("&amp;", "&"))
    } else {
        Cow::Borrowed(text)
    };
    match strip_inline(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(s) => Cow::Owned(s),
    }
}

/// The organisations after the last name of a line: `, Acme`, `— Acme`, `(Acme)`,
/// `@ Acme`, `| Acme`, or a sentence's `works at Acme`.
fn tail_organisations(w: &Words, tail: &str) -> Vec<String> {
    let t = tail.trim_start();
    if let Some(inner) = t.strip_prefix('(') {
        return inner.split_once(')').map_or_else(Vec::new, |(i, _)| organisations(w, i));
    }
    for sep in [",", "—", "–", "--", "-", "@", "|", ":"] {
        if let Some(rest) = t.strip_prefix(sep) {
            if sep == "-" && !rest.starts_with(' ') {
                return Vec::new();
            }
            let end = [" — ", " – ", " | ", "; ", ". ", ": ", " (", "! ", "? "]
                .iter()
                .filter_map(|s| search::find(rest, s))
                .min()
                .unwrap_or(rest.len());
            let orgs = organisations(w, &rest[..end]);
            // `Ana Ruiz, who works at Acme`: a sentence after the comma.
            if orgs.is_empty() && sep == "," {
                return in_sentence(w, rest).into_iter().collect();
            }
            return orgs;
        }
    }
    in_sentence(w, t).into_iter().collect()
}

/// `works at Acme`, `she's at Acme`, `they're both from Acme` at the start of `s`: the
/// organisation after the words that lead to it.
fn in_sentence(w: &Words, s: &str) -> Option<String> {
    // Read as lower-case words, `'s` and `'re` as `is` and `are`; each with the end of
    // its original word.
    let mut read: Vec<(String, usize)> = Vec::with_capacity(12);
    let base = s.as_ptr() as usize;
    for word in s.split_whitespace().take(10) {
        let end = word.as_ptr() as usize - base + word.len();
        let lower = word.to_lowercase().replace('’', "'");
        let bare = lower.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '&' && c != '@');
        if let Some(stem) = bare.strip_suffix("'s") {
            read.extend([(stem.to_string(), end), ("is".to_string(), end)]);
        } else if let Some(stem) = bare.strip_suffix("'re") {
            read.extend([(stem.to_string(), end), ("are".to_string(), end)]);
        } else {
            read.push((bare.to_string(), end));
        }
        // A sentence ends the window.
        if word.ends_with(['.', '!', '?', ';']) {
            break;
        }
    }
    let mut i = 0;
    while i < read.len() && i < 4 && w.gap.contains(read[i].0.as_str()) {
        i += 1;
    }
    let phrase = w
        .before
        .iter()
        .find(|p| p.len() <= read.len() - i.min(read.len()) && p.iter().zip(&read[i..]).all(|(a, (b, _))| a == b))?;
    let from = read[i + phrase.len() - 1].1;
    let rest = &s[from..];
    // The organisation: capitalised words, and the words that join them.
    let mut end = 0;
    let base = rest.as_ptr() as usize;
    for (count, word) in rest.split_whitespace().take(6).enumerate() {
        let bare = word.trim_end_matches([',', '.', ';', ':', '!', '?', ')']);
        let capital = bare.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || bare.chars().skip(1).any(char::is_uppercase);
        let join = count > 0 && JOINS.contains(&bare.to_lowercase().as_str());
        if !(capital || join) || bare.is_empty() {
            break;
        }
        if capital {
            end = word.as_ptr() as usize - base + bare.len();
        }
        if bare.len() < word.len() {
            break;
        }
    }
    organisation(w, &rest[..end])
}

/// `Citus Data / Microsoft`: each organisation of an affiliation.
fn organisations(w: &Words, s: &str) -> Vec<String> {
    s.split(" / ").filter_map(|o| organisation(w, o)).collect()
}

/// `s` as an organisation's name, if it is one: at most five words, capitalised (or
/// with a capital inside, `iFood`), joined by `of`, `&`, ...; `both Acme` is Acme and
/// `Senior Engineer at Acme` is Acme; none of the words of a role, not a place alone,
/// not one of the words for being on one's own.
fn organisation(w: &Words, s: &str) -> Option<String> {
    let mut s =
        s.trim().trim_matches(|c: char| matches!(c, '.' | ',' | ';' | ':' | '*' | '_' | '"' | '“' | '”' | '\''));
    // `Senior Engineer at Acme`: a role, then the organisation.
    if let Some(i) = search::rfind_any(s, &[" at ", " @ ", " bei ", " chez "]).map(|(i, sep)| i + sep.len()) {
        if s[..i].split_whitespace().any(|x| w.role.contains(x.to_lowercase().as_str())) {
            s = s[i..].trim();
        }
    }
    while let Some((first, rest)) = s.split_once(' ') {
        if !w.gap.contains(first.to_lowercase().as_str()) {
            break;
        }
        s = rest.trim_start();
    }
    if s.is_empty() || s.len() > 60 || s.split_whitespace().nth(5).is_some() {
        return None;
    }
    let lower = s.to_lowercase();
    if w.none.contains(lower.as_str()) {
        return None;
    }
    let ws: Vec<&str> = s.split_whitespace().collect();
    for (k, word) in ws.iter().enumerate() {
        let lw = word.to_lowercase();
        // A role, or an event (`EuroPython 2024`, `PyCon`): no employer.
        let year = word.len() == 4 && word.starts_with(['1', '2']) && word.bytes().all(|b| b.is_ascii_digit());
        if w.role.contains(lw.as_str()) || year || super::event::is_conference_name(word) {
            return None;
        }
        if !word.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '&' | '-' | '\'' | '’' | '+' | '!')) {
            return None;
        }
        let capital = word.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() && k > 0)
            || word.chars().next().is_some_and(char::is_alphabetic) && word.chars().skip(1).any(char::is_uppercase);
        let join = k > 0 && k + 1 < ws.len() && JOINS.contains(&lw.as_str());
        if !(capital || join) {
            return None;
        }
    }
    Some(s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(names: &[&str], line: u32) -> Vec<Named> {
        names.iter().map(|n| Named { name: n.to_string(), line }).collect()
    }

    /// The organisations read on `text` for the speakers `names` on it.
    fn of(text: &str, names: &[&str]) -> Vec<(String, Vec<String>)> {
        Words::new().read(|_| Some(text), &named(names, 3), "A talk").into_iter().map(|a| (a.name, a.people)).collect()
    }

    fn orgs(text: &str, names: &[&str]) -> Vec<String> {
        of(text, names).into_iter().map(|(o, _)| o).collect()
    }

    #[test]
    fn beside_the_name() {
        assert_eq!(
            orgs("*Nomvula Dlamini-Carter*, Kraken Technologies", &["Nomvula Dlamini-Carter"]),
            ["Kraken Technologies"]
        );
        assert_eq!(
            orgs("Palestrante: Maria das Graças Figueiredo (Serpro)", &["Maria das Graças Figueiredo"]),
            ["Serpro"]
        );
        assert_eq!(
            orgs(
                "**Palestrante:** Raimundo Nonato da Silva Júnior — Mercado Livre",
                &["Raimundo Nonato da Silva Júnior"]
            ),
            ["Mercado Livre"]
        );
        assert_eq!(orgs("**Palestrante:** João Pedro — iFood", &["João Pedro"]), ["iFood"]);
        assert_eq!(
            orgs(
                "<details><summary>dbt at 2,000 models — Teodor van Rensburg (Booking.com)</summary>",
                &["Teodor van Rensburg"]
            ),
            ["Booking.com"]
        );
        assert_eq!(orgs("Ana Ruiz @ Acme", &["Ana Ruiz"]), ["Acme"]);
        assert_eq!(
            orgs("Mei-Ling Fontaine (Citus Data / Microsoft)", &["Mei-Ling Fontaine"]),
            ["Citus Data", "Microsoft"]
        );
        assert_eq!(orgs("Ana Ruiz, Senior Engineer at Bank of America", &["Ana Ruiz"]), ["Bank of America"]);
    }

    #[test]
    fn shared_and_own() {
        let got = of("*Lena Van Houten* & *Karim El-Amrani*, Fly.io", &["Lena Van Houten", "Karim El-Amrani"]);
        assert_eq!(got, [("Fly.io".to_string(), vec!["Lena Van Houten".to_string(), "Karim El-Amrani".to_string()])]);
        let got = of("Ana Ruiz & Tom Berg, both Temporal", &["Ana Ruiz", "Tom Berg"]);
        assert_eq!(got[0].0, "Temporal");
        assert_eq!(got[0].1.len(), 2);
        let got = of("Ana Ruiz (Acme) and Tom Berg (Initech)", &["Ana Ruiz", "Tom Berg"]);
        assert_eq!(got, [("Acme".into(), vec!["Ana Ruiz".into()]), ("Initech".into(), vec!["Tom Berg".into()])]);
    }

    #[test]
    fn in_the_sentence_naming_the_speaker() {
        let memo =
            "the first talk was Polars in production by Amara Nwosu-Lindqvist she works at Zalando on the pricing team";
        assert_eq!(orgs(memo, &["Amara Nwosu-Lindqvist"]), ["Zalando"]);
        assert_eq!(
            orgs(
                "by Rahul Venkataraman and Chiara dell'Acqua they're both from Aleph Alpha and they did",
                &["Rahul Venkataraman", "Chiara dell'Acqua"]
            ),
            ["Aleph Alpha"]
        );
        assert_eq!(
            orgs("by Ingrid Solheim-Baptiste she’s at Delivery Hero and honestly", &["Ingrid Solheim-Baptiste"]),
            ["Delivery Hero"]
        );
        assert_eq!(orgs("by Kwabena Asante-Whitfield from SAP and it was", &["Kwabena Asante-Whitfield"]), ["SAP"]);
        assert_eq!(orgs("Vortrag von Jonas Weber, er arbeitet bei Zeiss.", &["Jonas Weber"]), ["Zeiss"]);
        // A lower-case word, a place, a sentence that goes on elsewhere: none.
        assert!(orgs("by Thuy Nguyen she works at probable which is", &["Thuy Nguyen"]).is_empty());
        assert!(orgs("by Ana Ruiz from Berlin", &["Ana Ruiz"]).is_empty());
        assert!(orgs("by Ana Ruiz. From Monday on we use Django", &["Ana Ruiz"]).is_empty());
        assert!(orgs("by Ana Ruiz who showed Django", &["Ana Ruiz"]).is_empty());
    }

    #[test]
    fn no_organisation() {
        for line in [
            "*Hemi Walker-Tūhoe*, independent consultant",
            "Ana Ruiz (freelance)",
            "Ana Ruiz, PhD student",
            "Ana Ruiz (CPython core dev)",
            "Ana Ruiz, Lisbon",
            "Ana Ruiz (Germany)",
            "Ana Ruiz (she/her)",
            "Ana Ruiz, 10:30",
            "Ana Ruiz (@anaruiz)",
            "Ana Ruiz, Tom Berg",
            "| Ana Ruiz | Acme | Rust |",
            "Ana Ruiz (remote)",
            "Ana Ruiz (Python maintainer)",
        ] {
            assert!(orgs(line, &["Ana Ruiz", "Tom Berg"]).is_empty(), "{line}");
        }
        // A title after the name (`Name — Title`) is the talk's title.
        let a = Words::new().read(|_| Some("### Ana Ruiz — Rust at Scale"), &named(&["Ana Ruiz"], 1), "Rust at Scale");
        assert!(a.is_empty());
        // A name the line does not hold as written gives nothing.
        assert!(orgs("ana ruiz (Acme)", &["Ana Ruiz"]).is_empty());
    }
}
