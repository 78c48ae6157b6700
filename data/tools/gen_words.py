#!/usr/bin/env python3
"""Ordinary words near the hand-made lexicon's names, from the wordfreq package.

Writes ``data/sources/near-words.tsv``: the words of the eight languages notes are
read in (en, de, fr, es, it, pt, nl, pl; Zipf >= 2.5) that are within typo distance
of a name of the hand-made sources (``data/lexicon/*.toml`` but ``pypi.toml``,
``npm.toml`` and ``golang.toml``, whose names are never read as typos; 5 to 8 characters: 1 edit; 9 or more: 2; same first letter):
``build.rs`` compiles them, and the typo matcher never reads one as a typo of a
name (``Jupiter`` is not Jupyter, ``Straße`` is not strace).

It also writes ``data/sources/hand-words.tsv``: the names of the hand-made sources
that are everyday words of one of those languages (Zipf >= 4.0 there, the frequency
at which ``gen_registry.py`` leaves a registry name out, and well above the name's
frequency in the others; see ``hand_words``), with the languages they are words of
and whether a capital proves nothing for them (``strict``, by ``gen_registry.py``'s
``capital_proves_nothing``, for German words): ``build.rs`` makes such an entry
``ambiguous`` (and ``strict``) in text of those languages unless it says
``ambiguous`` itself (French ``plus vite``: Vite is linked there only with context).

Usage (from the repository root; ``pip install wordfreq``):

    python3 data/tools/gen_words.py
"""

import argparse
import re
import statistics
import sys
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from gen_registry import COMMON_ZIPF, EVERYDAY_ZIPF, LANGS, capital_proves_nothing  # noqa: E402

NEAR_ZIPF = 2.5
# The generated files, judged by gen_registry.py itself.
GENERATED = ("pypi.toml", "npm.toml", "crates.toml", "landscape.toml", "golang.toml")
# A hand-made name is the name of something well known, whose own uses fill the
# frequency lists of every language alike: `google`, `linux`, `kafka`, `django` are
# within a Zipf of each other in all eight. A word of a language is more frequent
# there than in the others: its highest Zipf is at least this much above its median
# one among LANGS (`vite`: 5.3 in French, median 2.5; `werkzeug`: 4.1 in German, 0).
PEAK_ZIPF = 1.0
# A hand-made name is listed when it is an everyday word of a language (the Zipf at
# which gen_registry.py leaves a registry name out altogether): rarer words a
# well-known name shares (`playwright`, `parquet`) are mostly said for the name.
WORD_ZIPF = EVERYDAY_ZIPF
STR = re.compile(r'"((?:[^"\\]|\\.)*)"')


def curated_names(lexicon: Path) -> list[str]:
    """Every name and alias of the hand-made sources."""
    names = []
    for f in sorted(lexicon.glob("*.toml")):
        if f.name in ("pypi.toml", "npm.toml", "golang.toml"):
            continue
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.startswith(("name =", "aliases =")):
                names += [s.encode().decode("unicode_escape") for s in STR.findall(line)]
    return names


def allowed(n: int) -> int:
    """As `allowed_distance` in src/extract/lexicon/typo.rs."""
    return 0 if n <= 4 else 1 if n <= 8 else 2


def osa(a: str, b: str) -> int:
    """Optimal string alignment distance (strsim::osa_distance)."""
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            c = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + c)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


def deletes(s: str, k: int) -> set[str]:
    out, level = {s}, {s}
    for _ in range(k):
        level = {w[:i] + w[i + 1:] for w in level for i in range(len(w))}
        out |= level
    return out


def near_words(names: list[str], words: dict[str, tuple[float, str]]) -> list[tuple[str, str]]:
    """(word, name) of each word within typo distance of a name."""
    index: dict[str, set[str]] = {}
    for n in {n.lower() for n in names if len(n) >= 5 and n.replace(" ", "").isalpha()}:
        for d in deletes(n, allowed(len(n))):
            index.setdefault(d, set()).add(n)
    found = []
    for w in words:
        if len(w) < 4:
            continue
        cands = set()
        for d in deletes(w, 2 if len(w) >= 8 else 1):
            cands |= index.get(d, set())
        for n in sorted(cands):
            if n != w and n[0] == w[0] and 0 < osa(w, n) <= allowed(len(n)):
                found.append((w, n))
                break
    return found


def word_forms(name: str, case_sensitive: bool) -> str | None:
    """The word a name may be read as: its lower case, when it is one word of letters
    that notes can write as a word (in a case-sensitive entry, only a name written in
    lower case or capitalised: `BAM` or `LiMux` is no word there)."""
    w = name.lower()
    if not w.isalpha():
        return None
    if case_sensitive and name not in (w, w[:1].upper() + w[1:]):
        return None
    return w


class Freqs:
    """The `freq` and `local` maps of gen_registry.py's judgement, filled from `zipf`
    (word, language -> Zipf) as they are asked."""

    def __init__(self, zipf):
        self.zipf = zipf
        self.seen: dict[str, dict[str, float]] = {}

    def all(self, w: str) -> dict[str, float]:
        if w not in self.seen:
            self.seen[w] = {lang: self.zipf(w, lang) for lang in LANGS}
        return self.seen[w]

    def get(self, w: str, default=0.0) -> float:
        return max(self.all(w).values()) if w else default

    def local(self, w: str) -> tuple[float, int]:
        zs = self.all(w)
        return zs["de"], sum(z >= COMMON_ZIPF for z in zs.values())


class Local:
    def __init__(self, freqs: Freqs):
        self.freqs = freqs

    def get(self, w: str, default=(0.0, 0)):
        return self.freqs.local(w) if w else default


def hand_words(files: list[tuple[str, list[dict]]], zipf) -> list[tuple[str, str, str, float, str, bool]]:
    """(name, entry, file, Zipf, languages, strict) of each name of the hand-made
    entries `files` ((file name, entries) pairs) that is an everyday word of one of
    LANGS: WORD_ZIPF or more there, and PEAK_ZIPF above its median Zipf among LANGS
    (a word of a language, not a well-known name); `languages` lists those where it
    is (`fr,it` for `vite`), its highest Zipf first. Left out: entries that say
    `ambiguous` themselves, and topics (a concept's name is the word for it:
    `caching`). `strict` as for a generated name (gen_registry.py's
    `capital_proves_nothing`), for a word of German only, which capitalises its
    nouns: the name is ambiguous only in text of its languages (build.rs), where the
    other reasons (a frequent word, a word of many languages) say nothing more."""
    freqs = Freqs(zipf)
    out = []
    for file, entries in files:
        for e in entries:
            if "ambiguous" in e or e.get("kind") == "topic":
                continue
            for n in dict.fromkeys([e["name"], *e.get("aliases", [])]):
                w = word_forms(n, e.get("case") == "sensitive")
                if w is None:
                    continue
                zs = freqs.all(w)
                median = statistics.median(zs.values())
                langs = sorted((lang for lang, z in zs.items() if z >= WORD_ZIPF and z - median >= PEAK_ZIPF),
                               key=lambda lang: -zs[lang])
                if not langs:
                    continue
                strict = "de" in langs and capital_proves_nothing(w, freqs, Local(freqs))
                out.append((n, e["name"], file, zs[langs[0]], ",".join(langs), strict))
    return out


def hand_files(lexicon: Path) -> list[tuple[str, list[dict]]]:
    """The hand-made sources' entries, by file name."""
    return [(f.name, tomllib.loads(f.read_text(encoding="utf-8")).get("entry", []))
            for f in sorted(lexicon.glob("*.toml")) if f.name not in GENERATED]


def main(argv=None) -> int:
    from wordfreq import top_n_list, zipf_frequency

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, default=Path("."), help="the repository (default: .)")
    args = ap.parse_args(argv)
    names = curated_names(args.root / "data" / "lexicon")
    words: dict[str, tuple[float, str]] = {}
    for lang in LANGS:
        for w in top_n_list(lang, 200000):
            z = zipf_frequency(w, lang)
            if z < NEAR_ZIPF:
                break
            # (wordfreq's lists write German `ß` as `ss`; notes write both.)
            for form in {w, w.replace("ss", "ß")} if lang == "de" else {w}:
                if form.isalpha() and (form not in words or words[form][0] < z):
                    words[form] = (z, lang)
    near = near_words(names, words)
    out = ["# word\tname\tzipf\tlanguage: words of " + ", ".join(LANGS) + f" (wordfreq, Zipf >= {NEAR_ZIPF}) "
           "within typo distance of a hand-made name: never read as its typo. Generated by data/tools/gen_words.py.\n"]
    out += [f"{w}\t{n}\t{words[w][0]:.2f}\t{words[w][1]}\n" for w, n in sorted(near)]
    (args.root / "data" / "sources" / "near-words.tsv").write_text("".join(out), encoding="utf-8")
    print(f"near-words.tsv: {len(near)} words", file=sys.stderr)
    words_of_hand = hand_words(hand_files(args.root / "data" / "lexicon"), zipf_frequency)
    out = ["# name\tentry\tfile\tzipf\tlanguage\tstrict: names of the hand-made lexicon that are common words of "
           + ", ".join(LANGS) + f" (wordfreq: Zipf >= {WORD_ZIPF} in one, {PEAK_ZIPF} above the median of the eight), "
           "their highest Zipf, the languages they are words of and whether a capital proves nothing for them: build.rs "
           "makes their entries ambiguous (and strict) in text of those languages unless an entry says `ambiguous`. Generated by data/tools/gen_words.py.\n"]
    out += [f"{n}\t{e}\t{f}\t{z:.2f}\t{lang}\t{'strict' if st else '-'}\n" for n, e, f, z, lang, st in words_of_hand]
    (args.root / "data" / "sources" / "hand-words.tsv").write_text("".join(out), encoding="utf-8")
    print(f"hand-words.tsv: {len(words_of_hand)} names, {sum(r[5] for r in words_of_hand)} strict", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
