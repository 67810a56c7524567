#!/usr/bin/env bash
# Quick start, step 1: set up (a .venv on first run), turn seeds/ into event pages in
# content/events/, and build the site into site/. Preview with: .venv/bin/mkdocs serve
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "Creating .venv with $($python --version)"
  "$python" -m venv .venv
fi
echo "Installing the timeline builder into .venv"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e .
export NO_MKDOCS_2_WARNING=1
.venv/bin/timeline build
.venv/bin/mkdocs build --strict
echo "Site built in site/ (open site/index.html, or preview with: .venv/bin/mkdocs serve)"
