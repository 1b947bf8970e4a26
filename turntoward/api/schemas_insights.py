"""Schemas of the insights and report endpoints (names prefixed: unique across the API)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from ninja import Schema
from pydantic import Field

InsightsPeriod = Literal["4w", "3m", "1y", "all"]
ReportMeasure = Literal["connection-check", "csi-4", "phq-9", "gad-7", "rses"]


class InsightsQuery(Schema):
    period: InsightsPeriod = Field("4w", description="4w, 3m, 1y or all (default 4w).")


class ReportQuery(Schema):
    period: InsightsPeriod = Field("4w", description="4w, 3m, 1y or all (default 4w).")
    include: list[ReportMeasure] = Field(
        default_factory=list,
        description="My measures to include (repeat the parameter); none by default.",
    )


class InsightsConnectionPointOut(Schema):
    date: date
    mine: float | None
    partner: float | None = Field(description="Only days we both checked in.")


class InsightsConnectionOut(Schema):
    bucket: Literal["day", "week", "month"] = Field(
        description="day: 7-day rolling average; week or month: the average of each."
    )
    points: list[InsightsConnectionPointOut]
    mine: float | None
    partner: float | None
    mine_on_shared_days: float | None
    perception_gap: float | None = Field(
        description="Partner's average minus mine, on days we both checked in."
    )
    shared_days: int


class InsightsBidWeekOut(Schema):
    week: date
    toward: int
    away: int
    against: int
    repaired: int
    ratio: int | None = Field(description="Percent of answered bids turned toward.")


class InsightsBidsOut(Schema):
    bucket: Literal["week", "month"] = Field(description="month for the `all` period.")
    total: int
    answered: int
    toward: int
    away: int
    against: int
    repaired: int
    repairs_shared: int
    ratio: int | None
    weeks: list[InsightsBidWeekOut]


class InsightsShareOut(Schema):
    key: str
    label: str
    mine: int
    partner: int
    my_share: int | None = Field(description="Percent; null when neither took part.")
    partner_share: int | None


class InsightsConsistencyOut(Schema):
    window: int
    days_mine: int
    days_both: int


class InsightsMeasurePointOut(Schema):
    date: date
    score: int
    band: str
    band_label: str


class InsightsMeasureOut(Schema):
    slug: str
    name: str
    cutoff: float | None
    points: list[InsightsMeasurePointOut]


class InsightsPartnerSummaryOut(Schema):
    instrument: str
    name: str
    score: int
    band: str
    band_label: str
    date: date


class InsightsPracticeOut(Schema):
    key: str
    label: str
    mine: int
    partner: int | None


class InsightsOut(Schema):
    period: InsightsPeriod
    since: date | None
    until: date
    solo: bool
    partner_name: str | None
    connection: InsightsConnectionOut
    bids: InsightsBidsOut
    balance: list[InsightsShareOut]
    consistency: InsightsConsistencyOut
    measures: list[InsightsMeasureOut] = Field(description="My own results only.")
    partner_summaries: list[InsightsPartnerSummaryOut] = Field(
        description="Summaries my partner chose to share."
    )
    practices: list[InsightsPracticeOut]
    wins: list[str]
