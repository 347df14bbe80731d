"""Events in their discourse: headlines told again, and who an act is aimed at when its own
sentence does not say.

Analysis prose often names the other party a sentence or a clause away. After the coder
has read every sentence, an event that still has no recipient may take one from:

1. **the accusation it answers**: a denial right after an accusation is aimed at the
   accuser ("Armenia accused Baku of ... Azerbaijan rejects the accusation");
2. **the conversation it follows**: "Putin and Aliyev spoke by phone on Monday. The Russian
   president raised the issue of a settlement." The request is made to the partner of the
   call or meeting the actor took part in, one or two sentences before;
3. **the conflict it is about**: in a document about a conflict between two states, an
   offer, demand or refusal by one side in a sentence that speaks of "the conflict" (or
   "the war", "the dispute") is aimed at the other side. The two sides are the pair of
   states with the most material-conflict events between them in the document;
4. **the speaker who hosted a visit**: "We welcome the visit of the Chinese foreign
   minister," Tehran said: the visitor came to the speaker's country.

Each rule adds its reason to the event's ``why``. Before them, the events of a headline
are dropped when the body codes events of its own: the headline restates the lede.
"""

from __future__ import annotations

import dataclasses
from collections import Counter

from .parties import has_phrase
from .types import Actor, Annotated, Event

__all__ = ["Discourse"]

_PARTNER_WINDOW = 2  # sentences back to the call or meeting
_CONFLICT = {4}  # quad class of material conflict: "the conflict" is the fighting


@dataclasses.dataclass(frozen=True)
class Discourse:
    """``grammar.yaml``'s ``discourse`` section, and the states known."""

    partner_types: frozenset[str]  # types that take the partner of an earlier call
    conflict_types: frozenset[str]  # types that take the other side of the conflict
    conflict_nouns: frozenset[tuple[str, ...]]  # "the conflict", "the war"
    states: frozenset[str]

    @classmethod
    def from_grammar(cls, section: dict, states) -> Discourse:
        return cls(frozenset(section["partner_types"]), frozenset(section["conflict_types"]),
                   frozenset(tuple(p.split()) for p in section["conflict_nouns"]),
                   frozenset(states))

    def __call__(self, ann: Annotated, events: list[Event]) -> list[Event]:
        events = _without_restated_headline(ann, events)
        sides = self._sides(events)
        out: list[Event] = []
        for event in events:
            if not event.recipient and event.actor and not event.reciprocal:
                event = (self._accuser(event, out) or self._partner(event, out)
                         or self._other_side(ann, event, sides) or self._host(ann, event)
                         or event)
            out.append(event)
        return out

    def _partner(self, event: Event, before: list[Event]) -> Event | None:
        """The other parties of the latest call or meeting the actor took part in."""
        if event.event not in self.partner_types:
            return None
        codes = _codes(event.actor)
        for earlier in reversed(before):
            if earlier.sentence_index < event.sentence_index - _PARTNER_WINDOW:
                break
            if earlier.event != "CONSULT" or earlier.sentence_index == event.sentence_index:
                continue
            parties = earlier.actor + earlier.recipient
            others = tuple(a for a in parties if a.code not in codes)
            if codes <= _codes(parties) and others:
                return _with(event, others, f"recipient: the other party of "
                             f"'{earlier.trigger.text}' in sentence {earlier.sentence_index}")
        return None

    @staticmethod
    def _accuser(event: Event, before: list[Event]) -> Event | None:
        """A denial right after an accusation answers the accuser: "Armenia accused Baku of
        ethnic cleansing. Azerbaijan rejects the accusation." """
        if event.event != "REJECT":
            return None
        codes = _codes(event.actor)
        for earlier in reversed(before):
            if earlier.sentence_index < event.sentence_index - _PARTNER_WINDOW:
                break
            if earlier.event == "ACCUSE" and codes & _codes(earlier.recipient) \
                    and not codes & _codes(earlier.actor):
                return _with(event, earlier.actor, "recipient: who made the accusation in "
                             f"sentence {earlier.sentence_index}")
        return None

    def _sides(self, events: list[Event]) -> tuple[str, str] | None:
        """The two states fighting each other in the document: the pair with the most
        material-conflict events (attacks, seizures) between them."""
        pairs = Counter(tuple(sorted((a, r))) for e in events if e.quad_class in _CONFLICT
                        for a in _codes(e.actor) & self.states
                        for r in _codes(e.recipient) & self.states if a != r)
        top = pairs.most_common(2)
        if not top or (len(top) == 2 and top[0][1] == top[1][1]):
            return None
        return top[0][0]

    def _other_side(self, ann: Annotated, event: Event, sides) -> Event | None:
        """One side's offer, demand or refusal about "the conflict": to the other side."""
        if sides is None or event.event not in self.conflict_types:
            return None
        codes = _codes(event.actor)
        if len(codes) != 1 or not codes <= set(sides):
            return None
        sent = ann.sentences[event.sentence_index]
        if not has_phrase([t.lower_ for t in ann.tokens[sent.tok_start:sent.tok_end]],
                          self.conflict_nouns):
            return None
        other = sides[1] if sides[0] in codes else sides[0]
        actor = next((m.actor for m in ann.mentions if m.code == other and m.kind == "state"),
                     Actor(other, other, None, other))
        return _with(event, (dataclasses.replace(actor, sector=None),),
                     f"recipient: the other side of the conflict ({other})")

    def _host(self, ann: Annotated, event: Event) -> Event | None:
        """A visit told by someone else, with no destination: the speaker's country."""
        if event.event != "CONSULT" or event.mode != "visit" or event.quote is None:
            return None
        speaker = ann.quotes[event.quote].speaker
        if speaker is None or speaker.code not in self.states or speaker.code in _codes(
                event.actor):
            return None
        return _with(event, (speaker,), f"a visit told by {speaker.text}: to its country")


def _codes(actors) -> set[str]:
    return {a.code for a in actors if a.code}


def _with(event: Event, recipients: tuple[Actor, ...], why: str) -> Event:
    return dataclasses.replace(event, recipient=recipients, why=f"{event.why}; {why}")


_ENDS = (".", "!", "?", '"', "”", "’", "'")


def headline(ann: Annotated) -> int | None:
    """The index of the headline sentence: the document's title, or a first line with no
    closing punctuation that a blank line or the body follows. None when there is none."""
    if not ann.sentences:
        return None
    first = ann.sentences[0]
    text = ann.doc.text[first.start:first.end]
    if ann.doc.title and text.strip() == ann.doc.title.strip():
        return 0
    rest = ann.doc.text[first.end:first.end + 2]
    return 0 if not text.endswith(_ENDS) and rest.startswith("\n") and len(ann.sentences) > 1 \
        else None


def _without_restated_headline(ann: Annotated, events: list[Event]) -> list[Event]:
    """A headline compresses the lede: when the body codes events, the headline's are the
    same acts told twice (often with their parties cut), and only the body's are kept."""
    index = headline(ann)
    if index is None or not any(e.sentence_index != index for e in events):
        return events
    return [e for e in events if e.sentence_index != index]
