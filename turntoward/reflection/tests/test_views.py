"""Pages for reflections, repairs and boundaries."""

from __future__ import annotations

import html

from django.test import Client

from turntoward.reflection import cards, services
from turntoward.reflection.models import Boundary, Reflection, Repair, RepairResponse

REPAIR = {
    "hurt": "alice-hurt-words",
    "i_statement": "I feel alone when plans change without a word, and I need a message",
    "need": "A message when you are late",
}


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def text_of(response) -> str:
    return html.unescape(response.content.decode())


def test_the_reflection_form_guides_each_step_and_lists_the_pressures(alice):
    text = text_of(client_for(alice).get("/reflections/new/"))

    assert "What has been pulling at you" in text
    for name in ("Work", "Children", "Household", "Screens", "Health", "Money"):
        assert f"<strong>{name}</strong>" in text
    assert 'for="id_noticed"' in text


def test_writing_a_reflection_alone_saves_it_privately(alice):
    response = client_for(alice).post(
        "/reflections/new/",
        {"pressures": ["work", "money"], "noticed": "alice-noticed", "other_pressures": "Moving"},
        follow=True,
    )

    text = text_of(response)
    r = Reflection.objects.get()
    assert r.pressures == ["work", "money"]
    assert "alice-noticed" in text and "Work, Money; Moving" in text
    assert "Once your partner joins, you can choose to share it." in text


def test_form_errors_show_by_the_field_and_keep_what_was_typed(alice):
    response = client_for(alice).post(
        "/reflections/new/", {"pressures": ["work"], "noticed": "", "could_change": "kept-text"}
    )

    text = text_of(response)
    assert "Please write a few words here." in text
    assert "kept-text" in text
    assert 'value="work" checked' in text or "checked" in text
    assert not Reflection.objects.exists()


def test_sharing_and_unsharing_from_the_page(alice, bob, couple):
    r = services.create_reflection(alice, noticed="alice-noticed")
    me, partner = client_for(alice), client_for(bob)
    assert partner.get(f"/reflections/{r.pk}/").status_code == 404

    me.post(f"/reflections/{r.pk}/share/", {"shared": "1"})
    page = text_of(partner.get("/reflections/"))
    assert "Shared by Alice" in page and f"/reflections/{r.pk}/" in page
    assert "alice-noticed" in text_of(partner.get(f"/reflections/{r.pk}/"))

    me.post(f"/reflections/{r.pk}/share/", {"shared": "0"})
    assert partner.get(f"/reflections/{r.pk}/").status_code == 404


def test_editing_and_deleting_a_reflection(alice):
    r = services.create_reflection(alice, noticed="before")
    me = client_for(alice)

    assert "before" in text_of(me.get(f"/reflections/{r.pk}/edit/"))
    me.post(f"/reflections/{r.pk}/edit/", {"noticed": "after", "pressures": ["health"]})
    r.refresh_from_db()
    assert r.noticed == "after" and r.pressures == ["health"]
    me.post(f"/reflections/{r.pk}/delete/")
    assert not Reflection.objects.exists()


def test_a_repair_goes_from_draft_to_shared_to_answered(alice, bob, couple):
    me, partner = client_for(alice), client_for(bob)
    me.post("/repairs/new/", {"hurt": "alice-hurt-words"})
    rep = Repair.objects.get()

    refused = text_of(me.post(f"/repairs/{rep.pk}/share/", {"shared": "1"}, follow=True))
    assert "Please fill this in before sharing." in refused
    me.post(f"/repairs/{rep.pk}/edit/", REPAIR)
    me.post(f"/repairs/{rep.pk}/share/", {"shared": "1"})

    seen = text_of(partner.get(f"/repairs/{rep.pk}/"))
    assert "alice-hurt-words" in seen and "Your response" in seen
    bad = text_of(partner.post(f"/repairs/{rep.pk}/respond/", {"text": ""}))
    assert "Write a short response first." in bad
    partner.post(f"/repairs/{rep.pk}/respond/", {"text": "bob-response-words"})
    assert RepairResponse.objects.get().author == bob
    assert "bob-response-words" in text_of(me.get(f"/repairs/{rep.pk}/"))


def test_a_boundary_is_shared_and_acknowledged_on_the_pages(alice, bob, couple):
    me, partner = client_for(alice), client_for(bob)
    me.post("/boundaries/new/", {"kind": "not_acceptable", "statement": "alice-boundary-cedar"})
    b = Boundary.objects.get()
    assert b.kind == "not_acceptable"
    me.post(f"/boundaries/{b.pk}/share/", {"shared": "1"})

    page = text_of(partner.get(f"/boundaries/{b.pk}/"))
    assert "alice-boundary-cedar" in page and "I acknowledge this" in page
    partner.post(f"/boundaries/{b.pk}/acknowledge/")
    assert "Bob acknowledged it" in text_of(me.get(f"/boundaries/{b.pk}/"))

    me.post(f"/boundaries/{b.pk}/delete/")
    assert not Boundary.objects.exists()


def test_the_lists_separate_mine_from_my_partners(alice, bob, couple):
    services.create_boundary(alice, statement="alice-boundary-cedar", shared=True)
    services.create_boundary(bob, statement="bob-private-boundary")

    text = text_of(client_for(alice).get("/boundaries/"))

    assert "My boundaries" in text and "Shared by Bob" in text
    assert "alice-boundary-cedar" in text and "bob-private-boundary" not in text


def test_home_cards_invite_the_partner_without_showing_content(alice, bob, couple):
    rep = services.share_repair(alice, services.create_repair(alice, **REPAIR).pk)
    b = services.create_boundary(alice, statement="alice-boundary-cedar", shared=True)

    titles = {c.key: c for c in cards.home_cards(bob)}
    assert set(titles) == {"repair", "boundary"}
    assert "alice" not in str(titles["repair"].body) + str(titles["boundary"].body)
    assert cards.home_cards(alice) == []

    services.respond_to_repair(bob, rep.pk, "Thank you")
    services.acknowledge_boundary(bob, b.pk)
    assert cards.home_cards(bob) == []
