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

/// Where the author's handle that opens `t` ends: a name as a forum or a social site
/// marks it (`u/kappa_ok`, `/u/kappa_ok`, `@ana_b`, `[deleted]`), perhaps in bold.
/// Read by its first bytes: most lines open otherwise, and are let go there.
#[inline]
fn handle_end(t: &str) -> Option<usize> {
    if !matches!(t.as_bytes().first(), Some(b'u' | b'/' | b'@' | b'[' | b'*')) {
        return None;
    }
    handle_end_at(t)
}

/// [`handle_end`] after its first byte.
fn handle_end_at(t: &str) -> Option<usize> {
    let b = t.as_bytes();
    let at = if b.starts_with(b"**") { 2 } else { 0 };
    if !matches!(b.get(at..at + 2), Some([b'u', b'/'] | [b'/', b'u'] | [b'@' | b'[', _])) {
        return None;
    }
    let end = memchr::memchr(b' ', b.get(..48).unwrap_or(b))?;
    let author = &b[at..end];
    let author = author.strip_suffix(b"**").unwrap_or(author);
    let word = author
        .iter()
        .all(|&c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.' | b'/' | b'@' | b'[' | b']'));
    (author.len() >= 3 && word).then_some(end)
}

/// Whether line `t` (or the first line of paragraph `t`) is the header of a comment copied
/// from a forum or a social site: the author's handle ([`handle_end`]), a separator (`·`,
/// `•`, `|`), then how long ago (`2d`, `20h`, `3 hours ago`, `yesterday`) or a date
/// with its year (`24 out. 2024`).
pub(super) fn forum_header(t: &str) -> bool {
    let t = t.trim_start();
    let Some(end) = handle_end(t) else { return false };
    // The first line (a paragraph may go on with the comment).
    let t = memchr::memchr(b'\n', t.as_bytes()).map_or(t, |n| &t[..n]);
    if t.len() > 100 {
        return false;
    }
    let rest = &t[end..];
    let Some(rest) = rest.trim_start().strip_prefix(['·', '•', '|']) else { return false };
    let when = rest.split(['·', '•', '|']).next().unwrap_or("").trim();
    // (Or a date with its year: `24 out. 2024`, `Oct 24, 2024`.)
    let year = |w: &str| {
        let w = w.trim_end_matches([',', '.']);
        w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) && w.bytes().all(|b| b.is_ascii_digit())
    };
    if when.split_whitespace().count() <= 5 && when.split_whitespace().any(year) {
        return true;
    }
    let mut words = when.split_whitespace();
    let Some(w) = words.next() else { return false };
    const UNITS: &[&str] = &[
        "s", "sec", "m", "min", "mins", "h", "hr", "hrs", "hour", "hours", "d", "day", "days", "w", "wk", "week",
        "weeks", "mo", "month", "months", "y", "yr", "yrs", "year", "years", "minute", "minutes", "second", "seconds",
    ];
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    let unit = |u: &str| UNITS.contains(&u.trim_end_matches('.'));
    match digits {
        0 => matches!(w, "yesterday" | "now" | "just" | "today"),
        _ if digits == w.len() => words.next().is_some_and(unit),
        _ => unit(&w[digits..]),
    }
}

/// The text of a paragraph `b` after its first line when that line is a forum
/// comment's header ([`forum_header`]): the comment, read as a paragraph of its own.
#[inline]
pub(super) fn comment_body<'x>(b: &'x Block<'_>) -> Option<Block<'x>> {
    let BlockKind::Paragraph { text } = &b.kind else { return None };
    handle_end(text)?;
    let nl = memchr::memchr(b'\n', text.as_bytes().get(..101).unwrap_or(text.as_bytes()))?;
    let (head, rest) = (&text[..nl], &text[nl + 1..]);
    if !forum_header(head) || rest.trim().is_empty() {
        return None;
    }
    Some(Block { kind: BlockKind::Paragraph { text: std::borrow::Cow::Borrowed(rest) }, line: b.line + 1, end: b.end })
}

impl<'d, 'a, 'b> Run<'d, 'a, 'b> {
    /// The talks a paragraph's prose names by a bold title inside it and `by` names (`I
    /// saw **Title** by A and B.`), a dash (`**Title** — A`) or parentheses (`**Title**
    /// (A & B)`); returns whether it named one.
    pub(super) fn bold_by(&mut self, bi: usize, b: &Block, text: &str) -> bool {
        let bytes = text.as_bytes();
        // Each `*` is looked at (a searcher for `** by ` built for each paragraph was 30 M
        // instructions on the 10 MB corpus; most paragraphs hold no `*`).
        let mut made = false;
        for i in memchr::memchr_iter(b'*', bytes) {
            let after = &bytes[i..];
            // The shape: `by`, a dash, parentheses.
            let (skip, shape) = if after.starts_with(b"** by ") {
                (6, b'b')
            } else if after.starts_with("** — ".as_bytes()) || after.starts_with("** – ".as_bytes()) {
                (7, b'-')
            } else if after.starts_with(b"** (") {
                (4, b'(')
            } else {
                continue;
            };
            if i < 2 {
                continue;
            }
            let from = i + skip;
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
            let stops: &[char] = if shape == b'(' { &[')', '\n'] } else { &['.', ';', ':', '!', '?', '\n', '('] };
            let end = rest.find(stops).unwrap_or(rest.len());
            let people = match shape {
                // After a dash, names that read as no title's words (`**Tip** — Use Docker`).
                b'-' => names::leading_people(&rest[..end], self.labels()),
                _ => names::people_as(&rest[..end], self.labels(), names::Case::Capitalised),
            };
            let Some(people) = people else { continue };
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
