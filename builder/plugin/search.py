"""Search: one Pagefind index for the explorer and for the header's search box.

Material's search downloads its whole index (16.8 MB at 10,000 events) on every first page
view. Instead, after the build, the plugin writes a Pagefind bundle to `site/pagefind/`:

- one record per published event, with its names as filters (`tag`, `person`, `place`,
  `organization`), its month (for date ranges) and its day as the sort key;
- one record per person, place, organization and tag page, by its name;
- one record per page of the user's own (the home page, an "about" page ...), by its own
  text: the lists the plugin adds to it (the home page's latest events) are left out, so a
  word of an event finds the event, not the home page too.

Pagefind splits the index into chunks, so a browser loads only the chunks a query needs,
and ships its binary in a wheel (`pagefind[bin]`), so the build downloads nothing. Every
record has a `kind` filter, so the explorer asks for events only and the header's box can
list the pages about a name before the events that mention it.

The header keeps Material's look: the plugin's theme folder (`builder/plugin/theme/`, after
a user's `custom_dir`) replaces Material's `partials/search.html` with a box that
`assets/search.js` drives. Material's search plugin stays enabled, as the header shows a
box only with it, but every page is left out of its index: nothing reads it.

Pagefind counts every value of every filter a query names, which takes about 180 ms per
query at 10,000 events, and scores each result in its WebAssembly (about 0.1 ms each, so
1.2 s for a word found in every event), against a budget of 200 ms for the whole answer.
So the explorer reads an index of its own (`write_explorer_index`), in
`pagefind/explorer/`: events numbered in date order, each value's event numbers, each
event's day, the short record the result list shows, and a word index (`word_keys`), in
files a browser loads only when a query needs them. Pagefind serves the header's box only.
"""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import gzip
import hashlib
import json
import os
import re
import shutil
import string
import subprocess
import tempfile
import unicodedata
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from mkdocs.exceptions import PluginError

from builder.model import Event
from builder.plugin.explorer import FILTERS, INDEX_DIR
from builder.plugin.render import Templates

#: The filter every record has: what the record is.
KIND_FILTER = "kind"
EVENT_KIND = "event"
#: The `kind` of the user's own pages.
PAGE_KIND = "page"
#: Entity kind (as `Event.entities` names it) -> its `kind` and the label readers see.
ENTITY_KINDS: dict[str, tuple[str, str]] = {"people": ("person", "Person"),
                                            "places": ("place", "Place"),
                                            "organizations": ("organization", "Organization"),
                                            "tags": ("tag", "Tag")}
#: The filters Pagefind indexes: the header's box asks for pages by kind; the explorer
#: filters with its own index (`write_explorer_index`).
PAGEFIND_FILTERS = (KIND_FILTER,)
#: The filter holding each event's month (`2025-12`), for date ranges.
MONTH_FILTER = "month"
#: The sort key: the event's day, `YYYY-MM-DD` (then its title, so a day's order is stable).
SORT_KEY = "date"
#: Where the Pagefind bundle is written, inside `site_dir`.
BUNDLE_DIR = "pagefind"
#: Events per file of the explorer's short records: the first view loads one file (about
#: 8 KB compressed), a page of ten results at most ten.
RECORDS_PER_FILE = 100

_MARKUP = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|])")
_PUNCTUATION = string.punctuation + "«»“”‘’„‚‹›–—…·¡¿"


@dataclass(frozen=True)
class Record:
    """One record of the index: an event, an entity page or a page of the user's."""

    #: The page's URL, relative to the site root (`events/2025/2025-12-17-x/`).
    url: str
    content: str
    meta: dict[str, str]
    filters: dict[str, list[str]]
    sort: dict[str, str]


def format_day(day: dt.date) -> str:
    """`17 December 2025`."""
    return f"{day.day} {day:%B %Y}"


def plain_text(markdown: str) -> str:
    """The article text without the backslashes that escape Markdown characters."""
    return _MARKUP.sub(r"\1", markdown)


def distinct_words(text: str) -> str:
    """Each word of `text` once, where it is first used (`The ferry, the ferry.` ->
    `The ferry,`); words differing only in case or in the punctuation around them are
    the same word.

    An article's record is found by any of its words, and the explorer lists results by
    date, so a word's later uses add nothing to it; yet Pagefind returns every use of a
    word in every result, which costs a search for a common word hundreds of milliseconds
    at 10,000 events, and stores the text of each record (its build time grows with it).
    """
    seen: set[str] = set()
    kept = []
    for word in text.split():
        key = word.strip(_PUNCTUATION).casefold()
        if key not in seen:
            seen.add(key)
            kept.append(word)
    return " ".join(kept)


def event_record(event: Event, url: str) -> Record:
    """An event's record: its text (title, place, summary, names, and each word of the
    article once), its names as filters, its month, and its day as the sort key."""
    names = [name for kind in FILTERS for name in event.entities(kind)]
    content = "\n".join(part for part in (event.title, event.location or "",
                                          event.summary,
                                          " · ".join(names),
                                          distinct_words(plain_text(event.body))) if part)
    filters = {FILTERS[kind]: list(event.entities(kind)) for kind in FILTERS
               if event.entities(kind)}
    filters[MONTH_FILTER] = [f"{event.date:%Y-%m}"]
    filters[KIND_FILTER] = [EVENT_KIND]
    day = format_day(event.date)
    if event.end_date is not None and event.end_date != event.date:
        day += f" – {format_day(event.end_date)}"
    meta = {"title": event.title, "url": url, "day": day, "date": event.date.isoformat()}
    if event.location:
        meta["place"] = event.location
    if event.summary:
        meta["summary"] = event.summary
    return Record(url=url, content=content, meta=meta, filters=filters,
                  sort={SORT_KEY: f"{event.date.isoformat()} {event.title}"})


def entity_record(kind: str, name: str, events: Sequence[Event], url: str) -> Record:
    """A person's, place's, organization's or tag's page: its name, and a line saying what
    it is and how many events name it, over which years."""
    filter_kind, label = ENTITY_KINDS[kind]
    years = sorted({event.date.year for event in events})
    span = "" if not years else f", {years[0]}" if len(years) == 1 else \
        f", {years[0]}–{years[-1]}"
    line = f"{label}: {len(events):,} event{'' if len(events) == 1 else 's'}{span}"
    return Record(url=url, content=name, meta={"title": name, "url": url, "summary": line},
                  filters={KIND_FILTER: [filter_kind]}, sort={})


def page_record(title: str, html: str, url: str) -> Record:
    """A page of the user's own, by its title and its own text: what the plugin added to it
    (`html_text(own=True)`: the home page's span and latest events) is left out, as the
    events' own records hold that text; else a search for a word of the latest events
    listed the home page among them."""
    return Record(url=url, content=f"{title}\n{html_text(html, own=True)}",
                  meta={"title": title, "url": url}, filters={KIND_FILTER: [PAGE_KIND]},
                  sort={})


#: The class prefix of the HTML the plugin adds to pages (`templates/`).
PLUGIN_CLASS = "tl-"
#: Classes of the plugin's that hold the user's own words: the site's description under the
#: home page's title (`lede.html`).
OWN_CLASSES = frozenset({"tl-lede"})
#: Elements without an end tag: never the start of a left-out element.
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                   "meta", "source", "track", "wbr"})


def _added(attrs: list[tuple[str, str | None]]) -> bool:
    """Whether an element's class names it the plugin's (`PLUGIN_CLASS`), not the user's."""
    classes = next((value or "" for name, value in attrs if name == "class"), "").split()
    return any(name.startswith(PLUGIN_CLASS) and name not in OWN_CLASSES for name in classes)


class _Text(HTMLParser):
    """The text of HTML, without the elements the plugin added when `own`."""

    def __init__(self, own: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.own = own
        #: The tag of the left-out element being read, and how deep in tags of its name.
        self.skipping = ""
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping:
            self.depth += tag == self.skipping
        elif self.own and tag not in _VOID and _added(attrs):
            self.skipping, self.depth = tag, 1

    def handle_endtag(self, tag: str) -> None:
        if self.skipping and tag == self.skipping:
            self.depth -= 1
            if not self.depth:
                self.skipping = ""

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_text(html: str, own: bool = False) -> str:
    """The text of an HTML fragment; with `own`, without the elements the plugin added (a
    class beginning `tl-`, but for `OWN_CLASSES`)."""
    parser = _Text(own)
    parser.feed(html)
    parser.close()
    return " ".join(" ".join(parser.parts).split())


def write_bundle(records: Iterable[Record], output: Path, templates: Templates,
                 language: str = "en") -> None:
    """Index `records` with Pagefind and write the bundle (scripts, WebAssembly and index
    chunks) to `output`, then the explorer's own index of the events among them to
    `output/explorer/` (`write_explorer_index`).

    Each record is written as a small HTML file (`pagefind-record.html`) in a temporary
    folder that Pagefind's command indexes in one run (`run_pagefind`): its Python API
    answers one request per tenth of a second, so adding records one by one would take
    minutes at 10,000 events. The bundle is checked (`bundle_is_whole`) and written again
    if it is not whole, up to `BUNDLE_ATTEMPTS` times.
    """
    records = list(records)
    with tempfile.TemporaryDirectory(prefix="timeline-pagefind-", dir=scratch_dir()) as folder:
        for number, record in enumerate(records):
            html = templates.render("pagefind-record.html", record=record, language=language,
                                    pagefind_filters=PAGEFIND_FILTERS)
            (Path(folder) / record_file(number)).write_text(html, encoding="utf-8")
        for _attempt in range(BUNDLE_ATTEMPTS):
            run_pagefind(Path(folder), output)
            if bundle_is_whole(output):
                break
        else:
            raise PluginError(
                f"Pagefind wrote an empty or broken bundle in {output} {BUNDLE_ATTEMPTS} "
                "times; the search index of this build is unusable. Run the build again; if "
                "it persists, reinstall the pagefind package.")
    write_explorer_index(records, output / INDEX_DIR)


#: The file Pagefind's scripts read first; without it the search box cannot start.
ENTRY_FILE = "pagefind-entry.json"
#: How many times the bundle is written before the build gives up.
BUNDLE_ATTEMPTS = 3
#: Pagefind's scripts, which the header search loads (`pagefind.js` first).
BUNDLE_SCRIPTS = ("pagefind.js", "pagefind-worker.js", "wasm.unknown.pagefind")


def bundle_is_whole(output: Path) -> bool:
    """Whether the files the header search loads before its first result are whole: the
    entry file names its languages, each language's metadata and WebAssembly decompress to
    the end, and Pagefind's scripts are not empty.

    A guard, not the fix: Pagefind's Python API let its service be stopped before its last
    writes reached the files (see `run_pagefind`), which left some of them empty or cut
    short, and the header search broken for every reader. Cheap (a dozen files; the index
    chunks and fragments, thousands at 10,000 events, are not read)."""
    try:
        entry = json.loads((output / ENTRY_FILE).read_bytes())
        if not (isinstance(entry, dict) and isinstance(entry.get("languages"), dict)
                and entry["languages"]):
            return False
        for language in entry["languages"].values():
            for name in (f"pagefind.{language['hash']}.pf_meta",
                         f"wasm.{language['wasm']}.pagefind"):
                if not gzip.decompress((output / name).read_bytes()):
                    return False  # empty (an empty file decompresses to nothing)
        return all((output / name).stat().st_size > 0 for name in BUNDLE_SCRIPTS)
    except (OSError, ValueError, TypeError, KeyError, EOFError, zlib.error):
        return False


#: A folder in memory (tmpfs) on Linux, for the records' files.
MEMORY_DIR = Path("/dev/shm")


def scratch_dir() -> str | None:
    """Where to write the records' files: in memory when the system offers it, as
    deleting 14,000 small files from a disk mounted with `discard` takes 10 to 40 s; else
    the system's temporary folder (None)."""
    if MEMORY_DIR.is_dir() and os.access(MEMORY_DIR, os.W_OK | os.X_OK):
        return str(MEMORY_DIR)
    return None


def record_file(number: int) -> str:
    """The name of record `number`'s HTML file, which Pagefind keeps as the page's URL."""
    return f"{number:06d}.html"


def run_pagefind(folder: Path, output: Path) -> None:
    """Index the HTML files in `folder` with Pagefind's own command (`pagefind --site`),
    which writes the bundle to `output`; PluginError if it fails.

    Not through Pagefind's Python API, which left a file or two of the bundle empty or cut
    at 4 KiB on a loaded machine (`pagefind-entry.json` in two CI runs; 22 of 80 writes of a
    300-record bundle with two writers at once, against 0 of 80 with the command): the API
    asks its service process to write the files, and stops it (SIGTERM) as soon as the
    service answers. Pagefind 1.5.2 answers when its writes are queued, not done (tokio's
    file writes finish on a thread of their own, and Pagefind does not flush them), so the
    writes still queued are lost with the process. The command waits for them before it
    exits.

    It runs in `folder` (no `pagefind.yml` of the user's is read) without the `PAGEFIND_*`
    variables of the environment (Pagefind reads its options from them), so the bundle
    is the one these arguments say."""
    from pagefind.service import get_executable

    binary = get_executable()
    if binary is None:
        raise PluginError("Pagefind's program was not found: install the pagefind[bin] "
                          "package (or set PAGEFIND_BINARY_PATH)")
    environment = {name: value for name, value in os.environ.items()
                   if not name.startswith("PAGEFIND_")}
    result = subprocess.run(
        [str(binary), "--site", str(folder), "--output-path", str(output.absolute()),
         "--quiet"], cwd=folder, env=environment, capture_output=True, text=True,
        errors="replace", check=False)
    if result.returncode != 0:
        said = (result.stderr.strip() or result.stdout.strip())[-2000:]
        raise PluginError(f"Pagefind could not index the site (exit status "
                          f"{result.returncode}): {said}")


async def _write_bundle(folder: Path, output: Path) -> None:
    """`run_pagefind` as a coroutine, for `bench/explorer.py`."""
    await asyncio.to_thread(run_pagefind, folder, output)


def _dump(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"),
                      sort_keys=True).encode("utf-8")


def _deltas(numbers: Sequence[int]) -> list[int]:
    """`[3, 5, 9]` -> `[3, 2, 4]`: small numbers, which compress well."""
    return [number - previous for previous, number in zip([0, *numbers], numbers, strict=False)]


_WORD = re.compile(r"[^\W_]+")
_SAFE_KEY = re.compile(r"[a-z0-9]+")
_MARKS = re.compile("[\u0300-\u036f]")


def fold(text: str) -> str:
    """`Niño` -> `nino`: accents (combining marks U+0300 to U+036F after NFD) removed, then
    lower case; the same folding as `fold` in explorer.js."""
    if text.isascii():
        return text.lower()
    return _MARKS.sub("", unicodedata.normalize("NFD", text)).lower()


def stem(word: str) -> str:
    """A folded word's indexed form: a cheap English plural strip, the same as `stem` in
    explorer.js. Words of more than four letters ending in `ies` end in `y` instead
    (`cities` -> `city`); else words of more than three letters ending in `s`, but not in
    `ss`, `us` or `is`, lose it (`elections` -> `election`, `weavers` -> `weaver`; `bus`,
    `crisis`, `press` stay). Applied at build and at query time alike, so a word and its
    plural find each other; other forms (`elected`) are other words."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def word_keys(text: str, stems: dict[str, str] | None = None) -> set[str]:
    """The indexed forms of the words of `text`: folded, split at anything that is not a
    letter or a digit, stemmed (`stems` keeps each word's stem, for a batch of texts)."""
    known = {} if stems is None else stems
    keys = set()
    for word in set(_WORD.findall(fold(text))):
        key = known.get(word)
        if key is None:
            key = known[word] = stem(word)
        keys.add(key)
    return keys


def chunk_key(word: str) -> str:
    """The chunk of the word index that holds `word`: its first two letters."""
    return word[:2]


def _bitset(numbers: Sequence[int], count: int) -> str:
    """Event numbers as a bitset (bit `n % 8` of byte `n // 8`), in base64."""
    bits = bytearray((count + 7) // 8)
    for number in numbers:
        bits[number >> 3] |= 1 << (number & 7)
    return base64.b64encode(bytes(bits)).decode("ascii")


def encode_events(numbers: Sequence[int], count: int) -> list[int] | str:
    """A word's event numbers, whichever is shorter: the differences between them (a JSON
    list) or a bitset of all `count` events (a base64 string)."""
    deltas = _deltas(numbers)
    bitset = _bitset(numbers, count)
    return bitset if len(bitset) + 2 < len(_dump(deltas)) else deltas


def _chunk_stem(key: str) -> str:
    """A chunk's file name stem: `words-co`, or the characters' code points in hex for
    others (`words-x3c9-3bb`)."""
    if _SAFE_KEY.fullmatch(key):
        return f"words-{key}"
    return "words-x" + "-".join(f"{ord(c):x}" for c in key)


def write_explorer_index(records: Sequence[Record], folder: Path) -> None:
    """The explorer's index of the event records among `records`, in `folder`.

    Events are numbered in date order (then title, then URL), so a date range is a range
    of numbers and "newest first" is the numbers backwards. Files, all JSON:

    - `index.json`, the first view's: the number of events, the first day, each event's
      day (as days after the previous one's), and the names of the other files;
    - `records-K.<hash>.json`: events K*100 to K*100+99, each as
      `[title, url, day as shown, ISO date, place, summary]`;
    - `<facet>.<hash>.json` (tag, person, place, organization): the facet's values and,
      for each, its events' numbers (as differences), loaded when the reader opens the
      facet or the URL names one of its values;
    - `words-<key>.<hash>.json`: the word index's chunk of the words beginning with `key`
      (two letters, `chunk_key`): `{"words": [...], "events": [...]}`, each word as
      `word_keys` gives it and its event numbers as `encode_events` writes them; `index.json`
      names each chunk's file under `words`, and a query loads only its words' chunks.

    Files other than `index.json` are named by their content's hash, so a browser may keep
    them; identical records give identical bytes.
    """
    numbered = [(number, record) for number, record in enumerate(records)
                if record.filters.get(KIND_FILTER) == [EVENT_KIND]]
    numbered.sort(key=lambda item: (item[1].sort.get(SORT_KEY, ""), item[1].url))
    events = [record for _, record in numbered]
    files: dict[str, bytes] = {}

    def add(stem: str, value: object) -> str:
        data = _dump(value)
        name = f"{stem}.{hashlib.sha256(data).hexdigest()[:10]}.json"
        files[name] = data
        return name

    days = [dt.date.fromisoformat(record.meta["date"]).toordinal() for record in events]
    blocks = [add(f"records-{start // RECORDS_PER_FILE}",
                  [[record.meta.get(key, "") for key in
                    ("title", "url", "day", "date", "place", "summary")]
                   for record in events[start:start + RECORDS_PER_FILE]])
              for start in range(0, len(events), RECORDS_PER_FILE)]
    facets = {}
    for key in FILTERS.values():
        postings: dict[str, list[int]] = {}
        for number, record in enumerate(events):
            for value in dict.fromkeys(record.filters.get(key, [])):
                postings.setdefault(value, []).append(number)
        values = sorted(postings)
        facets[key] = add(key, {"values": values,
                                "events": [_deltas(postings[value]) for value in values]})
    found: dict[str, list[int]] = {}
    stems: dict[str, str] = {}
    for number, record in enumerate(events):
        for word in word_keys(record.content, stems):
            found.setdefault(word, []).append(number)
    chunks: dict[str, list[str]] = {}
    for word in sorted(found):
        chunks.setdefault(chunk_key(word), []).append(word)
    words = {key: add(_chunk_stem(key), {
        "words": listed, "events": [encode_events(found[word], len(events))
                                    for word in listed]}) for key, listed in chunks.items()}
    first = dt.date.fromordinal(days[0]).isoformat() if days else ""
    files["index.json"] = _dump({"count": len(events), "first": first,
                                 "days": _deltas([day - days[0] for day in days]),
                                 "per_file": RECORDS_PER_FILE, "records": blocks,
                                 "facets": facets, "words": words})
    # Written beside the folder, then swapped in: a reader sees the old index or the new.
    fresh = folder.with_name(f".{folder.name}.tmp")
    shutil.rmtree(fresh, ignore_errors=True)
    fresh.mkdir(parents=True)
    for name, data in files.items():
        (fresh / name).write_bytes(data)
    shutil.rmtree(folder, ignore_errors=True)
    fresh.rename(folder)
