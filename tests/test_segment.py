import pytest

from blocwatch.segment import Segmenter
from blocwatch.types import Annotated, Document


def _sentences(text):
    ann = Segmenter()(Annotated(doc=Document("s", text)))
    return [text[s.start:s.end] for s in ann.sentences]


@pytest.mark.parametrize("text, expected", [
    ("Lt. Col. Smith met Gen. Jones. They talked.", 2),
    ("The U.S. Army left on Sept. 3 for No. 10 Downing Street. Then it rained.", 2),
    ("He said “We are ready. We will win.” Then he left.", 3),
    ("Headline without a full stop\n\nFirst sentence. Second one.", 3),
])
def test_segment_abbreviations_and_lines(text, expected):
    assert len(_sentences(text)) == expected


def test_segment_offsets_are_exact():
    text = "  Iran praised Azerbaijan.  Russia condemned Ukraine.\n"
    assert _sentences(text) == ["Iran praised Azerbaijan.", "Russia condemned Ukraine."]
