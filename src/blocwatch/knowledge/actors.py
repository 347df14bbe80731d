"""Actor knowledge: states, organisations, groups, people with dated roles, sector nouns."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import DictionaryError
from .files import load_yaml

__all__ = ["ActorKnowledge", "NameEntry", "Person", "Reading", "Role", "load_actor_knowledge"]

CUES = ("before", "after", "possessive", "sentence", "named")
READING_KEYS = {"means", "sector", "name", "unless", "beside_name", "note", *CUES}
SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "REB", "OPP", "PTY", "BUS", "MED", "CVL",
           "REF", "NGO", "IGO", "ELI"}
PEOPLE_HEADER = ["name", "aliases", "code", "sector", "role", "start", "end"]


@dataclass(frozen=True)
class NameEntry:
    """One way an actor is written, and what it means."""

    text: str
    kind: str  # state | adjective | people | capital | seat | org | group | person
    code: str | None
    sector: str | None = None
    org: str | None = None
    name: str | None = None
    ambiguous: bool = False
    periods: tuple = ()  # group sector changes: ((sector, start, end), ...)

    def sector_on(self, date: dt.date | None) -> str | None:
        for sector, start, end in self.periods:
            if date is not None and (start is None or start <= date) and (end is None or date < end):
                return sector
        return self.sector


@dataclass(frozen=True)
class Reading:
    """Another reading of an ambiguous name, and the cues that choose it (ambiguity.yaml).

    ``means`` is ``state`` or ``org`` (with ``code``/``org``), ``person`` (part of a
    person's name) or ``none`` (not an actor). Cues are lower-case phrases.
    """

    means: str
    code: str | None = None
    org: str | None = None
    sector: str | None = None
    name: str | None = None
    cues: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (scope, phrases) per cue kind
    unless: tuple[str, ...] = ()
    beside_name: bool = False
    where: str = ""  # file:line, for messages

    def entry(self, text: str) -> NameEntry | None:
        """The name entry this reading gives ``text``; None when it is not an actor."""
        if self.means not in ("state", "org"):
            return None
        return NameEntry(text, self.means, self.code, self.sector, org=self.org,
                         name=self.name or text)


@dataclass(frozen=True)
class Role:
    code: str
    sector: str
    role: str
    start: dt.date | None
    end: dt.date | None

    def holds_on(self, date: dt.date | None) -> bool:
        if date is None:
            return self.end is None
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


@dataclass
class Person:
    name: str
    aliases: tuple[str, ...]
    roles: list[Role] = field(default_factory=list)

    def role_on(self, date: dt.date | None) -> Role | None:
        held = [r for r in self.roles if r.holds_on(date)]
        if not held:
            return None
        rank = {"GOV": 0, "IGO": 0, "MIL": 1}
        return min(held, key=lambda r: rank.get(r.sector, 2))

    @property
    def home(self) -> str:
        return self.roles[-1].code if self.roles else ""


@dataclass
class ActorKnowledge:
    names: dict[str, list[NameEntry]] = field(default_factory=lambda: defaultdict(list))
    sectors: dict[str, str] = field(default_factory=dict)  # lower-case noun phrase -> sector
    titles: dict[str, str] = field(default_factory=dict)  # lower-case title -> sector
    people: dict[str, Person] = field(default_factory=dict)
    office: dict[tuple[str, str], list[tuple[Role, Person]]] = field(
        default_factory=lambda: defaultdict(list)
    )  # (code, lower-case role) -> holders
    readings: dict[str, list[Reading]] = field(default_factory=lambda: defaultdict(list))
    given_names: set[str] = field(default_factory=set)  # given names even sentence-first
    codes: set[str] = field(default_factory=set)  # state codes known
    state_names: dict[str, str] = field(default_factory=dict)  # state code -> its name
    orgs: dict[str, str] = field(default_factory=dict)  # org id -> IGO | NGO
    surnames: dict[str, list[Person]] = field(default_factory=lambda: defaultdict(list))

    def holder(self, code: str, title: str, date: dt.date | None) -> Person | None:
        """Who held ``title`` in ``code`` on ``date`` ("the Russian president")."""
        for role, person in self.office.get((code, title.lower()), ()):
            if role.holds_on(date):
                return person
        return None

    def titled(self, words: tuple[str, ...], title: str, date: dt.date | None,
               code: str | None = None) -> tuple[Role, Person] | None:
        """"President Bush" on a date: the holder of ``title`` known by these words. With
        no date, the present holder, else any holder when all of them share one country."""
        found = []
        for person in self.surnames.get(words[-1], ()):
            known = {w for text in (person.name, *person.aliases) for w in text.split()}
            if not set(words) <= known:
                continue
            found += [(role, person) for role in person.roles
                      if role.role.lower() == title and code in (None, role.code)]
        held = [(role, person) for role, person in found if role.holds_on(date)]
        if held:
            return held[0]
        if date is None and len({role.code for role, _ in found}) == 1:
            return found[-1]
        return None

    def add_name(self, entry: NameEntry) -> None:
        bucket = self.names[entry.text]
        bucket[:] = [e for e in bucket if not (e.kind == entry.kind and e.code == entry.code)]
        bucket.append(entry)


def load_actor_knowledge(dirs: list[Path]) -> ActorKnowledge:
    """Load and validate the actor files of each folder; later folders extend and override."""
    kb = ActorKnowledge()
    for folder in dirs:
        if (folder / "states.yaml").is_file():
            _load_states(kb, folder / "states.yaml")
        if (folder / "igos.yaml").is_file():
            _load_orgs(kb, folder / "igos.yaml")
        if (folder / "groups.yaml").is_file():
            _load_groups(kb, folder / "groups.yaml")
        if (folder / "sectors.yaml").is_file():
            _load_sectors(kb, folder / "sectors.yaml")
        if (folder / "people.csv").is_file():
            _load_people(kb, folder / "people.csv")
        if (folder / "ambiguity.yaml").is_file():
            _load_ambiguity(kb, folder / "ambiguity.yaml")
    return kb


def _entries(path: Path) -> list[tuple[int, dict]]:
    data = load_yaml(path)
    if data is None:
        return []
    if not isinstance(data, list):
        raise DictionaryError(f"{path}: expected a list of entries")
    out = []
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise DictionaryError(f"{_entry_at(path, number)}: entry is not a mapping")
        out.append((number, item))
    return out


def _require(path: Path, number: int, item: dict, *keys: str) -> None:
    for key in keys:
        if not item.get(key):
            label = item.get("code") or item.get("org") or item.get("id") or ""
            raise DictionaryError(f"{_entry_at(path, number)}: {label} missing '{key}'")


def _entry_at(path: Path, number: int) -> str:
    """``file:line`` of the ``number``-th entry of a YAML list (parsed again, on errors only)."""
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"))
        return f"{path}:{node.value[number - 1].start_mark.line + 1}"
    except (yaml.YAMLError, AttributeError, IndexError, OSError):
        return f"{path}: entry {number}"


def _check_lists(path: Path, number: int, item: dict, *keys: str) -> None:
    for key in keys:
        if item.get(key) is not None and not isinstance(item[key], list):
            raise DictionaryError(f"{_entry_at(path, number)}: '{key}' must be a list, e.g. "
                                  f"{key}: [First, Second]")


def _check_sector(path: Path, number: int, sector: str | None) -> str | None:
    if sector not in SECTORS and sector is not None:
        raise DictionaryError(f"{_entry_at(path, number)}: unknown sector {sector!r} (use one "
                              f"of {' '.join(sorted(SECTORS))})")
    return sector


def _load_states(kb: ActorKnowledge, path: Path) -> None:
    for number, item in _entries(path):
        _require(path, number, item, "code", "name")
        _check_lists(path, number, item, "names", "adjectives", "people", "seats", "places",
                     "ambiguous")
        code, name = str(item["code"]), str(item["name"])
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise DictionaryError(f"{_entry_at(path, number)}: code {code!r} must be three "
                                  "capital letters (ISO 3166-1 alpha-3)")
        ambiguous = set(item.get("ambiguous") or ())
        kb.codes.add(code)
        kb.state_names[code] = name

        def add(text: str, kind: str, sector: str | None = None, periods: tuple = ()) -> None:
            kb.add_name(NameEntry(text, kind, code, sector, name=name,
                                  ambiguous=text in ambiguous, periods=periods))

        for text in [name, *(item.get("names") or ())]:
            add(str(text), "state")
        for text in item.get("adjectives") or ():
            add(str(text), "adjective")
        for text in item.get("people") or ():
            add(str(text), "people")
        if item.get("capital"):
            capital = str(item["capital"])
            add(capital, "capital", "GOV")
            if " " not in capital:
                add(capital.upper(), "capital", "GOV")
        for seat in item.get("seats") or ():
            if not isinstance(seat, dict) or not seat.get("text"):
                raise DictionaryError(f"{_entry_at(path, number)}: {code}: seats need text and "
                                      "sector")
            add(str(seat["text"]), "seat", _check_sector(path, number, seat.get("sector")))
        for place in item.get("places") or ():
            add(*_place(path, number, code, place))


def _place(path: Path, number: int, code: str, place) -> tuple:
    """A city or region, not the capital: the state, no sector (GOV while the capital)."""
    if isinstance(place, str):
        return place, "city"
    if not isinstance(place, dict) or not place.get("text"):
        raise DictionaryError(f"{_entry_at(path, number)}: {code}: places are names or "
                              "{text, capital_until}")
    until = _date(path, number, place.get("capital_until"), entry=True)
    return str(place["text"]), "city", None, (("GOV", None, until),) if until else ()


def _load_orgs(kb: ActorKnowledge, path: Path) -> None:
    for number, item in _entries(path):
        _require(path, number, item, "org", "code", "name")
        _check_lists(path, number, item, "aliases")
        org, code = str(item["org"]), str(item["code"])
        if code not in ("IGO", "NGO"):
            raise DictionaryError(f"{_entry_at(path, number)}: {org}: code must be IGO or NGO")
        sector = _check_sector(path, number, item.get("sector"))
        kb.orgs[org] = code
        for text in {str(item["name"]), *(str(a) for a in item.get("aliases") or ())}:
            kb.add_name(NameEntry(text, "org", code, sector, org=org, name=str(item["name"])))


def _load_groups(kb: ActorKnowledge, path: Path) -> None:
    for number, item in _entries(path):
        _require(path, number, item, "id", "name", "code")
        _check_lists(path, number, item, "aliases", "periods")
        periods = []
        for period in item.get("periods") or ():
            periods.append((
                _check_sector(path, number, period.get("sector")),
                _date(path, number, period.get("start"), entry=True),
                _date(path, number, period.get("end"), entry=True),
            ))
        sector = _check_sector(path, number, item.get("sector"))
        code = str(item["code"])
        org = str(item["id"]) if code == "IMG" else None
        for text in {str(item["name"]), *(str(a) for a in item.get("aliases") or ())}:
            kb.add_name(NameEntry(text, "group", code, sector, org=org, name=str(item["name"]),
                                  periods=tuple(periods)))


def _load_sectors(kb: ActorKnowledge, path: Path) -> None:
    data = load_yaml(path) or {}
    for key, target in (("sectors", kb.sectors), ("titles", kb.titles)):
        for sector, words in (data.get(key) or {}).items():
            if sector not in SECTORS:
                raise DictionaryError(f"{path}: {key}: unknown sector {sector!r}")
            for word in words or ():
                target[str(word).lower()] = sector


def _date(path: Path, line: int, value, entry: bool = False) -> dt.date | None:
    """A date from a data file; ``line`` is a line number, or an entry number with
    ``entry`` (YAML files), turned into the entry's line for the message."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as e:
        where = _entry_at(path, line) if entry else f"{path}:{line}"
        raise DictionaryError(f"{where}: bad date {value!r} (use YYYY-MM-DD)") from e


def _load_people(kb: ActorKnowledge, path: Path) -> None:
    text = path.read_text(encoding="utf-8-sig")
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header != PEOPLE_HEADER:
        raise DictionaryError(f"{path}:1: header must be {','.join(PEOPLE_HEADER)}")
    for row in reader:
        line = reader.line_num
        if not row or not any(row):
            continue
        if len(row) != len(PEOPLE_HEADER):
            raise DictionaryError(f"{path}:{line}: expected 7 fields, found {len(row)}")
        name, aliases, code, sector, role, start, end = (v.strip() for v in row)
        if not name or not code:
            raise DictionaryError(f"{path}:{line}: name and code are required")
        _check_sector(path, line, sector or None)
        begin, finish = _date(path, line, start), _date(path, line, end)
        if begin and finish and finish < begin:
            raise DictionaryError(f"{path}:{line}: end date is before start date")
        person = kb.people.get(name)
        if person is None:
            person = kb.people[name] = Person(name, tuple(a for a in aliases.split("|") if a))
            for text in {name, *person.aliases}:
                kb.add_name(NameEntry(text, "person", code, None, name=name))
            for surname in _surnames(person):
                kb.surnames[surname].append(person)
        held = Role(code, sector or "GOV", role, begin, finish)
        person.roles.append(held)
        person.roles.sort(key=lambda r: r.start or dt.date.min)
        if role:
            kb.office[(code, role.lower())].append((held, person))


def _surnames(person: Person) -> set[str]:
    """Last words of a person's longer names, without an Arabic article: "Assad"."""
    out = set()
    for text in (person.name, *person.aliases):
        words = text.split()
        last = words[-1][3:] if words[-1][:3] in ("al-", "el-") else words[-1]
        if len(words) > 1 and last[:1].isupper():
            out.add(last)
    return out


# -- ambiguity.yaml ----------------------------------------------------------------------

class _LineLoader(yaml.SafeLoader):
    """A YAML loader that records each mapping's line as ``__line__``, for messages."""

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


def _load_ambiguity(kb: ActorKnowledge, path: Path) -> None:
    load_yaml(path)  # reports syntax errors with their line
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader) or {}
    unknown = set(data) - {"phrases", "names", "given_names", "__line__"}
    if unknown:
        raise DictionaryError(f"{path}: unknown section {sorted(unknown)[0]!r} "
                              "(use phrases, names, given_names)")
    for item in data.get("phrases") or ():
        kb.add_name(_phrase(kb, path, item))
    for text, items in (data.get("names") or {}).items():
        if text == "__line__":
            continue
        if not isinstance(items, list):
            raise DictionaryError(f"{path}: names: {text}: expected a list of readings")
        kb.readings[str(text)][:0] = [_reading(kb, path, item) for item in items]
    kb.given_names.update(str(n) for n in data.get("given_names") or ())


def _where(path: Path, item) -> str:
    return f"{path}:{item['__line__']}" if isinstance(item, dict) else str(path)


def _means(kb: ActorKnowledge, where: str, value) -> tuple[str, str | None, str | None]:
    """``means: USA | IGO:EU | person | none`` as (means, code, org)."""
    value = str(value or "")
    if value in ("person", "none"):
        return value, None, None
    if value in kb.codes:
        return "state", value, None
    kind, _, org = value.partition(":")
    if kb.orgs.get(org) == kind:
        return "org", kind, org
    raise DictionaryError(f"{where}: means {value!r} is not a state code, IGO:ORG or NGO:ORG "
                          "of a known organisation, person or none")


def _sector_at(where: str, sector) -> str | None:
    if sector is not None and sector not in SECTORS:
        raise DictionaryError(f"{where}: unknown sector {sector!r}")
    return sector


def _phrase(kb: ActorKnowledge, path: Path, item) -> NameEntry:
    where = _where(path, item)
    if not isinstance(item, dict) or not item.get("text") or not item.get("means"):
        raise DictionaryError(f"{where}: a phrase needs text and means")
    means, code, org = _means(kb, where, item["means"])
    sector = _sector_at(where, item.get("sector"))
    kind = {"state": "seat" if sector else "state", "org": "org"}.get(means, "none")
    return NameEntry(str(item["text"]), kind, code, sector, org=org,
                     name=str(item.get("name") or item["text"]))


def _reading(kb: ActorKnowledge, path: Path, item) -> Reading:
    where = _where(path, item)
    if not isinstance(item, dict):
        raise DictionaryError(f"{where}: a reading is a mapping with means and cues")
    unknown = set(item) - READING_KEYS - {"__line__"}
    if unknown:
        raise DictionaryError(f"{where}: unknown key {sorted(unknown)[0]!r} "
                              f"(use {', '.join(sorted(READING_KEYS))})")
    means, code, org = _means(kb, where, item.get("means"))
    cues = tuple((scope, _cues(kb, where, item, scope)) for scope in CUES if item.get(scope))
    if not cues and not item.get("beside_name"):
        raise DictionaryError(f"{where}: a reading needs a cue ({', '.join(CUES)} or "
                              "beside_name)")
    return Reading(means, code, org, _sector_at(where, item.get("sector")), item.get("name"),
                   cues, _cues(kb, where, item, "unless"), bool(item.get("beside_name")), where)


def _cues(kb: ActorKnowledge, where: str, item: dict, scope: str) -> tuple[str, ...]:
    values = item.get(scope) or []
    if not isinstance(values, list):
        raise DictionaryError(f"{where}: {scope} must be a list")
    if scope == "named":
        bad = [v for v in values if str(v) not in kb.codes]
        if bad:
            raise DictionaryError(f"{where}: named: unknown state code {bad[0]!r}")
        return tuple(str(v) for v in values)
    return tuple(" ".join(str(v).lower().split()) for v in values)
