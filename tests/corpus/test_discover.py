"""Discovery: folders, globs and zip archives give a stable list of maps, and refuse bombs."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import ArgmapError
from argmap.corpus.discover import Item, Limits, count, discover
from argmap.corpus.rows import read_chunk

from .conftest import EXPECTED


def names(items: list[Item], root: Path) -> list[str]:
    return [os.path.relpath(i.name, root) for i in items]


def test_a_folder_is_walked_sorted_with_zip_members_and_without_non_maps(mixed: Path) -> None:
    items = list(discover([mixed]))
    assert names(items, mixed) == [e[0] for e in EXPECTED]
    # notes.md, the hidden file, the plain source text, the zip's readme and __MACOSX
    # entries are not maps; a .kialo.txt is.
    member = items[7]
    assert (member.path, member.member) == (str(mixed / "sub" / "h_class.zip"), "alice/map.json")
    assert member.size > 0 and member.problem is None
    assert count([mixed]) == len(EXPECTED)


def test_a_txt_file_is_a_map_in_a_folder_only_if_it_starts_like_a_kialo_export(
    tmp_path: Path,
) -> None:
    (tmp_path / "export.txt").write_text("Discussion Title: Pets?\n\n1. Pets help.\n")
    (tmp_path / "article.txt").write_text("Pets help, the article says.\n")
    assert names(list(discover([tmp_path])), tmp_path) == ["export.txt"]
    # Named on its own, a file is read whatever it holds (and its row will say why not).
    assert [i.name for i in discover([tmp_path / "article.txt"])] == [str(tmp_path / "article.txt")]


def test_paths_keep_their_order_and_globs_expand_sorted(mixed: Path) -> None:
    pattern = str(mixed / "**" / "*.json")
    items = list(discover([mixed / "b_uniforms.argdown", pattern]))
    assert names(items, mixed) == [
        "b_uniforms.argdown",
        "a_homework.json",
        "d_rain.aif.json",
        "e_truncated.json",
        "f_dangling.json",
        "sub/g_big.json",
    ]


def test_a_missing_path_or_an_empty_pattern_fails_before_anything_is_read(tmp_path: Path) -> None:
    with pytest.raises(ArgmapError, match="nope: no such file or folder"):
        discover([tmp_path, tmp_path / "nope"])
    with pytest.raises(ArgmapError, match="the pattern matches no file"):
        discover([str(tmp_path / "*.argdown")])


def test_a_link_out_of_the_folder_is_reported_not_followed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.json"
    secret.write_text('{"format": "argmap/1", "claims": [], "links": []}')
    folder = tmp_path / "class"
    folder.mkdir()
    (folder / "stolen.json").symlink_to(secret)
    (folder / "ok.json").write_text("{}")
    (folder / "alias.json").symlink_to(folder / "ok.json")  # inside: followed
    items = {Path(i.name).name: i for i in discover([folder])}
    assert items["stolen.json"].problem == "a symbolic link to outside the folder; not read"
    assert items["alias.json"].problem is None and items["ok.json"].problem is None


def test_a_file_over_the_size_limit_is_a_problem_item(tmp_path: Path) -> None:
    (tmp_path / "big.json").write_text("x" * 2000)
    [item] = discover([tmp_path], Limits(max_bytes=1000))
    assert item.problem == "2000 bytes, over the limit of 1000 for one map"


def _zip(path: Path, members: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return path


def test_zip_bombs_are_refused_from_the_central_directory(tmp_path: Path) -> None:
    many = _zip(tmp_path / "many.zip", {f"m{i}.json": "{}" for i in range(30)})
    [item] = discover([many], Limits(max_members=20))
    assert item.name == str(many) and item.member is None
    assert item.problem == "an archive of 30 members, over the limit of 20; not opened"
    # 10 MB of zeros packs into a few kilobytes: its declared size is what counts.
    bomb = _zip(tmp_path / "bomb.zip", {"a.json": "0" * 10_000_000, "b.json": "0" * 10_000_000})
    assert bomb.stat().st_size < 100_000
    [item] = discover([bomb], Limits(max_archive_bytes=15_000_000))
    assert item.problem == (
        "its members unpack to 20000000 bytes, over the limit of 15000000; not opened"
    )
    items = list(discover([bomb], Limits(max_bytes=1_000_000)))
    assert [i.problem for i in items] == [
        "10000000 bytes, over the limit of 1000000 for one map"
    ] * 2


def test_archives_in_archives_and_broken_archives_are_problem_items(tmp_path: Path) -> None:
    inner = _zip(tmp_path / "inner.zip", {"a.json": "{}"})
    outer = _zip(tmp_path / "outer.zip", {"inner.zip": inner.read_text("latin-1")})
    [item] = discover([outer])
    assert item.name == f"{outer}/inner.zip"
    assert item.problem == "an archive inside an archive; not opened"
    fake = tmp_path / "fake.zip"
    fake.write_bytes(b"PK\x03\x04 but truncated")
    [item] = discover([fake])
    assert item.problem is not None and item.problem.startswith("not a readable zip archive")


def test_a_folder_that_cannot_be_listed_is_a_problem_item(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "m.json").write_text("{}")
    (tmp_path / "b" / "m.json").write_text("{}")
    real = os.scandir

    def scandir(path: str) -> object:
        if Path(path).name == "a":  # as a folder without read permission would
            raise PermissionError(13, "Permission denied", path)
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = list(discover([tmp_path]))
    assert [(names([i], tmp_path)[0], i.problem) for i in items] == [
        ("a", "cannot list folder: Permission denied"),
        ("b/m.json", None),
    ]


def test_a_link_out_is_not_even_peeked_at(tmp_path: Path) -> None:
    secret = tmp_path / "diary.txt"
    secret.write_text("Discussion Title: my secrets\n")
    folder = tmp_path / "class"
    folder.mkdir()
    (folder / "notes.txt").symlink_to(secret)
    [item] = discover([folder])
    assert item.problem == "a symbolic link to outside the folder; not read"


@settings(max_examples=50, deadline=None)
@given(data=st.binary(max_size=400), cut=st.integers(min_value=0, max_value=2000))
def test_any_bytes_as_a_zip_give_rows_and_never_raise(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, cut: int
) -> None:
    folder = tmp_path_factory.mktemp("zips")
    whole = _zip(folder / "whole.zip", {"a/m.json": data.decode("latin-1"), "b.argdown": "[A]: a"})
    packed = whole.read_bytes()
    # A random file named .zip, and a real archive cut short or with bytes changed.
    (folder / "random.zip").write_bytes(data)
    (folder / "cut.zip").write_bytes(packed[: cut % (len(packed) + 1)])
    flipped = bytearray(packed)
    flipped[cut % len(flipped)] ^= 0xFF
    (folder / "flipped.zip").write_bytes(bytes(flipped))
    items = list(discover([folder]))
    rows = read_chunk(items)
    assert len(rows) == len(items) >= 4
    assert all(r.status in ("ok", "invalid") for r in rows)
    assert not any("internal error" in r.message for r in rows), [r.message for r in rows]


def test_every_damaged_byte_of_an_archive_gives_rows_not_a_crash(tmp_path: Path) -> None:
    whole = _zip(tmp_path / "whole.zip", {"m.json": '{"claims": []}' * 40, "n.argdown": "[A]: a"})
    packed = whole.read_bytes()
    messages = set()
    for position in range(len(packed)):
        damaged = bytearray(packed)
        damaged[position] ^= 0xFF
        (tmp_path / "d.zip").write_bytes(bytes(damaged))
        rows = read_chunk(list(discover([tmp_path / "d.zip"])))
        assert rows and all(r.status in ("ok", "invalid") for r in rows)  # never none
        messages |= {r.message for r in rows if r.status == "invalid"}
    assert not any("internal error" in m for m in messages), sorted(messages)
    assert any(m.startswith("not a readable zip archive") for m in messages)
    assert any(m.startswith("cannot read it") for m in messages)


def test_an_archive_without_a_map_is_a_row_saying_so(tmp_path: Path) -> None:
    essay = _zip(tmp_path / "essay.zip", {"essay.docx": "PK...", "notes/": ""})
    empty = _zip(tmp_path / "empty.zip", {})
    items = list(discover([essay, empty]))
    assert [(i.name, i.problem) for i in items] == [
        (str(essay), "no map in this archive (only 1 other file)"),
        (str(empty), "no map in this archive (it is empty)"),
    ]


def test_folders_nested_too_deeply_are_a_row_not_a_crash(tmp_path: Path) -> None:
    import sys

    (tmp_path / "top.json").write_text("{}")
    deep = str(tmp_path)
    for _ in range(sys.getrecursionlimit() + 50):
        deep += "/d"
        os.mkdir(deep)  # one level at a time: pathlib and os.makedirs recurse too
    with open(deep + "/bottom.json", "w") as handle:
        handle.write("{}")
    try:
        items = list(discover([tmp_path]))
    finally:
        # Removed level by level here: shutil.rmtree (pytest's clean-up) recurses too.
        os.remove(deep + "/bottom.json")
        while deep != str(tmp_path):
            os.rmdir(deep)
            deep = os.path.dirname(deep)
    assert items[0].name == str(tmp_path / "top.json")
    found_bottom = items[-1].name.endswith("bottom.json")
    too_deep = items[-1].problem == (
        "folders nested too deeply to walk; the rest of it was not read"
    )
    assert found_bottom or too_deep  # Python 3.12 walks any depth; 3.11 reports it
