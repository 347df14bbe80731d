"""Sentence -> (actor, type, recipient) cases written here, in news style."""

import json

import pytest


def _triples(ann, negated=False):
    out = set()
    for e in ann.events:
        if e.negated != negated:
            continue
        actors = [a.code for a in e.actor] or [None]
        recipients = [r.code for r in e.recipient] or [None]
        out |= {(a, e.event, r) for a in actors for r in recipients}
    return out


CASES = [
    ("Russia condemned Ukraine on Monday.", ("RUS", "ACCUSE", "UKR")),
    ("Germany urged Iran to release the detained sailors.", ("DEU", "REQUEST", "IRN")),
    ("France called on Russia to withdraw its forces.", ("FRA", "REQUEST", "RUS")),
    ("Azerbaijan thanked Iran for its support.", ("AZE", "SUPPORT", "IRN")),
    ("Turkish jets shot down a Russian warplane near the Syrian border.",
     ("TUR", "ASSAULT", "RUS")),
    ("Russia imposed sanctions on Turkey.", ("RUS", "SANCTION", "TUR")),
    ("Saudi Arabia severed diplomatic ties with Iran.", ("SAU", "SANCTION", "IRN")),
    ("Armenian forces shelled the Azerbaijani city of Ganja.", ("ARM", "ASSAULT", "AZE")),
    ("Azerbaijani positions were shelled by Armenian forces.", ("ARM", "ASSAULT", "AZE")),
    # signing an agreement is SUPPORT in the PLOVER manual ("ratify, sign, or finalize")
    ("Israel and the United Arab Emirates signed a peace agreement.", ("ISR", "SUPPORT", None)),
    ("Iran will support Azerbaijan's territorial integrity.", ("IRN", "AGREE", "AZE")),
    ("China hosted talks between Saudi Arabia and Iran.", ("CHN", "CONSULT", "SAU")),
    ("Putin held talks with Erdogan in St Petersburg.", ("RUS", "CONSULT", "TUR")),
    ("The European Union imposed new sanctions on Belarus.", ("IGO", "SANCTION", "BLR")),
    ("Iran accused Azerbaijan of hosting Israeli spies.", ("IRN", "ACCUSE", "AZE")),
    ("Armenia refused to host the CSTO drills.", ("ARM", "REJECT", None)),
    ("North Korea threatened to strike South Korea.", ("PRK", "THREATEN", "KOR")),
    ("Russia deployed troops to the border with Ukraine.", ("RUS", "MOBILIZE", None)),
    ("Thousands of protesters rallied in Yerevan against Pashinyan.", (None, "PROTEST", None)),
    ("The United States sent humanitarian aid to Turkey.", ("USA", "AID", "TUR")),
    ("Russia withdrew its troops from Kherson.", ("RUS", "RETREAT", None)),
    ("Egypt and Qatar agreed to restore diplomatic relations.", ("EGY", "AGREE", None)),
    ("Iranian police arrested dozens of protesters.", ("IRN", "COERCE", None)),
    ("Pashinyan criticized Russia for failing to protect Armenia.", ("ARM", "ACCUSE", "RUS")),
    ("Erdogan praised Azerbaijan's army.", ("TUR", "SUPPORT", "AZE")),
    ("Baku and Moscow agreed to cooperate on energy.", ("AZE", "AGREE", None)),
]


@pytest.mark.parametrize("text, triple", CASES, ids=[c[0][:40] for c in CASES])
def test_events_sentence_cases(code, text, triple):
    found = _triples(code(text, "2020-11-04"))
    actor, kind, recipient = triple
    assert any(t[1] == kind and (actor is None or t[0] == actor)
               and (recipient is None or t[2] == recipient) for t in found), found


def test_events_negation(code):
    ann = code("Pashinyan did not retreat from his positions.")
    assert any(e.event == "RETREAT" and e.negated for e in ann.events)
    assert not _triples(ann)


def test_events_reported_modal_demand(code):
    ann = code("Armenia must withdraw from the occupied lands, Khamenei said on Tuesday.")
    assert ("IRN", "REQUEST", "ARM") in _triples(ann)


def test_events_quote_speaker_is_actor(code):
    text = ('“We will never accept this occupation,” Azerbaijani President Ilham Aliyev said '
            'on November 3.')
    ann = code(text)
    assert ann.quotes and ann.quotes[0].speaker.code == "AZE"


def test_events_carry_scores_and_rule_ids(code):
    (event,) = code("Russia condemned Ukraine.").events
    assert event.cameo == "11" and event.quad_class == 3 and event.score < 0
    assert event.rule.startswith("accuse.")


def test_events_hypothetical_not_coded(code):
    ann = code("If Russian forces were to attack Ukraine, NATO would respond.")
    assert not any(e.event == "ASSAULT" for e in ann.events)


# Sentences written for the general error classes of issue 4: none of these triples may appear.
NOT_CODED = [
    ("Iran-backed militias fired rockets at the base.", ("IRN", "SUPPORT", None)),
    ("The Saudi-led coalition said the talks had failed.", ("SAU", "AGREE", None)),
    ("Russia sent attack helicopters to the border region.", ("RUS", "ASSAULT", None)),
    ("Iranian President Hassan Rouhani condemned the attack on the consulate.",
     ("IRN", "ASSAULT", None)),
    ("Armenia said a gunman killed two guards at the checkpoint.", ("ARM", "ASSAULT", None)),
    ("Tehran has seen stray shells land on its territory.", ("IRN", "ASSAULT", None)),
]

MORE_CASES = [
    ("Britain expelled 20 Russian diplomats on Monday.", ("GBR", "SANCTION", "RUS")),
    ("Venezuela rejected the American proposal.", ("VEN", "REJECT", "USA")),
    ("Hundreds of Georgian students marched through Tbilisi on Saturday.",
     ("GEO", "PROTEST", None)),
    ("Turkish police said dozens of suspects had been detained.", ("TUR", "COERCE", None)),
    ("Serbia said it would boycott the games in Moscow.", ("SRB", "THREATEN", None)),
]


@pytest.mark.parametrize("text, triple", NOT_CODED, ids=[c[0][:40] for c in NOT_CODED])
def test_events_modifier_and_embedded_uses_not_coded(code, text, triple):
    actor, kind, _ = triple
    assert not any(t[0] == actor and t[1] == kind for t in _triples(code(text, "2020-11-04")))


@pytest.mark.parametrize("text, triple", MORE_CASES, ids=[c[0][:40] for c in MORE_CASES])
def test_events_recipient_partitive_and_threat_cases(code, text, triple):
    test_events_sentence_cases(code, text, triple)


# --- dates relative to the document date (2020-11-04 is a Wednesday)
@pytest.mark.parametrize("text, date", [
    ("On Saturday, Azerbaijan accused Armenia of shelling Ganja.", "2020-10-31"),
    ("Last April, Armenia asked Russia for military help.", "2020-04-01"),
    ("In January, the United States imposed sanctions on Iran.", "2020-01-01"),
    ("Earlier this week, Russia condemned Ukraine.", "2020-11-02"),
    ("At the weekend, Israeli jets struck targets in Syria.", "2020-10-31"),
    ("Turkey condemned Greece after talks broke down in May.", "2020-11-04"),
    ("MOSCOW, June 29, 2016 — Russia condemned Ukraine.", "2020-11-04"),
])
def test_events_date_phrases(code, text, date):
    (event, *_) = [e for e in code(text).events if not e.negated]
    assert event.date.isoformat() == date


def test_events_date_carried_for_the_same_person(code):
    text = ("Khamenei said on November 1 that Armenia must withdraw. "
            "The Supreme Leader also demanded that Armenia return the lands.")
    dated = [e.date.isoformat() for e in code(text).events if e.sentence_index == 1]
    assert dated and set(dated) == {"2020-11-01"}


def test_events_date_bound_is_not_the_event_date(code):
    (event,) = code("Turkey thanked Russia after the October 2 talks in Ankara.").events
    assert event.date.isoformat() == "2020-11-04"


# --- contexts and tone
def test_events_context_from_cue_words(code):
    (event,) = code("Russian troops shelled Ukrainian border villages.").events
    assert {"military", "territory"} <= set(event.context)


def test_events_contexts_file_errors_name_the_line(tmp_path):
    from blocwatch.errors import DictionaryError
    from blocwatch.events import load_contexts

    path = tmp_path / "contexts.yaml"
    path.write_text("military: [troops]\nmilitray: [tanks]\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"contexts.yaml:2: unknown context 'militray'"):
        load_contexts(path)
    path.write_text("economic: [Trade]\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"contexts.yaml:1: cue 'Trade'"):
        load_contexts(path)


def test_events_sentence_tone_is_mean_score(code):
    ann = code("Russia condemned Ukraine. Experts say little will change.")
    record = ann.to_json()
    tones = [s["tone"] for s in record["sentences"]]
    assert tones[0] == ann.events[0].score and tones[1] is None


# --- explain: triggers, clauses, actor roles and why
def test_events_explain_shows_clauses_roles_and_reasons():
    from click.testing import CliRunner

    from blocwatch.cli import main

    sentence = ("Iran, which attacked Azerbaijan last year, warned Baku, and Russia urged "
                "Armenia to withdraw.")
    result = CliRunner().invoke(main, ["explain", "--json", sentence])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [c["text"][:4] for c in data["clauses"]] == ["Iran", "Russ"]
    roles = {a["text"]: a["role"] for a in data["actors"]}
    assert roles["Russia"] == "subject" and roles["Armenia"] == "object"
    status = {t["text"]: t["status"] for t in data["triggers"]}
    assert status["urged"] == "emitted" and status["withdraw"] == "folded"
    warned = next(t for t in data["triggers"] if t["text"] == "warned")
    assert warned["actor"] == ["Iran"] and warned["recipient"] == ["Baku"] and warned["why"]
    table = CliRunner().invoke(main, ["explain", sentence])
    assert "Actor candidates" in table.output and "Clauses" in table.output


def test_events_explain_reports_overlapped_and_dropped_triggers():
    from blocwatch.explain import explain
    from blocwatch.pipeline import Pipeline

    data = explain("China refused to condemn the attacks on Ukrainian forces.", Pipeline())
    assert any(t["status"] != "emitted" and t["why"] for t in data["triggers"])


def test_events_content_of_demand_not_coded(code):
    ann = code("China demanded that the United States cancel plans to sell weapons to Taiwan.")
    assert [e.event for e in ann.events] == ["REQUEST"]
    why = _explain_reasons("Israel is opposed to French mediation in the peace negotiations "
                           "with Syria.")
    assert "not an act of its own" in why


def test_events_same_act_coded_once(code):
    ann = code("Blinken telephoned Russian Foreign Minister Sergei Lavrov on Monday to discuss "
               "the crisis.")
    assert [e.event for e in ann.events] == ["CONSULT"]


def test_events_speaker_named_in_apposition(code):
    text = ('"Armenia must withdraw," Iran\'s foreign ministry spokesman, Saeed Khatibzadeh, '
            'said.')
    ann = code(text)
    assert ann.quotes[0].speaker.code == "IRN"
    assert ("IRN", "REQUEST", "ARM") in _triples(ann)


def _explain_reasons(text: str) -> str:
    from blocwatch.api import default_pipeline
    from blocwatch.explain import explain

    return json.dumps(explain(text, default_pipeline()))
