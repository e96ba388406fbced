#!/usr/bin/env bash
# Prepares the Python environment the notebooks execute in: a virtual environment filled from
# notebooks/requirements.txt. The demo module's build runs this before its integration tests
# (NotebooksITCase); nobody has to pip install anything by hand.
#
# usage: notebooks/prepare-venv.sh VENV_DIR [PYTHON]     (PYTHON: the Python 3 to make it from; python3)
#
# The venv is reused while a stamp in it matches requirements.txt and the Python it was made from;
# otherwise it is made again. pip reads its package index from its own configuration (pip.conf,
# PIP_* variables); PIP_RETRIES (default 0) keeps an unreachable index from stalling the build.
# With OUTAGEWATCH_PYTHON set, that interpreter runs the notebooks and no venv is made.
set -euo pipefail

NOTEBOOKS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REQUIREMENTS="$NOTEBOOKS/requirements.txt"
VENV="${1:?usage: notebooks/prepare-venv.sh VENV_DIR [PYTHON]}"
PYTHON="${2:-python3}"

if [ -n "${OUTAGEWATCH_PYTHON:-}" ]; then
  echo "notebooks: OUTAGEWATCH_PYTHON=$OUTAGEWATCH_PYTHON runs the notebooks; no venv made"
  exit 0
fi

# Only the reason for a failure goes to stderr: the build ends with it (demo/pom.xml).
fail() {
  echo "notebooks: $*" >&2
  exit 1
}

# Python 3 with venv and ensurepip: Debian and Ubuntu ship both in python3-venv, not in python3.
if ! command -v "$PYTHON" >/dev/null 2>&1 ||
  ! "$PYTHON" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 9))' >/dev/null 2>&1; then
  fail "Python 3 with venv is needed for the notebooks (NotebooksITCase), and '$PYTHON' is not" \
    "that: apt-get install python3 python3-venv (or -Dnotebooks.python=/path/to/python3, or" \
    "-DskipITs to leave out the integration tests)"
fi

stamp="$("$PYTHON" - "$REQUIREMENTS" <<'EOF'
import hashlib, sys
with open(sys.argv[1], "rb") as requirements:
    print(hashlib.sha256(requirements.read()).hexdigest(), sys.executable, sys.version.split()[0])
EOF
)" || fail "$PYTHON could not read $REQUIREMENTS"
if [ -x "$VENV/bin/python" ] && [ "$(cat "$VENV/.requirements-stamp" 2>/dev/null)" = "$stamp" ]; then
  echo "notebooks: $VENV is up to date with requirements.txt"
  exit 0
fi

echo "notebooks: making $VENV from requirements.txt with $PYTHON (once; a minute or two)"
rm -rf "$VENV"
if ! "$PYTHON" -m venv "$VENV" 2>&1; then
  fail "'$PYTHON -m venv $VENV' failed (its output is above)"
fi
if ! "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
  --retries "${PIP_RETRIES:-0}" -r "$REQUIREMENTS" 2>&1; then
  fail "pip install -r notebooks/requirements.txt into $VENV failed (pip's output is above; pip" \
    "takes its package index from pip.conf or PIP_INDEX_URL)"
fi
if ! "$VENV/bin/python" -m jupyter nbconvert --version >/dev/null 2>&1; then
  fail "$VENV has the packages of requirements.txt but 'python -m jupyter nbconvert' does not run"
fi
echo "$stamp" >"$VENV/.requirements-stamp"
echo "notebooks: $VENV ready"
