"""Rules of reflections, repairs and boundaries: validation, sharing, responses, acknowledgement."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from turntoward import privacy
from turntoward.lib.text import has_forbidden_characters
from turntoward.privacy import reflection as gate
from turntoward.reflection.models import (
    RESPONSE_MAX,
    STATEMENT_MAX,
    TEXT_MAX,
    Boundary,
    Pressure,
    Reflection,
    Repair,
    RepairResponse,
)

if TYPE_CHECKING:
    from turntoward.accounts.models import User
    from turntoward.reflection.models import Shareable

# Per kind: field -> (required, limit).
REFLECTION_FIELDS = {
    "other_pressures": (False, 300),
    "noticed": (True, TEXT_MAX),
    "could_change": (False, TEXT_MAX),
}
REPAIR_FIELDS = {
    "hurt": (True, TEXT_MAX),
    "i_statement": (False, TEXT_MAX),
    "need": (False, TEXT_MAX),
    "offer": (False, TEXT_MAX),
    "let_go": (False, TEXT_MAX),
}
# What a repair needs before the partner reads it: the hurt, said kindly, and the need.
REPAIR_NEEDED_TO_SHARE = ("hurt", "i_statement", "need")
BOUNDARY_FIELDS = {
    "statement": (True, STATEMENT_MAX),
    "why": (False, TEXT_MAX),
}


def clean_text(errors: dict, name: str, value: object, *, required: bool, limit: int) -> str:
    text = "" if value is None else str(value).strip()
    if has_forbidden_characters(text):
        errors[name] = _("Please remove the invisible control characters from this text.")
    elif required and not text:
        errors[name] = _("Please write a few words here.")
    elif len(text) > limit:
        errors[name] = _("Please keep this under %(limit)s characters (you wrote %(n)s).") % {
            "limit": limit,
            "n": len(text),
        }
    return text


def _clean_fields(
    spec: dict[str, tuple[bool, int]], values: dict[str, object], errors: dict
) -> dict[str, str]:
    return {
        name: clean_text(errors, name, values.get(name), required=required, limit=limit)
        for name, (required, limit) in spec.items()
    }


def _reject_unknown(allowed: set[str], values: dict[str, object]) -> None:
    unknown = set(values) - allowed
    if unknown:
        raise ValidationError({name: _("This is not a field you can set.") for name in unknown})


def clean_pressures(errors: dict, value: object) -> str:
    """Known pressure slugs, de-duplicated, in the library's order."""
    if value is None:
        value = []
    if isinstance(value, str):
        value = [value] if value else []
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        errors["pressures"] = _("Choose from the listed pressures.")
        return ""
    known = list(Pressure.objects.values_list("slug", flat=True))
    unknown = [v for v in value if v not in known]
    if unknown:
        errors["pressures"] = _("Choose from the listed pressures.")
        return ""
    return ",".join(slug for slug in known if slug in value)


def is_shared_now(obj: Shareable, viewer: User) -> bool:
    """Shared with the viewer's current couple (a share with a past couple no longer counts)."""
    if obj.shared_at is None or obj.couple_id is None:
        return False
    couple = privacy.couple_of(viewer)
    return couple is not None and couple.pk == obj.couple_id


def _apply_share(obj: Shareable, author: User, shared: bool) -> None:
    """Share with my current partner, or take it back. Not saved here."""
    if not shared:
        obj.shared_at = None
        obj.couple = None
        if isinstance(obj, Boundary):
            obj.acknowledged_at = None
        return
    couple = privacy.couple_of(author)
    if couple is None or privacy.partner_of(author) is None:
        raise ValidationError(
            {"shared": _("You can share this once your partner has joined you here.")}
        )
    if obj.couple_id != couple.pk or obj.shared_at is None:
        if isinstance(obj, Boundary) and obj.couple_id != couple.pk:
            obj.acknowledged_at = None
        obj.shared_at = timezone.now()
        obj.couple = couple


def _check_shared(value: object) -> bool | None:
    if value is None:
        return None
    if not isinstance(value, bool):
        raise ValidationError({"shared": _("Choose whether to share: true or false.")})
    return value


# --- reflections -----------------------------------------------------------------


def create_reflection(author: User, *, shared: object = False, **values: Any) -> Reflection:
    """Write a reflection; private unless `shared`."""
    _reject_unknown({"pressures", *REFLECTION_FIELDS}, values)
    errors: dict[str, str] = {}
    slugs = clean_pressures(errors, values.get("pressures"))
    fields = _clean_fields(REFLECTION_FIELDS, values, errors)
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    reflection = Reflection(
        author=author, pressure_slugs=slugs, created_at=now, updated_at=now, **fields
    )
    with transaction.atomic():
        _apply_share(reflection, author, bool(_check_shared(shared)))
        reflection.save()
    return reflection


def update_reflection(
    author: User, id: object, *, shared: object = None, **changes: Any
) -> Reflection:
    """Change some fields of my reflection, and/or share or unshare it."""
    _reject_unknown({"pressures", *REFLECTION_FIELDS}, changes)
    share = _check_shared(shared)
    with transaction.atomic():
        reflection = gate.get_own_reflection(author, id)
        errors: dict[str, str] = {}
        if "pressures" in changes:
            reflection.pressure_slugs = clean_pressures(errors, changes["pressures"])
        current = {name: getattr(reflection, name) for name in REFLECTION_FIELDS}
        current.update({k: v for k, v in changes.items() if k in REFLECTION_FIELDS})
        fields = _clean_fields(REFLECTION_FIELDS, current, errors)
        if errors:
            raise ValidationError(errors)
        for key, value in fields.items():
            setattr(reflection, key, value)
        if share is not None:
            _apply_share(reflection, author, share)
        reflection.updated_at = timezone.now()
        reflection.save()
    return reflection


def delete_reflection(author: User, id: object) -> None:
    gate.get_own_reflection(author, id).delete()


def pressure_names(slugs: list[str]) -> list[str]:
    names = dict(Pressure.objects.filter(slug__in=slugs).values_list("slug", "name"))
    return [_(names[s]) for s in slugs if s in names]


# --- repairs -----------------------------------------------------------------------


def _check_ready_to_share(repair: Repair) -> None:
    missing = {
        name: _("Please fill this in before sharing.")
        for name in REPAIR_NEEDED_TO_SHARE
        if not getattr(repair, name)
    }
    if missing:
        raise ValidationError(missing)


def create_repair(author: User, **values: Any) -> Repair:
    """Start a repair: a private draft."""
    _reject_unknown(set(REPAIR_FIELDS), values)
    errors: dict[str, str] = {}
    fields = _clean_fields(REPAIR_FIELDS, values, errors)
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    return Repair.objects.create(author=author, created_at=now, updated_at=now, **fields)


def update_repair(author: User, id: object, **changes: Any) -> Repair:
    """Change some steps of my repair (a shared one stays shared)."""
    _reject_unknown(set(REPAIR_FIELDS), changes)
    with transaction.atomic():
        repair = gate.get_own_repair(author, id)
        current = {name: getattr(repair, name) for name in REPAIR_FIELDS}
        current.update(changes)
        errors: dict[str, str] = {}
        fields = _clean_fields(REPAIR_FIELDS, current, errors)
        if errors:
            raise ValidationError(errors)
        for key, value in fields.items():
            setattr(repair, key, value)
        if repair.shared_at is not None:
            _check_ready_to_share(repair)
        repair.updated_at = timezone.now()
        repair.save()
    return repair


def share_repair(author: User, id: object, shared: object = True) -> Repair:
    """Share my repair with my partner (it needs the hurt, the I-statement and the need)."""
    share = _check_shared(shared)
    with transaction.atomic():
        repair = gate.get_own_repair(author, id)
        if share:
            _check_ready_to_share(repair)
        _apply_share(repair, author, bool(share))
        repair.updated_at = timezone.now()
        repair.save()
    return repair


def respond_to_repair(responder: User, id: object, text: object) -> tuple[RepairResponse, bool]:
    """My answer to a repair my partner shared with me; one each, editable."""
    repair = gate.get_partner_repair_for_user(responder, id)
    errors: dict[str, str] = {}
    text_v = clean_text(errors, "text", text, required=True, limit=RESPONSE_MAX)
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    with transaction.atomic():
        response = (
            RepairResponse.objects.select_for_update()
            .filter(repair=repair, author=responder)
            .first()
        )
        if response is not None:
            response.text = text_v
            response.updated_at = now
            response.save(update_fields=["text", "updated_at"])
            return response, False
        response = RepairResponse.objects.create(
            repair=repair, author=responder, text=text_v, created_at=now, updated_at=now
        )
        return response, True


def responses_for(viewer: User, repair: Repair) -> list[RepairResponse]:
    """The responses to a repair the viewer may read."""
    return list(gate.repair_responses_visible_to(viewer).filter(repair=repair))


# --- boundaries ----------------------------------------------------------------------


def _clean_kind(errors: dict, value: object) -> str:
    if value not in Boundary.Kind.values:
        errors["kind"] = _("Choose “what I need” or “what is not acceptable to me”.")
        return ""
    return str(value)


def create_boundary(
    author: User, *, kind: object = Boundary.Kind.NEED, shared: object = False, **values: Any
) -> Boundary:
    """Write a boundary; private unless `shared`."""
    _reject_unknown(set(BOUNDARY_FIELDS), values)
    errors: dict[str, str] = {}
    kind_v = _clean_kind(errors, kind)
    fields = _clean_fields(BOUNDARY_FIELDS, values, errors)
    try:
        share = bool(_check_shared(shared))
    except ValidationError as exc:
        errors.update({k: v[0] for k, v in exc.message_dict.items()})
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    boundary = Boundary(author=author, kind=kind_v, created_at=now, updated_at=now, **fields)
    with transaction.atomic():
        _apply_share(boundary, author, share)
        boundary.save()
    return boundary


def update_boundary(author: User, id: object, *, shared: object = None, **changes: Any) -> Boundary:
    """Change my boundary; a changed statement asks for a fresh acknowledgement."""
    _reject_unknown({"kind", *BOUNDARY_FIELDS}, changes)
    share = _check_shared(shared)
    with transaction.atomic():
        boundary = gate.get_own_boundary(author, id)
        errors: dict[str, str] = {}
        kind_v = _clean_kind(errors, changes.get("kind", boundary.kind))
        current = {name: getattr(boundary, name) for name in BOUNDARY_FIELDS}
        current.update({k: v for k, v in changes.items() if k in BOUNDARY_FIELDS})
        fields = _clean_fields(BOUNDARY_FIELDS, current, errors)
        if errors:
            raise ValidationError(errors)
        if kind_v != boundary.kind or fields["statement"] != boundary.statement:
            boundary.acknowledged_at = None
        boundary.kind = kind_v
        for key, value in fields.items():
            setattr(boundary, key, value)
        if share is not None:
            _apply_share(boundary, author, share)
        boundary.updated_at = timezone.now()
        boundary.save()
    return boundary


def delete_boundary(author: User, id: object) -> None:
    gate.get_own_boundary(author, id).delete()


def acknowledge_boundary(partner: User, id: object) -> Boundary:
    """I have read the boundary my partner shared with me; saying so is idempotent."""
    with transaction.atomic():
        boundary = gate.get_partner_boundary_for_user(partner, id)
        if boundary.acknowledged_at is None:
            boundary.acknowledged_at = timezone.now()
            boundary.save(update_fields=["acknowledged_at"])
    return boundary
