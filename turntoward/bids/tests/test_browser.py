"""Real Chromium: Alice logs a bid she made, Bob turns toward it; a missed bid is repaired."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import BrowserContext, Page, expect

from turntoward.bids.models import Bid
from turntoward.bids.tests.conftest import make_bid

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


def no_sideways_scroll(page: Page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def test_alice_logs_a_bid_she_made_and_bob_turns_toward_it(
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

    page.goto(f"{base}/bids/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bids for connection")
    page.get_by_label("I did").check()
    page.get_by_label("What kind of bid was it?").select_option("sharing_news")
    page.get_by_label("What happened?").fill("I told Bob my sister is expecting a baby")
    shot(page, artifacts, "bids-01-alice-logs-a-bid")
    assert no_sideways_scroll(page)
    page.get_by_role("button", name="Save this bid").click()

    expect(page.get_by_text("Your bid is noted.")).to_be_visible()
    mine = page.get_by_role("article", name="Bid from you to Bob")
    expect(mine).to_contain_text("I told Bob my sister is expecting a baby")
    expect(mine).to_contain_text("Open")
    bid = Bid.objects.get()
    assert (bid.maker, bid.receiver, bid.kind) == (alice, bob, "sharing_news")

    # Bob sees the bid waiting on his home page, then turns toward it inline.
    bob_context = new_context()
    log_in(bob_context, bob, base)
    bob_page = bob_context.new_page()
    bob_page.set_viewport_size(PHONE)
    bob_page.goto(f"{base}/")
    expect(bob_page.get_by_role("heading", name="A bid is waiting")).to_be_visible()
    bob_page.get_by_role("link", name="See the bids").click()
    theirs = bob_page.get_by_role("article", name="Bid from Alice to you")
    expect(theirs).to_contain_text("I told Bob my sister is expecting a baby")
    theirs.get_by_text("How was it met?").first.click()
    theirs.get_by_label("Turned toward").check()
    theirs.get_by_label("A note (optional)").fill("We rang her together that evening")
    shot(bob_page, artifacts, "bids-02-bob-responds")
    theirs.get_by_role("button", name="Save the response").click()

    updated = bob_page.get_by_role("article", name="Bid from Alice to you")
    expect(updated.locator(".bid-response")).to_have_text("Turned toward")
    expect(updated).to_contain_text("We rang her together that evening")
    # The week's pattern updated in place, without a reload.
    expect(bob_page.locator("#bid-week [data-ratio=together]")).to_contain_text(
        "1 of 1 answered bids were met by turning toward (100%)"
    )
    expect(bob_page.locator("#bid-week [data-ratio=partner]")).to_contain_text(
        "Bids that came to Alice: none answered yet."
    )
    shot(bob_page, artifacts, "bids-03-bob-turned-toward")
    assert no_sideways_scroll(bob_page)
    assert Bid.objects.get().response == "toward"

    page.reload()
    expect(page.get_by_role("article", name="Bid from you to Bob")).to_contain_text(
        "We rang her together that evening"
    )
    page.get_by_text("What the research found, in plain words").click()
    expect(page.get_by_text("about 86% of the time")).to_be_visible()
    expect(page.get_by_text("not a score, and not a contest")).to_be_visible()
    shot(page, artifacts, "bids-04-alice-sees-response-and-research")


def test_bob_repairs_a_bid_he_missed(
    page: Page, live_server, artifacts: Path, alice, bob, couple
) -> None:
    make_bid(
        alice,
        bob,
        description="I asked if he wanted to hear about my interview",
        kind="attention",
        occurred_at=timezone.now() - timedelta(days=2),
    )
    base = live_server.url
    page.set_viewport_size(PHONE)
    log_in(page.context, bob, base)

    page.goto(f"{base}/bids/")
    article = page.get_by_role("article", name="Bid from Alice to you")
    expect(article).to_contain_text("Still open after a day")
    article.get_by_text("Come back to this bid").click()
    article.get_by_role("button", name="Save and come back to it").click()
    # An empty note is refused in place, and nothing is lost.
    expect(page.get_by_text("Write a few words to your partner first.")).to_be_visible()
    article = page.get_by_role("article", name="Bid from Alice to you")
    article.get_by_label("What would you like to say about it now?").fill(
        "I was glued to my phone. I'd love to hear it tonight."
    )
    shot(page, artifacts, "bids-05-bob-repairs")
    article.get_by_role("button", name="Save and come back to it").click()

    repaired = page.get_by_role("article", name="Bid from Alice to you")
    expect(repaired).to_contain_text("Came back to it on")
    expect(repaired).to_contain_text("I'd love to hear it tonight.")
    expect(repaired.get_by_text("Come back to this bid")).to_have_count(0)
    shot(page, artifacts, "bids-06-bob-repaired")
    bid = Bid.objects.get()
    assert bid.repaired_by == bob
    assert bid.repaired_at is not None
