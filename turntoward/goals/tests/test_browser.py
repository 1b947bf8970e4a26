"""Real Chromium: Alice sets a shared goal, Bob adds the last step, the celebration shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import Client
from playwright.sync_api import Browser, BrowserContext, Page, expect

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
    page.screenshot(path=str(artifacts / f"goals-{name}.png"), full_page=True)


def test_a_goal_set_together_is_reached_and_celebrated(
    browser: Browser, live_server, alice, bob, couple, artifacts
):
    base = live_server.url
    alice_ctx = browser.new_context(viewport=PHONE)
    bob_ctx = browser.new_context(viewport=PHONE)
    log_in(alice_ctx, alice, base)
    log_in(bob_ctx, bob, base)

    page = alice_ctx.new_page()
    page.goto(f"{base}/goals/")
    page.get_by_label("Our goal").fill("A phone-free dinner three times a week")
    page.get_by_label("Why it matters to us (optional)").fill("We talk more without screens")
    page.get_by_role("button", name="Set this goal").click()
    expect(
        page.get_by_role("heading", name="A phone-free dinner three times a week")
    ).to_be_visible()
    page.get_by_label("How far along are you?").fill("40")
    page.get_by_label("A note on this step").fill("Two dinners this week")
    page.get_by_role("button", name="Save this step").click()
    expect(page.get_by_text("40% along")).to_be_visible()
    shot(page, artifacts, "goal-phone")
    goal_url = page.url

    bob_page = bob_ctx.new_page()
    bob_page.goto(goal_url)
    expect(bob_page.get_by_text("Two dinners this week")).to_be_visible()
    bob_page.get_by_label("How far along are you?").fill("100")
    bob_page.get_by_label("A note on this step").fill("Three this week!")
    bob_page.get_by_role("button", name="Save this step").click()
    expect(bob_page.get_by_role("heading", name="You reached it")).to_be_visible()
    expect(bob_page.get_by_text("something you did together")).to_be_visible()
    shot(bob_page, artifacts, "celebration-phone")
    width = bob_page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]

    page.goto(f"{base}/goals/")
    expect(page.get_by_role("heading", name="Reached")).to_be_visible()

    alice_ctx.close()
    bob_ctx.close()
