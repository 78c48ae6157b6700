//! Title lines whose title is framed rather than separated: by quotes among lead-in
//! words (`panel "Maintainers under pressure" w/ A, B and C, moderated by D`,
//! `first talk is "Scaling Celery" by Devon Hartley`), or by the cells of a schedule
//! line typed with bars (`Room 317 | Kwame Asante | Fast Python with the new JIT`);
//! and a title alone on a paragraph's first line over a speaker field
//! (`10.05–10.35  Free-threaded Python in practice` / `Presenter – Jonas Vermeulen`).

use super::*;

/// Words that put people after a quoted title: `"Title" by A`, `with A`, `w/ A`.
const CONNECTORS: [&str; 16] =
    ["by", "with", "w/", "feat.", "ft.", "-", "—", "–", "von", "mit", "par", "avec", "por", "con", "di", "door"];

/// `[lead words] "Title" CONNECTOR people`: a quoted title after at most four lead-in
/// words (each in lower case or a label, as `keynote`, `first talk is`, `Panel:`), then
/// a connector and people. The title is what the quotes hold; the lead words are not
/// the title's. `None` when the line has no such shape.
pub(super) fn quoted(s: &str, labels: &Labels) -> Option<(String, Vec<(String, Role)>)> {
    // The first `"`, `“`, `«` or `„` (0xE2 also starts dashes, the common case; 0xC2
    // other signs).
    let b = s.as_bytes();
    let open = memchr::memchr3_iter(b'"', 0xE2, 0xC2, b)
        .find(|&i| b[i] == b'"' || ["“", "«", "„"].iter().any(|q| b[i..].starts_with(q.as_bytes())))?;
    let q = s[open..].chars().next()?;
    let prefix = s[..open].trim();
    let words: Vec<&str> = prefix.split_whitespace().collect();
    let lead_word = |w: &&str| {
        // (`Talk **« Title »**`: emphasis around the quotes is no word.)
        let w = w.trim_end_matches([':', ',', '-', '—', '–', '*', '_']);
        w.is_empty() || w.starts_with(char::is_lowercase) || !labels.lookup(w).is_empty()
    };
    // Or a lead-in sentence set apart by a colon (`For the data people: "Title" (A & B)`).
    let lead_in = prefix.ends_with([':', '：']) && words.len() <= 8;
    if !lead_in && (words.len() > 4 || !words.iter().all(lead_word)) {
        return None;
    }
    let close_char = match q {
        '“' => '”',
        '«' => '»',
        '„' => '“',
        _ => '"',
    };
    let inner_start = open + q.len_utf8();
    let close = inner_start + s[inner_start..].find(close_char)?;
    let title = s[inner_start..close].trim();
    if title.is_empty() {
        return None;
    }
    let rest = s[close + close_char.len_utf8()..].trim_start_matches(['*', '_']).trim_start();
    // What follows the people: nothing, or the notes after a colon (`"Title" (Ana
    // Ruiz) : what was asked`, `« Title » — Ana Ruiz : …`, as a card's front is).
    let notes_after = |r: &str| r.is_empty() || r.starts_with(':');
    // The people in parentheses after it: `"Title" (A & B, both Acme)`.
    if let Some((p, after)) = rest.strip_prefix('(').and_then(|r| r.split_once(')')) {
        if notes_after(after.trim()) {
            if let Some(people) = names::people_as(p, labels, names::Case::Capitalised) {
                return Some((clean_title(title), people));
            }
        }
    }
    let rest = rest.trim_start_matches([',', ':']).trim_start();
    let (first, after) = rest.split_once(char::is_whitespace)?;
    if !CONNECTORS.iter().any(|c| first.eq_ignore_ascii_case(c)) {
        // (Or the people right after it, perhaps with an aside in brackets: `"Title",
        // Jan-Hendrik van der Meulen`, `"Title" Ana Ruiz (at Acme, I think)`.)
        let who = rest.find(" (").filter(|_| rest.ends_with(')')).map_or(rest, |i| &rest[..i]);
        let people = names::people_as(who, labels, names::Case::Capitalised)?;
        return (title.split_whitespace().count() >= 2).then(|| (clean_title(title), people));
    }
    // (The people before a colon and the notes after it, after a dash: `— Ana Ruiz :
    // …`.)
    let after = match after.split_once(" : ").or_else(|| after.split_once(": ")) {
        Some((who, _)) if first.chars().all(|c| "-—–".contains(c)) => who,
        _ => after,
    };
    let people = names::people_as(after, labels, names::Case::Unusual)?;
    Some((clean_title(title), people))
}

/// A schedule line typed with bars or slashes: two or more cells separated by ` | `
/// (or ` / `: `Typing in anger / Ana Ruiz`), of which one
/// names the people and one, the longest of the rest, is the title; cells holding only
/// a time or a place in the venue (`Room 317`, `Hall C`, `Main stage`) are read past.
pub(super) fn cells(s: &str, labels: &Labels) -> Option<(String, Vec<(String, Role)>)> {
    let b = s.as_bytes();
    let spaced = |c: u8| memchr::memchr_iter(c, b).any(|i| i > 0 && b[i - 1] == b' ' && b.get(i + 1) == Some(&b' '));
    let sep = if spaced(b'|') {
        "|"
    } else if spaced(b'/') {
        " / "
    } else {
        return None;
    };
    let mut people = None;
    let mut title: Option<&str> = None;
    for cell in s.split(sep).map(str::trim).filter(|c| !c.is_empty()) {
        if strip_time(cell).is_some_and(|(r, _)| r.trim().is_empty()) || is_room(cell, labels) {
            continue;
        }
        if people.is_none() {
            // (Not a title's words: `Unconference / Open Spaces`.)
            if let Some(p) = names::leading_people(cell, labels) {
                people = Some(p);
                continue;
            }
        }
        if title.is_none_or(|t| t.len() < cell.len()) {
            title = Some(cell);
        }
    }
    Some((clean_title(title?), people?))
}

/// A by-line on the line under candidate `c`'s (`Keynote: Title` / `by Ana Ruiz`), when
/// `c` names no one yet: its people become `c`'s speakers (evidence +2). Whether it was.
pub(super) fn by_line(c: &mut Candidate, l: &str, labels: &Labels) -> bool {
    let people = by_clause(l.trim()).filter(|_| c.speakers.is_empty()).and_then(|r| names::people(r, labels, true));
    let Some(people) = people else { return false };
    c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line: c.line + 1 }, r)).collect();
    push_ev(c, "speaker field", 2);
    true
}

impl Run<'_, '_, '_> {
    /// A paragraph whose first line is a title (two to twenty words, perhaps after a
    /// time) and whose second line names its people, as a schedule copied from a
    /// document or web page lays a talk out without markup: a speaker or moderator
    /// field (`Presenter – Jonas Vermeulen`, evidence +2), or, under a title set apart
    /// by bold, quotes or a time, a line that is only a name (`*Ana Ruiz*`, perhaps
    /// with an affiliation after a comma; +2). A time adds +1; siblings of the same
    /// shape add theirs when the candidates are scored. `first` is the first line's
    /// plain text, trimmed, and `raw_first` as written.
    pub(super) fn title_over_field(
        &self,
        bi: usize,
        line: u32,
        text: &str,
        raw_first: &str,
        first: &str,
        lead: Lead<'_, '_>,
    ) -> Option<Candidate> {
        let labels = self.labels();
        // The checks are ordered cheapest first, as most paragraphs are prose: the
        // first line's own (an untimed first line with a label is a field or a lead-in,
        // read above; a title does not end with `:`), then the second line, found from
        // the first's end (`raw_first` is a prefix of `text`).
        let below = text.get(raw_first.len() + 1..)?;
        let (rest, time) = strip_time(first).map_or((first, false), |(r, _)| (r, true));
        // A session's code before the title (`CMP315 Graviton migration`, `BRK211 - …`),
        // as a big conference's catalogue numbers its sessions: it sets the title apart.
        let (rest, time) = match session_code(rest) {
            Some(r) => (r, true),
            None => (rest, time),
        };
        // A section's or a paper's number (`2.2 Title` / `Presenter(s): …`, `(1) "Title"`).
        let numbered = strip_number(rest);
        let enumerated = numbered.len() < rest.len();
        let rest = numbered;
        if !time && lead.is_some() || rest.ends_with([':', ',', ';']) {
            return None;
        }
        let set_apart = || {
            let raw_rest = strip_time(raw_first.trim()).map_or(raw_first.trim(), |(r, _)| r);
            // A title right after a rule is set apart as much as a bold one.
            let after_rule = bi > 0 && matches!(self.blocks[bi - 1].kind, BlockKind::Separator);
            time || after_rule || ["**", "__", "\"", "“", "*", "_"].iter().any(|m| raw_rest.starts_with(m))
        };
        // The people a line names: a field, a by-line, or (under a title set apart) a
        // name line.
        let people_of = |second: &str| -> Option<(People, bool, &'static str)> {
            // A paper's authors (`Nguyen et al.  (presenter: Thi Lan Nguyen, Monash)`).
            if let Some(found) = et_al(second, labels) {
                return Some((found, false, "speaker field"));
            }
            // When and where before the people (`4:00, Islander FG. Tyler Brooks,
            // CrowdStrike`), the people in parentheses before them (`(Kevin Brandt &
            // Sarah Lindqvist, Mandiant)  11:30, South Seas CDF`): names framed so are a
            // name line under any title. (Looked for only on a line opening with a time
            // or a parenthesis: most are prose.)
            let (second, framed) = if strip_time(second).is_some() {
                match search::split_once(second, ". ") {
                    Some((head, r)) if super::slot::read(head, labels).is_some() => (r.trim(), true),
                    _ => (second, false),
                }
            } else {
                match second.strip_prefix('(').and_then(|r| r.split_once(')')) {
                    Some((inner, after)) if super::slot::read(after.trim(), labels).is_some_and(|r| r.time) => {
                        (inner.trim(), true)
                    }
                    _ => (second, false),
                }
            };
            // A remark in lower case before a dash (`customer story — Rob Hendricks`).
            let second = if second.starts_with(char::is_lowercase) && memchr::memchr(0xE2, second.as_bytes()).is_some()
            {
                match search::split_once(second, " — ").or_else(|| search::split_once(second, " – ")) {
                    Some((head, r)) if head.split_whitespace().count() <= 4 && !head.contains(char::is_uppercase) => {
                        r.trim()
                    }
                    _ => second,
                }
            } else {
                second
            };
            // The talk's kind, then its people (`talk by Ana Ruiz`, `a talk by …`, `charla
            // de Iker Etxeberria (INCIBE)`, `Vortrag von …`).
            if let Some(by) = kind_by(second, labels) {
                return Some((names::people(by, labels, true)?, false, "speaker field"));
            }
            // A line of company under a timed title names them too (`con A e B`, `mit …`).
            if let Some(p) = (time && second.len() <= 100).then(|| with_clause(second)).flatten() {
                if let Some(people) = names::people(p, labels, true) {
                    return Some((people, false, "speaker field"));
                }
            }
            match labels.leading(second) {
                Some((cs, value)) if cs.contains(&Concept::Speaker) || cs.contains(&Concept::Moderator) => {
                    // (Perhaps with an affiliation: `foredragsholder Ana Ruiz, jobber hos Acme`.)
                    // (One clause: `Moderator: Ana Ruiz. Panelists: …` is a field of its own.)
                    let people = names::people(value, labels, true).or_else(|| {
                        (!value.contains(". ")).then(|| people_with_affiliation(value, labels)).flatten()
                    })?;
                    Some((people, !cs.contains(&Concept::Speaker), "speaker field"))
                }
                Some(_) => None,
                // A by-line (`by Ana Ruiz`, `facilitated by A and B`) names the people.
                None if second.len() <= 100 && by_clause(second).is_some() => {
                    Some((names::people(by_clause(second)?, labels, true)?, false, "speaker field"))
                }

                // A name line is short and capitalised: prose under a timed title is read
                // no further.
                None if second.len() <= 100 && second.starts_with(char::is_uppercase) && (framed || set_apart()) => {
                    Some((people_with_affiliation(second, labels)?, false, "a name line under it"))
                }
                None => None,
            }
        };
        // The line naming the people: the second, or the one after a line or two of
        // when and where (`2:30  Oceanside C` / `presented by …`).
        let mut k: u32 = 0;
        let mut found = None;
        for l in below.split('\n').take(3) {
            let l = strip_inline(l);
            let l = l.trim();
            if let Some(f) = people_of(l) {
                found = Some(f);
                break;
            }
            if strip_time(l).is_none() || !super::slot::read(l, labels).is_some_and(|r| r.time) {
                break;
            }
            k += 1;
        }
        let (people, moderator, why) = found?;
        // A labelled first line after a time is a field too, unless its label names a
        // talk (`10h15 - palestra: Title`).
        let mut kind = None;
        let rest = match labels.leading(rest).filter(|_| time) {
            Some((cs, r)) => {
                kind = Some(cs.iter().copied().find(|c| c.is_talk_kind())?);
                r.trim_start_matches([':', '-', '–', '—', ' '])
            }
            None => rest,
        };
        let title = clean_title(rest);
        let words = title.split_whitespace().count();
        // (A line of tags, `#literature #testing`, is no title.)
        if !(2..=20).contains(&words) || title.split_whitespace().all(|w| w.starts_with('#')) {
            return None;
        }
        let mut c = self.new_candidate(bi, line, Source::TitleLine, title);
        push_ev(&mut c, why, 2);
        if time {
            push_ev(&mut c, "a time", 1);
        } else if why == "a name line under it" && set_apart() && !self.under_heading_candidate(bi) {
            // (`**Title**` / `Ana Ruiz, Acme`: a bold title over a name alone is a talk;
            // right under a heading, `> [!note] Vortrag`, it is that heading's title.)
            push_ev(&mut c, "a title set apart", 1);
        }
        if enumerated {
            push_ev(&mut c, "a number before it", 1);
        }
        if let Some(k) = kind.filter(|k| *k != Concept::Talk) {
            c.kind = kind_of(k);
        }
        let at = line + 1 + k;
        c.speakers = people
            .into_iter()
            .map(|(n, r)| (Named { name: n, line: at }, if moderator { Role::Moderator } else { r }))
            .collect();
        c.body_line = at + 1;
        Some(c)
    }

    /// Whether block `bi` comes right after a heading read as a candidate.
    fn under_heading_candidate(&self, bi: usize) -> bool {
        self.cands.last().is_some_and(|c| self.right_under(c.block, bi) && matches!(c.source, Source::Heading(_)))
    }

    /// The first line of the list item right after block `bi` when it is a field naming
    /// people (`- palestrante: Name`, `* Speaker: …`).
    pub(super) fn field_item_after(&self, bi: usize) -> Option<&str> {
        let BlockKind::ListItem { depth: 0, text, .. } = &self.blocks.get(bi + 1)?.kind else { return None };
        let first = text.split('\n').next()?;
        let (cs, _) = self.labels().leading(first.trim_start_matches(['*', '_']).trim_start())?;
        (cs.contains(&Concept::Speaker) || cs.contains(&Concept::Moderator)).then_some(first)
    }

    /// Whether list item `bi` is in the list whose first item named the people of the
    /// talk right above it (`14h00 - "Title"` / `- palestrante: Name` / `- notes …`):
    /// the list's other items are the talk's notes.
    pub(super) fn in_list_under_title(&self, bi: usize) -> bool {
        let Some(c) = self.cands.last().filter(|c| matches!(c.source, Source::TitleLine | Source::Field)) else {
            return false;
        };
        let first = c.block + 1;
        let named = self.field_item_after(c.block).is_some() || c.evidence.iter().any(|(f, _)| *f == listed::OVER_LIST);
        if first >= bi || bi - first > 64 || !named {
            return false;
        }
        // One list: items line after line.
        self.blocks[first..=bi]
            .windows(2)
            .all(|p| matches!(p[1].kind, BlockKind::ListItem { .. }) && p[1].line == p[0].end + 1)
    }

    /// A paragraph of fields that names a talk by a title field and its people by a
    /// speaker field, in either order (`Speaker: Ana Ruiz` / `Title: Typing in
    /// anger`, `Thema:` / `Referentin:`): evidence +2 for each. The fields are the
    /// paragraph's first lines, at most eight.
    pub(super) fn field_pair(&self, bi: usize, line: u32, text: &str, lead: Lead<'_, '_>) -> Option<Candidate> {
        // The first line is a field: its label is known.
        lead?;
        let labels = self.labels();
        let mut title: Option<String> = None;
        let mut people: Vec<(Named, Role)> = Vec::new();
        let mut last = 0;
        for (k, l) in text.split('\n').enumerate().take(8) {
            let l = strip_inline(l);
            let Some((cs, value)) = labels.leading(l.trim()) else { break };
            let value = value.trim();
            let at = line + k as u32;
            if cs.contains(&Concept::Title) && title.is_none() && !value.is_empty() {
                title = Some(clean_title(value));
            } else if cs.contains(&Concept::Speaker) || cs.contains(&Concept::Moderator) {
                let moderator = !cs.contains(&Concept::Speaker);
                let found = names::people(value, labels, true)?;
                people.extend(
                    found
                        .into_iter()
                        .map(|(n, r)| (Named { name: n, line: at }, if moderator { Role::Moderator } else { r })),
                );
            } else if !cs.iter().any(|c| matches!(c, Concept::Time | Concept::Room)) {
                break;
            }
            last = k;
        }
        let title = title.filter(|t| !t.is_empty() && t.split_whitespace().count() <= 20)?;
        if people.is_empty() {
            return None;
        }
        let mut c = self.new_candidate(bi, line, Source::Field, title);
        push_ev(&mut c, "a title field", 2);
        push_ev(&mut c, "speaker field", 2);
        c.speakers = people;
        c.body_line = line + last as u32 + 1;
        Some(c)
    }

    /// A quote right under a heading candidate that names no one, holding only a name
    /// (`> Ana Ruiz, Acme`): the heading's speaker, as a name line under it would be.
    pub(super) fn quote_under_heading(&mut self, bi: usize, b: &Block, text: &str) {
        let Some(c) = self.cands.last() else { return };
        if !self.right_under(c.block, bi) || !matches!(c.source, Source::Heading(_)) || !c.speakers.is_empty() {
            return;
        }
        let first = strip_inline(text.split('\n').next().unwrap_or(""));
        let Some(people) = people_with_affiliation(first.trim(), self.labels()) else { return };
        let c = self.cands.last_mut().expect("checked above");
        c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line: b.line }, r)).collect();
        push_ev(c, "a name line under it", 2);
    }

    /// A quote that repeats the line of a talk above it, as a reply in a forum thread
    /// quotes the talk it answers (`> **3. Dados abertos do SUS** — Thaís Menezes`): the
    /// notes under it are that talk's, a part of it with its title and first line.
    /// Whether it was one.
    pub(super) fn quoted_again(&mut self, bi: usize, b: &Block, text: &str) -> bool {
        let first = strip_inline(text.split('\n').next().unwrap_or(""));
        let first = first.trim();
        if first.len() < 8 || self.cands.is_empty() {
            return false;
        }
        // (Candidates dropped since: read again from the start.)
        if self.quotable.1 > self.cands.len() {
            self.quotable = (HashMap::new(), 0);
        }
        // Each candidate's line is read once, into a map from its plain text (a note's
        // cost stays linear however many quotes it holds).
        let plain_line = |c: &Candidate| {
            let l = self.line_text(c.line).trim_start_matches(['#', '>', ' ']);
            let l = ["- ", "* ", "+ "].iter().find_map(|m| l.strip_prefix(m)).unwrap_or(l);
            strip_inline(l).trim().to_string()
        };
        let added: Vec<(String, u32)> = self.cands[self.quotable.1..].iter().map(|c| (plain_line(c), c.line)).collect();
        self.quotable.1 = self.cands.len();
        for (l, line) in added {
            self.quotable.0.insert(l, line);
        }
        let Some(&line) = self.quotable.0.get(first) else { return false };
        let Some(c) = self.cands.iter().rev().find(|c| c.line == line && c.block < bi) else { return false };
        let mut again = c.clone();
        again.block = bi;
        again.line = b.line;
        again.part_of = Some(c.part_of.unwrap_or(c.line));
        again.body_line = b.end + 1;
        again.at = None;
        push_ev(&mut again, "the same talk quoted again", 1);
        self.cands.push(again);
        true
    }

    /// A paragraph right under a heading read as `Name: Title` that names other people
    /// on its first line (`# Goodbye Ingress: Migrating …` / `Maria Gonzalez-Whitfield
    /// and Tom Becker, both from Shopify`): the words before the colon were the title's,
    /// and these are the speakers.
    pub(super) fn names_under_colon_heading(&mut self, bi: usize, b: &Block, text: &str) {
        let Some(c) = self.cands.last() else { return };
        if !self.right_under(c.block, bi) || !matches!(c.source, Source::Heading(_)) || c.speakers.len() != 1 {
            return;
        }
        let first = strip_inline(text.split('\n').next().unwrap_or(""));
        let first = first.split(". ").next().unwrap_or(&first);
        let Some(people) = names::leading_people(first.trim().trim_end_matches('.'), self.labels()) else { return };
        let Some(whole) = colon_title(c, &strip_inline(self.line_text(c.line)), &people) else { return };
        let c = self.cands.last_mut().expect("checked above");
        c.title = whole;
        c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line: b.line }, r)).collect();
        push_ev(c, "a name line under it", 2);
    }
}

impl Run<'_, '_, '_> {
    /// When no heading level carries evidence of talks (no label, time or name), in a
    /// note that names its event: the shallowest heading level with two or more headings
    /// of two words or more that have content of their own. Sections of a conference's
    /// notes under plain titles are its talks (evidence +1, and siblings add theirs);
    /// the level is given back as the one that carries the talks.
    pub(super) fn plain_sections(&mut self) -> Option<u8> {
        self.conference?;
        let fit = |c: &Candidate| {
            c.title.split_whitespace().count() >= 2
                && c.evidence.iter().any(|(f, w)| *f == "content after it" && *w > 0)
                && c.evidence.iter().all(|(_, w)| *w > 0)
        };
        let mut count = [0usize; 8];
        for c in &self.cands {
            if let Source::Heading(l) = c.source {
                if fit(c) {
                    count[usize::from(l.min(7))] += 1;
                }
            }
        }
        let level = (1..8).find(|&l| count[l] >= 2)?;
        let level = u8::try_from(level).ok()?;
        for c in &mut self.cands {
            if c.source == Source::Heading(level) && fit(c) {
                push_ev(c, "a section of the event's notes", 1);
            }
        }
        Some(level)
    }
}

/// A title set apart by bold or quotes, then its people after a comma, a colon, a
/// dash or `by` (`**Ruff in pre-commit**, Lucie Bernard`, `"Typst for slides" — Mathis
/// Robin`): the title the marks hold and the people. `raw` is the line as written.
pub(super) fn marked(raw: &str, labels: &Labels) -> Option<(String, Vec<(String, Role)>)> {
    let raw = raw.trim();
    const PAIRS: [(&str, &str); 6] = [("**", "**"), ("__", "__"), ("\"", "\""), ("“", "”"), ("*", "*"), ("_", "_")];
    // `ostatni slot, sala 3: **Title**, Name`: a few words of when and where first.
    if let Some((head, tail)) = search::split_once(raw, ": ") {
        let tail = tail.trim_start();
        if !raw.starts_with(['*', '_', '"', '“'])
            && head.split_whitespace().count() <= 5
            && tail.starts_with(['*', '_', '"', '“'])
        {
            return marked(tail, labels);
        }
    }
    let Some((open, close)) = PAIRS.into_iter().find(|(o, _)| raw.starts_with(o)) else {
        // `Sem Peeters — *pre-commit is je beste vriend* (ruff + mypy hooks)`: the name
        // first, the title set apart after a dash.
        let (head, tail) = [" — ", " – ", " - "].iter().find_map(|d| search::split_once(raw, d))?;
        let tail = tail.trim_start();
        let (open, close) = PAIRS.into_iter().find(|(o, _)| tail.starts_with(o))?;
        let inner = &tail[open.len()..];
        let title = clean_title(&inner[..inner.find(close)?]);
        let people = names::people_as(&strip_inline(head), labels, names::Case::Capitalised)?;
        return (title.split_whitespace().count() >= 2).then_some((title, people));
    };
    let inner_start = open.len();
    let end = inner_start + raw[inner_start..].find(close)?;
    let title = clean_title(&raw[inner_start..end]);
    if title.is_empty() {
        return None;
    }
    let rest = raw[end + close.len()..].trim_start();
    let rest = rest.trim_start_matches([',', ':', '-', '—', '–']).trim_start();
    let rest = rest.strip_prefix("by ").unwrap_or(rest);
    // Nothing after the marks, or a sentence: no people here. Names may be followed by
    // an affiliation (`— Mathis Robin (Acme)`).
    Some((title, people_with_affiliation(rest, labels)?))
}

/// The text of a line that is one Markdown link (`[Title by Name](https://…)`), else the
/// line.
pub(super) fn link_text(raw: &str) -> &str {
    let t = raw.trim();
    let Some(inner) = t.strip_prefix('[').and_then(|t| t.strip_suffix(')')) else { return raw };
    match inner.rfind("](") {
        Some(i) if !inner[i + 2..].contains([' ', ']']) && !inner[..i].contains('[') => &inner[..i],
        _ => raw,
    }
}

/// Whether `s` names an event with its year, as a video's title or a cell writes it:
/// one to four capitalised words, then the year (`PyData London 2024`, `RustConf 2023`).
fn event_with_year(s: &str) -> bool {
    let Some((name, year)) = s.trim().rsplit_once(' ') else { return false };
    let year = year.trim_start_matches(['\'', '’']);
    let words = name.split_whitespace().count();
    (1..=4).contains(&words)
        && (year.len() == 4 && (year.starts_with("19") || year.starts_with("20")) || year.len() == 2)
        && year.bytes().all(|b| b.is_ascii_digit())
        && name.split_whitespace().all(|w| w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphanumeric))
}

/// `s` without an event named before or after its title: `RustConf 2023 - Title`,
/// `Title | PyData London 2024`, `Title (EuroPython 2024)`. What is left has two words
/// or more, else `s` is given back. Only a title with a digit at its end or in its
/// first 40 bytes is read further (18,533 list items of the 10 MB corpus: 20 M
/// instructions when every separator was looked for, 2 M this way).
pub(super) fn without_event(s: &str) -> &str {
    let s = s.trim();
    let b = s.as_bytes();
    let mut out = s;
    // After the title: `… | Event 2024`, `… (Event 2024)`.
    let closed = b.last() == Some(&b')');
    let year_end = if closed { b.len() - 1 } else { b.len() };
    if year_end > 0 && b[year_end - 1].is_ascii_digit() {
        let seps: &[&str] = if closed { &[" ("] } else { &[" | ", " - ", " — ", " – ", ", "] };
        if let Some((i, sep)) = search::rfind_any(s, seps) {
            if event_with_year(&s[i + sep.len()..year_end]) {
                out = s[..i].trim_end();
            }
        }
    }
    // Before it: `Event 2024 - …`: the first digits, then a separator.
    let ob = out.as_bytes();
    if let Some(d) = ob.iter().take(40).position(u8::is_ascii_digit) {
        let q = d + ob[d..].iter().take_while(|c| c.is_ascii_digit()).count();
        if let Some(sep) = [" - ", " — ", " – ", ": ", " | "].into_iter().find(|sep| out[q..].starts_with(sep)) {
            if event_with_year(&out[..q]) {
                out = out[q + sep.len()..].trim_start();
            }
        }
    }
    if out.split_whitespace().count() >= 2 {
        out
    } else {
        s
    }
}

#[cfg(test)]
mod event_tests {
    use super::*;

    #[test]
    fn an_event_before_or_after_a_title_is_no_part_of_it() {
        assert_eq!(without_event("RustConf 2023 - Fearless FFI by Jane Lusby"), "Fearless FFI by Jane Lusby");
        assert_eq!(
            without_event("Priya Raman - Rust for Pythonistas | PyData London 2024"),
            "Priya Raman - Rust for Pythonistas"
        );
        assert_eq!(without_event("Postgres as a queue (EuroPython 2024)"), "Postgres as a queue");
        assert_eq!(without_event("PyCon US '24: Typing in anger"), "Typing in anger");
        // A year that is the title's, a name in parentheses, a title that would be
        // left with one word.
        assert_eq!(without_event("What's new in Python 2024"), "What's new in Python 2024");
        assert_eq!(without_event("Typing in anger (Ana Ruiz)"), "Typing in anger (Ana Ruiz)");
        assert_eq!(without_event("Rust 2024 - Keynote"), "Rust 2024 - Keynote");
        assert_eq!(link_text("[Title by Ana Ruiz](https://x.y/z)"), "Title by Ana Ruiz");
        assert_eq!(link_text("[a](b) and [c](d)"), "[a](b) and [c](d)");
    }
}

/// `Name: Title` as a heading writes it (`## Ana Ruiz: Typing in anger`, `## A & B:
/// Title`, `## Ana Ruiz (Acme): Title`): the people that lead a title
/// ([`names::leading_people`]) before the first `: `, a title of two or more words
/// after it.
pub(super) fn name_colon(s: &str, labels: &Labels) -> Option<(String, Vec<(String, Role)>)> {
    // A full-width colon in Chinese or Japanese (`鈴木 健太郎：Title`).
    let (name, title) = search::split_once(s, ": ").or_else(|| if s.is_ascii() { None } else { s.split_once('：') })?;
    // A name's first letter is a capital, or of a script without case.
    let capital = |c: char| c.is_uppercase() || !c.is_ascii() && !c.is_lowercase();
    if name.split_whitespace().nth(1).is_none() || !name.starts_with(capital) {
        return None;
    }
    let people = names::leading_people(name, labels)?;
    let title = clean_title(title);
    (title.split_whitespace().count() >= 2).then_some((title, people))
}

/// A title's leading number (`1. Typing in anger`, `2) Django at scale`, `#3 …`,
/// `[4] …`, `(5) …`): the title without it. At most two digits, so that a year
/// (`2024. A look back`) stays.
pub(super) fn strip_number(s: &str) -> &str {
    let t = s.trim_start();
    // A pictograph as a post's bullet (`👉 "Title" — Name`, `🎤 Title — Name`).
    if t.starts_with(pictograph) {
        let rest = t.trim_start_matches(|c: char| pictograph(c) || matches!(c, '\u{FE0F}' | '\u{200D}'));
        if rest.starts_with(' ') && !rest.trim().is_empty() {
            return rest.trim_start();
        }
    }
    // A thread's post number (`2/ Title`; not `24/7 support`).
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        if let Some(rest) = t[digits..].strip_prefix("/ ").filter(|r| !r.trim().is_empty()) {
            return rest.trim_start();
        }
    }
    // A number in brackets: `[4]`, `(5)`.
    for (open, close) in [('[', ']'), ('(', ')')] {
        if let Some(inner) = t.strip_prefix(open) {
            let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
            if let Some(rest) = inner[digits..].strip_prefix(close).filter(|_| (1..=2).contains(&digits)) {
                return if rest.starts_with(' ') && !rest.trim().is_empty() { rest.trim_start() } else { s };
            }
        }
    }
    let t2 = t.strip_prefix('#').unwrap_or(t);
    let digits = t2.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return s;
    }
    let mut after = &t2[digits..];
    // A section's number (`2.1 Title`, `3.4.1. Title`), as a report numbers its parts.
    let mut section = false;
    while let Some(r) = after.strip_prefix('.') {
        let d = r.bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=2).contains(&d) {
            break;
        }
        after = &r[d..];
        section = true;
    }
    if section {
        after = after.strip_prefix('.').unwrap_or(after);
    }
    // A keycap (`1️⃣`), as a post numbers its points.
    let keycap = after.strip_prefix('\u{FE0F}').unwrap_or(after).strip_prefix('\u{20E3}');
    let rest = keycap.or_else(|| after.strip_prefix(['.', ')', ':'])).unwrap_or(if t2.len() < t.len() || section {
        after
    } else {
        ""
    });
    if rest.starts_with(' ') && !rest.trim().is_empty() {
        rest.trim_start()
    } else {
        s
    }
}

/// The people of a paper's author line that names the first author only (`Nguyen et
/// al.`): its presenter when a field in brackets names them (`(presenter: Thi Lan
/// Nguyen, Monash)`), else the first author's surname.
/// The people after a talk's kind and `by` on line `s` (`talk by Ana Ruiz`, `a keynote
/// by …`, `charla de …`, `Vortrag von …`, `palestra da …`, `prelekcja przez …`): what
/// follows, when it opens with a capital.
pub(super) fn kind_by<'s>(s: &'s str, labels: &Labels) -> Option<&'s str> {
    let s = match s.split_once(' ') {
        Some((a, r))
            if ["a", "an", "the", "una", "un", "une", "eine", "ein", "uma", "um", "een"]
                .contains(&a.to_lowercase().as_str()) =>
        {
            r
        }
        _ => s,
    };
    let (cs, after) = labels.leading(s)?;
    if !cs.iter().any(|c| c.is_talk_kind()) {
        return None;
    }
    let (word, rest) = after.trim_start().split_once(' ')?;
    ["by", "von", "de", "di", "da", "do", "door", "przez", "par", "por", "of", "des", "del", "della"]
        .contains(&word.to_lowercase().as_str())
        .then(|| rest.trim_start())
        .filter(|r| r.starts_with(char::is_uppercase))
}

fn et_al(line: &str, labels: &Labels) -> Option<People> {
    let i = search::find(line, " et al")?;
    let surname = line[..i].trim();
    if let Some((_, r)) = line[i..].split_once('(') {
        let inner = r.split_once(')').map_or(r, |p| p.0);
        if let Some((cs, v)) = labels.leading(inner.trim()) {
            if cs.contains(&Concept::Speaker) {
                let v = v.trim_start_matches([':', ' ']);
                return names::people(v, labels, true).or_else(|| people_with_affiliation(v, labels));
            }
        }
    }
    (!surname.contains(' ') && names::is_name(&format!("A {surname}"), false))
        .then(|| vec![(surname.to_string(), Role::Speaker)])
}

/// Whether `c` is a pictograph (an emoji of the symbol planes, a dingbat, an arrow),
/// never a letter of a title.
fn pictograph(c: char) -> bool {
    matches!(c, '\u{1F300}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}' | '\u{2B00}'..='\u{2BFF}' | '\u{2190}'..='\u{21FF}')
}

/// The people a line names alone, perhaps followed by an affiliation (`Ana Ruiz, Acme`,
/// `Ana Ruiz (Acme)`, `Ana Ruiz — Acme`, `Ana Ruiz @ Acme`, `A & B · Acme` on a
/// slide): names written capitalised.
pub(super) fn people_with_affiliation(s: &str, labels: &Labels) -> Option<Vec<(String, Role)>> {
    if s.is_empty() || s.len() > 200 {
        return None;
    }
    if let Some(p) = names::people_as(s, labels, names::Case::Capitalised) {
        return Some(p);
    }
    // (`from`, `at`: `Oluwaseun Adeyemi from Starling Bank`; `från`, `z` likewise; not
    // `von`, `de`, `van`, which are names' particles too.)
    const SEPS: &[&str] =
        &[", ", " (", " — ", " – ", " - ", " -- ", " @ ", " | ", " · ", ": ", " from ", " at ", " från ", " z "];
    let (cut, _) = search::rfind_any(s, SEPS)?;
    // The affiliation after the last separator (`Ana Ruiz, Acme`), or remarks after the
    // first (`Ana Ruiz, Eurostat -- remote, she presented live`).
    names::people_as(&s[..cut], labels, names::Case::Capitalised).or_else(|| {
        // (Only where the text opens as a name does, with two capitalised words.)
        let mut words = s.split_whitespace();
        if !(words.next()?.starts_with(char::is_uppercase) && words.next()?.starts_with(char::is_uppercase)) {
            return None;
        }
        let (first, _) = SEPS.iter().filter_map(|p| search::find(s, p).map(|i| (i, p))).min()?;
        (first < cut).then(|| names::people_as(&s[..first], labels, names::Case::Capitalised)).flatten()
    })
}

/// The text after a session's code at its start (`CMP315 Graviton …`, `BRK211 - …`,
/// `SVS401-R1 – …`): two to five capitals, two to four digits, perhaps a repeat's
/// suffix, then a blank or a dash.
pub(super) fn session_code(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    let caps = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
    let digits = b[caps..].iter().take_while(|c| c.is_ascii_digit()).count();
    if !(2..=5).contains(&caps) || !(2..=4).contains(&digits) {
        return None;
    }
    let mut rest = &s[caps + digits..];
    if let Some(r) = rest.strip_prefix("-R") {
        rest = r.trim_start_matches(|c: char| c.is_ascii_digit());
    }
    if !rest.starts_with(' ') {
        return None;
    }
    let rest = rest.trim_start().trim_start_matches(['-', '—', '–', ':', '|']).trim_start();
    (rest.split_whitespace().count() >= 2).then_some(rest)
}

/// `Room 317`, `Hall C`, `Main stage`, `Saal 2`: at most three words, the first or last
/// of them a place in the venue.
fn is_room(cell: &str, labels: &Labels) -> bool {
    let words: Vec<&str> = cell.split_whitespace().collect();
    words.len() <= 3 && [words.first(), words.last()].into_iter().flatten().any(|w| labels.is(w, Concept::Room))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_line_over_a_list_opening_with_a_speaker_field() {
        // A timed or labelled title line, then a list: its first item names the
        // speaker, the others are the talk's notes (one is shaped like `Title (Name)`).
        let text = "Notas do dia\n\n10h15 - palestra: \"Tipagem gradual sem sofrimento\"\n- palestrante: Rafael Nogueira (trabalha no Nubank)\n- PEP 695 do 3.12 (sintaxe nova de generics)\n- mypy strict\n\n14h00 - MicroPython na agricultura\n- palestrante: Eduardo \"Dudu\" Schmitt, de uma cooperativa da serra\n- ESP32 e LoRa\n\ntalk: Gradual typing in anger\n- speaker: Ana Ruiz\n- notes\n";
        for markup in [crate::notes::document::Markup::Markdown, crate::notes::document::Markup::Plain] {
            let got = crate::notes::talks::tests::speakers_as(text, markup);
            let want = [
                (3, "Tipagem gradual sem sofrimento", vec!["Rafael Nogueira"]),
                (8, "MicroPython na agricultura", vec!["Eduardo Schmitt"]),
                (12, "Gradual typing in anger", vec!["Ana Ruiz"]),
            ];
            let got: Vec<(u32, &str, Vec<&str>)> =
                got.iter().map(|t| (t.0, t.1.as_str(), t.2.iter().map(String::as_str).collect())).collect();
            assert_eq!(got, want, "{markup:?}");
        }
    }

    #[test]
    fn a_speaker_label_without_its_colon_and_with_an_affiliation() {
        // Norwegian: `foredragsholder NAME, jobber hos COMPANY`; and a field of two
        // clauses is read no further than its first.
        let text = "## Dag 1\n\nkl 11.40 OpenTelemetry: Stop Guessing\nforedragsholder Priyanka Venkataraman, jobber hos Grafana Labs\n- traces\n\nkl 13.40 Blazor vs. the World\nforedragsholder: Øyvind Bråthen\n- Blazor\n";
        let got = crate::notes::talks::tests::speakers_as(text, crate::notes::document::Markup::Markdown);
        let got: Vec<(u32, &str, Vec<&str>)> =
            got.iter().map(|t| (t.0, t.1.as_str(), t.2.iter().map(String::as_str).collect())).collect();
        assert_eq!(
            got,
            [
                (3, "OpenTelemetry: Stop Guessing", vec!["Priyanka Venkataraman"]),
                (7, "Blazor vs. the World", vec!["Øyvind Bråthen"])
            ]
        );
    }

    fn names(p: &[(String, Role)]) -> Vec<&str> {
        p.iter().map(|(n, _)| n.as_str()).collect()
    }

    #[test]
    fn a_session_code_before_a_title() {
        assert_eq!(session_code("CMP315 Graviton migration: lessons"), Some("Graviton migration: lessons"));
        assert_eq!(session_code("SVS401 - Advanced serverless patterns"), Some("Advanced serverless patterns"));
        assert_eq!(session_code("BRK211-R1 – Copilot everywhere"), Some("Copilot everywhere"));
        assert_eq!(session_code("GPT4 is here"), None);
        assert_eq!(session_code("HTTP2 push"), None);
    }

    #[test]
    fn quoted_titles_after_lead_words() {
        let l = Labels::default();
        let (t, p) = quoted(
            "panel \"Maintainers under pressure\" w/ Hana Sato, Luis Ortega and Grace Mbeki, moderated by Oskar Lind",
            &l,
        )
        .unwrap();
        assert_eq!(t, "Maintainers under pressure");
        assert_eq!(names(&p), ["Hana Sato", "Luis Ortega", "Grace Mbeki", "Oskar Lind"]);
        assert_eq!(p[3].1, Role::Moderator);
        let (t, p) = quoted("first talk is \"Scaling Celery past a million tasks\" by Devon Hartley", &l).unwrap();
        assert_eq!((t.as_str(), names(&p)), ("Scaling Celery past a million tasks", vec!["Devon Hartley"]));
        // A capitalised word before the quote is the title's (`Beyond "Hello World"`).
        assert!(quoted("Beyond \"Hello World\" by Ana Ruiz", &l).is_none());
        // No people after the quote: not this shape.
        assert!(quoted("keynote \"Python in 2030\" was fun", &l).is_none());
        // French quotes, emphasis around them, and a card's question after the people.
        let (t, p) = quoted("Talk **« Java 24 et au-delà »** (Gaëlle Le Bihan) : quelle LTS ?", &l).unwrap();
        assert_eq!((t.as_str(), p[0].0.as_str()), ("Java 24 et au-delà", "Gaëlle Le Bihan"));
        let (t, p) =
            quoted("Talk **« Kafka sans ZooKeeper : un an »** — Yannick N'Diaye-Morel : quelle version ?", &l).unwrap();
        assert_eq!((t.as_str(), p[0].0.as_str()), ("Kafka sans ZooKeeper : un an", "Yannick N'Diaye-Morel"));
        assert!(quoted("Vortrag „Rust im Kernel“ von Jonas Weber", &l).is_some());
        let (t, p) = quoted("next: \"Async views in anger\" Siobhán Ní Bhriain (at a fintech?)", &l).unwrap();
        assert_eq!((t.as_str(), p[0].0.as_str()), ("Async views in anger", "Siobhán Ní Bhriain"));
        assert!(quoted("\"HTMX + Django templates: plot holes\", Jan-Hendrik van der Meulen", &l).is_some());
    }

    #[test]
    fn names_before_a_colon_and_numbers_before_a_title() {
        let l = Labels::default();
        let (t, p) = name_colon("Ana Ruiz: Typing in anger", &l).unwrap();
        assert_eq!((t.as_str(), names(&p)), ("Typing in anger", vec!["Ana Ruiz"]));
        assert!(name_colon("Packaging: the hard parts", &l).is_none());
        assert_eq!(strip_number("1. Typing in anger"), "Typing in anger");
        assert_eq!(strip_number("#3 Django at scale"), "Django at scale");
        assert_eq!(strip_number("2024. A look back"), "2024. A look back");
        assert_eq!(strip_number("3D printing for fun"), "3D printing for fun");
        assert_eq!(strip_number("[7] Quickie: jOOQ"), "Quickie: jOOQ");
        assert_eq!(strip_number("(12) Typing in anger"), "Typing in anger");
        assert_eq!(strip_number("(2024) A look back"), "(2024) A look back");
        assert_eq!(strip_number("[1]"), "[1]");
        // A keycap number and a pictograph, as a post writes them.
        assert_eq!(strip_number("1️⃣ \"Iceberg is the new Hive\""), "\"Iceberg is the new Hive\"");
        assert_eq!(strip_number("👉 Typing in anger"), "Typing in anger");
        assert_eq!(strip_number("🎤🔥 Typing in anger"), "Typing in anger");
        assert_eq!(strip_number("🚀"), "🚀");
    }

    /// The talks the detector finds in Markdown `text` read by the Markdown reader.
    fn talks(text: &str) -> Vec<(u32, String, Vec<String>)> {
        crate::notes::talks::tests::speakers_as(text, crate::notes::document::Markup::Markdown)
    }

    #[test]
    fn titles_over_their_people() {
        let want = |t: &[(u32, String, Vec<String>)]| -> Vec<(String, Vec<String>)> {
            t.iter().map(|x| (x.1.clone(), x.2.clone())).collect()
        };
        let two = vec![
            ("Typing in anger".to_string(), vec!["Ana Ruiz".to_string()]),
            ("Django at scale".to_string(), vec!["Tom Berg".to_string()]),
        ];
        // A bold title over a name alone; fields in either order; a quote under a heading.
        let bold =
            "# PyCon LT 2025\n\n**Typing in anger**\n*Ana Ruiz*\n- mypy\n\n**Django at scale**\n*Tom Berg*\n- Celery\n";
        assert_eq!(want(&talks(bold)), two);
        let fields = "PyCon LT 2025\n\nSpeaker: Ana Ruiz\nTitle: Typing in anger\nmypy\n\nSpeaker: Tom Berg\nTitle: Django at scale\nCelery\n";
        assert_eq!(want(&talks(fields)), two);
        let quoted = "# PyCon LT 2025\n\n## Typing in anger\n> Ana Ruiz, Acme\n\nmypy\n\n## Django at scale\n> Tom Berg\n\nCelery\n";
        assert_eq!(want(&talks(quoted)), two);
        let timed = "PyCon LT 2025\n\n9.30–10.00  Typing in anger\nPresenter – Ana Ruiz\n- mypy\n\n10.05–10.35  Django at scale\nPresenter – Tom Berg\n- Celery\n";
        assert_eq!(want(&talks(timed)), two);
        // A remark over a signature is no talk.
        let letter = "PyCon LT 2025\n\n## Typing in anger\n- mypy\n\nSee you all next year\nAna Ruiz\n";
        assert_eq!(want(&talks(letter)), [("Typing in anger".to_string(), vec![])]);
    }

    #[test]
    fn plain_sections_affiliations_and_notes_on_the_title_line() {
        let three = "# PyCon LT 2025\n\n## Typing in anger\n\nmypy and pyright.\n\n## Django at scale\n\nCelery.\n\n## Packaging today\n\nuv.\n";
        let titles: Vec<String> = talks(three).into_iter().map(|t| t.1).collect();
        assert_eq!(titles, ["Typing in anger", "Django at scale", "Packaging today"]);
        // Without an event, a title heading and its parts are one talk.
        let one = "# Typing in anger\n\n## Why types\n\nmypy.\n\n## What we learned\n\npyright.\n";
        assert_eq!(talks(one).len(), 1);
        let affiliated = "# PyCon LT 2025\n\n## Typing in anger — Ana Ruiz, Acme Corp\n- mypy\n\n## Django at scale — Tom Berg, Initech\n- Celery\n";
        let got: Vec<Vec<String>> = talks(affiliated).into_iter().map(|t| t.2).collect();
        assert_eq!(got, [vec!["Ana Ruiz".to_string()], vec!["Tom Berg".to_string()]]);
        let inline =
            "PyCon LT 2025\n\n* Typing in anger (Ana Ruiz): mypy and pyright.\n* Django at scale (Tom Berg): Celery.\n";
        let got: Vec<(String, Vec<String>)> = talks(inline).into_iter().map(|t| (t.1, t.2)).collect();
        assert_eq!(got[1], ("Django at scale".to_string(), vec!["Tom Berg".to_string()]));
    }

    #[test]
    fn marked_titles_then_their_people() {
        let l = Labels::default();
        let (t, p) = marked("**Ruff in pre-commit**, Lucie Bernard", &l).unwrap();
        assert_eq!((t.as_str(), names(&p)), ("Ruff in pre-commit", vec!["Lucie Bernard"]));
        let (t, p) = marked("\"Typst for slides\" — Mathis Robin (Acme)", &l).unwrap();
        assert_eq!((t.as_str(), names(&p)), ("Typst for slides", vec!["Mathis Robin"]));
        assert!(marked("**Note**: the slides are online", &l).is_none());
        assert!(marked("plain text, Lucie Bernard", &l).is_none());
    }

    #[test]
    fn bar_separated_schedule_lines() {
        let l = Labels::default();
        let (t, p) = cells("Room 317 | Kwame Asante | Fast Python with the new JIT", &l).unwrap();
        assert_eq!((t.as_str(), names(&p)), ("Fast Python with the new JIT", vec!["Kwame Asante"]));
        let (t, p) = cells("Typed settings | Arjun Mehta & Li Wen | Main stage", &l).unwrap();
        assert_eq!((t.as_str(), names(&p)), ("Typed settings", vec!["Arjun Mehta", "Li Wen"]));
        assert!(cells("pros | cons", &l).is_none());
        let (t, p) = cells("Typing in anger / Ana Ruiz", &l).unwrap();
        assert_eq!((t.as_str(), names(&p)), ("Typing in anger", vec!["Ana Ruiz"]));
        assert!(cells("Rust / WebAssembly in practice", &l).is_none());
    }

    #[test]
    fn a_by_line_under_a_title_names_its_people() {
        let talks = |t: &str| super::super::tests::speakers_as(t, crate::notes::document::Markup::Markdown);
        let text = "**Breaking OAuth flows**\nby Siddharth Iyer\n- PKCE\n\nThreat modeling in 45 minutes\nfacilitated by Aoife Ní Bhriain and Tobias Grünewald\nnotes\n";
        let found = talks(text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].2, ["Siddharth Iyer"]);
        assert_eq!((found[1].1.as_str(), found[1].2.len()), ("Threat modeling in 45 minutes", 2));
        // `by` and no name: prose.
        assert!(talks("**Breaking OAuth flows**\nby the way, all good\n").iter().all(|t| t.2.is_empty()));
        // Under a labelled title too.
        let found = talks("*Keynote: Cloud native at ten*\nby Priyanka Sharma\nCNCF history\n");
        assert_eq!((found.len(), found[0].2.as_slice()), (1, &["Priyanka Sharma".to_string()][..]), "{found:?}");
    }
}
