//! A speaker's name alone on a line, the title on the line below, the notes after it
//! (`Olga Ivanova` / `Partitioning without tears` / `pg_partman, ...`): how a
//! programme copied from a printed page or a slide lays a talk out.

use super::*;

impl Run<'_, '_, '_> {
    /// A paragraph whose first line is only people's names (capitalised, perhaps after
    /// a time) and whose second line reads as a title: two to sixteen words, no label,
    /// no name, not a sentence (it ends in no `.`, `,`, `:` or `;`). Evidence: the name
    /// line (+2), a time (+1); siblings of the same shape add theirs when the
    /// candidates are scored, so a name over a line of prose once is no talk.
    pub(super) fn name_over_title(&self, bi: usize, line: u32, text: &str, first: &str) -> Option<Candidate> {
        if first.len() > 80 {
            return None;
        }
        let labels = self.labels();
        let (names_line, time) = strip_time(first).map_or((first, false), |(r, _)| (r.trim(), true));
        // A line of names is short, capitalised and no sentence: told before any
        // look-up (reading every paragraph's first line as names was 58 M
        // instructions on the 10 MB corpus).
        if !names_line.starts_with(char::is_uppercase)
            || names_line.ends_with(['.', ':', ',', ';', '!', '?'])
            || names_line.split_whitespace().count() > 8
            || has_long_lower_word(names_line)
            || labels.leading(names_line).is_some()
        {
            return None;
        }
        let below = text.split_once('\n')?.1;
        let second = below.split_once('\n').map_or(below, |(l, _)| l);
        let second = strip_inline(second);
        let second = second.trim();
        let words = second.split_whitespace().count();
        if !(2..=16).contains(&words)
            || second.len() > 140
            || second.ends_with(['.', ',', ':', ';'])
            || labels.leading(second).is_some()
            || names::is_name(second, false)
        {
            return None;
        }
        let people = names::people_as(names_line, labels, names::Case::Capitalised)?;
        let title = clean_title(second);
        if title.is_empty() {
            return None;
        }
        let mut c = self.new_candidate(bi, line, Source::TitleLine, title);
        push_ev(&mut c, "a name line over it", 2);
        if time {
            push_ev(&mut c, "a time", 1);
        }
        c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line }, r)).collect();
        c.body_line = line + 2;
        Some(c)
    }
}

/// Whether the names part of `line` (before any bracket or comma, where an affiliation
/// may follow in lower case) has a word in lower case longer than any particle or
/// joining word (`van`, `della`, `and`, `with`): then it is no line of names. Told by
/// bytes before any look-up (a sentence's first line, capitalised and with no final
/// stop, was read as names: 45 M instructions on the 10 MB corpus went to such lines).
fn has_long_lower_word(line: &str) -> bool {
    let head = line.split(['(', ',']).next().unwrap_or(line);
    head.split(' ').any(|w| w.len() > 5 && w.as_bytes()[0].is_ascii_lowercase())
}
