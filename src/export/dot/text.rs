//! DOT text: the one place that quotes for DOT ([`escape`]), and the writer that puts
//! the statements of [`statements`](super::statements) straight into the output, as
//! graphviz-rust's printer lays them out.

use std::io::Write;

use super::{Attrs, Sink, Val};

/// Quotes `s` for DOT (rules in the module doc); the result includes the quotes.
///
/// ```
/// assert_eq!(talkgraph::export::dot::escape("say \"hi\"\\"), r#""say \"hi\"\\""#);
/// ```
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '&' => out.push_str("&amp;"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            c if c.is_control() && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The longest quoted string Graphviz reads, in bytes, quotes included: its scanner
/// refuses a longer one, and `dot` then rejects the whole file.
pub(super) const GRAPHVIZ_LONGEST: usize = 16_384;

/// `s`, cut (at a character, ending with `…`) so that escaped and quoted it stays under
/// Graphviz's limit; most texts are far shorter and are kept as they are.
pub(super) fn fit(s: &str) -> std::borrow::Cow<'_, str> {
    // Escaping makes at most five bytes of one (`&` -> `&amp;`).
    const ROOM: usize = GRAPHVIZ_LONGEST - 16;
    let cost = |c: char| match c {
        '&' => 5,
        '\\' | '"' | '\n' | '\r' => 2,
        c => c.len_utf8(),
    };
    if s.len() * 5 <= ROOM || s.chars().map(cost).sum::<usize>() <= ROOM {
        return std::borrow::Cow::Borrowed(s);
    }
    let (mut used, mut end) = (cost('…'), 0);
    for (i, c) in s.char_indices() {
        used += cost(c);
        if used > ROOM {
            break;
        }
        end = i + c.len_utf8();
    }
    std::borrow::Cow::Owned(format!("{}…", &s[..end]))
}

/// Whether `escape` would change `s` beyond adding the quotes: a backslash, quote,
/// `&`, line break or other control character (C1 controls start with the byte 0xC2).
/// Every byte is tested, with no branch, which the compiler turns into vector compares
/// (labels and tooltips are most of a DOT file's bytes).
pub(super) fn needs_escape(s: &str) -> bool {
    let special =
        |b: u8| (b == b'\\') | (b == b'"') | (b == b'&') | (b == 0xC2) | (b == 0x7f) | ((b < 0x20) & (b != b'\t'));
    s.bytes().fold(0u8, |found, b| found | u8::from(special(b))) != 0
}

/// Writes the statements as graphviz-rust's printer lays them out (default context):
/// each statement on its own line, indented two spaces per level, attributes in
/// brackets separated by spaces, `[` right after a node id and after a space for an edge.
pub(super) struct Text<'w> {
    pub(super) w: crate::export::Chunks<'w>,
    pub(super) depth: usize,
    /// Whether the subgraph just opened has no statement yet.
    pub(super) fresh: bool,
    /// `->` between the ends of an edge, else `--`.
    pub(super) directed: bool,
}

impl Text<'_> {
    fn start(&mut self) -> std::io::Result<()> {
        self.fresh = false;
        self.w.write_all(b"\n")?;
        for _ in 0..self.depth {
            self.w.write_all(b"  ")?;
        }
        Ok(())
    }

    fn quoted(&mut self, s: &str) -> std::io::Result<()> {
        if needs_escape(s) {
            self.w.write_all(escape(s).as_bytes())
        } else {
            self.w.write_all(b"\"")?;
            self.w.write_all(s.as_bytes())?;
            self.w.write_all(b"\"")
        }
    }

    fn value(&mut self, v: Val<'_>) -> std::io::Result<()> {
        match v {
            Val::Plain(s) => self.w.write_all(s.as_bytes()),
            Val::Text(s) => self.quoted(s),
            Val::Html(s) => self.w.write_all(s.as_bytes()),
        }
    }

    fn list(&mut self, attrs: &Attrs<'_>) -> std::io::Result<()> {
        if attrs.is_empty() {
            return Ok(());
        }
        self.w.write_all(b"[")?;
        for (i, (k, v)) in attrs.iter().enumerate() {
            if i > 0 {
                self.w.write_all(b" ")?;
            }
            self.w.write_all(k.as_bytes())?;
            self.w.write_all(b"=")?;
            self.value(*v)?;
        }
        self.w.write_all(b"]")
    }
}

impl Sink for Text<'_> {
    fn defaults(&mut self, which: &'static str, attrs: &Attrs<'_>) -> std::io::Result<()> {
        self.start()?;
        self.w.write_all(which.as_bytes())?;
        self.list(attrs)
    }

    fn attr(&mut self, key: &'static str, value: Val<'_>) -> std::io::Result<()> {
        self.start()?;
        self.w.write_all(key.as_bytes())?;
        self.w.write_all(b"=")?;
        self.value(value)
    }

    fn node(&mut self, id: &str, attrs: &Attrs<'_>) -> std::io::Result<()> {
        self.start()?;
        self.quoted(id)?;
        self.list(attrs)
    }

    fn edge(&mut self, from: &str, to: &str, attrs: &Attrs<'_>) -> std::io::Result<()> {
        self.start()?;
        self.quoted(from)?;
        self.w.write_all(if self.directed { b" -> " } else { b" -- " })?;
        self.quoted(to)?;
        if !attrs.is_empty() {
            self.w.write_all(b" ")?;
        }
        self.list(attrs)
    }

    fn open(&mut self, id: Val<'_>) -> std::io::Result<()> {
        self.start()?;
        self.w.write_all(b"subgraph ")?;
        self.value(id)?;
        self.w.write_all(b" {")?;
        self.depth += 1;
        self.fresh = true;
        Ok(())
    }

    fn close(&mut self) -> std::io::Result<()> {
        // The printer joins the statements with line breaks and adds one before the
        // brace: an empty subgraph has an empty line.
        if self.fresh {
            self.w.write_all(b"\n")?;
        }
        self.depth -= 1;
        self.fresh = false;
        self.w.write_all(b"\n")?;
        for _ in 0..self.depth {
            self.w.write_all(b"  ")?;
        }
        self.w.write_all(b"}")
    }
}
