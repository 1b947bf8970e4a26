"""Real Chromium at 360 px: a person at risk writes, sees the calm panel, leaves at once;
takes the private screen; her partner's walk shows nothing; discreet mode in the tab."""

from __future__ import annotations

import pytest
from django.conf import settings as django_settings
from django.test import Client
from playwright.sync_api import Page, expect

from .conftest import PANEL_TITLE, RISKY, TRACES

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


def no_sideways_scroll(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], "the page scrolls sideways on a phone"


@pytest.fixture
def exit_url(settings, live_server) -> str:
    url = f"{live_server.url}/static/safety/notes.svg"
    settings.QUICK_EXIT_URL = url
    return url


def test_a_person_at_risk_writes_sees_the_calm_panel_and_leaves_at_once(
    page: Page, live_server, alice, bob, couple, artifacts, exit_url
):
    page.set_viewport_size(PHONE)
    log_in(page, alice, live_server.url)

    page.goto(f"{live_server.url}/journal/new/")
    page.get_by_label("What's on your mind?").fill(RISKY["self_harm"])
    page.get_by_role("button", name="Save my entry").click()
    panel = page.locator("#risk-panel")
    expect(panel).to_be_visible()
    expect(panel).to_contain_text(PANEL_TITLE)
    expect(panel).to_contain_text("Samaritans")
    expect(panel).to_be_focused()
    no_sideways_scroll(page)
    page.screenshot(path=str(artifacts / "safety-panel-journal-phone.png"), full_page=True)

    # The daily check-in is sent by HTMX: the panel comes in the swapped part, focused.
    page.goto(f"{live_server.url}/checkin/")
    page.get_by_label("One good thing about today").fill("Tea in the garden")
    page.get_by_label("One hard thing about today").fill(RISKY["partner_violence"])
    page.locator("label[for=id_mood_2], input[name=mood][value='2']").first.check()
    page.locator("input[name=connection][value='2']").check()
    page.get_by_role("button", name="Save my check-in").click()
    expect(page.locator("#risk-panel")).to_be_visible()
    expect(page.locator("#risk-panel")).to_contain_text("confidential advocate")
    expect(page.locator("#risk-panel")).to_be_focused()
    no_sideways_scroll(page)
    page.screenshot(path=str(artifacts / "safety-panel-checkin-phone.png"), full_page=True)

    page.locator("#risk-panel").get_by_role("link", name="Quick exit").click()
    expect(page).to_have_url(exit_url)


def test_the_private_screen_pauses_couple_features_and_she_turns_them_back_on(
    page: Page, live_server, alice, bob, couple, artifacts
):
    page.set_viewport_size(PHONE)
    log_in(page, alice, live_server.url)
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Answer privately").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("A private check on safety")
    page.screenshot(path=str(artifacts / "safety-screen-phone.png"), full_page=True)
    for fieldset in page.locator("fieldset.screen-q").all():
        fieldset.get_by_label("No").check()
    page.locator("fieldset.screen-q").first.get_by_label("Yes").check()
    page.get_by_role("button", name="Save my answers").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Support for you")
    expect(page.get_by_text("National Domestic Abuse Helpline")).to_be_visible()
    no_sideways_scroll(page)
    page.screenshot(path=str(artifacts / "safety-support-phone.png"), full_page=True)

    page.goto(f"{live_server.url}/")
    expect(page.get_by_role("heading", name="Support for you")).to_be_visible()
    page.goto(f"{live_server.url}/bids/")
    note = page.locator(".paused-note")
    expect(note).to_be_visible()
    page.screenshot(path=str(artifacts / "safety-paused-bids-phone.png"), full_page=True)
    note.get_by_role("link", name="Turn couple features back on").click()
    page.get_by_role("button", name="Turn couple features back on").click()
    expect(page.get_by_text("Couple practices are back on for you.")).to_be_visible()
    page.goto(f"{live_server.url}/bids/")
    expect(page.locator(".paused-note")).to_have_count(0)


def test_her_partners_walk_shows_nothing(page: Page, live_server, alice, bob, couple, artifacts):
    from turntoward.journal import services as journal
    from turntoward.safety import services

    journal.write_entry(alice, body=RISKY["fear_of_partner"])
    services.take_screen(alice, {q["slug"]: "yes" for q in services.questions()})
    page.set_viewport_size(PHONE)
    log_in(page, bob, live_server.url)
    for path in ("/", "/practices/", "/checkin/", "/history/", "/couple/", "/bids/", "/weekly/"):
        page.goto(f"{live_server.url}{path}")
        text = page.content()
        for trace in TRACES:
            assert trace not in text, (path, trace)
        assert "mk-" not in text
    page.goto(f"{live_server.url}/")
    page.screenshot(path=str(artifacts / "safety-partner-home-phone.png"), full_page=True)


def test_discreet_mode_changes_the_tab_title_and_icon(page: Page, live_server, alice, artifacts):
    page.set_viewport_size(PHONE)
    log_in(page, alice, live_server.url)
    page.goto(f"{live_server.url}/me/")
    expect(page).to_have_title("Account · Turn Toward")
    page.get_by_label("Discreet mode").check()
    page.get_by_role("button", name="Save").first.click()
    expect(page).to_have_title("Notes")
    icon = page.locator("link[rel=icon]").get_attribute("href")
    assert icon.endswith("safety/notes.svg")
    page.goto(f"{live_server.url}/journal/")
    expect(page).to_have_title("Notes")
    page.screenshot(path=str(artifacts / "safety-discreet-phone.png"), full_page=True)


def test_check_my_wording_gives_live_feedback_on_the_weekly_concern(
    page: Page, live_server, alice, bob, couple, artifacts
):
    page.set_viewport_size(PHONE)
    log_in(page, alice, live_server.url)
    page.goto(f"{live_server.url}/weekly/")
    helper = page.locator("details.wording-helper")
    helper.locator("summary").click()
    page.locator("#id_concern").fill("You never listen to me, you are so selfish")
    feedback = helper.locator(".coach-feedback")
    expect(feedback).to_contain_text("likely to hurt", timeout=5000)
    helper.get_by_role("button", name="Use this").click()
    expect(page.locator("#id_concern")).to_have_value(
        page.locator("#coach-suggestion-text").inner_text().strip()
    )
    no_sideways_scroll(page)
    page.screenshot(path=str(artifacts / "safety-wording-weekly-phone.png"), full_page=True)
