//! Title lines: a paragraph that opens with a talk's title and who gives it, its notes
//! below (`18:45  "From pandas to Polars" - Inês Varga`, `**Certified Rust** — Henrik
//! Lindqvist (Ferrous Systems)`, `Title — Name`).

use super::*;

/// Marks that set a title apart at the start of a line.
const MARKS: [&str; 6] = ["**", "__", "\"", "“", "*", "_"];

impl<'d, 'a, 'b> Run<'d, 'a, 'b> {
    /// The first line of a paragraph of the form `[time] title SEP names`, where SEP is
    /// a dash or `by`. Its evidence: the people (+2), a time before it (+1), a title set
    /// apart by emphasis or quotes (+1); siblings of the same shape add theirs when the
    /// candidates are scored. A trailing `(Company)` after the names is an affiliation.
    pub(super) fn titled_paragraph(
        &self,
        bi: usize,
        line: u32,
        raw: &str,
        first: &str,
        lead: Lead<'_, '_>,
    ) -> Option<Candidate> {
        if first.len() > 240 {
            return None;
        }
        let labels = self.labels();
        // A speaker field (`Speakers: A (X), B (Y)`) names people, not a talk; a line
        // right under a heading candidate is that heading's (its subtitle or speakers).
        if lead.is_some_and(|(cs, _)| cs.contains(&Concept::Speaker) || cs.contains(&Concept::Moderator)) {
            return None;
        }
        // (Not under a heading of notes, a break or an aside: `## Hamza's notes`.)
        let under_heading = self
            .cands
            .last()
            .is_some_and(|c| self.right_under(c.block, bi) && matches!(c.source, Source::Heading(_)) && c.score() > -3);
        // (Only a numbered line is read under a heading, below.)
        if under_heading && !first.starts_with(|c: char| c.is_ascii_digit() || "[(#".contains(c)) {
            return None;
        }
        let (rest, time) = match strip_time(first) {
            Some((r, _)) => (r, true),
            None => (first, false),
        };
        // An enumerator before the title (`[1]`, `(1)`, `1.`, `#1`, `1)`), then perhaps a
        // talk label (`[7] Quickie: title -- Name`).
        // The room after the time (`14:45 sala B - Name - Title`).
        // (Read only when the first word after the time is a room's word or code.)
        let roomed = || {
            let w = rest.split_whitespace().next().unwrap_or("");
            let w = w.trim_end_matches([',', ':']);
            w.bytes().any(|b| b.is_ascii_digit()) || labels.is(w, Concept::Room)
        };
        let rest = if time && roomed() { super::slot::after_slot(rest, labels).unwrap_or(rest) } else { rest };
        // Where the writer sits, as a live report says it (`I'm at Title (Name), Terrace
        // 2A`): no part of the title.
        let rest = present_at(rest).unwrap_or(rest);
        let numbered = framed::strip_number(rest);
        let enumerated = numbered.len() < rest.len();
        // (A numbered line is the first of a list of talks under a heading over them,
        // `### Palestras` / `**1. Title** — Name`, not the heading's subtitle.)
        if under_heading && !enumerated {
            return None;
        }
        // (After a time too: `09:30 Keynote — Title — Name`.)
        let label = if enumerated || time { talk_label(labels, numbered) } else { None };
        let rest = label.map_or(numbered, |(_, r)| r);
        // With no talk label, a title line names people, which needs a separator or a
        // mark (most first lines of paragraphs have none: reading them further was
        // 65 M instructions on the 10 MB corpus).
        // After a time, the people may lead the title (`10:00 Ana Ruiz: Title`); without
        // one, `Name: …` is someone's remark.
        // So may a name set in bold (`**Ana Ruiz**: Title`, `**Ana Ruiz:** Title`).
        let bold_name = || {
            let r = raw.trim_start();
            r.starts_with("**") && (r.contains("**: ") || r.contains(":** "))
        };
        // Or a whole line in bold that opens with a name and a colon (`**Chiara Esposito:
        // Title**`), among siblings written `**Name — Title**`.
        let bold_line = || {
            let r = raw.trim_start();
            r.strip_prefix("**").and_then(|r| r.split_once("**")).is_some_and(|(inner, _)| inner.contains(": "))
        };
        let bold = label.is_none() && rest.contains(": ") && (bold_name() || bold_line());
        // A key of one word in bold (`**Action:** try uv in CI - …`, `**Nota:** …`) is a
        // field of the note-taker's: no title line.
        if bold
            && bold_name()
            && search::split_once(rest, ": ").is_some_and(|(k, _)| k.split_whitespace().nth(1).is_none())
        {
            return None;
        }
        let colon = (time || bold) && label.is_none() && rest.contains(": ");
        if label.is_none() && !colon && !may_split(rest) {
            return None;
        }
        // Where and when after the names (`room 8, 09:30`): no part of a name.
        let (rest, late_time) = cut_logistics(rest, labels);
        // A name in bold before a colon leads the title, whatever dash the title holds
        // (`**Chiara Esposito: Accessibilità web – cosa cambia**`).
        let found = bold
            .then(|| framed::name_colon(rest, labels))
            .flatten()
            .or_else(|| split_title_line(rest, labels, true))
            // `Keynote – Zofia Grzybowska „Title”`: the name before a quoted title.
            .or_else(|| people::name_then_quoted(rest, labels).map(|(t, p)| (clean_title(t), p)))
            // After a time, the people may lead the title (`14:45 Ana Ruiz - Title`).
            .or_else(|| time.then(|| name_first(rest, labels).map(|(t, p)| (clean_title(t), p))).flatten());
        let (title, people) = match found.or_else(|| colon.then(|| framed::name_colon(rest, labels)).flatten()) {
            Some(found) => found,
            // A labelled session with no speaker (`[8] BOF: plugin authors, 19:00`).
            None if label.is_some() && enumerated => (clean_title(rest), Vec::new()),
            None => return None,
        };
        // `Next: "Title" — @handle`: the quoted title among a few lead words.
        let (title, quoted) = match quoted_core(&title) {
            Some(core) => (core.to_string(), true),
            None => (title, false),
        };
        let words = title.split_whitespace().count();
        if !(2..=20).contains(&words) {
            return None;
        }
        // Whether the title is set apart, read only for a title line (reading it for
        // every paragraph was 4 M instructions on the 10 MB corpus).
        let raw = raw.trim();
        let raw_rest = strip_time(raw).map_or(raw, |(r, _)| r);
        // (Or quoted among a few lead words: `in "Title" w/ Name`.)
        let in_quotes = || {
            search::find(raw_rest, &title).is_some_and(|i| {
                raw_rest[..i].ends_with(['"', '“', '„', '«', '‘'])
                    && raw_rest[i + title.len()..].starts_with(['"', '”', '“', '»', '’'])
            })
        };
        let marked = quoted || MARKS.iter().any(|m| raw_rest.starts_with(m)) || in_quotes();
        // (`Przerwa obiadowa 🥟 – pierogi ruskie`: a break and what it was.)
        let break_title = blocks::break_title(labels, &title);
        let mut c = self.new_candidate(bi, line, Source::TitleLine, title);
        if break_title {
            push_ev(&mut c, "a break, notes or an aside", -6);
        }
        if let Some((kind, _)) = label {
            c.kind = kind_of(kind);
            push_ev(&mut c, "a talk label", 3);
        }
        if !people.is_empty() {
            push_ev(&mut c, "a person named in it", 2);
        }
        if time || late_time {
            push_ev(&mut c, "a time", 1);
        }
        if enumerated {
            push_ev(&mut c, "a number before it", 1);
        }
        if marked {
            push_ev(&mut c, "a title set apart", 1);
        }
        // A journal's entry (Day One's export) opens with its fields (`Date:`,
        // `Location:`, `Tags:`, indented), then its title.
        let fields = bi.checked_sub(1).and_then(|p| self.blocks.get(p)).is_some_and(|p| match &p.kind {
            BlockKind::Properties(_) => true,
            BlockKind::Code { text, .. } => text.lines().count() >= 2 && text.lines().all(super::cards::field_line),
            _ => false,
        });
        if fields {
            push_ev(&mut c, "an entry's title after its fields", 1);
        }
        c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line }, r)).collect();
        c.body_line = line + 1;
        Some(c)
    }
}

impl Run<'_, '_, '_> {
    /// `next talk - title (name)`, `after lunch: title - name`, `last one, …`. `lead`
    /// is the label `first` starts with.
    pub(super) fn lead_in(&self, bi: usize, line: u32, first: &str, lead: Lead<'_, '_>) -> Option<Candidate> {
        let labels = self.labels();
        if first.len() > 300 {
            return None;
        }
        let (cs, _) = lead?;
        // (Or a room and a word of sequence before the colon: `Zaal 1 nu: Name – Title`.)
        let roomed = || {
            let head: Vec<&str> = first.split(':').next().unwrap_or("").split_whitespace().collect();
            cs.contains(&Concept::Room)
                && head.len() <= 4
                && head.iter().skip(1).any(|w| labels.is(&w.to_lowercase(), Concept::Next))
        };
        if !cs.contains(&Concept::Next) && !roomed() {
            return None;
        }
        // Up to four words of lead-in, then a separator.
        let sep_at = first.char_indices().find(|(_, ch)| matches!(ch, ':' | '-' | '—' | '–' | ','))?.0;
        let lead = &first[..sep_at];
        let words: Vec<&str> = lead.split_whitespace().collect();
        if words.is_empty() || words.len() > 4 {
            return None;
        }
        let talkish = words.iter().any(|w| {
            let c = labels.lookup(w);
            c.iter().any(|c| {
                matches!(c, Concept::Talk | Concept::Keynote | Concept::Break | Concept::Panel | Concept::Workshop)
            }) || matches!(w.to_lowercase().as_str(), "one" | "speaker" | "up")
        });
        // A word of sequence alone before a colon (`next: Name - Title`, as a chat
        // announces a talk) leads in when the rest names people.
        if !talkish && !first[sep_at..].starts_with(':') {
            return None;
        }
        let rest = first[sep_at..].trim_start_matches([':', '-', '—', '–', ',']).trim();
        let mut c;
        if first[sep_at..].starts_with(',') {
            // (`Then lunch, food trucks`: a break.)
            if words.iter().any(|w| labels.is(w, Concept::Break)) {
                return None;
            }
            // `last one, no idea who …`: the whole line is what we have.
            c = self.new_candidate(bi, line, Source::LeadIn, clean_title(first));
        } else {
            // (`next up: Ana Ruiz on Vite 6 and the Environment API`.)
            let (title, people) = match title_and_people(rest, labels, true, true) {
                (_, p) if p.is_empty() => super::people::name_on_line(rest, labels, true)
                    .unwrap_or_else(|| title_and_people(rest, labels, true, true)),
                found => found,
            };
            c = self.new_candidate(bi, line, Source::LeadIn, title);
            if !people.is_empty() {
                push_ev(&mut c, "a person named in it", 2);
                c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line }, r)).collect();
            } else if !talkish {
                return None;
            }
        }
        push_ev(&mut c, "a lead-in", 2);
        c.body_line = line + 1;
        (!c.title.is_empty()).then_some(c)
    }
}

/// The evidence of an item of a lightning session written as a labelled line: like a
/// talk written as a list item, its notes end at an aside's label (`misc`).
pub(super) const LABELLED_ITEM: &str = "a labelled item of a lightning session";

impl Run<'_, '_, '_> {
    /// Whether item block `bi` (at `depth`) has items nested under it: its notes.
    pub(super) fn nested_notes(&self, bi: usize, depth: u8) -> bool {
        matches!(self.blocks.get(bi + 1).map(|b| &b.kind), Some(BlockKind::ListItem { depth: d, .. }) if *d > depth)
    }

    /// An item nested under a talk written as a list item (the last candidate) is that
    /// talk's note, never a talk of its own; a field in it naming people (`- panel: A,
    /// B, C`, `- speakers: …`, `- moderator: …`) names the talk's people. Whether item
    /// block `bi` at `depth` is such a note.
    pub(super) fn note_of_item_talk(&mut self, bi: usize, depth: u8, text: &str) -> bool {
        // A talk written as an item, whatever read it (`- Title - Name`, a labelled
        // `charla: title`, a lead-in).
        let Some(c) =
            self.cands.last().filter(|c| matches!(c.source, Source::ListItem | Source::Field | Source::LeadIn))
        else {
            return false;
        };
        let Some(BlockKind::ListItem { depth: top, .. }) = self.blocks.get(c.block).map(|b| &b.kind) else {
            return false;
        };
        let top = *top;
        // Only deeper items between the talk and this one (read back a little way).
        let between = self.blocks.get(c.block + 1..bi).unwrap_or(&[]);
        if top >= depth
            || between.len() > 64
            || !between.iter().all(|b| matches!(b.kind, BlockKind::ListItem { depth: d, .. } if d > top))
        {
            return false;
        }
        let labels = self.labels();
        let first = strip_inline(text.split_once('\n').map_or(text, |(f, _)| f));
        let Some((cs, rest)) = labels.leading(first.trim()) else { return true };
        let moderator = cs.contains(&Concept::Moderator) && !cs.contains(&Concept::Speaker);
        if !(moderator || cs.contains(&Concept::Speaker) || cs.contains(&Concept::Panel)) {
            return true;
        }
        let rest = rest.trim_start_matches([':', '-', '—', '–', '：']).trim();
        let Some(people) = names::people_as(rest, labels, names::Case::Any) else { return true };
        let line = self.blocks[bi].line;
        let c = self.cands.last_mut().expect("checked above");
        for (name, role) in people {
            if !c.speakers.iter().any(|(s, _)| s.name == name) {
                let role = if moderator { Role::Moderator } else { role };
                c.speakers.push((Named { name, line }, role));
            }
        }
        if !c.evidence.iter().any(|(f, _)| *f == "speaker field") {
            push_ev(c, "speaker field", 2);
        }
        true
    }

    /// A paragraph of a lightning session whose every line opens with a talk label
    /// (`LT: title / Name`, `Lightning: title — Name`): each line is an item. The number
    /// of items, `None` when some line has no label.
    pub(super) fn labelled_items(&mut self, bi: usize, line: u32, text: &str) -> Option<usize> {
        let labels = self.labels();
        let mut items = Vec::new();
        for (k, l) in text.split('\n').enumerate() {
            let plain = strip_inline(l);
            let (_, rest) = talk_label(labels, plain.trim())?;
            let at = line + k as u32;
            let (title, people) =
                split_title_line(rest, labels, true).unwrap_or_else(|| title_and_people(rest, labels, true, true));
            let mut c = self.new_candidate(bi, at, Source::Item, title);
            c.kind = SectionKind::Lightning;
            push_ev(&mut c, LABELLED_ITEM, THRESHOLD);
            if !people.is_empty() {
                push_ev(&mut c, "a person named in it", 2);
                c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line: at }, r)).collect();
            }
            c.body_line = at + 1;
            items.push(c);
        }
        let n = items.len();
        self.cands.extend(items.into_iter().filter(|c| !c.title.is_empty()));
        Some(n)
    }

    /// Whether a paragraph ends a lightning session: a line that is only a label of
    /// notes, asides or a break (`misc`, `follow-up`, `Notes:`), over what is no longer
    /// the session's.
    pub(super) fn ends_session(&self, text: &str) -> bool {
        let line = text.split('\n').next().unwrap_or("").trim_end();
        let first = line.trim_end_matches(':');
        let aside = |t: &str| {
            self.labels().whole(t).iter().any(|c| matches!(c, Concept::Aside | Concept::Notes | Concept::Break))
        };
        // (Or a word before the label, over a list: `cose da fare:`, `my takeaways:`.)
        first.len() <= 40
            && (aside(first)
                || line.ends_with(':') && first.split_once(' ').is_some_and(|(_, r)| aside(r.trim_start())))
    }

    /// Whether list-item candidates `a` and `b` (one after the other) are siblings of
    /// the same shape: items with the same kind of marker, and no item of another
    /// marker at `b`'s depth between them (a bullet journal marks its talks `○` and
    /// their notes `–`: a note naming someone is no sibling of the talks).
    pub(super) fn item_siblings(&self, a: usize, b: usize) -> bool {
        let item = |bi: usize| match self.blocks.get(bi).map(|b| &b.kind) {
            Some(BlockKind::ListItem { depth, marker, .. }) => Some((*depth, marker_class(marker))),
            _ => None,
        };
        let (Some((_, ma)), Some((db, mb))) = (item(self.cands[a].block), item(self.cands[b].block)) else {
            return true;
        };
        // Bulleted notes between numbered talks typed without indenting (`1. Title` /
        // `- note` / `2. Title`) keep them one list. (Items indented deeper in the text
        // are notes, whatever their depth: [`entries`].)
        let numbered = |m: &str| m.starts_with(['.', ')']);
        let (from, to) = (self.cands[a].block + 1, self.cands[b].block);
        ma == mb
            && (from..to)
                .filter(|&k| !self.indented_deeper(k, to))
                .filter_map(item)
                .all(|(d, m)| d != db || m == mb || numbered(mb) && !numbered(m))
    }
}

/// The kind of a list marker: `-` for `- [x]`, `.` for `12.`, `○` for `○`.
pub(super) fn marker_class(marker: &str) -> &str {
    marker.split_whitespace().next().unwrap_or("").trim_start_matches(|c: char| c.is_ascii_digit())
}

/// The talk label `s` starts with (`Keynote: …`, `Quickie: …`, `Lightning — …`) and
/// the text after it.
pub(super) fn talk_label<'s>(labels: &Labels, s: &'s str) -> Option<(Concept, &'s str)> {
    let (cs, r) = labels.leading(s)?;
    let kind = cs.iter().copied().find(|c| c.is_talk_kind())?;
    // A label is followed by a separator (`Talk: …`), not by more words of a sentence
    // (`talk was great`).
    let sep = s[..s.len() - r.len()].trim_end();
    let rest = r.trim_start_matches([':', '.', ')', '-', '—', '–', '|', '：']).trim_start();
    (sep.ends_with([':', '-', '—', '–', '|', '.', ')', '：']) && !rest.is_empty()).then_some((kind, rest))
}

/// `rest` past a number that follows a label and the separator after it (`1: Title`
/// after `Talk`, `#3 – Title` after `Vortrag`, `2) Title`): the title; `rest` itself
/// when it opens otherwise, or when the number is not set apart (`2026 plans`).
pub(super) fn after_number(rest: &str) -> &str {
    let r = rest.strip_prefix('#').unwrap_or(rest);
    let n = r.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 || n > 3 {
        return rest;
    }
    let t = r[n..].trim_start_matches(['.', ')']).trim_start();
    match t.strip_prefix([':', '：', '—', '–', '-', '|', '·']) {
        Some(t) => t.trim_start(),
        None => rest,
    }
}

/// `Keynote, Ana Ruiz (Acme)`, `Workshop: Ana Ruiz`: a talk's kind set apart by a comma
/// or a separator, and what follows it (on the line under a heading, who gives it).
pub(super) fn kind_then<'s>(labels: &Labels, s: &'s str) -> Option<(Concept, &'s str)> {
    let (cs, r) = labels.leading(s)?;
    let kind = cs.iter().copied().find(|c| c.is_talk_kind())?;
    let set_apart = r.starts_with([',', ':', '：', '—', '–']) || s[..s.len() - r.len()].contains([':', '：', '—', '–']);
    let rest = r.trim_start_matches([',', ':', '：', '—', '–']).trim_start();
    (set_apart && !rest.is_empty()).then_some((kind, rest))
}

/// Articles of the eight languages and the Nordic ones, which may open a noun phrase
/// before a talk's label (`ein Vortrag über X`), a place described (`from a London
/// fintech`, `von einem Startup`) or a name (`o Severino Batista recitou`).
pub(super) const ARTICLES: &[&str] = &[
    "a", "an", "the", "ein", "eine", "einem", "einer", "un", "une", "una", "uno", "um", "uma", "een", "ett", "en",
    "et", "il", "la", "le", "el", "o", "lo", "der", "die",
];

/// `a talk about X`, `ett föredrag om X`, `ein Vortrag über X`, `una charla sobre X`:
/// the talk's kind and X (an article before the label may be left out).
pub(super) fn kind_about<'s>(labels: &Labels, s: &'s str) -> Option<(Concept, &'s str)> {
    const ABOUT: &[&str] =
        &["about", "on", "om", "über", "sur", "sobre", "su", "over", "o", "na temat", "sul", "sulla", "zu", "zum"];
    let word = |t: &'s str, w: &str| {
        t.get(..w.len()).filter(|h| h.eq_ignore_ascii_case(w)).and_then(|_| t[w.len()..].strip_prefix(' '))
    };
    let t = s.trim_start();
    let t = ARTICLES.iter().find_map(|a| word(t, a)).map_or(t, str::trim_start);
    let (cs, r) = labels.leading(t)?;
    let kind = cs.iter().copied().find(|c| c.is_talk_kind())?;
    let rest = ABOUT.iter().find_map(|p| word(r.trim_start(), p))?.trim_start();
    (!rest.is_empty()).then_some((kind, rest))
}

/// Where and when a talk is, written after its names (`-- Ana Ruiz (Acme)   room 8,
/// 09:30`, `Title — Name, Hall C`, `Title, 19:00`): the text without it, and whether it
/// held a time. The tail is read backwards over times, places in the venue (the labels'
/// [`Concept::Room`] words) and their numbers or letters; it is cut at its first time or
/// place when that holds a place, or follows a comma or a wide gap.
pub(super) fn cut_logistics<'s>(s: &'s str, labels: &Labels) -> (&'s str, bool) {
    let t = s.trim_end();
    // Most lines end in a word: a tail ends in a number, a time or a short code. Read
    // as bytes (a search by characters was 35 M instructions on the 10 MB corpus).
    let b = t.as_bytes();
    // A last word of one or two bytes, or one ending in a digit; looked at before any
    // search (most first lines end otherwise).
    let sep = |i: Option<usize>| i.and_then(|i| b.get(i)).is_some_and(|c| matches!(c, b' ' | b',' | b'\t'));
    let n = b.len();
    let word_end = n <= 2 || b[n - 1].is_ascii_digit() || sep(n.checked_sub(2)) || sep(n.checked_sub(3));
    if !(word_end || t.ends_with(char::is_uppercase)) {
        return (s, false);
    }
    let last = &b[memchr::memrchr3(b' ', b',', b'\t', b).map_or(0, |i| i + 1)..];
    let short = last.len() <= 2 || last.len() <= 8 && std::str::from_utf8(last).is_ok_and(|w| w.chars().count() <= 2);
    if !(short || last.iter().any(u8::is_ascii_digit)) || last.ends_with(b".") {
        return (s, false);
    }
    let seps = [' ', ',', '\t', '·', '|'];
    let (mut end, mut cut, mut time, mut place) = (t.len(), None, false, false);
    while end > 0 {
        let head = t[..end].trim_end_matches(seps);
        let start = head.rfind(seps).map_or(0, |i| i + head[i..].chars().next().map_or(1, char::len_utf8));
        let w = &head[start..];
        if w.is_empty() {
            break;
        }
        let is_time = strip_time(w).is_some_and(|(r, _)| r.is_empty());
        let is_place = !is_time && labels.is(w, Concept::Room);
        let code = w.chars().count() <= 3
            && w.chars().all(char::is_alphanumeric)
            && (w.bytes().any(|b| b.is_ascii_digit()) || w.chars().all(char::is_uppercase));
        if !(is_time || is_place || code) {
            break;
        }
        if is_time || is_place {
            cut = Some(start);
        }
        time |= is_time;
        place |= is_place;
        end = start;
    }
    let Some(at) = cut else { return (s, false) };
    let before = &t[..at];
    let gap = before.ends_with("  ") || before.ends_with('\t') || before.trim_end().ends_with([',', '·', '|']);
    let kept = before.trim_end().trim_end_matches([',', '·', '|']).trim_end();
    if kept.is_empty() || !(place || gap) {
        return (s, false);
    }
    (kept, time)
}

/// `title — names`, `title by names`, `title (names)`, and the framed shapes of
/// [`framed`]; names followed by their
/// affiliation in parentheses (`— Henrik Lindqvist (Ferrous Systems)`) keep the names.
/// `by` as in [`title_and_people`]; `None` when no people are named.
pub(super) fn split_title_line(s: &str, labels: &Labels, by: bool) -> Option<(String, Vec<(String, Role)>)> {
    // Marks after a line (`⭐`, `✅`, `🔥`): symbols, no part of a name.
    let s = s.trim().trim_end_matches(|c: char| !c.is_ascii() && !c.is_alphanumeric() && !"”’»)".contains(c));
    let s = s.trim_end();
    if let Some(found) = bracketed_people(s, labels) {
        return Some(found);
    }
    // `Title @Name`, `Title @A, @B`: the people as a chat or a checklist tags them.
    if let Some(found) = memchr::memchr(b'@', s.as_bytes()).and_then(|_| at_names(s, labels)) {
        return Some(found);
    }
    // A title framed by quotes among lead words, or a cell of a line typed with bars
    // or slashes; most lines have none of these bytes.
    let b = s.as_bytes();
    // `/` and `)` looked for at once: most lines have neither (a search for each was
    // 4 M instructions more on the 10 MB corpus).
    let slash_or_paren = memchr::memchr2(b'/', b')', b).is_some();
    // `Title (Ana Ruiz / Tom Berg, Acme)`: names in brackets at the end, a slash among
    // them, are no cells.
    if let Some(open) = s.strip_suffix(')').and_then(|x| x.rfind(" (")).filter(|&o| s[o..].contains('/')) {
        let title = clean_title(&s[..open]);
        if !s[..open].contains(['/', '"', '|']) && !title.is_empty() {
            if let Some(p) = names::people(&s[open + 2..s.len() - 1], labels, false) {
                return Some((title, p));
            }
        }
    }
    // (`«` is 0xC2 0xAB.)
    let quote = memchr::memchr3(b'"', 0xE2, b'|', b).is_some() || memchr::memmem::find(b, "«".as_bytes()).is_some();
    if quote || slash_or_paren && memchr::memchr(b'/', b).is_some() {
        if let Some(found) = framed::quoted(s, labels).or_else(|| framed::cells(s, labels)) {
            return Some(found);
        }
    }
    // `Title (Name): what was said`, the notes on the title's line.
    // (Or after a dash: `Title (A & B) - missed, room full`.)
    let notes_after = || {
        memchr::memchr_iter(b')', b)
            .find(|&i| [&b": "[..], b" - ", " — ".as_bytes()].iter().any(|p| b[i + 1..].starts_with(p)))
    };
    if let Some(i) = slash_or_paren.then(notes_after).flatten() {
        if let Some(found) = split_title_line(&s[..=i], labels, by) {
            return Some(found);
        }
    }
    if let Some(open) = s.strip_suffix(')').and_then(|x| x.rfind('(')) {
        if let Some((title, people)) = split_people(&s[..open], labels, by, true) {
            return Some((clean_title(title), people));
        }
    }
    split_people(s, labels, by, true)
        .map(|(title, people)| (clean_title(title), people))
        .or_else(|| people_after_word(s, labels))
}

/// `Title [Name]`, `Title [A, B]`: the people in square brackets at the end, as a
/// report writes them (perhaps with an affiliation: `Title [Marcin Wróblewski, CD
/// PROJEKT RED]`); the title before them.
pub(super) fn bracketed_people(s: &str, labels: &Labels) -> Option<(String, Vec<(String, Role)>)> {
    let open = s.strip_suffix(']').and_then(|x| x.rfind(" ["))?;
    let title = clean_title(&s[..open]);
    let inner = &s[open + 2..s.len() - 1];
    let people = names::people(inner, labels, false).or_else(|| framed::people_with_affiliation(inner, labels));
    people.filter(|_| !title.is_empty()).map(|p| (title, p))
}

/// The words a live report opens with to say where its writer sits, in the languages
/// read (`I'm at`, `ich bin im`, `je suis dans`).
const PRESENT: [&str; 24] = [
    "i'm at ",
    "i'm in ",
    "i’m at ",
    "i’m in ",
    "im at ",
    "now at ",
    "now in ",
    "sitting in ",
    "estoy en ",
    "je suis à ",
    "je suis au ",
    "je suis dans ",
    "ich bin in ",
    "ich bin im ",
    "ich bin bei ",
    "sono a ",
    "sono al ",
    "sono in ",
    "estou na ",
    "estou no ",
    "estou em ",
    "ik zit bij ",
    "ik zit in ",
    "jestem na ",
];

/// `s` after a live report's words of where its writer sits ([`PRESENT`]), when a
/// title and its people in brackets follow them: up to the brackets' end (`Terrace 2A.
/// tiny room` after them is the room and a remark).
fn present_at(s: &str) -> Option<&str> {
    // (The first word first: most lines open with none of these.)
    const FIRST: [&str; 12] =
        ["i'm", "i’m", "im", "now", "sitting", "estoy", "je", "ich", "sono", "estou", "ik", "jestem"];
    if !s.starts_with(['i', 'I', 'n', 'N', 's', 'S', 'e', 'E', 'j', 'J']) {
        return None;
    }
    let w = &s[..s.bytes().position(|b| b == b' ').unwrap_or(s.len())];
    if !FIRST.iter().any(|f| f.len() == w.len() && f.eq_ignore_ascii_case(w)) {
        return None;
    }
    let p = PRESENT.iter().find(|p| s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)))?;
    let rest = &s[p.len()..];
    let open = rest.find(" (")?;
    Some(rest.get(..=open + rest[open..].find(')')?).unwrap_or(rest))
}

/// The words of company that may open a title's people after a comma or a dash
/// (`Title, com Rafael Nogueira`, `Title - with A and B`), in the languages read.
const WITH: [&str; 9] = names::COMPANY;

/// The words for `by` that may follow a title's comma (`Title, da Fernanda Lacerda`); an
/// English `, by Name.` is read as prose is.
const BY_AFTER_COMMA: [&str; 8] = ["da", "do", "di", "de", "von", "par", "por", "door"];

/// `Title, com Rafael Nogueira`, `Title - com A e B`, `"Title" palestrante: Ana Ruiz`:
/// the people after a word of company set off by a comma or a dash, or after a
/// speaker's label with its colon, late in the line; the title before them.
pub(super) fn people_after_word(s: &str, labels: &Labels) -> Option<(String, Vec<(String, Role)>)> {
    let b = s.as_bytes();
    if memchr::memchr3(b':', b',', b'-', b).is_none() && memchr::memchr(0xE2, b).is_none() {
        return None;
    }
    for (i, _) in s.match_indices(' ') {
        let before = s[..i].trim_end();
        let word_end = s[i + 1..].find(' ').map_or(s.len(), |e| i + 1 + e);
        let w = &s[i + 1..word_end];
        let rest = s[word_end..].trim();
        let set_off = before.ends_with([',', '-', '–', '—']);
        // (`Title, da Fernanda Lacerda.`: a word for `by` after a comma too.)
        let company = set_off && WITH.iter().any(|x| w.eq_ignore_ascii_case(x))
            || before.ends_with(',') && BY_AFTER_COMMA.contains(&w);
        let label = w.len() > 3
            && w.strip_suffix(':').is_some_and(|l| labels.is(&l.to_lowercase(), Concept::Speaker))
            && before.len() > 8;
        if !(company || label) || rest.is_empty() {
            continue;
        }
        let title = clean_title(before.trim_end_matches([',', '-', '–', '—', ' ']));
        let case = if label { names::Case::Unusual } else { names::Case::Capitalised };
        let rest = rest.split(" (").next().unwrap_or(rest);
        // (The names end their sentence: `da Fernanda Lacerda. sala lotada`.)
        let rest = rest.split(". ").next().unwrap_or(rest);
        if let Some(people) = names::people_as(rest, labels, case).filter(|_| title.split_whitespace().count() >= 2) {
            return Some((title, people));
        }
    }
    None
}

/// Whether [`split_title_line`] may find people in `s`: it needs a byte that starts a
/// mark it reads (`@`, a quote, a bar, a closing bracket, a typographic dash or
/// quote), a slash between spaces (a cell, `Title / Name`), or one of
/// [`people::BY_SEPS`] and [`people::DASH_SEPS`]. A part of `s` has no more. (A slash
/// alone is mostly a URL's or a word's, `CI/CD`: it let 9,100 of the 11,600 first lines
/// read further on the 10 MB corpus, for nothing.)
fn may_split(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr3(b'@', b'"', b'|', b).is_some()
        || memchr::memchr2(b')', 0xE2, b).is_some()
        || b.last() == Some(&b']')
        || memchr::memchr_iter(b'/', b).any(|i| i > 0 && b[i - 1] == b' ' && b.get(i + 1) == Some(&b' '))
        || people::last_seps(s, &mut [None; people::SEPS])
}

/// The quoted part of a title (`Next: "Signals: the state of reactivity" — @radu`),
/// when it holds two words or more and what is outside it is at most three words,
/// handles and marks, or when it ends the title.
fn quoted_core(title: &str) -> Option<&str> {
    let (open, close) =
        [('"', '"'), ('“', '”'), ('„', '“'), ('«', '»')].into_iter().find(|(o, _)| title.contains(*o))?;
    let a = title.find(open)?;
    let inner = a + open.len_utf8();
    let b = inner + title[inner..].find(close)?;
    let core = title[inner..b].trim();
    let after = &title[b + close.len_utf8()..];
    let outside = format!("{} {after}", &title[..a]);
    let words =
        outside.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric) && !w.starts_with('@')).count();
    // (A quote that ends the title, its people after it, is the title whatever leads
    // to it: `I'm in South Hall 2A for "Title" (Name)`.)
    let last = !after.chars().any(char::is_alphanumeric);
    (core.split_whitespace().count() >= 2 && (words <= 3 || last)).then_some(core)
}

/// `Title @Name`, `Title @A, @B`, `Panel: topic @Mod: Name`: the title before the first
/// ` @` after which every part is a name (in any case, as tags are written).
fn at_names(s: &str, labels: &Labels) -> Option<(String, Vec<(String, Role)>)> {
    let i = s.find(" @")?;
    let title = clean_title(&s[..i]);
    if title.is_empty() {
        return None;
    }
    let names = s[i..].replace(" @", " ").replace(",@", ", ");
    let people = names::people_as(names.trim(), labels, names::Case::Any)?;
    Some((title, people))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_then_an_affiliation() {
        let l = Labels::default();
        let (t, p) = split_title_line("**Certified Rust for trains** — Ines Oduya (Rail Systems)", &l, true).unwrap();
        assert_eq!(t, "Certified Rust for trains");
        assert_eq!(p.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(), ["Ines Oduya"]);
        let (t, p) = split_title_line("\"Graphs for everyone\" - Kofi Adjei & Mia Lund", &l, true).unwrap();
        assert_eq!(t, "Graphs for everyone");
        assert_eq!(p.len(), 2);
        // No names: no people.
        assert!(split_title_line("Lunch — then coffee", &l, true).is_none());
    }

    fn talks(text: &str) -> Vec<(u32, String, Vec<String>)> {
        super::super::tests::detect(text).0
    }

    /// Talks read by a real reader of `markup`: (line, title, speakers, body).
    fn read(text: &str, markup: crate::notes::document::Markup) -> Vec<(u32, String, Vec<String>, String)> {
        super::super::tests::read_as(text, markup)
    }

    #[test]
    fn logistics_after_the_names_are_cut() {
        let l = Labels::default();
        assert_eq!(cut_logistics("Title -- Ana Ruiz (Acme)   room 8, 09:30", &l), ("Title -- Ana Ruiz (Acme)", true));
        assert_eq!(cut_logistics("Title — Ana Ruiz, Hall C", &l), ("Title — Ana Ruiz", false));
        assert_eq!(cut_logistics("Vortrag — Jörg Weiß, Saal 2", &l), ("Vortrag — Jörg Weiß", false));
        assert_eq!(cut_logistics("BOF: plugin authors, 19:00", &l), ("BOF: plugin authors", true));
        // A version is no time when nothing sets it apart; a title's last word stays.
        assert_eq!(cut_logistics("Upgrading to Python 3.12", &l).0, "Upgrading to Python 3.12");
        assert_eq!(cut_logistics("PEP 8 is a style guide", &l).0, "PEP 8 is a style guide");
        assert_eq!(cut_logistics("room 8", &l).0, "room 8");
    }

    #[test]
    fn numbered_title_lines_with_rooms_times_and_labels() {
        let text = "JavaLand 2025 -- notes\n\n[1] Records in practice  --  Ana Ruiz (Acme)   room 8, 09:30\n    * sealed types\n\n(2) Loom for the rest of us -- Tom Berg   Hall B, 10:50\n    * pinning\n\n#3 Quickie: jOOQ without tears -- Mia Lund   sala 3\n    * SQL\n\n4) BOF: plugin authors, 19:00\n    * chat\n";
        let t = read(text, crate::notes::document::Markup::Plain);
        let got: Vec<(&str, Vec<String>)> = t.iter().map(|x| (x.1.as_str(), x.2.clone())).collect();
        assert_eq!(
            got,
            [
                ("Records in practice", vec!["Ana Ruiz".to_string()]),
                ("Loom for the rest of us", vec!["Tom Berg".to_string()]),
                ("jOOQ without tears", vec!["Mia Lund".to_string()]),
                ("plugin authors", vec![]),
            ]
        );
        assert!(t[0].3.contains("sealed types") && !t[0].3.contains("pinning"), "{:?}", t[0].3);
    }

    #[test]
    fn checklist_items_with_tagged_speakers_and_nested_notes() {
        let text = "# Kafka Summit 2025 — checklist\n\n## Morning\n\n- [x] 09:00 Keynote: Streams two years on @Ana Ruiz\n    - KRaft only\n- [x] 10:15 Exactly-once is a lie @Tom Berg ⭐\n    - outbox pattern\n- [ ] 10:15 Kafka on Kubernetes @mia lund\n- [x] 11:20 Schemas are contracts @Kofi Adjei, @Lea Baumann\n    - Protobuf\n- [x] 16:45 Panel: Do we need batch? @Mod: Clara Ortiz\n    - panel: Ben Ode, Kim Lau\n\n## Follow-ups\n- [ ] ask Ana Ruiz: send slides\n- [ ] try Strimzi\n";
        let t = read(text, crate::notes::document::Markup::Markdown);
        let got: Vec<(&str, Vec<String>)> = t.iter().map(|x| (x.1.as_str(), x.2.clone())).collect();
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            got,
            [
                ("Streams two years on", s(&["Ana Ruiz"])),
                ("Exactly-once is a lie", s(&["Tom Berg"])),
                ("Kafka on Kubernetes", s(&["mia lund"])),
                ("Schemas are contracts", s(&["Kofi Adjei", "Lea Baumann"])),
                ("Do we need batch?", s(&["Ben Ode", "Kim Lau", "Clara Ortiz"])),
            ]
        );
        assert!(t[0].3.contains("KRaft") && !t[0].3.contains("outbox"));
    }

    #[test]
    fn a_bullet_journal_marks_talks_and_notes_apart() {
        let text = "PYCON 2025 · FRI 16.05.25\n\n○ 09:00 KEYNOTE — Free threads, one year in — Dora Mbatha\n– PEP 703 accepted\n– NumPy wheels\n\n○ 11:15 Pia Sanz-Obi: Template strings that behave\n– PEP 750\n\n○ 15:30 Django without an SPA — Teo Villa\n– tests with pytest\n– DEP 14 tasks mentioned at the end (Django's own thing)\n\n○ 16:45 lightning talks\n– Ruff in our monorepo — Wren Abara\n– PEP 8 is a guide, not a law — Hal Kjeldsen\n• ask Brett for the slides\n\n○ 18:00 PyLadies auction\n– bought nothing\n";
        let t = read(text, crate::notes::document::Markup::Plain);
        let titles: Vec<&str> = t.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Free threads, one year in",
                "Template strings that behave",
                "Django without an SPA",
                "Ruff in our monorepo",
                "PEP 8 is a guide, not a law"
            ]
        );
        assert_eq!(t[1].2, ["Pia Sanz-Obi"]);
        assert!(t[0].3.contains("NumPy") && t[2].3.contains("DEP 14"), "{t:?}");
        // A timed item is the next slot, not a note of the last lightning talk.
        assert!(t[4].3.contains("Brett") && !t[4].3.contains("auction"), "{:?}", t[4].3);
    }

    #[test]
    fn a_talk_about_a_subject_is_titled_by_the_subject() {
        let l = Labels::default();
        assert_eq!(kind_about(&l, "ett föredrag om Team Topologies"), Some((Concept::Talk, "Team Topologies")));
        assert_eq!(kind_about(&l, "A talk about flaky tests"), Some((Concept::Talk, "flaky tests")));
        assert_eq!(kind_about(&l, "Vortrag über Kafka"), Some((Concept::Talk, "Kafka")));
        assert_eq!(kind_about(&l, "Talk: Kafka"), None);
        assert_eq!(kind_about(&l, "a talk"), None);
    }

    #[test]
    fn labelled_lightning_lines_and_a_misc_label_ending_the_session() {
        let text = "# GoDays 2025\n\n## Lightning talks\n\nLT: templ without a build step / Dariusz Kępa\nLT: Bubble Tea for tools / Noor Al-Khatib\n\nmisc\n\n- Delve still the debugger everyone uses, VS Code wraps it\n- chat w/ Ines: Cobra later\n";
        let t = read(text, crate::notes::document::Markup::Markdown);
        let got: Vec<(&str, Vec<String>)> = t.iter().map(|x| (x.1.as_str(), x.2.clone())).collect();
        assert_eq!(
            got,
            [
                ("templ without a build step", vec!["Dariusz Kępa".to_string()]),
                ("Bubble Tea for tools", vec!["Noor Al-Khatib".to_string()])
            ]
        );
        assert!(!t[1].3.contains("Delve"), "{:?}", t[1].3);
    }

    #[test]
    fn a_name_line_with_an_affiliation_under_a_heading() {
        let text = "# GoDays 2025\n\n### Range over func\n*Marlene Okonkwo-Berg (Grafana Labs)*\n\n- iterators\n\n### Durable workflows\n*Ayo Fashola & Kirsten Vogelsang, both Temporal*\n\n- Temporal SDK\n";
        let t = talks(text);
        assert_eq!(t[0].2, ["Marlene Okonkwo-Berg"]);
        assert_eq!(t[1].2, ["Ayo Fashola", "Kirsten Vogelsang"]);
    }

    #[test]
    fn a_kind_then_the_speaker_under_a_heading() {
        let text = "# SREcon 2026\n\n### The error budget is a lie\n*Keynote*, Fionnuala Ní Bhriain (Stripe)\n\n- notes\n\n### eBPF for people who page\nWorkshop, Thabo Mokoena-Schulz\n\n- bpftrace\n\n### Sigstore in a real pipeline\nKeynote thoughts were better\n\n- cosign\n";
        let t = talks(text);
        assert_eq!(t[0].2, ["Fionnuala Ní Bhriain"]);
        assert_eq!(t[1].2, ["Thabo Mokoena-Schulz"]);
        // A label starting a sentence names nobody.
        assert!(t.iter().all(|x| x.1 != "Sigstore in a real pipeline" || x.2.is_empty()), "{t:?}");
    }

    #[test]
    fn timed_quoted_titles_open_paragraphs() {
        let text = "Rust Meetup Zürich #7, 3 June 2025

19:00 \"Zero-copy parsing with nom\" - Lea Baumann
nom combinators, then winnow.
benchmarks against serde.

19:40 \"Async drop, finally?\" - Jonas Egli & Mira Sutter
the RFC state, pinning.
";
        let t = talks(text);
        assert_eq!(t.len(), 2, "{t:?}");
        assert_eq!(
            (t[0].0, t[0].1.as_str(), t[0].2.clone()),
            (3, "Zero-copy parsing with nom", vec!["Lea Baumann".to_string()])
        );
        assert_eq!(t[1].2, ["Jonas Egli", "Mira Sutter"]);
    }

    #[test]
    fn bold_titles_with_names_and_affiliations() {
        let text = "GeoPython 2025 notes\n\n**Tiles without a server** — Ana Ruiz (Mapbox)\n\nPMTiles on S3.\n\n**Rasters at scale** — Tom Berg\n\nCOGs and GDAL.\n";
        let t = talks(text);
        let got: Vec<(&str, Vec<String>)> = t.iter().map(|x| (x.1.as_str(), x.2.clone())).collect();
        assert_eq!(
            got,
            [
                ("Tiles without a server", vec!["Ana Ruiz".to_string()]),
                ("Rasters at scale", vec!["Tom Berg".to_string()])
            ]
        );
    }

    #[test]
    fn one_plain_line_with_a_name_is_no_talk() {
        // No time, no mark, no sibling: a remark, not a title line.
        let text = "PyCon Lite 2025\n\n## Packaging today\n\nSlides were great.\n\nThanks for the tips — Ana Ruiz\nmore text\n";
        let t = talks(text);
        assert_eq!(t.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(), ["Packaging today"]);
    }

    #[test]
    fn a_labelled_panel_line_with_its_moderator_and_speakers() {
        let text = "RustConf 2025\n\nPanel: is async ready? — moderated by Clara Ortiz, with Ben Ode, Kim Lau and Dev Rao\n- points\n\nTalk: Rust - The Good Parts\nnotes\n";
        let t = talks(text);
        assert_eq!(t[0].1, "is async ready?");
        // The moderator is no speaker: `Section::moderators` holds her.
        assert_eq!(t[0].2, ["Ben Ode", "Kim Lau", "Dev Rao"]);
        let doc = super::super::tests::detect(text).1;
        assert_eq!(doc.sections[0].moderators[0].name, "Clara Ortiz");
        // A dash before words that are no names stays in the title.
        assert_eq!((t[1].1.as_str(), t[1].2.len()), ("Rust - The Good Parts", 0));
    }
}
