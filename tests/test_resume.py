"""A killed run loses nothing and duplicates nothing: run again and it resumes."""

import json
import signal
import subprocess
import sys
import time

import duckdb

TEXTS = ["Russia condemned Ukraine on Monday.", "Iran and Azerbaijan held talks in Baku.",
         "Turkey imposed sanctions on Syria.", "France sent aid to Lebanon on Friday."]


def _corpus(path, n):
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            out.write(json.dumps({"id": f"doc{i}", "text": TEXTS[i % len(TEXTS)],
                                  "date": "2021-03-01"}) + "\n")


def _code(*args):
    return [sys.executable, "-m", "blocwatch.cli", "code", *map(str, args), "--workers", "1"]


def test_resume_after_kill_stores_every_document_once(tmp_path):
    corpus, db = tmp_path / "corpus.jsonl", tmp_path / "r.duckdb"
    _corpus(corpus, 1500)
    run = subprocess.Popen(_code(corpus, "--db", db), stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    time.sleep(4)  # start-up, then some batches
    run.send_signal(signal.SIGKILL)
    run.wait()
    again = subprocess.run(_code(corpus, "--db", db), capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        docs, distinct = con.execute(
            "SELECT count(*), count(DISTINCT doc_id) FROM documents").fetchone()
        events, ids = con.execute(
            "SELECT count(*), count(DISTINCT event_id) FROM events").fetchone()
        orphans = con.execute("SELECT count(*) FROM events WHERE doc_id NOT IN "
                              "(SELECT doc_id FROM documents)").fetchone()[0]
    assert docs == distinct == 1500
    assert events == ids and events >= 1500 and orphans == 0
