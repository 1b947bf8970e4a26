"""Real Chromium at phone width: my signal, then filtering the counsellors by keyboard."""

from __future__ import annotations

import pytest
from django.conf import settings as django_settings
from django.test import Client
from playwright.sync_api import Page, expect

from turntoward.findhelp.services import load_demo_counsellors

from .conftest import assessment, weekly_actions

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


def test_from_the_home_card_to_a_counsellor_in_my_city_at_phone_width(
    page: Page, live_server, alice, bob, couple, artifacts
):
    load_demo_counsellors()
    weekly_actions(alice, bob, couple, [(6, 2), (6, 2), (6, 2)])
    assessment(alice, "csi-4", 11, days_ago=20)
    assessment(alice, "csi-4", 10, days_ago=1)
    page.set_viewport_size(PHONE)
    log_in(page, alice, live_server.url)

    page.goto(f"{live_server.url}/")
    card = page.locator(".home-cards .card", has_text="Relationship satisfaction has been low")
    expect(card).to_be_visible()
    page.screenshot(path=str(artifacts / "findhelp-home-card-phone.png"), full_page=True)
    card.get_by_role("link", name="See why").click()

    expect(page.get_by_role("heading", name="Find help", level=1)).to_be_visible()
    expect(page.locator('[data-signal="csi_low_twice"]')).to_contain_text("scored 10 and 11")
    expect(page.locator('[data-signal="csi_low_twice"]')).to_contain_text("Only you see this")
    expect(page.locator('[data-signal="one_sided_effort"]')).to_contain_text("not anyone's fault")
    expect(page.locator(".fh-list > li")).to_have_count(4)
    page.screenshot(path=str(artifacts / "findhelp-help-phone.png"), full_page=True)

    # Filter by keyboard only: choose a city and a mode, then submit.
    page.get_by_label("City").focus()
    page.get_by_label("City").select_option("London")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.get_by_label("Online or in person").select_option("in_person")
    page.get_by_role("button", name="Show counsellors").focus()
    page.keyboard.press("Enter")

    expect(page).to_have_url(f"{live_server.url}/help/?city=London&language=&mode=in_person")
    expect(page.locator(".fh-list > li")).to_have_count(2)
    expect(page.get_by_text("Ada Okafor (fictional)")).to_be_visible()
    expect(page.get_by_text("Meera Iyer (fictional)")).to_have_count(0)
    page.locator('[data-counsellor="demo-ada-okafor"]').scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "findhelp-filtered-phone.png"), full_page=True)
    # Nothing is wider than the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_bob_sees_the_shared_pattern_but_none_of_alices_private_signal(
    page: Page, live_server, alice, bob, couple, artifacts
):
    weekly_actions(alice, bob, couple, [(6, 2), (6, 2), (6, 2)])
    assessment(alice, "phq-9", 15)
    page.set_viewport_size(PHONE)
    log_in(page, bob, live_server.url)

    page.goto(f"{live_server.url}/help/")
    expect(page.locator('[data-signal="one_sided_effort"]')).to_be_visible()
    expect(page.locator('[data-signal="wellbeing_low"]')).to_have_count(0)
    expect(page.get_by_text("PHQ-9")).to_have_count(0)
    page.screenshot(path=str(artifacts / "findhelp-help-bob-phone.png"), full_page=True)
