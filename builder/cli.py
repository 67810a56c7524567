"""The `timeline` command: build event pages from seeds, check them, start a project."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from builder import collect, pipeline, scaffold, store
from builder.config import ConfigError, Settings, load_settings
from builder.model import SeedError
from builder.state import BuildLocked, load_state

#: Without a terminal, a long build reports progress every this many seeds.
PROGRESS_EVERY = 500

_CONFIG_OPTION = click.option(
    "-f", "--config-file", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="Provide a specific MkDocs config (default: ./mkdocs.yml).")


def _settings(config_file: Path | None) -> Settings:
    try:
        return load_settings(config_file)
    except ConfigError as error:
        raise click.ClickException(str(error)) from error


def _parse_date(_ctx: click.Context, _param: click.Parameter, value: str | None
                ) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise click.BadParameter(f"{value!r} is not a date (expected YYYY-MM-DD)") from error


@click.group()
@click.version_option(package_name="timeline-builder")
def main() -> None:
    """Turn collected news articles into a browsable timeline site."""


@main.command()
@_CONFIG_OPTION
@click.option("--reference-date", callback=_parse_date, metavar="YYYY-MM-DD",
              help="The day against which years are inferred for dates written without one "
                   "(default: reference_date in mkdocs.yml, else today).")
@click.option("--restore", is_flag=True,
              help="Bring back the pages of seeds whose page was deleted by hand.")
@click.option("--force", is_flag=True,
              help="Rebuild every page from its seeds; edited pages are first saved to "
                   f"{pipeline.SAVED_EDITS_DIR}/.")
@click.option("-q", "--quiet", is_flag=True, help="Print only the summary and failures.")
def build(config_file: Path | None, reference_date: dt.date | None, restore: bool,
          force: bool, quiet: bool) -> None:
    """Turn new seeds into event pages (pages that exist are never overwritten)."""
    _run_build(_settings(config_file), reference_date, restore, force, quiet)


def _run_build(settings: Settings, reference_date: dt.date | None, restore: bool,
               force: bool, quiet: bool) -> None:
    """Build, print the report, exit 1 if a seed failed."""
    root = settings.config_file.parent
    show_progress = not quiet and sys.stderr.isatty()

    def progress(number: int, total: int, name: str) -> None:
        if show_progress:
            click.echo(f"\r[{number}/{total}] {name[:60]:<60}", nl=False, err=True)
        elif not quiet and total >= 2 * PROGRESS_EVERY and number % PROGRESS_EVERY == 0:
            click.echo(f"read {number} of {total} seeds", err=True)  # logs, CI

    try:
        report = pipeline.build(settings, reference_date, progress, restore=restore,
                                force=force)
    except BuildLocked as error:
        raise click.ClickException(str(error)) from error
    except KeyboardInterrupt:
        click.echo("\nInterrupted: every page written so far is complete; run `timeline "
                   "build` again to finish.", err=True)
        sys.exit(130)
    if show_progress and report.seeds:
        click.echo("\r" + " " * 72 + "\r", nl=False, err=True)
    for item in report.seeds:
        if not quiet or item.outcome is pipeline.Outcome.FAILED:
            click.echo(str(item))
    for problem in report.page_problems:
        label = "problem   " if problem.severity == "error" else "note      "
        click.echo(f"{label} {problem}")
    for line in report.state_problems:
        click.echo(f"problem    {line}")
    for saved in report.saved_edits:
        click.echo(f"saved      {_relative(saved, root)} (the page as it was before --force)")
    counts = ", ".join(f"{report.count(outcome)} {outcome.value}" for outcome in pipeline.Outcome
                       if report.count(outcome))
    seeds_dir = _relative(settings.seeds_dir, root)
    click.echo(f"{len(report.seeds)} seeds in {seeds_dir}: {counts or 'nothing to do'}")
    if report.failed:
        sys.exit(1)


@main.command()
@click.argument("sources", nargs=-1, required=True, metavar="PATH-OR-URL...")
@_CONFIG_OPTION
@click.option("--reference-date", callback=_parse_date, metavar="YYYY-MM-DD",
              help="As for `timeline build`.")
@click.option("--no-build", is_flag=True, help="Only put the articles in the seeds folder.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=collect.FETCH_TIMEOUT,
              show_default=True, metavar="SECONDS",
              help="Give up on a web page that has not fully arrived after this long.")
def add(sources: tuple[str, ...], config_file: Path | None, reference_date: dt.date | None,
        no_build: bool, timeout: float) -> None:
    """Copy files, or fetch web pages, into the seeds folder, then build."""
    settings = _settings(config_file)
    root = settings.config_file.parent
    failed = False
    for source in sources:
        try:
            if collect.is_url(source):
                path, new = collect.add_url(source, settings.seeds_dir,
                                            settings.max_seed_bytes, timeout)
            else:
                path, new = collect.add_file(Path(source), settings.seeds_dir,
                                             settings.max_seed_bytes)
        except SeedError as error:
            click.echo(f"failed     {error}")
            failed = True
            continue
        state = "added     " if new else "already in"
        click.echo(f"{state} {_relative(path, root)} (from {collect.shown(source)})")
    if not no_build:
        _run_build(settings, reference_date, restore=False, force=False, quiet=False)
    if failed:
        sys.exit(1)


@main.command()
@_CONFIG_OPTION
def check(config_file: Path | None) -> None:
    """Validate every event page; list every problem as path:line: field: message."""
    settings = _settings(config_file)
    owners = {seed: w.page for seed, w in load_state(settings.events_dir).items()}
    index = store.load_pages(settings.events_dir, settings.config_file.parent, owners)
    errors = [problem for problem in index.problems if problem.severity == "error"]
    for problem in index.problems:
        click.echo(str(problem) + (" [warning]" if problem.severity != "error" else ""))
    events_dir = _relative(settings.events_dir, settings.config_file.parent)
    click.echo(f"{len(index.paths)} event pages in {events_dir}: "
               f"{len(errors)} problem(s)", err=True)
    if errors:
        sys.exit(1)


@main.command()
@_CONFIG_OPTION
@click.option("-a", "--dev-addr", metavar="<IP:PORT>", default=None,
              help="IP address and port to serve the site on (default: mkdocs.yml's "
                   "dev_addr, else localhost:8000).")
@click.option("-o", "--open", "open_in_browser", is_flag=True,
              help="Open the site in the default web browser.")
def serve(config_file: Path | None, dev_addr: str | None, open_in_browser: bool) -> None:
    """Preview the site as `mkdocs serve` does, but rebuild only the pages an edit to event
    pages changes (seconds, not minutes, on a large timeline)."""
    from mkdocs.__main__ import State
    from mkdocs.exceptions import ConfigurationError

    from builder.plugin import preview

    logs = State()  # type: ignore[no-untyped-call]  # log as `mkdocs serve` does
    path = config_file or Path("mkdocs.yml")
    if not path.is_file():
        raise click.ClickException(f"{path}: no such file (run this in a timeline project, "
                                   "or give its mkdocs.yml with -f)")
    try:
        preview.serve(str(path), dev_addr, open_in_browser)
    except ConfigurationError as error:
        raise click.ClickException(f"{path}: {error}") from error
    except RuntimeError as error:
        raise click.ClickException(f"{path}: {error}") from error
    finally:
        del logs


@main.command("eval")
@click.argument("corpus", type=click.Path(file_okay=False, path_type=Path),
                default=Path("../shared/corpus"))
@click.option("--no-floors", is_flag=True, help="Print the figures only; never fail.")
def eval_command(corpus: Path, no_floors: bool) -> None:
    """Measure the readers on a corpus of pages with gold titles and dates (gold.jsonl)."""
    from builder import evaluate

    sys.exit(evaluate.main(corpus, floors=not no_floors))


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--site-name", default=None, help="The site's name (default: the folder name).")
def init(directory: Path, site_name: str | None) -> None:
    """Start a new timeline project in DIRECTORY (existing files are left alone)."""
    created, kept = scaffold.create_project(directory, site_name)
    for path in created:
        click.echo(f"created    {path}")
    for path in kept:
        click.echo(f"kept       {path} (already there)")
    click.echo(f"Next: put articles in {directory / 'seeds'}, then in {directory} run "
               "`timeline build` and `mkdocs serve`.")


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix() or "."
    except ValueError:
        return str(path)


# -- eval-entities (entity recognition figures; owned with builder/extract/entities.py) --------

@main.command("eval-entities")
@click.argument("gold", type=click.Path(dir_okay=False, exists=True, path_type=Path),
                required=False)
@click.option("--errors", "show_errors", is_flag=True,
              help="Also list each wrong and each missed name (development half only).")
@click.option("--no-floors", is_flag=True, help="Print the figures only; never fail.")
def eval_entities_command(gold: Path | None, show_errors: bool, no_floors: bool) -> None:
    """Measure people, places and organizations on annotated news text (Universal NER IOB2;
    default: the sample committed with the project)."""
    from builder import evaluate_entities as ev

    path = gold or ev.SAMPLE
    if not path.is_file():
        raise click.ClickException(f"{path}: no such file; give an IOB2 file to measure on")
    documents = ev.read_iob2(path)
    development, held_out = ev.halves(documents)
    scores = ev.evaluate(documents)
    for label, part in (("all", documents), ("development half", development),
                        ("held-out half", held_out)):
        click.echo(f"{label} ({len(part)} documents)")
        for line in ev.report(scores if part is documents else ev.evaluate(part)):
            click.echo(f"  {line}")
        if part is held_out:
            click.echo("  the same, with places that act ('Russia said') counted as places, "
                       "as the timeline lists them (the gold calls them organizations):")
            for line in ev.report(ev.evaluate(ev.acting_places_as_places(part))):
                click.echo(f"    {line}")
    if show_errors:
        for kind, score in ev.evaluate(development).items():
            click.echo(f"{kind}: wrong " + "; ".join(score.wrong))
            click.echo(f"{kind}: missed " + "; ".join(score.missed))
    failures = [] if no_floors or gold is not None else ev.below_floors(scores)
    for failure in failures:
        click.echo(f"below the floor: {failure}", err=True)
    if failures:
        sys.exit(1)


# -- eval-grouping (grouping figures; owned with builder/group.py) ----------------------------

@main.command("eval-grouping")
@click.option("--no-floors", is_flag=True, help="Print the figures only; never fail.")
def eval_grouping_command(no_floors: bool) -> None:
    """Measure grouping on real multi-outlet story clusters (ECB+, committed with the
    project): pairwise precision and recall."""
    from builder import evaluate_grouping as ev

    if not ev.SAMPLE.is_file():
        raise click.ClickException(f"{ev.SAMPLE}: not found (it comes with the source tree)")
    scores = ev.evaluate()
    for line in ev.report(scores):
        click.echo(line)
    failures = [] if no_floors else ev.below_floors(scores)
    for failure in failures:
        click.echo(f"below the floor: {failure}", err=True)
    if failures:
        sys.exit(1)
