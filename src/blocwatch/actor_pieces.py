"""Pieces of actor names found in text, and the checks the recogniser makes on them.

A :class:`Piece` is one dictionary match (a name, a sector noun, a title) or a run of
capitalised words after a title. Before pieces are joined into actors, some are dropped:
a stance toward a state ("anti-Syria"), an acronym in brackets after a name, a title
word used as an adjective ("a general strike"), and the shorter of overlapping pieces.
Ambiguous names are read by the cues of ``ambiguity.yaml``, tokenised like the text
(:class:`ReadingRule`).

The functions take the token doc and pieces (token offsets).
"""

from __future__ import annotations

from dataclasses import dataclass

from .knowledge import NameEntry
from .knowledge.actors import Reading

__all__ = ["POSSESSIVE", "Piece", "ReadingRule", "acronym_of", "adjective_use",
           "compile_reading", "contains", "cue_at", "dateline_tokens", "is_name_token", "kept",
           "longest",
           "month_surname", "patron_of_named", "possessive_at", "stance_prefix"]

POSSESSIVE = {"'s", "’s", "'", "’"}
_STANCES = {"anti", "pro"}
_PATRONS = {"backed", "funded", "sponsored", "aligned", "allied", "supplied", "armed",
            "trained", "supported", "brokered"}  # "Iran-backed militias" are not Iran
_LEADING = {"led", "dominated", "run"}
_ADJECTIVE_TITLES = {"general", "major"}  # "a general strike", "a major offensive"
_SAYS = {"said", "says", "say", "told", "warned", "added", "who", "would", "will", "had"}
_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"}
_NOT_NAME = {"The", "A", "An", "On", "In", "At", "And", "But", "Of", "For", "To", "By", "With",
             "As", "After", "Before", "He", "She", "It", "They", "We", "I", "This", "That",
             "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
             *_MONTHS, "President", "Minister"}


@dataclass(frozen=True)
class ReadingRule:
    """A reading of ambiguity.yaml with its cue phrases tokenised like the text."""

    reading: Reading
    cues: tuple[tuple[str, tuple], ...]  # (scope, (token tuple, ...)); named keeps codes
    unless: tuple[tuple[str, ...], ...]


@dataclass
class Piece:
    start: int
    end: int
    kind: str  # a NameEntry kind, or title | sector | newname
    entry: NameEntry | None = None
    sector: str | None = None
    words: str = ""


# -- pieces that name no actor -----------------------------------------------------


def longest(pieces: list[Piece]) -> list[Piece]:
    """Keep the longest of overlapping pieces; names beat nouns of the same length."""
    order = sorted(pieces, key=lambda p: (-(p.end - p.start), p.kind in {"title", "sector"},
                                          p.start))
    taken: set[int] = set()
    out = []
    for piece in order:
        span = set(range(piece.start, piece.end))
        if span & taken:
            continue
        taken |= span
        out.append(piece)
    return sorted(out, key=lambda p: p.start)


def acronym_of(doc, piece: Piece) -> bool:
    """"Montenegro Municipality Association (AKK)": an acronym in brackets after a name
    abbreviates that name; it is not the person the letters also stand for (an
    organisation's acronym there is the organisation: "International Labor Office (ILO)")."""
    i, j = piece.start, piece.end
    return piece.kind == "person" and j - i == 1 and doc[i].is_upper \
        and i >= 2 and doc[i - 1].text == "(" and j < len(doc) and doc[j].text == ")" \
        and doc[i - 2].is_title and not doc[i - 2].is_sent_start


def stance_prefix(doc, piece: Piece) -> bool:
    """"an anti-Syria journalist", "pro-Iranian Hezbollah": a stance toward a state, not
    that state (the "-" is a token of its own); "Iran-backed militias": the militias are
    not Iran."""
    i, j = piece.start, piece.end
    if piece.kind not in {"state", "adjective", "people"}:
        return False
    before = i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in _STANCES
    after = j + 1 < len(doc) and doc[j].text == "-" and doc[j + 1].lower_ in _PATRONS
    return before or after


def patron_of_named(doc, pieces: list[Piece]) -> set[int]:
    """Starts of "<state>-led" pieces before a named organisation or group: "the
    Russia-led Collective Security Treaty Organization" is the organisation, not Russia
    ("the Saudi-led coalition" stays Saudi: the coalition has no name of its own)."""
    starts = {p.start: p for p in pieces}
    out = set()
    for p in pieces:
        j = p.end
        if p.kind in {"state", "adjective"} and j + 2 < len(doc) and doc[j].text == "-" \
                and doc[j + 1].lower_ in _LEADING:
            k = j + 2
            named = starts.get(k)
            if named is not None and named.kind in {"org", "group"}:
                out.add(p.start)
    return out


def adjective_use(doc, start: int, end: int) -> bool:
    """"a general strike", "major cities": a title word used as an adjective (a lower-case
    word follows that is no verb: "the general said" keeps the title)."""
    if end - start != 1 or doc[start].lower_ not in _ADJECTIVE_TITLES or not doc[start].is_lower:
        return False
    nxt = doc[end] if end < len(doc) else None
    return nxt is not None and nxt.is_alpha and nxt.is_lower and nxt.lower_ not in _SAYS \
        and not nxt.lower_.endswith(("ed", "s"))


def kept(piece: Piece, named: set) -> bool:
    """Not a "none" phrase; an ambiguous capital or seat only where its state is named."""
    if piece.kind == "none":
        return False
    return not (piece.kind in {"capital", "seat"} and piece.entry.ambiguous
                and piece.entry.code not in named)


# -- names of people ---------------------------------------------------------------


def month_surname(doc, i: int) -> bool:
    """A month right after a title, with no day number after it, is a surname: "May"."""
    return (i < len(doc) and doc[i].text in _MONTHS
            and not (i + 1 < len(doc) and doc[i + 1].like_num))


def is_name_token(token) -> bool:
    text = token.text
    return (
        token.is_alpha or "-" in text or (len(text) == 2 and text.endswith("."))
    ) and text[:1].isupper() and text not in _NOT_NAME


def possessive_at(doc, i: int) -> bool:
    return i < len(doc) and doc[i].text in POSSESSIVE


# -- ambiguity cues ----------------------------------------------------------------


def compile_reading(nlp, reading: Reading) -> ReadingRule:
    def tokens(phrase: str) -> tuple[str, ...]:
        return tuple(t.lower_ for t in nlp.make_doc(phrase))

    cues = tuple((scope, phrases if scope == "named" else tuple(tokens(c) for c in phrases))
                 for scope, phrases in reading.cues)
    return ReadingRule(reading, cues, tuple(tokens(c) for c in reading.unless))


def cue_at(doc, piece: Piece, scope: str, cue: tuple[str, ...]) -> bool:
    """The cue right before the name (past a comma), right after it, or after "NAME's"."""
    if scope == "before":
        end = piece.start - (piece.start > 0 and doc[piece.start - 1].text == ",")
        return end >= len(cue) and tuple(t.lower_ for t in doc[end - len(cue):end]) == cue
    start = piece.end + (scope == "possessive")
    if scope == "possessive" and not possessive_at(doc, piece.end):
        return False
    return tuple(t.lower_ for t in doc[start:start + len(cue)]) == cue


def contains(words: list[str], cue: tuple[str, ...]) -> bool:
    n = len(cue)
    return any(tuple(words[i:i + n]) == cue for i in range(len(words) - n + 1))


_DASHES = {"—", "–", "--"}
_DATELINE_SPAN = 12  # tokens from a sentence start to the dash of a dateline


def dateline_tokens(doc, sentences) -> set[int]:
    """Tokens of datelines ("BAKU, January 29, 2023 —", "KYIV, Ukraine (AP) --"): where a
    story was filed, not who acted. A dateline opens a sentence with a word in capitals
    and ends at a dash within a few words."""
    out: set[int] = set()
    for sent in sentences:
        first = doc[sent.tok_start]
        if not (first.is_upper and first.is_alpha and len(first) > 2):
            continue
        end = min(sent.tok_end, sent.tok_start + _DATELINE_SPAN)
        dash = next((i for i in range(sent.tok_start, end) if doc[i].text in _DASHES), None)
        if dash is not None:
            out.update(range(sent.tok_start, dash))
    return out
