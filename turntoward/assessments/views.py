"""Pages for assessments. A person's results are theirs alone; a partner sees a summary
only when the owner shares it."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from turntoward.assessments import services
from turntoward.assessments.forms import ShareForm, TakeForm
from turntoward.assessments.scoring import Instrument
from turntoward.privacy import assessments as gate
from turntoward.privacy import partner_of
from turntoward.safety.screening import RiskPanel, crisis_panel, screen_text

SCREEN_KEY = "tt_assessment_screen"
# PHQ-9 and GAD-7 totals from which we suggest talking to a professional on one's own.
TALK_TO_SOMEONE = {"phq-9": 10, "gad-7": 10}


def _instrument_or_404(slug: str) -> Instrument:
    return services.get_instrument(slug)


@login_required
@require_GET
def instrument_list(request: HttpRequest) -> HttpResponse:
    """Every instrument: what it is, my last result, and whether the check is due."""
    rows = []
    for inst in services.instruments():
        last = services.latest(request.user, inst.slug)
        rows.append(
            {
                "instrument": inst,
                "last": last,
                "band": inst.band(last.band) if last else None,
                "due": inst.slug == services.CONNECTION_CHECK and services.retake_due(request.user),
            }
        )
    return render(
        request,
        "assessments/list.html",
        {"rows": rows, "retake_weeks": services.retake_weeks(request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def take(request: HttpRequest, slug: str) -> HttpResponse:
    """The questionnaire; on success, my result."""
    inst = _instrument_or_404(slug)
    if request.method == "POST":
        form = TakeForm(inst, request.POST)
        if form.is_valid():
            try:
                response = services.submit_response(
                    request.user, inst.slug, form.answers(), note=form.cleaned_data["note"]
                )
            except ValidationError as exc:
                for name, msgs in exc.message_dict.items():
                    form.add_error("note" if name == "note" else None, msgs)
            else:
                if response.note:
                    # One look right after saving; the result is worked out again from
                    # the writer's own words, never stored.
                    request.session[SCREEN_KEY] = str(response.pk)
                return redirect("assessments:result", slug=inst.slug, response_id=response.pk)
    else:
        form = TakeForm(inst)
    status = 422 if form.is_bound and form.errors else 200
    return render(
        request,
        "assessments/take.html",
        {"instrument": inst, "form": form, "last": services.latest(request.user, inst.slug)},
        status=status,
    )


def _panel(request: HttpRequest, response) -> RiskPanel:
    if response.crisis:
        return crisis_panel(request.user)
    if request.session.get(SCREEN_KEY) == str(response.pk):
        request.session.pop(SCREEN_KEY, None)
        return screen_text(request.user, response.note)
    return RiskPanel()


@login_required
@require_GET
def result(request: HttpRequest, slug: str, response_id: UUID) -> HttpResponse:
    """My result in plain words, with earlier results beside it."""
    inst = _instrument_or_404(slug)
    response = gate.get_response_for_user(request.user, response_id)
    if response.instrument != inst.slug:
        raise Http404("Not found")
    band = inst.band(response.band)
    signs = []
    for sub in inst.subscales:
        value = (response.subscores or {}).get(sub.slug, 0)
        signs.append({"subscale": sub, "score": value, "percent": round(100 * value / sub.max)})
    earlier = services.earlier(response)
    for row in earlier:
        row.band_obj = inst.band(row.band)
    follow = services.instrument(response.follow_up) if response.follow_up else None
    return render(
        request,
        "assessments/result.html",
        {
            "instrument": inst,
            "response": response,
            "band": band,
            "signs": signs,
            "earlier": earlier,
            "follow": follow,
            "talk_to_someone": response.score >= TALK_TO_SOMEONE.get(inst.slug, 10**6),
            "risk_panel": _panel(request, response),
            "has_partner": partner_of(request.user) is not None,
            "share_form": ShareForm(initial={"shared": response.shared_with_partner}),
        },
    )


@login_required
@require_POST
def share(request: HttpRequest, slug: str, response_id: UUID) -> HttpResponse:
    """Share or stop sharing a summary (score, band, date) with my partner."""
    response = gate.get_response_for_user(request.user, response_id)
    if response.instrument != slug:
        raise Http404("Not found")
    form = ShareForm(request.POST)
    shared = form.is_valid() and form.cleaned_data["shared"]
    services.set_shared(request.user, response, shared)
    if shared:
        messages.success(request, _("Your partner can now see the score and band of this result."))
    else:
        messages.success(request, _("This result is private again."))
    return redirect("assessments:result", slug=slug, response_id=response.pk)


@login_required
@require_GET
def history(request: HttpRequest, slug: str) -> HttpResponse:
    """All my results for one instrument, newest first."""
    inst = _instrument_or_404(slug)
    rows = list(services.history(request.user, inst.slug))
    for row in rows:
        row.band_obj = inst.band(row.band)
    return render(request, "assessments/history.html", {"instrument": inst, "rows": rows})


@login_required
@require_GET
def shared(request: HttpRequest) -> HttpResponse:
    """Summaries my partner chose to share with me: instrument, score, band, date."""
    rows = []
    for summary in gate.shared_summaries_visible_to(request.user):
        inst = services.instrument(summary.instrument)
        if inst is None:
            continue
        rows.append({"summary": summary, "instrument": inst, "band": inst.band(summary.band)})
    return render(
        request,
        "assessments/shared.html",
        {"rows": rows, "partner": partner_of(request.user)},
    )
