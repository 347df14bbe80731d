"""Event coding: trigger rules matched in a sentence, then who did it to whom.

*Finding* (:mod:`.triggers`): trigger rules indexed by their first word, matched slot by
slot (with gaps); where matches overlap, the rule with more fixed words wins, then the
shorter span. *Assembling* (here): for each trigger, in order,

1. a trigger governed by an earlier one ("urged Armenia **to withdraw**") is folded into
   it (REQUEST, mode yield);
2. the actor is the nearest actor mention before the trigger in its clause (with any
   actors coordinated with it), the recipient the first after it; passive voice
   ("was shelled by X") swaps them (:mod:`.clauses`, :mod:`.parties`);
3. auxiliary modes: negation, promises of cooperation (AGREE), conditional promises
   (THREATEN), modal demands reported by a speaker ("Armenia must withdraw, X said" =
   X REQUEST Armenia), hypotheticals (dropped) (:mod:`.modes`);
4. inside a quotation, "we" is the quotation's speaker (resolved by the quotes stage), and
   the speaker is who demands what the quotation says "should" happen.

Every step is written into ``Event.why`` so ``blocwatch explain`` can show it.
"""

from __future__ import annotations

import dataclasses

from . import clauses, modes, triggers
from .contexts import PLOVER_CONTEXTS, ContextCues, load_contexts
from .discourse import Discourse
from .knowledge import DATA_DIR, Knowledge, TriggerRule
from .knowledge.vocab import expand
from .modes import HANDING, Draft, ModeWords
from .parties import Domestic, after, agent, home, place, same_side
from .quotes import speech_subjects
from .triggers import DEMAND_MODALS, MODAL_DEMAND, TriggerMatch
from .types import Actor, Annotated, Event, Mention, Sentence, Trigger

__all__ = ["PLOVER_CONTEXTS", "EventCoder", "TriggerMatch", "load_contexts"]

_FOLD_RECIPIENT = {"REJECT", "AGREE", "THREATEN", "CONCEDE"}  # "refused to send aid to X": X

# Conjunctions that open a clause with a subject of its own ("after a gunman killed ..."),
# unlike "as", which is also a preposition ("the president as Armenia's ally raised ...").
_MUTUAL = {("each", "other"), ("one", "another")}
_SUBORDINATORS = {"after", "before", "when", "while", "since", "because", "although",
                  "though", "whereas", "until"}

class EventCoder:
    """Pipeline stage: code events. Requires tokens, sentences, mentions, quotes."""

    requires = ("tokens", "sentences", "mentions", "quotes")
    assigns = ("events",)

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        grammar = knowledge.grammar
        self.rules = list(knowledge.rules)
        self.index = triggers.index_rules(self.rules)
        self.speech = knowledge.speech_verbs
        self.words = ModeWords.from_grammar(grammar)
        self.passive_aux = set(grammar["passive_aux"])
        self.breaks = set(grammar["clause_breaks"])
        self.modified = {f for n in grammar["modified_nouns"] for f in (n, n + "s")}
        self.figurative = frozenset(grammar["figurative_objects"])
        self.prefixes = set(grammar["hyphen_prefixes"])
        self.partitive = set(grammar["partitive_heads"])
        self.place_types = set(grammar["place_types"])
        self.giving = {f for verb in HANDING for f in expand(verb)}
        self.characterising = {f for w in grammar["characterising_verbs"] for f in expand(w)}
        self.discourse = Discourse.from_grammar(grammar["discourse"],
                                                knowledge.actors.state_names)
        self.places = _places(knowledge.actors)
        self.domestic = _domestic(knowledge.actors, grammar["domestic"])
        self.contexts = ContextCues(load_contexts(DATA_DIR / "contexts.yaml"))
        self._speech_cache: tuple = (None, -1, [])

    # -- finding (see triggers.py) -------------------------------------------------

    def find(self, doc) -> list[TriggerMatch]:
        """All trigger matches; overlaps go to more fixed words, then the shorter span."""
        kept, _ = self.resolve(self.candidates(doc))
        return kept

    def candidates(self, doc) -> list[TriggerMatch]:
        """Every match of every rule, overlapping ones included."""
        return triggers.candidates(self.index, doc)

    resolve = staticmethod(triggers.resolve)
    modal_demands = staticmethod(triggers.modal_demands)

    def clauses(self, doc, sent: Sentence) -> list[tuple[int, int]]:
        """The sentence split into the clauses the subject search works in (token spans)."""
        return clauses.clauses(doc, sent, self.breaks)

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
        governed = triggers.governed(ann.tokens, matches, self.breaks)
        folded = {governed[m.start].start: m for m in matches if m.start in governed}
        events: list[Event] = []
        previous: Event | None = None
        for n, match in enumerate(matches):
            skipped = self._skipped(ann.tokens, sent, matches, n, governed)
            if skipped:
                if trace is not None:
                    trace.append((match, skipped, None, None))
                continue
            why: list[str] = []
            drafts: list[Draft] = []
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
                events.extend(_each_to_the_other(ann.tokens, match, event))
                previous = event
        return events

    def _skipped(self, doc, sent, matches: list[TriggerMatch], n: int,
                 governed: dict[int, TriggerMatch]) -> str:
        """Why the n-th trigger is not tried ("" when it is): it is folded into the trigger
        governing it, or names no act of its own."""
        match = matches[n]
        if match.start in governed:
            outer = governed[match.start]
            return f"folded into the governing trigger '{doc[outer.start:outer.end].text}'"
        return triggers.contained(doc, sent, matches, n, self.breaks, self.passive_aux,
                                  self.characterising)

    def _code(self, ann, sent, match, mentions, previous, folded, why,
              outer_end: int = -1, drafts: list | None = None) -> Event | None:
        """One trigger match to an event (or None), each step noted in ``why``; the draft
        (actor and recipient mentions found) is added to ``drafts`` when given."""
        doc = ann.tokens
        why.append(f"trigger '{doc[match.start:match.end].text}' matched {match.rule.id} "
                   f"({match.rule.pattern})")
        draft = modes.new_draft(doc, match, folded, why, self.words)
        if drafts is not None:
            drafts.append(draft)
        if triggers.not_an_act(doc, sent, match, mentions, why, self.prefixes, self.modified,
                               self.figurative):
            return None
        clause_start, embedded = clauses.trigger_clause(doc, sent, match, outer_end,
                                                        self.breaks, why)
        before = clauses.words_before(doc, clause_start, match.start)
        unreal = modes.unreal(before, self.words)
        if unreal:
            why.append(unreal)
            return None
        if match.rule.verbal and clauses.background(ann, sent, clause_start, match):
            why.append(f"in a '{doc[clause_start - 1].text} ...' clause about an earlier "
                       "time: background to the sentence's own act, not coded again")
            return None
        draft.negated = modes.negated(before, self.words)
        if match.rule is MODAL_DEMAND and not self._demanded(ann, sent, match, mentions, why):
            return None
        self._parties(ann, sent, match, mentions, previous, draft, clause_start, embedded, why)
        self._visit_parties(doc, sent, match, mentions, draft, why)
        self._other_recipient(doc, sent, match, mentions, folded, draft, why)
        self._modes(ann, sent, match, mentions, before, draft, why)
        return self._build(doc, sent, match, draft, why)

    def _demanded(self, ann, sent, match, mentions, why) -> bool:
        """"X must <verb>" is a demand only when someone reports it of an actor X."""
        modal = match.start - 1 - (ann.tokens[match.start - 1].lower_ not in DEMAND_MODALS)
        subject = [m for m in mentions if m.tok_end == modal and m.code is not None]
        quote = self._quote_of(ann, ann.tokens[match.start].idx)
        speaker = self._speaker(ann, quote, sent, mentions, match.start)
        if not subject or speaker is None or speaker.code in {None, subject[0].code}:
            why.append("no actor before 'must/should', or no one else reports it: no demand")
            return False
        return True

    # -- parties -------------------------------------------------------------------

    def _parties(self, ann, sent, match, mentions, previous, draft, clause_start, embedded,
                 why) -> None:
        """Actor and recipient by voice: subject, object, by-agent, fronted phrase."""
        doc, rule = ann.tokens, match.rule
        draft.passive = rule.verbal and clauses.is_passive(doc, match.start, self.passive_aux)
        given = [] if rule.verbal else clauses.given_to(doc, clause_start, match.start,
                                                        mentions, self.giving)
        if given:  # "gave the Ivory Coast 5 million dollars of aid": a recipient, no subject
            mentions = [m for m in mentions if m is not given[0]]
        subject = self._subject(doc, sent, match, mentions, previous, draft.passive,
                                clause_start, embedded, why)
        own = [] if draft.passive or rule.inverse else [m.actor for m in subject]
        after = self._after(doc, sent, match, mentions, own, rule.type)
        _by_voice(doc, sent, match, mentions, subject, after, given, draft, why)
        self._no_actor(doc, sent, match, mentions, draft, clause_start, embedded, why)

    def _subject(self, doc, sent, match, mentions, previous, passive: bool, clause_start: int,
                 embedded: bool, why) -> list[Mention]:
        """The subject in the trigger's clause, else (active voice) the main clause's."""
        subject = clauses.subject(doc, clause_start, match.start, mentions, passive, previous,
                                  self.partitive)
        own = match.rule.verbal and not match.rule.inverse \
            and doc[clause_start - 1].lower_ in _SUBORDINATORS \
            and doc[clause_start].lower_ not in {"which", "whom"} \
            and clauses.names_subject(doc, clause_start, match.start)  # not "after which"
        if not subject and clause_start > sent.tok_start and not passive and not embedded \
                and not own:  # "after a gunman killed ...": the clause has its own subject
            subject = clauses.subject(doc, sent.tok_start, clause_start, mentions, False, None,
                                      self.partitive)
            if subject:
                why.append("no subject in the clause: the main clause's subject")
        return subject

    def _no_actor(self, doc, sent, match, mentions, draft, clause_start, embedded,
                  why) -> None:
        """With no actor yet: the subject after a fronted phrase, or a crowd's place."""
        if not draft.actor and not match.rule.inverse and not embedded:
            draft.actor = clauses.fronted_subject(doc, sent, match, mentions)
            if draft.actor:
                why.append("fronted phrase ('With ..., X ...'): the main clause's subject")
        if not draft.actor and draft.kind == "PROTEST" and not draft.passive:
            draft.actor = clauses.local_crowd(doc, sent, clause_start, match, mentions,
                                              self.breaks, self.places)
            if draft.actor:
                why.append(f"protesters of no named country: those of {draft.actor[0].text}, "
                           "where they protest")

    def _visit_parties(self, doc, sent, match, mentions, draft, why) -> None:
        """A visit named by a noun: the visitor is the actor, the place visited the recipient
        ("welcomed the visit of the Iraqi premier to Ankara": IRQ visits TUR)."""
        visitor = triggers.visitor(doc, sent, match, mentions)
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
            draft.recipient = clauses.destination(doc, sent, match, mentions, own)
            if draft.recipient:
                why.append(f"sent to {draft.recipient[0].text} to do it: done there")
        if own and not draft.place and all(same_side(m.actor, own, draft.kind)
                                           for m in draft.recipient):
            self._at_home(doc, sent, match, draft, why)

    def _at_home(self, doc, sent, match, draft, why) -> None:
        """A domestic act: the actor's own state is the recipient."""
        draft.recipient = home(doc, sent, match.start, match.end, draft.actor, draft.kind,
                               self.domestic, self.breaks)
        draft.place = bool(draft.recipient)
        if draft.place:
            why.append(f"a domestic act: done to {draft.recipient[0].text} itself")

    def _after(self, doc, sent, match, mentions, own=(), kind="") -> list[Mention]:
        return after(doc, sent, match.start, match.end, mentions, self.breaks, self.speech,
                     own, kind)

    # -- modes and the event -------------------------------------------------------

    def _modes(self, ann, sent, match, mentions, before, draft, why) -> None:
        """Reported speakers, modal demands, promises, threats and reciprocal meetings."""
        doc = ann.tokens
        draft.quote = self._quote_of(ann, doc[match.start].idx)
        speaker = self._speaker(ann, draft.quote, sent, mentions, match.start)
        if modes.speaker_as_actor(match, speaker, draft, why) and not any(
                m.code for m in draft.recipient):
            self._at_home(doc, sent, match, draft, why)  # "a suspect had been arrested"
        modes.state_protest(doc, match, draft, why, self.words)
        if not modes.reported_demand(match, before, speaker, draft, why, self.words):
            modes.promise_or_threat(doc, sent, match, before, draft, why, self.words)
        modes.reciprocal(doc, match, draft, why)

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
            context=self.contexts(doc, sent, rule),
            auxiliary=auxiliary + (("negation",) if draft.negated else ()),
            cameo=cameo, quad_class=quad, score=score, quote=draft.quote,
            confidence=_confidence(actors, recipients, rule), why="; ".join(why),
            reciprocal=draft.reciprocal and len(actors) > 1 and not recipients,
        )


def _by_voice(doc, sent, match, mentions, subject, after, given, draft, why) -> None:
    """Actor and recipient from the subject and what follows the trigger: passive voice
    takes the actor after "by"; a giving verb's object is the recipient of a noun
    trigger; an inverse rule swaps them."""
    rule = match.rule
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


def _places(actors) -> dict[str, tuple[str, str]]:
    """Unambiguous city and capital names -> (state code, state name)."""
    return {text: (e.code, actors.state_names.get(e.code, e.code))
            for text, entries in actors.names.items() for e in entries
            if e.kind in {"city", "capital"} and not e.ambiguous and e.code}


def _domestic(actors, section: dict) -> Domestic:
    peoples = frozenset(text.lower() for text, entries in actors.names.items()
                        if any(e.kind == "people" for e in entries))
    return Domestic.from_grammar(section, actors.state_names, peoples)


def _each_to_the_other(doc, match: TriggerMatch, event: Event) -> list[Event]:
    """"Both sides accused each other": one event per actor, aimed at the others."""
    words = [t.lower_ for t in doc[match.start:match.end + 2]]
    mutual = any(tuple(words[i:i + 2]) in _MUTUAL for i in range(len(words) - 1))
    if not mutual or len(event.actor) < 2 or event.recipient:
        return [event]
    return [dataclasses.replace(event, actor=(a,), recipient=tuple(
        b for b in event.actor if b.code != a.code), reciprocal=False) for a in event.actor]


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


def _confidence(actors, recipients, rule: TriggerRule) -> float:
    score = 0.5 + 0.1 * min(rule.length, 3)
    if not actors:
        score -= 0.3
    if rule.recipient == "object" and not recipients:
        score -= 0.1
    return round(max(0.1, min(score, 0.95)), 2)
