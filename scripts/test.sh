#!/usr/bin/env bash
# Quick start, step 2: the whole test suite (lint, types, tests, a real site build and a real
# headless Chromium). Extra arguments go to pytest, e.g. scripts/test.sh -k reader
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's chromium for the browser tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Note: /usr/bin/chromium is missing, so the browser tests will be skipped" \
         "(install it with: sudo apt-get install chromium)"
  fi
fi
if command -v npm >/dev/null; then
  # axe-core, injected into Chromium by the accessibility tests (from the npm registry).
  [ -f .cache/npm/node_modules/axe-core/axe.min.js ] ||
    npm install --prefix .cache/npm --no-audit --no-fund --silent axe-core@4 >/dev/null
else
  echo "Note: npm is missing, so the accessibility (axe-core) tests will be skipped"
fi
export NO_MKDOCS_2_WARNING=1
echo "ruff:"; .venv/bin/ruff check builder tests
echo "mypy:"; .venv/bin/mypy builder
.venv/bin/pytest "$@"
