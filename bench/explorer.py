"""Benchmark: the explorer and search at 10,000 events, in headless Chromium.

    python bench/explorer.py [--events 10000] [--words 400] [--keep DIR] [--bare]

Writes N fictional event pages (invented towns and people: 3-6 tags and 5-15 names each
from pools of a few thousand, dates over 20 years, about `--words` words of text), builds
the site with `mkdocs build`, serves it under /repo/ as GitHub Pages would, and measures:

- the first view of /explore/: bytes transferred, gzip-compressed as a static host sends
  them (HTML, scripts, stylesheets, WebAssembly and index chunks);
- the time from a filter click, a date range or words typed to the results drawn (the
  median of several runs, as the page records it in `data-ms`);
- the size of Material's `search/search_index.json` (and, with `--bare`, of a bare Material
  build of the same pages, for comparison).

With `--screenshots DIR`, it saves the explorer (filtered by a tag), the newest year
page and the newest event page at 1280x800 and 390x844, light and dark, as PNG files in
DIR, for a reader to look at (the folder's previous PNG files are kept).

With `--index-only`, it times the search step of the build alone on the same records, stage
by stage: the records' HTML written, Pagefind's index, and the explorer's own index.

A benchmark prints figures; no test asserts a time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from builder.model import Event, Source, render_event  # noqa: E402
from builder.store import slug_for  # noqa: E402

SYLLABLES = ["ar", "bel", "cor", "dun", "el", "fen", "gar", "hal", "is", "jor", "kel", "lan",
             "mor", "nev", "or", "pel", "quin", "ros", "sel", "tam", "ul", "var", "wen", "yr"]
FIRST = ["Ilse", "Odo", "Teodora", "Hamund", "Perrin", "Maelis", "Joran", "Sefa", "Aldric",
         "Nadira", "Corwin", "Lenka", "Bastian", "Yselde", "Ruan", "Tamsin", "Edvard", "Oriel",
         "Fenna", "Kasimir", "Zoë", "Émile", "Inès", "Jürgen", "Søren", "Aurélie", "Björn",
         "Mirela", "Tobiah", "Wendeline", "Caspar", "Liesl", "Ottmar", "Rosalind", "Viggo",
         "Anouk", "Dragan", "Elowen", "Gideon", "Halla"]
KINDS_OF_ORG = ["Harbour Board", "Ferry Company", "Town Council", "Lantern Guild",
                "Water Trust", "Fishers' Union", "Court of Small Claims", "Rail Society",
                "Weavers' Guild", "Tide Office", "Grain Exchange", "Lamplighters' League"]
TAGS = ["diplomacy", "economy", "energy", "courts", "protests", "elections", "health",
        "disasters", "military", "sanctions", "peace talks", "security guarantees",
        "fisheries", "transport", "schools", "weather"]
TOPICS = ["pier", "ferry timetable", "lantern festival", "harbour budget", "water meters",
          "old mill", "school roof", "tram line", "fish market", "sea wall", "tide gauge",
          "grain store", "bell tower", "canal lock"]
VERBS = ["votes on", "delays", "approves", "debates", "rejects", "reopens", "audits",
         "celebrates"]
#: Names with accents, so that "nino" must find "Niño".
SPECIAL_PLACES = ["Puerto Niño", "Sëlvaar", "Østerhavn", "Ciudad Añil"]


def invented_word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def pools(seed: int = 11) -> tuple[list[str], list[str], list[str]]:
    """People (about 3,000), places (about 400) and organizations (about 600)."""
    rng = random.Random(seed)
    surnames = sorted({invented_word(rng, rng.choice((2, 3))) for _ in range(400)})
    people = sorted({f"{rng.choice(FIRST)} {rng.choice(surnames)}" for _ in range(3200)})
    towns = sorted({invented_word(rng, 2) + rng.choice(["", " Bay", " Reach", "moor", "hal"])
                    for _ in range(420)} | set(SPECIAL_PLACES))
    orgs = sorted({f"{rng.choice(towns)} {rng.choice(KINDS_OF_ORG)}" for _ in range(650)})
    return people, towns, orgs


def fictional_events(count: int, words: int = 400, seed: int = 7,
                     start: dt.date = dt.date(2006, 1, 1),
                     end: dt.date = dt.date(2025, 12, 31)) -> list[Event]:
    """`count` fictional events over the days from `start` to `end`: 3-6 tags and 5-15
    names each, about `words` words of text."""
    rng = random.Random(seed)
    people, towns, orgs = pools()
    span = (end - start).days
    events = []
    for number in range(count):
        day = start + dt.timedelta(days=rng.randrange(span + 1))
        town = rng.choice(towns)
        topic = rng.choice(TOPICS)
        title = f"{town} council {rng.choice(VERBS)} the {topic} ({number})"
        names = rng.randint(5, 15)
        n_people = max(1, names // 2)
        n_places = max(1, (names - n_people) // 2)
        n_orgs = max(1, names - n_people - n_places)
        chosen = rng.sample(people, n_people)
        summary = (f"Councillors in {town} met on the {topic}; {chosen[0]} spoke for the "
                   f"plan and {chosen[-1]} against it.")
        sentence = (f"The {topic} of {town} was discussed again by the council and the "
                    f"{rng.choice(orgs)}, who asked for a careful review. ")
        body = summary + "\n\n" + sentence * max(1, words // len(sentence.split()))
        events.append(Event(
            title=title, date=day, location=town, summary=summary,
            tags=rng.sample(TAGS, rng.randint(3, 6)), people=chosen,
            places=[town, *rng.sample([t for t in towns if t != town], n_places - 1)],
            organizations=rng.sample(orgs, n_orgs),
            sources=[Source(title=title, publisher="The Veyra Courier", credit="veyra.example",
                            published=day, seed=f"fictional-{number:05d}.txt")],
            body=body))
    return events


def write_events(events_dir: Path, events: list[Event]) -> None:
    """Write each event as `YYYY/YYYY-MM-DD-slug.md` under `events_dir`."""
    for event in events:
        stem = f"{event.date.year}/{event.date.isoformat()}-{slug_for(event.title)}"
        target = events_dir / f"{stem}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render_event(event), encoding="utf-8")


def make_project(folder: Path, count: int, words: int) -> Path:
    """A project made by `timeline init` with `count` fictional event pages."""
    project = folder / "project"
    subprocess.run([sys.executable, "-m", "builder", "init", str(project)], check=True,
                   capture_output=True)
    write_events(project / "content" / "events", fictional_events(count, words))
    return project


def build(project: Path, site: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
                            cwd=project, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"mkdocs build failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return time.perf_counter() - start


def bare_build(project: Path, site: Path) -> None:
    """The same event pages built by bare Material (no timeline plugin)."""
    bare = project.parent / "bare"
    shutil.copytree(project / "content", bare / "content")
    (bare / "mkdocs.yml").write_text(
        "site_name: Bare\ndocs_dir: content\ntheme:\n  name: material\n  font: false\n"
        "plugins:\n  - search\n", encoding="utf-8")
    build(bare, site)


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def index_only(count: int, words: int, folder: Path) -> None:
    """Time `search.write_bundle`'s stages on the records of `count` fictional events and
    of their people, places, organizations and tags."""
    from builder.plugin import search
    from builder.plugin.explorer import INDEX_DIR
    from builder.plugin.render import Templates

    events = fictional_events(count, words)
    records = [search.event_record(event, f"events/{number}/")
               for number, event in enumerate(events)]
    named: dict[tuple[str, str], list[Event]] = {}
    for event in events:
        for kind in search.ENTITY_KINDS:
            for name in event.entities(kind):
                named.setdefault((kind, name), []).append(event)
    records += [search.entity_record(kind, name, listed, f"{kind}/{number}/")
                for number, ((kind, name), listed) in enumerate(sorted(named.items()))]
    templates = Templates([])
    output = folder / "index-only" / search.BUNDLE_DIR
    shutil.rmtree(output.parent, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="timeline-pagefind-",
                                     dir=search.scratch_dir()) as html:
        start = time.perf_counter()
        for number, record in enumerate(records):
            (Path(html) / search.record_file(number)).write_text(
                templates.render("pagefind-record.html", record=record, language="en",
                                 pagefind_filters=search.PAGEFIND_FILTERS),
                encoding="utf-8")
        written = time.perf_counter()
        import asyncio
        asyncio.run(search._write_bundle(Path(html), output))
        indexed = time.perf_counter()
    removed = time.perf_counter()
    search.write_explorer_index(records, output / INDEX_DIR)
    done = time.perf_counter()
    size = sum(path.stat().st_size for path in output.rglob("*") if path.is_file())
    print(f"records: {len(records):,} ({count:,} events)")
    print(f"record HTML written: {written - start:.1f} s")
    print(f"pagefind index written: {indexed - written:.1f} s ({size / 1e6:.1f} MB)")
    print(f"record HTML removed: {removed - indexed:.1f} s (in {search.scratch_dir()})")
    print(f"explorer index written: {done - removed:.1f} s")
    words = list((output / INDEX_DIR).glob("words-*.json"))
    print(f"explorer word index: {sum(p.stat().st_size for p in words) / 1e6:.2f} MB in "
          f"{len(words)} chunks ({sum(gzip_size(p) for p in words) / 1e6:.2f} MB gzip)")


def screenshots(site: Path, folder: Path) -> None:
    """The explorer, the newest year page and the newest event page, at desktop and phone
    sizes, light and dark, into `folder`."""
    from conftest import CHROMIUM, CHROMIUM_ARGS, serve_under_subpath
    from playwright.sync_api import sync_playwright

    newest_year = max(int(path.name) for path in (site / "timeline").iterdir()
                      if path.name.isdigit())
    newest_event = max((site / "events" / str(newest_year)).iterdir()).name
    tag = f"?tag={TAGS[0]}" if (site / "tags" / TAGS[0]).is_dir() else ""
    shown = {"explorer": f"explore/{tag}", "year": f"timeline/{newest_year}/",
             "event": f"events/{newest_year}/{newest_event}/"}
    folder.mkdir(parents=True, exist_ok=True)
    with serve_under_subpath(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                             args=["--headless", *CHROMIUM_ARGS])
        for scheme in ("light", "dark"):
            for width, height in ((1280, 800), (390, 844)):
                context = browser.new_context(viewport={"width": width, "height": height},
                                              color_scheme=scheme)
                tab = context.new_page()
                for name, path in shown.items():
                    tab.goto(f"{url}{path}")
                    tab.wait_for_load_state("networkidle")
                    if name == "explorer":
                        tab.wait_for_selector("[data-tlx][data-run]:not([aria-busy])")
                    target = folder / f"{name}-{width}x{height}-{scheme}.png"
                    tab.screenshot(path=str(target))
                    print(f"screenshot: {target}")
                context.close()
        browser.close()


def measure(site: Path, runs: int) -> dict[str, Any]:
    """Open /explore/ in headless Chromium; the first view's bytes and filter timings."""
    from conftest import CHROMIUM, CHROMIUM_ARGS, PREFIX, serve_under_subpath
    from playwright.sync_api import sync_playwright

    figures: dict[str, Any] = {}
    with serve_under_subpath(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                             args=["--headless", *CHROMIUM_ARGS])
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        fetched: list[str] = []
        context.on("requestfinished", lambda request: fetched.append(request.url))
        tab = context.new_page()
        tab.goto(f"{url}explore/")
        tab.wait_for_selector(".tlx-results li")
        tab.wait_for_load_state("networkidle")
        files = []
        for address in dict.fromkeys(fetched):
            path = address.split(PREFIX + "/", 1)[-1].split("?")[0].split("#")[0]
            local = site / (path + "index.html" if path.endswith("/") or not path else path)
            if local.is_file():
                files.append((path, local.stat().st_size, gzip_size(local)))
        figures["first view files"] = len(files)
        figures["first view raw KB"] = sum(raw for _, raw, _ in files) / 1000
        figures["first view gzip KB"] = sum(packed for _, _, packed in files) / 1000
        figures["largest"] = sorted(files, key=lambda item: -item[2])[:6]
        timings: dict[str, list[int]] = {"filter click": [], "words typed": [],
                                         "words cleared": [], "date range": [],
                                         "header search": []}
        for attempt in range(runs):
            timings["filter click"].append(_timed(tab, lambda n=attempt % 3: tab.locator(
                '[data-facet="tag"] .tlx-value').nth(n).click(), open_tag=True))
            timings["filter click"].append(_timed(tab, lambda: tab.locator(
                ".tlx-chip").first.click()))
            word = ["nino", "ferry", "harbour budget", "lantern"][attempt % 4]
            timings["words typed"].append(_timed(tab, lambda w=word: tab.fill("#tlx-q", w)))
            timings["words cleared"].append(_timed(tab, lambda: tab.fill("#tlx-q", "")))
            year = 2008 + attempt
            timings["date range"].append(_timed(tab, lambda y=year: _set_month(
                tab, "#tlx-from", f"{y}-03")))
            timings["date range"].append(_timed(tab, lambda: _set_month(tab, "#tlx-from", "")))
        # Words in every event (each run's chunk is already loaded after the first).
        timings["word in every event"] = [
            _timed(tab, lambda w=word: tab.fill("#tlx-q", w))
            for word in ["council", "the", "council", "the", "council", "the",
                         "council"][:max(2, runs)]]
        _timed(tab, lambda: tab.fill("#tlx-q", ""))
        for attempt in range(runs):
            word = ["Puerto Nino", "ferry", "Zoë", "lantern festival"][attempt % 4]
            timings["header search"].append(_timed(tab, lambda w=word: tab.fill(
                "input.md-search__input", w), box="[data-tl-search]"))
        for name, values in timings.items():
            figures[f"{name} ms median"] = statistics.median(values)
            figures[f"{name} ms max"] = max(values)
        browser.close()
    return figures


def _set_month(tab: Any, selector: str, value: str) -> None:
    tab.eval_on_selector(selector, """(input, value) => { input.value = value;
        input.dispatchEvent(new Event("change", {bubbles: true})); }""", value)


def _timed(tab: Any, action: Any, open_tag: bool = False, box: str = "[data-tlx]") -> int:
    """Run `action`; the milliseconds the page took from the change to the results drawn."""
    if open_tag:
        tab.eval_on_selector('[data-facet="tag"]', "facet => { facet.open = true; }")
        tab.wait_for_selector('[data-facet="tag"] .tlx-value')
        tab.wait_for_function("!document.querySelector('[data-tlx]').hasAttribute('aria-busy')")
    before = tab.get_attribute(box, "data-run")
    action()
    tab.wait_for_function(
        """([box, before]) => { const node = document.querySelector(box);
            return node.getAttribute('data-run') !== before
                && !node.hasAttribute('aria-busy'); }""", arg=[box, before])
    return int(tab.get_attribute(box, "data-ms") or 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--words", type=int, default=400)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--reuse", action="store_true",
                        help="measure the site already built in --keep DIR")
    parser.add_argument("--bare", action="store_true",
                        help="also build bare Material for the search index size")
    parser.add_argument("--index-only", action="store_true",
                        help="time the search step alone (records, Pagefind, explorer index)")
    parser.add_argument("--screenshots", type=Path,
                        help="save screenshots of the built site into this folder, and stop")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="timeline-explorer-"))
    if args.index_only:
        index_only(args.events, args.words, folder)
        return
    project = folder / "project"
    if not (project / "content" / "events").is_dir():
        make_project(folder, args.events, args.words)
    site = folder / "site"
    if not (args.reuse and site.is_dir()):
        seconds = build(project, site)
        print(f"events: {args.events}, mkdocs build {seconds:.0f} s")
    index = site / "search" / "search_index.json"
    print(f"search_index.json: {index.stat().st_size / 1e6:.2f} MB "
          f"({gzip_size(index) / 1e6:.2f} MB gzip)")
    bundle = site / "pagefind"
    print(f"pagefind bundle: {sum(p.stat().st_size for p in bundle.rglob('*')) / 1e6:.1f} MB "
          f"in {sum(1 for _ in bundle.rglob('*'))} files (loaded by chunks)")
    words = list((bundle / "explorer").glob("words-*.json"))
    print(f"explorer word index: {sum(p.stat().st_size for p in words) / 1e6:.2f} MB in "
          f"{len(words)} chunks ({sum(gzip_size(p) for p in words) / 1e6:.2f} MB gzip)")
    if args.screenshots:
        screenshots(site, args.screenshots)
        return
    if args.bare and not (args.reuse and (folder / "bare-site").is_dir()):
        bare_site = folder / "bare-site"
        bare_build(project, bare_site)
    bare_index = folder / "bare-site" / "search" / "search_index.json"
    if bare_index.is_file():
        print(f"bare Material search_index.json: {bare_index.stat().st_size / 1e6:.2f} MB "
              f"({gzip_size(bare_index) / 1e6:.2f} MB gzip)")
    for name, value in measure(site, args.runs).items():
        print(f"{name}: {value:.1f}" if isinstance(value, float) else f"{name}: {value}")
    print(f"folder: {folder}")


if __name__ == "__main__":
    main()
