"""Real Chromium at 360 px: take the connection check twice; the second result shows the first."""

from __future__ import annotations

import pytest
from django.conf import settings as django_settings
from django.test import Client
from playwright.sync_api import Page, expect

from turntoward.assessments.models import AssessmentResponse

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


def answer_all(page: Page, label: str) -> None:
    for group in page.locator("fieldset.as-item").all():
        group.get_by_label(label, exact=True).check()


def test_taking_the_connection_check_twice_on_a_phone(page: Page, live_server, alice, artifacts):
    page.set_viewport_size(PHONE)
    log_in(page, alice, live_server.url)

    page.goto(f"{live_server.url}/assessments/")
    page.screenshot(path=str(artifacts / "assessments-list-phone.png"), full_page=True)
    page.get_by_role("link", name="Connection check", exact=True).click()
    expect(page.get_by_role("heading", name="Connection check")).to_be_visible()

    # Leave one question out: the page keeps my answers and points at the missing one.
    groups = page.locator("fieldset.as-item")
    expect(groups).to_have_count(18)
    for index in range(17):
        groups.nth(index).get_by_label("Often", exact=True).check()
    page.get_by_role("button", name="See my results").click()
    expect(page.locator("#id_item-18_error")).to_be_visible()
    expect(groups.nth(0).get_by_label("Often", exact=True)).to_be_checked()
    page.screenshot(path=str(artifacts / "assessments-error-phone.png"), full_page=True)

    # Keyboard: focus the last group's first option, move with the arrows, choose with Space.
    groups.nth(17).get_by_label("Never", exact=True).focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(groups.nth(17).get_by_label("Sometimes", exact=True)).to_be_checked()
    page.screenshot(path=str(artifacts / "assessments-take-phone.png"), full_page=True)
    page.get_by_role("button", name="See my results").click()

    # 15 x Often (3) + 2 warm items at Often (1 each) + Sometimes on the last (2) = 49
    first = AssessmentResponse.objects.get(user=alice)
    assert first.score == 49
    expect(page.locator("#as-score")).to_contain_text(str(first.score))
    expect(page.locator("#as-band")).to_have_text("Many signs of distance")
    expect(page.get_by_text("Feeling lonely together")).to_be_visible()
    expect(page.get_by_text("This is your first result.")).to_be_visible()
    page.screenshot(path=str(artifacts / "assessments-result-phone.png"), full_page=True)

    # A second take, some weeks on: the earlier result stands beside the new one.
    page.goto(f"{live_server.url}/assessments/connection-check/")
    answer_all(page, "Rarely")
    page.get_by_role("button", name="See my results").click()
    expect(page.locator("#as-earlier")).to_contain_text("This time")
    expect(page.locator("#as-earlier .as-compare")).to_contain_text(str(first.score))
    expect(page.locator("#as-band")).to_have_text("Some signs of distance")
    page.screenshot(path=str(artifacts / "assessments-second-phone.png"), full_page=True)
    assert AssessmentResponse.objects.filter(user=alice).count() == 2

    # Nothing sticks out sideways at 360 px.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360


def test_phq9_item_nine_shows_the_private_help_panel_at_once(
    page: Page, live_server, alice, bob, couple, artifacts
):
    page.set_viewport_size(PHONE)
    log_in(page, alice, live_server.url)
    page.goto(f"{live_server.url}/assessments/phq-9/")
    groups = page.locator("fieldset.as-item")
    for index in range(8):
        groups.nth(index).get_by_label("Several days", exact=True).check()
    groups.nth(8).get_by_label("Several days", exact=True).check()
    page.get_by_role("button", name="See my results").click()
    expect(page.locator("section.risk-panel")).to_be_visible()
    expect(page.locator("#as-score")).to_contain_text("9")
    page.screenshot(path=str(artifacts / "assessments-crisis-phone.png"), full_page=True)

    # Share a summary; Bob's page shows the score and meaning, nothing else.
    page.get_by_role("button", name="Share a summary with my partner").click()
    expect(page.get_by_role("button", name="Stop sharing")).to_be_visible()
    page.context.clear_cookies()
    log_in(page, bob, live_server.url)
    page.goto(f"{live_server.url}/assessments/shared/")
    expect(page.locator("table")).to_contain_text("PHQ-9")
    expect(page.locator("section.risk-panel")).to_have_count(0)
    page.screenshot(path=str(artifacts / "assessments-shared-phone.png"), full_page=True)
