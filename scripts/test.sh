#!/usr/bin/env bash
# The whole test suite: set up with the dev extras, then lint, type-check and run pytest.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# Chromium runs the HTML report's browser test (tests/report/test_browser.py).
ARGMAP_APT_EXTRA="${ARGMAP_APT_EXTRA:-} chromium" ARGMAP_EXTRAS=${ARGMAP_EXTRAS:-dev} \
  bash scripts/setup.sh
export PATH="$PWD/.venv/bin:$PATH"

echo "==> ruff" >&2
ruff check src tests benchmarks
echo "==> mypy --strict src" >&2
mypy --strict src
echo "==> pytest" >&2
status=0
pytest -n auto -q "$@" || status=$?
if [ "$status" = 5 ]; then echo "pytest collected no tests: that is a failure here" >&2; exit 1; fi
exit "$status"
