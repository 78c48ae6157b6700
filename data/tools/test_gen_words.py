"""Tests of gen_words.py's matching of words to the names they are near (no wordfreq
needed): python3 -m unittest discover -s data/tools"""

import unittest

from gen_words import hand_words, near_words, osa


class NearWords(unittest.TestCase):
    def test_osa_counts_a_transposition_as_one_edit(self):
        self.assertEqual(osa("jupiter", "jupyter"), 1)
        self.assertEqual(osa("pyhton", "python"), 1)
        self.assertEqual(osa("strasse", "strace"), 2)

    def test_words_within_typo_distance_of_a_name(self):
        words = {"jupiter": (3.8, "fr"), "straße": (5.3, "de"), "bubble": (4.0, "en"), "jupyter": (3.0, "en"),
                 "helms": (2.6, "de"), "mastodons": (2.6, "en")}
        found = dict(near_words(["Jupyter", "strace", "Helm", "Mastodon"], words))
        # Jupyter (7 letters) and strace (6): one edit; a name of 4 letters or fewer
        # has no typos; the name itself and a word two edits away are not near.
        self.assertEqual(found, {"jupiter": "jupyter", "straße": "strace", "mastodons": "mastodon"})

    def test_a_near_word_starts_with_the_names_letter(self):
        self.assertEqual(near_words(["Jupyter"], {"rupyter": (3.0, "en")}), [])


# Zipf frequencies of a few words in the eight languages (en, de, fr, es, it, pt, nl, pl),
# near wordfreq's (`caching` and `bam` made everyday): no package needed.
ZIPF = {
    "vite": [2.4, 2.5, 5.3, 2.6, 4.7, 2.2, 2.5, 2.2],
    "google": [4.9, 4.9, 4.8, 4.8, 4.9, 4.8, 5.0, 4.9],
    "werkzeug": [0, 4.1, 0, 0, 0, 0, 0, 0],
    "playwright": [3.4, 0, 0, 0, 0, 0, 0, 0],
    "caching": [4.2, 2.1, 0, 1.2, 2.1, 1.5, 1.7, 1.1],
    "bam": [4.5, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0],
}
LANGS = ("en", "de", "fr", "es", "it", "pt", "nl", "pl")


def zipf(word, lang):
    return ZIPF.get(word, [0] * 8)[LANGS.index(lang)]


class HandWords(unittest.TestCase):
    def test_an_everyday_word_of_some_languages_is_listed_with_them(self):
        rows = hand_words([("javascript.toml", [{"name": "Vite", "kind": "technology", "aliases": ["Vite.js"]}])], zipf)
        # `Vite.js` is no word; French first, then Italian (`vite`, lives).
        self.assertEqual(rows, [("Vite", "Vite", "javascript.toml", 5.3, "fr,it", False)])

    def test_a_well_known_name_frequent_everywhere_is_no_word(self):
        self.assertEqual(hand_words([("companies.toml", [{"name": "Google", "kind": "organization"}])], zipf), [])

    def test_a_rarer_word_is_said_for_the_name(self):
        self.assertEqual(hand_words([("web-python.toml", [{"name": "Playwright", "kind": "technology"}])], zipf), [])

    def test_a_german_noun_is_strict(self):
        rows = hand_words([("web-python.toml", [{"name": "Werkzeug", "kind": "technology"}])], zipf)
        self.assertEqual([(r[0], r[4], r[5]) for r in rows], [("Werkzeug", "de", True)])

    def test_the_hands_word_topics_and_acronyms_written_as_such_are_left_alone(self):
        files = [("x.toml", [
            {"name": "Vite", "kind": "technology", "ambiguous": False},
            {"name": "Caching", "kind": "topic"},
            {"name": "SAM/BAM", "kind": "technology", "aliases": ["BAM"], "case": "sensitive"},
        ])]
        self.assertEqual(hand_words(files, zipf), [])


if __name__ == "__main__":
    unittest.main()
