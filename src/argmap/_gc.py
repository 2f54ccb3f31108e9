"""Pausing Python's cyclic garbage collector while a big map is built.

Parsing a map allocates hundreds of thousands of small objects (claims, links, their lists)
that form no reference cycles. Each allocation counts towards a collection, so the cyclic
collector runs again and again over objects it can never free: on a 100,000-claim map that
doubled the time of :func:`argmap.load` (see ``docs/benchmarks.md``). Reference counting
still frees everything as usual while the collector is paused.

Turning the collector back on is not free either: everything made in the block sits in the
youngest generation, so the next allocation would set off a collection that walks all of
it (0.4 s on that map). Instead the block's objects join the oldest generation directly
(``gc.freeze()`` then ``gc.unfreeze()``, which moves every tracked object there in one
step), where they are examined only by the occasional full collection, as long-lived
objects are anyway. The cost to other code is small: cyclic garbage it made shortly
before is found at the next full collection rather than a young one.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["gc_paused"]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Run the block with the cyclic collector off, then restore it as it was.

    Nested use is safe: only the outermost block that found the collector on turns it back on.
    The switch is the process's, so blocks in several threads overlap: the collector is back
    on once the first block to find it on has ended, which may be before the others end.

    >>> import gc
    >>> with gc_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            # Leave alone a program that froze objects itself (unfreeze would release them).
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()
