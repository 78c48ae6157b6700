//! A live blog written newest first (`Les mises à jour les plus récentes sont en haut`):
//! each update a paragraph opening on its time, the times falling down the page, so
//! that a talk's announcement (`**[17:15]** On enchaîne avec Karim Benali qui présente
//! « … »`) comes below the updates about it. Such a talk's notes are the paragraphs
//! above its announcement, up to the announcement of the talk after it in time (and
//! after a break written there, which came after the talk ended).

use super::*;

/// The fewest timed paragraphs that make a note a log.
const MIN_TIMED: usize = 4;

/// The minute of the day a time as [`strip_time`] gives it stands for (`18:10`, `9h`,
/// `10.30`, `2:05 pm`).
fn minutes(t: &str) -> Option<u32> {
    let digits: Vec<u32> =
        t.split(|c: char| !c.is_ascii_digit()).filter(|d| !d.is_empty()).map_while(|d| d.parse().ok()).collect();
    let (h, m) = (*digits.first()?, digits.get(1).copied().unwrap_or(0));
    let pm = t.to_ascii_lowercase().contains("pm") && h < 12;
    Some((h + if pm { 12 } else { 0 }) * 60 + m)
}

/// The time a block opens on, if it is a paragraph or an item.
fn time_of(b: &Block<'_>) -> Option<u32> {
    let text = match &b.kind {
        BlockKind::Paragraph { text } | BlockKind::ListItem { text, .. } => text,
        _ => return None,
    };
    let first = text.lines().next()?;
    let plain = strip_inline(first);
    let (_, t) = strip_time(plain.trim())?;
    minutes(t)
}

/// Whether the note's updates are written newest first: [`MIN_TIMED`] paragraphs at
/// least open on a time, and three in four of the steps from one to the next go back in
/// time.
pub(super) fn newest_first(blocks: &[Block<'_>]) -> bool {
    let times: Vec<u32> = blocks.iter().filter_map(time_of).collect();
    if times.len() < MIN_TIMED {
        return false;
    }
    let back = times.windows(2).filter(|w| w[1] < w[0]).count();
    back * 4 >= (times.len() - 1) * 3
}

/// Where each talk's notes start in a note written newest first, from the last lines of
/// its announcement (`owns`, in the order of the note): after the announcement above it
/// (or at the first timed paragraph), and after the last break between the two.
pub(super) fn starts(blocks: &[Block<'_>], owns: &[u32], labels: &Labels) -> Vec<u32> {
    let first = blocks.iter().find(|b| time_of(b).is_some()).map_or(1, |b| b.line);
    let mut starts = Vec::with_capacity(owns.len());
    // The blocks are walked once for all the talks, in order (a walk over every block
    // for each talk was quadratic in a long blog).
    let mut bi = 0;
    for (k, &own) in owns.iter().enumerate() {
        let above = if k == 0 { first.min(own) } else { owns[k - 1] + 1 };
        let mut from = above;
        while blocks.get(bi).is_some_and(|b| b.line < above) {
            bi += 1;
        }
        let between = blocks[bi..].iter().take_while(|b| b.end < own);
        for b in between {
            let BlockKind::Paragraph { text } = &b.kind else { continue };
            let plain = strip_inline(text.lines().next().unwrap_or(""));
            let rest = strip_time(plain.trim()).map_or(plain.trim(), |(r, _)| r);
            let rest = rest.trim_start_matches(|c: char| !c.is_alphanumeric());
            if labels.leading(rest).is_some_and(|(cs, _)| cs.contains(&Concept::Break)) {
                from = b.end + 1;
            }
        }
        starts.push(from);
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_live_blog_newest_first() {
        let text = "# Live\n\n**[17:30]** Demo: Quarkus on Cloud Run.\n\n**[17:15]** Next up, Karim Benali presents \"Java serverless in 2024\". Full room.\n\n**[16:50]** Coffee break! Stickers at the Scaleway stand.\n\n**[16:40]** Pauline sums up: Langfuse for evals.\n\n**[16:20]** Pauline Marchand opens the afternoon with \"LLMs in production without tears\".\n";
        let got = crate::notes::talks::tests::sections_as(text, crate::notes::document::Markup::Markdown, |s| {
            (s.line, s.body_line, s.title.clone())
        });
        assert_eq!(
            got,
            [(5, 3, "Java serverless in 2024".to_string()), (11, 8, "LLMs in production without tears".to_string())]
        );
        assert_eq!(minutes("2:05 pm"), Some(14 * 60 + 5));
        assert_eq!(minutes("9h"), Some(9 * 60));
    }
}
