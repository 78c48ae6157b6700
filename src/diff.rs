//! `talkgraph diff OLD NEW [PATH...] [--json]`: what changed from one event to the next.
//!
//! OLD and NEW are two sets of notes (files or folders) when both exist as paths;
//! otherwise they name two events (a conference, or a day of one: by id, name or
//! alias, as `--focus` takes them) within the notes at PATH (default `notes`), and each
//! side is the talks that are part of that event or of its days.
//!
//! Each side is read as: the talks; the topics (technologies, organisations, PEPs)
//! with the talks that mention them; the speakers with their talks and the topics of
//! those talks; and the links between topics (two topics mentioned by one talk). The
//! diff then lists, every claim with the `file:line` it rests on:
//!
//! - topics that **appear** (mentioned in NEW only) and **vanish** (OLD only);
//! - topics that **rise** or **fall**: mentioned on both sides by a different number of
//!   talks (largest change first);
//! - speakers who **return**, with what they moved to (topics of their NEW talks that
//!   their OLD talks did not name) and what they left; speakers new and gone;
//! - **links** new (two topics first named together in NEW) and gone.
//!
//! Lists are ordered by size of the change, then name (case-insensitively), then id:
//! the same input gives the same bytes.
//!
//! # JSON
//!
//! [`Diff`] as it is: `old` and `new` (`name`, `talks`, `speakers`, `topics`),
//! `appear`, `vanish`, `rise`, `fall` (`id`, `name`, `kind`, `old`, `new` talk counts,
//! `places`), `returning` (`id`, `name`, `old_talks`, `new_talks` with `title` and
//! `place`, `moved_to`, `left`: topic names), `new_speakers`, `gone_speakers`,
//! `new_links`, `gone_links` (`a`, `b`: names, `talks`, `places`).

use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::ask::Input;
use crate::graph::{EdgeKind, KnowledgeGraph, NodeId, NodeKind};
use crate::{Error, Warning};

/// How many links the Markdown lists in each of its two link sections (JSON has all).
pub const MARKDOWN_LINKS: usize = 25;

/// One side of a diff: an event's talks and what they mention.
#[derive(Debug, Clone, Default)]
struct Side {
    name: String,
    talks: usize,
    /// Topic id -> (name, kind, talk id -> first place).
    topics: BTreeMap<String, (String, NodeKind, BTreeMap<String, String>)>,
    /// Person id -> (name, talks as (title, place), topic ids).
    speakers: BTreeMap<String, (String, Vec<Talk>, BTreeSet<String>)>,
    /// (topic id, topic id), ordered -> talk places.
    links: BTreeMap<(String, String), Vec<String>>,
}

/// A side's size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SideSummary {
    /// The event's name, or the paths read.
    pub name: String,
    /// Talks.
    pub talks: usize,
    /// Speakers.
    pub speakers: usize,
    /// Topics mentioned.
    pub topics: usize,
}

/// A topic whose number of talks changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TopicChange {
    /// Graph id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Kind.
    #[serde(serialize_with = "crate::ask::kind_name")]
    pub kind: NodeKind,
    /// Talks that mention it in OLD.
    pub old: usize,
    /// Talks that mention it in NEW.
    pub new: usize,
    /// Where: the first mention in each talk, OLD's then NEW's.
    pub places: Vec<String>,
}

/// A talk, by title and place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Talk {
    /// Its title.
    pub title: String,
    /// Its heading, `file:line`.
    pub place: String,
}

/// A speaker on both sides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Returning {
    /// Person id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Their talks in OLD.
    pub old_talks: Vec<Talk>,
    /// Their talks in NEW.
    pub new_talks: Vec<Talk>,
    /// Topics of their NEW talks not named by their OLD ones.
    pub moved_to: Vec<String>,
    /// Topics of their OLD talks not named by their NEW ones.
    pub left: Vec<String>,
}

/// A speaker on one side only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Speaker {
    /// Person id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Their talks.
    pub talks: Vec<Talk>,
}

/// Two topics named by one talk on one side and never on the other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LinkChange {
    /// One topic's name.
    pub a: String,
    /// The other's.
    pub b: String,
    /// How many talks name both.
    pub talks: usize,
    /// Those talks' headings.
    pub places: Vec<String>,
}

/// What changed from OLD to NEW.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diff {
    /// The old side.
    pub old: SideSummary,
    /// The new side.
    pub new: SideSummary,
    /// Topics in NEW only.
    pub appear: Vec<TopicChange>,
    /// Topics in OLD only.
    pub vanish: Vec<TopicChange>,
    /// Topics mentioned by more talks in NEW.
    pub rise: Vec<TopicChange>,
    /// Topics mentioned by fewer talks in NEW.
    pub fall: Vec<TopicChange>,
    /// Speakers on both sides.
    pub returning: Vec<Returning>,
    /// Speakers in NEW only.
    pub new_speakers: Vec<Speaker>,
    /// Speakers in OLD only.
    pub gone_speakers: Vec<Speaker>,
    /// Links in NEW only.
    pub new_links: Vec<LinkChange>,
    /// Where each file shown in a place was read from, for the Markdown's links.
    #[serde(skip)]
    pub sources: BTreeMap<String, PathBuf>,
    /// Links in OLD only.
    pub gone_links: Vec<LinkChange>,
}

/// The talks of `graph` that are part of `event` or of one of its days (all talks when
/// `event` is `None`), in the order of the notes.
fn talks_of(graph: &KnowledgeGraph, event: Option<NodeId>) -> Vec<NodeId> {
    let g = graph.as_petgraph();
    let part_of = |n: NodeId| -> Vec<NodeId> {
        g.edges_directed(n, petgraph::Direction::Outgoing)
            .filter(|e| e.weight().kind == EdgeKind::PartOf)
            .map(|e| petgraph::visit::EdgeRef::target(&e))
            .collect()
    };
    let mut talks: Vec<NodeId> = graph
        .nodes()
        .filter(|(_, n)| n.kind == NodeKind::Talk)
        .map(|(i, _)| i)
        .filter(|&t| {
            let Some(ev) = event else { return true };
            part_of(t).into_iter().any(|e| e == ev || part_of(e).contains(&ev))
        })
        .collect();
    // In the order of the notes: by file, then line.
    talks.sort_by_key(|&t| {
        let n = graph.node(t);
        n.attrs.talk.as_ref().map_or((String::new(), 0), |t| (t.file.to_string(), t.line))
    });
    talks
}

fn side(graph: &KnowledgeGraph, name: String, talks: &[NodeId]) -> Side {
    let mut s = Side { name, talks: talks.len(), ..Side::default() };
    for &t in talks {
        let talk = graph.node(t);
        let place = talk.attrs.talk.as_ref().map_or_else(|| "?:?".into(), |t| format!("{}:{}", t.file, t.line));
        let mut topics: Vec<&str> = Vec::new();
        let mut people = Vec::new();
        for (o, e, out) in graph.incident(t) {
            let n = graph.node(o);
            if out
                && e.kind == EdgeKind::Mentions
                && matches!(n.kind, NodeKind::Technology | NodeKind::Topic | NodeKind::Organization | NodeKind::Pep)
            {
                let first = graph.evidence(e).next().map_or_else(|| place.clone(), |a| a.to_string());
                let entry = s.topics.entry(n.id.clone()).or_insert_with(|| (n.label.clone(), n.kind, BTreeMap::new()));
                entry.2.entry(talk.id.clone()).or_insert(first);
                topics.push(&n.id);
            } else if out && e.kind.is_on_stage() {
                people.push(o);
            }
        }
        topics.sort_unstable();
        topics.dedup();
        for p in people {
            let n = graph.node(p);
            let entry =
                s.speakers.entry(n.id.clone()).or_insert_with(|| (n.label.clone(), Vec::new(), BTreeSet::new()));
            entry.1.push(Talk { title: talk.label.clone(), place: place.clone() });
            entry.2.extend(topics.iter().map(|t| t.to_string()));
        }
        for (i, a) in topics.iter().enumerate() {
            for b in &topics[i + 1..] {
                s.links.entry((a.to_string(), b.to_string())).or_default().push(place.clone());
            }
        }
    }
    s
}

fn by_name(a: &str, b: &str) -> std::cmp::Ordering {
    a.to_lowercase().cmp(&b.to_lowercase()).then_with(|| a.cmp(b))
}

/// Compares two sides.
fn compare(old: &Side, new: &Side) -> Diff {
    let summary = |s: &Side| SideSummary {
        name: s.name.clone(),
        talks: s.talks,
        speakers: s.speakers.len(),
        topics: s.topics.len(),
    };
    let ids: BTreeSet<&String> = old.topics.keys().chain(new.topics.keys()).collect();
    let (mut appear, mut vanish, mut rise, mut fall) = (vec![], vec![], vec![], vec![]);
    for id in ids {
        let (o, n) = (old.topics.get(id), new.topics.get(id));
        let (name, kind) = o.or(n).map(|t| (t.0.clone(), t.1)).expect("in one side");
        let count = |t: Option<&(String, NodeKind, BTreeMap<String, String>)>| t.map_or(0, |t| t.2.len());
        let places = |t: Option<&(String, NodeKind, BTreeMap<String, String>)>| {
            let mut p: Vec<String> = t.map(|t| t.2.values().cloned().collect()).unwrap_or_default();
            p.sort_by(|a, b| place_order(a, b));
            p
        };
        let mut all = places(o);
        all.extend(places(n));
        let c = TopicChange { id: id.clone(), name, kind, old: count(o), new: count(n), places: all };
        match (c.old, c.new) {
            (0, _) => appear.push(c),
            (_, 0) => vanish.push(c),
            (a, b) if b > a => rise.push(c),
            (a, b) if b < a => fall.push(c),
            _ => {}
        }
    }
    let change = |c: &TopicChange| c.new.abs_diff(c.old);
    for list in [&mut appear, &mut vanish, &mut rise, &mut fall] {
        list.sort_by(|a, b| {
            change(b).cmp(&change(a)).then_with(|| by_name(&a.name, &b.name)).then_with(|| a.id.cmp(&b.id))
        });
    }
    let topic_name =
        |id: &String| new.topics.get(id).or_else(|| old.topics.get(id)).map_or_else(|| id.clone(), |t| t.0.clone());
    let names = |ids: BTreeSet<&String>| {
        let mut v: Vec<String> = ids.into_iter().map(topic_name).collect();
        v.sort_by(|a, b| by_name(a, b));
        v
    };
    let mut returning = Vec::new();
    let mut new_speakers = Vec::new();
    let mut gone_speakers = Vec::new();
    for (id, (name, talks, topics)) in &new.speakers {
        match old.speakers.get(id) {
            Some((_, old_talks, old_topics)) => returning.push(Returning {
                id: id.clone(),
                name: name.clone(),
                old_talks: old_talks.clone(),
                new_talks: talks.clone(),
                moved_to: names(topics.difference(old_topics).collect()),
                left: names(old_topics.difference(topics).collect()),
            }),
            None => new_speakers.push(Speaker { id: id.clone(), name: name.clone(), talks: talks.clone() }),
        }
    }
    for (id, (name, talks, _)) in &old.speakers {
        if !new.speakers.contains_key(id) {
            gone_speakers.push(Speaker { id: id.clone(), name: name.clone(), talks: talks.clone() });
        }
    }
    for list in [&mut new_speakers, &mut gone_speakers] {
        list.sort_by(|a, b| by_name(&a.name, &b.name).then_with(|| a.id.cmp(&b.id)));
    }
    returning.sort_by(|a, b| by_name(&a.name, &b.name).then_with(|| a.id.cmp(&b.id)));
    let links = |from: &Side, other: &Side| {
        let mut v: Vec<LinkChange> = from
            .links
            .iter()
            .filter(|(k, _)| !other.links.contains_key(*k))
            .map(|((a, b), places)| {
                let (mut a, mut b) = (topic_name(a), topic_name(b));
                if by_name(&b, &a).is_lt() {
                    std::mem::swap(&mut a, &mut b);
                }
                LinkChange { a, b, talks: places.len(), places: places.clone() }
            })
            .collect();
        v.sort_by(|x, y| y.talks.cmp(&x.talks).then_with(|| by_name(&x.a, &y.a)).then_with(|| by_name(&x.b, &y.b)));
        v
    };
    Diff {
        old: summary(old),
        new: summary(new),
        appear,
        vanish,
        rise,
        fall,
        returning,
        new_speakers,
        gone_speakers,
        new_links: links(new, old),
        gone_links: links(old, new),
        sources: BTreeMap::new(),
    }
}

/// `d` knowing where the files of `graphs` were read from.
fn with_sources(mut d: Diff, graphs: &[&KnowledgeGraph]) -> Diff {
    for g in graphs {
        d.sources.extend(g.sources().map(|(k, v)| (k.to_string(), v.to_path_buf())));
    }
    d
}

/// `file:line` ordered by file, then line as a number.
pub(crate) fn place_order(a: &str, b: &str) -> std::cmp::Ordering {
    let split = |p: &str| {
        let (f, l) = p.rsplit_once(':').unwrap_or((p, "0"));
        (f.to_string(), l.parse::<u64>().unwrap_or(0))
    };
    split(a).cmp(&split(b))
}

/// What to compare.
#[derive(Debug, Clone)]
pub struct DiffOptions {
    /// The old side: notes, or an event's name.
    pub old: String,
    /// The new side.
    pub new: String,
    /// The notes holding both events, when OLD and NEW are not paths (empty: `notes`).
    pub paths: Vec<PathBuf>,
    /// A user lexicon.
    pub lexicon: Option<PathBuf>,
    /// Worker threads.
    pub threads: Option<usize>,
}

/// Reads the notes and compares the two sides (see the module docs for how OLD and
/// NEW are read). Returns the diff and the warnings about the input.
pub fn run(opts: &DiffOptions) -> Result<(Diff, Vec<Warning>), Error> {
    let as_paths = Path::new(&opts.old).exists() && Path::new(&opts.new).exists();
    if as_paths {
        let load = |p: &str| {
            let input = Input { paths: vec![PathBuf::from(p)], lexicon: opts.lexicon.clone(), threads: opts.threads };
            crate::ask::load(&input).map(|(b, _)| b)
        };
        let (a, b) = (load(&opts.old)?, load(&opts.new)?);
        let name = |b: &crate::Built, p: &str| {
            let events: Vec<&str> = b
                .graph
                .nodes()
                .filter(|(i, n)| {
                    n.kind == NodeKind::Event
                        && !b.graph.as_petgraph().edges(*i).any(|e| e.weight().kind == EdgeKind::PartOf)
                })
                .map(|(_, n)| n.label.as_str())
                .collect();
            if events.is_empty() {
                p.to_string()
            } else {
                events.join(", ")
            }
        };
        let old = side(&a.graph, name(&a, &opts.old), &talks_of(&a.graph, None));
        let new = side(&b.graph, name(&b, &opts.new), &talks_of(&b.graph, None));
        let mut warnings = a.warnings;
        warnings.extend(b.warnings);
        return Ok((with_sources(compare(&old, &new), &[&a.graph, &b.graph]), warnings));
    }
    let paths = if opts.paths.is_empty() { vec![PathBuf::from("notes")] } else { opts.paths.clone() };
    let input = Input { paths, lexicon: opts.lexicon.clone(), threads: opts.threads };
    let (built, _) = crate::ask::load(&input)?;
    let g = &built.graph;
    let event = |name: &str| -> Result<NodeId, Error> {
        let n = crate::ask::resolve(g, name, "diff")?;
        if g.node(n).kind != NodeKind::Event {
            let node = g.node(n);
            return Err(Error::Usage(format!(
                "diff {name:?} is {} ({}), a {}, not an event; give two events, or two paths of notes",
                node.label, node.id, node.kind
            )));
        }
        Ok(n)
    };
    let (a, b) = (event(&opts.old)?, event(&opts.new)?);
    let old = side(g, g.node(a).label.clone(), &talks_of(g, Some(a)));
    let new = side(g, g.node(b).label.clone(), &talks_of(g, Some(b)));
    Ok((with_sources(compare(&old, &new), &[g]), built.warnings))
}

/// A `file:line` as a Markdown link to the line (`[file:line](file#Lline)`), the
/// file's path (`source` of its display name) relative to the folder `base` the
/// Markdown is read from.
pub fn md_place(place: &str, base: &Path, source: &dyn Fn(&str) -> PathBuf) -> String {
    let Some((file, line)) = place.rsplit_once(':') else { return place.to_string() };
    let target = relative_to(&source(file), base);
    let name = file.rsplit('/').next().unwrap_or(file);
    format!("[{name}:{line}]({}#L{line})", target.replace(' ', "%20"))
}

/// `path` relative to the folder `base` (both taken from the current folder when
/// relative), with `/` separators.
pub fn relative_to(path: &Path, base: &Path) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    let abs = |p: &Path| -> Vec<String> {
        let p = if p.is_absolute() { p.to_path_buf() } else { cwd.join(p) };
        let mut parts: Vec<String> = Vec::new();
        for c in p.components() {
            match c {
                std::path::Component::ParentDir => {
                    parts.pop();
                }
                std::path::Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
                _ => {}
            }
        }
        parts
    };
    let (p, b) = (abs(path), abs(base));
    let common = p.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut out: Vec<String> = vec!["..".to_string(); b.len() - common];
    out.extend(p[common..].iter().cloned());
    out.join("/")
}

/// Writes the diff as Markdown; links to the notes are relative to `base`.
pub fn write_markdown(d: &Diff, base: &Path, mut w: impl io::Write) -> io::Result<()> {
    let source = |f: &str| d.sources.get(f).cloned().unwrap_or_else(|| PathBuf::from(f));
    let md_place = |p: &str, base: &Path| md_place(p, base, &source);
    let places = |p: &[String], max: usize| {
        let mut s: Vec<String> = p.iter().take(max).map(|p| md_place(p, base)).collect();
        if p.len() > max {
            s.push(format!("… {} more", p.len() - max));
        }
        s.join(", ")
    };
    writeln!(w, "# What changed: {} → {}\n", d.old.name, d.new.name)?;
    writeln!(w, "| | {} | {} |\n|---|---:|---:|", d.old.name, d.new.name)?;
    writeln!(w, "| talks | {} | {} |", d.old.talks, d.new.talks)?;
    writeln!(w, "| speakers | {} | {} |", d.old.speakers, d.new.speakers)?;
    writeln!(w, "| topics | {} | {} |", d.old.topics, d.new.topics)?;
    let topics = |w: &mut dyn io::Write, title: &str, list: &[TopicChange]| -> io::Result<()> {
        writeln!(w, "\n## {title} ({})\n", list.len())?;
        if list.is_empty() {
            return writeln!(w, "None.");
        }
        writeln!(w, "| topic | kind | talks before | talks after | where |\n|---|---|---:|---:|---|")?;
        for c in list {
            writeln!(w, "| {} | {} | {} | {} | {} |", md_escape(&c.name), c.kind, c.old, c.new, places(&c.places, 4))?;
        }
        Ok(())
    };
    topics(&mut w, "Topics that appear", &d.appear)?;
    topics(&mut w, "Topics that vanish", &d.vanish)?;
    topics(&mut w, "Topics that rise", &d.rise)?;
    topics(&mut w, "Topics that fall", &d.fall)?;
    let talks = |t: &[Talk]| {
        t.iter()
            .map(|t| format!("*{}* ({})", md_escape(&t.title), md_place(&t.place, base)))
            .collect::<Vec<_>>()
            .join("; ")
    };
    writeln!(w, "\n## Speakers who return ({})\n", d.returning.len())?;
    if d.returning.is_empty() {
        writeln!(w, "None.")?;
    }
    for r in &d.returning {
        writeln!(w, "- **{}**: {} → {}", md_escape(&r.name), talks(&r.old_talks), talks(&r.new_talks))?;
        let list = |v: &[String]| if v.is_empty() { "nothing".to_string() } else { md_escape(&v.join(", ")) };
        writeln!(w, "  - moved to: {}", list(&r.moved_to))?;
        writeln!(w, "  - left: {}", list(&r.left))?;
    }
    for (title, list) in [("New speakers", &d.new_speakers), ("Speakers gone", &d.gone_speakers)] {
        writeln!(w, "\n## {title} ({})\n", list.len())?;
        if list.is_empty() {
            writeln!(w, "None.")?;
        }
        for s in list {
            writeln!(w, "- **{}**: {}", md_escape(&s.name), talks(&s.talks))?;
        }
    }
    for (title, list) in [("New links", &d.new_links), ("Links gone", &d.gone_links)] {
        writeln!(w, "\n## {title} ({})\n", list.len())?;
        if list.is_empty() {
            writeln!(w, "None.")?;
        }
        for l in list.iter().take(MARKDOWN_LINKS) {
            writeln!(w, "- {} – {}: {}", md_escape(&l.a), md_escape(&l.b), places(&l.places, 3))?;
        }
        if list.len() > MARKDOWN_LINKS {
            writeln!(w, "- … {} more (`--json` lists them all)", list.len() - MARKDOWN_LINKS)?;
        }
    }
    Ok(())
}

/// Escapes what Markdown would read as markup in a name (`|` in tables, `*`, `_`,
/// brackets, backticks, `<`).
pub fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '|' | '*' | '_' | '[' | ']' | '`' | '<' | '>' | '\\' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_go_up_and_down() {
        assert_eq!(relative_to(Path::new("notes/a.md"), Path::new(".")), "notes/a.md");
        assert_eq!(relative_to(Path::new("notes/a.md"), Path::new("out")), "../notes/a.md");
        assert_eq!(relative_to(Path::new("/x/y/a.md"), Path::new("/x/z/w")), "../../y/a.md");
        let same = |f: &str| PathBuf::from(f);
        assert_eq!(md_place("notes/my day.md:12", Path::new("out"), &same), "[my day.md:12](../notes/my%20day.md#L12)");
        // A display name is linked to where its file was read from.
        let read_from = |f: &str| Path::new("tests/fixtures").join(f);
        assert_eq!(md_place("styles/a.md:3", Path::new("."), &read_from), "[a.md:3](tests/fixtures/styles/a.md#L3)");
    }

    #[test]
    fn escaping_keeps_tables_whole() {
        assert_eq!(md_escape("a|b *c* [d]"), "a\\|b \\*c\\* \\[d\\]");
    }
}
