"""A toy world whose answers are known, for examples and tests.

Four states. In 2020 AAA and BBB are allies, CCC and DDD are allies, and the two camps
quarrel (AAA with CCC, BBB with DDD). In 2021 BBB changes sides: it quarrels with AAA and
cooperates with CCC and DDD, while AAA and CCC stay hostile.

>>> world = toy_world()
>>> len(world), world[0]
(30, Interaction(id='t01', date=datetime.date(2020, 1, 10), source='AAA', target='BBB', score=10.0, quad=2))
"""

from __future__ import annotations

import datetime as dt

from .series import Interaction

__all__ = ["toy_world"]

# event type -> (PLOVER base score, quad class)
_SCORES = {"AID": (10.0, 2), "COOPERATE": (9.5, 2), "AGREE": (2.5, 1), "CONSULT": (2.5, 1),
           "SUPPORT": (5.0, 1), "ACCUSE": (-3.0, 3), "THREATEN": (-3.5, 3),
           "SANCTION": (-6.0, 4), "ASSAULT": (-9.0, 4)}

_STORY = """
2020-01-10 AAA BBB AID
2020-02-12 BBB AAA SUPPORT
2020-03-05 AAA BBB COOPERATE
2020-04-20 AAA CCC ACCUSE
2020-05-02 CCC DDD AGREE
2020-05-18 CCC AAA THREATEN
2020-06-09 BBB DDD ACCUSE
2020-07-14 DDD CCC AID
2020-08-21 AAA BBB CONSULT
2020-09-30 AAA CCC SANCTION
2020-10-11 DDD BBB SANCTION
2020-11-03 CCC AAA ASSAULT
2020-11-25 BBB AAA COOPERATE
2020-12-08 DDD CCC SUPPORT
2020-12-20 DDD BBB ACCUSE
2021-01-15 BBB AAA ACCUSE
2021-02-03 BBB CCC AGREE
2021-02-22 AAA BBB SANCTION
2021-03-17 CCC BBB AID
2021-04-06 AAA CCC ACCUSE
2021-05-12 BBB DDD CONSULT
2021-06-01 BBB AAA THREATEN
2021-06-28 CCC DDD COOPERATE
2021-07-19 BBB CCC COOPERATE
2021-08-08 CCC AAA ASSAULT
2021-09-14 AAA BBB ASSAULT
2021-10-05 DDD BBB AGREE
2021-10-30 AAA CCC THREATEN
2021-11-16 CCC AAA SANCTION
2021-12-09 DDD CCC CONSULT
"""


def toy_world() -> list[Interaction]:
    """The toy world's 30 interactions, in date order."""
    world = []
    for n, line in enumerate(_STORY.split("\n")[1:-1], start=1):
        day, source, target, event = line.split()
        score, quad = _SCORES[event]
        world.append(Interaction(f"t{n:02d}", dt.date.fromisoformat(day), source, target,
                                 score, quad))
    return world
