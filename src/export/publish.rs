//! Writing one run's outputs into the output folder as one set, switched in in one step.
//!
//! A run writes every file into a staging folder beside the output folder
//! (`.<name>.talkgraph-XXXXXX`, on the same file system), with a manifest
//! ([`MANIFEST`]) listing what it wrote. When all is written, synced and checked, the
//! staging folder and the output folder swap names in one system call
//! (`renameat2(RENAME_EXCHANGE)` on Linux, `renamex_np(RENAME_SWAP)` on macOS): a
//! reader, a `kill -9` at any moment, or a second run finds the whole old set or the
//! whole new one, never a mix. The old set, now at the staging name, is then deleted.
//!
//! Why a swap and not a lock: a lock serialises runs but cannot make seven renames one
//! step, so a kill between two of them still leaves a mix; the swap needs no lock for
//! the outputs (the last run to switch wins, whole). Two runs into one folder each
//! stage their own set; only the clean-up of what a killed run left (staging folders
//! whose owner is gone) takes a short lock on the parent folder, and each run holds a
//! lock on its own staging folder so that no other run deletes it as dead.
//!
//! What stays in the folder: files the previous run did not write (its manifest says
//! which it did: a report, a picture drawn by hand) are carried over as hard links. A
//! file of ours that this run does not write (`graph.mmd` when Mermaid is skipped) is
//! gone with the old set. A folder talkgraph did not write, or a folder where an output
//! file goes, is an error before anything is replaced, as is a full disk (the set is
//! whole before it is switched in).
//!
//! A shell whose current folder is the output folder keeps the old (deleted) folder:
//! `cd` into it again to see the new files.

use std::collections::HashSet;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::{obsidian, render, ExportError, ExportOptions, Format};
use crate::graph::KnowledgeGraph;

/// The file in the output folder that lists the entries the run wrote, one a line.
pub const MANIFEST: &str = ".talkgraph-outputs";

/// What [`write_to_dir_timed`] wrote and how long it took.
#[derive(Debug, Default)]
pub struct Published {
    /// The paths written, in the output folder, in the order the formats were asked for.
    pub files: Vec<PathBuf>,
    /// The time each format took to write.
    pub times: FormatTimes,
    /// The time Graphviz took to draw the pictures (`--render`), if asked.
    pub render: Option<Duration>,
}

/// How long each format took to write.
pub type FormatTimes = Vec<(Format, Duration)>;

/// Writes every file of every format into `dir`, as one set switched in in one step (see
/// the [module](self)). Returns the paths written.
pub fn write_to_dir(
    graph: &KnowledgeGraph,
    formats: &[Format],
    opts: &ExportOptions,
    dir: &Path,
) -> Result<Vec<PathBuf>, ExportError> {
    write_to_dir_timed(graph, formats, opts, dir).map(|p| p.files)
}

/// [`write_to_dir`], also drawing the pictures `opts.render` asks for (from
/// `graph.dot`, which `formats` must include) into the same set, and returning the
/// time each step took.
pub fn write_to_dir_timed(
    graph: &KnowledgeGraph,
    formats: &[Format],
    opts: &ExportOptions,
    dir: &Path,
) -> Result<Published, ExportError> {
    let staging = Staging::new(dir)?;
    let times = write_formats(graph, formats, opts, staging.path(), &staging.shown)?;
    let mut names: Vec<String> = formats.iter().flat_map(|f| f.files(opts)).map(str::to_string).collect();
    if formats.contains(&Format::Obsidian) {
        names.push(obsidian::FOLDER.to_string());
    }
    let mut took_render = None;
    if !opts.render.is_empty() && formats.contains(&Format::Dot) {
        let start = Instant::now();
        let dot = staging.path().join(Format::Dot.files(opts)[0]);
        for p in render(&dot, &opts.render, opts.layout)? {
            names.extend(p.file_name().map(|n| n.to_string_lossy().into_owned()));
        }
        took_render = Some(start.elapsed());
    }
    let files = staging.commit(&names)?;
    Ok(Published { files, times, render: took_render })
}

/// Writes every file of `formats` into `into` (the staging folder), in parallel on the
/// current rayon pool (`-j` bounds it), the largest first, each synced to disk.
/// Messages name the files in `shown`, the output folder.
fn write_formats(
    graph: &KnowledgeGraph,
    formats: &[Format],
    opts: &ExportOptions,
    into: &Path,
    shown: &Path,
) -> Result<FormatTimes, ExportError> {
    use rayon::prelude::*;
    let mut jobs: Vec<(Format, &'static str)> =
        formats.iter().flat_map(|&f| f.files(opts).into_iter().map(move |file| (f, file))).collect();
    let cost = |f: Format| match f {
        Format::JsonLd => 0,
        Format::Dot => 1,
        _ => 2,
    };
    jobs.sort_by_key(|(f, _)| cost(*f));
    let vault = || -> Result<Duration, ExportError> {
        let start = Instant::now();
        if formats.contains(&Format::Obsidian) {
            let path = into.join(obsidian::FOLDER);
            std::fs::create_dir(&path).map_err(|e| ExportError::Io(shown.join(obsidian::FOLDER), e))?;
            obsidian::write_notes(graph, &path)?;
        }
        Ok(start.elapsed())
    };
    let (vault, done) = rayon::join(vault, || {
        jobs.par_iter()
            .with_max_len(1)
            .map(|&(f, file)| {
                let start = Instant::now();
                let path = shown.join(file);
                let io = |e| ExportError::Io(path.clone(), e);
                let out = std::fs::File::create(into.join(file)).map_err(io)?;
                let mut w = io::BufWriter::with_capacity(1 << 16, out);
                f.write(file, graph, opts, &mut w).map_err(|e| with_path(e, &path))?;
                w.into_inner().map_err(|e| io(e.into_error()))?.sync_all().map_err(io)?;
                Ok((f, start.elapsed()))
            })
            .collect::<Result<Vec<_>, ExportError>>()
    });
    let mut times: FormatTimes = formats.iter().map(|&f| (f, Duration::ZERO)).collect();
    for (f, took) in done?.into_iter().chain([(Format::Obsidian, vault?)]) {
        if let Some(t) = times.iter_mut().find(|(g, _)| *g == f) {
            t.1 += took;
        }
    }
    Ok(times)
}

fn with_path(e: ExportError, path: &Path) -> ExportError {
    match e {
        ExportError::Write(err) => ExportError::Io(path.to_path_buf(), err),
        other => other,
    }
}

/// A staging folder beside the output folder, deleted when dropped (after
/// [`commit`](Self::commit) it holds the old set).
struct Staging {
    /// The output folder, absolute.
    out: PathBuf,
    /// The output folder as given, for messages.
    shown: PathBuf,
    tmp: tempfile::TempDir,
    /// Open, with a lock on it while the run lives, so no other run takes it as dead.
    _lock: Option<std::fs::File>,
}

impl Staging {
    /// Checks that `out` is or can be a folder, deletes what killed runs left beside
    /// it, and makes this run's staging folder.
    fn new(out: &Path) -> Result<Staging, ExportError> {
        let shown = out.to_path_buf();
        let folder = |e| ExportError::Folder(shown.clone(), e);
        // The swap replaces the entry at the path: a symbolic link to the output folder
        // is followed, so the link stays and its target is the folder replaced.
        let out = match std::fs::metadata(out) {
            Ok(m) if m.is_dir() => {
                writable(out).map_err(folder)?;
                std::fs::canonicalize(out).map_err(folder)?
            }
            Ok(_) => return Err(folder(io::Error::other("it is a file, not a folder"))),
            Err(e) if e.kind() == io::ErrorKind::NotFound => absolute(out).map_err(folder)?,
            Err(e) => return Err(folder(e)),
        };
        let (Some(parent), Some(name)) = (out.parent(), out.file_name()) else {
            return Err(folder(io::Error::other("the root folder cannot be replaced; give a folder inside it")));
        };
        std::fs::create_dir_all(parent).map_err(folder)?;
        let prefix = format!(".{}.talkgraph-", name.to_string_lossy());
        // Only one run at a time cleans up, and makes its own staging folder and locks
        // it inside the same lock, so a clean-up never sees a live folder unlocked.
        let parent_lock = lock(parent);
        remove_dead_stagings(parent, &prefix);
        let tmp = tempfile::Builder::new().prefix(&prefix).tempdir_in(parent).map_err(folder)?;
        let lock = std::fs::File::open(tmp.path()).ok().filter(|f| f.try_lock().is_ok());
        drop(parent_lock);
        Ok(Staging { out, shown, tmp, _lock: lock })
    }

    fn path(&self) -> &Path {
        self.tmp.path()
    }

    /// Writes the manifest of `names` (the entries written in the staging folder),
    /// carries over what the output folder holds that is not ours, and switches the set
    /// in. Returns the paths of `names` in the output folder.
    fn commit(self, names: &[String]) -> Result<Vec<PathBuf>, ExportError> {
        let staged = self.path();
        let manifest = staged.join(MANIFEST);
        let io_at = |p: &Path| {
            let p = p.to_path_buf();
            move |e| ExportError::Io(p, e)
        };
        let mut list = String::new();
        for n in names {
            list.push_str(n);
            list.push('\n');
        }
        let mut f = std::fs::File::create(&manifest).map_err(io_at(&manifest))?;
        f.write_all(list.as_bytes()).and_then(|()| f.sync_all()).map_err(io_at(&manifest))?;
        // Runs into one folder take turns from reading the old set to switching in the
        // new, so that each sees the previous one's manifest with its files.
        let parent = self.out.parent().unwrap_or(Path::new("."));
        let parent_lock = lock(parent);
        self.carry_over(names)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&self.out).map_or(0o755, |m| m.permissions().mode() & 0o7777);
            std::fs::set_permissions(staged, std::fs::Permissions::from_mode(mode)).map_err(io_at(staged))?;
        }
        sync_dir(staged).map_err(io_at(staged))?;
        switch(staged, &self.out).map_err(|e| ExportError::Folder(self.shown.clone(), e))?;
        let _ = sync_dir(parent);
        drop(parent_lock);
        let files = names.iter().map(|n| self.shown.join(n)).collect();
        // Dropping `self` deletes the old set, now at the staging name.
        Ok(files)
    }

    /// Hard-links into the staging folder each file of the output folder that the
    /// previous run did not write (its manifest says which it did) and this run does
    /// not write. A folder that is not ours, or an entry of the wrong type where an
    /// output goes, is an error.
    fn carry_over(&self, names: &[String]) -> Result<(), ExportError> {
        let entries = match std::fs::read_dir(&self.out) {
            Ok(e) => e,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(ExportError::Folder(self.shown.clone(), e)),
        };
        let previous: HashSet<String> = std::fs::read_to_string(self.out.join(MANIFEST))
            .map(|s| s.lines().map(str::to_string).collect())
            .unwrap_or_default();
        let ours: HashSet<&str> = names.iter().map(String::as_str).collect();
        for e in entries {
            let e = e.map_err(|e| ExportError::Folder(self.shown.clone(), e))?;
            let name = e.file_name();
            let path = self.shown.join(&name);
            let kind = e.file_type().map_err(|err| ExportError::Io(path.clone(), err))?;
            let name = name.to_string_lossy();
            if ours.contains(&*name) {
                // Replaced, if it is of the kind we write.
                let folder_here = name == obsidian::FOLDER;
                if kind.is_dir() != folder_here {
                    return Err(ExportError::Occupied { path, folder_wanted: folder_here });
                }
                continue;
            }
            if name == MANIFEST || previous.contains(&*name) || is_legacy_temporary(&name) {
                continue;
            }
            if kind.is_dir() {
                return Err(ExportError::ForeignFolder { folder: self.shown.clone(), name: name.to_string() });
            }
            let to = self.path().join(&*name);
            let from = e.path();
            let linked = if kind.is_symlink() {
                std::fs::read_link(&from).and_then(|target| symlink(&target, &to))
            } else {
                std::fs::hard_link(&from, &to).or_else(|_| std::fs::copy(&from, &to).map(drop))
            };
            linked.map_err(|err| ExportError::Io(path, err))?;
        }
        Ok(())
    }
}

/// The temporary files and folders earlier versions of talkgraph wrote into the output
/// folder (`.graph.dot.XXXXXX.tmp`, `.obsidian.XXXXXX.tmp`): dropped with the old set.
fn is_legacy_temporary(name: &str) -> bool {
    let Some(rest) = name.strip_prefix('.') else { return false };
    let Some(rest) = rest.strip_suffix(".tmp") else { return false };
    let known = ["graph.", "nodes", "edges", "rels_", "obsidian."];
    known.iter().any(|k| rest.starts_with(k))
}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) -> io::Result<()> {
    std::os::unix::fs::symlink(target, link)
}

#[cfg(not(unix))]
fn symlink(target: &Path, link: &Path) -> io::Result<()> {
    std::fs::copy(target, link).map(drop)
}

fn absolute(p: &Path) -> io::Result<PathBuf> {
    std::path::absolute(p)
}

/// An exclusive lock on the folder `dir`, waited for; `None` where folders cannot be
/// locked (then runs do not take turns, and one may delete another's staging folder).
fn lock(dir: &Path) -> Option<std::fs::File> {
    std::fs::File::open(dir).ok().filter(|f| f.lock().is_ok())
}

/// Whether the folder can be written into: a read-only output folder is not replaced.
#[cfg(any(target_os = "linux", target_os = "android", target_os = "macos", target_os = "ios"))]
fn writable(dir: &Path) -> io::Result<()> {
    rustix::fs::access(dir, rustix::fs::Access::WRITE_OK).map_err(io::Error::from)
}

#[cfg(not(any(target_os = "linux", target_os = "android", target_os = "macos", target_os = "ios")))]
fn writable(dir: &Path) -> io::Result<()> {
    match std::fs::metadata(dir)?.permissions().readonly() {
        true => Err(io::ErrorKind::PermissionDenied.into()),
        false => Ok(()),
    }
}

/// Deletes the staging folders of runs that are gone (`prefix` + six characters): a
/// folder whose lock can be taken has no live owner.
fn remove_dead_stagings(parent: &Path, prefix: &str) {
    let Ok(entries) = std::fs::read_dir(parent) else { return };
    for e in entries.flatten() {
        let name = e.file_name();
        if !name.to_string_lossy().starts_with(prefix) {
            continue;
        }
        let path = e.path();
        let Ok(dir) = std::fs::File::open(&path) else { continue };
        if dir.try_lock().is_ok() {
            let _ = std::fs::remove_dir_all(&path);
        }
    }
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_: &Path) -> io::Result<()> {
    Ok(())
}

/// Puts the folder `staged` at `out`, in one step: swapped with the folder there, or
/// renamed when there is none. Afterwards `staged` holds the old set, if any.
fn switch(staged: &Path, out: &Path) -> io::Result<()> {
    loop {
        match exchange(staged, out) {
            Ok(()) => return Ok(()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => match std::fs::rename(staged, out) {
                Ok(()) => return Ok(()),
                // Another run made the folder meanwhile: swap with it.
                Err(e) if out.is_dir() && e.kind() != io::ErrorKind::NotFound => continue,
                Err(e) => return Err(e),
            },
            Err(e) => return Err(e),
        }
    }
}

#[cfg(any(target_os = "linux", target_os = "android", target_os = "macos", target_os = "ios"))]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(()),
        // The file system cannot swap (some network and FUSE ones): two renames.
        Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => two_renames(a, b),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(any(target_os = "linux", target_os = "android", target_os = "macos", target_os = "ios")))]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    two_renames(a, b)
}

/// The swap where the system has none: the old set is moved aside, then the new one in.
/// A kill between the two leaves no output folder (and both sets beside it).
fn two_renames(staged: &Path, out: &Path) -> io::Result<()> {
    if !out.exists() {
        return Err(io::ErrorKind::NotFound.into());
    }
    let mut aside = staged.as_os_str().to_owned();
    aside.push("-old");
    std::fs::rename(out, &aside)?;
    std::fs::rename(staged, out)?;
    std::fs::rename(&aside, staged)
}

/// Moves a finished temporary file to `path`, in one step. Temporary files are created
/// readable by their owner only; outputs are ordinary files, readable by all (0644) on
/// Unix.
pub(crate) fn publish(tmp: tempfile::NamedTempFile, path: &Path) -> Result<(), ExportError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))
            .map_err(|e| ExportError::Io(path.to_path_buf(), e))?;
    }
    tmp.persist(path).map_err(|e| ExportError::Io(path.to_path_buf(), e.error))?;
    Ok(())
}
