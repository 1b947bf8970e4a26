"""The activity ideas: schema, counts, uniqueness, and an idempotent load."""

from __future__ import annotations

import re

from turntoward.activities.content_loader import load_ideas, read_ideas
from turntoward.activities.models import ActivityIdea, Cost, Place

REQUIRED = {"slug", "title", "description", "place", "minutes", "cost", "novel"}


def test_there_are_at_least_60_ideas_with_unique_slugs_and_titles():
    items = read_ideas()

    assert len(items) >= 60
    assert len({i["slug"] for i in items}) == len(items)
    assert len({i["title"].lower() for i in items}) == len(items)


def test_every_idea_follows_the_schema():
    for item in read_ideas():
        assert set(item) == REQUIRED, item
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", item["slug"]), item["slug"]
        assert 3 <= len(item["title"]) <= 120, item["slug"]
        assert 40 <= len(item["description"]) <= 400, item["slug"]
        assert item["place"] in Place.values, item["slug"]
        assert item["cost"] in Cost.values, item["slug"]
        assert isinstance(item["minutes"], int) and 5 <= item["minutes"] <= 600, item["slug"]
        assert isinstance(item["novel"], bool), item["slug"]


def test_every_place_and_cost_and_both_kinds_of_novelty_are_covered():
    items = read_ideas()

    assert {i["place"] for i in items} == set(Place.values)
    assert {i["cost"] for i in items} == set(Cost.values)
    assert sum(i["novel"] for i in items) >= 20
    assert sum(not i["novel"] for i in items) >= 10
    assert sum(i["minutes"] <= 30 for i in items) >= 8  # for the busiest weeks


def test_loading_twice_is_idempotent(db):
    first = load_ideas()
    second = load_ideas()

    assert first == second == len(read_ideas()) == ActivityIdea.objects.count()
