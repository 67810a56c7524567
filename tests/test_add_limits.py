"""`timeline add` at its limits: huge files, slow and redirecting servers, addresses with
credentials, and the modes of what it writes. A local server on 127.0.0.1 plays each part."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from conftest import timeline

PAGE = b"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Ashmoor ferry returns after storm repairs | The Veyra Courier</title></head>
<body><article><h1>Ashmoor ferry returns after storm repairs</h1>
<p>ASHMOOR, Oct. 14 -- The Ashmoor ferry sailed again on Tuesday after three weeks of repairs
to its storm-damaged ramp, the Veyran Harbour Authority said.</p></article></body></html>
"""


class Parts(BaseHTTPRequestHandler):
    """Each path plays one part: a page, a trickle, redirects, an oversized page."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == "/news/ferry.html":
            self._page(PAGE)
        elif self.path == "/trickle.html":  # a byte every 0.1 s, for ever
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                while True:
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                return
        elif self.path.startswith("/to/"):
            self.send_response(302)
            self.send_header("Location", self.path[len("/to/"):])
            self.end_headers()
        elif self.path == "/big.html":  # says its size up front
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(10_000_000))
            self.end_headers()
        elif self.path == "/endless.html":  # says nothing, sends too much
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(200):
                    self.wfile.write(b"<p>" + b"x" * 65536 + b"</p>")
            except OSError:
                return
        else:
            self.send_error(404)

    def _page(self, data: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Parts)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def empty_project(tmp_path: Path) -> Path:
    assert timeline("init", str(tmp_path / "proj"), cwd=tmp_path).returncode == 0
    return tmp_path / "proj"


def add(project: Path, *args: str) -> list[str]:
    result = timeline("add", "--no-build", *args, cwd=project)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    return result.stdout.splitlines()


def seeds(project: Path) -> list[str]:
    return sorted(path.name for path in (project / "seeds").iterdir())


def test_a_huge_file_is_refused_by_its_size_before_it_is_read(empty_project: Path,
                                                               tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as stream:  # 3 GB, sparse: no disk used, no time to read it
        stream.truncate(3_000_000_000)
    assert add(empty_project, str(huge)) == [
        f"failed     {huge}: 3,000,000,000 bytes is over the limit of 5,000,000 (raise "
        "max_seed_bytes in mkdocs.yml, or trim the file)"]
    assert seeds(empty_project) == []


def test_a_trickling_server_cannot_hold_add_past_its_deadline(empty_project: Path,
                                                              server: str) -> None:
    url = f"{server}/trickle.html"
    assert add(empty_project, "--timeout", "1.5", url) == [
        f"failed     {url}: no complete answer within 1.5 seconds; try again later, or save "
        "the page from your browser and add the file"]
    assert seeds(empty_project) == []


@pytest.mark.parametrize("target", ["ftp://127.0.0.1/ferry.html", "file:///etc/passwd",
                                    "javascript:alert(1)"])
def test_redirects_are_followed_to_web_addresses_only(empty_project: Path, server: str,
                                                      target: str) -> None:
    url = f"{server}/to/{target}"
    [line] = add(empty_project, url)
    assert line == (f"failed     {url}: the server redirects to {target!r}, which is not a "
                    "web address (http or https); add that page yourself if you trust it")
    assert seeds(empty_project) == []
    good = f"{server}/to/{server}/news/ferry.html"
    assert add(empty_project, good) == [
        f"added      seeds/127-0-0-1-to-http-127-0-0-1-{server.rsplit(':', 1)[1]}-news-ferry"
        f"-html.html (from {good})"]


def test_an_address_with_credentials_is_refused_without_showing_the_password(
        empty_project: Path, server: str) -> None:
    url = server.replace("http://", "http://desk:s3cret@") + "/news/ferry.html"
    shown = server.replace("http://", "http://desk:***@") + "/news/ferry.html"
    assert add(empty_project, url) == [
        f"failed     {shown}: the address holds a user name or password, which `timeline "
        "add` does not send; save the page from your browser and add the file"]


@pytest.mark.parametrize("path", ["/big.html", "/endless.html"])
def test_a_page_over_the_limit_is_refused(empty_project: Path, server: str, path: str) -> None:
    url = f"{server}{path}"
    assert add(empty_project, url) == [
        f"failed     {url}: the page is over the limit of 5,000,000 bytes (raise "
        "max_seed_bytes in mkdocs.yml)"]
    assert seeds(empty_project) == []


def test_added_seeds_honour_the_umask(empty_project: Path, server: str,
                                      tmp_path: Path) -> None:
    note = tmp_path / "note.md"
    note.write_text("---\ntitle: Quay lamps lit\ndate: 2025-10-01\n---\n\nLit.\n")
    note.chmod(0o600)  # a copy gets the umask's mode, not its source's
    old = os.umask(0o022)
    try:
        add(empty_project, f"{server}/news/ferry.html", str(note))
    finally:
        os.umask(old)
    modes = {path.name: oct(path.stat().st_mode & 0o777)
             for path in (empty_project / "seeds").iterdir()}
    assert modes == {"127-0-0-1-news-ferry-html.html": "0o644", "note.md": "0o644"}
    assert add(empty_project, str(note)) == [f"already in seeds/note.md (from {note})"]
