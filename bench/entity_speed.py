"""Benchmark: CPU time of entity extraction per article, rules alone and rules with the
learned tagger (builder/extract/ner.py).

    python bench/entity_speed.py [CORPUS_DIR]

CORPUS_DIR holds real article texts (`text/*.txt`; default /work/shared/corpus, which is
read in place, never copied). Each text is extracted once to warm the caches (gazetteer,
given names, model), then each setting is timed twice: extracting every article once, and
twice in a row as `timeline build` does; the mean CPU milliseconds per article are printed.
The goal lives here, not in a unit test: the tagger should keep extraction near the cost of
the rules alone.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from builder.extract import entities, ner


def per_article(texts: list[str], learned: bool, calls: int) -> float:
    """Mean CPU ms per article, extracting each `calls` times in a row (a build extracts
    each article twice: alone, then knowing the timeline's people); the tagger's cache is
    emptied first."""
    entities.LEARNED = learned
    ner._tag.cache_clear()
    start = time.process_time()
    for text in texts:
        for _ in range(calls):
            entities.extract_entities(text, {})
    return (time.process_time() - start) / len(texts) * 1000


def main(argv: list[str]) -> int:
    corpus = Path(argv[0] if argv else "/work/shared/corpus")
    texts = [path.read_text(encoding="utf-8") for path in sorted((corpus / "text").glob("*.txt"))]
    if not texts:
        print(f"{corpus}/text: no .txt articles; give a corpus folder", file=sys.stderr)
        return 1
    for text in texts:
        entities.LEARNED = True
        entities.extract_entities(text, {})
    size = sum(len(text) for text in texts) / len(texts)
    print(f"{len(texts)} articles, {size:,.0f} characters on average")
    for calls in (1, 2):
        for learned in (False, True, False, True):
            label = "rules + tagger" if learned else "rules alone"
            how = "twice, as a build does" if calls == 2 else "once"
            print(f"{label:<15} {per_article(texts, learned, calls):6.1f} ms CPU per article "
                  f"extracted {how}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
