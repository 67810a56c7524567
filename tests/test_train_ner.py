"""The name tagger's trainer (bench/train_ner.py) reads WNUT-17's kinds as ours: a real
two-column file in a temporary folder, with fictional names."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from train_ner import read_conll

WNUT_STYLE = """\
Dalimar\tB-person
Oskveth\tI-person
left\tO
Velmora\tB-location
for\tO
Ostrakan\tB-corporation
Shipping\tI-corporation
.\tO
\t
the\tO
Kelvane\tB-group
Rovers\tI-group
beat\tO
Tullow\tB-group
with\tO
Brightquay\tB-product
and\tO
Ashen\tB-creative-work
Song\tI-creative-work
"""


def test_wnut_kinds_become_people_places_and_organizations(tmp_path: Path) -> None:
    path = tmp_path / "wnut.conll"
    path.write_text(WNUT_STYLE, encoding="utf-8")
    documents = list(read_conll(path))
    assert len(documents) == 2  # no -DOCSTART-: one sentence a document
    first, second = (document[0][1] for document in documents)
    assert [tag for _, tag in first] == [
        "B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG", "I-ORG", "O"]
    # groups (teams, bands, parties) are organizations; products and works are not names here
    assert [tag for _, tag in second] == [
        "O", "B-ORG", "I-ORG", "O", "B-ORG", "O", "O", "O", "O", "O"]
    assert documents[1][0][0] == "the Kelvane Rovers beat Tullow with Brightquay and Ashen Song"


def test_our_own_kinds_and_misc_read_as_before(tmp_path: Path) -> None:
    path = tmp_path / "wiki.conll"
    path.write_text("-DOCSTART- O\n\nVelmora B-LOC\nFair I-MISC\nOstrakan B-ORG\n",
                    encoding="utf-8")
    (document,) = read_conll(path)
    assert [tag for _, tag in document[0][1]] == ["B-LOC", "O", "B-ORG"]
