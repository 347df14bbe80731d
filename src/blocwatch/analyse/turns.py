"""Turning points in a pair's relations: change points of its dyadic series.

Binary segmentation over the pair's events in date order: the best place to cut is the
period boundary where the mean event score before and after differ most (Welch's t), and
a cut is kept when that t is at least ``threshold`` with ``min_side`` events on each side.
Each kept segment is searched again. The series are short (tens of periods, hundreds of
events), so this exact search is cheap; it avoids pulling in SciPy for one test.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from .series import Interaction, alignment_index, pair, period_of

__all__ = ["turns"]

MIN_VARIANCE = 1.0  # score units squared: keeps t finite when a side's events all agree


def turns(items: Iterable[Interaction], a: str, b: str, period: str = "month",
          threshold: float = 3.0, min_side: int = 3, around: int = 3) -> list[dict]:
    """Change points of the a–b series, in time order.

    Parameters
    ----------
    items : iterable of Interaction
    a, b : str
        The pair.
    period : {"day", "week", "month", "quarter", "year"}
        Cuts fall only between periods.
    threshold : float
        The Welch t a cut needs.
    min_side : int
        Events needed on each side of a cut.
    around : int
        Events listed on each side of a turn.

    Returns
    -------
    list of dict
        ``{period, before, after, delta, t, events, ids}``: ``period`` is the first period
        after the turn, ``before``/``after`` the alignment index of the segments either
        side, ``ids`` the first ``around`` events after the turn, then the last ``around``
        before it.

    Examples
    --------
    >>> from blocwatch.analyse.examples import toy_world
    >>> [(t["period"], t["before"], t["after"]) for t in turns(toy_world(), "AAA", "BBB", "month")]
    [('2021-01', 0.61, -0.43)]
    """
    key = pair(a, b)
    xs = sorted((x for x in items if pair(x.source, x.target) == key), key=lambda x: x.date)
    labels = [period_of(x.date, period) for x in xs]
    cuts = sorted(_segment(xs, labels, 0, len(xs), threshold, min_side))
    bounds = [0, *cuts, len(xs)]
    rows = []
    for n, cut in enumerate(cuts, start=1):
        left, right = xs[bounds[n - 1]:cut], xs[cut:bounds[n + 1]]
        rows.append(_turn_row(labels[cut], left, right, around))
    return rows


def _segment(xs: Sequence[Interaction], labels: list[str], lo: int, hi: int,
             threshold: float, min_side: int) -> list[int]:
    best, best_t = None, threshold
    for cut in range(lo + min_side, hi - min_side + 1):
        if labels[cut] == labels[cut - 1]:
            continue  # cut only between periods
        t = _welch([x.score for x in xs[lo:cut]], [x.score for x in xs[cut:hi]])
        if abs(t) >= best_t:
            best, best_t = cut, abs(t)
    if best is None:
        return []
    return [*_segment(xs, labels, lo, best, threshold, min_side), best,
            *_segment(xs, labels, best, hi, threshold, min_side)]


def _welch(left: Sequence[float], right: Sequence[float]) -> float:
    def mean_var(values):
        mean = sum(values) / len(values)
        var = sum((v - mean) ** 2 for v in values) / max(len(values) - 1, 1)
        return mean, max(var, MIN_VARIANCE)

    (m1, v1), (m2, v2) = mean_var(left), mean_var(right)
    return (m2 - m1) / math.sqrt(v1 / len(left) + v2 / len(right))


def _turn_row(label: str, left: list[Interaction], right: list[Interaction],
              around: int) -> dict:
    before = alignment_index([x.score for x in left])
    after = alignment_index([x.score for x in right])
    return {"period": label, "before": round(before, 2), "after": round(after, 2),
            "delta": round(after - before, 2),
            "t": round(_welch([x.score for x in left], [x.score for x in right]), 1),
            "events": len(left) + len(right),
            "ids": [x.id for x in right[:around] + left[-around:]]}
