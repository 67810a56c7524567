"""The learned name tagger alone (no rules' checks after it), span by span: precision, recall
and F1 per kind of a model on annotated files.

Usage: python bench/ner_spans.py MODEL.crfsuite [FILE.iob2 | FILE.conll ...] [--news-dev]

Each FILE is read as bench/train_ner.py reads it; --news-dev adds the development half (odd
documents) of tests/fixtures/entities/uner-en-pud-news.iob2. A span is right when its first
and last tokens and its kind are the gold's. Train the model without the files measured, e.g.

    python bench/train_ner.py /tmp/m.crfsuite en_ewt-ud-dev.iob2 pud-wiki.iob2 \\
        a.conll e.conll g.conll h.conll wikigold.conll
    python bench/ner_spans.py /tmp/m.crfsuite en_ewt-ud-test.iob2 --news-dev

The rules' names are the tagger's hints here as in a build, so these figures say how well the
tagger reads a sentence, not what `timeline eval-entities` will report.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import pycrfsuite  # type: ignore[import-untyped]
from train_ner import examples, read, read_conll

from builder.evaluate_entities import SAMPLE
from builder.extract import entities

Document = list[tuple[str, list[tuple[str, str]]]]


def spans(labels: Sequence[str]) -> set[tuple[int, int, str]]:
    """The (first, end, kind) spans of IOB2 labels."""
    found: set[tuple[int, int, str]] = set()
    start, kind = -1, ""
    for index, label in enumerate([*labels, "O"]):
        if start >= 0 and not (label.startswith("I-") and label[2:] == kind):
            found.add((start, index, kind))
            start = -1
        if start < 0 and label[:2] in ("B-", "I-"):
            start, kind = index, label[2:]
    return found


def measure(tagger: pycrfsuite.Tagger, documents: Iterable[Document]) -> list[str]:
    counts = {kind: [0, 0, 0] for kind in ("PER", "LOC", "ORG")}  # found, gold, right
    for document in documents:
        for rows, gold in examples(document):
            expected, got = spans(gold), spans(tagger.tag(rows))
            for kind, count in counts.items():
                mine = {span for span in got if span[2] == kind}
                theirs = {span for span in expected if span[2] == kind}
                count[0] += len(mine)
                count[1] += len(theirs)
                count[2] += len(mine & theirs)
    lines = []
    for kind, (tagged, wanted, right) in counts.items():
        precision, recall = right / max(tagged, 1), right / max(wanted, 1)
        f1 = 2 * precision * recall / max(precision + recall, 1e-9)
        lines.append(f"  {kind}  precision {precision:.3f} ({right}/{tagged})  recall "
                     f"{recall:.3f} ({right}/{wanted})  F1 {f1:.3f}")
    return lines


def main(argv: list[str]) -> int:
    paths = [arg for arg in argv if not arg.startswith("--")]
    if not paths:
        print(__doc__, file=sys.stderr)
        return 1
    entities.LEARNED = False  # the hints are the rules' names alone, as in training
    tagger = pycrfsuite.Tagger()
    tagger.open(paths[0])
    sources: list[tuple[str, Iterator[Document]]] = [
        (path, read_conll(Path(path)) if path.endswith(".conll") else read(Path(path)))
        for path in paths[1:]]
    if "--news-dev" in argv:
        sources.append(("news development half", read(SAMPLE, "", True)))
    for name, documents in sources:
        print(name)
        print("\n".join(measure(tagger, documents)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
