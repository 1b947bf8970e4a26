"""The progress report: my insights and the measures I tick, as a PDF drawn by WeasyPrint.

The report holds only what its reader may see anyway: the same insights as the page
(my figures, my partner's revealed check-ins and our shared practices, participation
counts) and the measures I chose. Never a partner's measures, journal, self-care or
anything from the safety features. Nothing is fetched from the network.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetchingError

from turntoward.insights import charts, services
from turntoward.privacy import insights as gate

if TYPE_CHECKING:
    from turntoward.accounts.models import User


class LocalOnlyFetcher(URLFetcher):
    """Refuses every URL except inline data: the report needs nothing from outside."""

    def fetch(self, url, headers=None):  # type: ignore[override]
        if not str(url).startswith("data:"):
            raise URLFetchingError(f"Refused to fetch {url!r}: reports use no outside resources.")
        return super().fetch(url, headers)


def available_measures(viewer: User) -> list[dict]:
    """The report's measures that I have taken at least once, in a fixed order."""
    taken = set(
        gate.own_measures(viewer)
        .filter(instrument__in=services.REPORT_MEASURES)
        .values_list("instrument", flat=True)
        .distinct()
    )
    return [services.instrument_meta(s) for s in services.REPORT_MEASURES if s in taken]


def filename(viewer: User) -> str:
    return f"turn-toward-report-{viewer.local_today().isoformat()}.pdf"


def report_html(viewer: User, period: str, include: list[str]) -> str:
    """The report as HTML (for the PDF), holding only the ticked measures."""
    data = services.compute(viewer, period)
    taken = {m["slug"] for m in available_measures(viewer)}
    chosen = [s for s in include if s in taken]
    data.measures = [m for m in data.measures if m["slug"] in chosen]
    me_label = viewer.display_name
    partner_label = data.partner_name
    return render_to_string(
        "insights/report_pdf.html",
        {
            "viewer": viewer,
            "data": data,
            "period_label": services.PERIOD_LABELS[data.period],
            "charts": charts.charts_for(data, me_label, partner_label, measures=chosen),
            "made_at": timezone.now().astimezone(viewer.tz),
            "chosen": chosen,
        },
    )


def report_pdf(viewer: User, period: str, include: list[str]) -> bytes:
    """The progress report as PDF bytes."""
    html = report_html(viewer, period, include)
    return HTML(string=html, base_url=None, url_fetcher=LocalOnlyFetcher()).write_pdf()
