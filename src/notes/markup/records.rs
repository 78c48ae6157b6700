//! Records exported as separated values that are no schedule: a to-do app's project
//! (Todoist's `TYPE,CONTENT,DESCRIPTION,…`: sections, tasks and their notes), a deck of
//! flash cards (Anki's plain-text export: `#separator:tab`, `#html:true`,
//! `#tags column:3` over one card a line, its front, its back and its tags). Records
//! with no notes (no cell of several lines or long), a budget or a list of contacts,
//! are no notes. Others are
//! turned into Markdown on the lines of the file when it is read, as a calendar is
//! ([`super::ical`]), so that the talk detector reads them as it reads any notes:
//!
//! - the **text** column is the one whose cells are most varied (a task's content, a
//!   card's front), the leftmost of equals; a **kind** column (`section`, `task`,
//!   `note`: a few lower-case words) and a **tags** column (Anki's, or a header named
//!   `tags`) are no text;
//! - a record that holds only its text (besides its kind) is a section: a heading;
//! - so is the first record of a run sharing a hierarchical tag (`talk::kafka`, as
//!   Anki's users group a talk's cards), the run's other records its notes, and the
//!   first record after a run that has no such tag (a to-do card after a talk's);
//! - any other record is a list item (a task a checklist's: `- [ ]`); a cell of
//!   several lines (a task's description) gives its lines after the first under it,
//!   each on its own line of the file; a cell of one line (a card's back) follows the
//!   text on the record's line;
//! - labels at the end of a task (`@charla @cloud`, `+project`) are no part of it;
//! - with `#html:true`, the cells' tags and entities give way to Markdown and
//!   characters ([`super::html::inline`]), a `<br>` to ` / `; a card's back is its
//!   notes however short.

use super::super::document::Row;

/// The header lines of an Anki export (`#separator:tab`, `#html:true`,
/// `#tags column:3`): the separator, whether fields are HTML, and the tags column
/// (0-based). `None` unless the text opens with `#separator:` or `#html:`.
fn directives(text: &str) -> Option<(u8, bool, Option<usize>)> {
    if !text.starts_with("#separator:") && !text.starts_with("#html:") {
        return None;
    }
    let (mut sep, mut html, mut tags) = (b'\t', false, None);
    for l in text.split('\n') {
        let Some((key, value)) = l.strip_prefix('#').and_then(|d| d.trim_end().split_once(':')) else { break };
        match key.trim().to_ascii_lowercase().as_str() {
            "separator" => {
                sep = match value.trim().to_ascii_lowercase().as_str() {
                    "tab" => b'\t',
                    "comma" => b',',
                    "semicolon" => b';',
                    "pipe" => b'|',
                    "space" => b' ',
                    v => *v.as_bytes().first()?,
                }
            }
            "html" => html = value.trim().eq_ignore_ascii_case("true"),
            "tags column" => tags = value.trim().parse::<usize>().ok().and_then(|n| n.checked_sub(1)),
            _ => {}
        }
    }
    Some((sep, html, tags))
}

/// Whether `text` opens with the header lines of a flash-card export.
pub fn is_cards(text: &str) -> bool {
    directives(text).is_some()
}

/// The records of `text` as Markdown with the same number of lines, or `None` when
/// it holds no record with text.
pub fn to_text(text: &str) -> Option<String> {
    let cards = directives(text);
    let (_, mut rows) = super::delimited::records(text, cards.map(|(sep, ..)| sep))?;
    let (html, mut tags) = cards.map_or((false, None), |(_, h, t)| (h, t));
    // A header row names the columns (Anki's cards have none).
    let header = if cards.is_none() && !rows.is_empty() { Some(rows.remove(0)) } else { None };
    if let Some(h) = &header {
        tags = tags.or_else(|| h.cells.iter().position(|c| c.eq_ignore_ascii_case("tags")));
    }
    let width = rows.iter().map(|r| r.cells.len()).max()?;
    let kind = (0..width).find(|&c| Some(c) != tags && is_kind(&rows, c));
    let distinct = |c: usize| {
        let mut v: Vec<&str> = rows.iter().filter_map(|r| r.cells.get(c)).map(String::as_str).collect();
        v.retain(|s| s.chars().any(char::is_alphabetic));
        v.sort_unstable();
        v.dedup();
        v.len()
    };
    let others = |c: &usize| Some(*c) != tags && Some(*c) != kind;
    let main = (0..width).filter(others).max_by_key(|&c| (distinct(c), std::cmp::Reverse(c)))?;
    // Notes: the first column with a long cell or one of several lines (a card's back
    // however short); one note a record.
    let long = |c: usize| rows.iter().any(|r| r.cells.get(c).is_some_and(|s| s.contains('\n') || s.len() > 60));
    let notes = (0..width).find(|c| others(c) && *c != main && (cards.is_some() || long(*c)));
    // (A table with no notes, a budget or a list of contacts, holds no notes.)
    if notes.is_none() && cards.is_none() {
        return None;
    }
    let lines = text.split('\n').count();
    let mut out = vec![String::new(); lines];
    let clean = |s: &str| -> String {
        if html {
            let s = s.replace("<br>", " / ").replace("<br/>", " / ").replace("<br />", " / ");
            super::html::inline(&s).replace('\n', " / ")
        } else {
            s.to_string()
        }
    };
    let mut group: Vec<&str> = Vec::new();
    for r in &rows {
        let at = r.line as usize - 1;
        let cell = |c: usize| r.cells.get(c).map_or("", String::as_str);
        let Some(slot) = out.get_mut(at) else { continue };
        let head = unlabelled(&clean(cell(main)));
        if head.is_empty() {
            continue;
        }
        let run: Vec<&str> =
            tags.map_or(Vec::new(), |t| cell(t).split_whitespace().filter(|t| t.contains("::")).collect());
        // (A card out of any run after one ends it: the talk's cards are over.)
        let starts_run = run != group;
        group = run;
        let bare = (0..r.cells.len()).all(|c| c == main || Some(c) == kind || cell(c).is_empty());
        let heading = starts_run || bare && header.is_some();
        // (A to-do app's task is a checklist's item.)
        let task = kind.is_some_and(|k| matches!(cell(k), "task" | "todo" | "item"));
        *slot = match (heading, task) {
            (true, _) => format!("## {head}"),
            (false, true) => format!("- [ ] {head}"),
            (false, false) => format!("- {head}"),
        };
        let Some(c) = notes else { continue };
        let value = clean(cell(c));
        let mut parts = value.split('\n');
        let first = parts.next().unwrap_or("").trim();
        if !value.contains('\n') && !first.is_empty() {
            slot.push_str(" — ");
            slot.push_str(first);
        }
        let indent = if heading { "" } else { "  " };
        for (k, l) in parts.enumerate() {
            if let Some(o) = out.get_mut(at + 1 + k).filter(|o| o.is_empty()) {
                *o = format!("{indent}{}", l.trim_end());
            }
        }
    }
    out.iter().any(|l| !l.is_empty()).then(|| out.join("\n"))
}

/// Whether column `c` holds a record's kind: a lower-case word in every record that
/// has a cell there, of at most four different words, one at least seen twice.
fn is_kind(rows: &[Row], c: usize) -> bool {
    let mut seen: Vec<&str> = Vec::new();
    let mut n = 0;
    for r in rows {
        let Some(v) = r.cells.get(c).filter(|v| !v.is_empty()) else { continue };
        if !v.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
            return false;
        }
        n += 1;
        if !seen.contains(&v.as_str()) {
            seen.push(v);
        }
    }
    seen.len() <= 4 && n > seen.len()
}

/// `text` without the labels a task ends on (`@charla @cloud`, `+team`).
fn unlabelled(text: &str) -> String {
    let mut t = text.trim();
    while let Some(i) = t.rfind(' ') {
        let last = &t[i + 1..];
        let label = last.len() > 1
            && last.starts_with(['@', '+'])
            && last[1..].chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-');
        if !label {
            break;
        }
        t = t[..i].trim_end();
    }
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODO: &str = "TYPE,CONTENT,DESCRIPTION,PRIORITY,AUTHOR\nsection,Jueves · mañana,,,\ntask,Charla: Operadores en Go — Íñigo Larrañaga @charla @cloud,\"Aula 2 · 10:15\n- kubebuilder y envtest\n- Reconcile() idempotente\",1,Marta (41)\ntask,Probar kubebuilder,,3,Marta (41)\n,,,,\nnote,Slides en Speaker Deck,,,Marta (41)\n";

    #[test]
    fn a_task_export_gives_sections_tasks_and_their_notes() {
        let t = to_text(TODO).unwrap();
        let lines: Vec<&str> = t.split('\n').collect();
        assert_eq!(lines.len(), TODO.split('\n').count());
        assert_eq!(lines[0], "");
        assert_eq!(lines[1], "## Jueves · mañana");
        assert_eq!(lines[2], "- [ ] Charla: Operadores en Go — Íñigo Larrañaga");
        assert_eq!(lines[3], "  - kubebuilder y envtest");
        assert_eq!(lines[4], "  - Reconcile() idempotente");
        assert_eq!(lines[5], "- [ ] Probar kubebuilder");
        assert_eq!(lines[7], "- Slides en Speaker Deck");
    }

    const DECK: &str = "#separator:tab\n#html:true\n#tags column:3\nOù&nbsp;?\tParis<br>avril\tconf general\nTalk <b>« Kafka sans ZooKeeper »</b> (Ana Ruiz)&nbsp;: KRaft&nbsp;?\tKafka + Raft\tconf talk::kafka kafka\nCombien de controllers&nbsp;?\t3\tconf talk::kafka\nTalk <b>« Rust »</b> — Bo Lee&nbsp;: Cargo&nbsp;?\tle build\tconf talk::rust\n";

    #[test]
    fn a_deck_gives_a_heading_for_each_run_of_a_talks_cards() {
        assert!(is_cards(DECK));
        let t = to_text(DECK).unwrap();
        let lines: Vec<&str> = t.split('\n').collect();
        assert_eq!(&lines[..3], ["", "", ""]);
        assert_eq!(lines[3], "- Où ? — Paris / avril");
        assert_eq!(lines[4], "## Talk **« Kafka sans ZooKeeper »** (Ana Ruiz) : KRaft ? — Kafka + Raft");
        assert_eq!(lines[5], "- Combien de controllers ? — 3");
        assert!(lines[6].starts_with("## Talk **« Rust »** — Bo Lee"), "{}", lines[6]);
    }

    #[test]
    fn other_tables_are_no_cards() {
        assert!(!is_cards("# Notes\n\nTitle\tSpeaker\n"));
        assert!(!is_cards("#todo: buy milk\nand eggs"));
        // (Any separator the header names: `pipe`.)
        assert_eq!(to_text("#separator:pipe\nKRaft ?|Kafka + Raft\n").unwrap(), "\n- KRaft ? — Kafka + Raft\n");
        assert_eq!(unlabelled("Comer 🍝 @t3chfest +team"), "Comer 🍝");
        assert_eq!(unlabelled("Write to @ana about it"), "Write to @ana about it");
    }
}
