#!/usr/bin/env bash
# Makes sure uv is available (installed with pip when missing) and prints how to call it.
set -euo pipefail
if command -v uv >/dev/null 2>&1; then echo uv; exit 0; fi
if python3 -m uv --version >/dev/null 2>&1; then echo "python3 -m uv"; exit 0; fi
echo "Installing uv with pip ..." >&2
python3 -m pip install --quiet --disable-pip-version-check uv >&2 || python3 -m pip install --quiet --user uv >&2
echo "python3 -m uv"
