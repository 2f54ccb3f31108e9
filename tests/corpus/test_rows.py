"""One row per map: counts from the analysis and lint, or why the map cannot be read."""

from __future__ import annotations

import json
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.corpus.discover import Item, Limits, discover
from argmap.corpus.rows import COLUMNS, Row, read_chunk, read_item

from .conftest import ARGDOWN, homework_map


def row_of(path: Path, **limits: float) -> Row:
    return read_item(Item(str(path), str(path)), Limits(**limits))  # type: ignore[arg-type]


def test_an_ok_row_counts_what_analyze_and_lint_find(tmp_path: Path) -> None:
    m = homework_map()
    m.claim("stray", "An unrelated remark.")  # an isolated claim: a lint warning
    path = tmp_path / "m.json"
    m.dump(path)
    row = row_of(path)
    status = argmap.analyze(m).status
    findings = argmap.lint(m)
    assert row == Row(
        str(path),
        "argmap",
        "ok",
        "",
        claims=4,
        links=2,
        positions=1,
        accepted=sum(s == "accepted" for s in status.values()),
        rejected=sum(s == "rejected" for s in status.values()),
        undecided=0,
        lint_errors=sum(f.severity == "error" for f in findings),
        lint_warnings=sum(f.severity == "warning" for f in findings),
    )
    assert (row.accepted, row.rejected, row.lint_warnings) == (3, 1, 1)
    assert COLUMNS[:4] == ("file", "format", "status", "message")


def test_acknowledged_findings_are_not_counted(tmp_path: Path) -> None:
    m = homework_map()
    m.claim("stray", "An unrelated remark.", note="AL101: the text leaves it unconnected")
    m.dump(tmp_path / "m.json")
    assert row_of(tmp_path / "m.json").lint_warnings == 0


def test_what_another_format_cannot_carry_over_is_the_ok_rows_message(tmp_path: Path) -> None:
    path = tmp_path / "pets.kialo.txt"
    path.write_text(
        "Discussion Title: Pets?\n\n1. Pets help.\n1.1. Pro: Pets calm.\n"
        "1.2. Con: Pets bite.\n1.2.1. Con: -> See 1.1.\n"
    )
    row = row_of(path)
    assert (row.status, row.format) == ("ok", "kialo")
    assert row.message == "1 '-> See' reuse linked to the original claim"


@pytest.mark.parametrize(
    ("text", "fmt", "message"),
    [
        ("{", "argmap", "1:2: AM001 invalid-json: invalid JSON: Expecting property name"),
        ("", "argmap", "1:1: AM001 invalid-json: the file is empty"),
        ('{"claims": 3}', "argmap", "claims: AM012 wrong-type"),
    ],
)
def test_a_broken_map_is_an_invalid_row_saying_where(
    tmp_path: Path, text: str, fmt: str, message: str
) -> None:
    path = tmp_path / "m.json"
    path.write_text(text)
    row = row_of(path)
    assert (row.status, row.format) == ("invalid", fmt)
    assert row.message.startswith(message), row.message
    assert row[4:] == (None,) * (len(row) - 4)


def test_many_problems_are_cut_to_the_first_few(tmp_path: Path) -> None:
    data = json.loads(homework_map(6).dumps())
    for link in data["links"]:
        link["target"] = "nowhere"
    (tmp_path / "m.json").write_text(json.dumps(data))
    message = row_of(tmp_path / "m.json").message
    assert message.count("AM101") == 3 and message.endswith("; and 5 more problems")


def test_bytes_that_are_not_utf8_say_where(tmp_path: Path) -> None:
    path = tmp_path / "m.argdown"
    path.write_bytes(b"[A]: fine\n[B]: caf\xe9\n")
    row = row_of(path)
    assert row.status == "invalid" and row.message == "2:9: not UTF-8 text (byte 18)"


def test_an_unknown_format_is_an_invalid_row(tmp_path: Path) -> None:
    path = tmp_path / "m.dat"
    path.write_text("hello")
    row = row_of(path)
    assert (row.status, row.format) == ("invalid", "")
    assert "cannot tell the format" in row.message


def test_an_unreadable_file_is_an_invalid_row(tmp_path: Path) -> None:
    row = read_item(Item("gone.json", str(tmp_path / "gone.json")))
    assert row.status == "invalid" and row.message == "cannot read it: No such file or directory"


def test_a_file_growing_past_the_limit_after_discovery_is_not_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    path.write_text(homework_map(30).dumps())
    row = row_of(path, max_bytes=100)
    assert row.message == "over the limit of 100 bytes for one map"


def _with_source(m: argmap.ArgumentMap, path: str, text: str) -> argmap.ArgumentMap:
    m.add_source("article", "The article", path=path)
    m.claim(
        "quoted",
        text[:20],
        quotes=[{"source": "article", "start": 0, "end": 20, "text": text[:20]}],
    )
    m.support("quoted", "ban")
    return m


ARTICLE = "Homework takes hours every night, the survey says.\n"


def test_quotes_are_checked_against_sources_inside_the_maps_folder(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "article.txt").write_text(ARTICLE)
    m = _with_source(homework_map(), "sources/article.txt", ARTICLE)
    data = json.loads(m.dumps())
    (tmp_path / "good.json").write_text(json.dumps(data))
    assert row_of(tmp_path / "good.json").status == "ok"
    data["claims"][-1]["quotes"][0]["text"] = "Homework takes days "
    (tmp_path / "bad.json").write_text(json.dumps(data))
    row = row_of(tmp_path / "bad.json")
    assert row.status == "invalid" and "AM107 quote-mismatch" in row.message


def test_a_source_outside_the_maps_folder_is_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("The teacher's password is swordfish.\n")
    folder = tmp_path / "student"
    folder.mkdir()
    m = _with_source(homework_map(), "../secret.txt", "The teacher's passwo")
    data = json.loads(m.dumps())
    data["claims"][-1]["quotes"][0]["text"] = "guess the password!!"
    (folder / "map.json").write_text(json.dumps(data))
    row = row_of(folder / "map.json")
    # Read, its quote would not match and the message would show the secret's text.
    # Refused, as argmap validate refuses it (AM112): the map is invalid, nothing read.
    assert row.status == "invalid", row.message
    assert "swordfish" not in row.message
    assert row.message.startswith(
        "sources[0].path: AM112 source-refused: source path '../secret.txt' leads outside "
        "the map's folder"
    ), row.message


def test_a_zip_members_sources_come_from_its_own_archive(tmp_path: Path) -> None:
    m = _with_source(homework_map(), "article.txt", ARTICLE)
    outside = _with_source(homework_map(), "../../secret.txt", ARTICLE)
    (tmp_path / "secret.txt").write_text(ARTICLE)
    archive = tmp_path / "class.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("alice/map.json", m.dumps())
        z.writestr("alice/article.txt", ARTICLE)
        z.writestr("bob/map.json", outside.dumps())
    rows = read_chunk(list(discover([archive])))
    assert [r.status for r in rows] == ["ok", "invalid"]
    assert rows[0].message == ""
    assert rows[1].message == (
        "sources[0].path: AM112 source-refused: source path '../../secret.txt' leads outside "
        "the archive's folder of the map"
    )


def test_a_map_that_takes_too_long_is_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "m.argdown").write_text(ARGDOWN)

    def slow(*args: object, **kwargs: object) -> None:
        time.sleep(5)

    monkeypatch.setattr("argmap.analysis.analyze", slow)
    started = time.monotonic()
    row = row_of(tmp_path / "m.argdown", timeout=0.2)
    assert time.monotonic() - started < 2
    assert (row.status, row.format) == ("invalid", "argdown")
    assert row.message == "took more than 0.2 s to read and analyse; stopped"


def test_a_bug_in_a_reader_is_an_invalid_row_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "m.argdown").write_text(ARGDOWN)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("oops")

    monkeypatch.setattr("argmap.analysis.lint", broken)
    row = row_of(tmp_path / "m.argdown")
    assert row.status == "invalid"
    assert row.message == "internal error (RuntimeError: oops); please report it"


def test_a_problem_found_by_discovery_is_the_rows_message() -> None:
    row = read_item(Item("x.zip", "x.zip", problem="an archive inside an archive; not opened"))
    assert row == Row("x.zip", "", "invalid", "an archive inside an archive; not opened")


ENDINGS = [".json", ".argdown", ".kialo.txt", ".aif.json", ".sadface.json", ".argdown.json"]


@settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=300), ending=st.sampled_from(ENDINGS))
def test_any_bytes_give_a_row_and_never_raise(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, ending: str
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / f"m{ending}"
    path.write_bytes(data)
    row = row_of(path)
    assert row.status in ("ok", "invalid")
    assert (row.message != "") or row.status == "ok"
    assert "internal error" not in row.message, row.message


@settings(max_examples=40, deadline=None)
@given(
    prefix=st.sampled_from(
        [ARGDOWN, homework_map(3).dumps(), "Discussion Title: X?\n\n1. A.\n1.1. Pro: B.\n"]
    ),
    cut=st.integers(min_value=0, max_value=400),
)
def test_truncated_maps_give_a_row(
    tmp_path_factory: pytest.TempPathFactory, prefix: str, cut: int
) -> None:
    ending = ".json" if prefix.startswith("{") else ".argdown" if prefix.startswith("[") else ".txt"
    path = tmp_path_factory.mktemp("cut") / f"m{ending}"
    path.write_text(prefix[:cut])
    row = row_of(path)
    assert row.status in ("ok", "invalid") and "internal error" not in row.message


def test_a_worker_reading_chunk_after_chunk_does_not_keep_their_garbage(tmp_path: Path) -> None:
    import gc

    texts = [homework_map(extra).dumps() for extra in range(3)]
    for i in range(60):
        (tmp_path / f"m{i:02}.json").write_text(texts[i % 3])
    items = list(discover([tmp_path]))
    read_chunk(items)  # imports and caches settle
    before = len(gc.get_objects())
    for _ in range(5):
        assert all(r.status == "ok" for r in read_chunk(items))
    # Without a collection per chunk, every map read leaves objects behind (13,000 here).
    assert len(gc.get_objects()) - before < 2000
