"""Insights over a period, computed by the database from what the gate lets the viewer see.

Every figure is an aggregate (Avg/Count, grouped by day, week or month), so the number of
queries and the rows fetched do not grow with the length of a couple's history: only
with the chosen period's buckets, which are bounded.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from django.db.models import Avg, Count, Q
from django.db.models.functions import TruncMonth, TruncWeek
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from turntoward.assessments import scoring
from turntoward.bids.models import BidResponse
from turntoward.privacy import insights as gate

if TYPE_CHECKING:
    from turntoward.accounts.models import User

PERIODS: dict[str, int | None] = {"4w": 28, "3m": 91, "1y": 365, "all": None}
DEFAULT_PERIOD = "4w"
PERIOD_LABELS = {
    "4w": gettext_lazy("4 weeks"),
    "3m": gettext_lazy("3 months"),
    "1y": gettext_lazy("1 year"),
    "all": gettext_lazy("All time"),
}
CONSISTENCY_DAYS = 30
ROLLING_DAYS = 7
# The measures that appear on the insights page (the report may include more, if ticked).
PAGE_MEASURES = ("connection-check", "csi-4")
REPORT_MEASURES = ("connection-check", "csi-4", "phq-9", "gad-7", "rses")
APPRECIATION_MILESTONES = (10, 25, 50, 100, 250, 500)
CHECKIN_MILESTONES = (7, 30, 100, 365)


class BadPeriod(ValueError):
    """The period is not one of PERIODS."""


@dataclass
class Share:
    key: str
    label: str
    mine: int
    partner: int
    my_share: int | None  # percent, None when neither took part
    partner_share: int | None


@dataclass
class Insights:
    period: str
    since: date | None
    until: date
    solo: bool
    partner_name: str | None
    bucket: str
    connection: list[dict[str, Any]]
    my_connection: float | None
    partner_connection: float | None
    my_connection_shared_days: float | None
    perception_gap: float | None
    shared_days: int
    bid_weeks: list[dict[str, Any]]
    bids: dict[str, Any]
    balance: list[Share]
    consistency: dict[str, int]
    measures: list[dict[str, Any]]
    partner_summaries: list[dict[str, Any]]
    practices: list[dict[str, Any]]
    wins: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def parse_period(value: str | None) -> str:
    """A known period key; the default when none is given."""
    if value in (None, ""):
        return DEFAULT_PERIOD
    if value not in PERIODS:
        raise BadPeriod(value)
    return value


def period_start(period: str, today: date) -> date | None:
    days = PERIODS[period]
    return None if days is None else today - timedelta(days=days - 1)


def instrument_meta(slug: str) -> dict[str, Any]:
    """Name and cut-off of an instrument, from its data file (the scoring engine's)."""
    inst = scoring.instrument(slug)
    if inst is None:
        return {"slug": slug, "name": slug.upper(), "cutoff": None}
    return {"slug": slug, "name": _(inst.short_name), "cutoff": inst.cutoff}


def band_label(slug: str, band: str) -> str:
    """The plain words for a band slug (e.g. "moderately_severe"), translated."""
    inst = scoring.instrument(slug)
    for b in inst.bands if inst else ():
        if b.slug == band:
            return _(b.label)
    return band


def _pct(part: int, whole: int) -> int | None:
    return round(100 * part / whole) if whole else None


def _share(key: str, label: str, mine: int, partner: int) -> Share:
    total = mine + partner
    my_share = _pct(mine, total)
    return Share(key, label, mine, partner, my_share, None if my_share is None else 100 - my_share)


def _round(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(float(value), digits)


def _counts(qs, person_field: str, when_field: str, since, me, partner) -> dict[str, int]:
    """Mine and my partner's counts in the period, in one query."""
    if since:
        qs = qs.filter(**{f"{when_field}__gte": since})
    pid = partner.pk if partner else None
    return qs.aggregate(
        mine=Count(when_field, filter=Q(**{person_field: me.pk})),
        partner=Count(when_field, filter=Q(**{person_field: pid})),
    )


def _before(qs, when_field: str, since, cap: int) -> int:
    """How many came before the period, counted only up to `cap` (bounded work).

    Enough to tell whether a milestone was crossed during the period, whatever the
    length of the history.
    """
    if not since:
        return 0
    return qs.filter(**{f"{when_field}__lt": since}).order_by()[:cap].count()


def _since_dt(viewer: User, since: date | None):
    if since is None:
        return None
    from datetime import datetime, time

    return datetime.combine(since, time.min, tzinfo=viewer.tz)


def compute(viewer: User, period: str = DEFAULT_PERIOD) -> Insights:
    """All insight figures for the viewer over a period (see PERIODS)."""
    period = parse_period(period)
    today = viewer.local_today()
    since = period_start(period, today)
    since_dt = _since_dt(viewer, since)
    couple, partner = gate.couple_and_partner(viewer)
    solo = partner is None
    pid = partner.pk if partner else None

    # --- felt connection: mine and my partner's revealed days -------------------------
    values = gate.connection_values(viewer)
    if period == "4w":
        # A 7-day average by the calendar: each day's point averages that person's
        # check-ins of the seven days ending there. The rows read are bounded (two people,
        # 4 weeks and 6 days at most), whatever the length of the history.
        bucket = "day"
        daily = list(
            values.filter(day__gte=since - timedelta(days=ROLLING_DAYS - 1), day__lte=today)
            .values("author_id", "day", "connection")
            .order_by("day")
        )
        by_author: dict[int, dict[date, int]] = {}
        for row in daily:
            by_author.setdefault(row["author_id"], {})[row["day"]] = row["connection"]
        rows = []
        for author_id, days in by_author.items():
            for day in sorted(d for d in days if d >= since):
                week = [
                    days[d]
                    for d in (day - timedelta(days=n) for n in range(ROLLING_DAYS))
                    if d in days
                ]
                rows.append({"author_id": author_id, "day": day, "avg": sum(week) / len(week)})
        rows.sort(key=lambda r: r["day"])
        key = "day"
    else:
        bucket = "week" if period in ("3m", "1y") else "month"
        trunc = TruncWeek("day") if bucket == "week" else TruncMonth("day")
        qs = values.filter(day__lte=today)
        if since:
            qs = qs.filter(day__gte=since)
        rows = list(
            qs.annotate(bucket=trunc)
            .values("author_id", "bucket")
            .annotate(avg=Avg("connection"))
            .order_by("bucket")
        )
        key = "bucket"
    points: dict[date, dict[str, Any]] = {}
    for row in rows:
        when = row[key]
        when = when.date() if hasattr(when, "date") and callable(when.date) else when
        point = points.setdefault(when, {"date": when, "mine": None, "partner": None})
        who = "mine" if row["author_id"] == viewer.pk else "partner"
        point[who] = _round(row["avg"], 2)
    connection = [points[k] for k in sorted(points)]

    in_period = Q(day__gte=since) if since else Q()
    partner_days = values.filter(in_period, author_id=pid).values("day")
    agg = values.filter(in_period, day__lte=today).aggregate(
        mine=Avg("connection", filter=Q(author_id=viewer.pk)),
        partner=Avg("connection", filter=Q(author_id=pid)),
        mine_shared=Avg("connection", filter=Q(author_id=viewer.pk, day__in=partner_days)),
        shared_days=Count("day", filter=Q(author_id=pid)),
    )
    gap = None
    if agg["partner"] is not None and agg["mine_shared"] is not None:
        gap = round(float(agg["partner"]) - float(agg["mine_shared"]), 1)

    # --- consistency: days both checked in, last 30 (partner's visible days = both) --
    window_start = today - timedelta(days=CONSISTENCY_DAYS - 1)
    recent = gate.checkin_participation(viewer).filter(day__gte=window_start, day__lte=today)
    recent_days: dict[int, set[date]] = {viewer.pk: set(), pid: set()}
    for row in recent:  # at most 2 x 30 rows, whatever the history
        recent_days.setdefault(row["author_id"], set()).add(row["day"])
    both_days = recent_days[viewer.pk] & recent_days.get(pid, set())
    consistency = {
        "window": CONSISTENCY_DAYS,
        "days_mine": len(recent_days[viewer.pk]),
        "days_both": len(both_days) if not solo else 0,
    }

    # --- bids: turn-toward ratio by week, with repairs --------------------------------
    bids = gate.bids_visible_to(viewer).filter(occurred_at__lte=viewer.local_now())
    if since_dt:
        bids = bids.filter(occurred_at__gte=since_dt)
    answered = Q(response__in=[BidResponse.TOWARD, BidResponse.AWAY, BidResponse.AGAINST])
    # By week; for all time by month, so the rows stay few however long the history.
    bid_bucket = "month" if period == "all" else "week"
    bid_trunc = TruncMonth if bid_bucket == "month" else TruncWeek
    weekly = (
        bids.annotate(week=bid_trunc("occurred_at", tzinfo=viewer.tz))
        .values("week")
        .annotate(
            toward=Count("id", filter=Q(response=BidResponse.TOWARD)),
            away=Count("id", filter=Q(response=BidResponse.AWAY)),
            against=Count("id", filter=Q(response=BidResponse.AGAINST)),
            answered=Count("id", filter=answered),
            repaired=Count("id", filter=Q(repaired_at__isnull=False)),
            total=Count("id"),
        )
        .order_by("week")
    )
    bid_weeks = []
    bid_totals = dict.fromkeys(("toward", "away", "against", "answered", "repaired", "total"), 0)
    for row in weekly:
        week = row["week"].date() if hasattr(row["week"], "hour") else row["week"]
        bid_weeks.append(
            {
                "week": week,
                "toward": row["toward"],
                "away": row["away"],
                "against": row["against"],
                "repaired": row["repaired"],
                "ratio": _pct(row["toward"], row["answered"]),
            }
        )
        for key in bid_totals:  # one row a week: summing them is bounded work
            bid_totals[key] += row[key]
    repairs = gate.repairs_visible_to(viewer).filter(shared_at__isnull=False)
    if since_dt:
        repairs = repairs.filter(shared_at__gte=since_dt)
    bid_totals["ratio"] = _pct(bid_totals["toward"], bid_totals["answered"])
    bid_totals["bucket"] = bid_bucket
    bid_totals["repairs_shared"] = repairs.count()

    # --- balance of effort (participation counts, shared by nature) -------------------
    checkin_counts = _counts(
        gate.checkin_participation(viewer).filter(day__lte=today),
        "author_id",
        "day",
        since,
        viewer,
        partner,
    )
    made = {"mine": 0, "partner": 0}
    responded = {"mine": 0, "partner": 0}
    if couple is not None:
        # Who made and who answered our couple's bids in the period, in one query.
        counts = bids.filter(couple=couple).aggregate(
            made_mine=Count("id", filter=Q(maker_id=viewer.pk)),
            made_partner=Count("id", filter=Q(maker_id=pid)),
            answered_mine=Count("id", filter=answered & Q(responded_by_id=viewer.pk)),
            answered_partner=Count("id", filter=answered & Q(responded_by_id=pid)),
        )
        made = {"mine": counts["made_mine"], "partner": counts["made_partner"]}
        responded = {"mine": counts["answered_mine"], "partner": counts["answered_partner"]}
    appreciation_counts = _counts(
        gate.appreciation_participation(viewer),
        "author_id",
        "created_at",
        since_dt,
        viewer,
        partner,
    )
    answer_counts = _counts(
        gate.answer_participation(viewer), "author_id", "created_at", since_dt, viewer, partner
    )
    weekly_counts = _counts(
        gate.weekly_participation(viewer), "author_id", "week", since, viewer, partner
    )
    kindness_counts = _counts(
        gate.kindness_participation(viewer), "author_id", "done_at", since_dt, viewer, partner
    )
    balance_rows = [
        ("checkins", _("Daily check-ins"), checkin_counts),
        ("bids_made", _("Bids made"), made),
        ("bids_answered", _("Bids answered"), responded),
        ("appreciations", _("Appreciations"), appreciation_counts),
        ("questions", _("Questions answered"), answer_counts),
        ("weekly", _("Weekly check-ins"), weekly_counts),
    ]
    balance = (
        [] if solo else [_share(k, label, c["mine"], c["partner"]) for k, label, c in balance_rows]
    )

    # --- practices done in the period (report) ----------------------------------------
    plans = gate.plans_visible_to(viewer).filter(done_at__isnull=False)
    updates = gate.updates_visible_to(viewer)
    if since_dt:
        plans = plans.filter(done_at__gte=since_dt)
        updates = updates.filter(created_at__gte=since_dt)
    practices = [
        {"key": k, "label": label, "mine": c["mine"], "partner": c["partner"] if not solo else None}
        for k, label, c in [*balance_rows, ("kindness", _("Acts of kindness"), kindness_counts)]
    ]
    practices.append(
        {
            "key": "bids_logged",
            "label": _("Bids logged"),
            "mine": bid_totals["total"],
            "partner": None,
        }
    )
    practices.append(
        {
            "key": "activities",
            "label": _("Activities done together"),
            "mine": plans.count(),
            "partner": None,
        }
    )
    practices.append(
        {
            "key": "goal_updates",
            "label": _("Steps on shared goals"),
            "mine": updates.count(),
            "partner": None,
        }
    )

    # --- my own measures, and my partner's shared summaries ---------------------------
    measures_qs = gate.own_measures(viewer)
    if since_dt:
        measures_qs = measures_qs.filter(created_at__gte=since_dt)
    by_slug: dict[str, list[dict[str, Any]]] = {}
    for row in (
        measures_qs.filter(instrument__in=REPORT_MEASURES)
        .values("instrument", "score", "band", "created_at")
        .order_by("created_at")
    ):
        by_slug.setdefault(row["instrument"], []).append(
            {
                "date": row["created_at"].astimezone(viewer.tz).date(),
                "score": row["score"],
                "band": row["band"],
                "band_label": band_label(row["instrument"], row["band"]),
            }
        )
    measures = [
        {**instrument_meta(slug), "points": by_slug[slug]}
        for slug in REPORT_MEASURES
        if slug in by_slug
    ]
    partner_summaries = []
    if not solo:
        summaries = gate.partner_shared_summaries(viewer, since=since_dt)
        for row in summaries:
            partner_summaries.append(
                {
                    "instrument": row["instrument"],
                    "name": instrument_meta(row["instrument"])["name"],
                    "score": row["score"],
                    "band": row["band"],
                    "band_label": band_label(row["instrument"], row["band"]),
                    "date": row["created_at"].astimezone(viewer.tz).date(),
                }
            )

    result = Insights(
        period=period,
        since=since,
        until=today,
        solo=solo,
        partner_name=partner.display_name if partner else None,
        bucket=bucket,
        connection=connection,
        my_connection=_round(agg["mine"]),
        partner_connection=_round(agg["partner"]),
        my_connection_shared_days=_round(agg["mine_shared"]),
        perception_gap=gap,
        shared_days=agg["shared_days"],
        bid_weeks=bid_weeks,
        bids=bid_totals,
        balance=balance,
        consistency=consistency,
        measures=measures,
        partner_summaries=partner_summaries,
        practices=practices,
    )
    # For milestones: what came before the period, counted up to the largest milestone.
    before = {
        "weekly": _before(
            gate.weekly_participation(viewer).filter(author_id=viewer.pk), "week", since, 1
        ),
        "appreciations": _before(
            gate.appreciation_participation(viewer),
            "created_at",
            since_dt,
            max(APPRECIATION_MILESTONES),
        ),
        "checkins": _before(
            gate.checkin_participation(viewer).filter(author_id=viewer.pk),
            "day",
            since,
            max(CHECKIN_MILESTONES),
        ),
    }
    result.wins = small_wins(
        result,
        before=before,
        today=today,
        both_days=both_days,
        my_days=recent_days[viewer.pk],
        weekly=weekly_counts,
        appreciations=appreciation_counts,
        checkins=checkin_counts,
    )
    return result


def _longest_run(days: set[date], start: date, end: date) -> int:
    best = run = 0
    day = start
    while day <= end:
        run = run + 1 if day in days else 0
        best = max(best, run)
        day += timedelta(days=1)
    return best


def _crossed(total: int, in_period: int, milestones: tuple[int, ...]) -> int | None:
    """The highest milestone reached during the period, if any."""
    reached = [m for m in milestones if total >= m > total - in_period]
    return max(reached) if reached else None


def small_wins(
    result: Insights,
    *,
    today: date,
    before: dict[str, int],
    both_days: set[date],
    my_days: set[date],
    weekly: dict[str, int],
    appreciations: dict[str, int],
    checkins: dict[str, int],
) -> list[str]:
    """Improvements and milestones, named specifically and kindly."""
    wins: list[str] = []
    last_week = (today - timedelta(days=7), today - timedelta(days=1))
    if not result.solo:
        run = _longest_run(both_days, *last_week)
        if run >= 3:
            wins.append(_("You both checked in %(n)d days in a row last week.") % {"n": run})
    else:
        run = _longest_run(my_days, *last_week)
        if run >= 3:
            wins.append(_("You checked in %(n)d days in a row last week.") % {"n": run})

    rated = [w for w in result.bid_weeks if w["ratio"] is not None]
    if len(rated) >= 2 and rated[-1]["ratio"] - rated[0]["ratio"] >= 10:
        wins.append(
            _("Your turn-toward ratio rose from %(a)d%% to %(b)d%%.")
            % {"a": rated[0]["ratio"], "b": rated[-1]["ratio"]}
        )
    if result.bids["repaired"]:
        n = result.bids["repaired"]
        wins.append(
            ngettext(
                "You came back to %(n)d missed bid and repaired it.",
                "You came back to %(n)d missed bids and repaired them.",
                n,
            )
            % {"n": n}
        )

    mine_points = [p["mine"] for p in result.connection if p["mine"] is not None]
    if len(mine_points) >= 2 and mine_points[-1] - mine_points[0] >= 0.5:
        wins.append(
            _("Your felt connection rose from %(a).1f to %(b).1f.")
            % {"a": mine_points[0], "b": mine_points[-1]}
        )

    if before["weekly"] == 0 and weekly["mine"] == 1:
        wins.append(_("First weekly check-in done."))
    elif not result.solo and weekly["mine"] and weekly["partner"]:
        wins.append(_("You both filled in the weekly check-in."))

    period_count = appreciations["mine"] + appreciations["partner"]
    together = before["appreciations"] + period_count
    reached = _crossed(together, period_count, APPRECIATION_MILESTONES)
    if reached:
        wins.append(_("%(n)d appreciations shared so far.") % {"n": reached})
    reached = _crossed(before["checkins"] + checkins["mine"], checkins["mine"], CHECKIN_MILESTONES)
    if reached:
        wins.append(_("%(n)d daily check-ins done so far.") % {"n": reached})
    return wins
