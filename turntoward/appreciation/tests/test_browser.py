"""Real Chromium: Alice appreciates Bob, marks a kindness; Bob sees both and says it landed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import Client
from playwright.sync_api import BrowserContext, Page, expect

from turntoward.appreciation.models import Appreciation, KindnessAct

pytestmark = [
    pytest.mark.browser,
    pytest.mark.browser_context_args(timezone_id="Europe/London", locale="en-GB"),
]

PHONE = {"width": 360, "height": 740}


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
    page.screenshot(path=str(artifacts / f"{name}.png"), full_page=True)


def test_alice_appreciates_bob_and_her_kindness_lands(
    page: Page,
    new_context: Callable[..., BrowserContext],
    live_server,
    artifacts: Path,
    alice,
    bob,
    couple,
) -> None:
    base = live_server.url
    page.set_viewport_size(PHONE)
    log_in(page.context, alice, base)

    page.goto(f"{base}/")
    expect(page.get_by_role("heading", name="Appreciate your partner today")).to_be_visible()
    page.get_by_role("link", name="Write an appreciation").click()
    expect(page.get_by_role("heading", name="Today's prompt")).to_be_visible()
    page.get_by_label("Who they are").check()
    page.get_by_label("Your appreciation").fill("You stay calm when I panic. It steadies me.")
    shot(page, artifacts, "appreciation-01-alice-writes")
    page.get_by_role("button", name="Send appreciation").click()
    expect(page.get_by_text("Sent. Bob can see it now.")).to_be_visible()
    expect(page.get_by_role("heading", name="You've appreciated today")).to_be_visible()
    assert Appreciation.objects.get().recipient == bob

    page.goto(f"{base}/kindness/?category=touch")
    idea = page.locator("#idea-long-hug")
    idea.get_by_text("I did this").click()
    idea.get_by_label("A note (optional)").fill("When he came home tired")
    idea.get_by_role("button", name="Mark as done").click()
    expect(page.locator("#idea-long-hug")).to_contain_text("Noted. Small things add up.")
    shot(page, artifacts, "appreciation-02-alice-kindness")
    assert KindnessAct.objects.get().note == "When he came home tired"

    bob_context = new_context()
    log_in(bob_context, bob, base)
    bob_page = bob_context.new_page()
    bob_page.set_viewport_size(PHONE)
    bob_page.goto(f"{base}/appreciation/")
    expect(bob_page.get_by_role("article", name="An appreciation for you")).to_contain_text(
        "You stay calm when I panic."
    )
    bob_page.goto(f"{base}/kindness/")
    act = bob_page.get_by_role("article", name="A hug that lasts").filter(has_text="Alice did this")
    act.get_by_role("button", name="It landed").click()
    expect(bob_page.get_by_text("You said it landed.")).to_be_visible()
    shot(bob_page, artifacts, "appreciation-03-bob-it-landed")
    assert bob_page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    assert KindnessAct.objects.get().landed_by == bob
