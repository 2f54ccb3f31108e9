"""Argumentation schemes in other formats: names read back to catalogue ids, and AIF.

Readers map any name the catalogue knows for a scheme (AIFdb's ``Expert Opinion``,
AraucariaDB's ``ExpertOpinion``, Araucaria's and MonkeyPuzzle's ``Argument from Expert
Opinion``, Carneades' ``expert-opinion``) to the scheme's id with :func:`scheme_id`.

In AIF (:mod:`argmap.formats.aif`), an RA (or CA) node names its scheme in ``scheme``
and, in AIFdb and OVA, in its ``text``: argmap writes a catalogue scheme's AIFdb name
there (``Expert Opinion``). Answered critical questions have no place in AIF: argmap
writes them as an ``answered`` list on the node, with the node ids of what answers them,
which other tools ignore and argmap reads back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..model import Link

__all__ = ["read_answered", "scheme_id", "scheme_node"]


def scheme_id(name: str) -> str | None:
    """The catalogue id of the scheme an AIF node names, or None for another name.

    >>> scheme_id("Expert Opinion"), scheme_id("ExpertOpinion"), scheme_id("Default Inference")
    ('expert-opinion', 'expert-opinion', None)
    """
    # The catalogue is imported on first use: readers of maps without schemes never pay.
    from ..schemes.catalogue import find_scheme

    found = find_scheme(name.strip())
    return found.id if found is not None else None


def scheme_node(link: Link) -> dict[str, Any]:
    """What an S-node of ``link`` carries for its scheme: the AIFdb name as ``text`` and
    ``scheme``, and the answered questions; nothing for a scheme not in the catalogue."""
    from ..schemes.catalogue import find_scheme

    found = find_scheme(link.scheme)
    if found is None:
        return {}
    out: dict[str, Any] = {"text": found.aif, "scheme": found.aif}
    if link.answered:
        out["answered"] = [a.model_dump() for a in link.answered]
    return out


def read_answered(
    raw: Any, scheme: str | None, node_to_id: Callable[[str], str | None]
) -> tuple[list[dict[str, str]], int]:
    """The answered questions of a node's ``answered`` list that make sense in the map,
    and how many entries were dropped (not a list of ``{question, by}``, a question the
    scheme lacks, or a ``by`` naming no node that became a claim or link)."""
    from ..schemes.catalogue import find_scheme

    found = find_scheme(scheme)
    entries = raw if isinstance(raw, list) else [raw]
    questions = {q.id for q in found.questions} if found is not None else set()
    kept: list[dict[str, str]] = []
    for entry in entries:
        question = entry.get("question") if isinstance(entry, dict) else None
        by = entry.get("by") if isinstance(entry, dict) else None
        target = node_to_id(str(by)) if isinstance(by, str | int) else None
        if question in questions and target is not None:
            kept.append({"question": str(question), "by": target})
    return kept, len(entries) - len(kept)
