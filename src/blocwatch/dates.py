"""Event dates: expressions in the sentence resolved against the document date.

An event takes, in order:

1. the nearest date expression of its sentence ("on November 3", "On Saturday, ...",
   "last April", "earlier this week", "at the weekend", "in January"), leaving out dates
   that only bound it ("after the November 2 call", "prior to the March talks") unless
   the date modifies the trigger itself ("the November 2 telephone conversation");
2. the date of its quotation's attribution ('..." Aliyev said on November 3');
3. for a person, the date of that person's last dated statement or act earlier in the
   document ("Khamenei said on Tuesday ... . The Supreme Leader also demanded ...");
4. the document date.

Vague expressions resolve to a representative day: "in January" to the 1st of the most
recent January, "earlier this week" to the Monday of the document's week, "at the weekend"
to the Saturday before the document date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from dateutil import parser as date_parser
from dateutil.relativedelta import relativedelta

from .types import Annotated, Event

__all__ = ["DateResolver", "resolve_expression"]

_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_FULL_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October" \
              r"|November|December)"
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_EXPRESSION = re.compile(
    rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:\s*,?\s+\d{{4}})?"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:\s*,?\s+\d{{4}})?"
    r"|(?:[Ee]arlier|[Ll]ater)\s+this\s+(?:week|month|year)"
    r"|(?:[Ll]ast|[Tt]his|[Nn]ext)\s+(?:week|month|year|weekend)"
    r"|(?:[Aa]t|[Oo]ver)\s+the\s+weekend"
    rf"|(?:[Ll]ast|[Tt]his|[Nn]ext)\s+{_FULL_MONTH}"
    rf"|(?:[Ii]n|[Ll]ate|[Ee]arly|[Mm]id-?)\s*{_FULL_MONTH}(?:\s+\d{{4}})?"
    r"|[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow"
    rf"|(?:(?:[Oo]n|[Ll]ast|[Tt]his|[Nn]ext)\s+)?{_WEEKDAY})\b",
)
# Words before a date that make it a bound of the event rather than its day.
_BOUNDS = {"after", "before", "since", "until", "till", "following", "ahead", "prior", "by",
           "from", "between", "preceding", "pre"}
_BOUND_SKIP = {"the", "of", "to", "on", "its", "his", "her", "their", "a", "an"}
_OPENERS = {"since", "after", "before", "when", "while", "because", "as", "until", "where",
            "although", "though", "whereas", "once", "which", "who", "whose"}
_CLAUSE_OPENER = re.compile(r"\b(?:" + "|".join(sorted(_OPENERS)) + r")\b", re.IGNORECASE)
_TIME_WORD = re.compile(r"\s+(?:midnight|noon|dawn|daybreak|dusk|sunrise|sunset|nightfall)\b")
_DATELINE = re.compile(r"\s*\d{0,4}\s*(?:—|–|--|\s-\s)")
_PERSON_KINDS = {"person", "role", "pronoun:person", "pronoun:speaker"}
_ANCHOR_GAP = 40  # characters between a person and a date that belongs to them
_CARRY_SENTENCES = 30


def resolve_expression(text: str, anchor: dt.date) -> dt.date | None:
    """Resolve one date expression against the document date ``anchor``.

    >>> resolve_expression("last April", dt.date(2020, 11, 4))
    datetime.date(2020, 4, 1)
    >>> resolve_expression("On Saturday", dt.date(2020, 11, 4))
    datetime.date(2020, 10, 31)
    """
    low = " ".join(text.lower().replace("mid-", "mid ").split())
    for prefix in ("on ", "in ", "late ", "early ", "mid "):
        low = low.removeprefix(prefix)
    relative = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
    if low in relative:
        return anchor + dt.timedelta(days=relative[low])
    words = low.split()
    if words[-1] == "weekend":
        return _weekend(words[0], anchor)
    if words[-1] in _WEEKDAYS:
        return _weekday(words, anchor)
    if words[-1] in {"week", "month", "year"}:
        return _period(words, anchor)
    if words[-1] in _MONTHS or (len(words) == 2 and words[0] in _MONTHS
                                and re.fullmatch(r"\d{4}", words[1])):
        return _month(words, anchor)
    return _parsed(text, anchor)


def _weekend(word: str, anchor: dt.date) -> dt.date:
    """The Saturday of the weekend meant: the last one, or the coming one for "next"."""
    back = (anchor.weekday() - 5) % 7
    saturday = anchor - dt.timedelta(days=back)  # on or before the anchor
    inside = back <= 1  # the document is dated on that weekend
    if word == "next" or (word == "this" and not inside):
        return saturday + dt.timedelta(days=7)
    if word == "last" and inside:
        return saturday - dt.timedelta(days=7)
    return saturday


def _weekday(words: list[str], anchor: dt.date) -> dt.date:
    day = _WEEKDAYS.index(words[-1])
    if words[0] == "next":
        return anchor + dt.timedelta(days=(day - anchor.weekday()) % 7 or 7)
    back = (anchor.weekday() - day) % 7
    if words[0] == "last" and back == 0:
        back = 7
    return anchor - dt.timedelta(days=back)


def _period(words: list[str], anchor: dt.date) -> dt.date:
    unit = words[-1]
    if words[0] in {"earlier", "later"}:
        start = {"week": anchor - dt.timedelta(days=anchor.weekday()),
                 "month": anchor.replace(day=1), "year": anchor.replace(month=1, day=1)}[unit]
        if words[0] == "earlier":
            return start if start < anchor else anchor - dt.timedelta(days=1)
        return anchor
    step = {"last": -1, "this": 0, "next": 1}[words[0]]
    return anchor + relativedelta(**{f"{unit}s": step})


def _month(words: list[str], anchor: dt.date) -> dt.date:
    """"last April", "in January", "this March", "January 2019": the 1st of that month."""
    name = words[-1] if words[-1] in _MONTHS else words[0]
    month = _MONTHS.index(name) + 1
    if words[-1].isdigit():
        return dt.date(int(words[-1]), month, 1)
    year = anchor.year
    if words[0] == "next":
        year += month <= anchor.month
    elif words[0] == "last":
        year -= month >= anchor.month
    elif words[0] != "this" and month > anchor.month:
        year -= 1
    return dt.date(year, month, 1)


def _parsed(text: str, anchor: dt.date) -> dt.date | None:
    try:
        parsed = date_parser.parse(text, default=dt.datetime(anchor.year, anchor.month, 1))
    except (ValueError, OverflowError):
        return None
    date = parsed.date()
    if not re.search(r"\d{4}", text) and date > anchor + dt.timedelta(days=2):
        date = date.replace(year=date.year - 1)
    return date


@dataclasses.dataclass(frozen=True)
class _Found:
    """A date expression of a sentence: where it is, its date, and whether it bounds."""

    start: int
    end: int
    date: dt.date
    bound: bool


class DateResolver:
    """Pipeline stage. Requires events, quotes, mentions; sets each event's ``date``."""

    requires = ("events", "quotes", "mentions")
    assigns = ("events",)

    def __call__(self, ann: Annotated) -> Annotated:
        anchor = ann.doc.date
        if anchor is None:
            return ann
        found = {s.index: _expressions(ann.doc.text, s, anchor) for s in ann.sentences}
        quote_dates = self._quote_dates(ann, found)
        persons = _person_names(ann)
        people = _person_anchors(ann, found, persons)
        events = []
        for event in ann.events:
            date = self._date(event, found.get(event.sentence_index, []), quote_dates,
                              ann.doc.text)
            date = date or _carried(event, people, ann) or anchor
            events.append(dataclasses.replace(event, date=date))
            if date != anchor or found.get(event.sentence_index):
                _remember(people, event, date, persons)
        return dataclasses.replace(ann, events=tuple(events))

    @staticmethod
    def _quote_dates(ann: Annotated, found) -> dict[int, dt.date]:
        out = {}
        for i, quote in enumerate(ann.quotes):
            for index in quote.sentence_indexes:
                after = [f.date for f in found.get(index, []) if f.start >= quote.end - 1]
                if after:
                    out[i] = after[0]
        return out

    @staticmethod
    def _date(event: Event, found: list[_Found], quote_dates, text: str) -> dt.date | None:
        usable = [f for f in found if (not f.bound or _modifies(f, event))
                  and not _across_clause(text, f, event)]
        if usable:
            return min(usable, key=lambda f: _distance(text, f, event)).date
        if event.quote is not None and event.quote in quote_dates:
            return quote_dates[event.quote]
        return None


def _expressions(text: str, sent, anchor: dt.date) -> list[_Found]:
    out = []
    for match in _EXPRESSION.finditer(text, sent.start, sent.end):
        if _DATELINE.match(text, match.end()):
            continue  # "MOSCOW, June 29, 2016 — ...": the date of the report
        date = resolve_expression(match.group(0).strip(), anchor)
        if date is not None:
            out.append(_Found(match.start(), match.end(), date,
                              _bounding(text, sent.start, match.start())))
    return out


def _between(text: str, found: _Found, event: Event) -> str:
    if found.end <= event.trigger.start:
        return text[found.end:event.trigger.start]
    return text[event.trigger.end:found.start]


def _across_clause(text: str, found: _Found, event: Event) -> bool:
    """Date and trigger in different clauses: "talks since Turkey shot down ... in November
    2015", "accused X after talks broke down in May", "After talks on Monday, X ..."."""
    between = _between(text, found, event)
    if found.start >= event.trigger.end:
        opener = _CLAUSE_OPENER.search(between)
        return opener is not None and not _TIME_WORD.match(between, opener.end())
    opener = _CLAUSE_OPENER.search(text, max(0, event.sentence_start, found.start - 60),
                                   found.start)
    return opener is not None and "," in between


def _distance(text: str, found: _Found, event: Event) -> int:
    """Characters between date and trigger; a comma between counts as far."""
    between = _between(text, found, event)
    return len(between) + (40 if "," in between else 0)


def _bounding(text: str, sent_start: int, start: int) -> bool:
    """The date follows "after", "before", "prior to", "since", "until", ...: a bound."""
    words = re.findall(r"[\w-]+", text[max(sent_start, start - 30):start].lower())
    while words and words[-1] in _BOUND_SKIP:
        words.pop()
    return bool(words) and words[-1] in _BOUNDS


def _modifies(found: _Found, event: Event) -> bool:
    """"the November 2 telephone conversation": the date is the trigger's own."""
    return 0 <= event.trigger.start - found.end <= 2


def _person_anchors(ann: Annotated, found, persons) -> dict[str, list[tuple[int, dt.date]]]:
    """Person name -> (sentence index, date) of their dated statements and remarks:
    quotations they are the speaker of, and persons named right next to a date
    ("Aliyev tweeted on November 3", "the November 3 remarks by Khamenei")."""
    people: dict[str, list[tuple[int, dt.date]]] = {}
    for sent in ann.sentences:
        for f in found.get(sent.index, []):
            for m in ann.mentions:
                if m.name in persons and sent.start <= m.start < sent.end and (
                        0 <= f.start - m.end <= _ANCHOR_GAP or 0 <= m.start - f.end <= 12):
                    people.setdefault(m.name, []).append((sent.index, f.date))
    return people


def _person_names(ann: Annotated) -> set[str]:
    return {m.name for m in ann.mentions if m.name and m.kind in _PERSON_KINDS}


def _carried(event: Event, people, ann: Annotated) -> dt.date | None:
    """A person's undated act takes the date of their last dated statement before it; so
    does an act reported in a sentence whose subject is such a person ("the Supreme Leader
    declared Iran's support ...")."""
    names = [a.name for a in event.actor]
    subject = next((m for m in ann.mentions if event.sentence_start <= m.start
                    < event.sentence_end), None)
    if subject is not None and subject.start < event.trigger.start:
        names.append(subject.name)
    for name in names:
        earlier = [(i, d) for i, d in people.get(name or "", ())
                   if event.sentence_index - _CARRY_SENTENCES <= i <= event.sentence_index]
        if earlier:
            return max(earlier, key=lambda item: item[0])[1]
    return None


def _remember(people, event: Event, date: dt.date, persons: set[str]) -> None:
    for actor in event.actor:
        if actor.name in persons:
            people.setdefault(actor.name, []).append((event.sentence_index, date))
