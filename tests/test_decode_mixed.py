"""A UTF-8 seed with a few broken bytes is read as UTF-8, not as Windows-1252 (issue 9:
nothing lost). Lynx wraps lines inside a multi-byte character, and a quote pasted from a
Windows program lands in a UTF-8 file as one cp1252 byte; the whole file used to be read as
Windows-1252 then, so every accented letter came out as two garbled ones."""

from __future__ import annotations

from pathlib import Path

from builder.readers import decode, read_seed

TITLE = "Café Brünnhold in Velmora reopens its terrace after the winter storms"
BODY = ("Velmora's oldest café, run by Ilse Varnholt since the spring, reopened its terrace "
        "on Saturday. “We lost half the awning,” said Varnholt, whose crème brûlée drew a "
        "queue to the end of the Brünnhold arcade.")


def _seed(stray: bytes) -> bytes:
    """A fictional article in UTF-8 with `stray` bytes (not UTF-8) in its last paragraph."""
    text = (f"{TITLE}\n\nVelmora Courier\n\nMarch 4, 2024\n\n{BODY}\n\n"
            "The terrace opens at nine. ")
    return text.encode("utf-8") + stray + b" Guests may bring their dogs.\n"


def test_a_cp1252_quote_in_a_utf8_file_keeps_both() -> None:
    text = decode(_seed(b"It\x92s heated."))
    assert TITLE in text and BODY in text
    assert "It’s heated." in text  # the stray byte read as Windows-1252, not dropped


def test_a_character_cut_by_a_line_wrap_leaves_the_rest_readable() -> None:
    cut = "晚会".encode()[:-1]  # the last character's final byte is missing
    text = decode(_seed(cut + b"\n"))
    assert TITLE in text and BODY in text
    assert "Ã" not in text  # no Windows-1252 reading of the UTF-8 letters


def test_a_whole_windows_1252_file_still_reads_as_such() -> None:
    data = f"{TITLE}\n\n{BODY}\n".encode("cp1252")
    assert decode(data) == f"{TITLE}\n\n{BODY}\n"


def test_read_seed_gives_the_title_and_body_of_the_mixed_file(tmp_path: Path) -> None:
    seed = tmp_path / "terrace.txt"
    seed.write_bytes(_seed(b"It\x92s heated."))
    article = read_seed(seed, 1_000_000)
    assert article.title == TITLE
    body = "\n".join(article.paragraphs)
    assert "crème brûlée" in body
    assert "It’s heated." in body
