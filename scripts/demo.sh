#!/usr/bin/env bash
# `make demo`: replay a season of cases in demo/ (see scripts/demo.py).
set -euo pipefail
cd "$(dirname "$0")/.."
UV=$(bash scripts/ensure-uv.sh)
exec $UV run --frozen python scripts/demo.py
