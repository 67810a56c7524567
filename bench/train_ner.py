"""Train the learned name tagger (builder/extract/data/ner.crfsuite.gz) with python-crfsuite.

Usage: python bench/train_ner.py OUT.crfsuite[.gz] FILE.iob2 [FILE.iob2 ...] [--news-dev]
       [--news-weight=N] [--c1=0.05] [--c2=0.01] [--mask]

Each FILE is a Universal NER IOB2 file (`# newdoc id`, `# text`, then token / tag lines).
The model shipped was trained on (all openly licensed, annotated by linguists):

* UNER English-EWT en_ewt-ud-dev.iob2 and en_ewt-ud-test.iob2 (CC BY-SA 4.0,
  https://github.com/UniversalNER/UNER_English-EWT, commit 8ed072de);
* UNER English-PUD en_pud-ud-test.iob2, its Wikipedia documents (ids w...) (CC BY-SA 3.0,
  https://github.com/UniversalNER/UNER_English-PUD, commit 07ea0553);
* the Broad Twitter Corpus (CC BY 4.0, https://github.com/GateNLP/broad_twitter_corpus,
  commit 0c45ef7b), sections A, E, G (tweets of mainstream news) and H, its CoNLL files;
* wikigold (Balasuriya et al. 2009; 145 Wikipedia articles annotated by hand with PER, LOC,
  ORG and MISC; CC BY 4.0), wikigold.conll.txt as published at
  https://figshare.com/articles/Learning_multilingual_named_entity_recognition_from_Wikipedia/5462500
  (read from a copy at https://github.com/caurdy/LGP-NER-RegEx, commit ba90d82b), renamed
  to end in `.conll`;
* with --news-dev, the development half (odd documents) of the committed news sample
  tests/fixtures/entities/uner-en-pud-news.iob2. Its even documents, the held-out half that
  `timeline eval-entities` reports on, are never read here. --news-weight=3 (as shipped)
  counts its sentences three times.

With --mask (as shipped) each sentence with names is trained on twice: as it is, and with
its names' words unnamed (`masked`), so that the tagger learns names from their context,
shape and lists as it must for names it never saw. The exact command and where the files
come from: builder/extract/data/ner.md.

Tags other than PER, LOC and ORG (OTH) count as O. Sentences are re-tokenized the way the
tagger tokenizes articles (ner.sentences) and the gold labels carried over by character.
"""

from __future__ import annotations

import gzip
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pycrfsuite  # type: ignore[import-untyped]

from builder.evaluate_entities import SAMPLE
from builder.extract import entities, ner

KINDS = ("PER", "LOC", "ORG")


def read(path: Path, only: str = "", skip_even: bool = False, quarter: int = 0) -> Iterator[
        list[tuple[str, list[tuple[str, str]]]]]:
    """Documents as lists of sentences (text, [(token, tag)])."""
    document: list[tuple[str, list[tuple[str, str]]]] = []
    text = ""
    tokens: list[tuple[str, str]] = []
    keep = True
    number = 0
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("# newdoc id = "):
            if document and keep:
                yield document
            document = []
            name = line.split("=", 1)[1].strip()
            number += 1
            keep = name.startswith(only) and not (skip_even and number % 2 == 0) and not (
                quarter and number % 4 != quarter)
        elif line.startswith("# text = "):
            text = line.split("=", 1)[1].strip()
        elif line.strip() and not line.startswith("#"):
            columns = line.split("\t")
            tag = columns[2] if len(columns) > 2 else "O"
            tokens.append((columns[1], tag if tag[2:] in KINDS else "O"))
        elif not line.strip() and tokens:
            document.append((text, tokens))
            tokens = []
    if document and keep:
        yield document


def read_conll(path: Path) -> Iterator[list[tuple[str, list[tuple[str, str]]]]]:
    """Documents of a two-column CoNLL file (token, tag, split by a tab or a space; a blank
    line ends a sentence), their sentences' text the tokens joined by spaces. A file with
    "-DOCSTART-" lines (wikigold) has documents of many sentences; one without (the Broad
    Twitter Corpus), one sentence each."""
    lines = path.read_text(encoding="utf-8").splitlines()
    by_document = any(line.startswith("-DOCSTART-") for line in lines)
    document: list[tuple[str, list[tuple[str, str]]]] = []
    tokens: list[tuple[str, str]] = []
    for line in [*lines, "", "-DOCSTART-"]:
        columns = line.split("\t") if "\t" in line else line.split()
        if line.startswith("-DOCSTART-") or (len(columns) < 2 or not columns[0].strip()):
            if tokens:
                document.append((" ".join(token for token, _ in tokens), tokens))
                tokens = []
            if document and (not by_document or line.startswith("-DOCSTART-")):
                yield document
                document = []
            continue
        tag = columns[1].strip()
        tokens.append((columns[0], tag if tag[2:] in KINDS else "O"))


def char_labels(text: str, tokens: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """Gold entity spans (start, end, kind) by character."""
    spans: list[tuple[int, int, str]] = []
    position = 0
    current: list[int] = []
    for token, tag in [*tokens, ("", "O")]:
        found = text.find(token, position) if token else -1
        start = found if found >= 0 else position
        end = start + len(token) if found >= 0 else position
        if current and not (tag.startswith("I-") and tag[2:] == spans[-1][2]):
            current = []
        if tag.startswith("B-") or (tag.startswith("I-") and not current):
            spans.append((start, end, tag[2:]))
            current = [start]
        elif tag.startswith("I-") and current:
            spans[-1] = (spans[-1][0], end, spans[-1][2])
        position = end
    return spans


def examples(document: list[tuple[str, list[tuple[str, str]]]]) -> Iterator[
        tuple[list[list[str]], list[str]]]:
    whole = " ".join(text for text, _ in document)
    context_found = entities.extract_entities(whole, {})
    names = ner.split_names(entities.rule_names(context_found))
    parts = ner.name_parts(names)
    capitals = ner.mid_capitals(whole)
    lower_words = frozenset(re.findall(r"(?<![\w.])[a-z][a-z’'\-]+", whole))
    for text, tokens in document:
        spans = char_labels(text, tokens)
        for sentence in ner.sentences(text):
            words = [token for token, _, _ in sentence]
            labels = []
            previous: tuple[int, int, str] | None = None
            for _, start, _ in sentence:
                span = next((s for s in spans if s[0] <= start < s[1]), None)
                if span is None:
                    labels.append("O")
                else:
                    labels.append(("I-" if span == previous else "B-") + span[2])
                previous = span
            rows = ner.features(words, ner.hints_for(words, names), entities._lexicon,
                                lower_words, parts=parts, capitals=capitals)
            yield rows, labels


#: The features that name a word itself (not its shape, lists or place in the sentence).
_IDENTITY = ("w=", "x3=", "x2=", "p3=", "w-1|w=", "w|w+1=")
_NEIGHBOUR = {-2: ("w+2=",), -1: ("w+1=", "w|w+1="), 1: ("w-1=", "w-1|w="), 2: ("w-2=",)}


def masked(rows: list[list[str]], labels: list[str]) -> list[list[str]] | None:
    """A copy of a sentence's features in which the words of its names are not named: their
    own word, affix and word-pair features are left out, and so are their neighbours'
    features naming them. Trained on beside the sentence (--mask), it makes the tagger
    learn names from their context, shape and lists rather than by heart, as unseen names
    must be found; None for a sentence without names."""
    names = [index for index, label in enumerate(labels) if label != "O"]
    if not names:
        return None
    result = [list(row) for row in rows]
    for index in names:
        result[index] = [f for f in result[index] if not f.startswith(_IDENTITY)]
        for offset, prefixes in _NEIGHBOUR.items():
            if 0 <= index + offset < len(result):
                result[index + offset] = [f for f in result[index + offset]
                                          if not f.startswith(prefixes)]
    return result


def main(argv: list[str]) -> int:
    news_dev = any(arg.startswith("--news-dev") for arg in argv)
    # --news-dev-a: only every other development document (the rest to tune on)
    quarter = 1 if "--news-dev-a" in argv else 3 if "--news-dev-b" in argv else 0
    paths = [arg for arg in argv if not arg.startswith("--")]
    out = Path(paths[0])
    entities.LEARNED = False  # the hints are the rules' names alone
    trainer = pycrfsuite.Trainer(verbose=False)
    count = 0
    sources: list[tuple[Path, bool, int]] = [(Path(p), False, 0) for p in paths[1:]]
    if news_dev:
        sources.append((SAMPLE, True, quarter))
    # --news-weight=N: the news sample's sentences count N times (news is what the tagger reads)
    weight = int(next((a.split("=")[1] for a in argv if a.startswith("--news-weight=")), "1"))
    # --mask: each sentence with names is also trained on with its names' words unnamed
    mask = "--mask" in argv
    for path, skip_even, part in sources:
        documents = read_conll(path) if path.suffix == ".conll" else read(
            path, "", skip_even, part)
        for document in documents:
            for rows, labels in examples(document):
                copy = masked(rows, labels) if mask else None
                for _ in range(weight if path == SAMPLE else 1):
                    trainer.append(rows, labels)
                    count += 1
                    if copy is not None:
                        trainer.append(copy, labels)
                        count += 1
    print(f"{count} sentences", file=sys.stderr)
    c1, c2 = (float(arg.split("=")[1]) if arg else default for arg, default in (
        (next((a for a in argv if a.startswith("--c1=")), ""), 0.05),
        (next((a for a in argv if a.startswith("--c2=")), ""), 0.01)))
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": 150,
                        "feature.possible_transitions": True})
    if out.suffix == ".gz":  # the shipped form: the weights, gzip-compressed
        model = out.with_suffix("")
        trainer.train(str(model))
        out.write_bytes(gzip.compress(model.read_bytes(), compresslevel=9, mtime=0))
        model.unlink()
    else:
        trainer.train(str(out))
    print(f"wrote {out} ({out.stat().st_size} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
