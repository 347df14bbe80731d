"""Event dates: expressions in the sentence ("on November 3", "on Tuesday", "yesterday")
resolved against the document date. Events without one take the date of their quotation's
attribution, else the document date."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from dateutil import parser as date_parser
from dateutil.relativedelta import relativedelta

from .types import Annotated, Event

__all__ = ["DateResolver", "resolve_expression"]

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_EXPRESSION = re.compile(
    rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:\s*,?\s+\d{{4}})?"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:\s*,?\s+\d{{4}})?"
    r"|(?:last|this|next)\s+(?:week|month|year)"
    r"|yesterday|today|tonight|tomorrow"
    r"|(?:on|last|this|next)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b",
)


def resolve_expression(text: str, anchor: dt.date) -> dt.date | None:
    """Resolve one date expression against the document date ``anchor``."""
    low = text.lower()
    relative = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
    if low in relative:
        return anchor + dt.timedelta(days=relative[low])
    word = low.split()[-1]
    if word in _WEEKDAYS:
        back = (anchor.weekday() - _WEEKDAYS.index(word)) % 7
        if low.startswith("next"):
            return anchor + dt.timedelta(days=(_WEEKDAYS.index(word) - anchor.weekday()) % 7 or 7)
        return anchor - dt.timedelta(days=back)
    if word in {"week", "month", "year"}:
        step = {"last": -1, "this": 0, "next": 1}[low.split()[0]]
        return anchor + relativedelta(**{f"{word}s": step})
    try:
        parsed = date_parser.parse(text, default=dt.datetime(anchor.year, anchor.month, 1))
    except (ValueError, OverflowError):
        return None
    date = parsed.date()
    if not re.search(r"\d{4}", text) and date > anchor + dt.timedelta(days=2):
        date = date.replace(year=date.year - 1)
    return date


class DateResolver:
    """Pipeline stage. Requires events and quotes; sets each event's ``date``."""

    requires = ("events", "quotes")
    assigns = ("events",)

    def __call__(self, ann: Annotated) -> Annotated:
        anchor = ann.doc.date
        if anchor is None:
            return ann
        text = ann.doc.text
        sentence_dates = {}
        for sent in ann.sentences:
            found = []
            for match in _EXPRESSION.finditer(text, sent.start, sent.end):
                date = resolve_expression(match.group(0).removeprefix("on ").strip(), anchor)
                if date is not None:
                    found.append((match.start(), date))
            sentence_dates[sent.index] = found
        quote_dates = self._quote_dates(ann, sentence_dates)
        events = [self._date(e, sentence_dates.get(e.sentence_index, []), quote_dates, anchor)
                  for e in ann.events]
        return dataclasses.replace(ann, events=tuple(events))

    @staticmethod
    def _quote_dates(ann: Annotated, sentence_dates) -> dict[int, dt.date]:
        out = {}
        for i, quote in enumerate(ann.quotes):
            for index in quote.sentence_indexes:
                found = [d for pos, d in sentence_dates.get(index, []) if pos >= quote.end - 1]
                if found:
                    out[i] = found[0]
        return out

    @staticmethod
    def _date(event: Event, found, quote_dates, anchor: dt.date) -> Event:
        if found:
            nearest = min(found, key=lambda item: abs(item[0] - event.trigger.start))
            return dataclasses.replace(event, date=nearest[1])
        if event.quote is not None and event.quote in quote_dates:
            return dataclasses.replace(event, date=quote_dates[event.quote])
        return dataclasses.replace(event, date=anchor)
