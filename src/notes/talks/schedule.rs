//! A talk written twice: once in a schedule (a table row, a list item with its
//! speaker, a slot of a column of lines) and again over its notes, by a shortened title
//! (`HTMX two years later` for `Django and HTMX, two years later`, `Celery` for
//! `Scaling Celery beyond one queue`, `RSC in anger` for `React Server Components in
//! anger`, `wheels keynote` for `Keynote: Ten years of wheels, …`). A heading does this
//! in Markdown; in plain text the title is the first line of a paragraph, or a
//! paragraph of one line; a bold lead opens a paragraph (`**Vite 6** — notes`), a lead
//! before a colon opens a list item (`- runes: notes`, `- **Signals**: notes`).
//!
//! A shortened title names an entry when its words are the entry's title's words, in
//! any order and case, and they are in no other entry's title; besides them it may hold
//! an acronym of the title's words (`RSC`), a talk label (`talk`, `keynote`, `panel`:
//! it tells apart two entries sharing the words, by the label of the entry), names in
//! brackets (`(Dmitri + Farida)`), and one word of its own (`Svelte runes`) when the
//! others are distinctive. The candidate takes the entry's title, so that
//! [`Run::merge_duplicates`] makes the two one talk.
//!
//! Each entry is named once in a part of the notes; after a heading (another
//! note-taker's notes, another day) it may be named again: the talk's notes are then
//! in several places, each a part with the talk's title and its first part's line.

use super::*;

/// The schedule entries seen so far, by the words of their titles.
#[derive(Debug, Default)]
pub(super) struct Schedule {
    /// Candidates already looked at.
    seen: usize,
    /// Per word (lower case), the entries (candidate indices) whose title holds it.
    words: HashMap<String, Vec<usize>>,
    /// Per acronym of two to five consecutive words of a title (`rsc`), its entries.
    acronyms: HashMap<String, Vec<usize>>,
    /// The talk label of an entry's title (`Keynote:`, `Panel:`).
    labels: HashMap<usize, Concept>,
    /// Entries already named by a title line: the block that last named each, and the
    /// line of its first part.
    claimed: HashMap<usize, (usize, u32)>,
    /// A slot of a column schedule was seen: one time line goes on with the column.
    pub(super) column: bool,
    /// Per time of the day (minutes), the entries starting then.
    times: HashMap<u16, Vec<usize>>,
}

/// The time of the day `t` (`09:15`, `9.15`, `9h15`, `14:00–14:30`) starts at, in
/// minutes.
fn clock(t: &str) -> Option<u16> {
    let mut nums = t.split(|c: char| !c.is_ascii_digit()).filter(|n| !n.is_empty());
    let h: u16 = nums.next().filter(|h| h.len() <= 2)?.parse().ok()?;
    let m: u16 = nums.next().filter(|m| m.len() == 2).map_or(Some(0), |m| m.parse().ok())?;
    (h < 24 && m < 60).then_some(h * 60 + m)
}

impl Schedule {
    /// Entry `i` (a candidate index) is labelled `label` (`Panel:` before its title).
    pub(super) fn labelled(&mut self, i: usize, label: Concept) {
        self.labels.insert(i, label);
    }
}

/// At most this many entries are compared with a title line: a title made only of
/// words that many entries share names none of them.
const MAX_COMPARED: usize = 64;

/// The talk labels a shortened title may hold.
fn talk_label(labels: &Labels, w: &str) -> Option<Concept> {
    labels.whole(w).iter().copied().find(|c| c.is_talk_kind())
}

/// `s` without names in brackets at its end (`uv migration (Dmitri + Farida)`).
fn without_trailing_brackets(s: &str) -> &str {
    let t = s.trim_end();
    match (t.ends_with(')'), t.rfind('(')) {
        (true, Some(i)) if i > 0 => t[..i].trim_end(),
        _ => t,
    }
}

/// The bold lead of a line as written (`**Vite 6** — notes`): its text, when text
/// follows it.
fn bold_lead(raw: &str) -> Option<&str> {
    let raw = raw.trim_start();
    let mark = ["**", "__"].into_iter().find(|m| raw.starts_with(m))?;
    let inner = &raw[2..];
    let end = inner.find(mark)?;
    let rest = inner[end + 2..].trim();
    (!rest.is_empty() && end > 0).then_some(inner[..end].trim())
}

/// The lead of a list item's first line in plain text: what comes before `: `, ` — `
/// or ` – ` (`runes: skipped half of it`), at most six words.
fn colon_lead(plain: &str) -> Option<&str> {
    let i = [": ", " — ", " – "].iter().filter_map(|s| plain.find(s)).min()?;
    let lead = plain[..i].trim();
    (lead.split_whitespace().count() <= 6).then_some(lead)
}

impl<'d, 'a, 'b> Run<'d, 'a, 'b> {
    /// A paragraph whose first line (plain text `first`; `more_lines`: the paragraph
    /// goes on below it) is the shortened title of one schedule entry, or opens with one
    /// in bold: a candidate with that entry's title, its body the lines after the title
    /// (the whole paragraph after a bold lead).
    pub(super) fn schedule_title(&mut self, bi: usize, line: u32, more_lines: bool, first: &str) -> Option<Candidate> {
        self.index_schedule();
        if self.schedule.words.is_empty() {
            return None;
        }
        if let Some(c) = self.slot_named(bi, line, first) {
            return Some(c);
        }
        // A title on a line of its own: notes follow in the paragraph or after it.
        let notes_follow = more_lines
            || self
                .blocks
                .get(bi + 1)
                .is_some_and(|b| matches!(b.kind, BlockKind::Paragraph { .. } | BlockKind::ListItem { .. }));
        let own_line = first.len() <= 80 && !first.ends_with(['.', ',', ';', '!', '?']) && notes_follow;
        if own_line {
            if let Some(c) = self.named_entry(bi, line, first, line + 1) {
                return Some(c);
            }
        }
        let raw = match &self.blocks.get(bi)?.kind {
            BlockKind::Paragraph { text } => text.split('\n').next().unwrap_or(""),
            _ => return None,
        };
        let lead = strip_inline(bold_lead(raw)?);
        self.named_entry(bi, line, &lead, line)
    }

    /// A list item (block `bi`, its first line as written `raw`) opening with the
    /// shortened title of a schedule entry (`- runes: notes`, `- **Signals**: notes`,
    /// `- RSC talk: notes`): a candidate with the entry's title, its body the item.
    pub(super) fn schedule_item(&mut self, bi: usize, line: u32, raw: &str) -> Option<Candidate> {
        self.index_schedule();
        if self.schedule.words.is_empty() {
            return None;
        }
        let lead = match bold_lead(raw) {
            Some(b) => strip_inline(b),
            None => {
                let plain = strip_inline(raw);
                std::borrow::Cow::Owned(colon_lead(plain.trim())?.to_string())
            }
        };
        // Items under a talk's heading (one naming its speaker, or an entry of the
        // schedule itself: `## pgvector`) are its notes (`- pgvector 0.5: HNSW …`).
        if let Some(h) = self
            .cands
            .last()
            .filter(|h| matches!(h.source, Source::Heading(_)) && self.structure.last().is_none_or(|&s| s < h.block))
        {
            if !h.speakers.is_empty() || self.entry_named(h.block, &h.title.clone()).is_some() {
                return None;
            }
            // (`## Keynote Reinhardt` over `- Ausblick: …`: a heading naming the entry's
            // speaker by surname is that entry, and the item its note.)
            let words: Vec<String> = h.title.split_whitespace().map(str::to_lowercase).collect();
            let surname = |n: &Named| n.name.rsplit(' ').next().is_some_and(|s| words.contains(&s.to_lowercase()));
            if self.entry_named(bi, &lead).is_some_and(|e| self.cands[e].speakers.iter().any(|(n, _)| surname(n))) {
                return None;
            }
        }
        self.named_entry(bi, line, &lead, line)
    }

    /// A paragraph whose first line opens with a schedule's time and names one of that
    /// time's speakers, by a first name or a surname (`9:15 keynote Sanne`, `11:15
    /// Thijs and Lotte, Terraform`, `10:00 - zat bij Bram (…), niet bij Femke`: the
    /// first named): a candidate with that entry's title, its body the paragraph after
    /// the line.
    fn slot_named(&mut self, bi: usize, line: u32, first: &str) -> Option<Candidate> {
        let (rest, t) = strip_time(first)?;
        let entries = self.schedule.times.get(&clock(t)?)?;
        let words: Vec<String> = rest
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let named = |e: usize| {
            let names = self.cands[e].speakers.iter().flat_map(|(n, _)| n.name.split_whitespace());
            names
                .filter(|w| w.chars().count() >= 3 && !names::is_particle(w))
                .filter_map(|w| words.iter().position(|x| *x == w.to_lowercase()))
                .min()
        };
        let (_, entry) = entries.iter().filter_map(|&e| Some((named(e)?, e))).min()?;
        let part_of = self.schedule.claimed.get(&entry).map(|&(_, first)| first);
        self.schedule.claimed.insert(entry, (bi, part_of.unwrap_or(line)));
        let mut c = self.new_candidate(bi, line, Source::TitleLine, self.cands[entry].title.clone());
        push_ev(&mut c, "a schedule's time and speaker", 2);
        c.body_line = line + 1;
        c.part_of = part_of;
        Some(c)
    }

    /// The candidate for the entry `short` names, if it names one, its body from
    /// `body_line`.
    fn named_entry(&mut self, bi: usize, line: u32, short: &str, body_line: u32) -> Option<Candidate> {
        let short = without_trailing_brackets(short);
        if short.len() > 80 {
            return None;
        }
        let entry = self.entry_named(bi, short)?;
        let part_of = self.schedule.claimed.get(&entry).map(|&(_, first)| first);
        self.schedule.claimed.insert(entry, (bi, part_of.unwrap_or(line)));
        let mut c = self.new_candidate(bi, line, Source::TitleLine, self.cands[entry].title.clone());
        push_ev(&mut c, "a schedule's talk by a shortened title", 2);
        c.body_line = body_line;
        c.part_of = part_of;
        Some(c)
    }

    /// The one entry `short` names, not yet named in this part of the notes.
    pub(super) fn entry_named(&self, bi: usize, short: &str) -> Option<usize> {
        let labels = self.labels();
        let s = &self.schedule;
        let tokens: Vec<&str> = short.split(|c: char| c.is_whitespace() || "/+&→,".contains(c)).collect();
        // The entries of the words a token shortens (`ctrl`, `OTel`, `k8s`), each list sorted.
        let mut shortened: Vec<Vec<usize>> = Vec::new();
        let mut postings: Vec<&[usize]> = Vec::new();
        let (mut kinds, mut unknown, mut long, mut distinctive, mut n) = (Vec::new(), 0, false, false, 0);
        for tok in tokens {
            let w = norm(tok);
            if w.is_empty() {
                continue;
            }
            n += 1;
            let letters = tok.chars().filter(|c| c.is_alphabetic()).count();
            let acronym = (2..=5).contains(&letters) && tok.chars().all(|c| !c.is_lowercase());
            if let Some(p) = s.words.get(&w) {
                // (A numeronym written both ways, `k8s` and `Kubernetes`, names the entries
                // of both.)
                let numeronym = w.len() > 2 && w.as_bytes()[1..w.len() - 1].iter().all(u8::is_ascii_digit);
                match self.shortened(&w).filter(|_| numeronym) {
                    Some(mut more) => {
                        more.extend_from_slice(p);
                        more.sort_unstable();
                        more.dedup();
                        shortened.push(more);
                    }
                    None => postings.push(p),
                }
                // A product's short name in capitals (`PMM`) is as telling as a long word.
                long |= w.chars().count() >= 4 || acronym && letters >= 3;
                distinctive |= w.chars().count() >= 4 && !names::frequent(&w);
            } else if let Some(p) = s.acronyms.get(&w).filter(|_| acronym) {
                postings.push(p);
                (long, distinctive) = (true, true);
            } else if let Some(k) = talk_label(labels, &w) {
                kinds.push(k);
            } else if let Some(found) = self.shortened(&w) {
                shortened.push(found);
                (long, distinctive) = (true, true);
            } else {
                unknown += 1;
            }
        }
        postings.extend(shortened.iter().map(Vec::as_slice));
        if !(1..=8).contains(&n) || postings.is_empty() {
            return None;
        }
        // One word of its own, beside distinctive words of the entry's.
        if unknown > 1 || unknown == 1 && !(distinctive && n >= 2) {
            return None;
        }
        if !long && postings.len() + kinds.len() < 2 {
            return None;
        }
        // The entries holding every word: the rarest word's, checked against the rest.
        let rarest = postings.iter().min_by_key(|p| p.len())?;
        if rarest.len() > MAX_COMPARED {
            return None;
        }
        let open = |e: usize| match s.claimed.get(&e) {
            // Named again after a heading: another part of the notes. (The claim may be
            // a later block's, found first by a look ahead.)
            Some(&(last, _)) => self
                .blocks
                .get(last.min(bi) + 1..last.max(bi))
                .is_some_and(|between| between.iter().any(|b| matches!(b.kind, BlockKind::Heading { .. }))),
            None => true,
        };
        let found: Vec<usize> = rarest
            .iter()
            .copied()
            .filter(|&e| postings.iter().all(|p| p.binary_search(&e).is_ok()) && open(e))
            .take(MAX_COMPARED)
            .collect();
        match found[..] {
            [e] => Some(e),
            [] => None,
            _ if !kinds.is_empty() => {
                let mut by_kind = found.iter().filter(|e| s.labels.get(e).is_some_and(|k| kinds.contains(k)));
                let e = by_kind.next()?;
                by_kind.next().is_none().then_some(*e)
            }
            _ => None,
        }
    }

    /// Indexes the schedule entries among the candidates found since the last call:
    /// table rows, slots and list items that name their speakers.
    /// The entries holding a word that `w` (lower case) shortens: its letters in order
    /// from the same first letter (`ctrl` of control, `otel` of OpenTelemetry), or its
    /// first and last letter around the number of those between (`k8s` of Kubernetes).
    /// Looked for among a schedule's words only when they are few, so a note's cost stays
    /// linear.
    fn shortened(&self, w: &str) -> Option<Vec<usize>> {
        let words = &self.schedule.words;
        if w.len() < 3 || words.len() > 2_000 {
            return None;
        }
        let b = w.as_bytes();
        let digits: String = w.chars().filter(char::is_ascii_digit).collect();
        let numeronym = digits.parse::<usize>().ok().filter(|_| b.len() == digits.len() + 2);
        // (Letters in order: four at least, `pep` is no word's shortening.)
        if numeronym.is_none() && (w.len() < 4 || !digits.is_empty()) {
            return None;
        }
        let shortens = |long: &str| {
            let l = long.as_bytes();
            if l.len() <= b.len() || l[0] != b[0] {
                return false;
            }
            if let Some(n) = numeronym {
                return long.chars().count() == n + 2 && l[l.len() - 1] == b[b.len() - 1];
            }
            let mut rest = l.iter();
            b.iter().all(|c| rest.any(|x| x == c))
        };
        let mut found: Vec<usize> =
            words.iter().filter(|(k, _)| shortens(k)).flat_map(|(_, v)| v.iter().copied()).collect();
        found.sort_unstable();
        found.dedup();
        (!found.is_empty()).then_some(found)
    }

    pub(super) fn index_schedule(&mut self) {
        for i in self.schedule.seen..self.cands.len() {
            let c = &self.cands[i];
            if !(c.source.is_row() || c.source == Source::ListItem) || c.speakers.is_empty() {
                continue;
            }
            if c.kind == SectionKind::Keynote {
                self.schedule.labels.entry(i).or_insert(Concept::Keynote);
            }
            // The time the entry's line opens with (`09:15<TAB>…`, `| 09:15 | …`).
            let raw = self.slice(c.line, c.line).trim_start_matches(|c: char| "|-*+ \t".contains(c));
            if let Some(m) = strip_time(raw).and_then(|(_, t)| clock(t)) {
                self.schedule.times.entry(m).or_default().push(i);
            }
            // A title's words, `CI/CD` split as well as joined.
            let split = norm(&c.title.replace('/', " "));
            let joined = norm(&c.title);
            let mut words: Vec<&str> = split.split(' ').chain(joined.split(' ')).filter(|w| !w.is_empty()).collect();
            let mut acronyms: Vec<String> = Vec::new();
            let in_order: Vec<&str> = split.split(' ').filter(|w| !w.is_empty()).collect();
            for len in 2..=5.min(in_order.len()) {
                for run in in_order.windows(len) {
                    acronyms.push(run.iter().filter_map(|w| w.chars().next()).collect());
                }
            }
            // (And a word's capitals: `cnpg` of CloudNativePG.)
            for w in c.title.split(|c: char| !c.is_alphanumeric()) {
                if w.chars().filter(|c| c.is_uppercase()).count() >= 3 {
                    acronyms.push(w.chars().filter(|c| c.is_uppercase()).flat_map(char::to_lowercase).collect());
                }
            }
            words.sort_unstable();
            words.dedup();
            acronyms.sort_unstable();
            acronyms.dedup();
            // Entries are indexed in order: each list stays sorted.
            for w in words {
                self.schedule.words.entry(w.to_string()).or_default().push(i);
            }
            for a in acronyms {
                self.schedule.acronyms.entry(a).or_default().push(i);
            }
        }
        self.schedule.seen = self.cands.len();
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::detect;

    const TABLE: &str = "# JSWorld 2025 retro\n\n| Talk | Who |\n|---|---|\n| React Server Components in anger | Mateus Carvalho |\n| Runes, one year on | Ola Okafor |\n| Bun, Deno and Node in 2025 | Farhan Siddiqui |\n| Keynote: Ten years of wheels | Marta Oyelaran |\n| Native wheels without tears | Ngozi Adeyemi |\n";

    /// A word of three bytes and two letters (`ça`) is no numeronym, and is not cut
    /// inside a letter.
    #[test]
    fn a_short_word_with_a_wide_letter_is_read() {
        let text = "| Talk | Who |\n|---|---|\n| Ça marche en prod | Inès Caron |\n| Quarkus natif | Léa Moreau |\n\n## ça marche\n\n- notes\n";
        let (talks, _) = detect(text);
        assert!(talks.iter().any(|t| t.1 == "Ça marche en prod" && t.2 == ["Inès Caron"]), "{talks:?}");
    }

    #[test]
    fn notes_under_shortened_titles_are_the_schedules_talks() {
        let text = format!(
            "{TABLE}\n## Notes\n\n**RSC in anger** — fetching on the server.\n\n**Svelte runes** — state and effects.\n\nwheels keynote\n- PEP 517\n\n- **Bun/Deno/Node**: benchmarks\n"
        );
        let (talks, _) = detect(&text);
        // The notes' talks at their lines, the entry with no notes at its row's.
        let at: Vec<(u32, &str)> = talks.iter().map(|t| (t.0, t.1.as_str())).collect();
        assert_eq!(
            at,
            [
                (9, "Native wheels without tears"),
                (13, "React Server Components in anger"),
                (15, "Runes, one year on"),
                (17, "Ten years of wheels"),
                (20, "Bun, Deno and Node in 2025")
            ]
        );
        assert_eq!(talks[1].2, ["Mateus Carvalho"]);
    }

    #[test]
    fn two_note_takers_notes_on_one_talk_are_one_talk() {
        let text = format!(
            "{TABLE}\n## Priya's notes\n\n**Runes** — state and effects.\n\n## Tom's notes\n\nDay 1\n- runes: skipped half of it\n- RSC talk: agree with Priya\n"
        );
        let (talks, doc) = detect(&text);
        let runes: Vec<_> = talks.iter().filter(|t| t.1 == "Runes, one year on").collect();
        assert_eq!(runes.len(), 2, "{talks:?}");
        assert_eq!(runes[0].0, runes[1].0, "one talk: the first part's line");
        assert!(doc.sections.iter().any(|s| s.body.contains("skipped half")));
        assert!(talks.iter().any(|t| t.1 == "React Server Components in anger" && t.0 == 19), "{talks:?}");
        assert!(!talks.iter().any(|t| t.1.contains("notes")), "{talks:?}");
    }

    #[test]
    fn a_shortened_title_names_one_entry_or_none() {
        // `wheels` is in two titles and no label tells them apart; two words of its own
        // are too many.
        let text = format!("{TABLE}\nwheels\n- notes\n\nsvelte state machines\n- notes\n");
        let (talks, _) = detect(&text);
        assert!(talks.iter().all(|t| t.0 < 10), "{talks:?}");
    }

    /// Sections after a schedule named by shortenings of its words: letters in order
    /// (`ctrl`, `OTel`), a numeronym (`k8s`, though another row writes `k8s`), a word's
    /// capitals (`CNPG` of CloudNativePG); `PEP 751` shortens no `pep-0695`, and is a
    /// section of its own.
    #[test]
    fn sections_named_by_shortened_words() {
        let text = "# ContainerDays 2023\n\n| Time | Room A (Hafenbühne) | Room B (Kai 2) |\n|---|---|---|\n\
                    | 11:30 | Kubernetes cost control: requests, limits and lies — Florian Becker | Observability with OpenTelemetry: from zero to traces — Anna-Lena Wolff |\n\
                    | 14:05 | Running Postgres on Kubernetes with CloudNativePG — Miriam Köhler | Lessons from migrating 3000 services from Docker Swarm to k8s — Ole Petersen |\n\
                    | 16:00 | Type parameters, two years after pep-0695 — Ikaika Hale | – |\n\n\
                    ## notes\n\n**k8s cost ctrl**\n- VPA\n\n**OTel zero→traces**\n- collector\n\n**CNPG**\n- operator\n\n**PEP 751**\n- pylock\n";
        let talks = super::super::tests::speakers_as(text, crate::notes::document::Markup::Markdown);
        let got: Vec<(u32, &str)> = talks.iter().map(|t| (t.0, t.1.as_str())).collect();
        assert_eq!(
            got,
            [
                (6, "Lessons from migrating 3000 services from Docker Swarm to k8s"),
                (7, "Type parameters, two years after pep-0695"),
                (11, "Kubernetes cost control: requests, limits and lies"),
                (14, "Observability with OpenTelemetry: from zero to traces"),
                (17, "Running Postgres on Kubernetes with CloudNativePG"),
                (20, "PEP 751"),
            ]
        );
    }
}
