//! Calendar exports (iCalendar, RFC 5545: a conference app's "my agenda" as `.ics`, or
//! pasted into a `.txt`), turned into Markdown on the lines of the file when it is read,
//! as a notebook is ([`super::ipynb`]): the calendar's name (`X-WR-CALNAME`) a title,
//! each event's day a heading when it changes, its `SUMMARY` a talk's heading and its
//! `DESCRIPTION` the notes under it; the other properties (`UID`, `DTEND`, `LOCATION`,
//! `BEGIN`/`END`) blank lines.
//!
//! A property's value may be folded over several lines (each next one starting with a
//! blank) and escapes `,`, `;`, `\` and line breaks (`\n`): a value is unfolded (a
//! word cut by the fold is whole again) and unescaped, and written on its first line;
//! its parts between line breaks go on the lines its fold took, the last ones joined
//! when they are more. Every line keeps its number.

/// Whether `text` is an iCalendar file: its first line that is not blank opens a
/// calendar.
pub fn is_calendar(text: &str) -> bool {
    text.lines().find(|l| !l.trim().is_empty()).is_some_and(|l| l.trim().eq_ignore_ascii_case("BEGIN:VCALENDAR"))
}

/// The calendar `text` as Markdown with the same number of lines.
pub fn to_text(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out: Vec<String> = vec![String::new(); lines.len()];
    let mut day = String::new();
    // Inside a time zone or an alarm.
    let mut aside = false;
    let mut i = 0;
    while i < lines.len() {
        // The property's logical line: this one and its folded continuations.
        let mut value = lines[i].trim_end_matches('\r').to_string();
        let mut k = i + 1;
        while k < lines.len() && lines[k].starts_with([' ', '\t']) {
            value.push_str(&lines[k].trim_end_matches('\r')[1..]);
            k += 1;
        }
        let (key, val) = value.split_once(':').unwrap_or((value.as_str(), ""));
        // `DTSTART;TZID=Europe/Madrid` is `DTSTART` with a parameter.
        let name = key.split(';').next().unwrap_or(key).trim().to_ascii_uppercase();
        let parts: Vec<String> = unescape(val).split('\n').map(str::trim).map(str::to_string).collect();
        // A time zone's rules and an alarm have a `DTSTART` and a `DESCRIPTION` of their
        // own (`19700308T020000`, `Reminder`): no day and no notes of the calendar.
        if matches!(name.as_str(), "BEGIN" | "END") {
            let component = val.trim().to_ascii_uppercase();
            if matches!(component.as_str(), "VTIMEZONE" | "VALARM") {
                aside = name == "BEGIN";
            }
        }
        if aside {
            i = k;
            continue;
        }
        match name.as_str() {
            "X-WR-CALNAME" => out[i] = format!("# {}", parts.join(" ")),
            "SUMMARY" => out[i] = format!("### {}", parts.join(" ")),
            // The room, a line under the title of an event without notes (it is still on
            // the schedule); under an event with notes it would read as a slot over them.
            "LOCATION" if !val.trim().is_empty() && !has_notes(&lines[k..]) => {
                out[i] = format!("Room: {}", parts.join(" "));
            }
            "DTSTART" => {
                // `20260521T090000`: a heading for the day when it changes.
                let d = val.trim();
                if d.len() >= 8 && d.bytes().take(8).all(|b| b.is_ascii_digit()) && d[..8] != *day {
                    day = d[..8].to_string();
                    out[i] = format!("## {}-{}-{}", &d[..4], &d[4..6], &d[6..8]);
                }
            }
            "DESCRIPTION" | "COMMENT" => {
                let parts: Vec<&String> = parts.iter().filter(|p| !p.is_empty()).collect();
                let room = k - i;
                for (j, p) in parts.iter().enumerate() {
                    let at = i + j.min(room - 1);
                    if !out[at].is_empty() {
                        out[at].push(' ');
                    }
                    out[at].push_str(p);
                }
            }
            _ => {}
        }
        i = k;
    }
    out.join("\n")
}

/// Whether the rest of an event (`lines`, up to its `END:VEVENT`) holds notes.
fn has_notes(lines: &[&str]) -> bool {
    let key = |l: &str, k: &str| l.get(..k.len()).is_some_and(|h| h.eq_ignore_ascii_case(k));
    lines.iter().take_while(|l| !key(l, "END:VEVENT")).any(|l| key(l, "DESCRIPTION") || key(l, "COMMENT"))
}

/// A property value without its escapes: `\,` `\;` `\\` as the character, `\n` and
/// `\N` a line break.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(x) => out.push(x),
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const ICS: &str = "BEGIN:VCALENDAR\nVERSION:2.0\nX-WR-CALNAME:Spring I/O 2026 - My agenda\nBEGIN:VEVENT\nDTSTART;TZID=Europe/Madrid:20260521T090000\nSUMMARY:Keynote: Spring Boot 4 - what actually chan\n ged\nLOCATION:Room 2\nDESCRIPTION:Speakers: Ana Ruiz\\, Tomás Vidal\\n\\nMY NOTES: Gr\n aalVM native\\, JSpecify.\nEND:VEVENT\nBEGIN:VEVENT\nDTSTART:20260521T101500\nSUMMARY:Virtual threads\\, pools and pain\nEND:VEVENT\nEND:VCALENDAR";

    #[test]
    fn events_become_headings_and_notes_on_their_lines() {
        assert!(is_calendar(ICS));
        assert!(!is_calendar("# Notes\nBEGIN:VCALENDAR"));
        let t = to_text(ICS);
        let lines: Vec<&str> = t.split('\n').collect();
        assert_eq!(lines.len(), ICS.split('\n').count(), "every line keeps its number");
        assert_eq!(lines[2], "# Spring I/O 2026 - My agenda");
        assert_eq!(lines[4], "## 2026-05-21");
        assert_eq!(lines[5], "### Keynote: Spring Boot 4 - what actually changed");
        assert_eq!(lines[6], "");
        assert_eq!(lines[7], "", "an event with notes has no room line");
        assert_eq!(lines[8], "Speakers: Ana Ruiz, Tomás Vidal");
        assert_eq!(lines[9], "MY NOTES: GraalVM native, JSpecify.");
        // The same day again: no second day heading.
        assert_eq!(lines[12], "");
        assert_eq!(lines[13], "### Virtual threads, pools and pain");
    }

    #[test]
    fn time_zones_and_alarms_give_no_day_and_no_notes() {
        let ics = "BEGIN:VCALENDAR\nBEGIN:VTIMEZONE\nBEGIN:DAYLIGHT\nDTSTART:19700308T020000\nEND:DAYLIGHT\nEND:VTIMEZONE\nBEGIN:VEVENT\nDTSTART:20240517T104500\nSUMMARY:Arrow\nBEGIN:VALARM\nDESCRIPTION:Reminder\nEND:VALARM\nEND:VEVENT\nEND:VCALENDAR";
        let t = to_text(ics);
        assert!(!t.contains("1970") && !t.contains("Reminder"), "{t}");
        assert!(t.contains("## 2024-05-17") && t.contains("### Arrow"), "{t}");
        let t = to_text("BEGIN:VEVENT\nSUMMARY:Packaging\nLOCATION:Hall B\nEND:VEVENT");
        assert_eq!(t, "\n### Packaging\nRoom: Hall B\n", "an event without notes keeps its room");
    }

    #[test]
    fn a_long_description_keeps_to_its_lines() {
        let t = to_text("BEGIN:VCALENDAR\nDESCRIPTION:a\\nb\\nc\nEND:VCALENDAR");
        assert_eq!(t, "\na b c\n");
    }
}
