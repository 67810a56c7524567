"""Shared fixtures: the repository, an init'd project built from the real seed, and `run`."""

from __future__ import annotations

import functools
import importlib.util
import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

import pytest
from hypothesis import settings

# On CI the property tests draw the same examples every run, so a red run is reproducible and
# never random; on a developer's machine they keep exploring new examples.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

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


# --- Serving a built site as GitHub Pages serves a project site ---------------------------

#: The sub-path a GitHub Pages project site lives under (https://user.github.io/repo/).
PREFIX = "/repo"
#: Debian's Chromium, and the options it needs here (root, no GPU, a closed network).
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@contextmanager
def launch_chromium() -> Iterator[Any]:
    """Debian's Chromium, headless, driven by Playwright (nothing downloads a browser).

    Without it the browser tests are skipped, except on CI, where that is a failure.
    """
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing (install Debian's chromium to run browser tests)"
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but {reason}", pytrace=False)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


class SubPathHandler(SimpleHTTPRequestHandler):
    """Serves the site only under `/repo/`, as GitHub Pages serves a project site."""

    def translate_path(self, path: str) -> str:
        route = urlsplit(path).path
        if route != PREFIX and not route.startswith(f"{PREFIX}/"):
            return str(Path(self.directory) / "__outside_the_sub_path__")
        return super().translate_path(path[len(PREFIX):] or "/")

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve_under_subpath(site: Path) -> Iterator[str]:
    """Serve `site` (it may be built after this starts) on 127.0.0.1 under /repo/; yields
    the URL, `http://127.0.0.1:PORT/repo/`."""
    handler = functools.partial(SubPathHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler, bind_and_activate=False)
    server.request_queue_size = 128  # a browser opens many connections at once
    server.server_bind()
    server.server_activate()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def build_repo_site(root: Path, site_url: str) -> Path:
    """The repo's site, built in `root/site` with `site_url` (sources copied to root/src)."""
    sources = copy_repo_site_sources(root / "src")
    with (sources / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write(f"\nsite_url: {site_url}\n")
    result = mkdocs_build(sources, root / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


@pytest.fixture
def bare_project(tmp_path: Path) -> Path:
    """A project just made by `timeline init`, with no seed and no page."""
    directory = tmp_path / "proj"
    result = timeline("init", str(directory), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    return directory


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now, for a server a test starts."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def load_bench_explorer(name: str = "bench_explorer") -> ModuleType:
    """bench/explorer.py as a module, for its generator of fictional events (invented towns
    and people)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / "explorer.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
