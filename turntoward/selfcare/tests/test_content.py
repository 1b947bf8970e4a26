"""The self-care ideas file: schema, counts, uniqueness, and an idempotent load."""

from __future__ import annotations

import re

from turntoward.selfcare import content_loader
from turntoward.selfcare.models import SelfCareIdea

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def test_the_library_holds_at_least_twenty_ideas_with_every_field():
    data = content_loader.read_ideas()
    categories = {c["slug"] for c in data["categories"]}

    assert len(data["ideas"]) >= 20
    for idea in data["ideas"]:
        assert set(idea) <= {"slug", "category", "title", "description", "frequency", "times"}
        assert SLUG.match(idea["slug"]), idea
        assert idea["category"] in categories, idea
        assert idea["frequency"] in {"daily", "times_a_week", "weekly"}, idea
        if idea["frequency"] == "times_a_week":
            assert 1 <= idea["times"] <= 7, idea
        assert 3 <= len(idea["title"]) <= 120, idea
        assert 30 <= len(idea["description"]) <= 400, idea


def test_slugs_titles_and_descriptions_are_unique():
    ideas = content_loader.read_ideas()["ideas"]

    for key in ("slug", "title", "description"):
        values = [i[key] for i in ideas]
        assert len(values) == len(set(values)), key


def test_every_category_has_ideas_and_the_named_themes_are_there():
    data = content_loader.read_ideas()
    used = {i["category"] for i in data["ideas"]}

    assert {c["slug"] for c in data["categories"]} == used
    assert {"rest", "movement", "connection", "outdoors", "creative"} <= used


def test_the_ideas_never_shame():
    text = " ".join(i["description"] for i in content_loader.read_ideas()["ideas"]).lower()

    for word in ("streak", "must", "lazy", "failure"):
        assert word not in text


def test_loading_twice_changes_nothing(db):
    first = content_loader.load()
    count = SelfCareIdea.objects.count()

    assert content_loader.load() == first
    assert SelfCareIdea.objects.count() == count == first
    assert SelfCareIdea.objects.get(slug="brisk-walk").times == 3
    assert SelfCareIdea.objects.get(slug="daylight-break").times == 7
