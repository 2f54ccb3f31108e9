"""A small map for the judgement tests: two positions, reasons, an objection, an undercut."""

from __future__ import annotations

import argmap


def homework_map() -> argmap.ArgumentMap:
    m = argmap.ArgumentMap(title="Homework", question="Should homework be banned?")
    m.claim("ban", "Homework should be banned.", kind="position")
    m.claim("keep", "Homework should stay.", kind="position", confidence=0.6)
    m.claim("stress", "Homework causes stress.", confidence=0.7)
    m.claim("sleep", "Stress costs students sleep.")
    m.claim("practice", "Practice needs time outside class.", confidence=0.8)
    m.claim("doubt", "Stress does not show that banning is the fix.", confidence=0.4)
    m.support(["stress", "sleep"], "ban")  # s1
    m.attack("practice", "ban")  # a1
    m.support("practice", "keep")  # s2
    m.undercut("doubt", "s1")  # u1
    return m


CLAIMS = ("ban", "keep", "stress", "sleep", "practice", "doubt")
LINKS = ("s1", "a1", "s2", "u1")
