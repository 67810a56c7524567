"""Readers: one module per seed format, each turning a seed file into an `Article`.

`read_seed` is the one entry point: it checks the file (size, binary content, encoding)
before handing its text to the reader for its suffix, and raises `SeedError` with a message
a person can act on.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path

from builder.model import Article, SeedError
from builder.readers import html, markdown, text

__all__ = ["READERS", "SeedError", "decode", "is_seed", "read_seed"]

#: Seed suffixes and the reader for each.
READERS: dict[str, Callable[[str, str], Article]] = {
    ".txt": text.read_text,
    ".md": markdown.read_note,
    ".html": html.read_html,
    ".htm": html.read_html,
}
#: Readers that are given the file's bytes (after the same checks), so that a saved page is
#: read in the charset it declares itself.
BYTE_READERS: dict[str, Callable[[bytes, str], Article]] = {
    ".html": html.read_html,
    ".htm": html.read_html,
}


def is_seed(path: Path) -> bool:
    """Whether a file in the seeds folder is one the builder reads."""
    return path.suffix.lower() in READERS and not path.name.startswith(".")


def read_seed(path: Path, max_bytes: int) -> Article:
    """Read one seed file into an Article, or raise SeedError."""
    size = path.stat().st_size
    if size > max_bytes:
        raise SeedError(f"{size:,} bytes is over the limit of {max_bytes:,} "
                        "(raise max_seed_bytes in mkdocs.yml, or trim the file)")
    with path.open("rb") as handle:
        data = handle.read(max_bytes + 1)
    content = decode(data)
    if not content.strip():
        raise SeedError("the file is empty (expected the article's title on the first line, "
                        "then its text)")
    suffix = path.suffix.lower()
    if suffix in BYTE_READERS:
        return BYTE_READERS[suffix](data, path.name)
    return READERS[suffix](content, path.name)


def decode(data: bytes) -> str:
    """Seed bytes as text with '\\n' line ends: UTF-8 (with or without BOM), UTF-16 with a BOM,
    else Windows-1252, the usual encoding of text saved on Windows."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            content = data.decode(encoding, errors="replace")
            break
    else:
        if b"\x00" in data:
            raise SeedError("binary file (it contains NUL bytes; expected text: save the "
                            "article as .txt, .html or .md)")
        try:
            content = data.decode("utf-8")
        except UnicodeDecodeError:
            content = data.decode("cp1252", errors="replace")
    return content.replace("\r\n", "\n").replace("\r", "\n")
