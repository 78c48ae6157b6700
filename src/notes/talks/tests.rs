//! The detector on blocks made by hand (a few lines of Markdown read by a small
//! test-only reader: headings, paragraphs, `- ` items, `|` tables, `:KEY: value`
//! drawers), so that these tests do not depend on a markup reader.

use super::*;

/// A tiny reader for the tests: `#` headings, `- `/`* ` items (continuation lines
/// indented), `|` tables (first row a header when followed by `|---`), `:KEY: value`
/// lines as properties, other lines as paragraphs split at blank lines.
fn md(text: &str) -> Blocks<'_> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let l = lines[i];
        let n = i as u32 + 1;
        if l.trim().is_empty() {
            i += 1;
        } else if let Some(h) = l.strip_prefix('#') {
            let level = 1 + h.bytes().take_while(|b| *b == b'#').count() as u8;
            let text = h.trim_start_matches('#').trim().to_string();
            blocks.push(Block { kind: BlockKind::Heading { level, text: text.into() }, line: n, end: n });
            i += 1;
        } else if l.starts_with('|') {
            let mut rows = Vec::new();
            let mut header = None;
            while i < lines.len() && lines[i].starts_with('|') {
                let cells: Vec<String> =
                    lines[i].trim().trim_matches('|').split('|').map(|c| c.trim().to_string()).collect();
                if cells.iter().all(|c| c.chars().all(|ch| ch == '-' || ch == ':')) {
                    header = rows.pop();
                } else {
                    rows.push(Row { cells, line: i as u32 + 1 });
                }
                i += 1;
            }
            blocks.push(Block { kind: BlockKind::Table { header, rows }, line: n, end: i as u32 });
        } else if l.starts_with(':') && l[1..].contains(": ") {
            let mut props = Vec::new();
            while i < lines.len() && lines[i].starts_with(':') {
                let (k, v) = lines[i][1..].split_once(':').unwrap_or(("", ""));
                props.push(Property { key: k.to_string(), value: v.trim().to_string(), line: i as u32 + 1 });
                i += 1;
            }
            blocks.push(Block { kind: BlockKind::Properties(props), line: n, end: i as u32 });
        } else if let Some(item) = l.strip_prefix("- ").or_else(|| l.strip_prefix("* ")) {
            let mut text = item.to_string();
            i += 1;
            while i < lines.len() && lines[i].starts_with("  ") && !lines[i].trim().is_empty() {
                text.push('\n');
                text.push_str(lines[i].trim());
                i += 1;
            }
            blocks.push(Block {
                kind: BlockKind::ListItem { depth: 0, marker: "-".into(), text: text.into() },
                line: n,
                end: i as u32,
            });
        } else {
            let mut text = String::new();
            while i < lines.len()
                && !lines[i].trim().is_empty()
                && !lines[i].starts_with('#')
                && !lines[i].starts_with("- ")
                && !lines[i].starts_with('|')
            {
                if !text.is_empty() {
                    text.push('\n');
                }
                text.push_str(lines[i]);
                i += 1;
            }
            blocks.push(Block { kind: BlockKind::Paragraph { text: text.into() }, line: n, end: i as u32 });
        }
    }
    Blocks { blocks }
}

/// Talks read by the real reader of `markup`: (line, title, speakers and moderators,
/// body).
pub(super) fn read_as(text: &str, markup: crate::notes::document::Markup) -> Vec<(u32, String, Vec<String>, String)> {
    sections_as(text, markup, |s| {
        let names = s.speakers.iter().chain(&s.moderators).map(|n| n.name.clone()).collect();
        (s.line, s.title.clone(), names, s.body.to_string())
    })
}

/// Talks read by the real reader of `markup`: (line, title, speakers).
pub(crate) fn speakers_as(text: &str, markup: crate::notes::document::Markup) -> Vec<(u32, String, Vec<String>)> {
    sections_as(text, markup, |s| (s.line, s.title.clone(), s.speakers.iter().map(|n| n.name.clone()).collect()))
}

/// What `f` makes of each section the detector finds in `text` read by the reader of
/// `markup`.
pub(crate) fn sections_as<T>(
    text: &str,
    markup: crate::notes::document::Markup,
    f: impl Fn(&Section<'_>) -> T,
) -> Vec<T> {
    let note: &'static Note =
        Box::leak(Box::new(Note { file: "notes/t.txt".into(), key: "t".into(), text: text.to_string(), markup }));
    let d = Detector::new();
    let lines = LineIndex::new(&note.text);
    let blocks = d.blocks_of(note, &lines);
    d.detect_indexed(note, &blocks, &lines).doc.sections.iter().map(f).collect()
}

pub(super) fn detect(text: &str) -> (Vec<(u32, String, Vec<String>)>, Document<'static>) {
    let note: &'static Note = Box::leak(Box::new(Note {
        file: "notes/t.md".into(),
        key: "t".into(),
        text: text.to_string(),
        markup: crate::notes::document::Markup::Markdown,
    }));
    let d = Detector::new().detect(note, &md(text));
    let talks = d
        .doc
        .sections
        .iter()
        .map(|s| (s.line, s.title.clone(), s.speakers.iter().map(|n| n.name.clone()).collect()))
        .collect();
    (talks, d.doc)
}

fn titles(text: &str) -> Vec<String> {
    detect(text).0.into_iter().map(|t| t.1).collect()
}

#[test]
fn plain_headings_with_name_lines_under_day_headings() {
    let text = "# PyCon Italia 2024\n\nFlorence, notes.\n\n## Day One — Wednesday 22 May\n\n### The Hidden Cost Of Abstractions\nGiulia Bernasconi\n\n- ORM querysets are lazy\n- more\n\n### Building A Search Engine\nRafael Domínguez-Saito\n\nTantivy is a library.\n\n### Lunch And Hallway\nfood\n\n## Day Two\n\n### Type Checking Without Tears\nOisín Mac Giolla Bhríde\n\ntext\n";
    let (talks, doc) = detect(text);
    let names: Vec<&str> = talks.iter().map(|t| t.1.as_str()).collect();
    assert_eq!(names, ["The Hidden Cost Of Abstractions", "Building A Search Engine", "Type Checking Without Tears"]);
    assert_eq!(talks[2].2, ["Oisín Mac Giolla Bhríde"]);
    assert_eq!(doc.events[0].name, "PyCon Italia 2024");
    assert_eq!(doc.events[0].date.as_deref(), Some("2024-05-22"), "{:?}", doc.events);
    let day2 = doc.sections[2].event.unwrap();
    assert_eq!(doc.events[day2].day, Some(2));
}

#[test]
fn labelled_fields_in_german() {
    let text = "# Notizen PyCon DE & PyData Berlin 2024\n\nTag 1 war am 22. April.\n\n## Tag 2 — 23. April 2024\n\nVortrag: Typsicherheit mit mypy\nSprecherin: Hannah Schäfer-Okafor\n\n- 400k Zeilen\nFazit: lohnt sich.\n\nVortrag: Datenbanken testen\nSprecher: Jörg Weißenborn\n\nText.\n\nMittagspause, Brezeln.\n\nKeynote: Offene Daten\nSprecherin: Dr. Friederike von Brandt\n\nText.\n\n## Notizen für mich\n- Testcontainers ausprobieren!\n- Datum falsch (31.02.2024 statt 23.04.)\n";
    let (talks, doc) = detect(text);
    assert_eq!(talks.len(), 3, "{talks:?}");
    assert_eq!(talks[0].2, ["Hannah Schäfer-Okafor"]);
    assert_eq!(talks[2].2, ["Friederike von Brandt"]);
    assert_eq!(doc.sections[2].kind, SectionKind::Keynote);
    assert!(!doc.sections[2].body.contains("Testcontainers"), "a notes heading ends the talk");
    assert!(!doc.sections[1].body.contains("Brezeln"));
    assert_eq!(doc.events[0].name, "PyCon DE & PyData Berlin 2024");
    assert_eq!(doc.events[0].date.as_deref(), Some("2024-04-22"));
}

#[test]
fn impossible_date_is_no_date_and_a_warning() {
    let text = "# RustConf 2023\n\n## Day 2 - 31.02.2023\n\n## Talk 1: Fearless FFI\nJane Lusby\n\ntext\n";
    let (_, doc) = detect(text);
    assert!(doc.events.iter().all(|e| e.date.is_none()), "{:?}", doc.events);
    let w = doc.warnings.iter().find(|w| w.message.contains("31.02.2023")).expect("a warning");
    assert_eq!((w.file.as_ref(), w.line), ("notes/t.md", Some(3)));
}

#[test]
fn schedule_table_and_sections_are_one_talk_each() {
    let text = "# PyData Amsterdam 2024 — Thursday 12 September 2024\n\n| time | title | speaker | room |\n|---|---|---|---|\n| 09:15 | Keynote: Twenty years of NumPy and what comes next | Ingrid Solberg | Zaal 1 |\n| 10:30 | Forecasting energy demand with LightGBM | Rahul Menon-Pereira | Zaal 1 |\n| 15:30 | coffee | | foyer |\n\n## Twenty years of NumPy\n- history\n- more\n\n## Forecasting energy demand\nLightGBM for forecasts.\n";
    let (talks, doc) = detect(text);
    let names: Vec<&str> = talks.iter().map(|t| t.1.as_str()).collect();
    assert_eq!(names, ["Twenty years of NumPy and what comes next", "Forecasting energy demand with LightGBM"]);
    assert_eq!(talks[0].2, ["Ingrid Solberg"]);
    assert_eq!(doc.sections[0].kind, SectionKind::Keynote);
    assert!(doc.sections[1].body.contains("LightGBM for forecasts"));
    assert_eq!(doc.events[0].date.as_deref(), Some("2024-09-12"));
}

#[test]
fn lead_in_lines_of_a_phone_note() {
    let text = "jsconf eu 2024 notes berlin 3 june 2024\n\nfirst talk - the web platform is your framework (maya okonjo-reyes)\nweb components + lit\n\nnext talk - bun vs node vs deno in 2024 (pieter van den bosch)\nbenchmarks\n\nafter lunch: htmx for the rest of us - jonas ekwueme-lindahl\nserver rendered html\n\nlast one, no idea who the speaker was, came in late\nsomething about wasm\n";
    let (talks, doc) = detect(text);
    assert_eq!(talks.len(), 4, "{talks:?}");
    assert_eq!(talks[0].1, "the web platform is your framework");
    assert_eq!(talks[0].2, ["maya okonjo-reyes"]);
    assert_eq!(talks[1].2, ["pieter van den bosch"]);
    assert_eq!(talks[2].1, "htmx for the rest of us");
    assert!(talks[3].2.is_empty());
    assert_eq!(doc.events[0].name, "jsconf eu 2024");
    assert_eq!(doc.events[0].date.as_deref(), Some("2024-06-03"));
}

#[test]
fn quoted_titles_in_a_recap_email() {
    let text = "From: Sigrid Halvorsen <s@example.com>\nTo: team@example.com\nSubject: Recap: DevOpsDays Oslo 2024 (day 1)\nDate: Wed, 6 Nov 2024 21:14:03 +0100\n\nHi all,\n\nquick recap of day one of DevOpsDays Oslo 2024 (5 November) as promised.\n\nThe opening keynote was **\"Platform engineering is a product\"** by Henrik\nAasland-Berg. His point: backstage.\n\nAfter lunch I went to Oluwaseun Adebayo-Smith's talk on observability on a\nbudget. Everything is OpenTelemetry now.\n\nCheers,\nSigrid\n";
    let (talks, doc) = detect(text);
    assert_eq!(talks.len(), 2, "{talks:?}");
    assert_eq!(talks[0].1, "Platform engineering is a product");
    assert_eq!(talks[0].2, ["Henrik Aasland-Berg"]);
    assert_eq!(talks[1].2, ["Oluwaseun Adebayo-Smith"]);
    assert_eq!(doc.events[0].name, "DevOpsDays Oslo 2024");
    assert_eq!(doc.events[0].date.as_deref(), Some("2024-11-05"));
    assert!(!doc.sections[1].body.contains("Sigrid"), "{}", doc.sections[1].body);
}

#[test]
fn org_drawers_todos_and_breaks() {
    let text = "# TODO things to do after the conf\n- [ ] send slides\n\n# Day 1 (Friday)\n## Keynote: Python in the newsroom\n:SPEAKER: Adaeze Nwosu-Hart\n:ROOM: Main hall\nData desk text.\n\n## Postgres is the only database you need (mostly)\n:SPEAKER: Tobias Lindqvist\nHalf joke title.\n\n## TODO look up pgvector index types\n\n## Lunch\ntacos.\n\n# Follow up\n- ask Tobias\n";
    let (talks, _) = detect(text);
    let names: Vec<&str> = talks.iter().map(|t| t.1.as_str()).collect();
    assert_eq!(names, ["Python in the newsroom", "Postgres is the only database you need (mostly)"]);
    assert_eq!(talks[1].2, ["Tobias Lindqvist"]);
}

#[test]
fn panels_and_pairs_under_headings() {
    let text = "# Open Source Summit Lisbon 2024 — day 2 (17 Sep 2024)\n\n## Panel: Who pays for open source?\nAmara Diallo-Fischer, Kenji Watanabe and Sofia Lindgren-Ahmadi, moderated by Pádraig Ó Ceallaigh\n\n- text\n\n## Supply chain security in practice\nLars Eriksen with Tamar Ben-David\n\ntext\n";
    let (talks, doc) = detect(text);
    assert_eq!(talks[0].1, "Who pays for open source?");
    assert_eq!(talks[0].2.len(), 3);
    assert_eq!(doc.sections[0].moderators[0].name, "Pádraig Ó Ceallaigh");
    assert_eq!(talks[1].2, ["Lars Eriksen", "Tamar Ben-David"]);
    assert_eq!(doc.events[0].date.as_deref(), Some("2024-09-17"));
}

#[test]
fn lightning_items_name_colon_title() {
    let text = "# DjangoCon US 2024\nSeptember 23, 2024\n\n## Lightning talks (afternoon)\n\nModerated by the organizers.\n\n- Rosa Villanueva: Django Ninja is fine, actually\n  typed APIs.\n- Bartłomiej Kowalczyk: Your migrations are lying to you\n  makemigrations.\n";
    let (talks, _) = detect(text);
    let items: Vec<_> = talks.iter().filter(|t| t.0 > 6).collect();
    assert_eq!(items.len(), 2, "{talks:?}");
    assert_eq!(items[0].1, "Django Ninja is fine, actually");
    assert_eq!(items[1].2, ["Bartłomiej Kowalczyk"]);
}

#[test]
fn no_structure_is_one_talk_with_a_warning() {
    let (talks, doc) = detect("We used Djnago and Pydanitc with psuitils.\n");
    assert_eq!(talks.len(), 1);
    assert_eq!(talks[0].1, "We used Djnago and Pydanitc with psuitils");
    assert!(doc.warnings.iter().any(|w| w.message.contains("one talk")));
    assert_eq!(doc.sections[0].body, "");
    let (talks, _) = detect("# Building Graphite\n\nA talk by [Jane Doe](https://x.org)\n\n## Graphite\ntext\n\n## Whisper Database\ntext\n");
    assert_eq!(talks.len(), 1, "{talks:?}");
    assert_eq!(talks[0].2, ["Jane Doe"]);
}

#[test]
fn code_lines_are_no_headings_and_sub_headings_are_parts() {
    let t = titles("# PyCon Africa 2024\n\n## Talk 1: Single-file scripts\nSpeaker: Lindiwe Dube-Hartmann\n\ntext\n\n# /// script\n# requires-python = \">=3.12\"\n\nmore text\n\n## Talk 2: Serving ML models\nSpeaker: Tendai Moyo\n\ntext\n");
    assert_eq!(t, ["Single-file scripts", "Serving ML models"]);
}

#[test]
fn evidence_is_kept_per_candidate() {
    let note = Note {
        file: "t.md".into(),
        key: "t".into(),
        text: "## Lunch\nfood\n\n## Talk 1: X Y\nJane Doe\n\ntext\n".into(),
        markup: crate::notes::document::Markup::Markdown,
    };
    let d = Detector::new().detect(&note, &md(&note.text));
    let lunch = d.candidates.iter().find(|c| c.title == "Lunch").unwrap();
    assert!(!lunch.talk && lunch.evidence.iter().any(|(f, w)| f.contains("break") && *w < 0));
    let talk = d.candidates.iter().find(|c| c.talk).unwrap();
    assert!(talk.evidence.iter().any(|(f, w)| *f == "a talk label" && *w == 3));
    assert_eq!(talk.score(), talk.evidence.iter().map(|e| e.1).sum::<i32>());
}

#[test]
fn linear_in_many_headings_and_long_lines() {
    let mut text = String::from("# Conf 2024\n\n");
    for i in 0..20_000 {
        text.push_str(&format!("## Talk {i}: Title {i}\nJane Doe\n\nbody\n\n"));
    }
    text.push_str(&"word ".repeat(200_000));
    let (talks, _) = detect(&text);
    assert_eq!(talks.len(), 20_000);
}

fn detect_in(file: &str, text: &str) -> Document<'static> {
    let note: &'static Note = Box::leak(Box::new(Note {
        file: file.into(),
        key: "t".into(),
        text: text.to_string(),
        markup: crate::notes::document::Markup::Markdown,
    }));
    Detector::new().detect(note, &md(text)).doc
}

#[test]
fn speakers_in_any_case_after_a_title_but_no_subtitles() {
    let text = "# Meetup 2025\n\n## Docs as code (maya okonjo-reyes)\ntext\n\n## Error messages — Lea Nakamura with Ole Brandvold\ntext\n\n## Localising docs\nby anneke van der berg & joão pimentel\n\ntext\n\n## Rust in production — Lessons Learned\ntext\n\nmore\n\nmore\n\n## Packaging (open source)\ntext\n\nmore\n\nmore\n";
    let (talks, _) = detect(text);
    let speakers: Vec<Vec<String>> = talks.iter().map(|t| t.2.clone()).collect();
    assert_eq!(
        talks.iter().map(|t| t.1.as_str()).collect::<Vec<_>>(),
        [
            "Docs as code",
            "Error messages",
            "Localising docs",
            "Rust in production — Lessons Learned",
            "Packaging (open source)"
        ]
    );
    assert_eq!(speakers[0], ["maya okonjo-reyes"]);
    assert_eq!(speakers[1], ["Lea Nakamura", "Ole Brandvold"]);
    assert_eq!(speakers[2], ["anneke van der berg", "joão pimentel"]);
    assert!(speakers[3].is_empty() && speakers[4].is_empty());
}

#[test]
fn remarks_and_the_end_of_a_letter_are_no_content() {
    // `## Hallway` holds only the note-taker's remarks, then the letter ends.
    let text = "Subject: notes\n\n## First talk\nJane Doe\n\ntext\n\n## Second talk\nJohn Roe\n\ntext\n\n## Around\n- me: ask Jane for the slides\n\nCheers,\nIngrid\n\n-- \nIngrid Solberg\n";
    assert_eq!(titles(text), ["First talk", "Second talk"]);
}

#[test]
fn a_comment_glued_to_text_above_the_talk_level_does_not_end_the_talk() {
    let text = "# Conf 2024\n\n## Talk 1: Shipping\nJane Doe\n\nsome text\n#!/bin/bash\n# build the image\ndocker build .\nmore text on Docker\n\n## Talk 2: Next\nJohn Roe\n\ntext\n";
    let d = detect_in("notes/t.md", text);
    assert_eq!(d.sections.len(), 2);
    assert!(d.sections[0].body.contains("more text on Docker"), "{:?}", d.sections[0].body);
}

#[test]
fn a_file_named_title_speaker_with_no_heading() {
    let text = "(Vigo, 5 June 2024, first talk after the opening)\n\nWhy FastAPI next to Django: their mobile API needed websockets.\n- Starlette underneath\n";
    let d = detect_in("djangocon-eu-2024/building-async-apis-with-fastapi-lena-kowalski.md", text);
    assert_eq!(d.sections.len(), 1);
    assert_eq!(d.sections[0].title, "building async apis with fastapi");
    assert_eq!(d.sections[0].speakers.iter().map(|n| n.name.as_str()).collect::<Vec<_>>(), ["Lena Kowalski"]);
    assert_eq!(d.events[0].name, "DjangoCon EU 2024");
    assert_eq!(d.events[0].date.as_deref(), Some("2024-06-05"));
    // A technology at the end of the name is written in the notes: no speaker.
    let d = detect_in("notes/getting-started-with-apache-kafka.md", "Kafka is a log. Apache runs it.\n");
    assert!(d.sections[0].speakers.is_empty(), "{:?}", d.sections[0].speakers);
}

#[test]
fn a_lower_case_first_line_with_notes_or_a_date_names_the_event() {
    let d = detect_in(
        "notes/t.txt",
        "pydata berlin 2025 - my notes, 12 june 2025\n\nnext talk - polars (lukas hoffmann-ng)\ntext\n",
    );
    assert_eq!(d.events[0].name.to_lowercase(), "pydata berlin 2025");
    assert_eq!(d.events[0].date.as_deref(), Some("2025-06-12"));
}

#[test]
fn a_remark_in_parentheses_names_no_event() {
    let d =
        detect_in("notes/t.md", "(Vigo, 5 June 2024, first talk after the opening)\n\nWhy FastAPI next to Django.\n");
    assert!(d.events.iter().all(|e| !e.name.contains("Vigo")), "{:?}", d.events);
}

#[test]
fn fields_under_a_heading_name_speakers_and_moderators() {
    // Fields as list items (one per item, in any list marker) or as a paragraph of
    // lines; other fields (room, time) continue the run; a list of points is no field.
    let text = "# RustConf 2025\n\n## Panel: is async done?\n\n- **Moderator:** Priya Raman\n- Room: B\n- Panelists: Tom Berg, Ana Lambda\n\ntext\n\n## Rust in the kernel\n\n* Speaker: Greg Novak\n\nLinux.\n\n## Databases\n\nSpeakers: Mei Lin & Oskar Nilsson\nModerator: Jo Park\n\ntext\n\n## Tokio internals\n\n- Speaker notes: none\n- why: it is fast\n\ntext\n";
    let (talks, doc) = detect(text);
    let titles: Vec<&str> = talks.iter().map(|t| t.1.as_str()).collect();
    assert_eq!(titles, ["is async done?", "Rust in the kernel", "Databases", "Tokio internals"], "{talks:?}");
    let names = |s: &Section<'_>, m: bool| -> Vec<String> {
        (if m { &s.moderators } else { &s.speakers }).iter().map(|n| n.name.clone()).collect()
    };
    assert_eq!(names(&doc.sections[0], false), ["Tom Berg", "Ana Lambda"]);
    assert_eq!(names(&doc.sections[0], true), ["Priya Raman"]);
    assert_eq!(doc.sections[0].moderators[0].line, 5);
    assert_eq!(names(&doc.sections[1], false), ["Greg Novak"]);
    assert_eq!(names(&doc.sections[2], false), ["Mei Lin", "Oskar Nilsson"]);
    assert_eq!(names(&doc.sections[2], true), ["Jo Park"]);
    assert!(doc.sections[3].speakers.is_empty() && doc.sections[3].moderators.is_empty());
}

#[test]
fn a_person_before_a_quoted_title_in_prose() {
    let text = "PyCon 2025\n\nWe read the Django docs on \"class based views\" again.\n\nMy notes on \"what to try next\" and more.\n\nThe keynote: Lukasz Langa on \"Python 3.14 and beyond\". Great.\n\nThen a talk by Jake Howard: \"Background tasks without Celery\".\n";
    let (talks, _) = detect(text);
    let got: Vec<(&str, Vec<String>)> = talks.iter().map(|t| (t.1.as_str(), t.2.clone())).collect();
    assert_eq!(
        got,
        [
            ("Python 3.14 and beyond", vec!["Lukasz Langa".to_string()]),
            ("Background tasks without Celery", vec!["Jake Howard".to_string()])
        ]
    );
}

#[test]
fn numbered_items_with_a_time_a_label_and_an_affiliation() {
    let text = "# PyData 2025\n\n- 09:30 – Keynote: Data after the hype — Ines Vermeulen\n  more\n- 10:30 – Polars in production — Jasper de Boer (Booking.com)\n  more\n- 13:30 – Lunch\n";
    let (talks, doc) = detect(text);
    let got: Vec<(&str, Vec<String>)> = talks.iter().map(|t| (t.1.as_str(), t.2.clone())).collect();
    assert_eq!(
        got,
        [
            ("Data after the hype", vec!["Ines Vermeulen".to_string()]),
            ("Polars in production", vec!["Jasper de Boer".to_string()])
        ]
    );
    assert_eq!(doc.sections[0].kind, SectionKind::Keynote);
}

#[test]
fn a_curly_quote_before_a_quoted_title_is_a_stop() {
    // `”` is three bytes: the sentence before a quoted title starts after all of them.
    let (talks, _) = detect("Notes\n\nShe wrote F”{name!r}” then Ana Lee on \"Typed settings files\" later.\n");
    assert!(talks.iter().all(|t| !t.1.contains('”')), "{talks:?}");
    let (talks, _) = detect("Notes\n\nAs the docs say ”read them” Ana Lee on \"Typed settings files\".\n");
    assert_eq!(talks.iter().map(|t| t.2.clone()).collect::<Vec<_>>(), [vec!["Ana Lee".to_string()]]);
}

#[test]
fn the_separators_are_found_where_rfind_finds_them() {
    // Every separator at every place of an eight-byte word, spaces side by side, text
    // not in ASCII around them, a separator cut by the end of the text.
    let seps: Vec<&str> = BY_SEPS.iter().chain(&DASH_SEPS).copied().collect();
    let mut texts = vec![
        String::new(),
        " ".into(),
        " b".into(),
        "a  by  by b".into(),
        "Über — Größe – Naïve - x -- y".into(),
        "t by".into(),
        "Title - Name by Other door Third przez Fourth di X par Y por Z von W By V BY U".into(),
    ];
    for sep in &seps {
        for pad in 0..10 {
            texts.push(format!("{}{sep}Name", "é".repeat(pad)));
            texts.push(format!("{}{sep}{}{sep}", "x".repeat(pad), "y".repeat(17 - pad)));
            texts.push(format!("{}{sep}{}{sep}{}", "x".repeat(3 * pad), "y".repeat(40 - pad), "z".repeat(pad)));
        }
    }
    for t in &texts {
        let want: Vec<Option<usize>> = seps.iter().map(|sep| t.rfind(sep)).collect();
        let mut last = [None; super::people::SEPS];
        assert_eq!(last_seps(t, &mut last), want.iter().any(Option::is_some), "{t:?}");
        assert_eq!(last.to_vec(), want, "{t:?}");
    }
}

#[test]
fn mail_headers_are_read_at_their_lines() {
    // Lines without a colon between the headers, a colon inside a value, a key too
    // long to be a header, a last line ending in a colon.
    let text = "greetings all\nFrom: Ana Ruiz <a@example.com>\nno colon on this line\nSubject: PyCon Lite 2025: recap\na key much longer than any header could be: x\nDate:";
    let (_, doc) = detect(text);
    assert_eq!(doc.events.len(), 1, "{:?}", doc.events);
    assert_eq!((doc.events[0].name.as_str(), doc.events[0].line), ("PyCon Lite 2025", 4));
}

#[test]
fn talks_told_in_a_dictated_memo() {
    // No markup, no stops: a lead-in names each talk, the title ends at `by NAME` or
    // starts after `by NAME called`, the names end where the speech goes on.
    let text = "okay so this is day two of the conference\n\nso the first talk this morning was called Polars in production what we learned by Amara Nwosu-Lindqvist she works at Zalando and they moved forty jobs\n\nshe kept saying the lazy API is the whole point\n\nside note not a talk I had a long chat with Tomasz about conda\n\nokay so next one was fine tuning small models on a laptop by Rahul Venkataraman and Chiara dell'Acqua they're both from Aleph Alpha\n\nlunch was the currywurst thing again not great\n\nand then the closing keynote was by Leilani Kahale-Moreau called data science is still ninety percent cleaning and it was a mix of funny and depressing\n";
    let (talks, doc) = detect(text);
    let got: Vec<(&str, Vec<&str>)> =
        talks.iter().map(|t| (t.1.as_str(), t.2.iter().map(String::as_str).collect())).collect();
    assert_eq!(
        got,
        [
            ("Polars in production what we learned", vec!["Amara Nwosu-Lindqvist"]),
            ("fine tuning small models on a laptop", vec!["Rahul Venkataraman", "Chiara dell'Acqua"]),
            ("data science is still ninety percent cleaning", vec!["Leilani Kahale-Moreau"]),
        ]
    );
    assert_eq!(doc.sections[2].kind, SectionKind::Keynote);
    // The lead-in paragraph is the talk's first notes; an aside or a break ends them.
    assert!(doc.sections[0].body.contains("Zalando") && doc.sections[0].body.contains("lazy API"));
    assert!(!doc.sections[0].body.contains("conda"), "{}", doc.sections[0].body);
    assert!(!doc.sections[1].body.contains("currywurst"), "{}", doc.sections[1].body);
}

#[test]
fn talks_told_in_a_transcribed_voice_memo() {
    // Each thing said on a line of its own, no stops, fillers; the first line the
    // preamble, the first talk on the line under it; the title in a clause of its own,
    // after a comma, after `talking about`, or in the next thing said.
    let text = "right uh so this is pycon lite day one in lyon, late evening, very tired honestly\nso the opening keynote was uh oluwaseun adeyemi and it was called small tools for big teams\nshe said ship the boring thing first\n\nthen next up was ingrid solbakken talking about um profiling numpy code without guessing\nwhich was a lot of py-spy and flame graphs\n\nafter lunch it was tomasz wierzbicki and um kaito morimoto doing it together\nthe title was something like packaging is a team sport\nthey use hatch everywhere\n\nlast one i went to was beatriz carvalho, notebooks are not the enemy\nit was mostly jupyter and papermill\n";
    let (talks, doc) = detect(text);
    let got: Vec<(u32, &str, Vec<&str>)> =
        talks.iter().map(|t| (t.0, t.1.as_str(), t.2.iter().map(String::as_str).collect())).collect();
    assert_eq!(
        got,
        [
            (2, "small tools for big teams", vec!["oluwaseun adeyemi"]),
            (5, "profiling numpy code without guessing", vec!["ingrid solbakken"]),
            (8, "packaging is a team sport", vec!["tomasz wierzbicki", "kaito morimoto"]),
            (12, "notebooks are not the enemy", vec!["beatriz carvalho"]),
        ]
    );
    assert_eq!(doc.sections[0].kind, SectionKind::Keynote);
    assert!(doc.sections[1].body.contains("py-spy"), "{}", doc.sections[1].body);
}

#[test]
fn a_hard_wrapped_sentence_runs_on_past_its_line() {
    // Wrapped at a width, a line's end is no end of what is said.
    let text = "okay so this is the morning of day two, with coffee in hand and a very\nfull programme\n\nnext up was ingrid solbakken talking about profiling numpy code without\nguessing, a lot of py-spy and flame graphs and some line profiler as well\nand the advice to measure before you rewrite anything at all.\n";
    let got = titles(text);
    assert_eq!(got, ["profiling numpy code without guessing"]);
}

#[test]
fn talks_told_in_a_written_recap() {
    let text = "# Two days at a conference\n\nRegistration was chaos in the nicest way.\n\nFirst up was Ana Souza's talk on cancellation, \"Cancel me gently\". She works in Porto.\n\nAfter coffee, Kenji Watanabe walked us through \"From actix to axum without a\nmaintenance window\", the story of a migration.\n\nStraight after lunch Liesbeth van den Berg talked about ECS patterns in Bevy, or really\nabout what broke.\n\nThen a double act: Rahul Deshpande and Yuki Tanaka, both from a fintech, with \"Our CI\nwent from forty minutes to six\".\n\nThe closing talk was José María de la Fuente on Rust in the browser without the glue.\n";
    let got: Vec<(String, Vec<String>)> = detect(text).0.into_iter().map(|t| (t.1, t.2)).collect();
    let want = [
        ("Cancel me gently", vec!["Ana Souza"]),
        ("From actix to axum without a maintenance window", vec!["Kenji Watanabe"]),
        ("ECS patterns in Bevy", vec!["Liesbeth van den Berg"]),
        ("Our CI went from forty minutes to six", vec!["Rahul Deshpande", "Yuki Tanaka"]),
        ("Rust in the browser without the glue", vec!["José María de la Fuente"]),
    ];
    let want: Vec<(String, Vec<String>)> =
        want.iter().map(|(t, p)| (t.to_string(), p.iter().map(|n| n.to_string()).collect())).collect();
    assert_eq!(got, want);
}

#[test]
fn talks_told_in_other_languages() {
    for (text, title, name) in [
        (
            "Danach sprach Anna Schmidt über Typprüfung in großen Codebasen.\n",
            "Typprüfung in großen Codebasen",
            "Anna Schmidt",
        ),
        (
            "Der erste Vortrag war Daten ohne Tränen von Jörg Weißenborn, sehr gut.\n",
            "Daten ohne Tränen",
            "Jörg Weißenborn",
        ),
        ("Ensuite, Claire Dubois a présenté « Le typage sans douleur ».\n", "Le typage sans douleur", "Claire Dubois"),
        ("La primera charla fue «Datos sin lágrimas» por Ana Ruiz.\n", "Datos sin lágrimas", "Ana Ruiz"),
        ("Poi Marco Rossi ha parlato di packaging moderno in Python.\n", "packaging moderno in Python", "Marco Rossi"),
        ("A segunda palestra foi Testes sem dor por João Silva.\n", "Testes sem dor", "João Silva"),
        ("Daarna vertelde Jan de Vries over testen in productie.\n", "testen in productie", "Jan de Vries"),
        ("Następna prelekcja była Testy bez bólu przez Annę Kowalską.\n", "Testy bez bólu", "Annę Kowalską"),
    ] {
        let talks = detect(text).0;
        assert_eq!(talks.len(), 1, "{text}: {talks:?}");
        assert_eq!((talks[0].1.as_str(), talks[0].2.clone()), (title, vec![name.to_string()]), "{text}");
    }
}

#[test]
fn sentences_that_tell_no_talk() {
    for text in [
        // A lead-in, but no title and speaker.
        "The first talk was great, by far the best of the day.\n",
        "Then we went to lunch with Ana Ruiz and talked about nothing.\n",
        "Next time I will sit closer to the stage.\n",
        "After lunch Ana Ruiz showed how they trace DAGs with OpenTelemetry.\n",
        "The next session was run by Ana Ruiz and focused on testing.\n",
        // Speech running on with no stop and no clause to end the title.
        "and then the keynote was by Ana Ruiz called one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twentyone twentytwo twentythree twentyfour twentyfive\n",
    ] {
        let (talks, _) = detect(text);
        assert!(talks.len() <= 1 && talks.iter().all(|t| t.2.is_empty()), "{text}: {talks:?}");
    }
    // A name in lower case ends before ordinary words.
    let (talks, _) = detect("okay next one was testing in production by maya okonjo-reyes she works at acme\n");
    assert_eq!(talks[0].1, "testing in production");
    assert_eq!(talks[0].2, ["maya okonjo-reyes"]);
    // A paragraph under a talk's heading tells about that talk.
    let text =
        "## Keynote: Python on the edge\n\nThe closing keynote was by Sofia Marino on MicroPython for schools.\n";
    assert_eq!(titles(text), ["Python on the edge"]);
}

/// A time or a time range before a title is parted from it by a dash, a colon, a bar,
/// a comma, a middle dot or a bullet, none of which is part of the title.
#[test]
fn separators_after_a_time() {
    for (line, title) in [
        ("14:00–14:30 · Async views in Django", "Async views in Django"),
        ("09:15 • Keynote", "Keynote"),
        ("10:30 - HTMX all the way down", "HTMX all the way down"),
        ("11:00 | Postgres tricks", "Postgres tricks"),
    ] {
        assert_eq!(strip_time(line).map(|(rest, _)| rest), Some(title), "{line}");
    }
    // A time glued to a word is no time before a title.
    assert!(strip_time("10:30am·x").is_some_and(|(r, _)| r == "x"));
    assert!(strip_time("10:30x title").is_none());
    // A word for the hour before it, perhaps after a short day (Italian, French notes).
    assert_eq!(strip_time("h 10.30 asyncio senza paura"), Some(("asyncio senza paura", "10.30")));
    assert_eq!(strip_time("gio h 9.30 keynote di apertura"), Some(("keynote di apertura", "9.30")));
    assert_eq!(strip_time("ore 14:15 pranzo").map(|(r, _)| r), Some("pranzo"));
    // The hour's word in Norwegian, German, Polish.
    assert_eq!(strip_time("kl 10.20 – .NET Aspire"), Some((".NET Aspire", "10.20")));
    assert_eq!(strip_time("kl. 9.00 Keynote"), Some(("Keynote", "9.00")));
    assert_eq!(strip_time("um 14:00 Vortrag"), Some(("Vortrag", "14:00")));
    assert_eq!(strip_time("godz. 10:20 Otwarcie"), Some(("Otwarcie", "10:20")));
    assert_eq!(strip_time("às 10h abertura"), Some(("abertura", "10h")));
    assert!(strip_time("kl x").is_none());
    assert!(strip_time("h is for hope").is_none() && strip_time("the 10.30 train").is_none());
}

/// The people before a title, parted from it by a colon or a dash, in headings, list
/// items and title lines after a time; a title's lead is no person.
#[test]
fn people_before_the_title() {
    let text = "# DemoConf 2025\n\n### Ines Marchetti & Tobiasz Wróbel: Oban at 50M jobs a day\n- a\n- b\n\n### José Ángel Ruiz de la Fuente — Gleam for Elixir people\n- a\n- b\n\n### Henrik Lindqvist (Acme Corp): Your supervision tree is lying\n- a\n- b\n\n### Keynote: Rust at the edge\n- a\n- b\n\n### Kubernetes Operators: writing controllers in Go\n- a\n- b\n- c\n";
    let (talks, _) = detect(text);
    let got: Vec<(&str, Vec<&str>)> =
        talks.iter().map(|t| (t.1.as_str(), t.2.iter().map(String::as_str).collect())).collect();
    assert_eq!(
        got,
        [
            ("Oban at 50M jobs a day", vec!["Ines Marchetti", "Tobiasz Wróbel"]),
            ("Gleam for Elixir people", vec!["José Ángel Ruiz de la Fuente"]),
            ("Your supervision tree is lying", vec!["Henrik Lindqvist"]),
            ("Rust at the edge", vec![]),
            ("Kubernetes Operators: writing controllers in Go", vec![]),
        ]
    );
    let items = "# DemoConf 2025\n\nTalks:\n\n- Ines Marchetti & Tobiasz Wróbel: Oban at 50M jobs a day\n- José Ángel Ruiz de la Fuente — Gleam for Elixir people\n- Anna Schmidt - Typing in anger\n";
    let (talks, _) = detect(items);
    assert_eq!(talks.len(), 3, "{talks:?}");
    assert_eq!(talks[1].2, ["José Ángel Ruiz de la Fuente"]);
    let lines = "# DemoConf 2025\n\n10:00 José Ángel Ruiz de la Fuente: Gleam for Elixir people\nnotes on Gleam.\n\n11:00 Ines Marchetti & Tobiasz Wróbel — Oban at 50M jobs a day\nnotes on Oban.\n\nAna Ruiz: we should try Gleam.\n";
    let (talks, _) = detect(lines);
    let got: Vec<(&str, usize)> = talks.iter().map(|t| (t.1.as_str(), t.2.len())).collect();
    assert_eq!(got, [("Gleam for Elixir people", 1), ("Oban at 50M jobs a day", 2)]);
}

/// A memo in Japanese and English: labels in Japanese (`登壇者`, `【基調講演】`, `昼食`),
/// full-width colons and brackets, titles in corner brackets, `10:00〜10:30`, names in
/// Han with their reading in Latin letters.
#[test]
fn a_memo_in_japanese_and_english() {
    use crate::notes::document::Markup;
    let text = "JSConf JP 2024 メモ (2024/11/23)\n\n【基調講演】 Web の未来 / The future of the Web\n  スピーカー：山本 大輔（Daisuke Yamamoto）\n  ・Baseline の話\n\n11:00〜11:30 「Bun と Deno の今」\n  登壇者：Lena Fischer さん\n  ・Bun 1.1 のベンチマーク\n\n昼食 12:00〜13:00\n\n13:00〜13:30 『React Server Components 再入門』 / 小林 さくら\n  ・RSC のキャッシュ\n";
    let talks = read_as(text, Markup::Plain);
    let got: Vec<(&str, Vec<&str>)> =
        talks.iter().map(|t| (t.1.as_str(), t.2.iter().map(String::as_str).collect())).collect();
    assert_eq!(
        got,
        [
            ("Web の未来 / The future of the Web", vec!["Daisuke Yamamoto"]),
            ("Bun と Deno の今", vec!["Lena Fischer"]),
            ("React Server Components 再入門", vec!["小林 さくら"]),
        ]
    );
}

/// Chinese and Korean notes: a keynote label and a speaker field with a full-width
/// colon, a name written as one word, a break heading.
#[test]
fn notes_in_chinese_and_korean() {
    let zh = "# PyCon China 2024 笔记\n\n## 主题演讲：Python 的未来\n讲者：张伟\n- free-threading\n\n## 用 Rust 加速 Python\n演讲者：李娜（Li Na）\n- PyO3\n\n## 午餐\n- 面条\n";
    let (talks, _) = detect(zh);
    assert_eq!(
        talks.iter().map(|t| (t.1.as_str(), t.2.clone())).collect::<Vec<_>>(),
        [("Python 的未来", vec!["张伟".to_string()]), ("用 Rust 加速 Python", vec!["Li Na".to_string()]),]
    );
    let ko = "# PyCon Korea 2024 메모\n\n## 기조연설: 파이썬의 미래\n발표자: 김민준\n- JIT\n\n## 점심\n- 김밥\n";
    let (talks, _) = detect(ko);
    assert_eq!(talks.len(), 1, "{talks:?}");
    assert_eq!(talks[0].2, ["김민준"]);
}

/// A time range with the wave dash of Japanese, a full-width colon after it.
#[test]
fn a_time_range_with_a_wave_dash() {
    assert_eq!(strip_time("10:00〜10:30 「Title」").map(|(r, _)| r), Some("「Title」"));
    assert_eq!(strip_time("10:00～10:30：Title").map(|(r, _)| r), Some("Title"));
}

/// Notes from the common tools: a bold line alone is a heading (Google Docs, Word,
/// Notion exports), unless it names the speaker; a name line run on into the notes; a
/// numbered label (`Talk 1:`); a numbered title over a name line typed without
/// indenting, in plain text.
#[test]
fn bold_lines_numbered_labels_and_run_on_name_lines() {
    let gdocs =
        "# **Team notes**\n\n**9:10 — \"Iceberg at scale\"**\n\nBy Rustam Nurmagambetov. Flink SQL on Kafka.\n\n\
                 **10:00 — \"Contracts\"**\n\nChad Okonjo-Whitfield — contracts as Protobuf schemas.\n\n\
                 **10:50 Small data**\n\n**Ana Ruiz**\n\nDuckDB on a laptop.\n";
    assert_eq!(
        speakers_as(gdocs, crate::notes::document::Markup::Markdown),
        [
            (3, "Iceberg at scale".to_string(), vec!["Rustam Nurmagambetov".to_string()]),
            (7, "Contracts".to_string(), vec!["Chad Okonjo-Whitfield".to_string()]),
            (11, "Small data".to_string(), vec!["Ana Ruiz".to_string()]),
        ]
    );
    let report = "Trip report\n\nTalk 1: Static analysis beyond level max\nSpeaker: Dario Esposito\nCustom rules.\n\n\
                  Talk 2: Laravel on FrankenPHP\nSpeaker: Chiara Dell'Acqua\nVery good.\n";
    let plain = crate::notes::document::Markup::Plain;
    assert_eq!(
        speakers_as(report, plain),
        [
            (3, "Static analysis beyond level max".to_string(), vec!["Dario Esposito".to_string()]),
            (7, "Laravel on FrankenPHP".to_string(), vec!["Chiara Dell'Acqua".to_string()]),
        ]
    );
    let phone = "Notas\n\n1. Your IAM policies are lying\nNadia Benali\nMuy bueno, IAM.\n- CloudTrail\n\n\
                 2. Secrets in CI\nby Oluwaseun Adebayo-Larsen\n- OIDC\n\n3. Lightning: Sigstore in 5 min\nAna Paula Ribeiro\ncosign.\n";
    assert_eq!(
        speakers_as(phone, plain).into_iter().map(|t| (t.1, t.2)).collect::<Vec<_>>(),
        [
            ("Your IAM policies are lying".to_string(), vec!["Nadia Benali".to_string()]),
            ("Secrets in CI".to_string(), vec!["Oluwaseun Adebayo-Larsen".to_string()]),
            ("Sigstore in 5 min".to_string(), vec!["Ana Paula Ribeiro".to_string()]),
        ]
    );
    // A numbered line with no label is no field; a year is no number of a talk.
    assert_eq!(lines::after_number("1: Title"), "Title");
    assert_eq!(lines::after_number("#3 – Title"), "Title");
    assert_eq!(lines::after_number("2026 plans"), "2026 plans");
    assert_eq!(sentence::name_clause("By Ana Ruiz. Flink on Kafka."), "By Ana Ruiz");
    assert_eq!(sentence::name_clause("Ana Ruiz — contracts. More."), "Ana Ruiz");
}

/// A heading that is only the speaker's name over the title set apart on the next line;
/// `Name: Title` items of a lightning list, each a talk.
#[test]
fn a_name_heading_over_its_title_and_lightning_names() {
    let text = "# GoDays 2026\n\n### Thi Minh Anh Lê\n**Building a Postgres proxy in Go**\nSie hat einen Proxy gebaut.\n\n\
                ### Lightning Talks\n- Jakob Zwiebelmann: go tool directives in go.mod\n- Paulina Szymańska: templ + htmx statt React – \"no build step\"\n";
    let (talks, _) = detect(text);
    let got: Vec<(&str, Vec<String>)> = talks.iter().map(|t| (t.1.as_str(), t.2.clone())).collect();
    assert_eq!(got[0], ("Building a Postgres proxy in Go", vec!["Thi Minh Anh Lê".to_string()]));
    assert_eq!(got[1], ("go tool directives in go.mod", vec!["Jakob Zwiebelmann".to_string()]));
    assert_eq!(got[2].1, ["Paulina Szymańska"]);
    assert_eq!(got.len(), 3, "{got:?}");
}

/// Headings naming a room or a track hold the talks given there (each a bold title line
/// with its speaker after a dash, after the talk's kind, or on a name line with an
/// affiliation), as a part of a day does; a heading with a time over one talk stays its
/// slot.
#[test]
fn rooms_and_tracks_hold_their_talks() {
    let text = "# GoCon 2026\n\n## Day 1\n\n### Main Hall (Whitbread)\n\n**09:15 Go at 15** — keynote, Fiona Blackwood\n- notes\n\n\
                ### Track 2 (Porter Tun)\n\n**10:30 Structured logging with slog** — Callum Hargreaves (Monzo)\n- notes\n\n\
                **14:00 Go in the payments core**\nOluwaseun Adeyemi from Starling Bank\n- gRPC\n\n**15:00 Keynote — Arenas and weak pointers** — Rhiannon Pryce\n- arenas\n";
    let got = speakers_as(text, crate::notes::document::Markup::Markdown);
    let want = [
        (7, "Go at 15", "Fiona Blackwood"),
        (12, "Structured logging with slog", "Callum Hargreaves"),
        (15, "Go in the payments core", "Oluwaseun Adeyemi"),
        (19, "Arenas and weak pointers", "Rhiannon Pryce"),
    ];
    assert_eq!(got.len(), want.len(), "{got:?}");
    for ((line, title, people), (l, t, p)) in got.iter().zip(want) {
        assert_eq!((*line, title.as_str(), people.join(", ").as_str()), (l, t, p));
    }
    let l = crate::notes::labels::Labels::default();
    assert!(blocks::room_heading("Track 2 (Porter Tun)", &l) && blocks::room_heading("Rust devroom", &l));
    assert!(!blocks::room_heading("Where to eat", &l) && !blocks::room_heading("Room 2, 11:00", &l));
    assert!(!blocks::room_heading("Escape from the server room", &l));
}

/// A file of one talk: a heading of names under its title names its speakers (its
/// sub-headings stay parts); front matter naming a title and a speaker makes the page
/// that talk; a speaker field's affiliation after a slash is no name.
#[test]
fn one_talk_files_name_heading_front_matter_and_slash_affiliation() {
    let md = crate::notes::document::Markup::Markdown;
    let text = "Rust at a bank\n==============\n\n#### Julia Steiner & Florian Pichler\n\nBoth from Raiffeisen IT.\n\n\
                The pitch\n---------\nMemory safety.\n\nStack\n-----\n- axum + tokio\n";
    let got = speakers_as(text, md);
    assert_eq!(
        got,
        [(1, "Rust at a bank".to_string(), vec!["Julia Steiner".to_string(), "Florian Pichler".to_string()])]
    );
    let text = "---\ntitle: \"RBS と Steep で「型のある生活」\"\nspeaker: 佐々木 美咲\ndate: 2024-05-16\n---\n\n二日目の朝イチ。\n\n- RBS\n";
    assert_eq!(
        speakers_as(text, md),
        [(2, "RBS と Steep で「型のある生活」".to_string(), vec!["佐々木 美咲".to_string()])]
    );
    let text = "## YJIT in production\n\n- speaker: Takumi Onishi / SmartHR\n- 15:30 Sub Hall\n\nRails 7.1.\n";
    assert_eq!(speakers_as(text, md), [(1, "YJIT in production".to_string(), vec!["Takumi Onishi".to_string()])]);
}

/// A schedule table over sections: a column whose header says what else it holds
/// (`Track`, `Where I ended up`) gives no title or name; a short row is the same talk
/// as the section whose title holds all its words, or the heading naming its
/// speaker's surname (`## keynote (Procházková)`); an item of a talk's notes naming an
/// entry starts no talk.
#[test]
fn schedule_rows_and_their_sections() {
    let text = "# Conf 2024\n\n## Plan\n\n| Time | Planned | Track | Where I ended up |\n|---|---|---|---|\n\
                | 9:00 | Godot console port | Visual Arts | same |\n| 10:30 | Saltwind music | Audio | half |\n\n\
                ### Shipping a Console Port in Godot 4\nSpeaker: Priya Nandakumar\n- Godot 4.2\n- Saltwind music: not this one\n\n\
                ### Interactive Music in Saltwind\nSpeaker: Javier Castillo\n- Wwise\n";
    let got = speakers_as(text, crate::notes::document::Markup::Markdown);
    let titles: Vec<&str> = got.iter().map(|t| t.1.as_str()).collect();
    assert_eq!(titles, ["Shipping a Console Port in Godot 4", "Interactive Music in Saltwind"], "{got:?}");
    let text = "# PGConf 2023\n\n| time | title | speaker |\n|---|---|---|\n| 09:00 | Opening & keynote: Twenty Years of PostgreSQL | Jana Procházková |\n\
                | 10:00 | Logical Replication in PostgreSQL 16 | Ondřej Svoboda |\n| 11:00 | pgvector in Production | Tereza Horáková |\n\n## keynote (Procházková)\n\n- since 2003\n\n## pgvector talk\n\n- pgvector 0.5: HNSW\n";
    let got = speakers_as(text, crate::notes::document::Markup::Markdown);
    let titles: Vec<&str> = got.iter().map(|t| t.1.as_str()).collect();
    assert_eq!(titles.len(), 3, "{got:?}");
    assert!(titles.contains(&"Opening & keynote: Twenty Years of PostgreSQL"), "{got:?}");
    assert!(got.iter().any(|t| t.1 == "pgvector in Production" && t.0 == 13), "{got:?}");
}

/// AsciiDoc talks: a table of fields under the heading (`|Speakers |…`), a description
/// list's speaker (`Speaker:: …`), names in brackets with a slash among them; a product's
/// name before a colon is no person (`OpenTelemetry Profiling: …`); a sentence opening
/// with a sign-off's word (`Best one today IMO.`) ends no letter.
#[test]
fn asciidoc_fields_tables_and_names() {
    let text = "= KubeCon 2024\n:revdate: 2024-03-20\n\n== Wed\n\n=== Cilium in Production\n\n[cols=\"1,4\"]\n|===\n|Speakers |Lucas Moreau (Datadog), Inês Baptista (Isovalent)\n|Room |Hall 7.1\n|===\n\n\
                * Hubble\n* WireGuard\n\n=== Platform Engineering at Scale (Élodie Garnier / Rasmus Lindqvist, Spotify)\n\nBest one today IMO.\n\n- golden paths\n- Crossplane\n\n\
                === OpenTelemetry Profiling: the Fourth Signal\n\nSpeaker:: Ayşe Demirci (Grafana Labs)\nLevel:: intermediate\n\n* OTel\n* pprof\n";
    let got = speakers_as(text, crate::notes::document::Markup::AsciiDoc);
    let want = [
        ("Cilium in Production", "Lucas Moreau, Inês Baptista"),
        ("Platform Engineering at Scale", "Élodie Garnier, Rasmus Lindqvist"),
        ("OpenTelemetry Profiling: the Fourth Signal", "Ayşe Demirci"),
    ];
    assert_eq!(
        got.iter().map(|t| (t.1.as_str(), t.2.join(", "))).collect::<Vec<_>>(),
        want.map(|(t, p)| (t, p.to_string()))
    );
}

/// reStructuredText: a simple table under a lightning session's heading holds its talks
/// (`Thema` / `Wer`, a nickname in quotes inside a name); a `.. todo::` box after it
/// ends the session; an emphasised speaker field with an affiliation in lower case.
#[test]
fn rst_lightning_table_todo_box_and_speaker_field() {
    let text = "PyCon DE 2024\n=============\n\nLLM-Anwendungen testen\n======================\n\n*Referent: Tobias Brandstätter, freiberuflich*\n\n\
                #. Golden Datasets\n#. Ragas\n\nLightning Talks\n===============\n\n======  ==================================  ============================\n\
                Nr.     Thema                               Wer\n======  ==================================  ============================\n\
                1       Mein Balkonkraftwerk                Lukas Pfeiffer\n\
                2       Warum ich über PEP 8 schweige       Friedrich \"Fritz\" Obermaier\n\
                ======  ==================================  ============================\n\n.. todo::\n\n   - Folien nachtragen\n   - Pandera testen\n";
    let got = speakers_as(text, crate::notes::document::Markup::Rst);
    let got: Vec<(&str, String)> = got.iter().map(|t| (t.1.as_str(), t.2.join(", "))).collect();
    assert_eq!(
        got,
        [
            ("LLM-Anwendungen testen", "Tobias Brandstätter".to_string()),
            ("Mein Balkonkraftwerk", "Lukas Pfeiffer".to_string()),
            ("Warum ich über PEP 8 schweige", "Friedrich Obermaier".to_string()),
        ]
    );
}

/// Outliner pages: an item over its block properties (`speaker:: [[Name]]` nested under
/// `- #keynote Title`) is a talk; a thread's post numbers (`2/ `) and lead words around
/// a quoted title (`Next: "Title" — @handle`) are no part of the title.
#[test]
fn outliner_block_properties_and_thread_posts() {
    let text = "title:: Conf 2024\n\n- #keynote Cloud Native AI: from hype to the boring parts\n\t- speaker:: [[Hélène Marchand]]\n\t- everything is AI\n\
                - eBPF everywhere? Running Cilium at a bank\n\t- speaker:: [[Julien Moreau]], [[Anaïs Lefèvre]]\n\t- replaced kube-proxy\n";
    let got = speakers_as(text, crate::notes::document::Markup::Outliner);
    let got: Vec<(&str, String)> = got.iter().map(|t| (t.1.as_str(), t.2.join(", "))).collect();
    assert_eq!(
        got,
        [
            ("Cloud Native AI: from hype to the boring parts", "Hélène Marchand".to_string()),
            ("eBPF everywhere? Running Cilium at a bank", "Julien Moreau, Anaïs Lefèvre".to_string()),
        ]
    );
    let thread = "Cristina Pop @cris\nLive-threading day 1! (1/15)\n\n4/ Next: \"Signals: the state of reactivity\" — @radu (Radu Constantinescu)\n\nWalked through SolidJS.\n\n\
                  7/ \"React Server Components without the hype\" — Ioana Dumitrescu\n\nHonest take.\n";
    let got = speakers_as(thread, crate::notes::document::Markup::Plain);
    let titles: Vec<&str> = got.iter().map(|t| t.1.as_str()).collect();
    assert_eq!(titles, ["Signals: the state of reactivity", "React Server Components without the hype"], "{got:?}");
    assert_eq!(framed::strip_number("2/ Opening keynote"), "Opening keynote");
    assert_eq!(framed::strip_number("24/7 support"), "24/7 support");
}

/// The people after the talk's kind on the line under a title (`talk by …`, `a talk
/// by …`, `charla de …`), the speaker as the first item of a list under a slot's title,
/// an arrow from the speaker to the title on a phone (`Pablo Ortega → Atacando …`), but
/// no arrow in a talk's notes (`Lista Ostrzeżeń -> blokowanie domen …`).
#[test]
fn kind_by_lines_arrows_and_a_speaker_item_under_a_slot() {
    use crate::notes::document::Markup;
    let text = "MyConf 2024\n\nLockBit after Operation Cronos\ntalk by Iker Etxeberria (INCIBE)\n- the NCA took the site down\n\n\
                Something about Rust in the kernel\na talk by Ana Ruiz\n- notes\n\n\
                Otra charla sobre Rust\ncharla de Lucía Navarro\n- más notas\n";
    let got: Vec<(String, String)> =
        speakers_as(text, Markup::Plain).into_iter().map(|t| (t.1, t.2.join(", "))).collect();
    assert_eq!(
        got,
        [
            ("LockBit after Operation Cronos".to_string(), "Iker Etxeberria".to_string()),
            ("Something about Rust in the kernel".to_string(), "Ana Ruiz".to_string()),
            ("Otra charla sobre Rust".to_string(), "Lucía Navarro".to_string()),
        ]
    );
    let phone = "RootedCON 2024\n\nPablo Ortega → Atacando pipelines CI/CD: de GitHub Actions a tu prod\n- pull_request_target\n\n\
                 Rubén Castillo - Hackeando coches: CAN bus para principiantes\n- Lista Ostrzeżeń -> blokowanie domen u operatorów\n- SavvyCAN\n\n\
                 14:45\nDźwięk proceduralny: Wwise vs FMOD -- Agnieszka Kamińska\n- Wwise\n\n\
                 16:00 sala C\nPort na Nintendo Switch bez łez\n - Tomasz Dąbrowski, 11 bit studios\n * ASTC\n";
    let got: Vec<(u32, String, String)> =
        speakers_as(phone, Markup::Plain).into_iter().map(|t| (t.0, t.1, t.2.join(", "))).collect();
    assert_eq!(
        got,
        [
            (3, "Atacando pipelines CI/CD: de GitHub Actions a tu prod".to_string(), "Pablo Ortega".to_string()),
            (6, "Hackeando coches: CAN bus para principiantes".to_string(), "Rubén Castillo".to_string()),
            (10, "Dźwięk proceduralny: Wwise vs FMOD".to_string(), "Agnieszka Kamińska".to_string()),
            (14, "Port na Nintendo Switch bez łez".to_string(), "Tomasz Dąbrowski".to_string()),
        ]
    );
}

/// Headings that are times alone (`## 09:30`, `## 12:15 – 13:30`) are slots, no code:
/// the bold title under one and its `w/ Name` line are the talk; a slot with a meal or
/// the doors under it is none.
#[test]
fn time_headings_over_bold_titles_and_breaks() {
    let text = "# JSNation 2024\n\n## 09:00\ndoors + registration. stroopwafels. badge printer broke\n\n\
                ## 09:30\n**The State of JavaScript Runtimes**\nw/ Joris van der Meulen\n\n- Node 22\n\n\
                ## 12:15 – 13:30\nlunch 🥪 queue was insane\n\n\
                ## 13:30\n**Type-safe everything**\nby Daan Visser, Acme\n\n- tRPC\n";
    let (talks, _) = detect(text);
    let got: Vec<(u32, &str, Vec<&str>)> =
        talks.iter().map(|t| (t.0, t.1.as_str(), t.2.iter().map(String::as_str).collect())).collect();
    assert_eq!(
        got,
        [
            (6, "The State of JavaScript Runtimes", vec!["Joris van der Meulen"]),
            (15, "Type-safe everything", vec!["Daan Visser"]),
        ]
    );
}

/// A title in capitals over a list whose first item names the speaker in lower case
/// (`THE COST OF A LOG LINE` / `- hannah whitfield (motherduck)`), and a title with its
/// speaker and company in square brackets.
#[test]
fn capitals_over_a_name_item_and_people_in_square_brackets() {
    use crate::notes::document::Markup;
    let text = "qcon london 2024 - day 2\n\nMODERN DATA ARCHITECTURES: DUCKDB IS EATING THE WORLD\n- hannah whitfield (motherduck)\n\nduckdb is in-process\n\n\
                THE PLATFORM TEAM NOBODY ASKED FOR\nw/ Callum O'Neill\n\nteam topologies\n";
    let got: Vec<(u32, String, String)> =
        speakers_as(text, Markup::Plain).into_iter().map(|t| (t.0, t.1, t.2.join(", "))).collect();
    assert_eq!(
        got,
        [
            (3, "MODERN DATA ARCHITECTURES: DUCKDB IS EATING THE WORLD".to_string(), "hannah whitfield".to_string()),
            (8, "THE PLATFORM TEAM NOBODY ASKED FOR".to_string(), "Callum O'Neill".to_string()),
        ]
    );
    let labels = crate::notes::labels::Labels::default();
    let (title, people) =
        lines::split_title_line("Otwarte światy w UE5 [Marcin Wróblewski, CD PROJEKT RED]", &labels, true).unwrap();
    assert_eq!((title.as_str(), people[0].0.as_str()), ("Otwarte światy w UE5", "Marcin Wróblewski"));
}

/// A heading naming the speaker and a verb of presenting (`Léa Fontaine nous parle de
/// …`), a heading naming the kind and the speaker over the title set apart in bold, a
/// by-line in Italian (`di Lorenzo Ferrari — sala Ginestra`), an Org heading's TODO
/// state over a speaker drawer, and tasks after a lightning session.
#[test]
fn presenting_headings_kind_and_speaker_headings_org_states_and_tasks() {
    use crate::notes::document::Markup;
    let text = "# PyData Paris 2024\n\n## Keynote : *Amélie Rousseau* (Inria)\n**« scikit-learn, 15 ans après »**\n- Array API\n\n\
                ## Léa Fontaine nous parle de skrub : préparer des données\n- fuzzy_join\n\n\
                ## Type hints che non mentono\ndi Lorenzo Ferrari — sala Ginestra, pienissima\n- mypy\n";
    let (talks, doc) = detect(text);
    let got: Vec<(u32, &str, Vec<&str>)> =
        talks.iter().map(|t| (t.0, t.1.as_str(), t.2.iter().map(String::as_str).collect())).collect();
    assert_eq!(
        got,
        [
            (3, "scikit-learn, 15 ans après", vec!["Amélie Rousseau"]),
            (7, "skrub : préparer des données", vec!["Léa Fontaine"]),
            (10, "Type hints che non mentono", vec!["Lorenzo Ferrari"]),
        ]
    );
    assert_eq!(doc.sections[0].kind, crate::notes::SectionKind::Keynote);
    let org = "#+TITLE: RustConf 2024\n\n* Talks\n** TODO Async drop, or: how I learned to love Pin      :async:\n:PROPERTIES:\n:SPEAKER:  Dev Raghunathan (Ferrous Systems)\n:END:\n- Future / poll\n\n** TODO Buy the book\n";
    let got = speakers_as(org, Markup::Org);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        (got[0].1.as_str(), got[0].2[0].as_str()),
        ("Async drop, or: how I learned to love Pin", "Dev Raghunathan")
    );
    let outline = "- ## Lightning talki\n\t- nic nie notowałem\n- TODO ogarnąć notatki i wrzucić na Confluence\n- DONE zapisać się na warsztat\n";
    let got = speakers_as(outline, Markup::Outliner);
    assert!(got.iter().all(|t| !t.1.starts_with("TODO") && !t.1.starts_with("DONE")), "{got:?}");
}

/// A session with its chair over papers labelled in a list (`- Paper: "Title" (authors;
/// presented by X)`): the papers are the talks, given by their presenters; a summary
/// table's rows at the end name the talks above by their speakers and a word of their
/// title, and are the same talks; a quoted title among lead words in a chat's message.
#[test]
fn papers_under_a_chaired_session_and_a_summary_table() {
    let text = "# SOAP 2024\n\n## Session 1: Abstract Interpretation (chair: Pietro Ferrara)\n\n\
                - Paper: \"Relational Numeric Domains for Rust\" (M. Kjaer, J. Lindqvist; presented by J. Lindqvist)\n  - MIR\n\
                - Paper: \"Widening with Thresholds\" (S. Okafor, H. Tanaka; presented by S. Okafor)\n  - IKOS\n";
    let (talks, _) = detect(text);
    let got: Vec<(u32, &str, Vec<&str>)> =
        talks.iter().map(|t| (t.0, t.1.as_str(), t.2.iter().map(String::as_str).collect())).collect();
    assert_eq!(
        got,
        [
            (5, "Relational Numeric Domains for Rust", vec!["J. Lindqvist"]),
            (7, "Widening with Thresholds", vec!["S. Okafor"])
        ]
    );
    let summary = "# JNation 2024\n\n## 11h00 · Sala 2 · Kafka sem dores de cabeça\nOradora: Beatriz Sousa Lemos\n- consumer lag\n\n\
                   ## 12h00 · Sala 1 · Testes de contrato com Pact\nOrador: André Nogueira\n- Pact broker\n\n\
                   ## Resumo do dia\n\n| Palestra | Quem | Nota |\n|---|---|---|\n| Kafka | Beatriz S. Lemos | 2/5 |\n| Pact | André Nogueira | 4/5 |\n";
    let (talks, _) = detect(summary);
    let got: Vec<(&str, usize)> = talks.iter().map(|t| (t.1.as_str(), t.2.len())).collect();
    assert_eq!(got, [("Kafka sem dores de cabeça", 1), ("Testes de contrato com Pact", 1)]);
    let chat = "Marcus Oyelaran  10:42 AM\nin \"Polars in production: what we learned\" w/ Priya Raman (she's at Flexport i think?)\nmain points: lazy API\n";
    let got = speakers_as(chat, crate::notes::document::Markup::Plain);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!((got[0].1.as_str(), got[0].2[0].as_str()), ("Polars in production: what we learned", "Priya Raman"));
}

/// Titles in French quotes in the updates of a live blog (`On enchaîne avec NAME qui
/// présente « Title »`), but no speech in them (`Réponse de Karim : « pour du
/// serverless oui »`), and no particle taken for a name (`la session de l'après-midi
/// avec « … »`).
#[test]
fn french_quotes_in_a_live_blog() {
    let text = "# En direct — DevFest Nantes 2024\n\n**[17:52]** Q&R : Réponse de Karim : « pour du serverless oui, sinon gardez ce que votre équipe maîtrise ». Sage.\n\n\
                **[17:15]** On enchaîne avec Karim Benali (Zenika) qui présente « Java serverless en 2024 : mythe ou réalité ? ». Plein.\n\n\
                **[16:20]** Pauline Marchand, de chez Doctolib, ouvre la session de l'après-midi avec « Mettre un LLM en production ».\n";
    let (talks, _) = detect(text);
    let got: Vec<(u32, &str, Vec<&str>)> =
        talks.iter().map(|t| (t.0, t.1.as_str(), t.2.iter().map(String::as_str).collect())).collect();
    assert_eq!(
        got,
        [
            (5, "Java serverless en 2024 : mythe ou réalité ?", vec!["Karim Benali"]),
            (7, "Mettre un LLM en production", vec!["Pauline Marchand"]),
        ]
    );
}

/// A social thread's posts: a handle after a name is no part of it (`Dana Whitfield
/// (@danawhit)`, `Leah Kim & Tomás Ortega (@leahkim, @tortega)`), a handle alone names
/// the speaker (`next up @marcoreyes.dev on "…"`, its dot no stop), and `&` starts no
/// name (`& Tomás Ortega`).
#[test]
fn handles_in_a_thread_name_speakers() {
    let text = "day 1 of #CascadiaJS, live thread\n\n\
                1/ opening keynote is Dana Whitfield (@danawhit) — \"The web is fast, your app isn't\"\n\n2/ notes\n\n\
                5/ next up @marcoreyes.dev on \"Signals, everywhere\" ⚡\n\n6/ notes\n\n\
                19/ last one for me: Leah Kim & Tomás Ortega (@leahkim, @tortega) — \"Testing the untestable with Playwright\"\n\n20/ notes\n";
    let got = speakers_as(text, crate::notes::document::Markup::Plain);
    let got: Vec<(&str, Vec<&str>)> =
        got.iter().map(|t| (t.1.as_str(), t.2.iter().map(String::as_str).collect())).collect();
    assert_eq!(
        got,
        [
            ("The web is fast, your app isn't", vec!["Dana Whitfield"]),
            ("Signals, everywhere", vec!["@marcoreyes.dev"]),
            ("Testing the untestable with Playwright", vec!["Leah Kim", "Tomás Ortega"]),
        ]
    );
    assert_eq!(people::without_handles("A B (@ab) and C D (@c_d, @cd.dev)"), "A B and C D");
    assert_eq!(people::without_handles("A B (Acme)"), "A B (Acme)");
    assert_eq!(people::handle("@here"), None);
}

/// A schedule table above the sections: breaks joined in a row (`Ontbijt +
/// registratie`) are no talk; a row naming only its kind (`Opening + keynote | Femke
/// Bakker`) is the keynote its speaker gives below, whose heading puts the speaker
/// after a slash behind the label (`Keynote: Title / Name`).
#[test]
fn schedule_rows_of_breaks_and_kinds_beside_sections() {
    let text = "# J-Fall 2024\n\n| Tijd | Sessie | Spreker |\n|---|---|---|\n| 08:00 | Ontbijt + registratie | |\n\
                | 09:00 | Opening + keynote | Femke Bakker |\n| 10:10 | Virtual threads | Joris van der Meulen |\n\
                | 16:00 | Lunch & networking | |\n\n\
                ## Keynote: Java op weg naar 25 / Femke Bakker\n\ntext\n\n## Virtual threads in productie / Joris van der Meulen\n\ntext\n";
    let (talks, _) = detect(text);
    let got: Vec<(u32, &str, Vec<&str>)> =
        talks.iter().map(|t| (t.0, t.1.as_str(), t.2.iter().map(String::as_str).collect())).collect();
    assert_eq!(
        got,
        [
            (10, "Java op weg naar 25", vec!["Femke Bakker"]),
            (14, "Virtual threads in productie", vec!["Joris van der Meulen"]),
        ]
    );
}

/// A board exported with no `Card:` before its titles, told by its cards' fields: a
/// speaker in a label's code span, `Talk by A & B (Org)` or a description opening with
/// the speaker's name; a card of fields and tasks alone is a to-do; a bold title and
/// its speaker in a follow-up list is a talk.
#[test]
fn board_cards_told_by_their_fields() {
    let text = "# Board\n\n## Watched\n\n### eBPF all the things\n**Labels:** `networking` `speaker: Hannah Greaves`\n**Members:** @ciaran @me\n\nnotes\n\n\
                ### Multi-tenancy without tears\n**Labels:** `P2`\n**Description:**\nTalk by Rhys Pritchard & Ama Boateng (Jetstack). Room was full.\n\n\
                ### Book Eurostar back\n**Labels:** `admin`\n- [x] Eurostar\n- [ ] hotel receipt\n\n\
                ### Gateway API: goodbye ingress-nginx\n**Labels:** `networking`\n**Description:**\nCallum Reid (solo.io I think). ingress-nginx in maintenance.\n\n\
                ## Follow up\n\n- **Kyverno vs OPA Gatekeeper: policy shootout** — Siobhan Kerr · label `policy` · watched half\n- ping Hannah on LinkedIn\n";
    let got = speakers_as(text, crate::notes::document::Markup::Markdown);
    let got: Vec<(&str, Vec<&str>)> =
        got.iter().map(|t| (t.1.as_str(), t.2.iter().map(String::as_str).collect())).collect();
    assert_eq!(
        got,
        [
            ("eBPF all the things", vec!["Hannah Greaves"]),
            ("Multi-tenancy without tears", vec!["Rhys Pritchard", "Ama Boateng"]),
            ("Gateway API: goodbye ingress-nginx", vec!["Callum Reid"]),
            ("Kyverno vs OPA Gatekeeper: policy shootout", vec!["Siobhan Kerr"]),
        ]
    );
}

/// A live log's lead-ins naming the speaker, then `on` and the title, quoted or not,
/// capitalised after the lead-in (`next up: Ruben Vermeulen on Vite 6 and …`).
#[test]
fn lead_ins_of_a_live_log_name_the_speaker_on_the_title() {
    let text = "jsnation 2025 live notes\n\n[10:10] next up: Ruben Vermeulen on Vite 6 and the Environment API\n[10:12] Ruben = Vite core team\n[10:14] one dev server\n\
                [11:40] next up: Daniel Okafor on \"Node.js 22: require(esm) and the end of dual packages\"\n[11:41] Daniel = Node TSC member\n";
    let got = speakers_as(text, crate::notes::document::Markup::Plain);
    let got: Vec<(u32, &str, Vec<&str>)> =
        got.iter().map(|t| (t.0, t.1.as_str(), t.2.iter().map(String::as_str).collect())).collect();
    assert_eq!(
        got,
        [
            (3, "Vite 6 and the Environment API", vec!["Ruben Vermeulen"]),
            (6, "Node.js 22: require(esm) and the end of dual packages", vec!["Daniel Okafor"]),
        ]
    );
}

/// A document exported to Markdown escapes its punctuation (`_\- Name_`): the heading's
/// speaker after the escaped dash; and a talk's label, title and speaker in a toggle
/// under a day's heading is a talk of its own, no field of the heading.
#[test]
fn escaped_headings_and_labelled_toggles_under_a_day() {
    let text = "# PyCon US 2024\n\n## Rust for Pythonistas: writing extensions with PyO3 _\\- Tomás Echeverría_\n\n* PyO3 \\+ maturin\n\n\
                ## Sexta (dia 1 de palestras)\n\n<details>\n<summary>Keynote: Comunidade é infraestrutura — Mariana Figueiredo</summary>\n\n- Auditório lotado\n\n</details>\n";
    let got = speakers_as(text, crate::notes::document::Markup::Markdown);
    let got: Vec<(u32, &str, Vec<&str>)> =
        got.iter().map(|t| (t.0, t.1.as_str(), t.2.iter().map(String::as_str).collect())).collect();
    assert_eq!(
        got,
        [
            (3, "Rust for Pythonistas: writing extensions with PyO3", vec!["Tomás Echeverría"]),
            (10, "Comunidade é infraestrutura", vec!["Mariana Figueiredo"]),
        ]
    );
    assert_eq!(crate::notes::markup::escape::unescaped("a \\- b \\\\ c\\d"), "a - b \\ c\\d");
}

/// A fediverse thread names a speaker by a handle after `by` (`"Title" by
/// @lukas_ammann@chaos.social`), and drops one after a name (`Sarah Meier
/// (@smeier@mastodon.social)`); an export's own line naming its author is no talk.
#[test]
fn fediverse_handles_name_speakers() {
    let text = "# Thread: Swiss Python Summit 2023\n\n*Exported from Mastodon — @ursina_b@fosstodon.org — 20 Oct 2023*\n\n\
                **2/** Opening keynote: \"Python in 2030 — predictions nobody asked for\" by @lukas_ammann@chaos.social 🔮\n- free-threaded CPython\n\n\
                **4/** Next up: Sarah Meier (@smeier@mastodon.social) on \"Lessons from 5 years of Django at a Swiss bank\" 🏦\n- Django 4.2\n";
    let got = speakers_as(text, crate::notes::document::Markup::Markdown);
    let got: Vec<(&str, Vec<&str>)> =
        got.iter().map(|t| (t.1.as_str(), t.2.iter().map(String::as_str).collect())).collect();
    assert_eq!(
        got,
        [
            ("Python in 2030 — predictions nobody asked for", vec!["@lukas_ammann@chaos.social"]),
            ("Lessons from 5 years of Django at a Swiss bank", vec!["Sarah Meier"]),
        ]
    );
}

/// A note of one talk whose front matter names its speaker (`speaker: "Priya Raman"`)
/// over its title heading.
#[test]
fn front_matter_names_the_speaker_of_a_page() {
    let text = "---\ntags: [talk, embedded]\nspeaker: \"Priya Raman\"\n---\n# Embassy on a budget: async embedded Rust for $4 chips\n\n- Embassy\n- RP2040\n- probe-rs\n";
    let got = speakers_as(text, crate::notes::document::Markup::Markdown);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].2, ["Priya Raman"]);
}

#[test]
fn an_emails_numbered_points_name_talks_by_quoted_titles_in_sentences() {
    let text = "Hola equipo,\n\nresumen rápido del jueves:\n\n1. La keynote la dio Marta Quiroga (\"Diez años de Python en\n   Chile\"): comunidad y mucha historia.\n\n2. \"Polars en producción: un año después\", presentado por Tomás\n   Herrera. Muy útil, lazy frames y DuckDB.\n\n3. Ignacio Soto y Paula Reyes: \"Tipos a escala con mypy\". Mucho CI.\n\n4. Por la tarde \"Async Django hoy\" (en inglés), la speaker era Lucía Navarro. Channels.\n\nSaludos,\nAna\n";
    let got = speakers_as(text, crate::notes::document::Markup::Plain);
    let want: Vec<(u32, String, Vec<String>)> = vec![
        (5, "Diez años de Python en Chile".into(), vec!["Marta Quiroga".into()]),
        (8, "Polars en producción: un año después".into(), vec!["Tomás Herrera".into()]),
        (11, "Tipos a escala con mypy".into(), vec!["Ignacio Soto".into(), "Paula Reyes".into()]),
        (13, "Async Django hoy".into(), vec!["Lucía Navarro".into()]),
    ];
    assert_eq!(got, want);
}

#[test]
fn a_pasted_web_page_reads_as_typed_notes() {
    let text = "# KubeCon 2024\n\n### [Batch Scheduling with Kueue &amp; Volcano](https://x.org/1) | Ana Lima &amp; Kenji Aoyama, Google\n<small>11:00 - 11:35 · Room N03</small>\n\n- Kueue quotas\n\n<p><b><a href=\"https://x.org/2\">Observability Without the Sidecar Tax</a></b><br>\n<small>Mathilde Rousseau, Isovalent &amp; Yanis Benali, Criteo</small></p>\n\n- Cilium and Hubble\n\n## Fri 22/3\n\nMostly the booth crawl.\n";
    let got = speakers_as(text, crate::notes::document::Markup::Markdown);
    let want: Vec<(u32, String, Vec<String>)> = vec![
        (3, "Batch Scheduling with Kueue & Volcano".into(), vec!["Ana Lima".into(), "Kenji Aoyama".into()]),
        (8, "Observability Without the Sidecar Tax".into(), vec!["Mathilde Rousseau".into(), "Yanis Benali".into()]),
    ];
    assert_eq!(got, want);
}

#[test]
fn a_label_then_a_name_then_the_quoted_title() {
    let text = "Devoxx dzień 1\n\n🎤 Keynote – Anna Nowak „Java ma 30 lat i dalej żyje”\n💡 JDK 23, Valhalla\n\n🎤 „Wirtualne wątki w produkcji” – Jan Kowal\n💡 Loom\n";
    let got = speakers_as(text, crate::notes::document::Markup::Plain);
    assert_eq!(got[0], (3, "Java ma 30 lat i dalej żyje".to_string(), vec!["Anna Nowak".to_string()]));
}

#[test]
fn a_heading_naming_a_schedule_rows_speaker_holds_its_notes() {
    let text = "# Tag 1\n\n| Zeit | Vortrag | Speaker |\n|---|---|---|\n| 09:00 | Keynote: Rückblick und Ausblick | Dr. Clara Rein |\n| 10:00 | Modulith statt Microservices | Jan Vogel |\n\n## Keynote Rein\n\n- 30 Jahre Java\n- Ausblick: Valhalla, Leyden\n\n## Modulith (Vogel)\n\n- Spring Modulith 1.3\n";
    let got = speakers_as(text, crate::notes::document::Markup::Markdown);
    let titles: Vec<&str> = got.iter().map(|t| t.1.as_str()).collect();
    assert_eq!(titles, ["Rückblick und Ausblick", "Modulith statt Microservices"]);
}

#[test]
fn schedule_records_pasted_as_yaml_are_talks() {
    let text = "# Meetup #38\n\nAgenda aus der API:\n\n```yaml\n- id: 381\n  title: \"GitOps mit Argo CD: Lessons Learned\"\n  speakers: [\"Jonas Becker\"]\n  room: Main Room\n```\n\n- App-of-Apps\n\ntitle: Platform Engineering with Backstage\nspeakers: [Katharina Vogel, Lena Schmidt]\nroom: Main Room\n\n- TechDocs\n\n```yml\nlanguage: de\ntitle: \"Karpenter auf EKS in 5 Minuten\"\nspeakers: [{name: \"Tobias Krüger\", company: \"freelance\"}]\n```\n";
    let got = speakers_as(text, crate::notes::document::Markup::Markdown);
    let want: Vec<(u32, String, Vec<String>)> = vec![
        (7, "GitOps mit Argo CD: Lessons Learned".into(), vec!["Jonas Becker".into()]),
        (14, "Platform Engineering with Backstage".into(), vec!["Katharina Vogel".into(), "Lena Schmidt".into()]),
        (22, "Karpenter auf EKS in 5 Minuten".into(), vec!["Tobias Krüger".into()]),
    ];
    assert_eq!(got, want);
}

#[test]
fn people_after_a_word_of_company_or_a_speakers_label_late_in_the_line() {
    let text = "python brasil 2024\n\n1) keynote - \"Comunidade é infraestrutura\" palestrante: Ana Cláudia Ribeiro\n- APyB\n\n2) Django Ninja vs DRF: quando usar cada um, com Rafael Nogueira\n- ninja\n\n3) Automatizando a prefeitura com Python - com Luana Batista e Pedro Sousa\n- Airflow\n";
    let got = speakers_as(text, crate::notes::document::Markup::Plain);
    let want: Vec<(u32, String, Vec<String>)> = vec![
        (3, "Comunidade é infraestrutura".into(), vec!["Ana Cláudia Ribeiro".into()]),
        (6, "Django Ninja vs DRF: quando usar cada um".into(), vec!["Rafael Nogueira".into()]),
        (9, "Automatizando a prefeitura com Python".into(), vec!["Luana Batista".into(), "Pedro Sousa".into()]),
    ];
    assert_eq!(got, want);
}

/// Talks read by the real reader of `markup` in `file`, read with the notes `notes`.
fn read_in(file: &str, text: &str, notes: &[&str]) -> Vec<(u32, String, Vec<String>)> {
    let markup = if file.ends_with(".md") { Markup::Markdown } else { Markup::Plain };
    let note: &'static Note =
        Box::leak(Box::new(Note { file: file.into(), key: "t".into(), text: text.to_string(), markup }));
    let d = Detector::new().with_notes(notes.iter().copied());
    let lines = LineIndex::new(&note.text);
    let blocks = d.blocks_of(note, &lines);
    let found = d.detect_indexed(note, &blocks, &lines);
    found
        .doc
        .sections
        .iter()
        .map(|s| (s.line, s.title.clone(), s.speakers.iter().map(|n| n.name.clone()).collect()))
        .collect()
}

use crate::notes::document::Markup;

fn talks(want: &[(u32, &str, &[&str])]) -> Vec<(u32, String, Vec<String>)> {
    want.iter().map(|(l, t, p)| (*l, (*t).to_string(), p.iter().map(|s| (*s).to_string()).collect())).collect()
}

#[test]
fn a_bold_name_before_a_colon_and_several_fields_on_one_line() {
    let text = "# Codemotion Milano 2024\n\n**Francesca Colombo — Keynote: L'AI generativa non è magia**\n- transformer\n\n**Chiara Esposito: Accessibilità web nel 2024 – cosa cambia con l'EAA**\n- WCAG 2.2\n\n**Panel — Open source e sostenibilità**\nModerato da Silvia Greco. Sul palco: Roberto Gallo, Valentina De Luca.\n- BSL\n";
    let got = read_as(text, Markup::Markdown);
    let people: Vec<(u32, &str, &[String])> = got.iter().map(|t| (t.0, t.1.as_str(), &t.2[..])).collect();
    assert_eq!(people[1].0, 6);
    assert_eq!(people[1].1, "Accessibilità web nel 2024 – cosa cambia con l'EAA");
    assert_eq!(people[1].2, ["Chiara Esposito"]);
    assert_eq!(people[2].1, "Open source e sostenibilità");
    assert_eq!(people[2].2, ["Roberto Gallo", "Valentina De Luca", "Silvia Greco"]);
}

#[test]
fn a_line_of_tags_under_a_heading_and_people_after_a_word_of_company() {
    let text = "# Linuxwochen Wien 2024\n\n## Btrfs-Snapshots im Alltag\n#talk #dateisysteme\nmit Lukas Gruber (openSUSE-Community, Linz)\n\n- snapper\n\n## Rust im Linux-Kernel\n#talk #kernel\nvon Dr. Florian Aigner (war früher bei der MA 01)\n\n- bindgen\n\n## Podiumsdiskussion: Digitale Souveränität\n#talk #podium\nmit Thomas Lechner (epicenter.works), Karin Ebner, Moderation: Elisabeth Moser\n\n- Gaia-X\n";
    let got = read_as(text, Markup::Markdown);
    let people: Vec<Vec<String>> = got.iter().map(|t| t.2.clone()).collect();
    assert_eq!(
        people,
        [vec!["Lukas Gruber"], vec!["Florian Aigner"], vec!["Thomas Lechner", "Karin Ebner", "Elisabeth Moser"]]
    );
}

#[test]
fn an_index_pointing_to_the_talks_files_holds_no_talk_and_a_file_name_names_the_speaker() {
    let notes = [
        "conf/index.md",
        "conf/01 - Jakub Lewandowski - Java at 29 still not dead.md",
        "conf/02 - Marta Wiśniewska - Virtual threads w praktyce.md",
        "conf/graalvm_native_image.txt",
    ];
    let index = "# Devoxx Poland 2024\n\n## Plan\n\n- 09:00 keynote → [[01 - Jakub Lewandowski - Java at 29 still not dead]]\n- 10:10 → [[02 - Marta Wiśniewska - Virtual threads w praktyce]]\n- 13:40 → graalvm_native_image.txt\n- 17:40 BOF o Kotlinie — Anna Nowak\n";
    assert_eq!(read_in("conf/index.md", index, &notes), talks(&[(8, "o Kotlinie", &["Anna Nowak"])]));
    // Read alone, its lines are talks.
    assert!(read_in("conf/index.md", index, &["conf/index.md"]).len() > 1);
    let talk = "# Java at 29: still not dead\n\nkeynote, duża sala\n\n- Valhalla\n";
    assert_eq!(read_in(notes[1], talk, &notes), talks(&[(1, "Java at 29: still not dead", &["Jakub Lewandowski"])]));
}

#[test]
fn notes_under_a_schedule_pasted_with_tabs_by_time_and_first_name() {
    let text = "DevOpsDays Amsterdam 2024\n\nTijd\tZaal\tTitel\tSpreker\n08:30\t\tRegistratie + koffie\t\n09:15\tGrote Zaal\tPlatform engineering is geen nieuwe naam voor ops\tSanne de Vries\n10:00\tGrote Zaal\tVan Jenkins naar GitHub Actions\tBram van den Berg\n10:00\tZaal 2\tKubernetes-kosten omlaag met Karpenter\tFemke Janssen\n\n9:15 keynote Sanne\n- Backstage van Spotify\n\n10:00 - zat bij Bram (Jenkins -> GHA), niet bij Femke\n- ARC runners\n";
    let got = read_as(text, Markup::Plain);
    let body = |title: &str| got.iter().find(|t| t.1 == title).map(|t| t.3.clone()).expect(title);
    assert_eq!(got.len(), 3);
    assert!(body("Platform engineering is geen nieuwe naam voor ops").contains("Backstage"));
    assert!(body("Van Jenkins naar GitHub Actions").contains("ARC runners"));
    assert!(!body("Kubernetes-kosten omlaag met Karpenter").contains("ARC"));
}

#[test]
fn a_phone_notes_title_over_a_list_naming_its_people() {
    let text = "Porto Tech Hub 2024\n\nKeynote – Inês Magalhães (Farfetch)\n• \"Como se escala uma plataforma de luxo\"\n• Kafka no centro\n\nMicrofrontends sem dor\n• Rui Tavares, da Critical TechWorks\n• Module Federation\n\nDo monólito Rails ao Elixir\n• oradora: Sara Pinheiro\n• Phoenix\n\nPainel – Tech no Norte: ficar ou emigrar?\n• 4 pessoas, moderação da Joana Fontes\n• salários\n\nIntervalo\n• pastel de nata\n";
    let got = read_as(text, Markup::Plain);
    let want: Vec<(u32, &str, Vec<&str>)> = vec![
        (3, "Como se escala uma plataforma de luxo", vec!["Inês Magalhães"]),
        (7, "Microfrontends sem dor", vec!["Rui Tavares"]),
        (11, "Do monólito Rails ao Elixir", vec!["Sara Pinheiro"]),
        (15, "Tech no Norte: ficar ou emigrar?", vec!["Joana Fontes"]),
    ];
    let got: Vec<(u32, &str, Vec<&str>)> =
        got.iter().map(|t| (t.0, t.1.as_str(), t.2.iter().map(String::as_str).collect())).collect();
    assert_eq!(got, want);
}

#[test]
fn a_document_exported_to_markdown_with_escapes_and_fields_under_headings() {
    let text = "# T3chFest 2024 \\- notas\n\n## Keynote\n\n**Charla:** La IA no te va a quitar el trabajo\n\n**Ponente:** Lucía Fernández\n\n## Kotlin Multiplatform\n\n**Charla:** Kotlin Multiplatform en producción\n\n**Ponente:** Javier Roldán (Cabify)\n\n* Ktor\n\n## \n\n**Charla:** Observabilidad sin arruinarte\n\n**Ponente:** Marta Iglesias Ruiz \\- SRE en Idealista\n\n* OpenTelemetry\n\n## \n\n**Charla:** Accesibilidad en videojuegos\n\nLa dio Álvaro Gil, de Tequila Works.\n\n**Action:** try uv in the monorepo CI (GitHub Actions) \\- I bet it cuts 4 min off\n";
    let got = speakers_as(text, Markup::Markdown);
    let want = talks(&[
        (3, "La IA no te va a quitar el trabajo", &["Lucía Fernández"]),
        (9, "Kotlin Multiplatform en producción", &["Javier Roldán"]),
        (19, "Observabilidad sin arruinarte", &["Marta Iglesias Ruiz"]),
        (27, "Accesibilidad en videojuegos", &["Álvaro Gil"]),
    ]);
    assert_eq!(got, want);
}

#[test]
fn asciidoc_definition_lists_under_headings_and_a_labelled_item_with_its_people() {
    let text = "= DevFest Nantes 2024\n\n== Keynote d'ouverture\n\nTitre:: Le numérique responsable\nOrateur:: Anaïs Bouchard\n\n== Supabase vs Firebase\n\nOrateurs:: Camille Lefèvre, Yasmine Benali\n\nNOTE: il déconseille\n";
    let got = speakers_as(text, Markup::AsciiDoc);
    let want = talks(&[
        (3, "Le numérique responsable", &["Anaïs Bouchard"]),
        (8, "Supabase vs Firebase", &["Camille Lefèvre", "Yasmine Benali"]),
    ]);
    assert_eq!(got, want);
    let text = "## PyCon US 2024 trip report\n\n### Talks\n\n- [x] [Keynote: The Python community at 33](https://x.org/k) by Priya Raman\n  - mentorship\n\n- [x] [Free-threaded CPython: what no-GIL means for you](https://x.org/f) by Samuel Osei\n  - PEP 703\n";
    let got = speakers_as(text, Markup::Markdown);
    let want = talks(&[
        (5, "The Python community at 33", &["Priya Raman"]),
        (8, "Free-threaded CPython: what no-GIL means for you", &["Samuel Osei"]),
    ]);
    assert_eq!(got, want);
}

#[test]
fn a_lightning_session_ends_at_an_asides_label_and_a_marked_title_may_follow_the_name() {
    let text = "16:45 lightning talks\n   - Sofía Méndez: comunidad python en córdoba\n   - uno de neovim q fue puro show\n\npendiente:\n   mandarle a Gabi lo de strangler fig\n";
    let got = read_as(text, Markup::Plain);
    assert_eq!(got.len(), 2);
    assert!(!got[1].3.contains("mandarle"));
    let text = "# PyGrunn 2024\n\n## Lightning talks\n\n- Daan Peeters — *pre-commit is je beste vriend* (ruff + mypy hooks)\n- *Wagtail in 5 minuten* — Femke Hoekstra\n";
    let got = speakers_as(text, Markup::Markdown);
    let want = talks(&[
        (5, "pre-commit is je beste vriend", &["Daan Peeters"]),
        (6, "Wagtail in 5 minuten", &["Femke Hoekstra"]),
    ]);
    assert_eq!(got, want);
}

#[test]
fn a_schedule_cell_naming_its_kind_and_speaker_is_the_section_of_that_speaker() {
    let text = "# PyGrunn 2024\n\n| Tijd | Wat |\n|---|---|\n| 09:30 | Keynote (Femke Jansen) |\n| 10:45 | Django + htmx |\n\n## Keynote: Software die blijft\n\nSpreker: Femke Jansen\n\n- saaie technologie\n";
    let got = speakers_as(text, Markup::Markdown);
    let femke: Vec<&str> = got.iter().filter(|t| t.2 == ["Femke Jansen"]).map(|t| t.1.as_str()).collect();
    assert_eq!(femke, ["Software die blijft"]);
}

#[test]
fn an_outliner_journal_with_tags_and_fields() {
    // Tags after a title are the note's; a title naming its speaker after a comma; a
    // speaker field under `Name: Title` names the speaker, so the colon was the title's.
    let text = "- [[Python Brasil 2023]] — dia 1\n- Django Ninja: APIs rápidas sem sofrimento #palestra\n  palestrante:: [[Rafael Oliveira]]\n\t- type hints\n- Pandas está lento? Conheça o [[Polars]], com [[Camila Rocha]] #palestra\n  tags:: dados\n\t- lazy vs eager\n";
    let got = speakers_as(text, crate::notes::document::Markup::Outliner);
    let want = talks(&[
        (2, "Django Ninja: APIs rápidas sem sofrimento", &["Rafael Oliveira"]),
        (5, "Pandas está lento? Conheça o Polars", &["Camila Rocha"]),
    ]);
    assert_eq!(got, want);
}

#[test]
fn a_onenote_outline_with_other_bullets_a_slot_choice_and_a_lunch() {
    // `*`, `o`, numbered items under `- ` bullets are items; a talk chosen under a
    // slot's item keeps the items beside it; a lunch's items are its notes; a verb of
    // presenting names the speaker under a bold title; a slot's words before the bold.
    let text = "# Devoxx Poland 2024\n\n- 11:50 → wybrałem GraalVM\n\t* **GraalVM Native Image – is it worth it yet?** (Agnieszka Kowalczyk-Nowak, Pretius)\n\t\t1. start 0,08 s\n\t* refleksja!! Quarkus\n- Lunch – pierogi\n\t- stoisko JetBrains – wygrałem naklejki, nie licencję\n- **Observability with OpenTelemetry – from zero to traces**\n\t* prowadzi Joanna Lewandowska, freelancerka\n\t* OTel agent\n- ostatni slot, sala 3: **Kotlin Coroutines for Java Developers**, Tomasz Jankowski\n\t- Ktor\n";
    let got = read_as(text, crate::notes::document::Markup::Outliner);
    let titles: Vec<(u32, &str, Vec<String>)> = got.iter().map(|t| (t.0, t.1.as_str(), t.2.clone())).collect();
    assert_eq!(
        titles,
        talks(&[
            (4, "GraalVM Native Image – is it worth it yet?", &["Agnieszka Kowalczyk-Nowak"]),
            (9, "Observability with OpenTelemetry – from zero to traces", &["Joanna Lewandowska"]),
            (12, "Kotlin Coroutines for Java Developers", &["Tomasz Jankowski"]),
        ])
        .iter()
        .map(|t| (t.0, t.1.as_str(), t.2.clone()))
        .collect::<Vec<_>>()
    );
    assert!(got[0].3.contains("Quarkus"), "{:?}", got[0].3);
}

#[test]
fn a_timestamped_log_whose_remarks_name_no_one() {
    let text = "pycon ie 2023 -- live log, sat 11 nov 2023\n\n09:41 - started: Dr. Aoife Ní Bhriain on \"What the Census Taught Us About Python\" (keynote)\n09:44 she's CSO (Central Statistics Office), moved census processing off SAS\n11:38 benchmark on 2GB csv: pandas 41s, polars 3.9s (her laptop, M2)\n15:39 flake8, isort, pyupgrade... + black next (ruff format)\n";
    let got = speakers_as(text, crate::notes::document::Markup::Plain);
    assert_eq!(got, talks(&[(3, "What the Census Taught Us About Python", &["Aoife Ní Bhriain"])]));
}

#[test]
fn a_folder_page_titled_by_its_fields_and_an_index_of_links() {
    let d = Detector::new().with_notes(["conf/conf.k24.md", "conf/conf.k24.ebpf.md", "conf/conf.k24.gw.md"]);
    let read = |file: &str, text: &str| {
        let note: &'static Note = Box::leak(Box::new(Note {
            file: file.into(),
            key: "t".into(),
            text: text.to_string(),
            markup: crate::notes::document::Markup::Markdown,
        }));
        let lines = LineIndex::new(&note.text);
        let blocks = d.blocks_of(note, &lines);
        let doc = d.detect_indexed(note, &blocks, &lines).doc;
        doc.sections
            .iter()
            .map(|s| (s.title.to_string(), s.speakers.iter().map(|n| n.name.clone()).collect::<Vec<_>>()))
            .collect::<Vec<_>>()
    };
    let page = "---\ntitle: eBPF at Scale\ndesc: 'eBPF at Scale: Running Cilium on 10,000 Nodes'\n---\n\nspeaker: Daniel O'Connell (Datadog, SRE)\n\n- kube-proxy replaced\n";
    assert_eq!(
        read("conf/conf.k24.ebpf.md", page),
        [("eBPF at Scale: Running Cilium on 10,000 Nodes".to_string(), vec!["Daniel O'Connell".to_string()])]
    );
    let colon = "---\ntitle: Gw\n---\n\n# Goodbye Ingress: Migrating 400 Services to Gateway API\n\nMaria Gonzalez-Whitfield and Tom Becker, both from Shopify\n\n- HTTPRoute\n";
    assert_eq!(
        read("conf/conf.k24.gw.md", colon),
        [(
            "Goodbye Ingress: Migrating 400 Services to Gateway API".to_string(),
            vec!["Maria Gonzalez-Whitfield".to_string(), "Tom Becker".to_string()]
        )]
    );
    let index = "---\ntitle: KubeCon NA 2024\n---\n\n## Day 1\n- [[conf.k24.ebpf]]\n- [[conf.k24.gw]]\n\n## todo\n- [ ] expense the rides\n";
    assert!(read("conf/conf.k24.md", index).is_empty());
}

#[test]
fn talks_announced_in_chat_messages() {
    let text = "[29/10/24, 10:18:40] Giulia Ferraro: Io sono da Chiara Esposito, talk su Angular signals e zoneless\n[29/10/24, 10:21:40] Giulia Ferraro: Angular 18 zoneless\n\n[29/10/24, 11:43:40] Giulia Ferraro: Qui Federica Moretti, RAG in pratica con LangChain e pgvector\n\nRafael Monteiro, [17.10.24 08:58]\n[Encaminhado de Python Brasil 2024]\nA keynote começa no Auditório Principal: \"Python em todo lugar: 10 anos de comunidade\", com Ana Beatriz Figueiredo. Não se atrasem!\n\nRafael Monteiro, [17.10.24 15:00]\nPolars para quem vem do pandas, da Fernanda Lacerda. sala lotada\n";
    let got = speakers_as(text, crate::notes::document::Markup::Plain);
    let names: Vec<(&str, &[String])> = got.iter().map(|t| (t.1.as_str(), &t.2[..])).collect();
    for (title, name) in [
        ("Angular signals e zoneless", "Chiara Esposito"),
        ("RAG in pratica con LangChain e pgvector", "Federica Moretti"),
        ("Python em todo lugar: 10 anos de comunidade", "Ana Beatriz Figueiredo"),
        ("Polars para quem vem do pandas", "Fernanda Lacerda"),
    ] {
        assert!(names.iter().any(|(t, p)| *t == title && **p == [name.to_string()]), "{title}: {names:?}");
    }
    let ev = crate::notes::event::parse("[Encaminhado de Python Brasil 2024]", &Labels::default(), None);
    assert_eq!(ev.name.as_deref(), Some("Python Brasil 2024"));
}

#[test]
fn items_under_a_heading_that_names_its_speaker_are_notes() {
    let text = "# JavaLand 2024\n\n## Virtual Threads in der Praxis\n\nMarkus Brändle (codecentric)\n\n- Project Loom seit JDK 21 final\n- Problem **Pinning**: synchronized-Blöcke pinnen den Carrier-Thread\n";
    let got = speakers_as(text, crate::notes::document::Markup::Markdown);
    assert_eq!(got, talks(&[(3, "Virtual Threads in der Praxis", &["Markus Brändle"])]));
}

#[test]
fn a_dictation_tells_its_talks_line_by_line() {
    let text = "notas de voz nerdearla 2024 día dos\nhoy es miércoles estoy en el konex\nbueno arranca la primera charla se llama observabilidad sin vender un riñón\nla dio matías ferreyra que trabaja en mercado libre\ndijo que pagaban una fortuna en datadog\n\nsiguiente charla la dio gonzalo ibarra\nse llamaba de monolito a microservicios y de vuelta\ncontó que partieron un monolito en php\n\ndespués fui a la charla de florencia acosta y santiago medina\nera sobre linux en escuelas rurales\nusan huayra linux que es la distro\n";
    let got = speakers_as(text, crate::notes::document::Markup::Plain);
    assert_eq!(
        got,
        talks(&[
            (3, "observabilidad sin vender un riñón", &["matías ferreyra"]),
            (7, "de monolito a microservicios y de vuelta", &["gonzalo ibarra"]),
            (11, "linux en escuelas rurales", &["florencia acosta", "santiago medina"]),
        ])
    );
}

#[test]
fn habits_of_the_twenty_fourth_stop() {
    use crate::notes::document::Markup;
    let names = |v: Vec<(u32, String, Vec<String>)>| v.into_iter().map(|t| (t.1, t.2)).collect::<Vec<_>>();
    let s = |t: &str| t.to_string();
    // An Org heading's tags and planning line stand between it and its by-line.
    let org = "#+TITLE: PyConFR 2024\n\n* Samedi\n** DONE Accélérer pandas avec Arrow   :python:\n   CLOSED: [2024-11-02 sam. 11:40]\n   Par Yannick Le Goff (équipe data).\n   - notes\n** DONE Le free-threading dans CPython   :python:\n   Théo Van den Berghe, contributeur CPython, venu de Gand.\n   - notes\n";
    assert_eq!(
        names(speakers_as(org, Markup::Org)),
        [
            (s("Accélérer pandas avec Arrow"), vec![s("Yannick Le Goff")]),
            (s("Le free-threading dans CPython"), vec![s("Théo Van den Berghe")])
        ]
    );
    // A title wrapped over two lines above its underline; `w/` and a Flemish particle.
    let plain = "PyCon US 2024\n\nHunting memory leaks in long\nrunning services\n--------------\nw/ Lars vander Berg\n\n- tracemalloc\n\nType hints at scale\n-------------------\n(Priyanka Deshmukh)\n\n- mypy\n";
    assert_eq!(
        names(speakers_as(plain, Markup::Plain)),
        [
            (s("Hunting memory leaks in long running services"), vec![s("Lars vander Berg")]),
            (s("Type hints at scale"), vec![s("Priyanka Deshmukh")])
        ]
    );
    // A live report's place before a title line; handles in company after a quote.
    let chat = "EuroPython 2024\n\nI'm at Hypothesis beyond the basics (Zoltán Kovács-Nagy), Terrace 2A. tiny room\nstateful testing\n\nnow in Async Django in anger (Max Ober), South Hall\nuvicorn\n\n\"Do Jupyter ao Kubernetes sem chorar\" com @anaclarasilva e @rui_lopes_pt — talk a duas vozes\nnotebook to pipeline\n";
    assert_eq!(
        names(speakers_as(chat, Markup::Plain)),
        [
            (s("Hypothesis beyond the basics"), vec![s("Zoltán Kovács-Nagy")]),
            (s("Async Django in anger"), vec![s("Max Ober")]),
            (s("Do Jupyter ao Kubernetes sem chorar"), vec![s("@anaclarasilva"), s("@rui_lopes_pt")])
        ]
    );
    // A forum reply quoting a talk's line continues that talk.
    let thread = "# Conf 2024\n\n**@ana** · 24 out. 2024\n\n**1. First talk here** — Ana Ruiz\n- notes\n\n**2. Second talk here** — Bo Berg\n- notes\n\n---\n\n**@bo** · 25 out. 2024\n\n> **1. First talk here** — Ana Ruiz\n\nmore about Kafka\n";
    let talks = read_as(thread, Markup::Markdown);
    assert_eq!(talks.len(), 3, "{talks:?}");
    assert_eq!((talks[2].0, talks[2].1.as_str()), (5, "First talk here"));
    assert!(talks[2].3.contains("Kafka") && !talks[1].3.contains("Kafka"), "{talks:?}");
}

/// A channel copied from Slack's desktop app, a code block in a message: still a chat,
/// its frames breaks between messages; a thread at the end repeating the message that
/// announced a talk is that talk again (one talk, its replies its notes); a channel's
/// name alone heading the thread is no note.
#[test]
fn a_slack_channel_with_code_and_threads_repeating_talks() {
    let text = "Priya Raghunathan  9:31 AM\nKeynote: Dr. Oluwaseun Adébáyọ̀ \"Python for the Next Billion Learners\"\n\
                - notes on phones\n:100: 6\nMarcus Webb  10:14 AM\n\"JIT Happens: Inside the JIT\" by Ke-Hsin Lin\n\
                - PEP 744\n10:26\n```\n# /// script\n# dependencies = [\"httpx\"]\n# ///\n```\n\
                Priya Raghunathan  10:20 AM\nlunch\n\nThread\n#pycon-2024\nMarcus Webb  10:14 AM\n\
                \"JIT Happens: Inside the JIT\" by Ke-Hsin Lin\n4 replies\nTomás Ferreira  10:30 AM\nPEP 703 with the JIT?\n";
    let markup = crate::notes::markup::detect("txt", text);
    assert_eq!(markup, Markup::Plain);
    let got = read_as(text, markup);
    let lines: Vec<(u32, &str)> = got.iter().map(|t| (t.0, t.1.as_str())).collect();
    assert_eq!(
        lines,
        [
            (2, "Python for the Next Billion Learners"),
            (6, "JIT Happens: Inside the JIT"),
            (6, "JIT Happens: Inside the JIT")
        ]
    );
    assert!(got[2].3.contains("PEP 703"), "{:?}", got[2].3);
    assert!(!got.iter().any(|t| t.3.contains("#pycon-2024")), "{got:?}");
}

/// A live report's paragraphs under headings that name a subject (`## Vector
/// databases`): a paragraph later in the section may open on a talk of its own, and
/// the paragraph right under the heading is the heading's talk when it gives the
/// heading's title in full; another title there is the subject's (`## Open spaces`).
/// A speaker field may end with an affiliation (`Sprecherin: Dr. Ana Ruiz, DB Systel`).
#[test]
fn talks_opened_in_a_live_report_under_subject_headings() {
    let text = "# Liveblog PyData Amsterdam 2023\n\n## Vector databases\n\n\
                **13:15** — Terug in zaal 1. **Wouter Hooft** over *\"Vector Databases in Practice: What Nobody Tells You\"*.\n\n\
                **13:22** — Qdrant en pgvector.\n\n\
                **14:05** — Kamerwissel! Ik vang nog het laatste kwartier van **Amara Nwosu** (*\"Geospatial at Scale\"*).\n\n\
                ## Open spaces\n\nWent to the “Python in the browser” open space. Someone runs pandas in a Web Worker.\n";
    let got = speakers_as(text, Markup::Markdown);
    let got: Vec<(u32, &str, Vec<&str>)> =
        got.iter().map(|t| (t.0, t.1.as_str(), t.2.iter().map(String::as_str).collect())).collect();
    assert_eq!(got[0], (5, "Vector Databases in Practice: What Nobody Tells You", vec!["Wouter Hooft"]));
    assert_eq!(got[1], (9, "Geospatial at Scale", vec!["Amara Nwosu"]));
    assert!(got.iter().all(|t| !t.2.contains(&"Web Worker")), "{got:?}");
    let wiki = "# PyCon DE 2024\n\n## Typisierung im Legacy-Code\n\n  * Sprecherin: **Dr. Aylin Karadağ**, DB Systel\n  * Django\n\n\
                ## Zweiter Talk hier\n\nSprecher: Ana Ruiz\n\n  * notes\n";
    let got = speakers_as(wiki, Markup::Markdown);
    assert_eq!(
        (got[0].1.as_str(), got[0].2.clone()),
        ("Typisierung im Legacy-Code", vec!["Aylin Karadağ".to_string()])
    );
}

/// A team's page exported to Markdown (Microsoft Loop): a schedule table whose cells
/// escape their dashes and name who of the team goes, then a section per talk named
/// shortly, by its speaker alone after its kind, or with the speaker's first name in
/// brackets; under each, the team member who took the notes. One talk per row, at the
/// section, given by the row's speakers; the task list is none.
#[test]
fn a_schedule_then_sections_named_shortly_by_a_team() {
    let text = "# DevConf 2026 – sessienotities\n\n\
        | Tijd | Sessie | Spreker(s) | Wie gaat |\n| --- | --- | --- | --- |\n\
        | do 09:15 | Keynote: Beyond the Dashboard | Anouk ter Horst | iedereen |\n\
        | do 10:30 | Feature Stores Are Just Databases | Sipho Ndlovu | @Yassine El Idrissi |\n\
        | do 11:30 | Geospatial Analytics in DuckDB | Maëlle Verhoeven\\-Diallo | @Daan Hoekstra |\n\n\
        ## Keynote – Anouk ter Horst\n\n- dashboards\n\n\
        ## Feature stores (Sipho)\n\n*Notities door @Yassine El Idrissi*\n\n- Feast\n\n\
        ## Geospatial Analytics in DuckDB\n\n*@Daan Hoekstra*\n\n- spatial extension\n\n\
        ## Takenlijst\n\n- [ ] Feast uitzoeken @Yassine El Idrissi\n- [ ] slides ophalen\n";
    let got = speakers_as(text, Markup::Markdown);
    let got: Vec<(u32, &str, Vec<&str>)> =
        got.iter().map(|t| (t.0, t.1.as_str(), t.2.iter().map(String::as_str).collect())).collect();
    assert_eq!(
        got,
        [
            (9, "Beyond the Dashboard", vec!["Anouk ter Horst"]),
            (13, "Feature Stores Are Just Databases", vec!["Sipho Ndlovu"]),
            (19, "Geospatial Analytics in DuckDB", vec!["Maëlle Verhoeven-Diallo"]),
        ]
    );
}

/// A summary's bullets name the speaker as the subject of the first one (with an
/// apposition or a place described after `from`), a lightning list reporting what
/// people the note cannot name showed gives no talk, and a name before a quoted title
/// on a talk's line is its speaker.
#[test]
fn speakers_in_a_summarys_first_bullet_and_reported_lightning_talks() {
    let text = "# Day 2\n\n## Polars in production\n- Tomasz Wisniewski from a London fintech revisited his team's migration.\n- lazy API\n\n\
                ## Free-threaded Python\n- Hannah Ludtke, a NumPy maintainer and long-time contributor, explained PEP 703.\n- wheels\n\n\
                ## Lightning talks\n- Speaker 9 demoed a marimo notebook\n- someone wrote a Tetris in Textual\n\n\
                ## Later\n\n1. Keynote – Zofia Grzybowska „Python in the Age of Agents”\nAgents are code.\n";
    let (talks, _) = detect(text);
    let got: Vec<(&str, Vec<String>)> = talks.iter().map(|t| (t.1.as_str(), t.2.clone())).collect();
    assert_eq!(
        got,
        [
            ("Polars in production", vec!["Tomasz Wisniewski".to_string()]),
            ("Free-threaded Python", vec!["Hannah Ludtke".to_string()]),
            ("Lightning talks", vec![]),
            ("Python in the Age of Agents", vec!["Zofia Grzybowska".to_string()]),
        ]
    );
}

/// A conversation with an assistant clipped to Markdown: its turns' headings (`You
/// said:`, `ChatGPT said:`) are no headings of the notes, a rough note's quoted title
/// and the tidy version of it asked for are one talk (one title), and two talks of one
/// speaker told apart by a number stay two.
#[test]
fn an_assistants_conversation_gives_each_talk_once() {
    let text = "# Chat\n\n##### You said:\n\nnext: \"Async views in anger\" Siobhán Ní Bhriain (at a fintech?)\n- sync_to_async everywhere\n- uvicorn\n\n\
                ###### ChatGPT said:\n\n## Async Views in Anger\n\n**Speaker:** Siobhán Ní Bhriain\n\nWhat broke: the ORM.\n\n\
                ##### You said:\n\n\"Graphs, part 1\", Ana Ruiz\n- nodes\n- edges\n\n\"Graphs, part 2\", Ana Ruiz\n- paths\n- cycles\n";
    let talks = speakers_as(text, crate::notes::document::Markup::Markdown);
    let got: Vec<(u32, &str)> = talks.iter().map(|t| (t.0, t.1.as_str())).collect();
    assert_eq!(
        got,
        [(5, "Async views in anger"), (5, "Async views in anger"), (19, "Graphs, part 1"), (23, "Graphs, part 2")]
    );
    assert!(!talks.iter().any(|t| t.1.contains("said")), "{talks:?}");
}

/// A board's cards (Obsidian's Kanban plugin): a checklist item with a title, a
/// speaker and lines of notes of its own is a talk, its time trigger (`@@{14:10}`) no
/// part of it, the board's settings in a comment no notes; a heading naming a known
/// conference and its year is the event's, and a journal's entry has its title after
/// its fields.
#[test]
fn board_cards_journal_entries_and_a_heading_naming_the_event() {
    let text = "## Da vedere\n\n- [ ] **Platform engineering senza portali** — Federica Dell'Acqua @@{14:10}\n\tSala 5 · 14:10\n\tBackstage sì o no?\n\n\
                ## Varie\n\n- [ ] nota spese @{2025-10-31}\n- [x] adesivi\n\n%% kanban:settings\n```\n{\"kanban-plugin\":\"board\"}\n```\n%%\n";
    let talks = speakers_as(text, crate::notes::document::Markup::Markdown);
    let got: Vec<(u32, &str, Vec<String>)> = talks.iter().map(|t| (t.0, t.1.as_str(), t.2.clone())).collect();
    assert_eq!(got, [(3, "Platform engineering senza portali", vec!["Federica Dell'Acqua".to_string()])]);
    let text = "Devoxx Poland 2025 — relacja Karoliny\n=====================================\n\nKarolina Zięba z zespołu Payments spędziła trzy dni w Krakowie.\n\n\
                Keynote: \"Java at 30\"\n--------------------\n\nProwadząca: Sunita Raghavan\n\nJava skończyła 30 lat.\n\n\
                \"Virtual Threads in Production\"\n------------------------------\n\nProwadzący: Paweł Lis\n\nNajlepszy talk.\n";
    let talks = speakers_as(text, crate::notes::document::Markup::Markdown);
    assert!(!talks.iter().any(|t| t.1.contains("relacja")), "{talks:?}");
    assert_eq!(talks.len(), 2, "{talks:?}");
    let text = "\tDate:\t24 de outubro de 2025 11:20 BRT\n\tLocation:\tSão Paulo\n\tTags:\tpybr2025, palestra\n\n\
                Free-threading na prática — Rodrigo Kenji Yamamoto\n\nA sala estava cheia.\n\n- PEP 703\n";
    let talks = speakers_as(text, crate::notes::document::Markup::Markdown);
    assert_eq!(talks.iter().map(|t| t.1.as_str()).collect::<Vec<_>>(), ["Free-threading na prática"], "{talks:?}");
}
