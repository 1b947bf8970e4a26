"""Real Chromium at phone width: take the connection check, view insights, download the report."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.test import Client
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from turntoward.insights.testing import make_appreciation, make_bid, make_measure
from turntoward.testing import make_checkin

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


@pytest.fixture
def history(alice, bob, couple):
    today = alice.local_today()
    for i in range(12):
        make_checkin(alice, today - timedelta(days=i), connection=2 + (i % 3))
        if i % 4 != 3:
            make_checkin(bob, today - timedelta(days=i), connection=3 + (i % 2))
    make_checkin(bob, today - timedelta(days=16), connection=1, good_thing="bob-hidden-day")
    for i, response in enumerate(["toward", "away", "toward", "toward", "against", "toward"]):
        maker, receiver = (alice, bob) if i % 2 else (bob, alice)
        make_bid(couple, maker, receiver, today - timedelta(days=3 + 3 * i), response)
    for i in range(3):
        make_appreciation(couple, alice, bob, today - timedelta(days=i))
    make_appreciation(couple, bob, alice, today)
    make_measure(bob, "phq-9", 19, today - timedelta(days=1), band="bob-private-band")
    return today


def test_taking_the_check_then_seeing_insights_and_downloading_the_report(
    page: Page, live_server, alice, history, artifacts
):
    page.set_viewport_size(PHONE)
    log_in(page, alice, live_server.url)

    # The connection check, through its own page (the assessments app).
    page.goto(f"{live_server.url}/assessments/connection-check/")
    names = page.eval_on_selector_all(
        "input[type=radio][name^='item-']", "els => [...new Set(els.map(e => e.name))]"
    )
    assert names, "the connection check shows its questions"
    for i, name in enumerate(names):
        page.locator(f"input[name='{name}']").nth(1 + i % 2).check()
    page.get_by_role("button", name="See my results").click()
    page.wait_for_load_state()
    assert "/assessments/connection-check/" in page.url

    # Insights, my view and ours.
    page.goto(f"{live_server.url}/insights/")
    expect(page.get_by_role("heading", name="Insights", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="Balance of effort")).to_be_visible()
    expect(page.get_by_role("img", name="Felt connection over time")).to_be_visible()
    expect(page.get_by_role("img", name="Connection check over time")).to_be_visible()
    page.screenshot(path=str(artifacts / "insights-phone.png"), full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], "the page scrolls sideways on a phone"
    # The numbers behind a chart, as a table.
    page.get_by_text("The numbers: Felt connection over time").click()
    expect(page.locator("#chart-connection table")).to_be_visible()

    page.get_by_role("link", name="3 months").click()
    expect(page.get_by_role("link", name="3 months")).to_have_attribute("aria-current", "page")

    # The report: tick my connection check, download, open the PDF.
    page.get_by_role("link", name="Make a progress report (PDF)").click()
    expect(page.get_by_label("Connection check")).not_to_be_checked()
    page.get_by_label("Period").select_option("3m")
    page.get_by_label("Connection check").check()
    page.screenshot(path=str(artifacts / "insights-report-form-phone.png"), full_page=True)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download the PDF").click()
    download = info.value
    assert download.suggested_filename == (
        f"turn-toward-report-{alice.local_today().isoformat()}.pdf"
    )
    path = artifacts / "insights-report.pdf"
    download.save_as(str(path))

    reader = PdfReader(io.BytesIO(path.read_bytes()))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert len(reader.pages) >= 3
    assert "Turn Toward progress report" in text
    assert "Alice" in text and "3 months" in text
    assert "Felt connection over time" in text
    assert "Connection check over time" in text
    assert "bob-hidden-day" not in text and "bob-private-band" not in text
    assert "PHQ-9" not in text


def test_a_person_alone_sees_their_own_insights_kindly(page: Page, live_server, erin, artifacts):
    today = erin.local_today()
    for i in range(5):
        make_checkin(erin, today - timedelta(days=1 + i), connection=2 + i % 3)
    make_measure(erin, "csi-4", 12, today - timedelta(days=30))
    make_measure(erin, "csi-4", 15, today - timedelta(days=2))
    page.set_viewport_size(PHONE)
    log_in(page, erin, live_server.url)

    page.goto(f"{live_server.url}/insights/?period=3m")

    expect(page.get_by_role("heading", name="Your own practice")).to_be_visible()
    expect(page.get_by_text("You checked in 5 days in a row last week.")).to_be_visible()
    expect(page.get_by_role("img", name="CSI-4 over time")).to_be_visible()
    expect(page.get_by_role("heading", name="Balance of effort")).to_have_count(0)
    page.screenshot(path=str(artifacts / "insights-alone-phone.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
