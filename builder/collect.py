"""`timeline add`: bring an article into the seeds folder, from a file or a web address.

A web page is saved as HTML with the address it came from recorded in its first line, in the
form browsers use when they save a page (`<!-- saved from url=(0036)https://... -->`), so the
HTML reader (`readers/html.py`, which reads that mark) knows the article's URL even when the
page does not say it.

Nothing is held whole in memory: a file over `max_seed_bytes` is refused by its size before
it is read, and copies and downloads stream into a temporary file in the seeds folder that
is renamed into place when complete. A download has one deadline for the whole exchange
(connect, headers, body), so a server that trickles bytes cannot hold `add` past it.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING
from urllib.parse import urljoin, urlsplit, urlunsplit

from slugify import slugify

from builder.model import SeedError
from builder.readers import READERS
from builder.store import new_file_mode

if TYPE_CHECKING:
    import urllib.request

#: Seconds a whole download may take (connect, headers and body), by default.
FETCH_TIMEOUT = 30.0
#: Redirects followed, at most (browsers stop at 20; an article needs a few).
MAX_REDIRECTS = 10
USER_AGENT = "timeline-builder (+https://pypi.org/project/timeline-builder/)"
_CHUNK = 1 << 16


def is_url(text: str) -> bool:
    return urlsplit(text).scheme in ("http", "https")


def shown(url: str) -> str:
    """An address as it may be printed: a password in it is replaced by `***`."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit(parts._replace(netloc=f"{parts.username}:***@{host}"))


def add_file(source: Path, seeds_dir: Path, max_bytes: int) -> tuple[Path, bool]:
    """Copy a file into the seeds folder; returns (its path there, whether it was copied)."""
    if not source.is_file():
        raise SeedError(f"{source}: no such file")
    if source.suffix.lower() not in READERS:
        raise SeedError(f"{source.name}: not a seed type (expected one of "
                        f"{', '.join(sorted(READERS))})")
    size = source.stat().st_size
    if size > max_bytes:
        raise SeedError(f"{source}: {size:,} bytes is over the limit of {max_bytes:,} (raise "
                        "max_seed_bytes in mkdocs.yml, or trim the file)")
    with source.open("rb") as stream:
        return _store(_chunks(stream), seeds_dir, source.stem, source.suffix.lower(),
                      max_bytes, str(source))


def add_url(url: str, seeds_dir: Path, max_bytes: int, timeout: float = FETCH_TIMEOUT
            ) -> tuple[Path, bool]:
    """Fetch a web page into the seeds folder as HTML, with its address recorded."""
    parts = urlsplit(url)
    if parts.username is not None or parts.password is not None:
        raise SeedError(f"{shown(url)}: the address holds a user name or password, which "
                        "`timeline add` does not send; save the page from your browser and "
                        "add the file")
    fetched = _fetch_with_deadline(url, max_bytes, timeout)
    mark = f"<!-- saved from url=({len(url):04d}){url} -->\n".encode()
    stem = slugify(f"{parts.hostname or ''} {parts.path}", max_length=80) or "page"
    return _store([mark, *fetched], seeds_dir, stem, ".html", max_bytes + len(mark), url)


@dataclass
class _Outcome:
    chunks: list[bytes] | None = None
    error: SeedError | None = None


def _fetch_with_deadline(url: str, max_bytes: int, timeout: float) -> list[bytes]:
    """The page's bytes, or SeedError; the fetch runs in a thread that is abandoned (it
    holds no file) when the deadline passes, however the server behaves."""
    outcome = _Outcome()

    def work() -> None:
        try:
            outcome.chunks = _fetch(url, max_bytes, timeout)
        except SeedError as error:
            outcome.error = error

    worker = threading.Thread(target=work, name="timeline-fetch", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise SeedError(f"{url}: no complete answer within {timeout:g} seconds; try again "
                        "later, or save the page from your browser and add the file")
    if outcome.error is not None:
        raise outcome.error
    return outcome.chunks or []


def _redirects() -> urllib.request.HTTPRedirectHandler:
    """A handler that follows redirects to http and https only (urllib would also follow
    ftp), and says so clearly when a server redirects elsewhere. Built on first use:
    urllib.request costs a tenth of a second to import, which a build need not pay."""
    import urllib.request
    from http.client import HTTPMessage

    class Redirects(urllib.request.HTTPRedirectHandler):
        max_redirections = MAX_REDIRECTS

        def http_error_302(self, req: urllib.request.Request, fp: IO[bytes], code: int,
                           msg: str, headers: HTTPMessage) -> IO[bytes] | None:
            location = headers.get("Location") or headers.get("URI")
            if location:
                newurl = urljoin(req.full_url, location)
                if urlsplit(newurl).scheme not in ("http", "https"):
                    raise SeedError(f"{req.full_url}: the server redirects to {location!r}, "
                                    "which is not a web address (http or https); add that "
                                    "page yourself if you trust it")
            return super().http_error_302(req, fp, code, msg, headers)

        http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    return Redirects()


def _fetch(url: str, max_bytes: int, timeout: float) -> list[bytes]:
    import urllib.error
    import urllib.request

    opener = urllib.request.build_opener(_redirects())
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    chunks: list[bytes] = []
    try:
        with opener.open(request, timeout=timeout) as response:
            kind = response.headers.get_content_type()
            if kind not in ("text/html", "application/xhtml+xml"):
                raise SeedError(f"{url}: the server sent {kind}, not a web page (save the "
                                "article as a file and add that instead)")
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise _too_big(url, max_bytes)
            size = 0
            while chunk := response.read1(_CHUNK):
                size += len(chunk)
                if size > max_bytes:
                    raise _too_big(url, max_bytes)
                chunks.append(chunk)
    except SeedError:
        raise
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        raise SeedError(f"{url}: could not fetch it ({reason}); check the address, or save "
                        "the page from your browser and add the file") from error
    except Exception as error:  # http.client's own errors (a broken answer)
        raise SeedError(f"{url}: the server's answer is broken ({type(error).__name__}); "
                        "save the page from your browser and add the file") from error
    return chunks


def _too_big(url: str, max_bytes: int) -> SeedError:
    return SeedError(f"{url}: the page is over the limit of {max_bytes:,} bytes (raise "
                     "max_seed_bytes in mkdocs.yml)")


def _chunks(stream: IO[bytes]) -> Iterable[bytes]:
    while chunk := stream.read(_CHUNK):
        yield chunk


def _store(chunks: Iterable[bytes], seeds_dir: Path, stem: str, suffix: str, max_bytes: int,
           origin: str) -> tuple[Path, bool]:
    """Stream bytes into `stem.suffix` in the seeds folder (or `stem-2.suffix` ... when the
    name holds other bytes); a file there with the same bytes is reused: (path, created)."""
    seeds_dir.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=seeds_dir, prefix=".add-", suffix=".tmp")
    temporary = Path(name)
    try:
        digest = hashlib.sha256()
        size = 0
        with os.fdopen(handle, "wb") as out:
            os.fchmod(out.fileno(), new_file_mode())
            for chunk in chunks:
                size += len(chunk)
                if size > max_bytes:  # a file that grew while it was copied
                    raise SeedError(f"{origin}: over the limit of {max_bytes:,} bytes (raise "
                                    "max_seed_bytes in mkdocs.yml, or trim the file)")
                digest.update(chunk)
                out.write(chunk)
        number = 1
        while True:
            candidate = seeds_dir / (f"{stem}{suffix}" if number == 1
                                     else f"{stem}-{number}{suffix}")
            if not candidate.exists():
                os.replace(temporary, candidate)
                return candidate, True
            if candidate.is_file() and candidate.stat().st_size == size and \
                    _sha256(candidate) == digest.hexdigest():
                return candidate, False
            number += 1
    finally:
        temporary.unlink(missing_ok=True)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for chunk in _chunks(stream):
            digest.update(chunk)
    return digest.hexdigest()
