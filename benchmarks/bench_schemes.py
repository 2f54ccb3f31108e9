"""Critical questions on a generated map of 20,000 claims and 30,000 links, every support
link naming a catalogue scheme and a third of them with an answered question.

Peer, measured in the same run on the same map: lint with every rule but AL110 (the map-
quality checks a map gets anyway). The ratio says what listing the open critical questions
of every argument costs beside them. Validation is timed with the schemes and on the same
map with them cleared, so the difference is what checking schemes and answers costs.

    .venv/bin/python benchmarks/bench_schemes.py [--claims N] [--links N] [--runs K]
"""

from __future__ import annotations

import argparse
import random

from bench_summary import generate, median_time

from argmap.analysis import lint
from argmap.model import AnsweredQuestion
from argmap.schemes import catalogue
from argmap.summary import summarize
from argmap.validate import check


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=20_000)
    parser.add_argument("--links", type=int, default=30_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    m = generate(args.claims, args.links)
    plain = m.model_copy(deep=True)
    rng = random.Random(11)
    schemes = list(catalogue())
    claim_ids = [c.id for c in m.claims]
    for link in m.links:
        if link.kind != "support":
            continue
        scheme = rng.choice(schemes)
        link.scheme = scheme.id
        if rng.random() < 1 / 3:
            q = rng.choice(scheme.questions)
            link.answered = [AnsweredQuestion(question=q.id, by=rng.choice(claim_ids))]
    others = ["AL101", "AL102", "AL103", "AL104", "AL105", "AL106", "AL107", "AL108", "AL109"]
    rows = [
        ("peer: lint, every rule but AL110", median_time(
            lambda: lint(m, select=others), args.runs)),
        ("lint AL110 (open critical questions)", median_time(
            lambda: lint(m, select=["AL110"]), args.runs)),
        ("check(), map without schemes", median_time(lambda: check(plain), args.runs)),
        ("check(), map with schemes and answers", median_time(lambda: check(m), args.runs)),
        ("summarize md, without schemes", median_time(
            lambda: summarize(plain, "md", analysis=False), args.runs)),
        ("summarize md, with the critical-questions section", median_time(
            lambda: summarize(m, "md", analysis=False), args.runs)),
    ]  # fmt: skip
    base = rows[0][1]
    n = sum(1 for link in m.links if link.scheme)
    print(f"{args.claims} claims, {len(m.links)} links ({n} with schemes), median of {args.runs}")
    print("| What | Median (s) | × peer |")
    print("|---|---:|---:|")
    for name, t in rows:
        print(f"| {name} | {t:.3f} | {t / base:.2f} |")


if __name__ == "__main__":
    main()
