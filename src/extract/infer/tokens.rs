//! The byte tables and the one-pass tokeniser inference reads words with: the
//! install tools' names, the joiner words, and the words of a body with their shapes.

use super::*;

/// The tools of [`Infer::install`]'s commands, lower case.
pub(super) const INSTALL_TOOLS: [&[u8]; 16] = [
    b"npm",
    b"yarn",
    b"pnpm",
    b"bun",
    b"cargo",
    b"brew",
    b"apt",
    b"dnf",
    b"yum",
    b"apk",
    b"go",
    b"helm",
    b"docker",
    b"podman",
    b"gem",
    b"composer",
];

/// A run of up to 8 ASCII letters and digits as a number, in ASCII lower case
/// (`| 0x20` lowers a letter and keeps a digit): two runs are equal in any case when
/// their keys are.
pub(super) const fn run_key(run: &[u8]) -> u64 {
    let mut k = 0;
    let mut i = 0;
    while i < run.len() {
        k = k << 8 | (run[i] | 0x20) as u64;
        i += 1;
    }
    k
}

/// The keys of [`INSTALL_TOOLS`] ([`run_key`]).
pub(super) const TOOL_KEYS: [u64; 16] = {
    let mut keys = [0; 16];
    let mut i = 0;
    while i < 16 {
        keys[i] = run_key(INSTALL_TOOLS[i]);
        i += 1;
    }
    keys
};

/// Per byte: the lengths (bit `n` for `n` bytes) of the [`INSTALL_TOOLS`] that start
/// with it, in either ASCII case. Most words are told apart by their first byte and
/// their length alone.
pub(super) const TOOL_LENS: [u16; 256] = {
    let mut t = [0; 256];
    let mut i = 0;
    while i < INSTALL_TOOLS.len() {
        let c = INSTALL_TOOLS[i][0];
        t[c as usize] |= 1 << INSTALL_TOOLS[i].len();
        t[c.to_ascii_uppercase() as usize] |= 1 << INSTALL_TOOLS[i].len();
        i += 1;
    }
    t
};

/// Whether the run of ASCII letters and digits `run`, which follows no `_` and is
/// followed by `next`, may be the tool that starts an install command: one of
/// [`INSTALL_TOOLS`] in any ASCII case (`\b` before it), followed by white space, a
/// non-ASCII byte (the regex's `\s+`) or a `-` (`apt-get`). Asked of every run: its
/// length and its first letter tell most runs apart before the key is made.
#[inline(always)]
pub(super) fn is_tool(run: &[u8], next: Option<u8>) -> bool {
    run.len() < 16
        && TOOL_LENS[run[0] as usize] >> run.len() & 1 == 1
        && next.is_some_and(|c| c.is_ascii_whitespace() || c == 0x0b || c >= 0x80 || c == b'-')
        && TOOL_KEYS.contains(&run_key(run))
}

/// Whether inference reads a word of ASCII letters and digits whose shape is
/// [`Token::PLAIN`], at `start..end` of `b`: one beside a `-`, or one [`is_tool`] may
/// say is an install tool (by its first byte and its length). The scan records only
/// those of the plain words: the others tell [`shaped_words_of_tokens`] nothing, and
/// most words of prose are such. (The scan 822 M -> 838 M instructions, `Infer::find`
/// 288 M -> 226 M, on 10 MB of notes, callgrind.)
#[inline(always)]
pub(crate) fn plain_word_matters(b: &[u8], start: usize, end: usize) -> bool {
    let len = end - start;
    len < 16 && TOOL_LENS[b[start] as usize] >> len & 1 == 1
        || b.get(end) == Some(&b'-')
        || start > 0 && b[start - 1] == b'-'
}

/// The keys of [`JOINERS`] ([`run_key`]).
pub(super) const JOINER_KEYS: [u64; JOINERS.len()] = {
    let mut keys = [0; JOINERS.len()];
    let mut i = 0;
    while i < JOINERS.len() {
        keys[i] = run_key(JOINERS[i]);
        i += 1;
    }
    keys
};

/// Whether `t` is one of [`JOINERS`], in any case (`t` is ASCII: a word of [`words`]).
/// Compared by key: `run_key` maps a byte to a lower-case letter only from that letter
/// in either case, and keeps the length (no word holds a NUL byte). (Asked of the
/// words around every technology: `Infer::find` 426 M -> 405 M instructions on 10 MB
/// of notes, with `is_tool` inlined, against the slices compared one by one.)
pub(super) fn is_joiner(t: &str) -> bool {
    t.len() <= 6 && JOINER_KEYS.contains(&run_key(t.as_bytes()))
}

/// Whether the section reads like German, where every noun takes a capital: then a
/// capital says nothing of a name. Told by its most frequent small words.
pub(crate) fn capitals_are_nouns_in(body: &Body<'_>) -> bool {
    const GERMAN: [&str; 13] =
        ["der", "die", "das", "und", "ist", "nicht", "mit", "für", "ein", "eine", "wir", "auch", "sich"];
    const ENGLISH: [&str; 12] = ["the", "and", "is", "not", "with", "for", "a", "an", "we", "also", "of", "to"];
    // An ASCII word is compared by its key ([`run_key`]; a key of `für` holds bytes no
    // ASCII word's has), and the words are read byte by byte, a character decoded only
    // where a byte is not ASCII. (Splitting on characters and comparing each word with
    // every small word was 10.5 M instructions on 10 MB of notes, callgrind.)
    const fn keys<const N: usize>(words: [&str; N]) -> [u64; N] {
        let mut out = [0; N];
        let mut i = 0;
        while i < N {
            out[i] = run_key(words[i].as_bytes());
            i += 1;
        }
        out
    }
    const GERMAN_KEYS: [u64; 13] = keys(GERMAN);
    const ENGLISH_KEYS: [u64; 12] = keys(ENGLISH);
    let (mut de, mut en) = (0, 0);
    let mut count = |w: &str| {
        if w.is_empty() || w.len() > 5 {
            return;
        }
        if w.is_ascii() {
            let k = run_key(w.as_bytes());
            de += usize::from(GERMAN_KEYS.contains(&k));
            en += usize::from(ENGLISH_KEYS.contains(&k));
        } else {
            let w = w.to_lowercase();
            de += usize::from(GERMAN.contains(&w.as_str()));
            en += usize::from(ENGLISH.contains(&w.as_str()));
        }
    };
    // The words are the runs of alphabetic characters.
    let text = body.text;
    let b = text.as_bytes();
    let (mut start, mut i) = (0, 0);
    while i < b.len() {
        let (alphabetic, n) = if b[i] < 0x80 {
            (b[i].is_ascii_alphabetic(), 1)
        } else {
            let c = text[i..].chars().next().expect("a char boundary");
            (c.is_alphabetic(), c.len_utf8())
        };
        if !alphabetic {
            count(&text[start..i]);
            start = i + n;
        }
        i += n;
    }
    count(&text[start..]);
    de >= 3 && de > en
}

/// The package an install argument names, with its offset in `tok`: `@scope/pkg@1.2`
/// gives `@scope/pkg`, `github.com/org/tool/cmd/tool@latest` gives `tool`,
/// `bitnami/postgresql` and `org/image:tag` their last part.
pub(super) fn package_name<'t>(tool: &str, arg: &'t str) -> Option<(usize, &'t str)> {
    let tok = arg.trim_matches(['"', '\'']).trim_end_matches([',', '.', ')']);
    let versionless = match tool {
        "npm" | "yarn" | "pnpm" | "bun" => {
            let cut = tok.char_indices().skip(1).find(|&(_, c)| c == '@').map_or(tok.len(), |(i, _)| i);
            &tok[..cut]
        }
        _ => tok.split(['@', ':', '=']).next().unwrap_or(""),
    };
    let name = match tool {
        "npm" | "yarn" | "pnpm" | "bun" if versionless.starts_with('@') => versionless,
        "go" => {
            let parts: Vec<&str> = versionless.split('/').collect();
            // `host/org/repo/cmd/name`: the name; `host/org/repo/v2`: the repository.
            let last = parts.iter().rev().find(|p| !(p.starts_with('v') && p[1..].bytes().all(|b| b.is_ascii_digit())));
            last.copied().unwrap_or("")
        }
        _ => versionless.rsplit('/').next().unwrap_or(""),
    };
    let valid = name.len() >= 2
        && name.trim_start_matches('@').starts_with(|c: char| c.is_ascii_alphanumeric())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '@' | '/' | '+'));
    if !valid {
        return None;
    }
    Some((name.as_ptr() as usize - arg.as_ptr() as usize, name))
}

/// What each byte is, for the tokeniser: [`LOWER`], [`UPPER`], [`DIGIT`] (ASCII) or
/// nothing (0).
pub(super) const CLASS: [u8; 256] = {
    let mut t = [0; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = if b.is_ascii_lowercase() {
            LOWER
        } else if b.is_ascii_uppercase() {
            UPPER
        } else if b.is_ascii_digit() {
            DIGIT
        } else {
            0
        };
        c += 1;
    }
    t
};
pub(super) const LOWER: u8 = 1;
pub(super) const UPPER: u8 = 2;
pub(super) const DIGIT: u8 = 3;

/// The pairs of byte classes (`CLASS[a] * 4 + CLASS[b]`) that give a word a shape one
/// of the rules reads: a lower-case letter before a capital (CamelCase), a letter
/// before a digit (a name and digits); the third and fourth shapes, a `-` and a `_`, are told apart.
pub(super) const SHAPED_PAIRS: u16 = 1 << (LOWER * 4 + UPPER) | 1 << (LOWER * 4 + DIGIT) | 1 << (UPPER * 4 + DIGIT);

/// The words of `text`: runs of ASCII letters and digits, joined by single `-`, `.`,
/// `+` or `_` inside (`sudo-rs`, `Node.js`, `C++`), without a trailing `.`; each with
/// whether it may have one of the shapes the rules read ([`Word::shaped`]), told in
/// the same pass (on 1 MB of notes, the words and then their shapes cost 25 M
/// instructions in two passes).
///
/// Also where an install command may start: a run of letters and digits that is one of
/// [`INSTALL_TOOLS`] ([`is_tool`]). Every match of the install regex starts at one (a
/// tool's name is a whole run, `\b` before it and white space or `-` after it), so the
/// regex is asked there only.
pub(super) fn words(text: &str) -> (Vec<Word<'_>>, Vec<usize>) {
    let b = text.as_bytes();
    let n = b.len();
    let class = |i: usize| if i < n { CLASS[b[i] as usize] } else { 0 };
    let mut out = Vec::with_capacity(n / 6);
    let mut tools = Vec::new();
    let mut i = 0;
    while i < n {
        if class(i) == 0 {
            i += 1;
            continue;
        }
        // Here the byte before is no letter or digit (every run is read whole).
        let start = i;
        let mut shaped = false;
        let run = |i: &mut usize, shaped: &mut bool| read_run(&class, i, shaped);
        run(&mut i, &mut shaped);
        // Every run may be a tool's name (`foo-npm install` holds a command).
        let tool =
            |from: usize, to: usize| (from == 0 || b[from - 1] != b'_') && is_tool(&b[from..to], b.get(to).copied());
        if tool(start, i) {
            tools.push(start);
        }
        // A word glued to a non-ASCII letter (`Straße`, `Łódź`) is part of a word of
        // another script: not ours (nor is the run of letters after it).
        if start > 0 && b[start - 1] >= 0x80 {
            continue;
        }
        loop {
            if i < n && matches!(b[i], b'-' | b'.' | b'_') && class(i + 1) != 0 {
                // (Two letters either side of a joiner are no pair: `a.B` is no hump.)
                shaped |= matches!(b[i], b'-' | b'_');
                i += 1;
            } else if i + 1 < n && b[i] == b'+' && b[i + 1] == b'+' {
                i += 2;
                if class(i) == 0 {
                    continue;
                }
            } else {
                break;
            }
            let from = i;
            run(&mut i, &mut shaped);
            if tool(from, i) {
                tools.push(from);
            }
        }
        if b.get(i).is_none_or(|&c| c < 0x80) {
            out.push(Word { at: start, text: &text[start..i], shaped });
        }
    }
    (out, tools)
}

/// What inference needs of [`words`], read from the words of the lexicon scan
/// (`tokens`: the maximal runs of word characters of `text`, in order, each with its
/// shape when it is made of ASCII letters and digits): the words that may have a
/// shape ([`Word::shaped`]), in order, and the places where a tool's name starts.
///
/// No list of every word is made: most words have no shape, and the walks between
/// names read the few words they need with [`next_word`] and [`word_before`]. A
/// shaped word holds a token with a pair of bytes that gives a shape, a token whose
/// shape was not told, or a token beside a `-`; only around those is `words` read
/// (from the last place before them where it is between words). (With the shapes of
/// words of 9 to 16 bytes told by the scan: `Infer::find` 343 M -> 291 M
/// instructions, the scan 901 M -> 920 M, on 10 MB of notes, callgrind.)
pub(super) fn shaped_words_of_tokens<'t>(text: &'t str, tokens: &[Token]) -> (Vec<Word<'t>>, Vec<usize>) {
    debug_assert!(tokens_are_the_words(text, tokens));
    let b = text.as_bytes();
    let (mut shaped, mut tools) = (Vec::new(), Vec::new());
    // Where reading stopped: the words before it were read.
    let mut read = 0;
    for t in tokens {
        let (start, end) = (t.start as usize, t.end as usize);
        let candidate = if t.shape != Token::OTHER {
            // One run, after no `_` (it would be in the token).
            let after = b.get(end).copied();
            if is_tool(&b[start..end], after) {
                tools.push(start);
            }
            t.shape == Token::PAIRED || after == Some(b'-') || (start > 0 && b[start - 1] == b'-')
        } else {
            let mut i = start;
            while i < end {
                if CLASS[b[i] as usize] == 0 {
                    i += 1;
                    continue;
                }
                let from = i;
                while i < end && CLASS[b[i] as usize] != 0 {
                    i += 1;
                }
                if (from == 0 || b[from - 1] != b'_') && is_tool(&b[from..i], b.get(i).copied()) {
                    tools.push(from);
                }
            }
            true
        };
        // (A token may hold several words, the first of them read with the token before.)
        if candidate && end > read {
            let mut i = between_before(b, start).max(read);
            while let Some(w) = next_word(text, &mut i, end) {
                if w.shaped {
                    shaped.push(w);
                }
            }
            read = i;
        }
    }
    (shaped, tools)
}

/// Whether [`words`] never reads byte `c` as part of a word (no ASCII letter or
/// digit, nor `-`, `.`, `_` or `+`): where it is, the tokeniser is between words and
/// may start reading afresh.
pub(super) fn is_between(c: u8) -> bool {
    CLASS[c as usize] == 0 && !matches!(c, b'-' | b'.' | b'_' | b'+')
}

/// The last place at or before `at` where [`words`] is between words: after a byte
/// [`is_between`], or the start of the text.
pub(super) fn between_before(b: &[u8], at: usize) -> usize {
    at - b[..at].iter().rev().take_while(|&&c| !is_between(c)).count()
}

/// The next word of [`words`] that starts at `*i` or after it and before `to`, `*i`
/// being a place where [`words`] is between words (the start of the text, the end of
/// a word, or [`between_before`] something); `*i` is moved past what was read.
pub(super) fn next_word<'t>(text: &'t str, i: &mut usize, to: usize) -> Option<Word<'t>> {
    let b = text.as_bytes();
    let n = b.len();
    let class = |i: usize| if i < n { CLASS[b[i] as usize] } else { 0 };
    // (The loop of `words`, without the tools.)
    while *i < n.min(to) {
        if class(*i) == 0 {
            *i += 1;
            continue;
        }
        let start = *i;
        let mut shaped = false;
        let run = |i: &mut usize, shaped: &mut bool| read_run(&class, i, shaped);
        run(i, &mut shaped);
        if start > 0 && b[start - 1] >= 0x80 {
            continue;
        }
        loop {
            if *i < n && matches!(b[*i], b'-' | b'.' | b'_') && class(*i + 1) != 0 {
                shaped |= matches!(b[*i], b'-' | b'_');
                *i += 1;
            } else if *i + 1 < n && b[*i] == b'+' && b[*i + 1] == b'+' {
                *i += 2;
                if class(*i) == 0 {
                    continue;
                }
            } else {
                break;
            }
            run(i, &mut shaped);
        }
        if b.get(*i).is_none_or(|&c| c < 0x80) {
            return Some(Word { at: start, text: &text[start..*i], shaped });
        }
    }
    None
}

/// The last word of [`words`] that starts before `s`, `s` being the start of a word or
/// a place where [`words`] is between words. Read backwards one stretch at a time
/// (the bytes between two bytes [`is_between`]), each stretch once: a walk through a
/// list costs the length of what it crosses.
pub(super) fn word_before(text: &str, s: usize) -> Option<Word<'_>> {
    let b = text.as_bytes();
    let mut to = s;
    while to > 0 {
        let j = to - b[..to].iter().rev().take_while(|&&c| is_between(c)).count();
        if j == 0 {
            return None;
        }
        let r = between_before(b, j);
        let (mut i, mut last) = (r, None);
        while let Some(w) = next_word(text, &mut i, to) {
            last = Some(w);
        }
        if last.is_some() {
            return last;
        }
        to = r;
    }
    None
}

/// Whether `tokens` are the maximal runs of word characters of `text`, in order,
/// less plain words that do not matter ([`plain_word_matters`]).
pub(super) fn tokens_are_the_words(text: &str, tokens: &[Token]) -> bool {
    let b = text.as_bytes();
    // Plain: ASCII letters and digits, no small letter before a capital or a digit, no
    // capital before a digit, sixteen bytes at most (as the scan tells shapes).
    let plain = |w: &[u8]| {
        w.len() <= 16
            && w.iter().all(u8::is_ascii_alphanumeric)
            && !w.windows(2).any(|p| {
                p[0].is_ascii_lowercase() && (p[1].is_ascii_uppercase() || p[1].is_ascii_digit())
                    || p[0].is_ascii_uppercase() && p[1].is_ascii_digit()
            })
    };
    let mut all = Vec::new();
    push_tokens(text, 0, text.len(), &mut all);
    let mut rest = tokens.iter().peekable();
    for w in &all {
        let (s, e) = (w.start as usize, w.end as usize);
        // (A word not recorded must be a plain one that does not matter.)
        let recorded = rest.next_if(|t| (t.start, t.end) == (w.start, w.end)).is_some();
        if !recorded && (!plain(&b[s..e]) || plain_word_matters(b, s, e)) {
            return false;
        }
    }
    rest.next().is_none()
}

/// Reads a run of letters and digits from `i` (the class of byte `i` is not 0), past
/// its end, and sets `shaped` when a pair of classes in it gives a shape
/// ([`SHAPED_PAIRS`]).
#[inline]
fn read_run(class: &impl Fn(usize) -> u8, i: &mut usize, shaped: &mut bool) {
    let mut prev = class(*i);
    *i += 1;
    loop {
        let c = class(*i);
        if c == 0 {
            break;
        }
        *shaped |= SHAPED_PAIRS >> (prev * 4 + c) & 1 == 1;
        prev = c;
        *i += 1;
    }
}

/// Julia's packages, named with `.jl` after a capitalised name (`Reactant.jl`,
/// `InfiniteOpt.jl`), wherever they are written: the suffix says what they are, as
/// a file's name in lower case does not (`runtests.jl`, `make.jl`), nor a path
/// (`src/Foo.jl`). Their starts and names.
pub(super) fn julia_packages<'t>(suffix: &memchr::memmem::Finder<'_>, text: &'t str) -> Vec<(usize, &'t str)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    for i in suffix.find_iter(b) {
        let end = i + 3;
        if b.get(end).is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80) {
            continue;
        }
        let start = i - b[..i].iter().rev().take_while(|c| c.is_ascii_alphanumeric()).count();
        let before = start.checked_sub(1).map(|k| b[k]);
        if i - start < 2
            || !b[start].is_ascii_uppercase()
            || before.is_some_and(|c| matches!(c, b'/' | b'\\' | b'.' | b'-' | b'_' | b'@') || c >= 0x80)
        {
            continue;
        }
        out.push((start, &text[start..end]));
    }
    out
}
