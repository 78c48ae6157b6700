"""Tests of gen_words.py's matching of words to the names they are near (no wordfreq
needed): python3 -m unittest discover -s data/tools"""

import unittest

from gen_words import near_words, osa


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


if __name__ == "__main__":
    unittest.main()
