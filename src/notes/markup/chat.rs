//! Chat transcripts in plain text: a channel or group exported or copied from Slack,
//! Discord, IRC, WhatsApp or Signal, where every message opens with a frame (when
//! and who) and the talk notes are the messages:
//!
//! - `[09:12] mina.k: message`, `[09:12] <mina> message`, `09:12 <mina> message`;
//! - `[21/09/2024, 09:12:33] Mina K: message` and `21/09/2024, 09:12 - Mina K:
//!   message` (WhatsApp's two exports);
//! - `[2024-09-21 09:12] mina: message`, `9:12 AM mina: message`.
//!
//! The frame names the note-taker and a time of posting, not a talk: it is read past,
//! and each message becomes a paragraph of its own, so that a message announcing a
//! talk (`next up: Tereza Novak - "Polars for pandas users"`) opens it as a line of a
//! phone note would. A line with no frame after a message continues it.

/// Whether the lines of a plain note are a transcript: three or more lines open with a
/// frame ([`frame`]), and they are at least half of the note's non-blank lines.
pub(crate) fn is_transcript<'a>(lines: impl Iterator<Item = &'a str>) -> bool {
    let (mut framed, mut all) = (0usize, 0usize);
    for l in lines {
        if l.trim().is_empty() {
            continue;
        }
        all += 1;
        if frame(l).is_some() {
            framed += 1;
        }
    }
    framed >= 3 && framed * 2 >= all
}

/// The length in bytes of the frame a chat line opens with (its time, and the author
/// with the `:` or `>` after the name, and the blanks after it), or `None`.
pub(crate) fn frame(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    // The time, in brackets or not, maybe after a date.
    // A time without brackets is a schedule's as often as a chat's (`09:00 Keynote:
    // Title`): it frames a message only before a `<nick>` or as WhatsApp writes it,
    // after a date and before ` - Name:`.
    let (after_time, strong) = if b.first() == Some(&b'[') {
        let close = line.find(']')?;
        if !has_time(&line[1..close]) {
            return None;
        }
        (close + 1, true)
    } else {
        let (end, dated) = time_end(line)?;
        match line[end..].strip_prefix(" -") {
            Some(_) if dated => (end + 2, true),
            _ => (end, false),
        }
    };
    let rest = &line[after_time..];
    let lead = rest.len() - rest.trim_start().len();
    if lead == 0 {
        return None;
    }
    let rest = &rest[lead..];
    let author_end = if let Some(nick) = rest.strip_prefix('<') {
        let close = nick.find('>')?;
        (close > 0 && !nick[..close].contains(' ')).then_some(close + 2)?
    } else if !strong {
        return None;
    } else {
        let colon = rest.find(": ")?;
        let author = &rest[..colon];
        let words = author.split_whitespace().count();
        if !(1..=3).contains(&words) || author.contains(['"', '“', '(', '[']) {
            return None;
        }
        colon + 1
    };
    let msg = &rest[author_end..];
    Some(after_time + lead + author_end + (msg.len() - msg.trim_start().len()))
}

/// Whether `s` holds a time of day (`09:12`, `9:12:33 AM`), perhaps after a date.
fn has_time(s: &str) -> bool {
    let b = s.as_bytes();
    (0..b.len()).any(|i| {
        b[i] == b':'
            && i >= 1
            && b[i - 1].is_ascii_digit()
            && b.get(i + 1).is_some_and(u8::is_ascii_digit)
            && b.get(i + 2).is_some_and(u8::is_ascii_digit)
    })
}

/// Where an unbracketed date-and-time or time at the start of a line ends (`09:12`,
/// `9:12 AM`, `21/09/2024, 09:12`, `2024-09-21 09:12:33`), and whether a date came
/// first.
fn time_end(line: &str) -> Option<(usize, bool)> {
    let b = line.as_bytes();
    let mut i = 0;
    let mut dated = false;
    // A date first: digits and `/`, `.`, `-`, then `, ` or ` `.
    let date = b.iter().take_while(|c| c.is_ascii_digit() || matches!(c, b'/' | b'.' | b'-')).count();
    if date >= 6 && b[..date].iter().filter(|c| !c.is_ascii_digit()).count() == 2 {
        i = date;
        dated = true;
        if b.get(i) == Some(&b',') {
            i += 1;
        }
        if b.get(i) != Some(&b' ') {
            return None;
        }
        i += 1;
    }
    let h = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&h) || b.get(i + h) != Some(&b':') {
        return None;
    }
    i += h + 1;
    let m = b[i..].iter().take_while(|c| c.is_ascii_digit() || **c == b':').count();
    if m < 2 {
        return None;
    }
    i += m;
    for ampm in [" AM", " PM", " am", " pm"] {
        if line[i..].starts_with(ampm) {
            i += 3;
        }
    }
    Some((i, dated))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(line: &str) -> Option<&str> {
        frame(line).map(|n| &line[n..])
    }

    #[test]
    fn frames_of_the_usual_exports() {
        assert_eq!(msg("[09:12] mina.k: first talk is \"X\""), Some("first talk is \"X\""));
        assert_eq!(msg("[09:12] <mina> hi there"), Some("hi there"));
        assert_eq!(msg("09:12 <mina> hi"), Some("hi"));
        assert_eq!(msg("[21/09/2024, 09:12:33] Mina K: nice"), Some("nice"));
        assert_eq!(msg("21/09/2024, 09:12 - Mina K: nice"), Some("nice"));
        assert_eq!(msg("[2024-09-21 09:12] raj: ok"), Some("ok"));
    }

    #[test]
    fn schedule_lines_are_no_frames() {
        // A time, then a title with a colon: no author of one to three words.
        assert_eq!(msg("09:00 Keynote: The state of the language, by Ana Ruiz"), None);
        assert_eq!(msg("10:30 - Ana Ruiz - \"Title\""), None);
        assert_eq!(msg("[link] text: more"), None);
        assert_eq!(msg("9:30 AM Panel: packaging"), None);
    }

    #[test]
    fn a_transcript_is_mostly_framed_lines() {
        let chat = "channel\n[09:12] a: x\n[09:13] b: y\n[09:14] a: z\n";
        assert!(is_transcript(chat.lines()));
        let notes = "09:00 Opening: hello\n\nprose\nmore prose\nand more\nmore\n";
        assert!(!is_transcript(notes.lines()));
    }
}
