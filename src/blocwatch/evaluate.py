"""Scoring the coder against gold sets, as ``benchmarks/README.md`` describes.

Events expand to (actor country, recipient country, type) triples, one per actor x
recipient pair. Matching is greedy within a sentence (the whole record for one-sentence
sets); *strict* needs the same recipient, *lenient* lets a gold triple without recipient
match any. A gold organisation coded without its name ("IGO", as plover-gsr codes them)
matches any predicted organisation of that kind ("IGO:UN"). Negated events are left out on both sides; actors coded null are not scored.
"""

from __future__ import annotations

import json
import os
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .ingest import parse_date
from .types import Annotated, Document, Event

__all__ = ["GoldSet", "Report", "default_gold_sets", "evaluate", "find_shared"]

OLD_LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
              "FIGHT": "ASSAULT"}
OLD_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
Triple = tuple[str, str | None, str]
_BARE = {"IGO", "NGO", "IMG"}


@dataclass
class GoldItem:
    """One document (or one-sentence record) with its gold events and quotes."""

    doc: Document
    events: list[dict]  # each: type, actors [codes], recipients [codes], negated, offset, date
    quotes: list[dict] = field(default_factory=list)
    actors: list[dict] = field(default_factory=list)  # gold actor texts: text, code
    whole: bool = False  # match over the whole record instead of per sentence


@dataclass
class GoldSet:
    name: str
    items: list[GoldItem]
    one_event: bool = False  # one coded event per sentence: recall-oriented


@dataclass
class Report:
    name: str
    figures: dict
    per_type: dict
    errors: list[str]

    def to_json(self) -> dict:
        return {"name": self.name, "figures": self.figures, "per_type": self.per_type,
                "errors": self.errors[:50]}


def find_shared() -> Path | None:
    """The shared folder with benchmarks: $BLOCWATCH_SHARED, ./shared, ../shared."""
    candidates = [os.environ.get("BLOCWATCH_SHARED", ""), "shared", "../shared"]
    here = Path(__file__).resolve()
    candidates += [str(p / "shared") for p in here.parents[:5]]
    for c in candidates:
        if c and (Path(c) / "benchmarks").is_dir():
            return Path(c)
    return None


def _norm(code: str | None, org: str | None = None) -> str | None:
    if code is None or code in ("", "***"):
        return None
    code = OLD_CODES.get(code, code)
    return f"{code}:{org}" if org and code in ("IGO", "NGO", "IMG") else code


def load_plover_gsr(path: Path) -> GoldSet:
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        record = json.loads(line)
        event = {
            "type": OLD_LABELS.get(record["event"], record["event"]),
            "actors": [_norm(a["code"]) for a in record["source"]],
            "recipients": [_norm(a["code"]) for a in record["target"]],
            "negated": False, "offset": 0, "date": "",
        }
        actors = [{"text": a["text"], "code": _norm(a["code"])}
                  for a in record["source"] + record["target"]]
        doc = Document(doc_id=f"{record['id']}#{number}", text=record["text"])
        items.append(GoldItem(doc, [event], actors=actors, whole=True))
    return GoldSet("plover-gsr", items, one_event=True)


def load_document_gold(path: Path, text_dir: Path) -> GoldSet:
    """The seed's gold.json, or a JSON Lines file of such documents (the demo gold)."""
    raw = path.read_text(encoding="utf-8")
    records = [json.loads(raw)] if path.suffix == ".json" else [
        json.loads(line) for line in raw.splitlines() if line.strip()]
    items = []
    for number, record in enumerate(records, start=1):
        text = _gold_text(path, number, text_dir, record["file"])
        date = parse_date(record["date"]) if record.get("date") else None
        doc = Document(doc_id=record.get("id", record["file"]), text=text, date=date,
                       title=record.get("title", ""))
        events = []
        for e in record["events"]:
            offset = e.get("offset")
            if offset is None:
                offset = text.find(e["anchor"])
            events.append({
                "type": e["event"], "negated": bool(e.get("negated")), "offset": offset,
                "actors": [_norm(a["code"]) for a in e["actor"]],
                "recipients": [_norm(a["code"]) for a in e["recipient"]],
                "date": e.get("date") or "",
            })
        items.append(GoldItem(doc, events, quotes=record.get("quotes", [])))
    return GoldSet(path.stem if path.stem != "gold" else f"{path.parent.name}", items)


def _gold_text(path: Path, number: int, text_dir: Path, name: str) -> str:
    """A gold record's text: beside the gold file, or in its ``articles/`` folder."""
    from .errors import UsageError

    for folder in (text_dir, text_dir / "articles"):
        if (folder / name).is_file():
            return (folder / name).read_text(encoding="utf-8-sig")
    raise UsageError(f"{path}: record {number}: text file {name!r} not found in {text_dir} "
                     "or its articles/ folder")


def default_gold_sets(shared: Path | None = None) -> list[GoldSet]:
    from .knowledge import DATA_DIR

    sets = []
    shared = shared or find_shared()
    if shared is not None:
        sets.append(load_plover_gsr(shared / "benchmarks" / "plover-gsr" / "records.jsonl"))
        seed = load_document_gold(shared / "seed" / "gold.json", shared / "seed")
        seed.name = "seed"
        sets.append(seed)
    demo_gold = DATA_DIR / "demo" / "gold.jsonl"
    if demo_gold.is_file():
        demo = load_document_gold(demo_gold, DATA_DIR / "demo" / "articles")
        demo.name = "demo (in-house)"
        sets.append(demo)
    return sets


def _triples(actors: Iterable[str | None], recipients: Iterable[str | None],
             kind: str) -> list[Triple]:
    recipients = [r for r in recipients if r] or [None]
    return [(a, r, kind) for a in actors if a for r in recipients]


def _event_triples(event: Event) -> list[Triple]:
    return _triples([a.country() for a in event.actor], [r.country() for r in event.recipient],
                    event.event)


def _same(gold: str | None, pred: str | None) -> bool:
    """The same party; a gold organisation coded without its name ("IGO") matches any
    predicted organisation of that kind ("IGO:CSTO")."""
    return gold == pred or (gold in _BARE and pred is not None and pred.split(":")[0] == gold)


def _match(gold: list[Triple], pred: list[Triple], lenient: bool) -> int:
    free = list(pred)
    hits = 0
    for g in gold:
        for i, p in enumerate(free):
            if g[2] == p[2] and _same(g[0], p[0]) and (
                    _same(g[1], p[1]) or (lenient and g[1] is None)):
                hits += 1
                del free[i]
                break
    return hits


def _sentence_of(ann: Annotated, offset: int) -> int:
    for s in ann.sentences:
        if s.start <= offset < s.end + 1:
            return s.index
    return -1


def evaluate(gold: GoldSet, code: Callable[[Document], Annotated]) -> Report:
    """Score one gold set; ``code`` annotates a document (usually a Pipeline)."""
    counts = Counter()
    per_type: dict[str, Counter] = defaultdict(Counter)
    errors: list[str] = []
    for item in gold.items:
        ann = code(item.doc)
        predicted = [e for e in ann.events if not e.negated]
        gold_events = [e for e in item.events if not e["negated"]]
        counts["sentences"] += 1 if item.whole else len(ann.sentences)
        counts["events_predicted"] += len(predicted)
        groups: dict[int, tuple[list, list]] = defaultdict(lambda: ([], []))
        for g in gold_events:
            key = 0 if item.whole else _sentence_of(ann, g["offset"])
            groups[key][0].append(g)
        for e in predicted:
            groups[0 if item.whole else e.sentence_index][1].append(e)
        for key, (gs, ps) in groups.items():
            _score_group(gs, ps, counts, per_type, errors, item, ann, key)
        if not item.whole:
            gold_sents = {k for k, (gs, _) in groups.items() if gs}
            for s in ann.sentences:
                counts["quiet_sentences"] += s.index not in gold_sents
                counts["false_alarms"] += s.index not in gold_sents and bool(groups[s.index][1])
        _score_quotes(item, ann, counts, errors)
        _score_actors(item, ann, counts)
    return Report(gold.name, _figures(counts, gold.one_event), _per_type(per_type), errors)


def _score_group(gs, ps, counts, per_type, errors, item, ann, key) -> None:
    gold_t = [t for g in gs for t in _triples(g["actors"], g["recipients"], g["type"])]
    pred_t = [t for e in ps for t in _event_triples(e)]
    strict, lenient = _match(gold_t, pred_t, False), _match(gold_t, pred_t, True)
    counts["gold_triples"] += len(gold_t)
    counts["pred_triples"] += len(pred_t)
    counts["strict"] += strict
    counts["lenient"] += lenient
    gold_types = Counter(g["type"] for g in gs)
    pred_types = Counter(e.event for e in ps)
    for kind in set(gold_types) | set(pred_types):
        hit = min(gold_types[kind], pred_types[kind])
        per_type[kind]["gold"] += gold_types[kind]
        per_type[kind]["pred"] += pred_types[kind]
        per_type[kind]["hit"] += hit
        counts["type_hits"] += hit
    counts["gold_events"] += len(gs)
    counts["type_pred"] += len(ps)
    for g in gs:
        counts["type_recall_hits"] += any(e.event == g["type"] for e in ps)
        counts["dates_total"] += bool(g["date"]) and any(e.event == g["type"] for e in ps)
        counts["dates_right"] += any(
            e.event == g["type"] and e.date and e.date.isoformat() == g["date"] for e in ps
        ) if g["date"] else 0
    if strict < len(gold_t) or strict < len(pred_t):
        text = item.doc.text if item.whole else next(
            (item.doc.text[s.start:s.end] for s in ann.sentences if s.index == key), "")
        errors.append(f"[{item.doc.doc_id}] {text[:160]!r}\n    gold {sorted(gold_t, key=str)}"
                      f"\n    pred {sorted(pred_t, key=str)}")


def _score_quotes(item: GoldItem, ann: Annotated, counts: Counter, errors: list[str]) -> None:
    for q in item.quotes:
        counts["quotes"] += 1
        found = next((x for x in ann.quotes if x.start <= q["offset"] < x.end), None)
        want = (q["speaker"]["code"], q["speaker"]["sector"])
        got = (found.speaker.code, found.speaker.sector) if found and found.speaker else None
        if got == want:
            counts["quotes_right"] += 1
        else:
            errors.append(f"quote {q['starts_with'][:40]!r}: speaker {got}, gold {want}")


def _score_actors(item: GoldItem, ann: Annotated, counts: Counter) -> None:
    text = item.doc.text
    for actor in item.actors:
        if not actor["code"] or not actor["text"]:
            continue
        counts["gold_actors"] += 1
        at = text.find(actor["text"])
        if at < 0:
            continue
        span = (at, at + len(actor["text"]))
        counts["actors_found"] += any(
            m.start < span[1] and span[0] < m.end and m.code
            and _norm(m.code) == actor["code"] for m in ann.mentions)


def _ratio(a: float, b: float) -> float:
    return round(a / b, 3) if b else 0.0


def _f1(p: float, r: float) -> float:
    return round(2 * p * r / (p + r), 3) if p + r else 0.0


def _figures(c: Counter, one_event: bool) -> dict:
    strict_p, strict_r = _ratio(c["strict"], c["pred_triples"]), _ratio(c["strict"],
                                                                         c["gold_triples"])
    len_p, len_r = _ratio(c["lenient"], c["pred_triples"]), _ratio(c["lenient"],
                                                                    c["gold_triples"])
    type_p, type_r = _ratio(c["type_hits"], c["type_pred"]), _ratio(c["type_hits"],
                                                                     c["gold_events"])
    out = {
        "documents_or_records": c["sentences"] if one_event else None,
        "gold_events": c["gold_events"],
        "predicted_events": c["events_predicted"],
        "events_per_sentence": _ratio(c["events_predicted"], c["sentences"]),
        "type_recall": _ratio(c["type_recall_hits"], c["gold_events"]),
        "type_f1": _f1(type_p, type_r),
        "strict_precision": strict_p, "strict_recall": strict_r,
        "strict_f1": _f1(strict_p, strict_r),
        "lenient_precision": len_p, "lenient_recall": len_r,
        "lenient_f1": _f1(len_p, len_r),
    }
    if c["gold_actors"]:
        out["actor_recall"] = _ratio(c["actors_found"], c["gold_actors"])
    if c["quotes"]:
        out["quote_speakers_right"] = f"{c['quotes_right']}/{c['quotes']}"
    if c["dates_total"]:
        out["date_accuracy"] = _ratio(c["dates_right"], c["dates_total"])
    if c["quiet_sentences"]:
        out["false_alarm_rate"] = _ratio(c["false_alarms"], c["quiet_sentences"])
    return {k: v for k, v in out.items() if v is not None}


def _per_type(per_type: dict[str, Counter]) -> dict:
    out = {}
    for kind in sorted(per_type):
        c = per_type[kind]
        p, r = _ratio(c["hit"], c["pred"]), _ratio(c["hit"], c["gold"])
        out[kind] = {"gold": c["gold"], "predicted": c["pred"], "precision": p, "recall": r,
                     "f1": _f1(p, r)}
    return out


def gold_sets_from(paths: Iterable[str]) -> list[GoldSet]:
    """Gold sets named on the command line, or the default ones when none are named."""
    from .errors import UsageError

    paths = list(paths)
    if not paths:
        sets = default_gold_sets()
        if not any(s.name == "plover-gsr" for s in sets):
            raise UsageError("benchmarks not found: put the shared folder beside the project "
                             "or set BLOCWATCH_SHARED=/path/to/shared")
        return sets
    out = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            path = path / "records.jsonl" if (path / "records.jsonl").is_file() else path / "gold.json"
        if not path.is_file():
            raise UsageError(f"{name}: no gold file there")
        first = path.read_text(encoding="utf-8").lstrip()[:2000]
        if path.suffix == ".jsonl" and '"source"' in first and '"target"' in first:
            out.append(load_plover_gsr(path))
        else:
            out.append(load_document_gold(path, path.parent))
    return out
