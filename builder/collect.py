"""`timeline add`: bring an article into the seeds folder, from a file or a web address.

A web page is saved as HTML with the address it came from recorded in its first line, in the
form browsers use when they save a page (`<!-- saved from url=(0036)https://... -->`), so the
HTML reader (`readers/html.py`, which reads that mark) knows the article's URL even when the
page does not say it.
"""

from __future__ import annotations

import shutil
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from slugify import slugify

from builder.model import SeedError
from builder.readers import READERS
from builder.store import write_atomic

#: Seconds to wait for a web server before giving up.
FETCH_TIMEOUT = 30
USER_AGENT = "timeline-builder (+https://pypi.org/project/timeline-builder/)"


def is_url(text: str) -> bool:
    return urlsplit(text).scheme in ("http", "https")


def add_file(source: Path, seeds_dir: Path) -> tuple[Path, bool]:
    """Copy a file into the seeds folder; returns (its path there, whether it was copied)."""
    if not source.is_file():
        raise SeedError(f"{source}: no such file")
    if source.suffix.lower() not in READERS:
        raise SeedError(f"{source.name}: not a seed type (expected one of "
                        f"{', '.join(sorted(READERS))})")
    seeds_dir.mkdir(parents=True, exist_ok=True)
    data = source.read_bytes()
    target = _free_name(seeds_dir, source.stem, source.suffix.lower(), data)
    if target.exists():
        return target, False
    shutil.copyfile(source, target)
    return target, True


def add_url(url: str, seeds_dir: Path, max_bytes: int) -> tuple[Path, bool]:
    """Fetch a web page into the seeds folder as HTML, with its address recorded."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:
            kind = response.headers.get_content_type()
            if kind not in ("text/html", "application/xhtml+xml"):
                raise SeedError(f"{url}: the server sent {kind}, not a web page (save the "
                                "article as a file and add that instead)")
            data = response.read(max_bytes + 1)
    except (urllib.error.URLError, TimeoutError, ValueError) as error:
        reason = getattr(error, "reason", error)
        raise SeedError(f"{url}: could not fetch it ({reason}); check the address, or save "
                        "the page from your browser and add the file") from error
    if len(data) > max_bytes:
        raise SeedError(f"{url}: the page is over the limit of {max_bytes:,} bytes "
                        "(raise max_seed_bytes in mkdocs.yml)")
    mark = f"<!-- saved from url=({len(url):04d}){url} -->\n".encode()
    parts = urlsplit(url)
    stem = slugify(f"{parts.hostname or ''} {parts.path}", max_length=80) or "page"
    seeds_dir.mkdir(parents=True, exist_ok=True)
    target = _free_name(seeds_dir, stem, ".html", mark + data)
    if target.exists():
        return target, False
    write_atomic(target, mark + data)
    return target, True


def _free_name(folder: Path, stem: str, suffix: str, data: bytes) -> Path:
    """`stem.suffix`, or `stem-2.suffix` ...; an existing file with the same bytes is reused."""
    number = 1
    while True:
        candidate = folder / (f"{stem}{suffix}" if number == 1 else f"{stem}-{number}{suffix}")
        if not candidate.exists() or candidate.read_bytes() == data:
            return candidate
        number += 1
