//! Talks told in a sentence, with no markup around them. A dictated memo (`so the first
//! talk this morning was called Polars in production by Amara Nwosu-Lindqvist she works
//! at …`, `and then the closing keynote was by Leilani Kahale-Moreau called …`) or a
//! written recap (`Then Ana Souza talked about …`, `After coffee, Kenji Watanabe walked
//! us through "…"`, `First up was Ana Souza's talk on …`, `Danach sprach Anna Schmidt
//! über …`). The paragraph is the talk's first notes, and the ones after it are its notes
//! up to the next talk, a heading or an aside (`side note not a talk …`, `lunch was …`).
//!
//! The sentence opens with a lead-in: a word of sequence (`first`, `next`, `then`,
//! `after`, `closing`; [`Concept::Next`]) or a keynote, within its first words. Then
//! either a copula after a word for a talk (`the third talk before lunch was`, `next
//! one was`, `first up was`) and what it was: `[called] TITLE by NAMES`, `by NAMES called
//! TITLE`, `NAMES with "TITLE"`, `NAME's talk on TITLE`; or the speaker as the subject of
//! a verb of presenting ([`Labels::presents`]) and the title after it. Names are read in
//! any case but must be shaped like names; an unquoted title ends at a stop, or, in
//! speech with no stops, where a new clause starts (`… cleaning and it was …`).

use super::sentence::{first_sentence, words, COPULAS};
use super::*;

/// The evidence of a talk told in a sentence.
pub(super) const TOLD: &str = "a talk told in a sentence";

/// What a sentence told: the title, the speakers, whether it was a keynote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Told {
    pub title: String,
    pub people: Vec<String>,
    pub keynote: bool,
}

/// Words that name a title before it (`was called …`, `intitulée …`).
pub(super) const NAMING: &[&str] = &[
    "called",
    "titled",
    "entitled",
    "named",
    "hieß",
    "namens",
    "betitelt",
    "intitulé",
    "intitulée",
    "appelé",
    "appelée",
    "llamada",
    "llamado",
    "titulada",
    "titulado",
    "intitolato",
    "intitolata",
    "chiamato",
    "chiamata",
    "chamada",
    "chamado",
    "intitulada",
    "intitulado",
    "genaamd",
    "getiteld",
    "zatytułowany",
    "zatytułowana",
    "zatytułowane",
];

/// Words between a speaker and their title (`Mehmet Öztürk with "…"`, `José on Rust in
/// the browser`, `walked us through …`, `sprach über …`, `a parlé de …`).
pub(super) const TO_TITLE: &[&str] = &[
    "on", "about", "with", "through", "us", "over", "into", "über", "mit", "von", "sur", "avec", "de", "du", "des",
    "sobre", "con", "su", "di", "del", "com", "do", "da", "met", "o", "z", "nous", "nos", "ci", "ons",
];

/// Words before a speaker's name (`by NAME`, `von NAME`).
const BY: &[&str] = &["by", "von", "par", "por", "door", "przez", "da"];

/// Words joining names in a list.
const AND: &[&str] = &["and", "&", "und", "et", "y", "e", "en", "i", "with"];

/// Words after a copula before what the talk was (`è stato`, `has been`).
const AUX: &[&str] = &["stato", "stata", "been", "sido", "geweest", "été"];

/// Conjunctions that start a new clause when a pronoun follows (`… cleaning and it was
/// a mix …`): the end of a title in speech, which has no stops.
const CLAUSE: &[&str] = &[
    "and", "but", "so", "which", "because", "und", "aber", "denn", "et", "mais", "donc", "y", "pero", "e", "ma",
    "quindi", "mas", "en", "maar", "dus", "i", "ale", "więc",
];

/// Subject pronouns (see [`CLAUSE`]).
const PRONOUNS: &[&str] = &[
    "it", "it's", "she", "she's", "he", "he's", "they", "they're", "i", "i'm", "we", "we're", "you", "there", "that",
    "this", "es", "sie", "er", "ich", "wir", "das", "il", "elle", "ils", "elles", "je", "c'était", "c'est", "ella",
    "él", "ellos", "yo", "lei", "lui", "io", "ela", "ele", "eles", "eu", "het", "zij", "hij", "ik", "ze", "ona", "on",
    "oni", "ja", "to",
];

/// The most words of a lead-in before its copula.
const LEAD_WORDS: usize = 10;

/// The most words of an unquoted title.
const TITLE_WORDS: usize = 24;

fn is_in(list: &[&str], w: &str) -> bool {
    let w = w.trim_end_matches([',', ':', ';']);
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// The most words before a lead-in word (`okay so then the third talk …`, `Straight
/// after lunch …`).
const LEAD_AT: usize = 4;

/// Whether the first [`LEAD_AT`] words of `first` (a paragraph's first line, plain) hold
/// a lead-in word: a word of sequence or a keynote. Each is one look-up of a short word
/// (with [`Labels::leading`] on every word start, this filter was 190 M instructions on
/// the 10 MB corpus). A line of fewer than five words tells no talk.
fn has_lead(first: &str, lead: Lead<'_, '_>, labels: &Labels) -> bool {
    // The first four spaces (found once, by bytes: splitting the line was 28 M
    // instructions on the 10 MB corpus).
    let mut spaces = [0usize; 4];
    let mut n = 0;
    for (k, i) in memchr::memchr_iter(b' ', first.as_bytes()).take(4).enumerate() {
        spaces[k] = i;
        n += 1;
    }
    if n < 4 {
        return false;
    }
    // The first word's label is known.
    let is_lead = |cs: &[Concept]| cs.iter().any(|c| matches!(c, Concept::Next | Concept::Keynote));
    if lead.is_some_and(|(cs, _)| is_lead(cs)) {
        return true;
    }
    // Words 2 to LEAD_AT.
    spaces.windows(2).take(LEAD_AT - 1).any(|p| {
        let w = first[p[0] + 1..p[1]].trim_end_matches([',', ':']);
        (2..=14).contains(&w.len()) && labels.may_lead(w.as_bytes()) && is_lead(labels.lookup(w))
    })
}

/// The talk the first sentence of `text` tells, if any. `first` is the paragraph's first
/// line as plain text.
pub(super) fn told(first: &str, lead: Lead<'_, '_>, text: &str, labels: &Labels, wrapped: bool) -> Option<Told> {
    if !has_lead(first, lead, labels) {
        return None;
    }
    let whole = first_sentence(text);
    let said = utterance(whole, wrapped);
    let sentence = without_fillers(&strip_inline(said).replace('\n', " "));
    let s = sentence.as_str();
    let ws = words(s);
    copular(s, &ws, labels).or_else(|| subject(s, &ws, labels)).or_else(|| {
        // The title in the next thing said (`it was kevin oyelaran and jess liu doing it
        // together` / `the title was something like …`).
        let next = text.get(said.len() + 1..)?.lines().next()?;
        title_clause(next, labels)?;
        let joined = without_fillers(&format!("{s} and {}", strip_inline(next)));
        copular(&joined, &words(&joined), labels)
    })
}

/// Words a speaker fills a pause with (`so next up was um …`): no part of a title or a
/// name.
const FILLERS: &[&str] = &["um", "umm", "uh", "uhm", "erm", "ähm", "äh", "euh", "ehm", "eh"];

/// `s` without [`FILLERS`].
fn without_fillers(s: &str) -> String {
    if !s.split_whitespace().any(|w| is_in(FILLERS, w)) {
        return s.to_string();
    }
    s.split_whitespace().filter(|w| !is_in(FILLERS, w)).collect::<Vec<_>>().join(" ")
}

/// `sentence` up to its first line's end, unless the note is hard-wrapped: a transcript
/// or a dictated memo puts each thing said on a line of its own, with no stop (`so next
/// up was priya … talking about scaling the django admin` / `which was actually …`).
/// A quote open at the line's end goes on past it.
fn utterance(sentence: &str, wrapped: bool) -> &str {
    match sentence.find('\n') {
        Some(nl) if !wrapped && !open_quote(&sentence[..nl]) => &sentence[..nl],
        _ => sentence,
    }
}

/// Whether `s` opens a quote it does not close.
fn open_quote(s: &str) -> bool {
    let straight = s.matches('"').count() % 2 == 1;
    // (`„…“` in German: its `“` closes.)
    let (open, close) = if s.contains('„') { (['„', '«'], ['“', '»']) } else { (['“', '«'], ['”', '»']) };
    straight || s.matches(open).count() > s.matches(close).count()
}

/// The widest a hard-wrapped line is (wraps are at 72 or 80 columns, perhaps 100).
const WRAP_WIDEST: usize = 100;

/// Whether the prose of `text` (a note) is wrapped at a width: no line is wider than
/// [`WRAP_WIDEST`], and a line of prose of half the width or more followed by another
/// is full, the next line's first word would not have fitted on it (one in five may be
/// short, as a hand wraps).
pub(super) fn hard_wrapped(text: &str) -> bool {
    let prose = |l: &str| l.starts_with(char::is_alphabetic);
    let mut widest = 0;
    let (mut lines, mut short) = (0usize, 0usize);
    let mut prev: Option<usize> = None;
    for l in text.lines().map(str::trim_end) {
        let n = l.chars().count();
        widest = widest.max(n);
        if widest > WRAP_WIDEST {
            return false;
        }
        // (A short line is a header's or a list's, and tells nothing of a wrap.)
        if let (Some(p), true) = (prev.filter(|&p| p * 2 >= widest), prose(l)) {
            lines += 1;
            // (Against the widest so far: a wrap's width is reached early.)
            let next = l.split_whitespace().next().map_or(0, |w| w.chars().count());
            if p + 1 + next <= widest {
                short += 1;
            }
        }
        prev = prose(l).then_some(n);
    }
    short * 5 <= lines
}

/// `LEAD (talk|one|up) was …`: a copula within the first words, after a word of
/// sequence and a word for a talk.
fn copular(s: &str, ws: &[(usize, &str)], labels: &Labels) -> Option<Told> {
    // (Not a copula inside a quoted title: `keynote: "The Web Platform Is Having a Moment"`.)
    let k = ws.iter().take(LEAD_WORDS + 1).position(|w| is_in(COPULAS, w.1) && !in_quotes(&s[..w.0]))?;
    let lead = &ws[..k];
    let concepts = |w: &str| labels.lookup(w.trim_end_matches([',', ':']));
    let keynote = lead.iter().any(|w| concepts(w.1).contains(&Concept::Keynote));
    let next = lead.iter().any(|w| concepts(w.1).contains(&Concept::Next));
    let talkish = keynote
        || lead.iter().any(|w| {
            concepts(w.1)
                .iter()
                .any(|c| matches!(c, Concept::Talk | Concept::Lightning | Concept::Panel | Concept::Workshop))
                || is_in(&["one", "up", "speaker"], w.1)
        })
        // `after the break it was NAME and the talk was …`.
        || lead.last().is_some_and(|w| is_in(&["it"], w.1))
        || lead.last().is_some_and(|w| concepts(w.1).contains(&Concept::Next));
    if !(next || keynote) || !talkish {
        return None;
    }
    let mut from = k + 1;
    if ws.get(from).is_some_and(|w| is_in(AUX, w.1)) {
        from += 1;
    }
    let p = &s[ws.get(from)?.0..];
    let (title, people) = what_it_was(p, labels)?;
    Some(Told { title, people, keynote })
}

/// Whether a quote is open at the end of `before`.
fn in_quotes(before: &str) -> bool {
    let n = |c: char| before.matches(c).count();
    n('"') % 2 == 1 || n('“') > n('”') || n('«') > n('»') || n('„') > n('“') + n('”')
}

/// What a talk was, after its copula: `[called] TITLE by NAMES`, `by NAMES called
/// TITLE`, `NAMES with "TITLE"`, `NAME's talk on TITLE`.
fn what_it_was(p: &str, labels: &Labels) -> Option<(String, Vec<String>)> {
    let p = skip_naming(p);
    if let Some(r) = by_clause(p) {
        let (people, end, _) = names_at(r, labels)?;
        // A word leads to the title (`by NAME called …`, `by NAME on …`): what else
        // follows the names is about them (`given by Sofia Marino, who ported …`).
        let rest = &r[end..];
        let t = to_title(rest);
        let led = t.len() < rest.trim_start_matches([',', ':', '—', '–', '-']).trim_start().len();
        return Some((if led { title_at(t)? } else { quoted(t)? }, people));
    }
    if let Some(found) = title_by(p, labels) {
        return Some(found);
    }
    speaker_then_title(p, labels, false)
}

/// `Léa Fontaine nous parle de skrub`, `Ana Ruiz talks about caching`: a heading
/// naming the speaker, a verb of presenting, and the title.
pub(super) fn name_presents(s: &str, labels: &Labels) -> Option<(String, Vec<(String, Role)>)> {
    let (title, people) = speaker_then_title(s, labels, true)?;
    Some((title, people.into_iter().map(|n| (n, Role::Speaker)).collect()))
}

/// `NAMES [, apposition,] (with|on|: ) TITLE`, `NAME's talk on TITLE`; with `verb`, a
/// verb of presenting must come after the names (`Ana Souza talked about …`), unless
/// the title is quoted.
fn speaker_then_title(p: &str, labels: &Labels, verb: bool) -> Option<(String, Vec<String>)> {
    let (people, end, possessive) = names_at(p, labels)?;
    let mut rest = p[end..].trim_start();
    if possessive {
        let (w, r) = rest.split_once(' ')?;
        let talkish = labels.lookup(w.trim_end_matches([',', ':'])).iter().any(|c| c.is_talk_kind());
        // `Siobhán's "Title" was …`: the title right after the name.
        if !talkish {
            return quoted(rest).map(|t| (t, people));
        }
        return Some((title_at(to_title(r))?, people));
    }
    // The title in a clause of its own (`NAME and it was called TITLE`, `NAME doing it
    // together and the title was …`).
    let clause = std::iter::once(rest.trim_start_matches(',').trim_start())
        .chain(words(rest).into_iter().take(8).filter(|w| is_in(CLAUSE, w.1)).map(|w| &rest[w.0..]))
        .find_map(|r| title_clause(r, labels));
    if let Some(t) = clause {
        return Some((title_at(t)?, people));
    }
    // An apposition (`A and B, both from a fintech in Amsterdam, with "…"`).
    // `NAME, "TITLE"`, as a chat announces a talk: the quoted title after the comma.
    if let Some(r) = rest.strip_prefix(',') {
        let r = r.trim_start();
        rest = if r.starts_with(is_quote) {
            r
        } else {
            match r.find(',').filter(|&c| r[..c].split_whitespace().count() <= 8) {
                Some(close) => r[close + 1..].trim_start(),
                // `last one i went to was NAME, TITLE`: the rest of the sentence, when it
                // does not go on about the person (`, who works at …`).
                None if !verb && !r.split_whitespace().next().is_some_and(|w| is_in(ABOUT_THEM, w)) => {
                    return title_at(r).map(|t| (t, people));
                }
                None => return None,
            }
        };
    }
    let rest = rest.strip_prefix(':').map_or(rest, str::trim_start);
    // A verb of presenting of one or two words (`walked`, `took us`).
    let rw = words(rest);
    let said = (1..=2).rev().find_map(|n| {
        let w = rw.get(n - 1)?;
        let e = w.0 + w.1.len();
        labels.presents(&rest[..e]).then_some(e)
    });
    match said {
        // After the verb, a word leading to the title (`talked about …`, `walked us
        // through …`, `gave a talk on …`) or a quoted title: what else follows a verb
        // is what they did (`showed how they trace …`).
        Some(e) => {
            let after = skip_talk(&rest[e..], labels);
            let t = to_title(after);
            // (`talking about …`: the verb's own word leads.)
            let led = t.len() < after.trim_start().len()
                || rest[..e].ends_with(|c: char| c.is_alphabetic()) && {
                    let last = rest[..e].rsplit(' ').next().unwrap_or("");
                    is_in(TO_TITLE, last)
                };
            // (`Mei-Ling Tsao doing SQLite in Production`: a title in capitals.)
            let title = if led { title_at(t) } else { quoted(t).or_else(|| title_at(t).filter(|t| headline(t))) };
            Some((title?, people))
        }
        None if verb => {
            let r = to_title(rest);
            (r.len() < rest.len() || rest.starts_with(is_quote)).then(|| quoted(r))?.map(|t| (t, people))
        }
        None => {
            let r = to_title(rest);
            (r.len() < rest.len() || rest.starts_with(is_quote)).then(|| title_at(r))?.map(|t| (t, people))
        }
    }
}

/// Words that go on about a person after their name and a comma (`NAME, who works at
/// …`): no title follows.
const ABOUT_THEM: &[&str] = &[
    "who",
    "whose",
    "who's",
    "which",
    "she",
    "he",
    "they",
    "she's",
    "he's",
    "from",
    "of",
    "at",
    "also",
    "both",
    "now",
    "currently",
    "formerly",
    "our",
    "my",
    "a",
    "an",
    "der",
    "die",
    "qui",
    "que",
    "che",
    "die",
    "wie",
    "który",
    "która",
];

/// What follows a talk's names when it gives the title in a clause of its own: `and it
/// was called TITLE`, `and the talk was TITLE`, `, her talk was called TITLE`.
fn title_clause<'p>(rest: &'p str, labels: &Labels) -> Option<&'p str> {
    let ws = words(rest);
    let mut i = usize::from(ws.first().is_some_and(|w| is_in(CLAUSE, w.1)));
    let subject = ws.get(i)?;
    let talk_word = |w: &str| {
        let w = w.trim_end_matches(',');
        w.eq_ignore_ascii_case("title") || labels.lookup(w).iter().any(|c| c.is_talk_kind())
    };
    if is_in(&["it", "this"], subject.1) {
        i += 1;
    } else if subject.1.len() <= 5 && ws.get(i + 1).is_some_and(|w| talk_word(w.1)) {
        i += 2;
    } else {
        return None;
    }
    if !ws.get(i).is_some_and(|w| is_in(COPULAS, w.1)) {
        return None;
    }
    let w = ws.get(i + 1)?;
    Some(skip_naming(&rest[w.0..]))
}

/// `TITLE by NAMES`: the first word for `by` after two words or more that names follow.
fn title_by(p: &str, labels: &Labels) -> Option<(String, Vec<String>)> {
    let ws = words(p);
    for (i, w) in ws.iter().enumerate().take(TITLE_WORDS + 1).skip(2) {
        if !is_in(BY, w.1) || w.1.ends_with(',') {
            continue;
        }
        let Some(next) = ws.get(i + 1) else { break };
        if let Some((people, _, false)) = names_at(&p[next.0..], labels) {
            let t = p[..w.0].trim();
            let whole = t.ends_with(['"', '”', '»', '“', '’']);
            let title = quoted(t).filter(|_| whole).unwrap_or_else(|| clean_title(t));
            if title.split_whitespace().count() >= 2 {
                return Some((title, people));
            }
        }
    }
    None
}

/// `[LEAD[,]] NAMES VERB [us through] TITLE`: a written recap (`Then Ana Souza talked
/// about …`), the verb before the name in the languages that put it second (`Danach
/// sprach Anna Schmidt über …`).
fn subject(s: &str, ws: &[(usize, &str)], labels: &Labels) -> Option<Told> {
    let lead = ws.iter().take(4).position(|w| labels.is(w.1.trim_end_matches([',', ':']), Concept::Next))?;
    let m = (lead + 1..ws.len().min(lead + 6)).find(|&m| ws[m].1.starts_with(char::is_uppercase))?;
    // A lead-in before the name ends with it: no stop inside the name's sentence.
    if ws[lead..m].iter().any(|w| w.1.ends_with(['.', ';'])) {
        return None;
    }
    let verb_before = m > lead + 1 && labels.presents(ws[m - 1].1);
    let p = &s[ws[m].0..];
    let (title, people) = if verb_before {
        let (people, end, _) = names_at(p, labels)?;
        (title_at(to_title(&p[end..]))?, people)
    } else {
        speaker_then_title(p, labels, true)?
    };
    Some(Told { title, people, keynote: false })
}

/// `p` after `a talk`, `her keynote` (`gave a talk on …`).
fn skip_talk<'p>(p: &'p str, labels: &Labels) -> &'p str {
    let ws = words(p);
    let (Some(det), Some(talk)) = (ws.first(), ws.get(1)) else { return p };
    let talkish = labels.lookup(talk.1.trim_end_matches([',', ':'])).iter().any(|c| c.is_talk_kind());
    if talkish && det.1.len() <= 5 && det.1.chars().all(char::is_lowercase) {
        &p[talk.0 + talk.1.len()..]
    } else {
        p
    }
}

/// `p` after a word naming the title (`called`), if it starts with one.
/// (`something like`: the title as the speaker remembers it.)
fn skip_naming(p: &str) -> &str {
    let mut p = p.trim_start();
    for _ in 0..2 {
        p = match p.split_once(' ') {
            Some((w, r)) if is_in(NAMING, w) => r.trim_start(),
            Some(("something", r)) => r.trim_start().strip_prefix("like ").unwrap_or(r).trim_start(),
            _ => return p,
        };
    }
    p
}

/// `p` after the words leading to a title (`with`, `on`, `us through`, `called`) and
/// separators.
fn to_title(p: &str) -> &str {
    let mut p = p.trim_start().trim_start_matches([',', ':', '—', '–', '-']).trim_start();
    for _ in 0..3 {
        match p.split_once(' ') {
            Some((w, r)) if is_in(TO_TITLE, w) || is_in(NAMING, w) => p = r.trim_start(),
            _ => break,
        }
    }
    p.trim_start_matches([',', ':', '—', '–', '-']).trim_start()
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '«' | '„' | '‘')
}

/// The quoted title `p` starts with.
fn quoted(p: &str) -> Option<String> {
    let open = p.chars().next().filter(|&c| is_quote(c))?;
    let close: &[char] = match open {
        '“' => &['”'],
        '«' => &['»'],
        '„' => &['“', '”'],
        '‘' => &['’'],
        _ => &['"', '”'],
    };
    let inner = &p[open.len_utf8()..];
    let end = inner.find(close)?;
    let t = clean_title(inner[..end].trim_matches(|c: char| c.is_whitespace() || c == '»' || c == '«'));
    (!t.is_empty()).then_some(t)
}

/// The title `p` starts with: a quoted one (perhaps after a few words of topic and a
/// comma: `cancellation, "Cancel me gently"`), or the words up to a stop or a new clause.
fn title_at(p: &str) -> Option<String> {
    let p = p.trim_start();
    if let Some(t) = quoted(p) {
        return Some(t);
    }
    let ws = words(p);
    let mut end = None;
    for (i, &(at, w)) in ws.iter().enumerate().take(TITLE_WORDS + 1) {
        if i > 0 && is_in(CLAUSE, w) && ws.get(i + 1).is_some_and(|n| is_in(PRONOUNS, n.1)) {
            end = Some(at);
            break;
        }
        if w.starts_with('(') || matches!(w, "—" | "–" | "-") {
            end = Some(at);
            break;
        }
        // `cancellation, "Cancel me gently"`: a topic, then the title.
        if w.ends_with([',', ':']) && i < 6 {
            if let Some(t) = ws.get(i + 1).and_then(|n| quoted(&p[n.0..])) {
                return Some(t);
            }
        }
        if w.ends_with([',', ';', '.', '!', '?']) {
            end = Some(at + w.len());
            break;
        }
    }
    let end = match end {
        Some(e) => e,
        // Speech running on past any title's length, with no stop: no title to trust.
        None if ws.len() > TITLE_WORDS => return None,
        None => p.len(),
    };
    let title = clean_title(&p[..end]);
    let n = title.split_whitespace().count();
    (2..=TITLE_WORDS).contains(&n).then_some(title)
}

/// Whether a title is written as a headline: it opens on a capital, and two words of
/// four letters or more at least are capitalised, as many as all such words less one
/// (`SQLite in Production`; `Kubernetes a try` and `how they trace` are none).
pub(super) fn headline(t: &str) -> bool {
    let long = t.split_whitespace().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4);
    let (all, capital) = long.fold((0, 0), |(a, c), w| (a + 1, c + usize::from(w.starts_with(char::is_uppercase))));
    t.starts_with(char::is_uppercase) && capital >= 2 && capital + 1 >= all
}

/// The names `s` starts with (`Ana Souza`, `Rahul Venkataraman and Chiara dell'Acqua`,
/// `leilani kahale-moreau`): the people, where they end in `s`, and whether the last one
/// is a possessive (`Ana Souza's`). A name is two to six words, in any case, shaped
/// like a name and not made of ordinary words.
pub(super) fn names_at(s: &str, labels: &Labels) -> Option<(Vec<String>, usize, bool)> {
    let ws: Vec<(usize, &str)> = words(s).into_iter().take(20).collect();
    let mut people = Vec::new();
    let (mut i, mut end) = (0, 0);
    loop {
        let mut found = None;
        for k in (2..=6).rev() {
            if i + k > ws.len() {
                continue;
            }
            let run = &ws[i..i + k];
            let inner_stop = run[..k - 1]
                .iter()
                .any(|w| w.1.ends_with([',', ';', ':', '"', '”']) || w.1.len() > 2 && w.1.ends_with('.'));
            // (Nor an affiliation in brackets after the name: `ana ruiz (acme)`.)
            if inner_stop || run.iter().any(|w| is_in(AND, w.1) || w.1.starts_with('(')) {
                continue;
            }
            let last = run[k - 1];
            let raw = s[run[0].0..last.0 + last.1.len()].trim_end_matches([',', ';', ':', '.']);
            let (bare, possessive) = match raw.strip_suffix("'s").or_else(|| raw.strip_suffix("’s")) {
                Some(b) => (b, true),
                None => (raw, false),
            };
            if name_shaped(bare, labels) {
                found = Some((k, bare.to_string(), possessive, run[0].0 + bare.len()));
                break;
            }
        }
        let Some((k, name, possessive, e)) = found else { break };
        people.push(name);
        end = e + if possessive { s[e..].find(char::is_whitespace).unwrap_or(s.len() - e) } else { 0 };
        i += k;
        if possessive {
            return Some((people, end, true));
        }
        // Another name after `and` or a comma.
        let comma = ws[i - 1].1.ends_with(',');
        if ws.get(i).is_some_and(|w| is_in(AND, w.1)) {
            i += 1;
        } else if !comma {
            break;
        }
    }
    (!people.is_empty()).then_some((people, end, false))
}

/// Whether `s` is shaped like a person's name: capitalised and not only ordinary words,
/// or in lower case and mostly unusual words (`maya okonjo-reyes`).
pub(super) fn name_shaped(s: &str, labels: &Labels) -> bool {
    if names::is_name(s, false) {
        return !s.split_whitespace().all(|w| names::ordinary(w) || names::frequent(w));
    }
    // In lower case, every word but a particle is unusual: `maya okonjo-reyes she works`
    // ends before `she`.
    let unusual = |w: &str| names::is_particle(w) || !(names::ordinary(w) || names::frequent(w));
    names::people_as(s, labels, names::Case::Unusual).is_some_and(|p| p.len() == 1)
        && s.split_whitespace().all(|w| w.starts_with(char::is_uppercase) || unusual(w))
}

impl<'d, 'a, 'b> Run<'d, 'a, 'b> {
    /// A paragraph whose first sentence tells a talk ([`told`]): the talk starts at the
    /// paragraph, which is its first notes.
    pub(super) fn told_paragraph(
        &self,
        bi: usize,
        line: u32,
        text: &str,
        first: &str,
        lead: Lead<'_, '_>,
    ) -> Option<Candidate> {
        // A paragraph right under a talk's heading tells about that talk (`## Keynote:
        // Python on the edge` / `The closing keynote was given by …`), unless the
        // heading is only a date.
        if let Some(c) = self.cands.last() {
            if self.right_under(c.block, bi)
                && matches!(c.source, Source::Heading(_))
                && !date_heading(&c.title, self.labels())
            {
                return None;
            }
        }
        let wrapped = *self.wrapped.get_or_init(|| hard_wrapped(&self.note.text));
        let t = told(first, lead, text, self.labels(), wrapped)?;
        let mut c = self.new_candidate(bi, line, Source::LeadIn, t.title);
        if t.keynote {
            c.kind = SectionKind::Keynote;
        }
        push_ev(&mut c, TOLD, 2);
        push_ev(&mut c, "a person named in it", 2);
        c.speakers = t.people.into_iter().map(|n| (Named { name: n, line }, Role::Speaker)).collect();
        c.body_line = line;
        Some(c)
    }
}

/// Whether `plain` heads a turn of a conversation: at most three words, the last a
/// verb of saying, then a colon (`You said:`, `ChatGPT said:`, `Você disse:`).
pub(super) fn said(plain: &str) -> bool {
    let Some(who) = plain.trim_end().strip_suffix(':') else { return false };
    let words: Vec<&str> = who.split_whitespace().collect();
    words.len() <= 3
        && words.last().is_some_and(|w| {
            [
                "said",
                "disse",
                "dijo",
                "dicho",
                "dit",
                "gesagt",
                "sagte",
                "detto",
                "zei",
                "gezegd",
                "napisał",
                "powiedział",
            ]
            .contains(&w.to_lowercase().as_str())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_headline_after_a_verb_is_a_title() {
        let l = Labels::default();
        let (t, p) = name_presents("Mei-Ling Tsao doing SQLite in Production. room is packed", &l).unwrap();
        assert_eq!((t.as_str(), p[0].0.as_str()), ("SQLite in Production", "Mei-Ling Tsao"));
        assert!(name_presents("Mei-Ling Tsao showed how they trace requests", &l).is_none());
        assert!(headline("SQLite in Production") && !headline("Kubernetes a try") && !headline("how they trace"));
        assert!(in_quotes("keynote: \"The Web Platform") && !in_quotes("keynote: \"A\" and"));
        assert!(in_quotes("« Le web") && !in_quotes("« Le web » puis"));
    }
}
