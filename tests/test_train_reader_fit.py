"""The headline trainer's partial fit (`--fit-only`): new features are weighed against the
shipped model without moving its other weights (bench/train_reader.py)."""

from __future__ import annotations

from bench.train_reader import fit


def test_fit_only_moves_the_free_weights() -> None:
    # Two candidates a page: the first is the headline unless the third feature is set, and
    # the candidates that have it set are never the headline.
    samples = [([[1.0, 0.0, 1.0], [0.5, 0.0, 0.0]], [1]),
               ([[1.0, 0.3, 0.0], [0.2, 0.0, 0.0]], [0])] * 5
    start = [1.0, 0.7, 0.0]
    weights = fit(samples, 3, epochs=200, start=start, free={2})
    assert weights[:2] == start[:2]  # kept as shipped
    assert weights[2] < -0.5  # learnt: the feature marks a line that is not the headline


def test_fit_from_scratch_still_moves_every_weight() -> None:
    samples = [([[1.0, 1.0], [0.9, 0.0]], [1])] * 4
    weights = fit(samples, 2, epochs=100)
    assert weights[1] < 0
