"""PLOVER contexts of an event: the rule's own, then those its sentence's cue words name.

``data/contexts.yaml`` lists cue words per context (``military: [troops, shelled, ...]``);
:func:`load_contexts` validates it and indexes the cues by their first word, and
:class:`ContextCues` finds them in a sentence (once per sentence, however many events it
has).
"""

from __future__ import annotations

import yaml

from .errors import DictionaryError
from .knowledge import TriggerRule
from .types import Sentence

__all__ = ["PLOVER_CONTEXTS", "ContextCues", "load_contexts"]

PLOVER_CONTEXTS = frozenset((
    "military intelligence executive legislative election political_institutions "
    "pro_democracy pro_autocracy economic legal human_rights rights_freedoms repression "
    "human_security lgbt religion_ethnicity inequality diplomatic territory health asylum "
    "migration disasters natural_resource environment technology terrorism cbrn cyber "
    "misinformation crime corruption illegal_drugs trafficking").split())

CueIndex = dict[str, list[tuple[tuple[str, ...], str]]]


class ContextCues:
    """The contexts of an event: its rule's, then those cued in its sentence."""

    def __init__(self, index: CueIndex) -> None:
        self.index = index
        self._cache: tuple = (None, -1, [])

    def __call__(self, doc, sent: Sentence, rule: TriggerRule) -> tuple[str, ...]:
        """The rule's contexts, then those whose cue words the sentence contains."""
        cached_doc, index, cued = self._cache
        if cached_doc is not doc or index != sent.index:  # once per sentence
            cued = self.cues(doc, sent)
            self._cache = (doc, sent.index, cued)
        return tuple(rule.context) + tuple(c for c in cued if c not in rule.context)

    def cues(self, doc, sent: Sentence) -> list[str]:
        """Contexts whose cue words the sentence contains, in order of their first cue."""
        found: list[str] = []
        words = [t.lower_ for t in doc[sent.tok_start:sent.tok_end]]
        for i, word in enumerate(words):
            for phrase, context in self.index.get(word, ()):
                if context not in found and tuple(words[i:i + len(phrase)]) == phrase:
                    found.append(context)
        return found


def load_contexts(path) -> CueIndex:
    """``contexts.yaml``: PLOVER context -> cue words, as first word -> [(phrase, context)].

    Raises DictionaryError naming ``file:line`` for an unknown context or a bad cue.
    """
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise DictionaryError(f"{path}: cannot read the contexts ({e})") from e
    if root is None:
        return {}
    if not isinstance(root, yaml.MappingNode):
        raise DictionaryError(f"{path}:1: expected 'context: [cue, ...]' entries")
    index: CueIndex = {}
    for key, value in root.value:
        where = f"{path.name}:{key.start_mark.line + 1}"
        if key.value not in PLOVER_CONTEXTS:
            raise DictionaryError(f"{where}: unknown context '{key.value}'; use one of "
                                  f"{', '.join(sorted(PLOVER_CONTEXTS))}")
        if not isinstance(value, yaml.SequenceNode):
            raise DictionaryError(f"{where}: '{key.value}' needs a list of cue words")
        for cue in value.value:
            _add_cue(index, cue, key.value, path)
    return index


def _add_cue(index: CueIndex, cue, context: str, path) -> None:
    where = f"{path.name}:{cue.start_mark.line + 1}"
    if not isinstance(cue, yaml.ScalarNode) or not str(cue.value).strip():
        raise DictionaryError(f"{where}: a cue of '{context}' must be a word or phrase")
    text = str(cue.value)
    if text != text.lower() or len(text.split()) > 4:
        raise DictionaryError(f"{where}: cue '{text}' must be lower case, at most four words")
    phrase = tuple(text.replace("-", " - ").split())  # tokens as the tokenizer splits them
    index.setdefault(phrase[0], []).append((phrase, context))
