"""Convenience functions for using blocwatch from Python."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from .ingest import doc_id_for, parse_date
from .types import Annotated, Document

__all__ = ["annotate", "default_pipeline"]


@lru_cache(maxsize=1)
def default_pipeline():
    from .pipeline import Pipeline

    return Pipeline()


def annotate(text: str, date: str | dt.date | None = None, title: str = "") -> Annotated:
    """Code one text with the shipped knowledge; ``date`` anchors roles and relative dates."""
    if isinstance(date, str):
        date = parse_date(date)
    doc = Document(doc_id=doc_id_for(text), text=text, date=date, title=title)
    return default_pipeline()(doc)
