import datetime as dt
import json

import pytest

from blocwatch.errors import InputError
from blocwatch.ingest import find_dateline, parse_date, read_inputs
from blocwatch.types import Document


def _read(*paths, date=None):
    return list(read_inputs([str(p) for p in paths], date))


@pytest.mark.parametrize("line, expected", [
    ("Fuad Muxtarli Analysis 4 November 2020", "2020-11-04"),
    ("BAKU, November 4, 2020 — Azerbaijan said", "2020-11-04"),
    ("2020-11-04", "2020-11-04"),
    ("Nov. 4, 2020", "2020-11-04"),
    ("Published 12 Sept 2016 by staff", "2016-09-12"),
])
def test_ingest_dateline_forms(line, expected):
    assert find_dateline(f"A title\n{line}\nBody text.") == dt.date.fromisoformat(expected)


def test_ingest_dateline_only_in_first_lines():
    text = "Title\n\nOne.\nTwo.\nThree.\nFour.\nOn 4 November 2020 it happened."
    assert find_dateline(text) is None


def test_ingest_txt_title_and_dateline(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Iran backs Baku\n4 November 2020\nIran praised Azerbaijan.", encoding="utf-8")
    (doc,) = _read(path)
    assert isinstance(doc, Document)
    assert doc.title == "Iran backs Baku" and doc.date == dt.date(2020, 11, 4)
    assert doc.text.startswith("Iran backs Baku")


def test_ingest_txt_date_option_and_sidecar(tmp_path):
    path = tmp_path / "b.txt"
    path.write_text("Title\nIran praised Azerbaijan.", encoding="utf-8")
    assert _read(path)[0].date is None
    assert _read(path, date=dt.date(2021, 1, 2))[0].date == dt.date(2021, 1, 2)
    (tmp_path / "b.json").write_text(json.dumps({"date": "2019-05-06", "id": "x1"}))
    doc = _read(path)[0]
    assert doc.date == dt.date(2019, 5, 6) and doc.doc_id == "x1"


def test_ingest_jsonl_bad_line_is_reported_and_rest_kept(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": "1", "text": "Iran praised Azerbaijan.", "date": "2020-11-04"}\n'
                    '{"id": "2", "text": broken\n'
                    '{"id": "3", "text": "Russia condemned Ukraine."}\n', encoding="utf-8")
    items = _read(path)
    assert [type(i).__name__ for i in items] == ["Document", "InputError", "Document"]
    assert f"{path}:2" in str(items[1]) and "malformed JSON" in str(items[1])


@pytest.mark.parametrize("record, problem", [
    ({"id": "1", "text": ""}, "no text"),
    ({"id": "1", "text": "Hi.", "date": "31/31/2020"}, "not a date"),
    (["not", "an", "object"], "JSON object"),
])
def test_ingest_jsonl_bad_records(tmp_path, record, problem):
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (item,) = _read(path)
    assert isinstance(item, InputError) and problem in str(item) and f"{path}:1" in str(item)


def test_ingest_broken_encoding_names_the_file(tmp_path):
    path = tmp_path / "e.txt"
    path.write_bytes(b"Title\nIran \xff\xfe praised Azerbaijan.")
    (item,) = _read(path)
    assert isinstance(item, InputError) and "UTF-8" in str(item) and str(path) in str(item)


def test_ingest_empty_document(tmp_path):
    path = tmp_path / "f.txt"
    path.write_text("  \n", encoding="utf-8")
    (item,) = _read(path)
    assert isinstance(item, InputError) and "empty" in str(item)


def test_ingest_csv_and_directory(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "g.csv").write_text(
        'id,text,date,title,url,source\n1,"Russia, again, condemned Ukraine.",2022-03-01,T,,\n',
        encoding="utf-8")
    (tmp_path / "h.txt").write_text("Title\nIran praised Azerbaijan.", encoding="utf-8")
    items = _read(tmp_path)
    assert len(items) == 2
    csv_doc = next(i for i in items if i.doc_id == "1")
    assert csv_doc.text == "Russia, again, condemned Ukraine." and csv_doc.date.year == 2022


def test_ingest_missing_path():
    (item,) = list(read_inputs(["/no/such/file.txt"]))
    assert isinstance(item, InputError) and "no such file" in str(item)


def test_ingest_same_text_same_id(tmp_path):
    for name in ("i.txt", "j.txt"):
        (tmp_path / name).write_text("Title\nSame text.", encoding="utf-8")
    a, b = _read(tmp_path / "i.txt", tmp_path / "j.txt")
    assert a.doc_id == b.doc_id


def test_parse_date_rejects_partial():
    with pytest.raises(ValueError):
        parse_date("November")
