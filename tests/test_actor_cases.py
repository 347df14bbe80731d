"""Actor resolution on an authored table: (mention in context, date) -> (code, sector).

``tests/data/actor_cases.csv`` has the columns ``sentence,mention,date,code,sector,note``.
``mention`` is the exact text expected as one actor mention (its last occurrence in the
sentence, so a context can name it earlier); ``code`` is the scoring unit (``AZE``,
``IGO:NATO``, ``IMG:ISLAMIC-STATE``) and an empty ``code`` means no actor may be found
there. A note containing ``[name=...]`` also checks the resolved name; a note starting
with ``xfail:`` marks a known gap and says why.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from pathlib import Path

import pytest

from blocwatch.types import Document

CASES = Path(__file__).parent / "data" / "actor_cases.csv"
HEADER = ["sentence", "mention", "date", "code", "sector", "note"]


def _rows() -> list[dict]:
    with CASES.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == HEADER, f"{CASES}:1: header must be {','.join(HEADER)}"
        return [dict(row, line=reader.line_num) for row in reader]


def _params():
    for row in _rows():
        marks = []
        if row["note"].startswith("xfail:"):
            marks.append(pytest.mark.xfail(reason=row["note"], strict=True))
        yield pytest.param(row, id=f"{row['line']}-{row['mention']}", marks=marks)


def _found(ann, start: int, end: int):
    """Mentions with a code overlapping the span, the exact one first."""
    hits = [m for m in ann.mentions if m.code and m.start < end and start < m.end]
    return sorted(hits, key=lambda m: (m.start, m.end) != (start, end))


def test_actor_cases_table_is_big_and_well_formed():
    rows = _rows()
    assert len(rows) >= 300
    for row in rows:
        where = f"{CASES}:{row['line']}"
        assert row["mention"] and row["mention"] in row["sentence"], where
        dt.date.fromisoformat(row["date"])
        assert row["code"] or not row["sector"], where


@pytest.mark.parametrize("row", list(_params()))
def test_actor_cases(pipeline, row):
    date = dt.date.fromisoformat(row["date"])
    ann = pipeline(Document("case", row["sentence"], date=date))
    start = row["sentence"].rfind(row["mention"])
    end = start + len(row["mention"])
    found = _found(ann, start, end)
    seen = [(m.text, m.actor.country(), m.sector) for m in found]
    if not row["code"]:
        assert not found, f"expected no actor at {row['mention']!r}, found {seen}"
        return
    exact = [m for m in found if (m.start, m.end) == (start, end)]
    assert exact, f"no mention exactly {row['mention']!r}; overlapping: {seen}"
    m = exact[0]
    assert (m.actor.country(), m.sector) == (row["code"], row["sector"] or None), seen
    name = re.search(r"\[name=([^\]]+)\]", row["note"])
    if name:
        assert m.name == name.group(1)


# The seed article: how its names must resolve (gold.json, actors_expected). Each string
# is checked at every place it occurs; sector None means "any sector".
SEED = [
    ("Azerbaijan", "AZE", None),
    ("Azerbaijani army", "AZE", "MIL"),
    ("official Baku", "AZE", "GOV"),
    ("Baku", "AZE", "GOV"),
    ("Azerbaijani President Ilham Aliyev", "AZE", "GOV"),
    ("Ilham Aliyev", "AZE", "GOV"),
    ("Foreign Ministry of Azerbaijan", "AZE", "GOV"),
    ("Foreign Ministry", "AZE", "GOV"),
    ("Azerbaijanis", "AZE", None),
    ("Armenia", "ARM", None),
    ("Armenian", "ARM", None),
    ("Yerevan", "ARM", "GOV"),
    ("Nikol Pashinyan", "ARM", "GOV"),
    ("Iran", "IRN", None),
    ("Iranian", "IRN", None),
    ("Tehran", "IRN", "GOV"),
    ("Khamenei", "IRN", "GOV"),
    ("Supreme Leader", "IRN", "GOV"),
    ("Aragchi", "IRN", "GOV"),
    ("Deputy Foreign Minister Abbas Aragchi", "IRN", "GOV"),
    ("Russia", "RUS", None),
    ("Moscow", "RUS", "GOV"),
    ("Putin", "RUS", "GOV"),
    ("Russian president", "RUS", "GOV"),
    ("Turkey", "TUR", None),
    ("Georgia", "GEO", None),
]


@pytest.fixture(scope="module")
def seed_ann(pipeline, shared):
    folder = shared / "seed"
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    text = (folder / gold["file"]).read_text(encoding="utf-8")
    return pipeline(Document("seed", text, date=dt.date.fromisoformat(gold["date"])))


@pytest.mark.parametrize("mention, code, sector", SEED)
def test_actor_cases_seed(seed_ann, mention, code, sector):
    text = seed_ann.doc.text
    starts = [m.start() for m in re.finditer(re.escape(mention), text)]
    assert starts, f"{mention!r} is not in the seed article"
    for start in starts:
        found = _found(seed_ann, start, start + len(mention))
        seen = [(m.text, m.code, m.sector) for m in found]
        assert any(m.code == code and (sector is None or m.sector == sector)
                   for m in found), f"{mention!r} at {start}: {seen}"


def test_actor_cases_seed_file_is_the_one_coded(seed_file):
    gold = json.loads((seed_file.parent / "gold.json").read_text(encoding="utf-8"))
    assert gold["file"] == seed_file.name


@pytest.mark.parametrize("text, message", [
    ("names:\n  Jordan:\n    - {means: JOX, after: [river]}\n", "ambiguity.yaml:3: means 'JOX'"),
    ("names:\n  Jordan:\n    - {means: none, aftr: [river]}\n",
     "ambiguity.yaml:3: unknown key 'aftr'"),
    ("names:\n  Jordan:\n    - {means: IGO:EU}\n", "ambiguity.yaml:3: a reading needs a cue"),
    ("phrases:\n  - {text: Lake Foo}\n", "ambiguity.yaml:2: a phrase needs text and means"),
])
def test_actor_cases_ambiguity_file_errors_name_the_line(tmp_path, text, message):
    from blocwatch.errors import DictionaryError
    from blocwatch.knowledge import DATA_DIR
    from blocwatch.knowledge.actors import load_actor_knowledge

    (tmp_path / "ambiguity.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(DictionaryError, match=re.escape(message)):
        load_actor_knowledge([DATA_DIR, tmp_path])


@pytest.mark.parametrize("sentence, mention, code", [
    ("President Bush threatened further action against Iraq.", "President Bush", "USA"),
    ("President Assad said talks would resume.", "President Assad", "SYR"),
    ("President Alpha Beta said talks would resume.", "President Alpha Beta", None),
])
def test_actor_cases_undated_title_and_surname(pipeline, sentence, mention, code):
    """With no date, a title and surname name the country all its holders share."""
    ann = pipeline(Document("case", sentence))
    found = [m for m in ann.mentions if m.text == mention]
    assert found and found[0].code == code
