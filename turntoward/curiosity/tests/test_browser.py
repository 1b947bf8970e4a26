"""Real Chromium: Alice and Bob answer the question of the day; the reveal waits for both."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import Client
from playwright.sync_api import BrowserContext, Page, expect

from turntoward.curiosity import services
from turntoward.curiosity.models import Answer

pytestmark = [
    pytest.mark.browser,
    pytest.mark.browser_context_args(timezone_id="Europe/London", locale="en-GB"),
]

PHONE = {"width": 360, "height": 740}
ALICE_WORDS = "I would love a slow week by the sea with you, no alarms at all"
BOB_WORDS = "A cabin in the hills where we cook every evening together"


def log_in(context: BrowserContext, user, base_url: str) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    context.add_cookies(
        [{"name": django_settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": base_url}]
    )


def shot(page: Page, artifacts: Path, name: str) -> None:
    page.wait_for_load_state("networkidle")
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(artifacts / f"curiosity-{name}.png"), full_page=True)


def has_no_sideways_scroll(page: Page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def test_both_partners_answer_the_question_of_the_day_and_then_see_both_answers(
    page: Page,
    new_context: Callable[..., BrowserContext],
    live_server,
    artifacts: Path,
    alice,
    bob,
    couple,
) -> None:
    base = live_server.url
    question = services.question_of_the_day(alice)

    # Alice, on her phone, finds today's question from the home page and answers it.
    page.set_viewport_size(PHONE)
    log_in(page.context, alice, base)
    page.goto(f"{base}/")
    page.get_by_role("link", name="Answer today's question").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Question of the day")
    expect(page.get_by_role("heading", name=question.text)).to_be_visible()
    assert has_no_sideways_scroll(page)
    shot(page, artifacts, "01-alice-question")
    page.get_by_label("Your answer").fill(ALICE_WORDS)
    page.get_by_role("button", name="Save my answer").click()
    expect(page.get_by_text("Bob hasn't answered yet.")).to_be_visible()
    expect(page.locator(".answer-text")).to_have_text(ALICE_WORDS)
    shot(page, artifacts, "02-alice-waiting")

    # Bob sees that Alice answered, but not what she wrote.
    bob_context = new_context(viewport=PHONE)
    log_in(bob_context, bob, base)
    bob_page = bob_context.new_page()
    bob_page.goto(f"{base}/")
    expect(bob_page.get_by_text("Alice answered today's question")).to_be_visible()
    bob_page.get_by_role("link", name="Answer to see theirs").click()
    expect(bob_page.get_by_role("heading", name="Alice has answered")).to_be_visible()
    expect(bob_page.get_by_text(ALICE_WORDS)).to_have_count(0)
    assert ALICE_WORDS not in bob_page.content()
    shot(bob_page, artifacts, "03-bob-before-answering")

    # Bob answers; both answers appear for him at once.
    bob_page.get_by_label("Your answer").fill(BOB_WORDS)
    bob_page.get_by_role("button", name="Save my answer").click()
    expect(bob_page.get_by_role("heading", name="You have both answered")).to_be_visible()
    expect(bob_page.get_by_role("article", name="Alice's answer")).to_contain_text(ALICE_WORDS)
    expect(bob_page.get_by_role("article", name="My answer")).to_contain_text(BOB_WORDS)
    assert has_no_sideways_scroll(bob_page)
    shot(bob_page, artifacts, "04-bob-revealed")

    # Alice's waiting page picks up Bob's answer by itself (the HTMX poll), without a reload.
    expect(page.get_by_role("heading", name="You have both answered")).to_be_visible(timeout=30_000)
    expect(page.get_by_role("article", name="Bob's answer")).to_contain_text(BOB_WORDS)
    shot(page, artifacts, "05-alice-revealed")

    assert Answer.objects.filter(question=question).count() == 2
