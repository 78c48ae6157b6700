//! HTML inside notes written in another markup: a page pasted with its tags
//! (`<b><a href="…">Title</a></b><br>`, `<small>Speaker: Ana Ruiz</small>`), a tool that
//! writes entities (`Kueue &amp; Volcano`). Its tags give way to the markup notes use
//! (`<b>` and `<strong>` are `**`, `<i>` and `<em>` `*`, `<code>` a backtick), the other
//! tags to nothing, and its entities to their characters, so that a pasted title reads
//! as one typed.

use std::borrow::Cow;

/// Whether `text` holds HTML that [`inline`] would change: a closing tag, a `<br>`, or
/// an entity. One pass over the text's `<` and `&` (most notes have few of either).
pub(crate) fn present(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr2_iter(b'<', b'&', b).any(|i| {
        let rest = &b[i + 1..];
        if b[i] == b'<' {
            rest.first() == Some(&b'/') && rest.get(1).is_some_and(u8::is_ascii_alphabetic)
                || rest.len() >= 2 && rest[..2].eq_ignore_ascii_case(b"br")
        } else {
            entity(&text[i..]).is_some()
        }
    })
}

/// `t` with its tags and entities replaced (see the module's note); lines keep their
/// places, each trimmed at its ends. Borrowed when `t` has neither.
pub(crate) fn inline(t: &str) -> Cow<'_, str> {
    let b = t.as_bytes();
    let Some(first) = memchr::memchr2_iter(b'<', b'&', b).find(|&i| change(&t[i..]).is_some()) else {
        return Cow::Borrowed(t);
    };
    let mut out = String::with_capacity(t.len());
    out.push_str(&t[..first]);
    let mut i = first;
    while i < t.len() {
        let rest = &t[i..];
        match change(rest) {
            Some((len, with)) => {
                out.push_str(&with);
                i += len;
            }
            None => {
                let c = rest.chars().next().unwrap_or(' ');
                out.push(c);
                i += c.len_utf8();
            }
        }
    }
    let mut trimmed = String::with_capacity(out.len());
    for (k, l) in out.split('\n').enumerate() {
        if k > 0 {
            trimmed.push('\n');
        }
        trimmed.push_str(l.trim());
    }
    Cow::Owned(trimmed)
}

/// The rows of an HTML table (`<tr><th>Zeit</th>…</tr>`, `<tr><td>09:00</td>…`), a
/// schedule pasted from a conference's page: per row, its cells' text (tags and
/// entities replaced as [`inline`] does, blanks collapsed), the byte offset of its
/// `<tr>` in `src`, and whether every cell is a `<th>` (a header row). A cell ends at
/// the next cell, at its row's end or at the table's; the table ends at `</table>`.
pub(crate) fn table_rows(src: &str) -> Vec<(Vec<String>, usize, bool)> {
    let mut rows = Vec::new();
    // The open row (its cells, its offset, all headers so far) and the open cell (where
    // its text starts, whether it is a `<th>`).
    let mut row: Option<(Vec<String>, usize, bool)> = None;
    let mut cell: Option<(usize, bool)> = None;
    let close_cell = |row: &mut Option<(Vec<String>, usize, bool)>, cell: &mut Option<(usize, bool)>, end: usize| {
        if let (Some((from, th)), Some(r)) = (cell.take(), row.as_mut()) {
            let text = inline(&src[from..end]);
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            r.0.push(text.trim_matches('\u{a0}').to_string());
            r.2 &= th;
        }
    };
    for i in memchr::memchr_iter(b'<', src.as_bytes()) {
        let rest = &src[i + 1..];
        let closing = rest.starts_with('/');
        let from = usize::from(closing);
        let len = rest.as_bytes()[from..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
        if !matches!(rest.as_bytes().get(from + len), Some(b'>' | b' ' | b'\t' | b'\n' | b'/')) {
            continue;
        }
        let tag = &rest[from..from + len];
        let name = ["tr", "td", "th", "table"].into_iter().find(|n| n.eq_ignore_ascii_case(tag)).unwrap_or("");
        let open_end = || rest.find('>').map_or(src.len(), |k| i + 1 + k + 1);
        match (name, closing) {
            ("tr", false) => {
                close_cell(&mut row, &mut cell, i);
                rows.extend(row.take().filter(|r| !r.0.is_empty()));
                row = Some((Vec::new(), i, true));
            }
            ("td" | "th", false) => {
                close_cell(&mut row, &mut cell, i);
                cell = Some((open_end(), name == "th"));
            }
            ("td" | "th", true) => close_cell(&mut row, &mut cell, i),
            ("tr" | "table", true) => {
                close_cell(&mut row, &mut cell, i);
                rows.extend(row.take().filter(|r| !r.0.is_empty()));
                if name == "table" {
                    break;
                }
            }
            _ => {}
        }
    }
    close_cell(&mut row, &mut cell, src.len());
    rows.extend(row.filter(|r| !r.0.is_empty()));
    rows
}

/// What `s` opens with that [`inline`] replaces: its length and its replacement.
fn change(s: &str) -> Option<(usize, Cow<'static, str>)> {
    match s.as_bytes().first()? {
        // A comment, to its end on the line.
        b'<' if s.starts_with("<!--") => Some((s.find("-->")? + 3, Cow::Borrowed(""))),
        b'<' => tag(s).map(|(n, w)| (n, Cow::Borrowed(w))),
        b'&' => entity(s),
        _ => None,
    }
}

/// A tag `s` opens with (`<b>`, `</a>`, `<a href="…">`, `<br/>`): its length and what
/// stands for it. Not an autolink (`<https://…>`), an address (`<ana@x.org>`) or a sign
/// (`a < b`, `<-`): a tag's name is letters and digits, then `>`, `/>` or a blank.
fn tag(s: &str) -> Option<(usize, &'static str)> {
    let b = s.as_bytes();
    let start = 1 + usize::from(b.get(1) == Some(&b'/'));
    if !b.get(start)?.is_ascii_alphabetic() {
        return None;
    }
    let name_end = start + b[start..].iter().position(|c| !c.is_ascii_alphanumeric())?;
    let end = match b[name_end] {
        b'>' => name_end,
        b'/' if b.get(name_end + 1) == Some(&b'>') => name_end + 1,
        b' ' | b'\t' => name_end + memchr::memchr2(b'>', b'\n', &b[name_end..]).filter(|&k| b[name_end + k] == b'>')?,
        _ => return None,
    };
    let name = s[start..name_end].to_ascii_lowercase();
    let with = match name.as_str() {
        "b" | "strong" => "**",
        "i" | "em" => "*",
        "code" | "kbd" => "`",
        "br" | "td" | "th" => " ",
        n if TAGS.contains(&n) => "",
        // (Not a type's parameter: `Vec<T>`, `<T any>`.)
        _ => return None,
    };
    Some((end + 1, with))
}

/// The other tags a pasted page holds, which give way to nothing.
const TAGS: [&str; 42] = [
    "a",
    "abbr",
    "article",
    "big",
    "blockquote",
    "center",
    "cite",
    "del",
    "details",
    "div",
    "figcaption",
    "figure",
    "font",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "img",
    "ins",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "section",
    "small",
    "span",
    "strike",
    "sub",
    "summary",
    "sup",
    "time",
    "tr",
    "u",
    "ul",
];

/// The entities notes hold: named ones and numeric ones (`&#233;`, `&#xE9;`).
const NAMED: [(&str, &str); 20] = [
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", " "),
    ("ndash", "–"),
    ("mdash", "—"),
    ("hellip", "…"),
    ("rsquo", "’"),
    ("lsquo", "‘"),
    ("rdquo", "”"),
    ("ldquo", "“"),
    ("middot", "·"),
    ("bull", "•"),
    ("rarr", "→"),
    ("laquo", "«"),
    ("raquo", "»"),
    ("eacute", "é"),
    ("copy", "©"),
];

/// An entity `s` opens with: its length and its character.
fn entity(s: &str) -> Option<(usize, Cow<'static, str>)> {
    let semi = s.get(1..12.min(s.len()))?.find(';')? + 1;
    let body = &s[1..semi];
    let with = match body.strip_prefix('#') {
        Some(num) => match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => num.parse().ok(),
        }
        .and_then(char::from_u32)
        .filter(|c| !c.is_control())
        .map(|c| Cow::Owned(c.to_string()))?,
        None => Cow::Borrowed(NAMED.iter().find(|(n, _)| *n == body)?.1),
    };
    Some((semi + 1, with))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pasted_schedule_table_gives_its_rows() {
        let src = "<table>\n<thead>\n<tr><th>Zeit</th><th>Titel</th><th>Speaker</th></tr>\n</thead>\n<tr class=\"talk\">\n<td>10:30</td>\n<td><a href=\"/x/\">Polars &amp; DuckDB</a></td>\n<td><span>Ana Ruiz</span>, <span>Tom Berg</span></td>\n</tr>\n<tr><td>12:40</td><td colspan=\"2\">Lunch</td></tr>\n</table>\nafter";
        let rows = table_rows(src);
        let cells: Vec<(Vec<&str>, bool)> =
            rows.iter().map(|r| (r.0.iter().map(String::as_str).collect(), r.2)).collect();
        assert_eq!(
            cells,
            [
                (vec!["Zeit", "Titel", "Speaker"], true),
                (vec!["10:30", "Polars & DuckDB", "Ana Ruiz, Tom Berg"], false),
                (vec!["12:40", "Lunch"], false)
            ]
        );
        assert_eq!(&src[rows[1].1..rows[1].1 + 3], "<tr");
    }

    #[test]
    fn tags_give_way_to_markup_and_entities_to_characters() {
        assert_eq!(inline("<b><a href=\"https://x.org/1\">Kueue &amp; Volcano</a></b><br>"), "**Kueue & Volcano**");
        assert_eq!(inline("<small>Speaker: Ana Ruiz, Chainguard</small>"), "Speaker: Ana Ruiz, Chainguard");
        assert_eq!(inline("in-place <code>pg_upgrade</code> &#8217;s"), "in-place `pg_upgrade` ’s");
        assert_eq!(inline("a<br/>b\n <i>c</i> <!-- x -->"), "a b\n*c*");
        // Signs, autolinks, addresses and unknown entities stay.
        for t in
            ["Vec<T> and <T any>", "a < b -> c <- d", "<https://x.org>", "Ana <ana@x.org>", "AT&T & co; &zz;", "x <3 y"]
        {
            assert!(matches!(inline(t), Cow::Borrowed(_)), "{t}");
        }
    }

    #[test]
    fn present_only_where_there_is_something_to_change() {
        assert!(present("Title</b>"));
        assert!(present("one<br>two"));
        assert!(present("Kueue &amp; Volcano"));
        assert!(!present("a < b & c, <https://x.org>, <b"));
    }
}
