"""Plotly figures for the report: network, shifts, sides, dyad series.

Each function takes analysis rows and returns a ``plotly.graph_objects.Figure``; colours
read the same everywhere: green for cooperation, red for conflict, grey for thin evidence.
"""

from __future__ import annotations

import networkx as nx
import plotly.graph_objects as go

__all__ = ["network_figure", "series_figure", "shifts_figure", "sides_figure"]

GREEN, RED, GREY = "#1a9850", "#d73027", "#9e9e9e"
PALETTE = ["#4575b4", "#f46d43", "#66bd63", "#9e4fa5", "#fdae61", "#35978f", "#c51b7d",
           "#8c510a", "#5e3c99", "#7f7f7f"]
_LAYOUT = dict(template="plotly_white", margin=dict(l=60, r=20, t=50, b=50),
               font=dict(family="DejaVu Sans, Arial, sans-serif", size=13))


def network_figure(G: nx.Graph, blocs: list[list[str]], title: str) -> go.Figure:
    """Nodes placed by bloc and friendship, coloured by bloc; edges green (+) or red (-)."""
    pos = _layout(G, blocs)
    fig = go.Figure()
    for a, b, d in G.edges(data=True):
        w = d["weight"]
        fig.add_trace(go.Scatter(
            x=[pos[a][0], pos[b][0]], y=[pos[a][1], pos[b][1]], mode="lines",
            line=dict(color=GREEN if w > 0 else RED, width=1 + 6 * abs(w),
                      dash="solid" if d["events"] > 1 else "dot"),
            hoverinfo="text", text=f"{a}–{b}: index {w:+.2f}, {d['events']} events",
            showlegend=False))
    bloc_of = {code: n for n, group in enumerate(blocs) for code in group}
    nodes = sorted(G)
    fig.add_trace(go.Scatter(
        x=[pos[n][0] for n in nodes], y=[pos[n][1] for n in nodes], mode="markers+text",
        text=nodes, textposition="top center", hoverinfo="text",
        hovertext=[f"{n}: bloc {bloc_of.get(n, 0) + 1}" for n in nodes],
        marker=dict(size=18, line=dict(width=1, color="#333"),
                    color=[PALETTE[bloc_of.get(n, 0) % len(PALETTE)] for n in nodes]),
        showlegend=False))
    fig.update_layout(title=title, height=560, **_LAYOUT)
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig


def _layout(G: nx.Graph, blocs: list[list[str]]) -> dict:
    """Each bloc starts around its own point on a circle; friendships and bloc ties pull."""
    import math

    pull = nx.Graph()
    pull.add_nodes_from(G)
    pull.add_edges_from((a, b, {"weight": d["weight"]}) for a, b, d in G.edges(data=True)
                        if d["weight"] > 0)
    start = {}
    for n, group in enumerate(blocs):
        angle = 2 * math.pi * n / max(len(blocs), 1)
        for m, code in enumerate(group):
            start[code] = (math.cos(angle) + 0.05 * m, math.sin(angle) - 0.05 * m)
            for other in group[:m]:
                if not pull.has_edge(code, other):
                    pull.add_edge(code, other, weight=0.3)
    return nx.spring_layout(pull, pos=start, seed=7, weight="weight", iterations=30,
                            k=1.5 / max(len(G), 1) ** 0.5)


def shifts_figure(rows: list[dict], title: str) -> go.Figure:
    """The change of each pair's index, with its 95% interval; surest at the top."""
    rows = list(reversed(rows))
    fig = go.Figure(go.Bar(
        x=[r["delta"] for r in rows], y=[f"{r['a']}–{r['b']}" for r in rows], orientation="h",
        marker_color=[GREEN if r["delta"] > 0 else RED for r in rows],
        error_x=dict(type="data", symmetric=False,
                     array=[r["ci_high"] - r["delta"] for r in rows],
                     arrayminus=[r["delta"] - r["ci_low"] for r in rows], color="#333"),
        hovertext=[f"{r['before']:+.2f} → {r['after']:+.2f}, {r['events']} events"
                   for r in rows], hoverinfo="text+y"))
    fig.update_layout(title=title, height=120 + 34 * len(rows),
                      xaxis_title="change of the alignment index (after − before)", **_LAYOUT)
    fig.add_vline(x=0, line_color="#333")
    return fig


def sides_figure(rows: list[dict], a: str, b: str, thirds: list[str]) -> go.Figure:
    """Each third party's lean per period: above zero toward ``a``, below toward ``b``."""
    fig = go.Figure()
    for n, third in enumerate(thirds):
        mine = [r for r in rows if r["third"] == third]
        fig.add_trace(go.Scatter(
            x=[r["period"] for r in mine], y=[r["lean"] for r in mine], name=third,
            mode="lines+markers", line=dict(color=PALETTE[n % len(PALETTE)], width=3),
            marker=dict(size=[6 + 2 * min(r["events"], 8) for r in mine]),
            error_y=dict(type="data", symmetric=False,
                         array=[r["ci_high"] - r["lean"] for r in mine],
                         arrayminus=[r["lean"] - r["ci_low"] for r in mine], thickness=1)))
    fig.add_hline(y=0, line_color="#333")
    fig.update_layout(title=f"Who sides with whom: {a} (up) vs {b} (down)", height=420,
                      yaxis_title=f"lean toward {a}", xaxis=_periods_axis(rows), **_LAYOUT)
    return fig


def series_figure(rows: list[dict], pairs: list[tuple[str, str]], title: str) -> go.Figure:
    """The alignment index of a few pairs over time; marker size shows evidence."""
    fig = go.Figure()
    for n, (a, b) in enumerate(pairs):
        mine = [r for r in rows if (r["a"], r["b"]) == (a, b)]
        fig.add_trace(go.Scatter(
            x=[r["period"] for r in mine], y=[r["index"] for r in mine], name=f"{a}–{b}",
            mode="lines+markers", line=dict(color=PALETTE[n % len(PALETTE)], width=3),
            marker=dict(size=[6 + 2 * min(r["events"], 8) for r in mine]),
            hovertext=[f"{r['events']} events ({r['coop']} coop, {r['conflict']} conflict)"
                       for r in mine]))
    fig.add_hline(y=0, line_color="#333")
    fig.update_layout(title=title, height=420, yaxis_title="alignment index",
                      yaxis_range=[-1, 1], xaxis=_periods_axis(rows), **_LAYOUT)
    return fig


def _periods_axis(rows: list[dict]) -> dict:
    """A category axis in time order (plotly would order categories by first sight)."""
    return dict(type="category", categoryorder="array",
                categoryarray=sorted({r["period"] for r in rows}))
