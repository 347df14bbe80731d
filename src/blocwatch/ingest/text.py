"""Plain-text articles: first line is the title; the date comes from --date, a sidecar or a dateline."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..types import Document
from .dates import find_dateline, parse_date


def decode(raw: bytes, origin: str) -> str:
    """Decode UTF-8 (with or without BOM); fall back to cp1252 only when that is clean."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(
            origin, f"not valid UTF-8 (byte {e.start})", "re-save the file as UTF-8"
        ) from e


def read_text(path: Path, date: dt.date | None = None) -> Iterator[Document | InputError]:
    origin = str(path)
    try:
        text = decode(path.read_bytes(), origin)
    except InputError as e:
        yield e
        return
    except OSError as e:
        yield InputError(origin, f"cannot read: {e.strerror}")
        return
    if not text.strip():
        yield InputError(origin, "the document is empty", "remove it or add text")
        return
    meta = {}
    sidecar = path.with_suffix(".json")
    if sidecar.is_file():
        try:
            meta = json.loads(sidecar.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as e:
            yield InputError(str(sidecar), f"sidecar is not valid JSON: {e}")
            return
    title = meta.get("title") or text.lstrip().split("\n", 1)[0].strip()
    doc_date = date
    if doc_date is None and meta.get("date"):
        try:
            doc_date = parse_date(str(meta["date"]))
        except ValueError as e:
            yield InputError(str(sidecar), str(e))
            return
    if doc_date is None:
        doc_date = find_dateline(text)
    from . import doc_id_for

    yield Document(
        doc_id=str(meta.get("id") or doc_id_for(text)),
        text=text,
        date=doc_date,
        title=title,
        url=str(meta.get("url") or ""),
        source=str(meta.get("source") or ""),
        origin=origin,
    )
