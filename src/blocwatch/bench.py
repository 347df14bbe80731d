"""``blocwatch bench``: start-up time, throughput and peak memory, measured here."""

from __future__ import annotations

import itertools
import resource
import time

from .errors import InputError, UsageError

__all__ = ["run_bench"]


def run_bench(corpus: str | None, min_sentences: int, dictionaries: tuple[str, ...]) -> dict:
    from .ingest import read_inputs
    from .knowledge import DEMO_DIR

    started = time.perf_counter()
    from .knowledge import load_knowledge
    from .pipeline import Pipeline

    knowledge = load_knowledge(dictionaries)
    loaded = time.perf_counter()
    pipeline = Pipeline(knowledge)
    built = time.perf_counter()
    docs = [d for d in read_inputs([corpus or str(DEMO_DIR)])
            if not isinstance(d, InputError)]
    if not docs:
        raise UsageError(f"{corpus}: no documents to benchmark")
    sentences = documents = 0
    t0 = time.perf_counter()
    for doc in itertools.cycle(docs):
        ann = pipeline(doc)
        sentences += len(ann.sentences)
        documents += 1
        if sentences >= min_sentences and documents >= len(docs):
            break
    elapsed = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "corpus": corpus or "bundled demo corpus",
        "knowledge load (s)": round(loaded - started, 2),
        "pipeline build (s)": round(built - loaded, 2),
        "documents coded": documents,
        "sentences coded": sentences,
        "sentences/s (1 process)": round(sentences / elapsed),
        "documents/s (1 process)": round(documents / elapsed, 1),
        "peak memory (MB)": round(peak_mb),
    }
