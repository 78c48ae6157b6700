//! Graphviz DOT. PLACEHOLDER.

use std::io::Write;

use super::{ExportError, ExportOptions};
use crate::graph::KnowledgeGraph;

/// Writes `graph` as DOT.
pub fn write(graph: &KnowledgeGraph, _opts: &ExportOptions, w: &mut dyn Write) -> Result<(), ExportError> {
    writeln!(w, "digraph talkgraph {{ /* {} nodes */ }}", graph.node_count())?;
    Ok(())
}
