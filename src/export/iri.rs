//! IRIs: the one place that turns our ids into IRIs and decides which addresses may
//! go out as links (JSON-LD's `@id` and `sameAs`, DOT's `URL`).

/// The `@base` every node IRI is relative to. `talkgraph.example` is a reserved
/// domain that never resolves; replace it to mint ids under your own.
pub const BASE: &str = "https://talkgraph.example/id/";
/// The namespace of our own terms (prefix `tg:`).
pub const VOCAB: &str = "https://talkgraph.example/vocab#";

/// The relative IRI of a node id: its first `:` becomes `/`
/// (`technology:cpython` → `technology/cpython`), so that the kind is not read as an
/// IRI scheme; a talk's `#line` stays the IRI's fragment.
///
/// ```
/// use talkgraph::export::iri::iri;
/// assert_eq!(iri("technology:cpython"), "technology/cpython");
/// assert_eq!(iri("talk:2024/pycon-us#3"), "talk/2024/pycon-us#3");
/// ```
pub fn iri(id: &str) -> String {
    id.replacen(':', "/", 1)
}

/// The pieces of [`iri`]`(id)`, for writers that write them without a new string.
pub fn iri_parts(id: &str) -> [&str; 3] {
    match id.split_once(':') {
        Some((kind, rest)) => [kind, "/", rest],
        None => [id, "", ""],
    }
}

/// Whether `s` can go out as an absolute `http(s)` IRI as it is: no space, control
/// character or character IRIs forbid, so that a lexicon cannot plant a
/// `javascript:` link in an SVG or a broken IRI in the linked data.
///
/// ```
/// use talkgraph::export::iri::is_web_iri;
/// assert!(is_web_iri("https://peps.python.org/pep-0659/"));
/// assert!(!is_web_iri("javascript:alert(1)"));
/// ```
pub fn is_web_iri(s: &str) -> bool {
    (s.starts_with("https://") || s.starts_with("http://"))
        && s.len() > "https://".len()
        && !s.chars().any(|c| c.is_whitespace() || c.is_control() || "<>\"{}|\\^`".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_join_to_the_iri() {
        for id in ["technology:cpython", "talk:a:b#3", "plain"] {
            assert_eq!(iri_parts(id).concat(), iri(id), "{id}");
        }
    }

    #[test]
    fn only_web_addresses_pass() {
        for (s, ok) in [
            ("https://www.python.org/", true),
            ("http://example.org/a?b=c", true),
            ("https://", false),
            ("ftp://example.org/", false),
            ("https://exa mple.org/", false),
            ("https://example.org/\"onmouseover", false),
            ("javascript:alert(1)", false),
        ] {
            assert_eq!(is_web_iri(s), ok, "{s}");
        }
    }
}
