"""The learned second opinion (`model.py`): what it adds to the rules, and what it may not."""

import gzip
import importlib.util
import json
from pathlib import Path

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
    with gzip.open(model.MODEL_FILE, "rt", encoding="utf-8") as f:
        saved = json.load(f)
    assert saved["data_digest"] == trainer.digest(trainer.rows())
    assert all(not p.name.count("blind") for p in trainer.training_files())
    assert set(saved["coef"]) == {*risk.CATEGORIES, risk.ANY}


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


def test_the_pooled_model_gives_its_vote_to_the_likeliest_category(monkeypatch):
    # Neither a pattern nor the category's own model is sure of this one; the pooled model,
    # trained on every risk row against every ordinary one, is.
    text = "Ashok counts the money in my purse every evening and asks where each note went."
    m = model.model()
    probs = m.probabilities(model.features(text))
    assert probs["coercive_control"] < m.threshold["coercive_control"]
    assert probs[risk.ANY] >= m.threshold[risk.ANY]
    result = risk.analyse(text)
    assert result.categories == ("coercive_control",)
    assert result.spans[0].pattern == "model"
    monkeypatch.setattr(risk, "USE_MODEL", False)
    assert risk.analyse(text).categories == ()


def test_the_pooled_vote_is_not_passed_on_when_a_guard_judged_the_sentence_safe():
    # A pattern found "he checks my phone" and the negation guard judged it safe; the pooled
    # model is still sure, but its vote may not go to fear instead.
    text = "I don't think he checks my phone."
    assert model.model().probabilities(model.features(text))[risk.ANY] >= 0.5
    assert risk.analyse(text).categories == ()


def test_possessions_are_not_a_book_or_a_game_to_the_model():
    giving_away = "i have been giving away my books and my plants to people who will keep them."
    assert risk.analyse(giving_away).categories == ("self_harm",)
    in_a_book = "In the book, she gives away all her things before the end."
    assert risk.analyse(in_a_book).categories == ()
