//! Speakers' affiliations as organisations: each [`Affiliation`] the notes stage read
//! beside a speaker's name (`Ana Ruiz (Acme)`, `Ana Ruiz works at Acme`) becomes a
//! mention of the talk ([`Rule::Affiliation`]) and who works where. A name the lexicon
//! knows (an alias too: `PSF`) is its entry; any other is a new organisation
//! ([`Target::Organization`], `inferred`: `--no-infer` drops it, as it drops every
//! name in no lexicon).

use super::lexicon::EntryKind;
use super::text::Body;
use super::{Knowledge, Mention, Rule, Target};
use crate::notes::{Affiliation, Named, Section};

/// The target an affiliation's name stands for: its lexicon entry, or a new
/// organisation; `None` for a topic (`Open Source` is nobody's employer).
fn target(k: &Knowledge, name: &str) -> Option<Target> {
    match k.lexicon.find(name) {
        Some(id) if k.lexicon.entry(id).kind == EntryKind::Topic => None,
        Some(id) => Some(Target::Entry(id)),
        None => Some(Target::Organization(name.to_string())),
    }
}

/// Adds to `found` (mentions at their offsets in `body`) a mention of each affiliation
/// of `s` not found on its line already, and drops a technology inferred from the
/// same words (`iFood` is a company here, not a CamelCase tool). Gives each
/// affiliation with its target, for [`of_speakers`].
pub(super) fn mentions<'s>(
    k: &Knowledge,
    s: &'s Section<'_>,
    body: &Body<'_>,
    found: &mut Vec<(usize, Mention)>,
) -> Vec<(&'s Affiliation, Target)> {
    let mut out = Vec::with_capacity(s.affiliations.len());
    for a in &s.affiliations {
        let Some(t) = target(k, &a.name) else { continue };
        found.retain(|(_, m)| {
            !(m.line == a.line && matches!(&m.target, Target::Unlisted(n) if a.name.contains(n.as_str())))
        });
        if !found.iter().any(|(_, m)| m.line == a.line && m.target == t) {
            // At its line's start when the body holds the line, else before the body.
            let i = a.line.checked_sub(body.line_no(0)).map(|i| i as usize).filter(|&i| i < body.line_count());
            let at = i.map_or(0, |i| body.line_start(i));
            found.push((
                at,
                Mention { target: t.clone(), surface: a.name.clone(), line: a.line, rule: Rule::Affiliation },
            ));
        }
        out.push((a, t));
    }
    out
}

/// Who works where: each affiliation's speakers (by their names in `speakers`, as the
/// user's merges left them) and its organisation, when the talk still mentions it
/// (`--min-confidence` and `--no-infer` may have dropped it). Only organisations: a
/// technology of the lexicon named as an affiliation is a mention, not an employer.
pub(super) fn of_speakers(
    k: &Knowledge,
    affiliated: Vec<(&Affiliation, Target)>,
    speakers: &[Named],
    mentions: &[Mention],
) -> Vec<(String, Target)> {
    let key = |n: &str| crate::ids::slug(&crate::ids::fold_diacritics(n));
    let mut out: Vec<(String, Target)> = Vec::new();
    for (a, t) in affiliated {
        let organisation = match t {
            Target::Organization(_) => true,
            Target::Entry(id) => k.lexicon.entry(id).kind == EntryKind::Organization,
            _ => false,
        };
        if !organisation || !mentions.iter().any(|m| m.target == t) {
            continue;
        }
        for p in &a.people {
            if let Some(sp) = speakers.iter().find(|sp| key(&sp.name) == key(p)) {
                let pair = (sp.name.clone(), t.clone());
                if !out.contains(&pair) {
                    out.push(pair);
                }
            }
        }
    }
    out
}
