"""blocwatch: explainable event data from news, and who is moving toward whom.

>>> import blocwatch
>>> ann = blocwatch.annotate("Russia condemned Ukraine on Monday.", date="2022-03-07")
>>> [(e.event, e.actor[0].code, e.recipient[0].code, str(e.date)) for e in ann.events]
[('ACCUSE', 'RUS', 'UKR', '2022-03-07')]

Heavy modules (spaCy, DuckDB) load on first use, so ``import blocwatch`` is cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Annotated",
    "BlocwatchError",
    "Document",
    "Event",
    "Mention",
    "Pipeline",
    "Quote",
    "Sentence",
    "__version__",
    "annotate",
    "load_knowledge",
]

_LAZY = {
    "Actor": "types", "Annotated": "types", "Document": "types", "Event": "types",
    "Mention": "types", "Quote": "types", "Sentence": "types",
    "BlocwatchError": "errors", "Pipeline": "pipeline", "load_knowledge": "knowledge",
    "annotate": "api",
}

if TYPE_CHECKING:  # pragma: no cover
    from .api import annotate
    from .errors import BlocwatchError
    from .knowledge import load_knowledge
    from .pipeline import Pipeline
    from .types import Actor, Annotated, Document, Event, Mention, Quote, Sentence


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'blocwatch' has no attribute {name!r}")
