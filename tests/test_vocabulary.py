"""Every trigger rule carries an example written here; the coder must code most of them.

The pass rate is a floor recorded from measurement (raise it as rules improve); single
misses are listed so they can be looked at with `blocwatch explain`.
"""

import re

from blocwatch.knowledge import EVENT_TYPES

MIN_PASS_RATE = 0.92


def _ok(ann, rule, expect):
    actors, _, recipient = expect.partition(">")
    want_actors = set(actors.split("+")) if actors else set()
    for e in ann.events:
        if e.negated or e.event not in (rule.type, "AGREE", "REQUEST", "THREATEN", "REJECT"):
            continue
        codes = {a.code for a in e.actor}
        if want_actors <= codes and (not recipient or recipient in {r.code for r in e.recipient}):
            return True
    return False


def test_vocabulary_rules_are_well_formed(pipeline):
    rules = pipeline.knowledge.rules
    assert {r.type for r in rules} == set(EVENT_TYPES)
    assert len({r.id for r in rules}) == len(rules)
    for rule in rules:
        assert rule.id.startswith(rule.type.lower() + "."), rule.id
        assert rule.example, f"{rule.id} has no example"
        assert re.fullmatch(r"([A-Z]{3}(\+[A-Z]{3})*)?>([A-Z]{3})?", rule.expect), rule.id


def test_vocabulary_examples_code_as_expected(pipeline, code):
    misses = []
    rules = pipeline.knowledge.rules
    for rule in rules:
        if not _ok(code(rule.example), rule, rule.expect):
            misses.append(f"{rule.id}: {rule.example}")
    rate = 1 - len(misses) / len(rules)
    assert rate >= MIN_PASS_RATE, f"{rate:.2f} < {MIN_PASS_RATE}; misses:\n" + "\n".join(misses)
