"""Event trigger vocabulary: one YAML file per PLOVER type, parsed into matchable rules.

Pattern syntax (see ``data/events/README.md``)::

    <call> on            verb lemma, every inflection, then a literal word
    <sanction:n>         noun, singular and plural
    <impose|slap> ... sanctions on|against     alternatives and a 0-3 word gap
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lemminflect import getAllInflections

from ..errors import DictionaryError
from .files import load_yaml

__all__ = ["GAP", "TriggerRule", "expand", "load_rules", "parse_pattern"]

GAP = None  # a slot that matches 0-3 words
EVENT_TYPES = (
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN "
    "PROTEST SANCTION MOBILIZE COERCE ASSAULT"
).split()
_ID = re.compile(r"^[a-z]+\.[a-z0-9_]+\.v[0-9]+$")
_BRACKET = re.compile(r"^<([^<>]+)>$")
_ALTERNATIVE = re.compile(r"<[^<>]*>|[^|<>]+")


@dataclass(frozen=True)
class TriggerRule:
    id: str
    type: str
    mode: str
    pattern: str
    slots: tuple  # each a frozenset of lower-case forms, or GAP
    recipient: str = "object"  # object | none
    inverse: bool = False
    context: tuple[str, ...] = ()
    example: str = ""
    expect: str = ""
    verbal: bool = True  # first slot is a verb (so passive voice and modals apply)
    where: str = ""

    @property
    def length(self) -> int:
        return sum(1 for s in self.slots if s is not GAP)


@lru_cache(maxsize=4096)
def expand(lemma: str, noun: bool = False) -> frozenset[str]:
    """All inflected forms of a lemma (verb by default), lower-cased, lemma included."""
    forms = {lemma.lower()}
    for values in getAllInflections(lemma, upos="NOUN" if noun else "VERB").values():
        forms.update(v.lower() for v in values)
    if noun:
        forms.add(lemma.lower() + "s")
    return frozenset(forms)


def parse_pattern(pattern: str) -> tuple[tuple, bool]:
    """Turn a pattern string into slots; also say whether it starts with a verb."""
    slots: list = []
    verbal = False
    for position, token in enumerate(pattern.split()):
        if token == "...":
            if not slots:
                raise ValueError("a pattern cannot start with '...'")
            slots.append(GAP)
            continue
        forms: set[str] = set()
        parts = _ALTERNATIVE.findall(token)
        if not parts or "|".join(parts) != token:
            raise ValueError(f"unbalanced brackets in {token!r}")
        for part in parts:
            bracket = _BRACKET.match(part)
            if not bracket:
                forms.add(part.lower())
                continue
            inner = bracket.group(1)
            noun = inner.endswith(":n")
            inner = inner[:-2] if noun else inner
            for lemma in inner.split("|"):
                if not lemma:
                    raise ValueError(f"empty alternative in {token!r}")
                forms |= expand(lemma, noun)
            verbal = verbal or (position == 0 and not noun)
        slots.append(frozenset(forms))
    if not slots or slots[-1] is GAP:
        raise ValueError("a pattern cannot be empty or end with '...'")
    return tuple(slots), verbal


def load_rules(dirs: list[Path]) -> list[TriggerRule]:
    """Load events/*.yaml from each folder; a later rule with the same id replaces one before."""
    rules: dict[str, TriggerRule] = {}
    for folder in dirs:
        seen: dict[str, Path] = {}
        for path in sorted((folder / "events").glob("*.yaml")):
            for rule in _load_file(path):
                if rule.id in seen:
                    raise DictionaryError(f"{path}: rule id {rule.id} is used twice in this "
                                          f"folder (also in {seen[rule.id].name}); give the "
                                          "new rule its own id or a new version (.v2)")
                seen[rule.id] = path
                rules[rule.id] = rule
    return list(rules.values())


def _load_file(path: Path) -> list[TriggerRule]:
    data = load_yaml(path) or {}
    kind = str(data.get("type", "")).upper()
    if kind not in EVENT_TYPES:
        raise DictionaryError(f"{path}: 'type' must be one of {', '.join(EVENT_TYPES)}")
    out = []
    for number, entry in enumerate(data.get("entries") or (), start=1):
        where = f"{path}: entry {number}"
        if not isinstance(entry, dict) or not entry.get("id") or not entry.get("pattern"):
            raise DictionaryError(f"{where}: every entry needs an id and a pattern")
        rule_id = str(entry["id"])
        if not _ID.match(rule_id):
            raise DictionaryError(f"{where}: id {rule_id!r} must look like request.call_on.v1")
        try:
            slots, verbal = parse_pattern(str(entry["pattern"]))
        except ValueError as e:
            raise DictionaryError(f"{where} ({rule_id}): bad pattern: {e}") from e
        recipient = str(entry.get("recipient") or "object")
        if recipient not in ("object", "none"):
            raise DictionaryError(f"{where} ({rule_id}): recipient must be object or none")
        out.append(TriggerRule(
            id=rule_id, type=kind, mode=str(entry.get("mode") or ""),
            pattern=str(entry["pattern"]), slots=slots, recipient=recipient,
            inverse=bool(entry.get("inverse")), context=tuple(entry.get("context") or ()),
            example=str(entry.get("example") or ""), expect=str(entry.get("expect") or ""),
            verbal=verbal, where=where,
        ))
    return out
