//! XML for the GraphML and GEXF writers: the one escaping rule and a small writer over
//! quick-xml's, indented by two spaces.
//!
//! Escaping: text and attribute values escape `&`, `<`, `>`, `"`, `'`; attribute values
//! also write tab, newline and carriage return as character references (XML parsers
//! would otherwise turn them into spaces), and text writes carriage return as `&#13;`
//! (parsers would drop it). Characters XML 1.0 cannot carry at all (most C0 controls,
//! U+FFFE, U+FFFF) become U+FFFD. Every attribute value goes through [`escape`]:
//! quick-xml's own escaping leaves tabs and newlines as they are.

use std::borrow::Cow;
use std::io::{self, Write};

use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::name::QName;
use quick_xml::Writer;

/// Escapes `s` for XML text (`in_attr` false) or a double-quoted attribute value
/// (rules in the module doc).
pub fn escape(s: &str, in_attr: bool) -> Cow<'_, str> {
    let needs = |c: char| {
        matches!(c, '&' | '<' | '>' | '"' | '\'' | '\r' | '\u{FFFE}' | '\u{FFFF}')
            || (c < ' ' && (in_attr || c != '\n' && c != '\t'))
    };
    if !s.contains(needs) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => out.push_str("&#13;"),
            '\n' if in_attr => out.push_str("&#10;"),
            '\t' if in_attr => out.push_str("&#9;"),
            '\n' | '\t' => out.push(c),
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// An element's start tag with its attributes, each value escaped by [`escape`].
fn tag<'a>(name: &'a str, attrs: &[(&'a str, &str)]) -> BytesStart<'a> {
    let mut start = BytesStart::new(name);
    for (key, value) in attrs {
        start.push_attribute(Attribute {
            key: QName(key.as_bytes()),
            value: Cow::Owned(escape(value, true).into_owned().into_bytes()),
        });
    }
    start
}

/// Writes an XML document: the declaration first, then elements indented by two
/// spaces (an element holding only text stays on one line), a line break at the end.
pub struct XmlWriter<W: Write> {
    x: Writer<W>,
}

impl<W: Write> XmlWriter<W> {
    /// Starts a document on `w` with `<?xml version="1.0" encoding="UTF-8"?>`.
    pub fn new(w: W) -> io::Result<Self> {
        let mut x = Writer::new_with_indent(w, b' ', 2);
        x.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        Ok(XmlWriter { x })
    }

    /// `<name a="..." ...>`.
    pub fn start(&mut self, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
        self.x.write_event(Event::Start(tag(name, attrs)))
    }

    /// `</name>`.
    pub fn end(&mut self, name: &str) -> io::Result<()> {
        self.x.write_event(Event::End(BytesEnd::new(name)))
    }

    /// `<name a="..." .../>`.
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
        self.x.write_event(Event::Empty(tag(name, attrs)))
    }

    /// `<name a="...">text</name>`, on one line.
    pub fn text(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) -> io::Result<()> {
        self.start(name, attrs)?;
        self.x.write_event(Event::Text(BytesText::from_escaped(escape(text, false))))?;
        self.end(name)
    }

    /// Ends the document with a line break.
    pub fn finish(mut self) -> io::Result<()> {
        self.x.get_mut().write_all(b"\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_table() {
        for (input, text, attr) in [
            ("plain", "plain", "plain"),
            ("a & b", "a &amp; b", "a &amp; b"),
            ("<b>", "&lt;b&gt;", "&lt;b&gt;"),
            ("\"q\" 'a'", "&quot;q&quot; &apos;a&apos;", "&quot;q&quot; &apos;a&apos;"),
            ("two\nlines\tand tab", "two\nlines\tand tab", "two&#10;lines&#9;and tab"),
            ("cr\r\n", "cr&#13;\n", "cr&#13;&#10;"),
            ("nul\u{0}bell\u{7}", "nul\u{FFFD}bell\u{FFFD}", "nul\u{FFFD}bell\u{FFFD}"),
            ("\u{FFFE}\u{FFFF}", "\u{FFFD}\u{FFFD}", "\u{FFFD}\u{FFFD}"),
            ("🐍 שלום", "🐍 שלום", "🐍 שלום"),
        ] {
            assert_eq!(escape(input, false), text, "text of {input:?}");
            assert_eq!(escape(input, true), attr, "attribute of {input:?}");
        }
    }

    #[test]
    fn the_writer_indents_and_escapes() {
        let mut out = Vec::new();
        let mut x = XmlWriter::new(&mut out).unwrap();
        x.start("a", &[("id", "x\ty")]).unwrap();
        x.text("b", &[], "1 < 2").unwrap();
        x.empty("c", &[("v", "\"")]).unwrap();
        x.end("a").unwrap();
        x.finish().unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a id=\"x&#9;y\">\n  <b>1 &lt; 2</b>\n  <c v=\"&quot;\"/>\n</a>\n"
        );
    }
}
