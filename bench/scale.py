"""Benchmark: a fictional timeline of N events, built and served, against bare Material.

    python bench/scale.py [--events 2000] [--runs 3] [--keep DIR] [--no-serve]

Makes a project in a temporary folder with N invented seeds (about 400 words each, 3-6 topic
keywords, 5-15 people from a pool of a few thousand, dates over 20 years), then measures:

- `timeline build`: cold (seeds per second of CPU), nothing changed, one seed added;
- `mkdocs build` of the site against a bare Material build of the same Markdown (the
  timeline plugin removed, event pages out of the nav, as the plugin keeps them), the two
  run in turn K times: CPU and wall as ratios pair by pair, and their medians;
- peak memory of each build (the child's own rusage), `mkdocs serve` start (until the home
  page answers), site size, search index size, median event page HTML size;
- the number of HTML pages each site has and the CPU per page: the timeline's site has a
  page per tag, person, place and organization named in 2 or more events, and year pages,
  which the bare site has not, so the build ratio compares different amounts of work; the
  time per page compares like with like;
- with `--profile`, the top entries of a cProfile of one more `mkdocs build`.

Each figure is the child process's own accounting (os.wait4), so other work on the machine
inflates wall times but not CPU. The speed goals live here, never in unit tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from builder.scaffold import mkdocs_config  # noqa: E402

FIRST = ("Ada Alva Amara Anselm Arlo Bettina Bram Brisa Cato Celeste Corin Dagny Darian Edda "
         "Elio Elsbeth Emrys Fenna Florin Gisela Halvard Ilse Ines Ivo Jorun Kasimir Kaia "
         "Lennart Liora Lucan Maren Mattis Mirela Nils Noor Odile Orrin Petra Quill Ragna "
         "Rainer Saskia Severin Sigrun Talia Tomas Ulla Valdis Vera Wendel Xenia Yara Yorick "
         "Zelda Ansgar Birte Cosima Detlef Elin Falk Greta Hagen Idris Jalka Korin Lotte "
         "Merle Nandor Oskar Pella Runa Silas Tove Ursel Vilja Wim").split()
LAST = ("Varnholt Quennell Feldrecht Lindqvist Ashgrove Brennick Corvane Dunmere Elsworth "
        "Falkreth Garrow Holloway Ingersett Jastrow Kellbrook Larkspire Morrow Nettlefield "
        "Oakhurst Pellinore Quarrier Ravensholm Stroud Thistlewood Umberfield Vantreese "
        "Wexley Yarrowby Zellner Ambrose Blackmere Coldwater Dray Eskdale Fairweather "
        "Greythorn Harrowgate Ivers Juniper Kestrel Lowther Marchbank Northcott Osterley "
        "Penhallow Quayle Rookwood Saltmarsh Tarrant Underhill Verrall Whitlock Yelland "
        "Zennor Aldercott Birchall Calloway Denholm Everleigh").split()
TOWNS = ("Port Veyra", "Ashmoor", "Kelderwick", "Saltby Reach", "Orrindale", "Fennick",
         "Marrowgate", "Hollin Bay", "Duskmere", "Tallowford", "Brindlemouth", "Quarry Hill",
         "Westerholm", "Larkhaven", "Greywater", "Ostrava Quay", "Thornbeck", "Ebbing Cross")
PAPERS = ("The Veyra Courier", "Ashmoor Lantern", "Kelderwick Gazette", "Saltby Post",
          "Orrindale Herald", "Fennick Tribune")
BODIES = ("Harbour Authority", "Council", "Ferry Company", "Fishers' Guild", "Water Board",
          "Port Police", "School Trust", "Rail Office")
#: The fictional timeline's topic tags (a new project's taxonomy is empty): written into
#: the project's mkdocs.yml, and each seed uses keywords of 3-6 of them.
TAXONOMY = {
    "ferries": ["ferry", "ferries", "crossing"], "harbour": ["harbour", "quay", "dock"],
    "budget": ["budget", "levy", "spending"], "schools": ["school", "pupils", "teachers"],
    "water": ["reservoir", "water supply", "drought"], "storms": ["gale", "storm", "flood"],
    "housing": ["housing", "tenants", "rents"], "rail": ["railway", "timetable", "station"],
    "fishing": ["fishing", "trawler", "catch quota"], "health": ["clinic", "hospital"],
}
FILLER = ("the committee heard from residents about the plan and the cost of the work",
          "officials said the figures would be published before the next meeting",
          "several members asked for more time to study the report in detail",
          "the proposal follows months of talks between the town and its neighbours",
          "a final decision is expected after the public consultation closes",
          "critics said the timetable was too short for such a large project",
          "supporters argued that the delay had already cost the town dearly",
          "the chair thanked the staff who prepared the papers at short notice")


def name_pool(size: int, rng: random.Random) -> list[str]:
    names = [f"{first} {last}" for first in FIRST for last in LAST]
    rng.shuffle(names)
    return names[:size]


def seed_text(number: int, rng: random.Random, pool: list[str]) -> str:
    """One realistic pasted article: title, publisher, dateline, ~400 words."""
    day = dt.date(2005, 1, 1) + dt.timedelta(days=rng.randrange(20 * 365))
    town = rng.choice(TOWNS)
    people = rng.sample(pool, rng.randint(5, 15))
    topics = rng.sample(sorted(TAXONOMY), rng.randint(3, 6))
    keywords = [rng.choice(TAXONOMY[topic]).strip() for topic in topics]
    body = f"{town} {rng.choice(BODIES)}"
    title = f"{town} {rng.choice(BODIES).lower()} weighs {keywords[0]} plan, item {number}"
    sentences = [f"{town.upper()}, {day:%B} {day.day}, {day.year} -- The {body} met on "
                 f"{day:%A} to discuss the {keywords[0]} plan, item {number}, said "
                 f"{people[0]}, who chairs it."]
    words = len(sentences[0].split())
    index = 0
    while words < 400:
        person = people[index % len(people)]
        keyword = keywords[index % len(keywords)]
        sentence = (f"{person} said the {keyword} question mattered to {town}, and "
                    f"{rng.choice(FILLER)}.")
        sentences.append(sentence)
        words += len(sentence.split())
        index += 1
    paragraphs = [" ".join(sentences[start:start + 4]) for start in range(0, len(sentences), 4)]
    return f"{title}\n- {rng.choice(PAPERS)}\n\n" + "\n\n".join(paragraphs) + "\n"


def write_seeds(seeds: Path, count: int, start: int = 0) -> None:
    rng = random.Random(1729)
    pool = name_pool(3000, rng)
    for number in range(start + count):
        text = seed_text(number, rng, pool)  # the same stream for any count: stable seeds
        if number >= start:
            (seeds / f"bench-{number:05d}.txt").write_text(text, encoding="utf-8")


@dataclass
class Run:
    cpu: float
    wall: float
    #: The largest of the process and the processes it waited for (e.g. Pagefind's).
    peak_mib: float
    #: The Python process's own peak, when measured (`MKDOCS_MEASURED`).
    own_peak_mib: float = float("nan")


#: `mkdocs` run so that it writes its own peak memory (not its children's) to the file
#: named by BENCH_RSS_FILE as it exits.
MKDOCS_MEASURED = [sys.executable, "-c", (
    "import atexit, os, resource, runpy, sys\n"
    "atexit.register(lambda: open(os.environ['BENCH_RSS_FILE'], 'w').write("
    "str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)))\n"
    "sys.argv = ['mkdocs', *sys.argv[1:]]\n"
    "runpy.run_module('mkdocs', run_name='__main__')\n")]


def run(command: list[str], cwd: Path) -> Run:
    """Run a command; its own CPU, wall time and peak memory (exit on failure)."""
    with tempfile.NamedTemporaryFile(prefix="bench-rss-") as rss:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BENCH_RSS_FILE": rss.name}
        found = _run(command, cwd, env)
        own = Path(rss.name).read_text().strip()
    if own:
        found.own_peak_mib = int(own) / 1024
    return found


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> Run:
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=out)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        if process.returncode != 0:
            out.seek(0)
            sys.exit(f"{' '.join(command)} failed:\n{out.read()[-3000:].decode()}")
    return Run(usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024)


def serve_start(cwd: Path, config: str) -> float:
    """Seconds from `mkdocs serve` to the home page answering."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", config, "-a",
                                f"127.0.0.1:{port}", "--no-livereload"], cwd=cwd, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while process.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5):
                    return time.perf_counter() - start
            except OSError:
                time.sleep(0.2)
        sys.exit("mkdocs serve ended before it served the site")
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return float("nan")


def bare_config(project: Path) -> str:
    """mkdocs-bare.yml: the project's config without the timeline plugin, the event pages
    out of the nav (as the plugin keeps them)."""
    config = mkdocs_config("Bench")  # what `timeline init` wrote
    config["plugins"] = [plugin for plugin in config["plugins"]
                         if not (isinstance(plugin, dict) and "timeline" in plugin)
                         and not (isinstance(plugin, dict) and "offline" in plugin)]
    config["nav"] = ["index.md"]
    config["site_dir"] = "site-bare"
    (project / "mkdocs-bare.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    return "mkdocs-bare.yml"


def html_pages(site: Path) -> int:
    """How many HTML pages the site has (404.html, the Pagefind index's files aside)."""
    return sum(1 for path in site.rglob("index.html") if "pagefind" not in path.parts)


def profile(project: Path, top: int) -> None:
    """Print the top entries of a cProfile of `mkdocs build` (cumulative time; the
    timeline's own functions, then everything by its own time)."""
    import pstats

    stats_file = project / "mkdocs-build.prof"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "cProfile", "-o", str(stats_file), "-m", "mkdocs",
                    "build", "-q"], cwd=project, env=env, check=True)
    stats = pstats.Stats(str(stats_file))
    stats.sort_stats("cumulative").print_stats(r"builder[/\\]plugin", top)
    stats.sort_stats("tottime").print_stats(top)


def site_figures(site: Path) -> tuple[float, float, float]:
    """Site size (MB), search index size (MB), median event page HTML size (KB)."""
    size = sum(path.stat().st_size for path in site.rglob("*") if path.is_file())
    index = site / "search" / "search_index.json"
    search = index.stat().st_size if index.is_file() else 0
    events = [path.stat().st_size for path in (site / "events").rglob("index.html")
              if len(path.relative_to(site / "events").parts) == 3]
    median = statistics.median(events) if events else 0
    return size / 1e6, search / 1e6, median / 1e3


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3, help="interleaved runs of each build")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    parser.add_argument("--no-serve", action="store_true", help="skip `mkdocs serve` start")
    parser.add_argument("--builder-only", action="store_true",
                        help="time `timeline build` only (no site builds)")
    parser.add_argument("--profile", type=int, default=0, metavar="N",
                        help="then profile one `mkdocs build` and print its top N entries")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="timeline-scale-"))
    project = folder / "project"
    if project.exists():
        shutil.rmtree(project)
    timeline = [sys.executable, "-m", "builder"]
    subprocess.run([*timeline, "init", str(project), "--site-name", "Bench"], check=True,
                   capture_output=True)
    config = project / "mkdocs.yml"
    taxonomy = yaml.safe_dump({"taxonomy": TAXONOMY}, default_flow_style=None, width=1000)
    config.write_text(config.read_text().replace(
        "    taxonomy: {}\n", "".join(f"    {line}\n" for line in taxonomy.splitlines())))
    write_seeds(project / "seeds", args.events)
    build = [*timeline, "build", "-q", "--reference-date", "2026-01-01"]

    cold = run(build, project)
    noop = [run(build, project) for _ in range(args.runs)]
    added = []
    for number in range(args.runs):
        write_seeds(project / "seeds", 1, start=args.events + number)
        added.append(run(build, project))
    pages = sum(1 for _ in (project / "content" / "events").rglob("*.md"))
    print(f"{pages} event pages from {args.events + args.runs} seeds; {args.runs} run(s) of "
          "each; CPU is user+sys of the child")
    print("| what | timeline | bare Material, same pages | ratio |")
    print("|---|---|---|---|")
    print(f"| `timeline build`, cold | {args.events / cold.cpu:.0f} seeds/s CPU "
          f"({cold.cpu:.1f} s CPU, {cold.wall:.1f} s wall, {cold.peak_mib:.0f} MiB) | - | - |")
    print(f"| `timeline build`, nothing changed | {median([r.cpu for r in noop]):.2f} s CPU "
          "(median) | - | - |")
    print(f"| `timeline build`, one seed added | {median([r.cpu for r in added]):.2f} s CPU "
          "(median) | - | - |", flush=True)
    if args.builder_only:
        if not args.keep:
            shutil.rmtree(folder)
        return

    bare = bare_config(project)
    mkdocs = [*MKDOCS_MEASURED, "build", "-q"]
    plugin_runs: list[Run] = []
    bare_runs: list[Run] = []
    for _ in range(args.runs):
        plugin_runs.append(run(mkdocs, project))
        bare_runs.append(run([*mkdocs, "-f", bare], project))
    cpu_ratio = median([a.cpu / b.cpu for a, b in zip(plugin_runs, bare_runs, strict=True)])
    wall_ratio = median([a.wall / b.wall for a, b in zip(plugin_runs, bare_runs, strict=True)])
    serve = bare_serve = float("nan")
    if not args.no_serve:
        serve = serve_start(project, "mkdocs.yml")
        bare_serve = serve_start(project, bare)
    site, search, page = site_figures(project / "site")
    bsite, bsearch, bpage = site_figures(project / "site-bare")

    def row(what: str, now: str, bare_value: str, ratio: str) -> None:
        print(f"| {what} | {now} | {bare_value} | {ratio} |")

    row("`mkdocs build`, CPU", f"{median([r.cpu for r in plugin_runs]):.1f} s",
        f"{median([r.cpu for r in bare_runs]):.1f} s", f"{cpu_ratio:.2f}x")
    row("`mkdocs build`, wall", f"{median([r.wall for r in plugin_runs]):.1f} s",
        f"{median([r.wall for r in bare_runs]):.1f} s", f"{wall_ratio:.2f}x")
    peak, bpeak = (median([r.peak_mib for r in plugin_runs]),
                   median([r.peak_mib for r in bare_runs]))
    row("peak memory of `mkdocs build`", f"{peak:.0f} MiB", f"{bpeak:.0f} MiB",
        f"{peak / bpeak:.2f}x")
    own, bown = (median([r.own_peak_mib for r in plugin_runs]),
                 median([r.own_peak_mib for r in bare_runs]))
    row("peak memory, the Python process alone (not Pagefind)", f"{own:.0f} MiB",
        f"{bown:.0f} MiB", f"{own / bown:.2f}x")
    if not args.no_serve:
        row("`mkdocs serve` start", f"{serve:.1f} s", f"{bare_serve:.1f} s",
            f"{serve / bare_serve:.2f}x")
    row("site size", f"{site:.1f} MB", f"{bsite:.1f} MB", f"{site / bsite:.2f}x")
    row("`search/search_index.json`", f"{search:.1f} MB", f"{bsearch:.1f} MB",
        f"{search / bsearch:.2f}x" if bsearch else "-")
    row("event page HTML (median)", f"{page:.1f} KB", f"{bpage:.1f} KB",
        f"{page / bpage:.2f}x" if bpage else "-")
    count, bcount = html_pages(project / "site"), html_pages(project / "site-bare")
    row("HTML pages", f"{count:,}", f"{bcount:,}", f"{count / bcount:.2f}x")
    per_page = 1000 * median([r.cpu for r in plugin_runs]) / count
    bper_page = 1000 * median([r.cpu for r in bare_runs]) / bcount
    row("`mkdocs build` CPU per HTML page", f"{per_page:.1f} ms", f"{bper_page:.1f} ms",
        f"{per_page / bper_page:.2f}x")
    row("site size per HTML page", f"{1000 * site / count:.1f} KB",
        f"{1000 * bsite / bcount:.1f} KB", f"{site / count / (bsite / bcount):.2f}x")
    if args.profile:
        profile(project, args.profile)
    if args.keep:
        print(f"project: {project}")
    else:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
