"""``blocwatch report``: one self-contained, offline HTML file.

The alignment network of the latest year, the biggest shifts, the sides third parties take
in the main conflict pairs, and the series of the busiest pairs, each followed by the
events behind it with their sentences. Plotly's JavaScript comes from the installed
``plotly`` package and is written into the file, so it opens with no network.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections import Counter, defaultdict
from pathlib import Path

from .. import __version__, analyse
from ..analysis import Selection
from ..store import Store
from . import charts

__all__ = ["build_report", "write_report"]

EVIDENCE_PER_GROUP = 40
TEMPLATE = Path(__file__).with_name("template.html")


def write_report(sel: Selection, path: str | Path, before=None, after=None,
                 conflicts: list[tuple[str, str]] | None = None,
                 period: str = "quarter") -> dict:
    """Write the report to ``path``; returns a short summary of what is in it.

    ``conflicts`` are the pairs whose sides are charted; by default the two pairs with
    the most conflict in the selection.
    """
    page, summary = build_report(sel, before, after, conflicts, period)
    Path(path).write_text(page, encoding="utf-8")
    return summary


def build_report(sel: Selection, before=None, after=None,
                 conflicts: list[tuple[str, str]] | None = None,
                 period: str = "quarter") -> tuple[str, dict]:
    items = sel.interactions()
    sections = [s for s in (_network(items), _shifts(sel, before, after),
                            *_sides(items, conflicts or _conflict_pairs(items), period),
                            _series(items, period)) if s]
    evidence = _evidence(sel, sections)
    from jinja2 import Environment

    env = Environment(autoescape=True)
    env.filters["mark"] = _mark
    page = env.from_string(TEMPLATE.read_text(encoding="utf-8")).render(
        title="blocwatch report", generated=dt.date.today().isoformat(), version=__version__,
        selection=_describe(sel, items), runs=_runs(sel), sections=sections,
        evidence=evidence, plotly_js=_plotly_js())
    return page, {"sections": [s["title"] for s in sections], "events": len(items)}


def _network(items) -> dict | None:
    if not items:
        return None
    year = max(x.date for x in items).year
    latest = [x for x in items if x.date.year == year]
    G = analyse.signed_network(latest)
    groups = [sorted(g) for g in analyse.signed_communities(G)]
    fig = charts.network_figure(G, groups, f"Alignment network, {year}: green = cooperation, "
                                           "red = conflict, colour = bloc")
    pairs = sorted(G.edges(data=True), key=lambda e: -e[2]["events"])
    return _section("network", f"Who is with whom in {year}", fig,
                    "Blocs: " + "; ".join(" ".join(g) for g in groups),
                    [(f"{a}–{b}: index {d['weight']:+.2f}", d["ids"]) for a, b, d in pairs])


def _shifts(sel: Selection, before, after) -> dict | None:
    rows = [r for r in sel.shifts(before, after) if r["ci_low"] > 0 or r["ci_high"] < 0][:12]
    if not rows:
        return None
    windows = sel.windows(before, after)
    label = " vs ".join(f"{_day(w[0])}..{_day(w[1])}" for w in windows)
    fig = charts.shifts_figure(rows, f"Biggest sure shifts, {label} (95% bootstrap intervals)")
    return _section("shifts", "Who moved toward whom", fig,
                    "Pairs whose alignment index changed between the two windows, with "
                    "intervals that exclude zero, surest first.",
                    [(f"{r['a']}–{r['b']}: {r['before']:+.2f} → {r['after']:+.2f}", r["ids"])
                     for r in rows])


def _sides(items, conflicts: list[tuple[str, str]], period: str) -> list[dict]:
    out = []
    for a, b in conflicts:
        rows = analyse.sides(items, a, b, period)
        weight = Counter()
        for r in rows:
            weight[r["third"]] += r["events"]
        thirds = [t for t, _ in weight.most_common(5)]
        groups = defaultdict(list)
        for r in rows:
            if r["third"] in thirds:
                groups[r["third"]].extend(r["ids"])
        out.append(_section(f"sides-{a}-{b}", f"Sides in {a}–{b}",
                            charts.sides_figure(rows, a, b, thirds),
                            f"Lean = A(k,{a}) − A(k,{b}) per {period}; marker size is "
                            "evidence, bars are 95% intervals.",
                            [(f"{t}", groups[t]) for t in thirds]))
    return out


def _conflict_pairs(items, top: int = 2) -> list[tuple[str, str]]:
    """The pairs with the most conflict (most negative summed score, three events or more)."""
    totals: dict[tuple, list[float]] = defaultdict(list)
    for x in items:
        totals[tuple(sorted((x.source, x.target)))].append(x.score)
    ranked = sorted((sum(s), k) for k, s in totals.items() if len(s) >= 3 and sum(s) < 0)
    return [k for _, k in ranked[:top]]


def _series(items, period: str) -> dict | None:
    rows = analyse.alignment(items, period)
    busiest = Counter()
    for r in rows:
        busiest[(r["a"], r["b"])] += r["events"]
    pairs = [p for p, _ in busiest.most_common(6)]
    if not pairs:
        return None
    fig = charts.series_figure(rows, pairs, f"Alignment index per {period}, busiest pairs")
    ids = defaultdict(list)
    for r in rows:
        ids[(r["a"], r["b"])].extend(r["ids"])
    return _section("series", "How the busiest relationships evolved", fig,
                    f"Each {period} with events is a point; marker size shows evidence.",
                    [(f"{a}–{b}", ids[(a, b)]) for a, b in pairs])


def _section(key: str, title: str, fig, note: str, groups: list[tuple[str, list]]) -> dict:
    return {"key": key, "title": title, "note": note, "groups": groups,
            "figure": fig.to_html(full_html=False, include_plotlyjs=False, div_id=key,
                                  config={"displaylogo": False, "responsive": True})}


def _evidence(sel: Selection, sections: list[dict]) -> dict[str, dict]:
    wanted = {i for s in sections for _, ids in s["groups"] for i in ids[:EVIDENCE_PER_GROUP]}
    rows = sel.evidence(sorted(wanted))
    for row in rows:
        row["actors"] = _codes(row["actors"])
        row["recipients"] = _codes(row["recipients"])
    return {row["event_id"]: row for row in rows}


def _codes(value: str) -> str:
    return ", ".join(a.get("org") or a.get("code") or a.get("text", "?")
                     for a in json.loads(value)) or "–"


def _mark(row: dict):
    """The sentence with its trigger highlighted (HTML-escaped)."""
    from markupsafe import Markup

    text, at, trigger = row["sentence"], row["trigger_at"], row["trigger_text"]
    if at is None or at < 0 or text[at:at + len(trigger)] != trigger:
        return Markup(html.escape(text))
    return Markup(html.escape(text[:at]) + "<mark>" + html.escape(trigger) + "</mark>"
                  + html.escape(text[at + len(trigger):]))


def _describe(sel: Selection, items) -> str:
    dates = [x.date for x in items]
    first, last = sel.start or min(dates, default=None), sel.end or max(dates, default=None)
    span = f"{_day(first)} to {_day(last)}"
    who = ", ".join(sorted(sel.nodes)) if sel.nodes else "all actors"
    return f"{len(items)} ties between {who}, {span}"


def _runs(sel: Selection) -> list[dict]:
    with Store(sel.db, must_exist=True) as store:
        return store.runs()


def _day(value) -> str:
    return value.isoformat() if value else "…"


def _plotly_js() -> str:
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()
