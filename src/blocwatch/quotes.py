"""Direct quotations and who said them.

A quotation runs from an opening to a closing quotation mark, possibly over several
sentences. Its speaker is the actor of the speech verb next to it: ``," Azerbaijani President
Ilham Aliyev tweeted``, ``," the president added``, ``He further added that "``. "The
statement read" points back to the last actor reported as speaking.
"""

from __future__ import annotations

import dataclasses

from .knowledge import Knowledge
from .types import Actor, Annotated, Mention, Quote

__all__ = ["QuoteFinder", "speech_subjects"]

_OPEN = {"“", "„", "«"}
_CLOSE = {"”", "»"}
_NEUTRAL = {'"', "``", "''"}
_STATEMENT_NOUNS = {"statement", "communique", "communiqué", "letter", "declaration",
                    "message", "readout", "release", "post", "tweet", "note", "report"}


class QuoteFinder:
    """Pipeline stage: find quotations and speakers; resolve "we" inside quotes."""

    requires = ("tokens", "mentions", "sentences")
    assigns = ("quotes", "mentions")

    def __init__(self, knowledge: Knowledge) -> None:
        self.speech = knowledge.speech_verbs

    def __call__(self, ann: Annotated) -> Annotated:
        doc = ann.tokens
        spans = _quote_spans(doc)
        speakers = self.speakers(ann)
        quotes = []
        for start, end in spans:
            speaker = self._speaker_for(ann, start, end, speakers)
            sents = tuple(s.index for s in ann.sentences
                          if s.tok_start < end and s.tok_end > start)
            quotes.append(Quote(text=doc[start:end].text, start=doc[start].idx,
                                end=doc[end - 1].idx + len(doc[end - 1]), speaker=speaker,
                                sentence_indexes=sents))
        mentions = [_as_speaker(m, quotes, spans) for m in ann.mentions]
        return dataclasses.replace(ann, quotes=tuple(quotes), mentions=tuple(mentions))

    def speakers(self, ann: Annotated) -> list[tuple[int, Mention]]:
        """Mentions reported as speaking, with the token of their speech verb."""
        return speech_subjects(ann.tokens, ann.mentions, self.speech)

    def _speaker_for(self, ann, start, end, speakers) -> Actor | None:
        doc = ann.tokens
        sent_end = next((s.tok_end for s in ann.sentences if s.tok_start < end <= s.tok_end),
                        len(doc))
        sent_start = next((s.tok_start for s in ann.sentences
                           if s.tok_start <= start < s.tok_end), 0)
        after = [(v, m) for v, m in speakers if end <= v < sent_end and v - end <= 14]
        before = [(v, m) for v, m in speakers if sent_start <= v < start]
        if after:
            return after[0][1].actor
        if before:
            return before[-1][1].actor
        # "the statement read": the last actor reported as speaking before the quote
        window = [t.lower_ for t in doc[end:min(sent_end, end + 6)]]
        if any(w in _STATEMENT_NOUNS for w in window) and any(w in self.speech for w in window):
            earlier = [m for v, m in speakers if v < start]
            institutions = [m for m in earlier if m.kind not in {"person", "role"}
                            and not m.kind.startswith("pronoun")]
            if institutions or earlier:
                return (institutions or earlier)[-1].actor
        return None


_LOCATIVE = {"in", "inside", "near"}


def speech_subjects(doc, mentions, speech) -> list[tuple[int, Mention]]:
    """(speech verb token, speaker) pairs: "X said", "X's statement noted", '," said X'.

    The mention after the verb is its speaker only when none comes before it: in
    "Iran's spokesman, Saeed Khatibzadeh, said Armenia must ..." Armenia is reported on."""
    out, inverted = [], []
    for m in mentions:
        if not m.code or (m.tok_start > 0 and doc[m.tok_start - 1].lower_ in _LOCATIVE):
            continue  # "The Red Cross operating in Iraq said": Iraq is where, not who
        after = _skip_adverbs(doc, _skip_apposition(doc, m.tok_end))
        after = _past_participle_phrase(doc, after, speech)
        if m.possessive and after + 1 < len(doc) and doc[after + 1].lower_ in _STATEMENT_NOUNS:
            after = _skip_adverbs(doc, after + 2)  # "Khamenei's statement noted"
        if after < len(doc) and doc[after].lower_ in speech:
            out.append((after, m))
        elif (m.tok_start >= 2 and doc[m.tok_start - 1].lower_ in speech
              and doc[m.tok_start - 2].is_punct):  # '," said the minister'
            inverted.append((m.tok_start - 1, m))
    claimed = {verb for verb, _ in out}
    return sorted(out + [(v, m) for v, m in inverted if v not in claimed],
                  key=lambda pair: pair[1].tok_start)


def _past_participle_phrase(doc, i: int, speech) -> int:
    """Past a short participle phrase before a speech verb: "The Red Cross operating in
    Iraq said" ("operating in Iraq"); ``i`` itself when there is none."""
    if i >= len(doc) or not doc[i].is_lower or not doc[i].lower_.endswith(("ing", "ed")) \
            or doc[i].lower_ in speech:
        return i
    for j in range(i + 1, min(i + 6, len(doc))):
        if doc[j].is_punct:
            return i
        if doc[j].lower_ in speech:
            return j
    return i


def _skip_apposition(doc, i: int) -> int:
    """Past a name in commas: "Iran's foreign ministry spokesman, Saeed Khatibzadeh, said"."""
    if i >= len(doc) or doc[i].text != ",":
        return i
    for j in range(i + 2, min(i + 8, len(doc))):
        if doc[j].text == ",":
            return j + 1
        if not (doc[j].text[:1].isupper() or doc[j].lower_ in _NAME_PARTICLES
                or doc[j].text in {"-", "."}):
            return i
    return i


_NAME_PARTICLES = {"al", "bin", "ibn", "van", "von", "de", "der", "den", "la", "le", "el"}


def _skip_adverbs(doc, i: int) -> int:
    while i < len(doc) and doc[i].lower_ in {"further", "also", "then", "later", "again",
                                             "once", "has", "had", "have", "quickly"}:
        i += 1
    return i


def _quote_spans(doc) -> list[tuple[int, int]]:
    """Token spans [start, end) of quotations, marks included."""
    spans = []
    open_at = None
    for token in doc:
        text = token.text
        if text in _OPEN or (text in _NEUTRAL and open_at is None and _opens(doc, token)):
            open_at = token.i
        elif (text in _CLOSE or text in _NEUTRAL) and open_at is not None:
            if token.i - open_at > 2:
                spans.append((open_at, token.i + 1))
            open_at = None
    return spans


def _opens(doc, token) -> bool:
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return nxt is not None and not nxt.is_space and not nxt.is_punct


def _as_speaker(mention: Mention, quotes: list[Quote], spans) -> Mention:
    """'We'/'our' inside a quotation is its speaker."""
    if mention.kind != "pronoun:speaker":
        return mention
    for quote, (start, end) in zip(quotes, spans):
        if start <= mention.tok_start < end and quote.speaker is not None:
            s = quote.speaker
            return dataclasses.replace(mention, code=s.code, sector=s.sector, name=s.name,
                                       org=s.org, resolved=True)
    return mention
