//! Records: one line of labelled fields per talk, set apart by bars, semicolons or
//! middle dots, in any order (`Talk: Title | Who: Ana Ruiz | Where: K.1.105 | When:
//! 10:30`, `who: Lotte Janssens · talk: Go generics`), as people copy a schedule's card
//! or keep a log with one line per talk. The talk's field gives the title, the
//! speaker's and moderator's fields its people; where and when are read past. And
//! a schedule's record pasted as YAML ([`Run::yaml_record`]).

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

impl Run<'_, '_, '_> {
    /// A schedule's record pasted as YAML, fenced (`yaml`, `yml` or no language) or not:
    /// `key: value` lines, perhaps as a list's item (`- id: 381`), holding a title and
    /// its speakers (`speakers: [A, B]`, a block list, `{name: A, company: B}` objects):
    /// a talk at its title's line. Whether block `b` is one.
    pub(super) fn yaml_record(&mut self, bi: usize, b: &Block) -> bool {
        let (text, mut first) = match &b.kind {
            BlockKind::Code { lang, text } if lang.as_deref().is_none_or(|l| matches!(l, "yaml" | "yml")) => {
                (text.as_str(), b.line)
            }
            BlockKind::Paragraph { text } => (&**text, b.line),
            _ => return false,
        };
        // Every line a key and its value, an item of a list, or indented under a key.
        let keyed = |l: &str| {
            let t = l.trim_start().trim_start_matches("- ");
            t.split_once(':').is_some_and(|(k, _)| {
                !k.is_empty() && k.len() <= 24 && k.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-')
            })
        };
        // (Most paragraphs open otherwise: looked at no further, with nothing allocated.)
        if !text.lines().next().is_some_and(keyed) {
            return false;
        }
        let lines: Vec<&str> = text.lines().take(40).collect();
        if lines.len() < 2 || !lines.iter().all(|l| l.trim().is_empty() || keyed(l) || l.trim_start().starts_with("- "))
        {
            return false;
        }
        // (A fenced block's text starts on the line after its fence.)
        if matches!(b.kind, BlockKind::Code { .. }) && self.line_text(b.line).trim_start().starts_with(['`', '~']) {
            first += 1;
        }
        let body: Vec<&str> =
            lines.iter().map(|l| l.trim_start().strip_prefix("- ").filter(|_| keyed(l)).unwrap_or(l)).collect();
        let props = crate::notes::markup::front_matter(&body.join("\n"), first);
        let d = self.d;
        let labels = &d.labels;
        let key = |p: &Property, c: Concept| labels.is(&p.key.trim().to_lowercase(), c);
        let (Some(title), Some(who)) =
            (props.iter().find(|p| key(p, Concept::Title)), props.iter().find(|p| key(p, Concept::Speaker)))
        else {
            return false;
        };
        // `{name: "Ana Ruiz", company: "Acme"}`: the names only.
        let value = if who.value.contains("name:") {
            who.value
                .split("name:")
                .skip(1)
                .map(|v| v.split([',', '}']).next().unwrap_or("").trim())
                .collect::<Vec<_>>()
                .join(", ")
        } else {
            who.value.clone()
        };
        let value = value.replace(['"', '\'', '{', '}'], "");
        let title_text = clean_title(title.value.trim());
        let people = names::people(&value, labels, true).unwrap_or_default();
        if title_text.split_whitespace().count() < 2 || people.is_empty() {
            return false;
        }
        // Right under a heading naming no one (`== Keynote d'ouverture` / `Titre:: …` /
        // `Orateur:: …`, AsciiDoc's definition list): the heading's talk, its title
        // the field's when the heading names only its kind or slot.
        if let Some(h) = self.cands.last_mut().filter(|h| {
            h.block + 1 == bi && matches!(h.source, Source::Heading(_)) && h.speakers.is_empty() && h.score() >= 0
        }) {
            if blocks::is_slot(&h.title, labels) || h.evidence.iter().any(|(f, _)| *f == "a talk label") {
                h.title = title_text;
            }
            h.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line: who.line }, r)).collect();
            push_ev(h, "speaker field", 2);
            h.body_line = b.end + 1;
            return true;
        }
        let mut c = self.new_candidate(bi, title.line, Source::TitleLine, title_text);
        push_ev(&mut c, "a title field", 1);
        push_ev(&mut c, "speaker field", 2);
        c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line: who.line }, r)).collect();
        c.body_line = b.end + 1;
        self.cands.push(c);
        true
    }
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
