"""Real Chromium: Alice plans an activity, downloads it for her calendar, marks it done,
and both partners reflect and see each other's reflection."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import icalendar
import pytest
from django.conf import settings as django_settings
from django.test import Client
from playwright.sync_api import Browser, BrowserContext, Page, expect

from turntoward.activities.models import ActivityPlan

pytestmark = [
    pytest.mark.browser,
    pytest.mark.browser_context_args(timezone_id="Europe/London", locale="en-GB"),
]

PHONE = {"width": 360, "height": 740}
FEELING = "How did it feel for you?"


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
    page.screenshot(path=str(artifacts / f"activities-{name}.png"), full_page=True)


def no_sideways_scroll(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], width


def reflect(page: Page, feeling: int, note: str) -> None:
    group = page.get_by_role("group", name=FEELING)
    group.locator("label").nth(feeling - 1).locator("span").click()
    expect(group.get_by_role("radio").nth(feeling - 1)).to_be_checked()
    page.get_by_label("A few words (optional)").fill(note)
    page.get_by_role("button", name="Save my reflection").click()


def test_alice_plans_downloads_marks_done_and_both_reflect(
    browser: Browser, live_server, alice, bob, couple, artifacts, tmp_path
):
    base = live_server.url
    alice_ctx = browser.new_context(
        viewport=PHONE, timezone_id="Europe/London", locale="en-GB", accept_downloads=True
    )
    bob_ctx = browser.new_context(viewport=PHONE, timezone_id="Europe/London", locale="en-GB")
    log_in(alice_ctx, alice, base)
    log_in(bob_ctx, bob, base)
    page = alice_ctx.new_page()

    # Alice finds an idea they haven't done yet and plans it for tomorrow evening.
    page.goto(f"{base}/activities/?suggested=on&place=outdoors")
    expect(page.get_by_role("heading", name="Novelty and quality time")).to_be_visible()
    shot(page, artifacts, "ideas-phone")
    no_sideways_scroll(page)
    card = page.locator("#idea-cloud-watching")
    card.get_by_role("link", name="Plan").click()
    tomorrow = alice.local_today() + timedelta(days=1)
    page.get_by_label("Date").fill(tomorrow.isoformat())
    page.get_by_label("Time").fill("18:30")
    page.get_by_label("A note for the two of you (optional)").fill("Bring the tartan blanket")
    shot(page, artifacts, "plan-form-phone")
    page.get_by_role("button", name="Plan it").click()

    expect(page.get_by_role("heading", name="Cloud watching")).to_be_visible()
    expect(page.get_by_text("Bring the tartan blanket")).to_be_visible()
    plan = ActivityPlan.objects.get()
    local_start = plan.starts_at.astimezone(alice.tz)
    assert (local_start.date(), local_start.hour, local_start.minute) == (tomorrow, 18, 30)
    shot(page, artifacts, "plan-detail-phone")
    no_sideways_scroll(page)

    # The .ics download is a valid calendar in Alice's zone, with the title only.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Add to calendar (.ics)").click()
    path = tmp_path / "plan.ics"
    download_info.value.save_as(path)
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    event = next(iter(cal.walk("VEVENT")))
    assert str(event["SUMMARY"]) == "Cloud watching"
    assert event["DTSTART"].params["TZID"] == "Europe/London"
    start = event.decoded("DTSTART")
    assert (start.date(), start.hour, start.minute) == (tomorrow, 18, 30)
    assert "tartan" not in path.read_text()

    # They did it; Alice marks it done and says how it felt.
    page.get_by_role("button", name="We did it").click()
    expect(page.get_by_text("Now each of you can say how it felt.")).to_be_visible()
    reflect(page, 5, "We found a dragon in the clouds")
    expect(page.get_by_text("Thank you for sharing how it felt.")).to_be_visible()

    # Bob sees it waiting on his home page and reflects too.
    bob_page = bob_ctx.new_page()
    bob_page.goto(f"{base}/")
    expect(bob_page.get_by_text("How did Cloud watching feel?")).to_be_visible()
    bob_page.get_by_role("link", name="Reflect on it").click()
    expect(bob_page.get_by_text("We found a dragon in the clouds")).to_be_visible()
    reflect(bob_page, 4, "Peaceful, I want to do it again")
    bob_mine = bob_page.get_by_role("article", name="My reflection")
    bob_theirs = bob_page.get_by_role("article", name="Alice's reflection")
    expect(bob_mine).to_contain_text("Felt 4/5")
    expect(bob_mine).to_contain_text("Peaceful, I want to do it again")
    expect(bob_theirs).to_contain_text("Felt 5/5")
    expect(bob_theirs).to_contain_text("We found a dragon in the clouds")
    shot(bob_page, artifacts, "reflections-bob-phone")
    no_sideways_scroll(bob_page)

    # Alice sees both too.
    page.reload()
    expect(page.get_by_role("article", name="My reflection")).to_contain_text("Felt 5/5")
    expect(page.get_by_role("article", name="Bob's reflection")).to_contain_text(
        "Peaceful, I want to do it again"
    )
    page.goto(f"{base}/activities/plans/")
    expect(page.get_by_text("Bob: 4/5")).to_be_visible()
    shot(page, artifacts, "plans-alice-phone")

    alice_ctx.close()
    bob_ctx.close()
