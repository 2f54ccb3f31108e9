"""The scheme catalogue: it loads, validates, covers the issue's schemes, and finds
schemes by every name other tools use."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from pydantic import ValidationError

from argmap import UnknownNameError
from argmap.schemes import KINDS, Catalogue, catalogue, find_scheme, get_scheme

#: The schemes issue 21 names (by the catalogue's ids).
ISSUE_SCHEMES = [
    "expert-opinion", "position-to-know", "witness-testimony", "popular-opinion",
    "popular-practice", "analogy", "example", "verbal-classification", "sign",
    "cause-to-effect", "correlation-to-cause", "positive-consequences",
    "negative-consequences", "practical-reasoning", "values", "commitment",
    "direct-ad-hominem", "circumstantial-ad-hominem", "bias", "sunk-costs", "slippery-slope",
    "precedent", "established-rule", "best-explanation", "ignorance", "gradualism",
    "perception", "memory", "waste", "fear-appeal", "threat",
]  # fmt: skip


def test_at_least_30_schemes_each_with_questions_of_every_kind() -> None:
    cat = catalogue()
    assert len(cat) >= 30
    for scheme in cat:
        kinds = Counter(q.kind for q in scheme.questions)
        assert all(kinds[k] >= 2 for k in KINDS), (scheme.id, kinds)
        assert len(scheme.questions) >= 2 and scheme.premises and scheme.conclusion
        roles = {p.role for p in scheme.premises}
        assert all(q.premise in roles for q in scheme.questions if q.kind == "premise")


def test_the_issue_schemes_are_all_there() -> None:
    assert sorted(set(ISSUE_SCHEMES) - set(catalogue().ids)) == []


def test_every_alias_and_source_is_cited() -> None:
    cat = catalogue()
    assert {"walton2008", "walton1996", "aifdb", "araucaria", "carneades"} <= set(cat.sources)
    for scheme in cat:
        assert set(scheme.sources) <= set(cat.sources)
        assert all(a.source in cat.sources for a in scheme.aliases)


@pytest.mark.parametrize(
    ("name", "scheme_id"),
    [
        ("Expert Opinion", "expert-opinion"),  # AIFdb / OVA
        ("ExpertOpinion", "expert-opinion"),  # AraucariaDB in AIFdb
        ("ExceptionalCase", "exceptional-case"),
        ("Argument From Sign", "sign"),  # Araucaria
        ("Circumstantial Argument Against the Person", "circumstantial-ad-hominem"),
        ("argument_from_verbal_classification", "verbal-classification"),
        ("abduction", "best-explanation"),  # Carneades
        ("Cause To Effect", "cause-to-effect"),
        ("Memory", "memory"),  # Araucaria's Pollock set
        ("Argument from practical reasoning (argument from a goal)", None),
        ("Practical reasoning (argument from a goal)", "practical-reasoning"),  # own name
    ],
)
def test_found_by_other_tools_names(name: str, scheme_id: str | None) -> None:
    found = find_scheme(name)
    assert (found.id if found else None) == scheme_id


def test_every_name_finds_its_own_scheme() -> None:
    for scheme in catalogue():
        for name in scheme.names():
            assert find_scheme(name) is scheme, name


def test_unknown_name_has_a_did_you_mean() -> None:
    with pytest.raises(UnknownNameError, match="did you mean 'correlation-to-cause'"):
        get_scheme("corelation-to-cause")
    with pytest.raises(UnknownNameError, match="did you mean 'cq3'"):
        get_scheme("sign").question("cq33")
    assert find_scheme(None) is None and find_scheme("") is None


def _data() -> dict[str, Any]:
    scheme = get_scheme("sign").model_dump()
    return {"sources": dict(catalogue().sources), "schemes": [scheme]}


@pytest.mark.parametrize(
    ("break_it", "message"),
    [
        (lambda d: d["schemes"][0].update(questions=d["schemes"][0]["questions"][2:]), "premise"),
        (lambda d: d["schemes"][0]["questions"][0].update(premise="nope"), "nope"),
        (lambda d: d["schemes"][0]["questions"][3].update(premise="observation"), "only premise"),
        (lambda d: d["schemes"][0]["aliases"][0].update(source="wikipedia"), "wikipedia"),
        (lambda d: d["schemes"].append({**d["schemes"][0], "id": "sign-2"}), "also names"),
        (
            lambda d: d["schemes"][0]["premises"].append({"role": "observation", "text": "x"}),
            "role",
        ),
        (lambda d: d["schemes"][0].update(colour="red"), "colour"),
    ],
)
def test_a_broken_catalogue_is_refused(break_it: Any, message: str) -> None:
    data = _data()
    Catalogue.model_validate(data)  # the unbroken copy is fine
    break_it(data)
    with pytest.raises(ValidationError, match=message):
        Catalogue.model_validate(data)


def test_as_dict_has_the_issue_shape() -> None:
    d = get_scheme("expert-opinion").as_dict()
    assert {"id", "name", "aliases", "premises", "conclusion", "critical_questions"} <= set(d)
    assert all(set(q) >= {"id", "text", "kind"} for q in d["critical_questions"])
    assert "Expert Opinion" in d["aliases"] and d["premises"][0] == {
        "role": "major",
        "text": "E is an expert in the field F.",
    }
