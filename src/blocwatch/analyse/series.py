"""Interactions, time buckets, dyadic series and the alignment index.

An :class:`Interaction` is one coded event seen as a directed tie between two actors
(state codes, or organisation ids such as ``EU``). Everything in :mod:`blocwatch.analyse`
works on plain sequences of them, so the functions can be fed from the store, a Parquet
export or a hand-made toy world alike.

The **alignment index** of a pair is its smoothed net cooperation, in both directions:

    A = sum(score) / (10 * (events + 1))

PLOVER scores run from -10 (conflict) to +10 (cooperation), so A lies in (-1, 1). The one
pseudo-event of neutral evidence pulls thin evidence toward zero: a single aid delivery
gives 0.5, five give 0.83. A pair with no events has index 0 *and* an evidence count of 0,
so "no news" stays distinguishable from "neutral".
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import NamedTuple

__all__ = ["PERIODS", "Interaction", "alignment", "alignment_index", "dyad_series",
           "in_window", "pair", "period_of"]

PERIODS = ("day", "week", "month", "quarter", "year")


class Interaction(NamedTuple):
    """One event as a directed tie: ``source`` did something scored ``score`` to ``target``."""

    id: str
    date: dt.date
    source: str
    target: str
    score: float
    quad: int = 0  # PLOVER quad class: 1 verbal coop, 2 material coop, 3 verbal, 4 material conflict


def period_of(date: dt.date, period: str = "month") -> str:
    """The label of the time bucket holding ``date``; labels sort in time order.

    >>> d = dt.date(2020, 11, 4)
    >>> [period_of(d, p) for p in PERIODS]
    ['2020-11-04', '2020-W45', '2020-11', '2020-Q4', '2020']
    """
    if period == "day":
        return date.isoformat()
    if period == "week":
        year, week, _ = date.isocalendar()
        return f"{year}-W{week:02d}"
    if period == "month":
        return f"{date.year}-{date.month:02d}"
    if period == "quarter":
        return f"{date.year}-Q{(date.month - 1) // 3 + 1}"
    if period == "year":
        return str(date.year)
    raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")


def pair(a: str, b: str) -> tuple[str, str]:
    """The undirected pair, in a fixed order."""
    return (a, b) if a <= b else (b, a)


def in_window(items: Iterable[Interaction], start: dt.date | None,
              end: dt.date | None) -> list[Interaction]:
    """Interactions dated inside ``[start, end]`` (either bound may be open)."""
    return [x for x in items
            if (start is None or x.date >= start) and (end is None or x.date <= end)]


def alignment_index(scores: Sequence[float]) -> float:
    """Smoothed net cooperation of a set of event scores, in (-1, 1).

    >>> alignment_index([10.0]), alignment_index([10.0] * 5), alignment_index([])
    (0.5, 0.8333333333333334, 0.0)
    """
    return sum(scores) / (10.0 * (len(scores) + 1))


def dyad_series(items: Iterable[Interaction], period: str = "month") -> list[dict]:
    """Per ordered pair and period: events per quad class and the summed score.

    Parameters
    ----------
    items : iterable of Interaction
    period : {"day", "week", "month", "quarter", "year"}

    Returns
    -------
    list of dict
        ``{period, source, target, events, score, verbal_coop, material_coop,
        verbal_conflict, material_conflict}``, sorted by period, source, target.

    Examples
    --------
    >>> from blocwatch.analyse.examples import toy_world
    >>> dyad_series(toy_world(), "year")[0]
    {'period': '2020', 'source': 'AAA', 'target': 'BBB', 'events': 3, 'score': 22.0, 'verbal_coop': 1, 'material_coop': 2, 'verbal_conflict': 0, 'material_conflict': 0}
    """
    cells: dict[tuple, list[Interaction]] = defaultdict(list)
    for x in items:
        cells[(period_of(x.date, period), x.source, x.target)].append(x)
    rows = []
    for (label, source, target), xs in sorted(cells.items()):
        quads = [sum(1 for x in xs if x.quad == q) for q in (1, 2, 3, 4)]
        rows.append({"period": label, "source": source, "target": target, "events": len(xs),
                     "score": round(sum(x.score for x in xs), 2),
                     **dict(zip(_QUAD_NAMES, quads))})
    return rows


_QUAD_NAMES = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")


def by_pair(items: Iterable[Interaction], period: str | None = None) -> dict[tuple, list]:
    """Group interactions by (period, a, b) with the pair undirected; period None = one bucket."""
    groups: dict[tuple, list[Interaction]] = defaultdict(list)
    for x in items:
        label = period_of(x.date, period) if period else ""
        groups[(label, *pair(x.source, x.target))].append(x)
    return groups


def alignment(items: Iterable[Interaction], period: str | None = "month") -> list[dict]:
    """The alignment index per undirected pair and period, with its evidence.

    Parameters
    ----------
    items : iterable of Interaction
    period : {"day", "week", "month", "quarter", "year"} or None
        The time bucket; None puts everything in one period labelled ``""``.

    Returns
    -------
    list of dict
        ``{period, a, b, index, events, coop, conflict, ids}`` sorted by period and pair
        (``a < b``); ``coop``/``conflict`` count events scored above/below zero and
        ``ids`` are the events behind the row.

    Examples
    --------
    In the toy world AAA and BBB are allies in 2020 and foes in 2021:

    >>> from blocwatch.analyse.examples import toy_world
    >>> rows = alignment(toy_world(), period="year")
    >>> [(r["period"], r["b"], r["index"], r["events"]) for r in rows if r["a"] == "AAA"]
    [('2020', 'BBB', 0.61, 5), ('2020', 'CCC', -0.43, 4), ('2021', 'BBB', -0.43, 4), ('2021', 'CCC', -0.43, 4)]
    """
    rows = []
    for (label, a, b), xs in sorted(by_pair(items, period).items()):
        scores = [x.score for x in xs]
        rows.append({"period": label, "a": a, "b": b,
                     "index": round(alignment_index(scores), 2), "events": len(xs),
                     "coop": sum(1 for s in scores if s > 0),
                     "conflict": sum(1 for s in scores if s < 0),
                     "ids": [x.id for x in xs]})
    return rows
