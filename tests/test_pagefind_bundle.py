"""The Pagefind bundle is checked after it is written: an empty entry file is not a bundle."""

from __future__ import annotations

from pathlib import Path

from builder.plugin.search import ENTRY_FILE, bundle_is_whole


def test_an_empty_or_missing_entry_file_is_not_a_whole_bundle(tmp_path: Path) -> None:
    assert not bundle_is_whole(tmp_path)
    (tmp_path / ENTRY_FILE).write_bytes(b"")
    assert not bundle_is_whole(tmp_path)
    (tmp_path / ENTRY_FILE).write_text('{"version":"1.5.2","languages":{}}', encoding="utf-8")
    assert not bundle_is_whole(tmp_path)


def test_an_entry_file_naming_its_languages_is_whole(tmp_path: Path) -> None:
    (tmp_path / ENTRY_FILE).write_text(
        '{"version":"1.5.2","languages":{"en":{"hash":"en_0","wasm":"en","page_count":3}}}',
        encoding="utf-8")
    assert bundle_is_whole(tmp_path)
