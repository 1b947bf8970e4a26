"""The journal's prompts and feelings vocabulary: schema, counts, uniqueness, loading."""

from __future__ import annotations

import re

from turntoward.journal import content_loader, feelings
from turntoward.journal.models import JournalPrompt

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def test_there_are_at_least_thirty_prompts_each_with_a_known_theme():
    data = content_loader.read_prompts()
    themes = {t["slug"] for t in data["themes"]}

    assert len(data["prompts"]) >= 30
    for prompt in data["prompts"]:
        assert set(prompt) == {"slug", "theme", "text"}
        assert SLUG.match(prompt["slug"]), prompt
        assert prompt["theme"] in themes, prompt
        assert 20 <= len(prompt["text"]) <= 200, prompt
    assert {p["theme"] for p in data["prompts"]} == themes


def test_prompt_slugs_and_texts_are_unique():
    prompts = content_loader.read_prompts()["prompts"]

    assert len({p["slug"] for p in prompts}) == len(prompts)
    assert len({p["text"] for p in prompts}) == len(prompts)


def test_the_vocabulary_has_six_core_feelings_each_with_six_finer_words():
    cores = feelings.core_feelings()

    assert len(cores) >= 6
    assert {"joy", "sadness", "fear", "anger", "hurt", "calm"} <= {c.slug for c in cores}
    for core in cores:
        assert len(core.words) >= 6, core.slug
        assert core.word and core.description


def test_every_feeling_slug_is_well_formed_and_unique_across_the_vocabulary():
    slugs = [c.slug for c in feelings.core_feelings()] + [w.slug for w in feelings.words()]

    assert len(slugs) == len(set(slugs))
    assert all(SLUG.match(s) for s in slugs)
    words = [w.word.lower() for w in feelings.words()]
    assert len(words) == len(set(words))


def test_every_word_knows_its_core():
    for core in feelings.core_feelings():
        for word in core.words:
            assert feelings.core_of(word.slug) is core
            assert feelings.find(word.slug) == word


def test_loading_twice_changes_nothing(db):
    first = content_loader.load()

    assert content_loader.load() == first
    assert JournalPrompt.objects.count() == first
    assert JournalPrompt.objects.get(slug="right-now").theme == "noticing"
