//! The Graphviz runner: renders a written DOT file to SVG, PNG or PDF with Graphviz's
//! own programs (through graphviz-rust), apart from the DOT writer, which needs no
//! Graphviz. `--render svg,png,pdf` and the report's topic map use it.

use std::path::{Path, PathBuf};

use graphviz_rust::cmd::{CommandArg, Format as GvFormat, Layout as GvLayout};

use super::{ExportError, Layout};

/// A picture Graphviz renders from a DOT file (`--render svg,png,pdf`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RenderFormat {
    /// Scalable vector graphics (with links and tooltips).
    Svg,
    /// A bitmap.
    Png,
    /// A printable page.
    Pdf,
}

impl RenderFormat {
    /// Every picture format.
    pub const ALL: [RenderFormat; 3] = [RenderFormat::Svg, RenderFormat::Png, RenderFormat::Pdf];

    /// The name on the command line, also the file extension (`svg`, `png`, `pdf`).
    pub fn name(self) -> &'static str {
        match self {
            RenderFormat::Svg => "svg",
            RenderFormat::Png => "png",
            RenderFormat::Pdf => "pdf",
        }
    }

    /// Parses `svg`, `png` or `pdf`, case-insensitively.
    ///
    /// ```
    /// use talkgraph::export::RenderFormat;
    /// assert_eq!(RenderFormat::from_name("SVG"), Some(RenderFormat::Svg));
    /// assert_eq!(RenderFormat::from_name("gif"), None);
    /// ```
    pub fn from_name(s: &str) -> Option<RenderFormat> {
        RenderFormat::ALL.into_iter().find(|f| f.name().eq_ignore_ascii_case(s.trim()))
    }

    fn graphviz(self) -> GvFormat {
        match self {
            RenderFormat::Svg => GvFormat::Svg,
            RenderFormat::Png => GvFormat::Png,
            RenderFormat::Pdf => GvFormat::Pdf,
        }
    }
}

impl std::fmt::Display for RenderFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The engine to force, if any: with `auto`, the one the DOT file names (its
/// `layout` attribute, chosen per view by the writer) is used.
fn graphviz_layout(layout: Layout) -> Option<GvLayout> {
    match layout {
        Layout::Auto => None,
        Layout::Dot => Some(GvLayout::Dot),
        Layout::Sfdp => Some(GvLayout::Sfdp),
        Layout::Neato => Some(GvLayout::Neato),
    }
}

/// Renders the DOT file at `dot_path` with Graphviz (through graphviz-rust) into one
/// picture per format, beside it with the format's extension (`graph.dot` →
/// `graph.svg`), using the `layout` engine (with [`Layout::Auto`], the one the file names). Each picture is rendered into a temporary
/// file in the same folder, then renamed into place. Returns the paths written.
///
/// # Errors
///
/// [`ExportError::GraphvizMissing`] when `dot` is not on `PATH` (the message says how
/// to install it); [`ExportError::Render`] when Graphviz fails on the file.
pub fn render(dot_path: &Path, formats: &[RenderFormat], layout: Layout) -> Result<Vec<PathBuf>, ExportError> {
    let source = std::fs::read_to_string(dot_path).map_err(|e| ExportError::Io(dot_path.to_path_buf(), e))?;
    let dir = match dot_path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut written = Vec::with_capacity(formats.len());
    for &format in formats {
        let out = dot_path.with_extension(format.name());
        let tmp = tempfile::Builder::new()
            .prefix(&format!(".graph.{}.", format.name()))
            .suffix(".tmp")
            .tempfile_in(&dir)
            .map_err(|e| ExportError::Folder(dir.clone(), e))?;
        let mut args = vec![CommandArg::Format(format.graphviz())];
        args.extend(graphviz_layout(layout).map(CommandArg::Layout));
        args.push(CommandArg::Output(tmp.path().to_string_lossy().into_owned()));
        match graphviz_rust::exec_dot(source.clone(), args) {
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(ExportError::GraphvizMissing(e)),
            Err(e) => return Err(ExportError::Render(out, e)),
        }
        super::publish(tmp, &out)?;
        written.push(out);
    }
    Ok(written)
}
