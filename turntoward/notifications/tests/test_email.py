"""Real SMTP on loopback: both parts, the headers, and the unsubscribe link working."""

from __future__ import annotations

import re

from django.test import Client

from turntoward.notifications.models import Channel, Kind, prefs_for
from turntoward.notifications.tasks import scan
from turntoward.testing import make_user

from .conftest import at


def one_message(smtp_server):
    assert smtp_server.received.wait(5)
    assert len(smtp_server.messages) == 1
    return smtp_server.messages[0]


def test_the_reminder_arrives_with_both_parts_and_one_click_unsubscribe(db, smtp_server, settings):
    settings.SITE_URL = "https://tt.example.org"
    ann = make_user("Ann", time_zone="UTC")
    scan(at("2027-06-10 21:00"))
    message = one_message(smtp_server)

    assert message["To"] == "ann@example.test"
    assert message["Subject"] == "Your daily check-in is waiting"
    assert message["From"] == "Turn Toward <no-reply@localhost>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    (https,) = re.findall(r"<([^>]+)>", message["List-Unsubscribe"])
    assert https.startswith("https://tt.example.org/unsubscribe/daily_checkin/")
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "https://tt.example.org/checkin/" in text
    assert 'href="https://tt.example.org/checkin/"' in html
    assert https in text and https.replace("&", "&amp;") in html

    path = https.removeprefix("https://tt.example.org")
    anonymous = Client(enforce_csrf_checks=True)
    page = anonymous.get(path)
    assert page.status_code == 200
    assert "Stop these emails?" in page.content.decode()
    assert prefs_for(ann).channels_for(Kind.DAILY_CHECKIN) == [Channel.EMAIL, Channel.IN_APP]

    # RFC 8058: the mail client POSTs without a session or a CSRF token.
    done = anonymous.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert done.status_code == 200
    assert prefs_for(ann).channels_for(Kind.DAILY_CHECKIN) == [Channel.IN_APP]
    assert prefs_for(ann).channels_for(Kind.WEEKLY_CHECKIN) == [Channel.EMAIL, Channel.IN_APP]

    smtp_server.received.clear()
    scan(at("2027-06-11 21:00"))
    assert smtp_server.messages == [message]


def test_a_forged_or_other_kind_unsubscribe_token_is_404(db, smtp_server):
    make_user("Ann", time_zone="UTC")
    scan(at("2027-06-10 21:00"))
    message = one_message(smtp_server)
    https = re.findall(r"<([^>]+)>", message["List-Unsubscribe"])[0]
    path = "/" + https.split("/", 3)[3]
    token = path.rstrip("/").rsplit("/", 1)[1]
    client = Client()
    assert client.get(f"/unsubscribe/weekly_checkin/{token}/").status_code == 404
    assert client.post(f"/unsubscribe/daily_checkin/{token}x/").status_code == 404
    assert client.get(f"/unsubscribe/nonsense/{token}/").status_code == 404
    assert client.put(path).status_code == 405


def test_discreet_mode_gives_a_neutral_subject_sender_and_text(db, smtp_server):
    ann = make_user("Ann", time_zone="UTC")
    ann.discreet_mode = True
    ann.save()
    scan(at("2027-06-10 21:00"))
    message = one_message(smtp_server)
    assert message["Subject"] == "A reminder from your account"
    assert message["From"] == "Account notices <no-reply@localhost>"
    everything = (
        message["Subject"]
        + message["From"]
        + message.get_body(("plain",)).get_content()
        + message.get_body(("html",)).get_content()
    ).lower()
    for word in ("turn toward", "partner", "couple", "relationship", "check-in", "check in"):
        assert word not in everything, word
