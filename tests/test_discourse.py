"""Recipients from the discourse: the partner of an earlier call, the other side of the
document's conflict, the speaker who hosted a visit (blocwatch.discourse)."""


def _pairs(ann, kind):
    return [(tuple(a.code for a in e.actor), tuple(r.code for r in e.recipient))
            for e in ann.events if e.event == kind and not e.negated]


def test_a_request_after_a_call_goes_to_the_partner(code):
    ann = code("Vladimir Putin and Recep Tayyip Erdogan spoke by telephone on Monday. "
               "The Russian president raised the issue of grain exports.", "2022-07-04")
    assert (("RUS",), ("TUR",)) in _pairs(ann, "REQUEST")


def test_no_partner_when_the_call_is_too_far_back(code):
    ann = code("Vladimir Putin and Recep Tayyip Erdogan spoke by telephone on Monday. "
               "Markets rose. Oil fell. Grain prices were steady. "
               "The Russian president raised the issue of grain exports.", "2022-07-04")
    assert (("RUS",), ()) in _pairs(ann, "REQUEST")


def test_one_side_ready_to_end_the_conflict_offers_it_to_the_other(code):
    ann = code("Ethiopian troops shelled Eritrean positions near Badme on Monday. "
               "Ethiopia said it was ready for a settlement of the conflict.", "1999-03-01")
    assert (("ETH",), ("ERI",)) in _pairs(ann, "AGREE")


def test_no_other_side_without_fighting_in_the_document(code):
    ann = code("Ethiopia said it was ready for a settlement of the conflict.", "1999-03-01")
    assert _pairs(ann, "AGREE") == [(("ETH",), ())]


def test_a_visit_told_by_a_state_is_a_visit_to_it(code):
    ann = code('"We welcome the visit of the Chinese foreign minister," '
               "the Iranian Foreign Ministry said in a statement.", "2021-01-14")
    assert (("CHN",), ("IRN",)) in _pairs(ann, "CONSULT")


def test_headline_events_give_way_to_the_body(code):
    ann = code("Turkey slaps sanctions on Syrian officials\n\n"
               "Turkey imposed sanctions on three Syrian ministers on Tuesday, the foreign "
               "ministry said.", "2019-10-15")
    assert [e.sentence_index for e in ann.events] == [1]


def test_a_headline_alone_keeps_its_event(code):
    ann = code("Turkey slaps sanctions on Syrian officials", "2019-10-15")
    assert [e.event for e in ann.events] == ["SANCTION"]


def test_a_subordinate_clause_with_its_own_subject_keeps_it(code):
    ann = code("Azerbaijan evacuated its embassy in Tehran on Sunday, two days after a gunman "
               "killed the mission's head of security.", "2023-01-29")
    assert all(not (e.event == "ASSAULT" and e.actor) for e in ann.events)


def test_a_denial_answers_the_accusation_before_it(code):
    ann = code("Armenia accused Azerbaijan of ethnic cleansing in Karabakh. "
               "Azerbaijan rejects the accusation.", "2023-09-30")
    assert (("AZE",), ("ARM",)) in _pairs(ann, "REJECT")


def test_backers_and_leaders_named_before_an_organisation(code):
    ann = code("Armenia asked the Russia-led Collective Security Treaty Organization for "
               "help. Iran-backed militias fired rockets at a US base.", "2022-09-13")
    assert (("ARM",), ("IGO",)) in _pairs(ann, "REQUEST")
    assert all("IRN" not in a for a, _ in _pairs(ann, "ASSAULT"))


def test_a_dateline_city_is_no_actor(code):
    ann = code("WASHINGTON, October 26, 2020 — A ceasefire between Armenia and Azerbaijan "
               "took effect on Monday.", "2020-10-26")
    assert all(m.code != "USA" for m in ann.mentions)
