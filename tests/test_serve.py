"""`mkdocs serve` with a broken page and a draft: it keeps serving the rest of the timeline,
logs the problem, and shows the draft marked as a draft."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from conftest import SEED_TITLE, free_port


def fetch(url: str, deadline: float) -> str:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return str(response.read().decode("utf-8"))
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_serve_shows_the_rest_logs_the_problem_and_marks_drafts(project: Path) -> None:
    events = project / "content" / "events" / "2025"
    (events / "2025-12-18-broken.md").write_text("---\ntitle: Broken\ndate: soon\n---\nx\n",
                                                 encoding="utf-8")
    (events / "2025-12-19-quay-draft.md").write_text(
        "---\ntitle: Ashmoor quay plan, not checked yet\ndate: 2025-12-19\ndraft: true\n---\n"
        "Mayor Ilse Varnholt's notes.\n", encoding="utf-8")
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--no-livereload",
                               "-a", f"127.0.0.1:{port}"], cwd=project, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 60
        timeline_page = fetch(f"http://127.0.0.1:{port}/timeline/", deadline)
        assert SEED_TITLE in timeline_page
        assert "Ashmoor quay plan, not checked yet" in timeline_page
        draft = fetch(f"http://127.0.0.1:{port}/events/2025/2025-12-19-quay-draft/", deadline)
        assert "This event is a draft: it is not published." in draft
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    assert ("content/events/2025/2025-12-18-broken.md:3: date: 'soon' is not a date "
            "(expected YYYY-MM-DD, e.g. 2025-12-17)") in output
