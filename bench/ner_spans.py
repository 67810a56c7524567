"""The learned name tagger alone (no rules' checks after it), span by span: precision, recall
and F1 per kind of a model on annotated files.

Usage: python bench/ner_spans.py MODEL.crfsuite [FILE.iob2 | FILE.conll ...] [--news-dev]
       python bench/ner_spans.py --twofold A.crfsuite.gz B.crfsuite.gz [NAME=VALUE ...]
       [--errors]

Each FILE is read as bench/train_ner.py reads it; --news-dev adds the development half (odd
documents) of tests/fixtures/entities/uner-en-pud-news.iob2. A span is right when its first
and last tokens and its kind are the gold's. Train the model without the files measured, e.g.

    python bench/train_ner.py /tmp/m.crfsuite en_ewt-ud-dev.iob2 pud-wiki.iob2 \\
        a.conll e.conll g.conll h.conll wikigold.conll
    python bench/ner_spans.py /tmp/m.crfsuite en_ewt-ud-test.iob2 --news-dev

The rules' names are the tagger's hints here as in a build, so these figures say how well the
tagger reads a sentence, not what `timeline eval-entities` will report.

--twofold gives what `timeline eval-entities` reports, the rules and the tagger together, on
the development half of the news sample without a model that saw the documents measured:
model A (trained with --news-dev-a: the odd development documents, 1st, 5th, 9th... of the
file) reads the even ones (3rd, 7th...), model B (--news-dev-b) the odd ones, and the
counts are added. Each NAME=VALUE sets a constant of builder.extract.entities or
builder.extract.ner for the run (e.g. `ner.EVERY_SENTENCE=True`, `LEARNED_MIN.ORG=0.9`), so
that a choice is made on these figures and never on the held-out half:

    python bench/train_ner.py /tmp/a.crfsuite.gz FILES... --news-dev-a --news-weight=3
    python bench/train_ner.py /tmp/b.crfsuite.gz FILES... --news-dev-b --news-weight=3
    python bench/ner_spans.py --twofold /tmp/a.crfsuite.gz /tmp/b.crfsuite.gz
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import pycrfsuite  # type: ignore[import-untyped]
from train_ner import examples, read, read_conll

from builder import evaluate_entities
from builder.evaluate_entities import SAMPLE
from builder.extract import entities, ner

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


def _set(assignment: str) -> None:
    """Set a constant of entities or ner: "ner.NAME=VALUE", "NAME=VALUE" (entities) or
    "NAME.KEY=VALUE" (an entry of a dict constant); VALUE is a Python literal."""
    import ast

    target, value = assignment.split("=", 1)
    module: object = entities
    if target.startswith("ner."):
        module, target = ner, target[4:]
    name, _, key = target.partition(".")
    if key:
        getattr(module, name)[key] = ast.literal_eval(value)
    else:
        setattr(module, name, ast.literal_eval(value))


def twofold(model_a: str, model_b: str, errors: bool = False) -> list[str]:
    """The rules and the tagger on the development half, each document read by the model of
    the fold that did not see it (see the module's docstring)."""
    development = evaluate_entities.halves(evaluate_entities.read_iob2(SAMPLE))[0]
    totals = {kind: evaluate_entities.Score() for kind in evaluate_entities.KINDS.values()}
    # development[0::2] are the file's 1st, 5th... documents (--news-dev-a): model B reads them
    for model, documents in ((model_b, development[0::2]), (model_a, development[1::2])):
        ner.MODEL = Path(model)
        ner._tagger.cache_clear()
        ner._tag.cache_clear()
        for kind, score in evaluate_entities.evaluate(documents).items():
            total = totals[kind]
            total.found += score.found
            total.right += score.right
            total.gold += score.gold
            total.recalled += score.recalled
            total.wrong += score.wrong
            total.missed += score.missed
    lines = evaluate_entities.report(totals)
    if errors:
        for kind, total in totals.items():
            lines.append(f"{kind}: wrong " + "; ".join(total.wrong))
            lines.append(f"{kind}: missed " + "; ".join(total.missed))
    return lines


def main(argv: list[str]) -> int:
    if argv[:1] == ["--twofold"] and len(argv) >= 3:
        for assignment in argv[3:]:
            if not assignment.startswith("--"):
                _set(assignment)
        print("\n".join(twofold(argv[1], argv[2], "--errors" in argv)))
        return 0
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
