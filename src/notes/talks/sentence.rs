//! A talk's speaker named only in the first sentence of its notes, when no line of its
//! own names them: `Giulia Bianchi from Datapizza gave a tour of …`, `In this talk,
//! Marco Esposito explained …`, `Luca Ferraro's talk was about …`, `The closing keynote
//! was given by Sofia Marino, who …`.

use super::*;

/// The most bytes of a paragraph read for its first sentence.
const MOST: usize = 320;

/// The people the first sentence of `text` (a paragraph right under a talk's heading)
/// names as the talk's speakers: a name as its subject (at its start, or after a short
/// lead-in ending with a comma) followed by a verb of presenting from the labels table
/// (`gave`, `zeigte`, `a présenté`) or by `'s talk`; or a name after such a verb's `by`
/// (`given by`, `gehalten von`). Names anywhere else in prose (`he quoted Guido van
/// Rossum`, `built by Alessandro Conti`) are no speakers.
pub(super) fn sentence_speakers(text: &str, labels: &Labels) -> Option<Vec<(String, Role)>> {
    // A title set apart by quotes or emphasis opens a title line (`"Title", presented by
    // Name`), which is a talk of its own, not a sentence about the talk above it.
    if text.starts_with(['"', '“', '„', '«', '*', '_', '\'', '‘']) {
        return None;
    }
    let sentence = first_sentence(text);
    // `Chaired by Bas Hoekstra. The speaker, kai o'brien-sato, maintains …`: a first
    // sentence that is a field naming people, and a speaker named in apposition.
    let field = match labels.leading(sentence) {
        Some((cs, _)) if cs.contains(&Concept::Speaker) || cs.contains(&Concept::Moderator) => {
            names::people_as(sentence, labels, names::Case::Any)
        }
        _ => None,
    };
    if let Some(mut people) = apposed(text, labels) {
        for p in field.into_iter().flatten() {
            if !people.iter().any(|(n, _)| *n == p.0) {
                people.push(p);
            }
        }
        return Some(people);
    }
    if field.is_some() {
        return field;
    }
    // Each shape is tried only where its cheapest sign is (a paragraph's first words
    // both capitalised, a comma early on, a word of agency): most paragraphs under a
    // heading are notes that open otherwise (this keeps the reader at 5 M instructions
    // for the 1,532 paragraphs of the 10 MB corpus it is called on).
    let capital = |w: Option<&str>| w.is_some_and(|w| w.starts_with(char::is_uppercase));
    let mut ws = sentence.split_whitespace();
    if capital(ws.next()) && capital(ws.next()) {
        if let Some(p) = subject(sentence, labels) {
            return Some(p);
        }
    }
    if let Some((lead, rest)) = sentence.split_once(", ") {
        if lead.len() <= 60 && lead.split_whitespace().count() <= 6 && capital(Some(rest)) {
            if let Some(p) = subject(rest, labels) {
                return Some(p);
            }
        }
    }
    agent(sentence, labels).or_else(|| verb_first(sentence, labels)).or_else(|| {
        // The speaker as the subject of a second sentence after a short first one (`Para
        // mí la más técnica del día. Iker Domínguez explicó cómo …`).
        let next = text.get(sentence.len() + 1..)?.trim_start();
        (sentence.split_whitespace().count() <= 8 && next.starts_with(char::is_uppercase))
            .then(|| subject(first_sentence(next), labels))
            .flatten()
    })
}

impl Run<'_, '_, '_> {
    /// Whether the item at `bi`, its first line `first`, is the first of a talk's notes
    /// under its heading and names the talk's speaker in its first sentence, as a
    /// summary's bullets do (`• Ravi Chandrasekhar presented "…"`, `• Hannah Ludtke, a
    /// NumPy maintainer, explained …`): the speaker is the heading's.
    pub(super) fn speaker_in_first_item(&mut self, bi: usize, first: &str) -> bool {
        let Some(c) = self.cands.last() else { return false };
        if !matches!(c.source, Source::Heading(_)) || !c.speakers.is_empty() || !self.right_under(c.block, bi) {
            return false;
        }
        let Some(people) = sentence::sentence_speakers(first, self.labels()) else { return false };
        let c = self.cands.last_mut().expect("checked");
        let line = self.blocks[bi].line;
        c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line }, r)).collect();
        push_ev(c, "a speaker in its first sentence", 2);
        true
    }
}

/// Subjects that name nobody: indefinite pronouns of the eight languages.
const NOBODY: &[&str] =
    &["someone", "somebody", "jemand", "quelqu'un", "alguien", "qualcuno", "alguém", "iemand", "ktoś"];

/// Verbs of making, which report a lightning talk as well as those of presenting.
const MADE: &[&str] = &["wrote", "built", "made", "hat", "a", "ha", "heeft", "fez", "hizo"];

/// Whether `first` (a list item's plain text) reports what someone the note does not
/// name showed, instead of giving a talk's title: `Speaker 9 demoed a marimo notebook
/// …` (a meeting recorder numbers the voices it cannot name), `someone wrote a Tetris in
/// Textual`. A lightning list written so gives no talk of its own.
pub(super) fn reported(first: &str, labels: &Labels) -> bool {
    if first.contains(['"', '“', '«', '„']) {
        return false;
    }
    let ws: Vec<&str> = first.split_whitespace().take(4).collect();
    let subject = if ws.first().is_some_and(|w| NOBODY.contains(&w.to_lowercase().as_str())) {
        1
    } else if ws.len() >= 2 && labels.is(ws[0], Concept::Speaker) && ws[1].bytes().all(|b| b.is_ascii_digit()) {
        2
    } else {
        return false;
    };
    ws.get(subject).is_some_and(|v| labels.presents(v) || MADE.contains(v))
}

/// The words that join two people in the eight languages and the Nordic ones.
const JOINS: &[&str] = &["and", "&", "e", "y", "und", "et", "en", "i", "och", "og"];

/// Pronouns that may stand between a speaker's name and the verb of presenting.
const CLITICS: &[&str] = &["nos", "ci", "uns", "nous", "nam", "ons"];

/// A name right after a verb of presenting or a talk's label that opens the sentence,
/// the object first (`La dio Nerea Urrutia, que …`, `Charla de Joaquín Ibarra Sáenz de
/// Tejada, del equipo …`, `Vortrag von Anna Schmidt`).
fn verb_first(s: &str, labels: &Labels) -> Option<Vec<(String, Role)>> {
    let ws = words(s);
    for j in 0..ws.len().min(3) {
        let w = ws[j].1.trim_end_matches(',');
        let talk = || labels.lookup(w).iter().any(|c| matches!(c, Concept::Talk | Concept::Keynote | Concept::Panel));
        if !(labels.presents(w) || talk()) {
            continue;
        }
        let mut from = j + 1;
        // (The verb after the talk's word, the subject after it: `Den Vortrag hielt
        // Ömer Yılmaz`.)
        if talk() && ws.get(from).is_some_and(|n| labels.presents(n.1)) {
            from += 1;
        }
        if ws.get(from).is_some_and(|n| names::AUTHORED.contains(&n.1)) {
            from += 1;
        }
        let start = ws.get(from)?.0;
        for k in (2..=5).rev() {
            let Some(&(st, last)) = ws.get(from + k - 1) else { continue };
            if ws[from..from + k - 1].iter().any(|w| w.1.ends_with([',', '.', ';', ':'])) {
                continue;
            }
            let name = s[start..st + last.len()].trim_end_matches([',', ';', ':', '.']);
            if let Some(p) = one_person(name, labels) {
                return Some(and_partner(p, &s[start + name.len()..], labels));
            }
        }
        return None;
    }
    None
}

/// Words that join a word for the speaker to their name (`the speaker was Ana Ruiz`).
pub(super) const COPULAS: &[&str] = &[
    "was", "is", "war", "ist", "était", "est", "fut", "era", "fue", "es", "è", "foi", "é", "were", "are", "waren",
    "był", "była", "było", "jest",
];

/// A speaker named in apposition to a word for the speaker in the first [`MOST`] bytes
/// of `text` (`The speaker, kai o'brien-sato, maintains …`, `but the speaker was Hélène
/// de la Roche-Vidal, who runs …`): the name up to the next comma, or the end of the
/// sentence, written in any case unless made of ordinary words.
fn apposed(text: &str, labels: &Labels) -> Option<Vec<(String, Role)>> {
    let mut end = text.len().min(MOST);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let t = &text[..end];
    let ws = words(t);
    for (k, &(_, w)) in ws.iter().enumerate() {
        // Only a word ending with a comma, or followed by a copula, is looked up.
        let (label, from) = match w.strip_suffix(',') {
            Some(l) => (l, k + 1),
            None if ws.get(k + 1).is_some_and(|n| COPULAS.contains(&n.1)) => (w, k + 2),
            None => continue,
        };
        if label.len() < 3 || label.eq_ignore_ascii_case("who") || !labels.is(label, Concept::Speaker) {
            continue;
        }
        let start = ws.get(from)?.0;
        let stop = ws[from..].iter().take(6).position(|w| w.1.ends_with([',', '.', ';']))?;
        let (last_start, last) = ws[from + stop];
        let name = t[start..last_start + last.len()].trim_end_matches([',', '.', ';']);
        if let Some(p) = names::people_as(&name.replace('\n', " "), labels, names::Case::Unusual) {
            return Some(p);
        }
    }
    None
}

/// The paragraph's first sentence: up to the first `.`, `!` or `?` that ends a word of
/// two letters or more and is followed by a space or the end, at most [`MOST`] bytes.
pub(super) fn first_sentence(text: &str) -> &str {
    let mut end = text.len().min(MOST);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let t = &text[..end];
    let b = t.as_bytes();
    for i in memchr::memchr3_iter(b'.', b'!', b'?', b) {
        if i >= 2
            && b.get(i + 1).is_none_or(|n| n.is_ascii_whitespace())
            // (`del día.`: letters of any script.)
            && t[..i].chars().rev().take(2).all(char::is_alphabetic)
        {
            return &t[..i];
        }
    }
    t
}

/// The first clause of `s`: its [`first_sentence`], up to a dash set apart by blanks
/// (`Ana Ruiz — contracts as Protobuf schemas`).
pub(super) fn name_clause(s: &str) -> &str {
    let s = first_sentence(s);
    [" — ", " – ", " - "].iter().filter_map(|d| search::find(s, d)).min().map_or(s, |i| s[..i].trim_end())
}

/// The words of `s` with their byte offsets.
pub(super) fn words(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(st)) => {
                out.push((st, &s[st..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    out
}

/// Words that introduce an affiliation after a name (`Ana Ruiz from Acme`, `Jan de
/// Vries van Booking`).
const AFFILIATION: &[&str] =
    &["from", "of", "at", "von", "aus", "bei", "de", "di", "da", "do", "van", "z", "ze", "från", "fra", "hos", "på"];

/// A name of two to four words at the start of `s`, then an optional affiliation, then
/// a verb of presenting or `'s talk`.
fn subject(s: &str, labels: &Labels) -> Option<Vec<(String, Role)>> {
    let ws = words(s);
    if !ws.first()?.1.starts_with(char::is_uppercase) {
        return None;
    }
    // Two people, then the verb (`Matteo Bianchi e Chiara Ferri hanno raccontato …`).
    // (The joining word within the first five words: a name is at most four.)
    if let Some(&(at, _)) = ws.iter().take(5).skip(1).find(|w| JOINS.contains(&w.1)) {
        if let Some(mut a) = one_person(s[..at].trim_end(), labels) {
            let rest = s[at..].split_once(' ').map_or("", |(_, r)| r);
            if let Some(b) = subject(rest, labels) {
                a.extend(b);
                return Some(a);
            }
        }
    }
    for k in (2..=4.min(ws.len())).rev() {
        let (last_start, last) = ws[k - 1];
        let name_end = last_start + last.len();
        let raw = &s[..name_end];
        // `Luca Ferraro's talk`
        if let Some(bare) = raw.strip_suffix("'s").or_else(|| raw.strip_suffix("’s")) {
            let next = ws.get(k).map_or("", |w| w.1);
            let talkish = labels.lookup(next.trim_end_matches([',', '.', ':'])).iter().any(|c| c.is_talk_kind());
            if talkish {
                if let Some(p) = one_person(bare, labels) {
                    return Some(p);
                }
            }
            continue;
        }
        let name = raw.trim_end_matches(',');
        let Some(p) = one_person(name, labels) else { continue };
        let mut i = k;
        if raw.ends_with(',') {
            // `Chiara Romano, a core developer of Trio, walked us …`: up to the next comma
            // (`Ana Ruiz, head of data platform at a UK building society, gave …`).
            let close = ws[k..].iter().take(12).position(|w| w.1.ends_with(','))?;
            i = k + close + 1;
        } else if ws.get(i).is_some_and(|w| w.1.starts_with('(')) {
            let close = ws[i..].iter().take(8).position(|w| w.1.ends_with(')') || w.1.ends_with("),"))?;
            i += close + 1;
        } else if ws.get(i).is_some_and(|w| AFFILIATION.contains(&w.1)) {
            i += 1;
            // `Tomasz Wisniewski from a London fintech revisited …`: a place described,
            // not named, up to the verb.
            if ws.get(i).is_some_and(|w| lines::ARTICLES.contains(&w.1)) {
                let verb = (i + 1..(i + 7).min(ws.len()))
                    .any(|j| !ws[j - 1].1.ends_with([',', '.', ';']) && labels.presents(ws[j].1.trim_end_matches(',')));
                return verb.then_some(p);
            }
            let org = ws[i..]
                .iter()
                .take(5)
                .take_while(|w| w.1.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
                .count();
            if org == 0 {
                return None;
            }
            i += org;
        }
        let verb = |i: usize, n: usize| -> bool {
            let Some(from) = ws.get(i).map(|w| w.0) else { return false };
            let Some(to) = ws.get(i + n - 1).map(|w| w.0 + w.1.len()) else { return false };
            labels.presents(&s[from..to])
        };
        // A pronoun before the verb (`nos habló de`, `ci ha parlato`, `uns zeigte`).
        let clitic = ws.get(i).is_some_and(|w| CLITICS.contains(&w.1.to_lowercase().as_str()));
        if verb(i, 1) || verb(i, 2) || clitic && (verb(i + 1, 1) || verb(i + 1, 2)) {
            return Some(p);
        }
        return None;
    }
    None
}

/// A name after a verb of presenting and its `by` (`was given by Sofia Marino, who …`,
/// `gehalten von Anna Schmidt`).
fn agent(s: &str, labels: &Labels) -> Option<Vec<(String, Role)>> {
    // The words are cut at ASCII spaces and line ends, with memchr: reading the
    // sentence's characters one by one for Unicode spaces was 10 M of this reader's 13 M
    // instructions on the 10 MB corpus.
    let b = s.as_bytes();
    let (mut prev, mut start) = (0..0, 0);
    while start < b.len() {
        let end = memchr::memchr2(b' ', b'\n', &b[start..]).map_or(b.len(), |e| start + e);
        if end > start {
            let w = &b[start..end];
            if matches!(w, b"by" | b"von" | b"par" | b"por" | b"da" | b"door" | b"przez")
                && s.get(prev.clone()).is_some_and(|p| labels.presents(p))
            {
                let rest = &s[end..];
                let ws = words(rest);
                for k in (2..=4.min(ws.len())).rev() {
                    let (st, last) = ws[k - 1];
                    let name = rest[ws[0].0..st + last.len()].trim_end_matches([',', ';', ':']);
                    if let Some(p) = one_person(name, labels) {
                        return Some(and_partner(p, &rest[ws[0].0 + name.len()..], labels));
                    }
                }
                return None;
            }
            prev = start..end;
        }
        start = end + 1;
    }
    None
}

/// `people` (one person named after a verb of presenting) and the partner named right
/// after them (`Impartido por Marc Puigdomènech y Aitor Etxeberria (a medias …)`,
/// `presented by Ana Ruiz and Bo Li.`): a joining word, then two to four words that
/// are one capitalised name.
fn and_partner(mut people: Vec<(String, Role)>, after: &str, labels: &Labels) -> Vec<(String, Role)> {
    let mut ws = words(after);
    // (`gemeinsam mit B`, `together with B`, `insieme a B`.)
    if ws.first().is_some_and(|w| TOGETHER.contains(&w.1)) {
        ws.remove(0);
    }
    let joined = |w: &str| JOINS.contains(&w) || names::COMPANY.contains(&w) || w == "a";
    if ws.first().is_some_and(|w| joined(w.1)) {
        for k in (3..=5.min(ws.len())).rev() {
            if ws[1..k - 1].iter().any(|w| w.1.ends_with([',', '.', ';', ':'])) {
                continue;
            }
            let (st, last) = ws[k - 1];
            let name = after[ws[1].0..st + last.len()].trim_end_matches([',', ';', ':', '.']);
            if let Some(p) = one_person(name, labels) {
                people.extend(p);
                break;
            }
        }
    }
    people
}

/// Adverbs before a partner's word of company (`gemeinsam mit`, `together with`).
const TOGETHER: [&str; 9] =
    ["gemeinsam", "zusammen", "together", "junto", "junta", "insieme", "samen", "wraz", "razem"];

/// `s` when it is exactly one capitalised person's name.
fn one_person(s: &str, labels: &Labels) -> Option<Vec<(String, Role)>> {
    if s.contains('\n') {
        return one_person(&s.replace('\n', " "), labels);
    }
    let people = names::people_as(s, labels, names::Case::Capitalised)?;
    (people.len() == 1).then_some(people)
}

/// Words for here and now before a name (`Qui Federica Moretti, Title`).
const HERE: &[&str] = &[
    "here",
    "now",
    "qui",
    "ora",
    "adesso",
    "hier",
    "jetzt",
    "ici",
    "maintenant",
    "aquí",
    "aqui",
    "ahora",
    "agora",
    "nu",
    "tutaj",
    "teraz",
];

/// A chat's message that names the speaker, then after a comma the talk: a word for a
/// talk and one leading to its title (`Io sono da Chiara Esposito, talk su Angular
/// signals e zoneless`), or, after a word for here or now, the title itself (`Qui
/// Federica Moretti, RAG in pratica con LangChain e pgvector`). The title and the
/// speaker.
pub(super) fn name_comma_talk(first: &str, labels: &Labels) -> Option<(String, String)> {
    // (After a chat's time stamp, whose comma is not the one: `[29/10/24, 10:18:40] …`.)
    let line = match first.strip_prefix('[').and_then(|r| r.split_once("] ")) {
        Some((_, rest)) => rest,
        None => first,
    };
    let (head, tail) = search::split_once(line, ", ")?;
    comma_talk(head, tail, labels)
}

/// [`name_comma_talk`] with the line cut at one of its commas.
fn comma_talk(head: &str, tail: &str, labels: &Labels) -> Option<(String, String)> {
    // (After the sender of a chat's line: `Giulia Ferraro: Qui Federica Moretti, …`.)
    let head = search::rfind(head, ": ").map_or(head, |i| &head[i + 2..]);
    let is = |list: &[&str], w: &str| list.iter().any(|x| x.eq_ignore_ascii_case(w));
    // The shape first, by its words (the names are read only then: reading them at
    // every comma of every paragraph was 300 M instructions on the 10 MB corpus).
    let mut tw = tail.split_whitespace();
    let talk = match (tw.next(), tw.next()) {
        (Some(a), Some(b)) => {
            b.len() <= 7
                && a.len() <= 12
                && is(super::told::TO_TITLE, b)
                && labels.lookup(a).iter().any(|c| c.is_talk_kind())
        }
        _ => false,
    };
    let here = !talk && head.split_whitespace().next().is_some_and(|w| is(HERE, w));
    if !talk && !here {
        return None;
    }
    let hw = words(head);
    if hw.len() > 8 {
        return None;
    }
    let (name, start) = (2..=4).rev().filter(|&k| k <= hw.len()).find_map(|k| {
        let n = &head[hw[hw.len() - k].0..];
        let here = is(HERE, hw[hw.len() - k].1);
        (!here && super::told::name_shaped(n, labels)).then(|| (n.to_string(), hw.len() - k))
    })?;
    let from = if talk {
        let tw = words(tail);
        tw.get(2)?.0
    } else if start == 1 {
        0
    } else {
        return None;
    };
    let rest = &tail[from..];
    let end = rest.find(". ").or_else(|| rest.find(['!', '?', '(', ':'])).unwrap_or(rest.len());
    let title = clean_title(&rest[..end]);
    (2..=14).contains(&title.split_whitespace().count()).then_some((title, name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speakers(text: &str) -> Vec<String> {
        sentence_speakers(text, &Labels::default()).unwrap_or_default().into_iter().map(|(n, _)| n).collect()
    }

    #[test]
    fn a_name_as_the_subject_of_a_verb_of_presenting() {
        assert_eq!(speakers("Giulia Bianchi from Datapizza gave a tour of how her team\nmoved."), ["Giulia Bianchi"]);
        assert_eq!(speakers("In this talk, Marco Esposito explained how they added hints."), ["Marco Esposito"]);
        assert_eq!(speakers("Francesca Gallo (Bending Spoons) showed how they trace DAGs."), ["Francesca Gallo"]);
        assert_eq!(speakers("Chiara Romano, a core developer of Trio, walked us through it."), ["Chiara Romano"]);
        assert_eq!(speakers("Luca Ferraro's talk was about packaging."), ["Luca Ferraro"]);
        assert_eq!(speakers("The closing keynote was given by Sofia Marino, who ported it."), ["Sofia Marino"]);
        assert_eq!(speakers("Anna Schmidt zeigte, wie man Typen prüft."), ["Anna Schmidt"]);
        assert_eq!(speakers("La keynote a été présentée par Claire Dubois."), ["Claire Dubois"]);
        // Two people joined after the verb, the second with words of aside after it.
        assert_eq!(
            speakers("Impartido por Marc Puigdomènech y Aitor Etxeberria (a medias, se notaba)."),
            ["Marc Puigdomènech", "Aitor Etxeberria"]
        );
        assert_eq!(speakers("Presented by Ana Ruiz and Bo Li."), ["Ana Ruiz", "Bo Li"]);
        assert_eq!(speakers("Presented by Ana Ruiz and some slides."), ["Ana Ruiz"]);
        assert_eq!(
            speakers("Gehalten von Jana Nováková gemeinsam mit Tobias Grünewald (beide aus Leipzig)."),
            ["Jana Nováková", "Tobias Grünewald"]
        );
        // The object first, as German puts it: the subject after the verb.
        assert_eq!(speakers("Den Vortrag hielt Ömer Yılmaz von DB Systel, und er war gut."), ["Ömer Yılmaz"]);
        assert_eq!(speakers("Dann ein Vortrag zu Geodaten mit vielen Karten."), Vec::<String>::new());
    }

    #[test]
    fn a_speaker_in_apposition_and_a_field_as_first_sentence() {
        assert_eq!(
            speakers("Chaired by Bas Hoekstra. The speaker, kai o'brien-sato, maintains a fork."),
            ["kai o'brien-sato", "Bas Hoekstra"]
        );
        assert_eq!(
            speakers("Nobody introduced her, but the speaker was\nHélène de la Roche-Vidal, who runs a team."),
            ["Hélène de la Roche-Vidal"]
        );
        assert_eq!(speakers("Moderated by Ana Ruiz."), ["Ana Ruiz"]);
        // Ordinary words after the word for the speaker are no name.
        for text in ["The speaker, as always, was late.", "Our speaker was very good, they said."] {
            assert_eq!(speakers(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn names_elsewhere_in_prose_are_no_speakers() {
        // Not the subject, or a verb that is not one of presenting.
        for text in [
            "He quoted Guido van Rossum on gradual typing.",
            "The dashboards were built by Alessandro Conti from the platform team.",
            "Guido van Rossum once said that readability counts.",
            "Notes: Ana Ruiz gave a tour.",
            "first up, the room was full.",
            "Pasta. Then more pasta.",
            "\"Profiling Rust services\", presented by Natalia Ortega-Lindqvist",
        ] {
            assert_eq!(speakers(text), Vec::<String>::new(), "{text}");
        }
        // A long first sentence ends before the name.
        assert_eq!(
            speakers("It was long and the room was far too warm for anyone. Ana Ruiz gave a tour."),
            Vec::<String>::new()
        );
        // After a short remark, the subject of the second sentence gives the talk.
        assert_eq!(speakers("It was long. Ana Ruiz gave a tour."), ["Ana Ruiz"]);
        assert_eq!(speakers("Muy técnica. Iker Domínguez-Kowalski explicó cómo emula."), ["Iker Domínguez-Kowalski"]);
        // The object first: `La dio NAME`, `Charla de NAME`; a pronoun before the verb.
        assert_eq!(speakers("La dio Nerea Urrutia Goikoetxea, que es pentester."), ["Nerea Urrutia Goikoetxea"]);
        assert_eq!(speakers("Charla de Joaquín Ibarra, del equipo del INCIBE."), ["Joaquín Ibarra"]);
        assert_eq!(speakers("Por la tarde, Marta Ruiz-Caballero nos habló de passkeys."), ["Marta Ruiz-Caballero"]);
    }
}
