"""Corpora as JSON Lines or CSV with the fields ``id, text, date, title, url, source``."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from ..errors import InputError
from ..types import Document
from .dates import find_dateline, parse_date

FIELDS = ("id", "text", "date", "title", "url", "source")


def record_to_document(
    record: Mapping[str, Any], origin: str, date: dt.date | None
) -> Document | InputError:
    """Validate one record; a problem comes back as an InputError naming ``origin``."""
    if not isinstance(record, Mapping):
        return InputError(origin, "expected a JSON object with a 'text' field")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return InputError(origin, "the document has no text", "give it a non-empty 'text'")
    doc_date = date
    raw_date = record.get("date")
    if doc_date is None and raw_date not in (None, ""):
        try:
            doc_date = parse_date(str(raw_date))
        except ValueError as e:
            return InputError(origin, str(e))
    if doc_date is None:
        doc_date = find_dateline(text)
    from . import doc_id_for

    return Document(
        doc_id=str(record.get("id") or doc_id_for(text)),
        text=text,
        date=doc_date,
        title=str(record.get("title") or ""),
        url=str(record.get("url") or ""),
        source=str(record.get("source") or ""),
        origin=origin,
    )


def read_jsonl(
    source: Path | IO[str], name: str | None = None, date: dt.date | None = None
) -> Iterator[Document | InputError]:
    """One document per line; a bad line is reported with its number and skipped."""
    label = name or str(source)
    try:
        lines = _raw_lines(source) if isinstance(source, Path) else enumerate(source, start=1)
        for number, line in lines:
            origin = f"{label}:{number}"
            if isinstance(line, bytes):
                try:
                    line = line.decode("utf-8-sig" if number == 1 else "utf-8")
                except UnicodeDecodeError:
                    yield InputError(origin, "not valid UTF-8", "re-save the file as UTF-8")
                    continue
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as e:
                yield InputError(origin, f"malformed JSON ({e.msg})", "fix or remove that line")
                continue
            yield record_to_document(record, origin, date)
    except OSError as e:
        yield InputError(label, f"cannot read: {e.strerror}")


def _raw_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    with path.open("rb") as handle:
        yield from enumerate(handle, start=1)


def read_csv(path: Path, date: dt.date | None = None) -> Iterator[Document | InputError]:
    label = str(path)
    try:
        text = "".join(_open_lines(path, label))
    except InputError as e:
        yield e
        return
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "text" not in reader.fieldnames:
        yield InputError(f"{label}:1", "CSV header has no 'text' column",
                         f"use the columns {', '.join(FIELDS)}")
        return
    for row in reader:
        origin = f"{label}:{reader.line_num}"
        if None in row:
            yield InputError(origin, "row has more fields than the header", "quote the text")
            continue
        yield record_to_document(row, origin, date)


def _open_lines(path: Path, label: str) -> Iterator[str]:
    from .text import decode

    try:
        raw = path.read_bytes()
    except OSError as e:
        raise InputError(label, f"cannot read: {e.strerror}") from e
    yield from decode(raw, label).splitlines(keepends=True)
