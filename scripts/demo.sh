#!/usr/bin/env bash
# The main job: set up, then check, count and write the outputs for data/claims.json in build/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
MAP=${1:-data/claims.json}
mkdir -p build
.venv/bin/argmap validate "$MAP"
.venv/bin/argmap info "$MAP"
.venv/bin/argmap lint "$MAP"
.venv/bin/argmap analyze "$MAP" --strength dfquad --format md -o build/analysis.md
.venv/bin/argmap render "$MAP" -o build/claims.svg
.venv/bin/argmap render "$MAP" -o build/claims.png
.venv/bin/argmap summary "$MAP" -o build/claims.md
.venv/bin/argmap report "$MAP" -o build/report.html
.venv/bin/argmap convert "$MAP" build/claims.argdown
# GraphML is for graph tools: the structure travels, quotes and declarations do not (listed).
.venv/bin/argmap convert "$MAP" build/claims.graphml --allow-loss
