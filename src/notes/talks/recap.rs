//! Recaps written as posts and comments (a social-media post, a forum thread, a chat
//! recap): a talk named on one line by its quoted title with a person next to it, in the
//! ways such posts put them, whatever the markup:
//!
//! - the person first, set apart by a comma, a colon or a dash (`Tuğba Yıldırım,
//!   "Laminar in production" – Scala.js frontend, …`): the notes that follow the title
//!   on its line are the talk's;
//! - the title, then a dash and its speaker, a co-speaker named in a remark after a comma
//!   (`"Orchestration after Airflow?" — Mei-Ling Chow, with a cameo from her colleague
//!   Arnav Kulkarni`);
//! - a line of hashtags (`#DataEngineering #dbt`) closes a post: what follows it (the
//!   reactions, the comments) is no talk's.
//!
//! Read with the titles in a paragraph's prose, when no other shape was found.

use super::*;

/// The evidence of a quoted title, as prose gives it.
const QUOTED: &str = "a quoted title";

impl Run<'_, '_, '_> {
    /// A recap's line (`first`, plain and trimmed, the first line of paragraph `bi` at
    /// `line`) naming a talk by its quoted title and a person next to it.
    pub(super) fn recap_line(&self, bi: usize, line: u32, first: &str) -> Option<Candidate> {
        // Most first lines hold no quote.
        let q = |b: &[u8]| {
            memchr::memchr2_iter(b'"', 0xE2, b).find(|&i| b[i] == b'"' || b[i..].starts_with("“".as_bytes()))
        };
        q(first.as_bytes())?;
        let first = framed::strip_number(first);
        let b = first.as_bytes();
        let open = q(b)?;
        let labels = self.labels();
        let close_ch = if b[open] == b'"' { '"' } else { '”' };
        let inner = open + if b[open] == b'"' { 1 } else { '“'.len_utf8() };
        let close = inner + first[inner..].find(close_ch)?;
        let title = clean_title(&first[inner..close]);
        if !(2..=20).contains(&title.split_whitespace().count()) {
            return None;
        }
        let before = first[..open].trim();
        let after = first[close + close_ch.len_utf8()..].trim_start();
        let (people, notes) = if before.is_empty() {
            // `"Title" — A, with … B`.
            let rest = after.strip_prefix(['—', '–', '-'])?.trim_start();
            (dash_people(rest, labels)?, false)
        } else {
            // `Name, "Title" …`, `Name: "Title"`, `Name – "Title"`.
            let name = before.strip_suffix([',', ':', '—', '–', '-'])?.trim_end();
            // (`A and B did a two person talk, "…"`: the names before the verb.)
            let told = || Some(people_before(before, labels)?.into_iter().map(|n| (n, Role::Speaker)).collect());
            let people = names::leading_people(name, labels)
                .filter(|p| p.len() > 1)
                .or_else(told)
                .or_else(|| names::leading_people(name, labels))?;
            (people, !after.trim_start_matches(['.', ',', '—', '–', '-', ':']).trim().is_empty())
        };
        let mut c = self.new_candidate(bi, line, Source::TitleLine, title);
        push_ev(&mut c, QUOTED, 2);
        push_ev(&mut c, "a person named in it", 2);
        c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line }, r)).collect();
        // The notes on the title's line are the talk's.
        c.body_line = if notes { line } else { line + 1 };
        Some(c)
    }
}

impl Run<'_, '_, '_> {
    /// A quoted title in prose followed by its people in parentheses or after a dash
    /// (`… "Scala 3 on Spark 4, finally?" (Rohan Deshpande & Ilse de Vries, both
    /// Databricks)`, `… "Title" — Ana Ruiz`): `tail` is the text after the quote, up to
    /// the end of its line.
    pub(super) fn quoted_then_people(&self, bi: usize, line: u32, title: &str, tail: &str) -> Option<Candidate> {
        let labels = self.labels();
        let tail = tail.trim_start();
        let people = match tail.strip_prefix('(') {
            Some(inner) => names::people_as(inner.split_once(')')?.0, labels, names::Case::Capitalised)?,
            // `"Title", la dio Ana Ruiz`: a verb of presenting after a comma, then who.
            None if tail.starts_with(',') => {
                let rest = tail[1..].trim_start();
                let ws: Vec<&str> = rest.splitn(4, ' ').collect();
                let k = (1..=ws.len().min(3)).rev().find(|&k| labels.presents(&ws[..k].join(" ").to_lowercase()))?;
                let after = ws[k..].join(" ");
                let end = after.find(['.', ';', ':', '!', '?', '(', ',']).unwrap_or(after.len());
                names::people_as(after[..end].trim(), labels, names::Case::Capitalised)?
            }
            None => {
                let rest = tail.strip_prefix(['—', '–'])?.trim_start();
                let end = rest.find(['.', ';', ':', '!', '?', '(']).unwrap_or(rest.len());
                dash_people(&rest[..end], labels)?
            }
        };
        let title = clean_title(title);
        if !(2..=20).contains(&title.split_whitespace().count()) {
            return None;
        }
        let mut c = self.new_candidate(bi, line, Source::Prose, title);
        push_ev(&mut c, QUOTED, 2);
        push_ev(&mut c, "a person named in it", 2);
        c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line }, r)).collect();
        Some(c)
    }
}

/// A list item written as prose around its talk's quoted title, as an e-mail's
/// numbered points are (`Alessandro Rinaldi ha raccontato "Da pandas a Polars"`,
/// `"Pydantic v2 in produzione", presentato da Matteo Galli`, `Nel pomeriggio "Async
/// Django" (in inglese), la speaker era Federica Conti`): the title opens on the item's
/// first line and may end on a later one (a hard wrap); its people are named in its
/// sentence, before the title or after it. The title and its people.
pub(super) fn quoted_item(text: &str, labels: &Labels) -> Option<(String, Vec<(String, Role)>)> {
    let first = text.split('\n').next()?;
    if !first.contains(['"', '“']) {
        return None;
    }
    let mut plain = strip_inline(first.trim()).into_owned();
    let first_len = plain.len();
    for l in text.split('\n').skip(1).take(3) {
        plain.push(' ');
        plain.push_str(&strip_inline(l.trim()));
    }
    let open = plain.find(['"', '“']).filter(|&o| o < first_len)?;
    let (inner, close_ch) =
        if plain[open..].starts_with('"') { (open + 1, '"') } else { (open + '“'.len_utf8(), '”') };
    let close = inner + plain[inner..].find(close_ch)?;
    let title = clean_title(&plain[inner..close]);
    if !(2..=20).contains(&title.split_whitespace().count()) {
        return None;
    }
    // (`l'ha tenuto Lorenza Ferri ("Title")`: the bracket opens the title's aside.)
    let before = plain[..open].trim_end().trim_end_matches(['(', '[']).trim_end();
    let told = || Some(people_before(before, labels)?.into_iter().map(|n| (n, Role::Speaker)).collect());
    let people = (!before.is_empty()).then(told).flatten().or_else(|| {
        let tail = plain[close + close_ch.len_utf8()..].trim_start();
        if let Some(rest) = tail.strip_prefix(['—', '–', '-']) {
            let rest = rest.trim_start();
            let end = rest.find(['.', ';', ':', '!', '?', '(']).unwrap_or(rest.len());
            return dash_people(&rest[..end], labels);
        }
        let tail = without_asides(tail);
        sentence::sentence_speakers(tail.trim_start_matches([',', ';', ' ']), labels)
    })?;
    Some((title, people))
}

/// A name, then its talk's title in quotes (`Katarzyna Zielińska „Java ma 29 lat”`,
/// `Ana Ruiz, "Title"`), as a label's value gives them (`Keynote – …`). The title and
/// the people.
pub(super) fn name_then_quoted(s: &str, labels: &Labels) -> Option<(String, Vec<(String, Role)>)> {
    let open = s.find(['"', '“', '„', '«'])?;
    let oc = s[open..].chars().next()?;
    let close_ch = match oc {
        '„' => ['“', '”'],
        '«' => ['»', '»'],
        '“' => ['”', '”'],
        _ => ['"', '"'],
    };
    let inner = open + oc.len_utf8();
    let close = inner + s[inner..].find(close_ch)?;
    let title = clean_title(&s[inner..close]);
    let name = s[..open].trim_end().trim_end_matches([',', ':', '—', '–', '-']).trim_end();
    if name.is_empty() || !(2..=20).contains(&title.split_whitespace().count()) {
        return None;
    }
    Some((title, names::people_as(name, labels, names::Case::Capitalised)?))
}

/// The people after a title's dash, up to a remark after a comma; a co-speaker the
/// remark names after `with` (`Mei-Ling Chow, with a cameo from her colleague Arnav
/// Kulkarni`, `Ana Ruiz, with Tom Berg`) is one of them.
fn dash_people(s: &str, labels: &Labels) -> Option<Vec<(String, Role)>> {
    let (head, remark) = s.split_once(", ").unwrap_or((s, ""));
    let mut people = names::leading_people(head, labels)?;
    if let Some(with) = remark.strip_prefix("with ") {
        // The remark's last capitalised words, after words in lower case only.
        let words: Vec<&str> = with.trim_end_matches(['.', '!', ')']).split_whitespace().collect();
        let caps = words.iter().rev().take_while(|w| w.starts_with(char::is_uppercase)).count();
        let (lead, name) = (&words[..words.len() - caps], words[words.len() - caps..].join(" "));
        // Right after `with`, after `from`/`by`, or after a possessive and a word (`her
        // colleague`): a person, not a thing shown (`with a demo of Grafana Loki`).
        let person = match lead {
            [] => true,
            [.., w] if matches!(*w, "from" | "by") => true,
            [.., p, _] => matches!(*p, "her" | "his" | "their" | "my" | "our"),
            _ => false,
        };
        if person
            && lead.iter().all(|w| w.starts_with(char::is_lowercase))
            && lead.len() <= 6
            && names::is_name(&name, false)
        {
            people.push((name, Role::Speaker));
        }
    }
    Some(people)
}

/// Whether paragraph `t` is a post's hashtags alone (`#DataEngineering #dbt #DuckDB`):
/// two tags or more, nothing else.
pub(super) fn hashtags(t: &str) -> bool {
    t.starts_with('#')
        && t.len() <= 600
        && t.split_whitespace().nth(1).is_some()
        && t.split_whitespace().all(|w| w.strip_prefix('#').is_some_and(|r| r.starts_with(char::is_alphanumeric)))
}

/// Words that may stand between a speaker's name and the quoted title of their talk
/// (`Sarah Boyce on "…"`, `Ana Ruiz presented "…"`, `Jörg Weiß über "…"`).
const BEFORE_TITLE: [&str; 26] = [
    "on",
    "com",
    "e",
    "about",
    "with",
    "presented",
    "presents",
    "presenting",
    "gave",
    "gives",
    "giving",
    "talked",
    "talks",
    "spoke",
    "speaking",
    "über",
    "mit",
    "sur",
    "avec",
    "sobre",
    "con",
    "su",
    "over",
    "met",
    "o",
    "de",
];

/// The speakers named right before a quoted title, in its sentence: one name of two to
/// four words, or two joined by `and` (`Lotte Visser and Daan Mulder did a two person
/// talk, "…"`), then at most three of [`BEFORE_TITLE`], a `:`/`—`/`-`, or a verb of
/// presenting with the talk it gave (`did a talk,`). A name in lower case counts when
/// its words are unusual (`then thijs bakker with "…"`), as a lower-case writer writes
/// every name; an aside in brackets after it is left out (`femke janssen (not the same
/// femke!) did "…"`).
pub(super) fn people_before(before: &str, labels: &Labels) -> Option<Vec<String>> {
    let owned;
    let before = if before.contains(')') {
        owned = without_asides(before);
        owned.as_str()
    } else {
        before
    };
    // After the stop, which may be more than a byte (`”`). (A dot inside a word,
    // `@marcoreyes.dev`, is none.)
    let inside = |i: usize| before[i + 1..].starts_with(char::is_alphanumeric);
    let sentence = before
        .char_indices()
        .rfind(|&(i, c)| matches!(c, '.' | '!' | '?' | ';' | '(' | ')' | '"' | '”') && !(c == '.' && inside(i)))
        .map_or(before, |(i, c)| &before[i + c.len_utf8()..]);
    let mut words: Vec<&str> = sentence.split_whitespace().collect();
    // A verb of presenting and the talk it gave (`did a two person talk,`).
    let talk_at_end = words.last().is_some_and(|w| {
        let bare = w.trim_end_matches([',', ':', '—', '–']);
        labels.lookup(bare).iter().any(|c| c.is_talk_kind())
    });
    if talk_at_end {
        let n = words.len();
        if let Some(v) = (n.saturating_sub(6)..n - 1).rev().find(|&i| labels.presents(words[i])) {
            words.truncate(v);
        }
    }
    let mut between = 0;
    while let Some(w) = words.last() {
        let bare = w.trim_matches(|c: char| matches!(c, ':' | '—' | '–' | '-' | ','));
        let joins = between < 3 && (BEFORE_TITLE.contains(&bare.to_lowercase().as_str()) || labels.presents(bare));
        // (A verb of two words: `ha raccontato`, `hat gezeigt`.)
        let n = words.len();
        if between < 3 && n >= 2 && !joins && labels.presents(&format!("{} {bare}", words[n - 2])) {
            words.truncate(n - 2);
            between += 1;
            continue;
        }
        if bare.is_empty() || joins {
            words.pop();
            between += 1;
        } else {
            break;
        }
    }
    // A colon inside opens what follows it (`last one i stayed for: noor el amrani, "…"`).
    if let Some(c) = words[..words.len().saturating_sub(1)].iter().rposition(|w| w.ends_with(':')) {
        words.drain(..=c);
    }
    // `next up @marcoreyes.dev on "Title"`: a post names the speaker by a handle.
    if let Some(h) = words.last().and_then(|w| handle(w)) {
        return Some(vec![h.to_string()]);
    }
    let last = words.pop()?;
    // The name ends at its last word; a comma there ends a list, not a name, unless the
    // name opens its sentence (`Tuğba Yıldırım, "Title" – …`).
    if let Some(name) = last.strip_suffix(',') {
        let opening = format!("{} {name}", words.join(" "));
        let opening = opening.trim();
        return ((1..=3).contains(&words.len()) && name_shaped(opening, labels)).then(|| vec![opening.to_string()]);
    }
    let last = last.trim_end_matches([':', '—', '–']);
    // `Siobhán Ní Bhriain's "Title"`: the name without its possessive.
    words.push(last.strip_suffix("'s").or_else(|| last.strip_suffix("’s")).unwrap_or(last));
    let mut people = Vec::new();
    while let Some((name, n)) = name_at_end(&words, labels, !people.is_empty()) {
        people.insert(0, name);
        words.truncate(words.len() - n);
        // Another name before `and` or `&`.
        match words.last() {
            Some(w) if people.len() == 1 && matches!(*w, "and" | "&" | "und" | "et" | "y" | "e" | "en" | "i") => {
                words.pop();
            }
            _ => break,
        }
    }
    (!people.is_empty()).then_some(people)
}

/// The name of two to four words that `words` ends with, and its number of words.
/// `paired`: a name before `and NAME`, which needs only an unusual surname in lower
/// case (`mark kuiper and yara bos`: `mark` is an English word).
fn name_at_end(words: &[&str], labels: &Labels, paired: bool) -> Option<(String, usize)> {
    (2..=4).rev().filter(|&n| words.len() >= n).find_map(|n| {
        let run = &words[words.len() - n..];
        // No stop inside a name, and no word of it a sign (`Kim & Tomás Ortega`).
        // (Nor a joining word: `Marchetti e Sara Lombardo` is two names' ends.)
        if run[..n - 1].iter().any(|w| w.ends_with([',', ':']))
            || run.iter().any(|w| !w.starts_with(char::is_alphabetic))
            || run[1..n - 1].iter().any(|w| matches!(*w, "and" | "und" | "et" | "e" | "y" | "en" | "i"))
        {
            return None;
        }
        let cand = run.join(" ");
        let surname = || {
            let last = run[n - 1];
            names::is_name(&cand, true) && !names::ordinary(last) && !names::frequent(last)
        };
        (name_shaped(&cand, labels) || paired && n == 2 && surname()).then_some((cand, n))
    })
}

/// Whether `s` is a name: capitalised, or in lower case with unusual words
/// ([`told::name_shaped`]).
fn name_shaped(s: &str, labels: &Labels) -> bool {
    if s.starts_with(char::is_uppercase) {
        names::is_name(s, false)
    } else {
        // (A name opens with a given name, not a particle: `de l'après-midi` is none.)
        !s.split(' ').next().is_some_and(names::is_particle) && super::told::name_shaped(s, labels)
    }
}

/// `s` without its asides in brackets (`(not the same femke!!)`).
fn without_asides(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    let mut held = String::new();
    for c in s.chars() {
        match c {
            '(' => {
                depth += 1;
                held.push(c);
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    held.clear();
                } else {
                    held.push(c);
                }
            }
            _ if depth > 0 => held.push(c),
            _ => out.push(c),
        }
    }
    // An open bracket never closed stays, a stop as before.
    out.push_str(&held);
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::read_as;
    use super::super::thread::forum_header;
    use super::*;
    use crate::notes::document::Markup;

    #[test]
    fn comments_of_a_forum_thread_each_recap_a_talk() {
        let text = "**u/curry_fan** · 3h\nNobody covered this one? **Typing pandas at scale** — Ana Ruiz\n* pandera for schemas\n\n---\n\n**u/dataframe_dan** · 2h\nLea Kim, \"Polars in production, a year on\" – lazy frames everywhere and DuckDB for the joins.\n\n---\n\n**u/spark_sad** · 1h\nFor the JVM crowd: \"Spark 4 without tears\" (Tom Berg & Mina Park, both Databricks)\nDelta Lake examples.\n\n---\n\n**u/late_reader** · 20m\nanyone know when the YouTube videos land?\n";
        let talks = read_as(text, Markup::Markdown);
        let got: Vec<(u32, &str, Vec<&str>)> =
            talks.iter().map(|t| (t.0, t.1.as_str(), t.2.iter().map(String::as_str).collect())).collect();
        assert_eq!(
            got,
            [
                (2, "Typing pandas at scale", vec!["Ana Ruiz"]),
                (8, "Polars in production, a year on", vec!["Lea Kim"]),
                (13, "Spark 4 without tears", vec!["Tom Berg", "Mina Park"]),
            ]
        );
        // The notes after a title on its line are the talk's; the next comment is not.
        assert!(talks[1].3.contains("DuckDB"), "{:?}", talks[1].3);
        assert!(talks[2].3.contains("Delta Lake") && !talks[2].3.contains("YouTube"), "{:?}", talks[2].3);
    }

    #[test]
    fn names_in_lower_case_before_a_quoted_title_in_a_wall_of_prose() {
        // A writer who writes every name in lower case, the names before the quote: after
        // a lead-in, with an aside in brackets, with the talk the pair gave, after a colon.
        let text = "amsterdam frontend day, june. notes from the train\n\nthen pieter van dam with \"css layers in real apps\" which was useful. grid\nand subgrid everywhere\n\nafter the break anouk de graaf (not the anouk from work) did \"forms without\nfrustration\". zod everywhere\n\nmark kuiper and yara bos did a two person talk, \"testing the boring way\".\nvitest mostly\n\nlast one i stayed for: ilse van rijn, \"a year of astro\". islands\n\nshe said \"we have come full circle\" and everyone laughed\n";
        let got: Vec<(u32, String, Vec<String>)> =
            read_as(text, Markup::Plain).into_iter().map(|t| (t.0, t.1, t.2)).collect();
        let want = [
            (3, "css layers in real apps", vec!["pieter van dam"]),
            (6, "forms without frustration", vec!["anouk de graaf"]),
            (9, "testing the boring way", vec!["mark kuiper", "yara bos"]),
            (12, "a year of astro", vec!["ilse van rijn"]),
        ];
        let want: Vec<(u32, String, Vec<String>)> =
            want.into_iter().map(|(l, t, p)| (l, t.to_string(), p.into_iter().map(str::to_string).collect())).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn other_forums_and_posts_with_pictographs_for_bullets() {
        let forum = "# PyCon DE 2026 — what did you see?\n\n@maria_k · 3h\nJust saw \"Async Rust in anger\" by Tom Berg – tokio everywhere, then a detour through Axum.\n\n@jo.hansen · 2h\nLea Kim: \"Polars at 10 billion rows\" – lazy frames.\n\n@ben_r · 1h\n**Packaging without tears** (Mina Park & Ola Nordmann, both Anaconda)\n- uv for everything\n\n@late · 20m\nwhere are the slides?\n";
        let post = "Ana Ruiz • 2nd\nMy favourite talks 👇\n\n👉 \"eBPF for mere mortals\" — Liz Okafor\nCilium, no kernel patches.\n\n🔥 \"GitOps at 500 clusters\" — Ivo Marin (Spotify)\nArgo CD sharding.\n\n#KubeCon #CloudNative\n";
        for (text, markup, want) in [
            (
                forum,
                Markup::Markdown,
                vec![
                    ("Async Rust in anger", vec!["Tom Berg"]),
                    ("Polars at 10 billion rows", vec!["Lea Kim"]),
                    ("Packaging without tears", vec!["Mina Park", "Ola Nordmann"]),
                ],
            ),
            (
                post,
                Markup::Plain,
                vec![("eBPF for mere mortals", vec!["Liz Okafor"]), ("GitOps at 500 clusters", vec!["Ivo Marin"])],
            ),
        ] {
            let talks = read_as(text, markup);
            let got: Vec<(&str, Vec<&str>)> =
                talks.iter().map(|t| (t.1.as_str(), t.2.iter().map(String::as_str).collect())).collect();
            assert_eq!(got, want);
            assert!(!talks.last().is_some_and(|t| t.3.contains("slides") || t.3.contains("#KubeCon")), "{talks:?}");
        }
    }

    #[test]
    fn headers_of_forum_comments() {
        for t in [
            "**u/kappa_ok** · 2d",
            "@ana_b • 3 hours ago",
            "[deleted] · 2d",
            "/u/x99 | yesterday",
            "u/dev_42 · 5 min. ago",
            "**@marinatavares** · 24 out. 2024",
        ] {
            assert!(forum_header(t), "{t}");
        }
        for t in [
            "Ana Ruiz · 2d",
            "u/kappa_ok · great talk",
            "**Speaker:** Ana Ruiz",
            "Room 2 · 10:30",
            "u/kappa_ok",
            "@ · 2d",
            "@ana_b · talk 2024 was great and long",
        ] {
            assert!(!forum_header(t), "{t}");
        }
    }

    #[test]
    fn a_social_post_numbers_its_talks_and_ends_with_its_hashtags() {
        let text = "Ana Ruiz • 2nd\n3d • Edited\n\nTwo days at #DevConf 2026 and here are my favourites 👇\n\n1️⃣ \"Typing pandas at scale\" — Lea Kim\nPandera everywhere.\n\n2️⃣ \"Polars in production\" — Tom Berg, with a cameo from his colleague Mina Park\nLazy frames and DuckDB.\n\nThanks to the organisers!\n\n#DataEngineering #Polars #DevConf\n\n👍 120 • 12 comments\nLea Kim • 1st\nThanks for the shout-out!\n";
        let talks = read_as(text, Markup::Plain);
        let got: Vec<(&str, Vec<&str>)> =
            talks.iter().map(|t| (t.1.as_str(), t.2.iter().map(String::as_str).collect())).collect();
        assert_eq!(
            got,
            [("Typing pandas at scale", vec!["Lea Kim"]), ("Polars in production", vec!["Tom Berg", "Mina Park"])]
        );
        assert!(talks[1].3.contains("DuckDB") && !talks[1].3.contains("#Polars"), "{:?}", talks[1].3);
        assert!(hashtags("#DataEngineering #Polars") && !hashtags("#1 talk of the day") && !hashtags("#dbt"));
    }

    #[test]
    fn a_co_speaker_in_a_remark_after_the_names() {
        let l = Labels::default();
        let names = |s: &str| dash_people(s, &l).map(|p| p.into_iter().map(|(n, _)| n).collect::<Vec<_>>());
        assert_eq!(names("Ana Ruiz, with Tom Berg").unwrap(), ["Ana Ruiz", "Tom Berg"]);
        assert_eq!(names("Ana Ruiz, great as always").unwrap(), ["Ana Ruiz"]);
        assert_eq!(names("Ana Ruiz, with help from Tom Berg").unwrap(), ["Ana Ruiz", "Tom Berg"]);
        assert_eq!(names("Ana Ruiz, with a demo of Grafana Loki").unwrap(), ["Ana Ruiz"]);
        assert!(names("Getting Started").is_none());
    }

    #[test]
    fn a_newsletter_names_its_sections_in_its_own_words() {
        // Each heading is the writer's; the talk is the bold quoted title in its prose,
        // its speaker after `la dio`, `de` (a nickname in «» inside the name) or before it.
        let text = "# Lo que me traje de la DevConf 2026\n\n## Empezar por la gente\n\nLa keynote, **«La comunidad que no se ve»**, la dio Ana Ruiz-Soto, y fue buena.\n\n\
            ## Datos que llegan a producción\n\nJusto después, Marta Okabe presentó **«De Jupyter a producción»**. Papermill.\n\n\
            ## Pausa para el café\n\nEl pulpo.\n\n\
            ## El domingo, tests\n\nCerré con **«Tests que se escriben solos»**, de Fernando «Nando» Salgado. Hypothesis.\n\n\
            ## Y para terminar\n\nMe quedé sin ver la mesa redonda.\n";
        let talks = read_as(text, Markup::Markdown);
        let got: Vec<(u32, &str, Vec<&str>)> =
            talks.iter().map(|t| (t.0, t.1.as_str(), t.2.iter().map(String::as_str).collect())).collect();
        assert_eq!(
            got,
            [
                (5, "La comunidad que no se ve", vec!["Ana Ruiz-Soto"]),
                (9, "De Jupyter a producción", vec!["Marta Okabe"]),
                (17, "Tests que se escriben solos", vec!["Fernando Salgado"]),
            ]
        );
    }
}
