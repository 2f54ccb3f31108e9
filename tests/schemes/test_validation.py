"""Validation of schemes in maps: unknown names warn, wrong answers are located errors,
and argmap JSON keeps schemes and answered questions exactly."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings

import argmap
from argmap.cli import main

from .maps import expert_map, maps_with_schemes


def _file(tmp_path: Path, m: argmap.ArgumentMap) -> Path:
    path = tmp_path / "map.json"
    m.dump(path)
    return path


def test_unknown_scheme_is_one_warning_per_name_with_a_did_you_mean() -> None:
    m = expert_map()
    m.get_link("s1").scheme = "expert-opinon"
    m.get_link("a1").scheme = "my-pattern"
    m.get_link("u1").scheme = "my-pattern"
    warnings = m.check()
    by_path = {w.path: w for w in warnings if w.code.value == "AM203"}
    assert set(by_path) == {"links[0].scheme", "links[1].scheme"}
    assert "did you mean 'expert-opinion'" in by_path["links[0].scheme"].message
    assert "used by 2 links" in by_path["links[1].scheme"].message
    assert all(w.severity.value == "warning" for w in by_path.values())


def test_legacy_names_and_aliases_are_not_warned() -> None:
    m = expert_map()
    m.get_link("s1").scheme = "argument_from_expert_opinion"
    assert [w for w in m.check() if w.code.value == "AM203"] == []


def test_answered_question_errors_are_located(tmp_path: Path, capsys: object) -> None:
    m = expert_map()
    m.get_link("s1").answered = [
        argmap.model.AnsweredQuestion(question="cq9", by="u1"),
        argmap.model.AnsweredQuestion(question="cq4", by="u-nope"),
    ]
    m.get_link("a1").answered = [argmap.model.AnsweredQuestion(question="cq1", by="u1")]
    path = _file(tmp_path, m)
    assert main(["validate", str(path), "--format", "json"]) == 1
    (report,) = json.loads(capsys.readouterr().out)  # type: ignore[attr-defined]
    out = report["errors"]
    got = {(p["code"], p["path"]) for p in out}
    assert got == {
        ("AM113", "links[0].answered[0].question"),
        ("AM101", "links[0].answered[1].by"),
        ("AM113", "links[2].answered[0].question"),
    }
    messages = " ".join(p["message"] for p in out)
    assert "has no critical question 'cq9' (its questions: cq1, cq2" in messages
    assert "'u-nope' is neither a claim nor a link id" in messages
    assert "link 'a1' has no scheme" in messages


def test_free_text_scheme_loads_and_keeps_its_answers(tmp_path: Path) -> None:
    m = expert_map()
    m.get_link("s1").scheme = "toulmin-warrant"
    m.get_link("s1").answered = [argmap.model.AnsweredQuestion(question="q-a", by="u1")]
    back = argmap.load(_file(tmp_path, m))
    assert back.get_link("s1").scheme == "toulmin-warrant"
    assert back.get_link("s1").answered == m.get_link("s1").answered


def test_maps_without_schemes_are_written_as_before() -> None:
    m = expert_map()
    m.get_link("s1").scheme = None
    assert "answered" not in m.dumps() and "scheme" not in m.dumps()


@settings(max_examples=60, deadline=None)
@given(maps_with_schemes())
def test_json_round_trip_keeps_schemes_and_answers(m: argmap.ArgumentMap) -> None:
    m.check()  # the strategy makes valid maps
    text = m.dumps()
    back = argmap.loads(text)
    assert back == m and back.dumps() == text
    assert [(link.scheme, link.answered) for link in back.links] == [
        (link.scheme, link.answered) for link in m.links
    ]


def test_the_schema_file_has_answered_questions() -> None:
    schema = json.loads(
        (Path(__file__).parents[2] / "docs/schema/argmap-1.schema.json").read_text()
    )
    link = schema["$defs"]["Link"]["properties"]
    assert "answered" in link and "AnsweredQuestion" in schema["$defs"]
    assert set(schema["$defs"]["AnsweredQuestion"]["required"]) == {"question", "by"}


def test_validate_cli_warns_about_an_unknown_scheme_and_exits_0(
    tmp_path: Path, capsys: object
) -> None:
    m = expert_map()
    m.get_link("s1").scheme = "expert-opinon"
    path = _file(tmp_path, m)
    assert main(["validate", str(path)]) == 0
    captured = capsys.readouterr()  # type: ignore[attr-defined]
    assert "valid (1 warning)" in captured.err
    assert (
        f"{path}:links[0].scheme: AM203 unknown-scheme: scheme 'expert-opinon' is not in "
        "argmap's catalogue (did you mean 'expert-opinion'?)"
    ) in captured.out
