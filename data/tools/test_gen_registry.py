"""The registry generator on small lists: `python3 -m unittest discover -s data/tools`."""

import shutil
import tempfile
import tomllib
import unittest
from pathlib import Path

import gen_registry

HERE = Path(__file__).resolve().parent
DATA = HERE / "testdata"


class GenRegistryTest(unittest.TestCase):
    def run_on_testdata(self, npm_top=2):
        root = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, root)
        (root / "data" / "lexicon").mkdir(parents=True)
        (root / "data" / "sources").mkdir()
        shutil.copy(DATA / "wordfreq.tsv", root / "data" / "sources" / "wordfreq.tsv")
        # A hand-made source: its names win over the registries'.
        (root / "data" / "lexicon" / "web.toml").write_text(
            '[[entry]]\nname = "Django"\nkind = "technology"\ncategory = "framework"\npypi = "django"\n'
        )
        args = ["--pypi", str(DATA / "pypi.tsv"), "--npm", str(DATA / "npm.tsv"), "--root", str(root)]
        gen_registry.main(args + ["--npm-top", str(npm_top)])
        read = lambda f: tomllib.loads((root / "data" / "lexicon" / f).read_text())["entry"]
        return {e["name"]: e for e in read("pypi.toml")}, {e["name"]: e for e in read("npm.toml")}

    def test_ranked_packages_only_and_curated_names_win(self):
        py, _ = self.run_on_testdata()
        self.assertEqual(sorted(py), ["PyYAML", "blackbird-cli", "python-dateutil", "python-registry", "requests"])

    def test_fields(self):
        py, js = self.run_on_testdata()
        self.assertEqual(py["PyYAML"]["pypi"], "pyyaml")
        self.assertEqual(py["python-dateutil"]["aliases"], ["python_dateutil", "dateutil"])
        self.assertEqual(py["blackbird-cli"]["category"], "tool")
        # `registry` is a word: no spelling of python-registry.
        self.assertEqual(py["python-registry"]["aliases"], ["python_registry"])
        self.assertEqual(js["chalk"]["npm"], "chalk")
        self.assertFalse(py["PyYAML"]["typos"])

    def test_common_words_are_ambiguous(self):
        py, js = self.run_on_testdata()
        self.assertTrue(py["requests"]["ambiguous"])
        self.assertIn("pip install", py["requests"]["clues"])
        self.assertTrue(py["requests"]["strict"])
        self.assertTrue(js["chalk"]["ambiguous"])
        self.assertNotIn("ambiguous", py["python-dateutil"])

    def test_npm_most_downloaded_first_without_type_packages(self):
        _, js = self.run_on_testdata(npm_top=3)
        self.assertEqual(sorted(js), ["chalk", "left-pad"], "`from` is an everyday word")
        _, js = self.run_on_testdata(npm_top=4)
        self.assertEqual(js["rare-one"]["category"], "plugin")


if __name__ == "__main__":
    unittest.main()
