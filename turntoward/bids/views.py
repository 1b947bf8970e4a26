"""Pages for bids for connection: log, respond, repair, and this week's pattern."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from turntoward import privacy
from turntoward.bids import services
from turntoward.bids.forms import BidForm, RepairForm, ResponseForm
from turntoward.bids.models import Bid
from turntoward.privacy import bids as gate
from turntoward.safety.panel import attach_pending, remember_saved

PAGE_SIZE = 50


@dataclass
class BidRow:
    """One bid as the viewer sees it on the page."""

    bid: Bid
    made_by_me: bool
    maker_name: str
    receiver_name: str
    response_note: str
    repair_note: str
    can_respond: bool
    can_repair: bool
    missed: bool
    response_form: ResponseForm
    repair_form: RepairForm


def _name(viewer: Any, person: Any) -> str:
    if person is None:
        return _("someone who has left")
    return _("you") if person.pk == viewer.pk else person.display_name


def bid_row(
    viewer: Any,
    bid: Bid,
    *,
    response_form: ResponseForm | None = None,
    repair_form: RepairForm | None = None,
) -> BidRow:
    couple = privacy.couple_of(viewer)
    current = couple is not None and bid.couple_id == couple.pk
    notes = gate.notes_visible_to(viewer, bid)
    return BidRow(
        bid=bid,
        made_by_me=bid.maker_id == viewer.pk,
        maker_name=_name(viewer, bid.maker),
        receiver_name=_name(viewer, bid.receiver),
        response_note=notes["response_note"],
        repair_note=notes["repair_note"],
        can_respond=current and not bid.is_repaired,
        can_repair=current and services.can_repair(viewer, bid),
        missed=bid.is_missed(),
        response_form=response_form
        or ResponseForm(
            initial={"response": bid.response, "note": notes["response_note"]}
            if bid.response
            else None
        ),
        repair_form=repair_form or RepairForm(),
    )


def _bid_form(request: HttpRequest, data: Any = None) -> BidForm:
    now = timezone.localtime().replace(second=0, microsecond=0)
    form = BidForm(data, initial={"occurred_at": now, "by": "me"})
    partner = privacy.partner_of(request.user)
    if partner is not None:
        form.fields["by"].choices = [
            ("me", _("I did")),
            ("partner", _("%(name)s did") % {"name": partner.display_name}),
        ]
    return form


def _page_context(request: HttpRequest, *, form: BidForm | None = None, rows=None) -> dict:
    viewer = request.user
    bids = list(gate.bids_visible_to(viewer)[:PAGE_SIZE])
    return {
        "form": form or _bid_form(request),
        "rows": rows if rows is not None else [bid_row(viewer, b) for b in bids],
        "week": services.weekly_stats(viewer, 1)[0],
        "partner": privacy.partner_of(viewer),
        "partner_state": privacy.partner_state(viewer),
    }


def _apply_errors(form: Any, exc: ValidationError) -> None:
    for name, msgs in exc.message_dict.items():
        form.add_error(name if name in form.fields else None, msgs)


@login_required
@require_http_methods(["GET", "POST"])
def bids(request: HttpRequest) -> HttpResponse:
    """The bids page: the log form, this week's pattern, and recent bids."""
    if request.method == "POST":
        form = _bid_form(request, request.POST)
        if form.is_valid():
            try:
                new_bid = services.log_bid(request.user, **form.cleaned_data)
            except ValidationError as exc:
                _apply_errors(form, exc)
            except services.NeedsPartner as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("Your bid is noted."))
                remember_saved(request, new_bid, "description")
                return redirect("bids:bids")
        return render(request, "bids/bids.html", _page_context(request, form=form))
    return render(request, "bids/bids.html", _page_context(request))


def _after_change(
    request: HttpRequest,
    bid: Bid,
    row: BidRow,
    *,
    failed: bool,
    done_message: str,
) -> HttpResponse:
    if request.htmx:
        context = {
            "row": row,
            "week": services.weekly_stats(request.user, 1)[0],
            "partner": privacy.partner_of(request.user),
            "oob": True,
        }
        response = render(request, "bids/_changed.html", context, status=422 if failed else 200)
        return attach_pending(request, response)
    if failed:
        rows = [
            row if b.pk == bid.pk else bid_row(request.user, b)
            for b in gate.bids_visible_to(request.user)[:PAGE_SIZE]
        ]
        return render(request, "bids/bids.html", _page_context(request, rows=rows))
    messages.success(request, done_message)
    return redirect("bids:bids")


@login_required
@require_POST
def respond(request: HttpRequest, bid_id: str) -> HttpResponse:
    """Record how a bid was met."""
    bid = gate.get_bid_for_user(request.user, bid_id)
    form = ResponseForm(request.POST)
    if form.is_valid():
        try:
            bid = services.respond_to_bid(request.user, bid.pk, **form.cleaned_data)
        except ValidationError as exc:
            _apply_errors(form, exc)
        except services.BidConflict as exc:
            form.add_error(None, str(exc))
    failed = bool(form.errors)
    row = bid_row(request.user, bid, response_form=form if failed else None)
    if not failed:
        remember_saved(request, bid, "response_note", author="responded_by")
    return _after_change(request, bid, row, failed=failed, done_message=_("The response is noted."))


@login_required
@require_POST
def repair(request: HttpRequest, bid_id: str) -> HttpResponse:
    """Acknowledge a bid I missed."""
    bid = gate.get_bid_for_user(request.user, bid_id)
    form = RepairForm(request.POST)
    if form.is_valid():
        try:
            bid = services.repair_bid(request.user, bid.pk, note=form.cleaned_data["note"])
        except ValidationError as exc:
            _apply_errors(form, exc)
        except services.BidConflict as exc:
            form.add_error(None, str(exc))
    failed = bool(form.errors)
    row = bid_row(request.user, bid, repair_form=form if failed else None)
    if not failed:
        remember_saved(request, bid, "repair_note", author="repaired_by")
    return _after_change(
        request, bid, row, failed=failed, done_message=_("Thank you for coming back to it.")
    )
