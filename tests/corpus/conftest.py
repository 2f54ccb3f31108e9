"""A small mixed corpus for the batch tests: every format argmap reads, broken files, a zip."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

import argmap

ARGDOWN = (
    "[Uniforms]: Schools should require uniforms.\n"
    "  + [Cost]: Uniforms cost less.\n"
    "  - [Choice]: Pupils lose a choice.\n"
)
KIALO = (
    "Discussion Title: Should homework be banned?\n\n"
    "1. Homework should be banned.\n"
    "1.1. Pro: Homework causes stress.\n"
    "1.2. Con: Practice needs time.\n"
    "1.2.1. Con: Practice can happen in class.\n"
)
AIF = {
    "nodes": [
        {"nodeID": "1", "text": "It will rain", "type": "I"},
        {"nodeID": "2", "text": "The sky is grey", "type": "I"},
        {"nodeID": "3", "text": "Default Inference", "type": "RA"},
    ],
    "edges": [
        {"edgeID": "e1", "fromID": "2", "toID": "3"},
        {"edgeID": "e2", "fromID": "3", "toID": "1"},
    ],
    "locutions": [],
}


def homework_map(extra: int = 0) -> argmap.ArgumentMap:
    """A map with a position, a supported reason, an attack and ``extra`` more reasons."""
    m = argmap.ArgumentMap(title="Homework", question="Should homework be banned?")
    m.claim("ban", "Homework should be banned.", kind="position")
    m.claim("stress", "Homework causes stress.")
    m.support("stress", "ban")
    m.claim("practice", "Practice needs time outside class.")
    m.attack("practice", "ban")
    for i in range(extra):
        m.claim(f"r{i}", f"Reason number {i}.")
        m.support(f"r{i}", "stress")
    return m


def make_corpus(root: Path) -> Path:
    """A folder of maps in every readable format, two broken files, sources, and a zip.

    Expected rows (in discovery order) are in :data:`EXPECTED`.
    """
    folder = root / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "a_homework.json").write_text(homework_map().dumps(), encoding="utf-8")
    (folder / "b_uniforms.argdown").write_text(ARGDOWN, encoding="utf-8")
    (folder / "c_homework.kialo.txt").write_text(KIALO, encoding="utf-8")
    (folder / "d_rain.aif.json").write_text(json.dumps(AIF), encoding="utf-8")
    (folder / "e_truncated.json").write_text(homework_map().dumps()[:120], encoding="utf-8")
    dangling = json.loads(homework_map().dumps())
    dangling["links"][0]["sources"] = ["stres"]
    (folder / "f_dangling.json").write_text(json.dumps(dangling), encoding="utf-8")
    (folder / "notes.md").write_text("# not a map\n", encoding="utf-8")
    (folder / "source-text.txt").write_text("An article's text, not a map.\n", encoding="utf-8")
    (folder / ".hidden.json").write_text("{", encoding="utf-8")
    (folder / "sub" / "g_big.json").write_text(homework_map(20).dumps(), encoding="utf-8")
    with zipfile.ZipFile(folder / "sub" / "h_class.zip", "w") as archive:
        archive.writestr("alice/map.json", homework_map(2).dumps())
        archive.writestr("bob/map.argdown", ARGDOWN)
        archive.writestr("carol/map.json", "not json at all")
        archive.writestr("__MACOSX/alice/._map.json", "junk")
        archive.writestr("readme.txt", "Submissions of the class.")
    return folder


#: (file relative to the corpus folder, format, status, claims) for make_corpus's rows.
EXPECTED = [
    ("a_homework.json", "argmap", "ok", 3),
    ("b_uniforms.argdown", "argdown", "ok", 3),
    ("c_homework.kialo.txt", "kialo", "ok", 4),
    ("d_rain.aif.json", "aif", "ok", 2),
    ("e_truncated.json", "argmap", "invalid", None),
    ("f_dangling.json", "argmap", "invalid", None),
    ("sub/g_big.json", "argmap", "ok", 23),
    ("sub/h_class.zip/alice/map.json", "argmap", "ok", 5),
    ("sub/h_class.zip/bob/map.argdown", "argdown", "ok", 3),
    ("sub/h_class.zip/carol/map.json", "argmap", "invalid", None),
]


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    return make_corpus(tmp_path)
