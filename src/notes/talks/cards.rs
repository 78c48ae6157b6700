//! A Kanban board exported as text (Trello, Wekan, GitHub Projects): its lists and cards
//! as headings (`## List: Watched (day 1)`, `### Card: Title (Name)`), each card with
//! its fields (`Labels:`, `Members: @kari`, `Due:`), a description, a checklist and
//! comments (`- Kari Nygaard (10 Jun 2026 13:40): agree, …`).
//!
//! The members of a card and the authors of its comments are the note-takers, never
//! speakers, and a comment is no talk. A card is a talk when it names its speaker: in
//! its title, or in its description (`Speakers: A & B`, a line `by Name`); a card
//! naming no one is a task of the team (`Expense receipts`, `Polly v8 migration`).

use super::*;

/// The words a board export puts before a card's or a list's title.
const KINDS: &[&str] = &["card", "list", "karte", "liste", "carte", "tarjeta", "lista", "scheda", "kaart"];

/// The fields a board export gives a card, in the eight languages (`**Labels:**
/// `gitops``, `Members: @kari`, `Beschreibung:`): a card without `Card:` before its
/// title is told by them.
const FIELDS: &[&str] = &[
    "labels",
    "members",
    "due",
    "description",
    "checklist",
    "attachments",
    "etiketten",
    "mitglieder",
    "beschreibung",
    "fällig",
    "étiquettes",
    "membres",
    "échéance",
    "etiquetas",
    "miembros",
    "descripción",
    "vencimiento",
    "etichette",
    "membri",
    "descrizione",
    "scadenza",
    "etiquetas",
    "membros",
    "descrição",
    "leden",
    "beschrijving",
    "etykiety",
    "członkowie",
    "opis",
    "termin",
];

/// Whether line `l` is a field (`Key: value`, `**Key:** value`): a key of one or two
/// words, then a colon.
pub(super) fn field_line(l: &str) -> bool {
    let l = l.trim().trim_start_matches(['*', '_']);
    l.split_once(':').is_some_and(|(k, _)| {
        let k = k.trim_end_matches(['*', '_']);
        !k.is_empty() && k.len() <= 24 && k.split(' ').count() <= 2 && k.starts_with(char::is_alphabetic)
    })
}

/// Whether a heading's first block under it opens with a board's field ([`FIELDS`]).
fn board_fields(b: Option<&Block>) -> bool {
    let Some(BlockKind::Paragraph { text }) = b.map(|b| &b.kind) else { return false };
    let first = text.split('\n').next().unwrap_or("").trim_start().trim_start_matches(['*', '_']);
    first.split_once(':').is_some_and(|(k, _)| {
        let k = k.trim_end_matches(['*', '_']).trim();
        k.len() <= 16 && FIELDS.iter().any(|f| k.eq_ignore_ascii_case(f) || k.to_lowercase() == *f)
    })
}

/// `title` without a board's `Card:` or `List:` before it, and whether it had one.
pub(super) fn without_kind(title: &str) -> (&str, bool) {
    // The kind is a short word: only the first bytes are searched for the colon.
    let head = &title.as_bytes()[..title.len().min(9)];
    if memchr::memchr(b':', head).is_none() {
        return (title, false);
    }
    if let Some((k, rest)) = title.split_once(':') {
        if KINDS.iter().any(|w| k.trim().eq_ignore_ascii_case(w)) && !rest.trim().is_empty() {
            return (rest.trim_start(), true);
        }
    }
    (title, false)
}

/// Whether a list item is a comment as a board or a wiki exports it: its author, the
/// date or time in brackets, a colon, the comment (`Kari Nygaard (10 Jun 2026 13:40):
/// agree`).
pub(super) fn comment(text: &str, labels: &Labels) -> bool {
    // An author and a date are short: only the first bytes are searched.
    let b = &text.as_bytes()[..text.len().min(80)];
    let Some(close) = memchr::memchr_iter(b')', b).find(|&i| b.get(i + 1) == Some(&b':')) else { return false };
    let Some(open) = text[..close].rfind(" (") else { return false };
    let (author, when) = (&text[..open], &text[open + 2..close]);
    // A time (`13:40`), a month (`10 Jun 2026`) or a numeric date (`2026-06-10`).
    let b = when.as_bytes();
    let time = b.windows(3).any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit());
    let date =
        b.windows(3).any(|w| w[0].is_ascii_digit() && matches!(w[1], b'-' | b'.' | b'/') && w[2].is_ascii_digit());
    let month = || when.split(|c: char| !c.is_alphabetic()).any(|w| w.len() >= 3 && labels.month(w).is_some());
    (time || date || month()) && names::is_name(author.trim(), false)
}

impl<'d, 'a, 'b> Run<'d, 'a, 'b> {
    /// The cards of a board: their titles without `Card:`, the speakers their
    /// descriptions name, and a card naming no one is none.
    pub(super) fn cards(&mut self) {
        let blocks = self.blocks;
        // (Or a card whose body opens with the board's fields: `**Labels:** `gitops``.)
        let card = |c: &Candidate| {
            matches!(c.source, Source::Heading(_))
                && (matches!(&blocks[c.block].kind, BlockKind::Heading { text, .. } if without_kind(text).1)
                    || board_fields(blocks.get(c.block + 1)))
        };
        if self.cands.iter().filter(|c| card(c)).count() < 2 {
            return;
        }
        for i in 0..self.cands.len() {
            if !card(&self.cands[i]) {
                continue;
            }
            let c = &self.cands[i];
            let title = without_kind(&c.title).0.to_string();
            let mut people = Vec::new();
            if c.speakers.is_empty() {
                let end = blocks[c.block + 1..]
                    .iter()
                    .position(|b| matches!(b.kind, BlockKind::Heading { .. }))
                    .map_or(blocks.len(), |p| c.block + 1 + p);
                people = self.described_speakers(&blocks[c.block + 1..end]);
            }
            let c = &mut self.cands[i];
            c.title = title;
            if !people.is_empty() {
                c.speakers = people;
                push_ev(c, "speaker field", 2);
            } else if c.speakers.is_empty() {
                push_ev(c, "a card naming no speaker", -3);
            }
        }
    }

    /// The speakers a card's description names on a line of their own: a speaker
    /// field (`Speakers: A & B`), `by Name`, the talk's kind then its people (`Talk by
    /// A & B (Org)`), or a label of the card (`` `speaker: Name` ``).
    fn described_speakers(&self, body: &[Block]) -> Vec<(Named, Role)> {
        let labels = self.labels();
        let mut found = Vec::new();
        for b in body {
            let BlockKind::Paragraph { text } = &b.kind else { continue };
            // The line after the last field (1-based in the paragraph).
            let mut opened = 1;
            for (k, raw) in text.split('\n').enumerate() {
                let line = b.line + k as u32;
                // Labels in code spans, a speaker's each.
                for span in raw.split('`').skip(1).step_by(2) {
                    match labels.leading(span.trim()) {
                        Some((cs, r)) if cs.contains(&Concept::Speaker) => {
                            let r = r.trim_start_matches([':', ' ']);
                            for (name, role) in names::people(r, labels, true).unwrap_or_default() {
                                found.push((Named { name, line }, role));
                            }
                        }
                        _ => {}
                    }
                }
                if !found.is_empty() {
                    return found;
                }
                let l = strip_inline(raw);
                let l = l.trim();
                let value = match labels.leading(l) {
                    Some((cs, r)) if cs.contains(&Concept::Speaker) => Some(r),
                    _ => by_clause(l)
                        .filter(|_| l.len() > 3 && l[..3].eq_ignore_ascii_case("by "))
                        .or_else(|| framed::kind_by(l, labels).map(|r| r.split(['.', ';']).next().unwrap_or(r))),
                };
                // (Or the description opens with the speaker's name: `Callum Reid (solo.io
                // I think). ingress-nginx …`.)
                let first = k + 1 == opened;
                let opening = || {
                    let head = l.split(['(', '.', ',', ';']).next().unwrap_or("").trim();
                    let whole = (2..=4).contains(&head.split_whitespace().count()) && names::is_name(head, false);
                    (whole && first).then_some(head)
                };
                if field_line(l) {
                    opened = k + 2;
                }
                let Some(value) = value.or_else(opening) else { continue };
                let value = value.trim_start_matches([':', '-', '–', '—', ' ']);
                if let Some(found) = names::people(value, labels, true) {
                    let line = b.line + k as u32;
                    return found.into_iter().map(|(name, role)| (Named { name, line }, role)).collect();
                }
            }
        }
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::detect;
    use super::*;

    #[test]
    fn comments_and_card_kinds() {
        let l = Labels::default();
        assert!(comment("Kari Nygaard (10 Jun 2026 13:40): agree, but not yet", &l));
        assert!(comment("Kari Nygaard (2026-06-10): agree", &l));
        assert!(!comment("Polars (Ritchie Vink): a talk", &l));
        assert!(!comment("Guido van Rossum (PEP 703): free threading", &l));
        assert!(!comment("we met (twice): fine", &l));
        assert_eq!(without_kind("Card: Native AOT in anger"), ("Native AOT in anger", true));
        assert_eq!(without_kind("Keynote: Native AOT"), ("Keynote: Native AOT", false));
    }

    #[test]
    fn cards_naming_speakers_are_talks() {
        let text = "# Board\n\n## List: Watched\n\n### Card: Native AOT in anger — Hyun-woo Baek\n- Labels: performance\n\nstartup 40ms\n\n### Card: Testing after FluentAssertions\n- Members: @kari\n\n**Description**\nby Ana Lúcia Figueiredo-Sato\nShouldly now.\n\n**Comments**\n- Tomás Ó Briain (10 Jun 2026 13:05): we should try it\n\n### Card: Expense receipts\n- Labels: admin\n\nHotel and flights in the shared drive.\n";
        let (talks, _) = detect(text);
        let got: Vec<(&str, &[String])> = talks.iter().map(|t| (t.1.as_str(), &t.2[..])).collect();
        assert_eq!(
            got,
            [
                ("Native AOT in anger", &["Hyun-woo Baek".to_string()][..]),
                ("Testing after FluentAssertions", &["Ana Lúcia Figueiredo-Sato".to_string()][..]),
            ]
        );
    }
}
