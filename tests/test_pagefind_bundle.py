"""The Pagefind bundle is written whole, and checked after it is written.

Two clean-clone CI runs left `pagefind-entry.json` empty. The cause: Pagefind's Python API
stops its service process as soon as the service answers that the files are written, and
Pagefind answers when its writes are queued, not done; on a loaded machine the last writes
were lost with the process (an empty file, or one cut at 4 KiB: the entry file, a script,
the WebAssembly). The plugin now runs Pagefind's own command, which waits for its writes
before it exits (`search.run_pagefind`). These tests write real bundles of fictional
records (no mock of Pagefind) and read every file of them.
"""

from __future__ import annotations

import gzip
import json
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from builder.plugin import search
from builder.plugin.explorer import INDEX_DIR
from builder.plugin.render import Templates
from builder.plugin.search import ENTRY_FILE, Record, bundle_is_whole

#: Bundles written at once, and how many times each: writers in parallel load the machine
#: as CI's did. Pagefind's Python API broke 22 of 80 such bundles (two writers, 300
#: records), a file or two each; the command none.
WRITERS = 3
ROUNDS = 4
RECORDS = 120
#: Pagefind's files that are gzip streams: each must decompress to its end.
GZIP_SUFFIXES = (".pf_fragment", ".pf_index", ".pf_meta", ".pf_filter")
TOWNS = ("Velmora", "Ostrakan", "Brindlemere", "Kessway", "Thornwick Abbas")


def records(count: int = RECORDS) -> list[Record]:
    """Fictional event records (invented towns and people), a page of the user's, and an
    entity page, so every kind of record is in the bundle."""
    found = []
    for number in range(count):
        town = TOWNS[number % len(TOWNS)]
        day = f"2025-{number % 12 + 1:02d}-{number % 28 + 1:02d}"
        found.append(Record(
            url=f"events/2025/{day}-ferry-{number}/",
            content=(f"The {town} ferry number {number} sailed late\n{town}\nDr Ilse "
                     f"Varnholt opened the new pier at {town}; the harbour council of {town} "
                     f"met the crews. " + "Tide tables and lantern oil were discussed. " * 6),
            meta={"title": f"{town} ferry {number} sails late", "url": f"/e/{number}/",
                  "day": day, "date": day, "place": town},
            filters={"kind": ["event"], "place": [town], "person": ["Ilse Varnholt"],
                     "month": [day[:7]]},
            sort={"date": f"{day} {town} ferry {number}"}))
    found.append(search.page_record("About Velmora", "<p>A chronicle of Velmora.</p>",
                                    "about/"))
    found.append(search.entity_record("people", "Ilse Varnholt", [], "people/ilse-varnholt/"))
    return found


def broken_files(bundle: Path, reference: dict[str, bytes] | None = None) -> list[str]:
    """Every file of a Pagefind bundle that is not whole: an entry file that does not name
    its languages, a gzip stream that does not decompress to its end, a script that is not
    the one `reference` (another bundle's scripts) holds. The explorer's own index is left
    out (it is not Pagefind's)."""
    bad = []
    for path in sorted(bundle.rglob("*")):
        relative = path.relative_to(bundle).as_posix()
        if not path.is_file() or relative.startswith(f"{INDEX_DIR}/"):
            continue
        data = path.read_bytes()
        if relative == ENTRY_FILE:
            try:
                assert json.loads(data)["languages"]
            except (ValueError, KeyError, AssertionError):
                bad.append(f"{relative} ({len(data)} bytes)")
        elif relative.endswith(GZIP_SUFFIXES) or (
                relative.startswith("wasm.") and relative != "wasm.unknown.pagefind"):
            try:
                gzip.decompress(data)
            except (OSError, EOFError):
                bad.append(f"{relative} ({len(data)} bytes)")
        elif not data or (reference is not None and reference.get(relative, data) != data):
            bad.append(f"{relative} ({len(data)} bytes)")
    return bad


def scripts(bundle: Path) -> dict[str, bytes]:
    """A bundle's files that are the same in every bundle (scripts, styles)."""
    return {path.name: path.read_bytes() for path in bundle.iterdir()
            if path.is_file() and (path.suffix in (".js", ".css")
                                   or path.name == "wasm.unknown.pagefind")}


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One bundle of the fictional records, written by the plugin's `write_bundle`."""
    output = tmp_path_factory.mktemp("bundle") / "site" / search.BUNDLE_DIR
    search.write_bundle(records(), output, Templates([]))
    return output


def test_a_bundle_is_whole_and_holds_every_record(bundle: Path) -> None:
    assert broken_files(bundle) == []
    assert bundle_is_whole(bundle)
    entry = json.loads((bundle / ENTRY_FILE).read_bytes())
    assert [language["page_count"] for language in entry["languages"].values()] == [
        RECORDS + 2]
    index = json.loads((bundle / INDEX_DIR / "index.json").read_bytes())
    assert index["count"] == RECORDS


def test_bundles_written_at_once_over_and_over_are_all_whole(bundle: Path,
                                                            tmp_path: Path) -> None:
    """Writers in parallel, each writing its bundle again and again: every file of every
    bundle is whole (with Pagefind's Python API, some were empty or cut short)."""
    reference = scripts(bundle)
    problems: list[str] = []
    errors: list[BaseException] = []

    def write(writer: int) -> None:
        try:
            for round_ in range(ROUNDS):
                output = tmp_path / f"w{writer}-{round_}" / search.BUNDLE_DIR
                search.write_bundle(records(), output, Templates([]))
                problems.extend(f"writer {writer}, round {round_}: {problem}"
                                for problem in broken_files(output, reference))
                shutil.rmtree(output.parent)
        except BaseException as error:  # (said below, in the test's thread)
            errors.append(error)

    threads = [threading.Thread(target=write, args=(writer,)) for writer in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert problems == []


def cut(path: Path, size: int | None = None) -> None:
    data = path.read_bytes()
    path.write_bytes(data[:len(data) // 2 if size is None else size])


DAMAGE: dict[str, Callable[[Path], object]] = {
    "entry file empty": lambda bundle: cut(bundle / ENTRY_FILE, 0),
    "entry file without languages": lambda bundle: (bundle / ENTRY_FILE).write_text(
        '{"version":"1.5.2","languages":{}}', encoding="utf-8"),
    "entry file cut short": lambda bundle: cut(bundle / ENTRY_FILE),
    "metadata cut short": lambda bundle: cut(next(bundle.glob("pagefind.*.pf_meta"))),
    "metadata missing": lambda bundle: next(bundle.glob("pagefind.*.pf_meta")).unlink(),
    "language's WebAssembly empty": lambda bundle: cut(bundle / "wasm.en.pagefind", 0),
    "pagefind.js empty": lambda bundle: cut(bundle / "pagefind.js", 0),
    "generic WebAssembly empty": lambda bundle: cut(bundle / "wasm.unknown.pagefind", 0),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_bundle_with_a_file_empty_or_cut_short_is_not_whole(
        bundle: Path, tmp_path: Path, damage: str) -> None:
    """The guard after each write: a real bundle, damaged as the lost writes left them."""
    copy = tmp_path / search.BUNDLE_DIR
    shutil.copytree(bundle, copy)
    assert bundle_is_whole(copy)
    DAMAGE[damage](copy)
    assert not bundle_is_whole(copy)


def test_no_bundle_is_not_whole(tmp_path: Path) -> None:
    assert not bundle_is_whole(tmp_path)
