//! The evidence behind the graph: every entity the extractor found (technologies,
//! organisations, PEPs, people, Python versions) with how often and where
//! (`file:line`), and, to explain, every surface form merged into it with the rule
//! that merged it and the near misses that were not merged. This is the data of
//! `talkgraph entities [PATH...] [--kind KIND] [--json] [--explain]`.
//!
//! [`entities`] is a pure function from the extracted facts to an [`EntityReport`];
//! [`write_text`] and [`write_json`] render it.
//!
//! # Text
//!
//! One row per entity, ordered by kind, then count (most first), then name:
//!
//! ```text
//! KIND        COUNT  ID                  NAME     WHERE
//! Technology      2  technology:cpython  CPython  day1.md:3, day1.md:5
//! ```
//!
//! With `explain`, each row is followed by its surface forms, each with the rule that
//! merged it and how sure the link is (`  = "Cpython" case-folded [case-folded] ×1
//! day1.md:3`; a form the user's `same` merged names its line: `same
//! (talkgraph.toml:2) [user]`), and a `Near misses` block lists the words that
//! resembled an entity but were not merged, with the reason.
//!
//! # JSON
//!
//! ```json
//! {
//!   "entities": [
//!     {"kind": "Technology", "id": "technology:cpython", "name": "CPython", "count": 2,
//!      "places": ["day1.md:3", "day1.md:5"],
//!      "forms": [{"surface": "Cpython", "rule": "case-folded", "confidence": "case-folded",
//!                 "count": 1, "places": ["day1.md:3"]}]}
//!   ],
//!   "near_misses": [
//!     {"surface": "jpytyhon", "resembles": "Jython", "id": "technology:jython",
//!      "reason": "edit distance 2 of 6 is over the limit of 1", "count": 1, "places": ["day1.md:9"]}
//!   ]
//! }
//! ```
//!
//! `forms` is present only with `explain` (one entry per surface form and rule, in
//! order of first appearance); `near_misses` only with `explain`. `kind` is one of
//! `Person`, `Technology`, `Organization`, `PEP`, `Version`. Speakers' forms have the
//! rule `speaker`. `confidence` is one of `exact`, `alias`, `case-folded`, `typo:N`,
//! `context`, `inferred`, `user` (see [`crate::extract::Confidence`]).

use std::collections::BTreeMap;
use std::io;

use serde::Serialize;

use crate::extract::{Confidence, Knowledge, NoteFacts, Rule, Target};
use crate::ids::{node_id, NodeKind};

/// What to report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EntitiesOptions {
    /// Only entities of this kind.
    pub kind: Option<NodeKind>,
    /// Add surface forms and near misses.
    pub explain: bool,
    /// Whether names are inferred, and how sure a link must be.
    pub extract: crate::extract::ExtractOptions,
}

/// One surface form merged into an entity, and the rule that merged it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Form {
    /// The text as written.
    pub surface: String,
    /// The rule (`exact alias`, `case-folded`, `edit distance 1 of 8`, `wikilink`,
    /// `CamelCase`, ...), or the user's rule that merged it (`same (talkgraph.toml:3)`).
    pub rule: String,
    /// How sure the link is (`exact`, `alias`, `case-folded`, `typo:1`, `context`,
    /// `inferred`, `user`; for a speaker, `exact`).
    pub confidence: String,
    /// How many mentions had this form and rule.
    pub count: u32,
    /// Where, as `file:line`.
    pub places: Vec<String>,
}

/// One entity with its evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entity {
    /// Its kind, as in the graph's outputs (`Technology`, `PEP`, ...).
    #[serde(serialize_with = "kind_name")]
    pub kind: NodeKind,
    /// Its graph id (`technology:cpython`, `pep:659`, `person:mark-shannon`).
    pub id: String,
    /// Its display name.
    pub name: String,
    /// How many mentions (for a person: how many times named as a speaker).
    pub count: u32,
    /// Every place it was seen, as `file:line`, in file order, without repeats.
    pub places: Vec<String>,
    /// With `explain`: the surface forms merged into it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub forms: Vec<Form>,
}

/// A word that resembled an entity but was not merged into it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NearMissEntry {
    /// The word as written.
    pub surface: String,
    /// The name of the entity it resembles.
    pub resembles: String,
    /// That entity's graph id.
    pub id: String,
    /// Why it was not merged.
    pub reason: String,
    /// How many times.
    pub count: u32,
    /// Where, as `file:line`, in file order, without repeats.
    pub places: Vec<String>,
}

/// Everything [`entities`] found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityReport {
    /// The entities, ordered by kind, count (most first), then name.
    pub entities: Vec<Entity>,
    /// With `explain`: the near misses, one per surface form, entity and reason, in
    /// order of first appearance.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub near_misses: Option<Vec<NearMissEntry>>,
}

fn kind_name<S: serde::Serializer>(k: &NodeKind, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(k.name())
}

/// A surface form, the rule that merged it and its confidence.
type FormKey = (String, String, String);

/// Accumulates one entity.
struct Acc {
    kind: NodeKind,
    name: String,
    count: u32,
    places: Vec<String>,
    /// (surface, rule, confidence) -> (first seen order, count, places)
    forms: BTreeMap<FormKey, (usize, u32, Vec<String>)>,
    /// For people: spelling -> count, to pick the display name as the graph does.
    spellings: BTreeMap<String, u32>,
}

fn push_unique(v: &mut Vec<String>, s: String) {
    if !v.contains(&s) {
        v.push(s);
    }
}

/// Runs `entities`: reads the notes under `paths` (with the user lexicon, on `threads`
/// threads) and reports what was found, with the warnings about the input.
pub fn run(
    paths: &[std::path::PathBuf],
    lexicon: Option<&std::path::Path>,
    threads: Option<usize>,
    opts: &EntitiesOptions,
) -> Result<(EntityReport, Vec<crate::notes::Warning>), crate::Error> {
    let knowledge = crate::pipeline::load_knowledge(paths, lexicon)?.with_options(opts.extract);
    let built = crate::pipeline::build_graph(paths, &knowledge, threads)?;
    Ok((entities(&built.facts, &knowledge, opts), built.warnings))
}

/// The id and display name of what a mention points at.
fn resolve(target: &Target, knowledge: &Knowledge) -> (NodeKind, String, String) {
    match target {
        Target::Entry(id) => {
            let e = knowledge.lexicon.entry(*id);
            let kind = e.kind.into();
            (kind, node_id(kind, &e.name), e.name.clone())
        }
        Target::Pep(n) => (NodeKind::Pep, node_id(NodeKind::Pep, &n.to_string()), format!("PEP {n}")),
        Target::PythonVersion(v) => (NodeKind::Version, node_id(NodeKind::Version, v), format!("Python {v}")),
        Target::Unlisted(name) => (NodeKind::Technology, node_id(NodeKind::Technology, name), name.clone()),
        Target::Organization(name) => (NodeKind::Organization, node_id(NodeKind::Organization, name), name.clone()),
    }
}

/// Gathers every entity of `facts` (with ids as the graph makes them), filtered and
/// explained as `opts` asks.
pub fn entities(facts: &[NoteFacts], knowledge: &Knowledge, opts: &EntitiesOptions) -> EntityReport {
    let mut accs: BTreeMap<String, Acc> = BTreeMap::new();
    let mut order = 0usize;
    let mut near: Vec<NearMissEntry> = Vec::new();
    let mut near_index: BTreeMap<(String, String, String), usize> = BTreeMap::new();
    let wanted = |k: NodeKind| opts.kind.is_none_or(|w| w == k);
    for note in facts {
        for talk in &note.talks {
            for s in &talk.speakers {
                if !wanted(NodeKind::Person) {
                    break;
                }
                let id = node_id(NodeKind::Person, &s.name);
                let place = format!("{}:{}", note.file, s.line);
                let acc = accs.entry(id).or_insert_with(|| Acc {
                    kind: NodeKind::Person,
                    name: s.name.clone(),
                    count: 0,
                    places: Vec::new(),
                    forms: BTreeMap::new(),
                    spellings: BTreeMap::new(),
                });
                acc.count += 1;
                *acc.spellings.entry(s.name.clone()).or_default() += 1;
                push_unique(&mut acc.places, place.clone());
                order += 1;
                let form = (s.name.clone(), "speaker".to_string(), Confidence::Exact.to_string());
                let f = acc.forms.entry(form).or_insert((order, 0, Vec::new()));
                f.1 += 1;
                push_unique(&mut f.2, place);
            }
            for m in &talk.mentions {
                let (kind, id, name) = resolve(&m.target, knowledge);
                if !wanted(kind) {
                    continue;
                }
                let place = format!("{}:{}", note.file, m.line);
                let acc = accs.entry(id).or_insert_with(|| Acc {
                    kind,
                    name,
                    count: 0,
                    places: Vec::new(),
                    forms: BTreeMap::new(),
                    spellings: BTreeMap::new(),
                });
                acc.count += 1;
                push_unique(&mut acc.places, place.clone());
                order += 1;
                let rule = match m.rule {
                    Rule::User { rule } => {
                        knowledge.merges.rule(rule).map_or_else(|| m.rule.to_string(), |r| r.to_string())
                    }
                    other => other.to_string(),
                };
                let form = (m.surface.clone(), rule, knowledge.confidence(m).to_string());
                let f = acc.forms.entry(form).or_insert((order, 0, Vec::new()));
                f.1 += 1;
                push_unique(&mut f.2, place);
            }
            if opts.explain {
                for n in &talk.near_misses {
                    let (kind, id, name) = resolve(&Target::Entry(n.entry), knowledge);
                    if !wanted(kind) {
                        continue;
                    }
                    let place = format!("{}:{}", note.file, n.line);
                    let key = (n.surface.clone(), id.clone(), n.reason.clone());
                    let at = *near_index.entry(key).or_insert_with(|| {
                        near.push(NearMissEntry {
                            surface: n.surface.clone(),
                            resembles: name,
                            id,
                            reason: n.reason.clone(),
                            count: 0,
                            places: Vec::new(),
                        });
                        near.len() - 1
                    });
                    near[at].count += 1;
                    push_unique(&mut near[at].places, place);
                }
            }
        }
    }
    let mut list: Vec<Entity> = accs
        .into_iter()
        .map(|(id, a)| {
            let name = if a.kind == NodeKind::Person { best_spelling(&a.spellings).unwrap_or(a.name) } else { a.name };
            let mut forms: Vec<(usize, Form)> = if opts.explain {
                a.forms
                    .into_iter()
                    .map(|((surface, rule, confidence), (o, count, places))| {
                        (o, Form { surface, rule, confidence, count, places })
                    })
                    .collect()
            } else {
                Vec::new()
            };
            forms.sort_by_key(|(o, _)| *o);
            Entity {
                kind: a.kind,
                id,
                name,
                count: a.count,
                places: a.places,
                forms: forms.into_iter().map(|(_, f)| f).collect(),
            }
        })
        .collect();
    list.sort_by(|a, b| {
        a.kind
            .cmp(&b.kind)
            .then(b.count.cmp(&a.count))
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
            .then_with(|| a.id.cmp(&b.id))
    });
    EntityReport { entities: list, near_misses: opts.explain.then_some(near) }
}

/// The spelling the graph shows for a person: the most frequent, then the one with
/// more letters written with diacritics, then the smallest.
fn best_spelling(spellings: &BTreeMap<String, u32>) -> Option<String> {
    spellings
        .iter()
        .max_by(|a, b| {
            a.1.cmp(b.1)
                .then_with(|| {
                    a.0.chars().filter(|c| !c.is_ascii()).count().cmp(&b.0.chars().filter(|c| !c.is_ascii()).count())
                })
                .then_with(|| b.0.cmp(a.0))
        })
        .map(|(n, _)| n.clone())
}

/// Writes the report as an aligned text table (see the module docs).
pub fn write_text(report: &EntityReport, mut w: impl io::Write) -> io::Result<()> {
    let headers = ["KIND", "COUNT", "ID", "NAME"];
    let mut widths = headers.map(str::len);
    for e in &report.entities {
        widths[0] = widths[0].max(e.kind.name().len());
        widths[1] = widths[1].max(e.count.to_string().len());
        widths[2] = widths[2].max(e.id.chars().count());
        widths[3] = widths[3].max(e.name.chars().count());
    }
    writeln!(
        w,
        "{:<w0$}  {:>w1$}  {:<w2$}  {:<w3$}  WHERE",
        headers[0],
        headers[1],
        headers[2],
        headers[3],
        w0 = widths[0],
        w1 = widths[1],
        w2 = widths[2],
        w3 = widths[3]
    )?;
    for e in &report.entities {
        writeln!(
            w,
            "{:<w0$}  {:>w1$}  {:<w2$}  {:<w3$}  {}",
            e.kind.name(),
            e.count,
            e.id,
            e.name,
            e.places.join(", "),
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2],
            w3 = widths[3]
        )?;
        for f in &e.forms {
            writeln!(w, "    = {:?} {} [{}] ×{} {}", f.surface, f.rule, f.confidence, f.count, f.places.join(", "))?;
        }
    }
    if let Some(near) = &report.near_misses {
        writeln!(w)?;
        if near.is_empty() {
            writeln!(w, "Near misses: none")?;
        } else {
            writeln!(w, "Near misses (not merged; add them to your lexicon as aliases if they are right):")?;
            for n in near {
                writeln!(
                    w,
                    "  {:?} resembles {} ({}): {} ×{} {}",
                    n.surface,
                    n.resembles,
                    n.id,
                    n.reason,
                    n.count,
                    n.places.join(", ")
                )?;
            }
        }
    }
    Ok(())
}

/// Writes the report as pretty JSON (see the module docs for the shape).
pub fn write_json(report: &EntityReport, mut w: impl io::Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut w, report)?;
    writeln!(w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Extractor, Lexicon, PepCatalog};
    use crate::notes::{Named, Section, SectionKind};

    fn knowledge() -> Knowledge {
        let lexicon = Lexicon::from_toml(
            r#"
[[entry]]
name = "CPython"
kind = "technology"
category = "implementation"
[[entry]]
name = "Jython"
kind = "technology"
category = "implementation"
[[entry]]
name = "Python"
kind = "technology"
category = "language"
[[entry]]
name = "Google"
kind = "organization"
category = "company"
"#,
            "test.toml",
        )
        .expect("valid");
        Knowledge::new(lexicon, PepCatalog::builtin().clone())
    }

    fn facts(k: &Knowledge) -> Vec<NoteFacts> {
        let body = "Cpython and CPython\nPEP 659 in Python 3.11\n\njpytyhon and cypython at Google\n[[Polars]]";
        let doc = crate::notes::Document {
            file: "day1.md".into(),
            key: "day1".into(),
            events: vec![],
            sections: vec![Section {
                kind: SectionKind::Talk,
                title: "Faster".into(),
                line: 1,
                event: None,
                speakers: vec![Named { name: "Łukasz Langa".into(), line: 1 }],
                moderators: Vec::new(),
                affiliations: Vec::new(),
                body,
                body_line: 2,
            }],
            tags: vec![],
            warnings: vec![],
            text: body,
            line_starts: Vec::new(),
        };
        vec![Extractor::new(k).extract(&doc)]
    }

    #[test]
    fn report_lists_entities_with_ids_counts_and_places() {
        let k = knowledge();
        let r = entities(&facts(&k), &k, &EntitiesOptions::default());
        let rows: Vec<(&str, &str, u32, Vec<&str>)> = r
            .entities
            .iter()
            .map(|e| (e.kind.name(), e.id.as_str(), e.count, e.places.iter().map(String::as_str).collect()))
            .collect();
        assert_eq!(
            rows,
            [
                ("Person", "person:lukasz-langa", 1, vec!["day1.md:1"]),
                ("Technology", "technology:cpython", 3, vec!["day1.md:2", "day1.md:5"]),
                ("Technology", "technology:polars", 1, vec!["day1.md:6"]),
                ("Technology", "technology:python", 1, vec!["day1.md:3"]),
                ("Organization", "organization:google", 1, vec!["day1.md:5"]),
                ("PEP", "pep:659", 1, vec!["day1.md:3"]),
                ("Version", "version:python-3.11", 1, vec!["day1.md:3"]),
            ]
        );
        assert!(r.near_misses.is_none());
        assert!(r.entities.iter().all(|e| e.forms.is_empty()));
    }

    #[test]
    fn kind_filter() {
        let k = knowledge();
        let opts = EntitiesOptions { kind: Some(NodeKind::Pep), explain: false, extract: Default::default() };
        let r = entities(&facts(&k), &k, &opts);
        assert_eq!(r.entities.len(), 1);
        assert_eq!(r.entities[0].name, "PEP 659");
    }

    #[test]
    fn explain_gives_forms_and_near_misses() {
        let k = knowledge();
        let opts = EntitiesOptions { kind: None, explain: true, extract: Default::default() };
        let r = entities(&facts(&k), &k, &opts);
        let cpython = r.entities.iter().find(|e| e.id == "technology:cpython").expect("found");
        let forms: Vec<(&str, &str, u32)> =
            cpython.forms.iter().map(|f| (f.surface.as_str(), f.rule.as_str(), f.count)).collect();
        assert_eq!(
            forms,
            [("Cpython", "case-folded", 1), ("CPython", "exact alias", 1), ("cypython", "edit distance 1 of 7", 1)]
        );
        let near = r.near_misses.as_ref().expect("explain");
        assert_eq!(near.len(), 1, "{near:?}");
        assert_eq!(
            (near[0].surface.as_str(), near[0].id.as_str(), near[0].count, near[0].places.as_slice()),
            ("jpytyhon", "technology:jython", 1, ["day1.md:5".to_string()].as_slice())
        );
        assert!(near[0].reason.contains("over the limit"));

        let mut text = Vec::new();
        write_text(&r, &mut text).expect("to memory");
        let text = String::from_utf8(text).expect("utf-8");
        assert!(text.starts_with("KIND "), "{text}");
        assert!(text.contains("    = \"cypython\" edit distance 1 of 7 [typo:1] ×1 day1.md:5"), "{text}");
        assert!(text.contains("\"jpytyhon\" resembles Jython (technology:jython): edit distance 2 of 6 is over the limit of 1 ×1 day1.md:5"), "{text}");
    }

    #[test]
    fn json_shape() {
        let k = knowledge();
        let r = entities(
            &facts(&k),
            &k,
            &EntitiesOptions { kind: Some(NodeKind::Technology), explain: false, extract: Default::default() },
        );
        let mut out = Vec::new();
        write_json(&r, &mut out).expect("to memory");
        let v: serde_json::Value = serde_json::from_slice(&out).expect("valid JSON");
        assert_eq!(v["entities"][0]["kind"], "Technology");
        assert_eq!(v["entities"][0]["id"], "technology:cpython");
        assert_eq!(v["entities"][0]["count"], 3);
        assert_eq!(v["entities"][0]["places"][1], "day1.md:5");
        assert!(v["entities"][0].get("forms").is_none());
        assert!(v.get("near_misses").is_none());
    }
}
