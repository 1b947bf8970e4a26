"""Content strings are marked for translation, and pages and the API translate them."""

from __future__ import annotations

import ast
import html
import json
import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.template import Context, Template
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import trans_real

from turntoward.activities import services as activities
from turntoward.activities.models import ActivityIdea
from turntoward.appreciation import services as appreciation
from turntoward.appreciation.models import AppreciationPrompt, KindnessIdea
from turntoward.core.content_messages import MESSAGES
from turntoward.core.management.commands import content_messages as command
from turntoward.curiosity.models import Question
from turntoward.journal import content_loader as journal_content
from turntoward.journal import feelings
from turntoward.journal import services as journal
from turntoward.journal.models import JournalPrompt
from turntoward.lessons.models import Lesson
from turntoward.reflection import content as reflection_content
from turntoward.reflection.models import Pressure
from turntoward.selfcare import content_loader as selfcare_content
from turntoward.selfcare.models import SelfCareIdea
from turntoward.testing import api_for
from turntoward.weekly import content as weekly_content

# --- the generated module ---------------------------------------------------------------


def test_the_generated_module_is_up_to_date():
    call_command("content_messages", "--check")


def test_check_fails_when_the_module_is_out_of_date(tmp_path, monkeypatch):
    stale = tmp_path / "content_messages.py"
    stale.write_text(command.render_module(MESSAGES[1:]), encoding="utf-8")
    monkeypatch.setattr(command, "TARGET", stale)

    with pytest.raises(CommandError, match="out of date"):
        call_command("content_messages", "--check")

    call_command("content_messages")
    call_command("content_messages", "--check")
    assert stale.read_text(encoding="utf-8") == command.render_module(MESSAGES)


def test_it_keeps_texts_and_leaves_out_slugs_codes_and_numbers():
    assert "Blanket-fort cinema" in MESSAGES
    assert "What went well" in MESSAGES
    assert "glad" in MESSAGES
    for machine_value in ("blanket-fort-cinema", "home", "free", "times_a_week", "went_well"):
        assert machine_value not in MESSAGES
    assert list(MESSAGES) == sorted(set(MESSAGES))


def test_it_refuses_a_key_it_cannot_classify(tmp_path):
    path = tmp_path / "ideas.yaml"
    path.write_text("- slug: a\n  title: A title\n  colour: blue\n", encoding="utf-8")

    with pytest.raises(CommandError, match="'colour'"):
        command.collect_messages([path])


@pytest.mark.parametrize(
    "text",
    ['Say "sorry" plainly', "back\\slash", "two\n\nparagraphs", "tab\there", "bell\x07", "café …"],
)
def test_a_string_reads_back_as_itself(text):
    assert ast.literal_eval(command.python_string(text)) == text


def _shown_strings() -> Iterator[str]:
    """Every content string the pages and the API show, read the way they read it."""
    for q in Question.objects.all():
        yield q.text
    for p in AppreciationPrompt.objects.all():
        yield p.text
    for k in KindnessIdea.objects.all():
        yield from (k.title, k.text)
    for a in ActivityIdea.objects.all():
        yield from (a.title, a.description)
    for j in JournalPrompt.objects.all():
        yield j.text
    yield from journal_content.theme_names().values()
    for core in feelings.core_feelings():
        yield from (core.word, core.description, *(w.word for w in core.words))
    for lesson in Lesson.objects.all():
        yield from (lesson.title, lesson.summary, lesson.body, lesson.practice)
    for pressure in Pressure.objects.all():
        yield from (pressure.name, pressure.prompt)
    for guide in reflection_content.guides().values():
        yield from (guide["title"], guide["intro"])
        for step in guide["steps"]:
            yield from (step["title"], step["guidance"])
    for idea in SelfCareIdea.objects.all():
        yield from (idea.title, idea.description)
    yield from selfcare_content.category_names().values()
    agenda = weekly_content.agenda()
    yield from (agenda["intro"], agenda["closing"])
    for step in agenda["steps"]:
        yield from (step["title"], step["guidance"], *step.get("prompts", []))


def test_every_content_string_that_is_shown_is_marked_for_translation(db):
    shown = set(_shown_strings())

    assert len(shown) > 500
    assert sorted(shown - set(MESSAGES)) == []


# --- the tr filter ------------------------------------------------------------------------


def _render(source: str, **context: Any) -> str:
    return Template("{% load content %}" + source).render(Context(context))


def test_tr_translates_a_string_and_leaves_anything_else_alone(marked):
    assert _render("{{ v|tr }}", v="Blanket-fort cinema") == "⟪Blanket-fort cinema⟫"
    assert _render("{{ v|tr }}", v="Not content") == "Not content"
    assert _render("[{{ v|tr }}]", v="") == "[]"
    assert _render("{{ v|tr }}", v=3) == "3"
    assert _render("{{ v|tr }}", v=None) == "None"


def test_tr_output_is_still_escaped(marked):
    assert _render("{{ v|tr }}", v="<b>") == "&lt;b&gt;"


# --- pages and the API translate what they show -------------------------------------------


class _Marked:
    """The English catalogue, except that content strings come back marked ⟪like this⟫."""

    def __init__(self, real: Any) -> None:
        self._real = real
        self._content = set(MESSAGES)

    def gettext(self, message: str) -> str:
        if message in self._content:
            return f"⟪{message}⟫"
        return self._real.gettext(message)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


@pytest.fixture
def marked() -> Iterator[None]:
    """Translate content strings into a visible 'language' for the length of a test."""
    language = settings.LANGUAGE_CODE
    real = trans_real.translation(language)
    saved_default = trans_real._default
    trans_real._translations[language] = _Marked(real)
    translation.activate(language)
    try:
        yield
    finally:
        trans_real._translations[language] = real
        trans_real._default = saved_default
        translation.activate(language)
        translation.deactivate()


def _code_literals() -> str:
    """The source of templates and Python code, minus the generated module."""
    root = Path(command.PACKAGE)
    files = [*root.glob("**/templates/**/*.html"), *root.glob("**/*.py")]
    return "\n".join(f.read_text(encoding="utf-8") for f in files if f.resolve() != command.TARGET)


@pytest.fixture(scope="module")
def content_only() -> list[str]:
    """Content strings long enough to recognise, that are not also words of the code."""
    code = _code_literals()
    return [m for m in MESSAGES if len(m) >= 20 and m not in code]


def _unmarked(strings: list[str], content_only: list[str]) -> list[str]:
    """Content strings shown as they are stored, not through the translation catalogue."""
    rest = re.sub("⟪[^⟫]*⟫", "", "\n".join(strings))
    return [message for message in content_only if message in rest]


@pytest.fixture
def practising(couple, alice, bob) -> dict[str, str]:
    """Alice and Bob with a little of everything that shows content: urls by name."""
    plan = activities.plan_activity(
        alice, idea="sunrise-walk", starts_at=timezone.now() + timedelta(days=1)
    )
    appreciation.record_kindness(alice, idea="pocket-note")
    entry = journal.write_entry(
        alice, body="Slept badly.", prompt=JournalPrompt.objects.first().slug, feelings=["glad"]
    )
    return {
        "plan": f"/activities/plans/{plan.id}/",
        "journal_entry": f"/journal/{entry.id}/",
        "journal_prompt_url": f"/journal/new/?prompt={entry.prompt.slug}",
    }


PAGES = [
    "/",
    "/questions/",
    "/questions/browse/",
    "/questions/{question}/",
    "/appreciation/",
    "/kindness/",
    "/activities/",
    "/activities/plans/",
    "/activities/ideas/sunrise-walk/plan/",
    "{plan}",
    "/journal/",
    "/journal/new/",
    "{journal_prompt_url}",
    "{journal_entry}",
    "/lessons/",
    "/lessons/{lesson}/",
    "/reflections/",
    "/reflections/new/",
    "/repairs/",
    "/repairs/new/",
    "/boundaries/",
    "/boundaries/new/",
    "/self-care/ideas/",
    "/weekly/",
]


@pytest.mark.parametrize("url", PAGES)
def test_pages_show_content_through_the_catalogue(url, alice, practising, marked, content_only):
    names = {
        **practising,
        "question": Question.objects.first().slug,
        "lesson": Lesson.objects.first().slug,
    }
    client = Client()
    client.force_login(alice)

    response = client.get(url.format(**names))

    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert "⟪" in page
    assert _unmarked([page], content_only) == []


API = [
    "questions",
    "questions/today",
    "appreciations/prompt",
    "kindness",
    "kindness/acts",
    "activities",
    "activities/plans",
    "journal",
    "journal/prompts",
    "journal/feelings",
    "lessons",
    "lessons/{lesson}",
    "self-care/ideas",
]


def _strings_of(data: Any) -> Iterator[str]:
    if isinstance(data, dict):
        for value in data.values():
            yield from _strings_of(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings_of(value)
    elif isinstance(data, str):
        yield data


@pytest.mark.parametrize("path", API)
def test_the_api_returns_content_through_the_catalogue(
    path, alice, practising, marked, content_only
):
    client = api_for(alice)

    response = client.get(path.format(lesson=Lesson.objects.first().slug))

    assert response.status_code == 200, response.content
    strings = list(_strings_of(response.json()))
    assert any(s.startswith("⟪") for s in strings), json.dumps(response.json())[:300]
    assert _unmarked(strings, content_only) == []


def test_a_lesson_is_translated_as_a_whole_then_split_into_paragraphs(marked, db):
    lesson = Lesson.objects.first()

    paragraphs = lesson.paragraphs

    assert paragraphs[0].startswith("⟪")
    assert paragraphs[-1].endswith("⟫")
    assert len(paragraphs) == lesson.body.count("\n\n") + 1
