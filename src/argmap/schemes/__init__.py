"""Argumentation schemes and their critical questions.

A link's ``scheme`` names a pattern of argument from the catalogue (Walton, Reed and
Macagno 2008; Walton 1996): expert opinion, analogy, cause to effect, ... Each scheme has
premises, a conclusion and critical questions, typed ``premise``, ``undercut`` or
``rebuttal`` by what in a map answers them. A link records which questions the map takes
up (``answered``: the question and the claim or link that answers it); the rest are open,
and :func:`suggest_question` picks one to ask.

>>> import argmap
>>> from argmap.schemes import get_scheme, suggest_question
>>> get_scheme("expert-opinion").question("cq1").text
'How credible is E as an expert: what training, record or standing in F does E have?'
>>> m = argmap.ArgumentMap()
>>> for c in ("smith", "warming"):
...     _ = m.claim(c, c.capitalize() + ".")
>>> m.support("smith", "warming", scheme="expert-opinion")
's1'
>>> suggest_question(m, "s1").id
'cq1'
"""

from .catalogue import (
    GROUPS,
    KINDS,
    Alias,
    Catalogue,
    CriticalQuestion,
    Premise,
    Scheme,
    catalogue,
    find_scheme,
    get_scheme,
)
from .questions import (
    QuestionStatus,
    SchemeFit,
    answer_question,
    apply_scheme,
    critical_questions,
    open_questions,
    suggest_question,
)

__all__ = [
    "GROUPS",
    "KINDS",
    "Alias",
    "Catalogue",
    "CriticalQuestion",
    "Premise",
    "QuestionStatus",
    "Scheme",
    "SchemeFit",
    "answer_question",
    "apply_scheme",
    "catalogue",
    "critical_questions",
    "find_scheme",
    "get_scheme",
    "open_questions",
    "suggest_question",
]
