"""Sentence -> expected events, written here: the case tables in tests/cases/*.yaml.

Each case is a real-news-like sentence with the events a careful coder would record::

    - text: "Turkey slapped sanctions on three Syrian officials on Tuesday."
      date: 2019-10-15            # optional; the document date
      events: [SANCTION TUR>SYR]  # TYPE ACTORS>RECIPIENTS, "+" joins codes; [] = no event
      construction: light verb    # what the case exercises
      xfail: "why it still fails" # optional, for known misses

Every expected event must be among the coded, non-negated events (same type, its actor
and recipient codes included in the coded ones); ``events: []`` means nothing may be coded.
"""

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from blocwatch.knowledge import EVENT_TYPES

CASES_DIR = Path(__file__).parent / "cases"
_EVENT = re.compile(r"^([A-Z]+) ((?:[A-Z]{3}|IGO|NGO)(?:\+(?:[A-Z]{3}|IGO|NGO))*)?>"
                    r"((?:[A-Z]{3}|IGO|NGO)(?:\+(?:[A-Z]{3}|IGO|NGO))*)?$")


def _load() -> list:
    cases = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for n, case in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")) or [], 1):
            marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
            cases.append(pytest.param(case, id=f"{path.stem}-{n}", marks=marks))
    return cases


CASES = _load()


def _parse(spec: str) -> tuple[str, set, set]:
    match = _EVENT.match(spec.strip())
    assert match, f"bad expected event {spec!r} (write TYPE AAA+BBB>CCC)"
    kind, actors, recipients = match.groups()
    assert kind in EVENT_TYPES, kind
    return kind, set(actors.split("+")) if actors else set(), set(recipients.split("+")) if recipients else set()


def _found(want: tuple, events) -> bool:
    kind, actors, recipients = want
    return any(e.event == kind and actors <= {a.code for a in e.actor}
               and recipients <= {r.code for r in e.recipient} for e in events)


def test_event_cases_are_well_formed():
    assert len(CASES) >= 1
    for param in CASES:
        case = param.values[0]
        assert set(case) <= {"text", "date", "events", "construction", "xfail"}, case
        assert isinstance(case["text"], str) and isinstance(case["events"], list), case
        for spec in case["events"]:
            _parse(spec)


@pytest.mark.parametrize("case", CASES)
def test_event_case(code, case):
    date = case.get("date")
    ann = code(case["text"], str(date) if isinstance(date, dt.date) else date or "2020-11-04")
    events = [e for e in ann.events if not e.negated]
    coded = [f"{e.event} {'+'.join(str(a.code) for a in e.actor)}>"
             f"{'+'.join(str(r.code) for r in e.recipient)}" for e in events]
    if not case["events"]:
        assert not events, f"nothing should be coded; got {coded}"
    for spec in case["events"]:
        assert _found(_parse(spec), events), f"missing {spec}; coded {coded}"
