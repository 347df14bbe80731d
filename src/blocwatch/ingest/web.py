"""HTML pages (main text via trafilatura) and RSS/Atom feeds (feedparser). Needs the `web` extra."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import feedparser
import trafilatura

from ..errors import InputError
from ..types import Document
from .dates import find_dateline, parse_date
from .tabular import record_to_document


def read_html(path: Path, date: dt.date | None = None) -> Iterator[Document | InputError]:
    origin = str(path)
    html = path.read_text(encoding="utf-8", errors="replace")
    text = trafilatura.extract(html, include_comments=False) or ""
    if not text.strip():
        yield InputError(origin, "no article text found in the HTML page")
        return
    meta = trafilatura.extract_metadata(html)
    title = (meta.title if meta and meta.title else text.split("\n", 1)[0]).strip()
    doc_date = date
    if doc_date is None and meta and meta.date:
        try:
            doc_date = parse_date(meta.date)
        except ValueError:
            doc_date = None
    body = f"{title}\n\n{text}"
    from . import doc_id_for

    yield Document(doc_id=doc_id_for(body), text=body, date=doc_date or find_dateline(body),
                   title=title, url=(meta.url if meta else "") or "", origin=origin)


def read_feed(path: Path, date: dt.date | None = None) -> Iterator[Document | InputError]:
    feed = feedparser.parse(str(path))
    if feed.bozo and not feed.entries:
        yield InputError(str(path), f"not a readable RSS/Atom feed ({feed.bozo_exception})")
        return
    for number, entry in enumerate(feed.entries, start=1):
        summary = trafilatura.extract(entry.get("summary", "")) or entry.get("summary", "")
        title = entry.get("title", "")
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        record = {
            "id": entry.get("id") or entry.get("link"),
            "text": f"{title}\n\n{summary}" if summary else "",
            "date": dt.date(*published[:3]).isoformat() if published else None,
            "title": title,
            "url": entry.get("link", ""),
            "source": feed.feed.get("title", ""),
        }
        yield record_to_document(record, f"{path}#entry{number}", date)
