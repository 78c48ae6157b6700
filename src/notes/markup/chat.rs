//! Chat transcripts in plain text: a channel or group logged by an IRC client, or
//! exported or copied from Slack, Discord, Matrix, WhatsApp or Signal, where every
//! message opens with a frame (when and who) and the talk notes are the messages:
//!
//! - `[09:12] mina.k: message`, `[2024-09-21 09:12] mina: message`, `9:12 AM mina:
//!   message` (Slack, Matrix, Teams copies);
//! - `[21/09/2024, 09:12:33] Mina K: message` and `21/09/2024, 09:12 - Mina K:
//!   message` (WhatsApp's two exports, Telegram's);
//! - `09:12 <mina> message`, `09:12 < mina> message`, `09:12 <@mina> message` (irssi,
//!   with the nick's mode), `[09:12] <mina> message`, `Nov 15 09:12:33 <mina> message`
//!   (HexChat), `09:12:33 @mina | message` and `2024-09-21 09:12:33<TAB>mina<TAB>
//!   message` (WeeChat's screen and log);
//! - `09:13 * mina waves` (an action: its text is a message, the nick is dropped).
//!
//! The client's own lines (`-!- mina has joined #chan`, `--> mina has joined`, `*
//! mina has quit`, `--- Log opened …`, `--- Day changed …`, a netsplit, a mode) are no
//! notes: each ends the message before it, as a blank line would. A topic change
//! (`-!- mina changed the topic of #chan to: Track 1 now: …`, `* Topic for #chan is:
//! …`) is a message: its new topic, which a channel sets to name the talk on stage.
//!
//! The frame names the note-taker and a time of posting, not a talk: it is read past,
//! and each message becomes a paragraph of its own, so that a message announcing a
//! talk (`next up: Tereza Novak - "Polars for pandas users"`) opens it as a line of a
//! phone note would. A line with no frame after a message continues it.
//!
//! A channel copied from the screen, whose frames are alone on their lines (`mina —
//! 28/05/2025 10:47`, `Mina Kowalski  9:12 AM`) and whose messages have none, is read as
//! plain text with each frame a break ([`Frames::Alone`]): a forum thread's reply is
//! then a bold title over `by Name` and a list of notes, as in any plain note.

use super::Builder;
use crate::notes::document::Blocks;

/// What a framed line of a transcript holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Line<'a> {
    /// A message's text, its frame read past (a topic change's new topic, an action's
    /// text without the nick).
    Message(&'a str),
    /// A line of the client's own: a join, a quit, a mode, a log closed.
    Client,
    /// A log's opening or a day's change, which dates what follows (`Log opened Sat
    /// Nov 15 08:58:40 2025`): a paragraph of its own, no message.
    Dated(&'a str),
    /// A frame alone on its line, the messages on the lines below it, as Slack,
    /// Discord, Teams or Element copy a channel (`Mina Kowalski  9:12 AM`, `Mina —
    /// Today at 09:12`, `[09:12] Mina Kowalski`): the author's name.
    Header(&'a str),
}

/// Whether the lines of a plain note are a transcript: three or more lines are framed
/// messages ([`read`]), and framed lines (messages and the client's own) are at least
/// half of the note's non-blank lines. Frames alone on their line count when there are
/// three or more and an author comes back (a chat's few people write again and again;
/// a schedule's `Opening  09:00` names no one twice), with the lines under them up to a
/// blank line.
#[cfg(test)]
pub(crate) fn is_transcript<'a>(lines: impl Iterator<Item = &'a str>) -> bool {
    frames(lines).is_some()
}

/// How a transcript frames its messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Frames {
    /// Each message on its frame's line (an IRC log, a WhatsApp export), or frames of
    /// both kinds: read by [`transcript`].
    Inline,
    /// Frames alone on their lines and no message framed on its own (a Slack, Discord
    /// or Teams channel copied from the screen): the author's frame is a break between
    /// messages, and the messages under it are text written as any plain note is, a
    /// bold title over `by Name` and a list of notes in one reply of a forum thread.
    Alone,
}

/// Whether the lines of a plain note are a transcript ([`is_transcript`]), and how its
/// frames are laid out.
pub(crate) fn frames<'a>(lines: impl Iterator<Item = &'a str>) -> Option<Frames> {
    let (mut messages, mut framed, mut all) = (0usize, 0usize, 0usize);
    let (mut headers, mut under, mut covered) = (0usize, false, 0usize);
    let mut names: Vec<&str> = Vec::new();
    let mut again = false;
    // Whether the line before was a time stamp alone (an iMessage export's frame: the
    // stamp, then the author's name alone on the next line).
    let mut stamped = false;
    // The line before, which may be the author's name alone, as Zulip or Teams copy a
    // message: the name, then the stamp under it.
    let mut named: Option<&str> = None;
    for l in lines {
        if l.trim().is_empty() {
            (under, stamped, named) = (false, false, None);
            continue;
        }
        all += 1;
        let before = named.take();
        let line = match read(l) {
            None if handle(l).is_some() => handle(l).map(Line::Header),
            None if std::mem::take(&mut stamped) => name(l).map(Line::Header),
            None if stamp(l) => {
                covered += 1;
                // (The line before is read as a name only now: most lines are no name
                // over a stamp.)
                match before.and_then(name) {
                    Some(n) => Some(Line::Header(n)),
                    None => {
                        stamped = true;
                        continue;
                    }
                }
            }
            None => {
                stamped = false;
                named = Some(l);
                None
            }
            line => {
                stamped = false;
                line
            }
        };
        match line {
            Some(Line::Message(_)) => {
                messages += 1;
                framed += 1;
                under = false;
            }
            Some(Line::Client | Line::Dated(_)) => {
                framed += 1;
                under = false;
            }
            Some(Line::Header(name)) => {
                headers += 1;
                covered += 1;
                under = true;
                if names.contains(&name) {
                    again = true;
                } else if names.len() < 32 {
                    names.push(name);
                }
            }
            None if under => covered += 1,
            None => {}
        }
    }
    let inline = messages;
    if headers >= 3 && again {
        messages += headers;
        framed += covered;
    }
    (messages >= 3 && framed * 2 >= all).then_some(if inline < 3 && headers >= 3 {
        Frames::Alone
    } else {
        Frames::Inline
    })
}

/// Blanks the lines of a channel copied from the screen that are the app's own
/// ([`is_chrome`]): the frames alone on their lines, a time stamp alone and the author's
/// name on the line under it (as iMessage exports a conversation), and a reaction to an
/// earlier message, which quotes it whole after a verb (`Loved “see you at 9”`,
/// `Laughed at “…”`, `A aimé « … »`).
pub(crate) fn blank_chrome(lines: &mut [(u32, &str)]) {
    let mut said: std::collections::HashSet<&str, foldhash::fast::FixedState> = Default::default();
    let mut stamped = false;
    let social = lines.iter().filter(|(_, l)| handle(l).is_some()).count() >= 3;
    // In a social thread: whether the line before was an author's handle, and whether
    // a post's text has ended on its counts or its date.
    let (mut handled, mut tail) = (false, false);
    for k in 0..lines.len() {
        if social && social_chrome(lines, k, &mut handled, &mut tail) {
            lines[k].1 = "";
            continue;
        }
        let l: &str = lines[k].1;
        let t = l.trim();
        if t.is_empty() {
            stamped = false;
            continue;
        }
        let name_under_stamp = std::mem::take(&mut stamped) && read(l).is_none() && name(l).is_some();
        if is_chrome(l) || name_under_stamp || reaction(t).is_some_and(|q| said.contains(q.trim())) {
            lines[k].1 = "";
        } else if read(l).is_none() && stamp(l) {
            stamped = true;
            lines[k].1 = "";
            // (The author's name right above it: `Mina Kowalski` / `9:58 AM`.)
            if let Some(above) = k.checked_sub(1).filter(|&j| read(lines[j].1).is_none() && name(lines[j].1).is_some())
            {
                lines[above].1 = "";
            }
        } else {
            said.insert(t);
        }
    }
}

/// Whether line `k` of a thread copied from a social network's page is the app's own
/// ([`handle`]): an author's handle, the display name above it, the date after it
/// (`· 19 de out.`), and, once a post's text has ended on its counts (`3`, `9 reposts 2
/// quotes 57 likes`) or its full date (`19 de outubro de 2024 às 09:04`), the buttons
/// and counts up to the next author (`Reply`, `Responder`, `Everybody can reply`).
fn social_chrome(lines: &mut [(u32, &str)], k: usize, handled: &mut bool, tail: &mut bool) -> bool {
    let t = lines[k].1.trim();
    if t.is_empty() {
        return false;
    }
    if handle(t).is_some() {
        let above = (0..k).rev().find(|&j| !lines[j].1.trim().is_empty());
        if let Some(j) = above.filter(|&j| display_name(lines[j].1)) {
            lines[j].1 = "";
        }
        (*handled, *tail) = (true, false);
        return true;
    }
    if std::mem::take(handled) && t.starts_with('·') {
        *handled = true;
        return true;
    }
    if counts(t) || has_time(t) && t.len() <= 48 && t.split(|c: char| !c.is_ascii_digit()).any(|w| w.len() == 4) {
        *tail = true;
    }
    *tail
}

/// A social network's handle alone on its line, as Bluesky, X, Threads or Mastodon put
/// it under the author's name (`@camirezende.bsky.social`, `@mina@hachyderm.io`,
/// `@mina · 2h`).
fn handle(line: &str) -> Option<&str> {
    let t = line.trim_start();
    if !t.starts_with('@') {
        return None;
    }
    let t = t.trim_end();
    let h = t.split_once(" ·").map_or(t, |(h, _)| h).trim_end();
    let rest = h.strip_prefix('@')?;
    (rest.len() <= 64 && handle_shaped(rest)).then_some(h)
}

/// Whether `name` (a handle without its `@`) is shaped as one: a user of two characters
/// or more (ASCII letters, digits, `_`, `.`, `-`), perhaps its server after an `@`
/// (`mina@hachyderm.io`, with a dot).
pub(crate) fn handle_shaped(name: &str) -> bool {
    let (user, host) = name.split_once('@').unwrap_or((name, "x.y"));
    let word = |t: &str| t.bytes().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'-'));
    user.len() >= 2
        && user.starts_with(|c: char| c.is_ascii_alphanumeric())
        && word(user)
        && word(host)
        && host.contains('.')
}

/// Whether a line above a handle is its author's display name: a few words with no
/// sentence's end (`Camila Rezende 🐍`).
fn display_name(line: &str) -> bool {
    let t = line.trim();
    t.len() <= 64
        && t.split_whitespace().count() <= 6
        && !t.ends_with(['.', '!', '?', ':', ',', ';'])
        && !t.contains(['"', '“', '«'])
        && t.chars().any(char::is_alphabetic)
}

/// Whether a line is a post's counts: numbers (`3`, `1.2K`, `1,2 mil`), each followed
/// by at most two words (`9 repostagens 2 citações 57 curtidas`).
pub(crate) fn counts(t: &str) -> bool {
    let number = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_digit())
            && w.trim_end_matches(['K', 'k', 'M']).chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    };
    let mut words = t.split_whitespace();
    let (mut since, mut all) = (0, 0);
    if !words.clone().next().is_some_and(number) {
        return false;
    }
    for w in &mut words {
        all += 1;
        if number(w) {
            since = 0;
        } else if w.chars().all(char::is_alphabetic) && since < 2 {
            since += 1;
        } else {
            return false;
        }
    }
    all <= 12
}

/// The message a reaction quotes (`Loved “see you at 9”`): one to three words with no
/// digit, then a whole text in quotes.
fn reaction(t: &str) -> Option<&str> {
    let open = t.find(['“', '"', '«', '„'])?;
    let verb = t[..open].trim();
    let words = verb.split_whitespace().count();
    if !(1..=3).contains(&words) || !verb.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '\'') {
        return None;
    }
    let quoted = t[open..].trim_start_matches(['“', '"', '«', '„']);
    let inner = quoted.strip_suffix(['”', '"', '»', '“'])?;
    (!inner.trim().is_empty()).then_some(inner)
}

/// Whether a line is a time stamp alone: a time with seconds or `AM`/`PM`, or a date
/// and a time (`Sep 23, 2024  8:52:07 AM`, `23/09/2024 08:52`). A bare `09:00` alone is
/// a schedule's as often, and is none.
fn stamp(line: &str) -> bool {
    let t = line.trim();
    if t.len() > 40
        || !t.ends_with(|c: char| c.is_ascii_digit() || matches!(c, 'M' | 'm'))
        || !t.starts_with(|c: char| c.is_ascii_alphanumeric())
        || !t.contains(':')
    {
        return false;
    }
    let s = t.split_whitespace().collect::<Vec<_>>().join(" ");
    let Some((end, dated)) = time_end(&s) else { return false };
    let seconds = s.bytes().filter(|&c| c == b':').count() >= 2;
    let ampm = s.ends_with('M') || s.ends_with('m');
    end == s.len() && (dated || seconds || ampm)
}

/// Whether a line of a channel copied from the screen is the app's own, not a message:
/// an author's frame alone on its line (`mina — Today at 09:12`), the mark of an
/// edited message alone (`(edited)`), or a channel's name alone, as Slack heads a
/// thread copied with it (`#pycon-2024`).
pub(crate) fn is_chrome(line: &str) -> bool {
    let t = line.trim();
    let channel = t.strip_prefix('#').is_some_and(|c| {
        c.starts_with(|c: char| c.is_alphanumeric()) && !c.contains(char::is_whitespace) && !c.contains('#')
    });
    // (Zulip's stream and topic over a topic's messages: `#conferences > EP24 talk`.)
    let topic = t.starts_with('#') && t.contains(" > ");
    channel
        || topic
        || t == "(edited)"
        || t == "(modifié)"
        || t == "(bearbeitet)"
        || t.eq_ignore_ascii_case("edited")
        || reactions(t)
        || matches!(read(line), Some(Line::Header(_)))
}

/// Whether a line is only reactions to the message above: pictographs, each with its
/// count (`👍 2`, `👋 2 🎉 1`).
fn reactions(t: &str) -> bool {
    let mut pairs = 0;
    let mut ws = t.split_whitespace();
    while let Some(w) = ws.next() {
        let pictograph = w.chars().all(|c| !c.is_alphanumeric() && !c.is_ascii()) && !w.is_empty();
        if !pictograph || !ws.next().is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit())) {
            return false;
        }
        pairs += 1;
    }
    pairs >= 1
}

/// A chat transcript's blocks: each message a paragraph, its frame read past; a line
/// of the client's own ends the message above it; a line with no frame continues the
/// message above it (or is a paragraph of its own above the first), except under a
/// frame alone on its line, where each line is a message of its own (a copy of Slack
/// or Discord puts one author's messages in a row under one frame).
pub(crate) fn transcript<'t>(mut out: Builder<'t>, lines: &[(u32, &str)]) -> Blocks<'t> {
    let mut under = false;
    for &(n, l) in lines {
        let t = l.trim();
        match read(l) {
            _ if t.is_empty() => out.blank(),
            Some(Line::Message(m)) => {
                out.blank();
                under = false;
                if !m.trim().is_empty() {
                    out.text(m, n);
                }
            }
            Some(Line::Client) => {
                out.blank();
                under = false;
            }
            Some(Line::Dated(d)) => {
                out.blank();
                out.text(d, n);
                out.blank();
                under = false;
            }
            Some(Line::Header(_)) => {
                out.blank();
                under = true;
            }
            None => {
                if under {
                    out.blank();
                }
                out.text(t, n);
            }
        }
    }
    out.finish()
}

/// Reads a line of a transcript: a framed message, a line of the client's own, a frame
/// alone, or `None` (no frame: a message's continuation, or no chat at all).
pub(crate) fn read(line: &str) -> Option<Line<'_>> {
    framed(line).or_else(|| header(line).map(Line::Header))
}

/// A line that opens with a frame ([`read`]).
fn framed(line: &str) -> Option<Line<'_>> {
    let b = line.as_bytes();
    // Most lines of most notes open with neither a digit, a bracket, a date's month
    // nor a log marker: one look at the first byte sends them away.
    match b.first()? {
        b'0'..=b'9' | b'[' => {}
        b'-' | b'*' => return log_marker(line),
        c if c.is_ascii_uppercase() => {}
        _ => return None,
    }
    // The time, in brackets or not, maybe after a date.
    // A time without brackets is a schedule's as often as a chat's (`09:00 Keynote:
    // Title`): it frames a message only before a nick as IRC clients write it, or as
    // WhatsApp writes it, after a date and before ` - Name:`.
    let (after_time, strong, dashed) = if b[0] == b'[' {
        let close = line.find(']')?;
        if !has_time(&line[1..close]) {
            return None;
        }
        (close + 1, true, false)
    } else {
        let (end, dated) = time_end(line)?;
        match line[end..].strip_prefix(" -") {
            Some(_) if dated => (end + 2, true, true),
            _ => (end, false, false),
        }
    };
    let rest = &line[after_time..];
    let lead = rest.len() - rest.trim_start().len();
    if lead == 0 {
        return None;
    }
    let at = after_time + lead;
    let rest = &line[at..];
    let seconds = line.as_bytes()[..after_time].iter().filter(|&&c| c == b':').count() >= 2;
    if let Some(l) = irc(rest, seconds) {
        return Some(l);
    }
    if rest.starts_with("-!-") || rest.starts_with("***") || rest.starts_with("=!=") {
        return Some(client(rest));
    }
    if !strong {
        return None;
    }
    let Some(colon) = rest.find(": ") else {
        // After a dated frame and its dash, a line with no colon is the client's own
        // (`… - Mina invited Raj`, `… - Raj joined the room`).
        return name(rest).map(Line::Header).or(dashed.then_some(Line::Client));
    };
    let author = &rest[..colon];
    let words = author.split_whitespace().count();
    if !(1..=3).contains(&words) || author.contains(['"', '“', '(', '[']) {
        return None;
    }
    Some(Line::Message(rest[colon + 1..].trim_start()))
}

/// The nick frames of IRC clients, after the time: `<nick>`, `< nick>`, `<@nick>`
/// (irssi, HexChat), `@nick | text` (WeeChat's screen), `nick<TAB>text` (WeeChat's
/// log, where the client's own lines put `-->`, `<--`, `--` or `*` in the nick's
/// column), `* nick text` (an action).
///
/// WeeChat's bar comes only after a time with seconds, as WeeChat writes it: a
/// schedule's `09:00 Keynote | Title` is no message.
fn irc(rest: &str, seconds: bool) -> Option<Line<'_>> {
    if rest.starts_with("-->") || rest.starts_with("<--") {
        return Some(client(rest));
    }
    if let Some(nick) = rest.strip_prefix('<') {
        let close = nick.find('>')?;
        let name = nick[..close].trim_start_matches([' ', '@', '+', '%', '~', '&']);
        if name.is_empty() || name.contains(' ') {
            return None;
        }
        return Some(Line::Message(nick[close + 1..].trim_start()));
    }
    if let Some((nick, text)) = rest.split_once('\t') {
        return Some(match nick.trim() {
            "-->" | "<--" | "--" | "=!=" => client(text),
            "*" => action(text),
            n if !n.is_empty() && !n.contains(' ') => Line::Message(text.trim_start()),
            _ => return None,
        });
    }
    if let Some(text) = rest.strip_prefix("* ") {
        return Some(action(text));
    }
    // WeeChat: one word, a bar.
    let bar = rest.find(" | ")?;
    (seconds && bar > 0 && !rest[..bar].contains(' ')).then(|| Line::Message(rest[bar + 3..].trim_start()))
}

/// An action (`nick waves`): its text after the nick, or the client's own line as
/// HexChat writes it (`* mina has joined`, `* Topic for #chan is: …`).
fn action(text: &str) -> Line<'_> {
    let text = text.trim_start();
    const CLIENT: &[&str] =
        &[" has joined", " has quit", " has left", " is now known as", " sets mode", " has changed"];
    if CLIENT.iter().any(|c| text.contains(c)) || text.contains("opic") {
        return client(text);
    }
    match text.split_once(' ') {
        Some((_, said)) => Line::Message(said.trim_start()),
        None => Line::Client,
    }
}

/// A line of the client's own: a topic change or the topic shown on joining is a
/// message (the new topic); any other is no note.
fn client(text: &str) -> Line<'_> {
    let Some(t) = text.find("opic") else { return Line::Client };
    let after = &text[t..];
    // WeeChat: `… changed topic for #chan from "old" to "new"`.
    if let Some(k) = after.rfind(" to \"") {
        return Line::Message(after[k + 5..].trim_end().trim_end_matches('"'));
    }
    match after.find(": ") {
        Some(k) => Line::Message(after[k + 2..].trim_start()),
        None => Line::Client,
    }
}

/// A frame alone on its line, the time at its end (`Mina Kowalski  9:12 AM`, `Mina —
/// Today at 09:12`, `Raj — 15/11/2025 09:43`): the author's name. A name and a time
/// with one blank between (`Lunch 12:30`) is a schedule's as often: it takes `AM`/`PM`,
/// a date, a day (`Today at`) or a dash, or two blanks or a tab, as chats copy it.
fn header(line: &str) -> Option<&str> {
    let t = line.trim_end();
    if !t.ends_with(|c: char| c.is_ascii_digit() || c == 'M' || c == 'm') {
        return None;
    }
    let s = [" AM", " PM", " am", " pm"].iter().find_map(|x| t.strip_suffix(x));
    let (s, mut strong) = match s {
        Some(s) => (s, true),
        None => (t, false),
    };
    let tail = s.bytes().rev().take_while(|c| c.is_ascii_digit() || *c == b':').count();
    let time = &s[s.len() - tail..];
    if !(4..=8).contains(&tail) || !has_time(time) || !time.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let before = &s[..s.len() - tail];
    let mut head = before.trim_end();
    let blanks = &before[head.len()..];
    if blanks.is_empty() {
        return None;
    }
    strong |= blanks.len() >= 2 || blanks.contains('\t');
    for day in ["Today at", "Yesterday at", "today at", "yesterday at"] {
        if let Some(h) = head.strip_suffix(day) {
            (head, strong) = (h.trim_end(), true);
        }
    }
    if let Some((h, d)) = head.rsplit_once(' ') {
        if d.len() >= 6 && d.bytes().all(|c| c.is_ascii_digit() || matches!(c, b'/' | b'.' | b'-' | b',')) {
            (head, strong) = (h.trim_end(), true);
        }
    }
    if let Some(h) = head.strip_suffix(['—', '–', '-', '|']) {
        (head, strong) = (h.trim_end(), true);
    }
    if !strong {
        return None;
    }
    name(head)
}

/// An author's name as a frame gives it alone: one word (a nick, `mina.k`), or two to
/// four capitalised words (`Mina Kowalski`; `Lunch at` is no name).
fn name(s: &str) -> Option<&str> {
    let s = s.trim();
    let words = s.split_whitespace().count();
    let fine = s.starts_with(|c: char| c.is_alphabetic() || c == '@')
        && !s.contains([':', '"', '“', '(', '[', '<', '|'])
        && match words {
            1 => true,
            // (A particle inside a name: `Sanne de Vries`, `Ruben van 't Hof`.)
            2..=5 => s.split_whitespace().enumerate().all(|(i, w)| {
                w.starts_with(char::is_uppercase) || i > 0 && i + 1 < words && crate::notes::names::is_particle(w)
            }),
            _ => false,
        };
    fine.then_some(s)
}

/// A log's own line with no time (irssi's `--- Log opened …`, `--- Day changed …`,
/// XChat's `**** BEGIN LOGGING AT …`): the opening and a day's change date what
/// follows.
fn log_marker(line: &str) -> Option<Line<'_>> {
    for m in ["--- Log opened", "--- Day changed", "**** BEGIN LOGGING AT"] {
        if line.starts_with(m) {
            return Some(Line::Dated(line.trim_start_matches(['-', '*', ' ']).trim_end()));
        }
    }
    ["--- Log closed", "**** ENDING LOGGING"].iter().any(|m| line.starts_with(m)).then_some(Line::Client)
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
/// `9:12 AM`, `21/09/2024, 09:12`, `2024-09-21 09:12:33`, `Nov 15 09:12:33`), and
/// whether a date came first.
fn time_end(line: &str) -> Option<(usize, bool)> {
    let b = line.as_bytes();
    let mut i = 0;
    let mut dated = false;
    // A date first: digits and `/`, `.`, `-`, then `, ` or ` `; or a date written in
    // words (`Nov 15 `, as HexChat writes it; `Thu, Jul 11 2024, `, as Element exports
    // it; `Tuesday 9 July 2024 `).
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
    } else if b[0].is_ascii_alphabetic() {
        (i, dated) = worded_date(b)?;
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

/// A date in words before a frame's time (see [`time_end`]): where the time starts,
/// and whether the date has a year. Two to five words, each a name of three to nine
/// letters (a day, a month) or a number of one to four digits, maybe closed by `,` or
/// `.`; one number at least and one name.
fn worded_date(b: &[u8]) -> Option<(usize, bool)> {
    let (mut i, mut words, mut names, mut numbers, mut year) = (0, 0, 0, 0, false);
    loop {
        let letters = b[i..].iter().take_while(|c| c.is_ascii_alphabetic()).count();
        let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        let n = letters.max(digits);
        // The time: digits and a colon.
        if digits > 0 && b.get(i + digits) == Some(&b':') {
            break;
        }
        if !(letters > 0 && (3..=9).contains(&letters) || digits > 0 && digits <= 4) || words == 5 {
            return None;
        }
        names += usize::from(letters > 0);
        numbers += usize::from(digits > 0);
        year |= digits == 4;
        words += 1;
        i += n;
        if matches!(b.get(i), Some(b',' | b'.')) {
            i += 1;
        }
        if b.get(i) != Some(&b' ') {
            return None;
        }
        i += 1;
    }
    (words >= 2 && names >= 1 && numbers >= 1).then_some((i, year))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(line: &str) -> Option<&str> {
        match read(line)? {
            Line::Message(m) => Some(m),
            Line::Client | Line::Header(_) | Line::Dated(_) => None,
        }
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
    fn irc_nick_frames() {
        // irssi, its nick's mode or a blank for none; HexChat with a month's date.
        assert_eq!(msg("09:02 < kestrel> morning"), Some("morning"));
        assert_eq!(msg("09:04 <@m0rgana> first up: X"), Some("first up: X"));
        assert_eq!(msg("09:04 <+voiced> hi"), Some("hi"));
        assert_eq!(msg("Nov 15 09:04:11 <mina> hi"), Some("hi"));
        // Element's export: a date in words, a dash, the author; its events are no notes.
        assert_eq!(msg("Thu, Jul 11 2024, 09:02:11 - Priya R: keynote starting"), Some("keynote starting"));
        assert_eq!(read("Thu, Jul 11 2024, 08:31:40 - Priya R invited seun"), Some(Line::Client));
        assert_eq!(msg("Day 2 09:00 - Opening: welcome"), None);
        // Teams: the author's frame alone, a particle in the name.
        assert_eq!(read("[08:58] Sanne de Vries"), Some(Line::Header("Sanne de Vries")));
        assert_eq!(msg("<mina> hi"), None);
        assert_eq!(msg("09:04 <two words> hi"), None);
    }

    #[test]
    fn weechat_frames() {
        assert_eq!(msg("09:02:11 @mina | next up: X"), Some("next up: X"));
        assert_eq!(msg("2025-11-15 09:02:11\tmina\tnext up: X"), Some("next up: X"));
        assert_eq!(read("2025-11-15 09:02:11\t-->\tmina (~m@h) has joined #c"), Some(Line::Client));
        assert_eq!(read("2025-11-15 09:02:11\t<--\tmina (~m@h) has quit"), Some(Line::Client));
        assert_eq!(msg("2025-11-15 09:02:11\t *\tmina waves"), Some("waves"));
        // A schedule's bar, after a time without seconds, is no frame.
        assert_eq!(msg("09:00 Keynote | Ana Ruiz"), None);
    }

    #[test]
    fn a_channels_name_alone_is_chrome() {
        assert!(is_chrome("#pycon-2024"));
        assert!(is_chrome("Mina Kowalski  9:12 AM"));
        assert!(!is_chrome("# Notes"));
        assert!(!is_chrome("#1 tip"));
    }

    #[test]
    fn the_clients_own_lines() {
        for l in [
            "08:58 -!- kestrel [~k@vpn.example.net] has joined #talks",
            "10:15 -!- Netsplit *.libera.chat <-> *.example.net quits: zuz",
            "[09:00] * mina has joined #talks",
            "--- Log closed Sat Nov 15 15:10:02 2025",
            "**** ENDING LOGGING AT Sat Nov 15 15:10:02 2025",
        ] {
            assert_eq!(read(l), Some(Line::Client), "{l}");
        }
        // The log's opening and a day's change date what follows.
        assert_eq!(
            read("--- Log opened Sat Nov 15 08:58:40 2025"),
            Some(Line::Dated("Log opened Sat Nov 15 08:58:40 2025"))
        );
        assert_eq!(read("--- Day changed Sun Nov 16 2025"), Some(Line::Dated("Day changed Sun Nov 16 2025")));
        assert_eq!(
            read("**** BEGIN LOGGING AT Sat Nov 15 08:58:40 2025"),
            Some(Line::Dated("BEGIN LOGGING AT Sat Nov 15 08:58:40 2025"))
        );
        // Lines that only look like them.
        assert_eq!(read("--- notes ---"), None);
        assert_eq!(read("- Log opened the door"), None);
    }

    #[test]
    fn actions_and_topics() {
        assert_eq!(msg("09:13  * oskr still stuck in the coffee line"), Some("still stuck in the coffee line"));
        assert_eq!(msg("09:13 * oskr"), None);
        let irssi = "11:00 -!- m0rgana changed the topic of #bsides to: Track 1 now: Title by Ana Ruiz";
        assert_eq!(msg(irssi), Some("Track 1 now: Title by Ana Ruiz"));
        assert_eq!(
            msg("08:59 -!- Topic for #bsides: BSides Vienna 2025 | Track 1"),
            Some("BSides Vienna 2025 | Track 1")
        );
        let weechat = "2025-11-15 11:00:00\t--\tmina has changed topic for #c from \"old\" to \"Now: Title\"";
        assert_eq!(msg(weechat), Some("Now: Title"));
        assert_eq!(msg("[11:00] * mina has changed the topic to: Now: Title"), Some("Now: Title"));
    }

    #[test]
    fn a_transcript_is_messages_on_their_lines() {
        let text = "--- Log opened Sat Nov 15 08:58:40 2025\n08:58 -!- k [~k@h] has joined #c\n09:02 < k> first\n  more of it\n09:03  * o waves\n09:04 <@m> second\n";
        let lines: Vec<(u32, &str)> = super::super::numbered(text).collect();
        assert!(is_transcript(lines.iter().map(|&(_, l)| l)));
        let blocks = transcript(Builder::default(), &lines);
        let paras: Vec<(u32, u32, &str)> = blocks
            .blocks
            .iter()
            .map(|b| match &b.kind {
                crate::notes::document::BlockKind::Paragraph { text } => (b.line, b.end, text.as_ref()),
                k => panic!("{k:?}"),
            })
            .collect();
        assert_eq!(
            paras,
            [
                (1, 1, "Log opened Sat Nov 15 08:58:40 2025"),
                (3, 4, "first\nmore of it"),
                (5, 5, "waves"),
                (6, 6, "second")
            ]
        );
    }

    #[test]
    fn a_log_from_its_first_line_is_no_header() {
        // Each line's time has a colon, as a header field would (`09: 02:11 …`).
        let text = "09:02:11 @bot | next up: A\n09:05:04 ana | x\n09:07:05 bob | y\n";
        let blocks = super::super::plain::parse(text);
        assert_eq!(blocks.blocks.len(), 3);
        assert!(blocks.blocks.iter().all(|b| matches!(b.kind, crate::notes::document::BlockKind::Paragraph { .. })));
    }

    #[test]
    fn frames_alone_on_their_line() {
        assert_eq!(read("Mina Kowalski  9:12 AM"), Some(Line::Header("Mina Kowalski")));
        assert_eq!(read("Mina Kowalski 9:12 AM"), Some(Line::Header("Mina Kowalski")));
        assert_eq!(read("Mina — Today at 09:12"), Some(Line::Header("Mina")));
        assert_eq!(read("raj — 15/11/2025 09:43"), Some(Line::Header("raj")));
        assert_eq!(read("[09:12] Mina Kowalski"), Some(Line::Header("Mina Kowalski")));
        // A schedule's line, or a message that ends with a time.
        assert_eq!(read("Lunch 12:30"), None);
        assert_eq!(read("see you at 1:30 PM"), None);
        assert_eq!(read("Keynote: Ana Ruiz  09:30"), None);
    }

    #[test]
    fn an_imessage_export_stamps_each_message_above_its_author() {
        let chat = "Sep 23, 2024  8:52:07 AM\nJess Alvarado\nok im in\n\nSep 23, 2024  9:14:02 AM\nMe\nfirst one is \"Boring Django\" Ada Nwachukwu\n\nSep 23, 2024  9:15:00 AM\nJess Alvarado\nLoved “first one is \"Boring Django\" Ada Nwachukwu”\n\nSep 23, 2024  9:16:40 AM\nJess Alvarado\nwait what\n";
        assert_eq!(frames(chat.lines()), Some(Frames::Alone));
        let mut lines: Vec<(u32, &str)> = super::super::numbered(chat).collect();
        blank_chrome(&mut lines);
        let kept: Vec<u32> = lines.iter().filter(|(_, l)| !l.is_empty()).map(|&(n, _)| n).collect();
        // The stamps, the authors' names and the reaction quoting a message are gone.
        assert_eq!(kept, [3, 7, 15]);
        assert!(stamp("10:42 AM") && stamp("23/09/2024 08:52") && stamp("2024-09-23 08:52:07"));
        assert!(!stamp("09:00") && !stamp("Lunch 12:30") && !stamp("see you at 10:42 AM"));
        assert_eq!(reaction("Laughed at “the slide”"), Some("the slide"));
        assert_eq!(reaction("she said “no” twice"), None);
    }

    #[test]
    fn a_copied_channel_is_a_transcript_when_its_people_write_again() {
        let chat =
            "Mina Kowalski  9:12 AM\nnext up: A\nnotes\nRaj  9:15 AM\nmore\nMina Kowalski  9:41 AM\nnext up: B\n";
        assert!(is_transcript(chat.lines()));
        let lines: Vec<(u32, &str)> = super::super::numbered(chat).collect();
        let starts: Vec<u32> = transcript(Builder::default(), &lines).blocks.iter().map(|b| b.line).collect();
        assert_eq!(starts, [2, 3, 5, 7]);
        // A schedule whose slots have times alone on a line names no one twice.
        let schedule = "Opening  09:00\nwelcome\nKeynote  09:30\nAna Ruiz\nLunch  12:30\n";
        assert!(!is_transcript(schedule.lines()));
    }

    /// The talks the detector finds in a chat `text`: their lines, titles and people.
    fn talks(text: &str) -> Vec<(u32, String, Vec<String>)> {
        crate::notes::talks::tests::speakers_as(text, crate::notes::document::Markup::Plain)
    }

    #[test]
    fn announcements_in_a_chat_are_talks() {
        let text = "--- Log opened Sat Nov 15 08:58:40 2025\n\
            09:01 < ana> morning\n\
            09:04 <@op> first up: Elif Yıldırım-Baumann, \"Fuzzing firmware you can't flash\"\n\
            09:06 < ana> AFL++ in QEMU mode\n\
            09:41 <@op> next: Thabo Nkosi - Detection as code with Sigma and YARA\n\
            09:43 < ana> sigma rules in a git repo\n\
            14:20 <@op> last talk on this track: Lars-Erik van der Meer, \"From nmap to nuclei: recon at scale\"\n\
            14:22 < ana> nmap for the small stuff\n";
        let found = talks(text);
        let want = [
            (3, "Fuzzing firmware you can't flash", "Elif Yıldırım-Baumann"),
            (5, "Detection as code with Sigma and YARA", "Thabo Nkosi"),
            (7, "From nmap to nuclei: recon at scale", "Lars-Erik van der Meer"),
        ];
        assert_eq!(found.len(), want.len(), "{found:?}");
        for ((line, title, people), (l, t, p)) in found.iter().zip(want) {
            assert_eq!((*line, title.as_str(), people.as_slice()), (l, t, &[p.to_string()][..]));
        }
        // A word of sequence alone before a colon names no talk without a person.
        assert!(talks("09:01 <a> hi\n09:02 <b> next: lunch - then coffee\n09:03 <a> ok\n")
            .iter()
            .all(|t| t.2.is_empty()));
    }

    #[test]
    fn a_forum_thread_copied_from_discord_is_read_as_notes() {
        // One reply per talk under its author's frame, a title in bold over `speaker:`,
        // `by`, `facilitated by` or a name alone; replies, reactions and `(edited)` between.
        let text = "Forum post by kasia.w — 28/05/2025 09:12\n\n\
            kasia.w — 28/05/2025 10:47\n**Supply chain, signed**\nspeaker: Efua Mensah-Larbi (Chainguard)\n- cosign keyless\n\n\
            dmitri_p — 28/05/2025 11:30\n> Supply chain, signed\ndid she mention in-toto?\n\n\
            dmitri_p — Today at 12:05\n**SAST that devs don't mute**\nJoaquín Ibarra-Zubiri & Lena Hoffmann\nsemgrep rules\n(edited)\n\n\
            nour.h Yesterday at 2:20 PM\n**Breaking OAuth flows in mobile apps**\nby Siddharth Iyer\n- PKCE missing\n\n\
            kasia.w — 28/05/2025 16:02\n**Threat modeling in 45 minutes (workshop)**\nfacilitated by Aoife Ní Bhriain and Tobias Grünewald\nSTRIDE cards\n👍 3\n";
        assert_eq!(frames(text.lines()), Some(Frames::Alone));
        let found = talks(text);
        let want: [(u32, &[&str]); 4] = [
            (4, &["Efua Mensah-Larbi"]),
            (13, &["Joaquín Ibarra-Zubiri", "Lena Hoffmann"]),
            (19, &["Siddharth Iyer"]),
            (24, &["Aoife Ní Bhriain", "Tobias Grünewald"]),
        ];
        assert_eq!(found.len(), want.len(), "{found:?}");
        for ((line, _, people), (l, p)) in found.iter().zip(want) {
            assert_eq!((*line, people.iter().map(String::as_str).collect::<Vec<_>>()), (l, p.to_vec()));
        }
        // The frames are breaks: no paragraph holds one.
        let blocks = super::super::plain::parse(text);
        assert!(blocks.blocks.iter().all(|b| !matches!(&b.kind,
            crate::notes::document::BlockKind::Paragraph { text } if text.contains("28/05/2025 1"))));
    }

    #[test]
    fn a_social_thread_copied_from_the_page_keeps_only_the_posts() {
        // Bluesky's page: the author's name over the handle, the date after a dot, the
        // post, then its counts and buttons; a reply from someone else between posts.
        let text = "Post\n\nAna Ruiz 🐍\n@anaruiz.bsky.social\n1/4 🧵 thread from #DevConf2026!\n\
            14 de abril de 2026 às 09:04\nTodos podem responder\n9 repostagens 2 citações 57 curtidas\nResponder\n\
            Ana Ruiz 🐍\n@anaruiz.bsky.social\n· 14 de abr.\n2/4 Agora \"Rust no kernel\" com a Marta Okabe. Ela mostrou Asahi\n3\n14\n62\nResponder\n\
            Tom Berg\n@tberg.dev\n· 14 de abr.\nboa thread!\n1\n\
            Ana Ruiz 🐍\n@anaruiz.bsky.social\n· 14 de abr.\n3/4 Próxima: \"eBPF sem medo\" do @joao.dev, com bpftrace\n2\n7\n44\nResponder\n";
        assert_eq!(frames(text.lines()), Some(Frames::Alone));
        let mut lines: Vec<(u32, &str)> = super::super::numbered(text).collect();
        blank_chrome(&mut lines);
        let kept: Vec<u32> = lines.iter().filter(|(_, l)| !l.is_empty()).map(|&(n, _)| n).collect();
        assert_eq!(kept, [1, 5, 13, 21, 26]);
        let found = talks(text);
        let got: Vec<(&str, &[String])> = found.iter().map(|t| (t.1.as_str(), &t.2[..])).collect();
        assert_eq!(
            got,
            [("Rust no kernel", &["Marta Okabe".to_string()][..]), ("eBPF sem medo", &["@joao.dev".to_string()][..])]
        );
        assert!(counts("1,2 mil") && counts("3") && !counts("2 comandos e pronto"));
        assert_eq!(handle("@mina@hachyderm.io · 2h"), Some("@mina@hachyderm.io"));
        assert_eq!(handle("@ ok"), None);
    }

    #[test]
    fn a_zulip_topic_copied_from_the_page() {
        // The stream and topic, the day, the author's name over the stamp, then a stamp
        // alone for each further message of the same author; reactions with counts.
        let text = "#conferences > DC26 typing talk\nWed, Jul 10\nMina Kowalski\n9:58 AM\nmorning all\n👋 2\n\
            10:42 AM\n\"Typing the untypable\" by Ana Ruiz\n- PEP 544\nTom Berg\n10:53 AM\ndid she mention mypy?\n\
            Mina Kowalski\n10:55 AM\nEDITED\nyes, and pyright\n👍 1 🎉 2\n";
        assert_eq!(frames(text.lines()), Some(Frames::Alone));
        let mut lines: Vec<(u32, &str)> = super::super::numbered(text).collect();
        blank_chrome(&mut lines);
        let kept: Vec<u32> = lines.iter().filter(|(_, l)| !l.is_empty()).map(|&(n, _)| n).collect();
        assert_eq!(kept, [2, 5, 8, 9, 12, 16]);
        assert!(reactions("👍 1 🎉 2") && !reactions("👍 nice") && !reactions("3 2"));
    }

    #[test]
    fn a_transcript_is_mostly_framed_lines() {
        let chat = "channel\n[09:12] a: x\n[09:13] b: y\n[09:14] a: z\n";
        assert!(is_transcript(chat.lines()));
        let notes = "09:00 Opening: hello\n\nprose\nmore prose\nand more\nmore\n";
        assert!(!is_transcript(notes.lines()));
    }
}
