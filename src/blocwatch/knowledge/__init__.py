"""Loading the knowledge the coder runs on: actors, trigger vocabulary, PLOVER scores.

Everything comes from data files under ``blocwatch/data`` plus any user folders with the
same layout (``--dictionaries DIR``); later folders extend and override earlier ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .actors import ActorKnowledge, NameEntry, Person, Role, load_actor_knowledge
from .files import DATA_DIR, DEMO_DIR, digest, load_yaml
from .vocab import EVENT_TYPES, TriggerRule, expand, load_rules

__all__ = [
    "DATA_DIR",
    "DEMO_DIR",
    "EVENT_TYPES",
    "ActorKnowledge",
    "Knowledge",
    "NameEntry",
    "Person",
    "Role",
    "TriggerRule",
    "load_knowledge",
]


@dataclass(frozen=True)
class Knowledge:
    actors: ActorKnowledge
    rules: tuple[TriggerRule, ...]
    plover: dict
    grammar: dict
    digest: str
    speech_verbs: frozenset[str]  # every inflection of grammar.yaml's speech verbs

    def score(self, event: str, mode: str) -> tuple[float, int, str]:
        """PLOVER score, quad class and CAMEO root for an event type and mode."""
        spec = self.plover[event]
        score = spec["modes"].get(mode, spec["score"])
        cameo = (spec.get("mode_cameo") or {}).get(mode, spec["cameo"])
        return float(score), int(spec["quad"]), str(cameo)


@lru_cache(maxsize=8)
def load_knowledge(extra: tuple[str, ...] = ()) -> Knowledge:
    """The shipped knowledge, extended by user folders in ``extra`` (cached per process)."""
    dirs = [DATA_DIR, *(Path(p) for p in extra)]
    plover = load_yaml(DATA_DIR / "plover.yaml")["types"]
    grammar = load_yaml(DATA_DIR / "grammar.yaml")
    speech = frozenset().union(*(expand(v) for v in grammar["speech_verbs"]))
    return Knowledge(
        actors=load_actor_knowledge(dirs),
        rules=tuple(load_rules(dirs)),
        plover=plover,
        grammar=grammar,
        digest=digest(dirs),
        speech_verbs=speech,
    )
