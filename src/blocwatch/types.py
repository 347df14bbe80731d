"""The core value types that flow through the pipeline.

All are frozen dataclasses: a stage never mutates what it was given, it returns a
new :class:`Annotated` via :func:`dataclasses.replace`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = [
    "Actor",
    "Annotated",
    "Document",
    "Event",
    "Mention",
    "Quote",
    "Sentence",
    "Trigger",
]


@dataclass(frozen=True)
class Document:
    """One input article."""

    doc_id: str
    text: str
    date: dt.date | None = None
    title: str = ""
    url: str = ""
    source: str = ""
    origin: str = ""  # file:line the document came from, for messages


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    tok_start: int = 0  # token offsets in the tokenised document
    tok_end: int = 0


@dataclass(frozen=True)
class Actor:
    """Who acted or was acted upon: a resolved mention, as events carry it."""

    text: str
    code: str | None
    sector: str | None
    name: str | None
    org: str | None = None

    def country(self) -> str | None:
        """The scoring unit: ISO3 code, or ``IGO:<ORG>`` for organisations."""
        if self.code in ("IGO", "NGO", "IMG") and self.org:
            return f"{self.code}:{self.org}"
        return self.code

    def to_json(self) -> dict[str, Any]:
        out = {"text": self.text, "code": self.code, "sector": self.sector, "name": self.name}
        if self.org:
            out["org"] = self.org
        return out


@dataclass(frozen=True)
class Mention:
    """An actor mention found in the text, with character and token offsets."""

    text: str
    start: int
    end: int
    code: str | None
    sector: str | None
    name: str | None
    kind: str  # state | org | group | person | sector | pronoun | role
    tok_start: int = 0
    tok_end: int = 0
    org: str | None = None
    possessive: bool = False
    resolved: bool = True  # False for pronouns/role nouns still waiting for coreference
    titles: tuple[str, ...] = ()

    @property
    def actor(self) -> Actor:
        return Actor(self.text, self.code, self.sector, self.name, self.org)

    def to_json(self) -> dict[str, Any]:
        out = {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "code": self.code,
            "sector": self.sector,
            "name": self.name,
            "kind": self.kind,
        }
        if self.org:
            out["org"] = self.org
        return out


@dataclass(frozen=True)
class Quote:
    text: str
    start: int
    end: int
    speaker: Actor | None
    sentence_indexes: tuple[int, ...] = ()
    date: dt.date | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker.to_json() if self.speaker else None,
        }


@dataclass(frozen=True)
class Trigger:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Event:
    event: str
    mode: str
    actor: tuple[Actor, ...]
    recipient: tuple[Actor, ...]
    trigger: Trigger
    rule: str
    sentence_index: int
    sentence_start: int
    sentence_end: int
    negated: bool = False
    context: tuple[str, ...] = ()
    auxiliary: tuple[str, ...] = ()
    date: dt.date | None = None
    cameo: str = ""
    quad_class: int = 0
    score: float = 0.0
    quote: int | None = None  # index into Annotated.quotes when stated inside a quotation
    confidence: float = 0.5
    why: str = ""
    reciprocal: bool = False  # "A and B clashed/met": the actors acted on one another

    def to_json(self) -> dict[str, Any]:
        return {
            "event": self.event,
            "mode": self.mode,
            "context": list(self.context),
            "auxiliary": list(self.auxiliary),
            "negated": self.negated,
            "actor": [a.to_json() for a in self.actor],
            "recipient": [a.to_json() for a in self.recipient],
            "date": self.date.isoformat() if self.date else None,
            "cameo": self.cameo,
            "quad_class": self.quad_class,
            "score": self.score,
            "sentence_index": self.sentence_index,
            "sentence_start": self.sentence_start,
            "sentence_end": self.sentence_end,
            "trigger": asdict(self.trigger),
            "rule": self.rule,
            "quote": self.quote,
            "confidence": self.confidence,
            "reciprocal": self.reciprocal,
        }


@dataclass(frozen=True)
class Annotated:
    """A document with everything the stages have found in it so far."""

    doc: Document
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    tokens: Any = field(default=None, compare=False, repr=False)  # the spaCy Doc

    def to_json(self) -> dict[str, Any]:
        """The ``annotate`` contract record (see DESIGN.md)."""
        return {
            "doc_id": self.doc.doc_id,
            "date": self.doc.date.isoformat() if self.doc.date else None,
            "title": self.doc.title,
            "sentences": [
                {"index": s.index, "start": s.start, "end": s.end,
                 "tone": _tone(self.events, s.index)} for s in self.sentences
            ],
            "mentions": [m.to_json() for m in self.mentions],
            "events": [e.to_json() for e in self.events],
            "quotes": [q.to_json() for q in self.quotes],
        }


def _tone(events, index: int) -> float | None:
    """Tone of a sentence: the mean PLOVER score (-10 conflict ... +10 cooperation) of its
    non-negated events, rounded to 0.01; None when it codes none."""
    scores = [e.score for e in events if e.sentence_index == index and not e.negated]
    return round(sum(scores) / len(scores), 2) if scores else None
