//! Views and filters over a finished graph: `--view full|topics|speakers`,
//! `--focus NAME --depth N`, `--min-weight N`, `--kinds K,...`. Every exporter takes
//! the graph a view returns, so views apply to every format alike.
//!
//! PLACEHOLDER: only `full` with no filters.

use super::{KnowledgeGraph, NodeKind};

/// Which part of the graph to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// Everything.
    #[default]
    Full,
    /// Technologies, organisations and PEPs with co-mention edges only.
    Topics,
    /// People and what they spoke about.
    Speakers,
}

impl View {
    /// Parses `full`, `topics` or `speakers`.
    pub fn from_name(s: &str) -> Option<View> {
        match s.trim().to_ascii_lowercase().as_str() {
            "full" => Some(View::Full),
            "topics" => Some(View::Topics),
            "speakers" => Some(View::Speakers),
            _ => None,
        }
    }
}

/// A view plus filters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewOptions {
    /// The view.
    pub view: View,
    /// Keep only the neighbourhood of the entity with this name, alias or id.
    pub focus: Option<String>,
    /// Depth of the neighbourhood (default 1).
    pub depth: Option<u32>,
    /// Drop edges lighter than this.
    pub min_weight: Option<u32>,
    /// Keep only nodes of these kinds.
    pub kinds: Option<Vec<NodeKind>>,
}

impl KnowledgeGraph {
    /// The part of the graph that `opts` selects.
    pub fn view(&self, opts: &ViewOptions) -> Result<KnowledgeGraph, String> {
        let _ = opts;
        Ok(self.clone())
    }
}
