"""IN/OUT/UNDEC labellings of a framework, the answer every Dung semantics gives.

Labels are kept as one ``uint8`` code per argument (0 UNDEC, 1 IN, 2 OUT) so that large
frameworks cost a byte an argument; :class:`Labelling` names them on the way out.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from .framework import Framework

__all__ = ["IN", "OUT", "UNDEC", "Labelling"]

IN, OUT, UNDEC = "IN", "OUT", "UNDEC"
_IN, _OUT, _UNDEC = 1, 2, 0


class Labelling:
    """An IN/OUT/UNDEC labelling of a framework's arguments (codes kept as a ``uint8`` array).

    Examples
    --------
    >>> af = Framework.from_pairs([("a", "b"), ("b", "c")])
    >>> lab = Labelling(af, np.array([1, 2, 1], dtype=np.uint8))
    >>> lab.as_dict()
    {'a': 'IN', 'b': 'OUT', 'c': 'IN'}
    >>> sorted(lab.extension())
    ['a', 'c']
    """

    __slots__ = ("codes", "framework")

    def __init__(self, framework: Framework, codes: npt.NDArray[np.uint8]) -> None:
        self.framework = framework
        self.codes = codes

    def label(self, argument: str) -> str:
        return _NAMES[int(self.codes[self.framework.index(argument)])]

    def extension(self) -> frozenset[str]:
        """The arguments labelled IN."""
        names = self.framework.names
        return frozenset(names[i] for i in np.flatnonzero(self.codes == _IN).tolist())

    def as_dict(self) -> dict[str, str]:
        return {
            a: _NAMES[c] for a, c in zip(self.framework.names, self.codes.tolist(), strict=False)
        }

    def counts(self) -> dict[str, int]:
        return {
            name: int(np.count_nonzero(self.codes == code))
            for code, name in ((_IN, IN), (_OUT, OUT), (_UNDEC, UNDEC))
        }

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Labelling):
            return NotImplemented
        return self.framework.names == other.framework.names and bool(
            np.array_equal(self.codes, other.codes)
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        c = self.counts()
        return f"<Labelling: {c[IN]} IN, {c[OUT]} OUT, {c[UNDEC]} UNDEC>"

    def _repr_markdown_(self) -> str:
        c = self.counts()
        head = f"Labelling: **{c[IN]}** IN, **{c[OUT]}** OUT, **{c[UNDEC]}** UNDEC"
        if self.framework.n > 200:
            return head
        rows = [f"| {a} | {lab} |" for a, lab in self.as_dict().items()]
        return "\n".join([head, "", "| argument | label |", "|---|---|", *rows])


_NAMES = {_IN: IN, _OUT: OUT, _UNDEC: UNDEC}
