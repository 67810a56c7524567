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
  one, whether or not the rendering shows it); "date, where shown" = the same over the
  pages whose rendering shows the gold day in some common written form (`date_shown`),
  "date, not shown" over the others, and "shown, refused" counts the pages showing their
  day that the builder would refuse for want of a date (issue 9 wants none); "date,
  flagged" = the date is right, over the pages whose date the reader flags as weak (a
  relative stamp, the story's told day, a comment's, one from elsewhere on the page: the
  price of refusing only a page with no date on it at all); summary = the
  summary is a passage of the article text trafilatura extracts from the saved HTML
  (letters and digits compared) and holds no `without` snippet. The saved page itself
  (`html`, read by the saved-page reader) is scored the same way, its snippets counted when
  the page's visible text (scripts and styles taken out) holds them.
* **aeb**: the scrapinghub article-extraction benchmark (`ground-truth.json`: each page's
  `articleBody`). body = the body's paragraphs of eight words or more (at most 20 per page)
  found in the reader's text (its standfirst and paragraphs, as the event page shows them; so
  for traf's body and junk); summary = the summary is a passage of the gold body. The
  saved page (`html`) counts the paragraphs its visible text holds.

`--half dev` keeps only the pages whose name hashes even, `--half test` the others: a rule
prompted by a miss is fitted on `dev` and its effect reported on `test`, which nobody reads
the misses of (they still count in the full figures).

The headline model was trained on four fifths of these pages (titles only); the body, junk,
date and summary rules never saw them. Nothing here is used by the builder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from builder.evaluate import Score, letters, squash, summary_of
from builder.extract.dates import (
    COMMENT_DATE,
    EMBED_DATE,
    PAGE_DATE,
    RELATIVE_DATE,
    STORY_DATE,
)
from builder.model import Article, SeedError
from builder.readers import read_seed
from builder.readers.months import MONTH_NAMES

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


#: Month names the readers do not know, for telling whether a page shows its date (a page
#: that writes "4 marca 2020" shows it, whether or not a reader reads it): Polish, Czech,
#: Swedish, Danish and Norwegian, Finnish, Hungarian, Russian (genitive), Greek (genitive),
#: Turkish and Romanian.
_OTHER_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("stycznia", "styczeń", "ledna", "leden", "januar", "tammikuuta", "január",
        "января", "ιανουαρίου", "ocak", "ianuarie", "ian"),
    2: ("lutego", "luty", "února", "únor", "februar", "helmikuuta", "február", "февраля",
        "φεβρουαρίου", "şubat", "februarie"),
    3: ("marca", "marzec", "března", "březen", "mars", "marts", "maaliskuuta", "március",
        "марта", "μαρτίου", "mart", "martie"),
    4: ("kwietnia", "kwiecień", "dubna", "duben", "huhtikuuta", "április", "апреля",
        "απριλίου", "nisan", "aprilie"),
    5: ("maja", "maj", "května", "květen", "toukokuuta", "május", "мая", "μαΐου", "mayıs",
        "mai"),
    6: ("czerwca", "czerwiec", "června", "červen", "kesäkuuta", "június", "июня",
        "ιουνίου", "haziran", "iunie"),
    7: ("lipca", "lipiec", "července", "červenec", "heinäkuuta", "július", "июля",
        "ιουλίου", "temmuz", "iulie"),
    8: ("sierpnia", "sierpień", "srpna", "srpen", "augusti", "elokuuta", "augusztus",
        "августа", "αυγούστου", "ağustos"),
    9: ("września", "wrzesień", "září", "syyskuuta", "szeptember", "сентября",
        "σεπτεμβρίου", "eylül", "septembrie"),
    10: ("października", "październik", "října", "říjen", "lokakuuta", "október",
         "октября", "οκτωβρίου", "ekim", "octombrie"),
    11: ("listopada", "listopad", "marraskuuta", "listopadu", "ноября", "νοεμβρίου",
         "kasım", "noiembrie"),
    12: ("grudnia", "grudzień", "prosince", "prosinec", "joulukuuta", "december",
         "декабря", "δεκεμβρίου", "aralık", "decembrie"),
}


def _shown_pattern(day: dt.date) -> re.Pattern[str]:
    """Any common written form of `day`: ISO ("2020-03-04", "2020/3/4", "2020年3月4日");
    numeric day first or month first, with any of the usual separators and a two- or
    four-digit year ("04.03.2020", "4/3/20", "3-4-2020", "4. 3. 2020"); a month's name or
    short form in any language the readers know (and a few more), with the day before or
    after it ("March 4th, 2020", "4. März 2020", "4 de marzo de 2020", "Mar. 4 2020",
    "4-Mar-20") or the year first ("2020. március 4."). A four-digit year may be glued to
    what follows it ("Dec 4 20204:46 AM")."""
    d, m, y = rf"0?{day.day}", rf"0?{day.month}", str(day.year)
    yy = rf"{day.year % 100:02d}(?!\d)"
    names = sorted({*MONTH_NAMES[day.month], *_OTHER_MONTHS[day.month]}, key=len,
                   reverse=True)
    month = "(?:{})(?![^\\W\\d_])\\.?".format("|".join(re.escape(name) for name in names))
    gap = r"[\s,./\-]*"
    suffix = r"(?:st|nd|rd|th|er|e|º|°|\.)?"
    # (A number may follow a four-digit year glued to it, as a date shown twice is:
    # "29. Dezember 202230. Dezember 2022"; a day may be glued to its year: "Apr 042013".)
    start = r"(?:(?<![\d.])|(?<=(?:19|20)\d\d))"
    forms = [
        rf"{start}{y}\s*[-/.年]\s*{m}\s*[-/.月]\s*{d}(?!\d)",
        rf"{start}{d}\s*([-/.])\s*{m}\s*\1\s*(?:{y}|{yy})",
        rf"{start}{m}\s*([-/.])\s*{d}\s*\2\s*(?:{y}|{yy})",
        rf"{start}{d}{suffix}{gap}(?:de\s+|of\s+)?{month}{gap}(?:de\s+|del\s+)?'?(?:{y}|{yy})",
        rf"{month}{gap}{d}{suffix}(?:(?!\d)|(?={y}))(?:\s*\([^()]{{0,12}}\))?{gap}'?"
        rf"(?:{y}|{yy})",
        rf"{start}{y}{gap}{month}{gap}{d}(?!\d)",
    ]
    return re.compile("|".join(f"(?:{form})" for form in forms), re.IGNORECASE)


def date_shown(text: str, day: dt.date) -> bool:
    """Whether a rendering's text shows `day` in any common written form (generously: a page
    wrongly called "not shown" would flatter the "where shown" figure)."""
    return _shown_pattern(day).search(text) is not None


#: The review flags of a weak date (builder.extract.dates).
_DATE_FLAGS = frozenset({RELATIVE_DATE, STORY_DATE, COMMENT_DATE, PAGE_DATE, EMBED_DATE})


def _refused(article: Article | None) -> bool:
    """Whether the builder refuses the page for want of a date: the reader gave no article,
    or neither its date, a dateline's date nor a relative stamp gives the event a day."""
    from builder.extract.dateline import extract_dateline
    from builder.extract.dates import find_date

    if article is None or not article.paragraphs:
        return True
    dateline = extract_dateline(article.paragraphs[0])
    try:
        find_date(dateline.date_text if dateline else None, article.published,
                  article.date_evidence, dt.date.today(), article.relative_stamp)
    except SeedError:
        return True
    return False


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
            text = squash("\n".join([*article.standfirst, *article.paragraphs])) if article else ""
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
                miss = (f"{name}: got {got}, want {want}"
                        + (f" ({article.date_evidence})" if article and got else ""))
                scores.setdefault(f"traf {kind} date", Score()).add(got == want, miss)
                if article is not None and got and _DATE_FLAGS.intersection(article.review):
                    # How often a date the reader flags as weak (a relative stamp, the
                    # story's told day, a comment's, one from elsewhere on the page) is right.
                    scores.setdefault(f"traf {kind} date, flagged", Score()).add(
                        got == want, miss)
                try:
                    gold_day = dt.date.fromisoformat(want)
                except ValueError:
                    gold_day = None
                shown_text = (_visible_text(html_path) if kind == "html"
                              else path.read_text(encoding="utf-8", errors="replace"))
                if gold_day is not None and date_shown(shown_text, gold_day):
                    scores.setdefault(f"traf {kind} date, where shown", Score()).add(
                        got == want, miss)
                    # A count, not a ratio: its "hits" are the pages refused (none, issue 9).
                    refused = _refused(article)
                    scores.setdefault(f"traf {kind} shown, refused", Score()).add(
                        refused, "")
                    if refused:
                        scores[f"traf {kind} shown, refused"].misses.append(
                            f"{name}: want {want}")
                else:
                    scores.setdefault(f"traf {kind} date, not shown", Score()).add(
                        got == want, miss)
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
            text = squash("\n".join([*article.standfirst, *article.paragraphs])) if article else ""
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
        if name.endswith(", refused"):
            print(f"{name:22} {score.hits} of {score.total} pages")
        else:
            print(f"{name:22} {score.ratio or 0:.3f} ({score.hits}/{score.total})")
    print(f"{time.perf_counter() - started:.1f} s")
    if args.misses:
        for name, score in sorted(scores.items()):
            print(f"## {name}")
            print("\n".join(f"  {miss}" for miss in score.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
