//! A schedule typed by hand as a grid of columns parted by bars (`time | ROOM 2 | ROOM
//! 5`), rows under rules of `-` and `+`, a cell's text going on over the lines below
//! it whose first cell is empty: one table, each row's cells holding all their lines.

use crate::notes::document::Row;

/// Whether a line is a grid's rule: `-------+------`, `|---|---|`, `=====`.
fn rule(t: &str) -> bool {
    t.len() >= 3 && t.contains(['-', '=']) && t.chars().all(|c| matches!(c, '-' | '+' | '|' | '=' | ' ' | ':'))
}

/// The cells of a line parted by bars.
fn cells(t: &str) -> Vec<&str> {
    // A bar at the margin is the grid's border; blanks before the first bar are an
    // empty first cell.
    let t = t.trim_end();
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = t.strip_suffix('|').unwrap_or(t);
    t.split('|').map(str::trim).collect()
}

/// The grid starting at `lines[k]`, if one does: its header, its rows and the index of
/// the line after it. A grid has a header of three or more cells, two of its lines or
/// more after the header hold bars, and it ends at a blank line.
pub(super) fn grid(lines: &[(u32, &str)], k: usize) -> Option<(Row, Vec<Row>, usize)> {
    let (hn, h) = *lines.get(k)?;
    let head = cells(h);
    if head.len() < 3 || !h.contains('|') || rule(h.trim()) {
        return None;
    }
    let mut rows: Vec<Row> = Vec::new();
    let mut j = k + 1;
    let mut barred = 0;
    while let Some(&(n, l)) = lines.get(j) {
        let t = l.trim();
        if t.is_empty() {
            break;
        }
        j += 1;
        if rule(t) {
            continue;
        }
        if !t.contains('|') {
            break;
        }
        barred += 1;
        let cs = cells(l);
        match rows.last_mut() {
            // A line whose first cell is empty goes on with the row above.
            Some(row) if cs.first().is_some_and(|c| c.is_empty()) => {
                for (i, c) in cs.iter().enumerate().skip(1).filter(|(_, c)| !c.is_empty()) {
                    if let Some(cell) = row.cells.get_mut(i) {
                        if !cell.is_empty() {
                            cell.push('\n');
                        }
                        cell.push_str(c);
                    } else {
                        row.cells.push((*c).to_string());
                    }
                }
            }
            _ => rows.push(Row { cells: cs.iter().map(|c| (*c).to_string()).collect(), line: n }),
        }
    }
    // (A markdown table, with its `|---|` rule right under the header, is the
    // markdown reader's.)
    (barred >= 2 && !rows.is_empty())
        .then(|| (Row { cells: head.iter().map(|c| (*c).to_string()).collect(), line: hn }, rows, j))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grids_hold_cells_over_several_lines() {
        let text = "time | ROOM 2 | ROOM 5\n-----+--------+-------\n09:00 | Virtual threads | KMP for backend\n      | Astrid Nilsen | Farrukh T\n      | - pinning gone |\n-----+--------+-------\n12:40 | lunch\n\nafter";
        let lines: Vec<(u32, &str)> = text.lines().enumerate().map(|(i, l)| (i as u32 + 1, l)).collect();
        let (h, rows, next) = grid(&lines, 0).unwrap();
        assert_eq!(h.cells, ["time", "ROOM 2", "ROOM 5"]);
        assert_eq!(rows.len(), 2);
        assert_eq!(
            rows[0].cells,
            ["09:00", "Virtual threads\nAstrid Nilsen\n- pinning gone", "KMP for backend\nFarrukh T"]
        );
        assert_eq!((rows[1].line, next), (7, 7));
        assert!(grid(&lines, 7).is_none());
    }
}
