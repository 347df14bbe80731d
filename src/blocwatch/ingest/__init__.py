"""Readers that turn files, folders and streams into :class:`~blocwatch.types.Document`.

Each reader yields documents lazily. A problem with one document or line is yielded
as an :class:`~blocwatch.errors.InputError` in its place, so one bad line never stops
a batch: the caller decides how to report it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from ..types import Document
from .dates import find_dateline, parse_date
from .tabular import read_csv, read_jsonl
from .text import read_text

__all__ = ["doc_id_for", "find_dateline", "parse_date", "read_inputs"]

READERS = {".txt": read_text, ".text": read_text, ".jsonl": read_jsonl, ".csv": read_csv}
WEB_READERS = {".html": "read_html", ".htm": "read_html", ".xml": "read_feed",
               ".rss": "read_feed", ".atom": "read_feed"}  # need the `web` extra
FOLDER_SUFFIXES = set(READERS) | (set(WEB_READERS) - {".xml"})  # .xml only when named


def _optional_readers() -> dict:
    from . import web

    return {suffix: getattr(web, name) for suffix, name in WEB_READERS.items()}


def doc_id_for(text: str) -> str:
    """A stable id from the content, used when the input gives none."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def read_inputs(
    inputs: Iterable[str], date: dt.date | None = None
) -> Iterator[Document | InputError]:
    """Yield documents (or problems) from paths, directories and ``-`` (JSONL on stdin)."""
    for item in inputs:
        if item == "-":
            yield from read_jsonl(sys.stdin, "<stdin>", date)
            continue
        path = Path(item)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and _readable(p))
            if not files:
                yield InputError(str(path), "no .txt, .jsonl, .csv, .html or feed files found")
            for file in files:
                yield from _read_file(file, date)
        elif path.is_file():
            yield from _read_file(path, date)
        else:
            yield InputError(item, "no such file or directory", "check the path")


def _readable(path: Path) -> bool:
    return path.suffix.lower() in FOLDER_SUFFIXES


def _read_file(path: Path, date: dt.date | None) -> Iterator[Document | InputError]:
    suffix = path.suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        try:
            reader = _optional_readers().get(suffix)
        except ImportError:
            yield InputError(str(path), f"reading {suffix} files needs an extra",
                             "run: pip install 'blocwatch[web]'")
            return
    if reader is None:
        yield InputError(str(path), f"unsupported file type {suffix!r}",
                         "use .txt, .jsonl, .csv, .html or an RSS/Atom feed")
        return
    yield from reader(path, date)
