"""Importing actor dictionaries written in the CAMEO/TABARI/PETRARCH text format.

The format, one actor per block::

    VLADIMIR_PUTIN_  [RUSELI]       primary phrase, optionally with a default [CODE]
    +PUTIN_                         synonyms of the same actor
        [RUSGOV 000507-080507]      dated codes: A-B, >A (from A), <B (until B), A-, -B
        [RUSELI]                    an undated code line is a default, like the one above

Agents files hold one noun per line, ``AIR_FORCE {} [~MIL]``: a phrase, an optional
plural in braces (``{}``: none; no braces: the regular plural) and a role code marked
with ``~`` (``[NGO~]`` puts the code first).

Comments: ``#`` and the legacy ``;`` run to the end of the line; ``<!-- ... -->`` may span
lines. Lines starting with ``==`` are section headers. Blank lines are skipped.

Dates are YYMMDD or YYYYMMDD. Two-digit years pivot at 50: 00-49 are 2000-2049, 50-99
are 1950-1999. The format's limits are inclusive ("or equal to"); blocwatch's end dates
are exclusive, so a last day B (``A-B``, ``<B``) is written as the day after B.

What a block becomes:

- a person (``people.csv``) when it has a dated code, an ELI code or several codes, or
  always with ``people=True``. One row per dated code; each default code fills the time
  the dated codes leave uncovered. Role text: ``imported: RUSGOV``.
- ``[AFG]``, a bare country: more names of that state (``states.yaml``);
- ``[RUSMIL]``, a country with GOV/MIL/LEG/JUD/SPY/COP: a seat of that state (metonym);
- ``[PSEREB]``, a country with another or no role, or ``IMG...``: ``groups.yaml``;
- ``IGO...``/``NGO...``: ``igos.yaml``, joined to the shipped organisation when one of
  its phrases already names one;
- an agent: nouns of ``sectors.yaml``.

Phrases blocwatch already knows are left to the shipped entries (counted as ``known``).
Not supported, each reported as a problem and skipped: the null code ``---``, country
codes missing from ``states.yaml``, agent codes without a blocwatch sector, substitution
markers (``!PERSON!``). Overlapping dated codes are all kept; blocwatch then prefers
GOV/IGO over MIL over the rest.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

import yaml

from ..errors import DictionaryError, UsageError
from .actors import PEOPLE_HEADER, NameEntry, load_actor_knowledge
from .files import DATA_DIR, load_yaml

__all__ = ["Agent", "Block", "Code", "Imported", "ImportResult", "Reference", "convert",
           "import_files", "parse", "parse_day", "person_name", "reference", "uncovered",
           "write"]

PIVOT = 50  # two-digit years below it are 20YY, from it 19YY
ONE_DAY = dt.timedelta(days=1)
TARGETS = ("people.csv", "states.yaml", "igos.yaml", "groups.yaml", "sectors.yaml")

# CAMEO role code -> blocwatch sector. None: an attribute, not a role; skipped when
# looking for the sector (RUSGOVMOD is GOV). Codes absent here are ignored likewise.
ROLES = MappingProxyType({
    "GOV": "GOV", "MIL": "MIL", "LEG": "LEG", "JUD": "JUD", "COP": "COP", "SPY": "SPY",
    "REB": "REB", "OPP": "OPP", "PTY": "PTY", "BUS": "BUS", "MED": "MED", "CVL": "CVL",
    "REF": "REF", "NGO": "NGO", "IGO": "IGO", "ELI": "ELI",
    "INS": "REB",  # insurgents
    "SEP": "REB",  # separatists
    "UAF": "REB",  # unaligned armed forces
    "IRG": "REB",  # irregular armed groups (treated like INS)
    "PKO": "MIL",  # peacekeepers
    "HLH": "CVL",  # health: doctors, hospitals
    "EDU": "CVL",  # education: students, teachers
    "LAB": "CVL",  # labour, unions
    "AGR": "CVL",  # farmers
    "CRM": "CVL",  # criminals: no criminal sector, kept as non-state
    "HRI": "NGO",  # human-rights groups
    "DEV": "NGO",  # development groups
    "ENV": "NGO",  # environmental groups
    "MOD": None, "RAD": None,  # moderate, radical
})
SEATS = frozenset({"GOV", "MIL", "LEG", "JUD", "SPY", "COP"})  # as states.yaml seats allow
OLD_CODES = MappingProxyType({"ROM": "ROU", "TMP": "TLS", "ZAR": "COD"})  # withdrawn ISO codes
# Lower case inside a name: "Bashar al-Assad", "Islamic Movement of Uzbekistan".
LOWER = frozenset({"al", "el", "bin", "ibn", "bint", "de", "del", "della", "da", "di", "du",
                   "van", "von", "der", "den", "la", "le", "of", "for", "the", "and", "in",
                   "on", "at", "to"})

_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_LINE = re.compile(r"(?P<phrase>[^\[\]{}]+?)\s*(?:\{(?P<plural>[^{}]*)\})?\s*"
                   r"(?P<codes>(?:\[[^\[\]]*\]\s*)*)")
_BRACKET = re.compile(r"\[([^\[\]]*)\]")
_CODE = re.compile(r"~?[A-Z0-9-]{3,}~?")
_HINT_LINE = "write NAME_WORDS_ [CODE], +SYNONYM_ or an indented [CODE DATES] line"


@dataclass(frozen=True)
class Code:
    """One CAMEO code and when it applies (blocwatch style: start inclusive, end exclusive)."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None
    origin: str = ""

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass
class Block:
    """One actor: its primary phrase, synonyms and codes, as written (CAPS_WITH_UNDERSCORES)."""

    origin: str
    phrase: str
    aliases: list[str] = field(default_factory=list)
    codes: list[Code] = field(default_factory=list)
    broken: bool = False  # a line of it was malformed (reported); the block is not imported


@dataclass(frozen=True)
class Agent:
    """One agents-file noun; ``plurals`` None means the regular plural."""

    origin: str
    phrase: str
    plurals: tuple[str, ...] | None
    code: str


def _error(origin: str, what: str, hint: str) -> DictionaryError:
    return DictionaryError(f"{origin}: {what} ({hint})")


# ---------------------------------------------------------------- parsing

def parse_day(text: str) -> dt.date:
    """A CAMEO date, YYMMDD or YYYYMMDD; two-digit years pivot at 50.

    >>> parse_day("000507"), parse_day("991231"), parse_day("19450703")
    (datetime.date(2000, 5, 7), datetime.date(1999, 12, 31), datetime.date(1945, 7, 3))
    """
    if not text.isdigit() or len(text) not in (6, 8):
        raise ValueError(f"{text!r} is not YYMMDD or YYYYMMDD")
    year = int(text[:-4])
    if len(text) == 6:
        year += 2000 if year < PIVOT else 1900
    return dt.date(year, int(text[-4:-2]), int(text[-2:]))


def parse(text: str, source: str) -> tuple[list[Block | Agent], list[DictionaryError]]:
    """The blocks and agents of one file, and a problem for each malformed line."""
    items: list = []
    problems = []
    for number, line in _lines(text):
        origin = f"{source}:{number}"
        try:
            _take(line.strip(), origin, items)
        except DictionaryError as e:
            problems.append(e)
            _mark_broken(line.strip(), origin, items)
    return [i for i in items if not getattr(i, "broken", False)], problems


def _lines(text: str):
    text = _HTML_COMMENT.sub(lambda m: "\n" * m.group().count("\n"), text)
    for number, raw in enumerate(text.splitlines(), start=1):
        line = re.split(r"[#;]", raw, maxsplit=1)[0].rstrip()
        if line.strip() and not line.lstrip().startswith("=="):
            yield number, line


def _take(line: str, origin: str, items: list) -> None:
    if line.startswith("<!--"):
        raise _error(origin, "unterminated <!-- comment", "close it with -->")
    if line[0] not in "+[":
        items.append(_primary(line, origin))
        return
    block = items[-1] if items else None
    if isinstance(block, Block) and block.broken:
        return  # its primary line was reported already
    if not isinstance(block, Block):
        what = "synonym" if line[0] == "+" else "code line"
        where = "after an agent line" if block else "before any actor"
        raise _error(origin, f"{what} {where}", "start the block with its NAME_ line")
    if line[0] == "+" and "[" in line:
        raise _error(origin, "a synonym cannot carry a code", "give it a block of its own")
    if line[0] == "+":
        block.aliases.append(_phrase(line[1:], origin))
    else:
        block.codes.extend(_code_line(line, origin))


def _mark_broken(line: str, origin: str, items: list) -> None:
    if line[0] not in "+[":
        items.append(Block(origin, "", broken=True))
    elif items and isinstance(items[-1], Block):
        items[-1].broken = True


def _primary(line: str, origin: str) -> Block | Agent:
    if line.count("[") != line.count("]"):
        raise _error(origin, "unbalanced [ ]", "close the code: NAME_ [CODE]")
    match = _LINE.fullmatch(line)
    if not match:
        raise _error(origin, f"not an actor line: {line!r}", _HINT_LINE)
    phrase = _phrase(match["phrase"], origin)
    codes = [_code(body, origin) for body in _BRACKET.findall(match["codes"])]
    if any("~" in c.code for c in codes):
        plurals = None if match["plural"] is None else tuple(
            _phrase(p, origin) for p in match["plural"].split())
        return Agent(origin, phrase, plurals, codes[0].code)
    if match["plural"] is not None:
        raise _error(origin, "{plural} on an actor line", "plurals belong to agents [~CODE]")
    return Block(origin, phrase, codes=codes)


def _phrase(text: str, origin: str) -> str:
    text = text.strip()
    if "!" in text:
        raise _error(origin, f"substitution marker in {text!r} is not supported",
                     "write each form out on its own line")
    bad = any(c.islower() or c in "+[]{}<>=~|\"" for c in text)
    if bad or not any(c.isalpha() for c in text):
        raise _error(origin, f"not an actor line: {text!r}",
                     "phrases are CAPITALS_WITH_UNDERSCORES; " + _HINT_LINE)
    return text


def _code_line(line: str, origin: str) -> list[Code]:
    if not re.fullmatch(r"(?:\[[^\[\]]*\]\s*)+", line):
        raise _error(origin, f"malformed code line {line!r}",
                     "write [CODE] or [CODE DATES], e.g. [RUSGOV 000507-080507]")
    return [_code(body, origin) for body in _BRACKET.findall(line)]


def _code(body: str, origin: str) -> Code:
    parts = body.split()
    if not parts or len(parts) > 2 or not _CODE.fullmatch(parts[0]):
        raise _error(origin, f"malformed code [{body}]",
                     "codes look like [RUSGOV] or [RUSGOV 000507-080507]")
    if len(parts) == 1:
        return Code(parts[0], origin=origin)
    return Code(parts[0], *_restriction(parts[1], origin), origin=origin)


def _restriction(text: str, origin: str) -> tuple[dt.date | None, dt.date | None]:
    if text[0] in "<>":
        day = _day(text[1:], origin)
        return (None, day + ONE_DAY) if text[0] == "<" else (day, None)
    first, sep, last = text.partition("-")
    if not sep or not (first or last):
        raise _error(origin, f"malformed date restriction {text!r}",
                     "use >YYMMDD, <YYMMDD or YYMMDD-YYMMDD")
    start = _day(first, origin) if first else None
    end = _day(last, origin) + ONE_DAY if last else None
    if start and end and end <= start:
        raise _error(origin, f"date range {text!r} ends before it starts", "swap the dates")
    return start, end


def _day(text: str, origin: str) -> dt.date:
    try:
        return parse_day(text)
    except ValueError as e:
        raise _error(origin, f"bad date {text!r}", "use YYMMDD or YYYYMMDD") from e


# ---------------------------------------------------------------- names

def person_name(phrase: str) -> str:
    """Normal case for a CAMEO phrase.

    >>> person_name("BASHAR_AL-ASSAD_"), person_name("JOHN_MCCAIN"), person_name("U.N._")
    ('Bashar al-Assad', 'John McCain', 'U.N.')
    """
    words = phrase.replace("_", " ").split()
    return " ".join(_word(w, first=i == 0) for i, w in enumerate(words))


def _word(word: str, first: bool) -> str:
    if "." in word or any(c.isdigit() for c in word):
        return word
    out = word.title()
    if out.startswith("Mc") and len(out) > 2:
        out = "Mc" + out[2:].capitalize()
    head, dash, rest = out.partition("-")
    if not first and head.lower() in LOWER:
        out = head.lower() + dash + rest
    return out


def _forms(phrase: str) -> list[str]:
    """Surface forms of a non-person phrase; a short single word may be an acronym.

    >>> _forms("EDB_"), _forms("HAMAS_"), _forms("ATA_MEKEN_")
    (['EDB'], ['Hamas', 'HAMAS'], ['Ata Meken'])
    """
    name = person_name(phrase)
    if " " in name or not name.isalpha() or len(name) > 5:
        return [name]
    if len(name) <= 3 or not any(c in "AEIOU" for c in name.upper()):
        return [name.upper()]
    return [name, name.upper()]


def _slug(name: str) -> str:
    return re.sub(r"[^A-Z0-9]+", "-", name.upper()).strip("-") or "IMPORTED"


# ---------------------------------------------------------------- converting

@dataclass(frozen=True)
class Reference:
    """What blocwatch already knows: imported entries join it or leave it alone."""

    states: dict[str, dict]
    names: dict[str, list[NameEntry]]
    nouns: frozenset[str]  # sector nouns and titles


def reference(folder: Path = DATA_DIR) -> Reference:
    kb = load_actor_knowledge([folder])
    states = {str(s["code"]): s for s in load_yaml(folder / "states.yaml") or ()}
    return Reference(states, dict(kb.names), frozenset(kb.sectors) | frozenset(kb.titles))


@dataclass
class Imported:
    """The converted entries, in the layout of the data files."""

    people: list[list[str]] = field(default_factory=list)
    states: dict[str, dict] = field(default_factory=dict)
    igos: list[dict] = field(default_factory=list)
    groups: list[dict] = field(default_factory=list)
    sectors: dict[str, list[str]] = field(default_factory=dict)
    known: int = 0
    problems: list[DictionaryError] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {
            "people": len({row[0] for row in self.people}),
            "roles": len(self.people),
            "state names": sum(len(s["names"]) for s in self.states.values()),
            "seats": sum(len(s["seats"]) for s in self.states.values()),
            "organisations": len(self.igos),
            "groups": len(self.groups),
            "sector nouns": sum(len(words) for words in self.sectors.values()),
            "already known": self.known,
        }


def convert(items: list[Block | Agent], ref: Reference, people: bool = False) -> Imported:
    """Convert parsed items; an item that cannot be converted is a problem and skipped."""
    out = Imported()
    for item in items:
        try:
            if isinstance(item, Agent):
                _add_agent(out, item, ref)
            elif _is_person(item, people):
                _add_person(out, item, ref)
            else:
                _add_actor(out, item, ref)
        except DictionaryError as e:
            out.problems.append(e)
    return out


def _role(rest: str) -> str | None:
    if len(rest) % 3:
        return None
    chunks = (rest[i:i + 3] for i in range(0, len(rest), 3))
    return next((ROLES[c] for c in chunks if ROLES.get(c)), None)


def _target(code: Code, ref: Reference) -> tuple[str, str | None]:
    """(blocwatch code, sector) of a CAMEO code; unknown countries are a problem."""
    head = code.code[:3]
    if head == "---":
        raise _error(code.origin, f"the null code [{code.code}] has no blocwatch equivalent",
                     "entry skipped")
    if head in ("IGO", "NGO", "IMG"):
        return head, _role(code.code[3:])
    iso = OLD_CODES.get(head, head)
    if iso not in ref.states:
        raise _error(code.origin, f"unknown country code {head} in [{code.code}]",
                     "use an ISO 3166-1 alpha-3 code from blocwatch's states.yaml")
    return iso, _role(code.code[3:])


def _is_person(block: Block, people: bool) -> bool:
    if people or len(block.codes) > 1 or any(c.dated for c in block.codes):
        return True
    return any(_role(c.code[3:]) == "ELI" for c in block.codes)


def uncovered(spans: list[tuple[dt.date | None, dt.date | None]]):
    """The time no span covers, as (start, end) pairs; None is open.

    >>> d = dt.date
    >>> uncovered([(d(2000, 1, 1), d(2001, 1, 1))])
    [(None, datetime.date(2000, 1, 1)), (datetime.date(2001, 1, 1), None)]
    >>> uncovered([]), uncovered([(None, None)])
    ([(None, None)], [])
    """
    low, high = dt.date.min, dt.date.max
    out, cursor = [], low
    for start, end in sorted((s or low, e or high) for s, e in spans):
        if start > cursor:
            out.append((cursor, start))
        cursor = max(cursor, end)
    if cursor < high:
        out.append((cursor, high))
    return [(None if a == low else a, None if b == high else b) for a, b in out]


def _add_person(out: Imported, block: Block, ref: Reference) -> None:
    name = person_name(block.phrase)
    forms = list(dict.fromkeys(person_name(a) for a in block.aliases))
    aliases = [a for a in forms if a != name and _free_for(a, name, ref)]
    out.known += len([a for a in forms if a != name]) - len(aliases)
    codes = [c for c in block.codes if not c.code.startswith("---")]  # null: no role
    dated = [c for c in codes if c.dated]
    gaps = uncovered([(c.start, c.end) for c in dated])
    spans = [(c, c.start, c.end) for c in dated]
    spans += [(c, s, e) for c in codes if not c.dated for s, e in gaps]
    if not spans:
        raise _error(block.origin, f"{block.phrase} has no code",
                     "add [CODE] to the line or indented [CODE DATES] lines below it")
    out.people.extend([_row(name, aliases, c, s, e, ref) for c, s, e in spans])


def _free_for(text: str, owner: str, ref: Reference) -> bool:
    return all(e.kind == "person" and e.name == owner for e in ref.names.get(text, ()))


def _row(name, aliases, code: Code, start, end, ref: Reference) -> list[str]:
    target, sector = _target(code, ref)
    sector = sector or {"IGO": "IGO", "NGO": "NGO", "IMG": "REB"}.get(target, "ELI")
    return [name, "|".join(aliases), target, sector, f"imported: {code.code}",
            start.isoformat() if start else "", end.isoformat() if end else ""]


def _add_actor(out: Imported, block: Block, ref: Reference) -> None:
    if not block.codes:
        raise _error(block.origin, f"{block.phrase} has no code",
                     "add [CODE] to the line, e.g. NAME_ [IGOUNO]")
    code = block.codes[0]
    target, sector = _target(code, ref)
    forms = list(dict.fromkeys(f for p in [block.phrase, *block.aliases] for f in _forms(p)))
    fresh = [f for f in forms if f not in ref.names]
    out.known += len(forms) - len(fresh)
    if target in ("IGO", "NGO"):
        _add_org(out, code, forms, fresh, ref)
    elif fresh and len(code.code) == 3:
        _state(out, target, ref)["names"].extend(fresh)
    elif fresh and sector in SEATS and target != "IMG":
        _state(out, target, ref)["seats"].extend({"text": f, "sector": sector} for f in fresh)
    elif fresh:
        out.groups.append(_group(out, code, fresh, target, sector))


def _state(out: Imported, code: str, ref: Reference) -> dict:
    if code not in out.states:
        shipped = ref.states[code]
        out.states[code] = {"code": code, "name": shipped["name"], "names": [], "seats": [],
                            "ambiguous": list(shipped.get("ambiguous") or ())}
    return out.states[code]


def _group(out: Imported, code: Code, fresh: list[str], target: str, sector) -> dict:
    taken = {g["id"] for g in out.groups}
    gid = base = _slug(fresh[0])
    while gid in taken:
        gid = f"{base}-{len(taken)}"
    sector = sector or ("REB" if target == "IMG" else None)
    entry = {"id": gid, "name": fresh[0], "aliases": fresh[1:], "code": target,
             "sector": sector, "note": f"imported from [{code.code}] at {code.origin}"}
    return {k: v for k, v in entry.items() if v is not None}


def _add_org(out: Imported, code: Code, forms, fresh, ref: Reference) -> None:
    shipped = next((e for f in forms for e in ref.names.get(f, ()) if e.kind == "org"), None)
    note = f"imported from [{code.code}] at {code.origin}"
    if shipped is not None and fresh:
        entry = {"org": shipped.org, "code": shipped.code, "name": shipped.name,
                 "aliases": fresh, "sector": shipped.sector, "note": note}
        out.igos.append({k: v for k, v in entry.items() if v is not None})
    elif fresh:
        out.igos.append({"org": _slug(fresh[0]), "code": code.code[:3], "name": fresh[0],
                         "aliases": fresh[1:], "note": note})


def _add_agent(out: Imported, agent: Agent, ref: Reference) -> None:
    sector = _role(agent.code.replace("~", ""))
    if sector is None:
        raise _error(agent.origin, f"agent code [{agent.code}] has no blocwatch sector",
                     "entry skipped; see the role table in blocwatch.knowledge.cameo")
    noun = agent.phrase.replace("_", " ").lower()
    plurals = [_plural(noun)] if agent.plurals is None else [
        p.replace("_", " ").lower() for p in agent.plurals]
    words = list(dict.fromkeys([noun, *plurals]))
    fresh = [w for w in words if w not in ref.nouns]
    out.known += len(words) - len(fresh)
    bucket = out.sectors.setdefault(sector, [])
    bucket.extend(w for w in fresh if w not in bucket)


def _plural(noun: str) -> str:
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    return noun + ("es" if re.search(r"(s|x|ch|sh)$", noun) else "s")


# ---------------------------------------------------------------- writing

def write(imported: Imported, folder: Path, sources: list[str]) -> list[Path]:
    """Write the non-empty data files into ``folder``; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    header = (f"# Imported by `blocwatch dict import` from {', '.join(sources)}.\n"
              "# Review before use; `blocwatch dict check` validates this folder.\n\n")
    written = []
    if imported.people:
        written.append(_write_people(imported.people, folder / "people.csv"))
    states = [{k: v for k, v in s.items() if v or k in ("names", "seats")}
              for s in imported.states.values()]
    for name, data in (("states.yaml", states), ("igos.yaml", imported.igos),
                       ("groups.yaml", imported.groups),
                       ("sectors.yaml", {"sectors": imported.sectors} if imported.sectors else None)):
        if data:
            text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
            (folder / name).write_text(header + text, encoding="utf-8")
            written.append(folder / name)
    return written


def _write_people(rows: list[list[str]], path: Path) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(PEOPLE_HEADER)
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


@dataclass
class ImportResult:
    counts: dict[str, int]
    problems: list[DictionaryError]
    written: list[Path]


def import_files(paths, folder: Path, people: bool = False, force: bool = False) -> ImportResult:
    """Convert CAMEO actor/agent files into a dictionary folder; problems are collected."""
    folder = Path(folder)
    _clear(folder, force)
    items, problems = [], []
    for path in map(Path, paths):
        try:
            found, trouble = parse(_read(path), str(path))
        except DictionaryError as e:
            problems.append(e)
            continue
        items += found
        problems += trouble
    imported = convert(items, reference(), people)
    written = write(imported, folder, [Path(p).name for p in paths])
    load_actor_knowledge([folder])  # what was written must load: a failure here is a bug
    return ImportResult(imported.counts(), problems + imported.problems, written)


def _read(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise DictionaryError(f"{path}: cannot read ({e.strerror})") from e
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")  # older dictionaries are often Latin-1


def _clear(folder: Path, force: bool) -> None:
    present = [name for name in TARGETS if (folder / name).exists()]
    if present and not force:
        raise UsageError(f"{folder} already has {', '.join(present)}; choose a new folder "
                         "or pass --force to replace them")
    for name in present:
        (folder / name).unlink()
