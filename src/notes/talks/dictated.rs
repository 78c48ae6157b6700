//! Talks said aloud, a line at a time: a voice note's dictation, typed out with no
//! stops and no capitals, one thing said per line (`siguiente charla rust para gente de
//! javascript` / `la dio lucía benítez es de una startup …`). Any line of a paragraph
//! may start a talk there, not its first only, and a talk is told in the shapes speech
//! has, none of them needing a copula:
//! - a word of sequence, a word for a talk, and the title after a verb of naming
//!   (`arranca la primera charla se llama TITLE`, `última charla del día la de
//!   cierre se llamaba TITLE`, `the next talk is called TITLE`);
//! - the same, then who gave it (`siguiente charla la dio NAME`) or whose it was
//!   (`después fui a la charla de A y B`), the title on a line after it (`se llamaba
//!   TITLE`, `era sobre TITLE`);
//! - the same, the rest of the line the title (`siguiente charla TITLE`).
//!
//! The speakers, when the line names none, are on the lines after it: a verb of
//! presenting before the names (`la dio la doctora valeria sosa con un ingeniero del
//! hospital que se llama hernán quiroga`: two people).

use super::sentence::words;
use super::sentence::COPULAS;
use super::told::{names_at, NAMING, TOLD};
use super::*;

/// Verbs of naming in speech, present and past (`se llama`, `s'appelait`, `heißt`,
/// `nazywała się`), besides the participles of [`super::told::NAMING`].
const NAMED: &[&str] = &[
    "called",
    "titled",
    "named",
    "entitled",
    "llama",
    "llamaba",
    "llamó",
    "titula",
    "titulaba",
    "chama",
    "chamava",
    "chama-se",
    "chamava-se",
    "intitula",
    "chiama",
    "chiamava",
    "intitola",
    "intitolava",
    "s'appelle",
    "s'appelait",
    "s'intitule",
    "s'intitulait",
    "appelle",
    "appelait",
    "heißt",
    "hieß",
    "heisst",
    "hiess",
    "heet",
    "heette",
    "nazywa",
    "nazywał",
    "nazywała",
    "nazywało",
];

/// Words after which a title follows a copula ([`COPULAS`]: `era sobre TITLE`, `it was
/// about …`).
const ABOUT: &[&str] = &["sobre", "about", "über", "sur", "su", "over", "o", "acerca"];

/// Articles and titles before a name said aloud (`la doctora valeria sosa`).
const BEFORE_NAME: &[&str] = &[
    "la",
    "el",
    "il",
    "lo",
    "o",
    "a",
    "der",
    "die",
    "the",
    "le",
    "de",
    "doctora",
    "doctor",
    "dra",
    "dr",
    "doutora",
    "doutor",
    "dottoressa",
    "dottore",
    "dott",
    "ingeniera",
    "ingeniero",
    "ing",
    "profesora",
    "profesor",
    "professora",
    "professor",
    "prof",
    "pani",
    "pan",
    "frau",
    "herr",
];

/// The most lines of a note that are read to tell whether it is said aloud.
const SAMPLE: usize = 200;

fn is_in(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// Whether `text` (a note) is a dictation: eight lines of prose or more, almost none
/// with a stop or a comma or longer than a thing said (one in ten may be).
pub(super) fn said_aloud(text: &str) -> bool {
    let (mut prose, mut stopped) = (0usize, 0usize);
    for l in text.lines().take(SAMPLE).map(str::trim) {
        if !l.starts_with(char::is_alphabetic) {
            continue;
        }
        prose += 1;
        // (A line of a paragraph's length is no utterance: a memo typed as prose.)
        if l.len() > 160 || l.contains(['.', ',', ';', ':', '!', '?', '(', '"']) {
            stopped += 1;
        }
    }
    prose >= 8 && stopped * 10 <= prose
}

/// What a line said: the title (if it said one) and the people, and whether the title
/// came after a verb of naming.
struct Said {
    title: Option<String>,
    people: Vec<String>,
    named: bool,
}

/// The index in `ws` of the first word of naming at or after `from` (within `span`
/// words), and the index where the title starts after it (`se llamaba X`, `nazywała
/// się X`).
fn naming(ws: &[(usize, &str)], from: usize, span: usize) -> Option<usize> {
    let k = (from..ws.len().min(from + span)).find(|&k| is_in(NAMED, ws[k].1) || is_in(NAMING, ws[k].1))?;
    let mut t = k + 1;
    if ws.get(t).is_some_and(|w| w.1 == "się") {
        t += 1;
    }
    (t < ws.len()).then_some(t)
}

/// The title a line after a talk's lead-in gives: `se llamaba TITLE`, `era sobre TITLE`,
/// `it was about TITLE`.
fn title_line(l: &str) -> Option<String> {
    let ws = words(l);
    let t = naming(&ws, 0, 3).or_else(|| {
        let k = (0..ws.len().min(3)).find(|&k| is_in(COPULAS, ws[k].1))?;
        ws.get(k + 1).filter(|w| is_in(ABOUT, w.1)).map(|_| k + 2)
    })?;
    title_from(l, &ws, t)
}

/// The title `l` holds from word `t` to its end: two words or more.
fn title_from(l: &str, ws: &[(usize, &str)], t: usize) -> Option<String> {
    let title = clean_title(&l[ws.get(t)?.0..]);
    (2..=20).contains(&title.split_whitespace().count()).then_some(title)
}

/// The people `s` names after a verb of presenting of one or two words and articles or
/// titles (`la dio matías ferreyra que …`, `prowadzi Joanna Lewandowska, freelancerka`
/// under a title), with a companion named later on the line (`con un ingeniero del
/// hospital que se llama hernán quiroga`).
pub(super) fn given_by(s: &str, labels: &Labels) -> Option<Vec<String>> {
    let ws = words(s);
    let verb = (1..=2).rev().find(|&n| n <= ws.len() && labels.presents(&s[..ws[n - 1].0 + ws[n - 1].1.len()]))?;
    let from = verb + ws[verb..].iter().take(3).take_while(|w| is_in(BEFORE_NAME, w.1)).count();
    let at = ws.get(from)?.0;
    let (mut people, end, _) = names_at(&s[at..], labels)?;
    // `con un ingeniero … que se llama NAME`: the company, named.
    let rest = &s[at + end..];
    let rw = words(rest);
    if rw.first().is_some_and(|w| is_in(&names::COMPANY, w.1)) {
        if let Some(t) = naming(&rw, 1, 8) {
            if let Some((more, _, _)) = names_at(&rest[rw[t].0..], labels) {
                people.extend(more);
            }
        }
    }
    Some(people)
}

/// What `l` (a line said aloud) tells of a talk, if it starts one: a word of sequence
/// within its first five words, a word for a talk within four words after that.
fn said(l: &str, labels: &Labels) -> Option<Said> {
    let ws = words(l);
    let lead = ws.iter().take(5).position(|w| labels.is(w.1, Concept::Next))?;
    let talk = (lead..ws.len().min(lead + 5)).find(|&k| labels.lookup(ws[k].1).iter().any(|c| c.is_talk_kind()))?;
    let after = talk + 1;
    // `… se llama TITLE`.
    if let Some(t) = naming(&ws, after, 8) {
        return Some(Said { title: Some(title_from(l, &ws, t)?), people: Vec::new(), named: true });
    }
    let rest = &l[ws.get(after)?.0..];
    // `… la dio NAME`.
    if let Some(people) = given_by(rest, labels) {
        return Some(Said { title: None, people, named: false });
    }
    // `… la charla de A y B`.
    if let Some(r) = ws.get(after).filter(|w| is_in(&["de", "di", "da", "do", "von", "of", "van"], w.1)) {
        let tail = l[r.0 + r.1.len()..].trim_start();
        if let Some((people, end, _)) = names_at(tail, labels) {
            if tail[end..].trim().is_empty() {
                return Some(Said { title: None, people, named: false });
            }
        }
    }
    // `siguiente charla TITLE`: the rest of the line, right after the two words.
    if talk == lead + 1 && (3..=14).contains(&(ws.len() - after)) && !is_in(COPULAS, ws[after].1) {
        return Some(Said { title: Some(clean_title(rest)), people: Vec::new(), named: false });
    }
    None
}

impl Run<'_, '_, '_> {
    /// In a note said aloud ([`said_aloud`]), the talks the lines of a paragraph (block
    /// `bi`, its first line `line`) start. Whether there were any.
    pub(super) fn said_lines(&mut self, bi: usize, line: u32, text: &str) -> bool {
        let labels = self.labels();
        let lines: Vec<&str> = text.split('\n').collect();
        let mut found = Vec::new();
        for (k, l) in lines.iter().enumerate() {
            let Some(s) = said(l.trim(), labels) else { continue };
            let next = || lines.iter().skip(k + 1).take(3).map(|l| l.trim());
            let title = s.title.or_else(|| next().find_map(title_line));
            let people = if s.people.is_empty() {
                next().take(2).find_map(|n| given_by(n, labels)).unwrap_or_default()
            } else {
                s.people
            };
            let Some(title) = title else { continue };
            let at = line + k as u32;
            let mut c = self.new_candidate(bi, at, Source::LeadIn, title);
            push_ev(&mut c, TOLD, 2);
            if !people.is_empty() {
                push_ev(&mut c, "a person named in it", 2);
            } else if s.named {
                push_ev(&mut c, "a title after a word of naming", 1);
            }
            c.speakers = people.into_iter().map(|n| (Named { name: n, line: at }, Role::Speaker)).collect();
            c.body_line = at;
            found.push(c);
        }
        let any = !found.is_empty();
        self.cands.extend(found);
        any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_said_aloud() {
        let l = Labels::default();
        let s = said("bueno arranca la primera charla se llama observabilidad sin vender un riñón", &l).unwrap();
        assert_eq!(s.title.as_deref(), Some("observabilidad sin vender un riñón"));
        let s = said("siguiente charla rust para gente de javascript", &l).unwrap();
        assert_eq!(s.title.as_deref(), Some("rust para gente de javascript"));
        let s = said("siguiente charla la dio gonzalo ibarra", &l).unwrap();
        assert_eq!((s.title, s.people), (None, vec!["gonzalo ibarra".to_string()]));
        let s = said("después fui a la charla de florencia acosta y santiago medina", &l).unwrap();
        assert_eq!(s.people.len(), 2);
        assert_eq!(
            title_line("se llamaba de monolito a microservicios y de vuelta").as_deref(),
            Some("de monolito a microservicios y de vuelta")
        );
        assert_eq!(title_line("era sobre linux en escuelas rurales").as_deref(), Some("linux en escuelas rurales"));
        let two =
            given_by("la dio la doctora valeria sosa con un ingeniero del hospital que se llama hernán quiroga", &l);
        assert_eq!(two.map(|p| p.len()), Some(2));
        // A remark is no talk; nor is a line of notes.
        assert!(said("siguiente charla era muy aburrida", &l).is_none());
        assert!(said("compara el ownership de rust con cosas que ya conocés", &l).is_none());
        assert!(said_aloud(&"la dio ana sin punto ni coma\n".repeat(9)));
        assert!(!said_aloud(&"Then, Ana spoke. It was good.\n".repeat(9)));
    }
}
