//! `talkgraph outline`: the structure found in notes (events, days, talks with their
//! lines and speakers) and, with `--explain`, every candidate with its evidence and
//! score and whether it became a talk, so a user whose talk was missed sees why.

use std::io::Write;
use std::path::PathBuf;

use serde_json::{json, Value};

use crate::notes::talks::Detection;
use crate::notes::{self, Detector, Warning};
use crate::Error;

/// The outline of every note under `paths`, one JSON object per file, in the order the
/// files are found, and the warnings met.
pub fn outline(paths: &[PathBuf], explain: bool) -> Result<(Vec<Value>, Vec<Warning>), Error> {
    let mut warnings = Vec::new();
    let files = notes::find_notes(paths, &mut warnings)?;
    if files.is_empty() {
        let names = paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ");
        return Err(Error::NoNotes(names));
    }
    let detector = Detector::new().with_notes(files.iter().map(|f| &*f.display));
    let mut out = Vec::with_capacity(files.len());
    for f in &files {
        let Some(note) = notes::read_note(f, &mut warnings) else { continue };
        let lines = notes::markup::LineIndex::new(&note.text);
        let blocks = detector.blocks_of(&note, &lines);
        let d = detector.detect_indexed(&note, &blocks, &lines);
        warnings.extend(d.doc.warnings.iter().cloned());
        out.push(file_json(&d, explain));
    }
    Ok((out, warnings))
}

fn file_json(d: &Detection<'_>, explain: bool) -> Value {
    let doc = &d.doc;
    let events: Vec<Value> =
        doc.events.iter().map(|e| json!({"name": e.name, "day": e.day, "date": e.date, "line": e.line})).collect();
    let talks: Vec<Value> = doc
        .sections
        .iter()
        .zip(&d.ends)
        .map(|(s, end)| {
            json!({
                "title": s.title,
                "kind": s.kind.name(),
                // (A live blog written newest first has a talk's notes above its line.)
                "start": s.line.min(s.body_line),
                "end": end,
                "event": s.event,
                "speakers": s.speakers.iter().map(|n| n.name.clone()).collect::<Vec<_>>(),
            })
        })
        .collect();
    let mut v = json!({"file": doc.file.as_ref(), "events": events, "talks": talks});
    if explain {
        let cands: Vec<Value> = d
            .candidates
            .iter()
            .map(|c| {
                json!({
                    "line": c.line,
                    "source": c.source.name(),
                    "title": c.title,
                    "score": c.score(),
                    "talk": c.talk,
                    "evidence": c.evidence.iter().map(|(f, w)| json!({"feature": f, "weight": w})).collect::<Vec<_>>(),
                    "note": c.note,
                    "speakers": c.speakers.iter().map(|(n, r)| json!({"name": n.name, "role": format!("{r:?}").to_lowercase()})).collect::<Vec<_>>(),
                })
            })
            .collect();
        v["candidates"] = Value::Array(cands);
    }
    v
}

/// Writes the outline as text: per file its events and days, then each talk as
/// `file:start-end  title  (speakers)`; with `explain`, every candidate after them.
pub fn write_text(files: &[Value], w: &mut dyn Write) -> std::io::Result<()> {
    for f in files {
        let file = f["file"].as_str().unwrap_or("");
        writeln!(w, "{file}")?;
        for e in f["events"].as_array().into_iter().flatten() {
            let what = match e["day"].as_u64() {
                Some(d) => format!("  day {d}"),
                None => format!("  event {}", e["name"].as_str().unwrap_or("")),
            };
            let date = e["date"].as_str().map(|d| format!(" ({d})")).unwrap_or_default();
            writeln!(w, "{what}{date}  line {}", e["line"])?;
        }
        for t in f["talks"].as_array().into_iter().flatten() {
            let speakers: Vec<&str> =
                t["speakers"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
            let kind = t["kind"].as_str().unwrap_or("talk");
            let by = if speakers.is_empty() { String::new() } else { format!("  ({})", speakers.join(", ")) };
            writeln!(w, "  {kind:<9} {file}:{}-{}  {}{by}", t["start"], t["end"], t["title"].as_str().unwrap_or(""))?;
        }
        if let Some(cands) = f["candidates"].as_array() {
            writeln!(w, "  candidates (a talk needs a score of {}):", notes::talks::THRESHOLD)?;
            for c in cands {
                let verdict = if c["talk"].as_bool() == Some(true) { "talk" } else { "no" };
                let evidence: Vec<String> = c["evidence"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|e| format!("{} {:+}", e["feature"].as_str().unwrap_or(""), e["weight"].as_i64().unwrap_or(0)))
                    .collect();
                let note = c["note"].as_str().map(|n| format!("; {n}")).unwrap_or_default();
                writeln!(
                    w,
                    "    {:>5} {:<10} {:>3} {:<4} {}  [{}{note}]",
                    c["line"],
                    c["source"].as_str().unwrap_or(""),
                    c["score"],
                    verdict,
                    c["title"].as_str().unwrap_or(""),
                    evidence.join(", ")
                )?;
            }
        }
    }
    Ok(())
}
