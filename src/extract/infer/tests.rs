use super::*;
use crate::extract::signals::Signals;
use regex::Regex;

fn lex() -> Lexicon {
    Lexicon::from_toml(
        r#"
[[entry]]
name = "Django"
kind = "technology"
category = "framework"
[[entry]]
name = "Python"
kind = "technology"
category = "language"
[[entry]]
name = "Rust"
kind = "technology"
category = "language"
[[entry]]
name = "Kubernetes"
kind = "technology"
category = "tool"
aliases = ["k8s"]
[[entry]]
name = "Express"
kind = "technology"
category = "framework"
ambiguous = true
npm = "express"
[[entry]]
name = "Python Software Foundation"
kind = "organization"
category = "foundation"
"#,
        "test.toml",
    )
    .expect("valid")
}

/// What the lexicon, the signals and then `Infer` find in `text`: the inferred
/// names (and lexicon names found by an install command), with their rules.
fn inferred(text: &str) -> Vec<(String, Rule)> {
    let lex = lex();
    let pats = crate::extract::text::Patterns::new();
    let body = Body::new(text, 1, &pats);
    let mut found = Found::default();
    let mut scratch = Scratch::default();
    lex.recognise(&body, &mut scratch, &mut found);
    Signals::new(&lex).recognise(&body, &mut scratch, &mut found);
    let before = found.mentions.len();
    Infer::new(&lex).recognise(&body, &mut scratch, &mut found);
    let mut out: Vec<(usize, String, Rule)> = found.mentions[before..]
        .iter()
        .map(|(at, m)| {
            let name = match &m.target {
                Target::Entry(id) => lex.entry(*id).name.clone(),
                Target::Unlisted(n) => format!("?{n}"),
                other => panic!("unexpected {other:?}"),
            };
            (*at, name, m.rule)
        })
        .collect();
    out.sort();
    out.into_iter().map(|(_, n, r)| (n, r)).collect()
}

fn check(cases: &[(&str, &[(&str, Rule)])]) {
    for (text, want) in cases {
        let want: Vec<(String, Rule)> = want.iter().map(|(n, r)| (n.to_string(), *r)).collect();
        assert_eq!(inferred(text), want, "{text:?}");
    }
}

#[test]
fn install_commands_of_every_ecosystem() {
    check(&[
        ("npm i -D vitest @tanstack/query@5", &[("?vitest", Rule::Install), ("?@tanstack/query", Rule::Install)]),
        ("then `npm install express` for the API", &[("Express", Rule::Install)]),
        ("cargo add serde_json --features std", &[("?serde_json", Rule::Install)]),
        ("brew install --cask ghostty", &[("?ghostty", Rule::Install)]),
        ("sudo apt install -y ripgrep fd-find", &[("?ripgrep", Rule::Install), ("?fd-find", Rule::Install)]),
        ("go install github.com/charmbracelet/gum@latest", &[("?gum", Rule::Install)]),
        ("helm install my-release bitnami/postgresql -n db", &[("?postgresql", Rule::Install)]),
        ("docker pull ghcr.io/acme/widgetd:1.2", &[("?widgetd", Rule::Install)]),
        ("go get the point across", &[]),
        ("we had to brew install time", &[]),
    ]);
}

#[test]
fn names_compared_or_listed_with_a_technology() {
    check(&[
        ("We compared Quillstack vs Django last year.", &[("?Quillstack", Rule::Beside)]),
        ("Django or Litestar, which one?", &[("?Litestar", Rule::Beside)]),
        ("we use Foozle, Django and Barkit in production", &[("?Foozle", Rule::Beside), ("?Barkit", Rule::Beside)]),
        ("Zig, Rust, and Odin were on the slides", &[("?Zig", Rule::Beside), ("?Odin", Rule::Beside)]),
        // Ordinary words, people and runs of capitalised words are no names.
        ("Django and friends, Python or something else", &[]),
        ("Django, Jane Doe and others", &[]),
        ("Rust and Python Software Foundation grants", &[]),
        ("Django vs. reality", &[]),
        ("Django, etc.", &[]),
    ]);
}

#[test]
fn camel_case_words() {
    check(&[
        ("the agent is built on LangGraph with tools", &[("?LangGraph", Rule::CamelCase)]),
        ("OpenTelemetry traces everything", &[("?OpenTelemetry", Rule::CamelCase)]),
        // A surname, a degree, a concept, a class of ordinary words, an exception.
        ("a talk by Ryan McCarthy and Danny DeVito", &[]),
        ("she got her PhD in DevOps and SaaS pricing", &[]),
        ("asyncio's TaskGroup and the DataFrame API", &[]),
        ("it raises a ValueError", &[]),
        ("```\nclass LangGraph:\n```", &[]),
        ("call obj.LangGraph or LangGraph() there", &[]),
        // The plural of an acronym is a common noun.
        ("300 req/s on 2 vCPUs and a few ECUs", &[]),
    ]);
}

#[test]
fn acronym_plurals_beside_a_technology() {
    check(&[
        ("short TTLs, Django and Rust", &[]),
        ("ECUs, Django or Rust", &[]),
        ("Foozle, Django and Barkit", &[("?Foozle", Rule::Beside), ("?Barkit", Rule::Beside)]),
    ]);
}

#[test]
fn names_and_digits() {
    check(&[
        ("blinking LEDs on an RP2040 and an ESP32", &[("?RP2040", Rule::NameDigits), ("?ESP32", Rule::NameDigits)]),
        ("the STM32F4 board", &[("?STM32F4", Rule::NameDigits)]),
        // Days, rooms, years, PEPs, short codes, versions of known names.
        ("Day2 in Room3 at PyCon2024, PEP8, A4 paper, Q3, v2, Python3", &[]),
    ]);
}

#[test]
fn crate_style_hyphenated_names() {
    check(&[
        ("sudo-rs is a rewrite of sudo", &[("?sudo-rs", Rule::Hyphenated)]),
        ("on Kubernetes we run cert-manager", &[("?cert-manager", Rule::Hyphenated)]),
        // Without a technology on the line and no ecosystem's mark: not enough.
        ("we run cert-manager", &[]),
        // English words made with hyphens.
        ("a real-time, well-known, pre-trained, non-blocking Rust crate; e-mail me", &[]),
    ]);
}

#[test]
fn a_lexicon_name_with_a_part_of_its_own_is_another_package() {
    // The lexicon leaves `django` of `django-ninja` to inference: a package of its own,
    // beside a technology or not; an adjective made of the name stays the name.
    let lexicon_names = |text: &str| {
        let lex = lex();
        let mut out = Vec::new();
        lex.find_mentions(text, 1, &crate::extract::text::Patterns::new(), &mut out, &mut Vec::new());
        out.into_iter().map(|m| m.surface).collect::<Vec<_>>()
    };
    assert_eq!(lexicon_names("we moved to django-ninja"), Vec::<String>::new());
    assert_eq!(lexicon_names("a django-based site, python-like"), ["django", "python"]);
    check(&[
        ("we moved to django-ninja", &[("?django-ninja", Rule::Hyphenated)]),
        (
            "with rust-analyzer and pytest-django",
            &[("?rust-analyzer", Rule::Hyphenated), ("?pytest-django", Rule::Hyphenated)],
        ),
        ("a django-based site, pure-python, non-python", &[]),
    ]);
}

#[test]
fn urls_and_code_are_not_read() {
    check(&[
        ("see https://example.com/LangGraph/RP2040 with Django", &[]),
        ("```\nimport LangGraph\nx = ESP32()\n```", &[]),
    ]);
}

#[test]
fn words_keep_joined_names_whole() {
    assert_eq!(word_texts("sudo-rs, Node.js and C++ (ESP32)."), ["sudo-rs", "Node.js", "and", "C++", "ESP32"]);
    assert_eq!(word_texts("Straße Łódź x"), ["x"]);
}

proptest::proptest! {
    /// The shape told while a word is read is the one its bytes have: a lower-case
    /// letter before a capital, an ASCII letter before a digit, a `-` or a `_`.
    #[test]
    fn shapes_told_while_reading_are_the_bytes_shapes(text in "[a-cA-C0-2 .+_\u{e9}-]{0,60}") {
        for w in words(&text).0 {
            let b = w.text.as_bytes();
            let want = b.windows(2).any(|p| {
                (p[0].is_ascii_lowercase() && p[1].is_ascii_uppercase())
                    || (p[0].is_ascii_alphabetic() && p[1].is_ascii_digit())
                    || p[1] == b'-'
                    || p[1] == b'_'
            });
            proptest::prop_assert_eq!(w.shaped, want, "{:?} in {:?}", w.text, text);
        }
    }
}

/// The words as the first tokeniser read them, a byte at a time: the oracle of the
/// table-driven one.
fn words_oracle(text: &str) -> Vec<&str> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_alphanumeric() || (i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] >= 0x80)) {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() {
            let joined = matches!(b[i], b'-' | b'.' | b'_') && b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric);
            if b[i].is_ascii_alphanumeric() || joined {
                i += 1;
            } else if b[i] == b'+' && b.get(i + 1) == Some(&b'+') {
                i += 2;
            } else {
                break;
            }
        }
        if b.get(i).is_none_or(|&c| c < 0x80) {
            out.push(&text[start..i]);
        }
    }
    out
}

proptest::proptest! {
    #[test]
    fn words_are_the_oracles(text in "[aZ1 .+_\u{e9}\u{142}-]{0,60}") {
        proptest::prop_assert_eq!(word_texts(&text), words_oracle(&text));
    }

    /// The shaped words read from the lexicon scan's words are those read from the
    /// bytes: texts, offsets, shapes and tools' places, whatever the scan told of each.
    #[test]
    fn words_from_the_scans_words_are_the_same(
        text in r"(npm|Go|cargo|aB|b2|C3|x|Xy|é|ł|\.|-|\+|_| |\n|,|sudo|rs|Node|js|Django|\.NET|C\+\+|Apache Kafka){0,24}"
    ) {
        let (want, want_tools) = words(&text);
        let want: Vec<_> = want.iter().filter(|w| w.shaped).map(|w| (w.at, w.text, w.shaped)).collect();
        // As the scan records them (the lexicon's matcher), and with no shape told.
        let lex = crate::extract::Lexicon::builtin();
        let mut scratch = Scratch::default();
        lex.scan(&Body::new(&text, 1, &crate::extract::text::Patterns::new()), &mut scratch, &mut Vec::new(), &mut Vec::new());
        let scanned = scratch.tokens.of(&text).expect("recorded").to_vec();
        let mut untold = Vec::new();
        push_tokens(&text, 0, text.len(), &mut untold);
        for tokens in [scanned, untold] {
            let (got, got_tools) = shaped_words_of_tokens(&text, &tokens);
            let got: Vec<_> = got.iter().map(|w| (w.at, w.text, w.shaped)).collect();
            proptest::prop_assert_eq!(&got, &want, "{:?}", text);
            proptest::prop_assert_eq!(&got_tools, &want_tools, "{:?}", text);
        }
    }
}

proptest::proptest! {
    /// The install commands found by asking the regex only where the tokeniser saw a
    /// tool's name are those an unanchored search finds.
    #[test]
    fn install_commands_found_where_the_regex_finds_them(
        text in r"(npm|pnpm|go|apt|-get|yarn|global|x_|Go|NPM|é|install|add|get|i| |  |\t|\n|-|\.|a|b c){0,14}"
    ) {
        let lex = lex();
        let infer = Infer::new(&lex);
        let spans = |m: Vec<crate::extract::text::Groups<'_>>| -> Vec<(usize, usize)> {
            m.iter().map(|g| g.get(0).map(|g| (g.start(), g.end())).expect("a match")).collect()
        };
        let anchored = spans(anchored_matches(&infer.install, &text, words(&text).1));
        let whole = spans(all_matches(&infer.install, &text));
        proptest::prop_assert_eq!(anchored, whole);
    }
}

#[test]
fn install_commands_after_joiners_and_other_scripts() {
    let lex = lex();
    let infer = Infer::new(&lex);
    let spans = |m: Vec<crate::extract::text::Groups<'_>>| -> Vec<(usize, usize)> {
        m.iter().map(|g| g.get(0).map(|g| (g.start(), g.end())).expect("a match")).collect()
    };
    for (text, found) in [
        ("foo-npm install left-pad", true),
        ("C++npm i x", true),
        ("x_npm install y", false),
        ("éNPM install z", false),
        ("—npm\u{a0}install z", true),
        ("sudo apt-get install curl", true),
        ("go get\tgolang.org/x/tools", true),
        ("cargo  add serde and pnpm add zod", true),
        ("a gopher goes nowhere", false),
    ] {
        let whole = spans(all_matches(&infer.install, text));
        assert_eq!(spans(anchored_matches(&infer.install, text, words(text).1)), whole, "{text:?}");
        assert_eq!(!whole.is_empty(), found, "{text:?}");
    }
}

proptest::proptest! {
    /// The gaps read by hand as joining two names are those the pattern matches.
    #[test]
    fn joining_gaps_are_the_patterns(
        gap in r"( |\t|\n|\u{a0}|\u{2003}|,|/|&|\.|vs|vs\.|versus|and|or|und|oder|et|ou|y|o|e|en|of|i|lub|And|x|é){0,6}"
    ) {
        let re = Regex::new(JOINER_GAP).expect("valid");
        proptest::prop_assert_eq!(joins(&gap), re.is_match(&gap), "{:?}", gap);
    }
}

proptest::proptest! {
    /// A joiner told by its key is a joiner by its bytes, in any ASCII case.
    #[test]
    fn joiners_by_key_are_joiners_by_bytes(
        t in r"[a-zA-Z0-9._+-]{0,8}|vs|VS|Or|or|AND|and|Und|et|y|E|oder|ou|of|en|I|lub|o|versus|Versus|ands|orr"
    ) {
        let want = JOINERS.iter().any(|j| j.eq_ignore_ascii_case(t.as_bytes()));
        proptest::prop_assert_eq!(is_joiner(&t), want, "{:?}", t);
    }
}

proptest::proptest! {
    /// Where the bytes say a walk stops at its first gap, the walk stops there: the
    /// next (or previous) word that is no joiner is not joined by the gap between.
    #[test]
    fn walks_told_to_stop_by_the_bytes_stop(
        text in r"(Foo|bar|x2|vs|vs\.|or|and|Und|lub|C\+\+|\+\+|a-b|a\.b|a_b|é|ł|\u{a0}|\u{b}| |  |\n|\t|,|, |/| / |&|\.|\(|\)|-|_|\+){0,24}"
    ) {
        let (words, _) = words(&text);
        let b = text.as_bytes();
        let named = |k: &usize| !is_joiner(words[*k].text);
        let joined = |a: &Word<'_>, c: &Word<'_>| {
            let gap = &text[a.at + a.text.len()..c.at];
            !gap.trim_start().is_empty() && joins(gap)
        };
        for i in (0..words.len()).filter(named) {
            let w = words[i];
            if joins_nothing_after(b, w.at + w.text.len()) {
                if let Some(k) = (i + 1..words.len()).find(named) {
                    proptest::prop_assert!(!joined(&w, &words[k]), "{:?} after {:?}", text, w.text);
                }
            }
            if joins_nothing_before(b, w.at) {
                if let Some(k) = (0..i).rev().find(named) {
                    proptest::prop_assert!(!joined(&words[k], &w), "{:?} before {:?}", text, w.text);
                }
            }
        }
    }
}

#[test]
fn walks_are_asked_where_a_joiner_may_be() {
    // Each of these is asked (the bytes cannot tell), and each plain gap is not.
    for (text, at) in [("Foo, Bar", 3), ("Foo / Bar", 3), ("Foo or Bar", 3), ("Foo\u{a0}Bar", 3), ("Foo vs. Bar", 3)] {
        assert!(!joins_nothing_after(text.as_bytes(), at), "{text:?}");
    }
    for (text, at) in [("Foo Bar", 3), ("Foo. Bar", 3), ("Foo (Bar", 3), ("Foo", 3)] {
        assert!(joins_nothing_after(text.as_bytes(), at), "{text:?}");
    }
    for (text, at) in [("Foo, Bar", 5), ("Foo & Bar", 6), ("Foo and Bar", 8), ("a-b Bar", 4), ("Foo vs. Bar", 8)] {
        assert!(!joins_nothing_before(text.as_bytes(), at), "{text:?}");
    }
    for (text, at) in [("Foo Bar", 4), ("Foo. Bar", 5), ("Bar", 0)] {
        assert!(joins_nothing_before(text.as_bytes(), at), "{text:?}");
    }
}

proptest::proptest! {
    /// Words read forwards from any word's end, or backwards from any word's start
    /// or from any place between words, are the neighbours [`words`] gives.
    #[test]
    fn words_read_one_at_a_time_are_the_words(text in r"(aB|b2|x|Xy|é|ł|\u{a0}|\.|-|\+|\+\+|_| |\n|,|/|sudo|rs|Node|js|C\+\+|a-\.b){0,30}") {
        let (all, _) = words(&text);
        let key = |w: &Word<'_>| (w.at, w.text.to_string(), w.shaped);
        let mut i = 0;
        let read: Vec<_> = std::iter::from_fn(|| next_word(&text, &mut i, usize::MAX)).map(|w| key(&w)).collect();
        proptest::prop_assert_eq!(&read, &all.iter().map(key).collect::<Vec<_>>());
        for (k, w) in all.iter().enumerate() {
            let mut i = w.at + w.text.len();
            proptest::prop_assert_eq!(next_word(&text, &mut i, usize::MAX).map(|w| key(&w)), all.get(k + 1).map(key));
            proptest::prop_assert_eq!(word_before(&text, w.at).map(|w| key(&w)), k.checked_sub(1).map(|p| key(&all[p])));
        }
        for at in (0..=text.len()).filter(|&at| at == 0 || is_between(text.as_bytes()[at - 1])) {
            let want = all.iter().rev().find(|w| w.at < at).map(key);
            proptest::prop_assert_eq!(word_before(&text, at).map(|w| key(&w)), want, "{:?} at {}", text, at);
        }
    }
}

#[test]
fn a_word_made_an_adjective_by_a_suffix_is_no_crate() {
    check(&[
        ("a whole admin-ish app with Django, no React", &[]),
        ("a Django-like router in Python", &[]),
        ("cloud-ready builds beside Django", &[]),
        ("app-level authz with Django, thread-safe and CPU-bound, platform-specific", &[]),
        // A French question's verb and its pronoun.
        ("Comment ont-ils migré Kafka ? Et Quarkus, peut-on le compiler ?", &[]),
        // A crate-style name still is one.
        ("on Kubernetes we run cert-manager", &[("?cert-manager", Rule::Hyphenated)]),
    ]);
}

#[test]
fn a_hyphenated_given_name_beside_a_technology_is_a_person() {
    check(&[
        ("Ana did the benchmarks with Django, Jan-Willem the war stories", &[]),
        ("Django, Anne-Marie and Python", &[]),
        ("we use Foozle, Django and Barkit in production", &[("?Foozle", Rule::Beside), ("?Barkit", Rule::Beside)]),
    ]);
}

#[test]
fn snake_case_packages_named_after_known_ones() {
    check(&[
        ("Django with the django_rust bindings", &[("?django_rust", Rule::SnakeCase)]),
        // A function names a verb; with no technology on the line, nothing.
        ("Django: scan_rust, read_django_data", &[]),
        ("then django_rust alone", &[]),
    ]);
}

#[test]
fn a_word_of_a_persons_name_is_that_person() {
    check(&[
        ("## Ana Torres: Django at scale\n\nRust vs Django, Ana handled it", &[]),
        ("## Ana Torres: Django at scale\n\nRust vs Django, Torres handled it", &[]),
        ("## Ana Torres: Django at scale\n\nRust vs Django, Foozle handled it", &[("?Foozle", Rule::Beside)]),
    ]);
}

#[test]
fn julia_packages_are_named_by_their_suffix() {
    check(&[
        ("models trained with Quuxant.jl compiling to XLA", &[("?Quuxant.jl", Rule::Suffixed)]),
        ("DifferentiationFrobface.jl so you can swap backends", &[("?DifferentiationFrobface.jl", Rule::Suffixed)]),
        // A file's name in lower case, a path, an extension alone: no package.
        ("run runtests.jl and make.jl, then src/Quuxant.jl; the .jl files", &[]),
        ("see Quuxant.jlx and B.jl", &[]),
    ]);
}

#[test]
fn the_events_own_name_is_no_inferred_technology() {
    // A calendar prefixes its talks with the conference (`JavaLand: Title`).
    assert!(event_named("javaland 2025 javaland-2025-memo", "JavaLand"));
    assert!(!event_named("javaland 2025", "Java"));
    assert!(!event_named("", "JavaLand"));
}
