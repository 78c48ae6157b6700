#!/usr/bin/env python3
"""Generate lexicon entries from package registries' lists and from curated lists.

Writes ``data/lexicon/pypi.toml`` (the Python registry's most-downloaded packages,
those with a rank among the 15,000 most downloaded) and ``data/lexicon/npm.toml``
(the Node registry's most-downloaded packages), one ``[[entry]]`` per package with:

- ``name``: the name people write: as the summary writes the package's name or its
  core, when it writes it as a proper name (``PyYAML``, ``Apache Sedona`` of
  apache-sedona, ``OpenLineage`` of openlineage-python), the project of a scoped npm
  package that is its core or its binding to a known name (``Rspack`` of
  ``@rspack/core``, ``Biome`` of ``@biomejs/biome``), else as registered; never a
  form that is one everyday word, holds a known name (``Sentry Node``) or is another
  package's name;
- ``aliases``: the registered name, its usual other spellings (``-`` and ``_``
  swapped, the name without a ``python-``/``py-``/``-python``/``node-``/``-js``/``.js``
  affix, a ``-js`` name joined, ``solidJS``); a spelling that is one common word is
  left out (``registry`` of python-registry), one of several words stays and makes
  the entry ambiguous when it is a common phrase (``great_expectations``);
- ``category``: taken from the summary (``framework``, ``plugin``, ``tool``, ``types``,
  ``library``);
- ``pypi`` / ``npm``: the registry name (a ``sameAs`` link in JSON-LD);
- ``ambiguous = true`` when a name is a common word in any of the eight languages the
  notes are read in (en, de, fr, es, it, pt, nl, pl), judged by word frequencies:
  such a name is linked only with context (code, an install or import, a capital
  mid-sentence, a clue word);
  and ``strict = true`` only when a capital mid-sentence proves nothing for it: a
  common German word (German capitalises its nouns), a word common in five or more of
  the languages (given names, surnames, places: ``maria``, ``paris``), an English day
  or month, a phrase whose words are all frequent German words, a frequent word or
  phrase (Zipf >= 3), an English form of a common word, a compound of two frequent
  ones, technical vocabulary (written in lower case in the lists' summaries more
  often than capitalised: ``async``, ``parse``), or a name of three
  letters or fewer that is a German word or a frequent word or acronym (Zipf >= 3)
  and that its summary does not write in capitals; a strict name is confirmed only
  by code (a code span, an install or import line) or a clue word. Other ambiguous
  names (``Zod``, ``Chromatic``, ``Goldilocks``) are also confirmed by a capital
  mid-sentence or a technology of the same family nearby. A name that is an everyday
  word (Zipf >= 4: ``from``, ``which``, ``future``) is left out;
- ``typos = false``: a misspelling of a generated name is never linked.

The hand-made sources (every other ``data/lexicon/*.toml``) stay authoritative: a
package whose name or spelling is already one of theirs is left out.

It also writes, from the curated lists transcribed in ``data/sources/`` (no crates.io
list is reachable; see data/README.md), ``data/lexicon/crates.toml`` (the Rust crates
and projects of ``awesome-rust.tsv`` and ``awesome-embedded-rust.tsv``) and
``data/lexicon/landscape.toml`` (the projects and products of ``cncf-landscape.tsv``),
after the registries (a name of pypi.toml or npm.toml is not taken again), with:

- ``name``: as the list writes it (``owner/`` left out at transcription); a landscape
  name without its trailing ``(ECR)``, ``(formerly ...)``, `` by Vendor`` or ``™``,
  which become aliases when they are names of their own;
- ``aliases``: the crate's name on crates.io when the list gives it (not when it is
  the name without a Rust affix: ``iptables`` of ``rust-iptables`` names iptables),
  ``-``/``_`` swapped;
- ``category``: from the section (``Libraries/Database`` -> library, ``Applications/
  Database`` -> database, ``Serverless/Hosted Platform`` -> service, ...); a landscape
  card that is a company (no repository, its name that of its Crunchbase organisation)
  is ``kind = "organization"``, category ``company``;
- ``ambiguous`` and ``strict`` as for the registries, with precise clues of the
  ecosystem (``crate``, ``cargo add``; ``cncf``, ``kubectl``); a name of several
  words (``Chaos Mesh``, ``Stateful Functions``) is matched in its written case only;
- left out: names of two characters or fewer, generic technical terms (``regex``,
  ``json``: concepts before packages), everyday words, and a vendor-prefixed name
  whose product is already an entry (``Red Hat OpenShift``; ``Grafana Mimir`` becomes
  ``Mimir``), so that a longer generated name never swallows known mentions.

And it writes ``data/lexicon/golang.toml``, the Go modules and programs of
``awesome-go.tsv`` (see ``golang_candidates`` and data/README.md): the same judgement
of names, the clues of the Go ecosystem and of each entry's section.

The word frequencies come from the ``wordfreq`` package (``pip install wordfreq``):
for every candidate name, the highest Zipf frequency among the eight languages is
written to ``data/sources/wordfreq.tsv`` when ``--wordfreq`` is given, and read back
from that committed file otherwise, so that regenerating needs no network.

Usage (from the repository root):

    python3 data/tools/gen_registry.py --pypi PYPI.tsv --npm NPM.tsv --wordfreq

(the curated lists are read from ``data/sources/`` of ``--root``).

``PYPI.tsv`` has the columns name, version, month, rank_among_15000_most_downloaded,
summary; ``NPM.tsv`` the columns name, version, downloads_a_month, summary (each
with a header line).
"""

from __future__ import annotations

import argparse
import calendar
import re
import sys
from pathlib import Path

LANGS = ("en", "de", "fr", "es", "it", "pt", "nl", "pl")
# A name at or above this Zipf frequency (about once in 10 million words) in any of
# LANGS is an ordinary word there.
COMMON_ZIPF = 2.0
# A name at or above this one (`from`, `which`, `three`, `future`) is an everyday word
# that notes never mean as a package outside code, where the code-span and install
# signals find it anyway: it is left out.
EVERYDAY_ZIPF = 4.0
# An ambiguous name at least this frequent (`inference`, `intervals`) is strict: notes
# write such words in lower case beside technologies of its family.
FREQUENT_ZIPF = 3.0
# A word the summaries write in lower case at least this often is technical vocabulary.
LOWER_USES = 10
# A phrase is strict when each of its words is at least this frequent in German
# (English words borrowed by German are frequent there too, less so).
PHRASE_DE_ZIPF = 3.0
# A name of three letters or fewer at least this frequent is mostly an acronym or a
# word of its own (`ceo`, `abc`, `msw`): capitalised, it proves nothing.
SHORT_ZIPF = 3.0
# A word common (COMMON_ZIPF) in at least this many of LANGS is mostly a proper name
# (given names, surnames, places) or an international word: capitalised anywhere.
MANY_LANGS = 5
# English words always capitalised: a capital proves nothing for them.
LOWER_WORDS: set[str] = set()  # filled by main() from the summaries (lower_case_words)
CALENDAR = {m.lower() for m in list(calendar.day_name) + list(calendar.month_name) if m}
NPM_TOP = 9000
MIN_LEN = 3

ECOSYSTEM_CLUES = {
    "pypi": ["pypi", "pip install", "python package", "python library", "uv add"],
    "npm": ["npm", "npm install", "yarn add", "pnpm add", "node.js", "javascript library"],
}

# (category, words of the summary that say it), the first that matches wins.
CATEGORY_RULES = [
    ("types", re.compile(r"\b(type (definitions|stubs)|typing stubs|stubs for)\b", re.I)),
    ("plugin", re.compile(r"\b(plugin|plug-in|extension for|preset|loader for|middleware)\b", re.I)),
    ("framework", re.compile(r"\bframework\b", re.I)),
    ("tool", re.compile(r"\b(cli|command[- ]line|tool|linter|formatter|bundler|compiler)\b", re.I)),
    ("service", re.compile(r"\b(sdk|client library|api client|client for)\b", re.I)),
]


def key(s: str) -> str:
    """The form the lexicon compares names in: lower case, runs of spaces as one."""
    return " ".join(s.lower().split())


def category_of(summary: str) -> str:
    for cat, rule in CATEGORY_RULES:
        if rule.search(summary):
            return cat
    return "library"


def display_name(name: str, summary: str) -> str:
    """The name as the summary writes it (``PyYAML``) when it is there, else as is."""
    for m in re.finditer(r"[\w.\-]+", summary):
        w = m.group(0).strip(".-")
        if w.lower() == name.lower() and w != name and any(c.isupper() for c in w):
            return w
    return name


# The part of a scoped npm name that names no project (`@rspack/core`, `@vue/cli`):
# the scope does.
GENERIC_BARE = {"core", "cli", "client", "kit", "main", "runtime", "sdk", "server", "lib", "node", "api"}
JS_SUFFIX = re.compile(r"(?:[-_.]?js)$", re.I)


def written_in(summary: str, words: list[str]) -> str | None:
    """How the summary writes a name made of `words` (`Apache Sedona`, `SolidJS`):
    joined by a space, a hyphen or nothing, with a capital; None when it does not."""
    if not words or not summary:
        return None
    pat = r"(?<![\w.@/-])" + r"[ \-]?".join(re.escape(w) for w in words) + r"(?![\w/-])"
    for m in re.finditer(pat, summary, re.I):
        w = m.group(0)
        if any(c.isupper() for c in w) and w.lower() != w.upper():
            return w
    return None


def proper(form: str | None) -> str | None:
    """`form` when it is written as a proper name: each word capitalised (`Apache
    Sedona`, not `Basic auth` nor the function `queueMicrotask`), four letters or more (`HLS` of hls.js names the
    protocol)."""
    if form and form[:1].isupper() and all(w[:1].isupper() or any(c.isupper() for c in w) for w in form.split()) \
            and len(re.sub(r"\W", "", form)) >= 4:
        return form
    return None


def holds_known(form: str, known) -> bool:
    """Whether a name of several words holds a known name (`Snowflake SQLAlchemy`,
    `Sentry Node`): it would swallow that name's mentions."""
    words = form.split()
    return any(key(" ".join(words[i:j])) in known
               for i in range(len(words)) for j in range(i + 1, len(words) + 1) if (i, j) != (0, len(words)))


def project_names(name: str, summary: str, known=frozenset()) -> tuple[str, list[str]]:
    """The name people write for a package and the other names derived for it: the
    summary's own spelling of the name or of its core (`Apache Sedona`, `OpenCV` of
    opencv-python), the project of a scoped npm name (`Rspack` of @rspack/core,
    `Biome` of @biomejs/biome, `Testing Library` of @testing-library/react), the
    core of a `-js` name with its suffix (`SolidJS` of solid-js)."""
    derived: list[str] = []
    shown = display_name(name, summary)
    if name.startswith("@") and "/" in name:
        scope, bare = name[1:].split("/", 1)
        project = JS_SUFFIX.sub("", scope) or scope
        # The scope is the project when the package is its core (`@rspack/core`,
        # `@biomejs/biome`) or its binding to a known name (`@testing-library/react`).
        # The summary's own name for scope and package (`SvelteKit` of @sveltejs/kit).
        joined = proper(written_in(summary, [project, *re.split(r"[-_.]+", bare)]))
        if joined:
            return joined, derived
        words = [w for w in re.split(r"[-_.]+", project) if w]
        if (bare in GENERIC_BARE or JS_SUFFIX.sub("", bare) == project
                or (len(words) > 1 and key(bare) in known)):
            return written_in(summary, words) or " ".join(w[:1].upper() + w[1:] for w in words), derived
        return shown, derived
    core = name
    for pre in ("python-", "py-", "node-"):
        if core.startswith(pre) and len(core) - len(pre) >= 4:
            core = core[len(pre):]
    for suf in ("-python", "-py", "-node"):
        if core.endswith(suf) and len(core) - len(suf) >= 4:
            core = core[: -len(suf)]
    js = JS_SUFFIX.search(core) and len(JS_SUFFIX.sub("", core)) >= 3 and not core.lower().startswith("js")
    stem = JS_SUFFIX.sub("", core) if js else core
    words = [w for w in re.split(r"[-_.]+", stem) if w]
    form = written_in(summary, words + (["js"] if js else [])) or written_in(summary, words)
    form = proper(form)
    if form and key(form) != key(name):
        if shown == name:
            shown = form
        else:
            derived.append(form)
    if js:
        joined = "".join(words)
        derived.append(joined + ("JS" if not core.endswith(".js") else ".js"))
    return shown, [d for d in derived if key(d) != key(shown)]


def spellings(name: str) -> list[str]:
    """Usual other spellings of a package name."""
    out = []
    bare = name.split("/")[-1] if name.startswith("@") else name
    if bare != name:
        return out
    if "-" in name:
        out.append(name.replace("-", "_"))
    if "_" in name:
        out.append(name.replace("_", "-"))
    for pre in ("python-", "py-", "node-"):
        if name.startswith(pre) and len(name) - len(pre) >= 4:
            out.append(name[len(pre):])
    for suf in ("-python", "-py", "-js", ".js", "-node"):
        if name.endswith(suf) and len(name) - len(suf) >= 4:
            out.append(name[: -len(suf)])
    return out


def plausible(name: str) -> bool:
    if name.startswith("@types/") or name.startswith("types-") or len(name) < MIN_LEN:
        return False
    core = name.split("/")[-1]
    return bool(re.fullmatch(r"@?[a-z0-9][a-z0-9._\-/]*", name.lower())) and not core.replace(".", "").isdigit()


def read_pypi(path: Path) -> list[tuple[str, str, str]]:
    rows = []
    with path.open(encoding="utf-8") as f:
        next(f, None)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 5 or not cols[3].strip():
                continue
            rows.append((int(cols[3]), cols[0], cols[4]))
    rows.sort()
    return [("pypi", n, s) for _, n, s in rows]


def read_npm(path: Path, top: int) -> list[tuple[str, str, str]]:
    rows = []
    with path.open(encoding="utf-8") as f:
        next(f, None)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 4 or not cols[2].strip().isdigit():
                continue
            rows.append((-int(cols[2]), cols[0], re.sub(r"^\[tested here:[^\]]*\]\s*", "", cols[3])))
    rows.sort()
    return [("npm", n, s) for _, n, s in rows if plausible(n)][:top]


def words_of(name: str) -> list[str]:
    """The words a frequency list may hold for a name: itself, and its spellings with
    spaces for separators."""
    base = name.split("/")[-1].lower()
    return sorted({base, re.sub(r"[-_.]+", " ", base).strip()})


def make_wordfreq(names: list[str], out: Path) -> None:
    from wordfreq import zipf_frequency  # imported here: only needed to regenerate

    lines = ["# word\tzipf\tlanguage\tde\tlangs: the highest Zipf frequency of the word among "
             + ", ".join(LANGS) + " (wordfreq) and its language, its Zipf frequency in German, and in how many of "
             "those languages it is at least " + str(COMMON_ZIPF) + "; words under 1.0 are left out; `s:` marks the singular "
             "of a name that may be a plural.\n"]
    seen = set()
    for n in names:
        toks = tokens_of(n)
        # (The singulars of a one-word name, `s:notifier` of notifiers, kept apart: only
        # `is_plural_of_word` reads them.)
        stems = [STEM + s for s in plural_stems(toks[0])] if len(toks) == 1 and toks[0].isalpha() else []
        for w in words_of(n) + toks + stems:
            if w in seen:
                continue
            seen.add(w)
            zs = {lang: zipf_frequency(w.removeprefix(STEM), lang) for lang in LANGS}
            best = max((z, lang) for lang, z in zs.items())
            if best[0] >= 1.0:
                many = sum(z >= COMMON_ZIPF for z in zs.values())
                lines.append(f"{w}\t{best[0]:.2f}\t{best[1]}\t{zs['de']:.2f}\t{many}\n")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(lines), encoding="utf-8")


def read_wordfreq(path: Path, local: dict | None = None) -> dict[str, float]:
    """The highest Zipf frequency of each word; `local` gets (German Zipf, number of
    languages where it is common) when the file has them."""
    freq = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cols = line.split("\t")
        freq[cols[0]] = float(cols[1])
        if local is not None and len(cols) >= 5:
            local[cols[0]] = (float(cols[3]), int(cols[4]))
    return freq


def curated_keys(lexicon_dir: Path, skip: set[str]) -> set[str]:
    """Every name, alias and registry name of the hand-made sources (their `name =`,
    `aliases =`, `pypi =` and `npm =` lines; build.rs checks the files themselves):
    a package a hand-made entry holds (`npm = "solid-js"` of SolidJS) is not
    generated again."""
    keys = set()
    str_re = re.compile(r'"((?:[^"\\]|\\.)*)"')
    for f in sorted(lexicon_dir.glob("*.toml")):
        if f.name in skip:
            continue
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.startswith(("name =", "aliases =", "pypi =", "npm =")):
                for s in str_re.findall(line):
                    keys.add(key(s.encode().decode("unicode_escape")))
    return keys


def is_word(name: str, freq: dict[str, float], common: set[str]) -> bool:
    """Whether a name, or its words, is a common word in one of LANGS (a scoped npm
    name, `@rspack/core`, is none)."""
    if name.startswith("@") and "/" in name:
        return False
    return any(freq.get(w, 0.0) >= COMMON_ZIPF or w in common for w in words_of(name))


def is_plural_of_word(name: str, freq: dict[str, float]) -> bool:
    """Whether a one-word name is the plural of a common word (`notifiers`,
    `subdomains`): notes write the plural of a noun as often as the noun."""
    parts = tokens_of(name)
    if len(parts) != 1 or not parts[0].isalpha() or any(c.isupper() for c in name[1:]):
        return False  # (`HGVS`, `gTTS`, `CURIEs`: acronyms, not plurals)
    return any(max(freq.get(s, 0.0), freq.get(STEM + s, 0.0)) >= COMMON_ZIPF for s in plural_stems(parts[0]))


# The prefix of a singular's row in sources/wordfreq.tsv (see `make_wordfreq`).
STEM = "s:"


def plural_stems(w: str) -> list[str]:
    """The singulars an English plural may have (`queries` -> query, `boxes` -> box,
    `notifiers` -> notifier), of four letters or more (`svcs`, `vecs`: no plurals of
    abbreviations)."""
    stems = [w[:-3] + "y"] if w.endswith("ies") else []
    stems += [w[:-2]] if w.endswith("es") else []
    stems += [w[:-1]] if w.endswith("s") and not w.endswith("ss") else []
    return [s for s in stems if len(s) >= 4]


def is_phrase(name: str) -> bool:
    """Whether a name is written as several words (`Apache Sedona`)."""
    return " " in name.strip()


def capital_proves_nothing(name: str, freq: dict[str, float], local: dict[str, tuple[float, int]],
                           summary: str = "") -> bool:
    """Whether a capital mid-sentence proves nothing for an ambiguous name, so that it
    is `strict`: a common German word (German capitalises every noun), a word common
    in most of LANGS (given names, surnames, places and international words:
    `maria`, `paris`, `radio`), an English day or month, a frequent word or phrase,
    an English form of a common word or a compound of two frequent ones (a phrase:
    also when each of its words is a German one), or a name of three letters
    or fewer that is a German word or a frequent one (SHORT_ZIPF: `abc`, `ceo`) and
    that its summary does not write in capitals; a rarer short name (`zod`) written
    `Zod` mid-sentence is the name."""
    if name.startswith("@") and "/" in name:
        return False
    parts = tokens_of(name)
    if len(parts) == 1 and len(parts[0]) <= 3:
        de, _ = local.get(parts[0], (0.0, 0))
        return ((de >= COMMON_ZIPF or freq.get(parts[0], 0.0) >= SHORT_ZIPF)
                and not re.search(r"(?<!\w)" + re.escape(parts[0].upper()) + r"(?!\w)", summary))
    if len(parts) > 1:
        # A phrase (`Testing Library`): only when each word is a German noun or word.
        # A frequent phrase (`human readable`) too, like a frequent word.
        return (all(local.get(p, (0.0, 0))[0] >= PHRASE_DE_ZIPF for p in parts)
                or any(freq.get(w, 0.0) >= FREQUENT_ZIPF for w in words_of(name)))
    for w in words_of(name) + parts:
        de, langs = local.get(w, (0.0, 0))
        if de >= COMMON_ZIPF or langs >= MANY_LANGS or w in CALENDAR or w in LOWER_WORDS:
            return True
        # A frequent word, or a form of one (`adapters`, `logging`, `executable`,
        # `unstructured`), is written in lower case beside other technologies
        # (`queries`, `bindings`, `dependencies`): a neighbour proves nothing.
        if freq.get(w, 0.0) >= FREQUENT_ZIPF or any(freq.get(b, 0.0) >= COMMON_ZIPF for b in bases(w)):
            return True
        # A compound of two frequent words (`uptime`, `humanreadable`).
        if " " not in w and any(freq.get(w[:i], 0.0) >= FREQUENT_ZIPF and freq.get(w[i:], 0.0) >= FREQUENT_ZIPF
                                for i in range(2, len(w) - 1)):
            return True
    return False


def lower_case_words(paths: list[Path]) -> set[str]:
    """The words that the registries' summaries (a case-sensitive sample of technical
    prose) write in lower case at least LOWER_USES times and more often than with a
    capital mid-sentence: technical vocabulary (`async`, `parse`, `scheduler`,
    `bottleneck`), which notes write beside technologies; not a name people
    capitalise (`Zod`: 49 lower, 151 capitalised)."""
    low: dict[str, int] = {}
    cap: dict[str, int] = {}
    word = re.compile(r"(?<![\w.@/-])([A-Za-z][a-z0-9]+)(?![\w/-])")
    for path in paths:
        with path.open(encoding="utf-8") as f:
            next(f, None)
            for line in f:
                summary = line.rstrip("\n").rsplit("\t", 1)[-1]
                for m in word.finditer(summary):
                    w = m.group(1)
                    if w[0].islower():
                        low[w] = low.get(w, 0) + 1
                    elif m.start() > 0 and summary[max(0, m.start() - 2):m.start()].strip() not in (".", "!", "?", ":", "]"):
                        cap[w.lower()] = cap.get(w.lower(), 0) + 1
    return {w for w, n in low.items() if n >= LOWER_USES and n > cap.get(w, 0)}


def bases(word: str) -> list[str]:
    """The words a word may be an English form of (`queries` -> query, `logging` ->
    log, `executable` -> execute, `unstructured` -> structured)."""
    out = []
    for suf, rep in (("ies", "y"), ("es", ""), ("s", ""), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"),
                     ("able", ""), ("able", "e"), ("er", ""), ("or", "e")):
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            stem = word[: -len(suf)] + rep
            out.append(stem)
            if len(stem) > 3 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # logging -> logg -> log
    if word.startswith("un") and len(word) > 5:
        out.append(word[2:])
    return out


def toml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def entries(rows, taken: set[str], freq: dict[str, float], common: set[str], local=None, registered=frozenset(),
            hand=frozenset()):
    """The entries of `rows` (registry, name, summary) whose names are not taken;
    `hand`: the hand-made names."""
    local = local or {}
    loose = {alnum(n) for n in registered}
    out = []
    for registry, name, summary in rows:
        if not plausible(name) or key(name) in taken:
            continue
        # A scoped name (`@rspack/core`) is no word, whatever its last part.
        if not name.startswith("@") and any(freq.get(w, 0.0) >= EVERYDAY_ZIPF for w in words_of(name) if " " not in w):
            continue
        shown, derived = project_names(name, summary, hand)
        # A derived name that another package is registered as, that is taken or that
        # is one everyday word (`Singer` of singer-python) is not this one's: the
        # registered name is shown then.
        if key(shown) != key(name) and (key(shown) in taken or key(shown) in registered
                                        or (not is_phrase(shown) and is_word(shown, freq, common))
                                        or any(freq.get(w, 0.0) >= FREQUENT_ZIPF for w in words_of(shown))):
            shown = name  # nor a frequent phrase (`Human Readable`): its case would confirm it
        if key(shown) != key(name) and alnum(shown) in loose and alnum(shown) != alnum(name):
            shown = name  # `Axe Core` of @axe-core/playwright is axe-core
        derived = [d for d in derived if not holds_known(d, taken) and (alnum(d) not in loose or alnum(d) == alnum(name))]
        if key(shown) != key(name) and holds_known(shown, taken):
            shown = name
        # A spelling that is one word of its own (`registry` for python-registry) is
        # not how anyone names the package: only the registered name may be a word.
        # One of several words (`apache_sedona`, `Apache Sedona`) keeps its other
        # words: it stays, and makes the entry ambiguous when it is a common phrase.
        names = [shown] + [
            a for a in [name, *derived, *spellings(name)]
            if key(a) not in taken and key(a) != key(shown) and (key(a) == key(name) or key(a) not in registered)
            and (a == name or len(tokens_of(a)) > 1 or not is_word(a, freq, common))
        ]
        names = list(dict.fromkeys(names))
        names = [n for i, n in enumerate(names) if key(n) not in {key(m) for m in names[:i]}]
        for n in names:
            taken.add(key(n))
        ambiguous = any(is_word(n, freq, common) or is_plural_of_word(n, freq) for n in names) or len(name) <= 3
        out.append({
            "registry": registry,
            "name": shown,
            "aliases": names[1:],
            "category": category_of(summary),
            "ambiguous": ambiguous,
            "strict": ambiguous and any(capital_proves_nothing(n, freq, local, summary) for n in names),
            "id": name,
        })
    return out


def render(header: list[str], clues: str, es: list[dict]) -> str:
    """The TOML of generated entries: `header` lines as comments, then one `[[entry]]`
    each; ambiguous names take the `clues` of ECOSYSTEM_CLUES[clues]. A registry
    entry (`registry` set) ends with its registry name, a curated one with its homepage."""
    lines = [f"# {h}\n" for h in header]
    for e in es:
        lines.append("\n[[entry]]\n")
        lines.append(f"name = {toml_str(e['name'])}\n")
        lines.append(f"kind = {toml_str(e.get('kind', 'technology'))}\n")
        lines.append(f"category = {toml_str(e['category'])}\n")
        if e["aliases"]:
            lines.append("aliases = [" + ", ".join(toml_str(a) for a in e["aliases"]) + "]\n")
        if e.get("case_sensitive"):
            lines.append('case = "sensitive"\n')
        if e["ambiguous"]:
            lines.append("ambiguous = true\n" + ("strict = true\n" if e["strict"] else ""))
            lines.append("clues = [" + ", ".join(toml_str(c) for c in e.get("clues") or ECOSYSTEM_CLUES[clues]) + "]\n")
        lines.append("typos = false\n")
        if e.get("registry"):
            lines.append(f"{e['registry']} = {toml_str(e['id'])}\n")
        elif e.get("homepage"):
            lines.append(f"homepage = {toml_str(e['homepage'])}\n")
    return "".join(lines)


REGISTRY_HEADER = [
    "GENERATED by data/tools/gen_registry.py (see data/README.md): do not edit; add",
    "or correct an entry in a hand-made source instead, which wins over this file.",
]
CURATED_HEADER = [
    "GENERATED by data/tools/gen_registry.py from data/sources/ (see data/README.md): do",
    "not edit; add or correct an entry in a hand-made source instead, which wins.",
]


# --- The curated lists of data/sources/ -----------------------------------------

# (generated file, title, its lists in data/sources/ and how to read them)
CURATED = [
    ("crates.toml", "Rust crates and projects of the curated lists awesome-rust and awesome-embedded-rust.",
     ["awesome-rust.tsv", "awesome-embedded-rust.tsv"]),
    ("landscape.toml", "Projects and products of the CNCF landscape (members and service providers left out).",
     ["cncf-landscape.tsv"]),
]

# Clues of a curated ecosystem: precise ones only. `rust` or `kubernetes` are said
# throughout the notes of their conferences and would confirm every word-like name.
ECOSYSTEM_CLUES["crates"] = ["crate", "crates.io", "cargo add", "cargo install"]
ECOSYSTEM_CLUES["landscape"] = ["cncf", "kubectl", "helm chart", "helm install"]

# Generic terms that curated lists use as project names: in notes they name the
# concept (`regex`, `json`, `zerocopy`, `ngrams`), a command or module of another
# ecosystem (`whoami`, `textwrap`) or the library a crate binds (`lapack`,
# `socketcan`), not the project.
GENERIC = {
    "api", "app", "cli", "core", "config", "csv", "ffi", "ftp", "graph", "grpc", "gui",
    "html", "http", "image", "json", "jwt", "log", "orm", "pdf", "protocol", "regex",
    "server", "spec", "sql", "ssh", "tar", "time", "tls", "toml", "tui", "wasm", "xml",
    "yaml", "zip", "tempfile", "openapi", "jsonpath", "bindgen", "operator", "network",
    "runtime", "lambda", "wasi", "oci", "dwarf", "llvm", "gcode", "ieee802154", "hub75",
    "biquad", "byteorder", "zerocopy", "perlin", "ngrams", "hypergraph", "argmin",
    "steganography", "robotstxt", "goldenfile", "linefeed", "procs", "whoami",
    "sysinfo", "textwrap", "lapack", "blas", "socketcan",
}
# A crate named as what it binds or implements, with a Rust affix (`rust-iptables`,
# `nng-rs`): its crates.io name (`iptables`, `nng`) names that thing, not the crate.
RUST_AFFIX = re.compile(r"^rust[-_]|[-_.]rs$|[-_]rust$", re.I)

# (section prefix, category): the first that matches wins.
SECTION_CATEGORIES = [
    # awesome-rust
    ("Applications/Database", "database"),
    ("Applications/Operating systems", "os"),
    ("Applications", "tool"),
    ("Development tools/Services", "service"),
    ("Development tools/FFI", "library"),
    ("Development tools/Testing", "library"),
    ("Development tools/Static analysis", "library"),
    ("Development tools", "tool"),
    ("Registries", "service"),
    ("Libraries", "library"),
    # awesome-embedded-rust
    ("Tools", "tool"),
    ("Real-time/Real-time Operating System", "os"),
    ("Real-time", "framework"),
    ("Rust forks", "compiler"),
    ("Firmware projects", "tool"),
    # the CNCF landscape
    ("App Definition and Development/Database", "database"),
    ("Provisioning/Container Registry", "service"),
    ("Platform/Certified Kubernetes - Hosted", "service"),
    ("Platform/PaaS", "platform"),
    ("Serverless/Hosted Platform", "service"),
    ("Serverless/Framework", "framework"),
    ("Orchestration & Management/Remote Procedure Call", "framework"),
    ("Wasm/Specifications", "standard"),
    ("Provisioning", "tool"),
    ("Runtime", "tool"),
    ("Orchestration & Management", "tool"),
    ("App Definition and Development", "tool"),
    ("Platform", "tool"),
    ("Serverless", "tool"),
    ("Observability and Analysis", "tool"),
    ("Wasm", "tool"),
    ("", "library"),
]
DOMAIN = re.compile(r"[\w-]+\.(io|ai|sh|dev|rs|com|net|land)")


def section_category(section: str) -> str:
    for prefix, cat in SECTION_CATEGORIES:
        if section == prefix or section.startswith(prefix + "/") or not prefix:
            return cat
    return "library"


def tokens_of(name: str) -> list[str]:
    """A name's words, lower case (`Open Policy Agent` -> open, policy, agent)."""
    return re.findall(r"[^\W_]+", name.lower())


def read_curated(path: Path) -> list[dict]:
    """The rows of a curated list (TSV, `#` comment lines, then a header line)."""
    lines = [l for l in path.read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, l.split("\t"))) for l in lines[1:]]


def alnum(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", s.lower())


def curated_candidates(source: str, rows: list[dict]) -> list[dict]:
    """The candidate entries of a curated list's rows, before any name is judged."""
    if source == "golang":
        return golang_candidates(rows)
    out = []
    for r in rows:
        name = re.sub(r"[\u2122\u00ae\ufe0f]", "", r["name"]).strip()
        aliases = []
        if source == "crates":
            section = r["section"]
            crate = r.get("crate", "").strip()
            bare = RUST_AFFIX.sub("", name).replace("_", "-").lower()
            if crate and crate != name and crate.replace("_", "-").lower() != bare:
                aliases.append(crate)
        else:
            section = f"{r['category']}/{r['subcategory']}"
            crate = ""
            m = re.fullmatch(r"(.+?)\s*\((?:formerly\s+)?([^()]+)\)", name)
            if m:
                name, other = m.group(1).strip(), m.group(2).strip()
                aliases.append(other)
            m = re.fullmatch(r"(.+?) by (.+)", name)
            if m:
                aliases.append(name)
                name = m.group(1).strip()
        company = (
            source == "landscape" and not r.get("repo")
            and (alnum(name) == alnum(r.get("crunchbase", "")) or r.get("crunchbase", "").startswith(name.lower() + "-"))
        )
        for a in [name, *aliases]:
            if " " not in a and ("-" in a or "_" in a):
                aliases.append(a.replace("-", "_") if "-" in a else a.replace("_", "-"))
        out.append({
            "name": name,
            "aliases": aliases,
            "kind": "organization" if company else "technology",
            "category": "company" if company else section_category(section),
            "crate": crate,
            "source": source,
        })
    return out


def without_known_part(name: str, solid: set[str], freq, common) -> str | None:
    """The name to give a multi-word candidate that holds a known name (`Red Hat
    OpenShift`, `Grafana Mimir`): None (left out) unless what follows a known prefix
    is one word that is no common word (`Mimir`); the name itself when it holds none."""
    words = name.split()
    if len(words) < 2:
        return name
    for i in range(len(words)):
        for j in range(i + 1, len(words) + 1):
            if (i, j) != (0, len(words)) and key(" ".join(words[i:j])) in solid:
                rest = words[j:] if i == 0 else []
                # A product name of its own (`Mimir`, `Stackdriver`), not an acronym.
                if (len(rest) == 1 and len(rest[0]) >= 4 and re.search(r"[a-z]", rest[0])
                        and not is_word(rest[0], freq, common)):
                    return rest[0]
                return None
    return name


def curated_entries(cands: list[dict], taken: set[str], solid: set[str], freq, common, local=None) -> list[dict]:
    """The entries of a curated list's candidates whose names are not taken (see the
    module's doc for what is left out and how a name is judged)."""
    local = local or {}
    out = []
    for c in cands:
        if c["source"] == "golang":
            # A list name that is a word, its organisation the project with a Go affix
            # (`migrate` of golang-migrate, `rod` of go-rod): the organisation's name.
            if c.get("owner_form") and is_word(c["name"], freq, common):
                c = {**c, "name": c["owner_form"], "case_sensitive": False,
                     "aliases": [c["name"], *(a for a in c["aliases"] if a != c["owner_form"])]}
        name = without_known_part(c["name"], solid, freq, common)
        if name is None or len(name) <= 2 or key(name) in taken:
            continue
        toks = tokens_of(name)
        if not toks or (len(toks) == 1 and (toks[0] in GENERIC or freq.get(toks[0], 0.0) >= EVERYDAY_ZIPF)):
            continue
        if alnum(name) in GENERIC or name.replace(".", "").isdigit():
            continue
        aliases = [
            a for a in dict.fromkeys(c["aliases"])
            if len(a) >= 3 and key(a) not in taken and key(a) != key(name) and not is_word(a, freq, common)
            and alnum(a) not in GENERIC and key(a) not in solid
        ]
        names = [name] + aliases
        # A Go word confirmed only by the ecosystem's clues (no section words: `metrics`,
        # `Chronos`; its section's own word: `validate`) or that is technical vocabulary
        # (`prototype`, `tokenizer`: its section's words are said beside it in any
        # language's notes), and not by a capital: notes write it for the word, and its
        # hit stands between the neighbours that confirm each other (Prometheus beside
        # Graphite).
        if (c["source"] == "golang" and is_word(name, freq, common)
                and (c.get("clues") == ECOSYSTEM_CLUES["golang"] or any(w in LOWER_WORDS for w in words_of(name)))
                and any(capital_proves_nothing(n, freq, local) for n in names)):
            continue
        for n in names:
            taken.add(key(n))
        # Product names of several words are written in their case (`Chaos Mesh`); in
        # lower case they are mostly ordinary phrases (`stateful functions`).
        plain = " " in name
        out.append({
            "name": name,
            "aliases": aliases,
            "kind": c["kind"],
            "category": c["category"],
            "case_sensitive": plain or c.get("case_sensitive", False),
            # `Spot.io`, `docs.rs`: a domain as written is no word, whatever its parts.
            "ambiguous": (is_word(name, freq, common) and not DOMAIN.fullmatch(name))
            or (len(toks) == 1 and len(name) <= 3),
            "strict": any(capital_proves_nothing(n, freq, local) for n in names),
            "homepage": c.get("homepage") or (f"https://crates.io/crates/{c['crate']}" if c["crate"] else None),
            "source": c["source"],
            "clues": c.get("clues"),
        })
    return out



# --- awesome-go: the Go ecosystem ---------------------------------------------

CURATED.append(("golang.toml", "Go modules and programs of the curated list awesome-go.", ["awesome-go.tsv"]))
# The source each generated curated file is read as (curated_candidates).
CURATED_SOURCE = {"crates.toml": "crates", "landscape.toml": "landscape", "golang.toml": "golang"}
# Precise clues of the Go ecosystem: its commands and files, its name and its mascot
# (not `go`, an everyday word). An entry adds the words of its section (golang_clues).
ECOSYSTEM_CLUES["golang"] = ["golang", "go get", "go install", "go mod", "go.mod", "go module", "gopher",
                             "gophers", "gophercon"]
# (section prefix, category) of awesome-go's sections: the first that matches wins.
GO_SECTION_CATEGORIES = [
    ("Database/Databases Implemented in Go", "database"),
    ("Database/Database Schema Migration", "tool"),
    ("Database/Database Tools", "tool"),
    ("Web Frameworks/Routers", "library"),
    ("Web Frameworks/Middlewares", "library"),
    ("Web Frameworks", "framework"),
    ("Workflow Frameworks", "framework"),
    ("Data Integration Frameworks", "framework"),
    ("Testing/Testing Frameworks", "framework"),
    ("Editor Plugins", "plugin"),
    ("Go Compilers", "compiler"),
    ("WebAssembly", "library"),
    ("Server Applications", "tool"),
    ("Software Packages", "tool"),
    ("Code Analysis", "tool"),
    ("Go Tools", "tool"),
    ("Go Generate Tools", "tool"),
    ("Build Automation", "tool"),
    ("Continuous Integration", "tool"),
    ("Package Management", "tool"),
    ("Performance", "tool"),
    ("Zero Trust", "tool"),
    ("", "library"),
]
# The words of a section that say nothing of its entries' family.
SECTION_STOP = {
    "and", "for", "the", "with", "other", "advanced", "standard", "actual", "creating", "libraries", "library",
    "tools", "tool", "software", "packages", "miscellaneous", "uncategorized", "utilities", "utility",
    "implemented", "interfaces", "multiple", "backends", "collections", "data", "structures", "structure",
    "control", "version", "third", "party", "apis", "internet", "things", "generate", "go", "golang",
    "analytic", "search", "console", "uis", "frameworks", "framework", "processing", "language", "languages",
    "natural", "text", "types", "misc", "devops", "code", "line", "command", "analysis", "building", "working",
    "management", "systems", "system", "applications", "server", "web", "time",
}
# Generic terms the list names modules after: in notes they name the concept (a data
# structure, an algorithm, a pattern, a format or protocol, a C function), not the module.
GO_GENERIC = {
    "lint", "skiplist", "quadtree", "treemap", "bitset", "bitmap", "outbox", "topk", "ewma", "jsonrpc", "mdns",
    "dhcp6", "iso9660", "strftime", "expr", "ltsv", "hyperloglog", "levenshtein", "trie", "bloom", "bloomfilter",
    "cuckoofilter", "deque", "semaphore", "checksum", "xdg", "sse", "pagerank", "textrank", "morse", "numa",
    "captcha", "slug", "webhook", "webhooks", "pubsub", "raft", "dht", "torrent", "null", "dict", "cmap", "hmap",
    "fsm", "uuid", "ulid", "xid", "guid", "nanoid", "shortid", "sftp", "smtp", "stun", "utp", "arp", "ethernet",
}
# A repository named as a part of a project, not as the project (`sdk-go` of Temporal).
GO_PART = re.compile(r"^(?:go[-_.]?)?(?:sdk|client|core|cli|lib|api|server|engine|main)(?:[-_.]?go(?:lang)?)?$", re.I)


def golang_clues(section: str) -> list[str]:
    """The clues of an entry of `section`: the words of its headings that name a
    family (`migration`, `orm`, `router`: `Migrations with goose`), singular and
    plural, then the Go ecosystem's clues."""
    words = []
    for w in re.findall(r"[A-Za-z]+", section.lower()):
        if len(w) < 3 or w in SECTION_STOP:
            continue
        stem = w[:-1] if w.endswith("s") and not w.endswith(("ss", "is", "us")) and len(w) > 4 else w
        words += [stem, stem + "s"] if stem != "orm" else [stem]
    return list(dict.fromkeys(words + ECOSYSTEM_CLUES["golang"]))


def golang_candidates(rows: list[dict]) -> list[dict]:
    """The candidate entries of awesome-go's rows (name, module, section): the name as
    the list writes it, without a parenthesis (`godump (goforj)`); the repository's
    name as an alias when it differs (`ebiten` of Ebitengine, `go-redis` of redis),
    unless it names a part (`sdk-go`), and so is an organisation named as the project
    with a Go affix (`golang-migrate`, `go-chi`); `-`/`_` swapped. Left out: names of more than
    three words (descriptions: `Go plugin for JetBrains IDEs`), a phrase holding the
    word Go (a binding: `NATS Go Client`, `Extism Go SDK`), names that are not ASCII
    words."""
    out = []
    for r in rows:
        name = re.sub(r"\s*\([^)]*\)\s*$", "", r["name"]).strip()
        words = name.split()
        if (len(words) > 3 or (len(words) > 1 and any(w.lower() in ("go", "golang") for w in words))
                or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9 ._/'+-]*", name)):
            continue
        module = r.get("module", "").strip()
        aliases = []
        repo = re.sub(r"/v\d+$", "", module).rsplit("/", 1)[-1] if module.count("/") >= 2 else ""
        if repo and alnum(repo) != alnum(name.split("/")[-1]) and not GO_PART.match(repo) and len(repo) >= 4:
            aliases.append(repo)
        # An organisation named as its project with a Go affix (`golang-migrate/migrate`,
        # `go-chi/chi`, `go-gorm/gorm`): the name people write to say which one.
        owner = module.split("/")[1] if module.count("/") >= 2 else ""
        owner_form = bool(repo and re.fullmatch(r"(?:go|golang)-" + re.escape(repo) + r"|" + re.escape(repo) + r"-go",
                                                owner, re.I))
        if owner_form:
            aliases.append(owner)
        for a in [name, *aliases]:
            if " " not in a and ("-" in a or "_" in a):
                aliases.append(a.replace("-", "_") if "-" in a else a.replace("_", "-"))
        if alnum(name) in GO_GENERIC:
            continue
        section = r["section"]
        clues = golang_clues(section)
        # A name that is its section's own word (`validate` in Validation, `workflow`
        # in Workflow Frameworks) is the family's generic word: only the ecosystem's
        # clues confirm it.
        if any(alnum(name)[:5] == c[:5] for c in clues if c not in ECOSYSTEM_CLUES["golang"]):
            clues = ECOSYSTEM_CLUES["golang"]
        category = next(cat for prefix, cat in GO_SECTION_CATEGORIES
                        if not prefix or section == prefix or section.startswith(prefix + "/"))
        out.append({
            "name": name,
            "aliases": aliases,
            "kind": "technology",
            "category": category,
            "crate": "",
            "homepage": f"https://{module}" if module.count("/") >= 2 else None,
            "clues": clues,
            "source": "golang",
            "owner_form": owner if owner_form else None,
            # A short name the list writes in lower case (`pgx`, `pgo`, `xid`, `mux`):
            # in capitals it is an acronym (PGO, XID), not the module.
            "case_sensitive": len(name) <= 4 and name.isalnum() and name == name.lower(),
        })
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pypi", type=Path, required=True, help="the PyPI package list (TSV)")
    ap.add_argument("--npm", type=Path, required=True, help="the npm package list (TSV)")
    ap.add_argument("--npm-top", type=int, default=NPM_TOP, help="how many npm packages (most downloaded first)")
    ap.add_argument("--wordfreq", action="store_true", help="recompute data/sources/wordfreq.tsv with wordfreq")
    ap.add_argument("--root", type=Path, default=Path("."), help="the repository (default: .)")
    args = ap.parse_args(argv)
    lexicon = args.root / "data" / "lexicon"
    sources = args.root / "data" / "sources"
    freq_file = sources / "wordfreq.tsv"
    pypi = read_pypi(args.pypi)
    npm = read_npm(args.npm, args.npm_top)
    curated = [
        (out, title, [c for f in files if (sources / f).exists()
                      for c in curated_candidates(CURATED_SOURCE.get(out, "landscape"),
                                                  read_curated(sources / f))])
        for out, title, files in CURATED
    ]
    if args.wordfreq:
        cands = [c for _, _, cs in curated for c in cs]
        extra = [n for c in cands for n in [c["name"], *c["aliases"]]]
        reg = [n for _, n, _ in pypi + npm]
        reg += [d for _, n, sm in pypi + npm for d in [project_names(n, sm)[0], *project_names(n, sm)[1]]]
        make_wordfreq(reg + extra + [t for n in extra for t in tokens_of(n)], freq_file)
    local: dict[str, tuple[float, int]] = {}
    freq = read_wordfreq(freq_file, local)
    LOWER_WORDS.clear()
    LOWER_WORDS.update(lower_case_words([args.pypi, args.npm]))
    common_file = args.root / "data" / "common-words.txt"
    common = {
        w.strip() for w in common_file.read_text(encoding="utf-8").splitlines() if w.strip() and not w.startswith("#")
    } if common_file.exists() else set()
    generated = {"pypi.toml", "npm.toml"} | {out for out, _, _ in CURATED}
    taken = curated_keys(lexicon, generated)
    solid = set(taken)
    registered = {key(n) for _, n, _ in pypi + npm}
    hand = frozenset(taken)
    py = entries(pypi, taken, freq, common, local, registered, hand)
    js = entries(npm, taken, freq, common, local, registered, hand)
    solid |= {key(n) for e in py + js if not e["ambiguous"] for n in [e["name"], *e["aliases"]]}
    (lexicon / "pypi.toml").write_text(
        render(["The Python registry's most-downloaded packages (rank among the 15,000 most downloaded).", *REGISTRY_HEADER], "pypi", py),
        encoding="utf-8",
    )
    (lexicon / "npm.toml").write_text(
        render([f"The npm registry's {args.npm_top:,} most-downloaded packages (type packages left out).", *REGISTRY_HEADER], "npm", js),
        encoding="utf-8",
    )
    counts = []
    for out, title, cands in curated:
        if not cands:  # its lists are not there: the file is left as it is
            continue
        es = curated_entries(cands, taken, solid, freq, common, local)
        solid |= {key(n) for e in es if not e["ambiguous"] for n in [e["name"], *e["aliases"]]}
        (lexicon / out).write_text(render([title, *CURATED_HEADER], cands[0]["source"], es), encoding="utf-8")
        counts.append(f"{out}: {len(es)} entries")
    names = sum(1 + len(e["aliases"]) for e in py + js)
    print(f"pypi: {len(py)} entries, npm: {len(js)} entries, {names} names, "
          f"{sum(e['ambiguous'] for e in py + js)} ambiguous, {sum(e['strict'] for e in py + js)} strict; "
          + ", ".join(counts), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
