"""Assembling actors: adjacent pieces joined into one group, and a group's state.

A group grows from its first piece to the right: a state or adjective before a title or
sector noun ("Azerbaijani President Ilham Aliyev"), a possessive ("Iran's Supreme
Leader"), a title before a name, and the state after "of" or "in" that owns it ("the
Foreign Ministry of Azerbaijan", "opposition groups in Zimbabwe") (:func:`grow`).
Adjectives that share one head noun make one group each ("Hungarian and Romanian
officials") (:func:`coordinated`). A people named by descent ("ethnic Albanians") is coded
by the state it lives in (:func:`named`, :func:`ethnic_where`).

The functions take the token doc and the pieces by their start offset.
"""

from __future__ import annotations

import dataclasses

from .actor_pieces import POSSESSIVE, Piece
from .parties import DIRECTIONS
from .types import Mention

__all__ = ["LEADER_GOVERNMENTS", "coordinated", "ethnic_where", "grow", "mention_of", "named"]

LEADER_GOVERNMENTS = {"administration", "government", "cabinet", "regime"}
_MODIFIERS = {"state", "adjective", "capital", "city", "org", "group", "seat", "people"}
_LINKS = {"and", ","}
_FUNCTION = {"its", "their", "his", "her", "our", "the", "a", "an", "and", "or", "of", "to",
             "in", "on", "at", "for", "with", "by", "from", "that", "which", "who", "is",
             "are", "was", "were", "has", "have", "had", "will", "would", "said", "says"}
_LOCAL = {"REB", "OPP", "CVL", "COP", "LEG", "JUD", "government", "authorities", "officials",
          "regime", "administration", "leaders", "leadership", "cabinet"}  # "rebels in X"
_FROM = {"CVL", "REF", "REB", "NGO", "MED", "BUS", "OPP", "MIL"}  # "refugees from Syria"
_PLACE_NOUNS = {"capital", "city", "town", "village", "villages", "province", "region",
                "border", "countryside", "coast", "north", "south", "east", "west"}
_DIRECTIONS = DIRECTIONS | {"neighbouring", "neighboring"}

ByStart = dict[int, Piece]


# -- growing a group ---------------------------------------------------------------


def grow(doc, first: Piece, by_start: ByStart) -> tuple[list[Piece], bool]:
    """The pieces joined to ``first``, and whether the group ends in a possessive."""
    group = [first]
    possessive = False
    j = first.end
    while j < len(doc):
        last = group[-1]
        token = doc[j].text
        if token in POSSESSIVE and last.kind in _MODIFIERS | {"person", "newname"}:
            # "Taiwan's Vice Foreign Minister", "Nicaragua's Sandinista government"
            nxt = by_start.get(j + 1) or _after_adjectives(doc, j + 1, by_start, capitals=True)
            if nxt and nxt.kind in {"title", "sector", "person", "newname", "org"} and (
                last.kind not in {"person", "newname"}
            ):
                group.append(nxt)
                j = nxt.end
                continue
            possessive = True
            break
        nxt = by_start.get(j)
        if nxt is None and last.kind == "adjective":
            nxt = _after_adjectives(doc, j, by_start)
        if nxt is not None and _joins(last, nxt):
            group.append(nxt)
            j = nxt.end
            continue
        nxt = _attached(doc, j, group, by_start)
        if nxt is not None:  # "the Foreign Ministry of Azerbaijan", "rebels in Darfur"
            group.append(nxt)
            j = nxt.end
            continue
        break
    return group, possessive


def _after_adjectives(doc, j: int, by_start: ByStart, capitals: bool = False) -> Piece | None:
    """Skip up to two lower-case modifiers: "Iranian roving ambassador" (with
    ``capitals``, also capitalised words that name nothing we know: "Sandinista")."""
    for k in (j + 1, j + 2):
        word = doc[k - 1] if k - 1 < len(doc) else None
        if word is None or not word.is_alpha or word.lower_ in _FUNCTION or (
                k - 1 in by_start) or not (word.is_lower or capitals and word.is_title):
            return None
        nxt = by_start.get(k)
        if nxt is not None:
            return nxt if nxt.kind in {"title", "sector"} else None
    return None


def _joins(last: Piece, nxt: Piece) -> bool:
    if last.kind == "person" and nxt.kind == "sector":  # "the Obama administration"
        return nxt.words.lower() in LEADER_GOVERNMENTS
    if last.kind in _MODIFIERS:
        return nxt.kind in {"title", "sector", "person", "newname"} and last.kind != "people"
    if last.kind == "title":
        return nxt.kind in {"title", "person", "newname"}
    if last.kind == "sector":
        return nxt.kind == "sector"
    return False


def _attached(doc, j: int, group: list[Piece], by_start: ByStart) -> Piece | None:
    """The state (or its place) after "of" that owns the group, or after "in" that a
    group of local people lives in: "opposition groups in Zimbabwe" (not "troops in")."""
    last, word = group[-1], doc[j].lower_
    if word == "of" and (last.kind in {"title", "sector"} or (
            last.kind in {"person", "newname"} and group[0].kind == "title")):
        return _of_state(doc, j, by_start, people=last.kind == "sector")
    only_sectors = all(p.kind == "sector" for p in group)
    if word in {"from", "based", "affiliated"} and only_sectors and last.sector in _FROM:
        link = {"based": "in", "affiliated": "with"}.get(word)  # "workers affiliated with X"
        k = j + 1 + bool(link and j + 1 < len(doc) and doc[j + 1].lower_ == link)
        if link and k == j + 1:
            return None
        k += k < len(doc) and doc[k].lower_ == "the"
        nxt = by_start.get(k)  # "refugees from Syria", "a terror group based in Trinidad"
        return nxt if nxt is not None and nxt.kind in {"state", "capital", "city", "adjective"} \
            else None
    if word != "in":
        return None
    if not _ethnic(doc, group) and (any(p.kind != "sector" for p in group) or (
            last.sector not in _LOCAL and last.words.lower() not in _LOCAL)):
        return None
    k = j + 1 + (j + 1 < len(doc) and doc[j + 1].lower_ == "the")
    k += k < len(doc) and doc[k].lower_ in _DIRECTIONS and k not in by_start  # "North Kivu"
    nxt = by_start.get(k)
    return nxt if nxt is not None and nxt.kind in {"state", "capital", "city"} else None


def _of_state(doc, j: int, by_start: ByStart, people: bool = False) -> Piece | None:
    """The state after "of (the)" at ``j``, also past titles: "envoy of the President of
    Iran" is Iran's envoy. With ``people`` (after a sector noun) also a state adjective
    before a place ("inhabitants of the Syrian Golan Heights") and a leader ("the military
    government of President Prosper Avril")."""
    while j < len(doc) and doc[j].lower_ == "of":
        k = j + 1 + (j + 1 < len(doc) and doc[j + 1].lower_ == "the")
        nxt = by_start.get(k)
        if people and nxt is not None and nxt.kind == "title" and by_start.get(nxt.end) \
                and by_start[nxt.end].kind in {"person", "newname"}:
            return nxt  # "... of President Prosper Avril": the title, then the name joins
        if people and nxt is not None and (nxt.kind in {"person", "newname"} or (
                nxt.kind == "adjective" and nxt.end not in by_start and nxt.end < len(doc)
                and (doc[nxt.end].is_title or doc[nxt.end].lower_ in _PLACE_NOUNS))):
            return nxt
        if nxt is None or nxt.kind not in {"state", "org", "group", "capital", "city", "title"}:
            return None
        if nxt.kind != "title":
            return nxt
        j = nxt.end
    return None


def coordinated(doc, piece: Piece, by_start: ByStart) -> list | None:
    """"Hungarian and Romanian officials": adjectives sharing one head noun."""
    if piece.kind != "adjective":
        return None
    adjectives = [piece]
    j = piece.end
    while j + 1 < len(doc) and doc[j].text in _LINKS:
        k = j + 1 + (doc[j + 1].lower_ == "and" if doc[j].text == "," else 0)
        nxt = by_start.get(k)
        if not nxt or nxt.kind != "adjective":
            break
        adjectives.append(nxt)
        j = nxt.end
    head = by_start.get(j) or _after_adjectives(doc, j, by_start)
    if len(adjectives) < 2 or head is None or head.kind not in {"title", "sector"}:
        return None
    return [([adj], head) for adj in adjectives]


# -- a group's state ---------------------------------------------------------------


def named(doc, group: list[Piece], date) -> tuple:
    """(code, sector, name, org, kind) of the group's first named piece; a people named by
    descent before a state lives there ("ethnic Turks in Bulgaria")."""
    code = sector = name = org = None
    kind = "sector"
    for p in group:
        if p.entry is not None and p.kind != "person" and code is None:
            code, org, name = p.entry.code, p.entry.org, p.entry.name
            sector = p.entry.sector_on(date)
            kind = {"org": "org", "group": "group"}.get(p.kind, "state")
    if len(group) > 1 and group[-1].kind in {"state", "capital", "city"} \
            and _ethnic(doc, group[:-1]):  # "ethnic Turks in Bulgaria" live in Bulgaria
        code, name, org, sector = group[-1].entry.code, group[-1].entry.name, None, None
    return code, sector, name, org, kind


def _ethnic(doc, group: list[Piece]) -> bool:
    """"ethnic Albanians (in ...)", "ethnic Hungarian parties": a people named by descent."""
    return group[0].start > 0 and doc[group[0].start - 1].lower_ == "ethnic" and all(
        p.kind in {"people", "adjective", "sector"} for p in group)


def ethnic_where(doc, sentences, mentions: list[Mention]) -> list[Mention]:
    """"ethnic Albanians demonstrated on Tuesday in Serbia": a people named by descent is
    coded by the state its sentence places the act in ("in <state>"), when there is one."""
    out = list(mentions)
    for n, m in enumerate(out):
        if not (m.tok_start > 0 and doc[m.tok_start - 1].lower_ == "ethnic" and m.kind == "state"
                and m.sector in (None, "CVL", "REB", "OPP", "REF")):
            continue
        sent = next((s for s in sentences if s.tok_start <= m.tok_start < s.tok_end), None)
        if sent is None:
            continue
        for o in out:
            if o.tok_start <= m.tok_end or o.tok_start >= sent.tok_end or o.kind != "state" \
                    or o.sector is not None or o.code in (None, m.code):
                continue
            i = o.tok_start - 1
            i -= i > 0 and doc[i].lower_ in _DIRECTIONS
            i -= i > 0 and doc[i].lower_ == "the"
            if doc[i].lower_ == "in":
                out[n] = dataclasses.replace(m, code=o.code, name=o.name)
                break
    return out


def mention_of(doc, start, end, code, sector, name, kind, org=None, possessive=False,
               resolved=True, titles=()) -> Mention:
    span = doc[start:end]
    return Mention(text=span.text, start=span.start_char, end=span.end_char, code=code,
                   sector=sector, name=name, kind=kind, tok_start=start, tok_end=end, org=org,
                   possessive=possessive, resolved=resolved, titles=titles)
