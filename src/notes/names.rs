//! The shape of a person's name, and lists of people as notes write them: `Jane Doe`,
//! `maya okonjo-reyes` (where the context says a name follows), `Pádraig Ó Ceallaigh`,
//! `Oisín Mac Giolla Bhríde`, `Dr. Friederike von Brandt`; `A, B and C, moderated by D`,
//! `A with B`, `A & B`, `A feat. B`, `A und B`, `A et B`, `A y B`, `A e B`, `A en B`,
//! `A i B`. This is structure only (what a speaker field or a `(NAME)` holds); the
//! extractor recognises names in prose.

use super::labels::{Concept, Labels};
use super::search;

/// Words that may sit between the capitalised words of a name.
const PARTICLES: &[&str] = &[
    "van", "de", "von", "der", "den", "da", "di", "du", "le", "la", "del", "della", "dos", "das", "do", "ten", "ter",
    "bin", "al", "el", "zu", "y", "e", "of", "'t", "’t", "lo", "li", "dei", "degli", "dal", "dalla", "vom", "zur",
    "vander", "vanden", "vande",
];

/// The words that end a company's or an institution's name (`Acme Corp`, `Initech
/// Labs`), and the other words that are never part of a name (so `Testing without
/// tears` is no name): `org-words.txt` and `not-names.txt`.
const ORG_WORDS: &str = include_str!("org-words.txt");
const NOT_NAMES: &str = include_str!("not-names.txt");

/// [`PARTICLES`] as a set: asked about for every word of a possible
/// name (a scan of the 150 words was most of [`is_name`]).
static PARTICLE_SET: Words = Words::new(PARTICLES);

/// Whether `lw` (in lower case) is one of [`NOT_NAMES`] or [`ORG_WORDS`].
fn not_name(lw: &str) -> bool {
    static WORDS: std::sync::OnceLock<WordList> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| word_list(ORG_WORDS).into_iter().chain(word_list(NOT_NAMES)).collect()).contains(lw)
}

/// Whether `lw` (in lower case) is one of [`ORG_WORDS`].
fn org_word(lw: &str) -> bool {
    static WORDS: std::sync::OnceLock<WordList> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| word_list(ORG_WORDS)).contains(lw)
}

/// A set of words built on first use.
struct Words {
    list: &'static [&'static str],
    set: std::sync::OnceLock<std::collections::HashSet<&'static str, foldhash::fast::FixedState>>,
}

impl Words {
    const fn new(list: &'static [&'static str]) -> Words {
        Words { list, set: std::sync::OnceLock::new() }
    }

    fn contains(&self, w: &str) -> bool {
        self.set.get_or_init(|| self.list.iter().copied().collect()).contains(w)
    }
}

/// `f` of `w` in lower case: on the stack when `w` is short ASCII (most words), without
/// allocating.
fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    if w.len() <= buf.len() && w.is_ascii() {
        let b = &mut buf[..w.len()];
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        return f(std::str::from_utf8(b).unwrap_or_default());
    }
    f(&w.to_lowercase())
}

/// Honorifics written after a name in Japanese, Chinese and Korean, dropped.
const HONORIFICS_AFTER: &[&str] = &["さん", "さま", "様", "氏", "先生", "老师", "老師", "님", "씨"];

const HONORIFICS: &[&str] = &["dr", "dr.", "prof", "prof.", "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "sir", "dame"];

/// Whether `s` is shaped like a person's name: two to five words of letters (hyphens,
/// apostrophes, a final `.` for initials), particles allowed inside, each other word
/// capitalised unless `any_case` (a place where only a name can stand, such as
/// `(maya okonjo-reyes)` after a talk's title).
pub fn is_name(s: &str, any_case: bool) -> bool {
    let s = strip_honorific(s.trim());
    if s.len() > 80 {
        return false;
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() > 6 {
        return false;
    }
    let (mut named, mut capitals, mut named_either) = (0, 0, 0);
    for (i, w) in words.iter().enumerate() {
        let inner = i > 0 && i + 1 < words.len();
        let (particle, not_name) = with_lower(w, |lw| (inner && PARTICLE_SET.contains(lw), not_name(lw)));
        if particle {
            continue;
        }
        if not_name {
            return false;
        }
        // A lower-case letter alone (`porównanie w tabelce`) is a word of a sentence; an
        // initial is a capital, mostly with a stop.
        if w.len() == 1 && w.starts_with(|c: char| c.is_lowercase()) {
            return false;
        }
        // A word of a script without case (`如月 陽斗`, `김 민준`, `ラファエル・ゴンサルベス`)
        // is written as a capitalised word is.
        if w.as_bytes()[0] >= 0x80 && is_cjk_word(w, i == 0) {
            named += 1;
            capitals += 1;
            continue;
        }
        // Combining marks too: a letter written decomposed (`e` and U+0323 for `ẹ`).
        if !w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.' | '\u{300}'..='\u{36f}')) {
            return false;
        }
        let first = w.chars().next().unwrap_or(' ');
        if !first.is_alphabetic() {
            return false;
        }
        // An elided particle before a capital (`dell'Acqua`, `dall'Olio`) is written
        // as a capitalised word is.
        let first = elided_capital(w).unwrap_or(first);
        if !any_case && !first.is_uppercase() {
            return false;
        }
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        if letters > 1 && !w.chars().any(char::is_lowercase) {
            return false;
        }
        // A product's inner capital (`GraalVM Native Image`, `OpenTelemetry`): no name's.
        if product_like(w) {
            return false;
        }
        named += 1;
        // `d'Amico`, `l'Hôpital` go with either case.
        let elided = w.chars().nth(1).is_some_and(|c| c == '\'' || c == '’');
        if first.is_uppercase() {
            capitals += 1;
        } else if elided {
            named_either += 1;
        }
    }
    // A name is written all capitalised or all in lower case (particles aside): `battuta
    // di Niccolò`, `external Iceberg tables` are no names.
    let uniform = capitals == 0 || capitals + named_either == named;
    (2..=5).contains(&named) && words.len() <= 6 && uniform
}

/// Whether `c` is a letter of the scripts that write names without case: Han (with the
/// iteration mark `々`), Katakana (with its middle dot and long vowel mark) and Hangul.
/// Hiragana is not among them: the particles of a Japanese title (`Rails 8 で Redis
/// を捨てた話`) are written in it, names seldom are.
fn is_cjk_letter(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '々' | '\u{30A1}'..='\u{30FC}' | '\u{AC00}'..='\u{D7A3}')
}

/// Whether `w` is one word of a name in a script without case: at most twelve letters
/// of [`is_cjk_letter`], none of them a separator; or, after a first word in Han
/// (`first`: it is not the first), a given name of two to four letters of Hiragana
/// (`小林 さくら`).
fn is_cjk_word(w: &str, first: bool) -> bool {
    let hiragana = |c: char| matches!(c, '\u{3041}'..='\u{3096}');
    if !first && w.chars().all(hiragana) {
        return (2..=4).contains(&w.chars().count());
    }
    let mut n = 0;
    for c in w.chars() {
        if !is_cjk_letter(c) {
            return false;
        }
        n += 1;
    }
    n <= 12 && !w.starts_with(['・', 'ー'])
}

/// A name written as one word in Han or Hangul, as Chinese and Korean names are
/// (`张伟`, `김민준`, `小野寺葵`): two to four letters of one of the two scripts, read
/// only where a name must stand (a speaker field).
fn is_cjk_single_name(w: &str) -> bool {
    let han = |c: char| matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '々');
    let hangul = |c: char| matches!(c, '\u{AC00}'..='\u{D7A3}');
    let n = w.chars().count();
    (2..=4).contains(&n) && (w.chars().all(han) || w.chars().all(hangul))
}

/// Whether `s` holds a letter of [`is_cjk_letter`].
fn has_cjk(s: &str) -> bool {
    !s.is_ascii() && s.chars().any(is_cjk_letter)
}

/// The capital after an elided particle of two to five lower-case letters, or `d'`
/// (`dell'Acqua` gives `A`, `d'Aboville` too).
fn elided_capital(w: &str) -> Option<char> {
    let (head, tail) = w.split_once(['\'', '’'])?;
    let c = tail.chars().next()?;
    let particle = (2..=5).contains(&head.len()) && head.bytes().all(|b| b.is_ascii_lowercase()) || head == "d";
    (particle && c.is_uppercase()).then_some(c)
}

/// `w` with the diacritics of Latin letters removed (`Tomáš` -> `Tomas`), for comparing
/// a name with a file name written in ASCII.
pub fn fold(w: &str) -> String {
    w.chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ą' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'ę' | 'ě' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'ı' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
            'ú' | 'ù' | 'û' | 'ü' | 'ů' => 'u',
            'ç' | 'ć' | 'č' => 'c',
            'ñ' | 'ń' | 'ň' => 'n',
            'š' | 'ś' | 'ş' | 'ș' => 's',
            'ž' | 'ź' | 'ż' => 'z',
            'ł' => 'l',
            'ř' => 'r',
            'ý' => 'y',
            'ğ' => 'g',
            'ť' | 'ț' => 't',
            'ď' => 'd',
            c => c,
        })
        .collect()
}

/// Whether `w` is an honorific written before a name (`Dr`, `Prof.`).
pub fn is_honorific(w: &str) -> bool {
    with_lower(w, |f| HONORIFICS.contains(&f))
}

fn strip_honorific(s: &str) -> &str {
    match s.split_once(' ') {
        Some((first, rest)) if with_lower(first, |f| HONORIFICS.contains(&f)) => rest.trim_start(),
        _ => s,
    }
}

/// Whether a person is a speaker or the panel's moderator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Gives the talk or sits on the panel.
    Speaker,
    /// Moderates (`moderated by D`).
    Moderator,
}

/// How sure a place is that only names stand in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// Names must be capitalised (a line alone under a title, a table cell).
    Capitalised,
    /// A name or something else may stand here (the parentheses after a title, what
    /// follows its dash or a `by`): a capitalised name is one unless most of its words
    /// are ordinary words (`Opening Remarks`), a lower-case one when most of its words
    /// are not (`maya okonjo-reyes`, not `open source`).
    Unusual,
    /// Any case (a speaker field, the parentheses of a lead-in line).
    Any,
}

/// A list of words read from a data file: one a line, `#` comments.
type WordList = std::collections::HashSet<&'static str, foldhash::fast::FixedState>;

/// The words of `text`, a data file of one word a line (blank lines and `#` comments
/// left out).
fn word_list(text: &'static str) -> WordList {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}

/// Whether `w` (in any case) is one of [`PARTICLES`], the words that may sit between
/// the words of a name (`van`, `della`, `dos`).
pub fn is_particle(w: &str) -> bool {
    with_lower(w, |w| PARTICLE_SET.contains(w))
}

/// Whether `word` is an ordinary English word (`data/common-words.txt`, the list the
/// extractor's typo matcher keeps apart from names), or a plural, past or gerund of one.
/// The list is read once, on the first call.
pub fn ordinary(word: &str) -> bool {
    static WORDS: std::sync::OnceLock<WordList> = std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| word_list(include_str!("../../data/common-words.txt")));
    let w = word.to_lowercase();
    let known = |stem: &str| stem.len() >= 3 && words.contains(stem);
    // Plurals, pasts and gerunds of an ordinary word (`lessons`, `learned`, `used`, `running`).
    words.contains(w.as_str())
        || ["s", "es", "ed", "d", "ing"].iter().any(|e| w.strip_suffix(e).is_some_and(known))
        || w.strip_suffix("ies").is_some_and(|stem| known(&format!("{stem}y")))
}

/// `name` with each word's first letter in upper case, particles aside:
/// `lena kowalski` -> `Lena Kowalski`, `ines de almeida` -> `Ines de Almeida`.
pub fn capitalise(name: &str) -> String {
    name.split_whitespace()
        .enumerate()
        .map(|(i, w)| {
            if i > 0 && PARTICLES.contains(&w) {
                return w.to_string();
            }
            let mut c = w.chars();
            c.next().map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether more than half the words of `name` (particles aside) are ordinary words, of
/// English or among the most frequent of the eight languages (`review sono diventate
/// più svelte`).
fn mostly_ordinary(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().filter(|w| !with_lower(w, |w| PARTICLE_SET.contains(w))).collect();
    words.iter().filter(|w| ordinary(w) || frequent(w)).count() * 2 > words.len()
}

/// The people in `s` if every part is a name: `A, B and C, moderated by D` gives four
/// people, D the moderator. `None` when some part is not a name. `any_case`: see
/// [`Case::Any`]; [`people_as`] takes the other places.
pub fn people(s: &str, labels: &Labels, any_case: bool) -> Option<Vec<(String, Role)>> {
    if !any_case {
        return people_as(s, labels, Case::Capitalised);
    }
    // A speaker field holds names only, but for their affiliation after a dash, a bar
    // or an at sign (`João Pedro dos Santos Albuquerque — iFood`, `Ana Ruiz | Acme`),
    // which no name contains (the notes stage reads it: `affiliation`).
    people_as(s, labels, Case::Any).or_else(|| {
        let (cut, _) = search::rfind_any(s, &[" — ", " – ", " - ", " -- ", " | ", " @ ", " / "])?;
        people_as(&s[..cut], labels, Case::Any)
    })
}

/// [`people`], with how sure the place is that a name stands in it.
pub fn people_as(s: &str, labels: &Labels, case: Case) -> Option<Vec<(String, Role)>> {
    let mut s = s.trim().trim_end_matches(['.', ',', ';']).trim();
    // A bracket closing nothing (`Ana Ruiz)`, cut from a longer line) is dropped.
    if s.ends_with(')') && !s.contains('(') {
        s = s[..s.len() - 1].trim_end();
    }
    if s.is_empty() || s.len() > 300 {
        return None;
    }
    // `Mathilde Rousseau, Isovalent & Yanis Benali, Criteo` (a schedule's listing): two
    // people, each with an affiliation after a comma.
    if let Some((a, b)) = search::split_once(s, " & ").or_else(|| search::split_once(s, " and ")) {
        fn name(h: &str) -> Option<&str> {
            let (n, org) = h.rsplit_once(", ")?;
            (!n.contains(',') && is_affiliation(org)).then_some(n)
        }
        if let (Some(x), Some(y)) = (name(a), name(b)) {
            let mut both = people_as(x, labels, case)?;
            both.extend(people_as(y, labels, case)?);
            return Some(both);
        }
    }
    // `A & B, both Temporal`, `Henrique Salgado, Polar Signals`: an affiliation after
    // the last comma is no other person.
    if let Some(i) = search::rfind(s, ", ") {
        if !s[i..].contains(')') && is_affiliation(&s[i + 2..]) {
            s = s[..i].trim_end();
        }
    }
    // The parts are read as they are split off, and reading stops at the first that
    // is no name (most lines tried are not lists of names).
    let mut out = Vec::new();
    let mut all = true;
    // Authors, then who presented (`A, B; presented by B`): the presenters speak.
    let mut presenters = None;
    split_each(s, |part| {
        let mut role = Role::Speaker;
        // `@Ana Ruiz` (a mention in a chat or a task list), `Ana Ruiz (Acme)`.
        let tagged = part.starts_with('@');
        let mut p = part.strip_prefix('@').unwrap_or(part);
        if let Some(open) = p.strip_suffix(')').and_then(|x| search::rfind(x, " (")) {
            // `如月 陽斗 (Haruto Kisaragi)`: a name in a script without case, and its
            // reading in Latin letters, which is the name the other notes write.
            let (outer, inner) = (&p[..open], &p[open + 2..p.len() - 1]);
            p = if has_cjk(outer) && is_name(inner, false) { inner } else { outer };
        } else if let Some(open) = p.strip_suffix('）').and_then(|x| x.rfind('（')) {
            let (outer, inner) = (p[..open].trim_end(), &p[open + '（'.len_utf8()..p.len() - '）'.len_utf8()]);
            p = if has_cjk(outer) && is_name(inner, false) { inner } else { outer };
        }
        if let Some((c, rest)) = labels.leading(p) {
            // `table ronde avec Cécile Marchand`, `panel with Ana Ruiz`: the kind of the
            // session, then its company.
            if c.iter().any(|c| c.is_talk_kind()) {
                // (The kind alone, split off its company: `A, table ronde avec B`.)
                if rest.trim().is_empty() {
                    return true;
                }
                // (Or by whom: `Charla de Ana Ruiz`, `Vortrag von …`, `talk di …`.)
                if let Some((w, r)) = rest.trim_start().split_once(' ') {
                    let w = w.to_lowercase();
                    if COMPANY.contains(&w.as_str()) || AUTHORED.contains(&w.as_str()) {
                        p = r;
                    }
                }
            }
            if c.contains(&Concept::Moderator) {
                role = Role::Moderator;
                p = rest;
            } else if c.contains(&Concept::Speaker) {
                p = rest;
                if !out.is_empty() && presenters.is_none() {
                    presenters = Some(out.len());
                }
            }
        }
        let p = strip_all(strip_all(p, "by "), "with ").trim();
        let p = p.strip_prefix('@').unwrap_or(p);
        // `鈴木さん`, `Haruto さん`, `张老师`, `김민준 님`: an honorific after the name.
        let p = if p.is_ascii() {
            p
        } else {
            HONORIFICS_AFTER.iter().find_map(|h| p.strip_suffix(h)).unwrap_or(p).trim_end()
        };
        // `Friedrich "Fritz" Obermaier`: a nickname in quotes inside a name.
        let unquoted = without_nickname(p);
        let p = unquoted.as_deref().unwrap_or(p);
        let ok = match case {
            Case::Capitalised => is_name(p, false),
            Case::Any => {
                // In lower case, half the words ordinary is a remark (`(ruff format)`,
                // `(live demo)`, `diverse sprekers`), not a name; a name tagged with
                // `@` is one (`@mia lund`, though `mia` is a frequent Italian word).
                is_name(p, true)
                    && !(p.starts_with(char::is_lowercase)
                        && (mostly_ordinary(p)
                            || !tagged && {
                                let words: Vec<&str> = p.split_whitespace().filter(|w| !is_particle(w)).collect();
                                words.iter().filter(|w| ordinary(w) || frequent(w)).count() * 2 >= words.len()
                            }))
                    || is_cjk_single_name(p) && labels.lookup(p).is_empty()
            }
            Case::Unusual => is_name(p, true) && !mostly_ordinary(p),
        };
        if ok {
            out.push((strip_honorific(p).to_string(), role));
        }
        all &= ok;
        ok
    });
    out.drain(..presenters.unwrap_or(0));
    (all && !out.is_empty()).then_some(out)
}

/// The people that lead a title (`Ana Ruiz: Title`, `Ines Marchetti & Tobiasz Wróbel —
/// Title`, `Ana Ruiz (Acme): Title`): capitalised names, none of which reads as the
/// lead of a title instead: mostly ordinary words (`Lessons Learned`, `Getting
/// Started`), or ending with the plural of one (`Kubernetes Operators`), which a
/// name's last word seldom is.
pub fn leading_people(s: &str, labels: &Labels) -> Option<Vec<(String, Role)>> {
    let people = people_as(s, labels, Case::Capitalised)?;
    let title_like = |name: &str| {
        let last = name.rsplit(' ').next().unwrap_or("");
        let plural = last.len() > 4 && !last.ends_with("ss") && last.strip_suffix('s').is_some_and(ordinary);
        plural
            || mostly_ordinary(name)
            || name.split(' ').any(|w| product_like(w) || w.len() > 5 && w.ends_with("ing") && ordinary(w))
    };
    (!people.iter().any(|(n, _)| title_like(n))).then_some(people)
}

/// A name without the nickname quoted inside it (`Friedrich "Fritz" Obermaier`,
/// `Ana „Ani“ Ruiz`): a quoted word between two words.
fn without_nickname(p: &str) -> Option<String> {
    let open = p.find(['"', '“', '„', '\'', '«'])?;
    let q = p[open..].chars().next()?;
    let inner = open + q.len_utf8();
    let close = inner + p[inner..].find(['"', '”', '“', '\'', '»'])?;
    let after = close + p[close..].chars().next()?.len_utf8();
    let (before, rest) = (p[..open].trim_end(), p[after..].trim_start());
    let nick = &p[inner..close];
    let one_word = !nick.is_empty() && nick.len() <= 20 && !nick.contains(' ');
    (one_word && !before.is_empty() && !rest.is_empty()).then(|| format!("{before} {rest}"))
}

/// Whether a word is written as a product's name is, a capital inside it after three
/// lower-case letters or more (`OpenTelemetry`, `JavaScript`, `PostgreSQL`); a name's
/// inner capital comes early (`McCarthy`, `MacDonald`, `DeShawn`, `LaToya`).
fn product_like(w: &str) -> bool {
    // (Or two capitals before a small letter: `CPython`, `JSConf`, `PGConf`.)
    let b = w.as_bytes();
    if b.len() > 3 && b[0].is_ascii_uppercase() && b[1].is_ascii_uppercase() && b[2].is_ascii_lowercase() {
        return true;
    }
    let mut lower = 0;
    for (i, c) in w.chars().enumerate() {
        if c.is_lowercase() {
            lower += 1;
        } else if c.is_uppercase() && i > 0 && lower >= 3 {
            return true;
        } else if !c.is_alphabetic() {
            lower = 0;
        }
    }
    false
}

/// Whether `s`, after the last comma of a list of names, is the people's affiliation
/// rather than another person: `both Temporal`, one capitalised word or an acronym
/// (`Initech`, `IBM`), words that end a company's name (`Acme Labs`), ordinary words
/// only (`Open Data Works`) or ending with a plural (`Polar Signals`), at most four words.
fn is_affiliation(s: &str) -> bool {
    // Cheap tests first: most strings with a comma that reach here are sentences.
    let s = s.trim();
    // `de uma cooperativa aqui da serra`, `from a bank in Leeds`: where they come from.
    if s.len() <= 80 && s.split_whitespace().next().is_some_and(|w| FROM.contains(&w)) {
        return s.split_whitespace().nth(1).is_some();
    }
    if s.len() > 80 || s.split_whitespace().nth(4).is_some() {
        return false;
    }
    let mut words = s.split_whitespace();
    let Some(first) = words.next() else { return false };
    let more = words.next().is_some();
    // `both Temporal`, `beide Acme`, `tous deux …`, `entrambi …`, `ambos …`, `allebei …`, `obaj …`
    if more && with_lower(first, |f| BOTH.contains(&f)) {
        return true;
    }
    if !first.starts_with(char::is_uppercase) {
        return false;
    }
    // A name's last word is seldom the plural of an ordinary word (`Polar Signals`,
    // `Bright Ideas`).
    let plural = |w: &str| w.len() > 4 && !w.ends_with("ss") && w.strip_suffix('s').is_some_and(ordinary);
    !more
        || s.split_whitespace().any(|w| with_lower(w, org_word))
        || s.split_whitespace().all(|w| ordinary(w) || frequent(w))
        || s.split_whitespace().next_back().is_some_and(plural)
}

/// The words, in lower case, that open where a person comes from after their name and a
/// comma (`Ana Ruiz, from a bank in Leeds`).
const FROM: &[&str] =
    &["from", "at", "de", "da", "do", "von", "vom", "bei", "chez", "di", "dal", "van", "uit", "z", "ze"];

/// The words for "both" and "all" before an affiliation shared by a list of names.
const BOTH: &[&str] =
    &["both", "all", "beide", "alle", "tous", "toutes", "ambos", "ambas", "entrambi", "allebei", "obaj", "obie"];

/// Whether `w` (in any case) is one of the most frequent words of the eight languages
/// (`data/frequent-words.txt`, read on the first call).
pub fn frequent(w: &str) -> bool {
    static WORDS: std::sync::OnceLock<WordList> = std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| word_list(include_str!("../../data/frequent-words.txt")));
    with_lower(w, |w| words.contains(w))
}

/// Splits on `,`, `;`, `/`, `&`, `+` and the words for "and" and "with" (Czech and
/// Slovak `a` too), giving each
/// part, trimmed and not empty, to `f` as it is found; `f` giving `false` stops the
/// split.
fn split_each<'s>(s: &'s str, mut f: impl FnMut(&'s str) -> bool) {
    let mut part = |p: &'s str| {
        let p = p.trim();
        p.is_empty() || f(p)
    };
    let mut start = 0;
    let b = s.as_bytes();
    let mut i = 0;
    // Brackets open: an affiliation (`Ana Ruiz (Citus Data / Microsoft)`) is not split.
    let mut depth = 0u32;
    while i < b.len() {
        let c = b[i];
        if c == b'(' {
            depth += 1;
        } else if c == b')' {
            depth = depth.saturating_sub(1);
        } else if depth == 0 && matches!(c, b',' | b';' | b'&' | b'+' | b'/') {
            if !part(&s[start..i]) {
                return;
            }
            i += 1;
            start = i;
            continue;
        }
        if c == b' ' && depth == 0 {
            let rest = &s[i + 1..];
            let word_end = memchr::memchr(b' ', rest.as_bytes()).unwrap_or(rest.len());
            let w = &rest[..word_end];
            // The words below have five bytes at most (and no word outside ASCII lower-
            // cases to one of them): a longer word is not lower-cased.
            if w.len() <= 5
                && with_lower(w, |w| {
                    matches!(
                        w,
                        "and"
                            | "with"
                            | "feat."
                            | "feat"
                            | "ft."
                            | "und"
                            | "mit"
                            | "et"
                            | "avec"
                            | "y"
                            | "con"
                            | "e"
                            | "en"
                            | "met"
                            | "i"
                            | "oraz"
                            | "z"
                            | "a"
                    )
                })
                && word_end < rest.len()
            {
                if !part(&s[start..i]) {
                    return;
                }
                i += 1 + word_end;
                start = i;
                continue;
            }
        }
        i += 1;
    }
    part(&s[start..]);
}

/// `s` without `prefix` at its start, however many times it is there: what
/// [`str::trim_start_matches`] gives, without preparing a searcher for the prefix.
/// The words of company before people (`avec`, `with`, `mit`, Swedish `och`).
/// The words of authorship after a talk's kind or a verb of presenting, in the
/// languages read (`Charla de`, `Vortrag von`, `talk di`, `lezing door`, `prelekcja od`,
/// `presented by`, `przedstawiona przez`).
pub(crate) const AUTHORED: [&str; 14] =
    ["by", "von", "de", "del", "di", "da", "do", "par", "por", "door", "przez", "van", "od", "av"];

pub(crate) const COMPANY: [&str; 9] = ["with", "mit", "avec", "con", "com", "met", "z", "ze", "och"];

fn strip_all<'s>(mut s: &'s str, prefix: &str) -> &'s str {
    while let Some(rest) = s.strip_prefix(prefix) {
        s = rest;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remarks_products_and_sentences_are_no_names() {
        let l = Labels::default();
        // A product's inner capital, a lower-case letter alone, a possessive, an adverb.
        for s in [
            "GraalVM Native Image",
            "Free-threaded CPython",
            "porównanie w tabelce",
            "her laptop",
            "Mostly Priya Raghunathan",
        ] {
            assert!(people_as(s, &l, Case::Any).is_none(), "{s}");
        }
        // In lower case, half the words ordinary is a remark, unless tagged with `@`.
        assert!(people_as("ruff format", &l, Case::Any).is_none());
        assert!(people_as("diverse sprekers", &l, Case::Any).is_none());
        assert_eq!(people_as("@mia lund", &l, Case::Any).map(|p| p.len()), Some(1));
        assert_eq!(people_as("maya okonjo-reyes", &l, Case::Any).map(|p| p.len()), Some(1));
        // A session's kind split off its company names no one: `A, table ronde avec B`.
        let p = people_as("Piotr Wiśniewski, table ronde avec Cécile Marchand", &l, Case::Any).unwrap();
        assert_eq!(p.iter().map(|x| x.0.as_str()).collect::<Vec<_>>(), ["Piotr Wiśniewski", "Cécile Marchand"]);
        // An office or a ministry is no one.
        assert!(people_as("Central Statistics Office", &l, Case::Any).is_none());
    }

    #[test]
    fn name_shapes() {
        for n in [
            "Jane Doe",
            "Pádraig Ó Ceallaigh",
            "Oisín Mac Giolla Bhríde",
            "Dr. Friederike von Brandt",
            "Niamh O'Sullivan",
        ] {
            assert!(is_name(n, false), "{n}");
        }
        assert!(is_name("maya okonjo-reyes", true));
        assert!(!is_name("maya okonjo-reyes", false));
        for n in ["Testing without tears", "Jane", "no idea who", "JSON API", "Python 3.13"] {
            assert!(!is_name(n, true), "{n}");
        }
    }

    #[test]
    fn particles_diacritics_initials() {
        for n in [
            "Jan-Willem van 't Hof",
            "Ana María de la Fuente",
            "Hélène de la Roche-Vidal",
            "Beatriz dos Santos Ferreira",
            "Olúwádámiláre Adéyẹmí",
            "Guðrún Ásgeirsdóttir",
            "Pieternella Sánchez-Obi",
            "J. R. Okwuosa",
            "Giovanna Lo Presti",
            // Written decomposed: `e` and a combining dot below.
            "Ade\u{323}yemi Ola",
        ] {
            assert!(is_name(n, false), "{n}");
        }
        assert!(is_name("Chiara d'Amico", true));
        assert!(is_name("Thibault d'Aboville", false));
        assert!(!is_name("Vincent l'Europe", false));
        for n in ["battuta di Niccolò", "external Iceberg tables", "Jane doe"] {
            assert!(!is_name(n, true), "{n}");
        }
        for n in ["đorđe petrović", "kai o'brien-sato", "tomás ibarra"] {
            assert!(is_name(n, true), "{n}");
            assert!(!is_name(n, false), "{n}");
        }
        assert!(org_word("team") && not_name("team") && not_name("the") && !org_word("the"));
    }

    #[test]
    fn affiliations_are_no_people() {
        let l = Labels::default();
        let names =
            |s: &str, case: Case| people_as(s, &l, case).map(|p| p.into_iter().map(|(n, _)| n).collect::<Vec<_>>());
        let cap = Case::Capitalised;
        assert_eq!(names("Marlene Okonkwo-Berg (Grafana Labs)", cap).unwrap(), ["Marlene Okonkwo-Berg"]);
        assert_eq!(names("Ayodele Fashola & Kirsten Vogelsang, both Temporal", cap).unwrap().len(), 2);
        assert_eq!(names("Henrique Salgado, Polar Signals", cap).unwrap(), ["Henrique Salgado"]);
        assert_eq!(names("Ana Ruiz, Initech", cap).unwrap(), ["Ana Ruiz"]);
        assert_eq!(names("Ana Ruiz, Acme Labs", cap).unwrap(), ["Ana Ruiz"]);
        assert_eq!(names("Ana Ruiz, Tom Berg", cap).unwrap().len(), 2);
        assert_eq!(names("Siobhán O'Donnell-Ruiz & Anh Nguyễn Thị (both OpenSSF volunteers)", cap).unwrap().len(), 2);
        let panel = "panelists: đorđe petrović (Neon), Mei-Ling Fontaine-Achebe (Citus Data / Microsoft), Olúwádámiláre Adéyẹmí";
        assert_eq!(names(panel, Case::Any).unwrap().len(), 3);
        // An affiliation needs a person before it.
        assert_eq!(names("Docker, Kubernetes", cap), None);
        assert_eq!(names("Initech", cap), None);
    }

    #[test]
    fn a_speaker_field_with_an_affiliation_after_a_dash() {
        let l = Labels::default();
        let names = |s: &str| people(s, &l, true).map(|p| p.into_iter().map(|(n, _)| n).collect::<Vec<_>>());
        assert_eq!(names("João Pedro dos Santos Albuquerque — iFood").unwrap(), ["João Pedro dos Santos Albuquerque"]);
        assert_eq!(
            names("Raimundo Nonato da Silva Júnior — Mercado Livre").unwrap(),
            ["Raimundo Nonato da Silva Júnior"]
        );
        assert_eq!(names("Ana Ruiz & Tom Berg | Acme").unwrap().len(), 2);
        // Not where a capitalised name must stand alone, and not with a sentence before the dash.
        assert_eq!(people("Ana Ruiz — Acme", &l, false), None);
        assert_eq!(names("we liked it a lot — Acme"), None);
    }

    #[test]
    fn names_that_lead_a_title() {
        let l = Labels::default();
        let lead = |s: &str| leading_people(s, &l).map(|p| p.into_iter().map(|(n, _)| n).collect::<Vec<_>>());
        assert_eq!(lead("Ines Marchetti & Tobiasz Wróbel").unwrap(), ["Ines Marchetti", "Tobiasz Wróbel"]);
        assert_eq!(lead("José Ángel Ruiz de la Fuente").unwrap(), ["José Ángel Ruiz de la Fuente"]);
        assert_eq!(lead("Henrik Lindqvist (Acme Corp)").unwrap(), ["Henrik Lindqvist"]);
        // A title's lead: ordinary words, the plural of one last, one word.
        for title in ["Lessons Learned", "Getting Started", "Kubernetes Operators", "Keynote", "Rust"] {
            assert_eq!(lead(title), None, "{title}");
        }
    }

    #[test]
    fn names_in_scripts_without_case() {
        let l = Labels::default();
        let names =
            |s: &str, case: Case| people_as(s, &l, case).map(|p| p.into_iter().map(|(n, _)| n).collect::<Vec<_>>());
        assert_eq!(names("如月 陽斗", Case::Capitalised).unwrap(), ["如月 陽斗"]);
        assert_eq!(names("小林 さくら", Case::Capitalised).unwrap(), ["小林 さくら"]);
        assert_eq!(names("ラファエル・ゴンサルベス", Case::Any), None);
        assert_eq!(names("ラファエル ゴンサルベス", Case::Capitalised).unwrap().len(), 1);
        // The reading in Latin letters is the name.
        assert_eq!(names("如月 陽斗 (Haruto Kisaragi)", Case::Any).unwrap(), ["Haruto Kisaragi"]);
        assert_eq!(
            names("Rafael Gonçalves & 小野寺 葵（Aoi Onodera）", Case::Any).unwrap(),
            ["Rafael Gonçalves", "Aoi Onodera"]
        );
        // One word, where only a name stands; an honorific after it.
        assert_eq!(names("张伟", Case::Any).unwrap(), ["张伟"]);
        assert_eq!(names("김민준 님", Case::Any).unwrap(), ["김민준"]);
        assert_eq!(names("鈴木さん", Case::Any).unwrap(), ["鈴木"]);
        assert_eq!(names("张伟", Case::Capitalised), None);
        // A label, a title with the particles of Japanese, a given name in Hiragana first.
        assert_eq!(names("休憩", Case::Any), None);
        assert_eq!(names("Rails 8 で Redis を捨てた話", Case::Any), None);
        assert_eq!(names("さくら 小林", Case::Capitalised), None);
    }

    #[test]
    fn mentions_and_lead_words() {
        let l = Labels::default();
        let names =
            |s: &str, case: Case| people_as(s, &l, case).map(|p| p.into_iter().map(|(n, _)| n).collect::<Vec<_>>());
        assert_eq!(names("@Ravindra Pillai, @Joanna Szczepańska", Case::Any).unwrap().len(), 2);
        assert_eq!(names("@tomás ibarra", Case::Any).unwrap(), ["tomás ibarra"]);
        assert_eq!(
            names("with Jan-Willem van 't Hof and Ana María de la Fuente", Case::Capitalised).unwrap(),
            ["Jan-Willem van 't Hof", "Ana María de la Fuente"]
        );
        let chaired = people_as("Chaired by Bas Hoekstra", &l, Case::Capitalised).unwrap();
        assert_eq!(chaired, [("Bas Hoekstra".to_string(), Role::Moderator)]);
        let modded = people_as("Mod: Priscilla Oyelaran", &l, Case::Any).unwrap();
        assert_eq!(modded, [("Priscilla Oyelaran".to_string(), Role::Moderator)]);
    }

    #[test]
    fn runs_of_ordinary_words_in_any_language_are_no_names() {
        let l = Labels::default();
        for s in
            ["review sono diventate più svelte", "React solo dove serve", "nous avons parlé", "wir haben das gesehen"]
        {
            assert_eq!(people_as(s, &l, Case::Unusual), None, "{s}");
        }
        for s in ["đorđe petrović", "kai o'brien-sato", "Maria Grazia Esposito", "Bas Hoekstra"] {
            assert!(people_as(s, &l, Case::Unusual).is_some(), "{s}");
        }
        // Where only a name should stand, still not a run of ordinary words.
        assert_eq!(people_as("lessons learned", &l, Case::Any), None);
        assert!(people_as("tomás ibarra", &l, Case::Any).is_some());
    }

    #[test]
    fn panels_and_pairs() {
        let l = Labels::default();
        let p = people(
            "Amara Diallo-Fischer, Kenji Watanabe and Sofia Lindgren-Ahmadi, moderated by Pádraig Ó Ceallaigh",
            &l,
            false,
        )
        .unwrap();
        assert_eq!(p.len(), 4);
        assert_eq!(p[3], ("Pádraig Ó Ceallaigh".to_string(), Role::Moderator));
        assert_eq!(people("Lars Eriksen with Tamar Ben-David", &l, false).unwrap().len(), 2);
        // A paper's authors, then who presented it: the presenter speaks.
        let p = people("S. Okafor, H. Tanaka, R. Jensen; presented by R. Jensen", &l, false).unwrap();
        assert_eq!(p, [("R. Jensen".to_string(), Role::Speaker)]);
        // A speaker's label on the first part labels them all.
        assert_eq!(people("Speakers: Ana Ruiz, Tom Berg", &l, false).unwrap().len(), 2);
        assert_eq!(people("Nadia Haddad & Julien Morel-Tanaka", &l, false).unwrap().len(), 2);
        assert_eq!(people("Mehmet Yılmaz und Lukas Brunner", &l, false).unwrap().len(), 2);
        assert_eq!(people("pieter van den bosch", &l, true).unwrap()[0].0, "pieter van den bosch");
        assert!(people("web components + lit, no react needed", &l, true).is_none());
        // Where a subtitle may stand as well as a name.
        let unusual = |s: &str| people_as(s, &l, Case::Unusual).map(|p| p.len());
        assert_eq!(unusual("anneke van der berg & joão pimentel"), Some(2));
        assert_eq!(unusual("Lea Nakamura with Ole Brandvold"), Some(2));
        assert_eq!(unusual("maya okonjo-reyes"), Some(1));
        for s in ["open source", "Opening Remarks", "second edition", "Past Present Future", "Lessons Learned"] {
            assert_eq!(unusual(s), None, "{s}");
        }
    }
}
