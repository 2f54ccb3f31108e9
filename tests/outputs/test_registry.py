"""The outputs registry: every registered output gives the same bytes from Python and the CLI.

``m.render(path)`` and the command that writes that output (``argmap render``, ``summary``,
``report`` or ``convert``) are run on the same map for every output in the registry; the
files must be byte-identical (a PDF's creation time aside, the one byte range Graphviz
stamps with the clock).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap import ArgumentMap, LossError, OptionError, RenderError
from argmap.cli import main
from argmap.errors import UnknownNameError, UnknownOutputError
from argmap.outputs import (
    Output,
    Product,
    get_output,
    no_options,
    output_for,
    outputs,
    produce,
    register,
    unregister,
)

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot not installed")


def sample() -> ArgumentMap:
    """A small map with what each output has to carry: themes, co-premises, an undercut,
    a title and question, and text that needs escaping in every markup language."""
    m = ArgumentMap(title="Homework <&> 'tests'", question="Should homework be banned?")
    m.add_theme("health", "Health & sleep")
    m.claim("ban", "Homework should be banned.", kind="position", title="Ban it")
    m.claim("stress", 'Homework causes "stress" <b>.', themes=["health"])
    m.claim("sleep", "Stress costs students sleep.", themes=["health"], confidence=0.8)
    m.support(["stress", "sleep"], "ban")
    m.claim("practice", "Practice needs time outside class [1] --> *now*.")
    m.attack("practice", "ban")
    m.claim("doubt", "Stress does not show that banning is the fix.")
    m.undercut("doubt", "s1")
    return m


#: A file name for each output: its first ending, so the name alone picks it.
def _file_name(output: Output[Any]) -> str:
    return "out" + output.extensions[0]


def _cli_args(output: Output[Any], source: Path, target: Path) -> list[str]:
    if output.kind == "diagram":
        return ["render", str(source), "-o", str(target)]
    if output.kind == "summary":
        return ["summary", str(source), "--format", output.name, "-o", str(target)]
    if output.kind == "report":
        return ["report", str(source), "-o", str(target)]
    return ["convert", str(source), str(target), "--allow-loss", "--quiet"]


_PDF_CLOCK = re.compile(rb"/CreationDate \(D:[0-9Z'+-]*\)")


def _comparable(output: Output[Any], data: bytes) -> bytes:
    return _PDF_CLOCK.sub(b"", data) if output.name == "pdf" else data


ALL = [o.name for o in outputs()]


def test_every_kind_of_output_is_registered() -> None:
    added = set(argmap.outputs._REGISTRY)  # by other tests or docs in this process
    kinds: dict[str, list[str]] = {o.kind: [] for o in outputs()}
    for o in outputs():
        if o.name not in added:
            kinds[o.kind].append(o.name)
    assert kinds["diagram"] == ["dot", "svg", "png", "pdf", "mermaid"]
    assert kinds["summary"] == ["md", "txt", "outline", "brief", "long"]
    assert kinds["report"] == ["html"]
    writers = [f.name for f in argmap.formats.formats() if f.writer is not None]
    assert kinds["format"] == writers and "argdown" in writers


@pytest.mark.parametrize("name", ALL)
def test_api_and_cli_write_the_same_bytes(name: str, tmp_path: Path) -> None:
    output = get_output(name)
    if output.name in ("svg", "png", "pdf", "html") and shutil.which("dot") is None:
        pytest.skip("Graphviz dot not installed")
    m = sample()
    source = tmp_path / "map.json"
    m.dump(source)
    by_api = tmp_path / "api" / _file_name(output)
    by_cli = tmp_path / "cli" / _file_name(output)
    by_api.parent.mkdir()
    by_cli.parent.mkdir()
    assert output_for(by_api) is output  # the name alone picks this output
    m.render(by_api, allow_loss=True)
    assert main(_cli_args(output, source, by_cli)) == 0
    api_bytes, cli_bytes = by_api.read_bytes(), by_cli.read_bytes()
    assert len(api_bytes) > 100
    assert _comparable(output, api_bytes) == _comparable(output, cli_bytes)
    # ... and they are what the output makes, and what the old entry points wrote.
    assert _comparable(output, produce(m, output).data) == _comparable(output, api_bytes)


def test_mermaid_from_the_model_is_to_mermaid(tmp_path: Path) -> None:
    m = sample()
    m.render(tmp_path / "x.mmd", direction="LR")  # raised 'cannot tell the format' before
    assert (tmp_path / "x.mmd").read_text() == argmap.to_mermaid(m, direction="LR")
    m.render(tmp_path / "chart.txt", "mermaid")  # or named, whatever the file name says
    assert (tmp_path / "chart.txt").read_text() == argmap.to_mermaid(m)


def test_texts_from_the_model_are_the_api_functions(tmp_path: Path) -> None:
    m = sample()
    m.render(tmp_path / "x.outline.txt", depth=1)
    outline = argmap.summarize(m, "outline", depth=1)
    assert (tmp_path / "x.outline.txt").read_text() == outline
    m.render(tmp_path / "x.md", quotes=False, analysis=False)
    md = argmap.summarize(m, "md", quotes=False, analysis=False)
    assert (tmp_path / "x.md").read_text() == md
    m.render(tmp_path / "x.html", diagram=False)
    assert (tmp_path / "x.html").read_text() == argmap.html_report(m, diagram=False)
    argmap.write(m, tmp_path / "y.argdown")
    m.render(tmp_path / "x.argdown")
    assert (tmp_path / "x.argdown").read_bytes() == (tmp_path / "y.argdown").read_bytes()


def test_argmap_json_output_is_dump(tmp_path: Path) -> None:
    m = sample()
    m.dump(tmp_path / "a.json")
    m.render(tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    assert argmap.load(tmp_path / "b.json") == m


def test_a_lossy_format_writes_nothing_unless_allowed(tmp_path: Path) -> None:
    target = tmp_path / "x.kialo.txt"
    with pytest.raises(LossError, match="kialo would lose"):
        sample().render(target)
    assert not target.exists()
    sample().render(target, allow_loss=True)
    assert target.read_text().startswith("Discussion Name:")


def test_an_unknown_ending_names_the_endings(tmp_path: Path) -> None:
    with pytest.raises(UnknownOutputError, match=r"map\.jpeg.*\.svg") as caught:
        sample().render(tmp_path / "map.jpeg")
    assert isinstance(caught.value, RenderError)  # as m.render raised before
    assert not (tmp_path / "map.jpeg").exists()


def test_unknown_output_name_has_a_did_you_mean() -> None:
    with pytest.raises(UnknownNameError, match="did you mean 'outline'"):
        produce(sample(), "outlin")
    with pytest.raises(UnknownNameError, match="no summary output 'svg'"):
        get_output("svg", kind="summary")


@pytest.mark.parametrize(
    ("name", "options", "message"),
    [
        ("svg", {"lables": "title"}, "no diagram option 'lables' (did you mean 'labels'?"),
        ("md", {"qoutes": False}, "no md option 'qoutes' (did you mean 'quotes'?"),
        ("html", {"root": "ban"}, "no report option 'root'"),
        ("argdown", {"width": 40}, "argdown takes no options (got 'width')"),
        ("txt", {"width": 0}, "width must be a whole number, 1 or more"),
        ("md", {"quotes": "no"}, "quotes must be True or False"),
        ("md", {"themes": [1]}, "themes must be a theme id"),
    ],
)
def test_a_wrong_option_is_an_option_error(
    name: str, options: dict[str, Any], message: str, tmp_path: Path
) -> None:
    target = tmp_path / ("x" + get_output(name).extensions[0])
    with pytest.raises(OptionError) as caught:
        sample().render(target, name, **options)
    assert message in str(caught.value)
    assert isinstance(caught.value, TypeError) and isinstance(caught.value, ValueError)
    assert not target.exists()


def test_a_wrong_choice_suggests_the_right_one() -> None:
    with pytest.raises(RenderError, match=r"direction must be one of .*did you mean 'LR'"):
        argmap.to_dot(sample(), direction="LRR")  # type: ignore[typeddict-item]
    with pytest.raises(RenderError, match=r"\(got 'upp'; did you mean 'up'\?\)"):
        sample().render("never-written.mmd", direction="upp")  # type: ignore[typeddict-item]
    assert not Path("never-written.mmd").exists()
    with pytest.raises(OptionError, match=r"unknown summary format 'outlines' .*'outline'"):
        argmap.summarize(sample(), "outlines")  # type: ignore[arg-type]


def test_the_cli_says_which_command_writes_another_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "map.json"
    sample().dump(source)
    assert main(["render", str(source), "-o", str(tmp_path / "x.md")]) == 1
    err = capsys.readouterr().err
    assert "cannot tell the format from '.md'" in err and ".mmd" in err
    assert "md is written by 'argmap summary'" in err and "Traceback" not in err
    assert not (tmp_path / "x.md").exists()
    assert main(["render", str(source), "-o", str(tmp_path / "x.argdown")]) == 1
    assert "argmap convert" in capsys.readouterr().err


def test_a_registered_output_is_written_by_its_ending(tmp_path: Path) -> None:
    def count(m: ArgumentMap, opts: None) -> Product:
        return Product(f"{len(m.claims)} claims, {len(m.links)} links\n")

    register(Output("count", "summary", (".count",), "counts", no_options("count"), count))
    try:
        sample().render(tmp_path / "x.count")
        assert (tmp_path / "x.count").read_text() == "5 claims, 3 links\n"
        assert "count" in [o.name for o in outputs("summary")]
    finally:
        unregister("count")
    with pytest.raises(UnknownOutputError):
        output_for("x.count")


@pytest.mark.parametrize(
    ("kind", "endings", "message"),
    [
        ("picture", (".pic",), "kind must be one of diagram, summary, report, format"),
        ("summary", ("pic",), "an ending is lower case and starts with '.'"),
        ("summary", (".PIC",), "an ending is lower case and starts with '.'"),
    ],
)
def test_a_registration_is_checked(kind: Any, endings: tuple[str, ...], message: str) -> None:
    bad = Output("pic", kind, endings, "", no_options("pic"), lambda m, o: Product(""))
    with pytest.raises(argmap.ArgmapError, match=re.escape(message)):
        register(bad)
    assert "pic" not in [o.name for o in outputs()]


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count how often diagram options are checked (each check runs ``_status`` once)."""
    from argmap.render import options

    calls: list[int] = []
    real = options._status

    def counted(raw: object) -> Any:
        calls.append(1)
        return real(raw)

    monkeypatch.setattr(options, "_status", counted)
    return calls


@needs_dot
@pytest.mark.parametrize("ending", [".svg", ".png", ".dot", ".mmd"])
def test_diagram_options_are_checked_once_per_call(
    ending: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _counting(monkeypatch)
    sample().render(tmp_path / f"x{ending}", labels="title")
    assert len(calls) == 1


@needs_dot
def test_views_and_the_report_check_options_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _counting(monkeypatch)
    view = sample().view(focus="ban")
    view.source(), view.svg(), view.html()
    assert len(calls) == 1
    calls.clear()
    argmap.html_report(sample())
    assert len(calls) == 1
