"""Coreference: pronouns, role nouns and "the two sides" take the actor they refer back to."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from .types import Annotated, Mention

if TYPE_CHECKING:
    from .knowledge import Knowledge

__all__ = ["Coreference"]

_WINDOW = 3  # sentences to look back
_NOT_STATES = {"IGO", "NGO", "IMG"}


class Coreference:
    """Pipeline stage. Requires mentions and sentences; resolves unresolved mentions."""

    requires = ("mentions", "sentences")
    assigns = ("mentions",)

    def __init__(self, knowledge: Knowledge | None = None) -> None:
        """With ``knowledge``, a role taken from a country is named by its holder."""
        self.actors = knowledge.actors if knowledge is not None else None

    def __call__(self, ann: Annotated) -> Annotated:
        sentence_of = _sentence_index(ann)
        out: list[Mention] = []
        for mention in ann.mentions:
            if mention.resolved or mention.kind == "pronoun:speaker":
                out.append(mention)
                continue
            here = sentence_of(mention.tok_start)
            owner = out[-1] if out else None
            if (mention.kind in {"sector", "role"} and owner is not None and owner.code
                    and owner.kind.startswith("pronoun") and owner.tok_end == mention.tok_start):
                # "its troops", "their foreign ministry": the owner's country, own sector
                out.append(dataclasses.replace(mention, code=owner.code, name=owner.name,
                                               org=owner.org, resolved=True))
                continue
            history = [m for m in out if m.code and sentence_of(m.tok_start) >= here - _WINDOW]
            resolved = _resolve(mention, history, here, sentence_of, ann.tokens)
            if mention.kind == "role" and not resolved[0].resolved and _definite(ann, mention):
                resolved = [self._from_document(mention, out, ann.doc.date, sentence_of)]
            if mention.kind == "person":  # "President Alpha Beta": the one state in sight
                resolved = [_sole_state(mention, ann.mentions, here, sentence_of)]
            out.extend(resolved)
        return dataclasses.replace(ann, mentions=tuple(out))

    def _from_document(self, mention: Mention, before: list[Mention], date,
                       sentence_of) -> Mention:
        """A role with no holder in sight: the last holder of that title earlier in the
        document, else the country of the nearest sentence naming one, taken from its
        first (subject) mention: "Russia protested. The president said...". With the
        knowledge it is named by whoever held that office there on the date."""
        same = next((m for m in reversed(before) if m.kind in {"person", "role"} and m.code
                     and set(mention.titles) & set(m.titles)), None)
        if same is not None:
            return _take(mention, same)
        countries = [m for m in before if m.kind in {"state", "person", "role"}
                     and m.code and m.code not in _NOT_STATES]
        if not countries:
            return mention
        last = sentence_of(countries[-1].tok_start)
        country = next(m for m in countries if sentence_of(m.tok_start) == last)
        holder = None
        if self.actors is not None and mention.titles:
            holder = self.actors.holder(country.code, mention.titles[-1], date)
        return dataclasses.replace(mention, code=country.code, sector=mention.sector or "GOV",
                                   name=holder.name if holder else None, resolved=True)


def _sole_state(mention: Mention, mentions, here: int, sentence_of) -> Mention:
    """A titled person we do not know takes the country of their sentence when it names
    exactly one state, else of the nearest earlier sentence (within the window) that
    names exactly one; "President Alpha Beta of ..." was already joined by the actors."""
    for index in range(here, max(here - _WINDOW, 0) - 1, -1):
        codes = {m.code for m in mentions if sentence_of(m.tok_start) == index and m.code
                 and m.kind in {"state", "person", "role", "group"}
                 and m.code not in _NOT_STATES}
        if codes:
            if len(codes) > 1:
                return mention
            return dataclasses.replace(mention, code=codes.pop(), resolved=True)
    return mention


def _definite(ann: Annotated, mention: Mention) -> bool:
    """"the president" refers back; "a spokesman", "general strike" do not."""
    i = mention.tok_start - 1
    return i >= 0 and ann.tokens is not None and ann.tokens[i].lower_ == "the"


def _sentence_index(ann: Annotated):
    starts = [s.tok_start for s in ann.sentences]

    def index(tok: int) -> int:
        lo, hi = 0, len(starts)
        while lo < hi:
            mid = (lo + hi) // 2
            if starts[mid] <= tok:
                lo = mid + 1
            else:
                hi = mid
        return lo - 1

    return index


def _take(mention: Mention, antecedent: Mention) -> Mention:
    return dataclasses.replace(mention, code=antecedent.code, sector=antecedent.sector,
                               name=antecedent.name, org=antecedent.org, resolved=True)


def _resolve(mention: Mention, history: list[Mention], here: int, sentence_of,
             doc=None) -> list[Mention]:
    kind = mention.kind
    candidates = list(reversed(history))
    if kind == "pronoun:person":
        pick = next((m for m in candidates if m.kind in {"person", "role"}), None)
    elif kind == "pronoun:group":
        near = [m for m in candidates if m.kind in {"state", "org", "group"}
                and sentence_of(m.tok_start) >= here - 1 and not m.possessive]
        same = [m for m in near if sentence_of(m.tok_start) == here]
        # in its own sentence a pronoun refers to a subject before an object: "Azerbaijan
        # apologised to Russia after its forces ..." is Azerbaijan's forces
        pick = next((m for m in same if not _object_of_preposition(doc, m)),
                    near[0] if near else None)
    elif kind == "role":
        pick = next((m for m in candidates if m.kind in {"person", "role"}
                     and set(mention.titles) & set(m.titles)), None)
        pick = pick or next((m for m in candidates if m.kind == "person"
                             and m.sector == "GOV"), None)
    elif kind == "both":
        seen: list[Mention] = []
        for m in candidates:
            if m.kind in {"state", "person", "group"} and m.code not in {x.code for x in seen}:
                seen.append(m)
            if len(seen) == 2:
                break
        if len(seen) == 2:
            return [dataclasses.replace(mention, code=m.code, sector=None, name=m.name,
                                        resolved=True) for m in reversed(seen)]
        return [mention]
    else:  # a sector noun with no country: "the ministry", "the army"
        pick = next((m for m in candidates if m.sector == mention.sector
                     and sentence_of(m.tok_start) >= here - 1), None)
    return [_take(mention, pick)] if pick is not None else [mention]


_PREPOSITIONS = {"to", "with", "from", "against", "on", "at", "by", "for", "into", "of", "over"}


def _object_of_preposition(doc, mention: Mention) -> bool:
    i = mention.tok_start - 1
    if doc is None or i < 0:
        return False
    if doc[i].lower_ == "the" and i > 0:
        i -= 1
    return doc[i].lower_ in _PREPOSITIONS
