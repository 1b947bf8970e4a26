"""`insights` (figures over a period) and `report` (the progress report as PDF)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router

from turntoward.api.schemas import Error
from turntoward.api.schemas_insights import InsightsOut, InsightsQuery, ReportQuery
from turntoward.insights import report, services

insights_router = Router(tags=["insights"])
report_router = Router(tags=["insights"])

# Mounted by turntoward/api/api.py under /api/v1/<prefix>.
ROUTERS = {
    "/insights": insights_router,
    "/report": report_router,
}


def insights_out(data: services.Insights) -> dict[str, Any]:
    return {
        "period": data.period,
        "since": data.since,
        "until": data.until,
        "solo": data.solo,
        "partner_name": data.partner_name,
        "connection": {
            "bucket": data.bucket,
            "points": data.connection,
            "mine": data.my_connection,
            "partner": data.partner_connection,
            "mine_on_shared_days": data.my_connection_shared_days,
            "perception_gap": data.perception_gap,
            "shared_days": data.shared_days,
        },
        "bids": {**data.bids, "weeks": data.bid_weeks},
        "balance": [vars(s) for s in data.balance],
        "consistency": data.consistency,
        "measures": data.measures,
        "partner_summaries": data.partner_summaries,
        "practices": [{**p, "label": str(p["label"])} for p in data.practices],
        "wins": data.wins,
    }


@insights_router.get("", response={200: InsightsOut, 401: Error, 422: Error})
def get_insights(request: HttpRequest, filters: Query[InsightsQuery]):
    """Insights for me (and us) over a period: connection, bids, balance, wins."""
    return insights_out(services.compute(request.auth, filters.period))


@report_router.get(
    "",
    response={200: bytes, 401: Error, 422: Error},
    openapi_extra={
        "responses": {
            200: {
                "description": "The progress report as a PDF file.",
                "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    },
)
def get_report(request: HttpRequest, filters: Query[ReportQuery]):
    """The progress report as PDF, with only the measures named in `include`."""
    user = request.auth
    pdf = report.report_pdf(user, filters.period, list(filters.include))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{report.filename(user)}"'
    response["Cache-Control"] = "no-store"
    return response
