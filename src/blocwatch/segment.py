"""Segmentation: tokens and sentences with character offsets."""

from __future__ import annotations

import dataclasses

from .nlp import make_nlp
from .types import Annotated, Sentence

__all__ = ["Segmenter"]


class Segmenter:
    """Pipeline stage. Requires the document text; sets ``tokens`` and ``sentences``.

    Sentence ends exclude trailing white space, so ``text[start:end]`` is the sentence.
    """

    requires = ("doc",)
    assigns = ("tokens", "sentences")

    def __init__(self) -> None:
        self.nlp = make_nlp()

    def __call__(self, ann: Annotated) -> Annotated:
        doc = self.nlp(ann.doc.text)
        sentences = []
        for span in doc.sents:
            text = span.text
            stripped = text.rstrip()
            lead = len(text) - len(text.lstrip())
            if not stripped.strip():
                continue
            sentences.append(Sentence(
                index=len(sentences), start=span.start_char + lead,
                end=span.start_char + len(stripped), tok_start=span.start, tok_end=span.end,
            ))
        return dataclasses.replace(ann, tokens=doc, sentences=tuple(sentences))
