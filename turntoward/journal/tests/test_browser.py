"""Real Chromium: write a journal entry from a prompt with feelings, then find it again."""

from __future__ import annotations

import pytest
from django.conf import settings as django_settings
from django.test import Client
from playwright.sync_api import Page, expect

from turntoward.journal.models import JournalEntry

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


def test_writing_an_entry_with_a_prompt_and_feelings_then_searching_it(
    page: Page, live_server, alice, artifacts
):
    page.set_viewport_size(PHONE)
    log_in(page, alice, live_server.url)

    page.goto(f"{live_server.url}/journal/")
    page.get_by_role("link", name="Write an entry").click()
    page.get_by_label("A prompt to start from (optional)").select_option("felt-far")
    page.get_by_label("Title (optional)").fill("After the school run")
    page.get_by_label("What's on your mind?").fill(
        "We passed each other in the hallway like flatmates. I wanted a hug."
    )
    # Feelings: open a core feeling with the keyboard and tick words with the space bar.
    sadness = page.locator("summary", has_text="Sadness")
    sadness.focus()
    page.keyboard.press("Enter")
    page.locator("#feeling-lonely").focus()
    page.keyboard.press("Space")
    page.locator("summary", has_text="Love and closeness").click()
    page.get_by_text("tender", exact=True).click()
    expect(page.locator("#feeling-lonely")).to_be_checked()
    expect(page.locator("#feeling-tender")).to_be_checked()
    page.screenshot(path=str(artifacts / "journal-new-phone.png"), full_page=True)
    page.get_by_role("button", name="Save my entry").click()

    expect(page.get_by_role("heading", name="After the school run")).to_be_visible()
    expect(page.get_by_text("When did I feel far away from my partner lately?")).to_be_visible()
    expect(page.locator(".jr-tags")).to_contain_text("lonely")
    expect(page.locator(".jr-tags")).to_contain_text("tender")
    page.screenshot(path=str(artifacts / "journal-entry-phone.png"), full_page=True)
    entry = JournalEntry.objects.get(author=alice)
    assert sorted(entry.feeling_slugs) == ["lonely", "tender"]

    page.get_by_role("link", name="My journal").click()
    page.get_by_label("Search my entries").fill("hallway")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_text("1 entry found.")).to_be_visible()
    expect(page.get_by_role("link", name="After the school run")).to_be_visible()

    page.get_by_label("Search my entries").fill("")
    page.get_by_text("Filter by feeling or dates").click()
    page.get_by_label("Feeling").select_option("joy")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_text("Nothing matched")).to_be_visible()
    page.get_by_label("Feeling").select_option("sadness")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("link", name="After the school run")).to_be_visible()
    page.screenshot(path=str(artifacts / "journal-search-phone.png"), full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], "the page scrolls sideways on a phone"
