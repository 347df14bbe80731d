"""Coreference: pronouns, role nouns and "the two sides" take the actor they refer back to."""

from __future__ import annotations

import dataclasses

from .types import Annotated, Mention

__all__ = ["Coreference"]

_WINDOW = 3  # sentences to look back


class Coreference:
    """Pipeline stage. Requires mentions and sentences; resolves unresolved mentions."""

    requires = ("mentions", "sentences")
    assigns = ("mentions",)

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
            out.extend(_resolve(mention, history, here, sentence_of))
        return dataclasses.replace(ann, mentions=tuple(out))


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


def _resolve(mention: Mention, history: list[Mention], here: int, sentence_of) -> list[Mention]:
    kind = mention.kind
    candidates = list(reversed(history))
    if kind == "pronoun:person":
        pick = next((m for m in candidates if m.kind in {"person", "role"}), None)
    elif kind == "pronoun:group":
        pick = next((m for m in candidates if m.kind in {"state", "org", "group"}
                     and sentence_of(m.tok_start) >= here - 1 and not m.possessive), None)
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
