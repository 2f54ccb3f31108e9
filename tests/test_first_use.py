"""What a new user and a teacher tripped on (issue 16), each as a test that failed before.

Item 1 (the default reading of support) is tested with the analysis, in
``tests/analysis/test_bipolar.py``; items 2 and 3 (lossless formats) in ``tests/formats/``.
"""

from __future__ import annotations

import json
import pydoc
import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from argmap.cli import main

from .conftest import DATA, REPO

ARTICLE = "Shortages were everyday life. People queued for hours. People queued again."


def homework() -> argmap.ArgumentMap:
    m = argmap.ArgumentMap(title="Homework", question="Should homework be banned?")
    m.claim("ban", "Homework should be banned.", kind="position")
    m.claim("stress", "Homework causes stress.", themes=["wellbeing"])
    m.claim("sleep", "Stress costs students sleep.")
    m.support(["stress", "sleep"], "ban")
    m.claim("practice", "Practice needs time outside class.")
    m.attack("practice", "ban")
    m.claim("doubt", "Stress does not show that banning is the fix.")
    m.undercut("doubt", "s1")
    return m


# -- 4. builders take every field of the schema ------------------------------------------


def test_builders_accept_every_schema_field() -> None:
    m = argmap.ArgumentMap()
    m.add_source(
        "article",
        "The article",
        author="A. Writer",
        url="https://example.org",
        path="sources/article.txt",
        sha256="0" * 64,
    )
    m.add_theme("economy", "Economy", description="Money and goods", color="#336699")
    m.add_perspective("critics", "Critics", description="Those who object")
    m.claim(
        "c",
        "A claim.",
        title="C",
        kind="evidence",
        basis="statistic",
        themes=["economy"],
        asserted_by=["critics"],
        confidence=0.7,
        note="a note",
        quotes=[{"source": "article", "start": 0, "end": 1, "text": "x"}],
    )
    m.claim("d", "Another claim.")
    m.support(
        "c",
        "d",
        id="s-c",
        scheme="sign",
        weight=0.4,
        note="why",
        answered=[{"question": "cq1", "by": "c"}],
    )
    for cls, item in (
        (argmap.Source, m.sources[0]),
        (argmap.Theme, m.themes[0]),
        (argmap.Perspective, m.perspectives[0]),
        (argmap.Claim, m.claims[0]),
        (argmap.Link, m.links[0]),
    ):
        unset = [f for f in cls.model_fields if getattr(item, f) in (None, [], "")]
        assert unset == [], (cls.__name__, unset)


# -- 5. a quote anchored by its words ---------------------------------------------------


def test_quote_by_words_finds_the_offsets() -> None:
    m = homework()
    m.add_source("article", "The article")
    q = m.quote("stress", "article", "shortages were  everyday\nlife", text=ARTICLE)
    assert (q.start, q.end, q.text) == (0, 28, "Shortages were everyday life")
    assert m.get_claim("stress").quotes == [q]
    assert m.check({"article": ARTICLE}) == []  # the quote validates against its source


def test_quote_says_when_words_are_absent_or_ambiguous() -> None:
    m = homework()
    m.add_source("article", "The article")
    absent = r"it has 'People queued for' .* reads ' hours.* 'ages'"
    with pytest.raises(argmap.MapValidationError, match=absent):
        m.quote("stress", "article", "People queued for ages", text=ARTICLE)
    with pytest.raises(argmap.MapValidationError, match=r"occur 2 times .*occurrence=1\.\.2"):
        m.quote("stress", "article", "People queued", text=ARTICLE)
    assert m.quote("stress", "article", "People queued", text=ARTICLE, occurrence=2).start == 55
    with pytest.raises(argmap.MapValidationError, match="did you mean 'article'"):
        m.quote("stress", "articel", "People", text=ARTICLE)


def test_quote_reads_the_source_beside_a_loaded_map(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    m = homework()
    m.add_source("article", "The article", path="article.txt")
    m.dump(tmp_path / "map.json")
    loaded = argmap.load(tmp_path / "map.json")
    assert loaded.quote("ban", "article", "queued again").start == ARTICLE.index("queued again")


# -- 6. every name the docs use works after import argmap ------------------------------


def test_documented_names_work_after_a_plain_import() -> None:
    code = (
        "import argmap, importlib.metadata as md\n"
        "m = argmap.examples.soviet_socialism()\n"
        "assert isinstance(argmap.summarize(m, 'outline'), str)\n"
        "assert '<html' in argmap.report.html_report(m, diagram=False)\n"
        "assert argmap.render.to_dot(m).source.startswith('digraph')\n"
        "assert argmap.formats.writes(m, 'argdown')\n"
        "assert argmap.to_networkx(m).number_of_nodes() == len(m.claims) + len(m.links)\n"
        "assert argmap.__version__ == md.version('argmap')\n"
        "print(sorted(n for n in dir(argmap) if n.startswith('_') and n != '__version__'))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"  # no private modules in dir(argmap)


def test_summarize_returns_the_text_as_a_str() -> None:
    text = argmap.summarize(homework(), "outline")
    assert isinstance(text, str) and text.startswith("Question: Should homework be banned?")
    assert text.kind == "outline" and text.splitlines()[2].startswith("1. ")


# -- 7. the object API a Python user reaches for -----------------------------------------


def test_len_getitem_contains_iter() -> None:
    m = homework()
    assert len(m) == 5 and "stress" in m and "s1" in m and "nope" not in m
    assert m["stress"].text == "Homework causes stress." and m["a1"].kind == "attack"
    assert [c.id for c in m] == ["ban", "stress", "sleep", "practice", "doubt"]
    with pytest.raises(KeyError, match="did you mean 'stress'"):
        m["stres"]


def test_remove_takes_the_links_that_cannot_stand_without_it() -> None:
    m = homework()
    assert m.remove("sleep") == ["sleep"]
    assert m.get_link("s1").sources == ["stress"]  # the co-premise link keeps the other
    assert m.remove("ban") == ["ban", "s1", "a1", "u1"]
    assert [c.id for c in m.claims] == ["stress", "practice", "doubt"] and m.links == []
    assert m.check() is not None  # still a valid map
    argmap.loads(m.dumps())


def test_rename_carries_the_links_along() -> None:
    m = homework()
    assert m.rename("stress", "homework-stress") == "homework-stress"
    assert m.get_link("s1").sources == ["homework-stress", "sleep"]
    m.rename("s1", "s-wellbeing")
    assert m.get_link("u1").target == "s-wellbeing"
    with pytest.raises(argmap.MapValidationError, match="already used"):
        m.rename("sleep", "ban")
    with pytest.raises(argmap.MapValidationError, match="not a valid id"):
        m.rename("sleep", "no spaces")
    assert argmap.loads(m.dumps()) == m


def test_help_is_about_argmap_not_pydantic() -> None:
    text = pydoc.render_doc(argmap.ArgumentMap, renderer=pydoc.plaintext)
    assert len(text.splitlines()) < 200
    for name in ("claim(", "support(", "quote(", "remove(", "rename("):
        assert name in text
    assert "model_json_schema" not in text
    assert argmap.ArgumentMap(title="x").model_dump()["title"] == "x"  # still works


# -- 8. misspelt names get a did-you-mean from the right list --------------------------


def test_misspelt_theme_is_refused_with_a_suggestion() -> None:
    m = homework()
    with pytest.raises(argmap.MapValidationError, match="did you mean 'wellbeing'"):
        m.claim("tired", "Pupils are tired.", themes=["wellbeeing"])
    assert "tired" not in m and [t.id for t in m.themes] == ["wellbeing"]
    m.claim("cost", "Tutoring costs money.", themes=["money"])  # a new name is still welcome
    assert [t.id for t in m.themes] == ["wellbeing", "money"]
    m.add_perspective("teachers", "Teachers")
    with pytest.raises(argmap.MapValidationError, match="did you mean 'teachers'"):
        m.claim("t", "T.", asserted_by=["teacher"])


def test_unknown_keyword_suggests_a_field_of_that_model() -> None:
    with pytest.raises(argmap.MapValidationError, match="did you mean 'kind'"):
        homework().claim("x", "X.", kinds="position")
    with pytest.raises(argmap.MapValidationError, match="did you mean 'weight'"):
        homework().support("practice", "stress", wieght=0.5)


# -- 9. expected errors show their message in Jupyter -----------------------------------


def test_errors_render_as_one_line_in_ipython() -> None:
    try:
        homework().support("tierd", "ban")
    except argmap.MapValidationError as exc:
        lines = exc._render_traceback_()
    assert lines[0].startswith("MapValidationError: 1 problem found")
    assert "AM101" in "\n".join(lines) and "Traceback" not in "\n".join(lines)


# -- 10. the long description ----------------------------------------------------------


def test_long_description_counts_links_once_and_reads_cleanly() -> None:
    text = argmap.summarize(homework(), "long")
    first = text.split("\n\n")[0]
    assert "3 links (1 attack, 1 support, 1 undercut; 1 of them has linked premises)" in first
    assert "5 claims (1 position, 4 other claims)" in first
    assert ",;" not in text and ",." not in text and "premises," not in text


# -- 11. the command line --------------------------------------------------------------


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_did_you_mean_for_root_theme_and_focus(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ref = str(DATA / "claims.json")
    code, _, err = run_cli(capsys, "summary", ref, "--root", "pos-state")
    assert code == 1 and "did you mean 'pos-state-capitalism'?" in err
    code, _, err = run_cli(capsys, "summary", ref, "--theme", "shortage")
    assert code == 1 and "did you mean 'shortages'?" in err
    code, _, err = run_cli(
        capsys, "render", ref, "--focus", "pos-state-capitalis", "-o", str(tmp_path / "x.svg")
    )
    assert code == 1 and "did you mean 'pos-state-capitalism'?" in err


def test_convert_to_a_diagram_ending_names_what_it_can_write(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run_cli(capsys, "convert", str(DATA / "claims.json"), str(tmp_path / "x.mmd"))
    assert code == 1 and "argmap render MAP -o" in err
    assert "formats argmap can write: argmap" in err and "kialo" in err


def test_lint_exits_0_when_it_found_only_notes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    m = argmap.ArgumentMap()
    m.claim("thesis", "Uniforms help.", kind="position")
    m.claim("reason", "They cost less.")
    m.support("reason", "thesis")
    m.claim("objection", "They limit expression.")
    m.attack("objection", "thesis")  # an unanswered objection: a note (AL103, info)
    m.dump(tmp_path / "m.json")
    code, out, _ = run_cli(capsys, "lint", str(tmp_path / "m.json"))
    assert code == 0 and "AL103" in out
    code, _, _ = run_cli(capsys, "lint", str(tmp_path / "m.json"), "--fail-on", "info")
    assert code == 1


def test_an_empty_file_gets_its_own_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "empty.json").write_text("  \n")
    code, out, _ = run_cli(capsys, "validate", str(tmp_path / "empty.json"))
    assert code == 1 and "the file is empty" in out


def test_a_schema_error_does_not_hide_the_others(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    doc = {
        "format": "argmap/1",
        "claims": [
            {"id": "a", "text": "A.", "kind": "positon"},
            {"id": "b", "text": "B."},
            {"id": "b", "text": "B again."},
        ],
        "links": [
            {"id": "s1", "kind": "support", "sources": ["bb"], "target": "b"},
            {"id": "s2", "kind": "support", "sources": ["a"], "target": "b"},
        ],
    }
    (tmp_path / "m.json").write_text(json.dumps(doc))
    code, out, _ = run_cli(capsys, "validate", str(tmp_path / "m.json"), "--format", "json")
    found = [(p["path"], p["code"]) for p in json.loads(out)[0]["errors"]]
    assert code == 1
    assert found == [
        ("claims[0].kind", "AM015"),
        ("claims[2].id", "AM100"),
        ("links[0].sources[0]", "AM101"),
    ]  # s2's source 'a' is broken, not missing: no dangling reference for it
    assert "did you mean 'position'" in json.loads(out)[0]["errors"][0]["message"]


def test_exit_codes_are_documented_in_help_and_docs(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["--help"], ["lint", "--help"], ["analyse", "--help"]):
        code, out, _ = run_cli(capsys, *argv)
        flat = " ".join(out.split())
        assert code == 0 and "Exit status: 0" in flat and "2 usage error" in flat
        assert "3 an internal error" in flat
    page = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    for status in ("| 0 |", "| 1 |", "| 2 |", "| 3 |"):
        assert status in page


def test_quote_reads_sources_only_inside_the_maps_folder(tmp_path: Path) -> None:
    # Issue 19: m.quote reads a source's path as argmap.load does, confined to the map's
    # folder unless allowed; the error names the source's path and the way out.
    outside = tmp_path / "outside.txt"
    outside.write_text("Prices rose every year.", encoding="utf-8")
    folder = tmp_path / "maps"
    folder.mkdir()
    (folder / "inside.txt").write_text("Queues grew longer.", encoding="utf-8")
    m = argmap.ArgumentMap()
    m.add_source("in", "Inside", path="inside.txt")
    m.claim("c", "Prices rose.")
    m.dump(folder / "m.json")
    m = argmap.load(folder / "m.json")
    m.add_source("out", "Outside", path="../outside.txt")  # (load itself refuses it)
    assert m.quote("c", "in", "queues grew").text == "Queues grew"
    with pytest.raises(argmap.MapValidationError) as refused:
        m.quote("c", "out", "prices rose")
    assert refused.value.codes == ["AM112"]
    assert "sources[1].path" in str(refused.value) and "allow_outside" in str(refused.value)
    assert m.quote("c", "out", "prices rose", allow_outside=True).text == "Prices rose"


def test_an_id_with_a_line_break_at_its_end_is_not_an_id() -> None:
    from argmap.model import is_slug

    assert is_slug("state-capitalism") and not is_slug("state-capitalism\n")
    with pytest.raises(argmap.MapValidationError):
        argmap.ArgumentMap().claim("x\n", "A claim.")
