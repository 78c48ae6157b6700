//! A note with no talk found in it is one talk: named from its first heading, a page's
//! fields, its first line or its file name, its speaker from a name near the top.

use super::*;

impl Run<'_, '_, '_> {
    /// No talk found: the file is one talk, named from its first heading, its first
    /// line, or its file name.
    pub(super) fn whole_file(&mut self) {
        if self.index_of_notes() {
            return;
        }
        // An index file names the event and links to the talks' files: it has no talk.
        // A heading under the event's with notes after it is no index (an index links to
        // the talks' files): it is the talk.
        let talk_heading = !folder::links_to_notes(&self.note.text)
            && self.cands.iter().any(|c| {
                matches!(c.source, Source::Heading(_))
                    && c.evidence.iter().any(|(f, _)| f.starts_with("content after"))
                    && c.evidence.iter().all(|(_, w)| *w >= 0)
            });
        if self.conference.is_some()
            && self.structure.first() == Some(&0)
            && self.file_speaker.is_none()
            && !talk_heading
        {
            self.warnings.push(Warning {
                file: self.note.file.clone(),
                line: None,
                message: "no talk found: the file names the event only".into(),
            });
            return;
        }
        let first_heading = self.blocks.iter().enumerate().find_map(|(i, b)| match &b.kind {
            // `structure` is in block order: searched, not scanned (a file of thousands
            // of date headings and no talk was quadratic).
            BlockKind::Heading { text, .. } if self.structure.binary_search(&i).is_err() => {
                Some((b.line, clean_title(&strip_inline(text))))
            }
            _ => None,
        });
        let first_line = self.blocks.iter().find_map(|b| match &b.kind {
            BlockKind::Paragraph { text } | BlockKind::ListItem { text, .. } => {
                let l = strip_inline(text.split('\n').next().unwrap_or(""));
                // (A speaker field is no title: `speaker: Ana Ruiz (Acme)`.)
                if self.d.labels.leading(l.trim()).is_some_and(|(cs, _)| cs.contains(&Concept::Speaker)) {
                    return None;
                }
                let l = clean_title(&l);
                // A remark in parentheses (`(Vigo, 5 June 2024, …)`) is no title.
                (!l.is_empty() && l.len() <= 100 && !l.starts_with('(')).then_some((b.line, l, &**text))
            }
            _ => None,
        });
        let Some(last) = self.blocks.last() else { return };
        // `title-of-the-talk-speaker-name.md`: the speaker's words are not the title.
        let stem = file_stem(&self.note.file).replace(['-', '_'], " ");
        let stem_title = match &self.file_speaker {
            Some(n) => {
                let name: Vec<String> =
                    n.name.split([' ', '-']).filter(|w| !w.is_empty()).map(|w| names::fold(w).to_lowercase()).collect();
                let words: Vec<&str> = stem.split_whitespace().collect();
                let keep = words.len().saturating_sub(name.len());
                let tail_is_name = words[keep..].iter().zip(&name).all(|(a, b)| a.to_lowercase() == *b);
                if tail_is_name && keep > 0 {
                    words[..keep].join(" ")
                } else {
                    stem.clone()
                }
            }
            None => stem.clone(),
        };
        // A first line that is a sentence (a long line, or one ending in a full stop) is
        // no title when the file's name is one (`building-async-apis-with-fastapi.md`).
        let stem_words = stem_title.split_whitespace().count();
        let first_line = first_line.filter(|(_, l, raw)| {
            let raw = raw.split('\n').next().unwrap_or("").trim_end();
            let sentence = l.split_whitespace().count() > 12 || raw.ends_with('.') && !raw.ends_with("..");
            !sentence || stem_words < 3
        });
        let (line, title) = if self.file_speaker.is_some() {
            (1, stem_title.clone())
        } else {
            // A page's own title after a heading or a title in quotes on the first line.
            let quoted =
                first_line.as_ref().is_some_and(|(_, _, raw)| raw.trim_start().starts_with(['"', '“', '«', '„']));
            let page = if quoted { None } else { self.page_title() };
            first_heading.or(page).or(first_line.map(|(n, l, _)| (n, l))).unwrap_or((1, stem_title.clone()))
        };
        // The title from `title-of-the-talk-speaker-name.md` with no name in the text:
        // the last two words are the speaker when they are a name of unusual words that
        // the notes never use (a technology at the end of a title is written in them).
        let (title, stem_speaker) = match self.file_speaker {
            None if title == stem_title => {
                let words: Vec<&str> = title.split_whitespace().collect();
                let lower = self.note.text.to_lowercase();
                let tail = words.len().checked_sub(2).filter(|&k| k >= 3).map(|k| (k, words[k..].join(" ")));
                match tail {
                    Some((k, name))
                        if names::people_as(&name, &self.d.labels, names::Case::Unusual).is_some()
                            && !words[k..].iter().any(|w| names::ordinary(w) || lower.contains(&w.to_lowercase())) =>
                    {
                        (words[..k].join(" "), Some(names::capitalise(&name)))
                    }
                    _ => (title, None),
                }
            }
            _ => (title, None),
        };
        let mut c = self.new_candidate(0, line, Source::File, title.clone());
        c.body_line = line + 1;
        if let Some(n) = self.file_speaker.clone() {
            c.speakers.push((n, Role::Speaker));
        }
        let stem_speaker = stem_speaker.map(|name| Named { name, line });
        // A speaker named near the top (`A talk by [Name](link)`, a speaker field).
        for b in self.blocks.iter().take(6) {
            if let BlockKind::Paragraph { text } = &b.kind {
                let plain = strip_inline(text);
                let mut lines = plain.split('\n');
                let first = lines.next().unwrap_or("");
                let joined = wrapped_list(first, lines.next());
                let first = joined.as_deref().unwrap_or(first);
                let value = match self.d.labels.leading(first) {
                    Some((cs, r)) if cs.contains(&Concept::Speaker) => Some(r),
                    _ => first.find("by ").map(|i| &first[i + 3..]),
                };
                // The names, up to the end of their sentence or a remark in brackets
                // (`by Aisha Karimi, Spotify. (she was …)`, `Daniel O'Connell (Datadog,
                // SRE)`); a line of names alone (`A and B, both from Shopify`).
                let cut = |v: &str| {
                    let v = v.split(". ").next().unwrap_or(v);
                    v.split(" (").next().unwrap_or(v).trim().trim_end_matches('.').to_string()
                };
                let people = match value {
                    Some(v) => names::people(&cut(v), &self.d.labels, false)
                        .or_else(|| framed::people_with_affiliation(&cut(v), &self.d.labels)),
                    None => names::leading_people(&cut(first), &self.d.labels),
                };
                if let Some(people) = people.filter(|_| c.speakers.is_empty()) {
                    c.speakers = people.into_iter().map(|(n, r)| (Named { name: n, line: b.line }, r)).collect();
                    break;
                }
            }
        }
        if c.speakers.is_empty() {
            if let Some(n) = stem_speaker {
                c.speakers.push((n, Role::Speaker));
            }
        }
        push_ev(&mut c, "no other talk: the file is one talk", THRESHOLD);
        c.talk = true;
        let _ = last;
        if self.file_speaker.is_none() {
            self.warn(line, format!("no talk structure found: the whole file is read as one talk, \"{title}\""));
        }
        self.cands.insert(0, c);
    }
}
