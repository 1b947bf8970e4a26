"""The lessons file: schema, counts, lengths, unique slugs, idempotent loading."""

from __future__ import annotations

import re

from turntoward.lessons.content import load_lessons, read_lessons
from turntoward.lessons.models import Lesson

ROWS = read_lessons()
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
REQUIRED = {"slug", "title", "summary", "body", "practice"}
TOPICS = [
    "what-emotional-neglect-is",
    "bids-and-turning-toward",
    "i-statements",
    "active-listening",
    "appreciation",
    "curiosity-and-novelty",
    "boundaries",
    "self-care",
    "forgiveness",
    "when-to-seek-counselling",
]


def test_there_are_at_least_twelve_lessons_covering_the_topics():
    slugs = [r["slug"] for r in ROWS]

    assert len(ROWS) >= 12
    assert set(TOPICS) <= set(slugs)


def test_every_lesson_has_the_fields_and_a_valid_unique_slug():
    assert all(set(r) >= REQUIRED and set(r) <= REQUIRED | {"related"} for r in ROWS)
    slugs = [r["slug"] for r in ROWS]
    titles = [r["title"] for r in ROWS]
    assert all(SLUG.match(s) for s in slugs)
    assert len(set(slugs)) == len(slugs)
    assert len(set(titles)) == len(titles)


def test_every_lesson_is_short_with_a_small_practice():
    for row in ROWS:
        words = len(row["body"].split()) + len(row["practice"].split())
        assert 200 <= words <= 400, (row["slug"], words)
        assert 10 <= len(row["practice"].split()) <= 80, row["slug"]
        assert len(row["summary"]) <= 300 and len(row["title"]) <= 200


def test_no_lesson_makes_a_clinical_claim():
    banned = ("diagnos", "disorder", "cure", "treatment", "guarantee", "symptom")
    for row in ROWS:
        text = f"{row['body']} {row['practice']} {row['summary']}".lower()
        assert not [w for w in banned if w in text], row["slug"]


def test_loading_twice_is_idempotent_and_retires_dropped_lessons(db):
    assert load_lessons() == len(ROWS)
    assert load_lessons() == len(ROWS)
    Lesson.objects.create(slug="old-lesson", title="Old", summary="s", body="b", practice="p")

    load_lessons()

    assert Lesson.objects.get(slug="old-lesson").active is False
    assert Lesson.objects.filter(active=True).count() == len(ROWS)
