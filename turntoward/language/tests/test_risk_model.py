"""The learned second opinion (`model.py`): what it adds to the rules, and what it may not."""

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from turntoward.language import model, risk

ROOT = Path(__file__).resolve().parents[3]


def _trainer():
    spec = importlib.util.spec_from_file_location(
        "train_risk_model", ROOT / "bench" / "train_risk_model.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_model_was_trained_on_the_current_labelled_sets():
    # Editing an eval_risk*.tsv set means retraining: bench/train_risk_model.py.
    trainer = _trainer()
    with np.load(model.MODEL_FILE, allow_pickle=False) as saved:
        meta = model.meta_of(saved)
    assert meta["data_digest"] == trainer.digest(trainer.rows())
    assert all(not p.name.count("blind") for p in trainer.training_files())
    assert set(meta["outputs"]) == set(meta["threshold"]) == {*risk.CATEGORIES, risk.ANY}


def test_features_are_words_pairs_triples_and_letter_grams():
    feats = model.features("He was hitting me")
    assert "w:hit" in feats  # lemmatised: "hitting" counts as "hit"
    assert "b:hit me" in feats and "t:be hit me" in feats
    assert "c: me " in feats
    # A misspelling still shares most of its letter grams with the word.
    right = {f for f in model.features("terrified") if f.startswith("c:")}
    wrong = {f for f in model.features("terified") if f.startswith("c:")}
    assert len(right & wrong) >= len(right) // 3


def test_probabilities_are_probabilities():
    m = model.model()
    assert m is not None
    for text in ["", "a", "We cooked dinner together and watched a film.", "x" * 5000]:
        probs = m.probabilities(model.features(text) if text else [])
        assert set(probs) == {*risk.CATEGORIES, risk.ANY}
        assert all(0.0 <= p <= 1.0 for p in probs.values())


# Phrasings no pattern was written for; the model, having read many like them, finds them.
MODEL_FINDS = [
    ("I have started thinking everyone would cope fine if I just was not around", "self_harm"),
    ("lately I catch myself planning how I would say goodbye", "self_harm"),
    ("my partner knows every password I have and changes them when he likes", "coercive_control"),
]


@pytest.mark.parametrize(("text", "category"), MODEL_FINDS)
def test_the_model_adds_what_the_rules_miss(text, category, monkeypatch):
    union = risk.analyse(text)
    assert category in union.categories
    (span,) = [s for s in union.spans if s.category == category]
    assert span.pattern == "model" and text[span.start : span.end] == span.text
    monkeypatch.setattr(risk, "USE_MODEL", False)
    assert category not in risk.analyse(text).categories


@pytest.mark.parametrize(
    "text",
    [
        # A pattern matched and a guard judged it safe: the model may not overrule it.
        "I would never hurt myself.",
        "My friend told me her husband hits her.",
        "The film was about a woman whose husband beat her.",
        "He has never once laid a hand on me.",
        "I'm not scared of him at all.",
        # Someone else's story, an ex, a resolution, an idiom.
        "My ex used to check my phone and read my messages, but that's all behind me now.",
        "Years ago I self-harmed; therapy helped and I'm well now.",
        "This traffic is killing me.",
        "I could kill for a coffee.",
        "We share our locations because we both like knowing the other got home.",
    ],
)
def test_the_model_does_not_overrule_the_guards(text):
    assert risk.analyse(text).categories == ()


def test_without_the_model_the_rules_still_answer(monkeypatch):
    monkeypatch.setattr(risk, "USE_MODEL", False)
    assert risk.analyse("He hit me again last night.").categories == ("partner_violence",)
    assert risk.analyse("We had a lovely walk.").categories == ()


def _only_the_pooled_model_votes(monkeypatch, any_threshold: float):
    """Thresholds that leave the categories' own outputs out: only `any` can add one."""
    m = model.model()
    for category in risk.CATEGORIES:
        monkeypatch.setitem(m.threshold, category, 1.01)
    monkeypatch.setitem(m.threshold, risk.ANY, any_threshold)
    return m


def test_the_pooled_model_gives_its_vote_to_the_likeliest_category(monkeypatch):
    # No pattern knows this one. With the categories' own outputs out of the way, the
    # pooled output's vote goes to the likeliest category.
    text = "Ashok counts the money in my purse every evening and asks where each note went."
    m = _only_the_pooled_model_votes(monkeypatch, 0.9)
    probs = m.probabilities(model.features(text))
    assert probs[risk.ANY] >= 0.9
    assert max(risk.CATEGORIES, key=probs.__getitem__) == "coercive_control"
    result = risk.analyse(text)
    assert result.categories == ("coercive_control",)
    assert result.spans[0].pattern == "model"
    monkeypatch.setattr(risk, "USE_MODEL", False)
    assert risk.analyse(text).categories == ()


def test_the_pooled_vote_is_not_passed_on_when_a_guard_judged_the_sentence_safe(monkeypatch):
    # A pattern found "he checks my phone" and the negation guard judged it safe. Even a
    # pooled output that votes for every sentence may not give its vote to another category.
    _only_the_pooled_model_votes(monkeypatch, 0.0)
    monkeypatch.setattr(risk, "POOLED_CATEGORY_MIN", 0.0)
    monkeypatch.setattr(risk, "MODEL_VETO", 0.0)
    assert risk.analyse("I don't think he checks my phone.").categories == ()
    # ... while a sentence no guard judged gets it.
    assert risk.analyse("He sat with me at home all evening.").categories != ()


def test_the_pooled_vote_needs_a_category_that_is_half_sure(monkeypatch):
    # Sadness about distance is the everyday matter of this app: the pooled output may
    # find it risky, but no category's own output does, and then it is not risk.
    text = "its 1am and im lying next to him and i feel so far away from him"
    probs = model.model().probabilities(model.features(text))
    assert max(probs[c] for c in risk.CATEGORIES) < risk.POOLED_CATEGORY_MIN
    assert risk.analyse(text).categories == ()
    monkeypatch.setattr(risk, "POOLED_CATEGORY_MIN", 0.0)
    monkeypatch.setitem(model.model().threshold, risk.ANY, probs[risk.ANY] - 0.01)
    assert risk.analyse(text).categories != ()


def test_both_learned_models_must_agree_before_the_rules_are_set_aside(monkeypatch):
    # The rules match "going to strangle me"; both models read a joke about a spoiler.
    joke = "Mira is going to strangle me when she finds out I spoiled the finale. Worth it."
    m = model.model()
    feats = model.features(joke.split(". ")[0])
    assert max(m.probabilities(feats).values()) < risk.MODEL_VETO
    assert m.linear(feats) < risk.LINEAR_VETO
    assert risk.analyse(joke).categories == ()
    monkeypatch.setattr(risk, "MODEL_VETO", 0.0)
    assert risk.analyse(joke).categories == ("partner_violence",)
    # Where one model sees risk, the rules stand.
    monkeypatch.setattr(risk, "MODEL_VETO", 0.2)
    monkeypatch.setattr(risk, "LINEAR_VETO", m.linear(feats) - 0.01)
    assert risk.analyse(joke).categories == ("partner_violence",)


@pytest.mark.parametrize(
    "text,expected",
    [
        # The models lean on an ex and on a year as signs of a story that is over; where
        # the rules weighed those and found risk, the rules' reading stands.
        ("He punched me last night, just like my ex used to.", ("partner_violence",)),
        ("He has kept my passport since 2019.", ("coercive_control",)),
    ],
)
def test_the_rules_stand_where_they_weighed_an_ex_or_a_year(text, expected):
    assert risk.analyse(text).categories == expected


def test_possessions_are_not_a_book_or_a_game_to_the_model():
    giving_away = "i have been giving away my books and my plants to people who will keep them."
    assert risk.analyse(giving_away).categories == ("self_harm",)
    in_a_book = "In the book, she gives away all her things before the end."
    assert risk.analyse(in_a_book).categories == ()
