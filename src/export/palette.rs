//! The one palette of every format: the fill of each node kind and of each community
//! of the topic map, in DOT, GEXF (`viz:color`), GraphML (`color`), Mermaid
//! (`classDef`), the HTML viewer and the Obsidian canvas.
//!
//! It is Paul Tol's colour-blind-safe *light* scheme, made for areas with text on
//! them: every colour stays readable under black labels, and the nine stay apart for
//! the common forms of colour blindness
//! (<https://personal.sron.nl/~pault/#sec:qualitative>).
//!
//! | colour | kind | community |
//! |---|---|---|
//! | `#77aadd` light blue | Talk | 0 |
//! | `#ee8866` orange | Organization | 1 |
//! | `#eedd88` light yellow | Event | 2 |
//! | `#ffaabb` pink | Person | 3 |
//! | `#99ddff` light cyan | Topic | 4 |
//! | `#44bb99` mint | Technology | 5 |
//! | `#bbcc33` pear | PEP | 6 |
//! | `#aaaa00` olive | | 7 |
//! | `#dddddd` pale grey | Version | the smaller ones, past the eighth |
//!
//! Lines (edges, cluster frames) are [`INK`], one dark grey: the relation is said by
//! the line's style and tooltip, not by a colour a reader must tell apart.

use crate::graph::NodeKind;

/// An sRGB colour.
pub type Rgb = [u8; 3];

/// Paul Tol's *light* scheme, in his order; the last is its pale grey.
pub const LIGHT: [Rgb; 9] = [
    [0x77, 0xaa, 0xdd],
    [0xee, 0x88, 0x66],
    [0xee, 0xdd, 0x88],
    [0xff, 0xaa, 0xbb],
    [0x99, 0xdd, 0xff],
    [0x44, 0xbb, 0x99],
    [0xbb, 0xcc, 0x33],
    [0xaa, 0xaa, 0x00],
    [0xdd, 0xdd, 0xdd],
];

/// [`LIGHT`] as `#rrggbb`, for the formats that write colours as text.
pub const LIGHT_HEX: [&str; 9] =
    ["#77aadd", "#ee8866", "#eedd88", "#ffaabb", "#99ddff", "#44bb99", "#bbcc33", "#aaaa00", "#dddddd"];

/// The grey of communities past the eighth, and of versions.
pub const GREY: Rgb = LIGHT[8];
/// [`GREY`] as `#rrggbb`.
pub const GREY_HEX: &str = LIGHT_HEX[8];

/// The colour of lines: edges and frames.
pub const INK: &str = "#555555";

/// [`INK`] at half opacity: the many edges of a map, so that crossings do not blacken
/// the picture.
pub const INK_LIGHT: &str = "#55555580";

/// The place in [`LIGHT`] of a node kind's fill (the table in the module doc).
fn kind_index(kind: NodeKind) -> usize {
    match kind {
        NodeKind::Talk => 0,
        NodeKind::Organization => 1,
        NodeKind::Event => 2,
        NodeKind::Person => 3,
        NodeKind::Technology => 5,
        NodeKind::Topic => 4,
        NodeKind::Pep => 6,
        NodeKind::Version => 8,
    }
}

/// The fill of a node kind (the table in the module doc).
pub fn kind(kind: NodeKind) -> Rgb {
    LIGHT[kind_index(kind)]
}

/// The fill of a node kind as `#rrggbb`.
pub fn kind_hex(kind: NodeKind) -> &'static str {
    LIGHT_HEX[kind_index(kind)]
}

/// The place in [`LIGHT`] of community `c`: the eight colours for the eight
/// largest communities, grey after.
fn community_index(c: u32) -> usize {
    (c as usize).min(8)
}

/// The fill of community `c` (numbered from 0, the largest): the palette's eight
/// colours for the eight largest, grey after.
pub fn community(c: u32) -> Rgb {
    LIGHT[community_index(c)]
}

/// The fill of community `c` as `#rrggbb`.
pub fn community_hex(c: u32) -> &'static str {
    LIGHT_HEX[community_index(c)]
}

/// `#rrggbb`.
///
/// ```
/// assert_eq!(talkgraph::export::palette::hex([0x77, 0xaa, 0xdd]), "#77aadd");
/// ```
pub fn hex(c: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_names_the_same_colours() {
        for (c, h) in LIGHT.iter().zip(LIGHT_HEX) {
            assert_eq!(hex(*c), h);
        }
    }

    #[test]
    fn each_kind_has_its_own_colour() {
        let mut seen: Vec<Rgb> = NodeKind::ALL.iter().map(|k| kind(*k)).collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), NodeKind::ALL.len());
    }

    #[test]
    fn communities_take_eight_colours_then_grey() {
        let first: Vec<Rgb> = (0..8).map(community).collect();
        let mut distinct = first.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), 8);
        assert!(!first.contains(&GREY));
        assert_eq!(community(8), GREY);
        assert_eq!(community(1000), GREY);
    }

    /// Black text stays readable on every fill: each has a relative luminance of at
    /// least 0.3 (a contrast ratio with black above 7:1 needs 0.3).
    #[test]
    fn black_labels_read_on_every_fill() {
        let channel = |v: u8| {
            let c = f64::from(v) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        for c in LIGHT {
            let l = 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
            assert!((l + 0.05) / 0.05 >= 7.0, "{} has luminance {l}", hex(c));
        }
    }
}
