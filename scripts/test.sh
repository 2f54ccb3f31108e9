#!/usr/bin/env bash
# The whole test suite: set up with the dev extras, then lint, type-check and run pytest.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# Chromium runs the HTML report's browser test (tests/report/test_browser.py).
ARGMAP_APT_EXTRA="${ARGMAP_APT_EXTRA:-} chromium" ARGMAP_EXTRAS=${ARGMAP_EXTRAS:-dev} \
  bash scripts/setup.sh
export PATH="$PWD/.venv/bin:$PATH"

# The Argdown tool itself, so tests check that what argmap writes it reads back (and that both
# parse the same files alike). Skipped, with a note, where npm is missing.
argdown_dir=benchmarks/.cache/argdown
if [ ! -x "$argdown_dir/node_modules/.bin/argdown" ]; then
  if command -v npm >/dev/null 2>&1; then
    echo "==> installing @argdown/cli 1.7.5 (npm) into $argdown_dir" >&2
    mkdir -p "$argdown_dir"
    npm install --no-audit --no-fund --silent --prefix "$argdown_dir" @argdown/cli@1.7.5 >&2 \
      || echo "note: npm could not install @argdown/cli; its conformance tests will skip" >&2
  else
    echo "note: npm not found; the Argdown tool conformance tests will skip" >&2
  fi
fi

echo "==> ruff" >&2
ruff check src tests benchmarks
echo "==> mypy --strict src" >&2
mypy --strict src
echo "==> pytest" >&2
status=0
pytest -n auto -q "$@" || status=$?
if [ "$status" = 5 ]; then echo "pytest collected no tests: that is a failure here" >&2; exit 1; fi
exit "$status"
