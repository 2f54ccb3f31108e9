"""ICCMA readers and writers: round trips, located errors, and the shared instances."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import FormatError
from argmap.analysis import sat
from argmap.analysis.framework import Framework
from argmap.analysis.iccma import (
    dumps_framework,
    loads_framework,
    read_framework,
    write_framework,
)
from argmap.analysis.semantics import extensions, grounded, some_extension

names = st.from_regex(r"[a-z][a-z0-9_]{0,6}", fullmatch=True)


@st.composite
def named_frameworks(draw: st.DrawFn) -> Framework:
    args = draw(st.lists(names, min_size=1, max_size=8, unique=True))
    pairs = draw(st.lists(st.tuples(st.sampled_from(args), st.sampled_from(args)), max_size=20))
    return Framework.from_pairs(pairs, arguments=args)


@settings(max_examples=50, deadline=None)
@given(af=named_frameworks(), fmt=st.sampled_from(["apx", "tgf"]))
def test_named_round_trip(af: Framework, fmt: str) -> None:
    back = loads_framework(dumps_framework(af, fmt), fmt)
    assert back.names == af.names and back.pairs() == af.pairs()


@settings(max_examples=50, deadline=None)
@given(af=named_frameworks())
def test_iccma23_round_trip_keeps_the_structure(af: Framework) -> None:
    back = loads_framework(dumps_framework(af, "iccma23"), "iccma23")
    assert back.n == af.n
    assert np.array_equal(back.source, af.source) and np.array_equal(back.target, af.target)
    assert dumps_framework(back, "iccma23") == dumps_framework(af, "iccma23")


@pytest.mark.parametrize(
    ("text", "fmt", "where"),
    [
        ("1 2\n", "iccma23", "<input>:1:1: expected the header 'p af N'"),
        ("", "iccma23", "<input>:1:1: missing the header"),
        ("p af 3\n\n  1 2 3\n", "iccma23", "<input>:3:3: expected an attack"),
        ("p af 3\n1 4\n", "iccma23", "<input>:2:3: argument 4 out of range 1..3"),
        ("arg(a).\natt(a,b).\n", "apx", "<input>:2:1: attack names undeclared argument 'b'"),
        ("arg(a).\n  arg a.\n", "apx", "<input>:2:3: expected 'arg(NAME).'"),
        ("arg(a, b).", "apx", "<input>:1:1: arg/1 takes one name"),
        ("a\nb\n#\na c\n", "tgf", "<input>:4:3: attack names undeclared argument 'c'"),
        ("a\na\n", "tgf", "<input>:2:1: argument 'a' declared twice"),
        ("a\n#\na\n", "tgf", "<input>:3:1: expected an attack"),
    ],
)
def test_malformed_input_is_located(text: str, fmt: str, where: str) -> None:
    with pytest.raises(FormatError) as info:
        loads_framework(text, fmt)
    assert str(info.value).startswith(where)


def test_read_framework_errors_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "x.xyz"
    bad.write_text("")
    with pytest.raises(FormatError, match="cannot tell the format"):
        read_framework(bad)
    f = tmp_path / "broken.apx"
    f.write_text("arg(a).\natt(a,z).\n")
    with pytest.raises(FormatError, match=r"broken\.apx:2:1:"):
        read_framework(f)


def test_write_and_read_files_in_every_format(tmp_path: Path) -> None:
    af = Framework.from_pairs([("a", "b"), ("b", "c"), ("c", "a")], arguments=["d"])
    for suffix in (".apx", ".tgf"):
        write_framework(af, tmp_path / f"x{suffix}")
        assert read_framework(tmp_path / f"x{suffix}") == af
    write_framework(af, tmp_path / "x.af")
    back = read_framework(tmp_path / "x.af")
    assert back.n == 4 and back.pairs() == [("2", "3"), ("3", "4"), ("4", "2")]
    with pytest.raises(FormatError, match="cannot be written in TGF"):
        dumps_framework(Framework.from_pairs([("a b", "c")]), "tgf")


def test_apx_comments_and_several_facts_per_line() -> None:
    af = loads_framework("arg(a). arg(b). % two args\natt(a,b). att(b,b).\n", "apx")
    assert af.pairs() == [("a", "b"), ("b", "b")]


# -- the shared ICCMA instances ---------------------------------------------------------------


def independent_grounded(af: Framework) -> set[int]:
    """Least fixpoint of the characteristic function, by plain set iteration (no counters)."""
    attackers = [set(af.attackers(i).tolist()) for i in range(af.n)]
    current: set[int] = set()
    while True:
        beaten = {b for a in current for b in af.attacked_by(a).tolist()}
        nxt = {i for i in range(af.n) if attackers[i] <= beaten}
        if nxt == current:
            return current
        current = nxt


def instances(corpus: Path) -> list[Path]:
    files = sorted(p for p in (corpus / "iccma").glob("*") if p.suffix in (".af", ".apx", ".tgf"))
    if not files:
        pytest.skip("no ICCMA instances in the corpus")
    return files


def test_grounded_agrees_with_an_independent_check(corpus: Path) -> None:
    # every instance up to 1,000 arguments; the chains are checked in the next test
    for path in instances(corpus):
        af = read_framework(path)
        if af.n > 1000:
            continue  # the naive check is quadratic on chains; the benchmark covers these
        ours = set(np.flatnonzero(grounded(af).codes == 1).tolist())
        assert ours == independent_grounded(af), path.name


def test_grounded_is_complete_on_every_instance(corpus: Path) -> None:
    # A linear check for the large ones (grounded is a complete labelling): IN = all attackers
    # OUT, OUT = some attacker IN, so no UNDEC argument has all attackers OUT or one IN.
    for path in instances(corpus):
        af = read_framework(path)
        codes = grounded(af).codes
        src, dst = af.source, af.target
        in_attacker = np.zeros(af.n, dtype=bool)
        in_attacker[dst[codes[src] == 1]] = True
        not_out = np.zeros(af.n, dtype=bool)
        not_out[dst[codes[src] != 2]] = True
        assert np.array_equal(codes == 2, in_attacker), path.name
        assert np.array_equal(codes == 1, ~not_out), path.name


def verify_complete(af: Framework, ext: frozenset[str], stable: bool) -> None:
    members = {af.index(a) for a in ext}
    beaten = {b for a in members for b in af.attacked_by(a).tolist()}
    assert not members & beaten, "conflict-free"
    for i in range(af.n):
        defended = set(af.attackers(i).tolist()) <= beaten
        assert (i in members) == defended or i in beaten, "complete"
        if i in members:
            assert defended, "admissible"
    if stable:
        assert len(members) + len(beaten) == af.n, "stable"


@pytest.mark.skipif(not sat.available(), reason="python-sat not installed")
@pytest.mark.parametrize(
    "name",
    ["admbuster_1000.af", "afgen_n100p5q2.apx"],
)
def test_se_pr_and_se_st_witnesses_verify(corpus: Path, name: str) -> None:
    path = corpus / "iccma" / name
    if not path.is_file():
        pytest.skip(f"{name} not in the corpus")
    af = read_framework(path)
    pr, backend = some_extension(af, "preferred", backend="sat")
    assert pr is not None and backend == "sat"
    verify_complete(af, pr, stable=False)
    # preferred: no complete extension strictly contains it (ask the solver for a superset)
    from argmap.analysis.sat import _Encoding

    enc = _Encoding(af)
    members = [af.index(a) for a in pr]
    grow = [enc.in_(a) for a in range(af.n) if a not in set(members)]
    enc.solver.add_clause(grow)
    assert enc.solve([enc.in_(a) for a in members]) is None
    enc.close()
    st_ext, _ = some_extension(af, "stable", backend="sat")
    if st_ext is not None:
        verify_complete(af, st_ext, stable=True)


def test_small_instance_backends_agree(corpus: Path) -> None:
    path = corpus / "iccma" / "admbuster_1000.af"
    if not path.is_file() or not sat.available():
        pytest.skip("instance or python-sat absent")
    af = read_framework(path)
    a = extensions(af, "stable", limit=3, backend="sat").extensions
    b = extensions(af, "stable", limit=3, backend="python").extensions
    assert set(a) == set(b) or (len(a) == len(b) == 3)
