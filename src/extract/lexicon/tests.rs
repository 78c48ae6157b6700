//! Tests of the lexicon: loading and validation, matching on word boundaries,
//! ambiguous names in context, typos and their guards.

use super::index::{hit_may_start, WordMap};
use super::*;
use crate::extract::text::{is_word_char, Patterns};
use std::collections::HashSet;

const TEST_LEXICON: &str = r#"
[[entry]]
name = "Python"
kind = "technology"
category = "language"
aliases = ["python3"]

[[entry]]
name = "CPython"
kind = "technology"
category = "implementation"

[[entry]]
name = "Cython"
kind = "technology"
category = "language"

[[entry]]
name = "Jython"
kind = "technology"
category = "implementation"

[[entry]]
name = "GraalPy"
kind = "technology"
category = "implementation"

[[entry]]
name = "ChatGPT"
kind = "technology"
category = "service"

[[entry]]
name = "psutil"
kind = "technology"
category = "library"

[[entry]]
name = "Pydantic"
kind = "technology"
category = "library"

[[entry]]
name = "Django"
kind = "technology"
category = "framework"

[[entry]]
name = "Ollama"
kind = "technology"
category = "tool"

[[entry]]
name = "Llama"
kind = "technology"
category = "model"
aliases = ["Llama 2"]

[[entry]]
name = "Block"
kind = "organization"
category = "company"

[[entry]]
name = "systemd"
kind = "technology"
category = "tool"

[[entry]]
name = "Black"
kind = "technology"
category = "tool"
ambiguous = true
clues = ["formatter", "code style"]

[[entry]]
name = "Behave"
kind = "technology"
category = "testing"
ambiguous = true
clues = ["bdd", "gherkin"]

[[entry]]
name = "Cucumber"
kind = "technology"
category = "testing"

[[entry]]
name = "Rust"
kind = "technology"
category = "language"
aliases = ["rustlang"]
ambiguous = true
clues = ["cargo", "crate"]

[[entry]]
name = "AWS Lambda"
kind = "technology"
category = "service"
aliases = ["Lambda"]
ambiguous = true
clues = ["serverless"]

[[entry]]
name = "Flask"
kind = "technology"
category = "framework"
ambiguous = true

[[entry]]
name = "C"
kind = "technology"
category = "language"
case = "sensitive"
ambiguous = true

[[entry]]
name = "C++"
kind = "technology"
category = "language"

[[entry]]
name = "C#"
kind = "technology"
category = "language"

[[entry]]
name = ".NET"
kind = "technology"
category = "framework"

[[entry]]
name = "Node.js"
kind = "technology"
category = "runtime"

[[entry]]
name = "AWS"
kind = "organization"
category = "company"

[[entry]]
name = "GitHub"
kind = "organization"
category = "company"
case = "insensitive"

[[entry]]
name = "Kubernetes"
kind = "technology"
category = "tool"

[[entry]]
name = "Prodigy"
kind = "technology"
category = "tool"

[[entry]]
name = "Typer"
kind = "technology"
category = "library"
"#;

fn lex() -> Lexicon {
    Lexicon::from_toml(TEST_LEXICON, "test.toml").expect("valid test lexicon")
}

/// (name, surface, rule) of every mention in `text`.
fn found(lex: &Lexicon, text: &str) -> Vec<(String, String, Rule)> {
    let mut out = Vec::new();
    let mut near = Vec::new();
    lex.find_mentions(text, 1, &Patterns::new(), &mut out, &mut near);
    out.into_iter()
        .map(|m| match m.target {
            Target::Entry(id) => (lex.entry(id).name.clone(), m.surface, m.rule),
            other => panic!("unexpected {other:?}"),
        })
        .collect()
}

fn names(text: &str) -> Vec<String> {
    let lex = lex();
    let mut v: Vec<String> = found(&lex, text).into_iter().map(|(n, _, _)| n).collect();
    v.dedup();
    v
}

#[test]
fn exact_matches_on_word_boundaries() {
    let cases: &[(&str, &[&str])] = &[
        ("How are we making Cpython faster", &["CPython"]),
        ("GraalPY is faster", &["GraalPy"]),
        ("Compared to C++ whch is 32", &["C++"]),
        ("C# and .NET and Node.js, also C++.", &["C#", ".NET", "Node.js", "C++"]),
        ("ASP.NET is not .NET alone", &[".NET"]),
        ("Pythonic code, CPythons, xpython", &[]),
        ("python3.11 is python3", &["Python"]),
        ("on GitHub.com/hpyproject/hpy", &["GitHub"]),
        ("llama 2 and Llama", &["Llama"]),
        ("Kubernetes_config is not it", &[]),
        ("sentence-kubernetes is a package, Python-based is fine", &["Python"]),
    ];
    for (text, want) in cases {
        assert_eq!(names(text), *want, "{text:?}");
    }
}

#[test]
fn longest_name_falls_back_to_shorter_on_boundary() {
    // `AWS Lambdas` fails the boundary after `Lambda`; `AWS` alone still matches.
    assert_eq!(names("AWS Lambdas are serverless"), ["AWS"]);
    // A longer name whose end would fall inside a character of the text (`“`, three
    // bytes) is not written there.
    assert_eq!(found(&lex(), "AWS Lamb\u{201c} and AWS Lambd\u{e9}").len(), 2);
}

#[test]
fn rules_exact_and_case_folded() {
    let lex = lex();
    let got = found(&lex, "CPython and cpython");
    assert_eq!(got[0].2, Rule::Exact);
    assert_eq!(got[1].2, Rule::CaseFolded);
}

#[test]
fn case_sensitive_names() {
    assert_eq!(names("Java and C just need one read"), ["C"]);
    assert!(names("plan c is fine and see c.").is_empty());
}

#[test]
fn ambiguous_names_need_context() {
    let cases: &[(&str, &[&str])] = &[
        ("I like black coffee", &[]),
        ("Question: Python code formatters\n\nBlack was built on the old parser.", &["Python", "Black"]),
        ("Black was built on the old parser.", &[]),
        ("We format with Black every day", &["Black"]),
        ("run `black` on it", &["Black"]),
        ("```\npip install black\n```", &["Black"]),
        ("```\nimport flask\n```", &["Flask"]),
        ("rust on the bike", &[]),
        ("Rust on the bike", &[]),
        ("rust and cargo build", &["Rust"]),
        ("Behave for behavior driven tests at integration level. Or cucumber for example", &["Behave", "Cucumber"]),
        ("Lambda x:x", &[]),
        ("`lambda x: x`", &[]),
        ("AWS lambda loves python 3.11\n\nYou can run lambda from inside ECR", &["AWS Lambda", "Python", "AWS Lambda"]),
        ("rustlang is not the word", &["Rust"]),
        ("change a lambda function", &[]),
    ];
    for (text, want) in cases {
        assert_eq!(names(text), *want, "{text:?}");
    }
}

#[test]
fn ambiguous_rejections_are_near_misses() {
    let lex = lex();
    let mut out = Vec::new();
    let mut near = Vec::new();
    lex.find_mentions("black coffee", 3, &Patterns::new(), &mut out, &mut near);
    assert!(out.is_empty());
    assert_eq!(near.len(), 1);
    assert_eq!(near[0].surface, "black");
    assert_eq!(near[0].line, 3);
    assert!(near[0].reason.contains("ambiguous"), "{}", near[0].reason);
}

#[test]
fn typos_found() {
    let lex = lex();
    let cases: &[(&str, &str, Rule)] = &[
        ("than cypython", "CPython", Rule::EditDistance { distance: 1, of: 7 }),
        ("ChaptGPT can write", "ChatGPT", Rule::EditDistance { distance: 1, of: 7 }),
        ("including psuitils, pillow", "psutil", Rule::EditDistance { distance: 1, of: 6 }),
        ("Pydanitc models", "Pydantic", Rule::EditDistance { distance: 1, of: 8 }),
        ("Djnago views", "Django", Rule::EditDistance { distance: 1, of: 6 }),
        ("Kuberentes cluster", "Kubernetes", Rule::EditDistance { distance: 1, of: 10 }),
        ("Kubrnetis cluster", "Kubernetes", Rule::EditDistance { distance: 2, of: 10 }),
        ("prodicy is cool", "Prodigy", Rule::EditDistance { distance: 1, of: 7 }),
        ("Using Djnago With Celery", "Django", Rule::EditDistance { distance: 1, of: 6 }),
        ("a CLI in Tyepr", "Typer", Rule::EditDistance { distance: 1, of: 5 }),
    ];
    for (text, want, rule) in cases {
        let got = found(&lex, text);
        assert_eq!(got.len(), 1, "{text:?}: {got:?}");
        assert_eq!((got[0].0.as_str(), got[0].2), (*want, *rule), "{text:?}");
    }
}

#[test]
fn typo_guards() {
    let lex = lex();
    let cases: &[(&str, &str)] = &[
        ("Llama is a model", "Llama"),
        ("the black box", "black"),
        ("predict future behavior", "behavior"),
        ("the stator the art", "stator"),
        ("a graph of the system", "system"),
        ("the network", "network"),
        ("jpytyhon", "jpytyhon"),
        ("Blocks of code", "Blocks"),
        ("I talked to Tyler Mandry about it", "Tyler"),
    ];
    for (text, word) in cases {
        let got: Vec<_> = found(&lex, text).into_iter().filter(|(_, s, _)| s == word).collect();
        assert!(got.iter().all(|(_, _, r)| !matches!(r, Rule::EditDistance { .. })), "{text:?}: {got:?}");
    }
    // Guarded words near a name are near misses, with the reason.
    let mut out = Vec::new();
    let mut near = Vec::new();
    lex.find_mentions(
        "the system and jpytyhon. System is, we said, a System",
        1,
        &Patterns::new(),
        &mut out,
        &mut near,
    );
    assert!(out.is_empty(), "{out:?}");
    let reasons: Vec<(&str, &str)> = near.iter().map(|n| (n.surface.as_str(), n.reason.as_str())).collect();
    assert_eq!(reasons.iter().filter(|r| **r == ("System", "an ordinary English word")).count(), 1, "{reasons:?}");
    assert!(!reasons.iter().any(|(s, _)| *s == "system"), "lower-case ordinary words are no near misses: {reasons:?}");
    assert!(reasons.iter().any(|(s, r)| *s == "jpytyhon" && r.contains("over the limit")), "{reasons:?}");
}

#[test]
fn load_errors_have_positions() {
    let dup = "[[entry]]\nname = \"A\"\nkind = \"technology\"\ncategory = \"tool\"\naliases = [\"x  y\"]\n\n[[entry]]\nname = \"B\"\nkind = \"technology\"\ncategory = \"tool\"\naliases = [\"b\", \"X Y\"]\n";
    let e = Lexicon::from_toml(dup, "dup.toml").expect_err("duplicate alias");
    assert_eq!((e.line, e.column), (11, 17), "{e}");
    assert!(e.message.contains("\"A\""), "{e}");
    assert!(e.to_string().starts_with("dup.toml:11:17:"), "{e}");

    let unknown = "[[entry]]\nname = \"A\"\nkind = \"technology\"\ncategory = \"tool\"\ncolour = \"red\"\n";
    let e = Lexicon::from_toml(unknown, "u.toml").expect_err("unknown field");
    assert_eq!(e.line, 5, "{e}");

    let kind = "[[entry]]\nname = \"A\"\nkind = \"gadget\"\ncategory = \"tool\"\n";
    let e = Lexicon::from_toml(kind, "k.toml").expect_err("bad kind");
    assert_eq!(e.line, 3, "{e}");

    let case = "[[entry]]\nname = \"A\"\nkind = \"technology\"\ncategory = \"tool\"\ncase = \"upper\"\n";
    let e = Lexicon::from_toml(case, "c.toml").expect_err("bad case");
    assert_eq!((e.line, e.column), (5, 8), "{e}");

    // A missing field is reported at the line of its entry, not at 1:1.
    let missing = "[[entry]]\nname = \"A\"\nkind = \"technology\"\ncategory = \"tool\"\n\n# B\n[[entry]]\nname = \"B\"\nkind = \"technology\"\n";
    let e = Lexicon::from_toml(missing, "m.toml").expect_err("no category");
    assert_eq!((e.line, e.column), (7, 1), "{e}");
    assert!(e.message.contains("category"), "{e}");

    // A Wikidata id is checked, not dropped in silence: `Q` and digits, at its entry.
    let entry = |q: &str| {
        format!("# x\n[[entry]]\nname = \"A\"\nkind = \"technology\"\ncategory = \"tool\"\nwikidata = \"{q}\"\n")
    };
    for bad in ["28865", "Q", "Q0123", "Q28865x", "https://www.wikidata.org/wiki/Q28865"] {
        let e = Lexicon::from_toml(&entry(bad), "w.toml").expect_err(bad);
        assert_eq!((e.line, e.column), (2, 1), "{bad}: {e}");
        assert!(e.message.contains("Wikidata"), "{e}");
    }
    assert!(Lexicon::from_toml(&entry("Q28865"), "w.toml").is_ok());
}

#[test]
fn user_lexicon_overrides_and_adds() {
    let mut lex = lex();
    let user = Lexicon::from_toml(
        "[[entry]]\nname = \"black\"\nkind = \"technology\"\ncategory = \"tool\"\naliases = [\"psf/black\"]\n\n[[entry]]\nname = \"Polars\"\nkind = \"technology\"\ncategory = \"library\"\naliases = [\"lambda\"]\n",
        "talkgraph.toml",
    )
    .expect("valid");
    let before = lex.entries().len();
    lex.extend(user).expect("no collision");
    assert_eq!(lex.entries().len(), before + 1);
    let black = lex.find("Black").expect("still there");
    assert!(!lex.entry(black).ambiguous, "the user's entry replaced it");
    assert_eq!(lex.find("psf/black"), Some(black));
    // `lambda` moved from AWS Lambda to the user's entry.
    assert_eq!(lex.entry(lex.find("lambda").expect("moved")).name, "Polars");
    assert_eq!(names_in(&lex, "formatted by psf/black"), ["black"]);

    let clash = Lexicon::from_toml(
        "[[entry]]\nname = \"Mine\"\nkind = \"technology\"\ncategory = \"tool\"\naliases = [\"django\"]\n",
        "mine.toml",
    )
    .expect("valid alone");
    let e = lex.extend(clash).expect_err("alias is another entry's name");
    assert!(e.message.contains("Mine") && e.message.contains("Django"), "{e}");
    assert_eq!((e.origin.as_str(), e.line), ("mine.toml", 5));
}

fn names_in(lex: &Lexicon, text: &str) -> Vec<String> {
    found(lex, text).into_iter().map(|(n, _, _)| n).collect()
}

#[test]
fn builtin_lexicon_loads_without_duplicates() {
    // Each source passes the check a user's file passes (build.rs runs it too).
    let mut sources = 0;
    for f in std::fs::read_dir("data/lexicon").expect("data/lexicon/") {
        let path = f.expect("readable").path();
        let text = std::fs::read_to_string(&path).expect("readable");
        Lexicon::from_toml(&text, &path.display().to_string()).unwrap_or_else(|e| panic!("{e}"));
        sources += 1;
    }
    assert!(sources > 10, "{sources} sources");
    let lex = Lexicon::builtin();
    assert_eq!(Lexicon::builtin_source(0).map(|(f, l)| (f.starts_with("data/lexicon/"), l > 0)), Some((true, true)));
    let names: usize = lex.entries().iter().map(|e| 1 + e.aliases.len()).sum();
    assert!(names >= 25_000, "{names} names");
    assert!(lex.entries().len() > 1000, "{} entries", lex.entries().len());
    let mut keys = HashSet::new();
    for (id, e) in lex.entries().iter().enumerate() {
        for n in e.names() {
            let k = name_key(n);
            let owner = lex.find(n).expect("every name is found");
            assert!(owner == id as EntryId || !keys.contains(&k), "{n:?} twice");
            keys.insert(k);
        }
    }
    // The matcher builds and finds something.
    assert!(!found(lex, "Python and CPython").is_empty());
}

#[test]
fn names_with_digits_take_no_typos() {
    let lex = Lexicon::from_toml(
        "[[entry]]\nname = \"Llama 2\"\nkind = \"technology\"\ncategory = \"model\"\naliases = [\"Llama2\"]\n",
        "t.toml",
    )
    .expect("valid");
    assert!(found(&lex, "Llama is a model, like Llama3").is_empty());
    assert_eq!(found(&lex, "run llama2 on a MacBook").len(), 1);
}

/// A note full of ordinary words that are also technology names.
const MEETUP: &str = "Pizza and black coffee. Someone brought a flask of tea to make notes.
Make sure you rest; the notion of time.
Go team! Click the link to RSVP, rich people only.
Requests from the audience: more pizza.
A spark of an idea came up.
The speaker rode a bike with rust on the chain.
Lambda calculus was mentioned once.";

#[test]
fn ordinary_words_stay_words() {
    let lex = Lexicon::from_toml(
        r#"
[[entry]]
name = "Black"
kind = "technology"
category = "tool"
ambiguous = true
clues = ["formatter"]
[[entry]]
name = "Flask"
kind = "technology"
category = "framework"
ambiguous = true
clues = ["web framework", "route"]
[[entry]]
name = "Go"
kind = "technology"
category = "language"
ambiguous = true
clues = ["golang", "goroutine"]
[[entry]]
name = "Click"
kind = "technology"
category = "library"
ambiguous = true
# `flask` is a clue only where Flask itself is confirmed: not in "a flask of tea".
clues = ["cli", "command line", "flask"]
[[entry]]
name = "Rich"
kind = "technology"
category = "library"
ambiguous = true
clues = ["terminal"]
[[entry]]
name = "Requests"
kind = "technology"
category = "library"
ambiguous = true
clues = ["http"]
[[entry]]
name = "Apache Spark"
kind = "technology"
category = "framework"
aliases = ["Spark", "PySpark"]
ambiguous = true
clues = ["dataframe", "cluster"]
[[entry]]
name = "Rust"
kind = "technology"
category = "language"
ambiguous = true
clues = ["cargo"]
[[entry]]
name = "AWS Lambda"
kind = "technology"
category = "service"
aliases = ["Lambda"]
ambiguous = true
clues = ["serverless", "aws"]
[[entry]]
name = "Pizza"
kind = "technology"
category = "tool"
case = "sensitive"
ambiguous = true
[[entry]]
name = "Make"
kind = "technology"
category = "tool"
[[entry]]
name = "Notion"
kind = "technology"
category = "service"
[[entry]]
name = "REST"
kind = "technology"
category = "concept"
"#,
        "meetup.toml",
    )
    .expect("valid");
    let got = found(&lex, MEETUP);
    assert!(got.is_empty(), "{got:?}");
    // The same names in a technical context are found.
    let tech = "We format with Black, serve with Flask and ship Go binaries.\n`click` for the CLI, rich in the terminal.\nPySpark dataframes; Rust and cargo.\nREST APIs, built with Make, notes in Notion.";
    let names: Vec<String> = found(&lex, tech).into_iter().map(|(n, _, _)| n).collect();
    assert_eq!(names, ["Black", "Flask", "Go", "Click", "Rich", "Apache Spark", "Rust", "REST", "Make", "Notion"]);
}

#[test]
fn a_language_the_conference_is_named_after() {
    let lex = lex();
    let scan = |topic: &str| {
        let pats = Patterns::new();
        let body = Body::new("the rust talks were full", 1, &pats).with_topic(topic);
        let mut out = Vec::new();
        lex.scan(&body, &mut crate::extract::Scratch::default(), &mut out, &mut Vec::new());
        out.len()
    };
    assert_eq!(scan("RustConf 2024"), 1);
    assert_eq!(scan("EuroPython 2023"), 0);
    assert_eq!(scan(""), 0);
}

/// The examples of the brief, against the built-in lexicon: what must be found and
/// what must not.
#[test]
fn builtin_lexicon_on_the_examples() {
    let lex = Lexicon::builtin();
    let cases: &[(&str, &[&str])] = &[
        ("GraalPY is 4.5 x faster than cypython", &["GraalPy", "CPython"]),
        ("ChaptGPT can write space code", &["ChatGPT"]),
        ("Migrated several packages to HPY including psuitils, pillow, numpy,", &["HPy", "psutil", "Pillow", "NumPy"]),
        ("Pydanitc models and Djnago views", &["Pydantic", "Django"]),
        ("Question: Python code formatters\n\nBlack was built on the old parser.", &["Python", "Black"]),
        (
            "Behave for behavior driven tests at integration level testing. Or cucumber for example",
            &["Behave", "Cucumber"],
        ),
        ("AWS lambda loves python 3.11", &["AWS Lambda", "Python"]),
        ("Java and C just need one memory read. Compared to C++ whch is 32", &["Java", "C", "C++"]),
        ("I like black coffee", &[]),
        ("rust on the bike", &[]),
        ("Lambda x:x", &[]),
        ("Llama is a research model", &[]),
        ("predict future behavior, the stator the art, a graph of the system and network", &[]),
    ];
    for (text, want) in cases {
        let got: Vec<String> = found(lex, text).into_iter().map(|(n, _, _)| n).collect();
        for w in *want {
            assert!(got.iter().any(|g| g == w), "{text:?}: {w} not in {got:?}");
        }
        for forbidden in ["Ollama", "Block", "Behave", "systemd", "Black", "Rust", "AWS Lambda"] {
            if !want.contains(&forbidden) {
                assert!(!got.iter().any(|g| g == forbidden), "{text:?}: {forbidden} in {got:?}");
            }
        }
    }
}

/// A neighbour confirms an ambiguous library only in its own ecosystem, as far as the
/// data tells it: `defmt` (a Rust crate) says nothing of Python's `logging`, nor
/// NumPy of Rust's `tracing`; `pathlib` does; frameworks cross (`React` and `Django`).
#[test]
fn a_neighbour_of_another_ecosystem_confirms_no_library() {
    let lex = Lexicon::builtin();
    let names = |text: &str| -> Vec<String> { found(lex, text).into_iter().map(|(n, _, _)| n).collect() };
    assert!(!names("The product line. Logging with defmt over RTT.").contains(&"logging".to_string()));
    assert!(!names("Profiled with NumPy. Then tracing before any code.").contains(&"tracing".to_string()));
    assert!(names("The product line. Logging with pathlib paths.").contains(&"logging".to_string()));
    assert!(names("The product line. Logging with defmt over RTT.").contains(&"defmt".to_string()));
}

/// A capital confirms an ambiguous name, but not inside a longer capitalised name
/// (`NGINX Gateway Fabric`, German `PostgreSQL Container`), and a letter after a
/// capitalised word names a hall or a grade (`Hall C`, `ASIL D`), not a language. A
/// function word or a sentence start before it makes no run (`The Swift docs`).
#[test]
fn a_capital_inside_a_longer_name_confirms_nothing() {
    let lex = Lexicon::builtin();
    let names = |text: &str| -> Vec<String> { found(lex, text).into_iter().map(|(n, _, _)| n).collect() };
    let has = |text: &str, name: &str| names(text).iter().any(|n| n == name);
    assert!(!has("implementations: Envoy Gateway, Istio, Cilium, NGINX Gateway Fabric", "Fabric"));
    assert!(has("we deploy the servers with Fabric and Ansible", "Fabric"));
    assert!(!has("Testcontainers für Python startet echte PostgreSQL Container in den Tests", "containers"));
    assert!(has("notes run on without a stop The Swift docs are good", "Swift"));
    assert!(has("Some notes. Die Swift Doku ist gut", "Swift"));
    assert!(!has("Room: Hall C\nWriting a database in Rust", "C"));
    // An elision, a pair of letters joined by `&`.
    assert!(!has("C'est terminé, on parle de Rust et Java demain", "C"));
    assert!(!has("Q&R sur Rust et Java", "R"));
    assert!(!has("R&D team moved from Java to Rust", "R"));
    assert!(!has("the qualified Rust compiler, ISO 26262 (ASIL D) and IEC 61508", "D"));
    assert!(has("Learning C and Rust together", "C"));
}

/// A standard's number names a standard, not the body behind it.
#[test]
fn a_standard_number_is_no_mention_of_its_body() {
    let lex = Lexicon::builtin();
    let has = |text: &str, name: &str| found(lex, text).iter().any(|(n, _, _)| n == name);
    assert!(!has("qualified for ISO 26262 and IEC 61508", "ISO"));
    assert!(!has("dates as ISO-8601 strings", "ISO"));
    assert!(has("the ISO committee voted", "ISO"));
    assert!(has("ISO 2024 meeting in Geneva", "ISO"));
}

/// The hits of an unanchored leftmost-longest aho-corasick search over every name,
/// kept on word boundaries and with the case their entry asks for, a shorter name
/// at the same place standing in for a longer one that is not: the definition that
/// [`Matcher::scan_words`] computes with its word index instead.
///
/// The automaton is built once per matcher (the proptest runs hundreds of cases over
/// the built-in lexicon's tens of thousands of names).
fn automaton_hits(m: &Matcher, text: &str) -> Vec<(usize, usize, usize)> {
    use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
    use std::sync::{Arc, Mutex};
    // (Keyed by the matcher's address: the tests build automata for built-in
    // matchers only.)
    static BUILT: Mutex<Vec<(usize, Arc<AhoCorasick>)>> = Mutex::new(Vec::new());
    let id = std::ptr::from_ref(m) as usize;
    let ac = {
        let mut built = BUILT.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        match built.iter().find(|(k, _)| *k == id) {
            Some((_, ac)) => Arc::clone(ac),
            None => {
                let ac = Arc::new(
                    AhoCorasick::builder()
                        .match_kind(MatchKind::LeftmostLongest)
                        .ascii_case_insensitive(true)
                        .start_kind(StartKind::Both)
                        .build((0..m.pat_count()).map(|p| m.pat(p).1))
                        .expect("plain strings"),
                );
                built.push((id, Arc::clone(&ac)));
                ac
            }
        }
    };
    let mut hits = Vec::new();
    let mut pos = 0;
    // (A text written in lower case throughout reads a cased name in lower case too.)
    let lower_case = super::context::writes_in_lower_case(text);
    while let Some(found) = ac.find(Input::new(text).range(pos..)) {
        let start = found.start();
        let (mut pat, mut end) = (found.pattern().as_usize(), found.end());
        let mut accepted = None;
        if hit_may_start(text, start) {
            loop {
                let after_ok = text[end..].chars().next().is_none_or(|c| !is_word_char(c));
                let t = &text[start..end];
                let folded = lower_case && !t.bytes().any(|b| b.is_ascii_uppercase());
                if after_ok && (!m.is_sensitive(pat) || t == m.pat(pat).1 || folded) {
                    accepted = Some((start, end, pat));
                    break;
                }
                let shorter = (end > start + 1)
                    .then(|| ac.find(Input::new(text).range(start..end - 1).anchored(Anchored::Yes)))
                    .flatten()
                    .filter(|s| s.end() > start);
                let Some(s) = shorter else { break };
                (pat, end) = (s.pattern().as_usize(), s.end());
            }
        }
        match accepted {
            Some(h) => {
                hits.push(h);
                pos = h.1;
            }
            None => pos = start + text[start..].chars().next().map_or(1, char::len_utf8),
        }
    }
    hits
}

fn index_hits(m: &Matcher, text: &str) -> Vec<(usize, usize, usize)> {
    let (mut hits, mut words) = (Vec::new(), Vec::new());
    let mut known = WordMap::default();
    m.scan_words(text, &mut hits, &mut words, &mut Vec::new(), &mut known, &mut |_, lower| {
        let names = m.range_of(lower);
        WordInfo { names, verdict: 0, next: m.continuations(names) }
    });
    hits.into_iter().map(|h| (h.start, h.end, h.pat)).collect()
}

proptest::proptest! {
    /// The word index finds exactly the hits aho-corasick finds, on text made of
    /// the built-in lexicon's names (in any case, cut, glued or hyphenated), prose,
    /// punctuation and non-ASCII letters.
    #[test]
    fn word_index_agrees_with_the_automaton(
        pieces in proptest::collection::vec((0usize..5000, 0usize..6, 0u8..4), 0..40),
        seps in proptest::collection::vec(proptest::sample::select(vec![" ", "", "-", ".", ", ", "\n", "/", "é", "`", "  ", "_", "(", "'s "]), 40),
    ) {
        let lex = Lexicon::builtin();
        let m = lex.matcher();
        const PROSE: [&str; 6] = ["the", "Data", "machine", "learn", "é", "x"];
        let mut text = String::new();
        for (i, (n, cut, case)) in pieces.iter().enumerate() {
            let name = m.pat(n % m.pat_count()).1;
            let piece = if n % 7 == 0 { PROSE[*cut].to_string() } else {
                let keep = name.char_indices().nth(name.chars().count().saturating_sub(*cut % 3)).map_or(name.len(), |(i, _)| i);
                let piece = if *cut == 5 { name[..keep].to_string() } else { name.to_string() };
                match case { 0 => piece, 1 => piece.to_ascii_lowercase(), 2 => piece.to_ascii_uppercase(), _ => piece.to_lowercase() }
            };
            text.push_str(&piece);
            text.push_str(seps[i % seps.len()]);
        }
        proptest::prop_assert_eq!(index_hits(m, &text), automaton_hits(m, &text), "{:?}", text);
    }
}

// The same on the sample notes, which hold every kind of name the notes do.
#[test]
fn word_index_agrees_with_the_automaton_on_the_sample() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/notes/europython-2023-day1.md")).unwrap();
    let m = Lexicon::builtin().matcher();
    let hits = index_hits(m, &text);
    assert!(hits.len() > 150, "{} hits", hits.len());
    assert_eq!(hits, automaton_hits(m, &text));
}

#[test]
fn compounds_of_a_name_found_in_any_case() {
    use super::context::is_compound_of_name;
    // What the check means, on lower-case copies (as it is done beyond ASCII).
    let by_copies = |surface: &str, name: &str| {
        let s = surface.to_lowercase();
        name.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .any(|t| t.len() >= 2 && s.len() > t.len() && s.contains(t))
    };
    for (surface, name, want) in [
        ("pyarrow", "Apache Arrow", true),
        ("PyArrow", "Apache Arrow", true),
        ("Golang", "Go", true),
        ("rustlang", "Rust", true),
        ("Rust", "Rust", false),
        ("arrow", "Apache Arrow", false),
        ("black", "Black", false),
        ("xr", "R", false),
        ("Straßenbahn", "Straße", true),
        ("ÉCOLEX", "école", true),
        ("école", "école", false),
    ] {
        assert_eq!(is_compound_of_name(surface, name), want, "{surface:?} of {name:?}");
        assert_eq!(by_copies(surface, name), want, "{surface:?} of {name:?}");
    }
}

/// The words of a text: (start, end, shape) of each, and the starts of those of five
/// bytes or more.
type Words = (Vec<(u32, u32, u8)>, Vec<usize>);

/// The words a scan records (offsets and shapes) and the typo candidates it keeps,
/// read eight bytes at a time (`None` if it found a name): they must be those read
/// one byte at a time, every maximal run of word characters, its shape told for
/// ASCII words of up to 16 bytes (less the plain words inference has no use for).
fn scanned_words(m: &Matcher, text: &str) -> Option<Words> {
    let (mut hits, mut words, mut tokens) = (Vec::new(), Vec::new(), Vec::new());
    let mut known = WordMap::default();
    // No names: every word is a token with its shape told (a plain one if it matters);
    // the words of five bytes or more are typo candidates.
    m.scan_words(text, &mut hits, &mut words, &mut tokens, &mut known, &mut |w, _| WordInfo {
        verdict: u32::from(w.len() >= 5),
        ..WordInfo::default()
    });
    // (A name starting with no word character, `.NET`, is still found.)
    hits.is_empty()
        .then(|| (tokens.iter().map(|t| (t.start, t.end, t.shape)).collect(), words.iter().map(|w| w.0).collect()))
}

fn words_one_byte_at_a_time(text: &str) -> Words {
    use super::index::{long_shape, lower_packed};
    use crate::extract::scratch::{push_tokens, Token};
    let b = text.as_bytes();
    let mut spans = Vec::new();
    push_tokens(text, 0, text.len(), &mut spans);
    let tokens = spans
        .iter()
        .map(|t| {
            let (s, e) = (t.start as usize, t.end as usize);
            let shape = match e - s {
                _ if !text[s..e].is_ascii() => Token::OTHER,
                n @ 1..=8 => lower_packed(b, s, n).1,
                n @ 9..=16 => long_shape(b, s, n),
                _ => Token::OTHER,
            };
            (t.start, t.end, shape)
        })
        // (Plain words that do not matter to inference are not recorded.)
        .filter(|&(s, e, shape)| {
            shape != Token::PLAIN || crate::extract::infer::plain_word_matters(b, s as usize, e as usize)
        })
        .collect();
    let long = spans.iter().filter(|t| t.end - t.start >= 5).map(|t| t.start as usize).collect();
    (tokens, long)
}

proptest::proptest! {
    #[test]
    fn words_read_eight_bytes_at_a_time(
        text in r"(a|Z|q9|_|x_y|abcdefg|abcdefgh|abcdefghi|ABCDEFGHIJKLMNOPQ|Go|É|é|ß|\.|@|,| |  |\n|\t|-|/|\x00|\u{2019}){0,40}"
    ) {
        let m = Lexicon::builtin().matcher();
        let scanned = scanned_words(m, &text);
        proptest::prop_assume!(scanned.is_some());
        proptest::prop_assert_eq!(scanned, Some(words_one_byte_at_a_time(&text)), "{:?}", text);
    }
}

#[test]
fn names_starting_with_punctuation_are_found() {
    // Names that start with punctuation, beside words of every length.
    let toml = "[[entry]]\nname = \"+plus\"\nkind = \"technology\"\ncategory = \"tool\"\n\n\
                [[entry]]\nname = \"#tag\"\nkind = \"technology\"\ncategory = \"tool\"\n\n\
                [[entry]]\nname = \"~tilde\"\nkind = \"technology\"\ncategory = \"tool\"\n";
    // (Kept for the run: the automata are keyed by the matcher's address.)
    let lex: &'static Lexicon = Box::leak(Box::new(Lexicon::from_toml(toml, "punct.toml").expect("a valid lexicon")));
    let m = lex.matcher();
    let text = "a +plus, #tag ~tilde.x (+plus) x+plus abcdefgh+plus";
    let got: Vec<&str> = index_hits(m, text).iter().map(|&(s, e, _)| &text[s..e]).collect();
    // (Not after a word character: `x+plus`.)
    assert_eq!(got, ["+plus", "#tag", "~tilde", "+plus"]);
    assert_eq!(index_hits(m, text), automaton_hits(m, text));
}

proptest::proptest! {
    #[test]
    fn bytes_compared_eight_at_a_time_ignoring_case(a in r"[aAzZ@\[`{ é\u{c9}]{0,20}", b in r"[aAzZ@\[`{ é\u{c9}]{0,20}") {
        use super::index::eq_fold;
        let (a, b) = (a.as_bytes(), b.as_bytes());
        proptest::prop_assert_eq!(eq_fold(a, b), a.eq_ignore_ascii_case(b));
        proptest::prop_assert!(eq_fold(a, &a.to_ascii_uppercase()) && eq_fold(&a.to_ascii_lowercase(), a));
    }
}

/// A name whose case matters (`RAPIDS`, an ordinary word in lower case) is read in a
/// note written in lower case throughout, where a sure product of its maker beside it
/// or code confirms it; not in a note that capitalises, and not with no such context.
#[test]
fn a_cased_name_in_a_lower_case_note() {
    let lex = Lexicon::from_toml(
        r#"
[[entry]]
name = "RAPIDS"
kind = "technology"
category = "platform"
case = "sensitive"
org = "NVIDIA"

[[entry]]
name = "cuDF"
kind = "technology"
category = "library"
org = "NVIDIA"

[[entry]]
name = "pandas"
kind = "technology"
category = "library"
"#,
        "test.toml",
    )
    .expect("valid test lexicon");
    let names = |text: &str| -> Vec<String> { names_in(&lex, text) };
    let lower = "next talk: dataframes on the gpu\ncudf as a drop-in for pandas, part of rapids. fast.";
    assert_eq!(names(lower), ["cuDF", "pandas", "RAPIDS"]);
    // No product of the maker beside it: the river's rapids.
    assert_eq!(names("we took the boat down the rapids with pandas books on board, twice"), ["pandas"]);
    // In code, it is the name.
    assert_eq!(names("then they ran `rapids` with the default settings here today"), ["RAPIDS"]);
    // A note that capitalises would have written RAPIDS: lower case is the word.
    assert_eq!(names("Next talk. The cuDF library for Pandas users, part of rapids."), ["cuDF", "pandas"]);
}

#[test]
fn names_inside_file_names_are_no_mentions() {
    let lex = Lexicon::builtin();
    // A format's or a language's name as a file's extension; a name written as an
    // identifier before an extension.
    for text in ["Deno 2 reads package.json now", "#include <flask_api.h>", "edit main.rs first"] {
        let got = names_in(lex, text);
        assert!(!got.iter().any(|n| ["JSON", "Flask-API", "Rust"].contains(&n.as_str())), "{text}: {got:?}");
    }
    // Written apart, they are mentions; so is a module's part (`django.contrib.postgres`).
    assert!(names_in(lex, "we store JSON in Postgres").contains(&"JSON".to_string()));
    assert!(names_in(lex, "written in Rust.").contains(&"Rust".to_string()));
}

#[test]
fn a_vendor_prefix_names_the_vendor_too() {
    let lex = Lexicon::builtin();
    let got = names_in(lex, "Karpenter on AWS EKS, edge devices on NVIDIA Jetson");
    for want in ["Amazon EKS", "AWS", "NVIDIA Jetson", "NVIDIA"] {
        assert!(got.contains(&want.to_string()), "{want} not in {got:?}");
    }
    // A platform's own name is no vendor's product, and a prefix of no vendor adds nothing.
    let got = names_in(lex, "we run on Amazon Web Services");
    assert!(!got.contains(&"Amazon".to_string()), "{got:?}");
    let got = names_in(lex, "the Python C API is stable");
    assert!(!got.contains(&"Python".to_string()), "{got:?}");
}

#[test]
fn clues_in_another_form_confirm() {
    let lex = Lexicon::builtin();
    // `Benchmarked` is a form of the clue `benchmark`.
    assert!(names_in(lex, "Benchmarked with criterion: both within 5%").contains(&"Criterion".to_string()));
    assert!(!names_in(lex, "the criterion for success").contains(&"Criterion".to_string()));
}

#[test]
fn a_noun_between_an_article_and_of_is_the_word() {
    let lex = Lexicon::builtin();
    let text = "He wrote behave scenarios first, then pytest.\nUse a flask of tea to survive long test runs.";
    assert!(!names_in(lex, text).contains(&"Flask".to_string()), "{:?}", names_in(lex, text));
    assert!(names_in(lex, "pytest, behave and flask for the web app").contains(&"Flask".to_string()));
}

#[test]
fn a_noun_from_someone_is_the_word() {
    let lex = Lexicon::builtin();
    // `post` is a clue of Requests, and the compose file Docker's: still the noun.
    for text in [
        "- requests from the audience for the compose file → she'll post it",
        "Docker compose demo. Requests from our users: a blog post on it.",
    ] {
        assert!(!names_in(lex, text).contains(&"Requests".to_string()), "{text}: {:?}", names_in(lex, text));
    }
    for text in ["we use requests and httpx for the API calls", "`requests` from the standard set, with httpx"] {
        assert!(names_in(lex, text).contains(&"Requests".to_string()), "{text}: {:?}", names_in(lex, text));
    }
    let body = "requests from the audience; ask requests from PyPI";
    let pats = crate::extract::text::Patterns::new();
    let b = crate::extract::text::Body::new(body, 1, &pats);
    assert!(super::context::is_noun_from_someone(&b, 0, 8));
    assert!(!super::context::is_noun_from_someone(&b, 32, 40), "not opening a sentence, nor before a determiner");
    // Counted or taken in, mid-sentence: the noun; run from somewhere: the tool.
    for text in [
        "She revised her priors live after a few requests from the audience, fun.",
        "- many requests from the audience for a comparison with SQLDelight",
        "tons of requests from the audience for her migration script",
        "said take requests from the product team with a pinch of salt",
    ] {
        assert!(!names_in(lex, text).contains(&"Requests".to_string()), "{text}: {:?}", names_in(lex, text));
    }
    let text = "we call requests from the worker, httpx from the API layer";
    assert!(names_in(lex, text).contains(&"Requests".to_string()), "{text}: {:?}", names_in(lex, text));
}

#[test]
fn a_platform_confirms_no_other_platform() {
    let lex = Lexicon::builtin();
    // Kubernetes and Node.js are both platforms: one says nothing of the other.
    let text = "- moved PySpark jobs off EMR to their own k8s clusters\n- Karpenter for node scaling";
    assert!(!names_in(lex, text).contains(&"Node.js".to_string()), "{:?}", names_in(lex, text));
    // A clue still confirms it.
    let text = "bun vs node vs deno in 2024";
    assert!(names_in(lex, text).contains(&"Node.js".to_string()), "{:?}", names_in(lex, text));
}

#[test]
fn a_modifier_after_an_article_is_the_word() {
    let lex = Lexicon::builtin();
    let text = "- Kafka UI for poking at topics, AKHQ as the alternative\n- \"a black box with 400 partitions\"";
    assert!(!names_in(lex, text).contains(&"Black".to_string()), "{:?}", names_in(lex, text));
    use super::context::is_modifier_after_article as modifier;
    let t = "a black box; the futures crate; the rich integration; black box";
    assert!(modifier(t, 2, 7));
    assert!(!modifier(t, 17, 24), "a kind of software follows");
    assert!(!modifier(t, 36, 40), "a kind of software follows");
    assert!(!modifier(t, 54, 59), "no article");
}

#[test]
fn rich_text_is_the_concept() {
    let lex = Lexicon::builtin();
    let got = names_in(lex, "- rich text → StreamField migration took them 3 sprints");
    assert!(!got.contains(&"Rich".to_string()) && got.contains(&"Rich text".to_string()), "{got:?}");
    assert!(names_in(lex, "rich for the tracebacks in the terminal").contains(&"Rich".to_string()));
}

#[test]
fn data_platform_tools_are_known() {
    let lex = Lexicon::builtin();
    for (text, want) in [
        ("pg_duckdb extension runs analytical queries inside PostgreSQL", "pg_duckdb"),
        ("SQLite in prod with Litestream replicating to S3", "Litestream"),
        ("data tests + elementary for observability", "Elementary"),
        ("OpenLineage baked in: lineage shows up in Marquez", "Marquez"),
        ("schemas in Protobuf, enforced by Confluent Schema Registry", "Confluent Schema Registry"),
        ("benchmarks with pgbench, then pg_upgrade", "pgbench"),
    ] {
        assert!(names_in(lex, text).contains(&want.to_string()), "{want} in {text}: {:?}", names_in(lex, text));
    }
    // Their ordinary words stay words.
    for text in ["an elementary school teacher", "a novel by Gabriel García Marquez", "a schema registry of our own"] {
        assert!(names_in(lex, text).is_empty(), "{text}: {:?}", names_in(lex, text));
    }
}

/// The ecosystem files (`beam.toml`, `ruby.toml`, `security.toml`) and PostgreSQL's
/// operations tools: their names are found, their ordinary words stay words.
#[test]
fn ecosystem_families_are_known() {
    let lex = Lexicon::builtin();
    for (text, want) in [
        ("Ecto migrations to partition the table, dashboards in Oban Web", "Ecto"),
        ("used to run Sidekiq in a Rails app next to it", "Sidekiq"),
        ("rbs collection pulls the types of gems; Steep checks them in CI", "Steep"),
        ("AFL++ in QEMU mode plus Unicorn for the blobs they dumped", "Unicorn"),
        ("every rule mapped to MITRE ATT&CK", "MITRE ATT&CK"),
        ("nmap for the small stuff, masscan for the rest", "Nmap"),
        ("failover slots, so a Patroni switchover keeps the subscribers", "Patroni"),
    ] {
        assert!(names_in(lex, text).contains(&want.to_string()), "{want} in {text}: {:?}", names_in(lex, text));
    }
    for text in ["a steep learning curve", "the nerves before the talk", "a unicorn startup", "sigma of the noise"] {
        assert!(names_in(lex, text).is_empty(), "{text}: {:?}", names_in(lex, text));
    }
}

/// The late ecosystem files (`apple.toml`, `android.toml`, `scientific.toml`,
/// `css.toml`, `wasm.toml`, `mysql.toml`): their names are found, the words among
/// them stay words without their ecosystem's context.
#[test]
fn late_ecosystem_families_are_known() {
    let lex = Lexicon::builtin();
    for (text, want) in [
        ("moved from CocoaPods to Swift Package Manager, generated with Tuist", "Swift Package Manager"),
        ("Swift Testing runs side by side with XCTest; UI tests stay", "Swift Testing"),
        ("Compared with Skip, which goes the other way (Swift -> Android)", "Skip"),
        ("we replaced Combine with async sequences in the SwiftUI layer", "Combine"),
        ("Room with KSP instead of kapt, the DAOs under androidx", "Room"),
        ("Flux.jl for the model, Makie for the plots, JuMP for the schedule", "JuMP"),
        ("Galera for multi-master writes, ProxySQL in front of it", "Galera Cluster"),
        ("pt-online-schema-change was too slow, gh-ost it is", "gh-ost"),
        ("jco and componentize-py build components from WIT files", "WIT"),
        ("CI is Xcode Cloud, releases through fastlane", "Xcode Cloud"),
    ] {
        assert!(names_in(lex, text).contains(&want.to_string()), "{want} in {text}: {:?}", names_in(lex, text));
    }
    // A release of WASI is WASI; Rust's Trunk beside WebAssembly is the bundler.
    assert!(names_in(lex, "wasmtime, WASI preview 2, the component model").contains(&"WASI".to_string()));
    assert!(names_in(lex, "web build via WebAssembly and trunk").contains(&"Trunk".to_string()));
    for text in [
        "Skip the intro, we combine both approaches later",
        "the room was cold and the espresso was bad",
        "a coil of rope, the hilt of a dagger, a grain of salt",
        "water vapor rises; less is more",
        "la galera del puerto",
        "hij is wit",
        "we merge to trunk daily and the build is green",
    ] {
        assert!(names_in(lex, text).is_empty(), "{text}: {:?}", names_in(lex, text));
    }
}

/// Notes of a conference named after an ecosystem (ElixirConf, RubyKaigi) read a
/// capitalised name of that ecosystem's file as the name, where a capital starting
/// a sentence says nothing elsewhere.
#[test]
fn a_name_of_the_ecosystem_the_conference_is_named_after() {
    let lex = Lexicon::builtin();
    let scan = |text: &str, topic: &str| {
        let pats = Patterns::new();
        let body = Body::new(text, 1, &pats).with_topic(topic);
        let mut out = Vec::new();
        lex.scan(&body, &mut crate::extract::Scratch::default(), &mut out, &mut Vec::new());
        out.into_iter().map(|(_, m)| m.surface).collect::<Vec<_>>()
    };
    assert_eq!(scan("- Credo rules we actually keep", "ElixirConf EU 2025"), ["Credo"]);
    assert!(scan("- Credo rules we actually keep", "PyCon US 2025").is_empty());
    assert!(scan("- credo rules we actually keep", "ElixirConf EU 2025").is_empty());
    assert_eq!(scan("Steep を CI で回してる", "RubyKaigi 2025"), ["Steep"]);
    // A name of another library ecosystem is not confirmed by its capital there
    // (`BEAM`, the Erlang VM, is no Apache Beam at ElixirConf).
    let beam = "### Nx on the BEAM, for real this time";
    assert!(!scan(beam, "ElixirConf EU 2025").contains(&"BEAM".to_string()));
    assert!(scan(beam, "PyCon DE 2025").contains(&"BEAM".to_string()));
}

/// What no name is: a word between an article and any word naming no software (`a
/// rich Q&A`), a later part of a module's path in another case (`Oban.Notifiers.PG`),
/// a letter of an emoticon (`:D`).
#[test]
fn words_that_only_look_like_names() {
    let lex = Lexicon::builtin();
    for (text, gone) in [
        ("pgvector and Qdrant, app is Django. A rich Q&A, lots of people", "Rich"),
        ("switched to the `Oban.Notifiers.PG` notifier. Oban.Notifiers.PG it is", "notifiers"),
        ("he ran it from a Hetzner box, got an abuse email on day 2 :D", "D"),
    ] {
        assert!(!names_in(lex, text).contains(&gone.to_string()), "{gone} in {text}: {:?}", names_in(lex, text));
    }
    assert!(names_in(lex, "Beam pipelines on Dataflow").contains(&"Apache Beam".to_string()));
    assert!(names_in(lex, "we tried D and Rust").contains(&"D".to_string()));
}

#[test]
fn a_code_blocks_language_tag_and_an_everyday_word_before_a_name_are_no_mentions() {
    // The tag names the snippet's language; the code itself is read.
    for text in [
        "```python\nimport numpy\n```",
        "<code python>\nimport numpy\n</code>",
        "[source,python]\n----\nimport numpy\n----",
        ".. code-block:: python\n\n   import numpy",
        "#+BEGIN_SRC python\nimport numpy\n#+END_SRC",
        "{code:language=python}\nimport numpy\n{code}",
    ] {
        assert_eq!(builtin_names(text), ["NumPy"], "{text:?}");
    }
    // `real` before `Python`: an adjective, not the company Real Python.
    assert!(!builtin_names("Jupyter is the real Python IDE").contains(&"Real Python".to_string()));
    assert_eq!(builtin_names("tutorials from Real Python"), ["Real Python"]);
}

/// The names of the built-in lexicon's mentions in `text`, in order.
fn builtin_names(text: &str) -> Vec<String> {
    let lex = Lexicon::builtin();
    let mut v: Vec<String> = found(lex, text).into_iter().map(|(n, _, _)| n).collect();
    v.dedup();
    v
}

#[test]
fn a_name_with_a_polish_or_czech_case_ending() {
    let found = |text: &str| {
        found(Lexicon::builtin(), text).into_iter().map(|(n, s, r)| (n, s, r.to_string())).collect::<Vec<_>>()
    };
    let one = |n: &str, s: &str| vec![(n.to_string(), s.to_string(), "inflected".to_string())];
    assert_eq!(found("eksport metryk do Prometheusa"), one("Prometheus", "Prometheusa"));
    assert_eq!(found("dashboardy w Grafanie"), one("Grafana", "Grafanie"));
    assert_eq!(found("operatory Kubernetesa w Go").first().cloned(), one("Kubernetes", "Kubernetesa").pop());
    assert_eq!(found("obrazy w Dockerze"), one("Docker", "Dockerze"));
    // Words of other languages, a name in capitals, a name with no capital: no ending.
    for text in ["la nostra community", "Project Corsa is the native port", "quem cuida de quem", "Rusty old code"] {
        assert!(found(text).iter().all(|(_, _, r)| r != "inflected"), "{text:?}: {:?}", found(text));
    }
}

// A built-in name that the word frequencies call a word of some languages
// (`data/sources/hand-words.tsv`: `vite`, French and Italian) needs context in text of
// those languages only (issue 15).
#[test]
fn a_word_of_a_language_needs_context_in_that_language() {
    let lex = Lexicon::builtin();
    let vite = |text: &str| names_in(lex, text).contains(&"Vite".to_string());
    assert!(!vite("AOT cache pour démarrer plus vite"));
    assert!(vite("she builds with vite, deploys on netlify"));
    assert!(vite("Vite everywhere"));
    assert!(vite("Le build passe par Vite depuis cette année"));
    let vite_entry = lex.entry(lex.find("Vite").expect("Vite is built in"));
    assert!(vite_entry.ambiguous && vite_entry.word_in != 0);
}

#[test]
fn the_languages_of_a_line_are_those_of_most_function_words() {
    use super::context::languages_of;
    assert_eq!(languages_of("Parquet everywhere"), 0);
    assert_eq!(languages_of("AOT cache pour démarrer plus vite"), 1 << 2);
    assert_eq!(languages_of("the cache and the build"), 1);
}

// `ambiguous = false` is accepted and told from a file that says nothing.
#[test]
fn ambiguous_false_is_said() {
    let said = |text: &str| super::check::check_file(text).expect("valid").remove(0).says_ambiguous;
    let entry = "[[entry]]\nname = \"Vite\"\nkind = \"technology\"\ncategory = \"tool\"\n";
    assert!(said(&format!("{entry}ambiguous = false\n")));
    assert!(!said(entry));
}
