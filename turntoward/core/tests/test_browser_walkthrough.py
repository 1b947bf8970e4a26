"""Real Chromium walks through Turn Toward as two people would, on a desktop and a phone."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import Client
from playwright.sync_api import BrowserContext, Page, expect

from turntoward import privacy
from turntoward.accounts.models import User
from turntoward.checkins.models import CheckIn, CheckInReply
from turntoward.testing import PASSWORD

pytestmark = [
    pytest.mark.browser,
    # Both people live in London, so "today" is the same day for each of them.
    pytest.mark.browser_context_args(timezone_id="Europe/London", locale="en-GB"),
]

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}

ALICE_GOOD = "We laughed at the burnt toast together"
ALICE_HARD = "The budget talk left me tense"
BOB_GOOD = "Alice left me a note on the fridge"
BOB_HARD = "Work ran late and I missed dinner"
ALICE_REPLY = "I loved writing that note for you"

MOOD = "How is your mood today?"
CONNECTION = "How connected did you feel to your partner today?"


# --- helpers ---------------------------------------------------------------


def shot(page: Page, artifacts: Path, name: str, *, full_page: bool = True) -> Path:
    """Save a screenshot of the page as it is now."""
    path = artifacts / f"{name}.png"
    # The quick-exit button is fixed to the viewport; from the top it sits where people see it.
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(path), full_page=full_page)
    return path


def settle_and_shot(page: Page, artifacts: Path, name: str) -> Path:
    """Screenshot once the page has finished talking to the server, before asserting on it."""
    page.wait_for_load_state("networkidle")
    return shot(page, artifacts, name)


def log_in(context: BrowserContext, user: User, base_url: str) -> None:
    """Give the browser a logged-in session without walking through the login form."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    context.add_cookies(
        [{"name": django_settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": base_url}]
    )


def choose(page: Page, legend: str, number: int) -> None:
    """Tap the visible box of a 1-5 scale, as a person would (the radio itself is hidden)."""
    group = page.get_by_role("group", name=legend)
    group.locator("label").nth(number - 1).locator("span").click()
    expect(group.get_by_role("radio").nth(number - 1)).to_be_checked()


def fill_checkin(page: Page, *, mood: int, connection: int, good: str, hard: str) -> None:
    choose(page, MOOD, mood)
    choose(page, CONNECTION, connection)
    page.get_by_label("One good thing about today").fill(good)
    page.get_by_label("One hard thing about today").fill(hard)


def sign_up(page: Page, *, email: str, name: str) -> None:
    """Fill allauth's sign-up form; time zone and country are guessed by the page."""
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Your first name").fill(name)
    page.get_by_role("button", name="Sign Up").click()


def has_no_sideways_scroll(page: Page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


# --- the walkthrough -------------------------------------------------------


def test_two_partners_sign_up_join_check_in_see_each_other_and_reply(
    page: Page,
    new_context: Callable[..., BrowserContext],
    live_server,
    artifacts: Path,
) -> None:
    base = live_server.url
    page.set_viewport_size(DESKTOP)

    # Alice signs up on her own.
    page.goto(f"{base}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Small daily ways back to each other")
    shot(page, artifacts, "walkthrough-01-landing")
    page.get_by_role("link", name="Create an account").click()
    expect(page).to_have_url(f"{base}/accounts/signup/")
    # The page guessed her time zone and country from the browser.
    expect(page.get_by_label("Time zone")).to_have_value("Europe/London")
    expect(page.get_by_label("Country")).to_have_value("GB")
    page.get_by_label("Email").fill("alice@example.test")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Your first name").fill("Alice")
    shot(page, artifacts, "walkthrough-02-alice-signup")
    page.get_by_role("button", name="Sign Up").click()

    expect(page).to_have_url(f"{base}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hello, Alice")
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    expect(page.get_by_text("Practising on your own")).to_be_visible()
    shot(page, artifacts, "walkthrough-03-alice-home-alone")
    alice = User.objects.get(email="alice@example.test")
    assert alice.time_zone == "Europe/London"
    assert str(alice.country) == "GB"

    # She invites Bob.
    page.get_by_role("link", name="Couple").click()
    expect(page).to_have_url(f"{base}/couple/")
    page.get_by_role("button", name="Create an invitation").click()
    expect(page.get_by_text("Your invitation is ready.")).to_be_visible()
    code = page.locator(".invitation .code").inner_text().strip()
    assert re.fullmatch(r"[A-Z2-9]{8}", code)
    link = page.get_by_label("Link to share").input_value()
    assert link == f"{base}/couple/join/{code}/"
    shot(page, artifacts, "walkthrough-04-alice-invitation")

    # Bob opens the link in his own browser, signs up through it and joins.
    bob_context = new_context()
    bob_page = bob_context.new_page()
    bob_page.set_viewport_size(DESKTOP)
    bob_page.goto(link)
    expect(bob_page.get_by_role("heading", level=1)).to_have_text("You're invited to Turn Toward")
    shot(bob_page, artifacts, "walkthrough-05-bob-invited")
    bob_page.get_by_role("link", name="Create an account").click()
    expect(bob_page).to_have_url(re.compile(r"/accounts/signup/\?next="))
    sign_up(bob_page, email="bob@example.test", name="Bob")

    expect(bob_page).to_have_url(link)
    expect(bob_page.get_by_role("heading", level=2)).to_have_text(
        "Alice invited you to practise together"
    )
    shot(bob_page, artifacts, "walkthrough-06-bob-join")
    bob_page.get_by_role("button", name="Join Alice").click()
    expect(bob_page).to_have_url(f"{base}/")
    expect(bob_page.get_by_text("You and Alice are now practising together.")).to_be_visible()
    expect(bob_page.get_by_role("heading", level=1)).to_have_text("Hello, Bob")
    bob = User.objects.get(email="bob@example.test")
    assert privacy.partner_of(bob) == alice
    shot(bob_page, artifacts, "walkthrough-07-bob-joined")

    # Alice checks in first; Bob's side of the day stays hidden from her.
    page.goto(f"{base}/checkin/")
    expect(page.get_by_role("heading", name="Today's check-in")).to_be_visible()
    expect(
        page.get_by_text("Bob sees your answers once they have checked in today")
    ).to_be_visible()
    fill_checkin(page, mood=4, connection=3, good=ALICE_GOOD, hard=ALICE_HARD)
    shot(page, artifacts, "walkthrough-08-alice-checkin-form")
    page.get_by_role("button", name="Save my check-in").click()
    settle_and_shot(page, artifacts, "walkthrough-09-alice-waiting-for-bob")
    expect(page.get_by_role("heading", name="Thank you for checking in")).to_be_visible()
    expect(page.get_by_text("Bob hasn't checked in yet today.")).to_be_visible()
    mine = page.get_by_role("article", name="My check-in")
    expect(mine).to_contain_text(ALICE_GOOD)
    expect(mine).to_contain_text("Mood 4/5")
    expect(page.locator(".pair .entry.empty")).to_contain_text("No check-in this day.")
    assert CheckIn.objects.filter(author=alice).count() == 1

    # Bob learns that Alice checked in, but not what she wrote.
    bob_page.goto(f"{base}/")
    expect(bob_page.get_by_role("heading", name="Alice has checked in today")).to_be_visible()
    assert ALICE_GOOD not in bob_page.content()
    assert ALICE_HARD not in bob_page.content()
    shot(bob_page, artifacts, "walkthrough-10-bob-home-alice-checked-in")
    bob_page.goto(f"{base}/history/")
    expect(bob_page.get_by_text("Alice checked in. Their answers show once")).to_be_visible()
    assert ALICE_GOOD not in bob_page.content()

    # Bob checks in and now sees Alice's answers beside his.
    bob_page.goto(f"{base}/checkin/")
    fill_checkin(bob_page, mood=3, connection=4, good=BOB_GOOD, hard=BOB_HARD)
    bob_page.get_by_role("button", name="Save my check-in").click()
    settle_and_shot(bob_page, artifacts, "walkthrough-11-bob-sees-alice")
    expect(bob_page.get_by_role("heading", name="You both checked in today")).to_be_visible()
    alices = bob_page.get_by_role("article", name="Alice's check-in")
    expect(alices).to_contain_text(ALICE_GOOD)
    expect(alices).to_contain_text(ALICE_HARD)
    expect(bob_page.get_by_role("article", name="My check-in")).to_contain_text(BOB_GOOD)

    # Alice reloads and sees Bob's answers.
    page.reload()
    expect(page.get_by_role("heading", name="You both checked in today")).to_be_visible()
    bobs = page.get_by_role("article", name="Bob's check-in")
    expect(bobs).to_contain_text(BOB_GOOD)
    expect(bobs).to_contain_text(BOB_HARD)
    shot(page, artifacts, "walkthrough-12-alice-sees-bob")

    # Alice replies to Bob's day; Bob sees the reply on his home page.
    page.get_by_label("Reply to Bob").fill(ALICE_REPLY)
    page.get_by_role("button", name="Send reply").click()
    expect(page.locator(".reply")).to_contain_text(ALICE_REPLY)
    # The sent reply shows; changing it sits behind a disclosure.
    expect(page.locator("summary", has_text="Change my reply")).to_be_visible()
    shot(page, artifacts, "walkthrough-13-alice-replied")
    assert CheckInReply.objects.get(author=alice).text == ALICE_REPLY

    bob_page.goto(f"{base}/")
    bobs_own = bob_page.get_by_role("article", name="My check-in")
    expect(bobs_own).to_contain_text("Alice replied")
    expect(bobs_own).to_contain_text(ALICE_REPLY)
    shot(bob_page, artifacts, "walkthrough-14-bob-sees-reply")

    # The same pages on a phone: nothing spills off the side.
    phone = bob_context.new_page()
    phone.set_viewport_size(PHONE)
    phone.goto(f"{base}/")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Hello, Bob")
    assert has_no_sideways_scroll(phone)
    shot(phone, artifacts, "phone-home", full_page=False)
    shot(phone, artifacts, "phone-home-full")
    phone.goto(f"{base}/checkin/?edit=1")
    expect(phone.get_by_role("heading", name="Change today's check-in")).to_be_visible()
    expect(phone.get_by_label("One good thing about today")).to_have_value(BOB_GOOD)
    assert has_no_sideways_scroll(phone)
    shot(phone, artifacts, "phone-checkin", full_page=False)
    shot(phone, artifacts, "phone-checkin-full")


# --- quick exit --------------------------------------------------------------

PAGES = [
    ("landing", "/", False),
    ("login", "/accounts/login/", False),
    ("home", "/", True),
    ("checkin", "/checkin/", True),
    ("history", "/history/", True),
    ("couple", "/couple/", True),
    ("account", "/me/", True),
]


@pytest.fixture
def exit_url(settings, live_server) -> str:
    url = f"{live_server.url}/static/turntoward/icon.svg"
    settings.QUICK_EXIT_URL = url
    return url


@pytest.mark.parametrize(("name", "path", "logged_in"), PAGES, ids=[p[0] for p in PAGES])
def test_the_quick_exit_button_leaves_for_the_exit_url_from_every_page(
    page: Page, live_server, exit_url: str, alice, name: str, path: str, logged_in: bool
) -> None:
    if logged_in:
        log_in(page.context, alice, live_server.url)
    page.goto(f"{live_server.url}{path}")
    if logged_in:
        expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    button = page.get_by_role("link", name="Quick exit")
    expect(button).to_be_visible()
    expect(button).to_have_attribute("href", exit_url)
    button.click()
    expect(page).to_have_url(exit_url)


@pytest.mark.parametrize(("name", "path", "logged_in"), PAGES, ids=[p[0] for p in PAGES])
def test_pressing_escape_twice_leaves_for_the_exit_url_from_every_page(
    page: Page, live_server, exit_url: str, alice, name: str, path: str, logged_in: bool
) -> None:
    if logged_in:
        log_in(page.context, alice, live_server.url)
    page.goto(f"{live_server.url}{path}")
    page.wait_for_load_state("load")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    expect(page).to_have_url(exit_url)


def test_pressing_escape_once_keeps_the_page(page: Page, live_server, exit_url: str, alice) -> None:
    log_in(page.context, alice, live_server.url)
    page.goto(f"{live_server.url}/checkin/")
    page.wait_for_load_state("load")
    page.keyboard.press("Escape")
    page.wait_for_timeout(1000)
    expect(page).to_have_url(f"{live_server.url}/checkin/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Daily check-in")


def test_escape_twice_while_typing_a_checkin_still_leaves(
    page: Page, live_server, exit_url: str, alice
) -> None:
    log_in(page.context, alice, live_server.url)
    page.goto(f"{live_server.url}/checkin/")
    box = page.get_by_label("One hard thing about today")
    box.fill("Something I would not want seen")
    box.press("Escape")
    box.press("Escape")
    expect(page).to_have_url(exit_url)


# --- form errors keep what was typed -----------------------------------------


def test_a_checkin_without_a_mood_shows_the_error_by_the_mood_and_keeps_the_text(
    page: Page, live_server, alice, bob, couple, artifacts: Path
) -> None:
    log_in(page.context, alice, live_server.url)
    page.goto(f"{live_server.url}/checkin/")
    choose(page, CONNECTION, 2)
    page.get_by_label("One good thing about today").fill(ALICE_GOOD)
    page.get_by_label("One hard thing about today").fill(ALICE_HARD)
    page.get_by_role("button", name="Save my check-in").click()
    settle_and_shot(page, artifacts, "checkin-error-no-mood")

    mood = page.get_by_role("group", name=MOOD)
    expect(mood.get_by_role("alert")).to_have_text("Choose how your mood is, from 1 to 5.")
    expect(page.get_by_label("One good thing about today")).to_have_value(ALICE_GOOD)
    expect(page.get_by_label("One hard thing about today")).to_have_value(ALICE_HARD)
    expect(page.get_by_role("group", name=CONNECTION).get_by_role("radio").nth(1)).to_be_checked()
    assert not CheckIn.objects.filter(author=alice).exists()


def test_without_javascript_a_checkin_without_a_mood_also_keeps_the_text(
    browser, live_server, alice, artifacts: Path
) -> None:
    context = browser.new_context(java_script_enabled=False, timezone_id="Europe/London")
    try:
        log_in(context, alice, live_server.url)
        page = context.new_page()
        page.goto(f"{live_server.url}/checkin/")
        page.get_by_label("One good thing about today").fill(ALICE_GOOD)
        page.get_by_label("One hard thing about today").fill(ALICE_HARD)
        page.get_by_role("button", name="Save my check-in").click()
        settle_and_shot(page, artifacts, "checkin-error-no-mood-no-js")

        mood = page.get_by_role("group", name=MOOD)
        expect(mood.get_by_role("alert")).to_have_text("Choose how your mood is, from 1 to 5.")
        expect(page.get_by_label("One good thing about today")).to_have_value(ALICE_GOOD)
        expect(page.get_by_label("One hard thing about today")).to_have_value(ALICE_HARD)
        assert not CheckIn.objects.filter(author=alice).exists()
    finally:
        context.close()


# --- keyboard only -------------------------------------------------------------


def focused(page: Page) -> dict:
    return page.evaluate(
        "(() => { const e = document.activeElement;"
        " return {tag: e.tagName.toLowerCase(), name: e.getAttribute('name') || '',"
        " value: e.value || '', text: e.textContent.trim()}; })()"
    )


def test_the_checkin_can_be_completed_with_the_keyboard_alone(
    page: Page, live_server, alice, bob, couple, artifacts: Path
) -> None:
    log_in(page.context, alice, live_server.url)
    page.goto(f"{live_server.url}/checkin/")
    page.wait_for_load_state("load")

    for _ in range(30):
        page.keyboard.press("Tab")
        if focused(page)["name"] == "mood":
            break
    else:
        pytest.fail("Tab never reached the mood scale")

    page.keyboard.press("Space")  # mood 1
    page.keyboard.press("ArrowRight")  # mood 2
    page.keyboard.press("ArrowRight")  # mood 3
    page.keyboard.press("ArrowRight")  # mood 4
    assert focused(page) == {"tag": "input", "name": "mood", "value": "4", "text": ""}
    # The focused box shows a visible focus ring.
    outline = page.evaluate(
        "getComputedStyle(document.activeElement.nextElementSibling).outlineStyle"
    )
    assert outline != "none"

    page.keyboard.press("Tab")
    assert focused(page)["name"] == "connection"
    page.keyboard.press("Space")  # connection 1
    page.keyboard.press("ArrowRight")  # connection 2

    page.keyboard.press("Tab")
    assert focused(page)["name"] == "good_thing"
    page.keyboard.type(ALICE_GOOD)
    page.keyboard.press("Tab")
    assert focused(page)["name"] == "hard_thing"
    page.keyboard.type(ALICE_HARD)
    page.keyboard.press("Tab")
    assert focused(page)["name"] == "need"
    page.keyboard.press("Tab")
    assert focused(page) == {
        "tag": "button",
        "name": "",
        "value": "",
        "text": "Save my check-in",
    }
    shot(page, artifacts, "keyboard-checkin-before-submit")
    page.keyboard.press("Enter")
    settle_and_shot(page, artifacts, "keyboard-checkin-after-submit")

    expect(page.get_by_role("heading", name="Thank you for checking in")).to_be_visible()
    checkin = CheckIn.objects.get(author=alice)
    assert (checkin.mood, checkin.connection) == (4, 2)
    assert checkin.good_thing == ALICE_GOOD
    assert checkin.hard_thing == ALICE_HARD
