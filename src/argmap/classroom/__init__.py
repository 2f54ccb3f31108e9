"""The classroom: compare students' maps with a reference, score, give feedback, grade a class.

>>> import argmap
>>> ref = argmap.examples.soviet_socialism()
>>> mine = argmap.ArgumentMap()
>>> mine.claim("cap", "The USSR was state capitalism, not socialism.", kind="position")
'cap'
>>> result = argmap.compare(mine, ref)
>>> result.claims_found, result.claims_missing
(1, 30)
>>> sheet = argmap.classroom.make_worksheet(ref, "blank")
>>> len(sheet.positions)
5
"""

from .compare import Comparison, Reference, compare
from .rubric import Rubric, RubricError, default_rubric, load_rubric
from .worksheet import Worksheet, make_worksheet
from .worksheet_files import write_worksheet

__all__ = [
    "Comparison",
    "Reference",
    "Rubric",
    "RubricError",
    "Worksheet",
    "compare",
    "default_rubric",
    "load_rubric",
    "make_worksheet",
    "write_worksheet",
]
