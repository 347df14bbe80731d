"""``blocwatch bench``: start-up time, throughput and peak memory, measured here."""

from __future__ import annotations

import itertools
import resource
import time

from .errors import InputError, UsageError

__all__ = ["run_analysis_bench", "run_bench"]


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


def run_analysis_bench(events: int, region: str = "south-caucasus", year: int = 2020) -> dict:
    """Time ``align`` for one region and year over ``events`` synthetic stored events."""
    import tempfile
    from pathlib import Path

    from .analysis import Selection
    from .knowledge.regions import load_regions
    from .store import Store

    regions = load_regions()
    codes = sorted({c for r in regions.values() for c in r["members"] + r["players"]})
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "bench.duckdb")
        t0 = time.perf_counter()
        with Store(db) as store:
            store.add_synthetic_dyads(events, codes, "2015-01-01", 3650)
        filled = time.perf_counter()
        sel = Selection.from_options(db, str(year), str(year), None, region)
        rows = sel.align("month")
        aligned = time.perf_counter()
        shifted = sel.shifts(f"{year}-01..{year}-06", f"{year}-07..{year}-12")
        done = time.perf_counter()
    return {
        "stored events (synthetic)": events,
        "actors": len(codes),
        "fill (s)": round(filled - t0, 2),
        f"align {region} {year} (s)": round(aligned - filled, 3),
        "ties in selection": len(sel.interactions()),
        "align rows": len(rows),
        "shifts, same selection (s)": round(done - aligned, 3),
        "shift rows": len(shifted),
        "peak memory (MB)": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }