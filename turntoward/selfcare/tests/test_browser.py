"""Real Chromium: add a self-care activity, log it, and look at the week."""

from __future__ import annotations

import pytest
from django.conf import settings as django_settings
from django.test import Client
from playwright.sync_api import Page, expect

from turntoward.selfcare.models import SelfCareItem, SelfCareLog

pytestmark = [
    pytest.mark.browser,
    pytest.mark.browser_context_args(timezone_id="Europe/London", locale="en-GB"),
]

PHONE = {"width": 360, "height": 740}


def log_in(page: Page, user, base_url: str) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": django_settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": base_url}]
    )


def test_adding_a_self_care_item_and_logging_it(page: Page, live_server, alice, artifacts):
    page.set_viewport_size(PHONE)
    log_in(page, alice, live_server.url)

    page.goto(f"{live_server.url}/self-care/")
    page.get_by_label("What will you do for yourself?").fill("Walk to the river")
    page.get_by_label("Every day").check()
    page.get_by_role("button", name="Add to my plan").click()

    expect(page.get_by_text("Added to your plan.")).to_be_visible()
    expect(page.get_by_role("heading", name="Walk to the river")).to_be_visible()
    item = SelfCareItem.objects.get(author=alice)
    assert item.times == 7

    page.goto(f"{live_server.url}/")
    expect(page.get_by_text("A little time for you")).to_be_visible()
    page.get_by_role("link", name="Open my self-care plan").click()

    page.get_by_role("button", name="I did this today").click()  # HTMX swaps the item
    expect(page.get_by_text("Done today")).to_be_visible()
    assert SelfCareLog.objects.filter(item=item, day=alice.local_today()).exists()
    page.screenshot(path=str(artifacts / "selfcare-plan-phone.png"), full_page=True)

    page.get_by_role("link", name="Log with a note").click()
    page.get_by_role("group", name="How did it feel? (optional)").locator("label").nth(4).click()
    page.get_by_label("A note (optional)").fill("The herons were out")
    page.get_by_role("button", name="Log it").click()
    expect(page.get_by_text("The herons were out")).to_be_visible()
    assert SelfCareLog.objects.get(item=item).feeling == 5
    page.screenshot(path=str(artifacts / "selfcare-log-phone.png"), full_page=True)

    page.get_by_role("link", name="This week").click()
    expect(page.get_by_role("heading", name="What went well")).to_be_visible()
    expect(page.get_by_text("1 of 7")).to_be_visible()
    page.screenshot(path=str(artifacts / "selfcare-week-phone.png"), full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], "the page scrolls sideways on a phone"
