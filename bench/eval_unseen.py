"""Body, date and summary figures of the text and saved-page readers on pages no rule saw.

    .venv/bin/python bench/eval_unseen.py [--traf /tmp/C/traf] [--aeb /tmp/C/aeb]
                                          [--corpus ../shared/corpus] [--misses]
                                          [--kinds paste,text,html] [--half dev|test]

Two collections, each a folder with `html/NAME.html` and its renderings `paste/NAME.txt`
(Chromium's select-all text, `../shared/tools/paste-like-a-browser.py`) and `text/NAME.txt`
(a lynx dump, as the corpus README makes them):

* **traf**: trafilatura's evaluation pages (`ground-truth.json` gives each page's address,
  `evaldata.json` its gold `with` and `without` snippets, keyed by address). Pages of the
  development corpus (same addresses) are left out: the readers were tuned on those.
  body = `with` snippets kept, junk = `without` snippets dropped (each over the snippets the
  rendering holds); date = the reader's publication date is the gold date (over pages with
  one; whether the rendering shows it is not known); summary = the summary is a passage of
  the article text trafilatura extracts from the saved HTML (letters and digits compared)
  and holds no `without` snippet. The saved page itself (`html`, read by the saved-page
  reader) is scored the same way, its snippets counted when the page's visible text (scripts
  and styles taken out) holds them.
* **aeb**: the scrapinghub article-extraction benchmark (`ground-truth.json`: each page's
  `articleBody`). body = the body's paragraphs of eight words or more (at most 20 per page)
  found in the reader's text; summary = the summary is a passage of the gold body. The
  saved page (`html`) counts the paragraphs its visible text holds.

`--half dev` keeps only the pages whose name hashes even, `--half test` the others: a rule
prompted by a miss is fitted on `dev` and its effect reported on `test`, which nobody reads
the misses of (they still count in the full figures).

The headline model was trained on four fifths of these pages (titles only); the body, junk,
date and summary rules never saw them. Nothing here is used by the builder.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from builder.evaluate import Score, letters, squash, summary_of
from builder.model import Article, SeedError
from builder.readers import read_seed

AEB_SNIPPETS = 20
AEB_MIN_WORDS = 8


def _address_key(url: str) -> str:
    url = re.sub(r"^https?://(?:web\.archive\.org/web/\d+\w*/)?", "", url.strip())
    url = re.sub(r"^(?:https?://)?(?:www\.)?", "", url)
    return url.rstrip("/").casefold()


def in_half(name: str, half: str) -> bool:
    """Whether page `name` is in `half` ("dev", "test", or "all"): a fixed split by a hash of
    the name, so that rules fitted to one half can be judged on the other."""
    if half == "all":
        return True
    even = int(hashlib.md5(name.encode("utf-8")).hexdigest()[:8], 16) % 2 == 0
    return even if half == "dev" else not even


def _read(path: Path) -> Article | None:
    try:
        return read_seed(path, 50_000_000)
    except SeedError:
        return None


def _trafilatura_text(html_path: Path, cache: dict[str, str]) -> str:
    if html_path.stem not in cache:
        import trafilatura

        text = trafilatura.extract(html_path.read_bytes(), include_comments=False) or ""
        cache[html_path.stem] = text
    return cache[html_path.stem]


def _gold_date(value: str) -> str:
    """The gold date as YYYY-MM-DD: a few gold dates are typed loosely ("2022-29-11",
    "2022-11-1", "2022-01.26"); their day and month are plain to see, so read them."""
    match = re.fullmatch(r"(\d{4})[-.](\d{1,2})[-.](\d{1,2})", value.strip())
    if not match:
        return value.strip()
    year, first, second = (int(part) for part in match.groups())
    month, day = (second, first) if first > 12 >= second else (first, second)
    return f"{year:04d}-{month:02d}-{day:02d}"


def _visible_text(html_path: Path) -> str:
    """The words of a saved page outside its scripts, styles and tags (a snippet not in it
    is not shown by the page, so it does not count for or against the html reader)."""
    from trafilatura.utils import load_html

    from builder.readers.html import decode_html

    try:
        tree = load_html(decode_html(html_path.read_bytes()))
    except SeedError:
        return ""
    if tree is None:
        return ""
    for element in tree.xpath("//script|//style|//noscript|//template"):
        element.drop_tree()
    return " ".join(tree.itertext())


def _summary_ok(article: Article | None, reference: str, junk: list[str]) -> tuple[bool, str]:
    summary = summary_of(article) if article else ""
    folded = letters(summary.removesuffix("…"))
    bad = [snippet for snippet in junk if letters(snippet) and letters(snippet) in folded]
    return bool(folded) and folded in letters(reference) and not bad, summary


def evaluate_traf(folder: Path, corpus: Path, scores: dict[str, Score],
                  kinds: tuple[str, ...] = ("paste", "text", "html"), half: str = "all") -> None:
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    evaldata = json.loads((folder / "evaldata.json").read_text(encoding="utf-8"))
    by_address = {_address_key(url): item for url, item in evaldata.items()}
    excluded = set()
    if (corpus / "gold.jsonl").is_file():
        with (corpus / "gold.jsonl").open(encoding="utf-8") as handle:
            excluded = {_address_key(json.loads(line)["url"]) for line in handle if line.strip()}
    cache_path = Path("/tmp") / f"eval-unseen-trafilatura-{folder.name}.json"
    cache: dict[str, str] = (json.loads(cache_path.read_text(encoding="utf-8"))
                             if cache_path.is_file() else {})
    for name, item in sorted(truth.items()):
        key = _address_key(str(item.get("url", "")))
        gold = by_address.get(key)
        if gold is None or key in excluded or not in_half(name, half):
            continue
        html_path = folder / "html" / f"{name}.html"
        for kind in kinds:
            path = html_path if kind == "html" else folder / kind / f"{name}.txt"
            if not path.is_file() or not html_path.is_file():
                continue
            if kind == "html":
                # The saved page holds every snippet somewhere; what counts is the text a
                # reader of the page sees, approximated by the page's text with its scripts,
                # styles and tags taken out.
                source = squash(_visible_text(html_path))
            else:
                source = squash(path.read_text(encoding="utf-8", errors="replace"))
            if not source:
                continue
            article = _read(path)
            text = squash("\n".join(article.paragraphs)) if article else ""
            for snippet in gold.get("with", []):
                wanted = squash(snippet)
                if wanted and wanted in source:
                    scores.setdefault(f"traf {kind} body", Score()).add(
                        wanted in text, f"{name}: lost {wanted[:60]!r}")
            for snippet in gold.get("without", []):
                wanted = squash(snippet)
                if wanted and wanted in source:
                    scores.setdefault(f"traf {kind} junk", Score()).add(
                        wanted not in text, f"{name}: kept {wanted[:60]!r}")
            want = _gold_date(str(item.get("date") or ""))
            if want:
                got = article.published.isoformat() if article and article.published else None
                scores.setdefault(f"traf {kind} date", Score()).add(
                    got == want, f"{name}: got {got}, want {want}"
                    + (f" ({article.date_evidence})" if article and got else ""))
            reference = _trafilatura_text(html_path, cache)
            if reference.strip():
                ok, summary = _summary_ok(article, reference, list(gold.get("without", [])))
                scores.setdefault(f"traf {kind} summary", Score()).add(
                    ok, f"{name}: {summary[:90]!r}")
    cache_path.write_text(json.dumps(cache), encoding="utf-8")


def evaluate_aeb(folder: Path, scores: dict[str, Score],
                 kinds: tuple[str, ...] = ("paste", "text", "html"), half: str = "all") -> None:
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    for name, item in sorted(truth.items()):
        if not in_half(name, half):
            continue
        body = str(item.get("articleBody", ""))
        paragraphs = [squash(p) for p in body.split("\n") if len(p.split()) >= AEB_MIN_WORDS]
        for kind in kinds:
            path = (folder / "html" / f"{name}.html" if kind == "html"
                    else folder / kind / f"{name}.txt")
            if not path.is_file():
                continue
            source = squash(_visible_text(path) if kind == "html"
                            else path.read_text(encoding="utf-8", errors="replace"))
            if not source:
                continue
            article = _read(path)
            text = squash("\n".join(article.paragraphs)) if article else ""
            for wanted in [p for p in paragraphs if p in source][:AEB_SNIPPETS]:
                scores.setdefault(f"aeb {kind} body", Score()).add(
                    wanted in text, f"{name}: lost {wanted[:60]!r}")
            ok, summary = _summary_ok(article, body, [])
            scores.setdefault(f"aeb {kind} summary", Score()).add(ok, f"{name}: {summary[:90]!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--traf", type=Path, default=Path("/tmp/C/traf"))
    parser.add_argument("--aeb", type=Path, default=Path("/tmp/C/aeb"))
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    parser.add_argument("--misses", action="store_true", help="list every miss")
    parser.add_argument("--kinds", default="paste,text,html",
                        help="renderings of the pages to read (comma-separated)")
    parser.add_argument("--half", choices=("all", "dev", "test"), default="all",
                        help="only the pages of one half (fit rules on dev, report test)")
    args = parser.parse_args()
    scores: dict[str, Score] = {}
    started = time.perf_counter()
    if (args.traf / "ground-truth.json").is_file():
        evaluate_traf(args.traf, args.corpus, scores, tuple(args.kinds.split(",")),
                      args.half)
    if (args.aeb / "ground-truth.json").is_file():
        evaluate_aeb(args.aeb, scores, tuple(args.kinds.split(",")), args.half)
    for name, score in sorted(scores.items()):
        print(f"{name:22} {score.ratio or 0:.3f} ({score.hits}/{score.total})")
    print(f"{time.perf_counter() - started:.1f} s")
    if args.misses:
        for name, score in sorted(scores.items()):
            print(f"## {name}")
            print("\n".join(f"  {miss}" for miss in score.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
