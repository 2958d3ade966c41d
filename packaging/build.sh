#!/usr/bin/env bash
# Build the one-folder bundle of Postmortem Studio, then check that it starts.
#   packaging/build.sh            venv + PyInstaller + build + smoke test of the bundle
#   packaging/build.sh --no-smoke build only
# Output: dist/postmortem-studio/ (run dist/postmortem-studio/postmortem-studio).
# The build venv lives in build/bundle-venv (override with BUNDLE_VENV); the bundle takes the
# host's system libraries, so build on the oldest distribution you want to support.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${BUNDLE_VENV:-build/bundle-venv}
PYINSTALLER_VERSION=${PYINSTALLER_VERSION:-6.22.3}
smoke=1
[ "${1:-}" = "--no-smoke" ] && smoke=0

pick_python() {
  for candidate in "${PYTHON:-}" python3.11 python3.12 python3.13 python3; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys, venv; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  echo "Building the bundle needs Python 3.11 or newer." >&2
  exit 1
}

start=$(date +%s)
if [ ! -x "$VENV/bin/python" ]; then
  "$(pick_python)" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install -q --upgrade pip >/dev/null
# Runtime dependencies only (the app's own code is taken from this tree by the spec).
mkdir -p build
"$VENV/bin/python" - > build/bundle-requirements.txt <<'PY'
import tomllib
with open("pyproject.toml", "rb") as handle:
    print("\n".join(tomllib.load(handle)["project"]["dependencies"]))
PY
"$VENV/bin/python" -m pip install -q -c packaging/constraints.txt "pyinstaller==$PYINSTALLER_VERSION" \
  -r build/bundle-requirements.txt
venv_done=$(date +%s)

"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/postmortem-studio.spec
built=$(date +%s)

bundle=dist/postmortem-studio
size=$(du -sh "$bundle" | cut -f1)
echo "venv: $((venv_done - start)) s   build: $((built - venv_done)) s   size: $size"

if [ "$smoke" = 1 ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  POSTMORTEM_STUDIO_DATA="$tmp/data" POSTMORTEM_STUDIO_DB="$tmp/smoke.sqlite3" \
    "$bundle/postmortem-studio" --version
  POSTMORTEM_STUDIO_DATA="$tmp/data" POSTMORTEM_STUDIO_DB="$tmp/smoke.sqlite3" \
    "$bundle/postmortem-studio" demo >/dev/null
  POSTMORTEM_STUDIO_DATA="$tmp/data" POSTMORTEM_STUDIO_DB="$tmp/smoke.sqlite3" \
    "$bundle/postmortem-studio" metrics >/dev/null
  QT_QPA_PLATFORM=offscreen POSTMORTEM_STUDIO_DATA="$tmp/data" \
    POSTMORTEM_STUDIO_DB="$tmp/smoke.sqlite3" timeout 60 "$bundle/postmortem-studio" --smoke-test
  echo "smoke test: the bundle opened its window and exited cleanly"
fi
