//! A conference app's schedule page pasted as text (`My Schedule`, an agenda page of
//! Sched, Sessionize or Whova): each session is a paragraph of short lines, a time
//! (perhaps with its time zone, `9:45am CEST`), the title, the room, then the
//! speakers under a `Speakers` heading of the page, each a name line after the
//! initials of its avatar (`MS`) and before its affiliation (`Chrome DevRel, Google`),
//! and the page's buttons (`Remove from My Schedule`). The notes follow in the
//! paragraphs after it, up to the next session.
//!
//! A session is a talk when it names people under the speakers' heading, or after an
//! avatar's initials (the first letters of the name below them); a session naming
//! nobody (`Registration & Coffee`, `Lunch`) is none, unless its title is a talk label
//! (`Lightning talks`).

use super::*;

/// A session longer than this many lines is no session of an app's page.
const MAX_LINES: usize = 16;

/// Whether `l` is a time alone, perhaps followed by a time zone (`9:45am CEST`,
/// `10:00 - 10:45 UTC+2`, `14:00 (CET)`).
pub(super) fn time_line(l: &str) -> bool {
    let Some((rest, _)) = strip_time(l) else { return false };
    let zone = rest.trim().trim_start_matches('(').trim_end_matches(')');
    let letters = zone.bytes().take_while(u8::is_ascii_uppercase).count();
    let offset = &zone[letters..];
    (zone.is_empty() || (2..=5).contains(&letters))
        && offset.bytes().all(|b| b.is_ascii_digit() || b"+-:".contains(&b))
        && offset.len() <= 6
}

/// Whether `l` is the initials of an avatar (`MS`, `LH`): two or three capitals, the
/// first letters of the name on the line below.
fn initials_of(l: &str, name: &str) -> bool {
    let n = l.len();
    (2..=3).contains(&n)
        && l.bytes().all(|b| b.is_ascii_uppercase())
        && name.split_whitespace().next().is_some_and(|w| w.as_bytes().first() == l.as_bytes().first())
        && name
            .split(|c: char| c.is_whitespace() || c == '-')
            .filter_map(|w| w.as_bytes().first())
            .any(|&b| b == l.as_bytes()[n - 1])
}

impl<'d, 'a, 'b> Run<'d, 'a, 'b> {
    /// Reads paragraph `text` (block `bi`) as a session of an app's page; returns
    /// whether it was one.
    pub(super) fn app_session(&mut self, bi: usize, b: &Block, text: &str) -> bool {
        // Most paragraphs do not open with a digit.
        if !text.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            return false;
        }
        let Some((first, rest)) = text.split_once('\n') else { return false };
        if !time_line(first.trim()) {
            return false;
        }
        let lines: Vec<&str> = rest.split('\n').map(str::trim).collect();
        if lines.len() < 2 || lines.len() > MAX_LINES || lines.iter().any(|l| l.is_empty() || time_line(l)) {
            return false;
        }
        let Some(c) = self.session_of(bi, b.line + 1, &lines) else { return false };
        self.cands.push(c);
        true
    }

    /// The candidate of a session's lines after its time (the first, `lines[0]`, on
    /// line `line`).
    fn session_of(&self, bi: usize, line: u32, lines: &[&str]) -> Option<Candidate> {
        let labels = self.labels();
        let title = lines[0];
        if labels.leading(title).is_some_and(|(cs, _)| cs.iter().any(|c| matches!(c, Concept::Speaker))) {
            return None;
        }
        let mut people: Vec<(Named, Role)> = Vec::new();
        let mut heading = false;
        let mut k = 1;
        while k < lines.len() {
            let l = lines[k];
            let at = line + k as u32;
            let whole = labels.whole(l);
            if whole.contains(&Concept::Speaker) || whole.contains(&Concept::Moderator) {
                heading = true;
            } else if let Some(next) = lines.get(k + 1).filter(|n| initials_of(l, n)) {
                // An avatar, then the name.
                if let Some(found) = names::people_as(next, labels, names::Case::Capitalised) {
                    for (n, r) in found {
                        people.push((Named { name: n, line: at + 1 }, r));
                    }
                    k += 1;
                }
            } else if heading && people.is_empty() {
                if let Some(found) = framed::people_with_affiliation(l, labels) {
                    people.extend(found.into_iter().map(|(n, r)| (Named { name: n, line: at }, r)));
                }
            }
            k += 1;
        }
        let label = labels.leading(title).and_then(|(cs, _)| cs.iter().copied().find(|c| c.is_talk_kind()));
        if people.is_empty() && label.is_none() {
            return None;
        }
        let mut c = self.new_candidate(bi, line, Source::TitleLine, clean_title(title));
        push_ev(&mut c, "a time", 2);
        if let Some(k) = label {
            c.kind = kind_of(k);
            push_ev(&mut c, "a talk label", 3);
        }
        if !people.is_empty() {
            push_ev(&mut c, "a person named in it", 2);
        }
        c.speakers = people;
        c.body_line = line + 1;
        Some(c)
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::detect;

    const PAGE: &str = "DevConf 2026\n\nMy Schedule\n\n9:00am CEST\nRegistration\nFoyer\n\n9:45am CEST\nThe cascade, layered\nMain Hall\nSpeakers\nMS\nMireille Sauvage\nChrome DevRel, Google\nRemove from My Schedule\n\nlayers for everything\n\n10:40am CEST\nAnchors are here\nRoom 2\nAD\nAnjali Deshpande\nShopify\nLH\nLars-Erik Holmgren\nShopify\nRemove from My Schedule\n\nnotes\n\n12:30pm CEST\nLunch\nGarden\n\n4:45pm CEST\nLightning talks\nMain Hall\nAdd to My Schedule\n";

    #[test]
    fn sessions_of_a_pasted_app_page_are_talks() {
        let (talks, _) = detect(PAGE);
        let got: Vec<(&str, Vec<&str>)> =
            talks.iter().map(|t| (t.1.as_str(), t.2.iter().map(String::as_str).collect())).collect();
        assert_eq!(
            got,
            [
                ("The cascade, layered", vec!["Mireille Sauvage"]),
                ("Anchors are here", vec!["Anjali Deshpande", "Lars-Erik Holmgren"]),
                ("Lightning talks", vec![]),
            ]
        );
        assert_eq!(talks[0].0, 10, "the title's line");
    }

    #[test]
    fn time_lines_may_carry_a_zone() {
        for l in ["9:45am CEST", "10:00", "14:00 (CET)", "10:00 - 10:45 UTC+2"] {
            assert!(super::time_line(l), "{l}");
        }
        for l in ["9:45 talk", "10:00 Ana Ruiz", "Room 9"] {
            assert!(!super::time_line(l), "{l}");
        }
    }

    #[test]
    fn initials_match_the_name_below() {
        assert!(super::initials_of("LH", "Lars-Erik Holmgren"));
        assert!(super::initials_of("BG", "Bart de Graaf"));
        assert!(!super::initials_of("AI", "Bart de Graaf"));
        assert!(!super::initials_of("Foyer", "Bart de Graaf"));
    }
}
