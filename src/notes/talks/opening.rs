//! A paragraph that opens on a talk, as a recap in prose writes one per talk: its first
//! sentences hold the title, quoted (`"What the tidyverse learned" was the opening
//! keynote, Amara Nwosu from Posit.`, `Aaliyah Brooks closed the day with "Title"`) or
//! before its speaker (`Positron for RStudio users, by Tomás Ó Briain.`, `duckplyr:
//! dplyr verbs, DuckDB speed. That was Kenji Watanabe.`), and name who gave it.
//! Read only where no heading holds the paragraph as a talk's notes.

use super::*;

/// How far into a paragraph its opening is read, in bytes.
const SPAN: usize = 400;

impl Run<'_, '_, '_> {
    /// [`Run::opening`] where the paragraph (block `bi`) stands: not under a heading
    /// read as a talk of its own ([`Run::heading_talk_of_its_own`]), nor, under a
    /// heading that names a subject, right under another talk's line (`> **2. Title**
    /// — Name` over a correction of its title is that talk's). Right under a heading
    /// naming a subject, the talk the paragraph opens on is the heading's, its title in
    /// full (`## Vector databases` / `… over "Vector Databases in Practice"`); another
    /// title there is the subject's (`## Open spaces` / `the "Python in the browser"
    /// open space`).
    pub(super) fn opening_in_section(&self, bi: usize, line: u32, plain: &str) -> Option<Candidate> {
        let last = self.cands.last().filter(|c| self.right_under(c.block, bi));
        let under_talk = last.is_some_and(|c| !matches!(c.source, Source::Heading(_)));
        if self.heading_talk_of_its_own() || self.heading_talk && under_talk {
            return None;
        }
        let heading = last.filter(|c| matches!(c.source, Source::Heading(_)));
        self.opening(bi, line, plain).filter(|o| {
            heading.is_none_or(|h| {
                let (short, long) = (norm(&h.title), norm(&o.title));
                short.split(' ').count() >= 2 && long.starts_with(&short)
            })
        })
    }

    /// Whether the last heading was read as a talk of its own: by a person, a time or a
    /// label (its own evidence), not only by the content after it and its siblings'
    /// shape, as a heading naming a subject is. (Looked for among the last candidates;
    /// when it is further back, it counts as a talk's.)
    fn heading_talk_of_its_own(&self) -> bool {
        self.heading_talk
            && self.cands.iter().rev().take(64).find(|c| matches!(c.source, Source::Heading(_))).is_none_or(|c| {
                c.evidence.iter().any(|(f, w)| *w > 0 && (super::decide::own_evidence(f) || *f == "a talk label"))
            })
    }

    /// The talk a paragraph opens on, from `plain`, its lines' plain text joined with
    /// spaces; `line` is its first line.
    pub(super) fn opening(&self, bi: usize, line: u32, plain: &str) -> Option<Candidate> {
        let labels = self.labels();
        let head = opening_sentences(plain);
        let (title, people, quoted) = match quoted_title(head) {
            Some((title, open, close)) => {
                let people = sentence::sentence_speakers(plain, labels)
                    .filter(|p| !p.is_empty())
                    .or_else(|| name_in(&head[..open]).or_else(|| dashed_people(&head[close..], labels)));
                // A headline in quotes opening the paragraph, what it was after it
                // (`"Async All the Way Down?" was rough.`): a talk, its speaker unnamed.
                let told = || {
                    let was = head[close..].split_whitespace().next().is_some_and(|w| sentence::COPULAS.contains(&w));
                    open == 0 && was && told::headline(&title)
                };
                match people {
                    Some(people) => (title, people, true),
                    None if told() => (title, Vec::new(), true),
                    None => return None,
                }
            }
            None => {
                let (title, people) = title_then_people(head, labels)?;
                (title, people, false)
            }
        };
        let words = title.split_whitespace().count();
        if !(2..=20).contains(&words) {
            return None;
        }
        let mut c = self.new_candidate(bi, line, Source::Prose, title);
        push_ev(&mut c, if quoted { "a quoted title" } else { "a title in prose" }, 2);
        if people.is_empty() {
            push_ev(&mut c, "a headline opening its paragraph", 1);
        } else {
            push_ev(&mut c, "a person named in it", 2);
        }
        let first = head.split(". ").next().unwrap_or(head);
        if first.split(|ch: char| !ch.is_alphanumeric()).any(|w| !w.is_empty() && labels.is(w, Concept::Keynote)) {
            c.kind = SectionKind::Keynote;
        }
        c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line }, r)).collect();
        Some(c)
    }
}

/// The first two sentences of `plain` (at most [`SPAN`] bytes).
fn opening_sentences(plain: &str) -> &str {
    let mut end = plain.len().min(SPAN);
    while !plain.is_char_boundary(end) {
        end -= 1;
    }
    match plain[..end].match_indices(". ").nth(1) {
        Some((i, _)) => &plain[..i + 1],
        None => &plain[..end],
    }
}

/// The first quoted title of `s` (two words or more): the title, and where the quote
/// opens and closes in `s`.
pub(super) fn quoted_title(s: &str) -> Option<(String, usize, usize)> {
    let open = s.find(['"', '“', '„', '«'])?;
    let oc = s[open..].chars().next()?;
    let after = open + oc.len_utf8();
    let closes: &[char] = match oc {
        '“' => &['”'],
        '„' => &['“', '”'],
        '«' => &['»'],
        _ => &['"'],
    };
    let len = s[after..].find(closes)?;
    let close = after + len;
    let title = clean_title(&s[after..close]);
    let words = title.split_whitespace().count();
    // A title, not a word in quotes or a sentence quoted.
    ((2..=20).contains(&words) && title.starts_with(|c: char| !c.is_lowercase()) && !title.ends_with(['.', '!']))
        .then(|| (title, open, close + s[close..].chars().next().map_or(1, char::len_utf8)))
}

/// The first person's name in `s`: two to four capitalised words (a particle between
/// them), without a possessive.
pub(super) fn name_in(s: &str) -> Option<Vec<(String, Role)>> {
    let words: Vec<&str> = s.split_whitespace().collect();
    for i in 0..words.len() {
        if !words[i].starts_with(char::is_uppercase) {
            continue;
        }
        for n in (2..=4).rev() {
            let Some(run) = words.get(i..i + n) else { continue };
            // No stop inside a name; nor a capital right after it (`Chave Móvel Digital`
            // is one proper name, not a person's and a word).
            let last = run[n - 1];
            let capital_after = words.get(i + n).is_some_and(|w| w.starts_with(char::is_uppercase))
                && !last.ends_with([',', '.', ':', ';', '!', '?'])
                && !last.ends_with("'s")
                && !last.ends_with("’s");
            // (A possessive ends a name: `Hoàng Minh Châu's Zig talk`.)
            let inner_stop = |w: &&str| w.ends_with([',', '.', ':', ';']) || w.ends_with("'s") || w.ends_with("’s");
            if run[..n - 1].iter().any(inner_stop) || capital_after {
                continue;
            }
            let joined = run.join(" ");
            let joined = joined.trim_end_matches([',', '.', ':', ';', '!', '?']);
            let joined = joined.strip_suffix("'s").or_else(|| joined.strip_suffix("’s")).unwrap_or(joined);
            if run.last().is_some_and(|w| w.starts_with(char::is_uppercase)) && names::is_name(joined, false) {
                return Some(vec![(joined.to_string(), Role::Speaker)]);
            }
        }
    }
    None
}

/// The people after a quoted title and a dash, up to the end of their sentence
/// (`"Title" - Hannah Mbeki & Rohan Deshpande. full room`), or else the first name
/// after it.
fn dashed_people(after: &str, labels: &Labels) -> Option<Vec<(String, Role)>> {
    let dashed = after.trim_start().strip_prefix(['-', '–', '—']).map(str::trim_start);
    let listed = dashed.and_then(|r| {
        let end = r.find(['.', ';', '(', ':', '!', '?']).unwrap_or(r.len());
        names::people(r[..end].trim(), labels, false)
    });
    listed.or_else(|| name_in(after))
}

/// `Title, by Name.` as a paragraph's first sentence, or a title sentence followed by
/// `That was Name` (`duckplyr: dplyr verbs, DuckDB speed. That was Kenji Watanabe.`).
fn title_then_people(head: &str, labels: &Labels) -> Option<(String, Vec<(String, Role)>)> {
    let (first, second) = head.split_once(". ").unwrap_or((head, ""));
    let first = after_room(first, labels);
    let words = |s: &str| s.split_whitespace().count();
    // `Title, speaker Name` (a word for the speaker after the comma).
    if let Some((title, who)) = first.rsplit_once(", ") {
        if let Some((cs, name)) = labels.leading(who) {
            if cs.contains(&Concept::Speaker)
                && (2..=12).contains(&words(title))
                && !title.starts_with(char::is_lowercase)
            {
                // (Names that do not read as people leave the other shapes to try.)
                if let Some(people) = names::people(name.trim(), labels, false) {
                    return Some((clean_title(title), people));
                }
            }
        }
    }
    if let Some(i) = search::find(first, ", by ") {
        let title = &first[..i];
        let who = first[i + 5..].split([',', ';', '(']).next().unwrap_or("");
        if words(title) <= 12 && !title.starts_with(char::is_lowercase) {
            let people = names::people(who.trim().trim_end_matches('.'), labels, false)?;
            return Some((clean_title(title), people));
        }
    }
    // `Title — Name`, `Name — Title` (a line of a schedule, run on into notes).
    for dash in [" — ", " – ", " - "] {
        let Some((a, b)) = first.split_once(dash) else { continue };
        let b = b.trim_end_matches(['.', ',']);
        let person = |s: &str| names::people(s.trim(), labels, false);
        let titled = |s: &str| (2..=12).contains(&words(s)) && s.starts_with(|c: char| c.is_uppercase());
        match (person(a), person(b)) {
            (None, Some(p)) if titled(a) => return Some((clean_title(a), p)),
            (Some(p), None) if titled(b) => return Some((clean_title(b), p)),
            _ => {}
        }
    }
    if words(first) <= 12 {
        for lead in ["That was ", "This was ", "Given by ", "By "] {
            if let Some(r) = second.strip_prefix(lead) {
                let who = r.split([',', '.', ';', '(']).next().unwrap_or("");
                let people = names::people(who.trim(), labels, false)?;
                return Some((clean_title(first), people));
            }
        }
    }
    None
}

/// Whether a paragraph with no quote may open on a talk (`head` is its first bytes):
/// `Title, by Name.`, `Title. That was Name`, or a short first line ending on `, speaker
/// Name` (one look-up of the word after its last comma).
pub(super) fn opens_on_talk(head: &[u8], text: &str, labels: &Labels) -> bool {
    let speaker_after_comma = || {
        let first = &text[..memchr::memchr(b'\n', text.as_bytes()).unwrap_or(text.len())];
        first.len() <= 200
            && search::rfind(first, ", ").is_some_and(|i| {
                let w = first[i + 2..].split([' ', ':']).next().unwrap_or("");
                w.len() >= 4 && labels.is(w, Concept::Speaker)
            })
    };
    memchr::memmem::find(head, b", by ").is_some()
        || memchr::memmem::find(head, b". That was ").is_some()
        || speaker_after_comma()
}

/// `s` after a room it opens on, as a chat names where its writer is (`main room:
/// Title …`, `track B: …`, `main room Ben Castillo — …`): one or two words, one of them
/// a place in the venue, and perhaps its number or letter.
fn after_room<'s>(s: &'s str, labels: &Labels) -> &'s str {
    let ws = sentence::words(s);
    let Some(k) = ws.iter().take(2).position(|w| labels.is(w.1.trim_end_matches(':'), Concept::Room)) else {
        return s;
    };
    let mut end = ws[k].0 + ws[k].1.len();
    if !ws[k].1.ends_with(':') {
        if let Some(n) = ws.get(k + 1).filter(|w| w.1.trim_end_matches(':').chars().count() <= 2) {
            end = n.0 + n.1.len();
        }
    }
    let rest = s[end..].trim_start_matches(':').trim_start();
    if rest.is_empty() {
        s
    } else {
        rest
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openings_name_title_and_speaker() {
        let l = Labels::default();
        let head = opening_sentences("\"What the tidyverse learned from its users\" was the opening keynote, Amara Nwosu-Henriksen from Posit. Lots of history. More.");
        let (title, open, close) = quoted_title(head).unwrap();
        assert_eq!(title, "What the tidyverse learned from its users");
        assert!(name_in(&head[..open]).is_none());
        assert_eq!(name_in(&head[close..]).unwrap()[0].0, "Amara Nwosu-Henriksen");
        let (t, p) = title_then_people("Positron for RStudio users, by Tomás Ó Briain. He moved", &l).unwrap();
        assert_eq!((t.as_str(), p[0].0.as_str()), ("Positron for RStudio users", "Tomás Ó Briain"));
        let (t, p) =
            title_then_people("duckplyr: dplyr verbs, DuckDB speed. That was Kenji Watanabe-Moreau, who works", &l)
                .unwrap();
        assert_eq!((t.as_str(), p[0].0.as_str()), ("duckplyr: dplyr verbs, DuckDB speed", "Kenji Watanabe-Moreau"));
        // A title and its speaker parted by a dash, run on into notes, either way round.
        let (t, p) = title_then_people("Accessibility Is a Django Feature — Rahel Tesfaye. opens with", &l).unwrap();
        assert_eq!((t.as_str(), p[0].0.as_str()), ("Accessibility Is a Django Feature", "Rahel Tesfaye"));
        let (t, _, close) = quoted_title("\"Async All the Way Down?\" was rough").unwrap();
        assert!(crate::notes::talks::told::headline(&t) && close == 25);
        let (t, p) = title_then_people("Rahel Tesfaye - Accessibility Is a Django Feature. opens", &l).unwrap();
        assert_eq!((t.as_str(), p[0].0.as_str()), ("Accessibility Is a Django Feature", "Rahel Tesfaye"));
        assert!(title_then_people("Django - the admin is slow. meh", &l).is_none());
        // After a room, a title and `speaker NAME`, or a name and a title.
        let (t, p) =
            title_then_people("main room: Signals: the primitive JS forgot, speaker Derek Lindqvist", &l).unwrap();
        assert_eq!((t.as_str(), p[0].0.as_str()), ("Signals: the primitive JS forgot", "Derek Lindqvist"));
        let (t, p) = title_then_people("main room Ben Castillo — Type-Safe Everything: tRPC and Zod", &l).unwrap();
        assert_eq!((t.as_str(), p[0].0.as_str()), ("Type-Safe Everything: tRPC and Zod", "Ben Castillo"));
        assert_eq!(after_room("track B: next up", &l), "next up");
        // A possessive ends a name.
        assert_eq!(name_in("Hoàng Minh Châu's Zig talk").unwrap()[0].0, "Hoàng Minh Châu");
        // A word in quotes, a quoted sentence: no title.
        assert!(quoted_title("she said \"no\" twice").is_none());
        assert!(quoted_title("Ana said \"we never use globals.\" and left").is_none());
    }
}
