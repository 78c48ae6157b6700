//! Notes typed in LaTeX (`.tex`, or LaTeX in a `.txt`), as academics keep them:
//! `\section*{…}` headings, `itemize` lists, `%` comments, ``` ``quotes'' ```, `\emph`
//! and `\textbf`. The text is turned into Markdown on the same lines ([`to_text`]), which
//! the Markdown reader then reads, as a notebook's is.

/// Whether `text` is LaTeX: two lines or more that open with a sectioning command, an
/// environment or an `\item`, one of them a section or an environment.
pub fn is_latex(text: &str) -> bool {
    let (mut commands, mut structure) = (0, false);
    for l in text.lines().take(400) {
        let l = l.trim_start();
        if !l.starts_with('\\') {
            continue;
        }
        if section_level(l).is_some() || l.starts_with("\\begin{") {
            structure = true;
            commands += 1;
        } else if l.starts_with("\\item") || l.starts_with("\\documentclass") || l.starts_with("\\end{") {
            commands += 1;
        }
        if commands >= 2 && structure {
            return true;
        }
    }
    false
}

/// The heading level of a sectioning command `l` opens with, and the text after it.
fn section_level(l: &str) -> Option<(usize, &str)> {
    let (level, rest) = [("\\section", 1), ("\\subsection", 2), ("\\subsubsection", 3), ("\\paragraph", 4)]
        .iter()
        .find_map(|(c, n)| l.strip_prefix(c).map(|r| (*n, r)))?;
    let rest = rest.strip_prefix('*').unwrap_or(rest);
    rest.starts_with('{').then_some((level, rest))
}

/// `text` as Markdown, line for line: sections become headings, `\item`s list items
/// (nested as their environments are), comments and environment lines blank lines, and
/// the inline commands their text.
pub fn to_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for l in text.lines() {
        let t = l.trim();
        if t.starts_with('%') || t.starts_with("\\documentclass") || t.starts_with("\\usepackage") {
            // A comment: the note-taker's aside.
        } else if t.starts_with("\\begin{") {
            depth += usize::from(t.starts_with("\\begin{itemize") || t.starts_with("\\begin{enumerate"));
        } else if t.starts_with("\\end{") {
            depth =
                depth.saturating_sub(usize::from(t.starts_with("\\end{itemize") || t.starts_with("\\end{enumerate")));
        } else if let Some((level, rest)) = section_level(t) {
            out.push_str(&"#".repeat(level));
            out.push(' ');
            out.push_str(&inline(&braced(rest)));
        } else if let Some(item) = t.strip_prefix("\\item") {
            out.push_str(&"  ".repeat(depth.saturating_sub(1)));
            out.push_str("- ");
            out.push_str(&inline(item.trim_start()));
        } else {
            out.push_str(&inline(t));
        }
        out.push('\n');
    }
    out
}

/// `{X} rest` as `X rest`: the argument of a command, its braces dropped.
fn braced(s: &str) -> String {
    let Some(inner) = s.strip_prefix('{') else { return s.to_string() };
    let mut level = 1;
    for (i, c) in inner.char_indices() {
        match c {
            '{' => level += 1,
            '}' => {
                level -= 1;
                if level == 0 {
                    return format!("{}{}", &inner[..i], &inner[i + 1..]);
                }
            }
            _ => {}
        }
    }
    inner.to_string()
}

/// The text of a line with its inline commands turned into Markdown or dropped.
fn inline(s: &str) -> String {
    if !s.contains(['\\', '`', '\'', '~']) {
        return s.to_string();
    }
    let mut t = s.replace("``", "\"").replace("''", "\"").replace("\\\\", "");
    for (cmd, open, close) in [
        ("\\emph{", "*", "*"),
        ("\\textit{", "*", "*"),
        ("\\textbf{", "**", "**"),
        ("\\texttt{", "`", "`"),
        ("\\url{", "", ""),
        ("\\cite{", "[", "]"),
    ] {
        while let Some(i) = t.find(cmd) {
            let rest = &t[i + cmd.len() - 1..];
            let Some(end) = rest.find('}') else { break };
            let arg = &rest[1..end];
            t = format!("{}{open}{arg}{close}{}", &t[..i], &rest[end + 1..]);
        }
    }
    for (from, to) in
        [("\\&", "&"), ("\\%", "%"), ("\\_", "_"), ("\\#", "#"), ("\\$", "$"), ("\\ldots", "..."), ("~", " ")]
    {
        t = t.replace(from, to);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latex_notes_become_markdown_on_the_same_lines() {
        let text = "% my notes\n\\section*{ICSE 2023 -- day 1}\n\n\\subsection*{Keynote}\n``Software in the age of models''\n  -- Prof. Ana Ruiz (Melbourne)\n\\begin{itemize}\n  \\item GitHub Copilot, \\emph{the} bottleneck, 55\\% faster\n\\end{itemize}\n";
        assert!(is_latex(text));
        assert!(!is_latex("a \\section{x} in prose\nnothing else\n"));
        let md = to_text(text);
        assert_eq!(md.lines().count(), text.lines().count());
        let lines: Vec<&str> = md.lines().collect();
        assert_eq!(lines[0], "");
        assert_eq!(lines[1], "# ICSE 2023 -- day 1");
        assert_eq!(lines[3], "## Keynote");
        assert_eq!(lines[4], "\"Software in the age of models\"");
        assert_eq!(lines[7], "- GitHub Copilot, *the* bottleneck, 55% faster");
    }
}
