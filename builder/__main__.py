"""`python -m builder` is the `timeline` command."""

from builder.cli import main

main()
