"""Coding a corpus into the store: stream documents, annotate (in parallel when large),
write whole documents per transaction, and report problems without stopping."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from . import __version__
from .errors import InputError
from .ingest import read_inputs
from .pipeline import Pipeline
from .types import Annotated, Document

__all__ = ["RunSummary", "annotate_stream", "code_corpus"]

_PARALLEL_AFTER = 64  # documents: below this, worker start-up costs more than it saves
_BATCH = 200


@dataclass
class RunSummary:
    documents: int = 0  # newly coded and stored
    skipped: int = 0  # already in the store
    events: int = 0
    problems: list[InputError] = field(default_factory=list)
    seconds: float = 0.0
    doc_ids: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0


_WORKER: Pipeline | None = None


def _init_worker(dictionaries: tuple[str, ...]) -> None:
    global _WORKER
    _WORKER = Pipeline(dictionaries=dictionaries)


def _annotate_light(doc: Document) -> Annotated:
    assert _WORKER is not None
    return dataclasses.replace(_WORKER(doc), tokens=None)


def annotate_stream(docs: Iterable[Document], dictionaries: tuple[str, ...] = (),
                    workers: int | None = None) -> Iterator[Annotated]:
    """Annotate documents in order; uses one process per core for large inputs."""
    docs = iter(docs)
    head = list(itertools.islice(docs, _PARALLEL_AFTER))
    workers = workers or os.cpu_count() or 1
    if len(head) < _PARALLEL_AFTER or workers == 1:
        pipeline = Pipeline(dictionaries=dictionaries)
        for doc in itertools.chain(head, docs):
            yield dataclasses.replace(pipeline(doc), tokens=None)
        return
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    with context.Pool(workers, _init_worker, (dictionaries,)) as pool:
        yield from pool.imap(_annotate_light, itertools.chain(head, docs), chunksize=8)


def code_corpus(
    inputs: Iterable[str],
    db: str,
    dictionaries: tuple[str, ...] = (),
    date: dt.date | None = None,
    limit: int | None = None,
    workers: int | None = None,
    on_document: Callable[[RunSummary], None] | None = None,
    on_problem: Callable[[InputError], None] | None = None,
) -> RunSummary:
    """Code every document of ``inputs`` into the DuckDB file ``db``."""
    from .knowledge import load_knowledge
    from .store import Store

    summary = RunSummary()
    started = time.perf_counter()
    inputs = list(inputs)
    with Store(db) as store:
        knowledge = load_knowledge(dictionaries)
        run_id = store.start_run(__version__, knowledge.digest, inputs)
        seen: set[str] = set()

        def fresh_documents() -> Iterator[Document]:
            stream = read_inputs(inputs, date)
            for batch in _batches(stream, _BATCH):
                docs = []
                for item in batch:
                    if isinstance(item, InputError):
                        summary.problems.append(item)
                        if on_problem:
                            on_problem(item)
                    elif item.doc_id not in seen:
                        seen.add(item.doc_id)
                        docs.append(item)
                stored = store.has([d.doc_id for d in docs])
                summary.skipped += len(stored)
                summary.doc_ids.extend(d.doc_id for d in docs)
                yield from (d for d in docs if d.doc_id not in stored)

        stream = fresh_documents()
        if limit is not None:
            stream = itertools.islice(stream, limit)
        for batch in _batches(annotate_stream(stream, dictionaries, workers), _BATCH // 4):
            summary.events += store.add(batch, run_id)
            summary.documents += len(batch)
            summary.seconds = time.perf_counter() - started
            if on_document:
                on_document(summary)
        summary.seconds = time.perf_counter() - started
        store.finish_run(run_id, summary.documents, summary.skipped, len(summary.problems),
                         summary.events)
    return summary


def _batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch
