//! BibTeX and BibLaTeX files (`.bib`: a reading list of talks kept in a reference
//! manager such as JabRef or Zotero, or pasted into a `.txt`), turned into Markdown on
//! the lines of the file when it is read, as a calendar is ([`super::ical`]):
//!
//! - an entry (`@misc{key,`, `@inproceedings{…`) is a talk: its `title` a heading on
//!   the entry's first line;
//! - its `author` field names the speakers (`Speakers: A, B` on the field's line), each
//!   name read as BibTeX writes it (`Last, First`, `von Last, First`, `First Last`,
//!   joined by `and`; `and others` is no one);
//! - what the note-taker wrote (`note`, `annote`, `abstract`, `comment`, `keywords`,
//!   `review`, `description`) and where the talk was given (`howpublished`,
//!   `booktitle`, `eventtitle`, `organization`, `venue`) are its notes, each line of a
//!   value on the line it is written on;
//! - identifiers, links and dates (`url`, `doi`, `year`, `month`, `file`) and `@string`,
//!   `@preamble`, `@comment` entries are blank lines;
//! - text between entries is a comment, as BibTeX reads it (a LaTeX `%` before it
//!   dropped): notes of their own, where a reading list names its conference.
//!
//! Values are read as LaTeX writes them: braces dropped, accents made letters
//! (`Mar{\'i}a` is `María`, `S{\o}rensen` `Sørensen`, `Nguy\~{\^e}n` `Nguyễn`, `Th\d{i}`
//! `Thị`), escapes their character (`\&`, `\%`), `~` a blank; another command (`\emph`)
//! keeps its argument. Every line keeps its number.

use unicode_normalization::UnicodeNormalization;

/// Whether `text` is a BibTeX file: its first line that is neither blank nor a `%`
/// comment opens an entry (`@misc{`, `@InProceedings{`, `@string(`).
pub fn is_bibtex(text: &str) -> bool {
    text.lines().map(str::trim).find(|l| !l.is_empty() && !l.starts_with('%')).is_some_and(|l| entry_type(l).is_some())
}

/// The type of the entry an `@type{` at the start of `l` opens, lower case.
fn entry_type(l: &str) -> Option<String> {
    let rest = l.strip_prefix('@')?;
    let n = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    let after = rest[n..].trim_start();
    (n > 0 && after.starts_with(['{', '('])).then(|| rest[..n].to_ascii_lowercase())
}

/// One field of an entry: its name (lower case), its value as written (braces and
/// quotes of the outer level removed, `#` concatenation joined), and the line (0-based)
/// where the value starts.
#[derive(Debug)]
struct Field {
    name: String,
    value: String,
    line: usize,
}

/// The BibTeX `text` as Markdown with the same number of lines.
pub fn to_text(text: &str) -> String {
    let b = text.as_bytes();
    let lines = text.split('\n').count();
    let mut out: Vec<String> = vec![String::new(); lines];
    // The line of each byte is counted as the scan goes.
    let mut line = 0usize;
    let mut i = 0usize;
    let mut line_start = true;
    while i < b.len() {
        if line_start {
            let end = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |k| i + k);
            let l = &text[i..end];
            let t = l.trim_start();
            if let Some(kind) = entry_type(t) {
                let start = i + (l.len() - t.len());
                let (fields, end_at, end_line) = entry(text, start, line);
                if !matches!(kind.as_str(), "string" | "preamble" | "comment") {
                    write_entry(&mut out, line, &fields);
                }
                // The rest of the closing line (`}` alone, or a comment after it).
                i = end_at;
                line = end_line;
                line_start = false;
                continue;
            }
            // A comment: its text, the `%` of LaTeX dropped.
            out[line] = t.trim_start_matches('%').trim().to_string();
            i = end;
            line_start = false;
            continue;
        }
        if b[i] == b'\n' {
            line += 1;
            line_start = true;
        }
        i += 1;
    }
    out.join("\n")
}

/// Reads the entry opening at byte `start` (its `@`) on line `line`: its fields, the
/// byte after its closing brace, and the line of that byte.
fn entry(text: &str, start: usize, mut line: usize) -> (Vec<Field>, usize, usize) {
    let b = text.as_bytes();
    let mut i = start + 1;
    while i < b.len() && b[i] != b'{' && b[i] != b'(' {
        i += 1;
    }
    let close = if b.get(i) == Some(&b'(') { b')' } else { b'}' };
    i += 1;
    // The key, up to the first comma (none in `@string{x = …}`).
    let key_end = b[i..].iter().position(|&c| matches!(c, b',' | b'=' | b'}' | b')')).map_or(b.len(), |k| i + k);
    if b.get(key_end) == Some(&b',') {
        line += b[i..key_end].iter().filter(|&&c| c == b'\n').count();
        i = key_end + 1;
    }
    let mut fields = Vec::new();
    loop {
        // Blanks and commas between fields.
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b',') {
            if b[i] == b'\n' {
                line += 1;
            }
            i += 1;
        }
        if i >= b.len() || b[i] == close {
            return (fields, (i + 1).min(b.len()), line);
        }
        let name_start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b',') && b[i] != close {
            i += 1;
        }
        let name = text[name_start..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() && b[i] != b'\n' {
            i += 1;
        }
        if b.get(i) != Some(&b'=') {
            // Not a field (a stray word): read past it.
            continue;
        }
        i += 1;
        while i < b.len() && b[i].is_ascii_whitespace() {
            if b[i] == b'\n' {
                line += 1;
            }
            i += 1;
        }
        let value_line = line;
        let mut value = String::new();
        // Parts joined by `#`: `{…}`, `"…"` or a bare word or number.
        loop {
            match b.get(i) {
                Some(b'{') | Some(b'"') => {
                    let (inner, next) = delimited(text, i);
                    line += inner.matches('\n').count();
                    value.push_str(inner);
                    i = next;
                }
                Some(_) => {
                    let s = i;
                    while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b',' | b'#') && b[i] != close {
                        i += 1;
                    }
                    value.push_str(month(&text[s..i]).unwrap_or(&text[s..i]));
                }
                None => break,
            }
            let mut k = i;
            while k < b.len() && b[k].is_ascii_whitespace() {
                k += 1;
            }
            if b.get(k) != Some(&b'#') {
                break;
            }
            line += b[i..k].iter().filter(|&&c| c == b'\n').count();
            i = k + 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                if b[i] == b'\n' {
                    line += 1;
                }
                i += 1;
            }
        }
        fields.push(Field { name, value, line: value_line });
    }
}

/// The text inside the braces or quotes opening at byte `at`, nested braces kept, and
/// the byte after the closing one (the text's end when it is never closed).
fn delimited(text: &str, at: usize) -> (&str, usize) {
    let b = text.as_bytes();
    let quote = b[at] == b'"';
    let mut depth = 0usize;
    let mut i = at + 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 1,
            b'{' => depth += 1,
            b'}' if depth == 0 => return (&text[at + 1..i], i + 1),
            b'}' => depth -= 1,
            b'"' if quote && depth == 0 => return (&text[at + 1..i], i + 1),
            _ => {}
        }
        i += 1;
    }
    (&text[(at + 1).min(b.len())..], b.len())
}

/// The month a BibTeX macro names (`oct`).
fn month(word: &str) -> Option<&'static str> {
    const MONTHS: [(&str, &str); 12] = [
        ("jan", "January"),
        ("feb", "February"),
        ("mar", "March"),
        ("apr", "April"),
        ("may", "May"),
        ("jun", "June"),
        ("jul", "July"),
        ("aug", "August"),
        ("sep", "September"),
        ("oct", "October"),
        ("nov", "November"),
        ("dec", "December"),
    ];
    MONTHS.iter().find(|(m, _)| word.eq_ignore_ascii_case(m)).map(|(_, name)| *name)
}

/// Writes an entry opening on line `at` with `fields` into `out`.
fn write_entry(out: &mut [String], at: usize, fields: &[Field]) {
    // The heading's line holds the title alone (a field written on the entry's first
    // line, as a one-line entry has them, is left out of the notes).
    let put = |out: &mut [String], k: usize, s: &str| {
        if let Some(o) = out.get_mut(k).filter(|_| k != at) {
            if !o.is_empty() {
                o.push(' ');
            }
            o.push_str(s);
        }
    };
    let title = fields.iter().find(|f| f.name == "title").map(|f| one_line(&latex(&f.value)));
    let Some(title) = title.filter(|t| !t.is_empty()) else { return };
    out[at] = format!("### {title}");
    let people = fields.iter().find(|f| f.name == "author").or_else(|| fields.iter().find(|f| f.name == "editor"));
    for f in fields {
        match f.name.as_str() {
            "author" | "editor" if people.is_some_and(|p| std::ptr::eq(p, f)) => {
                let names = names(&f.value).join(", ");
                if names.is_empty() {
                    continue;
                }
                if f.line == at {
                    // `### Title (A, B)` on a one-line entry.
                    out[at] = format!("{} ({names})", out[at]);
                } else {
                    put(out, f.line, &format!("Speakers: {names}"));
                }
            }
            "keywords" => put(out, f.line, &format!("Keywords: {}", one_line(&latex(&f.value)))),
            "note" | "annote" | "annotation" | "abstract" | "comment" | "comments" | "review" | "description"
            | "howpublished" | "booktitle" | "eventtitle" | "organization" | "venue" | "subtitle" => {
                // Each line of the value on the line it is written on.
                for (k, part) in f.value.split('\n').enumerate() {
                    let part = latex(part);
                    let part = part.trim();
                    if !part.is_empty() {
                        put(out, f.line + k, part);
                    }
                }
            }
            _ => {}
        }
    }
}

/// Line breaks and runs of blanks as one blank.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The people of a BibTeX name list (`Nakamura, Haruto and van der Berg, Jonas and
/// others`), each as `First Last`.
fn names(list: &str) -> Vec<String> {
    split_top(list, " and ")
        .into_iter()
        .map(one_line)
        .filter(|n| !n.is_empty() && !n.eq_ignore_ascii_case("others"))
        .map(|n| {
            // `von Last, Jr, First` and `Last, First`: the first name first.
            let parts = split_top(&n, ",");
            let n = match parts.as_slice() {
                [last, first] => format!("{} {}", first.trim(), last.trim()),
                [last, jr, first] => format!("{} {} {}", first.trim(), last.trim(), jr.trim()),
                _ => n.clone(),
            };
            one_line(&latex(&n))
        })
        .collect()
}

/// `s` split at each `sep` outside braces (`and` in any case for `" and "`).
fn split_top<'s>(s: &'s str, sep: &str) -> Vec<&'s str> {
    let b = s.as_bytes();
    let mut parts = Vec::new();
    let (mut depth, mut from, mut i) = (0usize, 0usize, 0usize);
    while i < b.len() {
        match b[i] {
            b'{' => depth += 1,
            b'}' => depth = depth.saturating_sub(1),
            _ if depth == 0
                && b[i..].len() >= sep.len()
                && b[i..i + sep.len()].eq_ignore_ascii_case(sep.as_bytes()) =>
            {
                parts.push(&s[from..i]);
                i += sep.len();
                from = i;
                continue;
            }
            // `and` after a line break or before one.
            _ if depth == 0 && sep == " and " && b[i].is_ascii_whitespace() && word_and(&b[i..]) => {
                parts.push(&s[from..i]);
                i += 4;
                from = i;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    parts.push(&s[from..]);
    parts
}

/// Whether `b` opens with a blank, `and` and a blank, one of them a line break.
fn word_and(b: &[u8]) -> bool {
    b.len() > 4
        && b[1..4].eq_ignore_ascii_case(b"and")
        && b[4].is_ascii_whitespace()
        && (b[0] == b'\n' || b[4] == b'\n')
}

/// The combining mark of a LaTeX accent command (`\'`, `\"`, `\d`).
fn accent(c: char) -> Option<char> {
    Some(match c {
        '\'' => '\u{301}',
        '`' => '\u{300}',
        '^' => '\u{302}',
        '"' => '\u{308}',
        '~' => '\u{303}',
        '=' => '\u{304}',
        '.' => '\u{307}',
        'u' => '\u{306}',
        'v' => '\u{30C}',
        'H' => '\u{30B}',
        'c' => '\u{327}',
        'k' => '\u{328}',
        'd' => '\u{323}',
        'r' => '\u{30A}',
        'b' => '\u{331}',
        _ => return None,
    })
}

/// The letter a LaTeX command without argument names (`\o`, `\ss`, `\i`).
fn letter(name: &str) -> Option<&'static str> {
    Some(match name {
        "o" => "ø",
        "O" => "Ø",
        "ae" => "æ",
        "AE" => "Æ",
        "oe" => "œ",
        "OE" => "Œ",
        "aa" => "å",
        "AA" => "Å",
        "ss" => "ß",
        "l" => "ł",
        "L" => "Ł",
        "i" => "i",
        "j" => "j",
        _ => return None,
    })
}

/// LaTeX text as plain text ([module docs](self)).
pub(crate) fn latex(s: &str) -> String {
    if !s.contains(['\\', '{', '}', '~']) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '{' | '}' => i += 1,
            '~' => {
                out.push(' ');
                i += 1;
            }
            '\\' if i + 1 < chars.len() => {
                let n = chars[i + 1];
                // A one-letter accent (`\d{i}`, `\v c`) is not the start of a longer
                // command (`\dots`).
                let is_accent = accent(n).is_some()
                    && (!n.is_ascii_alphabetic() || !chars.get(i + 2).is_some_and(char::is_ascii_alphabetic));
                if is_accent {
                    // The argument: a group, or the next letter (after blanks for a
                    // letter command), or a command (`\'\i`).
                    let mut k = i + 2;
                    while n.is_ascii_alphabetic() && chars.get(k) == Some(&' ') {
                        k += 1;
                    }
                    let (arg, next) = match chars.get(k) {
                        Some('{') => {
                            let mut depth = 0;
                            let mut e = k;
                            while e < chars.len() {
                                match chars[e] {
                                    '{' => depth += 1,
                                    '}' => {
                                        depth -= 1;
                                        if depth == 0 {
                                            break;
                                        }
                                    }
                                    _ => {}
                                }
                                e += 1;
                            }
                            (chars[k + 1..e.min(chars.len())].iter().collect::<String>(), e + 1)
                        }
                        Some('\\') => {
                            let e = k + 1 + chars[k + 1..].iter().take_while(|c| c.is_ascii_alphabetic()).count();
                            (chars[k..e].iter().collect::<String>(), e)
                        }
                        Some(&x) => (x.to_string(), k + 1),
                        None => (String::new(), k),
                    };
                    let arg = latex(&arg);
                    let mut a = arg.chars();
                    if let Some(first) = a.next() {
                        let mut composed = String::new();
                        composed.push(first);
                        composed.push(accent(n).unwrap_or('\u{301}'));
                        out.extend(composed.nfc());
                        out.extend(a);
                    }
                    i = next;
                    continue;
                }
                if !n.is_ascii_alphabetic() {
                    // An escaped character (`\&`, `\%`, `\_`, `\{`).
                    out.push(n);
                    i += 2;
                    continue;
                }
                let e = i + 1 + chars[i + 1..].iter().take_while(|c| c.is_ascii_alphabetic()).count();
                let name: String = chars[i + 1..e].iter().collect();
                let mut next = e;
                match letter(&name) {
                    Some(l) => {
                        out.push_str(l);
                        // `\o{}` and `\ss ` end with an empty group or a blank.
                        if chars.get(next) == Some(&'{') && chars.get(next + 1) == Some(&'}') {
                            next += 2;
                        } else if chars.get(next) == Some(&' ') {
                            next += 1;
                        }
                    }
                    // Another command keeps its argument, read as text.
                    None => {
                        if chars.get(next) == Some(&' ') {
                            next += 1;
                        }
                    }
                }
                i = next;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    out.nfc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const BIB: &str = "% reading list -- PyTorch Conference 2025\n\n@misc{nakamura2025,\n  title        = {{Serving 70B models: PagedAttention in practice}},\n  author       = {Nakamura, Haruto and Oyelaran, Folasade},\n  howpublished = {PyTorch Conference 2025, main stage},\n  year = {2025}, month = oct,\n  note         = {vLLM with tensor parallel;\n                  TGI from Hugging Face}\n}\n% after it\n@string{pc = \"PyTorch Conference\"}\n@InProceedings{x,\n  author = \"de la Cruz, Mar{\\'i}a Jos{\\'e} and Nguy\\~{\\^e}n, Th\\d{i} Lan and others\",\n  title = \"Evals are tests\",\n  url = {https://example.org}\n}";

    #[test]
    fn entries_become_talks_on_their_lines() {
        assert!(is_bibtex(BIB));
        assert!(!is_bibtex("notes about @misc{x, in prose}"));
        let t = to_text(BIB);
        let lines: Vec<&str> = t.split('\n').collect();
        assert_eq!(lines.len(), BIB.split('\n').count(), "every line keeps its number");
        assert_eq!(lines[0], "reading list -- PyTorch Conference 2025");
        assert_eq!(lines[2], "### Serving 70B models: PagedAttention in practice");
        assert_eq!(lines[3], "");
        assert_eq!(lines[4], "Speakers: Haruto Nakamura, Folasade Oyelaran");
        assert_eq!(lines[5], "PyTorch Conference 2025, main stage");
        assert_eq!(lines[6], "");
        assert_eq!((lines[7], lines[8]), ("vLLM with tensor parallel;", "TGI from Hugging Face"));
        assert_eq!((lines[9], lines[10], lines[11]), ("", "after it", ""));
        assert_eq!(lines[12], "### Evals are tests");
        assert_eq!(lines[13], "Speakers: María José de la Cruz, Thị Lan Nguyễn");
        assert_eq!((lines[14], lines[15]), ("", ""));
    }

    #[test]
    fn latex_accents_and_escapes() {
        assert_eq!(latex("S{\\o}rensen"), "Sørensen");
        assert_eq!(latex("Mar{\\'i}a \\v{C}apek G\\\"{o}del \\c cedille"), "María Čapek Gödel çedille");
        assert_eq!(latex("Erd\\H{o}s \\'{\\i} Stra\\ss e \\emph{fast} R\\&D 50\\%"), "Erdős í Straße fast R&D 50%");
        assert_eq!(latex("see~you \\dots"), "see you ");
    }

    #[test]
    fn names_as_bibtex_writes_them() {
        assert_eq!(names("van der Berg, Jonas"), ["Jonas van der Berg"]);
        assert_eq!(names("Ana Ruiz and {Barnes and Noble}"), ["Ana Ruiz", "Barnes and Noble"]);
        assert_eq!(names("Ruiz, Jr, Ana AND Lee, Bo"), ["Ana Ruiz Jr", "Bo Lee"]);
    }
}
