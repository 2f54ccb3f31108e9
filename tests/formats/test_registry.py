"""The format registry, read/write by path, the argmap JSON format, and ``argmap convert``."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import argmap
from argmap import ArgmapError, FormatError
from argmap.cli import main
from argmap.formats import (
    Format,
    formats,
    get_format,
    infer_format,
    read_report,
    reads,
    register,
    write,
    writes,
)
from argmap.formats._common import Result

from ..strategies import argument_maps

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("constructs.argdown", "argdown"),
        ("kialo_legacy.txt", "kialo"),
        ("kialo_current.txt", "kialo"),
        ("aifdb_dialogue.json", "aif"),
        ("ova3.json", "aif"),
        ("sadface_v01_library.json", "sadface"),
        ("argdown_map_only.json", "argdown-json"),
    ],
)
def test_format_is_inferred_from_content(name, expected):
    path = FIXTURES / name
    assert infer_format(path, path.read_text()).name == expected
    assert read_report(path).format == expected


def test_format_from_extension_when_writing():
    assert infer_format("x.graphml", for_writing=True).name == "graphml"
    assert infer_format("x.gexf", for_writing=True).name == "gexf"
    assert infer_format("x.json", for_writing=True).name == "argmap"
    with pytest.raises(argmap.UnknownFormatError, match="cannot tell the format"):
        infer_format("x.unknown", for_writing=True)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("debate.aif.json", "aif"),
        ("DEBATE.AIF.JSON", "aif"),
        ("debate.sadface.json", "sadface"),
        ("debate.argmap.json", "argmap"),
        ("debate.kialo.txt", "kialo"),
        ("debate.txt", "kialo"),
        ("my.aif.notes.json", "argmap"),
    ],
)
def test_the_longest_matching_extension_names_the_format(name, expected):
    # "x.aif.json" also ends in ".json", argmap's extension, which comes first in the
    # registry: the more specific extension must win, or AIF is silently written as argmap.
    assert infer_format(name, for_writing=True).name == expected
    assert infer_format(name).name == expected


def test_a_read_only_format_named_by_the_file_name_is_not_written_as_another(tmp_path):
    with pytest.raises(ArgmapError, match="can read argdown-json but not write it"):
        infer_format("x.argdown.json", for_writing=True)
    assert infer_format("x.argdown.json").name == "argdown-json"
    out = tmp_path / "out.aif.json"
    assert main(["convert", str(FIXTURES / "ova3.json"), str(out)]) == 0
    assert read_report(out).format == "aif"


def test_unknown_and_one_way_formats_are_errors():
    with pytest.raises(ArgmapError, match="unknown format 'rtf'"):
        get_format("rtf")
    with pytest.raises(ArgmapError, match="can write graphml but not read"):
        reads("<graphml/>", "graphml")
    with pytest.raises(ArgmapError, match="can read argdown-json but not write"):
        writes(argmap.ArgumentMap(), "argdown-json")


def test_aliases_resolve():
    assert get_format("OVA").name == "aif" and get_format(".json").name == "argmap"


def test_a_new_format_is_one_registration(tmp_path):
    def read_lines(text: str, file: str | None) -> Result:
        m = argmap.ArgumentMap()
        for i, line in enumerate(text.splitlines()):
            m.claim(f"c{i}", line)
        return Result(m, [])

    register(Format("lines", (".lines",), "one claim per line", reader=read_lines))
    try:
        path = tmp_path / "x.lines"
        path.write_text("One.\nTwo.\n")
        assert [c.text for c in argmap.read(path).claims] == ["One.", "Two."]
        assert "lines" in [f.name for f in formats()]
    finally:
        from argmap.formats import _REGISTRY

        _REGISTRY.pop("lines")


def test_read_errors_name_the_file(tmp_path):
    missing = tmp_path / "none.argdown"
    with pytest.raises(FormatError, match="cannot read file"):
        argmap.read(missing)
    bad = tmp_path / "bad.argdown"
    bad.write_bytes(b"[A]: ok\n[B]: \xff\n")
    with pytest.raises(FormatError) as info:
        argmap.read(bad)
    assert info.value.file == str(bad) and info.value.line == 2


def test_read_and_write_paths(tmp_path):
    m = argmap.examples.soviet_socialism()
    for name in ("m.argdown", "m.aif.json", "m.sadface.json", "m.graphml", "m.gexf", "m.kialo"):
        warnings = argmap.write(m, tmp_path / name)
        assert (tmp_path / name).read_text(encoding="utf-8")
        assert isinstance(warnings, list)
    assert argmap.read(tmp_path / "m.sadface.json") == m
    back = argmap.read(tmp_path / "m.argdown")
    assert [c.id for c in back.claims] == [c.id for c in m.claims]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(argument_maps())
def test_argmap_json_through_the_registry_is_byte_identical(m):
    text = writes(m, "argmap")
    assert text == m.dumps()
    assert writes(reads(text, "argmap"), "argmap") == text


def test_convert_prints_warnings_and_writes(tmp_path, capsys):
    out = tmp_path / "debate.json"
    status = main(["convert", str(FIXTURES / "constructs.argdown"), str(out)])
    assert status == 0
    err = capsys.readouterr().err
    assert "warning:" in err and "untitled paragraph" in err
    data = json.loads(out.read_text())
    assert data["format"] == "argmap/1" and len(data["claims"]) == 14


def test_convert_with_explicit_formats_and_strict(tmp_path, capsys):
    src = tmp_path / "in.data"
    src.write_text((FIXTURES / "kialo_legacy.txt").read_text())
    out = tmp_path / "out.data"
    assert main(["convert", str(src), str(out), "--from", "kialo", "--to", "argdown"]) == 0
    assert "[1]: Pets should be allowed in class." in out.read_text()
    capsys.readouterr()
    strict_out = tmp_path / "strict.graphml"
    status = main(
        ["convert", str(FIXTURES / "sadface_v01_library.json"), str(strict_out), "--strict"]
    )
    assert status == 1 and not strict_out.exists()
    err = capsys.readouterr().err
    count = err.count("warning: ")
    assert count >= 1 and f"error: {count} warning{'s' if count > 1 else ''} with --strict" in err


def test_convert_reports_a_located_error(tmp_path, capsys):
    bad = tmp_path / "bad.argdown"
    bad.write_text("[A]: fine\n  + [B: not closed\n")
    assert main(["convert", str(bad), str(tmp_path / "x.json")]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:2:5" in err and "Traceback" not in err


def test_write_is_atomic_and_deterministic(tmp_path):
    m = argmap.examples.soviet_socialism()
    first = tmp_path / "a.argdown"
    write(m, first)
    second = tmp_path / "b.argdown"
    write(m, second)
    assert first.read_bytes() == second.read_bytes()
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_format_registered_first_leaves_the_built_in_ones(monkeypatch):
    # A plug-in may register its format before argmap has loaded its own.
    from argmap import formats as registry

    monkeypatch.setattr(registry, "_REGISTRY", {})
    monkeypatch.setattr(registry, "_BUILT_IN", set())
    register(Format("lines", (".lines",), "one claim per line", reader=None))
    built_in = [
        importlib.import_module(f"argmap.formats.{module}").FORMAT.name
        for module in registry.MODULES
    ]
    assert "argdown" in built_in
    assert [f.name for f in formats()] == [*built_in, "lines"]


def test_broken_aif_is_reported_as_aif_not_as_unknown_argmap_keys(tmp_path):
    # AIFdb node lists with the types missing still have nodeID and edges: their error
    # should be AIF's own, at its JSON path, not argmap JSON's "unknown key 'nodes'".
    path = tmp_path / "analysis.json"
    path.write_text('{"nodes": [{"nodeID": 1}], "edges": 5}')
    assert infer_format(path, path.read_text()).name == "aif"
    with pytest.raises(FormatError) as info:
        read_report(path)
    assert info.value.path == "$.edges" and "expected an array" in info.value.message


def test_convert_says_how_to_name_a_format_it_cannot_guess(tmp_path, capsys):
    notes = tmp_path / "notes.xyz"
    notes.write_text("hello")
    assert main(["convert", str(notes), str(tmp_path / "out.json")]) == 1
    err = capsys.readouterr().err
    assert "cannot tell the format from the file name or the content" in err
    assert err.rstrip().endswith("name the format with --from FORMAT")
    source = FIXTURES / "ova3.json"
    assert main(["convert", str(source), str(tmp_path / "out.unknown")]) == 1
    err = capsys.readouterr().err
    assert "out.unknown: cannot tell the format from the file name; formats argmap can" in err
    assert err.rstrip().endswith("name the format with --to FORMAT")
    assert main(["convert", str(source), str(tmp_path / "out.unknown"), "--to", "kialo"]) == 0
    assert not list(tmp_path.glob(".*.tmp"))  # nothing half-written was left behind


def test_convert_help_says_where_formats_come_from(capsys):
    assert main(["convert", "--help"]) == 0
    out = capsys.readouterr().out
    assert "Formats: argmap, argdown, argdown-json, aif, kialo" in out
    assert "map.aif.json" in out and "--to F" in out


def test_a_format_argmap_only_writes_is_named_when_asked_to_read_it(tmp_path, capsys):
    path = tmp_path / "map.graphml"
    path.write_text("<graphml/>")
    assert main(["convert", str(path), str(tmp_path / "out.json")]) == 1
    err = capsys.readouterr().err.strip()
    # The name told the format: naming it again would not help, so no --from hint.
    assert err == f"argmap: error: {path}: argmap can write graphml but not read it"
