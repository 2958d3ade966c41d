#!/usr/bin/env bash
# Set up (or update) the development environment, then run the app or the tests.
#   packaging/dev.sh run [ARGS…]   start Postmortem Studio (first run offers the demo)
#   packaging/dev.sh test [ARGS…]  lint, type-check, architecture rules, then the test suite
# Needs Python >= 3.11. Creates .venv beside pyproject.toml; installs the Debian packages Qt
# needs when they are missing and this user may install them (root or password-less sudo).
set -euo pipefail
cd "$(dirname "$0")/.."

QT_DEBS="libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0 \
libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 \
libxcb-shape0 libxcb-xkb1 libx11-xcb1"
TEST_DEBS="poppler-utils libnss3-tools fonts-dejavu-core desktop-file-utils appstream"

pick_python() {
  for candidate in "${PYTHON:-}" python3.13 python3.12 python3.11 python3; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys, venv; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  echo "Postmortem Studio needs Python 3.11 or newer (python3 -m venv must work)." >&2
  exit 1
}

install_debs() {
  command -v dpkg >/dev/null 2>&1 || return 0
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
      echo "Missing Debian packages: ${missing[*]}" >&2
      echo "Install them with: sudo apt-get install ${missing[*]}" >&2
      return 0
    fi
  fi
  echo "Installing Debian packages: ${missing[*]}" >&2
  $sudo apt-get update -q >/dev/null || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
}

setup_venv() {
  local python; python=$(pick_python)
  if [ ! -x .venv/bin/python ]; then
    "$python" -m venv .venv
  fi
  local stamp=.venv/.installed-$(cat pyproject.toml packaging/constraints.txt | sha256sum | cut -c1-16)
  if [ ! -f "$stamp" ]; then
    .venv/bin/python -m pip install -q --upgrade pip >/dev/null
    # the tested versions (packaging/constraints.txt): reports rebuild byte for byte
    .venv/bin/python -m pip install -q -c packaging/constraints.txt -e ".[dev]"
    rm -f .venv/.installed-*
    touch "$stamp"
  fi
}

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
  run)
    install_debs $QT_DEBS
    setup_venv
    exec .venv/bin/postmortem-studio "$@"
    ;;
  test)
    install_debs $QT_DEBS $TEST_DEBS
    setup_venv
    echo "== ruff"; .venv/bin/ruff check .
    echo "== mypy"; .venv/bin/mypy
    echo "== import rules"; .venv/bin/lint-imports --no-cache
    # on every core (pytest-xdist); pass -n 0 to run in one process
    echo "== pytest"; QT_QPA_PLATFORM=offscreen exec .venv/bin/python -m pytest -n auto "$@"
    ;;
  *)
    echo "usage: packaging/dev.sh run [ARGS…] | test [PYTEST ARGS…]" >&2
    exit 2
    ;;
esac
