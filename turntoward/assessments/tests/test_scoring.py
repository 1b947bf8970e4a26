"""The one engine against hand-computed scores at every band edge of every instrument."""

from __future__ import annotations

import pytest

from turntoward.assessments import scoring
from turntoward.assessments.scoring import InvalidAnswers, score


def spread(total: int, n: int, top: int) -> list[int]:
    """n positions (each 0..top) summing to total, filled from the first item."""
    out = []
    for _ in range(n):
        take = min(top, total)
        out.append(take)
        total -= take
    assert total == 0
    return out


# (slug, number of items, top position, score, band)
EDGES = [
    ("phq-9", 9, 3, 0, "minimal"),
    ("phq-9", 9, 3, 4, "minimal"),
    ("phq-9", 9, 3, 5, "mild"),
    ("phq-9", 9, 3, 9, "mild"),
    ("phq-9", 9, 3, 10, "moderate"),
    ("phq-9", 9, 3, 14, "moderate"),
    ("phq-9", 9, 3, 15, "moderately_severe"),
    ("phq-9", 9, 3, 19, "moderately_severe"),
    ("phq-9", 9, 3, 20, "severe"),
    ("phq-9", 9, 3, 27, "severe"),
    ("gad-7", 7, 3, 0, "minimal"),
    ("gad-7", 7, 3, 4, "minimal"),
    ("gad-7", 7, 3, 5, "mild"),
    ("gad-7", 7, 3, 9, "mild"),
    ("gad-7", 7, 3, 10, "moderate"),
    ("gad-7", 7, 3, 14, "moderate"),
    ("gad-7", 7, 3, 15, "severe"),
    ("gad-7", 7, 3, 21, "severe"),
    ("phq-2", 2, 3, 0, "negative"),
    ("phq-2", 2, 3, 2, "negative"),
    ("phq-2", 2, 3, 3, "positive"),
    ("phq-2", 2, 3, 6, "positive"),
    ("gad-2", 2, 3, 0, "negative"),
    ("gad-2", 2, 3, 2, "negative"),
    ("gad-2", 2, 3, 3, "positive"),
    ("gad-2", 2, 3, 6, "positive"),
]


@pytest.mark.parametrize(("slug", "n", "top", "total", "band"), EDGES)
def test_phq_and_gad_score_the_sum_of_positions_into_the_published_bands(slug, n, top, total, band):
    answers = spread(total, n, top)
    # Keep PHQ-9 item 9 at "Not at all" here; the crisis rule has its own tests.
    if slug == "phq-9" and answers[8]:
        answers = list(reversed(answers))
    result = score(slug, answers)
    assert (result.score, result.band) == (total, band)


def test_phq2_and_gad2_offer_the_full_questionnaire_from_three():
    assert score("phq-2", [1, 1]).follow_up is None
    assert score("phq-2", [2, 1]).follow_up == "phq-9"
    assert score("phq-2", [3, 3]).follow_up == "phq-9"
    assert score("gad-2", [0, 2]).follow_up is None
    assert score("gad-2", [0, 3]).follow_up == "gad-7"
    assert score("phq-9", [3] * 8 + [0]).follow_up is None


def test_phq9_item_nine_above_not_at_all_is_a_crisis_whatever_the_total():
    low = score("phq-9", [0] * 8 + [1])
    assert (low.score, low.band, low.crisis) == (1, "minimal", True)
    assert score("phq-9", [0] * 8 + [3]).crisis is True
    high = score("phq-9", [3] * 8 + [0])
    assert (high.score, high.band, high.crisis) == (24, "severe", False)
    assert score("gad-7", [3] * 7).crisis is False


@pytest.mark.parametrize(
    ("answers", "total", "band"),
    [
        ([0, 0, 0, 0], 0, "distressed"),
        ([6, 5, 5, 5], 21, "not_distressed"),
        ([3, 3, 3, 4], 13, "distressed"),  # 13 < 13.5
        ([3, 3, 3, 5], 14, "not_distressed"),
        ([4, 3, 3, 3], 13, "distressed"),
        ([6, 0, 4, 4], 14, "not_distressed"),
    ],
)
def test_csi4_scores_its_own_options_and_cuts_at_thirteen_and_a_half(answers, total, band):
    result = score("csi-4", answers)
    assert (result.score, result.band) == (total, band)


def test_csi4_item_one_has_seven_options_and_the_others_six():
    inst = scoring.instrument("csi-4")
    assert [len(i.options) for i in inst.items] == [7, 6, 6, 6]
    assert inst.items[0].options[6].label == "Perfect"
    assert inst.cutoff == 13.5
    with pytest.raises(InvalidAnswers):
        score("csi-4", [3, 6, 3, 3])


# RSES positions: 0 Strongly agree, 1 Agree, 2 Disagree, 3 Strongly disagree.
# Positive items 1,3,4,7,10 score SA=3..SD=0; items 2,5,6,8,9 are reversed (SA=0..SD=3).
POSITIVE = (1, 3, 4, 7, 10)


def rses(positive: int, negative: int) -> list[int]:
    return [positive if n in POSITIVE else negative for n in range(1, 11)]


@pytest.mark.parametrize(
    ("answers", "total", "band"),
    [
        (rses(0, 3), 30, "high"),  # SA to positives, SD to negatives
        (rses(3, 0), 0, "low"),
        (rses(0, 0), 15, "typical"),  # 5*3 + 5*0
        (rses(3, 3), 15, "typical"),  # 5*0 + 5*3
        (rses(1, 1), 15, "typical"),  # 5*2 + 5*1
        (rses(2, 2), 15, "typical"),  # 5*1 + 5*2
        (rses(1, 2), 20, "typical"),  # 5*2 + 5*2
        # 2+2+2+2+2+2+1+1+2+2: item 7 "Disagree" is 1, item 8 "Agree" (reversed) is 1
        ([1, 2, 1, 1, 2, 2, 2, 1, 2, 1], 18, "typical"),
        ([1, 1, 1, 1, 1, 1, 1, 1, 1, 2], 14, "low"),  # 4*2 + 1 + 5*1
        ([0, 3, 0, 0, 2, 2, 0, 2, 2, 1], 25, "typical"),  # 3+3+3+3+2+2+3+2+2+2
        ([0, 3, 0, 0, 3, 2, 0, 2, 2, 1], 26, "high"),  # 3+3+3+3+3+2+3+2+2+2
    ],
)
def test_rses_reverse_keys_items_two_five_six_eight_and_nine(answers, total, band):
    result = score("rses", answers)
    assert (result.score, result.band) == (total, band)


def test_connection_check_scores_each_sign_and_reverses_the_warm_items():
    inst = scoring.instrument("connection-check")
    assert len(inst.items) == 18
    assert {s.slug for s in inst.subscales} == {
        "lonely",
        "support",
        "one_sided",
        "irritability",
        "numbness",
        "conversations",
        "dismissed",
        "affection",
        "stress",
    }
    assert all(s.max == 8 for s in inst.subscales)
    reversed_items = {i.number for i in inst.items if i.reverse}
    assert reversed_items == {4, 12}

    never = score(inst, [0] * 18)  # "Never" everywhere: warm items count 4 each
    assert never.score == 8
    assert never.subscores["support"] == 4 and never.subscores["lonely"] == 0
    assert never.band == "close"

    best = [4 if n in reversed_items else 0 for n in range(1, 19)]
    assert score(inst, best).score == 0
    worst = [0 if n in reversed_items else 4 for n in range(1, 19)]
    result = score(inst, worst)
    assert result.score == 72 and result.band == "very_distant"
    assert set(result.subscores.values()) == {8}


@pytest.mark.parametrize(
    ("total", "band"),
    [(0, "close"), (17, "close"), (18, "some_distance"), (35, "some_distance"),
     (36, "distant"), (53, "distant"), (54, "very_distant"), (72, "very_distant")],
)  # fmt: skip
def test_connection_check_band_edges(total, band):
    inst = scoring.instrument("connection-check")
    answers = [4 if i.reverse else 0 for i in inst.items]  # score 0
    left = total
    for index, item in enumerate(inst.items):
        step = min(4, left)
        answers[index] = 4 - step if item.reverse else step
        left -= step
    assert score(inst, answers).score == total
    assert score(inst, answers).band == band
    assert inst.cutoff == 36


@pytest.mark.parametrize(
    "answers",
    [
        None,
        "0,1",
        [0] * 8,
        [0] * 10,
        [0] * 8 + [4],
        [0] * 8 + [-1],
        [0] * 8 + [True],
        [0] * 8 + [1.0],
        [0] * 8 + ["1"],
    ],
)
def test_answers_that_do_not_fit_are_refused(answers):
    with pytest.raises(InvalidAnswers):
        score("phq-9", answers)
