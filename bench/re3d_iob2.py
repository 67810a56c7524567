"""Convert the open parts of re3d (Dstl) to the IOB2 file `timeline eval-entities` reads: a
second news-like measurement set for people, places and organizations, never trained on.

Usage: python bench/re3d_iob2.py RE3D_DIR OUT.iob2
       python bench/re3d_iob2.py --measure OUT.iob2 [--errors]

--measure prints the figures of the rules and the tagger (`timeline eval-entities`) on every
document of the file, as the guideline's gold says and with places that act counted as
places; --errors lists each wrong and missed name (of the second count). It is no training
file: classes of errors may be read, single names are not to be fitted.

RE3D_DIR is a checkout of https://github.com/dstl/re3d (read at commit b061ff06, the
newest in December 2026; `git worktree add` or `git archive` of a mirror will do). The
parts read, and their licences (each part's LICENSE file):

- CENTCOM, US State Department: public domain (US government works);
- UK Government: Open Government Licence v3.0;
- Australian Department of Foreign Affairs: CC BY 3.0 AU;
- Delegation of the European Union to Syria: the EU's legal notice (reuse with
  acknowledgement);
- Wikipedia: CC BY-SA 3.0.

"BBC Online" is CC BY-NC 3.0 and left out. The output is not committed (mixed licences).

re3d tags descriptions as well as names (its schema: "the Army", "rebels", "We", "the
city", "President of the United States" are organizations, places and people). This
project lists names, so the conversion keeps proper names only, by these rules (classes,
never single names):

- types: Location -> LOC, Organisation -> ORG, Person -> PER, every other type -> O; of
  two types for one span, the one of higher confidence;
- leading and trailing lowercase words and leading determiners are cut ("the Government
  of Iraq" -> "Government of Iraq", "city of Mosul" -> "Mosul", "Al-Raqqa province" ->
  "Al-Raqqa"); a span with a lowercase word left inside it other than a connector (of,
  the, and, for, al, bin...) is a description and dropped ("Iraqi security forces");
- a span left with no capitalised word, or only a pronoun, is dropped ("rebels", "We");
- a person loses the titles before the name ("Defense Secretary Ash Carter" -> "Ash
  Carter"); a person that is only a title or a role ("The Foreign Secretary", "Minister
  for the Middle East") is dropped;
- overlapping spans: the kept one of higher confidence, then the longer.

Each line of a document's text is written as one `# text =` line (the evaluator joins them).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

PARTS = ("CENTCOM", "US State Department", "UK Government",
         "Australian Department of Foreign Affairs", "Delegation of the European Union to Syria",
         "Wikipedia")
KINDS = {"Location": "LOC", "Organisation": "ORG", "Person": "PER"}
TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:[-'’&]\w+)*|\S")
DETERMINERS = {"The", "A", "An", "This", "That", "These", "Those", "Its", "Their", "Our",
               "His", "Her"}
CONNECTORS = {"of", "the", "and", "for", "al", "al-", "ad", "as", "bin", "ibn", "de", "du",
              "la", "le", "van", "von", "der", "el", "on", "&", "-", ",", ".", "'s", "’s",
              "’", "'", "(", ")"}
PARTICLES = {"al", "bin", "ibn", "de", "du", "da", "van", "von", "der", "el", "la", "le"}
PRONOUNS = {"I", "We", "He", "She", "It", "They", "You", "Us", "Him", "Me", "Them", "Her",
            "His", "Its", "Our", "Their", "My"}
TITLES = {"President", "Vice", "Prime", "Minister", "Foreign", "Defense", "Defence",
          "Secretary", "Deputy", "Assistant", "Under", "State", "General", "Gen.", "Gen",
          "Maj.", "Maj", "Lt.", "Lt", "Col.", "Col", "Capt.", "Capt", "Sgt.", "Sgt", "Staff",
          "Army", "Air", "Force", "Spc.", "Pfc.", "Adm.", "Cmdr.", "Brig.", "Lieutenant",
          "Colonel", "Major", "Captain", "Sergeant", "Admiral", "Commander", "King", "Queen",
          "Prince", "Princess", "Sheikh", "Emir", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.",
          "Dr", "Dr.", "MR", "MS", "Ambassador", "Senator", "Sen.", "Rep.", "Governor",
          "Mayor", "Chief", "Spokesman", "Spokesperson", "Special", "Envoy", "Chairman",
          "Director", "Commissioner", "High", "Representative", "UN", "U.S.", "US", "UK",
          "British", "American", "Russian", "Iraqi", "Syrian", "Turkish", "Iranian",
          "Saudi", "Australian", "Senior", "Advisor", "Adviser", "Coordinator", "Premier",
          "Pope", "Saint", "St.", "Grand", "Ayatollah", "Caliph", "Marine", "Navy", "Petty",
          "Officer", "Private", "Corporal", "Specialist", "Master", "Brigadier",
          "Office", "Home", "Justice", "Attorney", "Lord", "Baroness", "Sir", "Dame",
          "Crown", "Sultan", "Interior", "Finance", "Energy", "Health"}


PLACE_GENERICS = {"province", "district", "governorate", "region", "area", "city", "town",
                  "village", "neighborhood", "neighbourhood", "county", "state"}
PUNCTUATION = {",", ".", ":", ";", "(", ")", "-", "–", "—", "'", "’", '"', "“", "”"}
_DEMONYMS = frozenset(
    line.strip() for line in (Path(__file__).resolve().parent.parent / "builder" / "extract"
                              / "data" / "demonyms.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#"))
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_ADJECTIVE = re.compile(r"-(?:held|led|controlled|backed|based|run|occupied)$")


def demonym(word: str) -> bool:
    """A people's name or adjective ("Iraqi", "Syrians"): re3d's Nationality, not a name."""
    return word in _DEMONYMS or (word.endswith("s") and word[:-1] in _DEMONYMS)


def capital(token: str) -> bool:
    """A word that begins with a capital letter."""
    return token[:1].isupper()


def clean(tokens: list[str], kind: str) -> tuple[int, int, list[str]] | None:
    """The (start, end, words) of the name inside a span's tokens, or None for a
    description."""
    tokens = [_ADJECTIVE.sub("", _POSSESSIVE.sub("", token)) or token for token in tokens]
    start, end = 0, len(tokens)
    if kind == "PER":  # "Minister for the Middle East, Tobias Ellwood": the name after the role
        for index, token in enumerate(tokens):
            if token == ",":
                start = index + 1
        if any(token.islower() and token not in PARTICLES for token in tokens[start:]):
            return None  # "Minister for the Middle East": a role
    while start < end and (not capital(tokens[start]) or tokens[start] in DETERMINERS
                           or (kind == "PER" and tokens[start] in TITLES)):
        start += 1
    while end > start and (tokens[end - 1] in PUNCTUATION
                           or (tokens[end - 1].lower() in PLACE_GENERICS and kind == "LOC"
                           and tokens[end - 1].islower())):
        end -= 1
    words = tokens[start:end]
    if not words or all(word in PRONOUNS or word.split("'")[0].split("’")[0] in PRONOUNS
                        for word in words):
        return None
    if any(not capital(word) and not word[:1].isdigit() and word.lower() not in CONNECTORS
           and word not in PUNCTUATION and not word.startswith("al-") for word in words):
        return None
    if not any(capital(word) and any(c.isalpha() for c in word) for word in words):
        return None
    if len(words) == 1 and demonym(words[0]):
        return None
    if kind == "PER" and any(word in TITLES for word in words):
        return None  # "The Foreign Secretary": a role, not a name
    return start, end, words


def convert(root: Path) -> list[str]:
    """The IOB2 lines of the open parts of re3d."""
    out: list[str] = []
    for part in PARTS:
        folder = root / part
        documents = [json.loads(line) for line in
                     (folder / "documents.json").read_text(encoding="utf-8-sig").splitlines()
                     if line.strip()]
        entities = [json.loads(line) for line in
                    (folder / "entities.json").read_text(encoding="utf-8-sig").splitlines()
                    if line.strip()]
        for document in sorted(documents, key=lambda d: d["_id"]):
            out.extend(_document(part, document, [e for e in entities
                                                  if e["documentId"] == document["_id"]]))
    return out


def _document(part: str, document: dict[str, object], entities: list[dict[str, object]]
              ) -> list[str]:
    text = str(document["text"])
    tokens = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]
    # best type per span
    best: dict[tuple[int, int], tuple[float, str]] = {}
    for entity in entities:
        begin, end = int(str(entity["begin"])), int(str(entity["end"]))
        confidence = float(str(entity["confidence"]))
        kind = KINDS.get(str(entity["type"]), "O")
        if (begin, end) not in best or confidence > best[(begin, end)][0]:
            best[(begin, end)] = (confidence, kind)
    candidates: list[tuple[float, int, int, int, str]] = []
    words = [token for _, _, token in tokens]  # possessives cut inside kept names
    for (begin, end), (confidence, kind) in best.items():
        if kind == "O":
            continue
        inside = [i for i, (s, e, _) in enumerate(tokens) if s < end and e > begin]
        if not inside:
            continue
        kept = clean([tokens[i][2] for i in inside], kind)
        if kept is None:
            continue
        first, last = inside[0] + kept[0], inside[0] + kept[1]
        candidates.append((confidence, last - first, first, last, kind))
        for offset, word in enumerate(kept[2]):
            words[first + offset] = word
    labels = ["O"] * len(tokens)
    for _, _, first, last, kind in sorted(candidates, key=lambda c: (-c[0], -c[1], c[2])):
        if all(label == "O" for label in labels[first:last]):
            labels[first:last] = [f"B-{kind}"] + [f"I-{kind}"] * (last - first - 1)
    lines = [f"# newdoc id = re3d-{part.replace(' ', '_')}-{document['_id']}"]
    offset = 0
    index = 0
    for line in text.split("\n"):
        line_end = offset + len(line)
        rows = []
        while index < len(tokens) and tokens[index][0] < line_end:
            rows.append(f"{len(rows) + 1}\t{words[index]}\t{labels[index]}")
            index += 1
        if line.strip() and rows:
            # a name never runs across lines: start it again as B- on a new line
            if rows[0].endswith("\tI-" + rows[0].rsplit("-", 1)[-1]):
                number, word, label = rows[0].split("\t")
                rows[0] = f"{number}\t{word}\tB-{label[2:]}"
            lines.append(f"# text = {line.strip()}")
            lines.extend(rows)
            lines.append("")
        offset = line_end + 1
    return lines


def measure(path: Path, errors: bool) -> None:
    """Print the figures on every document of an IOB2 file (and the errors)."""
    from builder import evaluate_entities as ev

    documents = ev.read_iob2(path)
    for line in ev.report(ev.evaluate(documents)):
        print(line)
    print("with places that act counted as places:")
    scores = ev.evaluate(ev.acting_places_as_places(documents))
    for line in ev.report(scores):
        print(line)
    for kind, score in scores.items() if errors else ():
        print(f"{kind}: wrong " + "; ".join(score.wrong))
        print(f"{kind}: missed " + "; ".join(score.missed))


def main(argv: list[str]) -> None:
    if argv[:1] == ["--measure"] and len(argv) >= 2:
        measure(Path(argv[1]), "--errors" in argv)
        return
    if len(argv) != 2:
        sys.exit(__doc__)
    Path(argv[1]).write_text("\n".join(convert(Path(argv[0]))) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
