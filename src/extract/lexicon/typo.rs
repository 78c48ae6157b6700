//! Typos: the words no name covers, resolved to the lexicon name they misspell
//! through a SymSpell-style deletion index, with guards against ordinary words.

use super::compile::{allowed_distance, variants};
use super::index::word_end;
use super::matcher::{Matcher, WordCache};
use super::words::is_near_word;
use super::{EntryId, Lexicon};
use crate::extract::text::{is_common_form, near_common_word, Body};
use crate::extract::{Mention, NearMiss, Rule, Target};

impl Lexicon {
    /// Resolves as typos the words no name covered whose verdicts say something
    /// (`words`, from [`Matcher::scan_words`], verdicts in `cache`): the place decides
    /// which verdict applies and whether the word is skipped (in a URL or code, or
    /// beside a person's name).
    pub(super) fn typos(
        &self,
        body: &Body<'_>,
        words: &[(usize, u32)],
        cache: &WordCache,
        out: &mut Vec<(usize, Mention)>,
        near: &mut Vec<NearMiss>,
    ) {
        let text = body.text;
        for &(start, verdict) in words {
            let (plain, capital_verdict) = &cache.verdicts[verdict as usize - 1];
            let end = word_end(text, start);
            let word = &text[start..end];
            if body.in_url(start) || body.in_code(start) {
                continue;
            }
            let capital = word.starts_with(char::is_uppercase);
            if capital && self.beside_a_name(text, start, end) {
                // `Tyler Mandry`: a first or last name, not a typo of Typer.
                continue;
            }
            let capital_mid_sentence = capital && !body.is_sentence_start(start);
            let line = body.line_no(start);
            let (entry, rule) = match if capital_mid_sentence { capital_verdict } else { plain } {
                Typo::None => continue,
                Typo::Near(entry, reason) => {
                    near.push(NearMiss { surface: word.to_string(), entry: *entry, reason: reason.clone(), line });
                    continue;
                }
                &Typo::Inflected(entry) => (entry, Rule::Inflected),
                &Typo::Match { entry, distance, of } => (entry, Rule::EditDistance { distance, of }),
            };
            out.push((start, Mention { target: Target::Entry(entry), surface: word.to_string(), line, rule }));
        }
    }
}

#[derive(Debug, Clone)]
pub(super) enum Typo {
    None,
    Near(EntryId, String),
    Match {
        entry: EntryId,
        distance: u8,
        of: u8,
    },
    /// A name with a case ending of Polish or Czech ([`super::Lexicon::inflected`]).
    Inflected(EntryId),
}

/// The case endings of Polish and Czech a name takes (`Prometheusa`, `Pythonie`,
/// `Dockerze`, `Pactem`, `Kubernetesu`), and what ending the name has in their place:
/// none, or the `a` of a feminine name (`Grafanie`, `Grafaną`, `Javy` for Grafana,
/// Java). Longest first.
const CASE_ENDINGS: &[(&str, &str)] = &[
    ("owi", ""),
    ("ach", ""),
    ("ami", ""),
    ("em", ""),
    ("ie", ""),
    ("ie", "a"),
    ("ze", ""),
    ("om", ""),
    ("u", ""),
    ("a", ""),
    ("y", "a"),
    ("ą", "a"),
    ("ę", "a"),
];

impl super::Lexicon {
    /// The entry `word` names with a case ending of Polish or Czech ([`CASE_ENDINGS`]):
    /// a capitalised name of four letters or more, not in capitals, whose capital is a
    /// sign of it (not `strict`), the word capitalised and no common word (`Rusty` is a
    /// word; `Gita` no Git, three letters); and whether the name is ambiguous (then the
    /// word counts only capitalised mid-sentence, as the name itself would).
    pub(super) fn inflected(&self, word: &str) -> Option<(EntryId, bool)> {
        let first = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
        // (Most words are in lower case: told before any copy is made.)
        if !first(word) {
            return None;
        }
        let lower = word.to_lowercase();
        if is_common_form(&lower) {
            return None;
        }
        CASE_ENDINGS.iter().find_map(|(end, name_end)| {
            let stem = lower.strip_suffix(end)?;
            if stem.chars().count() + name_end.chars().count() < 4 {
                return None;
            }
            let e = self.find(&format!("{stem}{name_end}"))?;
            let entry = self.entry(e);
            // (A proper name, capitalised as the word is: `nostra` is no Nostr, nor
            // `cuida` the package cuid. A name in capitals takes its ending after a
            // hyphen, `CORS-a`: `Corsa` is a word.)
            let capitals = !entry.name.chars().any(char::is_lowercase);
            (!entry.strict && !capitals && first(&entry.name)).then_some((e, entry.ambiguous))
        })
    }
}

impl Matcher {
    /// Resolves a word not found exactly (lower case) to the name it is a typo of, if
    /// any: its verdicts written as it is and capitalised mid-sentence.
    pub(super) fn typo(&self, lower: String) -> (Typo, Typo) {
        // An ordinary word is neither a typo nor worth a near miss; capitalised
        // mid-sentence, it may be a name (`at Block`), so it goes on to say why not.
        // (Checked first: most words of the prose stop here, cheaply.)
        // (A word of one of the eight languages close to a name, `jupiter`, `straße`,
        // is that word.) Any other word has one verdict, wherever it is.
        let common = is_common_form(&lower) || is_near_word(&lower);
        let verdict = self.resolve(lower, common);
        if common {
            (Typo::None, verdict)
        } else {
            (verdict.clone(), verdict)
        }
    }

    /// The typo verdict of a word (lower case), `common` if it is an ordinary word.
    fn resolve(&self, lower: String, common: bool) -> Typo {
        let mut forms = vec![lower.clone()];
        if lower.ends_with('s') && lower.chars().count() >= 6 {
            forms.push(lower[..lower.len() - 1].to_string());
        }
        // (distance, name index) of every name within distance 2 of a form.
        let mut found: Vec<(usize, u32)> = Vec::new();
        let mut cands: Vec<u32> = Vec::new();
        for f in &forms {
            cands.clear();
            // Two deletions of the word find two insertions or two substitutions:
            // typos of names of 9 letters or more, and near misses (`jpytyhon`).
            variants(f, f.chars().count() >= 7, |h| self.deletions_of(h, |i| cands.push(i)));
            cands.sort_unstable();
            cands.dedup();
            for &c in &cands {
                let d = strsim::osa_distance(f, self.typo_name(c).0);
                if (1..=2).contains(&d) {
                    found.push((d, c));
                }
            }
        }
        if found.is_empty() {
            return Typo::None;
        }
        let first = |name: &str| name.chars().next().map(|c| c.to_lowercase().collect::<String>());
        // Closest first; at one distance, names with the word's first letter first.
        found.sort_unstable_by_key(|&(d, c)| (d, first(self.typo_name(c).0) != first(&lower), c));
        found.dedup();

        let mut accepted: Vec<(usize, u32)> = Vec::new();
        let mut rejected: Option<(u32, String)> = None;
        for &(d, c) in &found {
            let (name, entry, len) = self.typo_name(c);
            // Ok: accepted; Err(Some(why)): a near miss; Err(None): not worth one (an
            // ordinary word, or a distance far over the limit of a short name).
            let verdict: Result<(), Option<String>> = if d > allowed_distance(len as usize) {
                if common || len < 6 {
                    Err(None)
                } else {
                    Err(Some(format!(
                        "edit distance {d} of {len} is over the limit of {}",
                        allowed_distance(len as usize)
                    )))
                }
            } else if first(name) != first(&lower) {
                Err((!common).then(|| "does not start with the same letter".to_string()))
            } else if common {
                Err(Some("an ordinary English word".to_string()))
            } else {
                Ok(())
            };
            match verdict {
                Ok(()) => accepted.push((d, c)),
                Err(Some(r)) => {
                    if rejected.is_none() {
                        rejected = Some((entry, r));
                    }
                }
                Err(None) => {}
            }
        }
        if let Some(&(d, c)) = accepted.first() {
            let (name, entry, of) = self.typo_name(c);
            if let Some(w) = forms.iter().find_map(|f| near_common_word(f, name)) {
                return Typo::Near(entry, format!("as close to the ordinary word {w:?}"));
            }
            let rival = accepted.iter().find(|&&(d2, c2)| d2 == d && self.typo_name(c2).1 != entry);
            if let Some(&(_, c2)) = rival {
                return Typo::Near(entry, format!("as close to {:?} as to {:?}", name, self.typo_name(c2).0));
            }
            return Typo::Match { entry, distance: d as u8, of };
        }
        match rejected {
            Some((entry, reason)) => Typo::Near(entry, reason),
            None => Typo::None,
        }
    }
}
