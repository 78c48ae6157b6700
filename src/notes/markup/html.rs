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
