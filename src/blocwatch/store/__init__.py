"""The DuckDB store: the only package that imports duckdb.

Tables: runs, documents, sentences, mentions, events, quotes, and dyads (each event that
is not negated, as ties between every actor and recipient pair: the analysis reads these;
a reciprocal event with no recipient, "A and B clashed", ties the actors to each other).
A document is written with
everything found in it in one transaction, keyed by ``doc_id``: re-ingesting a stored
document changes nothing, and a killed run leaves only whole documents behind, so running
the same command again resumes where it stopped.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path

import duckdb

from ..errors import StoreError
from ..types import Annotated

__all__ = ["EVENT_COLUMNS", "Store", "write_rows"]

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    run_id INTEGER PRIMARY KEY, started TIMESTAMP, finished TIMESTAMP, version TEXT,
    dictionaries TEXT, inputs TEXT, documents INTEGER, skipped INTEGER, problems INTEGER,
    events INTEGER);
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, title TEXT, date DATE, url TEXT, source TEXT, origin TEXT,
    text TEXT, run_id INTEGER);
CREATE TABLE IF NOT EXISTS sentences (
    doc_id TEXT, sentence_index INTEGER, start_char INTEGER, end_char INTEGER, text TEXT);
CREATE TABLE IF NOT EXISTS mentions (
    doc_id TEXT, start_char INTEGER, end_char INTEGER, text TEXT, code TEXT, sector TEXT,
    name TEXT, kind TEXT, org TEXT);
CREATE TABLE IF NOT EXISTS quotes (
    doc_id TEXT, quote_index INTEGER, start_char INTEGER, end_char INTEGER, text TEXT,
    speaker_code TEXT, speaker_sector TEXT, speaker_name TEXT);
CREATE TABLE IF NOT EXISTS events (
    event_id TEXT PRIMARY KEY, doc_id TEXT, date DATE, event TEXT, mode TEXT,
    actor_code TEXT, actor_sector TEXT, actor_name TEXT,
    recipient_code TEXT, recipient_sector TEXT, recipient_name TEXT,
    actors TEXT, recipients TEXT, cameo TEXT, quad_class INTEGER, score DOUBLE,
    negated BOOLEAN, context TEXT, auxiliary TEXT, confidence DOUBLE, rule TEXT,
    trigger_text TEXT, trigger_start INTEGER, trigger_end INTEGER,
    sentence_index INTEGER, sentence_start INTEGER, sentence_end INTEGER, sentence TEXT,
    quote_index INTEGER, run_id INTEGER, reciprocal BOOLEAN);
ALTER TABLE events ADD COLUMN IF NOT EXISTS reciprocal BOOLEAN;
CREATE TABLE IF NOT EXISTS dyads (
    event_id TEXT, date DATE, a TEXT, b TEXT, a_sector TEXT, b_sector TEXT, event TEXT,
    quad_class INTEGER, score DOUBLE);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""

SCHEMA_VERSION = "2"  # 2: dyads, the events seen as ties between pairs, for the analysis


EVENT_COLUMNS = (
    "event_id doc_id date event mode actor_code actor_sector actor_name recipient_code "
    "recipient_sector recipient_name actors recipients cameo quad_class score negated context "
    "auxiliary confidence rule trigger_text trigger_start trigger_end sentence_index "
    "sentence_start sentence_end sentence quote_index run_id reciprocal"
).split()


class Store:
    """A DuckDB file holding coded documents. Use as a context manager."""

    def __init__(self, path: str | Path, read_only: bool = False,
                 must_exist: bool = False) -> None:
        self.path = str(path)
        if (read_only or must_exist) and not Path(self.path).is_file():
            raise StoreError(f"{self.path}: no such database (create it with: blocwatch code)")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
            if not read_only:
                self.con.execute(SCHEMA)
                self._migrate()
        except duckdb.Error as e:
            raise StoreError(f"{self.path}: cannot open the database ({e}); is another "
                             "blocwatch process using it, or is it not a DuckDB file?") from e

    def _migrate(self) -> None:
        """Bring a database made by an older blocwatch up to this schema."""
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if row is None or int(row[0]) < int(SCHEMA_VERSION):
            rows = self.con.execute(  # version 1 did not record reciprocity: assume it
                "SELECT event_id, date, event, quad_class, score, actors, recipients, "
                "coalesce(reciprocal, recipients = '[]') FROM events WHERE NOT negated"
            ).fetchall()
            ties = [t for r in rows for t in _ties(*r[:5], json.loads(r[5]), json.loads(r[6]),
                                                   r[7])]
            self.con.execute("DELETE FROM dyads")
            if ties:
                self.con.executemany("INSERT INTO dyads VALUES (?,?,?,?,?,?,?,?,?)", ties)
        self.con.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", [SCHEMA_VERSION])

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # -- runs ----------------------------------------------------------------------

    def start_run(self, version: str, dictionaries: str, inputs: Iterable[str]) -> int:
        run_id = self.con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM runs").fetchone()[0]
        self.con.execute(
            "INSERT INTO runs (run_id, started, version, dictionaries, inputs) VALUES (?,?,?,?,?)",
            [run_id, dt.datetime.now(), version, dictionaries, json.dumps(list(inputs))],
        )
        return run_id

    def finish_run(self, run_id: int, documents: int, skipped: int, problems: int,
                   events: int) -> None:
        self.con.execute(
            "UPDATE runs SET finished=?, documents=?, skipped=?, problems=?, events=? "
            "WHERE run_id=?", [dt.datetime.now(), documents, skipped, problems, events, run_id])

    # -- documents -----------------------------------------------------------------

    def has(self, doc_ids: list[str]) -> set[str]:
        if not doc_ids:
            return set()
        rows = self.con.execute(
            "SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?))", [doc_ids]
        ).fetchall()
        return {r[0] for r in rows}

    def add(self, batch: list[Annotated], run_id: int) -> int:
        """Store a batch of annotated documents in one transaction; returns events stored."""
        rows = _Rows()
        for ann in batch:
            rows.add(ann, run_id)
        try:
            self.con.execute("BEGIN TRANSACTION")
            for table, values in rows.tables().items():
                if values:
                    marks = ",".join("?" * len(values[0]))
                    self.con.executemany(f"INSERT INTO {table} VALUES ({marks})", values)
            self.con.execute("COMMIT")
        except duckdb.Error as e:
            self.con.execute("ROLLBACK")
            raise StoreError(f"{self.path}: could not store documents ({e})") from e
        return len(rows.events)

    # -- reading -------------------------------------------------------------------

    def query(self, sql: str, params: list | None = None) -> list[dict]:
        cursor = self.con.execute(sql, params or [])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def export_events(self, path: Path, doc_ids: list[str] | None = None) -> int:
        """Write flat events to .jsonl, .csv or .parquet (by suffix); returns the row count."""
        where = "WHERE doc_id IN (SELECT unnest(?))" if doc_ids is not None else ""
        params = [doc_ids] if doc_ids is not None else []
        select = f"SELECT * FROM events {where} ORDER BY doc_id, sentence_index, trigger_start"
        suffix = path.suffix.lower()
        count = self.con.execute(f"SELECT count(*) FROM ({select})", params).fetchone()[0]
        if suffix in (".csv", ".parquet"):
            fmt = "csv, HEADER" if suffix == ".csv" else "parquet"
            self.con.execute(f"COPY ({select}) TO '{_sql_path(path)}' (FORMAT {fmt})", params)
        elif suffix in (".jsonl", ".json"):
            with path.open("w", encoding="utf-8") as out:
                for row in self.query(select, params):
                    row["actors"] = json.loads(row["actors"])
                    row["recipients"] = json.loads(row["recipients"])
                    row["context"] = json.loads(row["context"])
                    row["auxiliary"] = json.loads(row["auxiliary"])
                    row["date"] = row["date"].isoformat() if row["date"] else None
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            raise StoreError(f"{path}: export to .jsonl, .csv or .parquet")
        return count

    def interactions(self, start=None, end=None, nodes: set[str] | None = None,
                     roots: dict[str, str] | None = None, sectors: bool = False) -> list:
        """Dyads dated in ``[start, end]`` as ``analyse.Interaction`` tuples, both ends in
        ``nodes`` (None: all); organisations are counted as their top parent in ``roots``.
        With ``sectors`` an actor is its code and sector, ``AZE/MIL`` (``AZE`` when the
        state as a whole acted), so the army and the foreign ministry are apart."""
        from ..analyse import Interaction

        roots = roots or {}
        sql = ("SELECT event_id, date, a, b, score, quad_class, a_sector, b_sector FROM dyads "
               "WHERE date IS NOT "
               "NULL AND (?::DATE IS NULL OR date >= ?::DATE) AND "
               "(?::DATE IS NULL OR date <= ?::DATE)")
        params: list = [start, start, end, end]
        if nodes is not None:
            raw = sorted(set(nodes) | {org for org, root in roots.items() if root in nodes})
            sql += " AND a IN (SELECT unnest(?)) AND b IN (SELECT unnest(?))"
            params += [raw, raw]
        out = []
        for event_id, date, a, b, score, quad, a_sector, b_sector in self.con.execute(
                sql, params).fetchall():
            a, b = roots.get(a, a), roots.get(b, b)
            if sectors:
                a, b = _with_sector(a, a_sector), _with_sector(b, b_sector)
            if a != b:
                out.append(Interaction(event_id, date, a, b, score, quad))
        return out

    def evidence(self, ids: list[str]) -> list[dict]:
        """The events behind a figure, with their sentences and documents, in date order."""
        if not ids:
            return []
        return self.query(
            "SELECT e.event_id, e.date, e.event, e.mode, e.actors, e.recipients, e.score, "
            "e.sentence, e.trigger_text, e.trigger_start - e.sentence_start AS trigger_at, "
            "e.rule, d.title, d.doc_id FROM events e JOIN documents d "
            "USING (doc_id) WHERE e.event_id IN (SELECT unnest(?)) ORDER BY e.date, "
            "e.event_id", [list(ids)])

    def add_synthetic_dyads(self, n: int, codes: list[str], start: str, days: int,
                            seed: float = 0.42) -> None:
        """Fill ``dyads`` with ``n`` random ties among ``codes`` (for ``bench --analysis``)."""
        self.con.execute("SELECT setseed(?)", [seed])
        self.con.execute(
            "INSERT INTO dyads SELECT 'synthetic:' || i, ?::DATE + (random() * ?)::INTEGER, "
            "c[1 + (random() * (len(c) - 1))::INTEGER], c[1 + (random() * (len(c) - 1))::INTEGER], "
            "NULL, NULL, 'SYNTHETIC', 1 + (random() * 3)::INTEGER, round(random() * 20 - 10, 1) "
            "FROM range(?) t(i), (SELECT ?::VARCHAR[] AS c)", [start, days, n, codes])

    def runs(self) -> list[dict]:
        return self.query("SELECT run_id, started, version, dictionaries, documents, events "
                          "FROM runs ORDER BY run_id")

    def summary(self) -> dict:
        one = self.con.execute
        return {
            "documents": one("SELECT count(*) FROM documents").fetchone()[0],
            "events": one("SELECT count(*) FROM events WHERE NOT negated").fetchone()[0],
            "by_type": dict(one("SELECT event, count(*) FROM events WHERE NOT negated "
                                "GROUP BY event ORDER BY 2 DESC").fetchall()),
        }


_TYPES = {bool: "BOOLEAN", int: "BIGINT", float: "DOUBLE", list: "VARCHAR[]"}


def write_rows(rows: list[dict], path: Path) -> int:
    """Write analysis rows (dicts with the same keys) to .csv or .parquet; lists become
    lists in Parquet and space-separated text in CSV."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".parquet"):
        raise StoreError(f"{path}: write the table to .csv or .parquet")
    if not rows:
        raise StoreError(f"{path}: nothing to write (no rows in this selection)")
    columns = list(rows[0])
    types = [_TYPES.get(type(rows[0][c]), "VARCHAR") for c in columns]
    con = duckdb.connect()
    try:
        con.execute("CREATE TABLE t (" + ", ".join(f'"{c}" {t}' for c, t in zip(columns, types))
                    + ")")
        con.executemany(f"INSERT INTO t VALUES ({','.join('?' * len(columns))})",
                        [[row[c] for c in columns] for row in rows])
        select = ", ".join(f"array_to_string(\"{c}\", ' ') AS \"{c}\"" if t == "VARCHAR[]"
                           and suffix == ".csv" else f'"{c}"' for c, t in zip(columns, types))
        fmt = "csv, HEADER" if suffix == ".csv" else "parquet"
        con.execute(f"COPY (SELECT {select} FROM t) TO '{_sql_path(path)}' (FORMAT {fmt})")
    except duckdb.Error as e:
        raise StoreError(f"{path}: could not write ({e})") from e
    finally:
        con.close()
    return len(rows)


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


class _Rows:
    """Rows for every table, built from annotated documents."""

    def __init__(self) -> None:
        self.documents: list[tuple] = []
        self.sentences: list[tuple] = []
        self.mentions: list[tuple] = []
        self.quotes: list[tuple] = []
        self.events: list[tuple] = []
        self.dyads: list[tuple] = []

    def tables(self) -> dict[str, list[tuple]]:
        return {"documents": self.documents, "sentences": self.sentences,
                "mentions": self.mentions, "quotes": self.quotes, "events": self.events,
                "dyads": self.dyads}

    def add(self, ann: Annotated, run_id: int) -> None:
        doc = ann.doc
        text = doc.text
        self.documents.append((doc.doc_id, doc.title, doc.date, doc.url, doc.source, doc.origin,
                               text, run_id))
        for s in ann.sentences:
            self.sentences.append((doc.doc_id, s.index, s.start, s.end, text[s.start:s.end]))
        for m in ann.mentions:
            self.mentions.append((doc.doc_id, m.start, m.end, m.text, m.code, m.sector, m.name,
                                  m.kind, m.org))
        for i, q in enumerate(ann.quotes):
            s = q.speaker
            self.quotes.append((doc.doc_id, i, q.start, q.end, q.text, s and s.code,
                                s and s.sector, s and s.name))
        for n, e in enumerate(ann.events):
            first = e.actor[0] if e.actor else None
            target = e.recipient[0] if e.recipient else None
            event_id = f"{doc.doc_id}:{e.sentence_index}:{n}"
            if not e.negated:
                self.dyads.extend(_ties(event_id, e.date, e.event, e.quad_class, e.score,
                                        [a.to_json() for a in e.actor],
                                        [a.to_json() for a in e.recipient], e.reciprocal))
            self.events.append((
                event_id, doc.doc_id, e.date, e.event, e.mode,
                first and first.country(), first and first.sector, first and first.name,
                target and target.country(), target and target.sector, target and target.name,
                json.dumps([a.to_json() for a in e.actor], ensure_ascii=False),
                json.dumps([a.to_json() for a in e.recipient], ensure_ascii=False),
                e.cameo, e.quad_class, e.score, e.negated, json.dumps(list(e.context)),
                json.dumps(list(e.auxiliary)), e.confidence, e.rule, e.trigger.text,
                e.trigger.start, e.trigger.end, e.sentence_index, e.sentence_start,
                e.sentence_end, text[e.sentence_start:e.sentence_end], e.quote, run_id,
                e.reciprocal,
            ))


def _with_sector(node: str, sector: str | None) -> str:
    return f"{node}/{sector}" if sector and sector != "IGO" else node


def _node(actor: dict) -> str | None:
    """The unit of analysis for an actor: its state code, or an organisation's id.

    NGOs and transnational networks have no place in a network of states and blocs.
    """
    code = actor.get("code")
    if code == "IGO":
        return actor.get("org")
    if code in ("NGO", "IMG"):
        return None
    return code


def _ties(event_id, date, event, quad, score, actors: list[dict], recipients: list[dict],
          reciprocal: bool):
    """Dyad rows of one event: every actor with every recipient, or, for a reciprocal
    event ("A and B clashed"), the actors with one another."""
    sources = [(n, a.get("sector")) for a in actors if (n := _node(a))]
    targets = [(n, r.get("sector")) for r in recipients if (n := _node(r))]
    if reciprocal:
        pairs = [(s, t) for i, s in enumerate(sources) for t in sources[i + 1:]]
    else:
        pairs = [(s, t) for s in sources for t in targets]
    seen, rows = set(), []
    for (a, a_sector), (b, b_sector) in pairs:
        if a != b and (a, b) not in seen:
            seen.add((a, b))
            rows.append((event_id, date, a, b, a_sector, b_sector, event, quad, score))
    return rows
