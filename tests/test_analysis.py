"""The alignment analysis as a user runs it: commands over a database of the demo corpus,
exports, errors, and the analysis functions on hand-built cases."""

import csv
import datetime as dt
import io
import json

import networkx as nx
import pytest
from click.testing import CliRunner

from blocwatch.analyse import Interaction, blocs, shifts, sides, signed_communities, turns
from blocwatch.cli import main


def _run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def _json(*args):
    result = _run(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


# -- commands over the demo database ----------------------------------------------------

def test_analysis_align_rows_have_the_documented_fields(demo_db):
    rows = _json("align", "--db", demo_db, "--region", "south-caucasus", "--period", "year")
    assert rows, "the demo corpus has South Caucasus events"
    assert set(rows[0]) >= {"period", "a", "b", "index", "events", "coop", "conflict", "ids"}
    assert all(-1 < r["index"] < 1 and r["events"] == len(r["ids"]) for r in rows)
    assert all(r["a"] < r["b"] for r in rows)


def test_analysis_countries_filter_keeps_both_ends_inside(demo_db):
    rows = _json("align", "--db", demo_db, "--countries", "arm,aze,irn", "--period", "quarter")
    assert rows and all({r["a"], r["b"]} <= {"ARM", "AZE", "IRN"} for r in rows)


def test_analysis_from_to_bounds_periods(demo_db):
    rows = _json("align", "--db", demo_db, "--from", "2020-10", "--to", "2020", "--period",
                 "month")
    assert rows and {r["period"] for r in rows} <= {"2020-10", "2020-11", "2020-12"}


def test_analysis_shifts_rows_are_sorted_by_sureness(demo_db):
    rows = _json("shifts", "--db", demo_db, "--before", "2016..2020", "--after", "2021..2025")
    assert set(rows[0]) >= {"a", "b", "before", "after", "delta", "ci_low", "ci_high",
                            "events", "ids"}
    top = rows[0]
    assert top["ci_low"] > 0 or top["ci_high"] < 0
    assert top["ci_low"] <= top["delta"] <= top["ci_high"]


def test_analysis_sides_and_turns_and_blocs_run(demo_db):
    lean = _json("sides", "AZE", "ARM", "--db", demo_db)
    assert lean and set(lean[0]) >= {"period", "third", "lean", "ci_low", "ci_high", "events"}
    assert not {"AZE", "ARM"} & {r["third"] for r in lean}
    periods = _json("blocs", "--db", demo_db, "--region", "south-caucasus")
    assert periods and set(periods[0]) == {"period", "blocs", "moved"}
    assert isinstance(_json("turns", "ARM", "RUS", "--db", demo_db, "--period", "year"), list)


def test_analysis_table_and_csv_formats(demo_db):
    table = _run("shifts", "--db", demo_db, "--before", "2016..2020", "--after", "2021..2025")
    assert table.exit_code == 0 and "strongest evidence" in table.output
    result = _run("align", "--db", demo_db, "--format", "csv", "--period", "year")
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert rows and rows[0]["period"].isdigit()


def test_analysis_exports_parquet_and_graphml(demo_db, tmp_path):
    out = tmp_path / "series.parquet"
    result = _run("align", "--db", demo_db, "--directed", "-o", out, "--format", "json")
    assert result.exit_code == 0 and out.stat().st_size > 0
    folder = tmp_path / "networks"
    assert _run("blocs", "--db", demo_db, "--graphml", folder).exit_code == 0
    G = nx.read_graphml(sorted(folder.glob("*.graphml"))[-1])
    assert G.number_of_nodes() > 1 and all("bloc" in d for _, d in G.nodes(data=True))


@pytest.mark.parametrize("args, message", [
    (["align", "--region", "atlantis"], "unknown region"),
    (["shifts", "--before", "2016-2020", "--after", "2021..2025"], "FROM..TO"),
    (["shifts", "--before", "2016..2020"], "both --before and --after"),
    (["align", "--from", "2020-13"], "not a date"),
    (["align", "--countries", "ARM", "--region", "gulf"], "not both"),
])
def test_analysis_bad_options_exit_2_with_a_message(demo_db, args, message):
    result = _run(*args, "--db", demo_db)
    assert result.exit_code == 2 and message in result.output, result.output


def test_analysis_missing_database_is_a_clear_error(tmp_path):
    result = _run("align", "--db", tmp_path / "none.duckdb")
    assert result.exit_code == 2 and "blocwatch code" in result.output
    assert not (tmp_path / "none.duckdb").exists()


# -- functions on hand-built cases ------------------------------------------------------

def _ties(spec: str) -> list[Interaction]:
    out = []
    for n, line in enumerate(spec.strip().splitlines()):
        day, a, b, score = line.split()
        out.append(Interaction(f"e{n}", dt.date.fromisoformat(day), a, b, float(score)))
    return out


def test_analysis_one_event_is_never_sure():
    rows = shifts(_ties("2020-01-01 A B -9\n2021-01-01 A B 10"), (None, dt.date(2020, 12, 31)),
                  (dt.date(2021, 1, 1), None), min_events=1)
    assert rows[0]["ci_low"] <= 0 <= rows[0]["ci_high"]  # the interval does not exclude zero


def test_analysis_sides_ignores_the_pair_itself():
    rows = sides(_ties("2020-01-01 A B -9\n2020-01-02 C A 5\n2020-01-03 C B -5"), "A", "B",
                 "year")
    assert [(r["third"], r["lean"]) for r in rows] == [("C", 0.5)]


def test_analysis_blocs_split_on_negative_ties():
    G = nx.Graph()
    G.add_weighted_edges_from([("A", "B", 0.6), ("C", "D", 0.5), ("A", "C", -0.5),
                               ("B", "D", -0.4), ("E", "A", 0.3)])
    assert signed_communities(G) == [{"A", "B", "E"}, {"C", "D"}]


def test_analysis_silent_member_has_not_moved():
    items = _ties("2020-01-01 A B 9\n2020-02-01 C D 9\n2020-03-01 A C -9\n"
                  "2021-01-01 A B 9\n2021-02-01 A C -9")
    assert blocs(items, "year")[1]["moved"] == []


def test_analysis_flat_series_has_no_turn():
    items = _ties("\n".join(f"2020-{m:02d}-01 A B 5" for m in range(1, 13)))
    assert turns(items, "A", "B", "month") == []


# -- the demo story: the authored moves come out ----------------------------------------

def test_analysis_demo_shifts_put_the_authored_moves_on_top(demo_db):
    rows = _json("shifts", "--db", demo_db, "--before", "2016..2020", "--after", "2021..2025")
    top = {tuple(sorted((r["a"], r["b"]))): r for r in rows[:6]}
    for pair, sign in ((("IRN", "SAU"), 1), (("ARM", "RUS"), -1), (("AZE", "IRN"), -1),
                       (("AZE", "RUS"), -1)):
        assert pair in top, f"{pair} not among the top shifts: {list(top)}"
        low, high = top[pair]["ci_low"], top[pair]["ci_high"]
        assert (low > 0) if sign > 0 else (high < 0), (pair, low, high)


def test_analysis_demo_iran_leans_to_azerbaijan_in_late_2020(demo_db):
    rows = _json("sides", "AZE", "ARM", "--db", demo_db, "--countries", "AZE,ARM,IRN")
    lean = {r["period"]: r["lean"] for r in rows if r["third"] == "IRN"}
    assert lean["2020-Q4"] > 0
    assert all(v <= 0 for p, v in lean.items() if "2019" <= p < "2020-Q4")


def test_analysis_demo_blocs_separate_the_karabakh_sides(demo_db):
    rows = _json("blocs", "--db", demo_db, "--region", "south-caucasus")
    war = next(r for r in rows if r["period"] == "2020")
    bloc_of = {code: n for n, group in enumerate(war["blocs"]) for code in group}
    assert bloc_of["AZE"] == bloc_of["TUR"] != bloc_of["ARM"]


def test_analysis_sectors_split_states_into_their_sectors(demo_db):
    rows = _json("align", "--db", demo_db, "--sectors", "--countries", "ARM,AZE", "--period",
                 "year")
    codes = {r["a"] for r in rows} | {r["b"] for r in rows}
    assert "AZE/MIL" in codes and all(c.split("/")[0] in {"ARM", "AZE"} for c in codes)
