"""Domestic acts take the actor's own state as recipient only when no one else is named,
and a government acting on no domestic matter gets no recipient that way."""


def _pairs(ann):
    return [(e.event, tuple(a.code for a in e.actor), tuple(r.code for r in e.recipient))
            for e in ann.events if not e.negated]


def test_people_protesting_at_home_protest_to_their_state(code):
    assert _pairs(code("Thousands of Kenyans protested in Mombasa on Friday.")) == [
        ("PROTEST", ("KEN",), ("KEN",))]


def test_a_named_target_is_kept(code):
    pairs = _pairs(code("Kenyan protesters rallied outside the Chinese embassy in Nairobi."))
    assert ("PROTEST", ("KEN",), ("CHN",)) in pairs
    assert all(r != ("KEN",) for _, _, r in pairs)


def test_a_government_act_without_a_domestic_matter_has_no_home_recipient(code):
    pairs = _pairs(code("The Brazilian government rejected the proposal on Tuesday."))
    assert pairs == [("REJECT", ("BRA",), ())]


def test_the_home_state_does_not_make_a_second_event(code):
    pairs = _pairs(code("Up to 200 ethnic Hungarians demonstrated in Romania on Tuesday."))
    assert len([p for p in pairs if p[0] == "PROTEST"]) == 1


def test_a_state_naming_a_border_is_no_recipient(code):
    pairs = _pairs(code("Burmese troops captured a rebel stronghold near the Thai border."))
    assert all("THA" not in r for _, _, r in pairs) and pairs
