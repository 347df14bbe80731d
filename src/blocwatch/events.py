"""Event coding: trigger rules matched in a sentence, then who did it to whom.

*Finding*: trigger rules indexed by their first word, matched slot by slot (with gaps);
where matches overlap, the rule with more fixed words wins, then the shorter span. *Assembling*: for each trigger, in order,

1. a trigger governed by an earlier one ("urged Armenia **to withdraw**") is folded into
   it (REQUEST, mode yield);
2. the actor is the nearest actor mention before the trigger in its clause (with any
   actors coordinated with it), the recipient the first after it; passive voice
   ("was shelled by X") swaps them;
3. auxiliary modes: negation, promises of cooperation (AGREE), conditional promises
   (THREATEN), modal demands reported by a speaker ("Armenia must withdraw, X said" =
   X REQUEST Armenia), hypotheticals (dropped);
4. inside a quotation, "we" is the quotation's speaker (resolved by the quotes stage), and
   the speaker is who demands what the quotation says "should" happen.

Every step is written into ``Event.why`` so ``blocwatch explain`` can show it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import yaml

from .discourse import Discourse
from .errors import DictionaryError
from .knowledge import DATA_DIR, Knowledge, TriggerRule
from .knowledge.vocab import GAP, expand
from .parties import Domestic, after, agent, home, nominal_agent, place, same_side
from .quotes import speech_subjects
from .scope import CONTENT_TYPES, characterised, in_relative_clause, inside_content
from .types import Actor, Annotated, Event, Mention, Sentence, Trigger

__all__ = ["PLOVER_CONTEXTS", "EventCoder", "TriggerMatch", "load_contexts"]

PLOVER_CONTEXTS = frozenset((
    "military intelligence executive legislative election political_institutions "
    "pro_democracy pro_autocracy economic legal human_rights rights_freedoms repression "
    "human_security lgbt religion_ethnicity inequality diplomatic territory health asylum "
    "migration disasters natural_resource environment technology terrorism cbrn cyber "
    "misinformation crime corruption illegal_drugs trafficking").split())

_PREPOSITIONS = {"of", "in", "from", "at", "to", "for", "with", "on", "near", "against",
                 "between", "into", "over", "about", "via", "toward", "towards", "across",
                 "among", "amid", "under", "within", "around", "through", "than", "like"}
_ADVERBS = {"also", "reportedly", "allegedly", "again", "once", "further", "already",
            "officially", "formally", "publicly", "openly", "unequivocally", "strongly",
            "sharply", "firmly", "jointly", "still", "just", "recently", "repeatedly",
            "later", "then", "now", "highly", "immediately", "quickly", "finally", "only",
            "even", "apparently", "effectively", "directly", "swiftly", "eventually",
            "initially", "subsequently", "largely", "partly", "fully", "yet"}
_NEGATED_ADVERBS = _ADVERBS | {"not", "n't", "never"}
_AUXILIARIES = _NEGATED_ADVERBS | {"has", "have", "had", "will", "would", "did"}
_REQUEST_MODE = {"RETREAT": "yield", "CONCEDE": "yield", "CONSULT": "meet", "AGREE": "meet",
                 "AID": "assist", "SUPPORT": "assist", "COOPERATE": "assist"}
_THREAT_MODE = {"ASSAULT": "violence", "COERCE": "restrict", "SANCTION": "relations",
                "MOBILIZE": "violence", "PROTEST": "restrict"}
_GOVERNING = {"REQUEST", "REJECT", "AGREE", "THREATEN", "CONCEDE"}
_FOLD_RECIPIENT = {"REJECT", "AGREE", "THREATEN", "CONCEDE"}  # "refused to send aid to X": X
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
# A verb trigger right after one of these is being used as a noun ("for the support").
_NOUN_CONTEXT = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his",
                 "her", "our", "your", "my", "for", "of", "any", "no", "such", "whose",
                 "own", "mutual", "further", "continued", "full", "firm", "strong"}


@dataclass
class _Draft:
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
class TriggerMatch:
    rule: TriggerRule
    start: int  # token offsets
    end: int


class EventCoder:
    """Pipeline stage: code events. Requires tokens, sentences, mentions, quotes."""

    requires = ("tokens", "sentences", "mentions", "quotes")
    assigns = ("events",)

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        grammar = knowledge.grammar
        self.rules = list(knowledge.rules)
        self.index: dict[str, list[TriggerRule]] = {}
        for rule in self.rules:
            for form in rule.slots[0]:
                self.index.setdefault(form, []).append(rule)
        self.speech = knowledge.speech_verbs
        self.negations = _phrases(grammar["negations"])
        self.future = _phrases(grammar["future_markers"])
        self.modals = _phrases(grammar["request_modals"])
        self.hypothetical = _phrases(grammar["hypothetical"])
        self.irrealis = _phrases(grammar["irrealis"])
        self.passive_aux = set(grammar["passive_aux"])
        self.breaks = set(grammar["clause_breaks"])
        self.promised = set(grammar["promised_types"])
        self.promised_as = dict(grammar.get("promised_as") or {})
        self.modified = {f for n in grammar["modified_nouns"] for f in (n, n + "s")}
        self.prefixes = set(grammar["hyphen_prefixes"])
        self.partitive = set(grammar["partitive_heads"])
        self.place_types = set(grammar["place_types"])
        self.giving = {f for verb in _HANDING for f in expand(verb)}
        self.discourse = Discourse.from_grammar(grammar["discourse"],
                                                knowledge.actors.state_names)
        self.places = {text: (e.code, knowledge.actors.state_names.get(e.code, e.code))
                       for text, entries in knowledge.actors.names.items() for e in entries
                       if e.kind in {"city", "capital"} and not e.ambiguous and e.code}
        peoples = frozenset(text.lower() for text, entries in knowledge.actors.names.items()
                            if any(e.kind == "people" for e in entries))
        self.domestic = Domestic.from_grammar(grammar["domestic"], knowledge.actors.state_names,
                                              peoples)
        self.protest_words = {f for w in grammar["state_protest_words"] for f in expand(w)}
        self.characterising = {f for w in grammar["characterising_verbs"] for f in expand(w)}
        self.context_cues = load_contexts(DATA_DIR / "contexts.yaml")
        self._cue_cache: tuple = (None, -1, [])
        self._speech_cache: tuple = (None, -1, [])

    # -- finding -------------------------------------------------------------------

    def find(self, doc) -> list[TriggerMatch]:
        """All trigger matches; overlaps go to more fixed words, then the shorter span."""
        kept, _ = self.resolve(self.candidates(doc))
        return kept

    @staticmethod
    def modal_demands(doc) -> list[TriggerMatch]:
        """The verb after "must" or "should", as a weak trigger of a reported demand: "the US
        said China must drop its tariffs" (every rule with a real trigger wins over it)."""
        out = []
        for i in range(1, len(doc) - 2):
            if doc[i].lower_ not in _DEMAND_MODALS:
                continue
            j = i + 2 if doc[i + 1].lower_ in _ADVERBS | {"first"} else i + 1
            if doc[j].is_alpha and doc[j].is_lower and doc[j].lower_ not in _NOT_DEMANDED:
                out.append(TriggerMatch(MODAL_DEMAND, j, j + 1))
        return out

    def candidates(self, doc) -> list[TriggerMatch]:
        """Every match of every rule, overlapping ones included.

        Rules are indexed by the forms of their first slot, so a token that cannot start a
        trigger costs one dictionary look-up.
        """
        words = [t.lower_ for t in doc]
        stops = [t.is_punct or t.is_space for t in doc]
        out = []
        for start, word in enumerate(words):
            for rule in self.index.get(word, ()):
                end = _match_from(rule.slots, words, stops, start)
                if end is not None:
                    out.append(TriggerMatch(rule, start, end))
        return out + self.modal_demands(doc)

    @staticmethod
    def resolve(candidates: list[TriggerMatch]):
        """(kept matches in text order, [(dropped match, the match that won over it)])."""
        ranked = sorted(candidates, key=lambda m: (-m.rule.length, m.end - m.start, m.start))
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

    # -- assembling ----------------------------------------------------------------

    def __call__(self, ann: Annotated) -> Annotated:
        doc = ann.tokens
        matches = self.find(doc)
        events: list[Event] = []
        for sent in ann.sentences:
            in_sentence = [m for m in matches if sent.tok_start <= m.start < sent.tok_end]
            if in_sentence:
                mentions = [m for m in ann.mentions
                            if sent.tok_start <= m.tok_start < sent.tok_end]
                events.extend(self.code_sentence(ann, sent, in_sentence, mentions))
        return dataclasses.replace(ann, events=tuple(self.discourse(ann, events)))

    def code_sentence(self, ann: Annotated, sent: Sentence, matches: list[TriggerMatch],
                      mentions: list[Mention], trace: list | None = None) -> list[Event]:
        """Events of one sentence; ``trace`` (a list) collects (trigger, why, event, draft)."""
        doc = ann.tokens
        governed = self._governed(doc, matches)
        folded = {governed[m.start].start: m for m in matches if m.start in governed}
        events: list[Event] = []
        previous: Event | None = None
        for n, match in enumerate(matches):
            if match.start in governed:
                if trace is not None:
                    outer = governed[match.start]
                    trace.append((match, f"folded into the governing trigger "
                                  f"'{doc[outer.start:outer.end].text}'", None, None))
                continue
            contained = self._contained(doc, sent, matches, n)
            if contained:
                if trace is not None:
                    trace.append((match, contained, None, None))
                continue
            why: list[str] = []
            drafts: list[_Draft] = []
            outer_end = max((m.end for m in matches[:n] if m.end <= match.start), default=-1)
            event = self._code(ann, sent, match, mentions, previous, folded.get(match.start), why,
                               outer_end, drafts)
            duplicate = event is not None and any(_same_event(event, e) for e in events)
            if duplicate:
                why.append("same event as one already coded in this sentence: not repeated")
            if trace is not None:
                trace.append((match, "; ".join(why), None if duplicate else event,
                              drafts[0] if drafts else None))
            if event is not None and not duplicate:
                events.append(event)
                previous = event
        return events

    def _contained(self, doc, sent, matches: list[TriggerMatch], n: int) -> str:
        """Why the n-th trigger names no act of its own ("" when it does): it is inside a
        relative clause, or inside what an earlier demand, refusal or promise is about."""
        match = matches[n]
        if in_relative_clause(doc, sent.tok_start, match.start):
            return "inside a relative clause ('who', 'which'): background, not coded"
        if not _verb_form(doc, match.start) and characterised(
                doc, sent.tok_start, match.start, self.characterising):
            return "what something is viewed or described as: an opinion, not coded"
        for outer in matches[:n]:
            pledged = outer.rule.type == "AGREE" and not match.rule.verbal
            verb = outer.rule.verbal or doc[outer.start].lower_ in self.passive_aux
            if outer.rule.type in CONTENT_TYPES and verb \
                    and outer.rule is not MODAL_DEMAND and inside_content(
                        doc, (outer.start, outer.end), match.start, self.breaks, pledged):
                return (f"part of what '{doc[outer.start:outer.end].text}' is about "
                        f"({outer.rule.type}): not an act of its own")
        return ""

    def _governed(self, doc, matches: list[TriggerMatch]) -> dict[int, TriggerMatch]:
        """Start of each governed trigger -> the trigger governing it."""
        governed: dict[int, TriggerMatch] = {}
        for i, match in enumerate(matches):
            for later in matches[i + 1:]:
                if _may_govern(match.rule.type, later.rule.type) and self._governs(doc, match,
                                                                                    later):
                    governed[later.start] = match
        return governed

    def _governs(self, doc, first: TriggerMatch, later: TriggerMatch) -> bool:
        """``first`` ... to ``later`` with no clause break: "urged X to withdraw"; a demand
        ... that: "demanded that Israel ease the blockade"."""
        if later.start - first.end > 8 or later.start < first.end:
            return False
        words = [t.lower_ for t in doc[first.start:later.start]]
        between = words[first.end - first.start:]
        if any(w in self.breaks or w in {".", ";"} for w in between):
            return False
        if "to" not in words[1:]:
            if first.rule.type == "REQUEST" and "that" in words[1:]:
                return len(words) - words[::-1].index("that") > len(words) - 6  # "demand that X ease"
            return not between and first.rule.type == "REJECT"
        last_to = len(words) - 1 - words[::-1].index("to")
        return len(words) - last_to <= 4

    def _code(self, ann, sent, match, mentions, previous, folded, why,
              outer_end: int = -1, drafts: list | None = None) -> Event | None:
        """One trigger match to an event (or None), each step noted in ``why``; the draft
        (actor and recipient mentions found) is added to ``drafts`` when given."""
        doc = ann.tokens
        why.append(f"trigger '{doc[match.start:match.end].text}' matched {match.rule.id} "
                   f"({match.rule.pattern})")
        draft = _Draft(kind=match.rule.type, mode=self._mode(doc, match, folded, why))
        if draft.kind == "AGREE" and folded is not None and folded.rule.type in _COOPERATIVE \
                and self._has([t.lower_ for t in doc[match.end:folded.start]], self.negations):
            draft.kind, draft.mode = "REJECT", ""  # "vowed not to return the Golan Heights"
            why.append(f"promised not to '{doc[folded.start:folded.end].text}': a refusal "
                       "-> REJECT")
        elif draft.kind == "AGREE" and folded is not None and folded.rule.type in _FORCE:
            draft.kind = "THREATEN"  # "prepared to resume shelling": readiness to attack
            why.append(f"readiness for '{doc[folded.start:folded.end].text}' "
                       f"({folded.rule.type}) -> THREATEN")
        if drafts is not None:
            drafts.append(draft)
        if self._not_an_act(doc, sent, match, mentions, why):
            return None
        clause_start, embedded = self._clause(doc, sent, match, outer_end, why)
        before = self._before(doc, clause_start, match.start)
        if self._has(before, self.hypothetical):
            why.append("hypothetical ('if'): not an event")
            return None
        if self._has(before[-_IRREALIS_SPAN:], self.irrealis):
            why.append("only hoped, expected or wondered about: not an event")
            return None
        if match.rule.verbal and self._background(ann, sent, clause_start, match):
            why.append(f"in a '{doc[clause_start - 1].text} ...' clause about an earlier "
                       "time: background to the sentence's own act, not coded again")
            return None
        draft.negated = self._negated(before)
        if match.rule is MODAL_DEMAND and not self._demanded(ann, sent, match, mentions, why):
            return None
        self._parties(ann, sent, match, mentions, previous, draft, clause_start, embedded, why)
        self._visit_parties(doc, sent, match, mentions, draft, why)
        self._other_recipient(doc, sent, match, mentions, folded, draft, why)
        self._modes(ann, sent, match, mentions, before, draft, why)
        return self._build(doc, sent, match, draft, why)

    @staticmethod
    def _background(ann, sent, clause_start: int, match) -> bool:
        """A "since ..." clause, or an "after/when ..." clause set in an earlier year ("two
        years after Turkish jets shot down a Russian bomber", "when Riyadh cut ties in
        2016"): it recalls an old act. "apologised after its forces shot down" does not."""
        doc = ann.tokens
        if clause_start <= sent.tok_start or any(t.text == "," for t in
                                                 doc[clause_start:match.start]):
            return False  # no clause, or a fronted one that ended before the trigger
        word = doc[clause_start - 1].lower_
        if word == "since":
            return True
        if word not in {"after", "when"}:
            return False
        year = ann.doc.date.year if ann.doc.date else None
        near = doc[max(sent.tok_start, clause_start - 4):min(sent.tok_end, match.end + 10)]
        return any(t.lower_ in _LONG_AGO for t in near) or any(
            t.like_num and len(t.text) == 4 and t.text[:2] in {"19", "20"}
            and int(t.text) != year for t in near)

    def _demanded(self, ann, sent, match, mentions, why) -> bool:
        """"X must <verb>" is a demand only when someone reports it of an actor X."""
        modal = match.start - 1 - (ann.tokens[match.start - 1].lower_ not in _DEMAND_MODALS)
        subject = [m for m in mentions if m.tok_end == modal and m.code is not None]
        quote = self._quote_of(ann, ann.tokens[match.start].idx)
        speaker = self._speaker(ann, quote, sent, mentions, match.start)
        if not subject or speaker is None or speaker.code in {None, subject[0].code}:
            why.append("no actor before 'must/should', or no one else reports it: no demand")
            return False
        return True

    def _mode(self, doc, match, folded, why) -> str:
        """The rule's mode, or the mode a governed trigger gives it ("urged X to withdraw")."""
        if folded is None or match.rule.type not in _GOVERNING:
            return match.rule.mode
        if match.rule.type == "AGREE" and folded.rule.type in _FORCE:
            return _THREAT_MODE[folded.rule.type]
        mode = self._folded_mode(match.rule.type, folded.rule)
        why.append(f"governs '{doc[folded.start:folded.end].text}' ({folded.rule.type})"
                   f" -> mode {mode or '-'}")
        return mode

    def _not_an_act(self, doc, sent, match, mentions, why) -> bool:
        """The trigger word is used as a noun or a modifier, not as the act of the rule."""
        if match.rule.verbal and match.start > 0 and doc[match.start - 1].lower_ in _NOUN_CONTEXT \
                and not self._visitor(doc, sent, match, mentions):
            why.append(f"'{doc[match.start - 1].text} {doc[match.start].text}' is a noun here, "
                       "and the rule is for the verb: not emitted")
            return True
        modifier = self._modifier_use(doc, match) or _plural_noun(doc, match, match.rule, mentions)
        if modifier:
            why.append(f"{modifier}: not emitted")
        return bool(modifier)

    def _clause(self, doc, sent, match, outer_end, why) -> tuple[int, bool]:
        """Where the trigger's clause starts, and whether it is a noun inside the object of an
        earlier trigger ("condemned the attack on ...": the condemner did not attack)."""
        clause_start = self._clause_start(doc, sent, match.start)
        gap = doc[outer_end:match.start] if outer_end > 0 else []
        coordinated = 0 < len(gap) <= 3 and gap[0].lower_ == "and" and all(
            t.is_lower for t in gap)  # "declared martial law and a general mobilisation"
        embedded = not match.rule.verbal and outer_end > clause_start and not coordinated \
            and not any(t.lower_ in _ADJUNCT for t in gap)
        if embedded:
            why.append("a noun in the object of an earlier trigger: actor only from after it")
            return outer_end, True
        return clause_start, False

    def _parties(self, ann, sent, match, mentions, previous, draft, clause_start, embedded,
                 why) -> None:
        """Actor and recipient by voice: subject, object, by-agent, fronted phrase."""
        doc, rule = ann.tokens, match.rule
        draft.passive = rule.verbal and self._passive(doc, match.start)
        given = [] if rule.verbal else self._given_to(doc, clause_start, match.start, mentions)
        if given:  # "gave the Ivory Coast 5 million dollars of aid": a recipient, no subject
            mentions = [m for m in mentions if m is not given[0]]
        subject = self._subject(doc, clause_start, match.start, mentions, draft.passive, previous)
        if not subject and clause_start > sent.tok_start and not draft.passive and not embedded:
            subject = self._subject(doc, sent.tok_start, clause_start, mentions, False, None)
            if subject:
                why.append("no subject in the clause: the main clause's subject")
        own = [] if draft.passive or rule.inverse else [m.actor for m in subject]
        after = self._after(doc, sent, match, mentions, own, rule.type)
        if draft.passive:
            by = agent(doc, match.end, sent.tok_end, mentions)
            draft.actor, draft.recipient = by, subject
            why.append("passive voice: subject is the recipient"
                       + (", agent after 'by'" if by else ""))
        else:
            draft.actor = subject
            draft.recipient = after if rule.recipient == "object" else []
        if given and not draft.recipient and not rule.inverse:
            draft.recipient = given
            why.append(f"{given[0].text} is what the aid was given to")
        if rule.inverse:
            draft.actor, draft.recipient = after, subject
            why.append("inverse rule: subject is the recipient")
        if not draft.actor and not rule.inverse and not embedded:
            draft.actor = self._fronted_subject(doc, sent, match, mentions)
            if draft.actor:
                why.append("fronted phrase ('With ..., X ...'): the main clause's subject")
        if not draft.actor and draft.kind == "PROTEST" and not draft.passive:
            draft.actor = self._local_crowd(doc, sent, clause_start, match, mentions)
            if draft.actor:
                why.append(f"protesters of no named country: those of {draft.actor[0].text}, "
                           "where they protest")

    @staticmethod
    def _destination(doc, sent, match, mentions, own) -> list[Mention]:
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

    def _local_crowd(self, doc, sent, clause_start: int, match, mentions) -> list[Mention]:
        """"Thousands of people blocked streets in Hong Kong": a crowd whose country is not
        named protests where it is (the place after the trigger)."""
        crowd = [m for m in mentions if clause_start <= m.tok_start < match.start
                 and m.code is None and m.sector in _CROWDS]
        if not crowd:
            return []
        where = place(doc, sent, match.end, mentions, self.breaks, self.places)
        if not where:
            return []
        return [dataclasses.replace(where[0], sector=crowd[-1].sector)]

    def _given_to(self, doc, clause_start: int, start: int, mentions) -> list[Mention]:
        """The first object of a giving verb before a noun trigger: "gave the Ivory Coast
        5.1 million dollars of aid", "sent Kyiv a new package of weapons"."""
        for m in mentions:
            if not clause_start < m.tok_start < start or m.code is None:
                continue
            i = m.tok_start - 1
            i -= i > clause_start and doc[i].lower_ == "the"
            if doc[i].lower_ in self.giving:
                return [m]
        return []

    def _visitor(self, doc, sent, match, mentions) -> list[Mention]:
        """Who makes a visit named by a noun: "the visit of/by X (to Y)", "the visit to Y of
        X" ([] for a verb, or when no visitor is named after it)."""
        if match.rule.mode != "visit" or _verb_form(doc, match.start):
            return []
        return nominal_agent(doc, sent, match.end, mentions)

    def _visit_parties(self, doc, sent, match, mentions, draft, why) -> None:
        """A visit named by a noun: the visitor is the actor, the place visited the recipient
        ("welcomed the visit of the Iraqi premier to Ankara": IRQ visits TUR)."""
        visitor = self._visitor(doc, sent, match, mentions)
        if not visitor or draft.kind != "CONSULT" or match.rule.inverse:
            return
        own = [m.actor for m in visitor]
        draft.actor, draft.passive = visitor, False
        draft.recipient = [m for m in self._after(doc, sent, match, mentions, own, draft.kind)
                           if m not in visitor]
        why.append(f"a visit named by a noun: {visitor[0].text} is the visitor")

    def _other_recipient(self, doc, sent, match, mentions, folded, draft, why) -> None:
        """With no recipient yet: the recipient of the act a promise or refusal governs
        ("promised to continue military aid to Mozambique"), or the place an act is done in
        ("lifted a night curfew in Montenegro")."""
        own = [m.actor for m in draft.actor]
        if draft.passive or any(not same_side(m.actor, own, draft.kind) for m in draft.recipient):
            return
        if folded is not None and draft.kind in _FOLD_RECIPIENT:
            draft.recipient = self._after(doc, sent, folded, mentions, own, folded.rule.type)
            if draft.recipient:
                why.append("recipient of the governed act")
        elif draft.kind in self.place_types and own:
            draft.recipient = place(doc, sent, match.end, mentions, self.breaks, self.places)
            draft.place = bool(draft.recipient)
            if draft.place:
                why.append(f"done in {draft.recipient[0].text}: the place is the recipient")
        if own and not draft.recipient:
            draft.recipient = self._destination(doc, sent, match, mentions, own)
            if draft.recipient:
                why.append(f"sent to {draft.recipient[0].text} to do it: done there")
        if own and not draft.place and all(same_side(m.actor, own, draft.kind)
                                           for m in draft.recipient):
            draft.recipient = home(doc, sent, match.start, match.end, draft.actor, draft.kind,
                                   self.domestic, self.breaks)
            draft.place = bool(draft.recipient)
            if draft.place:
                why.append(f"a domestic act: done to {draft.recipient[0].text} itself")

    def _modes(self, ann, sent, match, mentions, before, draft, why) -> None:
        """Reported speakers, modal demands, promises, threats and reciprocal meetings."""
        doc = ann.tokens
        draft.quote = self._quote_of(ann, doc[match.start].idx)
        speaker = self._speaker(ann, draft.quote, sent, mentions, match.start)
        self._speaker_as_actor(match, speaker, draft, why)
        self._state_protest(doc, match, draft, why)
        kind = draft.kind
        if self._has(before[-4:], self.modals) and speaker is not None and (
                kind not in {"REQUEST", "ACCUSE", "THREATEN"} or match.rule is MODAL_DEMAND):
            draft.mode = _REQUEST_MODE.get(kind, "change")
            why.append(f"modal demand reported by {speaker.text}: {kind} -> REQUEST {draft.mode}")
            draft.kind = "REQUEST"
            draft.recipient = draft.actor or draft.recipient
            draft.actor = [_mention_from_actor(speaker)]
        else:
            self._promise_or_threat(doc, sent, match, before, draft, why)
        self._reciprocal(doc, match, draft, why)

    def _state_protest(self, doc, match, draft, why) -> None:
        """A state or government that "protests" complains; it does not demonstrate: ACCUSE
        (PLOVER: PROTEST is for civil demonstrations)."""
        if draft.kind == "PROTEST" and doc[match.start].lower_ in self.protest_words \
                and _verb_form(doc, match.start) and draft.actor and all(_government(m) for m in draft.actor):
            draft.kind, draft.mode = "ACCUSE", "disapprove"
            why.append("a state or government protests: PROTEST -> ACCUSE disapprove")

    def _speaker_as_actor(self, match, speaker, draft, why) -> None:
        """With no actor in the text, the reporting speaker can be the one who acted."""
        if speaker is None or draft.actor:
            return
        if match.rule.inverse:
            draft.actor = [_mention_from_actor(speaker)]
            why.append(f"inverse rule with no one after it: the speaker ({speaker.text})")
        elif draft.passive and draft.kind == "COERCE" and _authority(speaker):
            draft.actor = [_mention_from_actor(speaker)]
            why.append(f"agentless arrest reported by an authority: {speaker.text} made it")

    def _promise_or_threat(self, doc, sent, match, before, draft, why) -> None:
        kind = draft.kind
        promised = self._promised(before, kind, match.rule.verbal)
        announced = self._has([t.lower_ for t in doc[match.start:match.end]], self.future)
        if (promised or announced) and "unless" in [t.lower_ for t in doc[match.end:sent.tok_end]]:
            why.append(f"promised {kind} on a condition ('unless') -> THREATEN")
            draft.kind, draft.mode = "THREATEN", ""
        elif promised:
            future = self.promised_as.get(f"{kind}:{draft.mode}", "AGREE")
            why.append(f"promised/future {kind} -> {future}")
            draft.kind, draft.mode = future, ""
        elif kind in _THREAT_MODE and self._has(before[-4:], _THREAT_MARKERS) and not any(
                w in _DECIDED for w in before[-6:]):  # "announced it would ban": a decision
            why.append(f"future {kind} -> THREATEN")
            draft.kind, draft.mode = "THREATEN", _THREAT_MODE[kind]
        elif kind in _THREAT_MODE and self._has(before[-3:], _MAYBE) and _CONDITIONS & {
                t.lower_ for t in doc[match.end:sent.tok_end]}:
            why.append(f"{kind} that may follow on a condition ('may ... if') -> THREATEN")
            draft.kind, draft.mode = "THREATEN", _THREAT_MODE[kind]

    @staticmethod
    def _reciprocal(doc, match, draft, why) -> None:
        draft.reciprocal = match.rule.recipient == "none"
        if draft.kind == "CONSULT" and draft.recipient and (
                draft.mode == "phone" or doc[match.end - 1].lower_ == "with"):
            draft.actor, draft.recipient = list(draft.actor) + list(draft.recipient), []
            draft.reciprocal = True
            why.append("reciprocal meeting or call: everyone is an actor (PLOVER)")

    def _build(self, doc, sent, match, draft, why) -> Event | None:
        rule, kind = match.rule, draft.kind
        actors = tuple(m.actor for m in draft.actor)
        recipients = tuple(r for r in (m.actor for m in draft.recipient)
                           if draft.place or not same_side(r, actors, kind))
        if not actors and not recipients:
            why.append("no actor or recipient found: not emitted")
            return None
        score, quad, cameo = self.knowledge.score(kind, draft.mode)
        auxiliary = ("future",) if "AGREE" == kind and rule.type != "AGREE" else ()
        return Event(
            event=kind, mode=draft.mode, actor=actors, recipient=recipients,
            trigger=Trigger(doc[match.start:match.end].text, doc[match.start].idx,
                            doc[match.end - 1].idx + len(doc[match.end - 1])),
            rule=rule.id, sentence_index=sent.index, sentence_start=sent.start,
            sentence_end=sent.end, negated=draft.negated,
            context=self._contexts(doc, sent, rule),
            auxiliary=auxiliary + (("negation",) if draft.negated else ()),
            cameo=cameo, quad_class=quad, score=score, quote=draft.quote,
            confidence=_confidence(actors, recipients, rule), why="; ".join(why),
            reciprocal=draft.reciprocal and len(actors) > 1 and not recipients,
        )

    def _contexts(self, doc, sent, rule: TriggerRule) -> tuple[str, ...]:
        """The rule's contexts, then those whose cue words the sentence contains."""
        cached_doc, index, cued = self._cue_cache
        if cached_doc is not doc or index != sent.index:  # once per sentence
            cued = self._cues(doc, sent)
            self._cue_cache = (doc, sent.index, cued)
        return tuple(rule.context) + tuple(c for c in cued if c not in rule.context)

    def _cues(self, doc, sent) -> list[str]:
        found: list[str] = []
        words = [t.lower_ for t in doc[sent.tok_start:sent.tok_end]]
        for i, word in enumerate(words):
            for phrase, context in self.context_cues.get(word, ()):
                if context not in found and tuple(words[i:i + len(phrase)]) == phrase:
                    found.append(context)
        return found

    # -- helpers -------------------------------------------------------------------

    def _modifier_use(self, doc, match: TriggerMatch) -> str:
        """Why the trigger modifies a noun instead of naming an act ("" when it does not).

        "Iran-backed militias", "Saudi-led coalition": joined by a hyphen to the word before;
        "attack helicopters", "aid workers": a one-word trigger before a noun it classifies.
        """
        i = match.start
        if i >= 2 and doc[i - 1].text in _HYPHENS and not doc[i - 2].whitespace_ \
                and not doc[i - 1].whitespace_ and doc[i - 2].lower_ not in self.prefixes:
            return f"'{doc[i - 2:i + 1].text}' is a hyphenated modifier"
        after = match.end
        if match.end - match.start == 1 and after < len(doc) \
                and doc[after].lower_ in self.modified and not _verb_form(doc, i):
            return f"'{doc[i:after + 1].text}' names a kind of {doc[after].lower_}"
        return ""

    def _clause_start(self, doc, sent: Sentence, start: int) -> int:
        """After the nearest clause break, or after ", and" that opens a clause with its own
        subject ("..., and therefore, all of them should be freed")."""
        for i in range(start - 1, sent.tok_start - 1, -1):
            word = doc[i].lower_
            if word in self.breaks and i != start - 1:
                return i + 1
            if word in _COORDINATORS and i > sent.tok_start and doc[i - 1].text == "," \
                    and self._own_subject(doc, i + 1, start):
                return i + 1
        return sent.tok_start

    def clauses(self, doc, sent: Sentence) -> list[tuple[int, int]]:
        """The sentence split into the clauses the subject search works in (token spans)."""
        starts = sorted({self._clause_start(doc, sent, i)
                         for i in range(sent.tok_start, sent.tok_end)} | {sent.tok_start})
        return [(a, b) for a, b in zip(starts, starts[1:] + [sent.tok_end]) if a < b]

    @staticmethod
    def _own_subject(doc, begin: int, start: int) -> bool:
        """Words other than auxiliaries, adverbs and connectives before the trigger."""
        return any(not (t.is_punct or t.lower_ in _AUXILIARIES or t.lower_ in _CONNECTIVES)
                   for t in doc[begin:start])

    @staticmethod
    def _before(doc, clause_start: int, start: int) -> list[str]:
        return [t.lower_ for t in doc[clause_start:start] if not t.is_space]

    @staticmethod
    def _has(words: list[str], phrases: set[tuple[str, ...]]) -> bool:
        for n in (1, 2, 3, 4):
            for i in range(len(words) - n + 1):
                if tuple(words[i:i + n]) in phrases:
                    return True
        return False

    def _negated(self, before: list[str]) -> bool:
        window = [w for w in before[-4:] if w not in _ADVERBS]
        return self._has(window[-3:], self.negations)

    def _promised(self, before: list[str], kind: str, verbal: bool = True) -> bool:
        """A future marker before the trigger ("will send aid"), or, for a noun, before the
        verb that hands it over ("will provide 25,000 tons of food aid to")."""
        if kind not in self.promised:
            return False
        window = [w for w in before[-6:] if w not in _ADVERBS]
        if self._has(window[-4:], self.future):
            return True
        if verbal:
            return False
        wide = before[-12:]
        verb = max((i for i, w in enumerate(wide) if w in _HANDING), default=None)
        return verb is not None and self._has(wide[max(0, verb - 3):verb], self.future)

    def _passive(self, doc, start: int) -> bool:
        i = start - 1
        while i >= 0 and doc[i].lower_ in _NEGATED_ADVERBS:
            i -= 1
        word = doc[start].lower_
        return i >= 0 and doc[i].lower_ in self.passive_aux and (
            word.endswith(("ed", "en", "wn", "t", "ung", "ought", "ade"))
        )

    def _subject(self, doc, clause_start, start, mentions, passive, previous) -> list[Mention]:
        near = self._skip_back(doc, start)
        if previous is not None and near > clause_start and doc[near - 1].lower_ in {"and", ","}:
            if not any(clause_start <= m.tok_start < start and m.tok_end > near - 6
                       for m in mentions if m.tok_end >= near - 1):
                return [_mention_from_actor(a) for a in previous.actor]
        inside = _relative_clauses(doc, clause_start, start, mentions)
        candidates = [m for m in mentions if clause_start <= m.tok_start < start
                      and m.code is not None and not any(a <= m.tok_start < b for a, b in inside)]
        owner = None  # "a camp for Congolese refugees was attacked": whose camp
        for m in reversed(candidates):
            if any(t.lower_ in _REPORTING for t in doc[m.tok_end:start]):
                return []  # "X said a gunman killed ...": X reports, it did not act
            prev = doc[m.tok_start - 1].lower_ if m.tok_start > 0 else ""
            if prev == "the" and m.tok_start > 1:
                prev = doc[m.tok_start - 2].lower_
            if prev == "by" and not passive:  # agent of a nominal: "the visit by X"
                return self._coordinated_left(doc, m, candidates)
            if prev in _PREPOSITIONS and not self._partitive(doc, m):
                if passive and prev in {"for", "of"} and owner is None:
                    owner = m
                continue
            if m.possessive and m.kind in {"state", "capital", "org"} and start - m.tok_end > 3:
                continue
            return self._coordinated_left(doc, m, candidates)
        return [owner] if owner is not None else []

    def _partitive(self, doc, mention: Mention) -> bool:
        """"thousands of (the) Iraqi Kurds", "a group of Chechen refugees": the actor is the
        subject although "of" precedes it."""
        i = mention.tok_start - 1
        if i > 0 and doc[i].lower_ == "the":
            i -= 1
        return i > 0 and doc[i].lower_ == "of" and doc[i - 1].lower_ in self.partitive

    @staticmethod
    def _fronted_subject(doc, sent, match, mentions) -> list[Mention]:
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

    @staticmethod
    def _skip_back(doc, start: int) -> int:
        i = start
        while i > 0 and doc[i - 1].lower_ in _AUXILIARIES:
            i -= 1
        return i

    @staticmethod
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

    def _after(self, doc, sent, match, mentions, own=(), kind="") -> list[Mention]:
        return after(doc, sent, match.start, match.end, mentions, self.breaks, self.speech,
                     own, kind)

    def _speaker(self, ann, quote, sent, mentions, start) -> Actor | None:
        """Who reports the clause: the quotation's speaker, or "X said (that) ..." / ", X said"."""
        if quote is not None:
            return ann.quotes[quote].speaker
        cached_doc, index, pairs = self._speech_cache
        if cached_doc is not ann.tokens or index != sent.index:  # once per sentence
            pairs = speech_subjects(ann.tokens, mentions, self.speech)
            self._speech_cache = (ann.tokens, sent.index, pairs)
        before = [m for verb, m in pairs if verb < start]
        after = [m for verb, m in pairs if verb > start]
        pick = before[-1] if before else (after[0] if after else None)
        return pick.actor if pick is not None else None

    @staticmethod
    def _quote_of(ann: Annotated, char: int) -> int | None:
        for i, quote in enumerate(ann.quotes):
            if quote.start <= char < quote.end:
                return i
        return None

    @staticmethod
    def _folded_mode(kind: str, inner: TriggerRule) -> str:
        if kind in {"REQUEST", "REJECT"}:
            return _REQUEST_MODE.get(inner.type, "change")
        if kind == "THREATEN":
            return _THREAT_MODE.get(inner.type, "")
        return ""


_WHEN = {"on", "last", "this", "next", "late", "early", "monday", "tuesday", "wednesday",
         "thursday", "friday", "saturday", "sunday", "week", "weekend", "month", "today",
         "yesterday", "tomorrow"}
_CROWDS = {"CVL", "OPP", "REF"}  # people who protest
_HANDING = {"provide", "give", "send", "deliver", "supply", "grant", "extend", "offer",
            "ship", "donate", "contribute", "allocate"}  # light verbs before a noun trigger
_LONG_AGO = {"years", "decades", "decade", "months"}  # "two years after ..."
_DEMAND_MODALS = {"must", "should"}
_NOT_DEMANDED = {"be", "have", "not", "also", "now"}  # "must be", "should have": no act of X
MODAL_DEMAND = TriggerRule(
    id="request.reported_modal.v1", type="REQUEST", mode="change", pattern="must|should <verb>",
    slots=(frozenset(_DEMAND_MODALS),), example="Washington said China must drop its tariffs.",
    expect="USA>CHN", where="events.py")
_RELATIVES = {"which", "who", "whose", "whom"}
_APPOSITION = {"a", "an", "the", "one", "its", "his", "her", "their"}  # ", a key U.S. ally,"
_COORDINATORS = {"and", "but", "or", "yet", "so"}
_CONNECTIVES = {"therefore", "thus", "hence", "so", "then", "also", "to", "be", "is", "are",
                "was", "were", "been", "being", "should", "must", "could", "can", "may",
                "might", "shall", "not", "n't", "even", "instead", "meanwhile", "in", "turn"}
# Before a noun trigger these make it an adjunct of the clause ("during the talks with X"),
# not the object of the trigger before it.
_ADJUNCT = {"during", "in", "at", "amid", "following", "after", "before", "despite",
            "throughout"}
_THING_PLURALS = {"shells", "bombs", "rockets", "mortars", "missiles", "torpedoes"}
_SUBJECT_WORDS = {"who", "which", "that", "it", "he", "she", "and", "or", "but", "also",
                  "then", "now"}
_AUTHORITIES = {"COP", "GOV", "MIL", "JUD", "SPY"}
_GOVERNMENTS = {"GOV", "LEG"}
_REPORTING = {"said", "says", "say", "saying"}
_VERB_BEFORE = {"to", "will", "would", "could", "can", "may", "might", "must", "should",
                "'ll", "not", "n't"}
_HYPHENS = {"-", "‐", "–"}
_FRONTING = {"with", "having", "after", "following", "despite", "amid", "by"}


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


def _may_govern(kind: str, inner: str) -> bool:
    """Whether a trigger of type ``kind`` takes a later one of type ``inner`` into it: "urged
    X to withdraw"; "summoned the envoy to protest" (the summons is the protest)."""
    return kind in _GOVERNING or (kind == "ACCUSE" and inner in {"PROTEST", "ACCUSE"})


def _verb_form(doc, i: int) -> bool:
    """The token is inflected as a verb, or follows "to" or a modal ("will attack")."""
    if doc[i].lower_.endswith(("ed", "ing")):
        return True
    return i > 0 and doc[i - 1].lower_ in _VERB_BEFORE


def _plural_noun(doc, match: TriggerMatch, rule: TriggerRule, mentions) -> str:
    """A verb trigger that is also a plural noun for a thing: "stray shells land".

    As a verb the -s form follows its subject (an actor, a pronoun, "who"); after any other
    word it names the munitions, and the verb rule does not apply. (Event nouns such as
    "protests" or "attacks" stay: they report the act.)
    """
    if not rule.verbal or doc[match.start].lower_ not in _THING_PLURALS or match.start == 0:
        return ""
    i = match.start - 1
    while i > 0 and doc[i].lower_ in _ADVERBS:
        i -= 1
    prev = doc[i]
    if any(m.tok_end == i + 1 for m in mentions) or prev.lower_ in _SUBJECT_WORDS \
            or not (prev.is_alpha or prev.like_num) or prev.text[:1].isupper() \
            or prev.lower_.endswith("ed"):  # "fired shells at": still the act
        return ""
    return f"'{prev.text} {doc[match.start].text}' is a plural noun here"


def _government(mention: Mention) -> bool:
    """A government, or a state by its name ("China", not "Chinese" or "Nigerians")."""
    if mention.sector is not None:
        return mention.sector in _GOVERNMENTS
    return mention.kind in {"state", "speaker"} and mention.text == mention.name


def _authority(actor: Actor | None) -> bool:
    """Police, government, army or courts: they report the arrests they make."""
    return actor is not None and actor.code is not None and actor.sector in _AUTHORITIES


def _same_event(a: Event, b: Event) -> bool:
    """``a`` adds nothing to ``b`` coded earlier in the sentence: the same type, and its
    actors among b's (among all of b's parties when b is a reciprocal meeting) and its
    recipients among b's ("telephoned X to discuss ...", "established ties with and opened
    an embassy in Tehran" are one act). The actor's own state as recipient counts as none."""
    if (a.event, a.negated) != (b.event, b.negated):
        return False
    actors, recipients = _codes(a.actor), _codes(a.recipient) - _codes(a.actor)
    if b.reciprocal:
        return bool(actors | recipients) and actors | recipients <= _codes(b.actor)
    if not actors <= _codes(b.actor) or (not actors and not b.actor):
        return False
    others = _codes(b.recipient) - _codes(b.actor)  # a domestic act's own state adds nothing
    return not recipients or not others or recipients <= others


def _codes(actors) -> set[str]:
    return {x.code or "" for x in actors}


def _phrases(items) -> set[tuple[str, ...]]:
    return {tuple(str(p).lower().split()) for p in items}


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


def _mention_from_actor(actor: Actor) -> Mention:
    return Mention(text=actor.text, start=0, end=0, code=actor.code, sector=actor.sector,
                   name=actor.name, kind="speaker", org=actor.org)


def _confidence(actors, recipients, rule: TriggerRule) -> float:
    score = 0.5 + 0.1 * min(rule.length, 3)
    if not actors:
        score -= 0.3
    if rule.recipient == "object" and not recipients:
        score -= 0.1
    return round(max(0.1, min(score, 0.95)), 2)


def load_contexts(path) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """``contexts.yaml``: PLOVER context -> cue words, as first word -> [(phrase, context)].

    Raises DictionaryError naming ``file:line`` for an unknown context or a bad cue.
    """
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise DictionaryError(f"{path}: cannot read the contexts ({e})") from e
    if root is None:
        return {}
    if not isinstance(root, yaml.MappingNode):
        raise DictionaryError(f"{path}:1: expected 'context: [cue, ...]' entries")
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for key, value in root.value:
        where = f"{path.name}:{key.start_mark.line + 1}"
        if key.value not in PLOVER_CONTEXTS:
            raise DictionaryError(f"{where}: unknown context '{key.value}'; use one of "
                                  f"{', '.join(sorted(PLOVER_CONTEXTS))}")
        if not isinstance(value, yaml.SequenceNode):
            raise DictionaryError(f"{where}: '{key.value}' needs a list of cue words")
        for cue in value.value:
            _add_cue(index, cue, key.value, path)
    return index


def _add_cue(index, cue, context: str, path) -> None:
    where = f"{path.name}:{cue.start_mark.line + 1}"
    if not isinstance(cue, yaml.ScalarNode) or not str(cue.value).strip():
        raise DictionaryError(f"{where}: a cue of '{context}' must be a word or phrase")
    text = str(cue.value)
    if text != text.lower() or len(text.split()) > 4:
        raise DictionaryError(f"{where}: cue '{text}' must be lower case, at most four words")
    phrase = tuple(text.replace("-", " - ").split())  # tokens as the tokenizer splits them
    index.setdefault(phrase[0], []).append((phrase, context))

