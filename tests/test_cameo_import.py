"""Importing CAMEO/PETRARCH actor dictionaries: parsing, dates, conversion, the command."""

import csv
import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from blocwatch.cli import main
from blocwatch.knowledge import load_knowledge
from blocwatch.knowledge.cameo import convert, parse, parse_day, person_name, reference
from blocwatch.pipeline import Pipeline
from blocwatch.types import Document

CAMEO = Path(__file__).parent / "fixtures" / "cameo"
PEOPLE, ORGS, AGENTS = CAMEO / "people.actors", CAMEO / "organisations.actors", CAMEO / "agents.txt"
d = dt.date


def _run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def _parse(path):
    return parse(path.read_text(encoding="utf-8"), path.name)


def _convert(*paths, people=False):
    items, problems = [], []
    for path in paths:
        found, trouble = _parse(path)
        items, problems = items + found, problems + trouble
    out = convert(items, reference(), people=people)
    return out, problems + out.problems


def _rows(out, name):
    return [(r[2], r[3], r[5], r[6]) for r in out.people if r[0] == name]


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cameo") / "dict"
    result = _run("dict", "import", PEOPLE, ORGS, AGENTS, "-o", folder)
    return folder, result


@pytest.fixture(scope="module")
def dict_pipeline(imported):
    return Pipeline(dictionaries=[str(imported[0])])


# ---------------------------------------------------------------- parsing

def test_cameo_parse_block_with_aliases_and_dated_codes():
    items, _ = _parse(PEOPLE)
    block = items[0]
    assert (block.origin, block.phrase) == ("people.actors:5", "KURMANBEK_BAKIYEV_")
    assert block.aliases == ["BAKIYEV_", "KURMANBEK_SALIYEVICH_BAKIYEV_"]
    assert [(c.code, c.start, c.end) for c in block.codes] == [
        ("KGZGOV", d(2000, 12, 21), d(2002, 5, 23)),
        ("KGZOPP", d(2002, 5, 23), d(2005, 3, 24)),
        ("KGZGOV", d(2005, 3, 24), d(2010, 4, 16)),
        ("KGZELI", None, None),
    ]


def test_cameo_parse_skips_comments_headers_and_broken_blocks():
    items, _ = _parse(PEOPLE)
    assert [i.phrase for i in items] == ["KURMANBEK_BAKIYEV_", "ASKAR_AKAYEV_", "EMOMALI_RAHMON_",
                                         "SAPARMURAT_NIYAZOV_", "SOORONBAY_JEENBEKOV_",
                                         "SADYR_JAPAROV_"]
    assert items[1].codes[0].code == "KGZELI"  # code on the primary line, ; comment after


@pytest.mark.parametrize("text, expected", [
    ("000507", d(2000, 5, 7)),
    ("491231", d(2049, 12, 31)),
    ("500101", d(1950, 1, 1)),
    ("991231", d(1999, 12, 31)),
    ("19450703", d(1945, 7, 3)),
    ("20240821", d(2024, 8, 21)),
])
def test_cameo_parse_day_two_digit_years_pivot_at_50(text, expected):
    assert parse_day(text) == expected


@pytest.mark.parametrize("text", ["001399", "000230", "12345", "0005O7", ""])
def test_cameo_parse_day_rejects_bad_dates(text):
    with pytest.raises(ValueError):
        parse_day(text)


@pytest.mark.parametrize("restriction, start, end", [
    ("000507-080507", d(2000, 5, 7), d(2008, 5, 8)),  # inclusive last day -> exclusive end
    (">120507", d(2012, 5, 7), None),
    ("<991231", None, d(2000, 1, 1)),
    ("031031-", d(2003, 10, 31), None),
    ("-031031", None, d(2003, 11, 1)),
    ("18970101-19450703", d(1897, 1, 1), d(1945, 7, 4)),  # 450703 would be 2045
])
def test_cameo_restrictions_open_ranges_and_exclusive_ends(restriction, start, end):
    items, problems = parse(f"SOMEONE_\n\t[RUSGOV {restriction}]\n", "x.actors")
    assert not problems
    assert (items[0].codes[0].start, items[0].codes[0].end) == (start, end)


@pytest.mark.parametrize("text, problem", [
    ("+ORPHAN_\n", "x.actors:1: synonym before any actor"),
    ("FOO_ [USA]\n+FOO_BAR_ [USAGOV]\n", "x.actors:2: a synonym cannot carry a code"),
    ("<!-- open\nFOO_ [USA]\n", "x.actors:1: unterminated <!-- comment"),
    ("FOO_\n\t[USAGOV 080507-000507]\n", "x.actors:2: date range '080507-000507' ends before"),
    ("FOO_\n\t[USAGOV 000507:080507]\n", "x.actors:2: malformed date restriction"),
    ("FOO_\n\t[usagov]\n", "x.actors:2: malformed code [usagov]"),
    ("FOO_\n\t[USAGOV] trailing\n", "x.actors:2: malformed code line"),
    ("FOO_ {FOOS} [USA]\n", "x.actors:1: {plural} on an actor line"),
])
def test_cameo_parse_malformed_lines(text, problem):
    items, problems = parse(text, "x.actors")
    assert [str(p)[:len(problem)] for p in problems] == [problem]
    assert "(" in str(problems[0])  # every message says what to do


@pytest.mark.parametrize("phrase, name", [
    ("VLADIMIR_PUTIN_", "Vladimir Putin"),
    ("BASHAR_AL-ASSAD_", "Bashar al-Assad"),
    ("MOHAMMED_BIN_SALMAN", "Mohammed bin Salman"),
    ("JOHN_MCCAIN_", "John McCain"),
    ("ISLAMIC_MOVEMENT_OF_UZBEKISTAN_", "Islamic Movement of Uzbekistan"),
    ("CONOR_O'BRIEN", "Conor O'Brien"),
])
def test_cameo_names_in_normal_case(phrase, name):
    assert person_name(phrase) == name


# ---------------------------------------------------------------- converting

def test_cameo_person_rows_default_code_fills_the_gaps():
    out, _ = _convert(PEOPLE)
    assert _rows(out, "Kurmanbek Bakiyev") == [
        ("KGZ", "GOV", "2000-12-21", "2002-05-23"),
        ("KGZ", "OPP", "2002-05-23", "2005-03-24"),
        ("KGZ", "GOV", "2005-03-24", "2010-04-16"),
        ("KGZ", "ELI", "", "2000-12-21"),
        ("KGZ", "ELI", "2010-04-16", ""),
    ]
    row = next(r for r in out.people if r[0] == "Kurmanbek Bakiyev")
    assert row[1] == "Bakiyev|Kurmanbek Saliyevich Bakiyev" and row[4] == "imported: KGZGOV"
    assert _rows(out, "Emomali Rahmon") == [("TJK", "GOV", "1992-11-19", "")]
    assert _rows(out, "Saparmurat Niyazov") == [("TKM", "GOV", "1990-10-27", "2006-12-22")]


def test_cameo_end_dates_hold_until_the_last_day_inclusive(imported):
    kb = load_knowledge((str(imported[0]),)).actors
    akayev = kb.people["Askar Akayev"]
    assert akayev.role_on(d(2005, 4, 11)).sector == "GOV"  # [KGZGOV <050411]
    assert akayev.role_on(d(2005, 4, 12)).sector == "ELI"
    assert akayev.role_on(None).sector == "ELI"  # undated: only open-ended roles hold


def test_cameo_malformed_entry_is_skipped_and_the_rest_imported():
    out, _ = _convert(PEOPLE)
    names = {r[0] for r in out.people}
    assert names == {"Kurmanbek Bakiyev", "Askar Akayev", "Emomali Rahmon",
                     "Saparmurat Niyazov", "Sadyr Japarov"}


def test_cameo_problems_name_file_line_and_what_to_do():
    _, problems = _convert(PEOPLE, ORGS, AGENTS)
    messages = sorted(str(p) for p in problems)
    expected = {
        "people.actors:28: bad date '111301'": "YYMMDD",
        "people.actors:30: unbalanced [ ]": "close the code",
        "people.actors:33: not an actor line": "CAPITALS_WITH_UNDERSCORES",
        "people.actors:36: unknown country code KZG": "states.yaml",
        "organisations.actors:2: synonym before any actor": "start the block",
        "organisations.actors:28: unknown country code SUN": "ISO 3166-1",
        "organisations.actors:30: BISHKEK_CITY_COUNCIL_ has no code": "add [CODE]",
        "organisations.actors:32: the null code [---]": "skipped",
        "agents.txt:6: substitution marker": "write each form out",
        "agents.txt:7: agent code [~JEW] has no blocwatch sector": "role table",
    }
    assert len(messages) == len(expected), messages
    for start, hint in expected.items():
        assert any(m.startswith(start) and hint in m for m in messages), start


def test_cameo_organisations_states_and_groups():
    out, _ = _convert(ORGS)
    kgz = out.states["KGZ"]
    assert kgz["name"] == "Kyrgyzstan" and kgz["names"] == ["Kirghizia"]  # others are known
    assert kgz["seats"] == [{"text": "Zhogorku Kenesh", "sector": "LEG"}]
    orgs = {o["org"]: o for o in out.igos}
    assert orgs["SCO"]["aliases"] == ["Shanghai Five"]  # joined to the shipped SCO
    assert orgs["SCO"]["name"] == "Shanghai Cooperation Organisation"
    ifas = orgs["INTERNATIONAL-FUND-FOR-SAVING-THE-ARAL-SEA"]
    assert ifas["code"] == "IGO" and ifas["aliases"] == ["Ifas", "IFAS"]  # short: both forms
    assert orgs["KYRGYZ-COMMITTEE-FOR-HUMAN-RIGHTS"]["code"] == "NGO"
    assert "EDB" not in orgs  # every phrase already known
    groups = {g["name"]: g for g in out.groups}
    assert (groups["Ata Meken"]["code"], groups["Ata Meken"]["sector"]) == ("KGZ", "PTY")
    imu = groups["Islamic Movement of Uzbekistan"]
    assert (imu["code"], imu["sector"], imu["aliases"]) == ("IMG", "REB", ["IMU"])
    assert out.known == 6


def test_cameo_withdrawn_iso_codes_are_mapped():
    items, _ = parse("ROMANIA_ [ROM]\n+ROMANIYA_\n", "x.actors")
    out = _convert_items(items, people=False)
    assert out.states["ROU"]["names"] == ["Romaniya"] and not out.problems


def test_cameo_agents_become_sector_nouns():
    out, _ = _convert(AGENTS)
    assert out.sectors == {"GOV": ["akim", "akims", "ombudsman", "ombudsmen"],
                           "COP": ["border guard"],  # "border guards" is shipped
                           "NGO": ["human rights defender", "human rights defenders"]}


def test_cameo_people_flag_imports_undated_entries_as_people():
    text = "ILHAM_ALIYEV_ [AZEGOV]\n+ALIYEV_\n"
    items, _ = parse(text, "x.actors")
    assert _convert_items(items, people=False).people == []
    rows = _convert_items(items, people=True).people
    assert rows == [["Ilham Aliyev", "Aliyev", "AZE", "GOV", "imported: AZEGOV", "", ""]]


def _convert_items(items, people):
    return convert(items, reference(), people=people)


# ---------------------------------------------------------------- the command

def test_cameo_cli_import_reports_problems_and_exits_2(imported):
    folder, result = imported
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "problem: " in result.stderr and "people.actors:28: bad date" in result.stderr
    assert "people: 5" in result.stdout and f"blocwatch dict check {folder}" in result.stdout
    assert sorted(p.name for p in folder.iterdir()) == [
        "groups.yaml", "igos.yaml", "people.csv", "sectors.yaml", "states.yaml"]
    with open(folder / "people.csv", encoding="utf-8") as f:
        assert next(csv.reader(f)) == ["name", "aliases", "code", "sector", "role", "start", "end"]


def test_cameo_cli_output_passes_dict_check(imported):
    result = _run("dict", "check", imported[0])
    assert result.exit_code == 0, result.output
    assert ": ok (" in result.output


@pytest.mark.parametrize("date, sector", [
    ("1999-06-01", "ELI"),
    ("2001-06-01", "GOV"),
    ("2003-06-01", "OPP"),
    ("2007-06-01", "GOV"),
    ("2010-04-15", "GOV"),
    ("2010-04-16", "ELI"),
])
def test_cameo_imported_person_resolves_by_date(dict_pipeline, date, sector):
    doc = Document(doc_id="t", text="Kurmanbek Bakiyev criticised Russia.",
                   date=dt.date.fromisoformat(date))
    event = dict_pipeline(doc).events[0]
    actor = event.actor[0]
    assert (event.event, actor.name, actor.code, actor.sector) == (
        "ACCUSE", "Kurmanbek Bakiyev", "KGZ", sector)


@pytest.mark.parametrize("text, expected", [
    ("Kirghizia praised Russia.", ("KGZ", None, None)),
    ("Ata Meken criticised Russia.", ("KGZ", "PTY", None)),
    ("The Shanghai Five praised Russia.", ("IGO", None, "SCO")),
    ("Turkmenbashi criticised Russia.", ("TKM", "GOV", None)),
])
def test_cameo_imported_names_code_as_actors(dict_pipeline, text, expected):
    ann = dict_pipeline(Document(doc_id="t", text=text, date=d(2004, 1, 1)))
    actor = ann.events[0].actor[0]
    assert (actor.code, actor.sector, actor.org) == expected


def test_cameo_cli_annotate_with_imported_dictionaries(imported, tmp_path):
    text = tmp_path / "note.txt"
    text.write_text("Note\nKurmanbek Bakiyev criticised Russia.\n", encoding="utf-8")
    result = _run("annotate", text, "--date", "2003-06-01", "--dictionaries", imported[0])
    assert result.exit_code == 0, result.output
    assert '"code": "KGZ", "sector": "OPP", "name": "Kurmanbek Bakiyev"' in result.stdout


def test_cameo_cli_clean_file_exits_0_and_keeps_existing_files(tmp_path):
    source = tmp_path / "clean.actors"
    source.write_text("SADYR_JAPAROV_\n+JAPAROV_\n\t[KGZGOV >210128]\n", encoding="utf-8")
    folder = tmp_path / "out"
    first = _run("dict", "import", source, "-o", folder)
    assert first.exit_code == 0, first.output
    again = _run("dict", "import", source, "-o", folder)
    assert again.exit_code == 2 and "already has people.csv" in again.output
    assert "--force" in again.output and "Traceback" not in again.output
    forced = _run("dict", "import", source, "-o", folder, "--force")
    assert forced.exit_code == 0, forced.output
