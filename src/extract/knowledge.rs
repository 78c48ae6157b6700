//! What a run knows and how sure it is: the [`Knowledge`] every worker shares (the
//! lexicon, the PEP catalogue, the user's merges and options) and the [`Confidence`]
//! of a mention, which `--min-confidence` filters on and every format shows.

use std::borrow::Cow;

use super::lexicon::{self, EntryId, Lexicon};
use super::pep::PepCatalog;
use super::{merges, text, Mention, Rule, Target};

/// How sure a link is, from the least sure to the surest: a name in no lexicon that
/// looks like software where it is written (`inferred`), a misspelling of a lexicon
/// name (`typo`, with its edit distance), a name that is also an ordinary word,
/// confirmed by its context (`context`), a lexicon name written in another case
/// (`case-folded`), one of its aliases (`alias`), its canonical name (`exact`), and a
/// name of the user's own lexicon (`user`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Confidence {
    /// Found by its shape or its neighbours, in no lexicon.
    Inferred,
    /// A misspelling, at this edit distance.
    Typo {
        /// Edits between what was written and the name.
        distance: u8,
    },
    /// An ambiguous name (also an ordinary word) that its context confirms.
    Context,
    /// A lexicon name written in another case.
    CaseFolded,
    /// An alias of a lexicon entry, as listed.
    Alias,
    /// A canonical name as listed, or a fact read from the notes' structure.
    Exact,
    /// A name of the user's lexicon (`--lexicon`, `talkgraph.toml`).
    User,
}

impl Confidence {
    /// The level names `--min-confidence` takes, least sure first.
    pub const LEVELS: [&'static str; 7] = ["inferred", "typo", "context", "case-folded", "alias", "exact", "user"];

    /// Its level's name (`typo` for every distance).
    pub fn level(self) -> &'static str {
        Self::LEVELS[self.rank().0 as usize]
    }

    /// (level, closeness within the level): a typo at distance 1 is surer than one at 2.
    fn rank(self) -> (u8, u8) {
        match self {
            Confidence::Inferred => (0, 0),
            Confidence::Typo { distance } => (1, u8::MAX - distance),
            Confidence::Context => (2, 0),
            Confidence::CaseFolded => (3, 0),
            Confidence::Alias => (4, 0),
            Confidence::Exact => (5, 0),
            Confidence::User => (6, 0),
        }
    }

    /// Reads a level name (`inferred`, `typo`, `typo:2`, `context`, `case-folded`,
    /// `alias`, `exact`, `user`); `typo` stands for every typo.
    pub fn parse(s: &str) -> Result<Confidence, String> {
        let s = s.trim().to_ascii_lowercase();
        if let Some(d) = s.strip_prefix("typo:") {
            return d
                .parse()
                .map(|distance| Confidence::Typo { distance })
                .map_err(|_| format!("bad typo distance {d:?}"));
        }
        Ok(match s.as_str() {
            "inferred" => Confidence::Inferred,
            "typo" => Confidence::Typo { distance: u8::MAX },
            "context" => Confidence::Context,
            "case-folded" => Confidence::CaseFolded,
            "alias" => Confidence::Alias,
            "exact" => Confidence::Exact,
            "user" => Confidence::User,
            other => {
                return Err(format!("unknown confidence {other:?}: expected one of {}", Self::LEVELS.join(", ")));
            }
        })
    }
}

impl PartialOrd for Confidence {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Confidence {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.rank().cmp(&other.rank())
    }
}

impl std::fmt::Display for Confidence {
    /// `exact`, `alias`, `case-folded`, `typo:1`, `context`, `inferred`, `user`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Confidence::Typo { distance } => write!(f, "typo:{distance}"),
            other => f.write_str(other.level()),
        }
    }
}

impl std::str::FromStr for Confidence {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Confidence::parse(s)
    }
}

/// How a run recognises names: [`Knowledge::with_options`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExtractOptions {
    /// Whether names in no lexicon are inferred (`--no-infer` clears it).
    pub infer: bool,
    /// Mentions less sure than this are dropped (`--min-confidence`).
    pub min_confidence: Option<Confidence>,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        ExtractOptions { infer: true, min_confidence: None }
    }
}

/// The facts every run shares: the lexicon and the PEP catalogue. The built-in lexicon
/// is borrowed, not copied (the catalogue, small, is read into each); a user lexicon
/// makes the run its own copy
/// ([`lexicon_mut`](Self::lexicon_mut)).
#[derive(Debug)]
pub struct Knowledge {
    /// Technologies and organisations (built-in, plus the user's).
    pub lexicon: Cow<'static, Lexicon>,
    /// The PEP catalogue.
    pub peps: Cow<'static, PepCatalog>,
    /// Whether names in no lexicon are inferred from their shape and neighbours
    /// (default: yes; `--no-infer` turns it off, and then no name outside a lexicon
    /// becomes a node).
    pub infer: bool,
    /// Mentions less sure than this are dropped (`--min-confidence`).
    pub min_confidence: Option<Confidence>,
    /// The user's `same`, `never` and `ignore` rules.
    pub merges: merges::Merges,
    /// Whether the lexicon is the built-in one extended by the user's files: then an
    /// entry the built-in lexicon does not hold as it is came from the user.
    extends_builtin: bool,
    /// For each entry, whether it came from the user's files (made on first use).
    user_entries: std::sync::OnceLock<Box<[bool]>>,
}

impl Knowledge {
    /// The built-in lexicon (borrowed: no copy per call) and catalogue.
    pub fn builtin() -> Knowledge {
        Knowledge {
            lexicon: Cow::Borrowed(Lexicon::builtin()),
            peps: Cow::Owned(PepCatalog::builtin()),
            infer: true,
            min_confidence: None,
            merges: merges::Merges::default(),
            extends_builtin: true,
            user_entries: std::sync::OnceLock::new(),
        }
    }

    /// Knowledge made of this lexicon and catalogue.
    pub fn new(lexicon: Lexicon, peps: PepCatalog) -> Knowledge {
        Knowledge {
            lexicon: Cow::Owned(lexicon),
            peps: Cow::Owned(peps),
            infer: true,
            min_confidence: None,
            merges: merges::Merges::default(),
            extends_builtin: false,
            user_entries: std::sync::OnceLock::new(),
        }
    }

    /// This knowledge, recognising names as `opts` says.
    pub fn with_options(mut self, opts: ExtractOptions) -> Knowledge {
        self.infer = opts.infer;
        self.min_confidence = opts.min_confidence;
        self
    }

    /// The lexicon, to add entries to (copied from the built-in one on first use).
    pub fn lexicon_mut(&mut self) -> &mut Lexicon {
        self.user_entries = std::sync::OnceLock::new();
        self.lexicon.to_mut()
    }

    /// Whether entry `id` came from the user's lexicon (added, or replacing a built-in
    /// entry), not from the built-in one.
    pub fn is_user_entry(&self, id: EntryId) -> bool {
        // The built-in lexicon alone has no user entry: asked first, so that its
        // entries are not all decoded for nothing (47 M instructions at start-up).
        if !self.extends_builtin || matches!(self.lexicon, Cow::Borrowed(_)) {
            return false;
        }
        let flags = self.user_entries.get_or_init(|| {
            let builtin = Lexicon::builtin();
            let mine = self.lexicon.entries();
            let theirs = builtin.entries();
            mine.iter().enumerate().map(|(i, e)| theirs.get(i) != Some(e)).collect()
        });
        flags.get(id as usize).copied().unwrap_or(false)
    }

    /// How sure mention `m` is: see [`Confidence`].
    pub fn confidence(&self, m: &Mention) -> Confidence {
        match (&m.target, m.rule) {
            (_, Rule::EditDistance { distance, .. }) => Confidence::Typo { distance },
            (_, Rule::User { .. }) => Confidence::User,
            (Target::Unlisted(_) | Target::Organization(_), _) => Confidence::Inferred,
            (Target::Pep(_) | Target::PythonVersion(_), _) => Confidence::Exact,
            (Target::Entry(id), _) if self.is_user_entry(*id) => Confidence::User,
            (Target::Entry(id), _) => {
                let e = self.lexicon.entry(*id);
                if e.ambiguous || text::is_common_word(&m.surface) {
                    Confidence::Context
                } else if m.surface == e.name {
                    Confidence::Exact
                } else if lexicon::name_key(&m.surface) == lexicon::name_key(&e.name) {
                    Confidence::CaseFolded
                } else if e.aliases.contains(&m.surface) || m.rule == Rule::Exact {
                    Confidence::Alias
                } else {
                    Confidence::CaseFolded
                }
            }
        }
    }
}
