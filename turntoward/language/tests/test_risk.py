"""Risk detection: each category, each kind of hard negative, and the evaluation targets."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from turntoward.language.risk import CATEGORIES, RiskResult, analyse

DATA = Path(__file__).resolve().parent.parent / "data"
BENCH = Path(__file__).resolve().parents[3] / "bench" / "risk_eval.py"


def bench():
    spec = importlib.util.spec_from_file_location("risk_eval", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def cats(text: str) -> tuple[str, ...]:
    return analyse(text).categories


# --- each category ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I want to die.",
        "I keep thinking about killing myself.",
        "I don't want to be here anymore.",
        "There's no reason to live.",
        "honestly kms",
        "i wanna die",
        "I just want to end it all.",
        "I feel sucidal again",
        "thinking about sucide again",
        "I want to unalive myself.",
        "Everyone would be better off without me.",
        "I've been cutting myself again.",
    ],
)
def test_self_harm_is_found(text):
    assert cats(text) == ("self_harm",)


@pytest.mark.parametrize(
    "text",
    [
        "He hit me last night.",
        "My husband pushed me against the wall.",
        "She slapped me.",
        "My partner choked me.",
        "He threatened to kill me if I leave.",
        "He said he'd hurt me if I told anyone.",
        "He hurt me physically again.",
    ],
)
def test_partner_violence_is_found(text):
    assert "partner_violence" in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm afraid of him.",
        "I'm scared of my partner.",
        "I'm terrified of her.",
        "I'm walking on eggshells all the time.",
        "I'm afraid of what he'll do.",
        "I don't feel safe at home.",
    ],
)
def test_fear_of_partner_is_found(text):
    assert cats(text) == ("fear_of_partner",)


@pytest.mark.parametrize(
    "text",
    [
        "He checks my phone every night.",
        "She monitors my messages.",
        "He tracks my location.",
        "He won't let me see my friends.",
        "My husband won't let me see my family.",
        "He takes my money.",
        "She controls all the money.",
        "He isolates me from everyone.",
        "He forbids me from working.",
    ],
)
def test_coercive_control_is_found(text):
    assert cats(text) == ("coercive_control",)


def test_several_categories_come_in_a_fixed_order():
    result = analyse("He checks my phone, he hit me, and I want to die.")
    assert result.categories == ("self_harm", "partner_violence", "coercive_control")
    assert {s.category for s in result.spans} == set(result.categories)
    assert all(c in CATEGORIES for c in result.categories)


def test_the_result_is_a_frozen_dataclass_and_empty_when_nothing_is_found():
    result = analyse("We had a lovely walk.")
    assert result == RiskResult()
    assert result.categories == () and result.spans == ()
    assert not result.any
    with pytest.raises(AttributeError):
        result.categories = ("self_harm",)  # type: ignore[misc]


def test_empty_and_whitespace_text_is_safe():
    assert cats("") == ()
    assert cats("   \n ") == ()


def test_spans_point_into_the_text():
    text = "Fine day. Honestly I want to die."
    (span,) = analyse(text).spans
    assert text[span.start : span.end] == span.text
    assert "die" in span.text


# --- hard negatives -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I would never hurt myself.",
        "He has never hit me.",
        "I'm not scared of him.",
        "I'm not suicidal, just tired.",
        "He doesn't check my phone.",
        "He didn't hit me, he just shouted.",
    ],
)
def test_negation_cancels(text):
    assert cats(text) == ()


def test_negation_has_a_scope():
    assert cats("I'm not okay and I want to die.") == ("self_harm",)
    assert cats("I can't stop thinking about ending my life.") == ("self_harm",)


@pytest.mark.parametrize(
    "text",
    [
        "The film was about suicide.",
        "My friend's husband hit her.",
        "My friend told me she wants to die and I called a helpline with her.",
        "A woman on the news said she was afraid of her husband.",
        "My sister says her boyfriend checks her phone.",
        "We watched a documentary about domestic violence.",
    ],
)
def test_reported_third_person_and_fictional_speech_do_not_fire(text):
    assert cats(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "I used to self-harm years ago but I'm doing well now.",
        "When I was a teenager I used to cut myself.",
        "My ex used to hit me, but I'm safe now.",
    ],
)
def test_past_and_resolved_do_not_fire(text):
    assert cats(text) == ()


def test_past_with_a_present_marker_fires():
    assert cats("I used to cut myself and lately I've started again.") == ("self_harm",)


@pytest.mark.parametrize(
    "text",
    [
        "This traffic is killing me.",
        "I could kill for a coffee.",
        "My feet are killing me.",
        "I'm dying to see it.",
        "I'm dead tired.",
        "He'll kill me if I'm late.",
        "I wanted to die of embarrassment.",
        "I could kill myself for forgetting her birthday.",
    ],
)
def test_idioms_do_not_fire(text):
    assert cats(text) == ()


def test_a_real_threat_is_not_an_idiom():
    assert cats("He said he'd kill me if I leave.") == ("partner_violence",)


@pytest.mark.parametrize(
    "text",
    [
        "Today was a hard day and I'm exhausted.",
        "We argued about the dishes again.",
        "I feel lonely when he works late.",
        "I'm scared he'll leave me.",
        "He pushed me to apply for the job.",
        "She hit me up last night.",
        "He won't let me pay for dinner.",
        "I cut myself shaving.",
        "kys is an awful thing to say online.",
    ],
)
def test_ordinary_hard_days_and_look_alikes_do_not_fire(text):
    assert cats(text) == ()


# --- the evaluation set ---------------------------------------------------------------------


@pytest.mark.parametrize("name", ["eval_risk.tsv", "eval_risk_holdout.tsv"])
def test_evaluation_set_meets_the_targets(name):
    b = bench()
    report = b.evaluate(DATA / name)
    assert report.risk_recall >= b.RECALL_TARGET, report.misses
    assert report.false_alarm <= b.FALSE_ALARM_TARGET, report.false_alarms
    assert report.mean_ms < 50


def test_evaluation_set_is_big_enough():
    rows = bench().load(DATA / "eval_risk.tsv")
    labels = [c for c, _ in rows]
    assert len(rows) >= 400
    for cat in CATEGORIES:
        assert labels.count(cat) >= 60
    assert labels.count("none") >= 200


def test_a_long_entry_is_still_quick():
    import time

    text = "We had a long day and dinner was nice. " * 250 + "I want to die."
    analyse("warm up")
    started = time.perf_counter()
    assert analyse(text).categories == ("self_harm",)
    assert time.perf_counter() - started < 2.0
