"""Triggers that name no act of their own: they sit inside something else.

The event coder asks, before it assembles an event for a trigger, whether the trigger is

1. **content of a demand, refusal, promise or threat** before it in the clause: "demanded
   that the US cancel plans to *sell* weapons to Taiwan", "rejected calls by Annan to
   *adopt* reforms", "is opposed to French *mediation* in peace *negotiations*". What is
   demanded, refused or promised has not happened; the governing act is the event (the
   first governed trigger is already folded into it, see :func:`.triggers.governed`);
2. **inside a relative clause** about another participant: "the president, whom they had
   taken *hostage*", "Macedonia, which is preparing an *offensive*", "raids in which it said
   20 people were *killed*". Such clauses give background, not the news of the sentence;
3. **a characterisation**: what someone views, sees or describes something *as* ("ties
   viewed by Baku as Iran's *support* to Armenia"): an opinion about an act, not the act.

Both are plain functions on the token doc and the trigger spans (token offsets).
"""

from __future__ import annotations

__all__ = ["characterised", "in_relative_clause", "inside_content", "CONTENT_TYPES"]

# Acts whose object describes an act that has not (yet) happened.
CONTENT_TYPES = frozenset({"REQUEST", "REJECT", "AGREE", "THREATEN"})
CONTENT_SPAN = 20  # tokens after the governing trigger its content can reach
_RELATIVES = {"whom", "whose", "which"}
# "after which Stoltenberg said", "a declaration in which they pledged": the clause goes on
# with the news ("many of whom", "for which" do not).
_NARRATIVE = {"after", "following", "during", "in", "at", "under"}
# "who" opens background only when its antecedent undergoes the act ("who were taken
# hostage"); "X, who praised Y" reports X's own act.
_PASSIVE_WHO = {("who", w) for w in ("was", "were", "had", "have", "has", "is", "are")}
_ENDS = {";", ":", ",", "(", ")", "—", "–"}
# Words after which the trigger is an adjunct of the clause or coordinated with the
# governing verb ("demanded ... and attacked"), not part of what is demanded.
_OUTSIDE = {"during", "amid", "following", "despite", "throughout", "and", "or", "but"}
_FINITE = {"was", "were", "is", "are", "has", "have", "had"}
_LINKS = {"to", "that", "for", "of", "in", "on", "with", "by"}
_AS_SPAN = 6  # words from "as" to the trigger it characterises
_VERB_SPAN = 6  # words from the characterising verb to "as" ("viewed by Baku as")
_SKIPPABLE = {"has", "have", "had", "also", "then", "later", "again", "was", "were", "is",
              "are", "will", "would", "not", "n't", "never", "to"}


def inside_content(doc, outer: tuple[int, int], start: int, breaks,
                   pledged_object: bool = False) -> bool:
    """The trigger at ``start`` is in the object of the governing trigger ``outer``: no
    clause break, comma or coordinating word between them, within ``CONTENT_SPAN``."""
    first, end = outer
    if not end <= start <= first + CONTENT_SPAN:
        return False
    between = [t.lower_ for t in doc[end:start]]
    if pledged_object and not any(w in _LINKS for w in between):
        return False  # "pledged Turkey's full support": what is pledged is coded as well
    return not any(w in breaks or w in _ENDS or w in _OUTSIDE for w in between) \
        and not _coordinated(doc, end, start) and not _main_verb(doc, between)


def _main_verb(doc, between: list[str]) -> bool:
    """"The ceasefire offer was rejected by Hamas": the outer trigger was a noun and the
    later one, after a finite auxiliary with no "that" or "to" before it, is the verb."""
    return bool(between) and between[-1] in _FINITE and not {"that", "to"} & set(between)


def _coordinated(doc, end: int, start: int) -> bool:
    """"urged X to withdraw and to negotiate": the word before the trigger (past
    auxiliaries) joins it to the governing verb's level."""
    i = start - 1
    while i >= end and doc[i].lower_ in _SKIPPABLE:
        i -= 1
    return i >= end and doc[i].lower_ in {"and", "or", "but", ","}


def in_relative_clause(doc, sent_start: int, start: int) -> bool:
    """The trigger follows "who/whom/whose/which" in its sentence with no comma, bracket
    or clause end between them ("..., whom they had taken hostage two weeks ago")."""
    for i in range(start - 1, sent_start, -1):
        word = doc[i].lower_
        if word in _ENDS or doc[i].text in {".", "!", "?"}:
            return False
        if word in _RELATIVES:
            return doc[i - 1].lower_ not in _NARRATIVE and not _about_subject(doc, sent_start, i)
        if (word, doc[i + 1].lower_) in _PASSIVE_WHO and _passive_after(doc, i + 1, start):
            return True
    return False


def _about_subject(doc, sent_start: int, i: int) -> bool:
    """"The European Union, which imposed sanctions on Belarus, extended them": a clause on
    the subject that opens the sentence tells of the subject's own acts (kept)."""
    words = [t.lower_ for t in doc[sent_start:i - 1]]
    return doc[i - 1].text == "," and 0 < len(words) <= 6 and "," not in words \
        and not any(w in _FINITE or w.endswith("ed") for w in words)


def _passive_after(doc, i: int, start: int) -> bool:
    """"who were (being) taken", "who had been abducted": a participle before the trigger
    or the trigger itself."""
    words = [t.lower_ for t in doc[i:start + 1]]
    return words[0] in {"was", "were", "is", "are"} or "been" in words


def characterised(doc, sent_start: int, start: int, verbs) -> bool:
    """The trigger at ``start`` is what something is viewed, seen or described *as*: "ties
    viewed by Baku as Iran's support to Armenia" (``verbs``: the characterising verb forms).
    "as" is at most ``_AS_SPAN`` words before the trigger with no punctuation between."""
    for i in range(start - 1, max(sent_start, start - _AS_SPAN) - 1, -1):
        if doc[i].is_punct:
            return False
        if doc[i].lower_ == "as":
            return _verb_before(doc, sent_start, i, verbs)
    return False


def _verb_before(doc, sent_start: int, i: int, verbs) -> bool:
    """One of ``verbs`` at most ``_VERB_SPAN`` words before ``i``, no punctuation between."""
    for j in range(i - 1, max(sent_start, i - _VERB_SPAN) - 1, -1):
        if doc[j].is_punct:
            return False
        if doc[j].lower_ in verbs:
            return True
    return False
