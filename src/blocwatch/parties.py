"""Who an event is done to: the recipient search of the event coder.

The recipient is, in this order of preference,

1. an actor inside the matched words, in a pattern's ``...`` gap ("threatened **Guyana**
   with military action", "charged **an American journalist** with") or before its last
   noun ("rejected the **Iranian** proposal");
2. the first group of actors after the trigger in its clause, passing over the actor's
   own people ("offered **its troops** to Lebanon": Lebanon);
3. for acts done *in* a place (a curfew lifted, a town shelled), the state named after
   "in": "lifted a night curfew in Montenegro" (see :func:`place`);
4. for domestic acts, the actor's own state: a protest or demand by a state's people, or
   anyone's act on a domestic matter ("extended the curfew") (see :func:`home`).

The functions take the token doc, the match span and the sentence's actor mentions, and
return mentions; the coder turns them into the event's recipients.
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import DictionaryError
from .types import Actor, Mention

__all__ = ["DIRECTIONS", "Domestic", "after", "agent", "has_phrase", "home", "nominal_agent",
           "object_in_span", "place", "same_side"]

RECIPIENT_SPAN = 14
PLACE_SPAN = 8  # words after the trigger searched for "in <state>"
POSSESSIVE_PRONOUNS = {"its", "their", "his", "her", "our", "my", "your"}
# Types whose recipient is an actor of the same state only in another role (police and
# protesters); for the others an actor of the actor's own state is not a recipient.
INTERNAL = {"COERCE", "ASSAULT", "PROTEST", "ACCUSE", "REQUEST", "REJECT", "SANCTION", "CONCEDE",
            "THREATEN", "MOBILIZE"}
_LIST_WORDS = {"and", ",", "the", "or"}
_AGENT_SPAN = 3  # words from "of"/"by" to the agent ("by a senior Saudi officer")
_DESTINATION_SPAN = 5  # words of a "to <place>" phrase before "of X"
DIRECTIONS = {"northern", "southern", "eastern", "western", "central", "north", "south",
              "east", "west", "northeastern", "northwestern", "southeastern", "southwestern"}
_SETTLEMENTS = {"city", "town", "village", "province", "region", "district", "capital", "port",
                "camp"}
_OBJECT_ENDS = {"with", "from", "of", "for", "over", "to", "into", "against"}
_PEOPLE = {"REB", "OPP", "CVL", "REF"}  # sectors of a state's people, not its government


@dataclass(frozen=True)
class Domestic:
    """``grammar.yaml``'s ``domestic`` section: when an act is done to the actor's own state."""

    by_people: frozenset[str]
    matters: frozenset[tuple[str, ...]]
    span: int
    never: frozenset[str]
    states: dict[str, str]  # state code -> name
    peoples: frozenset[str]  # lower-case names of peoples: "nigerians", "kurds"

    @classmethod
    def from_grammar(cls, section: dict, states: dict[str, str],
                     peoples: frozenset[str]) -> Domestic:
        long = [p for p in section["matters"] if len(p.split()) > 4]
        if long:
            raise DictionaryError(f"grammar.yaml: domestic matters of more than four words: "
                                  f"{long}; shorten them")
        return cls(frozenset(section["by_people"]),
                   frozenset(tuple(p.replace("-", " - ").split()) for p in section["matters"]),
                   int(section["span"]), frozenset(section["never"]), states, peoples)


def object_in_span(doc, mention: Mention, start: int, end: int) -> bool:
    """An actor inside the matched words [start, end) that is their object.

    In a gap, followed by a matched word: "expelled Russia from", "ordered the French
    ambassador to leave" (any actor).
    A possessive is not: "repeated Armenia's demand that". Right before the last matched noun: "rejected the Iranian proposal" (a bare state
    adjective). Running past the match: "expelled 20 Russian diplomats".
    """
    if mention.tok_start <= start or mention.possessive:
        return False  # "repeated Armenia's demand that": the possessor makes the demand
    if mention.tok_end < end - 1:
        return True
    if mention.tok_end == end - 1:  # before "with": an object; before a noun: its adjective
        last = doc[end - 1].lower_
        return last in _OBJECT_ENDS or (mention.kind == "state" and mention.sector is None)
    return mention.tok_end >= end and mention.kind in {"state", "org", "group"}


def same_side(recipient: Actor, actors, kind: str) -> bool:
    """A recipient that is one of the actors (or, for cooperation, the actor's own state)."""
    for a in actors:
        if a.code == recipient.code and (a.sector == recipient.sector or kind not in INTERNAL):
            return True
    return False


def after(doc, sent, start: int, end: int, mentions, breaks, speech, own=(),
          kind: str = "") -> list[Mention]:
    """The first group of actors after the trigger [start, end) (or inside it, as its
    object), up to a clause break; mentions of ``own`` actors before the group are passed
    over ("offered its troops to Lebanon")."""
    limit = min(sent.tok_end, end + RECIPIENT_SPAN)
    group: list[Mention] = []
    for m in mentions:
        if m.code is None or m.tok_start >= (sent.tok_end if group else limit):
            continue  # a list begun within reach may run on: "to Iran, Libya, ..., Sudan"
        if m.tok_start < end and not object_in_span(doc, m, start, end):
            continue
        if m.text.lower() in POSSESSIVE_PRONOUNS or _at_border(doc, m):
            continue  # "restore its territory": a possessor; "near the Thai border": where
        gap = [t.lower_ for t in doc[(group[-1].tok_end if group else end):m.tok_start]]
        if group:
            clause = gap[:2] == [",", "and"] and len(group) == 1  # ", and X ...": a clause
            shared = m.tok_start == group[-1].tok_start  # "the two sides": two actors, one span
            if shared or gap and all(w in _LIST_WORDS for w in gap) and not clause:
                group.append(m)
                continue
            break
        if _ends_search(doc, m, gap, breaks, speech):
            break
        owned = m.tok_start > 0 and doc[m.tok_start - 1].lower_ in POSSESSIVE_PRONOUNS \
            and m.code in {a.code for a in own}  # "its troops": the actor's own, any kind
        if not own or not (owned or same_side(m.actor, own, kind)):
            group.append(m)
        elif kind in INTERNAL:  # past its own forces, not another body of the same state
            own = [*own, *(Actor(a.text, a.code, None, a.name, a.org) for a in own)]
    return group


_BORDERS = {"border", "borders", "frontier"}
_ALONG = {"on", "near", "along", "at", "across", "toward", "towards", "close", "by"}


def _at_border(doc, mention: Mention) -> bool:
    """"captured a stronghold on the Thai border": the state names a place, not a party."""
    i, j = mention.tok_start - 1, mention.tok_end
    if i > 0 and doc[i].lower_ == "the":
        i -= 1
    return j < len(doc) and doc[j].lower_ in _BORDERS and i >= 0 and doc[i].lower_ in _ALONG


def _ends_search(doc, mention: Mention, gap: list[str], breaks, speech) -> bool:
    """A clause break before the mention, or ", X said" (the speaker, not the recipient)."""
    if any(w in breaks or w in {";", ":"} for w in gap) or ("," in gap and "and" in gap):
        return True
    if "," in gap and any(w in speech for w in gap):
        return True  # "dismissed Western objections, saying Turkey alone will decide"
    nxt = mention.tok_end
    return nxt < len(doc) and doc[nxt].lower_ in speech and "," in gap


def agent(doc, end: int, limit: int, mentions) -> list[Mention]:
    """The agent of a passive: "was shelled by X"."""
    for m in mentions:
        if end <= m.tok_start < min(limit, end + 8) and m.code is not None:
            if m.tok_start > 0 and doc[m.tok_start - 1].lower_ in {"by", "the"} and (
                    "by" in [t.lower_ for t in doc[end:m.tok_start]]):
                return [m]
    return []


def place(doc, sent, end: int, mentions, breaks, places=None) -> list[Mention]:
    """The state where an act happens, named after "in" soon after the trigger: "lifted a
    night curfew in Montenegro", "eased emergency measures on Wednesday in Montenegro
    province" (the recipient of acts done to a place, even the actor's own state). With
    ``places`` (city or region name -> state code) a city counts too: "shelled targets in
    Jericho" is done to the Palestinian territories."""
    limit = min(sent.tok_end, end + PLACE_SPAN)
    at = {m.tok_start: m for m in mentions if m.code is not None}
    places = places or {}
    if doc[end - 1].lower_ != "in" and end < limit and doc[end].lower_ == "the":
        found = _named_place(doc, sent, end, limit, at, places)  # "shelled the city of X"
        if found and _SETTLEMENTS & {t.lower_ for t in doc[end:found[0].tok_start]}:
            return found
    first = end - 1 if end > 0 and doc[end - 1].lower_ == "in" else end  # "demonstrated in"
    for i in range(first, limit):
        word = doc[i].lower_
        if word in breaks or word in {",", ";", ":"}:
            return []
        if word == "in":
            found = _named_place(doc, sent, i + 1, limit, at, places)
            if found:
                return found
    return []


def _named_place(doc, sent, k: int, limit: int, at, places) -> list[Mention]:
    """The state or place named at ``k``: "(the) (northern) (city of) X"."""
    k += k < limit and doc[k].lower_ == "the"
    named = _place_name(doc, k, limit, places)  # "Northern Ireland"
    if named is not None:
        return [named]
    k += k < limit and doc[k].lower_ in DIRECTIONS
    m = at.get(k)
    if m is not None and m.kind == "state" and m.sector is None and not m.possessive:
        return [m]
    s = k
    while s < sent.tok_end and doc[s].lower_ in _SETTLEMENTS:
        s += 1
    if s > k and s < sent.tok_end and doc[s].lower_ == "of":  # "the capital city of"
        k, limit = s + 1, min(sent.tok_end, limit + s + 1 - k)
    found = _place_name(doc, k, limit, places)
    return [found] if found is not None else []


def _place_name(doc, k: int, limit: int, places: dict[str, tuple[str, str]]) -> Mention | None:
    """A city or region name of up to three words at ``k``, as a mention of its state."""
    for n in (3, 2, 1):
        if k + n > limit:
            continue
        span = doc[k:k + n]
        hit = places.get(span.text)
        if hit is not None:
            code, name = hit
            return Mention(text=span.text, start=span.start_char, end=span.end_char, code=code,
                           sector=None, name=name, kind="state", tok_start=k, tok_end=k + n)
    return None


def nominal_agent(doc, sent, end: int, mentions) -> list[Mention]:
    """Who does the act a noun names, after "of" or "by": "the visit of/by X", "the visit to
    Tehran of X" (a "to <place>" phrase may come first). [] when there is none."""
    i = end
    if doc[end - 1].lower_ == "to" or (end < sent.tok_end and doc[end].lower_ == "to"):
        limit = min(sent.tok_end, end + _DESTINATION_SPAN)
        while i < limit and doc[i].lower_ not in {"of", "by"} and not doc[i].is_punct:
            i += 1
    if i >= sent.tok_end or doc[i].lower_ not in {"of", "by"}:
        return []
    for m in mentions:
        if i < m.tok_start <= i + _AGENT_SPAN and m.code is not None \
                and not any(t.is_punct for t in doc[i + 1:m.tok_start]):
            return [m]
    return []



def home(doc, sent, start: int, end: int, actors: list[Mention], kind: str,
         domestic: Domestic, breaks) -> list[Mention]:
    """The actor's own state as the recipient of a domestic act, when no one else is named:
    a protest or demand by a state's people, parties or armed groups ("Thousands of
    Nigerians protested in Lagos": NGA>NGA), or anyone's act on a domestic matter named
    in the trigger's clause ("announced he will extend the night-time curfew"). [] otherwise;
    a state's government or forces acting on no named matter get no recipient this way."""
    codes = {m.code for m in actors}
    code = codes.pop() if len(codes) == 1 else None
    if code not in domestic.states or kind in domestic.never:
        return []
    people = kind in domestic.by_people and all(_people(m, domestic) for m in actors)
    if not people and not _matter(doc, sent, start, end, domestic, breaks):
        return []
    name = domestic.states[code]
    return [Mention(text=name, start=0, end=0, code=code, sector="GOV", name=name,
                    kind="state")]


def _people(mention: Mention, domestic: Domestic) -> bool:
    """A state's people, parties or armed groups: "opposition parties", "Kenyan rebels",
    "thousands of Nigerians" (not "Nigeria", "the kingdom", "its air defences")."""
    if mention.sector is not None:
        return mention.sector in _PEOPLE
    return mention.kind == "state" and any(w in domestic.peoples
                                           for w in mention.text.lower().split())


def _matter(doc, sent, start: int, end: int, domestic: Domestic, breaks) -> bool:
    """A domestic matter in the trigger's clause up to ``domestic.span`` words after it."""
    begin = start  # back to the start of the trigger's clause
    while begin > sent.tok_start and doc[begin - 1].lower_ not in breaks \
            and doc[begin - 1].lower_ not in {";", ":", ","}:
        begin -= 1
    words: list[str] = []
    for t in doc[begin:min(sent.tok_end, end + domestic.span)]:
        if t.i >= end and (t.lower_ in breaks or t.lower_ in {";", ":", ","}):
            break
        words.append(t.lower_)
    return has_phrase(words, domestic.matters)


def has_phrase(words: list[str], phrases) -> bool:
    """Whether one of ``phrases`` (word tuples of one to four words) occurs in ``words``."""
    for n in (1, 2, 3, 4):
        for k in range(len(words) - n + 1):
            if tuple(words[k:k + n]) in phrases:
                return True
    return False
