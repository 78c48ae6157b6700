//! Slots: a heading or a line that says only when and where a talk is
//! (`### 10h30 · Salle Maillot`, `Session 1 | 10:30-11:30 | Room K1`), whose talk is the
//! title written under it (`*Java 25 en production*` / `**Hélène Dubois**`, or a plain
//! title line over a speaker line). The slot gives the talk its line and its time; the
//! title and the speakers are the ones under it.

use super::*;

/// Whether `s` says only when and where: a time, a room (`Salle Maillot`, `Room K1`,
/// `Neuilly 252AB`, `Track A`), a session's number (`Session 1`), parts set apart by
/// bars, dots or dashes. A room's own name may be two capitalised words beside a room
/// word or a room's code; anything else (a lower-case word, a third unknown word) is a
/// title.
pub(super) fn slot_only(s: &str, labels: &Labels) -> bool {
    slot(s, labels).is_some()
}

/// [`slot_only`], and whether the slot holds a time. A remark in parentheses after it
/// (`Room K3 (Fatima went, my notes from her Slack)`) is the note-taker's.
pub(super) fn slot(s: &str, labels: &Labels) -> Option<bool> {
    read(s, labels).filter(|r| r.strict).map(|r| r.time)
}

/// What a line says as a slot.
#[derive(Debug, Clone, Copy)]
pub(super) struct Read {
    /// It holds a time.
    pub time: bool,
    /// It says only when and where ([`slot_only`]).
    pub strict: bool,
}

/// A line read as a slot: strictly ([`slot_only`]), or loosely, a time and up to three
/// capitalised words that may be a room's name (`09.00 Uhr, Quantum 1`), which is a
/// slot when a talk's title and speaker are written under it.
pub(super) fn read(s: &str, labels: &Labels) -> Option<Read> {
    let s = s.trim();
    let s = match s.strip_suffix(')').and_then(|h| h.rfind('(').map(|i| &h[..i])) {
        Some(h) if !h.trim().is_empty() => h,
        _ => s,
    };
    let (rest, time) = match strip_time(s.trim()) {
        Some((r, _)) => (r, true),
        None => (s.trim(), false),
    };
    // A slot has few words, none a lower-case word of the text (most lines are
    // titles or prose: they are told apart here, before any label is looked up).
    let mut count = 0;
    for w in rest.split(|c: char| !c.is_alphanumeric()).filter(|w| w.starts_with(char::is_alphabetic)) {
        count += 1;
        if count > 5
            || w.len() > 3
                && w.starts_with(char::is_lowercase)
                && !labels.lookup(w).iter().any(|c| matches!(c, Concept::Room | Concept::Time))
        {
            return None;
        }
    }
    // `Session 1 | 10:30-11:30 | Room K1`, `S1 . 09:00-09:25 . Room 301`: a time after
    // the session's number.
    let time = time
        || rest
            .split(|c: char| c.is_whitespace() || matches!(c, '|' | '·' | ','))
            .any(|p| strip_time(p).is_some_and(|(r, _)| r.is_empty()));
    let (mut room, mut code, mut other) = (false, false, 0);
    for w in rest.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        let digits = w.bytes().filter(u8::is_ascii_digit).count();
        // `10`, `30`, `10h30`.
        if digits > 0 && w.bytes().all(|b| b.is_ascii_digit() || b == b'h' || b == b'H') {
            continue;
        }
        // A room's code: `K1`, `252AB`, `B2` (not `GPT4`).
        let short = w.len() <= 3 || w.starts_with(|c: char| c.is_ascii_digit());
        if digits > 0 && short && w.len() <= 6 && w.chars().all(|c| c.is_ascii_alphanumeric()) {
            code = true;
            continue;
        }
        if w.chars().count() == 1 && w.chars().all(char::is_uppercase) {
            continue;
        }
        if w.len() > 24 {
            return None;
        }
        let cs = labels.whole(w);
        let known = |c: &Concept| {
            matches!(
                c,
                Concept::Time
                    | Concept::Day
                    | Concept::Weekday
                    | Concept::Month(_)
                    | Concept::Talk
                    | Concept::Keynote
                    | Concept::Panel
                    | Concept::Workshop
            )
        };
        if cs.contains(&Concept::Room) {
            room = true;
        } else if cs.iter().any(known) {
            // A time's, a day's or a session's word.
        } else if w.chars().next().is_some_and(char::is_uppercase) {
            other += 1;
        } else {
            return None;
        }
    }
    let strict = (time || room || code) && (other == 0 || room && other <= 2 || code && other <= 1);
    (strict || time && other <= 3).then_some(Read { time, strict })
}

/// A title before a slot on one line (`iter in the wild — Track A, 10:00`,
/// `Structured logging (Track A, 12:00)`): the title.
pub(super) fn without_slot_tail<'s>(title: &'s str, labels: &Labels) -> &'s str {
    let t = title.trim_end();
    if let Some(open) = t.strip_suffix(')').and_then(|h| h.rfind('(')) {
        let (head, inner) = (t[..open].trim_end(), &t[open + 1..t.len() - 1]);
        if !head.is_empty() && slot_only(inner, labels) && !slot_only(head, labels) {
            return head;
        }
    }
    for sep in [" — ", " – ", " - ", " | ", " · "] {
        if let Some((head, tail)) = t.rsplit_once(sep) {
            if !head.trim().is_empty() && slot_only(tail, labels) && !slot_only(head, labels) {
                return head.trim_end();
            }
        }
    }
    title
}

/// A title after a slot on one line (`Salle 242AB — *LangChain4j, du POC à la prod*`,
/// after the heading's time): the title.
pub(super) fn after_slot<'s>(rest: &'s str, labels: &Labels) -> Option<&'s str> {
    for sep in [" — ", " – ", " - ", " | ", " · "] {
        if let Some((head, title)) = rest.split_once(sep) {
            let title = title.trim();
            // (A loose slot too when it holds a time: `Janson, 10:30 — Title`.)
            let slot = read(head, labels).is_some_and(|r| r.strict || r.time);
            if !head.trim().is_empty() && !title.is_empty() && slot && !slot_only(title, labels) {
                return Some(title);
            }
        }
    }
    None
}

impl Run<'_, '_, '_> {
    /// A heading that says only when and where takes the talk found right under it: its
    /// title, its speakers and its evidence; the talk under it is no talk of its own.
    /// A slot heading over no such talk takes its title from a title line under it.
    pub(super) fn slots(&mut self) {
        let mut k = 0;
        while k < self.cands.len() {
            let h = &self.cands[k];
            let heading = matches!(h.source, Source::Heading(_));
            if !heading || !h.speakers.is_empty() || h.kind == SectionKind::Lightning {
                k += 1;
                continue;
            }
            // `### 16:15 closing panel` over `Panel on "BEAM in 2030" with A, B and C,
            // moderated by D.`: a heading naming only the kind of talk, its title and
            // people in the sentence under it.
            // (A keynote's heading whose label was taken off leaves words of kind only:
            // `Keynote di apertura`.)
            let rest_of_kind = h.kind == SectionKind::Keynote
                && h.title.split_whitespace().all(|w| {
                    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                    w.is_empty() || KIND_WORDS.iter().any(|o| w.eq_ignore_ascii_case(o))
                });
            if label_only(&h.title, &self.d.labels) || rest_of_kind {
                let found = self.blocks.get(h.block + 1).and_then(|b| match &b.kind {
                    BlockKind::Paragraph { text } => titled_sentence(text, &self.d.labels),
                    _ => None,
                });
                if let Some((title, people)) = found {
                    let line = self.blocks[h.block + 1].line;
                    let h = &mut self.cands[k];
                    h.title = title;
                    if !people.is_empty() && h.speakers.is_empty() {
                        h.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line }, r)).collect();
                        push_ev(h, "a person named in it", 2);
                    }
                }
                k += 1;
                continue;
            }
            let timed = h.evidence.iter().any(|(f, _)| *f == "a time");
            // The heading read once as a slot: strictly, or loosely (`## 10:30 Quantum 1`
            // is a slot when a talk with its speaker is under it).
            let slot = read(&h.title, &self.d.labels);
            let strict = slot_only_heading(h, slot, &self.d.labels, timed);
            let loose = timed && slot.is_some();
            if !(strict || loose) {
                k += 1;
                continue;
            }
            let under = self.cands.get(k + 1).filter(|c| {
                c.block == h.block + 1
                    && !matches!(c.source, Source::Heading(_))
                    && !c.title.is_empty()
                    && (strict || !c.speakers.is_empty())
            });
            if let Some(c) = under.cloned() {
                let h = &mut self.cands[k];
                h.title = c.title;
                h.kind = c.kind;
                h.speakers = c.speakers;
                h.body_line = c.body_line;
                for (f, w) in c.evidence {
                    if !h.evidence.iter().any(|(g, _)| *g == f) {
                        h.evidence.push((f, w));
                    }
                }
                push_ev(h, "a slot over its title", 1);
                self.cands.remove(k + 1);
            } else if let Some((title, people)) = self
                .blocks
                .get(self.cands[k].block + 1)
                .and_then(|b| match &b.kind {
                    BlockKind::Paragraph { text } => self.under_slot(text, b.line, self.cands[k].block + 1),
                    _ => None,
                })
                .filter(|(_, p)| strict || !p.is_empty())
            {
                let h = &mut self.cands[k];
                h.title = title;
                if !people.is_empty() {
                    h.speakers = people;
                    push_ev(h, "a name line under it", 2);
                }
                push_ev(h, "a slot over its title", 1);
            } else if strict {
                // A slot with no talk under it (`## 12:15 – 13:30` / `lunch 🥪 …`).
                push_ev(&mut self.cands[k], "a slot with no talk under it", -3);
            }
            k += 1;
        }
    }

    /// The talk written under a slot in `text` (from line `line`): a title line, which may
    /// name its people (`*Title* — **Ana Ruiz**`), over a speaker line (`Ana Ruiz`,
    /// `Presented by Ana Ruiz, Solutions Architect`, `Speaker: Ana Ruiz`).
    /// The speaker line may be the first item of a list right under the paragraph (block
    /// `pi`): `Port na Nintendo Switch bez łez` / ` - Tomasz Dąbrowski, 11 bit studios`.
    pub(super) fn under_slot(&self, text: &str, line: u32, pi: usize) -> Option<(String, Vec<(Named, Role)>)> {
        let labels = self.labels();
        let mut lines = text.split('\n');
        let first = strip_inline(lines.next()?);
        let t = first.trim();
        if t.len() > 300 || t.contains("://") || t.ends_with(':') {
            return None;
        }
        // Sentences in lower case are prose (`doors + registration. stroopwafels.`).
        if t.starts_with(char::is_lowercase) && t.contains(". ") {
            return None;
        }
        // A break or an aside in the slot (`Lunch`, `Mittagspause — Brezeln`).
        if labels.leading(t).is_some_and(|(cs, _)| cs.iter().any(|c| matches!(c, Concept::Break | Concept::Aside))) {
            return None;
        }
        let at = |people: Vec<(String, Role)>, l: u32| {
            people.into_iter().map(|(n, r)| (Named { name: n, line: l }, r)).collect::<Vec<_>>()
        };
        if let Some((title, people)) =
            lines::split_title_line(t, labels, true).filter(|(t, p)| !t.is_empty() && !p.is_empty())
        {
            return Some((title, at(people, line)));
        }
        let words = t.split_whitespace().count();
        if !(1..=14).contains(&words) || t.len() > 120 || t.ends_with('.') {
            return None;
        }
        if names::is_name(t, false) || labels.leading(t).is_some() {
            return None;
        }
        let title = clean_title(t);
        if title.is_empty() {
            return None;
        }
        let item = || match (self.blocks.get(pi), self.blocks.get(pi + 1)) {
            (Some(p), Some(n)) if n.line == p.end + 1 => match &n.kind {
                BlockKind::ListItem { depth: 0, text, .. } => text.split('\n').next(),
                _ => None,
            },
            _ => None,
        };
        let people = lines.next().or_else(item).map(strip_inline).and_then(|second| {
            // (`-- Ana Ruiz (Tarides)`: a dash before the name, as a programme sets it.)
            let second = second.trim().trim_start_matches(['-', '—', '–']).trim_start();
            let (value, case) = match labels.leading(second) {
                Some((cs, r)) if cs.contains(&Concept::Speaker) || cs.contains(&Concept::Moderator) => {
                    (r, names::Case::Any)
                }
                _ => match by_clause(second) {
                    Some(r) => (r, names::Case::Unusual),
                    None => (second, names::Case::Capitalised),
                },
            };
            names::people_as(value, labels, case).or_else(|| framed::people_with_affiliation(value, labels))
        });
        Some((title, people.map(|p| at(p, line + 1)).unwrap_or_default()))
    }
}

/// Whether a heading's title names only a kind of talk (`closing panel`, `Keynote`,
/// `Opening keynote`).
fn label_only(title: &str, labels: &Labels) -> bool {
    label_kind(title, labels).is_some()
}

/// The words that may stand beside a kind of talk in a title that names only the kind
/// (`Opening keynote`, `Keynote di apertura`, `Keynote d'ouverture`).
const KIND_WORDS: &[&str] = &[
    "opening",
    "closing",
    "final",
    "last",
    "first",
    "di",
    "de",
    "du",
    "da",
    "del",
    "d",
    "apertura",
    "chiusura",
    "ouverture",
    "clôture",
    "inaugural",
    "inaugurale",
    "cierre",
    "abertura",
    "encerramento",
    "eröffnung",
    "abschluss",
    "otwarcia",
    "zamknięcia",
    "openings",
    "slot",
];

/// The kind of talk a title names when it names only that (`Opening + keynote`,
/// `closing panel`): at most three words, one a kind of talk, the others `opening`,
/// `closing`, ... or signs.
pub(super) fn label_kind(title: &str, labels: &Labels) -> Option<Concept> {
    let mut kind = None;
    let mut words = 0;
    for w in title.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        words += 1;
        let k = labels
            .lookup(w)
            .iter()
            .copied()
            .find(|c| matches!(c, Concept::Talk | Concept::Keynote | Concept::Panel | Concept::Workshop));
        if k.is_some() {
            kind = kind.or(k);
        } else if !KIND_WORDS.iter().any(|o| w.eq_ignore_ascii_case(o)) {
            return None;
        }
    }
    kind.filter(|_| words <= 3)
}

/// A quoted title in the first sentence of `text` and the people after it
/// (`Panel on "BEAM in 2030" with A, B and C, moderated by D.`).
fn titled_sentence(text: &str, labels: &Labels) -> Option<(String, Vec<(String, Role)>)> {
    let plain = strip_inline(text).replace('\n', " ");
    let sentence = sentence::first_sentence(&plain);
    let (title, _, close) = super::opening::quoted_title(sentence)?;
    let tail = sentence[close..].trim_start_matches([',', ' ']);
    let tail = ["with ", "mit ", "avec ", "con ", "com ", "met ", "z ", "by "]
        .iter()
        .find_map(|w| tail.strip_prefix(w))
        .unwrap_or("");
    let tail = tail.split(". ").next().unwrap_or(tail).trim().trim_end_matches('.');
    let people = names::people(tail, labels, false)
        .filter(|p| !p.is_empty())
        // (The people before the title: `La keynote l'ha tenuta Elena Conti, …, con il
        // titolo "…"`.)
        .or_else(|| sentence::sentence_speakers(&plain, labels))
        .unwrap_or_default();
    Some((title, people))
}

/// Whether heading candidate `h`'s title (its text after the time) is a slot's.
/// `slot` is its title [`read`] as a slot.
fn slot_only_heading(h: &Candidate, slot: Option<Read>, labels: &Labels, timed: bool) -> bool {
    let t = h.title.trim();
    // The time alone was the whole heading: its title is the time itself.
    if timed && strip_time(t).is_some_and(|(r, _)| r.trim().is_empty()) {
        return true;
    }
    slot.is_some_and(|r| r.strict) && (timed || !labels.whole(t).iter().any(|c| matches!(c, Concept::Talk)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_say_only_when_and_where() {
        let l = Labels::default();
        for s in [
            "10h30 · Salle Maillot",
            "11h30 · Neuilly 252AB",
            "Session 1 | 10:30-11:30 | Room K1",
            "14:00 Track A",
            "Room 2 · 10:30",
            "Salle Maillot",
            "Hall B",
            "S1 . 09:00-09:25 . Room 301",
        ] {
            assert!(slot_only(s, &l), "{s}");
        }
        for s in [
            "10:30 Kafka Streams in practice",
            "10:30 Coffee",
            "Rust 2024",
            "10:30 Rust at Scale",
            "Session on observability",
            "Keynote",
            "10:30 Ana Ruiz",
            "Room for improvement: a talk",
        ] {
            assert!(!slot_only(s, &l), "{s}");
        }
    }

    #[test]
    fn a_title_after_a_slot_is_the_title() {
        let l = Labels::default();
        assert_eq!(
            after_slot("Salle 242AB — *LangChain4j, du POC à la prod*", &l),
            Some("*LangChain4j, du POC à la prod*")
        );
        assert_eq!(after_slot("Kafka — the hard parts", &l), None);
    }
}
