"""Real saves through the pages: the writer alone sees the calm panel, once; ordinary words
show nothing; the partner's pages show nothing of it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.utils.html import escape

from turntoward.reflection import services as reflection
from turntoward.testing import make_checkin

from .conftest import ORDINARY, PANEL_TITLE, RISKY, TRACES, client_for

CHECKIN = {"mood": "2", "connection": "2", "good_thing": "Tea in the garden", "need": ""}


def _follow(client, url, data, **extra):
    response = client.post(url, data, follow=True, **extra)
    assert response.status_code == 200, response.content[:400]
    return response.content.decode()


@pytest.mark.parametrize("category", sorted(RISKY))
def test_a_journal_entry_shows_the_panel_to_its_writer_once(alice, category):
    client = client_for(alice)
    html = _follow(client, "/journal/new/", {"body": RISKY[category], "title": "", "prompt": ""})
    assert PANEL_TITLE in html
    assert 'id="risk-panel"' in html and 'tabindex="-1"' in html
    assert "Quick exit" in html
    # Saved as written, and the panel is a one-off: the next page is quiet.
    assert escape(RISKY[category]) in html
    assert PANEL_TITLE not in client.get("/journal/").content.decode()


def test_ordinary_words_show_no_panel(alice):
    html = _follow(
        client_for(alice), "/journal/new/", {"body": ORDINARY, "title": "", "prompt": ""}
    )
    assert PANEL_TITLE not in html


def test_the_panel_names_help_for_the_writers_country(alice):
    alice.country = "IN"
    alice.save()
    html = _follow(
        client_for(alice),
        "/journal/new/",
        {"body": RISKY["self_harm"], "title": "", "prompt": ""},
    )
    assert PANEL_TITLE in html and "Samaritans" not in html


def test_partner_violence_offers_confidential_support(alice):
    html = _follow(
        client_for(alice),
        "/journal/new/",
        {"body": RISKY["partner_violence"], "title": "", "prompt": ""},
    )
    assert "confidential advocate" in html
    assert "National Domestic Abuse Helpline" in html


@pytest.mark.parametrize("htmx", [False, True])
def test_a_checkin_shows_the_panel(alice, bob, couple, htmx):
    client = client_for(alice)
    data = {**CHECKIN, "hard_thing": RISKY["fear_of_partner"]}
    if htmx:
        response = client.post("/checkin/", data, HTTP_HX_REQUEST="true")
        html = response.content.decode()
    else:
        html = _follow(client, "/checkin/", data)
    assert PANEL_TITLE in html
    # Bob, who has not checked in, sees nothing of it anywhere he looks.
    bob_client = client_for(bob)
    for url in ("/", "/checkin/", "/history/"):
        text = bob_client.get(url).content.decode()
        for trace in TRACES:
            assert trace not in text, (url, trace)


def test_a_reply_shows_the_panel_to_the_one_replying(alice, bob, couple):
    make_checkin(alice)
    make_checkin(bob)
    day = alice.local_today().isoformat()
    client = client_for(alice)
    response = client.post(
        f"/checkin/{day}/reply/", {"text": RISKY["self_harm"]}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert PANEL_TITLE in response.content.decode()
    html = _follow(client, f"/checkin/{day}/reply/", {"text": RISKY["coercive_control"]})
    assert PANEL_TITLE in html
    # Bob reads the reply (shared by nature), never the panel.
    text = client_for(bob).get("/history/").content.decode()
    assert PANEL_TITLE not in text and "Samaritans" not in text


def test_a_weekly_checkin_with_a_risky_concern(alice, bob, couple):
    html = _follow(
        client_for(alice),
        "/weekly/",
        {
            "appreciations": "You made dinner",
            "went_well": "A calm Sunday",
            "concern": RISKY["partner_violence"],
            "goals": "",
            "quality_time": "",
        },
    )
    assert PANEL_TITLE in html


def test_a_reflection_and_a_repair(alice):
    client = client_for(alice)
    html = _follow(client, "/reflections/new/", {"noticed": RISKY["coercive_control"]})
    assert PANEL_TITLE in html
    html = _follow(client, "/repairs/new/", {"hurt": RISKY["self_harm"]})
    assert PANEL_TITLE in html
    html = _follow(client, "/repairs/new/", {"hurt": "You forgot my birthday dinner"})
    assert PANEL_TITLE not in html


def test_a_response_to_a_shared_repair(alice, bob, couple):
    repair = reflection.create_repair(
        bob, hurt="I felt left out at the party", i_statement="I felt alone", need="A hug"
    )
    reflection.share_repair(bob, repair.pk, True)
    html = _follow(
        client_for(alice), f"/repairs/{repair.pk}/respond/", {"text": RISKY["fear_of_partner"]}
    )
    assert PANEL_TITLE in html
    assert PANEL_TITLE not in client_for(bob).get(f"/repairs/{repair.pk}/").content.decode()


def test_the_coach_page_and_live_check(alice):
    client = client_for(alice)
    html = client.post("/coach/", {"text": RISKY["self_harm"]}).content.decode()
    assert PANEL_TITLE in html
    assert html.count('id="risk-panel"') == 1
    live = client.post("/coach/check/", {"text": RISKY["partner_violence"]}).content.decode()
    assert PANEL_TITLE in live
    calm = client.post("/coach/check/", {"text": "You never listen to me"}).content.decode()
    assert PANEL_TITLE not in calm


@pytest.mark.parametrize(
    ("url", "data"),
    [
        (
            "/self-care/items/new/",
            {"title": "Walk", "note": RISKY["self_harm"], "frequency": "daily"},
        ),
        ("/goals/", {"title": "More time", "why": RISKY["fear_of_partner"]}),
        ("/appreciation/", {"text": RISKY["coercive_control"], "kind": "did"}),
        (
            "/bids/",
            {
                "description": RISKY["partner_violence"],
                "kind": "attention",
                "by": "me",
                "occurred_at": (datetime.now(UTC) - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
            },
        ),
    ],
)
def test_other_practices_show_the_panel_too(alice, bob, couple, url, data):
    response = client_for(alice).post(url, data, follow=True)
    assert response.status_code == 200
    assert PANEL_TITLE in response.content.decode(), response.content.decode()[:2000]


def test_a_stale_or_foreign_marker_shows_nothing(alice, bob, couple):
    """A marker naming someone else's writing never screens it for the viewer."""
    from turntoward.journal import services as journal
    from turntoward.safety.panel import SESSION_KEY

    entry = journal.write_entry(bob, body=RISKY["self_harm"])
    client = client_for(alice)
    session = client.session
    session[SESSION_KEY] = {
        "label": "journal.journalentry",
        "pk": str(entry.pk),
        "fields": [],
        "author": "author",
    }
    session.save()
    assert PANEL_TITLE not in client.get("/").content.decode()


def test_check_my_wording_is_offered_where_people_write_to_their_partner(alice, bob, couple):
    repair = reflection.create_repair(
        bob, hurt="I felt left out at the party", i_statement="I felt alone", need="A hug"
    )
    reflection.share_repair(bob, repair.pk, True)
    make_checkin(alice)
    make_checkin(bob)
    client = client_for(alice)
    for url, box in [
        ("/weekly/", "id_concern"),
        ("/repairs/new/", "id_i_statement"),
        (f"/repairs/{repair.pk}/", "id_text"),
        ("/appreciation/", "id_text"),
        ("/history/", f"reply-{alice.local_today().isoformat()}"),
    ]:
        html = client.get(url).content.decode()
        assert "Check my wording" in html, url
        assert f'hx-include="#{box}"' in html, (url, box)


def test_the_wording_helper_checks_the_named_field(alice):
    client = client_for(alice)
    html = client.post(
        "/coach/check/",
        {"concern": "You always ignore me", "source": "concern", "target": "#id_concern"},
    ).content.decode()
    assert "Always or never" in html and 'data-coach-target="#id_concern"' in html
    html = client.post(
        "/coach/check/", {"concern": "x", "source": "concern", "target": '#a"><script>'}
    ).content.decode()
    assert "<script>" not in html


def test_the_couple_page_offers_the_screen_privately_until_answered(alice, bob):
    from turntoward.safety import services

    client = client_for(alice)
    assert "Answer privately" in client.get("/couple/").content.decode()
    services.take_screen(alice, {q["slug"]: "no" for q in services.questions()})
    assert "Answer privately" not in client.get("/couple/").content.decode()
    assert "Answer privately" not in client.get("/").content.decode()


PARTNER_READS_NOTE = "words you saved here are ones your partner can read"


@pytest.mark.parametrize("htmx", [False, True])
def test_a_risky_checkin_says_the_partner_can_read_those_words(alice, bob, couple, htmx):
    client = client_for(alice)
    data = {**CHECKIN, "hard_thing": RISKY["partner_violence"]}
    if htmx:
        html = client.post("/checkin/", data, HTTP_HX_REQUEST="true").content.decode()
    else:
        html = _follow(client, "/checkin/", data)
    assert PANEL_TITLE in html and PARTNER_READS_NOTE in html
    assert 'href="/journal/"' in html


def test_a_private_journal_entry_does_not_warn_about_the_partner(alice, bob, couple):
    html = _follow(
        client_for(alice),
        "/journal/new/",
        {"body": RISKY["partner_violence"], "title": "", "prompt": ""},
    )
    assert PANEL_TITLE in html and PARTNER_READS_NOTE not in html


def test_a_reflection_warns_only_while_it_is_shared(alice, bob, couple):
    from turntoward.safety.panel import partner_reads

    item = reflection.create_reflection(alice, noticed=RISKY["fear_of_partner"])
    assert partner_reads(item) is False
    item = reflection.update_reflection(alice, item.pk, shared=True)
    assert partner_reads(item) is True
