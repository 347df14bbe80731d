"""The commands as a user runs them."""

import json
import subprocess
import sys

import duckdb
import pytest
from click.testing import CliRunner

from blocwatch.cli import main
from blocwatch.knowledge import DEMO_DIR

DEMO = str(DEMO_DIR)


def _run(*args, **kwargs):
    return CliRunner().invoke(main, list(args), **kwargs)


def _count(db, table):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_cli_code_twice_adds_nothing(tmp_path):
    db, out = tmp_path / "c.duckdb", tmp_path / "events.jsonl"
    first = _run("code", DEMO, "--db", str(db), "-o", str(out))
    assert first.exit_code == 0, first.output
    assert "coded" in first.output and "documents/s" in first.output
    counts = {t: _count(db, t) for t in ("documents", "events", "mentions", "sentences")}
    exported = out.read_text(encoding="utf-8").splitlines()
    second = _run("code", DEMO, "--db", str(db), "-o", str(out))
    assert second.exit_code == 0 and "coded 0 documents" in second.output
    assert counts == {t: _count(db, t) for t in counts}
    assert out.read_text(encoding="utf-8").splitlines() == exported
    assert counts["events"] > 50 and len(exported) == counts["events"]
    ids = [json.loads(line)["event_id"] for line in exported]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_cli_code_exports(tmp_path, suffix):
    db, out = tmp_path / "e.duckdb", tmp_path / f"events{suffix}"
    result = _run("code", DEMO, "--db", str(db), "-o", str(out), "--limit", "3")
    assert result.exit_code == 0, result.output
    reader = "read_csv_auto" if suffix == ".csv" else "read_parquet"
    with duckdb.connect() as con:
        rows = con.execute(f"SELECT count(*) FROM {reader}('{out}')").fetchone()[0]
    assert rows > 0


def test_cli_code_bad_jsonl_keeps_the_rest(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(
        '{"id": "1", "text": "Russia condemned Ukraine.", "date": "2022-03-01"}\n'
        '{"id": "2", "text": \n'
        '{"id": "3", "text": "Iran praised Azerbaijan.", "date": "2020-11-04"}\n',
        encoding="utf-8")
    db = tmp_path / "b.duckdb"
    result = _run("code", str(path), "--db", str(db))
    assert result.exit_code == 2
    assert f"{path}:2" in result.output and "Traceback" not in result.output
    assert _count(db, "documents") == 2


def test_cli_bad_date_option(tmp_path):
    result = _run("code", DEMO, "--db", str(tmp_path / "x.duckdb"), "--date", "yesterday-ish")
    assert result.exit_code == 2 and "--date" in result.output


def test_cli_bad_export_suffix(tmp_path):
    result = _run("code", DEMO, "--db", str(tmp_path / "x.duckdb"), "-o", "out.xlsx")
    assert result.exit_code == 2 and ".parquet" in result.output


def test_cli_explain_shows_reasoning():
    result = _run("explain", "Germany urged Iran to release the detained sailors.")
    assert result.exit_code == 0, result.output
    assert "Triggers tried" in result.output and "REQUEST" in result.output


def test_cli_demo_summary(tmp_path):
    report = tmp_path / "report.html"
    result = _run("demo", "--db", str(tmp_path / "d.duckdb"), "--report", str(report))
    assert result.exit_code == 0, result.output
    assert "Events per type" in result.output and "Most cooperative pairs" in result.output
    assert "Top shifts" in result.output and report.stat().st_size > 100_000


def test_cli_dict_check(tmp_path):
    (tmp_path / "people.csv").write_text(
        "name,aliases,code,sector,role,start,end\nJane Roe,,GBR,GOV,Minister,2020-01-01,"
        "2019-01-01\n", encoding="utf-8")
    result = _run("dict", "check", str(tmp_path))
    assert result.exit_code == 2 and "people.csv:2" in result.output
    assert "end date is before start date" in result.output


def test_cli_dict_check_names_the_yaml_line(tmp_path):
    (tmp_path / "states.yaml").write_text(
        "- code: XXA\n  name: Atlantis\n- code: 12\n  name: Lemuria\n", encoding="utf-8")
    result = _run("dict", "check", str(tmp_path))
    assert result.exit_code == 2 and "states.yaml:3:" in result.output
    assert "three capital letters" in result.output


def test_cli_help_imports_nothing_heavy():
    code = ("import sys; from blocwatch.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('spacy', 'duckdb', 'lemminflect', 'rich') if m in sys.modules]\n"
            "print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().endswith("[]")


def test_cli_dict_check_rejects_a_rule_id_used_twice(tmp_path):
    rule = ("  - id: request.plead.v1\n    pattern: \"<plead> with\"\n    mode: \"\"\n"
            "    recipient: object\n    example: \"Chile pleaded with Peru.\"\n"
            "    expect: \"CHL>PER\"\n")
    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "request.yaml").write_text(
        "type: REQUEST\nentries:\n" + rule + rule, encoding="utf-8")
    result = _run("dict", "check", str(tmp_path))
    assert result.exit_code == 2 and "used twice" in result.output
