//! Ordinary words of the eight languages notes are read in that lie within typo
//! distance of a name (`data/sources/near-words.tsv`, from word frequencies, compiled
//! by `build.rs`): such a word is that word, not a typo of the name.

/// Words of those languages within typo distance of a name (`jupiter`, `straße`),
/// lower case, sorted, one a line.
static NEAR: &str = include_str!(concat!(env!("OUT_DIR"), "/near_words.txt"));

/// Whether `sorted` (lines in order) holds `word`: a binary search over the lines.
fn holds(sorted: &str, word: &str) -> bool {
    let b = sorted.as_bytes();
    let (mut lo, mut hi) = (0, b.len());
    // Invariant: `lo` is a line start; the word, if there, starts in lo..hi.
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = b[..mid].iter().rposition(|&c| c == b'\n').map_or(0, |i| i + 1).max(lo);
        let end = b[start..].iter().position(|&c| c == b'\n').map_or(b.len(), |i| start + i);
        match sorted[start..end].cmp(word) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
}

/// Whether `word` (lower case) is an ordinary word close to a name: never its typo.
pub(super) fn is_near_word(word: &str) -> bool {
    holds(NEAR, word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_words_come_from_the_data() {
        assert!(is_near_word("jupiter") && is_near_word("straße"));
        assert!(!is_near_word("jupyter") && !is_near_word("strace"));
        // Every line is found: the search misses no first or last word.
        assert!(NEAR.lines().all(|w| holds(NEAR, w)));
        assert!(!holds(NEAR, "") && !holds(NEAR, "zzzzzzzzzz"));
    }
}
