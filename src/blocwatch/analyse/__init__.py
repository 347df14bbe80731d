"""Alignment analysis: plain functions on sequences of :class:`Interaction`, no SQL, no I/O.

========================  ======================================================
:func:`dyad_series`       per ordered pair and period: events per quad class, score
:func:`alignment`         the alignment index per pair and period, with evidence
:func:`shifts`            change of the index between two windows, bootstrap CI
:func:`sides`             third parties' lean in a conflict pair, per period
:func:`signed_network`    the signed alignment network (a networkx graph)
:func:`networks`          the signed network of each period, with its blocs
:func:`blocs`             signed-community blocs per period, and who moved
:func:`turns`             change points of a pair's series
========================  ======================================================

Every row carries the ids of the events behind it, so each number can be traced back
to its sentences. :func:`~blocwatch.analyse.examples.toy_world` is a four-state world whose
answers are known; the examples in each module use it.
"""

from .blocs import blocs, moved, networks, signed_communities, signed_network
from .series import PERIODS, Interaction, alignment, alignment_index, dyad_series, period_of
from .shifts import bootstrap_interval, shifts, sides
from .turns import turns

__all__ = ["PERIODS", "Interaction", "alignment", "alignment_index", "blocs",
           "bootstrap_interval", "dyad_series", "moved", "networks", "period_of", "shifts",
           "sides", "signed_communities", "signed_network", "turns"]
