"""Entity figures by Universal NER's convention and by the timeline's, on each half of the
committed sample:

    python bench/entity_conventions.py

The gold (Universal NER guidelines 2.1.2) calls a place that acts an organization ("Russia
said", "Beijing believes"); a timeline lists it as a place on purpose (one page for every
event about Russia). `evaluate_entities.acting_places_as_places` counts such gold names as
places; both figures are printed, the gold file is unchanged.
"""

from __future__ import annotations

import sys

from builder import evaluate_entities as ev


def main() -> int:
    development, held_out = ev.halves(ev.read_iob2(ev.SAMPLE))
    for label, part in (("development half", development), ("held-out half", held_out)):
        for convention, documents in (
                ("Universal NER (acting places are organizations)", part),
                ("timeline (acting places are places)", ev.acting_places_as_places(part))):
            print(f"{label} ({len(part)} documents), {convention}")
            for line in ev.report(ev.evaluate(documents)):
                print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
