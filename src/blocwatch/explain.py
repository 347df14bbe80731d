"""``blocwatch explain``: why a sentence codes as it does.

For every sentence: the clauses the subject search works in, every candidate trigger
(also those that lost to an overlapping rule, or were folded into a governing trigger),
the actor candidates with their role (subject, object or other) and, for each trigger,
the actor and recipient found and why an event was or was not emitted.
"""

from __future__ import annotations

import datetime as dt

from .pipeline import Pipeline
from .types import Document

__all__ = ["explain"]


def explain(text: str, pipeline: Pipeline, date: dt.date | None = None) -> dict:
    """Mentions, clauses, actor roles, every candidate trigger with its reasoning, events."""
    ann = pipeline(Document(doc_id="explain", text=text, date=date))
    coder = next(s for s in pipeline.stages if s.__class__.__name__ == "EventCoder")
    doc = ann.tokens
    kept, dropped = coder.resolve(coder.candidates(doc))
    result = {"sentences": [text[s.start:s.end] for s in ann.sentences],
              "mentions": [m.to_json() for m in ann.mentions],
              "clauses": [], "actors": [], "triggers": []}
    for sent in ann.sentences:
        mentions = [m for m in ann.mentions if sent.tok_start <= m.tok_start < sent.tok_end]
        trace: list = []
        coder.code_sentence(ann, sent, [m for m in kept if _inside(m, sent)], mentions, trace)
        result["clauses"] += [_span(doc, sent.index, a, b) for a, b in coder.clauses(doc, sent)]
        result["triggers"] += [_traced(doc, sent.index, *item) for item in trace]
        result["triggers"] += [_overlapped(doc, sent.index, m, w) for m, w in dropped
                               if _inside(m, sent)]
        result["actors"] += _roles(mentions, trace, doc, sent.index)
    result["events"] = [e.to_json() for e in ann.events]
    result["quotes"] = [q.to_json() for q in ann.quotes]
    return result


def _inside(match, sent) -> bool:
    return sent.tok_start <= match.start < sent.tok_end


def _span(doc, index: int, start: int, end: int) -> dict:
    span = doc[start:end]
    return {"sentence": index, "text": span.text, "start": span.start_char,
            "end": span.end_char}


def _traced(doc, index: int, match, why: str, event, draft) -> dict:
    status = "emitted" if event is not None else (
        "folded" if draft is None and why.startswith("folded") else "not emitted")
    return {"sentence": index, "text": doc[match.start:match.end].text,
            "rule": match.rule.id, "type": match.rule.type, "why": why,
            "emitted": event is not None, "status": status,
            "event": event.event if event is not None else None,
            "actor": [m.text for m in draft.actor] if draft else [],
            "recipient": [m.text for m in draft.recipient] if draft else []}


def _overlapped(doc, index: int, match, winner) -> dict:
    won = doc[winner.start:winner.end].text
    return {"sentence": index, "text": doc[match.start:match.end].text,
            "rule": match.rule.id, "type": match.rule.type,
            "why": f"overlaps '{won}' ({winner.rule.id}), which has more fixed words or a "
                   "shorter span: not tried",
            "emitted": False, "status": "overlapped", "event": None, "actor": [],
            "recipient": []}


def _roles(mentions, trace, doc, index: int) -> list[dict]:
    """Each mention of the sentence with its role for the triggers tried."""
    roles: dict[tuple[int, int], dict[str, list[str]]] = {}
    for match, _, _, draft in trace:
        if draft is None:
            continue
        trigger = doc[match.start:match.end].text
        for role, found in (("subject", draft.actor), ("object", draft.recipient)):
            for m in found:
                roles.setdefault((m.start, m.end), {}).setdefault(role, []).append(trigger)
    out = []
    for m in mentions:
        found = roles.get((m.start, m.end), {})
        role = "subject" if "subject" in found else "object" if "object" in found else "other"
        out.append({"sentence": index, "text": m.text, "code": m.code, "sector": m.sector,
                    "kind": m.kind, "role": role,
                    "of": sorted({t for triggers in found.values() for t in triggers})})
    return out
