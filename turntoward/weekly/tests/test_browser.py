"""Real Chromium: both partners fill in the weekly check-in; the summary shows only after both."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import Client
from playwright.sync_api import BrowserContext, Page, expect

from turntoward.weekly.models import WeeklyCheckIn

pytestmark = [
    pytest.mark.browser,
    pytest.mark.browser_context_args(timezone_id="Europe/London", locale="en-GB"),
]

PHONE = {"width": 360, "height": 740}
ALICE_THANKS = "You fixed the bike without being asked"
BOB_THANKS = "You listened to me after the long shift"


def log_in(context: BrowserContext, user, base_url: str) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    context.add_cookies(
        [{"name": django_settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": base_url}]
    )


def shot(page: Page, artifacts: Path, name: str) -> None:
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(artifacts / f"{name}.png"), full_page=True)


def fill_agenda(page: Page, thanks: str, went_well: str, concern: str) -> None:
    page.get_by_label("What I appreciated about you this week").fill(thanks)
    page.get_by_label("What went well for us").fill(went_well)
    page.get_by_label("One concern (optional)").fill(concern)
    page.get_by_label("Our goals, revisited (optional)").fill("Saving a little each week")
    page.get_by_label("Quality time we could plan for next week (optional)").fill("Saturday walk")


def test_both_partners_fill_in_the_weekly_checkin_and_see_the_summary_only_after_both(
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

    # Alice finds the guided agenda, with guidance at each step and the I-statement hint.
    page.goto(f"{base}/weekly/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Weekly check-in")
    expect(page.get_by_role("heading", name="Appreciations for the week")).to_be_visible()
    expect(page.get_by_text("Try: “I feel … when … and I need …”")).to_be_visible()
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    shot(page, artifacts, "weekly-01-alice-agenda-phone")

    # Saving without an appreciation keeps what she typed and points at the field.
    page.get_by_label("What went well for us").fill("Cooking together on Wednesday")
    page.get_by_role("button", name="Save my check-in").click()
    expect(page.get_by_text("Please write at least one appreciation.")).to_be_visible()
    expect(page.get_by_label("What went well for us")).to_have_value(
        "Cooking together on Wednesday"
    )
    assert not WeeklyCheckIn.objects.exists()

    fill_agenda(
        page,
        ALICE_THANKS,
        "Cooking together on Wednesday",
        "I feel lonely when we scroll in bed and I need us to talk first",
    )
    page.get_by_role("button", name="Save my check-in").click()
    expect(page.get_by_text("Bob hasn't filled in this week's check-in yet")).to_be_visible()
    expect(page.get_by_text(ALICE_THANKS)).to_be_visible()
    shot(page, artifacts, "weekly-02-alice-waiting-for-bob")

    # Bob sees that Alice has filled hers in, but not what she wrote.
    bob_context = new_context()
    log_in(bob_context, bob, base)
    bob_page = bob_context.new_page()
    bob_page.set_viewport_size(PHONE)
    bob_page.goto(f"{base}/")
    expect(bob_page.get_by_text("Your partner has filled in this week's check-in")).to_be_visible()
    bob_page.get_by_role("link", name="Fill in mine").click()
    expect(bob_page).to_have_url(f"{base}/weekly/")
    assert ALICE_THANKS not in bob_page.content()

    fill_agenda(
        bob_page, BOB_THANKS, "The quiet Sunday morning", "I feel stretched when plans change"
    )
    bob_page.get_by_role("button", name="Save my check-in").click()

    # Now both see the summary side by side.
    expect(bob_page.get_by_text("You have both filled in this week's check-in")).to_be_visible()
    expect(bob_page.get_by_text(ALICE_THANKS)).to_be_visible()
    expect(bob_page.get_by_text(BOB_THANKS)).to_be_visible()
    assert bob_page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    shot(bob_page, artifacts, "weekly-03-bob-summary-phone")

    page.reload()
    expect(page.get_by_text("You have both filled in this week's check-in")).to_be_visible()
    expect(page.get_by_label("Bob's answers").get_by_text(BOB_THANKS)).to_be_visible()
    page.set_viewport_size({"width": 1280, "height": 800})
    shot(page, artifacts, "weekly-04-alice-summary-desktop")
    assert WeeklyCheckIn.objects.count() == 2
