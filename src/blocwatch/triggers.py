"""Trigger matches: finding them, and which of them name an act of their own.

*Finding*: trigger rules are indexed by the forms of their first slot and matched slot by
slot (a gap skips up to three words, never past punctuation); where matches overlap, the
rule with more fixed words wins, then the shorter span. The verb after "must" or "should"
is a weak trigger of a reported demand (:data:`MODAL_DEMAND`).

*Screening*: a trigger governed by an earlier one ("urged Armenia **to withdraw**") is
folded into it (:func:`governed`); a trigger inside a relative clause or inside what an
earlier demand is about (:func:`contained`), or a verb trigger used as a noun or modifier
(:func:`not_an_act`), names no act of its own.

The functions take the token doc and the matches; the event coder assembles events from
what is left.
"""

from __future__ import annotations

from dataclasses import dataclass

from .knowledge import TriggerRule
from .knowledge.vocab import GAP
from .parties import nominal_agent
from .scope import CONTENT_TYPES, characterised, in_relative_clause, inside_content
from .types import Mention

__all__ = ["ADVERBS", "DEMAND_MODALS", "GOVERNING", "MODAL_DEMAND", "TriggerMatch",
           "candidates", "contained", "governed", "index_rules", "modal_demands",
           "not_an_act", "resolve", "verb_form", "visitor"]

ADVERBS = {"also", "reportedly", "allegedly", "again", "once", "further", "already",
           "officially", "formally", "publicly", "openly", "unequivocally", "strongly",
           "sharply", "firmly", "jointly", "still", "just", "recently", "repeatedly",
           "later", "then", "now", "highly", "immediately", "quickly", "finally", "only",
           "even", "apparently", "effectively", "directly", "swiftly", "eventually",
           "initially", "subsequently", "largely", "partly", "fully", "yet"}
GOVERNING = {"REQUEST", "REJECT", "AGREE", "THREATEN", "CONCEDE"}
DEMAND_MODALS = {"must", "should"}
_NOT_DEMANDED = {"be", "have", "not", "also", "now"}  # "must be", "should have": no act of X
MODAL_DEMAND = TriggerRule(
    id="request.reported_modal.v1", type="REQUEST", mode="change", pattern="must|should <verb>",
    slots=(frozenset(DEMAND_MODALS),), example="Washington said China must drop its tariffs.",
    expect="USA>CHN", where="triggers.py")
# A verb trigger right after one of these is being used as a noun ("for the support").
_NOUN_CONTEXT = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his",
                 "her", "our", "your", "my", "for", "of", "any", "no", "such", "whose",
                 "own", "mutual", "further", "continued", "full", "firm", "strong"}
_THING_PLURALS = {"shells", "bombs", "rockets", "mortars", "missiles", "torpedoes"}
_SUBJECT_WORDS = {"who", "which", "that", "it", "he", "she", "and", "or", "but", "also",
                  "then", "now"}
_VERB_BEFORE = {"to", "will", "would", "could", "can", "may", "might", "must", "should",
                "'ll", "not", "n't"}
_HYPHENS = {"-", "‐", "–"}


@dataclass(frozen=True)
class TriggerMatch:
    rule: TriggerRule
    start: int  # token offsets
    end: int


# -- finding -----------------------------------------------------------------------


def index_rules(rules) -> dict[str, list[TriggerRule]]:
    """Rules by the forms of their first slot."""
    index: dict[str, list[TriggerRule]] = {}
    for rule in rules:
        for form in rule.slots[0]:
            index.setdefault(form, []).append(rule)
    return index


def candidates(index: dict[str, list[TriggerRule]], doc) -> list[TriggerMatch]:
    """Every match of every rule, overlapping ones included.

    Rules are indexed by the forms of their first slot, so a token that cannot start a
    trigger costs one dictionary look-up.
    """
    words = [t.lower_ for t in doc]
    stops = [t.is_punct or t.is_space for t in doc]
    out = []
    for start, word in enumerate(words):
        for rule in index.get(word, ()):
            end = _match_from(rule.slots, words, stops, start)
            if end is not None:
                out.append(TriggerMatch(rule, start, end))
    return out + modal_demands(doc)


def modal_demands(doc) -> list[TriggerMatch]:
    """The verb after "must" or "should", as a weak trigger of a reported demand: "the US
    said China must drop its tariffs" (every rule with a real trigger wins over it)."""
    out = []
    for i in range(1, len(doc) - 2):
        if doc[i].lower_ not in DEMAND_MODALS:
            continue
        j = i + 2 if doc[i + 1].lower_ in ADVERBS | {"first"} else i + 1
        if doc[j].is_alpha and doc[j].is_lower and doc[j].lower_ not in _NOT_DEMANDED:
            out.append(TriggerMatch(MODAL_DEMAND, j, j + 1))
    return out


def resolve(matches: list[TriggerMatch]):
    """(kept matches in text order, [(dropped match, the match that won over it)])."""
    ranked = sorted(matches, key=lambda m: (-m.rule.length, m.end - m.start, m.start))
    owner: dict[int, TriggerMatch] = {}
    kept, dropped = [], []
    for match in ranked:
        winner = next((owner[i] for i in range(match.start, match.end) if i in owner), None)
        if winner is not None:
            dropped.append((match, winner))
            continue
        owner.update((i, match) for i in range(match.start, match.end))
        kept.append(match)
    return sorted(kept, key=lambda m: m.start), dropped


def _match_from(slots, words, stops, start: int) -> int | None:
    """End of the shortest match of ``slots`` at ``start`` (first slot already matched)."""
    i, k = start + 1, 1
    while k < len(slots):
        slot = slots[k]
        if slot is GAP:
            target = slots[k + 1]
            for j in range(i, min(i + 4, len(words))):
                if words[j] in target:
                    i, k = j + 1, k + 2
                    break
                if stops[j]:
                    return None
            else:
                return None
            continue
        if i >= len(words) or words[i] not in slot:
            return None
        i, k = i + 1, k + 1
    return i


# -- governing ---------------------------------------------------------------------


def governed(doc, matches: list[TriggerMatch], breaks) -> dict[int, TriggerMatch]:
    """Start of each governed trigger -> the trigger governing it."""
    found: dict[int, TriggerMatch] = {}
    for i, match in enumerate(matches):
        for later in matches[i + 1:]:
            if _may_govern(match.rule.type, later.rule.type) and _governs(doc, match, later,
                                                                          breaks):
                found[later.start] = match
    return found


def _may_govern(kind: str, inner: str) -> bool:
    """Whether a trigger of type ``kind`` takes a later one of type ``inner`` into it: "urged
    X to withdraw"; "summoned the envoy to protest" (the summons is the protest)."""
    return kind in GOVERNING or (kind == "ACCUSE" and inner in {"PROTEST", "ACCUSE"})


def _governs(doc, first: TriggerMatch, later: TriggerMatch, breaks) -> bool:
    """``first`` ... to ``later`` with no clause break: "urged X to withdraw"; a demand
    ... that: "demanded that Israel ease the blockade"."""
    if later.start - first.end > 8 or later.start < first.end:
        return False
    words = [t.lower_ for t in doc[first.start:later.start]]
    between = words[first.end - first.start:]
    if any(w in breaks or w in {".", ";"} for w in between):
        return False
    if "to" not in words[1:]:
        if first.rule.type == "REQUEST" and "that" in words[1:]:
            return len(words) - words[::-1].index("that") > len(words) - 6  # "demand that X ease"
        return not between and first.rule.type == "REJECT"
    last_to = len(words) - 1 - words[::-1].index("to")
    return len(words) - last_to <= 4


# -- acts of their own -------------------------------------------------------------


def contained(doc, sent, matches: list[TriggerMatch], n: int, breaks, passive_aux,
              characterising) -> str:
    """Why the n-th trigger names no act of its own ("" when it does): it is inside a
    relative clause, or inside what an earlier demand, refusal or promise is about."""
    match = matches[n]
    if in_relative_clause(doc, sent.tok_start, match.start):
        return "inside a relative clause ('who', 'which'): background, not coded"
    if not verb_form(doc, match.start) and characterised(
            doc, sent.tok_start, match.start, characterising):
        return "what something is viewed or described as: an opinion, not coded"
    for outer in matches[:n]:
        pledged = outer.rule.type == "AGREE" and not match.rule.verbal
        verb = outer.rule.verbal or doc[outer.start].lower_ in passive_aux
        if outer.rule.type in CONTENT_TYPES and verb \
                and outer.rule is not MODAL_DEMAND and inside_content(
                    doc, (outer.start, outer.end), match.start, breaks, pledged):
            return (f"part of what '{doc[outer.start:outer.end].text}' is about "
                    f"({outer.rule.type}): not an act of its own")
    return ""


def not_an_act(doc, sent, match: TriggerMatch, mentions, why: list[str], prefixes,
               modified, figurative=frozenset()) -> bool:
    """The trigger word is used as a noun or a modifier, or figuratively ("struck a softer
    tone"), not as the act of the rule."""
    if match.rule.type == "ASSAULT" and match.rule.verbal and _figurative(doc, match, figurative):
        why.append(f"'{doc[match.start:match.end + 3].text}' is figurative: not emitted")
        return True
    if match.rule.verbal and match.start > 0 and doc[match.start - 1].lower_ in _NOUN_CONTEXT \
            and not visitor(doc, sent, match, mentions):
        why.append(f"'{doc[match.start - 1].text} {doc[match.start].text}' is a noun here, "
                   "and the rule is for the verb: not emitted")
        return True
    modifier = _modifier_use(doc, match, prefixes, modified) or _plural_noun(
        doc, match, match.rule, mentions)
    if modifier:
        why.append(f"{modifier}: not emitted")
    return bool(modifier)


def _figurative(doc, match: TriggerMatch, figurative) -> bool:
    """An attack verb whose object is a manner, not a target: "struck a softer tone",
    "hit a new low"."""
    words = [t.lower_ for t in doc[match.end:match.end + 4]]
    if not words or words[0] not in {"a", "an", "the"}:
        return False
    return any(w in figurative for w in words[1:])


def visitor(doc, sent, match: TriggerMatch, mentions) -> list[Mention]:
    """Who makes a visit named by a noun: "the visit of/by X (to Y)", "the visit to Y of
    X" ([] for a verb, or when no visitor is named after it)."""
    if match.rule.mode != "visit" or verb_form(doc, match.start):
        return []
    return nominal_agent(doc, sent, match.end, mentions)


def _modifier_use(doc, match: TriggerMatch, prefixes, modified) -> str:
    """Why the trigger modifies a noun instead of naming an act ("" when it does not).

    "Iran-backed militias", "Saudi-led coalition": joined by a hyphen to the word before;
    "attack helicopters", "aid workers": a one-word trigger before a noun it classifies.
    """
    i = match.start
    if i >= 2 and doc[i - 1].text in _HYPHENS and not doc[i - 2].whitespace_ \
            and not doc[i - 1].whitespace_ and doc[i - 2].lower_ not in prefixes:
        return f"'{doc[i - 2:i + 1].text}' is a hyphenated modifier"
    after = match.end
    if match.end - match.start == 1 and after < len(doc) \
            and doc[after].lower_ in modified and not verb_form(doc, i):
        return f"'{doc[i:after + 1].text}' names a kind of {doc[after].lower_}"
    return ""


def _plural_noun(doc, match: TriggerMatch, rule: TriggerRule, mentions) -> str:
    """A verb trigger that is also a plural noun for a thing: "stray shells land".

    As a verb the -s form follows its subject (an actor, a pronoun, "who"); after any other
    word it names the munitions, and the verb rule does not apply. (Event nouns such as
    "protests" or "attacks" stay: they report the act.)
    """
    if not rule.verbal or doc[match.start].lower_ not in _THING_PLURALS or match.start == 0:
        return ""
    i = match.start - 1
    while i > 0 and doc[i].lower_ in ADVERBS:
        i -= 1
    prev = doc[i]
    if any(m.tok_end == i + 1 for m in mentions) or prev.lower_ in _SUBJECT_WORDS \
            or not (prev.is_alpha or prev.like_num) or prev.text[:1].isupper() \
            or prev.lower_.endswith("ed"):  # "fired shells at": still the act
        return ""
    return f"'{prev.text} {doc[match.start].text}' is a plural noun here"


def verb_form(doc, i: int) -> bool:
    """The token is inflected as a verb, or follows "to" or a modal ("will attack")."""
    if doc[i].lower_.endswith(("ed", "ing")):
        return True
    return i > 0 and doc[i - 1].lower_ in _VERB_BEFORE
