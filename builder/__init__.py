"""Timeline builder: news articles in `seeds/` -> dated, hand-editable event pages ->
a browsable MkDocs timeline site."""

__version__ = "0.1.0"
