"""The shared spaCy pipeline: blank English tokenizer, our abbreviations, sentence rules.

No statistical model is loaded: tokenisation and sentence boundaries are rule-based,
so blocwatch runs offline and fast.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.attrs import ORTH
from spacy.language import Language

__all__ = ["ABBREVIATIONS", "make_nlp"]

# Abbreviations that end in a period but do not end a sentence.
ABBREVIATIONS = (
    "Gen. Lt. Col. Maj. Sgt. Capt. Cpl. Pvt. Adm. Cmdr. Brig. Gov. Sen. Rep. Pres. Amb. "
    "Sec. Dep. Min. Mr. Mrs. Ms. Dr. Prof. St. Mt. Ft. No. Nos. Vol. Art. Sept. Jan. Feb. "
    "Mar. Apr. Aug. Oct. Nov. Dec. Jr. Sr. Co. Corp. Inc. Ltd. approx. vs. Rev. Hon. Gens. "
    "U.S. U.K. U.N. E.U. U.S.S.R. U.A.E. D.C. P.M. A.M. p.m. a.m."
).split()

# After these a following capitalised word still belongs to the same sentence.
_NON_FINAL = {a for a in ABBREVIATIONS if a not in {"U.S.", "U.K.", "U.N.", "E.U.", "D.C."}}
_QUOTE_CLOSERS = {"”", "\"", "’", "''", "»"}


@Language.component("blocwatch_boundaries")
def _boundaries(doc):
    """Fix sentence starts after the sentencizer: line breaks, abbreviations, lower case."""
    carry = False  # a start the sentencizer put on white space moves to the next word
    for i, token in enumerate(doc):
        if i == 0:
            continue
        prev = doc[i - 1]
        if token.is_space:
            carry = carry or bool(token.is_sent_start)
            token.is_sent_start = False
            continue
        if carry:
            token.is_sent_start = True
            carry = False
        if prev.is_space and "\n" in prev.text:
            token.is_sent_start = True
        elif "\n" in prev.whitespace_ or (i > 1 and "\n" in prev.text):
            token.is_sent_start = True
        elif token.is_sent_start and (
            prev.text in _NON_FINAL or token.text[:1].islower() or token.text in _QUOTE_CLOSERS
        ):
            token.is_sent_start = False
    return doc


@lru_cache(maxsize=1)
def make_nlp() -> Language:
    """Build (once per process) the blank English pipeline with our rules."""
    nlp = spacy.blank("en")
    for abbr in ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])
        nlp.tokenizer.add_special_case(abbr.capitalize(), [{ORTH: abbr.capitalize()}])
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("blocwatch_boundaries")
    return nlp
