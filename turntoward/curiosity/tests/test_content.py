"""The question deck: schema, counts, unique slugs and texts, idempotent loading."""

from __future__ import annotations

import re
from collections import Counter

from turntoward.curiosity.content import CONTENT, load_questions, read_questions
from turntoward.curiosity.models import Question, Theme
from turntoward.curiosity.urls import urlpatterns

ROWS = read_questions()
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def test_the_deck_has_at_least_200_questions_in_every_theme():
    counts = Counter(r["theme"] for r in ROWS)

    assert len(ROWS) >= 200
    assert set(counts) == set(Theme.values)
    assert len(Theme.values) >= 7
    assert min(counts.values()) >= 25, counts


def test_every_question_has_a_valid_unique_slug_and_text():
    slugs = [r["slug"] for r in ROWS]
    texts = [r["text"].lower() for r in ROWS]

    assert all(SLUG.match(s) and len(s) <= 80 for s in slugs)
    assert len(set(slugs)) == len(slugs)
    assert len(set(texts)) == len(texts)
    assert all(10 <= len(r["text"]) <= 300 for r in ROWS)


def test_questions_are_open_ended_questions():
    assert all(r["text"].endswith("?") or r["text"].endswith(".") for r in ROWS)
    closed_starts = ("do you ", "are you ", "is it ", "have you ever ")
    closed = [r["text"] for r in ROWS if r["text"].lower().startswith(closed_starts)]
    assert closed == []


def test_no_slug_clashes_with_a_page_of_the_app():
    reserved = {str(p.pattern).strip("/").split("/")[-1] for p in urlpatterns}
    assert not reserved & {r["slug"] for r in ROWS}


def test_loading_twice_is_idempotent_and_retires_dropped_questions(db, tmp_path):
    assert load_questions() == len(ROWS)
    assert load_questions() == len(ROWS)
    assert Question.objects.count() == len(ROWS)

    Question.objects.create(slug="an-old-question", theme="us", text="Old?")
    load_questions()

    assert Question.objects.get(slug="an-old-question").active is False
    assert Question.objects.filter(active=True).count() == len(ROWS)
    assert CONTENT.exists()
