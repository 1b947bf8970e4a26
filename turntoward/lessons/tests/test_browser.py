"""Real Chromium: a person reads a lesson on a phone and marks it as read."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import Client
from playwright.sync_api import Page, expect

from turntoward.lessons.models import LessonRead

pytestmark = [pytest.mark.browser]


def test_reading_a_lesson_and_marking_it_read_on_a_phone(
    page: Page, live_server, artifacts: Path, alice
) -> None:
    client = Client()
    client.force_login(alice)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [
            {
                "name": django_settings.SESSION_COOKIE_NAME,
                "value": cookie.value,
                "url": live_server.url,
            }
        ]
    )
    page.set_viewport_size({"width": 360, "height": 740})

    page.goto(f"{live_server.url}/lessons/")
    page.get_by_role("link", name="Bids for connection and turning toward").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Bids for connection and turning toward"
    )
    expect(page.get_by_role("heading", name="A small practice to try")).to_be_visible()
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    page.screenshot(path=str(artifacts / "lessons-01-lesson.png"), full_page=True)

    page.get_by_role("button", name="Mark as read").click()
    expect(page.get_by_role("button", name="Mark as not read yet")).to_be_visible()
    page.goto(f"{live_server.url}/lessons/")
    expect(page.get_by_text("You have read 1 of")).to_be_visible()
    page.screenshot(path=str(artifacts / "lessons-02-list.png"), full_page=True)

    assert LessonRead.objects.get(user=alice).lesson.slug == "bids-and-turning-toward"
