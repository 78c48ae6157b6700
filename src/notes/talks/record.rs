//! Records: one line of labelled fields per talk, set apart by bars, semicolons or
//! middle dots, in any order (`Talk: Title | Who: Ana Ruiz | Where: K.1.105 | When:
//! 10:30`, `who: Lotte Janssens · talk: Go generics`), as people copy a schedule's card
//! or keep a log with one line per talk. The talk's field gives the title, the
//! speaker's and moderator's fields its people; where and when are read past.

use super::*;

/// The kind, title and people of a record line `line` (its plain text): two fields or
/// more, each `Label: value` with a known label, one of them a talk's.
pub(super) fn record(line: &str, labels: &Labels) -> Option<(Concept, String, People)> {
    // (Most lines hold no separator: told apart before any label is looked up.)
    // (One search for the three separators' bytes: `·` is C2 B7 in UTF-8.)
    if line.len() > 400 || memchr::memchr2(b'|', b';', line.as_bytes()).is_none() && search::find(line, "·").is_none()
    {
        return None;
    }
    let mut talk = None;
    let mut people = Vec::new();
    let mut fields = 0;
    // (The first part names a field, or the line is no record: most lines with a `;`
    // are prose, told apart before the parts are collected.)
    let head = line.split(['|', ';', '·']).next().unwrap_or("").trim();
    let labelled = || if head.contains(':') { labels.leading(head).is_some() } else { !labels.lookup(head).is_empty() };
    if head.split_whitespace().nth(3).is_some() && !head.contains(':') || !labelled() {
        return None;
    }
    let segs: Vec<&str> = line.split(['|', ';', '·']).map(str::trim).filter(|s| !s.is_empty()).collect();
    let mut k = 0;
    while k < segs.len() {
        let seg = segs[k];
        k += 1;
        // A label alone, its value the next part (`Talk · Title · Who · Name`).
        let whole = labels.lookup(seg);
        let (concepts, rest) = if !whole.is_empty() && k < segs.len() {
            k += 1;
            (whole, segs[k - 1])
        } else {
            let (concepts, rest) = labels.leading(seg)?;
            // A field has a colon after its label (`Who: …`, not `Who knows …`).
            if !seg[..seg.len() - rest.len()].contains(':') {
                return None;
            }
            (concepts, rest)
        };
        fields += 1;
        let rest = rest.trim();
        if let Some(&kind) = concepts.iter().find(|c| c.is_talk_kind()) {
            if talk.is_none() && !rest.is_empty() {
                talk = Some((kind, clean_title(rest)));
            }
        } else if concepts.contains(&Concept::Speaker) || concepts.contains(&Concept::Moderator) {
            let moderator = concepts.contains(&Concept::Moderator) && !concepts.contains(&Concept::Speaker);
            for (n, role) in names::people(rest, labels, true).unwrap_or_default() {
                people.push((n, if moderator { Role::Moderator } else { role }));
            }
        }
    }
    let (kind, title) = talk?;
    (fields >= 2 && !title.is_empty()).then_some((kind, title, people))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_of_labelled_fields_is_a_talk() {
        let l = Labels::default();
        let (kind, title, people) = record(
            "Talk: Rust for Linux, one year upstream | Who: Pieter Van den Broeck | Where: K.1.105 | When: 10:30",
            &l,
        )
        .expect("a record");
        assert_eq!((kind, title.as_str()), (Concept::Talk, "Rust for Linux, one year upstream"));
        assert_eq!(people, [("Pieter Van den Broeck".to_string(), Role::Speaker)]);
        // Any order, any separator, labels in lower case.
        let (_, title, people) =
            record("where: Janson ; when: 13:30 ; who: Anneke de Vries & Joris Peeters ; talk: Matrix bridges", &l)
                .expect("a record");
        assert_eq!(title, "Matrix bridges");
        assert_eq!(people.len(), 2);
        // Labels alone, each before its value.
        let (_, title, people) =
            record("Talk · OSM vector tiles · Who · Mathis Dubois · Where · AW1.126 · When · 16:30", &l)
                .expect("a record");
        assert_eq!((title.as_str(), people.len()), ("OSM vector tiles", 1));
        // No talk's field, or a part that is no field: no record.
        assert!(record("Food: fries | Where: courtyard | When: ~13:00", &l).is_none());
        assert!(record("Talk: X | and then lunch", &l).is_none());
        assert!(record("Talk: X is great", &l).is_none());
    }
}
