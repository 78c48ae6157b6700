//! The words notes use to label their parts (`Vortrag:`, `Keynote`, `Lunch`,
//! `Sprecherin:`, month names), read from the data table `labels.tsv` in eight
//! languages. Code asks what a word or a leading label means; the words themselves are
//! data, so adding a language is adding lines to the table.

use std::collections::HashMap;

/// The tables' maps: looked up for the first words of most lines, with foldhash (the
/// standard SipHash was a tenth of the notes stage on the 10 MB corpus).
type Map<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

/// What a label word says about the text it labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Concept {
    /// A talk (`talk`, `Vortrag`, `charla`).
    Talk,
    /// A keynote.
    Keynote,
    /// Lightning talks.
    Lightning,
    /// A panel.
    Panel,
    /// A workshop or tutorial.
    Workshop,
    /// A field naming the speaker(s).
    Speaker,
    /// A field naming a moderator.
    Moderator,
    /// A day of a conference.
    Day,
    /// A word naming an event (`conference`, `meetup`, `Konferenz`).
    Conference,
    /// The note-taker's notes (a note's title, `Notizen für mich`).
    Notes,
    /// Questions (a talk's Q&A).
    Questions,
    /// A meal or pause: never a talk.
    Break,
    /// Takeaways, links, to-dos, follow-ups, agendas: never a talk.
    Aside,
    /// A month, 1 to 12.
    Month(u8),
    /// A day of the week.
    Weekday,
    /// A table column of titles (`title`, `Thema`).
    Title,
    /// A table column of times (`time`, `Uhrzeit`).
    Time,
    /// A word of sequence in a lead-in line (`next talk - …`, `after lunch: …`).
    Next,
    /// The end of a letter (`Cheers,`, `Viele Grüße`): what follows is no talk's.
    Signoff,
    /// The note-taker speaking of themself (`me: ask Lars`, `note to self:`): a
    /// remark, no talk's content and never a speaker.
    Me,
    /// A place in the venue (`Room 317`, `Hall C`, `Saal 2`): a schedule's cell, no
    /// title.
    Room,
    /// A field of a calendar entry other than its subject (`Location:`, `Start:`,
    /// `Beginn:`, `Recurrence:`, `Attendees:`), as Outlook prints or copies one: the
    /// subject over such fields is the entry's title.
    Calendar,
    /// A part of a day (`Morning`, `Nachmittag`, `après-midi`): a heading of it holds
    /// talks, as a day heading does, and is none.
    DayPart,
    /// A verb of presenting (`gave`, `zeigte`, `a présenté`), or its participle before
    /// `by` (`given by`): a sentence whose subject is a name and whose verb is one of
    /// these names the talk's speaker. Kept apart from the labels: no line starts with
    /// it as a label.
    Presents,
}

impl Concept {
    /// Whether the concept is a kind of talk: a talk, a keynote, lightning talks, a panel
    /// or a workshop.
    pub fn is_talk_kind(self) -> bool {
        matches!(self, Concept::Talk | Concept::Keynote | Concept::Lightning | Concept::Panel | Concept::Workshop)
    }

    /// The concept's name in the table (`talk`, `month3`).
    pub fn name(self) -> String {
        match self {
            Concept::Month(m) => format!("month{m}"),
            other => format!("{other:?}").to_lowercase(),
        }
    }

    fn parse(s: &str) -> Option<Concept> {
        Some(match s {
            "talk" => Concept::Talk,
            "keynote" => Concept::Keynote,
            "lightning" => Concept::Lightning,
            "panel" => Concept::Panel,
            "workshop" => Concept::Workshop,
            "speaker" => Concept::Speaker,
            "moderator" => Concept::Moderator,
            "day" => Concept::Day,
            "conference" => Concept::Conference,
            "notes" => Concept::Notes,
            "questions" => Concept::Questions,
            "break" => Concept::Break,
            "aside" => Concept::Aside,
            "weekday" => Concept::Weekday,
            "title" => Concept::Title,
            "time" => Concept::Time,
            "next" => Concept::Next,
            "signoff" => Concept::Signoff,
            "me" => Concept::Me,
            "room" => Concept::Room,
            "calendar" => Concept::Calendar,
            "daypart" => Concept::DayPart,
            "presents" => Concept::Presents,
            m => Concept::Month(m.strip_prefix("month")?.parse().ok().filter(|n| (1..=12).contains(n))?),
        })
    }
}

/// The table, loaded: each phrase (lower case, words separated by one space) with the
/// concepts it stands for.
#[derive(Debug, Clone)]
pub struct Labels {
    phrases: Map<Box<[u8]>, Vec<Concept>>,
    /// The first word of every phrase: a text whose first word is none of them starts
    /// with no label, found with one lookup instead of one per phrase length.
    firsts: Map<Box<[u8]>, usize>,
    /// The most words in a phrase.
    max_words: usize,
    /// The first two bytes of the words of `firsts` (a bit per pair), and their one-byte
    /// words (a bit per byte): a text whose first two bytes are neither starts with no
    /// label, found without lower-casing its first word or hashing it (on the 10 MB
    /// corpus, with the keys held as bytes, [`Labels::leading`] went from 133 M
    /// instructions to 86 M).
    pairs: Box<[u64; 1024]>,
    singles: [u64; 4],
    /// The words of `firsts` of two bytes (a bit per pair); of three bytes, and the first
    /// three bytes of the longer ones, and the first four of those of four bytes or more
    /// (a bit per [`short_key`] of them): a text whose first word starts with four bytes
    /// in ASCII starts with a label only when its first one, two, three or four bytes
    /// are such a word or start one. Most first words of prose pass the pairs alone
    /// (`th`, `co`, `in` start labels of some language): on the 10 MB corpus 119,000 of
    /// the 140,000 texts asked about went on to [`Labels::may_start`] and 20,000 found a
    /// word there. With the longer keys, 50,000 go on, and [`Labels::leading`] went from
    /// 76 M instructions to 59 M (64 M with three bytes only).
    /// The one-word labels of a sequence or a keynote (`up`, `one`, `next`, `danach`,
    /// `keynote`): those of two bytes (a bit per pair), of three (a bit per
    /// [`short_key`]), and the first four bytes of the longer ones ([`Labels::may_lead`]).
    leads: [Box<[u64; 1024]>; 3],
    twos: Box<[u64; 1024]>,
    threes: Box<[u64; 1024]>,
    triples: Box<[u64; 1024]>,
    quads: Box<[u64; 1024]>,
    /// The phrases of [`Concept::Presents`], which are no labels.
    verbs: Map<Box<[u8]>, ()>,
}

/// The bit of a word's first bytes (three or four) in [`Labels::threes`],
/// [`Labels::triples`] or [`Labels::quads`]: their low five bits (which a letter's case
/// does not change), hashed to sixteen bits.
#[inline]
fn short_key(bytes: &[u8]) -> usize {
    let k = bytes.iter().fold(0u32, |k, &c| k << 5 | u32::from(c & 31));
    (k.wrapping_mul(0x9E37_79B1) >> 16) as usize
}

/// Sets bit `k` of `bits`.
fn set(bits: &mut [u64; 1024], k: usize) {
    bits[k >> 6] |= 1 << (k & 63);
}

/// Whether bit `k` of `bits` is set.
fn has(bits: &[u64; 1024], k: usize) -> bool {
    bits[k >> 6] & (1 << (k & 63)) != 0
}

/// Whether `s` is a gender-inclusive ending (`e`, `es`, `in`, `innen`, `a`, `as`).
fn inclusive_ending(s: &str) -> bool {
    let s = s.trim_end_matches(')');
    matches!(s, "e" | "es" | "in" | "innen" | "a" | "as" | "o" | "os" | "s" | "x" | "ne" | "ka")
}

/// The table shipped with the program.
const TABLE: &str = include_str!("labels.tsv");

impl Default for Labels {
    fn default() -> Self {
        Labels::parse(TABLE).expect("the shipped labels table is well formed")
    }
}

impl Labels {
    /// Reads a table in the format of `labels.tsv`. Errors name the line.
    pub fn parse(table: &str) -> Result<Labels, String> {
        let mut phrases: Map<Box<[u8]>, Vec<Concept>> = Map::default();
        let mut verbs: Map<Box<[u8]>, ()> = Map::default();
        let mut max_words = 1;
        for (i, line) in table.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(concept), Some(_lang), Some(words)) = (cols.next(), cols.next(), cols.next()) else {
                return Err(format!("labels table line {}: expected concept, language and words", i + 1));
            };
            let concept = Concept::parse(concept)
                .ok_or_else(|| format!("labels table line {}: unknown concept {concept:?}", i + 1))?;
            for w in words.split(',') {
                let key = normalise(w);
                if key.is_empty() {
                    continue;
                }
                if concept == Concept::Presents {
                    verbs.insert(key.into_bytes().into_boxed_slice(), ());
                    continue;
                }
                max_words = max_words.max(key.split(' ').count());
                let list = phrases.entry(key.into_bytes().into_boxed_slice()).or_default();
                if !list.contains(&concept) {
                    list.push(concept);
                }
            }
        }
        let mut firsts: Map<Box<[u8]>, usize> = Map::default();
        for k in phrases.keys() {
            let first = k.split(|&c| c == b' ').next().unwrap_or_default();
            let most = firsts.entry(first.into()).or_default();
            *most = (*most).max(k.split(|&c| c == b' ').count());
        }
        let mut pairs = Box::new([0u64; 1024]);
        let mut singles = [0u64; 4];
        let [mut twos, mut threes, mut triples, mut quads] = [(); 4].map(|_| Box::new([0u64; 1024]));
        for k in firsts.keys() {
            match **k {
                [b0] => singles[usize::from(b0 >> 6)] |= 1 << (b0 & 63),
                [b0, b1, ..] => {
                    let p = usize::from(b0) << 8 | usize::from(b1);
                    set(&mut pairs, p);
                    match k.len() {
                        2 => set(&mut twos, p),
                        3 => set(&mut threes, short_key(k)),
                        _ => {
                            set(&mut triples, short_key(&k[..3]));
                            set(&mut quads, short_key(&k[..4]));
                        }
                    }
                }
                [] => {}
            }
        }
        let mut leads = [(); 3].map(|_| Box::new([0u64; 1024]));
        for (k, cs) in &phrases {
            if k.contains(&b' ') || !cs.iter().any(|c| matches!(c, Concept::Next | Concept::Keynote)) {
                continue;
            }
            match **k {
                [b0, b1] => set(&mut leads[0], usize::from(b0) << 8 | usize::from(b1)),
                [_, _, _] => set(&mut leads[1], short_key(k)),
                [_, _, _, _, ..] => set(&mut leads[2], short_key(&k[..4])),
                _ => {}
            }
        }
        Ok(Labels { phrases, firsts, max_words, pairs, singles, twos, threes, triples, quads, verbs, leads })
    }

    /// The concepts `phrase` stands for (case and spacing ignored), empty if none.
    pub fn lookup(&self, phrase: &str) -> &[Concept] {
        // Called for the first words of every line: a short ASCII phrase is normalised on
        // the stack, any other (longer, or not ASCII) into a string of its own.
        let mut buf = [0u8; 64];
        if let Some(key) = normalise_ascii(phrase, &mut buf) {
            return self.phrases.get(key).map_or(&[][..], Vec::as_slice);
        }
        let mut b = String::new();
        normalise_into(phrase, &mut b);
        self.phrases.get(b.as_bytes()).map_or(&[][..], Vec::as_slice)
    }

    /// Whether `word` may be a one-word label of a sequence or a keynote: it is such a
    /// label of two or three bytes, or starts with the first four bytes of a longer one
    /// (ASCII case ignored), or its first four bytes are not all ASCII. Told by one bit,
    /// before any look-up (a paragraph's first words are asked about: the look-ups were
    /// 25 M instructions on the 10 MB corpus, 10 M with a test of the first two bytes).
    pub(crate) fn may_lead(&self, word: &[u8]) -> bool {
        if word.iter().take(4).any(|&c| c >= 0x80) {
            return word.len() >= 2;
        }
        match *word {
            [b0, b1] => {
                has(&self.leads[0], usize::from(b0.to_ascii_lowercase()) << 8 | usize::from(b1.to_ascii_lowercase()))
            }
            [_, _, _] => has(&self.leads[1], short_key(word)),
            [_, _, _, _, ..] => has(&self.leads[2], short_key(&word[..4])),
            _ => false,
        }
    }

    /// Whether `phrase` is a verb of presenting ([`Concept::Presents`]).
    pub fn presents(&self, phrase: &str) -> bool {
        let mut buf = [0u8; 64];
        if let Some(key) = normalise_ascii(phrase, &mut buf) {
            return self.verbs.contains_key(key);
        }
        let mut b = String::new();
        normalise_into(phrase, &mut b);
        self.verbs.contains_key(b.as_bytes())
    }

    /// Whether `phrase` stands for `concept`.
    pub fn is(&self, phrase: &str, concept: Concept) -> bool {
        self.lookup(phrase).contains(&concept)
    }

    /// The month a word names (`July`, `juli`, `lipca`, `Sept.`), 1 to 12.
    pub fn month(&self, word: &str) -> Option<u32> {
        let w = word.trim_end_matches('.');
        if w.len() > 24 {
            return None;
        }
        self.lookup(w).iter().find_map(|c| match c {
            Concept::Month(m) => Some(u32::from(*m)),
            _ => None,
        })
    }

    /// Whether a word names a day of the week.
    pub fn is_weekday(&self, word: &str) -> bool {
        let w = word.trim_end_matches('.');
        w.len() <= 24 && self.is(w, Concept::Weekday)
    }

    /// The label a text starts with: the longest phrase of the table at its start
    /// followed by the end, a separator (`:`, `-`, `—`, `–`, `|`) or a space, with the
    /// concepts it stands for and the rest of the text after the separator.
    /// `Vortrag: Typsicherheit` gives `[Talk]` and `Typsicherheit`.
    pub fn leading<'s>(&self, text: &'s str) -> Option<(&[Concept], &'s str)> {
        let text = text.trim_start();
        // A label in the lenticular brackets of Japanese and Chinese (`【基調講演】 Title`).
        if let Some(inner) = text.strip_prefix('【') {
            let (label, rest) = inner.split_once('】')?;
            let concepts = self.lookup(label.trim());
            return (!concepts.is_empty()).then(|| (concepts, rest.trim_start()));
        }
        if !self.may_open(text.as_bytes()) {
            return None;
        }
        self.leading_words(text)
    }

    /// [`Labels::leading`] of a `text` trimmed at its start, without the filter.
    fn leading_words<'s>(&self, text: &'s str) -> Option<(&[Concept], &'s str)> {
        let words = self.may_start(&text[..first_word_end(text)])?;
        // A phrase of `k` words is looked up at the end of the text's `k`th or `k+1`th
        // word (a last word of only `.`, `-`, `(`, `)` is trimmed away), and begins with
        // the text's first word: the ends past what its phrases reach are not tried
        // (most labels are one word; looking up four ends every time was most of this
        // function), nor looked for. They are kept on the stack (a `Vec` for each call
        // and the words up to `max_words` read every time; with the keys of
        // [`Labels::may_start`] compared by length, this function went from 70 M
        // instructions to 63 M on the 10 MB corpus).
        let limit = self.max_words.min(words.saturating_add(1));
        let mut small = [0usize; 8];
        let mut big = Vec::new();
        let ends: &mut [usize] = if limit <= small.len() {
            &mut small[..limit]
        } else {
            big.resize(limit, 0);
            &mut big
        };
        let mut n = 0;
        let mut in_word = false;
        for (i, c) in text.char_indices() {
            let word_char = c.is_alphanumeric() || matches!(c, '&' | '\'' | '’' | '(' | ')' | '-' | '.');
            if word_char {
                in_word = true;
            } else {
                if in_word {
                    ends[n] = i;
                    n += 1;
                    if n == limit {
                        break;
                    }
                }
                in_word = false;
                if c != ' ' {
                    break;
                }
            }
            if i > 80 {
                break;
            }
        }
        if in_word && n < limit && text.len() <= 80 {
            ends[n] = text.len();
            n += 1;
        }
        for &end in ends[..n].iter().rev() {
            let phrase = text[..end].trim_end_matches(['.', '-', ')', '(']);
            let mut concepts = self.lookup(phrase);
            if concepts.is_empty() {
                // A number glued to the label (`Talk3`, `Tag2`).
                let bare = phrase.trim_end_matches(|c: char| c.is_ascii_digit());
                if bare.len() < phrase.len() && !bare.is_empty() && !bare.ends_with(' ') {
                    concepts = self.lookup(bare);
                }
            }
            if concepts.is_empty() {
                // An inclusive ending (`Intervenant(e)`, `Referent(in)`).
                if let Some((bare, ending)) = phrase.rsplit_once('(') {
                    if !bare.is_empty() && !bare.ends_with(' ') && inclusive_ending(ending) {
                        concepts = self.lookup(bare);
                    }
                }
            }
            if concepts.is_empty() {
                continue;
            }
            let mut rest = text[end..].trim_start();
            // An inclusive ending after a mark (`Sprecher*in:`, `Intervenant·e :`, `Referent/in`).
            if let Some(r) = rest.strip_prefix(['*', '·', '/', ':']) {
                let n = r.find(|c: char| !c.is_alphabetic()).unwrap_or(r.len());
                if n > 0 && inclusive_ending(&r[..n]) {
                    rest = r[n..].trim_start();
                }
            }
            let rest = rest.strip_prefix([':', '-', '—', '–', '|', '：']).unwrap_or(rest).trim_start();
            return Some((concepts, rest));
        }
        None
    }

    /// Whether `text` can start with a label, from the first four bytes of its first word;
    /// `false` when it cannot. Every key [`Labels::may_start`] looks up is a prefix of the
    /// text's first word in lower case: a key of one, two or three bytes is the word's
    /// first bytes, and a longer one starts with its first four. A byte not in ASCII,
    /// whose lower case may differ, ends what is checked: after one byte or none, the
    /// text is left to [`Labels::may_start`]; after two or three, a key as long or
    /// longer need only start with them.
    fn may_open(&self, text: &[u8]) -> bool {
        let word = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'&' | b'\'' | b'(' | b')' | b'-' | b'.');
        let single = |c: u8| self.singles[usize::from(c >> 6)] & (1 << (c & 63)) != 0;
        match *text {
            [] => false,
            [b0, ..] if b0 >= 0x80 => true,
            [b0, b1, ..] if b1 >= 0x80 => {
                // The first word goes on with a character that may be a letter.
                let _ = b0;
                true
            }
            [b0, b1, b2, ..] if word(b1) && word(b2) => {
                let (b0, b1) = (b0.to_ascii_lowercase(), b1.to_ascii_lowercase());
                let p = usize::from(b0) << 8 | usize::from(b1);
                let k3 = short_key(&text[..3]);
                if single(b0) || has(&self.twos, p) || has(&self.threes, k3) {
                    return true;
                }
                match text.get(3) {
                    // A character that may be a letter: a longer key need only start
                    // with the first three bytes.
                    Some(&b3) if b3 >= 0x80 => has(&self.triples, k3),
                    Some(&b3) if word(b3) => has(&self.quads, short_key(&text[..4])),
                    _ => false,
                }
            }
            [b0, b1, ..] if word(b1) => {
                let (b0, b1) = (b0.to_ascii_lowercase(), b1.to_ascii_lowercase());
                let p = usize::from(b0) << 8 | usize::from(b1);
                self.pairs[p >> 6] & (1 << (p & 63)) != 0 || single(b0)
            }
            [b0, ..] => single(b0.to_ascii_lowercase()),
        }
    }

    /// Whether `word`, the first word of a text, can start a label: as written, or
    /// without what [`Labels::leading`] trims from a phrase (a closing `.`, a glued
    /// number, an inclusive ending `(e)`). When it can, the most words of a phrase that
    /// starts with it as written (`usize::MAX` when not known: a word not in ASCII,
    /// whose lower case may differ from the table's).
    fn may_start(&self, word: &str) -> Option<usize> {
        if word.is_empty() || word.len() > 40 {
            return None;
        }
        // Lower case, on the stack for ASCII (the first word of most lines), as bytes:
        // what is trimmed is ASCII, so trimming bytes is trimming characters.
        let mut buf = [0u8; 40];
        let lower;
        let w: &[u8] = if word.is_ascii() {
            let b = &mut buf[..word.len()];
            b.copy_from_slice(word.as_bytes());
            b.make_ascii_lowercase();
            b
        } else {
            lower = word.to_lowercase();
            lower.as_bytes()
        };
        let trimmed = trim_end_bytes(w, |c| matches!(c, b'.' | b'-' | b')' | b'('));
        let bare = trim_end_bytes(trimmed, |c| c.is_ascii_digit());
        let before_paren = trimmed.split(|&c| c == b'(').next().unwrap_or_default();
        // Each key once (they are mostly the same word). Every key is a prefix of `w`, so
        // two keys are the same when their lengths are: no bytes are compared. The
        // answer for `w` itself is kept, not looked up a second time.
        let keys = [w, trimmed, bare, before_paren];
        let mut found = None;
        for (i, k) in keys.iter().enumerate() {
            if keys[..i].iter().any(|p| p.len() == k.len()) {
                continue;
            }
            if let Some(&most) = self.firsts.get(*k) {
                found = Some(if i == 0 { most } else { 0 });
                break;
            }
        }
        let most = found?;
        Some(if word.is_ascii() { most } else { usize::MAX })
    }

    /// What a whole short text is as a label (`Lunch`, `Key takeaways`, `Notizen für
    /// mich`, `Q&A`): the concepts of the text once emphasis and a closing `:` are
    /// removed, or of its first words when the rest is only a weekday, a number or a
    /// time (`Lunch 12:30`, `Day 2`).
    pub fn whole(&self, text: &str) -> &[Concept] {
        let t = text.trim().trim_matches(['*', '_', '#', ' ']).trim_end_matches([':', '.', '!']).trim();
        if t.len() > 60 {
            return &[];
        }
        let c = self.lookup(t);
        if !c.is_empty() {
            return c;
        }
        match self.leading(t) {
            Some((c, rest))
                if rest
                    .split(|ch: char| !ch.is_alphanumeric())
                    .all(|w| w.is_empty() || w.bytes().all(|b| b.is_ascii_digit()) || self.is_weekday(w)) =>
            {
                c
            }
            _ => &[],
        }
    }
}

/// Lower case, inner spaces collapsed, outer punctuation and spaces trimmed.
fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalise_into(s, &mut out);
    out
}

/// [`normalise`] of an ASCII `s` of at most 64 bytes, into `buf`, as bytes; `None` for
/// any other (the words, joined with one space, are never longer than `s`). One pass
/// over the bytes (`split_whitespace` and a UTF-8 check made [`Labels::lookup`] cost 600
/// instructions a call).
fn normalise_ascii<'b>(s: &str, buf: &'b mut [u8; 64]) -> Option<&'b [u8]> {
    if s.len() > buf.len() || !s.is_ascii() {
        return None;
    }
    let mut n = 0;
    let mut gap = false;
    for &c in s.as_bytes() {
        // What `char::is_whitespace` is in ASCII (the vertical tab included).
        if matches!(c, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r') {
            gap = n > 0;
            continue;
        }
        if gap {
            buf[n] = b' ';
            n += 1;
            gap = false;
        }
        buf[n] = c.to_ascii_lowercase();
        n += 1;
    }
    let sep = |c: u8| matches!(c, b':' | b',' | b';');
    let out = trim_end_bytes(&buf[..n], sep);
    let start = out.iter().position(|&c| !sep(c)).unwrap_or(out.len());
    Some(&out[start..])
}

/// `s` without the bytes at its end for which `trim` holds.
fn trim_end_bytes(mut s: &[u8], trim: impl Fn(u8) -> bool) -> &[u8] {
    while let [rest @ .., last] = s {
        if !trim(*last) {
            break;
        }
        s = rest;
    }
    s
}

/// Where the first word of `text` ends ([`Labels::leading`]'s word characters), read
/// byte by byte while the text is ASCII.
fn first_word_end(text: &str) -> usize {
    for (i, &c) in text.as_bytes().iter().enumerate() {
        if c >= 0x80 {
            let word_char = |c: char| c.is_alphanumeric() || matches!(c, '&' | '\'' | '’' | '(' | ')' | '-' | '.');
            return i + text[i..].find(|c: char| !word_char(c)).unwrap_or(text.len() - i);
        }
        if !(c.is_ascii_alphanumeric() || matches!(c, b'&' | b'\'' | b'(' | b')' | b'-' | b'.')) {
            return i;
        }
    }
    text.len()
}

/// [`normalise`] into `out` (cleared first).
fn normalise_into(s: &str, out: &mut String) {
    out.clear();
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if w.is_ascii() {
            out.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            for c in w.chars() {
                out.extend(c.to_lowercase());
            }
        }
    }
    let end = out.trim_end_matches([':', ',', ';']).len();
    out.truncate(end);
    let start = out.len() - out.trim_start_matches([':', ',', ';']).len();
    out.drain(..start);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_names_the_main_concepts() {
        let l = Labels::default();
        for w in ["talk", "Vortrag", "présentation", "charla", "intervento", "palestra", "lezing", "prelekcja"] {
            assert!(l.is(w, Concept::Talk), "{w}");
        }
        for w in ["Speaker", "Sprecherin", "Intervenant", "Ponente", "Relatore", "Palestrante", "Spreker", "Prelegent"]
        {
            assert!(l.is(w, Concept::Speaker), "{w}");
        }
        for w in ["day", "Tag", "jour", "día", "giorno", "dia", "dag", "dzień"] {
            assert!(l.is(w, Concept::Day), "{w}");
        }
        for w in ["moderator", "Moderatorin", "modératrice", "moderadora", "moderatore", "gespreksleider"] {
            assert!(l.is(w, Concept::Moderator), "{w}");
        }
        assert_eq!(l.month("Juli"), Some(7));
        assert_eq!(l.month("lipca"), Some(7));
        assert_eq!(l.month("Sept."), Some(9));
        assert_eq!(l.month("talk"), None);
        assert!(l.is_weekday("Thursday") && l.is_weekday("Donnerstag") && !l.is_weekday("Tag"));
    }

    #[test]
    fn lead_words_by_their_first_bytes() {
        let l = Labels::default();
        for w in ["Next", "then", "danach", "ensuite", "Keynote", "dopo", "Después"] {
            assert!(l.may_lead(w.as_bytes()), "{w}");
        }
        for w in ["qx", "x", "Zygmunt"] {
            assert!(!l.may_lead(w.as_bytes()), "{w}");
        }
    }

    #[test]
    fn leading_labels_and_whole_labels() {
        let l = Labels::default();
        let (c, rest) = l.leading("Vortrag: Typsicherheit mit mypy").unwrap();
        assert_eq!((c, rest), (&[Concept::Talk][..], "Typsicherheit mit mypy"));
        let (c, rest) = l.leading("Lightning talks — five minutes each").unwrap();
        assert_eq!((c, rest), (&[Concept::Lightning][..], "five minutes each"));
        let (c, rest) = l.leading("Sprecher: Mehmet Yılmaz und Lukas Brunner").unwrap();
        assert_eq!((c, rest), (&[Concept::Speaker][..], "Mehmet Yılmaz und Lukas Brunner"));
        assert!(l.leading("Typsicherheit mit mypy").is_none());
        // A number glued to the label.
        let (c, rest) = l.leading("Talk3 Hpy").unwrap();
        assert_eq!((c, rest), (&[Concept::Talk][..], "Hpy"));
        assert!(l.leading("Python3 tips").is_none());
        assert_eq!(l.whole("Lunch"), &[Concept::Break]);
        for t in ["Intervenant(e) : Maël", "Sprecher*in: Anna", "Referent/in: Anna", "Intervenant·e : Maël"] {
            let (c, rest) = l.leading(t).expect(t);
            assert!(c.contains(&Concept::Speaker), "{t}");
            assert!(rest.starts_with(['M', 'A']), "{t}: {rest}");
        }
        assert!(l.leading("Intervenant(xyz) : Maël").is_none());
        assert_eq!(l.whole("**Key takeaways:**"), &[Concept::Aside]);
        assert_eq!(l.whole("Notizen für mich"), &[Concept::Notes]);
        assert_eq!(l.whole("Day 2"), &[Concept::Day]);
        assert!(l.whole("Lunch with the Django crowd").is_empty());
    }

    #[test]
    fn labels_of_japanese_chinese_and_korean() {
        let l = Labels::default();
        let (c, rest) = l.leading("登壇者：如月 陽斗").unwrap();
        assert_eq!((c, rest), (&[Concept::Speaker][..], "如月 陽斗"));
        let (c, rest) = l.leading("【基調講演】 Ruby の次の10年").unwrap();
        assert_eq!((c, rest), (&[Concept::Keynote][..], "Ruby の次の10年"));
        assert!(l.leading("【お知らせ】 Wi-Fi").is_none());
        assert_eq!(l.whole("昼休み 12:00"), [Concept::Break]);
        assert_eq!(l.whole("ライトニングトーク"), [Concept::Lightning]);
        assert!(l.leading("발표자: 김민준").is_some_and(|(c, _)| c == [Concept::Speaker]));
        assert!(l.leading("讲者：张伟").is_some_and(|(c, r)| c == [Concept::Speaker] && r == "张伟"));
    }

    #[test]
    fn every_phrase_of_the_table_leads_a_text() {
        // The two-byte filter of `leading` lets every phrase through, in any case, with
        // a glued number or a closing `.`: it never hides a label.
        let l = Labels::default();
        for key in l.phrases.keys() {
            let key = String::from_utf8_lossy(key).into_owned();
            let upper = key.to_ascii_uppercase();
            let mut title = key.clone();
            if let Some(f) = title.get_mut(..1) {
                f.make_ascii_uppercase();
            }
            for t in [format!("{key}: x"), format!("{upper} x"), format!("{title}. x"), format!("{key}2 x")] {
                assert!(l.may_open(t.as_bytes()) || l.leading_words(&t).is_none(), "{t:?}");
            }
        }
        assert!(l.leading("Talk: x").is_some() && l.leading("zzz: x").is_none());
    }

    #[test]
    fn the_ascii_fast_path_normalises_as_the_general_one() {
        for s in ["Talk", "  Key   Takeaways: ", "::talk,", "a\x0bb\tc", "Q&A", "", " ; ", "DAY 2;", "talk :"] {
            let mut buf = [0u8; 64];
            assert_eq!(normalise_ascii(s, &mut buf), Some(normalise(s).as_bytes()), "{s:?}");
        }
        let mut buf = [0u8; 64];
        assert_eq!(normalise_ascii("Vortrag für", &mut buf), None);
        assert_eq!(normalise_ascii(&"x".repeat(65), &mut buf), None);
    }

    #[test]
    fn a_malformed_table_names_its_line() {
        let e = Labels::parse("talk\ten\ttalk\nnonsense\ten\tx\n").unwrap_err();
        assert!(e.contains("line 2"), "{e}");
        assert!(Labels::parse("talk only\n").unwrap_err().contains("line 1"));
    }
}
