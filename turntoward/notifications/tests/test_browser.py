"""Real Chromium at 360 px: change reminder settings, then read and clear notifications."""

from __future__ import annotations

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import Page, expect

from turntoward.notifications.models import Kind, Notification, Status, prefs_for

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


def test_changing_reminder_settings_with_an_error_kept_then_fixed(
    page: Page, live_server, alice, artifacts
):
    page.set_viewport_size(PHONE)
    log_in(page, alice, live_server.url)
    page.goto(f"{live_server.url}/account/notifications/")
    page.get_by_label("Daily check-in reminder at").fill("07:45")
    page.get_by_label("Quiet hours from").fill("22:00")
    page.get_by_label("A new appreciation: Email").uncheck()
    page.get_by_role("button", name="Save my settings").click()
    expect(page.get_by_text("Give both ends of the quiet hours, or neither.")).to_be_visible()
    expect(page.get_by_label("Daily check-in reminder at")).to_have_value("07:45")
    expect(page.get_by_label("A new appreciation: Email")).not_to_be_checked()
    page.screenshot(path=str(artifacts / "notifications-prefs-error-phone.png"), full_page=True)
    page.get_by_label("Quiet hours until").fill("07:00")
    page.get_by_role("button", name="Save my settings").click()
    expect(page.get_by_text("Your reminder settings are saved.")).to_be_visible()
    prefs = prefs_for(alice)
    assert prefs.daily_time.strftime("%H:%M") == "07:45"
    assert prefs.channels_for(Kind.APPRECIATION) == ["in_app"]
    expect(page.get_by_label("Calendar address")).to_have_value(
        f"{live_server.url}/calendar/{prefs.calendar_token}.ics"
    )
    page.screenshot(path=str(artifacts / "notifications-prefs-phone.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.get_by_role("button", name="Make a new link (the old one stops working)").click()
    expect(page.get_by_text("Here is a new calendar link.")).to_be_visible()
    assert prefs_for(alice).calendar_token != prefs.calendar_token


def test_reading_notifications_one_then_all(page: Page, live_server, alice, artifacts):
    for kind in (Kind.APPRECIATION, Kind.PARTNER_CHECKIN, Kind.GOAL):
        Notification.objects.create(
            user=alice,
            kind=kind,
            key="k",
            link="/",
            status=Status.SENT,
            in_app=True,
            sent_at=timezone.now(),
        )
    page.set_viewport_size(PHONE)
    log_in(page, alice, live_server.url)
    page.goto(f"{live_server.url}/notifications/")
    expect(page.locator("#unread-count")).to_have_text("3 unread")
    page.screenshot(path=str(artifacts / "notifications-list-phone.png"), full_page=True)
    page.get_by_role("button", name="Mark as read").first.click()
    expect(page.locator("#unread-count")).to_have_text("2 unread")
    expect(page.get_by_role("button", name="Mark as read")).to_have_count(2)
    page.get_by_role("button", name="Mark all as read").click()
    expect(page.get_by_text("All caught up.")).to_be_visible()
    expect(page.locator("#unread-count")).to_have_text("0 unread")
    page.screenshot(path=str(artifacts / "notifications-list-read-phone.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert not Notification.objects.filter(user=alice, read_at__isnull=True).exists()
