"""Shared fixtures: the repository, an init'd project built from the real seed, and `run`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = "000_4844bcb1a7dfeb11.txt"
REFERENCE_DATE = "2026-11-26"
SEED_TITLE = ("US officials say Washington has agreed to give Ukraine security guarantees in "
              "peace talks")
SEED_DAY = "17 December 2025"


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a command in `cwd`; never raises on a non-zero exit."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)


def timeline(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`timeline ARGS` (as `python -m builder`) with the running interpreter."""
    return run([sys.executable, "-m", "builder", *args], cwd)


def mkdocs_build(cwd: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of the project in `cwd` into `site_dir`."""
    return run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)], cwd)


def copy_repo_site_sources(destination: Path) -> Path:
    """The repo's mkdocs.yml, content/ and seeds/, copied so builds never touch the repo."""
    destination.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    for folder in ("content", "seeds"):
        shutil.copytree(ROOT / folder, destination / folder)
    return destination


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return ROOT


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project made by `timeline init`, with the real seed built into an event page."""
    directory = tmp_path / "proj"
    result = timeline("init", str(directory), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    shutil.copy2(ROOT / "seeds" / SEED, directory / "seeds" / SEED)
    result = timeline("build", "--reference-date", REFERENCE_DATE, cwd=directory)
    assert result.returncode == 0, result.stdout + result.stderr
    return directory
