"""Auxiliary modes of an event being assembled: what kind of act a trigger reports.

An event is drafted from one trigger match (:class:`Draft`), then its type and mode are
adjusted by the words around the trigger:

- a governing trigger takes its mode from the act it governs ("urged X **to withdraw**":
  REQUEST yield), and a promise not to cooperate is a refusal, readiness to use force a
  threat (:func:`new_draft`);
- hypotheticals ("if ...") and acts only hoped for are no events (:func:`unreal`);
- negation (:func:`negated`); demands reported with "must/should" (:func:`reported_demand`);
- promises of cooperation become AGREE, conditional promises and announced force THREATEN
  (:func:`promise_or_threat`);
- a state that "protests" complains (ACCUSE), and a reciprocal meeting has only actors.

The words come from ``grammar.yaml`` (:class:`ModeWords`); every step is noted in ``why``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .clauses import mention_from_actor
from .knowledge import TriggerRule
from .knowledge.vocab import expand
from .parties import has_phrase
from .triggers import ADVERBS, GOVERNING, MODAL_DEMAND, TriggerMatch, verb_form
from .types import Actor, Mention

__all__ = ["HANDING", "REQUEST_MODE", "Draft", "ModeWords", "negated", "new_draft",
           "promise_or_threat", "reciprocal", "reported_demand", "speaker_as_actor",
           "state_protest", "unreal"]

REQUEST_MODE = {"RETREAT": "yield", "CONCEDE": "yield", "CONSULT": "meet", "AGREE": "meet",
                "AID": "assist", "SUPPORT": "assist", "COOPERATE": "assist"}
_THREAT_MODE = {"ASSAULT": "violence", "COERCE": "restrict", "SANCTION": "relations",
                "MOBILIZE": "violence", "PROTEST": "restrict"}
_THREAT_MARKERS = {tuple(p.split()) for p in (
    "will", "'ll", "would", "vowed to", "threatened to", "ready to", "prepared to",
    "threaten to", "threatens to", "vows to", "vow to", "sworn to", "swore to", "swear to",
    "plans to", "plan to", "planned to", "warned it would", "warned they would")}
_COOPERATIVE = {"SUPPORT", "AID", "COOPERATE", "CONSULT", "RETREAT", "CONCEDE", "AGREE"}
_DECIDED = {"announced", "announces", "decided", "decides", "ruled", "rules", "ordered",
            "approved", "voted"}
_FORCE = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"}  # "ready to <force>" is a threat
_MAYBE = {("may",), ("could",), ("might",)}
_CONDITIONS = {"if", "unless"}
_IRREALIS_SPAN = 8  # words before a trigger searched for "hope that", "expectation", ...
HANDING = {"provide", "give", "send", "deliver", "supply", "grant", "extend", "offer",
           "ship", "donate", "contribute", "allocate"}  # light verbs before a noun trigger
_AUTHORITIES = {"COP", "GOV", "MIL", "JUD", "SPY"}
_GOVERNMENTS = {"GOV", "LEG"}


@dataclass
class Draft:
    """An event being assembled from one trigger match (mutable, private to the coder)."""

    kind: str
    mode: str
    actor: list = field(default_factory=list)
    recipient: list = field(default_factory=list)
    negated: bool = False
    passive: bool = False
    reciprocal: bool = False
    place: bool = False  # the recipient is where the act happened (may be the actor's state)
    quote: int | None = None


@dataclass(frozen=True)
class ModeWords:
    """``grammar.yaml``'s words for modes: negations, future and modal markers, ..."""

    negations: set[tuple[str, ...]]
    future: set[tuple[str, ...]]
    modals: set[tuple[str, ...]]
    hypothetical: set[tuple[str, ...]]
    irrealis: set[tuple[str, ...]]
    promised: set[str]  # event types a future marker makes a promise
    promised_as: dict[str, str]  # "TYPE:mode" -> the type its promise is coded as
    protest_words: set[str]  # "protest" words a state uses to complain

    @classmethod
    def from_grammar(cls, grammar: dict) -> ModeWords:
        return cls(negations=_phrases(grammar["negations"]),
                   future=_phrases(grammar["future_markers"]),
                   modals=_phrases(grammar["request_modals"]),
                   hypothetical=_phrases(grammar["hypothetical"]),
                   irrealis=_phrases(grammar["irrealis"]),
                   promised=set(grammar["promised_types"]),
                   promised_as=dict(grammar.get("promised_as") or {}),
                   protest_words={f for w in grammar["state_protest_words"] for f in expand(w)})


# -- the draft and its governed act ------------------------------------------------


def new_draft(doc, match: TriggerMatch, folded: TriggerMatch | None, why: list[str],
              words: ModeWords) -> Draft:
    """The draft of ``match``, with the mode the trigger it governs (``folded``) gives it."""
    draft = Draft(kind=match.rule.type, mode=_governed_mode(doc, match, folded, why))
    if draft.kind == "AGREE" and folded is not None and folded.rule.type in _COOPERATIVE \
            and _has([t.lower_ for t in doc[match.end:folded.start]], words.negations):
        draft.kind, draft.mode = "REJECT", ""  # "vowed not to return the Golan Heights"
        why.append(f"promised not to '{doc[folded.start:folded.end].text}': a refusal "
                   "-> REJECT")
    elif draft.kind == "AGREE" and folded is not None and folded.rule.type in _FORCE:
        draft.kind = "THREATEN"  # "prepared to resume shelling": readiness to attack
        why.append(f"readiness for '{doc[folded.start:folded.end].text}' "
                   f"({folded.rule.type}) -> THREATEN")
    return draft


def _governed_mode(doc, match: TriggerMatch, folded: TriggerMatch | None,
                   why: list[str]) -> str:
    """The rule's mode, or the mode a governed trigger gives it ("urged X to withdraw")."""
    if folded is None or match.rule.type not in GOVERNING:
        return match.rule.mode
    if match.rule.type == "AGREE" and folded.rule.type in _FORCE:
        return _THREAT_MODE[folded.rule.type]
    mode = _folded_mode(match.rule.type, folded.rule)
    why.append(f"governs '{doc[folded.start:folded.end].text}' ({folded.rule.type})"
               f" -> mode {mode or '-'}")
    return mode


def _folded_mode(kind: str, inner: TriggerRule) -> str:
    if kind in {"REQUEST", "REJECT"}:
        return REQUEST_MODE.get(inner.type, "change")
    if kind == "THREATEN":
        return _THREAT_MODE.get(inner.type, "")
    return ""


# -- words before the trigger ------------------------------------------------------


def unreal(before: list[str], words: ModeWords) -> str:
    """Why the act is no event ("" when it is one): a hypothetical, or only hoped for."""
    if _has(before, words.hypothetical):
        return "hypothetical ('if'): not an event"
    if _has(before[-_IRREALIS_SPAN:], words.irrealis):
        return "only hoped, expected or wondered about: not an event"
    return ""


def negated(before: list[str], words: ModeWords) -> bool:
    window = [w for w in before[-4:] if w not in ADVERBS]
    return _has(window[-3:], words.negations)


def reported_demand(match: TriggerMatch, before: list[str], speaker: Actor | None,
                    draft: Draft, why: list[str], words: ModeWords) -> bool:
    """"Armenia must withdraw, X said": X REQUESTs the act of Armenia."""
    kind = draft.kind
    if not (_has(before[-4:], words.modals) and speaker is not None and (
            kind not in {"REQUEST", "ACCUSE", "THREATEN"} or match.rule is MODAL_DEMAND)):
        return False
    draft.mode = REQUEST_MODE.get(kind, "change")
    why.append(f"modal demand reported by {speaker.text}: {kind} -> REQUEST {draft.mode}")
    draft.kind = "REQUEST"
    draft.recipient = draft.actor or draft.recipient
    draft.actor = [mention_from_actor(speaker)]
    return True


def promise_or_threat(doc, sent, match: TriggerMatch, before: list[str], draft: Draft,
                      why: list[str], words: ModeWords) -> None:
    kind = draft.kind
    promised = _promised(before, kind, match.rule.verbal, words)
    announced = _has([t.lower_ for t in doc[match.start:match.end]], words.future)
    if (promised or announced) and "unless" in [t.lower_ for t in doc[match.end:sent.tok_end]]:
        why.append(f"promised {kind} on a condition ('unless') -> THREATEN")
        draft.kind, draft.mode = "THREATEN", ""
    elif promised:
        future = words.promised_as.get(f"{kind}:{draft.mode}", "AGREE")
        why.append(f"promised/future {kind} -> {future}")
        draft.kind, draft.mode = future, ""
    elif kind in _THREAT_MODE and _has(before[-4:], _THREAT_MARKERS) and not any(
            w in _DECIDED for w in before[-6:]):  # "announced it would ban": a decision
        why.append(f"future {kind} -> THREATEN")
        draft.kind, draft.mode = "THREATEN", _THREAT_MODE[kind]
    elif kind in _THREAT_MODE and _has(before[-3:], _MAYBE) and _CONDITIONS & {
            t.lower_ for t in doc[match.end:sent.tok_end]}:
        why.append(f"{kind} that may follow on a condition ('may ... if') -> THREATEN")
        draft.kind, draft.mode = "THREATEN", _THREAT_MODE[kind]


def _promised(before: list[str], kind: str, verbal: bool, words: ModeWords) -> bool:
    """A future marker before the trigger ("will send aid"), or, for a noun, before the
    verb that hands it over ("will provide 25,000 tons of food aid to")."""
    if kind not in words.promised:
        return False
    window = [w for w in before[-6:] if w not in ADVERBS]
    if _has(window[-4:], words.future):
        return True
    if verbal:
        return False
    wide = before[-12:]
    verb = max((i for i, w in enumerate(wide) if w in HANDING), default=None)
    return verb is not None and _has(wide[max(0, verb - 3):verb], words.future)


# -- who acts ----------------------------------------------------------------------


def state_protest(doc, match: TriggerMatch, draft: Draft, why: list[str],
                  words: ModeWords) -> None:
    """A state or government that "protests" complains; it does not demonstrate: ACCUSE
    (PLOVER: PROTEST is for civil demonstrations)."""
    if draft.kind == "PROTEST" and doc[match.start].lower_ in words.protest_words \
            and verb_form(doc, match.start) and draft.actor \
            and all(_government(m) for m in draft.actor):
        draft.kind, draft.mode = "ACCUSE", "disapprove"
        why.append("a state or government protests: PROTEST -> ACCUSE disapprove")


def speaker_as_actor(match: TriggerMatch, speaker: Actor | None, draft: Draft,
                     why: list[str]) -> bool:
    """With no actor in the text, the reporting speaker can be the one who acted; True
    when an authority reports an arrest it made ("police said a suspect was arrested")."""
    if speaker is None or draft.actor:
        return False
    if match.rule.inverse:
        draft.actor = [mention_from_actor(speaker)]
        why.append(f"inverse rule with no one after it: the speaker ({speaker.text})")
    elif draft.passive and draft.kind == "COERCE" and _authority(speaker):
        draft.actor = [mention_from_actor(speaker)]
        why.append(f"agentless arrest reported by an authority: {speaker.text} made it")
        return True
    return False


_HOLD = {"held", "hold", "holds", "holding", "had", "have", "has", "conducted", "began",
         "opened", "launched", "resumed", "start", "started", "begin"}


def reciprocal(doc, match: TriggerMatch, draft: Draft, why: list[str]) -> None:
    draft.reciprocal = match.rule.recipient == "none"
    if draft.kind == "CONSULT" and draft.recipient and (
            draft.mode == "phone" or _contact_with(doc, match)):
        draft.actor, draft.recipient = list(draft.actor) + list(draft.recipient), []
        draft.reciprocal = True
        why.append("reciprocal meeting or call: everyone is an actor (PLOVER)")


def _contact_with(doc, match: TriggerMatch) -> bool:
    """"during the conversation with Putin", "talks with Baku": a meeting named by a noun is
    everyone's; one that someone held or a verb ("met with", "held talks with") has its
    actor and recipient."""
    held = match.start > 0 and doc[match.start - 1].lower_ in _HOLD
    return doc[match.end - 1].lower_ == "with" and not match.rule.verbal and not held


def _government(mention: Mention) -> bool:
    """A government, or a state by its name ("China", not "Chinese" or "Nigerians")."""
    if mention.sector is not None:
        return mention.sector in _GOVERNMENTS
    return mention.kind in {"state", "speaker"} and mention.text == mention.name


def _authority(actor: Actor | None) -> bool:
    """Police, government, army or courts: they report the arrests they make."""
    return actor is not None and actor.code is not None and actor.sector in _AUTHORITIES


# -- phrases -----------------------------------------------------------------------


def _phrases(items) -> set[tuple[str, ...]]:
    return {tuple(str(p).lower().split()) for p in items}


_has = has_phrase
