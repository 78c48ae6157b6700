//! The lexicon matcher on adversarial shapes (issue 19): one huge word, one huge line
//! of an ambiguous name in prose, one huge line dense with names. What is checked is
//! the output (speed lives in `benches/lexicon.rs` and BENCHMARKS.md): a sentence
//! repeated on one line yields, per copy, what it yields alone, and a word far longer
//! than any name is no typo of one.

use proptest::prelude::*;
use talkgraph::extract::text::Patterns;
use talkgraph::extract::{Lexicon, Mention, Rule, Target};

fn mentions(text: &str) -> Vec<Mention> {
    let (mut out, mut near) = (Vec::new(), Vec::new());
    Lexicon::builtin().find_mentions(text, 1, &Patterns::new(), &mut out, &mut near);
    out
}

/// (entry name, surface) of each mention, sorted (typos come after the names found
/// exactly).
fn named(ms: &[Mention]) -> Vec<(String, String)> {
    let lex = Lexicon::builtin();
    let mut v: Vec<_> = ms
        .iter()
        .map(|m| match &m.target {
            Target::Entry(id) => (lex.entry(*id).name.clone(), m.surface.clone()),
            other => (format!("{other:?}"), m.surface.clone()),
        })
        .collect();
    v.sort();
    v
}

/// Sentences of notes: ambiguous names in their ordinary sense and in a technical
/// one, names of one family side by side, typos.
const SENTENCES: [&str; 8] = [
    "black coffee. ",
    "We use Django and Flask with pytest, black, numpy. ",
    "The code is formatted with black and checked by ruff. ",
    "A flask of tea and a rich dessert. ",
    "Pydanitc models validated in FastAPI, served by uvicorn. ",
    "Then `requests` fetched the page; click the button twice. ",
    "Rust and Go, then Python 3.12 with numpy arrays. ",
    "She said it was a kind of magic, nothing else. ",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// A sentence written `copies` times on one line yields its own mentions once per
    /// copy: the context of an ambiguous name is what is near it, however long the
    /// line is.
    #[test]
    fn a_sentence_repeated_on_one_line_yields_its_mentions_per_copy(which in 0..SENTENCES.len(), copies in 1usize..400) {
        let one = named(&mentions(SENTENCES[which]));
        let many = named(&mentions(&SENTENCES[which].repeat(copies)));
        let mut expected: Vec<_> = std::iter::repeat_n(one, copies).flatten().collect();
        expected.sort();
        prop_assert_eq!(many, expected);
    }

    /// A word made of a name and thousands of letters more is no typo of it, and a
    /// line of such words yields nothing.
    #[test]
    fn a_huge_word_is_no_typo(name in prop::sample::select(vec!["django", "pydantic", "kubernetes", "postgresql"]), extra in 3usize..5000) {
        let word = format!("{name}{}", "x".repeat(extra));
        let sentence = format!("We used {word} today.");
        let line = [word.as_str(); 3].join(" ");
        prop_assert!(mentions(&sentence).is_empty());
        prop_assert!(mentions(&line).is_empty());
    }
}

/// The shapes of issue 19 at a size where a quadratic or cubic path would not end in
/// the time of a test run, checked by their output.
#[test]
fn megabyte_shapes_yield_what_their_parts_do() {
    // One word of 1 MB: nothing.
    assert!(mentions(&"abcdefghij".repeat(100_000)).is_empty());
    // 1 MB of the ordinary word: no technology.
    assert!(mentions(&"black coffee. ".repeat(75_000)).is_empty());
    // 1 MB dense with names: each copy's mentions.
    let unit = SENTENCES[1];
    let one = mentions(unit);
    assert!(!one.is_empty());
    let many = mentions(&unit.repeat(20_000));
    assert_eq!(many.len(), one.len() * 20_000);
    // A typo just within reach still resolves beside a huge word.
    let text = format!("{} Pydanitc", "q".repeat(200_000));
    let found = mentions(&text);
    assert!(matches!(found.as_slice(), [m] if matches!(m.rule, Rule::EditDistance { distance: 1, .. })), "{found:?}");
}

/// Issue 15: concepts are topics, not technologies. A talk naming fields and practices
/// beside the tools it uses gets Topic nodes for the first and
/// Technology nodes for the second, each linked by `mentions`, all in the topic map,
/// and a user's `kind = "topic"` entry is a topic too.
#[test]
fn concepts_are_topics_and_tools_are_technologies() {
    use talkgraph::graph::{EdgeKind, NodeKind, View, ViewOptions};
    let dir = tempfile::tempdir().expect("temp dir");
    let note = crate::util::write(
        dir.path(),
        "day.md",
        "# PyCon 2024\n\n## Typing at scale\n\nSpeaker: Ann Lee\n\n\
         Type checking with mypy in a monorepo, big data on PyTorch, \
         and our own practice of rubber ducking.\n",
    );
    let user = "[[entry]]\nname = \"Rubber ducking\"\nkind = \"topic\"\ncategory = \"concept\"\n";
    let mut knowledge = talkgraph::load_knowledge(std::slice::from_ref(&note), None).expect("lexicon loads");
    knowledge.lexicon_mut().extend(Lexicon::from_toml(user, "user lexicon").expect("valid TOML")).expect("no clash");
    let g = talkgraph::build_graph(&[note], &knowledge, Some(1)).expect("graph builds").graph;
    let kind = |id: &str| g.find(id).map(|n| g.node(n).kind);
    for id in ["topic:type-checking", "topic:monorepo", "topic:big-data", "topic:rubber-ducking"] {
        assert_eq!(kind(id), Some(NodeKind::Topic), "{id}");
    }
    for id in ["technology:mypy", "technology:pytorch"] {
        assert_eq!(kind(id), Some(NodeKind::Technology), "{id}");
    }
    assert_eq!(kind("technology:big-data"), None, "a concept is no technology");
    let talk = g.nodes().find(|(_, n)| n.kind == NodeKind::Talk).map(|(i, _)| i).expect("a talk");
    let topics = g
        .incident(talk)
        .into_iter()
        .filter(|(o, e, out)| *out && e.kind == EdgeKind::Mentions && g.node(*o).kind == NodeKind::Topic);
    assert_eq!(topics.count(), 4, "the talk mentions each topic");
    let map = g.view(&ViewOptions { view: View::Topics, ..ViewOptions::default() }).expect("the topic map");
    assert!(map.nodes().any(|(_, n)| n.id == "topic:big-data"), "topics are in the topic map");
}
