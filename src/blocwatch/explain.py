"""``blocwatch explain``: why a sentence codes as it does."""

from __future__ import annotations

import datetime as dt

from .pipeline import Pipeline
from .types import Document

__all__ = ["explain"]


def explain(text: str, pipeline: Pipeline, date: dt.date | None = None) -> dict:
    """Mentions, every candidate trigger with the reasoning about it, events and quotes."""
    ann = pipeline(Document(doc_id="explain", text=text, date=date))
    coder = next(s for s in pipeline.stages if s.__class__.__name__ == "EventCoder")
    doc = ann.tokens
    matches = coder.find(doc)
    triggers = []
    for sent in ann.sentences:
        trace: list = []
        in_sentence = [m for m in matches if sent.tok_start <= m.start < sent.tok_end]
        mentions = [m for m in ann.mentions if sent.tok_start <= m.tok_start < sent.tok_end]
        coder.code_sentence(ann, sent, in_sentence, mentions, trace)
        for match, why, event in trace:
            triggers.append({
                "sentence": sent.index, "text": doc[match.start:match.end].text,
                "rule": match.rule.id, "type": match.rule.type, "why": why,
                "emitted": event is not None,
            })
    return {
        "sentences": [text[s.start:s.end] for s in ann.sentences],
        "mentions": [m.to_json() for m in ann.mentions],
        "triggers": triggers,
        "events": [e.to_json() for e in ann.events],
        "quotes": [q.to_json() for q in ann.quotes],
    }
