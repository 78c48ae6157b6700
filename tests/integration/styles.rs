//! Accuracy on notes in other styles than the sample (issue 3): each fixture under
//! `tests/fixtures/styles/` has a gold file written by a careful reader, in the format
//! of `../shared/eval/FORMAT.md`, and is scored by [`crate::score`] with a threshold.
//! The sample notes are scored against the gold kept in `tests/fixtures/styles/` too
//! (a copy of `../shared/gold/europython-2023-day1.json`), with the issue's targets.

use std::path::Path;

use serde_json::Value;

use crate::score::{score, Report};
use crate::util::repo;

/// Builds the graph of `note` with the library, writes the Gephi CSVs, scores them.
fn run(note: &Path, gold: &Path) -> Report {
    let inputs = [note.to_path_buf()];
    let knowledge = talkgraph::load_knowledge(&inputs, None).expect("lexicon loads");
    let built = talkgraph::build_graph(&inputs, &knowledge, Some(1)).expect("graph builds");
    let out = tempfile::tempdir().expect("temp dir");
    talkgraph::export::write_to_dir(
        &built.graph,
        &[talkgraph::Format::Csv],
        &talkgraph::ExportOptions::default(),
        out.path(),
    )
    .expect("CSV written");
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(gold).expect("gold file")).expect("gold JSON");
    let report = score(out.path(), &gold);
    println!("{}: {report}", note.display());
    report
}

/// The notes of fixture `name`: `name.md`, `name.txt`, `name.org`, ... or the folder
/// `name/` (a folder of one file per talk).
fn notes_of(name: &str) -> std::path::PathBuf {
    let dir = repo().join("tests/fixtures/styles");
    if dir.join(name).is_dir() {
        return dir.join(name);
    }
    std::fs::read_dir(&dir)
        .expect("fixtures folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_stem().is_some_and(|s| s == name)
                && !p.to_string_lossy().ends_with(".gold.json")
                && p.extension().is_some()
        })
        .unwrap_or_else(|| panic!("no notes for fixture {name}"))
}

fn fixture(name: &str) -> Report {
    let dir = repo().join("tests/fixtures/styles");
    run(&notes_of(name), &dir.join(format!("{name}.gold.json")))
}

/// The thresholds: what the extractor reaches today, less a small margin, and never
/// below the issue's bar for the sample (macro 0.95).
fn check(r: &Report, macro_min: f64, talks_min: f64, speakers_min: f64, mentions_min: f64) {
    check_scores(r, macro_min, talks_min, speakers_min, mentions_min);
    assert!(r.event_found, "the event is not found\n{r}");
    assert_eq!(r.event_date_found, Some(true), "the event's date is not found\n{r}");
    assert_eq!(r.talks_linked, r.talks.tp, "every matched talk hangs off the event\n{r}");
}

/// [`check`]'s thresholds, for notes that name no one event (a watch list of talks
/// from several conferences).
fn check_scores(r: &Report, macro_min: f64, talks_min: f64, speakers_min: f64, mentions_min: f64) {
    assert!(r.macro_f1 >= macro_min, "macro_f1 {} < {macro_min}\n{r}", r.macro_f1);
    assert!(r.talks.f1 >= talks_min, "talks F1 {} < {talks_min}\n{r}", r.talks.f1);
    assert!(r.speakers.f1 >= speakers_min, "speakers F1 {} < {speakers_min}\n{r}", r.speakers.f1);
    assert!(r.mentions.f1 >= mentions_min, "mentions F1 {} < {mentions_min}\n{r}", r.mentions.f1);
}

#[test]
fn sample_notes_reach_the_issue_targets() {
    let r = run(
        &repo().join("notes/europython-2023-day1.md"),
        &repo().join("tests/fixtures/styles/europython-2023-day1.gold.json"),
    );
    check(&r, 0.95, 1.0, 1.0, 0.93);
}

// Schedule style: `### 10:30 — Title (Speaker)`, `## 14:00-14:30 Title`, `Speaker:`,
// `**Speaker**:`, two speakers with `&`, a lightning slot with `>` items, a date line
// with a place, typos (Pydanitc, Djnago), PEP lists, "black coffee".
#[test]
fn schedule_style_conference() {
    check(&fixture("pycon-schedule"), 0.98, 1.0, 1.0, 0.96);
}

// Obsidian: YAML front matter naming the conference, plain headings as talks,
// [[wikilinks]], #tags, `Speaker::` Dataview fields, code spans, pip install, a
// github.com URL, a Lunch heading that is no talk.
#[test]
fn obsidian_note_with_front_matter_and_dataview() {
    check(&fixture("obsidian-note"), 0.99, 1.0, 1.0, 0.98);
}

// A terse Rust conference: `## Keynote` with the speaker right under it, `by NAME`,
// `Speaker:` with diacritics and a hyphen, crates, "rust on the bike rack".
#[test]
fn terse_rust_conference() {
    check(&fixture("rustconf-terse"), 0.99, 1.0, 1.0, 0.98);
}

// A meetup full of ordinary words that are also names: black coffee, rust on a bike,
// a flask of tea, a spark of joy, go on, a pet python, `lambda x:`, no AWS.
#[test]
fn meetup_full_of_ordinary_words() {
    check(&fixture("meetup-ordinary-words"), 0.96, 1.0, 1.0, 0.9);
}

/// The Rust scorer gives the figures `score.py` gives, on every fixture.
#[test]
#[ignore = "needs python3 and ../shared/eval/score.py beside the repository"]
fn rust_scorer_agrees_with_score_py() {
    let script = repo().join("../shared/eval/score.py");
    assert!(script.is_file(), "{} is missing", script.display());
    let dir = repo().join("tests/fixtures/styles");
    // Every fixture with a gold file.
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("fixtures folder")
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str().and_then(|n| n.strip_suffix(".gold.json")).map(str::to_string))
        .collect();
    names.sort();
    for name in names.iter().map(String::as_str) {
        // (The sample's gold sits among the fixtures; its notes are the default input's.)
        let sample = repo().join("notes").join(format!("{name}.md"));
        let note = if sample.exists() { sample } else { notes_of(name) };
        let inputs = [note];
        let knowledge = talkgraph::load_knowledge(&inputs, None).expect("lexicon");
        let built = talkgraph::build_graph(&inputs, &knowledge, Some(1)).expect("graph");
        let out = tempfile::tempdir().expect("temp dir");
        talkgraph::export::write_to_dir(&built.graph, &[talkgraph::Format::Csv], &Default::default(), out.path())
            .expect("CSV");
        let gold_path = dir.join(format!("{name}.gold.json"));
        let py = std::process::Command::new("python3")
            .arg(&script)
            .arg("--out")
            .arg(out.path())
            .arg("--gold")
            .arg(&gold_path)
            .arg("--json")
            .output()
            .expect("python3 runs");
        assert!(py.status.success(), "{}", String::from_utf8_lossy(&py.stderr));
        let want: Value = serde_json::from_slice(&py.stdout).expect("score.py --json");
        let gold: Value = serde_json::from_str(&std::fs::read_to_string(&gold_path).unwrap()).unwrap();
        let got = score(out.path(), &gold);
        for (k, p) in [("talks", got.talks), ("speakers", got.speakers), ("mentions", got.mentions)] {
            let w = &want[k];
            assert_eq!(
                (p.tp as u64, p.fp as u64, p.fn_ as u64, p.f1),
                (
                    w["tp"].as_u64().unwrap(),
                    w["fp"].as_u64().unwrap(),
                    w["fn"].as_u64().unwrap(),
                    w["f1"].as_f64().unwrap()
                ),
                "{name} {k}"
            );
        }
        assert_eq!(got.macro_f1, want["macro_f1"].as_f64().unwrap(), "{name}");
        // A note that names no one event (a watch list) has none in its gold, and
        // score.py reports no event for it.
        let Some(ev) = want["events"].get(0) else {
            assert!(gold.get("event").is_none(), "{name}: score.py reports no event");
            continue;
        };
        assert_eq!(got.event_found, ev["found"].as_bool().unwrap(), "{name}");
        assert_eq!(got.talks_linked as u64, ev["talks_linked"].as_u64().unwrap(), "{name}");
        assert_eq!(got.event_date_found, ev["date_found"].as_bool(), "{name}");
    }
}

// The style suite of issue 14: one test per family, the thresholds at what the detector
// reaches today less a small margin (the issue's target is 0.95 for every fixture;
// mentions are bounded by the lexicon, which grows apart from the detector).

// Lightning talks as `Name: Title` list items under a lightning heading, a keynote with
// an em dash, `Speaker:` lines, a date line under the title.
#[test]
fn lightning_items_name_colon_title() {
    check(&fixture("lightning-names"), 0.99, 1.0, 1.0, 0.98);
}

// An outliner page (Logseq `- ` bullets, `key:: value` properties), read as Markdown
// until the outliner reader lands.
#[test]
fn outliner_page() {
    check(&fixture("logseq-kubecon"), 0.97, 1.0, 1.0, 0.93);
}

// YAML front matter with an agenda list and numbered talks `N) Title - Speaker`.
#[test]
fn front_matter_with_an_agenda() {
    check(&fixture("meetup-front-matter-agenda"), 0.98, 1.0, 1.0, 0.95);
}

// A panel on one line with its moderator, pairs with `with` and `&`, a hallway section.
#[test]
fn panels_and_pairs() {
    check(&fixture("panel-and-duos"), 0.97, 1.0, 1.0, 0.94);
}

// Headings with their fields under them, as list items (`- **Speaker:** A (X)`,
// `- Moderator:`, `- Panelists:`, `- Room:`) or as a paragraph of `Label: value` lines.
#[test]
fn headings_with_field_lists() {
    check(&fixture("field-lists"), 0.98, 1.0, 1.0, 0.95);
}

// A numbered agenda: `1. 09:30 – Keynote: Title — Name (Company)` with the notes as
// sub-bullets (kept aside until written: 0.796 macro before the code that reads it).
#[test]
fn numbered_agenda_with_times_and_affiliations() {
    check(&fixture("numbered-agenda"), 0.97, 1.0, 1.0, 0.94);
}

// A thread of numbered posts (`1/ …`, `2/ …`) naming each talk in prose, the person
// before or after the quoted title (kept aside: 0.618 macro before).
#[test]
fn thread_of_posts_with_quoted_titles() {
    check(&fixture("thread-posts"), 0.97, 1.0, 1.0, 0.94);
}

// Emoji as labels and decoration (`## 🎤 Keynote: …`, `👤 Name` under the heading,
// `- 🎙️ Name — Title` lightning items, name first); kept aside until written: 0.454.
#[test]
fn emoji_labels_and_name_first_lightning_items() {
    check(&fixture("emoji-labels"), 0.98, 1.0, 1.0, 0.95);
}

// A plain-text outline indented with tabs and no bullets (`\tTitle - Name`, notes one
// level deeper, a `follow up` list at the margin); kept aside until written: 0.000.
#[test]
fn plain_text_outline_by_indentation() {
    check(&fixture("tab-outline"), 0.98, 1.0, 1.0, 0.95);
}

// A schedule pasted from a spreadsheet (tab-separated cells) and the notes below it
// under shortened titles on lines of their own; kept aside until written: 0.000.
#[test]
fn spreadsheet_paste_and_notes_under_shortened_titles() {
    check(&fixture("sheet-paste"), 0.96, 1.0, 1.0, 0.9);
}

// Plain text with titles underlined by `===` and `---` (a typewriter's habit, and
// reStructuredText's); kept aside until written: 0.000.
#[test]
fn plain_text_underlined_titles() {
    check(&fixture("underlined"), 0.99, 1.0, 1.0, 0.98);
}

// A Markdown file that is HTML (a tool's export, a web page saved): `<h2>` headings,
// `<p><strong>Speaker:</strong> …</p>`, `<li>` items, entities; kept aside: 0.000.
#[test]
fn html_export_in_markdown() {
    check(&fixture("html-export"), 0.99, 1.0, 1.0, 0.98);
}

// A lower-case phone note with no markup: `next talk - title (speaker)`,
// `after lunch: title - speaker`, names in lower case.
#[test]
fn phone_note_lead_in_lines() {
    check(&fixture("phone-note"), 0.95, 1.0, 1.0, 0.87);
}

// A folder of one file per talk (setext titles, `A talk by [Name](link) and` wrapped
// before the second name, sub-headings that are parts) with an index README naming the
// conference.
#[test]
fn folder_of_one_file_per_talk() {
    check(&fixture("pycascades-2024"), 0.97, 1.0, 1.0, 0.94);
}

// German labels: `Vortrag:`, `Sprecherin:`, `Tag 2 — 23. April 2024`, a notes-to-self
// section, an impossible date.
#[test]
fn german_labelled_fields() {
    check(&fixture("pycon-de-notizen"), 0.98, 1.0, 1.0, 0.94);
}

// Polish labels (`Prelegent:`, Polish dates).
#[test]
fn polish_notes() {
    check(&fixture("pycon-pl-notatki"), 0.96, 1.0, 1.0, 0.91);
}

// French notes (`Intervenant(e) :` with an inclusive ending, French dates).
#[test]
fn french_notes() {
    check(&fixture("pyconfr-notes"), 0.96, 1.0, 1.0, 0.89);
}

// Dutch notes (`Spreker:`, Dutch dates).
#[test]
fn dutch_notes() {
    check(&fixture("pygrunn-aantekeningen"), 0.96, 1.0, 1.0, 0.91);
}

// Italian, Spanish and Portuguese labels mixed in one file.
#[test]
fn mixed_latin_languages() {
    check(&fixture("pymed-mixed-latin"), 0.95, 1.0, 1.0, 0.88);
}

// A recap e-mail: headers, a greeting, `**"Title"** by Name` across a hard wrap,
// `Name's talk on …`, a sign-off and a signature.
#[test]
fn recap_email_titles_in_prose() {
    check(&fixture("recap-email"), 0.97, 1.0, 1.0, 0.94);
}

// A schedule table (time, title, speaker, room) and sections with shortened titles, one
// of them the end of the row's title (`GeoPandas and Dask`): 0.910 and mentions 0.730
// while only a title's start was matched.
#[test]
fn schedule_table_and_sections() {
    check(&fixture("table-schedule"), 0.98, 1.0, 1.0, 0.96);
}

// Two days, Title Case headings with the speaker on the next line.
#[test]
fn two_days_title_case() {
    check(&fixture("two-day-title-case"), 0.98, 1.0, 1.0, 0.96);
}

// Unfenced `# /// script` and `# comment` lines that are code, not headings (a run of
// them, or one glued to the line of text before it).
#[test]
fn unfenced_script_lines_are_no_headings() {
    check(&fixture("unfenced-script"), 0.96, 1.0, 1.0, 0.9);
}

// Emacs Org: `#+TITLE:`/`#+DATE:`, `*` day and `**` talk headings, `:PROPERTIES:` drawers
// with `:SPEAKER:`, source blocks, TODO headings that are not talks.
#[test]
fn org_file_with_drawers() {
    check(&fixture("pygotham-org-notes"), 0.96, 1.0, 1.0, 0.9);
}

// reStructuredText: over- and underlined titles, `:Speaker:` field lists, code blocks.
#[test]
fn restructuredtext_with_field_lists() {
    check(&fixture("euroscipy-notes"), 0.98, 1.0, 1.0, 0.95);
}

// AsciiDoc: `=`/`==` titles, `:speaker:` attributes, listing blocks.
#[test]
fn asciidoc_with_attributes() {
    check(&fixture("rustfest-notes"), 0.98, 1.0, 1.0, 0.95);
}

// A Jupyter notebook: Markdown cells with headings and `Speaker:` lines, code cells
// (comments in them are no headings), every fact at its line of the `.ipynb` file.
#[test]
fn jupyter_notebook() {
    check(&fixture("scipy-notebook"), 0.97, 1.0, 1.0, 0.94);
}

// Plain text with talks between separator lines, written as prose: `"Title", presented
// by A & B`, `Keynote, presented by NAME`.
#[test]
fn plain_text_between_separators() {
    check(&fixture("separators-plain"), 0.98, 1.0, 1.0, 0.96);
}

// A folder named after the conference, one file per talk named `title-speaker.md`: a
// name heading, or no heading at all (the title and speaker from the file name, the
// date from a remark in parentheses on the first line).
#[test]
fn folder_of_title_speaker_files() {
    check(&fixture("djangocon-eu-2024"), 0.96, 1.0, 1.0, 0.91);
}

// Speakers (issue 14 item 5) in a recap pasted from an e-mail: the people of the
// headers, the greeting, the sign-off and signature and the note-taker's remarks
// (`me: …`, `Name: remark`) are no speakers; a lower-case name in a title's
// parentheses, a speaker field and after `by`; `feat.`, `with` after a dash, `&`; a
// panel of three moderated by a fourth; a hallway section after the last talk.
#[test]
fn speakers_in_a_recap_mail() {
    check(&fixture("speakers-mail"), 0.96, 1.0, 1.0, 0.89);
}

// The same families in a lower-case phone note of lead-in lines, with the event on its
// first line (`pydata berlin 2025 - my notes, 12 june 2025`).
#[test]
fn speakers_in_a_lower_case_phone_note() {
    check(&fixture("pydata-phone-panel"), 0.92, 1.0, 1.0, 0.78);
}

// Three notes written with their gold at the start of the third stop and kept from the
// helpers' view until its end, so that they measured what unseen notes get: a KubeCon
// day (`###` talks, `Speakers: A (Company), B` lines, cloud-native tools, lightning
// items `title — name`); a plain-text meetup (`18:45  "Title" - Name` paragraphs, a
// meetup number before the date); bold lead-in titles `**Title** — Name (Company)` and
// a labelled panel line with its moderator.
#[test]
fn kept_aside_kubecon_day() {
    check(&fixture("kubecon-eu-2025"), 0.98, 1.0, 1.0, 0.96);
}

#[test]
fn kept_aside_meetup_with_times_and_quoted_titles() {
    check(&fixture("pydata-lisbon-meetup"), 0.97, 1.0, 1.0, 0.94);
}

#[test]
fn kept_aside_bold_titles_and_a_moderated_panel() {
    check(&fixture("embedded-rust-day"), 0.97, 1.0, 1.0, 0.94);
}

// Three families written with their gold at the start of the sixth stop, before the
// code that reads them (macro F1 when new: 0.226, 0.409 and 0.432): a Confluence page
// pasted into a `.txt` file (`h2.` headings, `*Speaker:*` lines, `{code}` blocks, `#`
// numbered lightning items); a live blog of timed lines (`09:00 keynote - Name -
// "Title"`, `10:30 Room 317 | Name | Title`, a quoted panel title `w/` its people);
// a Slack channel export (`[09:12] handle: message`), whose posters are no speakers;
// and (0.000 when new) a schedule copied from a document as text, `9.30–10.00  Title`
// over `Presenter – Name`, with the `●`/`○`/`■` bullets the copy keeps.
#[test]
fn confluence_wiki_markup() {
    check(&fixture("confluence-wiki"), 0.97, 1.0, 1.0, 0.92);
}

#[test]
fn live_blog_of_timed_lines() {
    check(&fixture("live-blog"), 0.99, 1.0, 1.0, 0.98);
}

#[test]
fn chat_transcript() {
    check(&fixture("chat-export"), 0.97, 1.0, 1.0, 0.94);
}

// Written blind (0.271 when new): an irssi log of a channel, `09:04 <@op> first up:
// Name, "Title"`, `next: Name - Title`, `Title - A & B`, `Title / Name (aside)` as
// messages among joins, quits, actions and a netsplit; the event in the channel's
// topic, its date in `--- Log opened …`. Most mentions missed are security tools not
// in the lexicon yet.
#[test]
fn irc_log_with_talks_announced_in_messages() {
    check(&fixture("bsides-irc-log"), 0.983, 0.99, 0.99, 0.959);
}

#[test]
fn document_copied_as_text() {
    check(&fixture("gdocs-paste"), 0.98, 1.0, 1.0, 0.95);
}

// Written with its gold before the code (0.376 when new): a meetup note with its
// schedule pasted as comma-separated values under a header (a quoted cell holding a
// comma), notes under shortened titles, and `**Title**, Name` lightning items.
#[test]
fn csv_schedule_and_bold_titles_with_names() {
    check(&fixture("csv-meetup"), 0.99, 1.0, 1.0, 0.98);
}

// Written with its gold before the code (0.274 when new): a blog write-up whose plain
// headings are the talks and whose speakers are named only in the first sentence under
// each (`Giulia Bianchi from Datapizza gave a tour of …`, `In this talk, Marco Esposito
// explained …`, `Luca Ferraro's talk was about …`, `was given by Sofia Marino`), with
// people named elsewhere in the prose who are no speakers.
#[test]
fn speakers_named_in_the_first_sentence() {
    check(&fixture("blog-narrative"), 0.98, 1.0, 1.0, 0.95);
}

// Written with its gold before the code (0.705 when new): a watch list of recorded
// talks, each a list item that is one link whose text is the video's title as the
// channel wrote it (`Talks - Name: Title`, `Title — Name`, `Name - Title | Event 2024`,
// `Event 2023 - Title by Name`, `"Title" by Name (Event 2024)`), notes nested under each,
// a heading over them that holds talks, and a to-watch list after them.
#[test]
fn watch_list_of_video_links() {
    // Talks from several conferences: no one event.
    check_scores(&fixture("watch-list"), 0.981, 0.99, 0.99, 0.963);
}

// A conference journal: a `#` title with the event, a place and date line, each talk a
// bold time then `Title — Speaker` (`Keynote — Title — Speaker`), notes as items, a
// lunch line, lightning talks as `title — Name` items; Rust crates, safety standards,
// graphics APIs and fuzzers in the notes.
#[test]
fn journal_with_bold_times() {
    check(&fixture("eurorust-journal"), 0.97, 1.0, 1.0, 0.93);
}

// A plain-text file with wiki-style `== Title` lines, `Speaker:`/`Speakers:` lines
// with `&` and commas, prose paragraphs, a lightning round of `title (Name)` items;
// cloud-native projects and Kubernetes' own parts.
#[test]
fn plain_text_with_wiki_headings() {
    check(&fixture("kubecon-london-day2"), 0.99, 1.0, 1.0, 0.98);
}

// A Notion export: `Date:`/`Location:`/`Tags:` properties under the title, a `## Talks`
// section over `###` talks, `Speaker:` lines; JavaScript tools named as people write
// them, not as their npm packages (`Rspack`, `Testing Library`, `SolidJS`).
#[test]
fn notion_export_of_a_javascript_conference() {
    check(&fixture("jsconf-notion"), 0.96, 1.0, 1.0, 0.91);
}

// Spanish notes: setext titles `Charla N: Título`, `Ponente:`/`Ponentes: A y B`, a date
// written out in Spanish, `Charlas relámpago` items; data-science and LLM tooling.
#[test]
fn spanish_notes_with_setext_titles() {
    check(&fixture("pydata-madrid-apuntes"), 0.99, 1.0, 1.0, 0.98);
}

// The six fixtures below were written by someone who never ran talkgraph, in styles
// and ecosystems the suite lacked; they scored 0.00 to 0.73 (mean 0.34) with the code
// of their day, and are scored here as they are now.

// A GopherCon journal: `###` titles over an italic `*Name (Company)*` line, `LT: title
// / Name` lines under `### Lightning talks`, a `misc` list after them; Go tools.
#[test]
fn go_conference_journal() {
    check(&fixture("gophercon-eu-berlin"), 0.94, 1.0, 1.0, 0.84);
}

// Plain text numbered by session: `[1] Title  --  Name (Org)   room 8, 09:30`, notes
// as indented `*` bullets, a `Quickie:` and a BOF; the JVM ecosystem.
#[test]
fn numbered_sessions_with_rooms_and_times() {
    check(&fixture("devoxx-be-numbered"), 0.98, 1.0, 1.0, 0.95);
}

// Italian notes: `## Sala 2 — 11:00` slot headings over `**Intervento:**` and
// `**Relatore/Relatrice/Relatori:**` fields, Italian words that are tool names.
#[test]
fn italian_slots_with_title_fields() {
    check(&fixture("codemotion-milano-appunti"), 0.98, 1.0, 1.0, 0.97);
}

// A checklist: `- [x] 09:00 Title @Name`, unticked talks with no notes, `## Morning`
// and `## Afternoon`, `#tags`, follow-ups at the end; streaming and data tools.
#[test]
fn checklist_of_talks_with_at_names() {
    check(&fixture("current-london-checklist"), 0.94, 1.0, 1.0, 0.84);
}

// A bullet journal: `○ 10:30 Title — Name` events over `– note` lines, `•` tasks, a
// `FRI 16.05.25` date, PEPs named several ways.
#[test]
fn bullet_journal_with_peps() {
    check(&fixture("pycon-us-bujo"), 0.98, 1.0, 1.0, 0.96);
}

// Speakers as people write them: a duo `with … and …`, `Chaired by`, a speaker named
// only in prose, `moderator:`/`panelists:` lines, particles, diacritics, lower case.
#[test]
fn devrooms_with_every_kind_of_speaker_line() {
    check(&fixture("fosdem-devrooms-people"), 0.94, 1.0, 0.95, 0.87);
}

// A Spanish outline typed on a phone, tab-indented and mostly lower case: `keynote -
// Name` over its quoted title, `charla: title` over a nested `ponente: Name (ORG)`,
// `title - name` in lower case, a title over a line holding only `Name y Name`, a
// `comida` break, `dia 2`; names with diacritics and particles.
#[test]
fn spanish_phone_outline_with_nested_speakers() {
    check(&fixture("pycon-es-esquema"), 0.964, 0.99, 0.99, 0.90);
}

// A team's retro doc: a summary table of the talks, then each note-taker's section
// (`## Priya's notes`) naming the talks by shortened titles (`RSC in anger`, `Svelte
// runes`, `Bun/Deno/Node`) in bold leads and list items: one talk per row, its notes
// in both sections.
#[test]
fn retro_doc_with_a_summary_table_and_note_takers_sections() {
    // The event's dates are in a quoted preamble (`Conference: …, 27–28 February 2025`):
    // not read yet.
    check_scores(&fixture("jsworld-team-retro"), 0.985, 0.99, 0.99, 0.975);
}

// A PDF programme pasted as text: a column of time, title (wrapped) and name lines,
// page footers, then notes under shortened titles (`wheels keynote`, `pip panel`).
#[test]
fn pdf_schedule_pasted_as_a_column_then_notes_under_short_titles() {
    check(&fixture("packaging-summit-pdf-paste"), 0.967, 1.0, 1.0, 0.911);
}

// Talks told with no markup, written blind. A dictated voice memo: `so the first talk
// this morning was called TITLE by NAME she works at …`, `the closing keynote was by
// NAME called TITLE`, no stops, asides and lunch between talks.
#[test]
fn talks_told_in_a_voice_memo() {
    // The event is said, not written (`this is day two of PyData Berlin it's Tuesday the
    // second of September twenty twenty five`): not read yet.
    check_scores(&fixture("pydata-berlin-voice-memo"), 0.956, 0.99, 0.99, 0.887);
}

// A diary blog: talks told in prose paragraphs (`First up was Ana Souza's talk on …,
// "Title"`, `After coffee, NAME walked us through "Title"`, `NAME talked about TITLE,
// or really …`), day headings, takeaways.
#[test]
fn talks_told_in_a_diary() {
    // The event is named inside the post's title (`# Two days at RustLab, a diary`): not
    // read yet.
    check_scores(&fixture("rustlab-diary"), 0.973, 0.99, 0.99, 0.94);
}

// Written blind: headings that put the people first (`### Name: Title`, `### A & B:
// Title`, a name of six words with particles), a lightning list `Title — Name`.
#[test]
fn headings_that_put_the_people_first() {
    // The mentions missed are the lexicon's (Elixir libraries).
    check(&fixture("elixirconf-eu-speaker-headings"), 0.99, 0.99, 0.99, 0.98);
}

// Written blind: a memo in Japanese and English: `■ Title` items, `登壇者: 如月 陽斗
// (Haruto Kisaragi)` fields, bilingual titles, `昼休み 12:00-13:30`, a date `2025/04/16`.
#[test]
fn a_memo_in_japanese_and_english() {
    // The mentions missed are the lexicon's (Ruby libraries).
    check(&fixture("rubykaigi-memo"), 0.974, 0.99, 0.99, 0.931);
}

// Written blind: a PostgreSQL recap README, talks as numbered items `**[Title](url)** —
// Name (Company)` over a line of links, extensions and operators named in passing.
#[test]
fn postgres_recap_readme() {
    check(&fixture("pgconf-eu-recap-readme"), 0.99, 0.99, 0.99, 0.98);
}

// Five families written blind at the eleventh stop.
// A Trello board exported as Markdown: lists and cards as headings (`## List: …`,
// `### Card: Title (Name)`), card fields (`Members: @kari`: note-takers), the speaker
// in the description (`Speakers: A & B`, `by Name`), comments with author and date, and
// cards of the team's own tasks, which are no talks.
#[test]
fn trello_board_of_cards() {
    // The event's date is only in the lists' titles (`List: Watched (day 1, Wed 10
    // June)`): not read yet.
    check_scores(&fixture("ndc-oslo-trello-board"), 0.99, 0.99, 0.99, 0.99);
}

// A Zettelkasten file: note ids opening the headings (`## 202606041030 Title`), speakers
// as [[wikilinks]] alone, after `by`, or in a `source::` field, an index of links, a
// lunch note and notes of one's own ideas that are no talks.
#[test]
fn zettelkasten_notes_with_ids_and_wikilinked_speakers() {
    check(&fixture("lambda-days-zettelkasten"), 0.973, 0.99, 0.99, 0.93);
}

// A video's pasted description and captions: the chapter list (`4:12 Title – Name`,
// `1:09:30 …`) is the programme, the notes follow under short titles (`Jolt`, `Unity to
// Bevy`) among caption lines with their timestamps; the video's title names the event.
#[test]
fn video_transcript_with_a_chapter_list() {
    check(&fixture("gamedev-night-yt-transcript"), 0.984, 0.99, 0.99, 0.962);
}

// A trip report memo: TO/FROM/DATE/RE headers (the subject names the event), numbered
// sections, one block of fields per talk (`2.3  Title:` / `By:` / `When:` / `Notes:`),
// then costs, recommendations and a signature that are no talks.
#[test]
fn trip_report_memo_with_blocks_of_fields() {
    check(&fixture("iosdevuk-trip-report"), 0.974, 0.99, 0.99, 0.932);
}

// A team wiki page in Turkish: `Konuşmacı:`, `Konuşmacılar:`, `sunan:` fields, `1. Gün`
// day headings with Turkish months, `Öğle arası`, `Yapılacaklar`.
#[test]
fn turkish_team_wiki_page() {
    check(&fixture("laracon-eu-ekip-notlari"), 0.945, 0.913, 0.99, 0.923);
}

// A conference app's "My Schedule" page pasted: `9:45am CEST` sessions, the room, a
// `Speakers` line, avatar initials over each name and its affiliation, the page's
// buttons; breaks that name nobody; notes in the paragraphs after each session.
#[test]
fn pasted_app_schedule_page() {
    // Scores only: the event (`CSS Day 2026` over `June 11 – 12, 2026`) is not found yet.
    check_scores(&fixture("cssday-sched-paste"), 0.979, 0.99, 0.99, 0.958);
}

// A GitHub issue thread: comment headers that end the talk of the comment before, a
// `**Talk:**` / `**Speaker(s):**` template per comment, a talk told in a comment's prose
// with its title in bold, a bot's event.
#[test]
fn issue_thread_with_a_talk_template() {
    // Scores only: the event's date is the issue's (`opened … on Jul 24`), not the conference's `22–24 July` yet.
    check_scores(&fixture("juliacon-github-issue"), 0.99, 0.99, 0.99, 0.99);
}

// A Marp slide deck: `---` between slides, `A & B · Company` under a slide's title,
// speaker notes in comments, a lightning slide of items, a to-do slide that is no talk.
#[test]
fn marp_slide_deck() {
    // Scores only: the event's date (`Munich, 21–22 May 2026` under the title slide) is not found yet.
    check_scores(&fixture("kotlinconf-marp-shareback"), 0.99, 0.99, 0.99, 0.99);
}

// A Redmine Textile page in Czech: `h3.` talks with `*Přednášející:*` fields, a
// `|_. čas |_. přednáška |` table, notes under short headings naming its rows, `Oběd`.
#[test]
fn czech_textile_wiki_page() {
    // Scores only: the event's date is the last day of `26.–28. května 2026`, not the first, yet.
    check_scores(&fixture("percona-live-wiki-cs"), 0.978, 0.99, 0.99, 0.954);
}

// Handwriting recognised as text: titles in capitals broken over lines over a name line,
// `KEYNOTE:`, a lunch paragraph and a TODO list that end a talk's notes.
#[test]
fn handwriting_ocr_export() {
    check(&fixture("wasmio-handwriting-ocr"), 0.965, 0.99, 0.99, 0.915);
}

// A conference app's "my agenda" exported as iCalendar (written blind, held out
// untuned at 0.000): `SUMMARY:` titles, `DESCRIPTION:` notes folded over lines mid-word,
// `\,` escapes, `Speakers:` inside the description, a party among the sessions.
#[test]
fn calendar_export_of_an_agenda() {
    // (Mentions 0.928 until the nineteenth stop: the lexicon now names the framework
    // `Spring`, as the other gold files do, and this one's `Spring Framework` is missed.)
    check(&fixture("springio-agenda-export"), 0.964, 0.99, 0.99, 0.913);
}

// A DokuWiki team page (written blind, held out untuned at 0.000): `======` headings
// that go deeper with fewer `=`, a `^ head ^` table, two-blank `*` lists,
// `//italic//`, `''mono''`, `\\` breaks, `<code>` and `<note>` boxes. (The scores only:
// the event, `SREcon26 EMEA - Dublin`, is not found yet: `SREcon26` glues its year.)
#[test]
fn dokuwiki_team_page() {
    check_scores(&fixture("srecon-emea-dokuwiki"), 0.970, 0.99, 0.99, 0.930);
}

// A Discord forum thread copied as text (written blind, held out untuned at 0.000):
// `name — 28/05/2025 10:47` frames alone on their lines, one reply per talk, a bold
// title over `speaker:`, `by`, `facilitated by` or a name alone; quoted replies,
// reactions and `(edited)` between. Mentions missed: security tools not in the lexicon
// (OWASP Threat Dragon, pytm, `ZAP`).
#[test]
fn discord_forum_thread() {
    check(&fixture("appsec-eu-discord-forum"), 0.961, 0.99, 0.99, 0.903);
}

// A BibTeX reading list of talks (written blind, held out untuned at 0.000): `@misc`
// and `@inproceedings` entries, `Last, First and …` authors with LaTeX accents, notes
// in `note` over several lines, `%` comments between entries. Mentions missed:
// `Inductor`, `Ray Data` (not in the lexicon).
#[test]
fn bibtex_reading_list() {
    check(&fixture("pytorch-conf-reading-list"), 0.973, 0.99, 0.99, 0.937);
}

// A conference app's favourites exported as CSV (written blind, held out untuned at
// 0.000: `.csv` was not read): a `# Exported …` line over a quoted header, `Keynote:`
// in a title cell, speakers joined by `;` or `,` with an affiliation in parentheses, a
// `My notes` cell written over several lines, a lunch row. (The scores only: the event
// in the `Exported from the event app — Zephyr Developer Summit 2025 — My favourites`
// line is not found yet; most mentions missed are embedded tools not in the lexicon:
// MCUboot, TF-M, Renode, Kconfig, Twister, zbus.)
#[test]
fn csv_schedule_export() {
    check_scores(&fixture("zephyr-summit-favourites"), 0.964, 0.99, 0.99, 0.911);
}

// Writer F's and G's blind fixtures (held out untuned, tuned at the thirteenth stop); what
// is still missed is mentions of their talks the lexicon does not know yet (`Genkit`,
// `skwasm`, `Cedar`, `AWS Compute Optimizer`, ...).

// A Google Keep checklist: `☑ title - Name`, `☑ Name: title`, `☑ title (Names)`, notes
// nested under each, a talk left open (`☐ title (A & B) - missed`) and written again
// with its notes. (Scores only: the event, `fluttercon eu 26`, glues no four-digit year.)
#[test]
fn keep_checklist_of_talks() {
    check_scores(&fixture("fluttercon-keep-checklist"), 0.963, 0.99, 0.99, 0.909);
}

// A Reddit recap thread: each comment (`**u/name** · 2d` over its text) recaps a talk:
// `Keynote: **"Title"** by Name`, `Name – "Title"`, `**Title** — Name`, `lead-in:
// "Title" (A & B, both Org)`, `Name, "Title" – notes`; replies quoted under it.
#[test]
fn reddit_thread_of_talk_recaps() {
    check(&fixture("scaladays-reddit-thread"), 0.865, 0.99, 0.99, 0.615);
}

// A poster session walked in plain text: `[A04] Title`, the authors indented under it
// (`Name -- University`), `- notes` indented under them, a TODO at the margin. (Scores
// only: the date is the conference's first day, the gold's the session's.)
#[test]
fn poster_session_boards() {
    check_scores(&fixture("user-poster-session"), 0.983, 0.99, 0.99, 0.968);
}

// A LinkedIn post: keycap-numbered `1️⃣ "Title" — Name` lines, a co-speaker in a remark
// (`— A, with a cameo from her colleague B`), hashtags and comments after the last talk.
#[test]
fn linkedin_post_recap() {
    check(&fixture("bigdataldn-linkedin-recap"), 0.977, 0.99, 0.99, 0.950);
}

// A Slack canvas: `## :calendar: Tue Dec 2` days, `### COP301 — Title` sessions with
// `**Speaker:**` fields, `@handles` of who went, follow-ups. (Scores only: the date is the
// canvas's last edit, `Dec 4`.)
#[test]
fn slack_canvas_of_sessions() {
    check_scores(&fixture("reinvent-slack-canvas"), 0.965, 0.99, 0.99, 0.916);
}

// Writer H's blind fixtures: notes from the common tools (held out untuned at 0.369,
// tuned at the thirteenth stop). What is still missed: talks whose speaker is named only in
// the prose, speaker-first headings, lexicon gaps; the scores are the floor, not the goal.
// Google Docs "download as Markdown": bold lines as headings, speakers only in the prose.
#[test]
fn common_tool_data_council_gdocs_export() {
    check_scores(&fixture("data-council-gdocs-export"), 0.916, 0.99, 0.814, 0.945);
}

// Apple Notes copied to text, Spanish-English: numbered titles over name lines.
#[test]
fn common_tool_fwdcloudsec_apple_notes() {
    check_scores(&fixture("fwdcloudsec-apple-notes"), 0.866, 0.99, 0.657, 0.952);
}

// a Joplin note in German and English: speaker-first headings.
#[test]
fn common_tool_godays_joplin_notizen() {
    check_scores(&fixture("godays-joplin-notizen"), 0.929, 0.913, 0.99, 0.882);
}

// a Word trip report saved as text: `Talk N:` / `Speaker(s):` lines.
#[test]
fn common_tool_phpday_word_trip_report() {
    check_scores(&fixture("phpday-word-trip-report"), 0.963, 0.99, 0.99, 0.908);
}

// a Bear note: weekday headings, quoted titles with the speaker in parentheses.
#[test]
fn common_tool_rails_world_bear() {
    check_scores(&fixture("rails-world-bear"), 0.835, 0.899, 0.913, 0.691);
}

// a VS Code scratch file in lower case: time, title, dash, speaker.
#[test]
fn common_tool_techorama_vscode_scratch() {
    check_scores(&fixture("techorama-vscode-scratch"), 0.929, 0.99, 0.913, 0.883);
}

// Writer I's seven (the thirteenth stop's blind holdout, 0.650 untuned) and writers J and
// K's twelve (written blind in the fourteenth stop: J 0.108 and K 0.495 untuned).

// OneNote copied as text, `Session 1 | 10:30-11:30 | Room K1` over the title and a speaker line, `•`/`o` bullets; AWS.
#[test]
fn blind_i_aws_summit_onenote() {
    check_scores(&fixture("aws-summit-onenote"), 0.96, 0.99, 0.99, 0.899);
}

// a Dropbox Paper export, a two-track agenda table, then each note-taker's section; Elixir and Erlang.
#[test]
fn blind_i_codebeam_paper_export() {
    check(&fixture("codebeam-paper-export"), 0.946, 0.99, 0.99, 0.858);
}

// Typora in French, `### 10h30 · Salle Maillot` over an italic title and a bold speaker; Java; the event or its date is not all found; below 0.95: talks 1.000, speakers 1.000, mentions 0.780.
#[test]
fn blind_i_devoxx_fr_typora() {
    check_scores(&fixture("devoxx-fr-typora"), 0.917, 0.99, 0.99, 0.77);
}

// a GitHub Gist, headings per talk, lightning talks as a list; Go; below 0.95: talks 1.000, speakers 1.000, mentions 0.809.
#[test]
fn blind_i_gophercon_uk_gist() {
    check_scores(&fixture("gophercon-uk-gist"), 0.926, 0.99, 0.99, 0.799);
}

// an Obsidian daily note, callouts and wikilinks; security; below 0.95: talks 0.923, speakers 0.933, mentions 0.983.
#[test]
fn blind_i_insomnihack_obsidian_daily() {
    check_scores(&fixture("insomnihack-obsidian-daily"), 0.936, 0.913, 0.923, 0.973);
}

// a phone note with `-` everywhere and no blank lines; MySQL; the event or its date is not all found.
#[test]
fn blind_i_mysql_belgian_days_phone() {
    check_scores(&fixture("mysql-belgian-days-phone"), 0.949, 0.99, 0.99, 0.867);
}

// a mail to oneself, prose talks, a two-column pasted schedule; React; the event or its date is not all found; below 0.95: talks 0.600, speakers 0.545, mentions 0.600.
#[test]
fn blind_i_react_summit_mail_to_self() {
    check_scores(&fixture("react-summit-mail-to-self"), 0.572, 0.59, 0.535, 0.59);
}

// one long bullet per talk (time, asides, title, speaker anywhere), notes nested; Haskell and OCaml; below 0.95: talks 1.000, speakers 0.875, mentions 0.895.
#[test]
fn blind_j_bob_konferenz_long_bullets() {
    check_scores(&fixture("bob-konferenz-long-bullets"), 0.913, 0.99, 0.865, 0.885);
}

// a hand-typed two-column grid `time | ROOM 2 | ROOM 5` with notes in the cells; Java; below 0.95: talks 1.000, speakers 1.000, mentions 0.507.
#[test]
fn blind_j_javazone_two_tracks() {
    check_scores(&fixture("javazone-two-tracks"), 0.826, 0.99, 0.99, 0.497);
}

// `**Speaker**: Title` over bullet notes, Czech and English, a lunch line of the same shape; PostgreSQL.
#[test]
fn blind_j_p2d2_bold_speakers() {
    check(&fixture("p2d2-bold-speakers"), 0.949, 0.913, 0.99, 0.945);
}

// hard-wrapped prose, each paragraph opening with the quoted title, the speaker or `Name's talk`; R.
#[test]
fn blind_j_positconf_prose_paragraphs() {
    check_scores(&fixture("positconf-prose-paragraphs"), 0.94, 0.99, 0.99, 0.839);
}

// a lower-case running log, every line timed (`10:32 switched room`); observability.
#[test]
fn blind_j_promcon_eu_running_log() {
    check_scores(&fixture("promcon-eu-running-log"), 0.953, 0.99, 0.99, 0.879);
}

// `## 10:30 · Room` headings holding only time and room, the title on the line under; .NET; below 0.95: talks 0.923, speakers 0.667, mentions 0.912.
#[test]
fn blind_j_update_conf_prague_slots() {
    check_scores(&fixture("update-conf-prague-slots"), 0.824, 0.913, 0.657, 0.902);
}

// Apple Notes on a phone in Italian, `1) 9.30 Titolo` over `Relatore:`; Android.
#[test]
fn blind_k_droidcon_italia_note() {
    check_scores(&fixture("droidcon-italia-note"), 0.957, 0.99, 0.99, 0.89);
}

// a Bear note in Dutch, speakers in parentheses, after a dash or on the next line; ML.
#[test]
fn blind_k_goto_ams_bear() {
    check(&fixture("goto-ams-bear"), 0.956, 0.99, 0.99, 0.887);
}

// plain text in German, `09.00 Uhr, Raum` over `„Titel“ – Name`; Java.
#[test]
fn blind_k_javaland_mitschrift() {
    check_scores(&fixture("javaland-mitschrift"), 0.946, 0.99, 0.99, 0.857);
}

// a Word report in Portuguese, `Sessão N – Título`, `Orador:`, `Hora:`; .NET; the event or its date is not all found; below 0.95: talks 1.000, speakers 0.800, mentions 0.866.
#[test]
fn blind_k_netponto_relatorio() {
    check_scores(&fixture("netponto-relatorio"), 0.879, 0.99, 0.79, 0.856);
}

// a Notion export in French, `## 10h45 — Titre`, `Intervenant·e :`, a panel with `Modération :`; accessibility; below 0.95: talks 1.000, speakers 0.769, mentions 0.920.
#[test]
fn blind_k_paris_web_notion() {
    check_scores(&fixture("paris-web-notion"), 0.886, 0.99, 0.759, 0.91);
}

// a Google Docs export in Spanish, speakers only in the prose (`La dio …`, `Charla de …`); security; below 0.95: talks 0.800, speakers 0.667, mentions 0.917.
#[test]
fn blind_k_rootedcon_resumen_gdocs() {
    check_scores(&fixture("rootedcon-resumen-gdocs"), 0.784, 0.79, 0.657, 0.907);
}
// an Evernote export in plain text, titles between rules over `Speaker(s):`, names in parentheses or after the time and room; security; the event or its date is not all found; below 0.95: talks 0.923, speakers 1.000, mentions 0.792.
#[test]
fn blind_n_blackhat_usa_2023_evernote() {
    check_scores(&fixture("blackhat-usa-2023-evernote"), 0.895, 0.913, 0.99, 0.782);
}

// a vimwiki page, `= headings =`, devroom headings over `Title (Name)` lines, lightning items in italics; open source; the event or its date is not all found.
#[test]
fn blind_n_fosdem_2024_vimwiki() {
    check_scores(&fixture("fosdem-2024-vimwiki"), 0.943, 0.99, 0.899, 0.941);
}

// a Workflowy export in plain text, talks as bullets under day bullets, speakers in quoted notes or child bullets; games; the event or its date is not all found; below 0.95: talks 0.800, speakers 0.769, mentions 0.691.
#[test]
fn blind_n_gdc_2024_workflowy() {
    check_scores(&fixture("gdc-2024-workflowy"), 0.743, 0.79, 0.759, 0.681);
}

// a Roam Research export, `Speaker::` attributes, `[[links]]`, TODO blocks; cloud native.
#[test]
fn blind_n_kubecon_eu_2024_roam() {
    check_scores(&fixture("kubecon-eu-2024-roam"), 0.959, 0.99, 0.99, 0.896);
}

// a Teams channel copied, session codes before titles, speakers after `presented by` or a dash; AWS; the event or its date is not all found; below 0.95: talks 0.889, speakers 0.923, mentions 0.673.
#[test]
fn blind_n_reinvent_2023_teams_chat() {
    check_scores(&fixture("reinvent-2023-teams-chat"), 0.818, 0.879, 0.913, 0.663);
}

// an Org file, `** DONE Title :tags:` headlines, `:SPEAKER:` drawers, `Speaker was …`; languages.
#[test]
fn blind_n_strange_loop_2023_orgmode() {
    check_scores(&fixture("strange-loop-2023-orgmode"), 0.963, 0.99, 0.99, 0.909);
}

// a German report exported from Word, a contents list, numbered titles in quotes over `Referent:` and the time; DevOps; below 0.95: talks 0.769, speakers 0.900, mentions 0.871.
#[test]
fn blind_o_continuous_lifecycle_2024_teilnahmebericht() {
    check_scores(&fixture("continuous-lifecycle-2024-teilnahmebericht"), 0.938, 0.923, 0.99, 0.899);
}

// a Dutch Obsidian note, `## Title (Speaker)`, callouts, `9.30 uur`; web; below 0.95: talks 1.000, speakers 0.824, mentions 0.895.
#[test]
fn blind_o_frontmania_2024_obsidian() {
    check_scores(&fixture("frontmania-2024-obsidian"), 0.9, 0.99, 0.814, 0.897);
}

// a Notion export in Spanish and English, `🎙️ Name (Org)` under headings, `<aside>` callouts; science; below 0.95: talks 1.000, speakers 0.800, mentions 0.939.
#[test]
fn blind_o_nerdearla_2024_notion_export() {
    check_scores(&fixture("nerdearla-2024-notion-export"), 0.903, 0.99, 0.79, 0.929);
}

// an Italian Google Docs export, bold headings, speakers named in sentences, a round table; data; below 0.95: talks 1.000, speakers 0.706, mentions 0.932.
#[test]
fn blind_o_pycon_italia_2025_gdocs_export() {
    check_scores(&fixture("pycon-italia-2025-gdocs-export"), 0.869, 0.99, 0.696, 0.922);
}

// Polish plain text, `9:15 Keynote - Name (Org)` over a quoted title, `prow.`, `goście:`; security; below 0.95: talks 0.889, speakers 0.818, mentions 0.851.
#[test]
fn blind_o_secure_2024_notatnik() {
    check_scores(&fixture("secure-2024-notatnik"), 0.851, 0.879, 0.808, 0.866);
}

// a Brazilian Portuguese Keep note, `9h30`, `Title - Name`, `c/ Name`, a panel with `mediação`; mobile; the event or its date is not all found; below 0.95: talks 0.941, speakers 0.737, mentions 0.840.
#[test]
fn blind_o_tdc_sp_2024_keep() {
    check_scores(&fixture("tdc-sp-2024-keep"), 0.898, 0.99, 0.79, 0.915);
}

// one line of labelled fields per talk (`Talk: … | Who: … | Where: …`), any order and separator; open source; below 0.95: talks 1.000, speakers 1.000, mentions 0.765.
#[test]
fn blind_r_fosdem_2024_labelled_lines() {
    check_scores(&fixture("fosdem-2024-labelled-lines"), 0.912, 0.99, 0.99, 0.755);
}

// an Obsidian note with each talk in a callout (`> [!note] Title`), asides in `[!quote]` and `[!todo]`; cloud native; the event or its date is not all found; below 0.95: talks 1.000, speakers 0.889, mentions 0.842.
#[test]
fn blind_r_kubecon_eu_2024_obsidian_callouts() {
    check_scores(&fixture("kubecon-eu-2024-obsidian-callouts"), 0.9, 0.99, 0.879, 0.832);
}

// an Argentine Keep note in lower case, `1)` numbered talks, speakers after `x`, `por`, `la dio`; mixed; the event or its date is not all found; below 0.95: talks 1.000, speakers 0.727, mentions 0.877.
#[test]
fn blind_r_nerdearla_2023_keep_es() {
    check_scores(&fixture("nerdearla-2023-keep-es"), 0.858, 0.99, 0.717, 0.867);
}

// Swedish Markdown, `Talare:`, `Föredrag av …`, `– Name`, `ett föredrag om …`; mixed.
#[test]
fn blind_r_oredev_2023_svenska() {
    check_scores(&fixture("oredev-2023-svenska"), 0.945, 0.99, 0.99, 0.855);
}

// `## Name on title` headings and lightning items, tool names before `on` in the text; SRE; the event or its date is not all found; below 0.95: talks 0.941, speakers 1.000, mentions 0.824.
#[test]
fn blind_r_srecon23_emea_name_on_title() {
    check_scores(&fixture("srecon23-emea-name-on-title"), 0.912, 0.931, 0.99, 0.814);
}

// Pandoc Markdown, `{#id .talk}` headings, `[Name]{.speaker}` spans, `::: notes` divs; R; below 0.95: talks 0.933, speakers 0.941, mentions 0.915.
#[test]
fn blind_r_user_2024_pandoc_attrs() {
    check_scores(&fixture("user-2024-pandoc-attrs"), 0.92, 0.923, 0.931, 0.905);
}

// Confluence wiki markup, a plan-vs-reality table, `h2.` slots with room changes over `h3.` talks, a talk pasted from the schedule app in `{noformat}`; games; below 0.95: talks 0.727, speakers 0.800, mentions 0.676.
#[test]
fn blind_p_gdc_2024_confluence() {
    check_scores(&fixture("gdc-2024-confluence"), 0.724, 0.717, 0.79, 0.666);
}

// plain text under `=====` day banners, `-- 11:00  "Title"` lines over an indented speaker line, keynotes in one line; cloud native; below 0.95: talks 0.933, speakers 0.909, mentions 0.846.
#[test]
fn blind_p_kubecon_eu_2024_plaintext() {
    check_scores(&fixture("kubecon-eu-2024-plaintext"), 0.886, 0.923, 0.899, 0.836);
}

// a Sessionize agenda pasted as lines (time range, title, speaker, room, kind) in front matter'd Markdown, notes after it; .NET; the event or its date is not all found; below 0.95: talks 0.909, speakers 0.800, mentions 0.776.
#[test]
fn blind_p_ndc_oslo_2024_sessionize() {
    check_scores(&fixture("ndc-oslo-2024-sessionize"), 0.819, 0.899, 0.79, 0.766);
}

// an Org file, `** DONE Title :tags:` tutorials with `:SPEAKERS:` drawers, `#+TITLE`/`#+DATE`; machine learning.
#[test]
fn blind_p_neurips_2023_orgmode() {
    check_scores(&fixture("neurips-2023-orgmode"), 0.946, 0.99, 0.937, 0.911);
}

// a lightning-talk table (`# \| who \| talk \| notes`) with continuation rows, unknown names (`???`, `Mariana ?`); Python; below 0.95: talks 0.769, speakers 0.857, mentions 0.500.
#[test]
fn blind_p_pycon_us_2024_lightning_table() {
    check_scores(&fixture("pycon-us-2024-lightning-table"), 0.699, 0.759, 0.847, 0.49);
}

// a Slack channel copy, `*bold*` panel titles over `mod:`/`panelists:` lines, a dash list of panelists, `on stage:`; security; the event or its date is not all found; below 0.95: talks 0.857, speakers 0.556, mentions 0.744.
#[test]
fn blind_p_rsac_2024_slack() {
    check_scores(&fixture("rsac-2024-slack"), 0.828, 0.99, 0.622, 0.873);
}

// an Org journal in English and French, `** DONE Title :tags:`, `:SPEAKER:` drawers, `#+TODO` states; open source; below 0.95: talks 1.000, speakers 0.727, mentions 0.889.
#[test]
fn blind_q_fosdem_2024_org_journal() {
    check_scores(&fixture("fosdem-2024-org-journal"), 0.862, 0.99, 0.717, 0.879);
}

// AsciiDoc, `===` talks, a `|===` table of fields, `Speaker::` entries, `_Name, Org_` lines; cloud native; below 0.95: talks 0.909, speakers 1.000, mentions 0.875.
#[test]
fn blind_q_kubecon_eu_2024_asciidoc() {
    check_scores(&fixture("kubecon-eu-2024-asciidoc"), 0.918, 0.899, 0.99, 0.865);
}

// reStructuredText in German, `:Sprecherin:` fields, `Vortrag von …`, a simple table of lightning talks, `.. todo::`; Python; the event or its date is not all found.
#[test]
fn blind_q_pyconde_2024_rst_mitschrift() {
    check_scores(&fixture("pyconde-2024-rst-mitschrift"), 0.964, 0.99, 0.99, 0.913);
}

// a folder of one file per talk in Japanese, front matter, `- speaker:` items, a `.txt` file; Ruby; the event or its date is not all found.
#[test]
fn blind_q_rubykaigi_2024_folder_per_talk() {
    check_scores(&fixture("rubykaigi-2024-folder-per-talk"), 0.945, 0.99, 0.879, 0.967);
}

// a Jupyter notebook (`.ipynb`), a Markdown cell per talk, code cells between; scientific Python; below 0.95: talks 1.000, speakers 0.857, mentions 0.979.
#[test]
fn blind_q_scipy_2024_jupyter_notebook() {
    check_scores(&fixture("scipy-2024-jupyter-notebook"), 0.935, 0.99, 0.847, 0.969);
}

// a MediaWiki page saved as text, `== ==` headings, `[[User:…|…]]` links, a `{| wikitable |}` of short talks, templates; Wikimedia; below 0.95: talks 0.923, speakers 0.933, mentions 0.904.
#[test]
fn blind_q_wikimania_2023_mediawiki() {
    check_scores(&fixture("wikimania-2023-mediawiki"), 0.91, 0.913, 0.923, 0.894);
}

// two days of Title Case `##`/`###` headings, speakers alone or after `Speaker:`, a panel `A, B and C, moderated by D`; Django.
#[test]
fn blind_s_djangocon_europe_2024_two_day() {
    check_scores(&fixture("djangocon-europe-2024-two-day"), 0.965, 0.99, 0.947, 0.959);
}

// a folder of one Markdown file per talk, setext titles, `A talk by [Name](link)` or a `####` speaker heading, sub-headings as parts, a README naming the event; Rust.
#[test]
fn blind_s_eurorust_2024_talk_folder() {
    check_scores(&fixture("eurorust-2024-talk-folder"), 0.956, 0.99, 0.99, 0.89);
}

// a lower-case phone note, `next talk - title (speaker)`, `after lunch: title - speaker`; JavaScript; the event or its date is not all found; below 0.95: talks 0.923, speakers 1.000, mentions 0.831.
#[test]
fn blind_s_jsnation_2024_phone_note() {
    check_scores(&fixture("jsnation-2024-phone-note"), 0.908, 0.913, 0.99, 0.821);
}

// a schedule table (time, title, speaker, room) over lower-case sections with shortened titles (`## keynote (Surname)`); PostgreSQL.
#[test]
fn blind_s_pgconf_eu_2023_schedule_table() {
    check_scores(&fixture("pgconf-eu-2023-schedule-table"), 0.971, 0.99, 0.99, 0.934);
}

// reStructuredText with `===`/`---`/`~~~` underlines, `:speaker:` fields, `::` code, a talk with no speaker; Python; below 0.95: talks 0.889, speakers 0.889, mentions 0.816.
#[test]
fn blind_s_pycon_au_2024_rst_notes() {
    check_scores(&fixture("pycon-au-2024-rst-notes"), 0.855, 0.879, 0.879, 0.806);
}

// a recap e-mail hard-wrapped at 72 columns, quoted and bold titles in prose, speakers in sentences; DevOps; the event or its date is not all found; below 0.95: talks 1.000, speakers 0.923, mentions 0.918.
#[test]
fn blind_s_rootconf_2024_recap_email() {
    check_scores(&fixture("rootconf-2024-recap-email"), 0.937, 0.99, 0.913, 0.908);
}

// French, `Conférence :`, `Intervenant(e)s :`, `par X et Y`, a keynote with no title; Java; below 0.95: talks 0.923, speakers 0.762, mentions 0.902.
#[test]
fn blind_t_devoxx_france_2024_francais() {
    check_scores(&fixture("devoxx-france-2024-francais"), 0.852, 0.913, 0.752, 0.892);
}

// two days, `###` room and track headings, bold `time title` lines with the speaker after a dash, `by`, a field or the next line; Go.
#[test]
fn blind_t_gophercon_uk_2024_multitrack() {
    check_scores(&fixture("gophercon-uk-2024-multitrack"), 0.95, 0.99, 0.937, 0.922);
}

// German labels (`Vortrag:`, `Sprecherin:`, `Raum:`, `Uhrzeit:`) in any order, a speaker only in a sentence; Java; below 0.95: talks 1.000, speakers 0.833, mentions 0.902.
#[test]
fn blind_t_javaland_2024_deutsch() {
    check_scores(&fixture("javaland-2024-deutsch"), 0.902, 0.99, 0.823, 0.892);
}

// AsciiDoc in English and Italian, `Speaker::` lists, `[source,python]` blocks, lightning `"title" -- speaker` bullets; Python.
#[test]
fn blind_t_pycon_italia_2024_asciidoc() {
    check_scores(&fixture("pycon-italia-2024-asciidoc"), 0.951, 0.99, 0.99, 0.874);
}

// a notebook exported to Markdown, `## Title — Speaker (Company)` headings, `Out[2]:` prefixes, Q&A sub-headings, a TODO list; data; below 0.95: talks 1.000, speakers 0.923, mentions 0.917.
#[test]
fn blind_t_pydata_amsterdam_2023_jupyter() {
    check_scores(&fixture("pydata-amsterdam-2023-jupyter"), 0.94, 0.99, 0.913, 0.916);
}

// Apple Notes as text, `•`/`◦` bullets, dated days, `Title – Speaker` lines, `• panel: A, B, C`; software architecture.
#[test]
fn blind_t_qcon_london_2024_applenotes() {
    check_scores(&fixture("qcon-london-2024-applenotes"), 0.968, 0.99, 0.99, 0.925);
}

// an Org file over two days, `**` talks with `:SPEAKER:` drawers, `***` lightning talks with the speaker after `--`, a first name alone; Rust; below 0.95: talks 0.842, speakers 0.889, mentions 0.912.
#[test]
fn blind_u_eurorust_2024_emacs_org() {
    check_scores(&fixture("eurorust-2024-emacs-org"), 0.871, 0.832, 0.879, 0.902);
}

// a numbered tweet thread (`2/`, `(1/15)`), quoted titles after lead words, speakers after `by`, `—`, `w/`, as @handles or both; JavaScript; the event or its date is not all found.
#[test]
fn blind_u_jsheroes_2024_tweet_thread() {
    check_scores(&fixture("jsheroes-2024-tweet-thread"), 0.979, 0.99, 0.99, 0.957);
}

// a Logseq journal page, talks as top-level bullets over `speaker:: [[Name]]`, `moderator::`/`panelists::`, a speaker only in a sentence; cloud native.
#[test]
fn blind_u_kubecon_eu_2024_logseq() {
    check_scores(&fixture("kubecon-eu-2024-logseq"), 0.962, 0.99, 0.99, 0.905);
}

// an Obsidian note, YAML front matter, a table with a `who` cell per talk, a moderated panel and a workshop, callouts and to-dos; security; below 0.95: talks 0.933, speakers 0.778, mentions 0.912.
#[test]
fn blind_u_owasp_appsec_eu_2024_obsidian_table() {
    check_scores(&fixture("owasp-appsec-eu-2024-obsidian-table"), 0.865, 0.923, 0.768, 0.902);
}

// a Slack message in Dutch with replies, `*bold*` English titles, speakers before or after them or in a Dutch sentence, numbered lightning talks; data; below 0.95: talks 1.000, speakers 0.923, mentions 0.903.
#[test]
fn blind_u_pydata_amsterdam_2023_slack_nl() {
    check_scores(&fixture("pydata-amsterdam-2023-slack-nl"), 0.932, 0.99, 0.913, 0.893);
}

// plain vim text of an academic conference over two days, lower-case `name -- title` and `name: "title"` lines, session chairs, a panel, tool demos; software engineering; below 0.95: talks 0.222, speakers 0.588, mentions 0.191.
#[test]
fn blind_u_saner_2024_vim_plaintext() {
    check_scores(&fixture("saner-2024-vim-plaintext"), 0.324, 0.212, 0.578, 0.181);
}
// French Markdown notes; Java.
#[test]
fn blind_v_devoxx_france_2024_fr() {
    check_scores(&fixture("devoxx-france-2024-fr"), 0.983, 0.99, 0.99, 0.969);
}

// reStructuredText with field lists; Django; below 0.95: talks 1.000, speakers 0.875, mentions 0.956.
#[test]
fn blind_v_djangocon_eu_2023_rst() {
    check_scores(&fixture("djangocon-eu-2023-rst"), 0.934, 0.99, 0.865, 0.946);
}

// a lower-case wall of hard-wrapped prose written on a train, names in lower case before quoted titles (`then NAME with "…"`, `NAME and NAME did a two person talk, "…"`, after a colon, with an aside in brackets); JavaScript; the event or its date is not all found.
#[test]
fn blind_v_jsnation_2023_wall() {
    check_scores(&fixture("jsnation-2023-wall"), 0.956, 0.99, 0.99, 0.889);
}

// a meetup's agenda and its lightning talks in Markdown; security; the event or its date is not all found; below 0.95: talks 0.800, speakers 0.727, mentions 0.725.
#[test]
fn blind_v_owasp_melbourne_meetup_lightning() {
    check_scores(&fixture("owasp-melbourne-meetup-lightning"), 0.741, 0.79, 0.717, 0.715);
}

// a live blog with timestamps and quoted titles; machine learning; below 0.95: talks 0.909, speakers 0.750, mentions 0.703.
#[test]
fn blind_v_pytorch_conference_2023_liveblog() {
    check_scores(&fixture("pytorch-conference-2023-liveblog"), 0.777, 0.899, 0.74, 0.693);
}

// Markdown tables of the schedule and notes; Rust.
#[test]
fn blind_v_rustconf_2023_table() {
    check_scores(&fixture("rustconf-2023-table"), 0.964, 0.937, 0.99, 0.964);
}

// a transcribed voice memo, one thing said per line, no stops, fillers (`um`, `uh`), talks told in sentences (`so next up was NAME talking about …`, `it was NAME and the talk was …`, `the title was something like …`); Django; the event or its date is not all found; below 0.95: talks 1.000, speakers 1.000, mentions 0.800.
#[test]
fn blind_w_djangocon_us_2023_voicememo() {
    check_scores(&fixture("djangocon-us-2023-voicememo"), 0.923, 0.99, 0.99, 0.79);
}

// a Discord log, `[HH:MM] nick:` on every line, people in parallel rooms, titles quoted in messages with the speaker before, after or in a later message; Go; below 0.95: talks 0.909, speakers 0.833, mentions 0.655.
#[test]
fn blind_w_gophercon_2023_discord() {
    check_scores(&fixture("gophercon-2023-discord"), 0.789, 0.899, 0.823, 0.645);
}

// a Notion export, a sessions table (Name / Speaker / Tags / Status), `<details><summary>` toggles and indented-bullet toggles, `<aside>` callouts; cloud native; the event or its date is not all found; below 0.95: talks 1.000, speakers 1.000, mentions 0.756.
#[test]
fn blind_w_kubecon_eu_2024_notion() {
    check_scores(&fixture("kubecon-eu-2024-notion"), 0.908, 0.99, 0.99, 0.746);
}

// Bear notes in Italian with `#tags`, `##` titles, `relatrice:`, `relatori:`, `a cura di`, a bare name or a sentence; Python; the event or its date is not all found; below 0.95: talks 1.000, speakers 0.833, mentions 0.914.
#[test]
fn blind_w_pycon_italia_2024_bear() {
    check_scores(&fixture("pycon-italia-2024-bear"), 0.906, 0.99, 0.823, 0.904);
}

// Spanish Markdown, numbered items with bold 24h times, titles in «», italics or after `título:`, `ponente(s):` or `Charla de X`; Python; below 0.95: talks 0.800, speakers 0.833, mentions 0.784.
#[test]
fn blind_w_pycones_2023_charlas() {
    check_scores(&fixture("pycones-2023-charlas"), 0.796, 0.79, 0.823, 0.774);
}

// a Google Docs trip report as text (with a byte-order mark), ALL CAPS sections, numbered `2.1` talks, `[Name]` after the title or `Presenter(s):`; software architecture.
#[test]
fn blind_w_qcon_london_2024_gdocs() {
    check_scores(&fixture("qcon-london-2024-gdocs"), 0.963, 0.99, 0.99, 0.909);
}

// Polish Markdown, `##` timed headings, `Prelegent:`/`Prelegentka:` lines or a name in brackets, a panel with `Prowadząca:` and `Goście:`; software; the event or its date is not all found; below 0.95: talks 0.923, speakers 0.947, mentions 0.863.
#[test]
fn blind_x_4developers_2023_po_polsku() {
    check_scores(&fixture("4developers-2023-po-polsku"), 0.958, 0.99, 0.937, 0.947);
}

// a day as one Time | Room A | Room B table of `Title — Speaker` cells, then bold shortened titles over bullet notes; cloud native; below 0.95: talks 0.800, speakers 1.000, mentions 0.872.
#[test]
fn blind_x_containerdays_2023_schedule_table() {
    check_scores(&fixture("containerdays-2023-schedule-table"), 0.881, 0.79, 0.99, 0.862);
}

// LaTeX typed into a `.txt` (`\section*`, itemize, `%` comments), numbered papers with ``` ``quoted'' ``` titles and `Lastname et al.` authors under session headings, a keynote and a panel; software engineering research; below 0.95: talks 0.600, speakers 0.500, mentions 0.390.
#[test]
fn blind_x_icse_2023_latex_notes() {
    check_scores(&fixture("icse-2023-latex-notes"), 0.487, 0.59, 0.49, 0.38);
}

// Brazilian Portuguese plain text, `14h30 - palestra: "Title"` lines over `- palestrante:` bullets, a keynote told in an item, lightning talks; Python; below 0.95: talks 0.833, speakers 0.727, mentions 0.711.
#[test]
fn blind_x_python_brasil_2023_anotacoes() {
    check_scores(&fixture("python-brasil-2023-anotacoes"), 0.747, 0.823, 0.717, 0.701);
}

// an Obsidian Zettelkasten folder, one file per talk named by an ID and a slug, YAML front matter with or without `speaker:`, wikilinks, a MOC index; Rust.
#[test]
fn blind_x_rustconf_2023_zettel() {
    check_scores(&fixture("rustconf-2023-zettel"), 0.941, 0.99, 0.99, 0.844);
}

// a Mastodon thread as Markdown, numbered toots, hashtags, @handles for some speakers, titles quoted in toots; Python; below 0.95: talks 0.909, speakers 0.909, mentions 0.681.
#[test]
fn blind_x_swiss_python_summit_2023_mastodon() {
    check_scores(&fixture("swiss-python-summit-2023-mastodon"), 0.823, 0.899, 0.899, 0.671);
}

// Spanish AsciiDoc, `===` talk sections, `_por Name_`, `Ponente:` or a sentence (`La daba Name, de Org`), a `----` listing; software.
#[test]
fn blind_aa_commitconf_2024_asciidoc() {
    check_scores(&fixture("commitconf-2024-asciidoc"), 0.975, 0.99, 0.99, 0.944);
}

// a Polish Logseq page, `- ## Title` bullets with `prelegent::` properties, TODO/DONE tasks, `[[links]]`; Java and Kotlin; the event or its date is not all found; below 0.95: talks 1.000, speakers 0.909, mentions 0.875.
#[test]
fn blind_aa_geecon_2024_logseq() {
    check_scores(&fixture("geecon-2024-logseq"), 0.918, 0.99, 0.899, 0.865);
}

// English Markdown whose headings are times alone (`## 09:30`, `## 10:15 – 11:00`), a bold title under each with `w/ Name` or `by Name, Company`, breaks in slots; JavaScript.
#[test]
fn blind_aa_jsnation_2024_time_headings() {
    check_scores(&fixture("jsnation-2024-time-headings"), 0.975, 0.99, 0.99, 0.946);
}

// an Italian Jupyter notebook, a `##` cell per talk with `Relatore:`/`Relatrice:` or `di Name e Name` under it, code cells; Python; below 0.95: talks 1.000, speakers 1.000, mentions 0.847.
#[test]
fn blind_aa_pycon_italia_2024_notebook() {
    check_scores(&fixture("pycon-italia-2024-notebook"), 0.939, 0.99, 0.99, 0.837);
}

// an English plain-text note from a tired attendee, titles in capitals over `- name (company)` or `w/ Name`, hallway chats naming people who are no speakers, a TODO block; software architecture; below 0.95: talks 0.889, speakers 0.889, mentions 0.761.
#[test]
fn blind_aa_qconlondon_2024_tired() {
    check_scores(&fixture("qconlondon-2024-tired"), 0.836, 0.879, 0.879, 0.751);
}

// Brazilian Portuguese Markdown with `### Name — Title` headings (the speaker first), sometimes `### Title (Name)`, break headings; software.
#[test]
fn blind_aa_tdc_sao_paulo_2024_palestrante_primeiro() {
    check_scores(&fixture("tdc-sao-paulo-2024-palestrante-primeiro"), 0.99, 0.99, 0.99, 0.99);
}

// a German recap e-mail (`.eml`) with headers, numbered talks told in a line each (`1) Keynote "Title" – Name (Org)`, `Danach bei NAME: "Title"`), `Sprecherin:` lines, a sign-off; cloud native; the event or its date is not all found.
#[test]
fn blind_y_containerdays_2024_email_de() {
    check_scores(&fixture("containerdays-2024-email-de"), 0.981, 0.99, 0.99, 0.961);
}

// a Polish plain-text file kept in git, `10:00 sala A` slot lines or a time alone over the title, the speaker in square brackets with the studio, after `--`, in `prow.:`, in a sentence or as a list's first item; game development; the event or its date is not all found; below 0.95: talks 1.000, speakers 1.000, mentions 0.825.
#[test]
fn blind_y_digital_dragons_2024_git_txt_pl() {
    check_scores(&fixture("digital-dragons-2024-git-txt-pl"), 0.932, 0.99, 0.99, 0.815);
}

// reStructuredText with a field list, `Keynote -- Title` sections with `:Speaker:` fields, `.. note::` directives; Go.
#[test]
fn blind_y_gophercon_eu_2024_rst() {
    check_scores(&fixture("gophercon-eu-2024-rst"), 0.975, 0.99, 0.99, 0.944);
}

// a French Jupyter notebook, `##` cells for talks (`Title — Name`, `orateur :`, `Name nous parle de Title`, `Keynote : *Name*` over a bold title), code cells; data science.
#[test]
fn blind_y_pydata_paris_2024_jupyter_fr() {
    check_scores(&fixture("pydata-paris-2024-jupyter-fr"), 0.981, 0.99, 0.99, 0.963);
}

// a Spanish phone note with no markup, emoji, the speaker over or before the title (`Name → Title`, `Name - Title`, `charla de Name` under it, `Title (Name)`); security.
#[test]
fn blind_y_rootedcon_2024_movil_es() {
    check_scores(&fixture("rootedcon-2024-movil-es"), 0.974, 0.99, 0.99, 0.942);
}

// Emacs Org with `#+TITLE`, dated day headings, `:PROPERTIES:` drawers with `:SPEAKER:`, TODO states and tags on talk headings, checkboxes; Rust; the event or its date is not all found.
#[test]
fn blind_y_rustconf_2024_emacs_org() {
    check_scores(&fixture("rustconf-2024-emacs-org"), 0.954, 0.99, 0.99, 0.882);
}

// German handwriting turned into text by a tablet, odd line breaks and recognition errors (`rnit`, `lch`), titles between `>> <<` or underlined with `~~~~`, `Ref.:` or `von` for speakers; cloud native; below 0.95: talks 0.750, speakers 0.800, mentions 0.581.
#[test]
fn blind_ab_containerdays_2024_tablet_ocr() {
    check_scores(&fixture("containerdays-2024-tablet-ocr"), 0.7, 0.74, 0.79, 0.571);
}

// a French live blog, `**[HH:MM]**` updates newest first, talks announced in updates (`On enchaîne avec NAME qui présente « Title »`), speech in « » too; web; below 0.95: talks 1.000, speakers 0.909, mentions 0.233.
#[test]
fn blind_ab_devfest_nantes_2024_liveblog() {
    check_scores(&fixture("devfest-nantes-2024-liveblog"), 0.943, 0.99, 0.899, 0.939);
}

// a Dutch meetup note, a main talk with `Spreker:`, lightning talks as `1. Name – Title` with remarks under some, pizza and borrel; frontend.
#[test]
fn blind_ab_frontend_utrecht_meetup_2024_lightning() {
    check_scores(&fixture("frontend-utrecht-meetup-2024-lightning"), 0.97, 0.99, 0.99, 0.931);
}

// European Portuguese Markdown, `## 11h00 · Sala 2 · Title` headings over `Orador:`/`Oradora:`, a summary table of the day with shortened titles; Java.
#[test]
fn blind_ab_jnation_2024_sala_tabela() {
    check_scores(&fixture("jnation-2024-sala-tabela"), 0.94, 0.99, 0.99, 0.839);
}

// a Slack channel copied as text, `Name  10:42 AM` headers, colleagues reporting the talks they are in (quoted titles with `w/ Name`, `speaker is …`, `NAME doing "Title"`), threads and reactions; Python; the event or its date is not all found; below 0.95: talks 0.727, speakers 0.727, mentions 0.494.
#[test]
fn blind_ab_pycon_us_2024_slack_export() {
    check_scores(&fixture("pycon-us-2024-slack-export"), 0.64, 0.717, 0.717, 0.484);
}

// an academic workshop, `## Session N: Topic (chair: Name)` over `- Paper: "Title" (authors; presented by Name)` items, discussants, a poster session; program analysis; below 0.95: talks 0.947, speakers 0.900, mentions 0.788.
#[test]
fn blind_ab_soap_2024_workshop_sessions() {
    check_scores(&fixture("soap-2024-workshop-sessions"), 0.868, 0.937, 0.89, 0.778);
}

// Swedish and English plain text, `Föredrag`/`Talare:` labels, fika and lunch, speakers before the title (`Maja Holmgren - …`, `13:00 Erik Nyström: …`), on a `Talare:` line or in a sentence; Java.
#[test]
fn blind_ac_jfokus_2025_swedish() {
    check_scores(&fixture("jfokus-2025-swedish"), 0.955, 0.99, 0.99, 0.884);
}

// live notes with `[hh:mm]` on most lines, talks announced mid-stream (`next up: Name on Title`, `Name: "Title"`, `"Title" — Name`); JavaScript.
#[test]
fn blind_ac_jsnation_2025_timestamps() {
    check_scores(&fixture("jsnation-2025-timestamps"), 0.967, 0.99, 0.99, 0.922);
}

// a Trello board as Markdown, lists as `##` headings, cards as `###` headings with `**Labels:**` (`` `speaker: Name` ``), `**Members:**`, a description and checklists, admin cards, follow-ups as bold items; cloud native; the event or its date is not all found; below 0.95: talks 0.933, speakers 0.947, mentions 0.837.
#[test]
fn blind_ac_kubecon_eu_2025_trello() {
    check_scores(&fixture("kubecon-eu-2025-trello"), 0.896, 0.923, 0.937, 0.827);
}

// Google Docs exported to Markdown, escaped `\-` `\+` `\#`, headings from `##` to `######`, the speaker in italics after the title or on the line under it; Python.
#[test]
fn blind_ac_pycon_us_2024_gdocs() {
    check_scores(&fixture("pycon-us-2024-gdocs"), 0.973, 0.99, 0.99, 0.937);
}

// a Brazilian Portuguese Notion export, `<details><summary>Title — Name</summary>` toggles under a day heading, `<aside>` callouts, properties at the top; Python; below 0.95: talks 0.923, speakers 1.000, mentions 0.891.
#[test]
fn blind_ac_python_brasil_2024_notion() {
    check_scores(&fixture("python-brasil-2024-notion"), 0.928, 0.913, 0.99, 0.881);
}

// PHP Markdown Extra definition lists, a title then `:   Speaker, Company`, notes indented in the definition, breaks as terms; PHP; below 0.95: talks 1.000, speakers 0.933, mentions 0.852.
#[test]
fn blind_ac_symfonycon_vienna_2024_deflist() {
    check_scores(&fixture("symfonycon-vienna-2024-deflist"), 0.918, 0.99, 0.923, 0.842);
}

// a numbered social thread (`5/ …`), speakers as `Name (@handle)` or a handle alone (`next up @marcoreyes.dev on "Title"`), quoted titles; JavaScript; the event or its date is not all found; below 0.95: talks 0.909, speakers 0.923, mentions 0.757.
#[test]
fn blind_z_cascadiajs_2024_thread() {
    check_scores(&fixture("cascadiajs-2024-thread"), 0.853, 0.899, 0.913, 0.747);
}

// a Québec French e-mail digest, `Conférencier :` fields, hard-wrapped prose; web; below 0.95: talks 1.000, speakers 0.923, mentions 0.861.
#[test]
fn blind_z_confoo_montreal_2024_courriel() {
    check_scores(&fixture("confoo-montreal-2024-courriel"), 0.922, 0.99, 0.913, 0.862);
}

// a Roam Research export, nested bullets with `speaker::` attributes and `[[links]]`; Rust; the event or its date is not all found.
#[test]
fn blind_z_eurorust_2024_roam() {
    check_scores(&fixture("eurorust-2024-roam"), 0.978, 0.99, 0.99, 0.954);
}

// a Dutch AsciiDoc trip report, a schedule table (`|Tijd |Zaal |Sessie |Spreker`) with breaks, then `=== Title / Name` sections and `:spreker:` attributes; Java; the event or its date is not all found.
#[test]
fn blind_z_j_fall_2024_asciidoc() {
    check_scores(&fixture("j-fall-2024-asciidoc"), 0.973, 0.99, 0.99, 0.939);
}

// a Markdown checklist of the talks to attend and attended, `- [x] Title — Name`, nested notes; SRE; the event or its date is not all found.
#[test]
fn blind_z_srecon24_emea_checklist() {
    check_scores(&fixture("srecon24-emea-checklist"), 0.954, 0.931, 0.99, 0.941);
}

// a German Obsidian daily note, properties and `[[wiki links]]`, day links, the talks of the day; data.
#[test]
fn blind_z_tdwi_muenchen_2024_obsidian() {
    check_scores(&fixture("tdwi-muenchen-2024-obsidian"), 0.942, 0.99, 0.99, 0.847);
}
// a Polish phone note with emoji lines (`🎤 Keynote – Name „Title”`, `🎤 „Title” – Name`, `💡` points, `🔲` to-dos); Java; the event or its date is not all found; below 0.95: talks 1.000, speakers 1.000, mentions 0.844.
#[test]
fn blind_ad_devoxx_poland_2024_phone() {
    check_scores(&fixture("devoxx-poland-2024-phone"), 0.946, 0.99, 0.99, 0.857);
}

// Dutch Obsidian callouts (`> [!note]`), `[[wiki links]]` for speakers, tags (`#todo-uitzoeken`); platform engineering, Rust, WebAssembly; the event or its date is not all found; below 0.95: talks 1.000, speakers 1.000, mentions 0.817.
#[test]
fn blind_ad_goto_amsterdam_2024_obsidian() {
    check_scores(&fixture("goto-amsterdam-2024-obsidian"), 0.932, 0.99, 0.99, 0.819);
}

// a German schedule table with bold rows for the talks attended, then sections under shortened titles (`## Keynote Reinhardt`, `## Modulith (Vogel)`); Java.
#[test]
fn blind_ad_javaland_2025_tagesplan() {
    check_scores(&fixture("javaland-2025-tagesplan"), 0.95, 0.99, 0.99, 0.869);
}

// a schedule pasted from a web page with its HTML: `### [Title](url) | A &amp; B, Org`, `<p><b><a href>Title</a></b><br>` over `<small>Names</small>`, entities, `<br>`; cloud native; below 0.95: talks 1.000, speakers 1.000, mentions 0.783.
#[test]
fn blind_ad_kubecon_eu_2024_html_paste() {
    check_scores(&fixture("kubecon-eu-2024-html-paste"), 0.918, 0.99, 0.99, 0.773);
}

// an Italian e-mail with headers, numbered points naming each talk by a quoted title in a hard-wrapped sentence (`presentato da …`, `la speaker era …`), a sign-off; Python.
#[test]
fn blind_ad_pycon_italia_2024_email() {
    check_scores(&fixture("pycon-italia-2024-email"), 0.976, 0.99, 0.99, 0.947);
}

// a reStructuredText trip report with docinfo fields, `:Speaker:` field lists, `^^^` sub-sections and a `.. list-table::` of other talks; Python.
#[test]
fn blind_ad_pycon_us_2025_rst_report() {
    check_scores(&fixture("pycon-us-2025-rst-report"), 0.975, 0.99, 0.99, 0.944);
}

// a Slack channel log pasted as text (`[9:40] tomas_r: …`), several people reporting talks in replies and threads, emoji reactions; JavaScript; below 0.95: talks 0.800, speakers 0.800, mentions 0.414.
#[test]
fn blind_ae_cascadiajs_2024_slack() {
    check_scores(&fixture("cascadiajs-2024-slack"), 0.864, 0.93, 0.93, 0.728);
}

// French Org mode with TODO/DONE/CANCELLED headings, tags, `<2024-10-17 jeu. 10:30>` timestamps, `:ORATEUR:` drawers on some talks and speakers in sentences on others; below 0.95: talks 0.909, speakers 0.667, mentions 0.916.
#[test]
fn blind_ae_devfest_nantes_2024_orgmode() {
    check_scores(&fixture("devfest-nantes-2024-orgmode"), 0.821, 0.899, 0.657, 0.906);
}

// a day split by room headings (`## Main Hall`), talks as items or `###` headings opening with `HH:MM–HH:MM Title — Speaker`, breaks and a to-do list; Rust; below 0.95: talks 0.875, speakers 1.000, mentions 0.886.
#[test]
fn blind_ae_eurorust_2024_rooms() {
    check_scores(&fixture("eurorust-2024-rooms"), 0.966, 0.99, 0.99, 0.919);
}

// German and English notes under schedule records pasted as YAML (`title:`, `speakers:` as an inline list, a block list or `{name, company}` objects), fenced as `yaml`, bare or not at all; Kubernetes.
#[test]
fn blind_ae_kubernetes_meetup_hamburg_yaml() {
    check_scores(&fixture("kubernetes-meetup-hamburg-yaml"), 0.963, 0.99, 0.99, 0.908);
}

// a Jupyter notebook in Spanish: `##` cell headings, speakers after a dash, in a sentence (`La dio …`), on a `ponente:` line or alone, code cells tried; Python data; below 0.95: talks 1.000, speakers 0.923, mentions 0.912.
#[test]
fn blind_ae_pydata_madrid_2024_jupyter() {
    check_scores(&fixture("pydata-madrid-2024-jupyter"), 0.935, 0.99, 0.913, 0.902);
}

// hurried Brazilian Portuguese plain text: numbered talks `1)`, speakers after `palestrante:`, `com` or in parentheses, lightning talks as indented dashes; Python; the event or its date is not all found; below 0.95: talks 0.833, speakers 0.857, mentions 0.861.
#[test]
fn blind_ae_python_brasil_2024_pressa() {
    check_scores(&fixture("python-brasil-2024-pressa"), 0.841, 0.823, 0.847, 0.851);
}

// Italian bold lines with the speaker first (`**Name — Title**`, `**Name: Title – subtitle**`), a panel's people in prose (`Moderato da X. Sul palco: A, B, C`), a to-do list; web, cloud, Postgres.
#[test]
fn blind_af_codemotion_milano_2024_speaker_first() {
    check_scores(&fixture("codemotion-milano-2024-speaker-first"), 0.975, 0.99, 0.99, 0.946);
}

// a folder of one file per talk, named `01 - Name - Title.md` or `title_words_name.txt`, Polish and English notes, and an index linking them by `[[wiki links]]` and file names; Java; below 0.95: talks 1.000, speakers 1.000, mentions 0.843.
#[test]
fn blind_af_devoxx_poland_2024_folder() {
    check_scores(&fixture("devoxx-poland-2024-folder"), 0.938, 0.99, 0.99, 0.833);
}

// a German Bear note: a line of hashtags under each heading, then `von`/`mit Name (Org)`, a panel's people and moderator on one line, numbered lightning talks; Linux and free software.
#[test]
fn blind_af_linuxwochen_wien_2024_bear() {
    check_scores(&fixture("linuxwochen-wien-2024-bear"), 0.94, 0.99, 0.99, 0.839);
}

// a terse Argentine plain-text note: `HH:MM title / Name - org` lines over indented notes, lightning talks as indented dashes, a `pendiente:` to-do list; the event or its date is not all found; below 0.95: talks 0.941, speakers 0.933, mentions 0.800.
#[test]
fn blind_af_nerdearla_2024_pocket() {
    check_scores(&fixture("nerdearla-2024-pocket"), 0.881, 0.931, 0.923, 0.79);
}

// a GitHub trip-report comment: checkbox items `- [x] [Title](url) by Name` under `### Talks`, `<details>` blocks, @mentions, a lightning talk in a nested item; Python.
#[test]
fn blind_af_pycon_us_2024_github_comment() {
    check_scores(&fixture("pycon-us-2024-github-comment"), 0.984, 0.99, 0.99, 0.971);
}

// a Dutch reStructuredText file: a `list-table` schedule (`Keynote (Name)` cells), `=====` sections with `:spreker:` field lists, speakers in sentences, lightning talks; Python; the event or its date is not all found; below 0.95: talks 0.875, speakers 0.923, mentions 0.821.
#[test]
fn blind_af_pygrunn_2024_rst() {
    check_scores(&fixture("pygrunn-2024-rst"), 0.863, 0.865, 0.913, 0.811);
}

// French AsciiDoc: `==` sections with `Titre::`/`Orateur(s)::` definition lists, admonitions (`NOTE:`, `[NOTE]` blocks), source blocks; below 0.95: talks 0.923, speakers 0.933, mentions 0.826.
#[test]
fn blind_ag_devfest_nantes_2024_asciidoc() {
    check_scores(&fixture("devfest-nantes-2024-asciidoc"), 0.884, 0.913, 0.923, 0.816);
}

// a schedule pasted with tabs and empty cells (`Tijd Zaal Titel Spreker`), then Dutch notes headed by a time and a first name (`9:15 keynote Sanne`); DevOps.
#[test]
fn blind_ag_devopsdays_amsterdam_2024_tsv_schedule() {
    check_scores(&fixture("devopsdays-amsterdam-2024-tsv-schedule"), 0.977, 0.99, 0.99, 0.951);
}

// a German Obsidian day note: YAML front matter, `[[Vorname Nachname]]` speakers on a `Speaker:` line, in a heading or a sentence, `[[Technologie]]` links, a callout, to-dos; Java; below 0.95: talks 0.923, speakers 0.923, mentions 0.847.
#[test]
fn blind_ag_jug_saxony_day_2024_obsidian() {
    check_scores(&fixture("jug-saxony-day-2024-obsidian"), 0.891, 0.913, 0.913, 0.847);
}

// a Portuguese Apple Notes export: a title line over `•` bullets, the first naming the people (`Rui Tavares, da …`, `oradora: …`, `moderação da …`) or the quoted title under `Keynote – Name (Org)`; the event or its date is not all found.
#[test]
fn blind_ag_porto_tech_hub_2024_apple_notes() {
    check_scores(&fixture("porto-tech-hub-2024-apple-notes"), 0.955, 0.99, 0.99, 0.884);
}

// a Mastodon live thread pasted as text (`🧵 n/21` posts), speakers as @handles with the name once, quoted titles, lightning talks as dashes; Python; the event or its date is not all found; below 0.95: talks 0.909, speakers 0.727, mentions 0.815.
#[test]
fn blind_ag_pycon_ireland_2024_mastodon_thread() {
    check_scores(&fixture("pycon-ireland-2024-mastodon-thread"), 0.807, 0.899, 0.717, 0.805);
}

// a Google Docs export to Markdown in Spanish: escapes (`\-`, `\+`), `**Charla:**`/`**Ponente:**` paragraphs under short or empty `##` headings, a speaker in a sentence (`La dio …`).
#[test]
fn blind_ag_t3chfest_2024_gdocs_export() {
    check_scores(&fixture("t3chfest-2024-gdocs-export"), 0.977, 0.99, 0.99, 0.952);
}
// a Polish OneNote export read as an outline: `- ` items with `*`, `o`, `§` and numbered items nested under them by tabs, a talk chosen under a slot's item (`- 11:50 → wybrałem GraalVM` / `* **Title** (Name, Org)`), `prowadzi Name` under a bold title, a lunch item's notes; Java.
#[test]
fn blind_ah_devoxx_poland_2024_onenote() {
    check_scores(&fixture("devoxx-poland-2024-onenote"), 0.952, 0.99, 0.99, 0.876);
}

// a Spanish voice dictation typed out with no stops or capitals, one thing said per line: `siguiente charla TITLE`, `la dio NAME`, `se llamaba TITLE`, `era sobre TITLE`, `después fui a la charla de A y B`; the event or its date is not all found; below 0.95: talks 1.000, speakers 1.000, mentions 0.742.
#[test]
fn blind_ah_nerdearla_2024_dictado() {
    check_scores(&fixture("nerdearla-2024-dictado"), 0.904, 0.99, 0.99, 0.732);
}

// a German mind-map outline indented with spaces: day, talks with `(Name)` or a `Sprecherin:` child, notes as branches; Python.
#[test]
fn blind_ah_pycon_de_2024_mindmap() {
    check_scores(&fixture("pycon-de-2024-mindmap"), 0.977, 0.99, 0.99, 0.95);
}

// an English live log, every line timestamped (`09:41 - started: Name on "Title" (keynote)`, `11:20 - next up in room 2, "Title", speaker is Name`), remarks in brackets that are no names; Python.
#[test]
fn blind_ah_pycon_ireland_2023_livelog() {
    check_scores(&fixture("pycon-ireland-2023-livelog"), 0.977, 0.99, 0.99, 0.951);
}

// Italian room headings (`## Sala A`) over numbered talks `1. Keynote: "Title" (Name)` with nested notes, a to-do list at the end; Python.
#[test]
fn blind_ah_pycon_italia_2024_sale() {
    check_scores(&fixture("pycon-italia-2024-sale"), 0.95, 0.99, 0.99, 0.871);
}

// a Brazilian Logseq journal: `- Title #palestra` blocks with `palestrante::` and `tags::` properties, a title naming its speaker after a comma (`…, com [[Name]]`), `DONE`/`TODO` items; Python; the event or its date is not all found.
#[test]
fn blind_ah_python_brasil_2023_logseq() {
    check_scores(&fixture("python-brasil-2023-logseq"), 0.97, 0.99, 0.99, 0.929);
}

// an Italian WhatsApp export of two colleagues in two rooms (`[29/10/24, 10:42:13] Name: …`), talks named in passing (`Io sono da Name, talk su …`, `Qui Name, Title`, `"Title" di Name (Org)`); the event or its date is not all found; below 0.95: talks 0.727, speakers 0.800, mentions 0.759.
#[test]
fn blind_ai_codemotion_milano_2024_whatsapp() {
    check_scores(&fixture("codemotion-milano-2024-whatsapp"), 0.752, 0.717, 0.79, 0.749);
}

// a Polish Redmine wiki page in Textile (`h3.` sections, a Textile table with a `Kto` column, `Prowadzący:` lines, bold names, lightning talks in bullets); below 0.95: talks 1.000, speakers 0.875, mentions 0.921.
#[test]
fn blind_ai_infoshare_2024_redmine() {
    check_scores(&fixture("infoshare-2024-redmine"), 0.94, 0.99, 0.865, 0.964);
}

// a German Zim wiki page (`======` headings, Zim's file header, `//italic//` speakers, `Talk von **Name**`, `Sprecherin:`, speakers in brackets in a heading), check boxes; Java; below 0.95: talks 1.000, speakers 0.923, mentions 0.740.
#[test]
fn blind_ai_javaland_2024_zim() {
    check_scores(&fixture("javaland-2024-zim"), 0.89, 0.99, 0.913, 0.768);
}

// a Dutch trip report in Jira wiki markup (`h3.`, `{quote}`, `{code}`, a Jira table repeating the talks, `*Spreker:*` lines, `door A & B`); JavaScript.
#[test]
fn blind_ai_jsnation_2024_jira() {
    check_scores(&fixture("jsnation-2024-jira"), 0.977, 0.99, 0.99, 0.951);
}

// a Dendron folder of one file per talk (`conf.kubecon24.day1.ebpf-at-scale.md`) with YAML front matter (`title:`, `desc:`), the speaker in the body (`speaker:`, `by`, a name line, a sentence), an index of `[[links]]`; Kubernetes.
#[test]
fn blind_ai_kubecon_na_2024_dendron() {
    check_scores(&fixture("kubecon-na-2024-dendron"), 0.972, 0.99, 0.99, 0.934);
}

// a Brazilian Telegram channel copy (`Name, [17.10.24 10:05]` headers, `[Encaminhado de …]` forwards, `[Em resposta a …]` replies), talks announced in messages (`"Title", com Name`, `Title, da Name.`); Python; the event or its date is not all found; below 0.95: talks 0.909, speakers 0.909, mentions 0.696.
#[test]
fn blind_ai_python_brasil_2024_telegram() {
    check_scores(&fixture("python-brasil-2024-telegram"), 0.828, 0.899, 0.899, 0.686);
}

// a Polish Markdown note with a table of contents of links to its parts (`[Title](#title)`), speakers in footnotes (`## Title[^1]` / `[^1]: Name, Org — remark`, a panel's `w panelu[^4]` / `[^4]: Paneliści: …`), a field in brackets (`(prowadzący: Name, Org)`), `Moderowała Name`; Rust, Kafka.
#[test]
fn blind_al_4developers_2024_spis_tresci() {
    check_scores(&fixture("4developers-2024-spis-tresci"), 0.973, 0.99, 0.99, 0.937);
}

// a Dutch Tana paste (`- Title #talk` nodes with `Spreker:: [[Name]]`, `Zaal::` fields, empty fields, a lunch node of the same shape); Java, Kotlin.
#[test]
fn blind_al_devoxx_belgium_2024_tana_paste() {
    check_scores(&fixture("devoxx-belgium-2024-tana-paste"), 0.974, 0.99, 0.99, 0.941);
}

// a German e-mail digest hard-wrapped at 72 columns, titles in „German quotes“ inside prose, speakers in varied sentences (`Den Vortrag hielt Name`, `gehalten von A gemeinsam mit B`), a quoted earlier mail; Python; below 0.95: talks 0.909, speakers 0.909, mentions 0.696.
#[test]
fn blind_al_pycon_de_2024_email_digest() {
    check_scores(&fixture("pycon-de-2024-email-digest"), 0.828, 0.899, 0.899, 0.686);
}

// an Italian Simplenote-style plain text note in lower case: `h 10.30 title` and `gio h 9.30 title` lines over their notes, `Relatore:`, `con A e B` under a title, `title con Name` on the line, a lunch line, lightning talks told not titled; Python; below 0.95: talks 0.800, speakers 0.857, mentions 0.932.
#[test]
fn blind_al_pycon_italia_2024_simplenote() {
    check_scores(&fixture("pycon-italia-2024-simplenote"), 0.853, 0.79, 0.847, 0.922);
}

// an iCalendar export of a conference app's schedule (`VTIMEZONE` rules, `SUMMARY:Title - Name` folded at 75 octets, notes typed into `DESCRIPTION` with `\n` and `\,` escapes, an event with no notes, lunch); Python; below 0.95: talks 0.857, speakers 1.000, mentions 0.918.
#[test]
fn blind_al_pycon_us_2024_my_schedule() {
    check_scores(&fixture("pycon-us-2024-my-schedule"), 0.915, 0.847, 0.99, 0.908);
}

// a Spanish MkDocs Material page: talks in admonitions (`!!! note "Title — Name"`, `??? tip`, `???+`) inside content tabs (`=== "Día 1"`), bodies indented, `**Ponente:**`, `Charla de **Name**`, `Impartido por A y B`, asides in admonitions of their own; Python; below 0.95: talks 0.800, speakers 1.000, mentions 0.930.
#[test]
fn blind_al_pycones_2024_mkdocs_material() {
    check_scores(&fixture("pycones-2024-mkdocs-material"), 0.926, 0.847, 0.99, 0.942);
}

// an English Matrix room exported as text by Element (`Thu, Jul 11 2024, 09:02:11 - Name: message`, room events with no colon, reply quotes `<@user "…">`), three colleagues live-reporting talks in two rooms at once, `I'm at Title (Name), Room`; Python; below 0.95: talks 1.000, speakers 1.000, mentions 0.667.
#[test]
fn blind_am_europython_2024_matrix_export() {
    check_scores(&fixture("europython-2024-matrix-export"), 0.879, 0.99, 0.99, 0.657);
}

// a German Obsidian note with the conference's schedule pasted as an HTML `<table>` (`<th>` header, `<span class="speaker">`, `&amp;`), then one section per talk under a shortened or translated title (`Keynote – Surname: …`, `Title – Topic (Surname / Surname)`); Python.
#[test]
fn blind_am_pycon_de_2025_html_schedule() {
    check_scores(&fixture("pycon-de-2025-html-schedule"), 0.969, 0.99, 0.99, 0.927);
}

// English meeting minutes of a team's debrief in Markdown (attendees, an agenda, numbered sections `### 2.1 Title` with `**Presenter(s):** A, B`, decisions and action items with owners); Python.
#[test]
fn blind_am_pycon_us_2025_meeting_minutes() {
    check_scores(&fixture("pycon-us-2025-meeting-minutes"), 0.96, 0.99, 0.99, 0.901);
}

// a Spanish Zettlr note for Pandoc (YAML front matter, `## Title {#id .charla speaker="Name"}` attributes, citations `[@key]`, footnotes, `==highlights==`, wiki links); Python.
#[test]
fn blind_am_pycones_2024_zettlr_pandoc() {
    check_scores(&fixture("pycones-2024-zettlr-pandoc"), 0.958, 0.99, 0.99, 0.893);
}

// a French mission report saved as plain text by Word (BOM, CRLF, numbered headings `2.1<TAB>Title`, `•<TAB>` bullets, tab-indented paragraphs, `Intervenant(e) : Name`, a round table `animée par A, avec B, C et D`); Python.
#[test]
fn blind_am_pyconfr_2024_word_export() {
    check_scores(&fixture("pyconfr-2024-word-export"), 0.964, 0.99, 0.99, 0.913);
}

// a Brazilian Portuguese GitHub Discussion copied as Markdown (comments headed `**@user** · 24 out. 2024`, numbered bold talk lines under `### Palestras`, replies quoting a talk's line, checklists); Python.
#[test]
fn blind_am_python_brasil_2024_github_discussion() {
    check_scores(&fixture("python-brasil-2024-github-discussion"), 0.955, 0.99, 0.99, 0.886);
}

// an Italian Notion database exported as Markdown (a table of talks with links to their pages, `Relatore`, `Sala`, stars for `Voto`, notes in a cell, then the pages' text); Python.
#[test]
fn blind_an_pycon_italia_2024_notion_database() {
    check_scores(&fixture("pycon-italia-2024-notion-database"), 0.974, 0.99, 0.99, 0.941);
}

// a Polish Obsidian note with Dataview fields in brackets on list items (`- [prelegent:: [[Name]]]`), callouts, wiki links to people, checklists; Python.
#[test]
fn blind_an_pycon_pl_2024_obsidian_dataview() {
    check_scores(&fixture("pycon-pl-2024-obsidian-dataview"), 0.985, 0.99, 0.99, 0.976);
}

// a Portuguese tweet thread copied from X (numbered posts `6/`, handles for speakers `@tiago_ml (Name) com "Title"`, `"Title" com @a e @b`, view counts and post headers between); Python; below 0.95: talks 1.000, speakers 1.000, mentions 0.787.
#[test]
fn blind_an_pycon_portugal_2023_tweet_thread() {
    check_scores(&fixture("pycon-portugal-2023-tweet-thread"), 0.919, 0.99, 0.99, 0.777);
}

// an English handwritten notebook run through OCR (underlined titles wrapped over two lines, `(Name)` and `w/ Name` under them, digits for letters, broken words); Python; below 0.95: talks 1.000, speakers 0.909, mentions 0.902.
#[test]
fn blind_an_pycon_us_2024_handwriting_ocr() {
    check_scores(&fixture("pycon-us-2024-handwriting-ocr"), 0.927, 0.99, 0.899, 0.892);
}

// a French Org file (`** DONE Title :tags:` with `CLOSED:` and `:LOGBOOK:` clocks, a by-line `Par Name (Org).` or `Name, role, venu de X.` under them); Python.
#[test]
fn blind_an_pyconfr_2024_org_mode() {
    check_scores(&fixture("pyconfr-2024-org-mode"), 0.972, 0.99, 0.99, 0.936);
}

// a Dutch Microsoft Teams meeting chat copied from the app (`[09:15] Sanne de Vries` over each message, reactions `(like) 3`, `Keynote begint: "Title" – Name`, `Zaal 1 nu: Name – Title`); Python.
#[test]
fn blind_an_pydata_amsterdam_2024_teams_chat() {
    check_scores(&fixture("pydata-amsterdam-2024-teams-chat"), 0.964, 0.99, 0.99, 0.913);
}

// Italian AsciiDoc page with a schedule table and a section per talk.
#[test]
fn blind_ao_pycon_italia_2024_asciidoc_programma() {
    check_scores(&fixture("pycon-italia-2024-asciidoc-programma"), 0.979, 0.99, 0.99, 0.956);
}

// Polish Confluence wiki page, `h1.` headings, a schedule table and `{info}` macros.
#[test]
fn blind_ao_pycon_pl_2024_confluence() {
    check_scores(&fixture("pycon-pl-2024-confluence"), 0.982, 0.99, 0.99, 0.966);
}

// English Slack channel copied from the desktop app, code blocks in messages, threads that repeat the messages announcing talks.
#[test]
fn blind_ao_pycon_us_2024_slack_thread() {
    check_scores(&fixture("pycon-us-2024-slack-thread"), 0.986, 0.99, 0.99, 0.978);
}

// German DokuWiki page, `<code python>` blocks, a speaker field with an affiliation; below 0.95: talks 0.857, speakers 1.000, mentions 0.939.
#[test]
fn blind_ao_pyconde_2024_dokuwiki() {
    check_scores(&fixture("pyconde-2024-dokuwiki"), 0.947, 0.913, 0.99, 0.939);
}

// Dutch live blog in Markdown, `**HH:MM** —` paragraphs, talks named mid-paragraph under subject headings.
#[test]
fn blind_ao_pydata_amsterdam_2023_liveblog() {
    check_scores(&fixture("pydata-amsterdam-2023-liveblog"), 0.963, 0.99, 0.99, 0.909);
}

// Brazilian Portuguese Google Keep note with no blank lines, each talk a title over a name line.
#[test]
fn blind_ao_python_brasil_2023_google_keep() {
    check_scores(&fixture("python-brasil-2023-google-keep"), 0.98, 0.99, 0.99, 0.96);
}

// English iMessage conversation exported as text, a time stamp over each sender's name, tapback reactions quoting messages, talks named inside messages; below 0.95: talks 1.000, speakers 0.923, mentions 0.921.
#[test]
fn blind_ap_djangocon_us_2024_imessage() {
    check_scores(&fixture("djangocon-us-2024-imessage"), 0.938, 0.99, 0.913, 0.911);
}

// Norwegian Obsidian phone note, kl 10.20 times, foredragsholder labels or a name alone under the title.
#[test]
fn blind_ap_ndc_oslo_2024_obsidian() {
    check_scores(&fixture("ndc-oslo-2024-obsidian"), 0.958, 0.99, 0.99, 0.893);
}

// German Craft.do page exported to Markdown, with toggles and callouts.
#[test]
fn blind_ap_pycon_de_2025_craft() {
    check_scores(&fixture("pycon-de-2025-craft"), 0.964, 0.99, 0.99, 0.913);
}

// Polish Sphinx reStructuredText page with a list-table schedule and :pep: roles.
#[test]
fn blind_ap_pycon_pl_2024_sphinx() {
    check_scores(&fixture("pycon-pl-2024-sphinx"), 0.949, 0.99, 0.99, 0.867);
}

// French Things 3 project copied as text, checkbox items, titles in guillemets.
#[test]
fn blind_ap_pyconfr_2024_things() {
    check_scores(&fixture("pyconfr-2024-things"), 0.958, 0.99, 0.99, 0.893);
}

// English Hacker News thread copied from the browser, talks named in comments, the site's own lines between them.
#[test]
fn blind_ap_strange_loop_2023_hn_thread() {
    check_scores(&fixture("strange-loop-2023-hn-thread"), 0.957, 0.99, 0.99, 0.891);
}

// English Zulip topic copied from the browser, the author's name over a stamp and a stamp alone for each further message, reactions with counts, talks announced in messages; below 0.95: talks 0.750, speakers 1.000, mentions 0.866.
#[test]
fn blind_aq_europython_2024_zulip_stream() {
    check_scores(&fixture("europython-2024-zulip-stream"), 0.881, 0.79, 0.99, 0.862);
}

// German Outlook calendar printed in memo style, Betreff:/Ort:/Beginn:/Ende: entries with the notes under them, a lunch and a team call among the talks.
#[test]
fn blind_aq_javaland_2025_outlook_memo() {
    check_scores(&fixture("javaland-2025-outlook-memo"), 0.966, 0.99, 0.99, 0.919);
}

// Italian RemNote export in Markdown, nested bullets with rem properties; below 0.95: talks 1.000, speakers 1.000, mentions 0.837.
#[test]
fn blind_aq_pycon_italia_2025_remnote_export() {
    check_scores(&fixture("pycon-italia-2025-remnote-export"), 0.939, 0.99, 0.99, 0.837);
}

// Spanish Substack newsletter recap in Markdown, headings in the writer's words over bold «» titles in prose.
#[test]
fn blind_aq_pycones_2024_substack_recap() {
    check_scores(&fixture("pycones-2024-substack-recap"), 0.964, 0.99, 0.99, 0.911);
}

// Dutch Microsoft Loop page exported to Markdown, an escaped schedule table, sections and toggles named shortly, the team's note-takers and task list.
#[test]
fn blind_aq_pydata_amsterdam_2024_loop_export() {
    check_scores(&fixture("pydata-amsterdam-2024-loop-export"), 0.97, 0.99, 0.99, 0.929);
}

// Brazilian Portuguese Bluesky thread copied from the browser, each post under its author's name and handle, counts and buttons after it, quoted titles.
#[test]
fn blind_aq_python_brasil_2024_bluesky_thread() {
    check_scores(&fixture("python-brasil-2024-bluesky-thread"), 0.964, 0.99, 0.99, 0.911);
}

// German HedgeDoc pad filled by four colleagues, [name=…] and [time=…] author tags after the lines, :::info boxes, speakers on a field, in bold or after von, a panel with its moderator and panelists.
#[test]
fn blind_ar_berlin_buzzwords_2025_hedgedoc() {
    check_scores(&fixture("berlin-buzzwords-2025-hedgedoc"), 0.962, 0.99, 0.99, 0.906);
}

// Dutch Anytype export, an index of links to the talks' pages, one object per talk with Type/Spreker/Tijd/Zaal properties.
#[test]
fn blind_ar_j_spring_2025_anytype() {
    check_scores(&fixture("j-spring-2025-anytype"), 0.954, 0.99, 0.99, 0.883);
}

// Polish Facebook group post copied with its comments, talks on lines numbered with keycap emoji, the page's buttons, counts and relative dates.
#[test]
fn blind_ar_pycon_pl_2025_facebook_post() {
    check_scores(&fixture("pycon-pl-2025-facebook-post"), 0.976, 0.99, 0.99, 0.948);
}

// Spanish Slidev deck, slides parted by --- with their front matter, speaker notes in HTML comments; below 0.95: talks 0.875, speakers 1.000, mentions 0.872.
#[test]
fn blind_ar_pycones_2025_slidev() {
    check_scores(&fixture("pycones-2025-slidev"), 0.906, 0.865, 0.99, 0.862);
}

// English AI meeting-recorder summary (Otter): keywords, overview, an outline of chapters each stamped with a time, speakers named in their first bullet, numbered voices, action items.
#[test]
fn blind_ar_pydata_london_2025_otter_summary() {
    check_scores(&fixture("pydata-london-2025-otter-summary"), 0.979, 0.99, 0.99, 0.956);
}

// French TiddlyWiki tiddler saved as text, its fields, ! and !! headings, bold speakers, a timetable whose header cells open with `!`, quoted blocks.
#[test]
fn blind_ar_sunny_tech_2025_tiddlywiki() {
    check_scores(&fixture("sunny-tech-2025-tiddlywiki"), 0.965, 0.923, 0.99, 0.982);
}

// an Italian Obsidian Kanban board: lanes as headings, each talk a checklist card with its notes on lines of its own, time triggers (`@@{14:10}`), the board's settings in a `%%` comment.
#[test]
fn blind_as_codemotion_milano_2025_kanban() {
    check_scores(&fixture("codemotion-milano-2025-kanban"), 0.984, 0.99, 0.99, 0.973);
}

// a French Anki deck exported as plain text (`#separator:tab`, `#html:true`), one card a line, the talk named on its first card's front and its cards grouped by a `talk::` tag.
#[test]
fn blind_as_devoxx_france_2025_anki() {
    check_scores(&fixture("devoxx-france-2025-anki"), 0.95, 0.99, 0.99, 0.87);
}

// a Polish team newsletter saved as text: setext headings, a report on the event under a heading naming it, `Prowadząca:` fields, numbered link references, an `In brief` section; below 0.95: talks 0.923, speakers 1.000, mentions 0.870.
#[test]
fn blind_as_devoxx_poland_2025_newsletter() {
    check_scores(&fixture("devoxx-poland-2025-newsletter"), 0.921, 0.913, 0.99, 0.86);
}

// an English ChatGPT conversation clipped to Markdown: `You said:` and `ChatGPT said:` turns, each talk pasted rough (a quoted title and a name) and then tidied under a heading; below 0.95: talks 1.000, speakers 1.000, mentions 0.775.
#[test]
fn blind_as_djangocon_eu_2025_chatgpt() {
    check_scores(&fixture("djangocon-eu-2025-chatgpt"), 0.915, 0.99, 0.99, 0.765);
}

// a Portuguese Day One journal export: each entry's fields (date, place, weather, tags) indented above its title, lightning talks told with an article before the name; below 0.95: talks 0.909, speakers 1.000, mentions 0.885.
#[test]
fn blind_as_python_brasil_2025_day_one() {
    check_scores(&fixture("python-brasil-2025-day-one"), 0.921, 0.899, 0.99, 0.875);
}

// a Spanish Todoist project exported as CSV: sections, tasks with `@labels`, sub-tasks and multi-line quoted descriptions holding the notes.
#[test]
fn blind_as_t3chfest_2025_todoist() {
    check_scores(&fixture("t3chfest-2025-todoist"), 0.967, 0.99, 0.99, 0.922);
}
