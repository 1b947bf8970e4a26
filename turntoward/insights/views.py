"""Insights pages: my view and our view over a period, and the progress report."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from turntoward.findhelp.signals import signals_for
from turntoward.insights import charts, report, services
from turntoward.insights.forms import ReportForm, period_choices


@login_required
@require_GET
def insights(request: HttpRequest) -> HttpResponse:
    """Trends, turning toward, balance of effort, consistency and small wins."""
    raw = request.GET.get("period")
    notice = ""
    try:
        period = services.parse_period(raw)
    except services.BadPeriod:
        period = services.DEFAULT_PERIOD
        notice = _("We showed the last 4 weeks: that period is not one we know.")
    data = services.compute(request.user, period)
    me_label = _("Me")
    partner_label = data.partner_name
    all_charts = charts.charts_for(data, me_label, partner_label, measures=services.PAGE_MEASURES)
    by_key = {c.key: c for c in all_charts}
    return render(
        request,
        "insights/insights.html",
        {
            "data": data,
            "period": period,
            "periods": period_choices(),
            "notice": notice,
            "connection_chart": by_key.get("connection"),
            "bids_chart": by_key.get("bids"),
            "balance_chart": by_key.get("balance"),
            "measure_charts": [c for c in all_charts if c.key.startswith("measure-")],
            # The person's own signals only (a partner's private ones never show here).
            "signals": signals_for(request.user),
        },
    )


def _report_form_page(request: HttpRequest, form: ReportForm, status: int = 200) -> HttpResponse:
    return render(request, "insights/report.html", {"form": form}, status=status)


@login_required
@require_GET
def report_form(request: HttpRequest) -> HttpResponse:
    """Choose a period and which of my measures go into the PDF."""
    measures = report.available_measures(request.user)
    return _report_form_page(request, ReportForm(measures=measures))


@login_required
@require_GET
def report_download(request: HttpRequest) -> HttpResponse:
    """The progress report as a PDF download, or the form again with what was wrong."""
    measures = report.available_measures(request.user)
    form = ReportForm(request.GET, measures=measures)
    if not form.is_valid():
        return _report_form_page(request, form, status=422)
    pdf = report.report_pdf(request.user, form.cleaned_data["period"], form.cleaned_data["include"])
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{report.filename(request.user)}"'
    response["Cache-Control"] = "no-store"
    return response
