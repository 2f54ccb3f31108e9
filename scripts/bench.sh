#!/usr/bin/env bash
# Run every benchmark in benchmarks/ (each prints its own table; none is a pass/fail test).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ARGMAP_EXTRAS=${ARGMAP_EXTRAS:-dev} bash scripts/setup.sh
for bench in benchmarks/bench_*.py; do
  echo "==> $bench" >&2
  .venv/bin/python "$bench"
done
