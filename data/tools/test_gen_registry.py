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
        for f in ["wordfreq.tsv", "awesome-rust.tsv", "awesome-embedded-rust.tsv", "cncf-landscape.tsv", "awesome-go.tsv"]:
            shutil.copy(DATA / f, root / "data" / "sources" / f)
        # A hand-made source: its names win over the registries' and the lists'.
        (root / "data" / "lexicon" / "web.toml").write_text(
            '[[entry]]\nname = "Django"\nkind = "technology"\ncategory = "framework"\npypi = "django"\n'
            '\n[[entry]]\nname = "Grafana"\nkind = "technology"\ncategory = "tool"\n'
        )
        self.root = root
        args = ["--pypi", str(DATA / "pypi.tsv"), "--npm", str(DATA / "npm.tsv"), "--root", str(root)]
        gen_registry.main(args + ["--npm-top", str(npm_top)])
        read = lambda f: tomllib.loads((root / "data" / "lexicon" / f).read_text())["entry"]
        return {e["name"]: e for e in read("pypi.toml")}, {e["name"]: e for e in read("npm.toml")}

    def test_ranked_packages_only_and_curated_names_win(self):
        py, _ = self.run_on_testdata()
        self.assertEqual(sorted(py), ["Apache Sedona", "PyYAML", "blackbird-cli", "great-expectations",
                                      "python-dateutil", "python-registry", "requests", "zeitung"])

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
        self.assertTrue(py["requests"]["strict"], "a frequent word: written beside technologies")
        self.assertTrue(js["chalk"]["ambiguous"])
        self.assertNotIn("ambiguous", py["python-dateutil"])

    def test_npm_most_downloaded_first_without_type_packages(self):
        _, js = self.run_on_testdata(npm_top=3)
        self.assertEqual(sorted(js), ["chalk", "left-pad"], "`from` is an everyday word")
        _, js = self.run_on_testdata(npm_top=4)
        self.assertEqual(js["rare-one"]["category"], "plugin")


    def test_several_words_keep_their_distinctive_part(self):
        py, _ = self.run_on_testdata()
        # The summary's proper name; `apache sedona` is a frequent phrase: its
        # spellings stay, ambiguous, and a capital mid-sentence confirms them.
        self.assertEqual(py["Apache Sedona"]["aliases"], ["apache-sedona", "apache_sedona"])
        self.assertTrue(py["Apache Sedona"]["ambiguous"])
        self.assertNotIn("strict", py["Apache Sedona"])
        # Only everyday words, a frequent phrase: kept, ambiguous and strict.
        self.assertEqual(py["great-expectations"]["aliases"], ["great_expectations"])
        self.assertTrue(py["great-expectations"]["ambiguous"] and py["great-expectations"]["strict"])

    def test_strict_only_when_a_capital_proves_nothing(self):
        py, js = self.run_on_testdata(npm_top=8)
        self.assertTrue(py["zeitung"]["strict"], "a German noun is capitalised anyway")
        self.assertNotIn("strict", js["chalk"])
        self.assertNotIn("strict", js["zod"], "a short rare word written Zod is the name")
        self.assertTrue(js["msw"]["strict"], "a short frequent word or acronym")

    def test_names_people_write(self):
        _, js = self.run_on_testdata(npm_top=8)
        self.assertEqual(js["Rspack"]["npm"], "@rspack/core")
        self.assertIn("@rspack/core", js["Rspack"]["aliases"])
        # `solid` is an everyday word: no alias; the suffixed name joined is one.
        self.assertCountEqual(js["solid-js"]["aliases"], ["solid_js", "solidJS"])

    def test_forms_and_technical_vocabulary(self):
        self.assertIn("adapter", gen_registry.bases("adapters"))
        self.assertIn("query", gen_registry.bases("queries"))
        self.assertIn("log", gen_registry.bases("logging"))
        self.assertIn("structured", gen_registry.bases("unstructured"))
        f = Path(tempfile.mkdtemp()) / "list.tsv"
        self.addCleanup(shutil.rmtree, f.parent)
        rows = ["name\tsummary"] + [f"p{i}\tparse an async stream" for i in range(12)]
        rows += [f"q{i}\tschemas with Zod and zod types" for i in range(12)] + ["r\tUse Zod everywhere"]
        f.write_text("\n".join(rows) + "\n")
        words = gen_registry.lower_case_words([f])
        self.assertTrue({"parse", "async"} <= words)
        self.assertNotIn("zod", words, "capitalised more often than not")


class CuratedListsTest(unittest.TestCase):
    """crates.toml and landscape.toml, from the lists of data/sources/."""

    run_on_testdata = GenRegistryTest.run_on_testdata

    def curated(self):
        self.run_on_testdata()
        read = lambda f: tomllib.loads((self.root / "data" / "lexicon" / f).read_text())["entry"]
        return {e["name"]: e for e in read("crates.toml")}, {e["name"]: e for e in read("landscape.toml")}

    def test_crates_names_left_out(self):
        crates, _ = self.curated()
        # `regex` is a generic term, `fd` too short, `requests` a PyPI name, Django hand-made.
        self.assertEqual(sorted(crates), ["pest", "rust-iptables", "rustls", "sled", "stm32-rs", "tui-rs"])

    def test_crate_fields(self):
        crates, _ = self.curated()
        self.assertEqual(crates["tui-rs"]["aliases"], ["tui_rs"], "`tui` is a generic term")
        self.assertEqual(crates["tui-rs"]["homepage"], "https://crates.io/crates/tui")
        self.assertEqual(crates["sled"]["category"], "database")
        self.assertEqual(crates["rustls"]["category"], "library")
        self.assertNotIn("ambiguous", crates["rustls"])
        self.assertFalse(crates["rustls"]["typos"])
        self.assertEqual(crates["stm32-rs"]["aliases"], ["stm32_rs"])
        # `iptables` names the tool the crate binds.
        self.assertEqual(crates["rust-iptables"]["aliases"], ["rust_iptables"])
        self.assertEqual(crates["rust-iptables"]["homepage"], "https://crates.io/crates/iptables")

    def test_crate_that_is_a_word_is_ambiguous_with_precise_clues(self):
        crates, _ = self.curated()
        # `Pest` is a German noun: its capital proves nothing.
        self.assertTrue(crates["pest"]["ambiguous"] and crates["pest"]["strict"])
        self.assertIn("cargo add", crates["pest"]["clues"])
        self.assertNotIn("rust", crates["pest"]["clues"])

    def test_landscape_names(self):
        _, land = self.curated()
        ecr = land["Amazon Elastic Container Registry"]
        self.assertEqual((ecr["aliases"], ecr["category"]), (["ECR"], "service"))
        # Grafana is hand-made: `Grafana Mimir` would swallow its mentions.
        self.assertIn("Mimir", land)
        self.assertNotIn("Grafana Mimir", land)
        self.assertEqual(land["Stash"]["aliases"], ["Stash by AppsCode"])
        self.assertIn("cncf", land["Stash"]["clues"])

    def test_landscape_kinds_and_case(self):
        _, land = self.curated()
        self.assertEqual((land["Tigera"]["kind"], land["Tigera"]["category"]), ("organization", "company"))
        self.assertEqual(land["Stateful Functions"]["case"], "sensitive", "a name of several words")
        self.assertEqual(land["Stateful Functions"]["category"], "framework")


class GoListTest(unittest.TestCase):
    """golang.toml, from awesome-go.tsv."""

    run_on_testdata = GenRegistryTest.run_on_testdata

    def golang(self):
        self.run_on_testdata()
        read = lambda f: tomllib.loads((self.root / "data" / "lexicon" / f).read_text())["entry"]
        return {e["name"]: e for e in read("golang.toml")}

    def test_names_left_out(self):
        go = self.golang()
        # `skiplist` names the data structure; a description and a binding (`NATS Go
        # Client`) are no names; Django is hand-made.
        # `validate`, its section's own word, has only the ecosystem's clues: left out.
        self.assertEqual(sorted(go), ["Ebitengine", "Temporal", "badger", "golang-migrate", "goose", "pgx", "sqlc"])

    def test_fields(self):
        go = self.golang()
        self.assertEqual(go["badger"]["category"], "database")
        self.assertEqual(go["goose"]["category"], "tool")
        self.assertEqual(go["sqlc"]["homepage"], "https://github.com/kyleconroy/sqlc")
        self.assertNotIn("ambiguous", go["sqlc"])
        self.assertEqual(go["Ebitengine"]["aliases"], ["ebiten"], "the repository's name")
        self.assertNotIn("aliases", go["Temporal"], "`sdk-go` names a part")

    def test_word_names_need_context(self):
        go = self.golang()
        goose = go["goose"]
        self.assertTrue(goose["ambiguous"] and goose["strict"])
        # Its section's words and the ecosystem's precise clues, not `go`.
        self.assertIn("migrations", goose["clues"])
        self.assertIn("go get", goose["clues"])
        self.assertNotIn("go", goose["clues"])

    def test_word_named_by_its_organisation(self):
        go = self.golang()
        # `migrate` is a word: golang-migrate/migrate is written golang-migrate.
        self.assertEqual(go["golang-migrate"]["aliases"], ["golang_migrate"])
        self.assertNotIn("ambiguous", go["golang-migrate"])

    def test_short_lower_case_name_is_case_sensitive(self):
        go = self.golang()
        self.assertEqual(go["pgx"]["case"], "sensitive", "PGX in capitals is an acronym")


if __name__ == "__main__":
    unittest.main()
