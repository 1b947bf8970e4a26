"""The kindness library and the daily prompts: schema, counts, uniqueness, idempotent load."""

from __future__ import annotations

from collections import Counter

from turntoward.appreciation.models import AppreciationPrompt, Category, KindnessIdea
from turntoward.appreciation.services import CONTENT, load_content
from turntoward.core.content import read_yaml

IDEAS = read_yaml(CONTENT / "kindness.yaml")["ideas"]
PROMPTS = read_yaml(CONTENT / "prompts.yaml")["prompts"]


def test_the_library_has_at_least_sixty_ideas_across_all_five_categories():
    counts = Counter(i["category"] for i in IDEAS)

    assert len(IDEAS) >= 60
    assert set(counts) == set(Category.values)
    assert min(counts.values()) >= 10


def test_every_idea_has_a_unique_slug_a_title_and_a_text_of_sensible_length():
    assert len({i["slug"] for i in IDEAS}) == len(IDEAS)
    assert len({i["title"] for i in IDEAS}) == len(IDEAS)
    assert len({i["text"] for i in IDEAS}) == len(IDEAS)
    for idea in IDEAS:
        assert set(idea) == {"slug", "category", "title", "text"}, idea
        assert idea["slug"].replace("-", "").isalnum()
        assert 5 <= len(idea["title"]) <= 120
        assert 30 <= len(idea["text"]) <= 400


def test_there_are_thirty_unique_prompts_each_a_question_or_invitation():
    assert len(PROMPTS) >= 30
    assert len({p["slug"] for p in PROMPTS}) == len(PROMPTS)
    assert len({p["text"] for p in PROMPTS}) == len(PROMPTS)
    for prompt in PROMPTS:
        assert set(prompt) == {"slug", "text"}
        assert 20 <= len(prompt["text"]) <= 300


def test_loading_is_idempotent_and_updates_by_slug(db):
    first = load_content()
    KindnessIdea.objects.filter(slug="long-hug").update(title="Changed")

    second = load_content()

    assert first == second == len(IDEAS) + len(PROMPTS)
    assert KindnessIdea.objects.count() == len(IDEAS)
    assert AppreciationPrompt.objects.count() == len(PROMPTS)
    assert KindnessIdea.objects.get(slug="long-hug").title == "A hug that lasts"
