//! What a line is, read byte by byte: its text without white space at its ends,
//! whether it is a list item, whether it opens code with its language.

/// `s` without white space at either end, as [`str::trim`] gives it: ASCII white
/// space is stripped byte by byte, and `str::trim` is asked only where a non-ASCII
/// character is left at an end (which may be white space).
pub(super) fn trim(s: &str) -> &str {
    let b = s.as_bytes();
    // `char::is_whitespace` within ASCII.
    let space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
    let mut i = 0;
    while i < b.len() && space(b[i]) {
        i += 1;
    }
    let mut j = b.len();
    while j > i && space(b[j - 1]) {
        j -= 1;
    }
    let t = &s[i..j];
    if t.as_bytes().first().is_some_and(|&c| c >= 0x80) || t.as_bytes().last().is_some_and(|&c| c >= 0x80) {
        t.trim()
    } else {
        t
    }
}

/// Whether `t` opens with a list marker (`-`, `*`, `+` or `1.`, `1)`).
pub(super) fn is_list_item(t: &str) -> bool {
    let t = t.trim_start();
    if let Some(rest) = t.strip_prefix(['-', '*', '+']) {
        return rest.is_empty() || rest.starts_with(' ');
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(t.as_bytes().get(digits), Some(b'.' | b')'))
}

/// Whether `line` opens a code block by naming its language in another markup than
/// Markdown's fences (```` ```python ````): DokuWiki's `<code python>` and `<file
/// python a.py>`, Confluence's `{code:language=python}`, AsciiDoc's `[source,python]`,
/// reStructuredText's `.. code-block:: python`, Org's `#+BEGIN_SRC python`.
pub(super) fn is_code_tag(line: &str) -> bool {
    const TAGS: [&str; 9] = [
        "{code:",
        "<code ",
        "<file ",
        "[source,",
        ".. code-block::",
        ".. code::",
        ".. sourcecode::",
        "#+BEGIN_SRC ",
        "#+begin_src ",
    ];
    TAGS.iter().any(|t| line.starts_with(t))
}
