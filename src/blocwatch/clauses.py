"""Clauses and subjects: where the event coder looks for who acted.

A trigger's clause starts after the nearest clause break, or after ", and" that opens a
clause with its own subject (:func:`clause_start`). The subject is the nearest actor
mention before the trigger in its clause, with any actors coordinated with it
(:func:`subject`); it passes over relative clauses and appositions (", which ... ,",
", a key U.S. ally,"), prepositional phrases ("a base in Armenia") and actors who only
report ("X said a gunman killed ...").

Where a clause names no subject, the actor can come from a fronted phrase ("With villages
recaptured, the army ...") or, for a protest, the place a crowd protests in; a noun
trigger's recipient can be the object of a giving verb, and an act of purpose is done at
the destination before it ("sent officers to Bosnia to investigate").

The functions take the token doc, offsets and the sentence's actor mentions, and return
offsets or mentions.
"""

from __future__ import annotations

import dataclasses

from .parties import place
from .triggers import ADVERBS, TriggerMatch
from .types import Actor, Annotated, Mention, Sentence

__all__ = ["background", "clause_start", "clauses", "destination", "fronted_subject",
           "given_to", "is_passive", "local_crowd", "mention_from_actor", "names_subject",
           "subject", "trigger_clause", "words_before"]

_PREPOSITIONS = {"of", "in", "from", "at", "to", "for", "with", "on", "near", "against",
                 "between", "into", "over", "about", "via", "toward", "towards", "across",
                 "among", "amid", "under", "within", "around", "through", "than", "like"}
_NEGATED_ADVERBS = ADVERBS | {"not", "n't", "never"}
_AUXILIARIES = _NEGATED_ADVERBS | {"has", "have", "had", "will", "would", "did"}
_COORDINATORS = {"and", "but", "or", "yet", "so"}
_CONNECTIVES = {"therefore", "thus", "hence", "so", "then", "also", "to", "be", "is", "are",
                "was", "were", "been", "being", "should", "must", "could", "can", "may",
                "might", "shall", "not", "n't", "even", "instead", "meanwhile", "in", "turn"}
# Before a noun trigger these make it an adjunct of the clause ("during the talks with X"),
# not the object of the trigger before it.
_ADJUNCT = {"during", "in", "at", "amid", "following", "after", "before", "despite",
            "throughout"}
_RELATIVES = {"which", "who", "whose", "whom"}
_APPOSITION = {"a", "an", "the", "one", "its", "his", "her", "their"}  # ", a key U.S. ally,"
_REPORTING = {"said", "says", "say", "saying"}
_FRONTING = {"with", "having", "after", "following", "despite", "amid", "by"}
_LONG_AGO = {"years", "decades", "decade", "months"}  # "two years after ..."
_WHEN = {"on", "last", "this", "next", "late", "early", "monday", "tuesday", "wednesday",
         "thursday", "friday", "saturday", "sunday", "week", "weekend", "month", "today",
         "yesterday", "tomorrow"}
_CROWDS = {"CVL", "OPP", "REF"}  # people who protest


# -- clauses -----------------------------------------------------------------------


def clause_start(doc, sent: Sentence, start: int, breaks) -> int:
    """After the nearest clause break, or after ", and" that opens a clause with its own
    subject ("..., and therefore, all of them should be freed")."""
    for i in range(start - 1, sent.tok_start - 1, -1):
        word = doc[i].lower_
        if word in breaks and i != start - 1:
            return i + 1
        if word in _COORDINATORS and i > sent.tok_start and doc[i - 1].text == "," \
                and names_subject(doc, i + 1, start):
            return i + 1
    return sent.tok_start


def clauses(doc, sent: Sentence, breaks) -> list[tuple[int, int]]:
    """The sentence split into the clauses the subject search works in (token spans)."""
    starts = sorted({clause_start(doc, sent, i, breaks)
                     for i in range(sent.tok_start, sent.tok_end)} | {sent.tok_start})
    return [(a, b) for a, b in zip(starts, starts[1:] + [sent.tok_end]) if a < b]


def names_subject(doc, begin: int, start: int) -> bool:
    """Words other than auxiliaries, adverbs and connectives before the trigger: the clause
    names a subject of its own ("after a gunman killed ..."), even one that is no actor."""
    return any(not (t.is_punct or t.lower_ in _AUXILIARIES or t.lower_ in _CONNECTIVES)
               for t in doc[begin:start])


def trigger_clause(doc, sent: Sentence, match: TriggerMatch, outer_end: int, breaks,
                   why: list[str]) -> tuple[int, bool]:
    """Where the trigger's clause starts, and whether it is a noun inside the object of an
    earlier trigger ("condemned the attack on ...": the condemner did not attack)."""
    start = clause_start(doc, sent, match.start, breaks)
    gap = doc[outer_end:match.start] if outer_end > 0 else []
    coordinated = 0 < len(gap) <= 3 and gap[0].lower_ == "and" and all(
        t.is_lower for t in gap)  # "declared martial law and a general mobilisation"
    embedded = not match.rule.verbal and outer_end > start and not coordinated \
        and not any(t.lower_ in _ADJUNCT for t in gap)
    if embedded:
        why.append("a noun in the object of an earlier trigger: actor only from after it")
        return outer_end, True
    return start, False


def words_before(doc, begin: int, start: int) -> list[str]:
    """The lower-case words from the clause start to the trigger."""
    return [t.lower_ for t in doc[begin:start] if not t.is_space]


def is_passive(doc, start: int, passive_aux) -> bool:
    """"was (not) shelled": a participle after a passive auxiliary."""
    i = start - 1
    while i >= 0 and doc[i].lower_ in _NEGATED_ADVERBS:
        i -= 1
    word = doc[start].lower_
    return i >= 0 and doc[i].lower_ in passive_aux and (
        word.endswith(("ed", "en", "wn", "t", "ung", "ought", "ade"))
    )


def background(ann: Annotated, sent: Sentence, begin: int, match: TriggerMatch) -> bool:
    """A "since ..." clause, or an "after/when ..." clause set in an earlier year ("two
    years after Turkish jets shot down a Russian bomber", "when Riyadh cut ties in
    2016"): it recalls an old act. "apologised after its forces shot down" does not."""
    doc = ann.tokens
    if begin <= sent.tok_start or any(t.text == "," for t in doc[begin:match.start]):
        return False  # no clause, or a fronted one that ended before the trigger
    word = doc[begin - 1].lower_
    if word == "since":
        return True
    if word not in {"after", "when"}:
        return False
    year = ann.doc.date.year if ann.doc.date else None
    near = doc[max(sent.tok_start, begin - 4):min(sent.tok_end, match.end + 10)]
    return any(t.lower_ in _LONG_AGO for t in near) or any(
        t.like_num and len(t.text) == 4 and t.text[:2] in {"19", "20"}
        and int(t.text) != year for t in near)


# -- subjects ----------------------------------------------------------------------


def subject(doc, begin: int, start: int, mentions, passive: bool, previous,
            partitive) -> list[Mention]:
    """Who acted: the nearest actor before ``start`` in the clause from ``begin`` that is
    not inside a relative clause or a prepositional phrase (``partitive`` heads such as
    "thousands of" excepted); after "and" with no actor near, ``previous`` event's actor."""
    if previous is not None and _continues(doc, begin, start, mentions):
        return [mention_from_actor(a) for a in previous.actor]
    inside = _relative_clauses(doc, begin, start, mentions)
    candidates = [m for m in mentions if begin <= m.tok_start < start
                  and m.code is not None and not any(a <= m.tok_start < b for a, b in inside)]
    owner = None  # "a camp for Congolese refugees was attacked": whose camp
    for m in reversed(candidates):
        if any(t.lower_ in _REPORTING for t in doc[m.tok_end:start]):
            return []  # "X said a gunman killed ...": X reports, it did not act
        prev = doc[m.tok_start - 1].lower_ if m.tok_start > 0 else ""
        if prev == "the" and m.tok_start > 1:
            prev = doc[m.tok_start - 2].lower_
        if prev == "by" and not passive:  # agent of a nominal: "the visit by X"
            return _coordinated_left(doc, m, candidates)
        if prev in _PREPOSITIONS and not _partitive(doc, m, partitive):
            if passive and prev in {"for", "of"} and owner is None:
                owner = m
            continue
        if m.possessive and m.kind in {"state", "capital", "org"} and start - m.tok_end > 3:
            continue
        return _coordinated_left(doc, m, candidates)
    return [owner] if owner is not None else []


def _continues(doc, begin: int, start: int, mentions) -> bool:
    """"... and shelled": after "and" or "," with no actor near, the trigger continues the
    act before it."""
    near = _skip_back(doc, start)
    return near > begin and doc[near - 1].lower_ in {"and", ","} and not any(
        begin <= m.tok_start < start and m.tok_end > near - 6
        for m in mentions if m.tok_end >= near - 1)


def _partitive(doc, mention: Mention, heads) -> bool:
    """"thousands of (the) Iraqi Kurds", "a group of Chechen refugees": the actor is the
    subject although "of" precedes it."""
    i = mention.tok_start - 1
    if i > 0 and doc[i].lower_ == "the":
        i -= 1
    return i > 0 and doc[i].lower_ == "of" and doc[i - 1].lower_ in heads


def _skip_back(doc, start: int) -> int:
    i = start
    while i > 0 and doc[i - 1].lower_ in _AUXILIARIES:
        i -= 1
    return i


def _coordinated_left(doc, mention, candidates) -> list[Mention]:
    """"India, Japan and Australia": a comma joins only a list that ends in "and"
    ("According to the army, Russian forces ..." is no list)."""
    group = [mention]
    listed = False
    for m in reversed([c for c in candidates if c.tok_end <= mention.tok_start]):
        gap = [t.lower_ for t in doc[m.tok_end:group[0].tok_start]]
        if not gap or not all(w in {"and", ",", "the", "or"} for w in gap):
            break
        if "and" in gap or "or" in gap:
            listed = True
        elif not listed:
            break
        group.insert(0, m)
    return group


def _relative_clauses(doc, begin: int, end: int, mentions=()) -> list[tuple[int, int]]:
    """Token spans of ", which/who ... ," inside [begin, end): "Iran, which attacked
    Azerbaijan last year, warned Baku" (Azerbaijan is not the subject of "warned"); also
    appositions after a subject, ", a/the ... ,": "Pakistan, a key U.S. ally, refused"."""
    spans = []
    named = {m.tok_end for m in mentions}  # an apposition follows an actor's name
    for i in range(begin + 1, end):
        relative = doc[i].lower_ in _RELATIVES
        if (relative or doc[i].lower_ in _APPOSITION and i - 1 in named) and doc[i - 1].text == ",":
            close = next((j for j in range(i + 1, end) if doc[j].text == ","), None)
            if close is not None and (relative or _described(doc[i + 1:close])):
                spans.append((i, close))
    return spans


def _described(words) -> bool:
    """An apposition describes with a common noun ("a key U.S. ally"); a list item names
    ("the United Arab Emirates and Egypt")."""
    return any(t.is_alpha and t.is_lower and t.lower_ not in {"and", "or", "of", "the"}
               for t in words)


def fronted_subject(doc, sent: Sentence, match: TriggerMatch, mentions) -> list[Mention]:
    """The subject after a sentence-opening phrase: "With villages recaptured, the army ..."."""
    if doc[sent.tok_start].lower_ not in _FRONTING:
        return []
    comma = next((i for i in range(match.end, sent.tok_end) if doc[i].text == ","), None)
    if comma is None:
        return []
    for m in mentions:
        if m.tok_start > comma and m.code is not None:
            prev = doc[m.tok_start - 1].lower_
            if prev in {"the", ","} or m.tok_start == comma + 1:
                return [m]
            return []
    return []


def mention_from_actor(actor: Actor) -> Mention:
    """An actor found elsewhere (a speaker, an earlier event's actor) as a mention."""
    return Mention(text=actor.text, start=0, end=0, code=actor.code, sector=actor.sector,
                   name=actor.name, kind="speaker", org=actor.org)


# -- other parties -----------------------------------------------------------------


def given_to(doc, begin: int, start: int, mentions, giving) -> list[Mention]:
    """The first object of a giving verb before a noun trigger: "gave the Ivory Coast
    5.1 million dollars of aid", "sent Kyiv a new package of weapons"."""
    for m in mentions:
        if not begin < m.tok_start < start or m.code is None:
            continue
        i = m.tok_start - 1
        i -= i > begin and doc[i].lower_ == "the"
        if doc[i].lower_ in giving:
            return [m]
    return []


def destination(doc, sent: Sentence, match: TriggerMatch, mentions, own) -> list[Mention]:
    """"sent 21 officers to Bosnia to investigate ...": an act of purpose after a
    destination is done there (the state just before "to <trigger>")."""
    i = match.start - 1
    if i <= sent.tok_start or doc[i].lower_ != "to":
        return []
    for m in mentions:
        gap = doc[m.tok_end:i]  # "to Bosnia on Wednesday to investigate"
        if m.code is not None and m.tok_start > sent.tok_start and m.tok_end <= i \
                and len(gap) <= 3 and all(t.lower_ in _WHEN or t.like_num for t in gap) \
                and doc[m.tok_start - 1].lower_ in {"to", "into"} \
                and m.code not in {a.code for a in own}:
            return [m]
    return []


def local_crowd(doc, sent: Sentence, begin: int, match: TriggerMatch, mentions, breaks,
                places) -> list[Mention]:
    """"Thousands of people blocked streets in Hong Kong": a crowd whose country is not
    named protests where it is (the place after the trigger)."""
    crowd = [m for m in mentions if begin <= m.tok_start < match.start
             and m.code is None and m.sector in _CROWDS]
    if not crowd:
        return []
    where = place(doc, sent, match.end, mentions, breaks, places)
    if not where:
        return []
    return [dataclasses.replace(where[0], sector=crowd[-1].sector)]
