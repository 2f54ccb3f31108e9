#!/usr/bin/env bash
# Set up argmap in ./.venv: Graphviz from Debian where it is missing (and we may install),
# then the package in editable mode with the extras named in $ARGMAP_EXTRAS.
# Safe to run again: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PYTHON=${PYTHON:-python3}
EXTRAS=${ARGMAP_EXTRAS:-}

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

"$PYTHON" - <<'PY' || { echo "argmap needs Python 3.11 or newer (found: $("$PYTHON" --version 2>&1))" >&2; exit 1; }
import sys
raise SystemExit(0 if sys.version_info >= (3, 11) else 1)
PY

# apt-get as root, or through passwordless sudo; otherwise print what to run by hand.
apt_install() {
  local runner=()
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then runner=(sudo -n); else
      echo "note: cannot install $* (not root); run: sudo apt-get install $*" >&2; return 1; fi
  fi
  command -v apt-get >/dev/null 2>&1 || { echo "note: no apt-get; install $* yourself" >&2; return 1; }
  if [ ! -f /tmp/.argmap-apt-updated ]; then
    "${runner[@]}" apt-get update -qq >&2 && touch /tmp/.argmap-apt-updated
  fi
  DEBIAN_FRONTEND=noninteractive "${runner[@]}" apt-get install -y -qq --no-install-recommends "$@" >&2
}

if ! command -v dot >/dev/null 2>&1; then
  say "installing Graphviz (Debian package graphviz)"
  apt_install graphviz || echo "note: diagrams other than DOT text need Graphviz's 'dot'" >&2
fi

for pkg in ${ARGMAP_APT_EXTRA:-}; do
  if ! dpkg -s "$pkg" >/dev/null 2>&1; then say "installing $pkg"; apt_install "$pkg" || true; fi
done

if [ ! -x .venv/bin/python ]; then
  say "creating .venv"
  "$PYTHON" -m venv .venv 2>/dev/null || { apt_install python3-venv && "$PYTHON" -m venv .venv; }
fi

spec="."
[ -n "$EXTRAS" ] && spec=".[$EXTRAS]"
stamp=".venv/.argmap-installed"
want="$(cat pyproject.toml | sha256sum | cut -c1-16) $EXTRAS"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  say "installing argmap${EXTRAS:+ with extras $EXTRAS} into .venv"
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip >&2
  .venv/bin/python -m pip install -q --disable-pip-version-check -e "$spec" >&2
  echo "$want" > "$stamp"
fi
