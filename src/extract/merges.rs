//! Merges the user controls, from the same `talkgraph.toml` as the user's lexicon:
//!
//! ```toml
//! same = [["Mark Shannon", "Mark S."], ["Kubernetes", "kube"]]  # one entity: the first name is kept
//! never = [["Pydantic", "Pedantic"], ["rich"]]                  # a pair never merged; a word never linked
//! ignore = ["Keynote", "Ada Lovelace"]                          # no entity in my notes
//! ```
//!
//! - `same`: every name of a group is one entity, shown by the group's first name:
//!   two spellings of a technology (a mention of `kube` links to Kubernetes, a lexicon
//!   name when it is one), or two spellings of a person (a speaker written `Mark S.`
//!   is Mark Shannon).
//! - `never`: a pair is never merged: a mention written as one name is not linked to
//!   the entity named by the other (a typo, an alias or a case-folded name); a single
//!   name is a word never linked, whatever it would have matched.
//! - `ignore`: a name that is no entity: no mention of the entity it names, whatever
//!   its spelling, and no speaker of that name.
//!
//! Names are compared ignoring case and runs of spaces. Each rule keeps the file and
//! line it was written on, which `entities --explain` shows for what it merged.

use std::collections::HashMap;
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;

use super::lexicon::{Lexicon, LexiconError};
use super::{Mention, Rule, Target};
use crate::notes::Named;

/// Which key a rule was written under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MergeKind {
    /// `same`: one entity.
    Same,
    /// `never`: never merged, or never linked.
    Never,
    /// `ignore`: no entity.
    Ignore,
}

impl MergeKind {
    /// The key's name.
    pub fn name(self) -> &'static str {
        match self {
            MergeKind::Same => "same",
            MergeKind::Never => "never",
            MergeKind::Ignore => "ignore",
        }
    }
}

/// One rule of a user's file, with where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeRule {
    /// The key it was written under.
    pub kind: MergeKind,
    /// Its names, as written (the first of a `same` group is the one kept).
    pub names: Vec<String>,
    /// The file.
    pub file: Arc<str>,
    /// 1-based line.
    pub line: usize,
}

impl std::fmt::Display for MergeRule {
    /// `same (talkgraph.toml:3)`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({}:{})", self.kind.name(), self.file, self.line)
    }
}

/// The user's merges: every rule, and the names each applies to.
#[derive(Debug, Clone, Default)]
pub struct Merges {
    rules: Vec<MergeRule>,
    /// Name key -> the `same` rule whose group holds it.
    same: HashMap<String, usize>,
    /// (name key, name key) of each `never` pair, both ways -> its rule.
    never_pairs: HashMap<(String, String), usize>,
    /// Name key of each word never linked -> its rule.
    never_words: HashMap<String, usize>,
    /// Name key of each name that is no entity -> its rule.
    ignore: HashMap<String, usize>,
}

/// `never` takes a pair or a single name.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum OneOrMore {
    One(String),
    More(Vec<String>),
}

#[derive(Debug, Deserialize)]
struct RawMerges {
    #[serde(default)]
    same: Vec<Spanned<Vec<String>>>,
    #[serde(default)]
    never: Vec<Spanned<OneOrMore>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
}

/// The form names are compared in: lower case, runs of spaces as one, no dot ending a
/// word (`Mark S.` and `Mark S` are one spelling).
fn name_key(s: &str) -> String {
    let words: Vec<String> =
        super::lexicon::name_key(s).split(' ').map(|w| w.trim_end_matches('.').to_string()).collect();
    words.join(" ").trim().to_string()
}

impl Merges {
    /// Reads the `same`, `never` and `ignore` keys of a user's file (its other keys are
    /// the lexicon's); `origin` names it in errors and in `--explain`. A `same` group
    /// needs two names or more, a `never` item one or two, and a name may be in one
    /// `same` group only.
    pub fn from_toml(text: &str, origin: &str) -> Result<Merges, LexiconError> {
        let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
        let err = |line: usize, message: String| LexiconError { origin: origin.to_string(), line, column: 1, message };
        let raw: RawMerges = toml::from_str(text).map_err(|e| {
            let line = e.span().map_or(1, |s| line_of(s.start));
            err(line, e.message().trim().to_string())
        })?;
        let file: Arc<str> = origin.into();
        let mut m = Merges::default();
        let add = |m: &mut Merges, kind: MergeKind, names: Vec<String>, line: usize| -> Result<usize, LexiconError> {
            if let Some(empty) = names.iter().find(|n| name_key(n).is_empty()) {
                return Err(err(line, format!("empty name {empty:?} in `{}`", kind.name())));
            }
            m.rules.push(MergeRule { kind, names, file: file.clone(), line });
            Ok(m.rules.len() - 1)
        };
        for group in raw.same {
            let line = line_of(group.span().start);
            let names = group.into_inner();
            if names.len() < 2 {
                return Err(err(line, "a `same` group needs two names or more".into()));
            }
            let i = add(&mut m, MergeKind::Same, names.clone(), line)?;
            for n in &names {
                if let Some(&other) = m.same.get(&name_key(n)).filter(|&&o| o != i) {
                    let at = m.rules[other].line;
                    return Err(err(line, format!("{n:?} is already in the `same` group of line {at}")));
                }
                m.same.insert(name_key(n), i);
            }
        }
        for item in raw.never {
            let line = line_of(item.span().start);
            let names = match item.into_inner() {
                OneOrMore::One(n) => vec![n],
                OneOrMore::More(v) => v,
            };
            let i = match names.len() {
                1 | 2 => add(&mut m, MergeKind::Never, names.clone(), line)?,
                _ => return Err(err(line, "a `never` item is one name (never linked) or two (never merged)".into())),
            };
            match names.as_slice() {
                [one] => {
                    m.never_words.insert(name_key(one), i);
                }
                [a, b] => {
                    m.never_pairs.insert((name_key(a), name_key(b)), i);
                    m.never_pairs.insert((name_key(b), name_key(a)), i);
                }
                _ => unreachable!("checked above"),
            }
        }
        for name in raw.ignore {
            let line = line_of(name.span().start);
            let n = name.into_inner();
            let i = add(&mut m, MergeKind::Ignore, vec![n.clone()], line)?;
            m.ignore.insert(name_key(&n), i);
        }
        Ok(m)
    }

    /// Adds the rules of another file (read after this one).
    pub fn extend(&mut self, other: Merges) {
        let base = self.rules.len();
        self.rules.extend(other.rules);
        self.same.extend(other.same.into_iter().map(|(k, v)| (k, v + base)));
        self.never_pairs.extend(other.never_pairs.into_iter().map(|(k, v)| (k, v + base)));
        self.never_words.extend(other.never_words.into_iter().map(|(k, v)| (k, v + base)));
        self.ignore.extend(other.ignore.into_iter().map(|(k, v)| (k, v + base)));
    }

    /// Whether there is no rule.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Every rule, in the order read.
    pub fn rules(&self) -> &[MergeRule] {
        &self.rules
    }

    /// Rule number `i` (as in [`Rule::User`]).
    pub fn rule(&self, i: u32) -> Option<&MergeRule> {
        self.rules.get(i as usize)
    }

    /// Applies the rules to one talk's mentions (each with its offset), before they are
    /// de-duplicated: drops what `ignore` and `never` exclude, and links what `same`
    /// joins to the group's first name (a lexicon entry when it names one), the
    /// mention's rule then being the user's.
    pub fn apply_to_mentions(&self, lexicon: &Lexicon, mentions: &mut Vec<(usize, Mention)>) {
        if self.is_empty() {
            return;
        }
        let target_name = |t: &Target| match t {
            Target::Entry(id) => Some(name_key(&lexicon.entry(*id).name)),
            Target::Unlisted(n) | Target::Organization(n) => Some(name_key(n)),
            Target::Pep(_) | Target::PythonVersion(_) => None,
        };
        mentions.retain_mut(|(_, m)| {
            let surface = name_key(&m.surface);
            let Some(target) = target_name(&m.target) else { return !self.ignore.contains_key(&surface) };
            // The entity: ignored by any of its names, or by the name written.
            let ignored = self.ignore.contains_key(&target)
                || self.ignore.contains_key(&surface)
                || matches!(&m.target, Target::Entry(id)
                    if lexicon.entry(*id).names().any(|n| self.ignore.contains_key(&name_key(n))));
            if ignored || self.never_words.contains_key(&surface) {
                return false;
            }
            if surface != target && self.never_pairs.contains_key(&(surface.clone(), target.clone())) {
                return false;
            }
            let group = self.same.get(&surface).or_else(|| self.same.get(&target));
            if let Some(&i) = group {
                let first = &self.rules[i].names[0];
                let new = match lexicon.find(first) {
                    Some(id) => Target::Entry(id),
                    None => Target::Unlisted(first.clone()),
                };
                if new != m.target {
                    m.target = new;
                    m.rule = Rule::User { rule: i as u32 };
                }
            }
            true
        });
    }

    /// Applies the rules to one talk's speakers: drops those `ignore` names, renames
    /// those a `same` group holds to its first name, and keeps one of each.
    pub fn apply_to_speakers(&self, speakers: &mut Vec<Named>) {
        if self.is_empty() {
            return;
        }
        speakers.retain_mut(|s| {
            let key = name_key(&s.name);
            if self.ignore.contains_key(&key) {
                return false;
            }
            if let Some(&i) = self.same.get(&key) {
                s.name.clone_from(&self.rules[i].names[0]);
            }
            true
        });
        let mut seen = std::collections::HashSet::new();
        speakers.retain(|s| seen.insert(name_key(&s.name)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_key_with_its_line() {
        let m = Merges::from_toml(
            "same = [[\"Mark Shannon\", \"Mark S.\"]]\n\nnever = [[\"Pydantic\", \"Pedantic\"], \"rich\"]\nignore = [\"Keynote\"]\n",
            "t.toml",
        )
        .expect("valid");
        let got: Vec<String> = m.rules().iter().map(|r| format!("{r} {:?}", r.names)).collect();
        assert_eq!(
            got,
            [
                "same (t.toml:1) [\"Mark Shannon\", \"Mark S.\"]",
                "never (t.toml:3) [\"Pydantic\", \"Pedantic\"]",
                "never (t.toml:3) [\"rich\"]",
                "ignore (t.toml:4) [\"Keynote\"]",
            ]
        );
    }

    #[test]
    fn bad_rules_are_errors_at_their_line() {
        for (text, line, says) in [
            ("same = [[\"a\"]]", 1, "two names"),
            ("\nnever = [[\"a\", \"b\", \"c\"]]", 2, "one name"),
            ("same = [[\"a\", \"b\"],\n  [\"B\", \"c\"]]", 2, "already"),
            ("ignore = [\" \"]", 1, "empty"),
            ("ignore = \"x\"", 1, "sequence"),
        ] {
            let e = Merges::from_toml(text, "t.toml").expect_err(text);
            assert_eq!(e.line, line, "{text}: {e}");
            assert!(e.message.contains(says), "{text}: {e}");
        }
    }
}
