//! Jupyter notebooks (`.ipynb`): the JSON file is read with serde_json, and its cells
//! become a Markdown text **with the notebook's own line numbers**: line N of the text
//! is what line N of the `.ipynb` file holds of a cell's source, so every fact found in
//! a cell keeps the line of the JSON file where that source line is written.
//!
//! - A Markdown cell's source lines are put on their lines as they are.
//! - A code cell's source lines are put on their lines inside a code fence, opened on
//!   the line before the first (the `"source": [` line) and closed on the line after
//!   the last (the `]` line), so code is never read as prose or headings. Raw cells and
//!   outputs are left out.
//! - Every other line of the JSON (brackets, keys, metadata, outputs) is blank, so cells
//!   are separated as paragraphs are.
//!
//! Jupyter writes each source line as its own JSON string on its own line. A notebook
//! written otherwise (a cell's source as one string, a whole file on one line) is read
//! too: a source line that has no JSON line of its own is joined, after a space, to
//! the text of the line before it, so its words are kept at the nearest line.

use serde_json::Value;

/// A notebook that cannot be read: what is wrong, and the 1-based line of the JSON
/// file where it is when there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotebookError {
    /// 1-based line in the `.ipynb` file, when known.
    pub line: Option<u32>,
    /// What is wrong, as a sentence fragment.
    pub message: String,
}

/// Turns the notebook `json` into Markdown with the same lines as `json` (see the
/// module's documentation).
pub fn to_text(json: &str) -> Result<String, NotebookError> {
    let root: Value = serde_json::from_str(json).map_err(|e| NotebookError {
        line: u32::try_from(e.line()).ok().filter(|&l| l > 0),
        message: format!("not a notebook: invalid JSON ({e})"),
    })?;
    let cells = root.get("cells").and_then(Value::as_array).ok_or_else(|| NotebookError {
        line: None,
        message: "not a notebook: no `cells` list (nbformat 4 is read)".into(),
    })?;
    let language = root
        .pointer("/metadata/language_info/name")
        .or_else(|| root.pointer("/metadata/kernelspec/language"))
        .and_then(Value::as_str)
        .filter(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '+' || c == '-'))
        .unwrap_or("")
        .to_string();
    let lines: Vec<&str> = json.split('\n').collect();
    let mut out: Vec<String> = vec![String::new(); lines.len()];
    // Where the search for the next source line starts (0-based line of `json`).
    let mut at = 0usize;
    for cell in cells {
        let kind = cell.get("cell_type").and_then(Value::as_str).unwrap_or("");
        if kind != "markdown" && kind != "code" {
            continue;
        }
        let source: Vec<String> = match cell.get("source") {
            Some(Value::String(s)) => split_source(s),
            Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).flat_map(split_source).collect(),
            _ => Vec::new(),
        };
        if source.is_empty() {
            continue;
        }
        // The cell's `"source":` key: its lines are searched after it, not in the
        // outputs or metadata written before it.
        if let Some(i) = (at..lines.len()).find(|&i| lines[i].trim_start().starts_with("\"source\":")) {
            at = i;
        }
        let mut placed: Vec<usize> = Vec::with_capacity(source.len());
        for src in &source {
            let found = (at..lines.len()).find(|&i| holds_string(lines[i], src));
            let i = match found {
                Some(i) => {
                    at = i + 1;
                    out[i].clone_from(src);
                    i
                }
                None => {
                    // No line of its own: joined to the line before it.
                    let i = placed.last().copied().unwrap_or(at.min(lines.len() - 1));
                    if !src.is_empty() {
                        if !out[i].is_empty() {
                            out[i].push(' ');
                        }
                        out[i].push_str(src);
                    }
                    i
                }
            };
            placed.push(i);
        }
        if kind == "code" {
            let (first, last) = (placed[0], placed[placed.len() - 1]);
            let free = |i: usize| !placed.contains(&i) && out[i].is_empty();
            if first > 0 && free(first - 1) && last + 1 < lines.len() && free(last + 1) {
                out[first - 1] = format!("```{language}");
                out[last + 1] = "```".into();
                at = at.max(last + 2);
            } else {
                // No room for a fence: the code is left out rather than read as prose.
                for &i in &placed {
                    out[i].clear();
                }
            }
        }
    }
    Ok(out.join("\n"))
}

/// The lines of a source string, without their line breaks (`"a\n"` is one line `a`;
/// `"a\nb"` two).
fn split_source(s: &str) -> Vec<String> {
    let s = s.strip_suffix('\n').unwrap_or(s);
    s.split('\n').map(|l| l.trim_end_matches('\r').to_string()).collect()
}

/// Whether the JSON line `line` is one string (perhaps followed by a comma) whose
/// value is `src` (with or without a final line break).
fn holds_string(line: &str, src: &str) -> bool {
    let t = line.trim();
    let t = t.strip_suffix(',').unwrap_or(t);
    if !(t.len() >= 2 && t.starts_with('"') && t.ends_with('"')) {
        return false;
    }
    // Cheap test before decoding: the escaped text is at least as long as the text.
    if t.len() < src.len() + 2 {
        return false;
    }
    match serde_json::from_str::<String>(t) {
        Ok(v) => v.strip_suffix('\n').unwrap_or(&v).trim_end_matches('\r') == src,
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NB: &str = r###"{
 "cells": [
  {
   "cell_type": "markdown",
   "metadata": {},
   "source": [
    "# PyData Nowhere 2031\n",
    "\n",
    "## Talk: Arrays \"everywhere\" (Ilse Vandermolen)"
   ]
  },
  {
   "cell_type": "code",
   "execution_count": 1,
   "metadata": {},
   "outputs": [
    {"name": "stdout", "output_type": "stream", "text": ["# not a heading\n"]}
   ],
   "source": [
    "# a comment, not a heading\n",
    "import numpy as np"
   ]
  }
 ],
 "metadata": {"language_info": {"name": "python"}},
 "nbformat": 4,
 "nbformat_minor": 5
}
"###;

    #[test]
    fn cells_keep_the_lines_of_the_json_file() {
        let text = to_text(NB).expect("a notebook");
        let lines: Vec<&str> = text.split('\n').collect();
        assert_eq!(lines.len(), NB.split('\n').count());
        assert_eq!(lines[6], "# PyData Nowhere 2031");
        assert_eq!(lines[7], "");
        assert_eq!(lines[8], "## Talk: Arrays \"everywhere\" (Ilse Vandermolen)");
        // The code cell: fenced, its comment inside the fence, the output left out.
        assert_eq!(lines[18], "```python");
        assert_eq!(lines[19], "# a comment, not a heading");
        assert_eq!(lines[20], "import numpy as np");
        assert_eq!(lines[21], "```");
        assert!(!text.contains("not a heading\n") || !lines[16].contains('#'), "outputs are left out");
        assert!(lines[16].is_empty());
    }

    #[test]
    fn a_source_without_lines_of_its_own_is_kept_at_its_line() {
        let nb = r##"{"cells": [{"cell_type": "markdown", "metadata": {}, "source": "# Title\nSome words"}], "nbformat": 4}"##;
        let text = to_text(nb).expect("a notebook");
        assert_eq!(text.split('\n').count(), 1);
        assert!(text.contains("Some words"), "{text}");
    }

    #[test]
    fn bad_json_names_the_line() {
        let err = to_text("{\n \"cells\": [\n  {,\n ]\n}").expect_err("invalid");
        assert_eq!(err.line, Some(3));
        assert!(err.message.contains("invalid JSON"), "{}", err.message);
        let err = to_text("{\"nbformat\": 4}").expect_err("no cells");
        assert!(err.message.contains("cells"), "{}", err.message);
    }
}
