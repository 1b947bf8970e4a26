"""The appreciation page and the kindness library page."""

from __future__ import annotations

from django.test import Client

from turntoward.appreciation import services
from turntoward.appreciation.models import Appreciation, KindnessAct


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_alice_sends_an_appreciation_and_bob_sees_it_on_his_page(alice, bob, couple):
    response = client_for(alice).post(
        "/appreciation/", {"kind": "did", "text": "Thank you for fixing the tap"}
    )

    assert response.status_code == 302
    assert Appreciation.objects.get().recipient == bob
    bob_page = client_for(bob).get("/appreciation/").content.decode()
    assert "Thank you for fixing the tap" in bob_page
    assert "Alice → you" in bob_page


def test_the_page_shows_todays_prompt_until_i_have_appreciated(alice, bob, couple):
    prompt = services.prompt_for(alice)

    before = client_for(alice).get("/appreciation/").content.decode()
    client_for(alice).post("/appreciation/", {"kind": "did", "text": "Thanks"})
    after = client_for(alice).get("/appreciation/").content.decode()

    assert "Today's prompt" in before
    assert prompt.text.replace("'", "&#x27;").replace('"', "&quot;") in before
    assert "You've appreciated today" in after


def test_errors_show_next_to_the_field_and_keep_the_text(alice, bob, couple):
    typed = "So grateful " * 100

    response = client_for(alice).post("/appreciation/", {"kind": "", "text": typed})

    text = response.content.decode()
    assert response.status_code == 200
    assert "Choose whether it&#x27;s for something they did or for who they are." in text
    assert "Please keep this under 1000 characters" in text
    assert typed.strip() in text
    assert Appreciation.objects.count() == 0


def test_a_lone_partner_sees_the_kind_note_and_no_send_form(alice):
    response = client_for(alice).get("/appreciation/")

    text = response.content.decode()
    assert "This practice is for two" in text
    assert "Send appreciation" not in text


def test_home_invites_me_to_appreciate_until_i_have_today(alice, bob, couple):
    assert "Appreciate your partner today" in client_for(alice).get("/").content.decode()
    services.send_appreciation(alice, text="Thanks", kind="did")
    assert "Appreciate your partner today" not in client_for(alice).get("/").content.decode()


def test_the_library_shows_every_category_and_filters_to_one(alice):
    everything = client_for(alice).get("/kindness/").content.decode()
    touch = client_for(alice).get("/kindness/?category=touch").content.decode()

    for heading in ("Words", "Touch", "Help", "Time", "Surprise"):
        assert f">{heading}</h2>" in everything
    assert "A hug that lasts" in touch
    assert "A note in a pocket" not in touch
    assert client_for(alice).get("/kindness/?category=nope").status_code == 200


def test_i_did_this_inline_and_my_partner_says_it_landed(alice, bob, couple):
    response = client_for(alice).post(
        "/kindness/long-hug/did/", {"note": "Before work"}, HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 200
    assert "Noted. Small things add up." in response.content.decode()
    act = KindnessAct.objects.get()
    bob_page = client_for(bob).get("/kindness/").content.decode()
    assert "Alice did this" in bob_page
    assert "Before work" in bob_page
    assert "Your partner did something kind" in client_for(bob).get("/").content.decode()

    landed = client_for(bob).post(f"/kindness/acts/{act.id}/landed/", HTTP_HX_REQUEST="true")

    assert landed.status_code == 200
    assert "You said it landed." in landed.content.decode()
    assert "It landed." in client_for(alice).get("/kindness/").content.decode()
    assert "Your partner did something kind" not in client_for(bob).get("/").content.decode()


def test_a_too_long_kindness_note_is_kept_with_the_error(alice):
    typed = "n" * 600

    response = client_for(alice).post("/kindness/long-hug/did/", {"note": typed})

    assert response.status_code == 200
    assert "Please keep this under 500 characters" in response.content.decode()
    assert typed in response.content.decode()
    assert KindnessAct.objects.count() == 0
