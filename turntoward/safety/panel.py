"""Showing the risk panel to the writer, right after they save something they wrote.

HTMX answers put `risk_panel` straight into the swapped partial (`panel_for`). Pages that
redirect after a save leave a one-shot marker in the writer's session naming what was
saved (`remember_saved`), never the result; the next page (base.html) re-screens the
writer's own words and shows the panel once (`pending_panel`). Nothing about risk is stored.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse

from turntoward.privacy import safety as gate
from turntoward.safety.screening import RiskPanel, screen_text

SESSION_KEY = "tt_just_saved"

# What a partner reads by its nature (once revealed, for check-ins and curiosity answers);
# reflections, repairs and boundaries only while shared (their `is_shared`).
PARTNER_READS = frozenset(
    {
        "checkins.checkin",
        "checkins.checkinreply",
        "bids.bid",
        "appreciation.appreciation",
        "appreciation.kindnessact",
        "weekly.weeklycheckin",
        "curiosity.answer",
        "goals.goal",
        "goals.goalupdate",
        "activities.activityplan",
        "activities.activityreflection",
        "reflection.repairresponse",
    }
)


def partner_reads(obj: Any) -> bool:
    """Whether the writer's partner can read `obj`'s words (now or once revealed)."""
    shared = getattr(obj, "is_shared", None)
    if shared is not None:
        return bool(shared() if callable(shared) else shared)
    return obj._meta.label_lower in PARTNER_READS


def panel_for(request: HttpRequest, *texts: str | None, partner_reads: bool = False) -> RiskPanel:
    """The panel for words the signed-in person just wrote."""
    return screen_text(request.user, *texts, partner_reads=partner_reads)


def remember_saved(request: HttpRequest, obj: Any, *fields: str, author: str = "author") -> None:
    """Mark `obj` (written by request.user via its `author` field) for one re-screen of
    `fields` (default: every encrypted text field, i.e. everything the person wrote)."""
    request.session[SESSION_KEY] = {
        "label": obj._meta.label_lower,
        "pk": str(obj.pk),
        "fields": list(fields),
        "author": author,
    }


def pending_panel(request: HttpRequest) -> RiskPanel:
    """Take the one-shot marker (if any) and screen the writer's own saved words."""
    session = getattr(request, "session", None)
    if session is None or SESSION_KEY not in session:
        return RiskPanel()
    marker = session.pop(SESSION_KEY, None)
    if not isinstance(marker, dict):
        return RiskPanel()
    obj = gate.own_writing(
        request.user, str(marker.get("label")), str(marker.get("pk")), str(marker.get("author"))
    )
    if obj is None:
        return RiskPanel()
    from turntoward.core.fields import EncryptedTextField

    names = marker.get("fields") or [
        f.name for f in obj._meta.concrete_fields if isinstance(f, EncryptedTextField)
    ]
    texts = []
    for name in names:
        value = getattr(obj, str(name), None)
        if isinstance(value, dict):
            texts.extend(str(v) for v in value.values() if v)
        elif isinstance(value, (list, tuple)):
            texts.extend(str(v) for v in value if v)
        elif value:
            texts.append(str(value))
    return screen_text(request.user, *texts, partner_reads=partner_reads(obj))


def attach_panel(
    request: HttpRequest, response: HttpResponse, *texts: str | None, partner_reads: bool = False
) -> HttpResponse:
    """For an HTMX answer to a save: add the panel out of band into base.html's slot."""
    return _attach(request, response, panel_for(request, *texts, partner_reads=partner_reads))


def attach_pending(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """For an HTMX answer after `remember_saved`: screen now and add the panel out of band."""
    return _attach(request, response, pending_panel(request))


def _attach(request: HttpRequest, response: HttpResponse, panel: RiskPanel) -> HttpResponse:
    from django.template.loader import render_to_string

    if panel and response.status_code < 300:
        response.content += render_to_string(
            "safety/_risk_panel_oob.html", {"risk_panel": panel}, request=request
        ).encode(response.charset or "utf-8")
    return response
