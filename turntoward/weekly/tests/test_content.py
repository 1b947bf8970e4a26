"""The weekly agenda's guidance: schema, counts, uniqueness, and its fit with the form."""

from __future__ import annotations

from turntoward.weekly import content
from turntoward.weekly.forms import WeeklyCheckInForm
from turntoward.weekly.models import ANSWER_FIELDS


def test_the_agenda_has_an_intro_a_closing_and_one_step_per_answer():
    agenda = content.agenda()

    assert len(agenda["intro"]) > 80
    assert agenda["closing"]
    assert [s["field"] for s in agenda["steps"]] == list(ANSWER_FIELDS)


def test_every_step_has_a_unique_slug_title_guidance_and_prompts():
    steps = content.agenda()["steps"]

    slugs = [s["slug"] for s in steps]
    assert len(slugs) == len(set(slugs))
    for step in steps:
        assert set(step) == {"slug", "field", "title", "minutes", "guidance", "prompts"}
        assert step["slug"].replace("-", "").isalnum()
        assert len(step["guidance"]) > 60
        assert len(step["prompts"]) >= 2
        assert isinstance(step["minutes"], int) and 1 <= step["minutes"] <= 10


def test_the_steps_add_up_to_fifteen_to_thirty_minutes():
    total = sum(s["minutes"] for s in content.agenda()["steps"])

    assert 15 <= total <= 30


def test_every_step_guides_a_field_of_the_form():
    fields = set(WeeklyCheckInForm().fields)

    assert {s["field"] for s in content.agenda()["steps"]} == fields


def test_the_loader_counts_the_steps():
    assert content.load() == 5
