//! Notes kept as an issue's or a pull request's thread (GitHub, GitLab, Gitea, Jira),
//! copied from the page: each comment opens with its author and when they wrote it
//! (`**jb-okafor** commented on Jul 24, 2026 · edited`, `marta-k replied 3 days ago`),
//! events of the thread are lines of their own (`github-actions bot added the stale
//! label on Aug 25, 2026`), and a comment holds a talk filled in from a template
//! (`**Talk:** title` / `**Speaker(s):** names`) or told in its prose with the title in
//! bold (`I saw **Makie for publication figures** by Ilse Vandenbroucke and …`).
//!
//! A comment's header ends the talk of the comment before it: the next comment is
//! someone else's. A bold title followed by `by` and names is a talk wherever the
//! paragraph holds it.

use super::*;

/// The verbs of a thread's headers and events, after the author.
const VERBS: &[&str] = &[
    "commented",
    "replied",
    "wrote",
    "opened",
    "closed",
    "reopened",
    "added",
    "removed",
    "reviewed",
    "approved",
    "mentioned",
    "referenced",
    "assigned",
    "unassigned",
    "labeled",
    "labelled",
    "edited",
    "merged",
];

/// Whether paragraph `t` is a comment's header or an event of a thread: one short line,
/// an author (one word, perhaps in bold, perhaps a bot), a verb of [`VERBS`], and when
/// (a date, a month, `ago`).
pub(super) fn comment_header(t: &str, labels: &Labels) -> bool {
    if t.len() > 120 || memchr::memchr(b'\n', t.as_bytes()).is_some() {
        return false;
    }
    let mut words = t.split_whitespace();
    let Some(raw) = words.next() else { return false };
    let author = raw.trim_matches('*').trim_start_matches('@');
    if author.is_empty() || !author.chars().all(|c| c.is_alphanumeric() || "-_.[]".contains(c)) {
        return false;
    }
    let (bot, verb) = match words.next() {
        Some("bot") => (true, words.next()),
        w => (false, w),
    };
    let Some(verb) = verb.filter(|v| VERBS.contains(v)) else { return false };
    // A thread's event (`added`, `closed`) is told of a handle (`**marta-k**`,
    // `@marta-k`, `renovate bot`), not of a word of a sentence (`We added …`).
    let handle = bot
        || raw.len() > author.len()
        || author.contains(['-', '_']) && !author.starts_with(char::is_uppercase)
        || author.bytes().any(|b| b.is_ascii_digit());
    if !handle && !matches!(verb, "commented" | "replied") {
        return false;
    }
    words.any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w == "ago" || w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) || labels.month(w).is_some()
    })
}

impl<'d, 'a, 'b> Run<'d, 'a, 'b> {
    /// The talks a paragraph's prose names by a bold title inside it and `by` names (`I
    /// saw **Title** by A and B.`); returns whether it named one.
    pub(super) fn bold_by(&mut self, bi: usize, b: &Block, text: &str) -> bool {
        let bytes = text.as_bytes();
        // Each `*` is looked at (a searcher for `** by ` built for each paragraph was 30 M
        // instructions on the 10 MB corpus; most paragraphs hold no `*`).
        let mut made = false;
        for i in memchr::memchr_iter(b'*', bytes) {
            if !bytes[i..].starts_with(b"** by ") || i < 2 {
                continue;
            }
            let from = i + 6;
            let line_start = memchr::memrchr(b'\n', &bytes[..i]).map_or(0, |n| n + 1);
            let Some(open) = text[line_start..i].rfind("**").map(|o| line_start + o) else { continue };
            // A bold title opening its line is a title line's (read with the paragraph).
            if text[line_start..open].trim().is_empty() {
                continue;
            }
            let title = clean_title(&text[open + 2..i]);
            if title.split_whitespace().count() < 2 || title.contains('*') {
                continue;
            }
            let rest = &text[from..];
            let end = rest.find(['.', ';', ':', '!', '?', '\n', '(']).unwrap_or(rest.len());
            let Some(people) = names::people_as(&rest[..end], self.labels(), names::Case::Capitalised) else {
                continue;
            };
            let line = b.line + memchr::memchr_iter(b'\n', &bytes[..i]).count() as u32;
            let mut c = self.new_candidate(bi, line, Source::Prose, title);
            push_ev(&mut c, "a bold title by a person", 1);
            push_ev(&mut c, "a person named in it", 2);
            c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line }, r)).collect();
            self.cands.push(c);
            made = true;
        }
        made
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::detect;
    use crate::notes::labels::Labels;

    #[test]
    fn a_comment_header_ends_the_talk_of_the_comment_before() {
        let text = "# Conf 2026 trip report #412\n\n**jb-okafor** commented on Jul 24, 2026\n\n**Talk:** Static binaries with juliac\n**Speaker(s):** Anneliese van der Merwe\n\n- juliac --trim\n\n**pvdberg** commented on Jul 25, 2026\n\nNot in the template, sorry. I saw **Makie for publication figures** by Ilse Vandenbroucke and Tomás Ó Súilleabháin. CairoMakie.\n\n**github-actions** bot added the `stale` label on Aug 25, 2026\n\nunrelated\n";
        let (talks, doc) = detect(text);
        let got: Vec<(&str, Vec<&str>)> =
            talks.iter().map(|t| (t.1.as_str(), t.2.iter().map(String::as_str).collect())).collect();
        assert_eq!(
            got,
            [
                ("Static binaries with juliac", vec!["Anneliese van der Merwe"]),
                ("Makie for publication figures", vec!["Ilse Vandenbroucke", "Tomás Ó Súilleabháin"]),
            ]
        );
        assert!(!doc.sections[0].body.contains("pvdberg"), "{}", doc.sections[0].body);
        assert!(!doc.sections[1].body.contains("unrelated"), "{}", doc.sections[1].body);
    }

    #[test]
    fn headers_name_an_author_a_verb_and_when() {
        let l = Labels::default();
        assert!(super::comment_header("**marta-k** commented on Jul 24, 2026 · edited", &l));
        assert!(super::comment_header("renovate bot added the deps label 3 days ago", &l));
        assert!(!super::comment_header("Ana commented that the build was slow", &l));
        assert!(!super::comment_header("We added caching in 2026", &l));
    }
}
