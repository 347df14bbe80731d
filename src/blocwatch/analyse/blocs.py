"""Signed alignment networks, blocs by signed community detection, and who moved.

The network of a period has an edge for every pair with evidence, weighted by the pair's
alignment index: positive edges are friends, negative ones foes. Blocs maximise *signed
modularity* (Gómez, Jensen & Arenas 2009): more positive weight inside blocs and more
negative weight between them than chance would give, by local moves of one node at a
time from singletons until no move helps (the first phase of Louvain). networkx has no
signed community detection; the graphs here have tens of nodes, so this stays small.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import networkx as nx
import numpy as np

from .series import Interaction, alignment, period_of

__all__ = ["blocs", "moved", "networks", "signed_communities", "signed_network"]

NEUTRAL = 0.05  # |index| below this is no tie either way


def signed_network(items: Iterable[Interaction], min_events: int = 1) -> nx.Graph:
    """An undirected graph: edge ``weight`` = alignment index, with ``events`` and ``ids``.

    >>> from blocwatch.analyse.examples import toy_world
    >>> G = signed_network(toy_world())
    >>> round(G["AAA"]["CCC"]["weight"], 2), G["AAA"]["CCC"]["events"]
    (-0.48, 8)
    """
    G = nx.Graph()
    for row in alignment(items, period=None):
        if row["events"] >= min_events:
            G.add_edge(row["a"], row["b"], weight=row["index"], events=row["events"],
                       ids=row["ids"])
    return G


def signed_communities(G: nx.Graph, neutral: float = NEUTRAL) -> list[set[str]]:
    """Blocs of ``G`` by signed modularity, largest first (ties broken by name)."""
    nodes = sorted(G)
    if not nodes:
        return []
    B = _signed_modularity_matrix(G, nodes, neutral)
    labels = list(range(len(nodes)))
    while _improve(B, labels):
        pass
    groups: dict[int, set[str]] = defaultdict(set)
    for node, label in zip(nodes, labels):
        groups[label].add(node)
    return sorted(groups.values(), key=lambda g: (-len(g), sorted(g)))


def _signed_modularity_matrix(G: nx.Graph, nodes: list[str], neutral: float) -> np.ndarray:
    W = nx.to_numpy_array(G, nodelist=nodes, weight="weight")
    W[np.abs(W) < neutral] = 0.0
    B = np.zeros_like(W)
    for part, sign in ((np.clip(W, 0, None), 1.0), (np.clip(-W, 0, None), -1.0)):
        k = part.sum(axis=1)
        if k.sum() > 0:
            B += sign * (part - np.outer(k, k) / k.sum())
    return B


def _improve(B: np.ndarray, labels: list[int]) -> bool:
    """One sweep of single-node moves; True if any node changed bloc."""
    changed = False
    for i in range(len(labels)):
        gains = defaultdict(float)
        for j, label in enumerate(labels):
            if j != i:
                gains[label] += B[i, j]
        here = gains.get(labels[i], 0.0)
        best = max(gains.items(), key=lambda kv: (kv[1], -kv[0]), default=(labels[i], here))
        alone = 0.0  # a bloc of its own
        if best[1] > max(here, alone) + 1e-9 and best[0] != labels[i]:
            labels[i], changed = best[0], True
        elif here < alone - 1e-9 and labels.count(labels[i]) > 1:
            labels[i], changed = max(labels) + 1, True
    return changed


def moved(previous: list[set[str]], current: list[set[str]]) -> list[dict]:
    """Members that changed bloc between two periods.

    Each current bloc continues the previous bloc it shares most members with; a node has
    moved when its bloc now continues a different one than it was in. Only nodes present
    in both periods count, so a state that merely fell silent has not moved.

    >>> moved([{"A", "B"}, {"C", "D"}], [{"A"}, {"B", "C", "D"}])
    [{'code': 'B', 'from': ['A', 'B'], 'to': ['B', 'C', 'D']}]
    """
    both = set().union(*previous) & set().union(*current)
    before = {n: g for g in previous for n in g}
    out = []
    for group in current:
        origin = _predecessor(group & both, previous)
        for node in sorted(group & both):
            if before[node] is not origin:
                out.append({"code": node, "from": sorted(before[node]), "to": sorted(group)})
    return sorted(out, key=lambda m: m["code"])


def _predecessor(group: set[str], previous: list[set[str]]) -> set[str] | None:
    best = max(previous, key=lambda g: (len(g & group), len(g), sorted(g)), default=None)
    return best if best is not None and best & group else None


def blocs(items: Iterable[Interaction], period: str = "year", min_events: int = 1) -> list[dict]:
    """Blocs per period by signed community detection, and who moved between them.

    Parameters
    ----------
    items : iterable of Interaction
    period : {"day", "week", "month", "quarter", "year"}
    min_events : int
        Events a pair needs in a period to be a tie of that period's network.

    Returns
    -------
    list of dict
        ``{period, blocs, moved}`` per period with events: ``blocs`` are lists of codes,
        largest first; ``moved`` are ``{code, from, to}`` for members that changed bloc
        since the previous period with evidence.

    Examples
    --------
    BBB changes sides in 2021:

    >>> from blocwatch.analyse.examples import toy_world
    >>> [(r["period"], r["blocs"], r["moved"]) for r in blocs(toy_world(), "year")]
    [('2020', [['AAA', 'BBB'], ['CCC', 'DDD']], []), ('2021', [['BBB', 'CCC', 'DDD'], ['AAA']], [{'code': 'BBB', 'from': ['AAA', 'BBB'], 'to': ['BBB', 'CCC', 'DDD']}])]
    """
    rows, previous = [], []
    for label, G in networks(items, period, min_events).items():
        current = G.graph["blocs"]
        rows.append({"period": label, "blocs": [sorted(g) for g in current],
                     "moved": moved(previous, current)})
        previous = current
    return rows


def networks(items: Iterable[Interaction], period: str = "year",
             min_events: int = 1) -> dict[str, nx.Graph]:
    """The signed network of each period with evidence, in time order; each graph carries
    its blocs (``G.graph["blocs"]``, largest first) and each node its ``bloc`` number.

    >>> from blocwatch.analyse.examples import toy_world
    >>> G = networks(toy_world(), "year")["2021"]
    >>> G.nodes["BBB"]["bloc"] == G.nodes["CCC"]["bloc"] != G.nodes["AAA"]["bloc"]
    True
    """
    by_period: dict[str, list[Interaction]] = defaultdict(list)
    for x in items:
        by_period[period_of(x.date, period)].append(x)
    out = {}
    for label in sorted(by_period):
        G = signed_network(by_period[label], min_events)
        G.graph["blocs"] = signed_communities(G)
        for n, group in enumerate(G.graph["blocs"], start=1):
            for code in group:
                G.nodes[code]["bloc"] = n
        out[label] = G
    return out
