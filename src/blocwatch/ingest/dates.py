"""Document dates: datelines in the first lines of a text, and user-given date strings."""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as date_parser

__all__ = ["find_dateline", "parse_date"]

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATELINE = re.compile(
    rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|\d{{1,2}}\s+{_MONTHS}\s*,?\s+\d{{4}}"
    rf"|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?\s*,?\s+\d{{4}})\b",
    re.IGNORECASE,
)


def parse_date(value: str) -> dt.date:
    """Parse a full date written by a user or a data file ("2020-11-04", "4 November 2020").

    Raises ValueError with a readable message when the value is not a complete date.
    """
    text = value.strip()
    if not text:
        raise ValueError("empty date")
    try:
        return dt.date.fromisoformat(text[:10]) if re.match(r"\d{4}-\d{2}-\d{2}", text) else (
            _parse_words(text)
        )
    except (ValueError, OverflowError) as e:
        raise ValueError(f"not a date: {value!r} (write it as YYYY-MM-DD)") from e


def _parse_words(text: str) -> dt.date:
    sentinel = dt.datetime(1, 1, 1)
    parsed = date_parser.parse(text, default=sentinel)
    if parsed.year == 1:
        raise ValueError(text)
    return parsed.date()


def find_dateline(text: str, lines: int = 4) -> dt.date | None:
    """The first full date written in the first ``lines`` non-empty lines, if any."""
    seen = 0
    for line in text.splitlines():
        if not line.strip():
            continue
        match = _DATELINE.search(line)
        if match:
            try:
                return parse_date(match.group(0))
            except ValueError:
                return None
        seen += 1
        if seen >= lines:
            break
    return None
