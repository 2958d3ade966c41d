#!/usr/bin/env bash
# Re-resolve every dependency to its newest allowed version and write packaging/constraints.txt.
# Run the whole test suite on the result (packaging/dev.sh test) before committing it: the PDF
# of an approved report must still rebuild byte for byte.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install -q --upgrade pip >/dev/null
"$tmp/venv/bin/python" -m pip install -q -e ".[dev]"
{
  sed -n '/^#/p' packaging/constraints.txt
  "$tmp/venv/bin/python" -m pip freeze --exclude-editable | grep -v '^#' | sort -f
} > "$tmp/constraints.txt"
mv "$tmp/constraints.txt" packaging/constraints.txt
echo "packaging/constraints.txt refreshed; now run packaging/dev.sh test"
