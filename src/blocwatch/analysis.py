"""From a coded database to analysis rows: what ``align``, ``shifts``, ``sides``, ``blocs``
and ``turns`` run. Reads the store, picks the countries, calls :mod:`blocwatch.analyse`."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import analyse
from .errors import UsageError
from .knowledge.regions import org_roots, select_nodes
from .store import Store

__all__ = ["Selection", "parse_bound", "parse_window"]

_BOUND = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def parse_bound(text: str | None, end: bool = False, option: str = "--from") -> dt.date | None:
    """A date bound written as YYYY, YYYY-MM or YYYY-MM-DD; an end bound takes the last day.

    >>> parse_bound("2020"), parse_bound("2020-02", end=True), parse_bound("2020-11-04")
    (datetime.date(2020, 1, 1), datetime.date(2020, 2, 29), datetime.date(2020, 11, 4))
    """
    if not text:
        return None
    match = _BOUND.match(text.strip())
    try:
        if not match:
            raise ValueError(text)
        year, month, day = (int(g) if g else None for g in match.groups())
        if month is None:
            return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
        if day is None:
            return dt.date(year, month, calendar.monthrange(year, month)[1] if end else 1)
        return dt.date(year, month, day)
    except ValueError as e:
        raise UsageError(f"{option} {text}: not a date (write YYYY, YYYY-MM or "
                         "YYYY-MM-DD)") from e


def parse_window(text: str, option: str) -> tuple[dt.date | None, dt.date | None]:
    """A window ``FROM..TO`` (either side may be empty: ``..2020``, ``2021..``).

    >>> parse_window("2016..2020", "--before")
    (datetime.date(2016, 1, 1), datetime.date(2020, 12, 31))
    """
    if ".." not in text:
        raise UsageError(f"{option} {text}: write the window as FROM..TO, e.g. 2016..2020")
    start, end = text.split("..", 1)
    return parse_bound(start, False, option), parse_bound(end, True, option)


@dataclass
class Selection:
    """Which events an analysis looks at: a database, a date range and a set of countries."""

    db: str
    start: dt.date | None = None
    end: dt.date | None = None
    nodes: set[str] | None = None
    dictionaries: tuple[str, ...] = ()
    sectors: bool = False  # actors at sector level: AZE/MIL, AZE/GOV
    _items: list | None = field(default=None, repr=False)

    @classmethod
    def from_options(cls, db, start, end, countries, region, dictionaries=(),
                     sectors=False) -> Selection:
        return cls(db, parse_bound(start, False, "--from"), parse_bound(end, True, "--to"),
                   select_nodes(countries, region, tuple(dictionaries)), tuple(dictionaries),
                   sectors)

    def interactions(self) -> list[analyse.Interaction]:
        if self._items is None:
            with Store(self.db, must_exist=True) as store:
                self._items = store.interactions(self.start, self.end, self.nodes,
                                                 org_roots(self.dictionaries), self.sectors)
        return self._items

    def evidence(self, ids: list[str]) -> list[dict]:
        with Store(self.db, must_exist=True) as store:
            return store.evidence(ids)

    # -- the five analyses, as rows ------------------------------------------------------

    def align(self, period: str) -> list[dict]:
        return analyse.alignment(self.interactions(), period)

    def series(self, period: str) -> list[dict]:
        return analyse.dyad_series(self.interactions(), period)

    def shifts(self, before: str | None, after: str | None, min_events: int = 2) -> list[dict]:
        return analyse.shifts(self.interactions(), *self.windows(before, after), min_events)

    def sides(self, a: str, b: str, period: str) -> list[dict]:
        """Third parties' lean in the A-B conflict (A and B as written: AZE, or AZE/MIL)."""
        return analyse.sides(self.interactions(), a.upper(), b.upper(), period)

    def blocs(self, period: str) -> list[dict]:
        return analyse.blocs(self.interactions(), period)

    def write_graphml(self, period: str, folder: Path) -> int:
        """Each period's signed network, with blocs as a node attribute, as GraphML."""
        import networkx as nx

        folder.mkdir(parents=True, exist_ok=True)
        graphs = analyse.networks(self.interactions(), period)
        for label, G in graphs.items():
            del G.graph["blocs"]  # GraphML holds scalars: the blocs are the nodes' "bloc"
            for _, _, d in G.edges(data=True):
                d["ids"] = " ".join(d["ids"])
            nx.write_graphml(G, folder / f"{label}.graphml")
        return len(graphs)

    def turns(self, a: str, b: str, period: str) -> list[dict]:
        return analyse.turns(self.interactions(), a.upper(), b.upper(), period)

    def windows(self, before: str | None, after: str | None) -> tuple:
        """The windows given, or the data's date range cut in two halves."""
        if before and after:
            return parse_window(before, "--before"), parse_window(after, "--after")
        if before or after:
            raise UsageError("give both --before and --after, or neither (then the date "
                             "range is cut in two halves)")
        dates = [x.date for x in self.interactions()]
        if not dates:
            return (None, None), (None, None)
        first, last = min(dates), max(dates)
        middle = first + (last - first) / 2
        return (first, middle), (middle + dt.timedelta(days=1), last)
