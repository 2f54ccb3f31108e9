#!/usr/bin/env bash
# Run every benchmark in benchmarks/ (each prints its own table; none is a pass/fail test).
# The 1,000,000-statement Argdown run takes about 20 minutes; ask for it by hand:
#   .venv/bin/python benchmarks/bench_formats.py --sizes 1000000 --runs 1
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ARGMAP_EXTRAS=${ARGMAP_EXTRAS:-dev} bash scripts/setup.sh
for bench in benchmarks/bench_*.py; do
  args=()
  [ "$(basename "$bench")" = bench_formats.py ] && args=(--sizes 1000 20000 100000)
  echo "==> $bench ${args[*]}" >&2
  .venv/bin/python "$bench" "${args[@]}"
done
