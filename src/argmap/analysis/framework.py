"""Abstract argumentation frameworks (Dung 1995) on integer arrays.

A framework is ``n`` arguments numbered ``0 .. n-1`` (their names kept beside them) and an
attack relation stored as two parallel ``int32`` arrays. Compressed adjacency in both
directions (who attacks ``a``, whom ``a`` attacks) is built once with a stable sort, so every
algorithm walks plain arrays instead of Python dictionaries: a framework with a million
attacks costs a few tens of megabytes and builds in a fraction of a second.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["Framework"]

IntArray = npt.NDArray[np.int32]


class Framework:
    """An abstract argumentation framework: arguments and the attacks between them.

    Parameters
    ----------
    n : int
        Number of arguments.
    source, target : array-like of int
        Attack ``k`` goes from argument ``source[k]`` to argument ``target[k]``.
    names : sequence of str, optional
        Argument names; ``"0" .. "n-1"`` when omitted.

    Examples
    --------
    >>> af = Framework.from_pairs([("a", "b"), ("b", "c")])
    >>> af.names
    ('a', 'b', 'c')
    >>> [af.names[i] for i in af.attackers(af.index("c"))]
    ['b']
    """

    __slots__ = (
        "_in_ptr",
        "_in_src",
        "_index",
        "_out_dst",
        "_out_ptr",
        "names",
        "source",
        "target",
    )

    def __init__(
        self,
        n: int,
        source: npt.ArrayLike,
        target: npt.ArrayLike,
        names: Sequence[str] | None = None,
    ) -> None:
        src = np.ascontiguousarray(source, dtype=np.int32).reshape(-1)
        dst = np.ascontiguousarray(target, dtype=np.int32).reshape(-1)
        if src.shape != dst.shape:
            raise ValueError("source and target must have the same length")
        if src.size and (min(src.min(), dst.min()) < 0 or max(src.max(), dst.max()) >= n):
            raise ValueError(f"attack endpoints must lie in 0..{n - 1}")
        self.names: tuple[str, ...] = (
            tuple(names) if names is not None else tuple(str(i) for i in range(n))
        )
        if len(self.names) != n:
            raise ValueError(f"{len(self.names)} names given for {n} arguments")
        self.source: IntArray = src
        self.target: IntArray = dst
        self._in_ptr, self._in_src = _csr(n, dst, src)
        self._out_ptr, self._out_dst = _csr(n, src, dst)
        self._index: dict[str, int] | None = None

    # -- construction -------------------------------------------------------------------

    @classmethod
    def from_pairs(
        cls, attacks: Iterable[tuple[str, str]], arguments: Iterable[str] = ()
    ) -> Framework:
        """Build from ``(attacker, attacked)`` name pairs; ``arguments`` adds unattacking ones.

        Names are numbered in order of first appearance (``arguments`` first), so the same
        input always gives the same numbering.
        """
        index: dict[str, int] = {}
        for name in arguments:
            index.setdefault(name, len(index))
        src: list[int] = []
        dst: list[int] = []
        for a, b in attacks:
            src.append(index.setdefault(a, len(index)))
            dst.append(index.setdefault(b, len(index)))
        return cls(len(index), src, dst, names=list(index))

    # -- queries ------------------------------------------------------------------------

    @property
    def n(self) -> int:
        """Number of arguments."""
        return len(self.names)

    @property
    def num_attacks(self) -> int:
        return int(self.source.size)

    def index(self, name: str) -> int:
        """The number of the argument called ``name`` (``KeyError`` if there is none)."""
        if self._index is None:
            self._index = {a: i for i, a in enumerate(self.names)}
        try:
            return self._index[name]
        except KeyError:
            raise KeyError(f"no argument named {name!r}") from None

    def attackers(self, i: int) -> IntArray:
        """Arguments attacking argument ``i`` (an array view; duplicates kept)."""
        return self._in_src[self._in_ptr[i] : self._in_ptr[i + 1]]

    def attacked_by(self, i: int) -> IntArray:
        """Arguments that argument ``i`` attacks."""
        return self._out_dst[self._out_ptr[i] : self._out_ptr[i + 1]]

    def in_lists(self) -> list[list[int]]:
        """Attackers of every argument as Python lists (for search loops over small AFs)."""
        ptr, idx = self._in_ptr.tolist(), self._in_src.tolist()
        return [idx[ptr[i] : ptr[i + 1]] for i in range(self.n)]

    def out_lists(self) -> list[list[int]]:
        """Attacked arguments of every argument as Python lists."""
        ptr, idx = self._out_ptr.tolist(), self._out_dst.tolist()
        return [idx[ptr[i] : ptr[i + 1]] for i in range(self.n)]

    def pairs(self) -> list[tuple[str, str]]:
        """The attacks as ``(attacker, attacked)`` name pairs, in stored order."""
        names = self.names
        return [
            (names[a], names[b])
            for a, b in zip(self.source.tolist(), self.target.tolist(), strict=False)
        ]

    def csr(self) -> tuple[IntArray, IntArray, IntArray, IntArray]:
        """``(in_ptr, in_src, out_ptr, out_dst)``: the compressed adjacency both ways."""
        return self._in_ptr, self._in_src, self._out_ptr, self._out_dst

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Framework):
            return NotImplemented
        return self.names == other.names and sorted(self.pairs()) == sorted(other.pairs())

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<Framework: {self.n} arguments, {self.num_attacks} attacks>"

    def _repr_markdown_(self) -> str:
        return f"Argumentation framework: **{self.n}** arguments, **{self.num_attacks}** attacks"

    def __getstate__(self) -> dict[str, Any]:
        return {"n": self.n, "s": self.source, "t": self.target, "names": self.names}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["n"], state["s"], state["t"], state["names"])  # type: ignore[misc]


def _csr(n: int, key: IntArray, value: IntArray) -> tuple[IntArray, IntArray]:
    # A stable sort keeps attacks in file order within each row: deterministic traversal.
    order = np.argsort(key, kind="stable")
    ptr = np.zeros(n + 1, dtype=np.int32)
    np.cumsum(np.bincount(key, minlength=n), out=ptr[1:])
    return ptr, value[order].astype(np.int32, copy=False)
