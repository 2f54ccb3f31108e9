"""Write the test class in tests/classroom/data/class/ from the reference map data/claims.json.

Run ``python tests/classroom/make_class.py`` after changing it; the files are committed and
``test_class_files_are_current`` checks that they match what this script writes. Each file
is one kind of student the classroom commands must handle.
"""

from __future__ import annotations

import copy
import json
import random
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CLASS = HERE / "data" / "class"
#: The lesson notebook's smaller class (docs/notebooks/03-comparing-your-map.ipynb).
NOTEBOOK_CLASS = REPO / "docs" / "notebooks" / "data" / "class"
NOTEBOOK_FILES = (
    "alice-perfect-copy.json",
    "bob-link-errors.json",
    "carol-paraphrase.argdown",
    "frank-broken.json",
    "gina-kialo.txt",
)
REFERENCE = REPO / "data" / "claims.json"


def reference() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(REFERENCE.read_text(encoding="utf-8"))
    return data


def source_text() -> str:
    return (REPO / "data" / "sources" / "what-was-wrong-with-soviet-socialism.txt").read_text(
        encoding="utf-8"
    )


def _map(
    title: str, claims: list[dict[str, Any]], links: list[dict[str, Any]], **extra: Any
) -> dict[str, Any]:
    return {"format": "argmap/1", "title": title, **extra, "claims": claims, "links": links}


def perfect_copy() -> dict[str, Any]:
    """Every claim and link, ids renamed, claims shuffled: pairs every claim by its quotes."""
    ref = reference()
    rng = random.Random(15)
    order = list(range(len(ref["claims"])))
    rng.shuffle(order)
    new_id = {ref["claims"][i]["id"]: f"k{n:02d}" for n, i in enumerate(order)}
    new_id.update({link["id"]: f"l{n:02d}" for n, link in enumerate(ref["links"])})
    claims = []
    for i in order:
        claim = copy.deepcopy(ref["claims"][i])
        claim["id"] = new_id[claim["id"]]
        for quote in claim.get("quotes", []):
            quote["source"] = "text"
        claims.append(claim)
    links = []
    for link in ref["links"]:
        link = copy.deepcopy(link)
        link["id"] = new_id[link["id"]]
        link["sources"] = [new_id[s] for s in link["sources"]]
        link["target"] = new_id[link["target"]]
        links.append(link)
    source = {"id": "text", "title": "The article", "sha256": ref["sources"][0]["sha256"]}
    return _map(
        "Perfect copy",
        claims,
        links,
        sources=[source],
        themes=ref["themes"],
        perspectives=ref["perspectives"],
    )


def link_errors() -> dict[str, Any]:
    """Every claim in the reference's words, and each kind of link mistake once."""
    ref = reference()
    mine = {c["id"]: "my-" + c["id"] for c in ref["claims"]}
    claims = [{"id": mine[c["id"]], "text": c["text"], "kind": c["kind"]} for c in ref["claims"]]
    for claim in claims:
        if claim["id"] == "my-e-informing":
            claim["kind"] = "claim"  # the reference has evidence
    changed = {
        "s-getting-by-solidarity": [("attack", ["e-getting-by"], "pos-failed-solidarity")],
        "s-shortages-label": [("support", ["e-shortages-lines"], "pos-state-capitalism")],
        "s-loyalty-not-free": [("support", ["c-not-free-conscious"], "e-loyalty-education")],
        "s-state-capitalism-definition": [
            ("support", ["e-state-owned"], "pos-state-capitalism"),
            ("support", ["e-ruling-layer"], "pos-state-capitalism"),
            ("support", ["a-def-state-capitalism"], "pos-state-capitalism"),
        ],
        "s-bureaucracy-structural": [
            ("support", ["e-party-bureaucracy", "e-crushed-democracy"], "pos-structural-causes")
        ],
        "s-democracy-structural": [],
        "s-warning-ask": [],
    }
    link_ids = {link["id"]: "my-" + link["id"] for link in ref["links"]}
    links = []
    for link in ref["links"]:
        if link["id"] not in changed:
            target = mine.get(link["target"]) or link_ids[link["target"]]
            links.append(
                {
                    "id": link_ids[link["id"]],
                    "kind": link["kind"],
                    "sources": [mine[s] for s in link["sources"]],
                    "target": target,
                }
            )
            continue
        for n, (kind, sources, target) in enumerate(changed[link["id"]], start=1):
            links.append(
                {
                    "id": f"{link_ids[link['id']]}-{n}",
                    "kind": kind,
                    "sources": [mine[s] for s in sources],
                    "target": mine[target],
                }
            )
    links.append(
        {
            "id": "my-extra",
            "kind": "support",
            "sources": ["my-e-deals-authoritarian"],
            "target": "my-pos-failed-solidarity",
        }
    )
    return _map("Link errors", claims, links)


PARAPHRASE = """\
===
title: What went wrong in the USSR
===

[State capitalism]: The Soviet Union was really a kind of state capitalism and not genuine \
socialism.
  + Factories and land belonged to the state.
  + A ruling class took decisions from above, controlled information and managed exploitation.
  + Counter-revolution and bureaucracy shaped the USSR.

[Top down]: Soviet leaders talked in socialist language but ran a rigid top-down system \
protecting the elite.
  + [Workers]: Workers and peasants were never truly in charge.
    + Censorship, repression and no real choice.

[Solidarity]: Soviet socialism failed to build real trust and solidarity between people.
  + To get by, people used bribes, side deals and theft from state property.
  + Neighbors could inform on each other, so openness was risky.

[Hard life]: Life was hard for everybody.
"""

KIALO = """\
Discussion Title: What was wrong with Soviet socialism?

1. What was wrong with Soviet socialism?
1.1. Pro: The USSR was not genuine socialism at all but a form of state capitalism.
1.1.1. Pro: The Soviet state owned the factories and the land.
1.1.2. Con: Calling something socialist does not make it fair or humane.
1.2. Pro: Slogans about equality can hide very unequal power.
"""


def quotes_only() -> dict[str, Any]:
    """Claims in words of no use for pairing, anchored by quotes to the article's text."""
    ref = reference()
    text = source_text()

    def quote(source: str, start: int, end: int) -> dict[str, Any]:
        return {"source": source, "start": start, "end": end, "text": text[start:end]}

    by_id = {c["id"]: c for c in ref["claims"]}
    span = {
        cid: (c["quotes"][0]["start"], c["quotes"][0]["end"])
        for cid, c in by_id.items()
        if c.get("quotes")
    }
    shortages, bureaucracy = span["e-shortages-lines"], span["e-party-bureaucracy"]
    moved = text.index("backed friendly elites abroad")
    claims = [
        # The same span of the same source (by sha256).
        {"id": "q1", "text": "Point one.", "quotes": [quote("art", *shortages)]},
        # Two thirds of the span.
        {
            "id": "q2",
            "text": "Point two.",
            "quotes": [quote("art", bureaucracy[0], bureaucracy[0] + 28)],
        },
        # A source with no sha256 and no file: its quoted words stand at those offsets.
        {"id": "q3", "text": "Point three.", "quotes": [quote("copy", *span["e-state-owned"])]},
        # The right words at the wrong offsets: found by their words.
        {
            "id": "q4",
            "text": "Point four.",
            "quotes": [{"source": "copy", "start": 0, "end": 29, "text": text[moved : moved + 29]}],
        },
    ]
    links = [{"id": "x1", "kind": "support", "sources": ["q1"], "target": "q2"}]
    sources = [
        {"id": "art", "title": "The article", "sha256": ref["sources"][0]["sha256"]},
        {"id": "copy", "title": "My copy of the article"},
    ]
    return _map("Only quotes", claims, links, sources=sources)


def off_topic() -> dict[str, Any]:
    claims = [
        {"id": "ban", "text": "Homework should be banned.", "kind": "position"},
        {"id": "stress", "text": "Homework causes stress.", "kind": "evidence"},
        {"id": "sleep", "text": "Stressed students sleep less.", "kind": "evidence"},
        {"id": "practice", "text": "Practice needs time outside class."},
    ]
    links = [
        {"id": "s1", "kind": "support", "sources": ["stress", "sleep"], "target": "ban"},
        {"id": "a1", "kind": "attack", "sources": ["practice"], "target": "ban"},
    ]
    return _map("Homework", claims, links)


def other_article() -> dict[str, Any]:
    """A map of another article: it quotes a text with another sha256."""
    other = "Nazi labour policy banned independent trade unions and fixed wages."
    import hashlib

    digest = hashlib.sha256(other.encode("utf-8")).hexdigest()
    claims = [
        {
            "id": "unions",
            "text": "The Nazi regime banned independent trade unions.",
            "quotes": [{"source": "nazi", "start": 0, "end": 53, "text": other[:53]}],
        },
        {"id": "wages", "text": "Wages were fixed by the regime."},
    ]
    links = [{"id": "s1", "kind": "support", "sources": ["wages"], "target": "unions"}]
    sources = [{"id": "nazi", "title": "Labour in Nazi Germany", "sha256": digest}]
    return _map("Nazi labour policy", claims, links, sources=sources)


def hostile() -> dict[str, Any]:
    """A map whose source path leads out of its folder: it must not be read."""
    claims = [
        {
            "id": "x",
            "text": "Root's password file.",
            "quotes": [{"source": "pw", "start": 0, "end": 4, "text": "root"}],
        }
    ]
    sources = [{"id": "pw", "title": "passwords", "path": "../../../../../../../etc/passwd"}]
    return _map("Sneaky", claims, [], sources=sources)


def script() -> dict[str, Any]:
    """Markup in every text field a student controls."""
    claims = [
        {
            "id": "cap",
            "title": "<script>alert('title')</script>",
            "text": "<script>alert('text')</script> The USSR was not genuine socialism at all "
            "but a form of state capitalism.",
            "kind": "position",
        },
        {
            "id": "own",
            "title": "<b onmouseover=alert(1)>Mine</b>",
            "text": "<img src=x onerror=alert(2)> Everything was grey & [sad](javascript:x).",
        },
        {"id": "owned", "text": "The Soviet state owned the factories and the land."},
    ]
    links = [
        {"id": "s1", "kind": "support", "sources": ["owned"], "target": "cap"},
        {"id": "s2", "kind": "attack", "sources": ["own"], "target": "cap"},
    ]
    return _map("<img src=x onerror=alert('map')>", claims, links)


FILES: dict[str, Any] = {
    "alice-perfect-copy.json": perfect_copy,
    "bob-link-errors.json": link_errors,
    "carol-paraphrase.argdown": lambda: PARAPHRASE,
    "dan-quotes-only.json": quotes_only,
    "erin-off-topic.json": off_topic,
    "frank-broken.json": lambda: json.dumps(link_errors(), indent=2)[:700],
    "gina-kialo.txt": lambda: KIALO,
    "hal-not-a-map.txt": lambda: "I did not finish my map, sorry!\n",
    "ivy-hostile.json": hostile,
    "jo-script.json": script,
    "kim-other-article.json": other_article,
}


def contents() -> dict[str, str]:
    """Each file's text, as this script writes it."""
    out = {}
    for name, make in FILES.items():
        value = make()
        out[name] = value if isinstance(value, str) else json.dumps(value, indent=2) + "\n"
    return out


def main() -> int:
    CLASS.mkdir(parents=True, exist_ok=True)
    NOTEBOOK_CLASS.mkdir(parents=True, exist_ok=True)
    for name, text in contents().items():
        (CLASS / name).write_text(text, encoding="utf-8")
        if name in NOTEBOOK_FILES:
            (NOTEBOOK_CLASS / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(FILES)} files to {CLASS}, {len(NOTEBOOK_FILES)} to {NOTEBOOK_CLASS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
