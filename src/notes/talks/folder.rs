//! A folder of one file per talk. An index's line that points to another note read
//! with it (`- 10:10 → [[02 - Ana Ruiz - Typing in anger]]`, `[Title](talk.md)`,
//! `→ graalvm_native_image.txt`) holds no talk of its own: that note holds it. A file
//! that is one talk may name its speaker in its file name (`01 - Ana Ruiz - Title.md`).

use super::*;
use crate::notes::read::NOTE_EXTENSIONS;

/// Whether `name` ends with the extension of a note ([`NOTE_EXTENSIONS`], any case).
fn note_file(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(_, e)| NOTE_EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

impl Detector {
    /// This detector, told the display names of the notes read with the one it reads
    /// (`conf/02 - Ana Ruiz - Title.md`): a line that points to one of them holds no
    /// talk.
    pub fn with_notes<'n>(mut self, names: impl IntoIterator<Item = &'n str>) -> Detector {
        for n in names {
            let file = n.rsplit('/').next().unwrap_or(n).to_lowercase();
            if let Some((stem, _)) = file.rsplit_once('.') {
                self.notes.insert(stem.to_string());
            }
            self.notes.insert(file);
        }
        self
    }
}

impl Run<'_, '_, '_> {
    /// Candidates on lines that point to another note read with this one are no talks.
    pub(super) fn drop_pointers(&mut self) {
        let pointing: Vec<usize> = (0..self.cands.len())
            .filter(|&i| {
                let c = &self.cands[i];
                c.talk && !matches!(c.source, Source::File | Source::Heading(_)) && self.points_to_note(c.line)
            })
            .collect();
        // The heading over two of them or more is an index's section (`## Plan`): the
        // last heading before each, found in one pass.
        let mut over: HashMap<usize, usize> = HashMap::new();
        let mut heading = None;
        let mut next = pointing.iter().peekable();
        for i in 0..self.cands.len() {
            if next.peek() == Some(&&i) {
                next.next();
                self.cands[i].talk = false;
                self.cands[i].note = Some("it points to another note read with this one, which holds the talk".into());
                if let Some(h) = heading {
                    *over.entry(h).or_default() += 1;
                }
            } else if matches!(self.cands[i].source, Source::Heading(_)) {
                heading = Some(i);
            }
        }
        for (h, _) in over.into_iter().filter(|&(_, n)| n >= 2) {
            self.cands[h].talk = false;
            self.cands[h].note = Some("its lines point to other notes read with this one".into());
        }
    }

    /// The speaker of the one talk of a file that names none, from the file's name
    /// (`01 - Ana Ruiz - Typing in anger.md`).
    pub(super) fn speaker_from_file_name(&mut self, ci: usize) {
        let c = &self.cands[ci];
        if !c.speakers.is_empty() || c.line > 3 {
            return;
        }
        let stem = self.note.file.rsplit('/').next().unwrap_or(&self.note.file);
        let stem = stem.rsplit_once('.').map_or(stem, |(s, _)| s);
        if let Some(name) = stem_speaker(stem, &c.title, &self.d.labels) {
            let line = c.line;
            self.cands[ci].speakers.push((Named { name, line }, Role::Speaker));
        }
    }

    /// Whether line `line` points to another note read with this one.
    pub(super) fn points_to_note(&self, line: u32) -> bool {
        if self.d.notes.len() < 2 {
            return false;
        }
        let own = self.note.file.rsplit('/').next().unwrap_or(&self.note.file).to_lowercase();
        let known = |target: &str| {
            let t = target.trim();
            let t = t.rsplit('/').next().unwrap_or(t);
            let t = t.split(['|', '#']).next().unwrap_or(t).trim().to_lowercase();
            !t.is_empty() && t != own && self.d.notes.contains(&t)
        };
        let text = self.slice(line, line);
        // `[[Target]]`, `[[Target|shown]]`.
        let wiki = text.split("[[").skip(1).filter_map(|r| r.split_once("]]")).any(|(t, _)| known(t));
        // `[Title](target.md)`.
        let link = || text.split("](").skip(1).filter_map(|r| r.split_once(')')).any(|(t, _)| known(t));
        // `→ talk_notes.txt`.
        let bare = || {
            text.split_whitespace()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '_' && c != '-'))
                .any(|w| note_file(w) && known(w))
        };
        wiki || link() || bare()
    }

    /// Whether this note is an index of the notes read with it: two of its lines or more
    /// point to them (`- [[conf.kubecon24.day1.keynote]]`).
    pub(super) fn index_of_notes(&self) -> bool {
        if self.d.notes.len() < 2 {
            return false;
        }
        let lines = self.blocks.iter().flat_map(|b| b.line..=b.end);
        lines.filter(|&l| self.points_to_note(l)).nth(1).is_some()
    }

    /// The title a page's fields give it (front matter's `title:`, when it names no
    /// event), or their description when that holds the title and more (`title: eBPF at
    /// Scale` / `desc: 'eBPF at Scale: Running Cilium on 10,000 Nodes'`).
    pub(super) fn page_title(&self) -> Option<(u32, String)> {
        let Some(BlockKind::Properties(props)) = self.blocks.first().map(|b| &b.kind) else { return None };
        let field = |keys: &[&str]| props.iter().find(|p| keys.iter().any(|k| p.key.trim().eq_ignore_ascii_case(k)));
        let title = field(&["title"])?;
        let t = clean_title(&title.value);
        if t.is_empty() || event::parse(&t, self.labels(), self.year).name.is_some() {
            return None;
        }
        let desc = field(&["desc", "description", "summary", "subtitle"]).map(|d| clean_title(&d.value));
        let longer = desc.filter(|d| d.len() > t.len() && d.to_lowercase().contains(&t.to_lowercase()));
        Some((title.line, longer.unwrap_or(t)))
    }
}

/// The speaker a file of one talk names in its file name, its parts set apart by
/// dashes (`01 - Ana Ruiz - Typing in anger`): the one part that is a person's name,
/// when another part shares a word with the talk's `title`.
pub(super) fn stem_speaker(stem: &str, title: &str, labels: &Labels) -> Option<String> {
    let stem = stem.replace('\u{a0}', " ").replace(" – ", " - ").replace(" — ", " - ");
    // (A part of digits numbers the file.)
    let parts: Vec<&str> =
        stem.split(" - ").map(str::trim).filter(|p| !p.is_empty() && !p.bytes().all(|b| b.is_ascii_digit())).collect();
    if parts.len() < 2 {
        return None;
    }
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() >= 3).map(str::to_lowercase).collect()
    };
    let in_title = words(title);
    let mut named = parts.iter().filter_map(|p| {
        let people = names::people_as(p, labels, names::Case::Capitalised)?;
        (people.len() == 1 && p.split_whitespace().count() >= 2).then(|| people[0].0.clone())
    });
    let name = named.next()?;
    if named.next().is_some() {
        return None;
    }
    let others = parts.iter().filter(|p| **p != name);
    others.flat_map(|p| words(p)).any(|w| in_title.contains(&w)).then_some(name)
}

/// Whether a text links to another note by a relative path (`[Title](talk.md)`), as an
/// index of a folder of one file per talk does.
pub(super) fn links_to_notes(text: &str) -> bool {
    memchr::memmem::find_iter(text.as_bytes(), b"](").any(|at| {
        let rest = &text[at + 2..];
        let target = &rest[..rest.find([')', ' ', '\n']).unwrap_or(rest.len())];
        !target.contains("://") && note_file(target)
    })
}

/// Whether the link `[text](target)` that `t` is points to a page of the note's own
/// export: a relative path to a Markdown, text or HTML file (`[Title](Title%20x.md)`,
/// as Anytype, Notion or Obsidian write an index of the pages they export), which
/// points to a talk written in its own page, not to a talk of its own.
pub(super) fn local_page(t: &str) -> bool {
    let Some(i) = t.rfind("](") else { return false };
    let target = t[i + 2..t.len() - 1].split('#').next().unwrap_or("").to_ascii_lowercase();
    !target.contains("://") && [".md", ".markdown", ".txt", ".html"].iter().any(|e| target.ends_with(e))
}
