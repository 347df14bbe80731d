"""The pipeline: stages composed in order, each a callable ``Annotated -> Annotated``.

ingest -> segment -> actors -> coreference -> quotes -> events -> dates
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from .actors import ActorRecognizer
from .coref import Coreference
from .dates import DateResolver
from .events import EventCoder
from .knowledge import Knowledge, load_knowledge
from .quotes import QuoteFinder
from .segment import Segmenter
from .types import Annotated, Document

__all__ = ["Pipeline"]

Stage = Callable[[Annotated], Annotated]


class Pipeline:
    """Build once (it loads the knowledge and compiles the matchers), then call per document.

    >>> from blocwatch import Document, Pipeline
    >>> ann = Pipeline()(Document("d1", "Russia condemned Ukraine on Monday."))
    >>> [(e.event, e.actor[0].code, e.recipient[0].code) for e in ann.events]
    [('ACCUSE', 'RUS', 'UKR')]
    """

    def __init__(self, knowledge: Knowledge | None = None, dictionaries: Iterable[str] = ()):
        self.knowledge = knowledge or load_knowledge(tuple(str(d) for d in dictionaries))
        self.stages: list[Stage] = [
            Segmenter(),
            ActorRecognizer(self.knowledge),
            Coreference(self.knowledge),
            QuoteFinder(self.knowledge),
            EventCoder(self.knowledge),
            DateResolver(),
        ]

    def __call__(self, doc: Document) -> Annotated:
        ann = Annotated(doc=doc)
        for stage in self.stages:
            ann = stage(ann)
        return ann

    def pipe(self, docs: Iterable[Document]) -> Iterator[Annotated]:
        for doc in docs:
            yield self(doc)
