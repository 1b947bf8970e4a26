"""The I-statement coach service: findings, spans, verdicts, suggestions, the eval target."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from turntoward.journal import feelings
from turntoward.language.coach import KINDS, coach

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "turntoward" / "language" / "data"

EXAMPLES = [
    ("You never listen to me.", "blame", "You never listen"),
    ("You made me feel invisible at the party.", "blame", "You made me feel"),
    ("You're so selfish.", "label", "selfish"),
    ("Because you didn't renew the passports, we can't go.", "blame", "you didn't renew"),
    ("You always leave the dishes for me.", "absolute", "always"),
    ("Nobody in this house ever helps me.", "absolute", "Nobody"),
    ("You're such a slob.", "label", "slob"),
    ("Stop being so lazy.", "label", "lazy"),
    ("Oh great, thanks a lot.", "contempt", "Oh great"),
    ("Wow, what a surprise.", "contempt", "what a surprise"),
    ("Whatever.", "contempt", "Whatever"),
    ("Real mature.", "contempt", "Real mature"),
    ("You need to call your mother back.", "demand", "You need to"),
    ("You'd better be home by seven.", "demand", "You'd better"),
    ("Put your phone away.", "demand", "Put"),
    ("Why don't you ever help?", "why_question", "Why don't you"),
    ("Why can't you just listen?", "why_question", "Why can't you"),
    ("Why do you always do this?", "why_question", "Why do you always"),
    ("You don't care about me.", "mind_reading", "You don't care"),
    ("You want me to fail.", "mind_reading", "You want me to"),
    ("I know you think I'm lazy.", "mind_reading", "I know you think"),
    ("You obviously don't respect me.", "mind_reading", "You obviously"),
]


def vocabulary() -> set[str]:
    return {f.word.lower() for f in feelings.all_feelings()} | {
        f.slug for f in feelings.all_feelings()
    }


@pytest.mark.parametrize(("text", "kind", "words"), EXAMPLES)
def test_it_finds_each_kind_with_a_span_into_the_text(text: str, kind: str, words: str) -> None:
    found = [f for f in coach(text).findings if f.kind == kind]
    assert found, f"{kind} not found in {text!r}"
    assert words in [text[f.start : f.end] for f in found] or any(
        words in text[f.start : f.end] for f in found
    )
    for finding in coach(text).findings:
        assert 0 <= finding.start < finding.end <= len(text)
        assert finding.kind in KINDS
        assert finding.explanation


@pytest.mark.parametrize(
    "text",
    [
        "I feel hurt when you don't reply to my messages.",
        "I always love our Sunday walks.",
        "Why did you choose that film?",
        "You always make me laugh.",
        "Could you pick up bread on the way home?",
        "Don't worry about dinner, I've got it.",
        "I loved our lazy Sunday morning.",
        "Whatever you decide about the sofa is fine with me.",
    ],
)
def test_it_leaves_kind_words_alone(text: str) -> None:
    result = coach(text)
    assert result.findings == ()
    assert result.verdict == "i_statement"


def test_it_calls_an_i_statement_an_i_statement() -> None:
    assert coach("I feel lonely in the evenings and I need more time together.").verdict == (
        "i_statement"
    )


def test_it_says_blame_with_absolutes_is_likely_to_hurt() -> None:
    assert coach("You never listen to me.").verdict == "hurtful"
    assert coach("You're such a slob.").verdict == "hurtful"
    assert coach("Oh great, thanks a lot.").verdict == "hurtful"


def test_it_says_blame_alone_could_be_gentler() -> None:
    assert coach("You ignored me all evening.").verdict == "gentler"
    assert coach("You need to call your mother back.").verdict == "gentler"


def test_it_treats_i_feel_like_you_as_blame() -> None:
    kinds = {f.kind for f in coach("I feel like you never listen.").findings}
    assert "blame" in kinds


@pytest.mark.parametrize(
    ("text", "feeling"),
    [
        ("You never listen to me.", None),
        ("You always leave the dishes for me.", "overwhelmed"),
        ("Why don't you ever help with the kids?", "overwhelmed"),
        ("You don't care about me.", None),
        ("You're so selfish.", None),
        ("Oh great, thanks a lot.", None),
        ("You need to call your mother back.", None),
    ],
)
def test_it_suggests_an_i_statement_with_a_feeling_word(text: str, feeling: str | None) -> None:
    suggestion = coach(text).suggestion
    assert suggestion.startswith("I feel ")
    words = suggestion.lower().replace(",", " ").split()
    assert vocabulary() & set(words)
    if feeling:
        assert feeling in words


def test_it_turns_never_into_the_act_itself() -> None:
    suggestion = coach("You never listen to me.").suggestion
    assert "when you don't listen to me" in suggestion
    assert "never" not in suggestion


def test_it_keeps_the_topic() -> None:
    assert "dishes" in coach("You always leave the dishes for me.").suggestion


def test_it_handles_empty_and_long_drafts() -> None:
    assert coach("   ").findings == ()
    coach("You never listen. " * 400)


def _bench():
    spec = importlib.util.spec_from_file_location("coach_eval", ROOT / "bench" / "coach_eval.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_eval_set_is_large_enough_and_well_formed() -> None:
    rows = _bench().load(DATA / "eval_coach.tsv")
    assert len(rows) >= 400
    for kind in KINDS:
        need = 120 if kind == "blame" else 40
        assert sum(kind in labels for labels, _v, _t in rows) >= need, kind
    assert sum(not labels for labels, _v, _t in rows) >= 100
    for labels, verdict, _text in rows:
        assert labels <= set(KINDS)
        assert verdict in {"i_statement", "gentler", "hurtful"}


def test_it_meets_the_blame_target_on_the_eval_set() -> None:
    scores = _bench().evaluate(DATA / "eval_coach.tsv")
    assert scores["kinds"]["blame"][2] >= 0.90
    assert scores["verdict"] >= 0.85
