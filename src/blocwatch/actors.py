"""Actor recognition: dictionary pieces assembled into one mention per actor.

*Finding* uses two spaCy PhraseMatchers (proper names by exact spelling, sector nouns and
titles ignoring case). *Assembling* joins adjacent pieces into one actor:
"Azerbaijani President Ilham Aliyev", "Iran's Supreme Leader", "the Foreign Ministry of
Azerbaijan", "Russia's Putin", "Hungarian and Romanian officials" (two mentions).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from spacy.matcher import PhraseMatcher

from .knowledge import Knowledge, NameEntry
from .knowledge.actors import Reading
from .nlp import make_nlp
from .types import Annotated, Mention

__all__ = ["ActorRecognizer"]

_KIND_RANK = {"state": 0, "org": 1, "group": 2, "person": 3, "seat": 4, "capital": 5,
              "city": 5, "adjective": 6, "people": 7, "none": 8}
_MODIFIERS = {"state", "adjective", "capital", "city", "org", "group", "seat", "people"}
_PERSON = Reading("person")  # a name already read as part of a person's name
_POSSESSIVE = {"'s", "’s", "'", "’"}
_LINKS = {"and", ","}
_FUNCTION = {"its", "their", "his", "her", "our", "the", "a", "an", "and", "or", "of", "to",
             "in", "on", "at", "for", "with", "by", "from", "that", "which", "who", "is",
             "are", "was", "were", "has", "have", "had", "will", "would", "said", "says"}
_LOCAL = {"REB", "OPP", "CVL", "COP", "LEG", "JUD", "government", "authorities", "officials",
          "regime", "administration", "leaders", "leadership", "cabinet"}  # "rebels in X"
_FROM = {"CVL", "REF", "REB", "NGO", "MED", "BUS", "OPP", "MIL"}  # "refugees from Syria"
_LEADER_GOVERNMENTS = {"administration", "government", "cabinet", "regime"}
_STANCES = {"anti", "pro"}
_PLACE_NOUNS = {"capital", "city", "town", "village", "villages", "province", "region",
                "border", "countryside", "coast", "north", "south", "east", "west"}
_ADJECTIVE_TITLES = {"general", "major"}  # "a general strike", "a major offensive"
_SAYS = {"said", "says", "say", "told", "warned", "added", "who", "would", "will", "had"}
_DIRECTIONS = {"northern", "southern", "eastern", "western", "central", "north", "south",
               "east", "west", "northeastern", "northwestern", "southeastern", "southwestern",
               "neighbouring", "neighboring"}
_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"}
_NOT_NAME = {"The", "A", "An", "On", "In", "At", "And", "But", "Of", "For", "To", "By", "With",
             "As", "After", "Before", "He", "She", "It", "They", "We", "I", "This", "That",
             "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
             *_MONTHS, "President", "Minister"}


@dataclass(frozen=True)
class _Rule:
    """A reading of ambiguity.yaml with its cue phrases tokenised like the text."""

    reading: Reading
    cues: tuple[tuple[str, tuple], ...]  # (scope, (token tuple, ...)); named keeps codes
    unless: tuple[tuple[str, ...], ...]


@dataclass
class _Piece:
    start: int
    end: int
    kind: str  # a NameEntry kind, or title | sector | newname
    entry: NameEntry | None = None
    sector: str | None = None
    words: str = ""


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
        self.rules = {text: [_compile(nlp, r) for r in readings]
                      for text, readings in self.kb.readings.items()}

    def __call__(self, ann: Annotated) -> Annotated:
        doc = ann.tokens
        pieces = self._pieces(doc)
        mentions = self._assemble(doc, pieces, ann.doc.date)
        mentions += self._pronouns(doc, pieces)
        mentions.sort(key=lambda m: (m.tok_start, m.tok_end))
        mentions = _ethnic_where(doc, ann.sentences, mentions)
        return dataclasses.replace(ann, mentions=tuple(mentions))

    # -- finding -------------------------------------------------------------------

    def _pieces(self, doc) -> list[_Piece]:
        found: list[_Piece] = []
        for _, start, end in self.names(doc):
            entries = self.name_entries.get(tuple(t.text for t in doc[start:end]))
            if entries:
                entry = min(entries, key=lambda e: (e.ambiguous, _KIND_RANK.get(e.kind, 9)))
                found.append(_Piece(start, end, entry.kind, entry, words=doc[start:end].text))
        for match_id, start, end in self.nouns(doc):
            if doc.vocab.strings[match_id] == "BOTH":
                found.append(_Piece(start, end, "both", words=doc[start:end].text))
                continue
            kind, sector = self.noun_entries[tuple(t.lower_ for t in doc[start:end])]
            if kind == "title" and _adjective_use(doc, start, end):
                continue
            found.append(_Piece(start, end, kind, sector=sector, words=doc[start:end].text))
        found += self._leader_names(doc, found)
        found = [p for p in found if not _stance_prefix(doc, p) and not _acronym_of(doc, p)]
        return self._newnames(doc, self._disambiguate(doc, _longest(found)))

    def _leader_names(self, doc, found: list[_Piece]) -> list[_Piece]:
        """A leader's surname before "administration/government": "the Bush administration"
        is the US government when every leader of that surname led the same state."""
        taken = {i for p in found for i in range(p.start, p.end)}
        pieces = []
        for p in found:
            i = p.start - 1
            if p.kind != "sector" or p.words.lower() not in _LEADER_GOVERNMENTS or i < 0 \
                    or i in taken or not doc[i].is_title or not doc[i].is_alpha:
                continue
            homes = {r.code for person in self.kb.surnames.get(doc[i].text, ())
                     for r in person.roles if r.sector == "GOV"}
            if len(homes) == 1:
                code = homes.pop()
                entry = NameEntry(doc[i].text, "adjective", code,
                                  name=self.kb.state_names.get(code, code))
                pieces.append(_Piece(i, i + 1, "adjective", entry, words=doc[i].text))
        return pieces

    # -- ambiguous names -------------------------------------------------------------

    def _disambiguate(self, doc, pieces: list[_Piece]) -> list[_Piece]:
        """Give each ambiguous name the reading its context calls for (ambiguity.yaml)."""
        named = {p.entry.code for p in pieces
                 if p.entry is not None and not p.entry.ambiguous and p.kind != "none"}
        taken = {i for p in pieces for i in range(p.start, p.end)}
        persons: set[str] = set()
        out = []
        for piece in pieces:
            reading = self._reading(doc, piece, named, taken, persons)
            if reading is None:
                out += [piece] if _kept(piece, named) else []
                continue
            if reading.means == "person":
                persons.add(piece.words)
            entry = reading.entry(piece.words)
            if entry is not None:
                out.append(_Piece(piece.start, piece.end, entry.kind, entry, words=piece.words))
        return out

    def _reading(self, doc, piece, named, taken, persons) -> Reading | None:
        if piece.entry is None:
            return None
        for rule in self.rules.get(piece.words, ()):
            if self._fits(doc, piece, rule, named, taken):
                return rule.reading
        if piece.words in persons and piece.end not in taken and not _possessive_at(
                doc, piece.end):
            return _PERSON  # "Michael Jordan ... Jordan said"
        return None

    def _fits(self, doc, piece, rule: _Rule, named, taken) -> bool:
        if rule.reading.beside_name and self._beside_name(doc, piece, taken):
            return True
        for scope, cues in rule.cues:
            if scope == "named":
                if piece.entry.code not in named and any(c in named for c in cues):
                    return True
            elif scope == "sentence":
                words = [t.lower_ for t in doc[piece.start].sent]
                if any(_contains(words, c) for c in cues) and not any(
                        _contains(words, c) for c in rule.unless):
                    return True
            elif any(_cue_at(doc, piece, scope, c) for c in cues):
                return True
        return False

    def _beside_name(self, doc, piece, taken) -> bool:
        """"Michael Jordan", "Chad Smith": an unknown capitalised word right beside it."""
        sent = doc[piece.start].sent
        if not any(t.is_lower and len(t) > 3 for t in sent):
            return False  # a headline in title case says nothing
        before = doc[piece.start - 1] if piece.start > sent.start else None
        after = doc[piece.end] if piece.end < sent.end else None
        if before is not None and before.i not in taken and _is_name_token(before) and (
                before.i > sent.start or before.text in self.kb.given_names):
            return True
        return after is not None and after.i not in taken and _is_name_token(after)

    def _newnames(self, doc, pieces: list[_Piece]) -> list[_Piece]:
        """A title followed by capitalised words names a person we may not know."""
        taken = {i for p in pieces for i in range(p.start, p.end)}
        people = {p.start: p for p in pieces if p.kind == "person"}
        out = list(pieces)
        for piece in pieces:
            if piece.kind != "title":
                continue
            i = piece.end + _month_surname(doc, piece.end)  # "Prime Minister May said"
            while i < len(doc) and i not in taken and _is_name_token(doc[i]) and i - piece.end < 4:
                i += 1
            if i > piece.end and i in people:  # "Abbas Aragchi": a given name, a known name
                people[i].start, people[i].words = piece.end, doc[piece.end:people[i].end].text
                continue
            if i - piece.end >= 1 and not (i - piece.end == 1 and len(doc[piece.end]) < 3):
                out.append(_Piece(piece.end, i, "newname", words=doc[piece.end:i].text))
        out.sort(key=lambda p: p.start)
        return out

    # -- assembling ----------------------------------------------------------------

    def _assemble(self, doc, pieces: list[_Piece], date: dt.date | None) -> list[Mention]:
        by_start = {p.start: p for p in pieces}
        used: set[int] = set()
        mentions: list[Mention] = []
        for piece in pieces:
            if piece.start in used or piece.kind == "both":
                continue
            coordinated = self._coordinated(doc, piece, by_start)
            if coordinated:
                for group, head in coordinated:
                    used.update(p.start for p in group)
                    mentions.append(self._mention(doc, group + [head], date, span=group[0]))
                used.add(coordinated[0][1].start)
                continue
            group, possessive = self._grow(doc, piece, by_start)
            used.update(range(group[0].start, group[-1].end))
            mention = self._mention(doc, group, date, possessive=possessive)
            if mention is not None:
                mentions.append(mention)
        for piece in pieces:
            if piece.kind == "both":
                mentions.append(_mention_of(doc, piece.start, piece.end, None, None, None,
                                            "both", resolved=False))
        return [m for m in mentions if m is not None]

    def _grow(self, doc, first: _Piece, by_start: dict[int, _Piece]) -> tuple[list[_Piece], bool]:
        group = [first]
        possessive = False
        j = first.end
        while j < len(doc):
            last = group[-1]
            token = doc[j].text
            if token in _POSSESSIVE and last.kind in _MODIFIERS | {"person", "newname"}:
                # "Taiwan's Vice Foreign Minister", "Nicaragua's Sandinista government"
                nxt = by_start.get(j + 1) or self._after_adjectives(doc, j + 1, by_start,
                                                                    capitals=True)
                if nxt and nxt.kind in {"title", "sector", "person", "newname", "org"} and (
                    last.kind not in {"person", "newname"}
                ):
                    group.append(nxt)
                    j = nxt.end
                    continue
                possessive = True
                break
            nxt = by_start.get(j)
            if nxt is None and last.kind == "adjective":
                nxt = self._after_adjectives(doc, j, by_start)
            if nxt is not None and _joins(last, nxt):
                group.append(nxt)
                j = nxt.end
                continue
            nxt = _attached(doc, j, group, by_start)
            if nxt is not None:  # "the Foreign Ministry of Azerbaijan", "rebels in Darfur"
                group.append(nxt)
                j = nxt.end
                continue
            break
        return group, possessive

    @staticmethod
    def _after_adjectives(doc, j: int, by_start: dict[int, _Piece],
                          capitals: bool = False) -> _Piece | None:
        """Skip up to two lower-case modifiers: "Iranian roving ambassador" (with
        ``capitals``, also capitalised words that name nothing we know: "Sandinista")."""
        for k in (j + 1, j + 2):
            word = doc[k - 1] if k - 1 < len(doc) else None
            if word is None or not word.is_alpha or word.lower_ in _FUNCTION or (
                    k - 1 in by_start) or not (word.is_lower or capitals and word.is_title):
                return None
            nxt = by_start.get(k)
            if nxt is not None:
                return nxt if nxt.kind in {"title", "sector"} else None
        return None

    def _coordinated(self, doc, piece: _Piece, by_start) -> list | None:
        """"Hungarian and Romanian officials": adjectives sharing one head noun."""
        if piece.kind != "adjective":
            return None
        adjectives = [piece]
        j = piece.end
        while j + 1 < len(doc) and doc[j].text in _LINKS:
            k = j + 1 + (doc[j + 1].lower_ == "and" if doc[j].text == "," else 0)
            nxt = by_start.get(k)
            if not nxt or nxt.kind != "adjective":
                break
            adjectives.append(nxt)
            j = nxt.end
        head = by_start.get(j) or self._after_adjectives(doc, j, by_start)
        if len(adjectives) < 2 or head is None or head.kind not in {"title", "sector"}:
            return None
        return [([adj], head) for adj in adjectives]

    def _mention(self, doc, group: list[_Piece], date, possessive=False, span=None):
        if len(group) == 1 and group[0].kind == "city" and not group[0].entry.sector_on(date):
            return None  # "in Istanbul" is a place; "Istanbul police" is an actor
        code = sector = name = org = None
        kind = "sector"
        titles = tuple(p.words.lower() for p in group if p.kind == "title")
        person_piece = next((p for p in group if p.kind in {"person", "newname"}), None)
        for p in group:
            if p.entry is not None and p.kind != "person" and code is None:
                code, org, name = p.entry.code, p.entry.org, p.entry.name
                sector = p.entry.sector_on(date)
                kind = {"org": "org", "group": "group"}.get(p.kind, "state")
        if len(group) > 1 and group[-1].kind in {"state", "capital", "city"} \
                and _ethnic(doc, group[:-1]):  # "ethnic Turks in Bulgaria" live in Bulgaria
            code, name, org, sector = group[-1].entry.code, group[-1].entry.name, None, None
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
            return _mention_of(doc, span.start, span.end, code, sector, name, "state", org=org)
        if code is None and titles and person_piece is None:
            kind = "role"  # "the president": waits for coreference
        resolved = code is not None or not (titles or heads)
        return _mention_of(doc, group[0].start, group[-1].end, code, sector, name, kind,
                           org=org, possessive=possessive, resolved=resolved, titles=titles)

    def _person(self, piece: _Piece, titles, code, sector, date) -> tuple:
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

    def _pronouns(self, doc, pieces: list[_Piece]) -> list[Mention]:
        taken = {i for p in pieces for i in range(p.start, p.end)}
        out = []
        for token in doc:
            kind = self.pronouns.get(token.lower_)
            if kind and token.i not in taken:
                out.append(_mention_of(doc, token.i, token.i + 1, None, None, None,
                                       f"pronoun:{kind}", resolved=False))
        return out


def _attached(doc, j: int, group: list[_Piece], by_start: dict[int, _Piece]) -> _Piece | None:
    """The state (or its place) after "of" that owns the group, or after "in" that a
    group of local people lives in: "opposition groups in Zimbabwe" (not "troops in")."""
    last, word = group[-1], doc[j].lower_
    if word == "of" and (last.kind in {"title", "sector"} or (
            last.kind in {"person", "newname"} and group[0].kind == "title")):
        return _of_state(doc, j, by_start, people=last.kind == "sector")
    only_sectors = all(p.kind == "sector" for p in group)
    if word in {"from", "based", "affiliated"} and only_sectors and last.sector in _FROM:
        link = {"based": "in", "affiliated": "with"}.get(word)  # "workers affiliated with X"
        k = j + 1 + bool(link and j + 1 < len(doc) and doc[j + 1].lower_ == link)
        if link and k == j + 1:
            return None
        k += k < len(doc) and doc[k].lower_ == "the"
        nxt = by_start.get(k)  # "refugees from Syria", "a terror group based in Trinidad"
        return nxt if nxt is not None and nxt.kind in {"state", "capital", "city", "adjective"} \
            else None
    if word != "in":
        return None
    if not _ethnic(doc, group) and (any(p.kind != "sector" for p in group) or (
            last.sector not in _LOCAL and last.words.lower() not in _LOCAL)):
        return None
    k = j + 1 + (j + 1 < len(doc) and doc[j + 1].lower_ == "the")
    k += k < len(doc) and doc[k].lower_ in _DIRECTIONS and k not in by_start  # "North Kivu"
    nxt = by_start.get(k)
    return nxt if nxt is not None and nxt.kind in {"state", "capital", "city"} else None


def _ethnic(doc, group: list[_Piece]) -> bool:
    """"ethnic Albanians (in ...)", "ethnic Hungarian parties": a people named by descent."""
    return group[0].start > 0 and doc[group[0].start - 1].lower_ == "ethnic" and all(
        p.kind in {"people", "adjective", "sector"} for p in group)


def _ethnic_where(doc, sentences, mentions: list[Mention]) -> list[Mention]:
    """"ethnic Albanians demonstrated on Tuesday in Serbia": a people named by descent is
    coded by the state its sentence places the act in ("in <state>"), when there is one."""
    out = list(mentions)
    for n, m in enumerate(out):
        if not (m.tok_start > 0 and doc[m.tok_start - 1].lower_ == "ethnic" and m.kind == "state"
                and m.sector in (None, "CVL", "REB", "OPP", "REF")):
            continue
        sent = next((s for s in sentences if s.tok_start <= m.tok_start < s.tok_end), None)
        if sent is None:
            continue
        for o in out:
            if o.tok_start <= m.tok_end or o.tok_start >= sent.tok_end or o.kind != "state" \
                    or o.sector is not None or o.code in (None, m.code):
                continue
            i = o.tok_start - 1
            i -= i > 0 and doc[i].lower_ in _DIRECTIONS
            i -= i > 0 and doc[i].lower_ == "the"
            if doc[i].lower_ == "in":
                out[n] = dataclasses.replace(m, code=o.code, name=o.name)
                break
    return out


def _of_state(doc, j: int, by_start: dict[int, _Piece], people: bool = False) -> _Piece | None:
    """The state after "of (the)" at ``j``, also past titles: "envoy of the President of
    Iran" is Iran's envoy. With ``people`` (after a sector noun) also a state adjective
    before a place ("inhabitants of the Syrian Golan Heights") and a leader ("the military
    government of President Prosper Avril")."""
    while j < len(doc) and doc[j].lower_ == "of":
        k = j + 1 + (j + 1 < len(doc) and doc[j + 1].lower_ == "the")
        nxt = by_start.get(k)
        if people and nxt is not None and nxt.kind == "title" and by_start.get(nxt.end) \
                and by_start[nxt.end].kind in {"person", "newname"}:
            return nxt  # "... of President Prosper Avril": the title, then the name joins
        if people and nxt is not None and (nxt.kind in {"person", "newname"} or (
                nxt.kind == "adjective" and nxt.end not in by_start and nxt.end < len(doc)
                and (doc[nxt.end].is_title or doc[nxt.end].lower_ in _PLACE_NOUNS))):
            return nxt
        if nxt is None or nxt.kind not in {"state", "org", "group", "capital", "city", "title"}:
            return None
        if nxt.kind != "title":
            return nxt
        j = nxt.end
    return None


def _mention_of(doc, start, end, code, sector, name, kind, org=None, possessive=False,
                resolved=True, titles=()) -> Mention:
    span = doc[start:end]
    return Mention(text=span.text, start=span.start_char, end=span.end_char, code=code,
                   sector=sector, name=name, kind=kind, tok_start=start, tok_end=end, org=org,
                   possessive=possessive, resolved=resolved, titles=titles)


def _joins(last: _Piece, nxt: _Piece) -> bool:
    if last.kind == "person" and nxt.kind == "sector":  # "the Obama administration"
        return nxt.words.lower() in _LEADER_GOVERNMENTS
    if last.kind in _MODIFIERS:
        return nxt.kind in {"title", "sector", "person", "newname"} and last.kind != "people"
    if last.kind == "title":
        return nxt.kind in {"title", "person", "newname"}
    if last.kind == "sector":
        return nxt.kind == "sector"
    return False


def _acronym_of(doc, piece: _Piece) -> bool:
    """"Montenegro Municipality Association (AKK)": an acronym in brackets after a name
    abbreviates that name; it is not the person the letters also stand for (an
    organisation's acronym there is the organisation: "International Labor Office (ILO)")."""
    i, j = piece.start, piece.end
    return piece.kind == "person" and j - i == 1 and doc[i].is_upper \
        and i >= 2 and doc[i - 1].text == "(" and j < len(doc) and doc[j].text == ")" \
        and doc[i - 2].is_title and not doc[i - 2].is_sent_start


def _stance_prefix(doc, piece: _Piece) -> bool:
    """"an anti-Syria journalist", "pro-Iranian Hezbollah": a stance toward a state, not
    that state (the "-" is a token of its own)."""
    i = piece.start
    return piece.kind in {"state", "adjective", "people"} and i >= 2 \
        and doc[i - 1].text == "-" and doc[i - 2].lower_ in _STANCES


def _adjective_use(doc, start: int, end: int) -> bool:
    """"a general strike", "major cities": a title word used as an adjective (a lower-case
    word follows that is no verb: "the general said" keeps the title)."""
    if end - start != 1 or doc[start].lower_ not in _ADJECTIVE_TITLES or not doc[start].is_lower:
        return False
    nxt = doc[end] if end < len(doc) else None
    return nxt is not None and nxt.is_alpha and nxt.is_lower and nxt.lower_ not in _SAYS \
        and not nxt.lower_.endswith(("ed", "s"))


def _month_surname(doc, i: int) -> bool:
    """A month right after a title, with no day number after it, is a surname: "May"."""
    return (i < len(doc) and doc[i].text in _MONTHS
            and not (i + 1 < len(doc) and doc[i + 1].like_num))


def _is_name_token(token) -> bool:
    text = token.text
    return (
        token.is_alpha or "-" in text or (len(text) == 2 and text.endswith("."))
    ) and text[:1].isupper() and text not in _NOT_NAME


def _longest(pieces: list[_Piece]) -> list[_Piece]:
    """Keep the longest of overlapping pieces; names beat nouns of the same length."""
    order = sorted(pieces, key=lambda p: (-(p.end - p.start), p.kind in {"title", "sector"},
                                          p.start))
    taken: set[int] = set()
    out = []
    for piece in order:
        span = set(range(piece.start, piece.end))
        if span & taken:
            continue
        taken |= span
        out.append(piece)
    return sorted(out, key=lambda p: p.start)


def _compile(nlp, reading: Reading) -> _Rule:
    def tokens(phrase: str) -> tuple[str, ...]:
        return tuple(t.lower_ for t in nlp.make_doc(phrase))

    cues = tuple((scope, phrases if scope == "named" else tuple(tokens(c) for c in phrases))
                 for scope, phrases in reading.cues)
    return _Rule(reading, cues, tuple(tokens(c) for c in reading.unless))


def _kept(piece: _Piece, named: set) -> bool:
    """Not a "none" phrase; an ambiguous capital or seat only where its state is named."""
    if piece.kind == "none":
        return False
    return not (piece.kind in {"capital", "seat"} and piece.entry.ambiguous
                and piece.entry.code not in named)


def _possessive_at(doc, i: int) -> bool:
    return i < len(doc) and doc[i].text in _POSSESSIVE


def _cue_at(doc, piece: _Piece, scope: str, cue: tuple[str, ...]) -> bool:
    """The cue right before the name (past a comma), right after it, or after "NAME's"."""
    if scope == "before":
        end = piece.start - (piece.start > 0 and doc[piece.start - 1].text == ",")
        return end >= len(cue) and tuple(t.lower_ for t in doc[end - len(cue):end]) == cue
    start = piece.end + (scope == "possessive")
    if scope == "possessive" and not _possessive_at(doc, piece.end):
        return False
    return tuple(t.lower_ for t in doc[start:start + len(cue)]) == cue


def _contains(words: list[str], cue: tuple[str, ...]) -> bool:
    n = len(cue)
    return any(tuple(words[i:i + n]) == cue for i in range(len(words) - n + 1))
