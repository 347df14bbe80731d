"""Shifts between two windows, and third parties' sides in a conflict pair.

Both carry bootstrap confidence intervals over events: the events of each window (or each
dyad), together with the index's one neutral pseudo-event, are resampled with replacement,
the statistic is recomputed, and the 2.5th and 97.5th percentiles bound it. Resampling the
pseudo-event too keeps thin evidence honest: one event alone cannot give an interval that
excludes zero. A fixed seed makes every table reproducible.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence

import numpy as np

from .series import Interaction, alignment_index, by_pair, in_window

__all__ = ["bootstrap_interval", "shifts", "sides"]

BOOTSTRAP = 1000
SEED = 20201110

Window = tuple[dt.date | None, dt.date | None]


def _resampled_index(scores: Sequence[float], rng: np.random.Generator, n: int) -> np.ndarray:
    """The alignment index of ``n`` bootstrap resamples of ``scores`` and the pseudo-event."""
    if not scores:
        return np.zeros(n)
    values = np.asarray([*scores, 0.0], dtype=float)
    draws = rng.choice(values, size=(n, len(values)), replace=True)
    return draws.sum(axis=1) / (10.0 * len(values))


def bootstrap_interval(first: Sequence[float], second: Sequence[float],
                       n: int = BOOTSTRAP, seed: int = SEED) -> tuple[float, float]:
    """95% interval of ``index(first) - index(second)`` by resampling each side's events.

    >>> low, high = bootstrap_interval([5.0, 10.0, 2.5], [-3.0, -9.0, -6.0])
    >>> low > 0
    True
    """
    rng = np.random.default_rng(seed)
    diff = _resampled_index(first, rng, n) - _resampled_index(second, rng, n)
    low, high = np.percentile(diff, [2.5, 97.5])
    return round(float(low), 2), round(float(high), 2)


def shifts(items: Iterable[Interaction], before: Window, after: Window,
           min_events: int = 2, n: int = BOOTSTRAP) -> list[dict]:
    """How each pair's alignment changed from the ``before`` window to the ``after`` one.

    Parameters
    ----------
    items : iterable of Interaction
    before, after : (date or None, date or None)
        The two windows, bounds included; None leaves a side open.
    min_events : int
        Events a pair needs in *each* window: a shift compares two measured states
        (``0`` keeps pairs that were silent in one window).
    n : int
        Bootstrap resamples.

    Returns
    -------
    list of dict
        ``{a, b, before, after, delta, ci_low, ci_high, events, events_before,
        events_after, ids}``, sorted by how surely and how much the pair moved: first by
        the distance of the 95% interval from zero, then by the size of the change.
        ``ids`` are the events that moved the pair: the after-window events pulling in
        the direction of the change, then the before-window events it left behind,
        strongest first.

    Examples
    --------
    BBB turns against AAA in 2021; the interval of that shift lies below zero:

    >>> import datetime as dt
    >>> from blocwatch.analyse.examples import toy_world
    >>> rows = shifts(toy_world(), before=(dt.date(2020, 1, 1), dt.date(2020, 12, 31)),
    ...               after=(dt.date(2021, 1, 1), dt.date(2021, 12, 31)))
    >>> [(r["a"], r["b"], r["before"], r["after"], r["delta"]) for r in rows[:2]]
    [('AAA', 'BBB', 0.61, -0.43, -1.04), ('BBB', 'DDD', -0.3, 0.17, 0.47)]
    >>> rows[0]["ci_high"] < 0
    True
    """
    items = list(items)
    early = by_pair(in_window(items, *before))
    late = by_pair(in_window(items, *after))
    rows = []
    for key in set(early) | set(late):
        xs, ys = early.get(key, []), late.get(key, [])
        if min(len(xs), len(ys)) >= min_events:
            rows.append(_shift_row(key[1], key[2], xs, ys, n))
    return sorted(rows, key=_sureness, reverse=True)


def _shift_row(a: str, b: str, xs: list[Interaction], ys: list[Interaction], n: int) -> dict:
    first, second = alignment_index([x.score for x in xs]), alignment_index([y.score for y in ys])
    delta = second - first
    low, high = bootstrap_interval([y.score for y in ys], [x.score for x in xs], n)
    sign = 1 if delta >= 0 else -1
    movers = (sorted((y for y in ys if y.score * sign > 0), key=_strongest)
              + sorted((x for x in xs if x.score * sign < 0), key=_strongest))
    return {"a": a, "b": b, "before": round(first, 2), "after": round(second, 2),
            "delta": round(delta, 2), "ci_low": low, "ci_high": high,
            "events": len(xs) + len(ys), "events_before": len(xs), "events_after": len(ys),
            "ids": [x.id for x in movers]}


def _strongest(x: Interaction) -> tuple:
    return -abs(x.score), x.date


def _sureness(row: dict) -> tuple[float, float]:
    low, high = row["ci_low"], row["ci_high"]
    margin = low if low > 0 else -high if high < 0 else 0.0
    return margin, abs(row["delta"])


def sides(items: Iterable[Interaction], a: str, b: str, period: str = "quarter",
          n: int = BOOTSTRAP) -> list[dict]:
    """Per period, how far each third party leans to ``a`` rather than ``b``.

    Parameters
    ----------
    items : iterable of Interaction
    a, b : str
        The conflict pair.
    period : {"day", "week", "month", "quarter", "year"}
    n : int
        Bootstrap resamples.

    Returns
    -------
    list of dict
        ``{period, third, lean, ci_low, ci_high, events, ids}`` for every third party with
        events toward either side in that period, sorted by period then third party.
        ``lean = A(k, a) - A(k, b)``: above zero the third party k is closer to ``a``.

    Examples
    --------
    In the AAA–CCC quarrel, BBB leaned to AAA in 2020 and to CCC in 2021:

    >>> from blocwatch.analyse.examples import toy_world
    >>> [(r["period"], r["third"], r["lean"]) for r in sides(toy_world(), "AAA", "CCC", "year")]
    [('2020', 'BBB', 0.61), ('2020', 'DDD', -0.44), ('2021', 'BBB', -0.98), ('2021', 'DDD', -0.4)]
    """
    cells: dict[tuple, tuple[list, list]] = defaultdict(lambda: ([], []))
    for (label, x, y), xs in by_pair(items, period).items():
        for side, other in ((a, 0), (b, 1)):
            if side in (x, y) and {x, y} != {a, b}:
                third = y if x == side else x
                cells[(label, third)][other].extend(xs)
    rows = []
    for (label, third), (to_a, to_b) in sorted(cells.items()):
        sa, sb = [x.score for x in to_a], [x.score for x in to_b]
        low, high = bootstrap_interval(sa, sb, n)
        rows.append({"period": label, "third": third,
                     "lean": round(alignment_index(sa) - alignment_index(sb), 2),
                     "ci_low": low, "ci_high": high, "events": len(sa) + len(sb),
                     "ids": [x.id for x in to_a + to_b]})
    return rows
