//! A talk written as one long bullet, its notes nested under it: a time, perhaps a
//! remark, the title (quoted or not) and its speaker anywhere in the line, with remarks
//! after them (`- 10:20 stayed in the big room: "Moving a trading system to OCaml 5" by
//! Idris Okafor from Jane Street, very calm speaker`, `- 13:30 Property-based testing
//! the state machine way (Sigrún Þórsdóttir), the one I came for`, `- 15:30 after
//! coffee: Rafael Moss with F# type providers for messy data, half demo`). Read only
//! when the item is timed and has notes under it, and no other reading found its
//! people.

use super::opening::{name_in, quoted_title};
use super::*;

impl Run<'_, '_, '_> {
    /// The talk of a long timed item whose first line's plain text is `first`.
    pub(super) fn long_item(&self, bi: usize, line: u32, first: &str) -> Option<Candidate> {
        let (rest, _) = strip_time(first)?;
        let mut c = talk_in_line(self, bi, line, rest)?;
        push_ev(&mut c, "a time", 2);
        push_ev(&mut c, "notes nested under it", 1);
        c.body_line = line + 1;
        Some(c)
    }
}

/// The talk a line names after its time, with its people: a lead word (`keynote -`,
/// `next up:`), a remark before a colon, then a title quoted beside a name or one of
/// the shapes of [`unquoted`].
pub(super) fn talk_in_line(run: &Run, bi: usize, line: u32, rest: &str) -> Option<Candidate> {
    let labels = run.labels();
    if rest.len() > 300 {
        return None;
    }
    let mut keynote = false;
    let mut rest = rest;
    if let Some((cs, r)) = labels.leading(rest) {
        if cs.iter().any(|c| matches!(c, Concept::Keynote | Concept::Talk | Concept::Next)) {
            keynote = cs.contains(&Concept::Keynote);
            rest = r.trim_start_matches([':', '-', '—', '–', ',', ' ']);
        }
    }
    // A remark before a colon (`after coffee:`, `stayed in the big room:`): words in
    // lower case, no name.
    let rest = match search::split_once(rest, ": ") {
        Some((remark, r)) if remark.split_whitespace().count() <= 5 && !remark.contains(char::is_uppercase) => r,
        _ => rest,
    };
    let (title, people, before) = match quoted_title(rest) {
        Some((title, open, close)) => {
            let people = name_in(&rest[..open]).or_else(|| name_in(&rest[close..]))?;
            (title, people, &rest[..open])
        }
        None => unquoted(rest, labels)?,
    };
    let mut c = run.new_candidate(bi, line, Source::ListItem, title);
    push_ev(&mut c, "a person named in it", 2);
    keynote |= before.split(|ch: char| !ch.is_alphanumeric()).any(|w| !w.is_empty() && labels.is(w, Concept::Keynote));
    if keynote {
        c.kind = SectionKind::Keynote;
    }
    c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line }, r)).collect();
    (c.title.split_whitespace().count() >= 2).then_some(c)
}

/// A title, its people and the text before the title.
type Found<'s> = (String, Vec<(String, Role)>, &'s str);

/// The title and people of a long item with no quotes, and the text before the title:
/// `Title (Name), remark`; `Name with Title, remark` (or `on`); `words, A and B: Title`;
/// `Title — Name, remark`, `Title, Name`.
fn unquoted<'s>(rest: &'s str, labels: &Labels) -> Option<Found<'s>> {
    let remark_cut = |t: &str| clean_title(t.split(", ").next().unwrap_or(t));
    // `Title (Name), remark`.
    if let Some(open) = rest.find(" (") {
        if let Some(close) = rest[open..].find(')').map(|c| open + c) {
            if let Some(p) = names::people_as(&rest[open + 2..close], labels, names::Case::Capitalised) {
                return Some((clean_title(&rest[..open]), p, ""));
            }
        }
    }
    // `Name with Title`, `Name on Title`.
    for join in [" with ", " on ", " about "] {
        if let Some((who, title)) = search::split_once(rest, join) {
            if let Some(p) = names::people_as(who, labels, names::Case::Capitalised) {
                return Some((remark_cut(title), p, ""));
            }
        }
    }
    // `words, A and B: Title`.
    if let Some((head, title)) = search::split_once(rest, ": ") {
        let who = head.rsplit(", ").next().unwrap_or(head);
        if let Some(p) = names::people_as(who, labels, names::Case::Capitalised) {
            return Some((remark_cut(title), p, head));
        }
    }
    // `Title — Name, remark`, `Title - Name`.
    if let Some((title, p)) = title_dash_name(rest, labels) {
        return Some((title, p, ""));
    }
    // `Title, Name` at the end.
    let (title, who) = rest.rsplit_once(", ")?;
    let p = names::people_as(who, labels, names::Case::Capitalised)?;
    Some((clean_title(title), p, ""))
}

/// `Title — Name, a remark`, `*Title* — Name: what was said`: the title and the people
/// after its dash, up to a comma or a colon.
pub(super) fn title_dash_name(rest: &str, labels: &Labels) -> Option<(String, Vec<(String, Role)>)> {
    for dash in [" — ", " – ", " - "] {
        if let Some((title, who)) = search::split_once(rest, dash) {
            let who = who.split([',', ':']).next().unwrap_or(who);
            if let Some(p) = names::people_as(who, labels, names::Case::Capitalised) {
                return Some((clean_title(title), p));
            }
            // (A quoted title, then what its speaker did, the name after an article, as
            // Portuguese, Italian or German tell of people: `"Cordel da PEP 8" — o
            // Severino Batista recitou um cordel`.)
            let mut words = who.split_whitespace();
            let quoted = title.trim_start().starts_with(['"', '“', '«', '„']);
            if quoted && words.next().is_some_and(|a| super::lines::ARTICLES.contains(&a)) {
                let name: Vec<&str> =
                    words.take_while(|w| w.starts_with(char::is_uppercase) || names::is_particle(w)).collect();
                if let Some(p) = names::people_as(&name.join(" "), labels, names::Case::Capitalised) {
                    return Some((clean_title(title), p));
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_items_give_title_and_people() {
        let l = Labels::default();
        let cases = [
            ("Property-based testing the state machine way (Sigrún Þórsdóttir), the one I came for", "Property-based testing the state machine way", "Sigrún Þórsdóttir"),
            ("Rafael Echeverría-Moss with F# type providers for messy data, half demo", "F# type providers for messy data", "Rafael Echeverría-Moss"),
            ("haskell + nix talk from the Tweag folks, Maëlle Fournier-Adeyemi and Kofi Mensah: Reproducible Haskell builds with haskell.nix", "Reproducible Haskell builds with haskell.nix", "Maëlle Fournier-Adeyemi"),
            ("Elm is not dead, it's done — Nguyễn Thị Thu Hà, short and funny", "Elm is not dead, it's done", "Nguyễn Thị Thu Hà"),
        ];
        for (s, title, who) in cases {
            let (t, p, _) = unquoted(s, &l).unwrap_or_else(|| panic!("{s}"));
            assert_eq!((t.as_str(), p[0].0.as_str()), (title, who), "{s}");
        }
        assert!(unquoted("coffee and a long chat, nothing else", &l).is_none());
        let (t, p) = title_dash_name("\"Cordel da PEP 8\" — o Severino Batista recitou um cordel", &l).unwrap();
        assert_eq!((t.as_str(), p[0].0.as_str()), ("Cordel da PEP 8", "Severino Batista"));
        assert!(title_dash_name("Cordel da PEP 8 — o Severino Batista recitou", &l).is_none());
    }
}
