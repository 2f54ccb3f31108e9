"""Loss is an error unless allowed: every writer and reader that loses something says so
precisely; the API raises ``LossError`` and writes nothing; ``argmap convert`` exits 1."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap import ArgumentMap, LossError
from argmap.cli import main
from argmap.errors import ArgmapError
from argmap.formats import read, read_report, reads, write, writes, writes_report

FIXTURES = Path(__file__).parent / "fixtures"


def _rich() -> ArgumentMap:
    """A map using every field: what each lossy format cannot hold is in it."""
    m = ArgumentMap(title="Homework", question="Ban homework?", description="A class debate.")
    m.add_source("article", "On homework", url="https://example.org/h", path="h.txt")
    m.add_theme("wellbeing", "Wellbeing", color="#c00")
    m.add_perspective("pupils", "Pupils", description="Year 9")
    m.claim("ban", "Homework should be banned.", kind="position", title="Ban")
    m.claim("stress", "Homework causes stress.", themes=["wellbeing"], asserted_by=["pupils"])
    m.claim("sleep", "Stress costs sleep.", kind="evidence", confidence=0.7, basis="statistic")
    m.claim("doubt", "Stress does not show that a ban helps.", note="from the discussion")
    m.support(["stress", "sleep"], "ban", weight=0.8, scheme="cause_to_effect")
    m.undercut("doubt", "s1", note="an undercut")
    return m


#: For each writer that cannot hold all of _rich(): a loss it must report, word for word.
LOSSY = {
    "aif": "1 claim confidence value dropped",
    "kialo": "1 undercut written as a Con of the first premise of the link it attacks "
    "(Kialo has no attacks on links)",
    "graphml": "1 source dropped",
    "gexf": "1 theme declaration (labels, descriptions, colours) dropped",
}


@pytest.mark.parametrize("fmt", sorted(LOSSY))
def test_a_lossy_write_raises_and_writes_nothing(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"map.{fmt}"
    with pytest.raises(LossError) as info:
        write(_rich(), out, fmt)
    err = info.value
    assert isinstance(err, ArgmapError) and LOSSY[fmt] in err.losses
    assert err.format == fmt and err.file == str(out) and not err.reading
    assert f"{out}: writing {fmt} would lose:" in str(err) and LOSSY[fmt] in str(err)
    assert not out.exists() and list(tmp_path.iterdir()) == []  # not even a temporary file
    with pytest.raises(LossError):
        writes(_rich(), fmt)


@pytest.mark.parametrize("fmt", sorted(LOSSY))
def test_an_allowed_loss_writes_and_returns_the_losses(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"map.{fmt}"
    losses = write(_rich(), out, fmt, allow_loss=True)
    assert LOSSY[fmt] in losses
    assert losses == writes_report(_rich(), fmt)[1]
    assert out.read_text(encoding="utf-8") == writes(_rich(), fmt, allow_loss=True)


@pytest.mark.parametrize("fmt", ["argmap", "argdown", "sadface"])
def test_formats_that_hold_everything_write_without_loss(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"map.{fmt}"
    assert write(_rich(), out, fmt) == []
    assert read(out, fmt) == _rich()


def test_reading_a_file_with_what_argmap_cannot_hold_is_a_loss_too(tmp_path: Path) -> None:
    path = tmp_path / "debate.argdown"
    path.write_text("===\nauthor: Ann\n===\n\n[A]: a\n  + [B]: b\n", encoding="utf-8")
    with pytest.raises(LossError) as info:
        read(path)
    assert info.value.reading and info.value.file == str(path)
    assert info.value.losses == ["front matter settings not represented in argmap: author"]
    assert "reading argdown into argmap would lose" in str(info.value)
    assert len(read(path, allow_loss=True).claims) == 2
    assert read_report(path).warnings == info.value.losses  # the report returns them


def test_notes_are_not_losses(tmp_path: Path) -> None:
    path = tmp_path / "pets.kialo.txt"
    path.write_text(
        "Discussion Title: Pets?\n\n1. Pets help.\n1.1. Pro: Pets calm.\n"
        "1.2. Con: Pets bite.\n1.2.1. Con: -> See 1.1.\n",
        encoding="utf-8",
    )
    assert len(read(path).links) == 3  # no LossError
    assert read_report(path).notes == ["1 '-> See' reuse linked to the original claim"]


def test_loss_error_is_exported_from_argmap() -> None:
    assert argmap.LossError is LossError
    assert issubclass(LossError, argmap.ArgmapError)
    assert "LossError" in argmap.__all__


def test_strings_too() -> None:
    text = (FIXTURES / "constructs.argdown").read_text(encoding="utf-8")
    with pytest.raises(LossError) as info:
        reads(text, "argdown")
    assert info.value.file is None and info.value.losses
    assert reads(text, "argdown", allow_loss=True).claims


# -- argmap convert ---------------------------------------------------------------------------


@pytest.fixture
def rich_json(tmp_path: Path) -> Path:
    path = tmp_path / "homework.json"
    _rich().dump(path)
    (tmp_path / "h.txt").write_text("On homework.", encoding="utf-8")  # the source's text
    return path


def test_convert_refuses_a_lossy_write(rich_json: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "homework.aif.json"
    assert main(["convert", str(rich_json), str(out)]) == 1
    err = capsys.readouterr().err
    assert f"error: would lose: {out}: 1 claim confidence value dropped" in err
    assert err.rstrip().endswith("nothing written; pass --allow-loss to convert anyway")
    assert not out.exists() and "Traceback" not in err


def test_convert_with_allow_loss_writes_and_warns(rich_json: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "homework.aif.json"
    assert main(["convert", str(rich_json), str(out), "--allow-loss"]) == 0
    captured = capsys.readouterr()
    assert f"warning: {out}: 1 claim confidence value dropped" in captured.err
    assert captured.out.startswith(f"{out}: 4 claims, 2 links (aif)")
    assert read(out, allow_loss=True).get_claim("sleep").text == "Stress costs sleep."


def test_convert_without_loss_needs_no_flag(rich_json: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "homework.argdown"
    assert main(["convert", str(rich_json), str(out)]) == 0
    assert capsys.readouterr().err == ""
    back = tmp_path / "back.json"
    assert main(["convert", str(out), str(back)]) == 0
    assert argmap.load(back, check_quotes=False) == _rich()


def test_convert_strict_fails_on_notes_too(tmp_path: Path, capsys) -> None:
    path = tmp_path / "pets.kialo.txt"
    path.write_text(
        "Discussion Title: Pets?\n\n1. Pets help.\n1.1. Pro: Pets calm.\n1.2. Con: -> See 1.1.\n",
        encoding="utf-8",
    )
    out = tmp_path / "pets.json"
    assert main(["convert", str(path), str(out)]) == 0
    assert "note: " in capsys.readouterr().err
    out.unlink()
    assert main(["convert", str(path), str(out), "--strict"]) == 1
    assert "1 warning with --strict; nothing written" in capsys.readouterr().err
    assert not out.exists()


def test_convert_allow_loss_and_strict_contradict(rich_json: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "x.aif.json"
    assert main(["convert", str(rich_json), str(out), "--allow-loss", "--strict"]) == 2
    assert "not allowed with argument" in capsys.readouterr().err
