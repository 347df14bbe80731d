"""Actor recognition: dictionary pieces assembled into one mention per actor.

*Finding* uses two spaCy PhraseMatchers (proper names by exact spelling, sector nouns and
titles ignoring case); ambiguous names get the reading their context calls for, and a
title before unknown capitalised words names a new person (checks on single pieces in
:mod:`.actor_pieces`). *Assembling* joins adjacent pieces into one actor
(:mod:`.actor_groups`): "Azerbaijani President Ilham Aliyev", "Iran's Supreme Leader",
"the Foreign Ministry of Azerbaijan", "Russia's Putin", "Hungarian and Romanian
officials" (two mentions); here a group gets its code, sector and name on the date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from spacy.matcher import PhraseMatcher

from .actor_groups import LEADER_GOVERNMENTS, coordinated, ethnic_where, grow, mention_of, named
from .actor_pieces import (Piece, ReadingRule, acronym_of, adjective_use, compile_reading,
                           contains, cue_at, dateline_tokens, is_name_token, kept, longest,
                           month_surname,
                           patron_of_named, possessive_at, stance_prefix)
from .knowledge import Knowledge, NameEntry
from .knowledge.actors import Reading
from .nlp import make_nlp
from .types import Annotated, Mention

__all__ = ["ActorRecognizer"]

_KIND_RANK = {"state": 0, "org": 1, "group": 2, "person": 3, "seat": 4, "capital": 5,
              "city": 5, "adjective": 6, "people": 7, "none": 8}
_PERSON = Reading("person")  # a name already read as part of a person's name


class ActorRecognizer:
    """Pipeline stage: find actor mentions. Requires tokens; sets ``mentions``."""

    requires = ("tokens",)
    assigns = ("mentions",)

    def __init__(self, knowledge: Knowledge) -> None:
        self.kb = knowledge.actors
        self.grammar = knowledge.grammar
        nlp = make_nlp()
        self.names = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.name_entries: dict[tuple[str, ...], list[NameEntry]] = {}
        for text, entries in self.kb.names.items():
            key = tuple(t.text for t in nlp.make_doc(text))
            self.name_entries.setdefault(key, []).extend(entries)
        self.names.add("NAME", [nlp.make_doc(" ".join(k)) for k in self.name_entries])
        self.nouns = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.noun_entries: dict[tuple[str, ...], tuple[str, str]] = {}
        for table, kind in ((self.kb.sectors, "sector"), (self.kb.titles, "title")):
            for phrase, sector in table.items():
                key = tuple(t.lower_ for t in nlp.make_doc(phrase))
                if kind == "title" or key not in self.noun_entries:
                    self.noun_entries[key] = (kind, sector)
        both = [nlp.make_doc(p) for p in self.grammar["both_sides"]]
        self.nouns.add("NOUN", [nlp.make_doc(" ".join(k)) for k in self.noun_entries])
        self.nouns.add("BOTH", both)
        self.pronouns = {w: kind for kind, words in self.grammar["pronouns"].items()
                         for w in words}
        self.rules = {text: [compile_reading(nlp, r) for r in readings]
                      for text, readings in self.kb.readings.items()}

    def __call__(self, ann: Annotated) -> Annotated:
        doc = ann.tokens
        datelines = dateline_tokens(doc, ann.sentences)
        pieces = [p for p in self._pieces(doc) if p.start not in datelines]
        mentions = self._assemble(doc, pieces, ann.doc.date)
        mentions += self._pronouns(doc, pieces)
        mentions.sort(key=lambda m: (m.tok_start, m.tok_end))
        mentions = ethnic_where(doc, ann.sentences, mentions)
        return dataclasses.replace(ann, mentions=tuple(mentions))

    # -- finding -------------------------------------------------------------------

    def _pieces(self, doc) -> list[Piece]:
        found: list[Piece] = []
        for _, start, end in self.names(doc):
            entries = self.name_entries.get(tuple(t.text for t in doc[start:end]))
            if entries:
                entry = min(entries, key=lambda e: (e.ambiguous, _KIND_RANK.get(e.kind, 9)))
                found.append(Piece(start, end, entry.kind, entry, words=doc[start:end].text))
        for match_id, start, end in self.nouns(doc):
            if doc.vocab.strings[match_id] == "BOTH":
                found.append(Piece(start, end, "both", words=doc[start:end].text))
                continue
            kind, sector = self.noun_entries[tuple(t.lower_ for t in doc[start:end])]
            if kind == "title" and adjective_use(doc, start, end):
                continue
            found.append(Piece(start, end, kind, sector=sector, words=doc[start:end].text))
        found += self._leader_names(doc, found)
        led = patron_of_named(doc, found)
        found = [p for p in found if not stance_prefix(doc, p) and not acronym_of(doc, p)
                 and p.start not in led]
        return self._newnames(doc, self._disambiguate(doc, longest(found)))

    def _leader_names(self, doc, found: list[Piece]) -> list[Piece]:
        """A leader's surname before "administration/government": "the Bush administration"
        is the US government when every leader of that surname led the same state."""
        taken = {i for p in found for i in range(p.start, p.end)}
        pieces = []
        for p in found:
            i = p.start - 1
            if p.kind != "sector" or p.words.lower() not in LEADER_GOVERNMENTS or i < 0 \
                    or i in taken or not doc[i].is_title or not doc[i].is_alpha:
                continue
            homes = {r.code for person in self.kb.surnames.get(doc[i].text, ())
                     for r in person.roles if r.sector == "GOV"}
            if len(homes) == 1:
                code = homes.pop()
                entry = NameEntry(doc[i].text, "adjective", code,
                                  name=self.kb.state_names.get(code, code))
                pieces.append(Piece(i, i + 1, "adjective", entry, words=doc[i].text))
        return pieces

    # -- ambiguous names -------------------------------------------------------------

    def _disambiguate(self, doc, pieces: list[Piece]) -> list[Piece]:
        """Give each ambiguous name the reading its context calls for (ambiguity.yaml)."""
        named = {p.entry.code for p in pieces
                 if p.entry is not None and not p.entry.ambiguous and p.kind != "none"}
        taken = {i for p in pieces for i in range(p.start, p.end)}
        persons: set[str] = set()
        out = []
        for piece in pieces:
            reading = self._reading(doc, piece, named, taken, persons)
            if reading is None:
                out += [piece] if kept(piece, named) else []
                continue
            if reading.means == "person":
                persons.add(piece.words)
            entry = reading.entry(piece.words)
            if entry is not None:
                out.append(Piece(piece.start, piece.end, entry.kind, entry, words=piece.words))
        return out

    def _reading(self, doc, piece, named, taken, persons) -> Reading | None:
        if piece.entry is None:
            return None
        for rule in self.rules.get(piece.words, ()):
            if self._fits(doc, piece, rule, named, taken):
                return rule.reading
        if piece.words in persons and piece.end not in taken and not possessive_at(
                doc, piece.end):
            return _PERSON  # "Michael Jordan ... Jordan said"
        return None

    def _fits(self, doc, piece, rule: ReadingRule, named, taken) -> bool:
        if rule.reading.beside_name and self._beside_name(doc, piece, taken):
            return True
        for scope, cues in rule.cues:
            if scope == "named":
                if piece.entry.code not in named and any(c in named for c in cues):
                    return True
            elif scope == "sentence":
                words = [t.lower_ for t in doc[piece.start].sent]
                if any(contains(words, c) for c in cues) and not any(
                        contains(words, c) for c in rule.unless):
                    return True
            elif any(cue_at(doc, piece, scope, c) for c in cues):
                return True
        return False

    def _beside_name(self, doc, piece, taken) -> bool:
        """"Michael Jordan", "Chad Smith": an unknown capitalised word right beside it."""
        sent = doc[piece.start].sent
        if not any(t.is_lower and len(t) > 3 for t in sent):
            return False  # a headline in title case says nothing
        before = doc[piece.start - 1] if piece.start > sent.start else None
        after = doc[piece.end] if piece.end < sent.end else None
        if before is not None and before.i not in taken and is_name_token(before) and (
                before.i > sent.start or before.text in self.kb.given_names):
            return True
        return after is not None and after.i not in taken and is_name_token(after)

    def _newnames(self, doc, pieces: list[Piece]) -> list[Piece]:
        """A title followed by capitalised words names a person we may not know."""
        taken = {i for p in pieces for i in range(p.start, p.end)}
        people = {p.start: p for p in pieces if p.kind == "person"}
        out = list(pieces)
        for piece in pieces:
            if piece.kind != "title":
                continue
            i = piece.end + month_surname(doc, piece.end)  # "Prime Minister May said"
            while i < len(doc) and i not in taken and is_name_token(doc[i]) and i - piece.end < 4:
                i += 1
            if i > piece.end and i in people:  # "Abbas Aragchi": a given name, a known name
                people[i].start, people[i].words = piece.end, doc[piece.end:people[i].end].text
                continue
            if i - piece.end >= 1 and not (i - piece.end == 1 and len(doc[piece.end]) < 3):
                out.append(Piece(piece.end, i, "newname", words=doc[piece.end:i].text))
        out.sort(key=lambda p: p.start)
        return out

    # -- assembling ----------------------------------------------------------------

    def _assemble(self, doc, pieces: list[Piece], date: dt.date | None) -> list[Mention]:
        by_start = {p.start: p for p in pieces}
        used: set[int] = set()
        mentions: list[Mention] = []
        for piece in pieces:
            if piece.start in used or piece.kind == "both":
                continue
            shared = coordinated(doc, piece, by_start)
            if shared:
                for group, head in shared:
                    used.update(p.start for p in group)
                    mentions.append(self._mention(doc, group + [head], date, span=group[0]))
                used.add(shared[0][1].start)
                continue
            group, possessive = grow(doc, piece, by_start)
            used.update(range(group[0].start, group[-1].end))
            mention = self._mention(doc, group, date, possessive=possessive)
            if mention is not None:
                mentions.append(mention)
        for piece in pieces:
            if piece.kind == "both":
                mentions.append(mention_of(doc, piece.start, piece.end, None, None, None,
                                           "both", resolved=False))
        return [m for m in mentions if m is not None]

    def _mention(self, doc, group: list[Piece], date, possessive=False, span=None):
        if len(group) == 1 and group[0].kind == "city" and not group[0].entry.sector_on(date):
            return None  # "in Istanbul" is a place; "Istanbul police" is an actor
        titles = tuple(p.words.lower() for p in group if p.kind == "title")
        person_piece = next((p for p in group if p.kind in {"person", "newname"}), None)
        code, sector, name, org, kind = named(doc, group, date)
        heads = [p for p in group if p.kind in {"title", "sector"}]
        if heads:
            sector = heads[-1].sector
            if code is not None and kind == "group":
                sector = group[0].entry.sector_on(date) or sector
            elif kind == "org":
                sector = sector if sector not in (None, "GOV") else None
        if person_piece is not None:
            kind = "person"
            code, sector, name = self._person(person_piece, titles, code, sector, date)
            sector = sector or ("GOV" if titles else None)
            if group[-1].kind == "sector" and code is not None:  # "the Bush administration"
                kind, sector, name = "state", "GOV", self.kb.state_names.get(code, code)
            elif group[0].kind == "sector" and code is not None:  # "the government of X"
                kind, sector = "state", group[0].sector
                name = self.kb.state_names.get(code, code)
        elif titles and code is not None and kind == "state":
            holder = self.kb.holder(code, titles[-1], date)
            if holder is not None:
                name, kind = holder.name, "person"
        if span is not None:  # coordinated adjectives keep their own text span
            return mention_of(doc, span.start, span.end, code, sector, name, "state", org=org)
        if code is None and titles and person_piece is None:
            kind = "role"  # "the president": waits for coreference
        resolved = code is not None or not (titles or heads)
        return mention_of(doc, group[0].start, group[-1].end, code, sector, name, kind,
                          org=org, possessive=possessive, resolved=resolved, titles=titles)

    def _person(self, piece: Piece, titles, code, sector, date) -> tuple:
        """Code, sector and name of a person by their role on the date; a person we know
        only by title and surname ("President Bush") is the holder of that title then."""
        if piece.entry is None:
            found = titles and self.kb.titled(tuple(piece.words.split()), titles[-1], date, code)
            if not found:
                return code, sector, piece.words
            return found[0].code, found[0].sector, found[1].name
        person = self.kb.people.get(piece.entry.name)
        role = person.role_on(date) if person else None
        if role is None and person is not None and date is None and titles:
            role = next((r for r in reversed(person.roles)  # undated: the titled office
                         if r.role.lower() == titles[-1]), None)
        if role is not None:
            return role.code, role.sector, piece.entry.name
        if person is not None:
            return code or person.home, "ELI", piece.entry.name
        return code, sector, piece.entry.name

    def _pronouns(self, doc, pieces: list[Piece]) -> list[Mention]:
        taken = {i for p in pieces for i in range(p.start, p.end)}
        out = []
        for token in doc:
            kind = self.pronouns.get(token.lower_)
            if kind and token.i not in taken:
                out.append(mention_of(doc, token.i, token.i + 1, None, None, None,
                                      f"pronoun:{kind}", resolved=False))
        return out
