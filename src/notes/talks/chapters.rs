//! A video's chapter list as the programme: a recorded stream or meetup pasted with its
//! description, whose chapters (`0:00 Intro`, `4:12 Title – Name`, `1:09:30 Title –
//! Name & Name`) list the talks, and whose notes follow under short titles pointing back
//! to them (`Jolt` for `Jolt in Godot 4.4: what changed`), among caption lines with
//! their timestamps.
//!
//! A chapter list is a paragraph of three or more lines opening with a video timestamp
//! (minutes and seconds, perhaps hours), the first at zero and each later than the one
//! before, with at most a header line (`Chapters`, `Timestamps`) before them. A chapter
//! naming people is a schedule entry (a [`Source::Slot`]); one naming nobody (`Stream
//! starting`, `Break`, `Open mic`) is none. Its notes are found by
//! [`Run::schedule_title`] as a column's are.

use super::*;

/// At most this many lines before the first chapter (a header).
const MAX_HEADER_LINES: usize = 2;

/// A video timestamp at the start of `l` (`0:00`, `31:40`, `1:09:30`) followed by a
/// blank: its length and its value in seconds.
pub(super) fn timestamp(l: &str) -> Option<(usize, u32)> {
    let b = l.as_bytes();
    let (mut i, mut total, mut groups) = (0usize, 0u32, 0);
    loop {
        let d = b.get(i..)?.iter().take_while(|c| c.is_ascii_digit()).count();
        if d == 0 || d > 2 || groups > 0 && d != 2 {
            return None;
        }
        let v: u32 = l[i..i + d].parse().ok()?;
        if groups > 0 && v >= 60 {
            return None;
        }
        total = total * 60 + v;
        i += d;
        groups += 1;
        match b.get(i) {
            Some(b':') if groups < 3 => i += 1,
            Some(b' ' | b'\t') if groups >= 2 => return Some((i, total)),
            _ => return None,
        }
    }
}

impl<'d, 'a, 'b> Run<'d, 'a, 'b> {
    /// Reads paragraph `text` (block `bi`) as a video's chapter list; returns whether
    /// it was one.
    pub(super) fn chapter_list(&mut self, bi: usize, b: &Block, text: &str) -> bool {
        // A chapter list starts at zero within its first lines: most paragraphs are
        // passed over on that (a search of the whole paragraph cost more).
        // Only short header lines are looked past, so the search is bounded.
        let bytes = text.as_bytes();
        let mut at = 0;
        for _ in 0..=MAX_HEADER_LINES {
            let rest = &bytes[at..];
            let lead = rest.iter().take_while(|c| **c == b' ').count();
            if rest.get(lead) == Some(&b'0') {
                break;
            }
            match memchr::memchr(b'\n', &rest[..rest.len().min(40)]) {
                Some(i) => at += i + 1,
                None => return false,
            }
        }
        if !text[at..].trim_start().starts_with(['0']) {
            return false;
        }
        let mut chapters: Vec<(u32, &str)> = Vec::new();
        let mut last = None;
        for (k, l) in text.split('\n').enumerate() {
            let l = l.trim();
            match timestamp(l) {
                Some((n, secs)) => {
                    let first = last.is_none();
                    if first && secs != 0 || last.is_some_and(|p| secs <= p) {
                        return false;
                    }
                    last = Some(secs);
                    let rest = l[n..].trim_start_matches(|c: char| c.is_whitespace() || "-–—|:·".contains(c));
                    chapters.push((b.line + k as u32, rest));
                }
                None if last.is_none() && k < MAX_HEADER_LINES => {}
                None => return false,
            }
        }
        if chapters.len() < 3 {
            return false;
        }
        let before = self.cands.len();
        if self.conference.is_none() {
            self.video_title(bi);
        }
        for (line, rest) in chapters {
            if let Some(c) = self.chapter(bi, line, rest) {
                self.cands.push(c);
            }
        }
        self.cands.len() > before
    }

    /// The video's title, the first line of the note above its chapter list (block
    /// `bi`), names the event it records (`Rust Meetup Vienna #12 (recording)`: the
    /// words in brackets at its end are the video's), dated by the first date of its
    /// description (`Streamed live on 3 March 2026`). It is no talk.
    fn video_title(&mut self, bi: usize) {
        let Some(first) = self.blocks.iter().position(|b| !matches!(b.kind, BlockKind::Separator)).filter(|&f| f < bi)
        else {
            return;
        };
        let (BlockKind::Paragraph { text } | BlockKind::Heading { text, .. }) = &self.blocks[first].kind else {
            return;
        };
        let line = strip_inline(text.split('\n').next().unwrap_or(""));
        let mut name = line.trim();
        if let Some(open) = name.strip_suffix(')').and_then(|n| n.rfind('(')) {
            name = name[..open].trim_end();
        }
        let name = name.trim_end_matches(|c: char| c.is_whitespace() || "-–—|:·".contains(c));
        if name.is_empty() {
            return;
        }
        let date = self.blocks[first..bi].iter().find_map(|b| match &b.kind {
            BlockKind::Paragraph { text } | BlockKind::Heading { text, .. } => {
                match date::find(text, self.labels(), None) {
                    Some(Found::Date(d, _)) => Some(d.iso()),
                    _ => None,
                }
            }
            _ => None,
        });
        let at = self.blocks[first].line;
        self.events.push(EventInfo { name: name.to_string(), day: None, date, line: at });
        self.conference = Some(self.events.len() - 1);
        for c in self.cands.iter_mut().filter(|c| c.block == first) {
            push_ev(c, "the video's title", -6);
        }
    }

    /// One chapter (`Title – Name`) on line `line`: a schedule entry when it names
    /// people.
    fn chapter(&self, bi: usize, line: u32, rest: &str) -> Option<Candidate> {
        let labels = self.labels();
        let (title, people) = lines::split_title_line(rest, labels, true)?;
        let mut c = self.new_candidate(bi, line, Source::Slot, title);
        push_ev(&mut c, "a time", 2);
        if let Some((k, r)) = lines::talk_label(labels, &c.title) {
            let r = r.trim_start_matches([':', '-', '–', '—', '|', ' ']);
            if !r.is_empty() {
                c.title = clean_title(r);
            }
            c.kind = kind_of(k);
            push_ev(&mut c, "a talk label", 3);
        }
        if c.title.is_empty() || labels.whole(&c.title).iter().any(|c| matches!(c, Concept::Break | Concept::Aside)) {
            return None;
        }
        push_ev(&mut c, "a person named in it", 2);
        c.speakers = people.into_iter().map(|(name, role)| (Named { name, line }, role)).collect();
        Some(c)
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::detect;
    use super::timestamp;

    const VIDEO: &str = "Rust Meetup Vienna #12 (recording)\nStreamed live on 3 March 2026\n\nChapters\n0:00 Welcome and news\n3:05 Async closures in practice – Lena Hofbauer\n27:40 Break\n41:10 Embedded Rust on the ESP32 – Tomasz Wrona & Ines Carvalho\n1:12:30 Q&A and drinks\n\nClosures\n3:05\nso lena is going to show us\n-> my notes: async closures are stable since 1.85\n\nESP32\n41:10\nokay esp time\n-> esp-hal, probe-rs for flashing\n";

    #[test]
    fn timestamps_of_minutes_or_hours() {
        assert_eq!(timestamp("0:00 Intro"), Some((4, 0)));
        assert_eq!(timestamp("1:09:30 Pixel art"), Some((7, 4170)));
        assert_eq!(timestamp("31:40 Title"), Some((5, 1900)));
        assert_eq!(timestamp("4:12"), None, "a caption's time alone");
        assert_eq!(timestamp("4:75 x"), None);
        assert_eq!(timestamp("2026 x"), None);
    }

    #[test]
    fn chapters_naming_people_are_the_programme() {
        let (talks, doc) = detect(VIDEO);
        assert_eq!(doc.events[0].name, "Rust Meetup Vienna #12");
        assert_eq!(doc.events[0].date.as_deref(), Some("2026-03-03"));
        let titles: Vec<(&str, &[String])> = talks.iter().map(|t| (t.1.as_str(), &t.2[..])).collect();
        assert_eq!(
            titles,
            [
                ("Async closures in practice", &["Lena Hofbauer".to_string()][..]),
                ("Embedded Rust on the ESP32", &["Tomasz Wrona".to_string(), "Ines Carvalho".to_string()][..]),
            ]
        );
    }

    #[test]
    fn chapters_out_of_order_or_not_from_zero_are_no_list() {
        for (from, to) in [("0:00 Welcome", "0:30 Welcome"), ("41:10 Embedded", "2:10 Embedded")] {
            let (talks, _) = detect(&VIDEO.replace(from, to));
            assert!(talks.iter().all(|t| t.1 != "Async closures in practice"), "{to}: {talks:?}");
        }
    }
}
