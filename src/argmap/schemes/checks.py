"""The whole-map checks about schemes, run by :func:`argmap.validate.check`.

* An answered critical question must be a question of the link's scheme (``AM113``) and
  be answered by a claim or link of the map (``AM101``): errors with JSON paths.
* A scheme name the catalogue does not know is kept as written (free text from older maps
  or other tools) but warned about once per name, with a did-you-mean (``AM203``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from .._words import did_you_mean
from ..errors import Code, Problem, Severity
from ..model import ArgumentMap
from .catalogue import catalogue, find_scheme

__all__ = ["answered_problems", "unknown_schemes"]


def answered_problems(
    m: ArgumentMap, ids: set[str], hint: Callable[[str, set[str]], str]
) -> Iterator[Problem]:
    """Problems of the ``answered`` lists; ``ids`` are the map's claim and link ids and
    ``hint`` makes the validator's did-you-mean."""
    for i, link in enumerate(m.links):
        if not link.answered:
            continue
        scheme = find_scheme(link.scheme)
        questions = [q.id for q in scheme.questions] if scheme is not None else []
        for j, answer in enumerate(link.answered):
            path = f"links[{i}].answered[{j}]"
            if link.scheme is None:
                yield Problem(
                    Code.UNKNOWN_QUESTION,
                    f"{path}.question",
                    f"link {link.id!r} has no scheme, so it has no critical questions; "
                    "set its 'scheme' first (argmap schemes lists them)",
                )
            elif scheme is not None and answer.question not in questions:
                yield Problem(
                    Code.UNKNOWN_QUESTION,
                    f"{path}.question",
                    f"scheme {scheme.id!r} has no critical question {answer.question!r} "
                    f"(its questions: {', '.join(questions)})",
                )
            if answer.by not in ids:
                yield Problem(
                    Code.DANGLING_REFERENCE,
                    f"{path}.by",
                    f"{answer.by!r} is neither a claim nor a link id{hint(answer.by, ids)}",
                )


def unknown_schemes(m: ArgumentMap) -> Iterator[Problem]:
    """One warning per scheme name the catalogue does not know, at its first use."""
    found = catalogue()
    first: dict[str, int] = {}
    uses: dict[str, int] = {}
    for i, link in enumerate(m.links):
        if link.scheme and found.find(link.scheme) is None:
            first.setdefault(link.scheme, i)
            uses[link.scheme] = uses.get(link.scheme, 0) + 1
    for name, i in first.items():
        close = did_you_mean(name, found.ids)
        hint = f" (did you mean {close!r}?)" if close else ""
        used = f", used by {uses[name]} links," if uses[name] > 1 else ""
        yield Problem(
            Code.UNKNOWN_SCHEME,
            f"links[{i}].scheme",
            f"scheme {name!r}{used} is not in argmap's catalogue{hint}; it is kept as "
            "written, with no critical questions (argmap schemes lists the catalogue)",
            Severity.WARNING,
        )
