//! The accuracy scorer of `../shared/eval/score.py`, in Rust, rule for rule (see
//! `../shared/eval/FORMAT.md`), so `cargo test` can score the fixtures without Python:
//! talks matched one-to-one by title similarity (difflib's ratio, at least 0.8),
//! speakers as Person nodes next to a matched talk, mentions as Technology,
//! Organization and PEP nodes next to a talk, optional names neither rewarded nor
//! punished, and the event found by name with its date and the talks it reaches.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::sync::OnceLock;

use regex::Regex;
use serde_json::Value;

const MENTION_KINDS: [&str; 4] = ["technology", "organization", "organisation", "pep"];

/// Precision, recall and F1 of one category.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prf {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

fn round4(x: f64) -> f64 {
    // Python's round(): ties to even (score.py gives 0.9062 for 0.90625).
    (x * 1e4).round_ties_even() / 1e4
}

fn prf(tp: usize, fp: usize, fn_: usize) -> Prf {
    let p = if tp + fp > 0 { tp as f64 / (tp + fp) as f64 } else { 1.0 };
    let r = if tp + fn_ > 0 { tp as f64 / (tp + fn_) as f64 } else { 1.0 };
    let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    Prf { tp, fp, fn_, precision: round4(p), recall: round4(r), f1: round4(f) }
}

/// What the scorer reports.
#[derive(Debug, Clone)]
pub struct Report {
    pub talks: Prf,
    pub speakers: Prf,
    pub mentions: Prf,
    pub macro_f1: f64,
    pub event_found: bool,
    pub event_date_found: Option<bool>,
    pub talks_linked: usize,
    pub misses: Vec<String>,
    pub extras: Vec<String>,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "macro_f1={:.3} talks={:.3} speakers={:.3} mentions={:.3}",
            self.macro_f1, self.talks.f1, self.speakers.f1, self.mentions.f1
        )?;
        for m in &self.misses {
            writeln!(f, "  missed: {m}")?;
        }
        for m in &self.extras {
            writeln!(f, "  extra:  {m}")?;
        }
        Ok(())
    }
}

struct Node {
    label: String,
    kind: String,
    row: Vec<String>,
}

/// Lower-case, keep letters, digits, `+` and `#`.
fn norm(s: &str) -> String {
    s.to_lowercase()
        .replace('\u{2019}', "'")
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '+' || *c == '#')
        .collect()
}

fn title_norm(s: &str) -> String {
    static LEAD: OnceLock<Regex> = OnceLock::new();
    static OTHER: OnceLock<Regex> = OnceLock::new();
    let lead = LEAD.get_or_init(|| {
        Regex::new(r"^\s*(talk|lightning talk|lt)\s*#?\s*\d+\s*[:.\-\x{2013}\x{2014}]?\s*").expect("valid")
    });
    // Letters and digits of every script are kept, as score.py's `[^\w+#]+|_` does.
    let other = OTHER.get_or_init(|| Regex::new(r"[^\w+#]+|_").expect("valid"));
    let s = s.to_lowercase();
    let s = lead.replace(&s, "");
    let s = other.replace_all(&s, " ");
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn pep_number(text: &str) -> Option<u32> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| Regex::new(r"(?i)pep\W{0,3}0*(\d{1,4})\b").expect("valid"));
    re.captures(text).and_then(|c| c[1].parse().ok())
}

/// difflib's `find_longest_match` without junk: the longest common block, the one
/// starting earliest in `a`, then earliest in `b`.
fn longest_match(a: &[char], b: &[char], alo: usize, ahi: usize, blo: usize, bhi: usize) -> (usize, usize, usize) {
    let (mut besti, mut bestj, mut bestk) = (alo, blo, 0);
    let mut prev = vec![0usize; b.len() + 1];
    for (i, ca) in a.iter().enumerate().take(ahi).skip(alo) {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, cb) in b.iter().enumerate().take(bhi).skip(blo) {
            if ca == cb {
                let k = if j > 0 { prev[j - 1] } else { 0 } + 1;
                cur[j] = k;
                if k > bestk {
                    (besti, bestj, bestk) = (i + 1 - k, j + 1 - k, k);
                }
            }
        }
        prev = cur;
    }
    (besti, bestj, bestk)
}

/// difflib's `SequenceMatcher(None, a, b).ratio()` (no junk; autojunk only matters
/// for strings of 200 characters or more, which titles and names are not).
pub fn ratio(a: &str, b: &str) -> f64 {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let mut matched = 0;
    let mut queue = vec![(0, a.len(), 0, b.len())];
    while let Some((alo, ahi, blo, bhi)) = queue.pop() {
        let (i, j, k) = longest_match(&a, &b, alo, ahi, blo, bhi);
        if k > 0 {
            matched += k;
            if alo < i && blo < j {
                queue.push((alo, i, blo, j));
            }
            if i + k < ahi && j + k < bhi {
                queue.push((i + k, ahi, j + k, bhi));
            }
        }
    }
    2.0 * matched as f64 / (a.len() + b.len()) as f64
}

fn title_sim(a: &str, b: &str) -> f64 {
    let (a, b) = (title_norm(a), title_norm(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    if a == b {
        return 1.0;
    }
    let mut r = ratio(&a, &b);
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    if short.chars().count() >= 3 && (long.starts_with(&format!("{short} ")) || long.ends_with(&format!(" {short}"))) {
        r = r.max(0.85);
    }
    r
}

fn names_of(item: &Value) -> Vec<String> {
    if let Some(p) = item.get("pep") {
        return vec![format!("pep{p}")];
    }
    let mut out = vec![norm(item["name"].as_str().expect("a gold item has a name"))];
    out.extend(strings(item.get("aliases")).iter().map(|a| norm(a)));
    out
}

fn strings(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .map(|a| a.iter().filter_map(|x| x.as_str().map(String::from)).collect())
        .unwrap_or_default()
}

fn entity_key(node: &Node) -> String {
    if node.kind == "pep" {
        let n = pep_number(&node.label).or_else(|| node.row.first().and_then(|id| pep_number(id)));
        return n.map_or_else(|| norm(&node.label), |n| format!("pep{n}"));
    }
    norm(&node.label)
}

fn person_match(name: &str, gold_people: &[Value]) -> Option<usize> {
    let n = norm(name);
    gold_people.iter().position(|g| names_of(g).iter().any(|alias| n == *alias || ratio(&n, alias) >= 0.9))
}

fn read_graph(out: &Path) -> (BTreeMap<String, Node>, HashMap<String, BTreeSet<String>>) {
    let mut nodes = BTreeMap::new();
    let mut r = csv::Reader::from_path(out.join("nodes.csv")).expect("nodes.csv");
    let h: Vec<String> = r.headers().expect("header").iter().map(str::to_lowercase).collect();
    let col = |name: &str| h.iter().position(|x| x == name).unwrap_or_else(|| panic!("no {name} column"));
    let (i_id, i_label, i_kind) = (col("id"), col("label"), col("kind"));
    for rec in r.records() {
        let rec = rec.expect("a CSV record");
        let row: Vec<String> = rec.iter().map(String::from).collect();
        let kind = row[i_kind].split(';').next().unwrap_or("").trim().to_lowercase();
        nodes.insert(row[i_id].clone(), Node { label: row[i_label].clone(), kind, row });
    }
    let mut adj: HashMap<String, BTreeSet<String>> = HashMap::new();
    let mut r = csv::Reader::from_path(out.join("edges.csv")).expect("edges.csv");
    let h: Vec<String> = r.headers().expect("header").iter().map(str::to_lowercase).collect();
    let (i_s, i_t) =
        (h.iter().position(|x| x == "source").expect("Source"), h.iter().position(|x| x == "target").expect("Target"));
    for rec in r.records() {
        let rec = rec.expect("a CSV record");
        let (a, b) = (rec[i_s].to_string(), rec[i_t].to_string());
        if nodes.contains_key(&a) && nodes.contains_key(&b) {
            adj.entry(a.clone()).or_default().insert(b.clone());
            adj.entry(b).or_default().insert(a);
        }
    }
    (nodes, adj)
}

/// Scores the `nodes.csv` and `edges.csv` in `out` against one gold file.
pub fn score(out: &Path, gold: &Value) -> Report {
    let (nodes, adj) = read_graph(out);
    let empty = Vec::new();
    let talks_req = gold["talks"].as_array().expect("gold talks");
    let talks_opt = gold.get("optional_talks").and_then(Value::as_array).unwrap_or(&empty);
    let all_gold: Vec<&Value> = talks_req.iter().chain(talks_opt).collect();
    let talk_nodes: BTreeMap<&String, &Node> = nodes.iter().filter(|(_, n)| n.kind == "talk").collect();

    // Greedy one-to-one assignment by best title similarity >= 0.8.
    let mut cands = Vec::new();
    for (gi, g) in all_gold.iter().enumerate() {
        let mut titles = vec![g["title"].as_str().expect("a title").to_string()];
        titles.extend(strings(g.get("alt_titles")));
        for (nid, n) in &talk_nodes {
            let s = titles.iter().map(|t| title_sim(t, &n.label)).fold(f64::MIN, f64::max);
            if s >= 0.8 {
                cands.push((s, gi, (*nid).clone()));
            }
        }
    }
    cands.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut g2n: BTreeMap<usize, String> = BTreeMap::new();
    let mut used = BTreeSet::new();
    for (_, gi, nid) in cands {
        if g2n.contains_key(&gi) || used.contains(&nid) {
            continue;
        }
        used.insert(nid.clone());
        g2n.insert(gi, nid);
    }
    let n_req = talks_req.len();
    let matched_req = g2n.keys().filter(|gi| **gi < n_req).count();
    let talk_fp = talk_nodes.len() - used.len();
    let talks = prf(matched_req, talk_fp, n_req - matched_req);

    let (mut sp, mut mn) = ([0usize; 3], [0usize; 3]);
    let (mut misses, mut extras) = (Vec::new(), Vec::new());
    let none = BTreeSet::new();
    for (gi, g) in all_gold.iter().enumerate() {
        let title = g["title"].as_str().unwrap_or_default();
        let nid = g2n.get(&gi);
        let is_req = gi < n_req;
        let neigh = nid.and_then(|n| adj.get(n)).unwrap_or(&none);
        let gold_people = g["speakers"].as_array().unwrap_or(&empty);
        let mut hit = BTreeSet::new();
        for x in neigh.iter().filter(|x| nodes[*x].kind == "person") {
            match person_match(&nodes[x].label, gold_people) {
                None => {
                    sp[1] += 1;
                    extras.push(format!("speaker {:?} on {title:?}", nodes[x].label));
                }
                Some(k) => {
                    if hit.insert(k) {
                        sp[0] += 1;
                    }
                }
            }
        }
        if is_req || nid.is_some() {
            for (k, gp) in gold_people.iter().enumerate() {
                if !hit.contains(&k) {
                    sp[2] += 1;
                    misses.push(format!("speaker {} on {title:?}", gp["name"]));
                }
            }
        }
        let required = g["required"].as_array().unwrap_or(&empty);
        let req: Vec<Vec<String>> = required.iter().map(names_of).collect();
        let opt: BTreeSet<String> = g["optional"].as_array().unwrap_or(&empty).iter().flat_map(names_of).collect();
        let found: BTreeSet<String> = neigh
            .iter()
            .filter(|x| MENTION_KINDS.contains(&nodes[*x].kind.as_str()))
            .map(|x| entity_key(&nodes[x]))
            .collect();
        let mut hit = BTreeSet::new();
        for key in &found {
            let ks: Vec<usize> = req.iter().enumerate().filter(|(_, al)| al.contains(key)).map(|(k, _)| k).collect();
            if !ks.is_empty() {
                for k in ks {
                    if hit.insert(k) {
                        mn[0] += 1;
                    }
                }
            } else if !opt.contains(key) {
                mn[1] += 1;
                extras.push(format!("mention {key:?} on {title:?}"));
            }
        }
        if is_req || nid.is_some() {
            for (k, it) in required.iter().enumerate() {
                if !hit.contains(&k) {
                    mn[2] += 1;
                    let what = it.get("name").map_or_else(|| format!("PEP {}", it["pep"]), ToString::to_string);
                    misses.push(format!(
                        "mention {what} on {title:?}{}",
                        if nid.is_some() { "" } else { " (talk not found)" }
                    ));
                }
            }
        }
    }
    for (nid, n) in &talk_nodes {
        if used.contains(*nid) {
            continue;
        }
        extras.push(format!("talk {:?} matches no gold talk", n.label));
        for x in adj.get(*nid).unwrap_or(&none) {
            let k = nodes[x].kind.as_str();
            if MENTION_KINDS.contains(&k) {
                mn[1] += 1;
            } else if k == "person" {
                sp[1] += 1;
            }
        }
    }
    let speakers = prf(sp[0], sp[1], sp[2]);
    let mentions = prf(mn[0], mn[1], mn[2]);

    // The event: found by name, its date, and the talks reachable within three steps.
    let (mut event_found, mut event_date_found, mut talks_linked) = (false, None, 0);
    if let Some(ev) = gold.get("event") {
        let mut keys = vec![norm(ev["name"].as_str().unwrap_or_default())];
        keys.extend(strings(ev.get("aliases")).iter().map(|a| norm(a)));
        let events: Vec<&String> = nodes
            .iter()
            .filter(|(_, n)| {
                let l = norm(&n.label);
                n.kind == "event" && keys.iter().any(|k| l.contains(k.as_str()) || k.contains(l.as_str()))
            })
            .map(|(i, _)| i)
            .collect();
        event_found = !events.is_empty();
        let mut reach: BTreeSet<&String> = BTreeSet::new();
        let mut frontier: BTreeSet<&String> = events.iter().copied().collect();
        for _ in 0..3 {
            let mut next = BTreeSet::new();
            for x in &frontier {
                for y in adj.get(*x).unwrap_or(&none) {
                    let k = nodes[y].kind.as_str();
                    if !reach.contains(y) && !MENTION_KINDS.contains(&k) && k != "person" {
                        next.insert(y);
                    }
                }
            }
            reach.extend(next.iter().copied());
            frontier = next;
        }
        talks_linked = g2n.iter().filter(|(gi, nid)| **gi < n_req && reach.contains(nid)).count();
        event_date_found =
            ev.get("date").and_then(Value::as_str).map(|d| events.iter().any(|i| nodes[*i].row.join(",").contains(d)));
    }
    let macro_f1 = round4((talks.f1 + speakers.f1 + mentions.f1) / 3.0);
    Report { talks, speakers, mentions, macro_f1, event_found, event_date_found, talks_linked, misses, extras }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratio_is_difflibs() {
        // Values from Python's difflib.SequenceMatcher(None, a, b).ratio().
        assert_eq!(ratio("abcd", "bcde"), 0.75);
        assert!((ratio("fstrings", "fstring") - 0.9333333333333333).abs() < 1e-12);
        assert_eq!(ratio("", "abc"), 0.0);
        assert_eq!(ratio("same", "same"), 1.0);
        assert!((ratio("private thread", "private volatile thread") - 0.7567567567567568).abs() < 1e-12);
    }

    #[test]
    fn names_and_titles_normalise_as_the_scorer_does() {
        assert_eq!(norm("F-strings"), "fstrings");
        assert_eq!(norm("C++"), "c++");
        assert_ne!(norm("C++"), norm("C"));
        assert_eq!(title_norm("Talk 3: HPy — a better C API"), "hpy a better c api");
        assert_eq!(pep_number("PEP-0487: init subclass"), Some(487));
        assert_eq!(title_sim("Keynote", "Keynote: The future of Python"), 0.85);
    }
}
