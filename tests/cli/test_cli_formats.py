"""Every command that reads a map reads any format argmap imports, not only argmap JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import argmap
from argmap.cli import main

FIXTURES = Path(__file__).parents[1] / "formats" / "fixtures"

PETS = """===
author: A teacher
===

[Pets]: Pets help pupils learn. #home
  + [Calm]: Pets calm a class.
  - [Bite]: Pets bite.

<Sketch>: A sketched argument.
  + [Pets]
"""


@pytest.fixture
def pets(tmp_path: Path) -> Path:
    path = tmp_path / "pets.argdown"
    path.write_text(PETS, encoding="utf-8")
    return path


def test_render_of_argdown_is_the_render_of_its_import(
    pets: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    imported = tmp_path / "pets.json"
    argmap.dump(argmap.read(pets, allow_loss=True), imported)
    direct, via_json = tmp_path / "direct.dot", tmp_path / "via.dot"
    assert main(["render", str(pets), "-o", str(direct)]) == 0
    # What did not carry over is said on stderr, with a stable code.
    assert "AM202 not-carried-over" in capsys.readouterr().err
    assert main(["render", str(imported), "-o", str(via_json)]) == 0
    assert direct.read_bytes() == via_json.read_bytes()
    assert "Pets help pupils learn." in direct.read_text()


@pytest.mark.parametrize("command", ["info", "analyze", "lint", "summary"])
def test_map_commands_read_argdown(
    command: str, pets: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main([command, str(pets)])
    out = capsys.readouterr().out
    assert status in (0, 1) if command == "lint" else status == 0
    assert "Pets" in out or "pets" in out


def test_validate_reports_what_did_not_carry_over(
    pets: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", "--format", "json", str(pets)]) == 0
    [result] = json.loads(capsys.readouterr().out)
    assert result["valid"] is True
    assert [w["code"] for w in result["warnings"]] == ["AM202"]
    assert (
        "front matter settings not represented in argmap: author"
        in (result["warnings"][0]["message"])
    )


def test_validate_locates_a_malformed_argdown_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.argdown"
    bad.write_text("[A]: fine\n  + <B\n", encoding="utf-8")
    assert main(["validate", str(bad)]) == 1
    assert f"{bad}:2:5: AM004 malformed-file:" in capsys.readouterr().out
    assert main(["validate", "--format", "json", str(bad)]) == 1
    [result] = json.loads(capsys.readouterr().out)
    assert result["valid"] is False
    assert (result["errors"][0]["line"], result["errors"][0]["column"]) == (2, 5)


def test_json_formats_are_told_apart_by_content(capsys: pytest.CaptureFixture[str]) -> None:
    # An AIF file ends in .json like argmap's own: its content says which it is.
    aif = FIXTURES / "aifdb_dialogue.json"
    assert main(["info", "--format", "json", str(aif)]) == 0
    data = json.loads(capsys.readouterr().out)
    m = argmap.read(aif, allow_loss=True)
    assert (data["claims"], data["links"]) == (len(m.claims), len(m.links)) != (0, 0)


def test_from_overrides_and_rejects_unknown_formats(
    pets: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", str(pets), "--from", "kialo", "-o", str(tmp_path / "k.svg")]) == 1
    assert "not a Kialo export" in capsys.readouterr().err
    assert main(["analyze", str(pets), "--from", "nope"]) == 1
    err = capsys.readouterr().err
    assert "unknown format 'nope'" in err and "argdown" in err
    assert not (tmp_path / "k.svg").exists()


def test_argmap_json_still_loads_with_its_own_checks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A broken argmap JSON file gets the JSON loader's located error, not a format guess.
    bad = tmp_path / "broken.json"
    bad.write_text('{"claims": [}', encoding="utf-8")
    assert main(["validate", str(bad)]) == 1
    assert "AM001 invalid-json" in capsys.readouterr().out
