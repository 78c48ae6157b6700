//! The people of a title line: `Title (Name)`, `Title by Name`, `Title - Name`,
//! `Name — Title`, with the separators found in one backward pass.

use super::*;

/// Splits the people off a title: `Title (Name)`, `Title by Name`, `Title - Name`.
/// `dash`: a lead-in line or a list item, where the part after a dash or in the
/// parentheses can only be names, in any case. Otherwise (a heading, prose) a subtitle
/// may stand there as well: names in lower case count when their words are unusual
/// ([`names::Case::Unusual`]), and with `by` (a heading) so does what follows a dash.
pub(super) fn title_and_people(s: &str, labels: &Labels, by: bool, dash: bool) -> (String, Vec<(String, Role)>) {
    match split_people(s, labels, by, dash) {
        Some((title, people)) => (clean_title(title), people),
        None => (clean_title(s.trim()), Vec::new()),
    }
}

/// `NAME „Title”`: a capitalised name, then a title in quotes that ends the line
/// (`Zofia Grzybowska „Python in the Age of Agents”`), as a post lists its talks.
pub(super) fn name_then_quoted<'s>(s: &'s str, labels: &Labels) -> Option<(&'s str, Vec<(String, Role)>)> {
    let s = s.trim();
    // (The end first: most lines end on no quote, and are asked nothing more.)
    if !s.trim_end_matches(['.', ',', ';', '!']).ends_with(['”', '"', '“', '»']) {
        return None;
    }
    let open = s.find(['„', '“', '"', '«'])?;
    let q = s[open..].chars().next()?;
    let close = match q {
        '„' => ['”', '“'],
        '«' => ['»', '»'],
        _ => ['”', '"'],
    };
    let inner = &s[open + q.len_utf8()..];
    let end = inner.rfind(close)?;
    let after = inner[end..].chars().skip(1).collect::<String>();
    if !after.trim().chars().all(|c| matches!(c, '.' | ',' | ';' | '!')) || inner[..end].trim().is_empty() {
        return None;
    }
    let before = s[..open].trim().trim_end_matches([',', ':']).trim_end();
    let people = names::people_as(before, labels, names::Case::Capitalised)?;
    Some((inner[..end].trim(), people))
}

/// Words that put the people after a title: `Title by NAME`, `von`, `par`, ...
pub(super) const BY_SEPS: [&str; 9] = [" by ", " By ", " BY ", " von ", " par ", " por ", " di ", " door ", " przez "];
/// Dashes that put the people after a title (`Title — NAME`), and arrows, which phone
/// notes type for one (`Pablo Ortega → Title`).
pub(super) const DASH_SEPS: [&str; 6] = [" — ", " – ", " - ", " -- ", " → ", " -> "];
/// Where the arrows start among [`DASH_SEPS`].
const ARROWS: usize = 4;
/// How many of [`BY_SEPS`] and [`DASH_SEPS`] there are (at most sixteen: a bit each).
pub(super) const SEPS: usize = BY_SEPS.len() + DASH_SEPS.len();

/// Each of [`BY_SEPS`] then [`DASH_SEPS`] as a little-endian word of its bytes, and the
/// mask of those bytes (every separator has eight bytes at most).
const SEP_WORDS: [(u64, u64); SEPS] = {
    let mut out = [(0, 0); SEPS];
    let mut k = 0;
    while k < out.len() {
        let sep = if k < BY_SEPS.len() { BY_SEPS[k] } else { DASH_SEPS[k - BY_SEPS.len()] }.as_bytes();
        assert!(sep.len() <= 8);
        let mut i = 0;
        while i < sep.len() {
            out[k].0 |= (sep[i] as u64) << (8 * i);
            out[k].1 |= 0xFF << (8 * i);
            i += 1;
        }
        k += 1;
    }
    out
};

/// For each byte, the separators (bits over [`BY_SEPS`] then [`DASH_SEPS`]) that a space
/// followed by it may start.
const SECOND: [u16; 256] = {
    let mut t = [0u16; 256];
    let mut k = 0;
    while k < SEP_WORDS.len() {
        // The second byte of the separator, read from its word.
        t[(SEP_WORDS[k].0 >> 8 & 0xFF) as usize] |= 1 << k;
        k += 1;
    }
    t
};

/// Where each of [`BY_SEPS`] then [`DASH_SEPS`] last starts in `s` (what `s.rfind(sep)`
/// gives), into `last` (all `None` on entry); whether any was found. One pass over the
/// spaces of `s`, eight bytes at a time (a word with a zero byte exactly where `s` has a
/// space); a space is looked at further only when the byte after it is a separator's
/// second (a table gives the separators it may start), and each of those is compared
/// as one masked word with the eight bytes at the space. The words are read from `s`
/// while eight bytes follow the last space of a word, and from a copy of its last
/// bytes padded with zeros (no separator has a zero byte) after that.
///
/// On the 10 MB corpus: thirteen `rfind`s were 600 M instructions, a `memrchr` per
/// space 79 M, a pass with a `match` on the byte after each space and the end read
/// byte by byte 41 M (85,300 calls, most on the first line of a paragraph of prose
/// that has no separator at all), this pass 31 M.
pub(super) fn last_seps(s: &str, last: &mut [Option<usize>; SEPS]) -> bool {
    let b = s.as_bytes();
    let mut any = false;
    let mut base = 0;
    while base + 16 <= b.len() {
        any |= seps_in_word(b, base, 0, last);
        base += 8;
    }
    let mut pad = [0u8; 24];
    let rest = &b[base..];
    pad[..rest.len()].copy_from_slice(rest);
    let mut off = 0;
    while off < rest.len() {
        any |= seps_in_word(&pad, off, base, last);
        off += 8;
    }
    any
}

/// [`last_seps`] for the spaces among the eight bytes of `b` at `at` (`b` has eight
/// more after them), which are at `shift + at` in the text.
#[inline(always)]
fn seps_in_word(b: &[u8], at: usize, shift: usize, last: &mut [Option<usize>; SEPS]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let word = |i: usize| u64::from_le_bytes(b[i..i + 8].try_into().expect("eight bytes"));
    let x = word(at) ^ (ONES * u64::from(b' '));
    // The high bit of each zero byte of `x`, and only of those: the spaces.
    let mut m = !(((x & LOW7) + LOW7) | x | LOW7);
    let mut any = false;
    while m != 0 {
        let i = at + (m.trailing_zeros() / 8) as usize;
        m &= m - 1;
        let mut ks = SECOND[usize::from(b[i + 1])];
        if ks == 0 {
            continue;
        }
        let w = word(i);
        while ks != 0 {
            let k = ks.trailing_zeros() as usize;
            ks &= ks - 1;
            let (sep, mask) = SEP_WORDS[k];
            if w & mask == sep {
                last[k] = Some(shift + i);
                any = true;
            }
        }
    }
    any
}

/// [`title_and_people`] when it finds people: the title as written (to be cleaned) and
/// the people; `None` when it finds none (the whole of `s` is the title).
pub(super) fn split_people<'s>(
    s: &'s str,
    labels: &Labels,
    by: bool,
    dash: bool,
) -> Option<(&'s str, Vec<(String, Role)>)> {
    let s = s.trim();
    if !s.is_ascii() {
        if let Some(found) = corner_quoted(s, labels) {
            return Some(found);
        }
    }
    let case = if dash { names::Case::Any } else { names::Case::Unusual };
    if let Some(open) = s.strip_suffix(')').and_then(|x| x.rfind('(')) {
        let inner = &s[open + 1..s.len() - 1];
        if let Some(p) = names::people_as(inner, labels, case) {
            return Some((&s[..open], p));
        }
    }
    if let Some(found) = at_people(s, labels) {
        return Some(found);
    }
    if !(dash || by) {
        return None;
    }
    let mut last = [None; SEPS];
    if !last_seps(s, &mut last) {
        return None;
    }
    if by {
        for (k, sep) in BY_SEPS.iter().enumerate() {
            if let Some(i) = last[k] {
                // `von`, `di`, `par`, ... are prepositions too (`isole di React solo dove
                // serve`): a name after them is capitalised.
                if k >= 3 && !s[i + sep.len()..].starts_with(char::is_uppercase) {
                    continue;
                }
                if let Some(mut p) = names::people_as(&s[i + sep.len()..], labels, names::Case::Unusual) {
                    // `Title — moderated by A, with B and C`: the verb is not the title's,
                    // and the first named after `moderated by` moderates.
                    let left = s[..i].trim_end();
                    let verb = left.rsplit(char::is_whitespace).next().unwrap_or("");
                    let left = if ["moderated", "presented", "given", "hosted", "led", "chaired"]
                        .contains(&verb.to_lowercase().as_str())
                    {
                        if verb.eq_ignore_ascii_case("moderated") || verb.eq_ignore_ascii_case("chaired") {
                            if let Some(first) = p.first_mut() {
                                first.1 = Role::Moderator;
                            }
                        }
                        left[..left.len() - verb.len()]
                            .trim_end()
                            .trim_end_matches([',', '—', '–', '-', ':'])
                            .trim_end()
                    } else {
                        left
                    };
                    return Some((left, p));
                }
            }
        }
    }
    for (k, sep) in DASH_SEPS.iter().enumerate() {
        if let Some(i) = last[BY_SEPS.len() + k] {
            let (left, right) = (&s[..i], &s[i + sep.len()..]);
            // (An arrow points from the people to the title, never back.)
            if left.trim().is_empty() || k >= ARROWS {
                continue;
            }
            // The talk's kind set apart before the names (`Title — keynote, Ana Ruiz`).
            let right = super::lines::kind_then(labels, right).map_or(right, |(_, r)| r);
            if let Some(p) = names::people_as(right, labels, case).or_else(|| affiliated(right, labels, case)) {
                // Names in any case may follow the dash; but capitalised names before
                // it, and no likely name after it, are the name first.
                if case == names::Case::Any && names::people_as(right, labels, names::Case::Unusual).is_none() {
                    if let Some(named_first) = name_first(s, labels) {
                        return Some(named_first);
                    }
                }
                return Some((left, p));
            }
        }
    }
    if dash && last[BY_SEPS.len()..].iter().any(Option::is_some) {
        // `Title – Name – Company`: the names after the first of two dashes.
        for (k, sep) in DASH_SEPS.iter().enumerate() {
            let Some(last_i) = last[BY_SEPS.len() + k].filter(|_| k < ARROWS) else { continue };
            let Some(i) = search::find(s, sep).filter(|&i| i < last_i && i > 0) else { continue };
            if let Some(p) = affiliated(&s[i + sep.len()..], labels, names::Case::Capitalised) {
                return Some((&s[..i], p));
            }
        }
        return name_first(s, labels);
    }
    None
}

/// `「Title」 Name`, `「Title」（Name）`, `『Title』 — Name`, `「Title」 by Name`: a title
/// in the corner brackets of Japanese (and Chinese), the people after it, in any case
/// but no label (`「Title」 発表資料`). The title is the bracket and what it holds.
fn corner_quoted<'s>(s: &'s str, labels: &Labels) -> Option<(&'s str, Vec<(String, Role)>)> {
    let (open, close) = match s.find('「') {
        Some(i) => (i, '」'),
        None => (s.find('『')?, '』'),
    };
    let inner = open + '「'.len_utf8();
    let end = inner + s[inner..].find(close)? + close.len_utf8();
    let rest = s[end..].trim_start().trim_start_matches([',', ':', '：', '、', '-', '—', '–', '/']).trim_start();
    let rest = rest.strip_prefix("by ").unwrap_or(rest);
    let rest = match rest.strip_prefix(['(', '（']) {
        Some(r) => r.strip_suffix([')', '）'])?,
        None => rest,
    };
    if rest.is_empty() || labels.leading(rest).is_some() {
        return None;
    }
    let people = names::people_as(rest, labels, names::Case::Any)?;
    Some((&s[open..end], people))
}

/// `Title @Ana Ruiz`, `Title @Ana Ruiz, @Tom Berg`, `Panel: Title @Mod: Ana Ruiz`: the
/// people mentioned from the first ` @` (a handle right after it), in any case, marks
/// after them aside (`@Ana Ruiz ⭐`).
fn at_people<'s>(s: &'s str, labels: &Labels) -> Option<(&'s str, Vec<(String, Role)>)> {
    let b = s.as_bytes();
    let i = memchr::memchr_iter(b'@', b).find(|&i| i > 0 && b[i - 1] == b' ')?;
    if !s[i + 1..].starts_with(char::is_alphabetic) {
        return None;
    }
    let right = s[i..].trim_end_matches(|c: char| !c.is_alphanumeric() && !matches!(c, ')' | '.'));
    // (Or a handle after `by`, as a post names a speaker: `"Title" by
    // @lukas_ammann@chaos.social`.)
    let left = s[..i].trim_end();
    let by = left.strip_suffix(" by").or_else(|| left.strip_suffix(" By"));
    let p = names::people_as(right, labels, names::Case::Any).or_else(|| {
        let h = handle(right.split_whitespace().next()?).filter(|_| by.is_some())?;
        Some(vec![(h.to_string(), Role::Speaker)])
    })?;
    Some((by.unwrap_or(&s[..i]), p))
}

/// Names followed by an affiliation after a comma (`Ana Ruiz, Acme Corp`, `Tom Berg,
/// Initech`): the names, when the part after the last comma is no name and at most
/// four words.
fn affiliated(s: &str, labels: &Labels, case: names::Case) -> Option<Vec<(String, Role)>> {
    // (Or after a dash: `Femi Okafor – Honeycomb`.)
    let (i, sep) = search::rfind_any(s, &[", ", " – ", " — ", " - "])?;
    let tail = s[i + sep.len()..].trim();
    if tail.is_empty() || tail.split_whitespace().count() > 4 || names::is_name(tail, false) {
        return None;
    }
    names::people_as(&s[..i], labels, case)
}

/// `Name — Title`, as a lightning list, a chat line or a heading puts it (`Ana Costa —
/// Typing your pandas code`, `A & B – Title`): the people that lead a title
/// ([`names::leading_people`]) before the first dash of `s`, a title after it.
pub(super) fn name_first<'s>(s: &'s str, labels: &Labels) -> Option<(&'s str, Vec<(String, Role)>)> {
    let (i, k) = DASH_SEPS.iter().enumerate().filter_map(|(k, sep)| s.find(sep).map(|i| (i, k))).min()?;
    let (left, right) = (&s[..i], s[i + DASH_SEPS[k].len()..].trim());
    // An arrow points to a title, capitalised (`Pablo Ortega → Atacando pipelines`), and
    // not to what follows from a thing (`Lista Ostrzeżeń -> blokowanie domen`).
    if right.is_empty()
        || k >= ARROWS && !right.starts_with(char::is_uppercase)
        || left.split_whitespace().nth(1).is_none()
        || !left.trim_start().starts_with(char::is_uppercase)
    {
        return None;
    }
    names::leading_people(left, labels).map(|p| (right, p))
}

/// `Ada Okafor on scaling Postgres`, `A and B on chaos engineering`: people, then `on`
/// and the title, as a recap names who spoke on what. The title after `on` opens in
/// lower case, with a quote or a digit (`Apache Kafka on Kubernetes` is a title), and
/// every word before it belongs to the names (two words at least).
pub(super) fn name_on<'s>(s: &'s str, labels: &Labels) -> Option<(&'s str, Vec<(String, Role)>)> {
    name_on_as(s, labels, false)
}

/// [`name_on`]; `led`: after a lead-in (`next up:`), where the title may open with a
/// capital too.
fn name_on_as<'s>(s: &'s str, labels: &Labels, led: bool) -> Option<(&'s str, Vec<(String, Role)>)> {
    if !s.starts_with(char::is_uppercase) {
        return None;
    }
    let i = search::find(s, " on ")?;
    let (left, right) = (s[..i].trim(), s[i + 4..].trim());
    if left.split_whitespace().nth(1).is_none()
        || !left.starts_with(char::is_uppercase)
        || !(led || right.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit() || "\"“„«'‘".contains(c)))
    {
        return None;
    }
    // (A verb is no given name: `Deploying Django on a single VPS`.)
    let first = left.split_whitespace().next().unwrap_or("");
    if first.ends_with("ing") || names::frequent(&first.to_lowercase()) {
        return None;
    }
    // A name's words have one capital, at their start or a part's (`FrankenPHP` is no
    // one's; `McKay`, `Dell'Acqua`, `Okonkwo-Byrne` are).
    let name_word = |w: &str| {
        let mut prev = ' ';
        w.chars().enumerate().all(|(i, c)| {
            let ok = i == 0 || !c.is_uppercase() || matches!(prev, '-' | '\'' | '’') || w.starts_with("Mc") && i == 2;
            prev = c;
            ok
        })
    };
    if !left.split_whitespace().all(name_word) {
        return None;
    }
    let people = names::people_as(left, labels, names::Case::Capitalised)?;
    // (Every word of the left side is a person's: `Notes from Ana Ruiz on x` is no byline.)
    let words = people.iter().map(|(n, _)| n.split_whitespace().count()).sum::<usize>();
    let join = |w: &&str| matches!(*w, "and" | "&" | "und" | "et" | "y" | "e" | "en" | "och" | "og" | "i" | "+");
    let left_words = left.split_whitespace().filter(|w| !join(w)).count();
    (words >= left_words).then_some((right, people))
}

/// [`name_on`] on a line that goes on after the title with remarks (`Ana Ferreira on
/// "toil budgets" — like error budgets`, `Jakub Novák on on-call pay in EU law, short
/// but spicy`): the quoted title, or the title up to its first dash or comma.
pub(super) fn name_on_line(s: &str, labels: &Labels, led: bool) -> Option<(String, Vec<(String, Role)>)> {
    let (right, people) = name_on_as(s, labels, led)?;
    if right.starts_with(|c: char| "\"“„«".contains(c)) {
        if let Some((title, _, _)) = super::opening::quoted_title(right) {
            return Some((title, people));
        }
    }
    let cut = [" — ", " – ", " - ", ", ", "; "].iter().filter_map(|p| search::find(right, p)).min();
    Some((clean_title(&right[..cut.unwrap_or(right.len())]), people))
}

/// A social handle standing for a person (`@marcoreyes.dev`, `@jlindgren`, a
/// fediverse's `@lukas_ammann@chaos.social`), as a post names a speaker; not a chat's
/// call to everyone (`@here`, `@channel`).
pub(super) fn handle(w: &str) -> Option<&str> {
    let w = w.trim_end_matches([',', ':', '.', '!', '?', ')']);
    let name = w.strip_prefix('@')?;
    let shaped = crate::notes::markup::chat::handle_shaped(name);
    (shaped && !matches!(name, "here" | "channel" | "everyone" | "all")).then_some(w)
}

/// The people of `s` when it is only handles joined by a comma or a word for `and`
/// (`@anaclarasilva e @rui_lopes_pt`): each a speaker.
pub(super) fn handles(s: &str) -> Option<Vec<(String, Role)>> {
    let mut out = Vec::new();
    for part in
        s.split([',', '&']).flat_map(|p| p.split(" and ")).flat_map(|p| p.split(" e ")).flat_map(|p| p.split(" y "))
    {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        out.push((handle(part)?.to_string(), Role::Speaker));
    }
    (!out.is_empty()).then_some(out)
}

/// `s` without the handles in brackets after a name (`Dana Whitfield (@danawhit)`,
/// `Leah Kim & Tomás Ortega (@leahkim, @tortega)`), which a post adds to the names.
pub(super) fn without_handles(s: &str) -> std::borrow::Cow<'_, str> {
    let Some(open) = search::find(s, " (@") else { return s.into() };
    let Some(close) = s[open..].find(')').map(|c| open + c) else { return s.into() };
    if !s[open + 2..close].split(',').all(|h| handle(h.trim()).is_some()) {
        return s.into();
    }
    let rest = without_handles(&s[close + 1..]);
    format!("{}{rest}", &s[..open]).into()
}

/// The people after a word of company that opens a line (`mit Lukas Gruber`, `with
/// …`, `avec …`, `con …`, `com …`, `met …`, `z …`), as a line under a title names them.
pub(super) fn with_clause(s: &str) -> Option<&str> {
    let (w, rest) = s.trim_start().split_once(' ')?;
    WITH.contains(&w.to_lowercase().as_str()).then(|| rest.trim_start()).filter(|r| !r.is_empty())
}

/// The words of company before people ([`with_clause`]).
const WITH: [&str; 9] = names::COMPANY;

/// The people of a line that holds several fields or by-lines one after another
/// (`Moderato da Silvia Greco. Sul palco: A, B, C`, `mit A (X), B, Moderation: C`):
/// the line is cut at a full stop or a semicolon, and at a comma before a label naming
/// people, and each part is read on its own. A part with no label names people only
/// when it is the first and `lead` gives their role (a by-line: `mit …`). `None`
/// unless every part names people.
pub(super) fn people_fields(line: &str, labels: &Labels, lead: Option<Role>) -> Option<People> {
    let line = line.trim().trim_end_matches(['.', ';']).trim_end();
    if line.is_empty() || line.len() > 300 {
        return None;
    }
    let naming = |cs: &[Concept]| cs.contains(&Concept::Speaker) || cs.contains(&Concept::Moderator);
    // The cuts: `. ` and `; ` (not after an initial or an honorific: `Dr. Ana`, `J. Smith`),
    // `, ` before a label naming people.
    let mut parts = Vec::new();
    let mut from = 0;
    for (i, _) in line.match_indices(['.', ';', ',']) {
        if i < from || !line[i + 1..].starts_with(' ') {
            continue;
        }
        let after = line[i + 2..].trim_start();
        let cut = match line.as_bytes()[i] {
            b',' => labels.leading(after).is_some_and(|(cs, _)| naming(cs)),
            b'.' => {
                let word = line[..i].rsplit([' ', '(']).next().unwrap_or("");
                word.chars().count() > 2 && !names::is_honorific(word)
            }
            _ => true,
        };
        if cut {
            parts.push(&line[from..i]);
            from = i + 2;
        }
    }
    parts.push(&line[from..]);
    let mut out: People = Vec::new();
    for (k, part) in parts.iter().enumerate() {
        let part = part.trim();
        // (A count first names no one: `4 pessoas, moderação da …`.)
        if k == 0 && parts.len() > 1 && part.starts_with(|c: char| c.is_ascii_digit()) && part.len() <= 20 {
            continue;
        }
        let (role, value) = match labels.leading(part) {
            Some((cs, r)) if naming(cs) => {
                let moderator = cs.contains(&Concept::Moderator) && !cs.contains(&Concept::Speaker);
                (if moderator { Role::Moderator } else { Role::Speaker }, r)
            }
            _ => (lead.filter(|_| k == 0)?, part),
        };
        let value = value.trim_start_matches([':', '-', '–', '—', ' ']).trim();
        let people = names::people(value, labels, true).or_else(|| framed::people_with_affiliation(value, labels))?;
        out.extend(people.into_iter().map(|(n, r)| (n, if role == Role::Moderator { role } else { r })));
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_on_a_title() {
        let l = Labels::default();
        let (t, p) = name_on("Niamh Gallagher on error budgets nobody reads", &l).expect("a byline");
        assert_eq!((t, p.len()), ("error budgets nobody reads", 1));
        let (t, p) = name_on("Marta Kowalczyk and Pádraig Ó Súilleabháin on chaos engineering", &l).expect("two");
        assert_eq!((t, p.len()), ("chaos engineering", 2));
        assert!(name_on("Apache Kafka on Kubernetes", &l).is_none());
        assert!(name_on("Thoughts on the hallway track", &l).is_none());
        assert!(name_on("Prometheus on a diet", &l).is_none());
        assert!(name_on("Deploying Django on a single VPS", &l).is_none());
        assert!(name_on("Pilot FrankenPHP on the internal admin panel.", &l).is_none());
    }

    fn split(s: &str, by: bool, dash: bool) -> Option<(String, Vec<String>)> {
        let l = Labels::default();
        split_people(s, &l, by, dash).map(|(t, p)| (t.trim().to_string(), p.into_iter().map(|(n, _)| n).collect()))
    }

    #[test]
    fn people_mentioned_with_an_at() {
        let (title, people) =
            split("Schemas are contracts @Ravindra Pillai, @Joanna Szczepańska", false, true).unwrap();
        assert_eq!((title.as_str(), people.len()), ("Schemas are contracts", 2));
        let (title, people) = split("Exactly-once is a lie (sometimes) @Oskar Lindahl-Reyes ⭐", false, true).unwrap();
        assert_eq!(
            (title.as_str(), people),
            ("Exactly-once is a lie (sometimes)", vec!["Oskar Lindahl-Reyes".to_string()])
        );
        assert_eq!(split("Redpanda Connect in 5 minutes @tomás ibarra", false, true).unwrap().1, ["tomás ibarra"]);
        // A place after an `@` with a space, or an address, is no person.
        assert_eq!(split("Closing party @ Main Hall", false, false), None);
        assert_eq!(split("write to ana@acme.com", false, false), None);
    }

    #[test]
    fn a_preposition_leads_into_a_capitalised_name_only() {
        assert_eq!(split("Astro per il sito marketing, isole di React solo dove serve", true, true), None);
        assert_eq!(split("le riunioni di review sono diventate più svelte", true, true), None);
        assert_eq!(split("Typsicherheit in der Praxis von Anna Schmidt", true, false).unwrap().1, ["Anna Schmidt"]);
        assert_eq!(split("Typing in anger by maya okonjo-reyes", true, false).unwrap().1, ["maya okonjo-reyes"]);
    }
}
