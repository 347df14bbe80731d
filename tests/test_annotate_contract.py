"""The `annotate` JSON Lines contract of DESIGN.md, field by field."""

import json

from click.testing import CliRunner

from blocwatch.cli import main

EVENT_TYPES = set("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT "
                  "THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT".split())
SECTORS = set("GOV MIL LEG JUD COP SPY REB OPP PTY BUS MED CVL REF NGO IGO ELI".split())


def _annotate(*args):
    result = CliRunner().invoke(main, ["annotate", *args])
    return result, [json.loads(line) for line in result.output.splitlines() if line.strip()]


def _check_actor(actor, text):
    assert set(actor) >= {"text", "code", "sector", "name"}
    assert actor["sector"] in SECTORS | {None}
    code = actor["code"]
    assert code is None or (len(code) == 3 and code.isupper())


def test_annotate_seed_record_shape(seed_file):
    result, records = _annotate(str(seed_file))
    assert result.exit_code == 0, result.output
    (record,) = records
    assert record["date"] == "2020-11-04"
    assert set(record) == {"doc_id", "date", "title", "sentences", "mentions", "events", "quotes"}
    text = seed_file.read_text(encoding="utf-8")
    for s in record["sentences"]:
        assert set(s) == {"index", "start", "end", "tone"} and 0 <= s["start"] < s["end"] <= len(text)
        assert s["tone"] is None or -10 <= s["tone"] <= 10
    for m in record["mentions"]:
        assert text[m["start"]:m["end"]] == m["text"]
        _check_actor(m, text)
        assert m["kind"]
    assert record["events"], "the seed article must yield events"
    for e in record["events"]:
        assert e["event"] in EVENT_TYPES
        assert set(e) >= {"event", "mode", "context", "auxiliary", "negated", "actor",
                          "recipient", "date", "cameo", "quad_class", "score",
                          "sentence_index", "sentence_start", "sentence_end", "trigger",
                          "rule", "quote", "confidence"}
        assert isinstance(e["actor"], list) and isinstance(e["recipient"], list)
        for actor in e["actor"] + e["recipient"]:
            _check_actor(actor, text)
        assert e["quad_class"] in (1, 2, 3, 4) and -10 <= e["score"] <= 10
        assert len(e["cameo"]) == 2 and e["rule"].count(".") == 2
        t = e["trigger"]
        assert text[t["start"]:t["end"]] == t["text"]
        assert e["sentence_start"] <= t["start"] < e["sentence_end"]
    for q in record["quotes"]:
        assert text[q["start"]:q["end"]] == q["text"]


def test_annotate_stdin_jsonl():
    line = json.dumps({"id": "a1", "text": "Russia condemned Ukraine on Monday.",
                       "date": "2022-03-09"})
    result = CliRunner().invoke(main, ["annotate", "-"], input=line + "\n")
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["doc_id"] == "a1"
    (event,) = record["events"]
    assert (event["event"], event["actor"][0]["code"], event["recipient"][0]["code"],
            event["date"]) == ("ACCUSE", "RUS", "UKR", "2022-03-07")


def test_annotate_bad_line_exit_2(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text('{"text": "Russia condemned Ukraine."}\nnot json\n', encoding="utf-8")
    result, _ = CliRunner().invoke(main, ["annotate", str(path)]), None
    assert result.exit_code == 2
    assert f"{path}:2" in result.output
