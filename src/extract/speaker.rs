//! Speakers: names given by the structure, a name alone on the line after a heading,
//! `Speaker: NAME` fields and names in the prose.
//!
//! PLACEHOLDER: structure speakers plus a name alone on the first non-empty body line.

use super::lexicon::Lexicon;
use crate::notes::{Named, Section};

/// The speakers of one section.
pub fn speakers(section: &Section<'_>, lexicon: &Lexicon) -> Vec<Named> {
    let mut out = section.speakers.clone();
    for (i, line) in section.body.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        let words: Vec<&str> = t.split_whitespace().collect();
        if (2..=4).contains(&words.len())
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphabetic))
            && lexicon.find(t).is_none()
        {
            out.push(Named { name: t.to_string(), line: section.body_line + i as u32 });
        }
        break;
    }
    out
}
