"""Words that tell English text from text in other languages: read by the key-phrase
suggestions (no suggestion for text in another language) and by the entity tagger (the
learned tagger, trained on English, reads English text only)."""

from __future__ import annotations

#: Very frequent English function words that other languages written in Latin letters do
#: not share (not "was", German for "what", nor "a", "in", "die").
ENGLISH_MARKERS = frozenset("""
the of and to is that with for this are were have has from be by which not they their but
or would been
""".split())
