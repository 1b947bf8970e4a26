"""Rules of reflections, repairs and boundaries, without HTTP."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from turntoward.couples.services import leave_couple
from turntoward.privacy import reflection as gate
from turntoward.reflection import services
from turntoward.reflection.models import Boundary, Reflection, Repair, RepairResponse
from turntoward.testing import make_couple

REFLECTION = {"pressures": ["work", "screens"], "noticed": "We stopped talking at dinner"}
REPAIR = {
    "hurt": "You forgot my birthday dinner",
    "i_statement": "I feel unimportant when plans I care about slip, and I need a sign they matter",
    "need": "An honest talk on Sunday",
}


# --- reflections ----------------------------------------------------------------------


def test_a_reflection_is_private_by_default_and_works_alone(alice):
    r = services.create_reflection(alice, **REFLECTION, could_change="Phones in the hall")

    assert r.pressures == ["work", "screens"]
    assert r.shared_at is None
    assert list(gate.reflections_visible_to(alice)) == [r]


def test_pressures_are_kept_in_library_order_without_duplicates(alice):
    r = services.create_reflection(
        alice, pressures=["money", "work", "money"], noticed="Tired evenings"
    )
    assert r.pressures == ["work", "money"]


def test_unknown_pressures_and_missing_noticed_are_named(alice):
    with pytest.raises(ValidationError) as exc:
        services.create_reflection(alice, pressures=["gremlins"], noticed=" ")
    assert set(exc.value.message_dict) == {"pressures", "noticed"}
    assert not Reflection.objects.exists()


def test_the_partner_sees_a_reflection_only_once_shared_and_not_after_unsharing(alice, bob, couple):
    r = services.create_reflection(alice, **REFLECTION)
    with pytest.raises(Http404):
        gate.get_reflection_for_user(bob, r.pk)

    services.update_reflection(alice, r.pk, shared=True)
    assert gate.get_reflection_for_user(bob, r.pk).noticed == REFLECTION["noticed"]

    services.update_reflection(alice, r.pk, shared=False)
    with pytest.raises(Http404):
        gate.get_reflection_for_user(bob, r.pk)


def test_sharing_without_a_partner_is_refused_kindly(alice):
    with pytest.raises(ValidationError) as exc:
        services.create_reflection(alice, **REFLECTION, shared=True)
    assert "shared" in exc.value.message_dict
    assert not Reflection.objects.exists()


def test_only_the_author_may_change_or_delete_a_reflection(alice, bob, couple):
    r = services.create_reflection(alice, **REFLECTION, shared=True)

    with pytest.raises(Http404):
        services.update_reflection(bob, r.pk, noticed="Not mine to change")
    with pytest.raises(Http404):
        services.delete_reflection(bob, r.pk)
    services.delete_reflection(alice, r.pk)
    assert not Reflection.objects.exists()


def test_a_patch_changes_only_the_fields_given(alice):
    r = services.create_reflection(alice, **REFLECTION, could_change="Walk on Fridays")

    services.update_reflection(alice, r.pk, noticed="Different now")

    r.refresh_from_db()
    assert r.noticed == "Different now"
    assert r.could_change == "Walk on Fridays"
    assert r.pressures == ["work", "screens"]


def test_outsiders_and_a_malformed_id_get_404(alice, dave, carol):
    r = services.create_reflection(alice, **REFLECTION)
    for person in (dave, carol):
        with pytest.raises(Http404):
            gate.get_reflection_for_user(person, r.pk)
    with pytest.raises(Http404):
        gate.get_reflection_for_user(alice, "not-a-uuid")


def test_after_leaving_nothing_shared_stays_visible_to_the_former_partner(alice, bob, couple):
    r = services.create_reflection(alice, **REFLECTION, shared=True)
    rep = services.share_repair(alice, services.create_repair(alice, **REPAIR).pk)
    b = services.create_boundary(alice, statement="I need quiet mornings", shared=True)

    leave_couple(bob)

    assert not gate.reflections_visible_to(bob).exists()
    assert not gate.repairs_visible_to(bob).exists()
    assert not gate.boundaries_visible_to(bob).exists()
    assert services.is_shared_now(r, alice) is False
    assert {x.pk for x in gate.repairs_visible_to(alice)} == {rep.pk}
    assert {x.pk for x in gate.boundaries_visible_to(alice)} == {b.pk}


def test_a_new_partner_never_sees_what_was_shared_with_a_former_one(alice, bob, couple, erin):
    r = services.create_reflection(alice, **REFLECTION, shared=True)
    leave_couple(alice)
    make_couple(alice, erin)

    with pytest.raises(Http404):
        gate.get_reflection_for_user(erin, r.pk)


# --- repairs ---------------------------------------------------------------------


def test_a_repair_starts_as_a_private_draft_needing_only_what_hurt(alice, bob, couple):
    rep = services.create_repair(alice, hurt="The comment at dinner")

    assert rep.shared_at is None
    assert not gate.repairs_visible_to(bob).exists()
    with pytest.raises(ValidationError) as exc:
        services.create_repair(alice, hurt="")
    assert set(exc.value.message_dict) == {"hurt"}


def test_sharing_a_repair_needs_the_i_statement_and_the_need(alice, bob, couple):
    rep = services.create_repair(alice, hurt="The comment at dinner")

    with pytest.raises(ValidationError) as exc:
        services.share_repair(alice, rep.pk)
    assert set(exc.value.message_dict) == {"i_statement", "need"}

    services.update_repair(alice, rep.pk, i_statement=REPAIR["i_statement"], need="A talk")
    services.share_repair(alice, rep.pk)
    assert gate.get_repair_for_user(bob, rep.pk).need == "A talk"


def test_a_shared_repair_cannot_lose_its_required_steps(alice, bob, couple):
    rep = services.share_repair(alice, services.create_repair(alice, **REPAIR).pk)

    with pytest.raises(ValidationError) as exc:
        services.update_repair(alice, rep.pk, need="")
    assert "need" in exc.value.message_dict
    rep.refresh_from_db()
    assert rep.need == REPAIR["need"]


def test_the_partner_responds_once_and_can_change_the_response(alice, bob, couple):
    rep = services.share_repair(alice, services.create_repair(alice, **REPAIR).pk)

    first, created = services.respond_to_repair(bob, rep.pk, "I am sorry. Sunday works.")
    second, created_again = services.respond_to_repair(bob, rep.pk, "Sorry. Sunday at ten?")

    assert created is True and created_again is False
    assert first.pk == second.pk
    assert [r.text for r in services.responses_for(alice, rep)] == ["Sorry. Sunday at ten?"]


def test_nobody_may_respond_to_a_draft_or_to_their_own_repair(alice, bob, couple, dave):
    draft = services.create_repair(alice, **REPAIR)
    with pytest.raises(Http404):
        services.respond_to_repair(bob, draft.pk, "Hello")
    services.share_repair(alice, draft.pk)
    for person in (alice, dave):
        with pytest.raises(Http404):
            services.respond_to_repair(person, draft.pk, "Hello")
    assert not RepairResponse.objects.exists()


def test_an_empty_or_overlong_response_is_refused(alice, bob, couple):
    rep = services.share_repair(alice, services.create_repair(alice, **REPAIR).pk)

    for text in ("", "x" * 1001, "a\x07b"):
        with pytest.raises(ValidationError) as exc:
            services.respond_to_repair(bob, rep.pk, text)
        assert "text" in exc.value.message_dict


def test_after_leaving_the_author_no_longer_sees_the_former_partners_response(alice, bob, couple):
    rep = services.share_repair(alice, services.create_repair(alice, **REPAIR).pk)
    services.respond_to_repair(bob, rep.pk, "bob-response-words")

    leave_couple(alice)

    assert services.responses_for(alice, rep) == []
    assert [r.text for r in gate.authored_repair_responses(bob)] == ["bob-response-words"]


# --- boundaries ----------------------------------------------------------------------


def test_a_boundary_is_private_until_shared_and_the_partner_can_acknowledge_it(alice, bob, couple):
    b = services.create_boundary(
        alice, kind="not_acceptable", statement="Being shouted at is not acceptable to me"
    )
    with pytest.raises(Http404):
        services.acknowledge_boundary(bob, b.pk)

    services.update_boundary(alice, b.pk, shared=True)
    acknowledged = services.acknowledge_boundary(bob, b.pk)

    assert acknowledged.acknowledged_at is not None
    assert services.acknowledge_boundary(bob, b.pk).acknowledged_at == acknowledged.acknowledged_at


def test_the_author_cannot_acknowledge_their_own_boundary(alice, bob, couple):
    b = services.create_boundary(alice, statement="I need an hour after work", shared=True)
    with pytest.raises(Http404):
        services.acknowledge_boundary(alice, b.pk)


def test_changing_the_statement_or_unsharing_asks_for_a_fresh_acknowledgement(alice, bob, couple):
    b = services.create_boundary(alice, statement="I need an hour after work", shared=True)
    services.acknowledge_boundary(bob, b.pk)

    services.update_boundary(alice, b.pk, why="It helps me arrive")
    b.refresh_from_db()
    assert b.acknowledged_at is not None

    services.update_boundary(alice, b.pk, statement="I need half an hour after work")
    b.refresh_from_db()
    assert b.acknowledged_at is None

    services.acknowledge_boundary(bob, b.pk)
    services.update_boundary(alice, b.pk, shared=False)
    b.refresh_from_db()
    assert b.acknowledged_at is None and b.shared_at is None


def test_a_boundary_needs_a_known_kind_and_a_statement(alice):
    with pytest.raises(ValidationError) as exc:
        services.create_boundary(alice, kind="ultimatum", statement="")
    assert set(exc.value.message_dict) == {"kind", "statement"}
    assert not Boundary.objects.exists()


def test_deleting_my_account_keeps_my_partners_response_but_not_my_repair(alice, bob, couple):
    rep = services.share_repair(alice, services.create_repair(alice, **REPAIR).pk)
    services.respond_to_repair(bob, rep.pk, "bob-response-words")

    alice.delete()

    assert not Repair.objects.exists()
    assert [r.text for r in RepairResponse.objects.all()] == ["bob-response-words"]
