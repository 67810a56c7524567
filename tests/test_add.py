"""`timeline add`: files and web pages into the seeds folder, then a build."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import frontmatter
import pytest
from conftest import ROOT, SEED, timeline

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Ashmoor ferry returns after storm repairs | The Veyra Courier</title>
<meta property="og:title" content="Ashmoor ferry returns after storm repairs">
<meta property="og:site_name" content="The Veyra Courier">
<meta property="article:published_time" content="2025-10-14T08:30:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Ashmoor ferry returns after storm repairs</h1>
<p class="byline">By Amara Feldrecht</p>
<p>ASHMOOR, Oct. 14 (AP) — The Ashmoor ferry sailed again on Tuesday after three weeks of
repairs to its storm-damaged ramp, the Veyran Harbour Authority said.</p>
<p>Mayor Ilse Varnholt welcomed the first passengers on the quay and thanked the crews who
worked through the night to finish the ramp before the autumn timetable began.</p>
<p>The authority said the crossing to Port Veyra would run every hour until the end of
October, and every two hours in winter, as it did before the storm.</p>
</article>
<footer>Copyright The Veyra Courier</footer>
</body></html>
"""


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    root = tmp_path / "www"
    (root / "news").mkdir(parents=True)
    (root / "news" / "ferry.html").write_text(PAGE, encoding="utf-8")
    (root / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(32))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture
def empty_project(tmp_path: Path) -> Path:
    assert timeline("init", str(tmp_path / "proj"), cwd=tmp_path).returncode == 0
    return tmp_path / "proj"


def test_add_a_web_page_records_its_address_and_builds_it(empty_project: Path,
                                                           server: str) -> None:
    url = f"{server}/news/ferry.html"
    result = timeline("add", url, "--reference-date", "2026-11-26", cwd=empty_project)
    assert result.returncode == 0, result.stdout + result.stderr
    [seed] = (empty_project / "seeds").iterdir()
    assert seed.suffix == ".html"
    assert seed.read_bytes().startswith(f"<!-- saved from url=({len(url):04d}){url} -->".encode())
    assert f"added      seeds/{seed.name} (from {url})" in result.stdout
    assert f"created    {seed.name} -> 2025/2025-10-14-" in result.stdout
    [page] = (empty_project / "content" / "events" / "2025").glob("*.md")
    post = frontmatter.load(page)
    assert post["title"] == "Ashmoor ferry returns after storm repairs"
    assert post["location"] == "Ashmoor"
    [source] = post["sources"]
    assert source["url"] == url
    assert source["publisher"] == "The Veyra Courier"
    # Adding the same page again adds nothing.
    again = timeline("add", url, cwd=empty_project)
    assert "already in seeds/" in again.stdout
    assert len(list((empty_project / "seeds").iterdir())) == 1


def test_add_files_and_refuse_what_is_not_an_article(empty_project: Path, server: str,
                                                     tmp_path: Path) -> None:
    picture = tmp_path / "photo.jpg"
    picture.write_bytes(b"\xff\xd8\xff")
    result = timeline("add", str(ROOT / "seeds" / SEED), str(picture), f"{server}/logo.png",
                      "http://127.0.0.1:9/closed.html", "--reference-date", "2026-11-26",
                      cwd=empty_project)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert f"added      seeds/{SEED} (from {ROOT / 'seeds' / SEED})" in lines
    assert "failed     photo.jpg: not a seed type (expected one of .htm, .html, .md, .txt)" \
        in lines
    assert f"failed     {server}/logo.png: the server sent image/png, not a web page (save " \
           "the article as a file and add that instead)" in lines
    assert any(line.startswith("failed     http://127.0.0.1:9/closed.html: could not fetch it")
               for line in lines)
    assert any(line.startswith(f"created    {SEED} -> 2025/") for line in lines)
    # The same file again: nothing new; a different file of the same name: a new name.
    again = timeline("add", str(ROOT / "seeds" / SEED), "--no-build", cwd=empty_project)
    assert f"already in seeds/{SEED}" in again.stdout
    other = tmp_path / SEED
    other.write_text("Ashmoor quay reopens\n\nASHMOOR, May 2 -- The quay reopened.\n")
    third = timeline("add", str(other), "--no-build", cwd=empty_project)
    assert f"added      seeds/{Path(SEED).stem}-2.txt" in third.stdout
