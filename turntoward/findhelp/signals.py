"""Escalation signals: clear, explained reasons to suggest professional help.

Every rule reads its thresholds from ``settings.SIGNALS``. One engine, ``evaluate``, runs
each rule as a few grouped queries over a set of people (counts and averages per person
and per week, never a walk over history), so one person's page and the nightly bulk run
(``compute_all_signals``) give the same answers. A person's signals use only what that
person may see (see turntoward/privacy/findhelp.py); private ones are about their own
answers and are only ever shown to them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.db.models import Count, F, Q, QuerySet, Sum, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from turntoward.couples.models import Membership
from turntoward.findhelp.models import SignalKey, SignalState
from turntoward.privacy import findhelp as gate

if TYPE_CHECKING:
    from turntoward.accounts.models import User

CSI = "csi-4"
# Default ages (days) after which a score no longer counts, when settings leave them out.
CSI_MAX_AGE = 120
WELLBEING_MAX_AGE = 60
WELLBEING = {"phq-9": "PHQ-9", "gad-7": "GAD-7"}
PRIVATE = {SignalKey.LOW_CONNECTION, SignalKey.CSI_LOW_TWICE, SignalKey.WELLBEING_LOW}
INDIVIDUAL = {SignalKey.DISENGAGED_PARTNER, SignalKey.WELLBEING_LOW}


@dataclass(frozen=True)
class Signal:
    """One fired rule, explained for the person it is about."""

    key: str
    title: str
    why: str
    clears_when: str
    suggestion: str
    private: bool
    individual: bool
    help_url: str
    since: datetime | None = None


def rule(key: str) -> dict[str, Any]:
    return settings.SIGNALS[key]


def enabled(key: str) -> bool:
    return bool(rule(key).get("enabled", True))


# --- what the rules look at -------------------------------------------------------------


@dataclass
class Facts:
    """Grouped figures for a set of people, as plain dictionaries keyed by user id."""

    today: date
    now: datetime
    couples: dict[int, dict[str, Any]] = field(default_factory=dict)  # user -> couple info
    actions: dict[int, list[int]] = field(default_factory=dict)  # person -> per-week counts
    recent: set[int] = field(default_factory=set)  # people who took part lately
    own_weeks: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # (sum, n)
    revealed_weeks: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    own_window: dict[int, tuple[int, int]] = field(default_factory=dict)
    csi: dict[int, list[int]] = field(default_factory=dict)  # newest first
    wellbeing: dict[int, dict[str, int]] = field(default_factory=dict)


def _weeks() -> int:
    return max(rule("one_sided_effort")["weeks"], rule("declining_connection")["weeks"], 1)


def week_bounds(today: date, k: int) -> tuple[date, date]:
    """Week k back (0 = the 7 days ending today), as first and last local day."""
    last = today - timedelta(days=7 * k)
    return last - timedelta(days=6), last


def _midnight(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time.min, tzinfo=tz)


def _in_week(time_field: str, today: date, k: int, tz: ZoneInfo, is_date: bool) -> Q:
    first, last = week_bounds(today, k)
    if is_date:
        return Q(**{f"{time_field}__gte": first, f"{time_field}__lte": last})
    return Q(
        **{
            f"{time_field}__gte": _midnight(first, tz),
            f"{time_field}__lt": _midnight(last + timedelta(days=1), tz),
        }
    )


def gather(people: QuerySet, today: date, tz: ZoneInfo, now: datetime) -> Facts:
    """All figures the rules need for these people (and, for counts, their partners)."""
    facts = Facts(today=today, now=now)
    weeks = _weeks()

    their_couples = Membership.objects.filter(user__in=people).values("couple_id")
    rows = Membership.objects.filter(
        couple__ended_at__isnull=True, couple_id__in=their_couples
    ).values("user_id", "couple_id", "couple__started_on", "couple__created_at")
    by_couple: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_couple[row["couple_id"]].append(row)
    for members in by_couple.values():
        for row in members:
            partner = next((m["user_id"] for m in members if m["user_id"] != row["user_id"]), None)
            facts.couples[row["user_id"]] = {
                "partner": partner,
                "started_on": row["couple__started_on"],
                "created_at": row["couple__created_at"],
            }
    # Counts of taking part are shared by nature: partners' are needed too.
    everyone = people.model.objects.filter(
        Q(pk__in=people) | Q(pk__in=gate.couple_members_of(people))
    )

    # Participation: one grouped query per kind of action, a count per person per week.
    quiet_days = rule("disengaged_partner")["days"]
    recent_from = now - timedelta(days=quiet_days)
    oldest = week_bounds(today, weeks - 1)[0]
    counts: dict[int, list[int]] = defaultdict(lambda: [0] * weeks)
    for qs, person, when in gate.participation_of(everyone):
        is_date = when == "day"
        aggregates = {
            f"w{k}": Count("pk", filter=_in_week(when, today, k, tz, is_date)) for k in range(weeks)
        }
        if is_date:
            # A check-in for a day is written during or after that day: certainly recent.
            first_recent = (recent_from + timedelta(days=1)).astimezone(tz).date()
            recent_q = Q(**{f"{when}__gte": first_recent})
            lower = Q(**{f"{when}__gte": min(oldest, first_recent)})
        else:
            recent_q = Q(**{f"{when}__gt": recent_from})
            lower = Q(**{f"{when}__gte": min(_midnight(oldest, tz), recent_from)})
        aggregates["recent"] = Count("pk", filter=recent_q)
        for row in qs.filter(lower).values(person).annotate(**aggregates).order_by():
            who = row[person]
            for k in range(weeks):
                counts[who][k] += row[f"w{k}"]
            if row["recent"]:
                facts.recent.add(who)
    facts.actions = dict(counts)

    # Felt connection: my own check-ins, and my partner's only on revealed days.
    low_days = rule("low_connection")["days"]
    window_from = today - timedelta(days=low_days - 1)
    week_aggs: dict[str, Any] = {}
    for k in range(weeks):
        in_week = _in_week("day", today, k, tz, True)
        week_aggs[f"s{k}"] = Sum("connection", filter=in_week)
        week_aggs[f"n{k}"] = Count("pk", filter=in_week)
    since_day = min(oldest, window_from)
    own = (
        gate.own_checkins_of(people)
        .filter(day__gte=since_day, day__lte=today)
        .values("author_id")
        .annotate(
            **week_aggs,
            ws=Sum("connection", filter=Q(day__gte=window_from)),
            wn=Count("pk", filter=Q(day__gte=window_from)),
        )
        .order_by()
    )
    for row in own:
        facts.own_weeks[row["author_id"]] = [
            (row[f"s{k}"] or 0, row[f"n{k}"]) for k in range(weeks)
        ]
        facts.own_window[row["author_id"]] = (row["ws"] or 0, row["wn"])
    revealed = (
        gate.checkins_revealed_to_partners(gate.couple_members_of(people))
        .filter(day__gte=oldest, day__lte=today)
        .values("author_id")
        .annotate(**week_aggs)
        .order_by()
    )
    for row in revealed:
        facts.revealed_weeks[row["author_id"]] = [
            (row[f"s{k}"] or 0, row[f"n{k}"]) for k in range(weeks)
        ]

    # Own assessments: the latest two CSI-4 and the latest PHQ-9 / GAD-7, per person.
    # Answers older than each rule's max_age_days no longer speak for how things are now.
    recent = Q(
        instrument=CSI,
        created_at__gte=facts.now
        - timedelta(days=rule("csi_low_twice").get("max_age_days", CSI_MAX_AGE)),
    ) | Q(
        instrument__in=list(WELLBEING),
        created_at__gte=facts.now
        - timedelta(days=rule("wellbeing_low").get("max_age_days", WELLBEING_MAX_AGE)),
    )
    ranked = (
        gate.own_assessments_of(people)
        .filter(recent)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("user_id"), F("instrument")],
                order_by=[F("created_at").desc(), F("id").desc()],
            )
        )
        .filter(rank__lte=2)
        .values_list("user_id", "instrument", "score", "rank")
    )
    csi: dict[int, dict[int, int]] = defaultdict(dict)
    for user_id, instrument, score, rank in ranked:
        if instrument == CSI:
            csi[user_id][rank] = score
        elif rank == 1:
            facts.wellbeing.setdefault(user_id, {})[instrument] = score
    facts.csi = {u: [s for _r, s in sorted(ranks.items())] for u, ranks in csi.items()}
    return facts


# --- the rules --------------------------------------------------------------------------


def _help_url() -> str:
    return reverse("findhelp:help")


def _signal(key: str, why: str, clears_when: str, suggestion: str) -> Signal:
    return Signal(
        key=SignalKey(key).value,
        title=str(SignalKey(key).label),
        why=why,
        clears_when=clears_when,
        suggestion=suggestion,
        private=key in PRIVATE,
        individual=key in INDIVIDUAL,
        help_url=_help_url(),
    )


def _tenths(value: float) -> str:
    return f"{value:.1f}"


def one_sided_effort(user_id: int, facts: Facts) -> Signal | None:
    cfg = rule("one_sided_effort")
    info = facts.couples.get(user_id)
    if not info or not info["partner"]:
        return None
    weeks = cfg["weeks"]
    if info["started_on"] > week_bounds(facts.today, weeks - 1)[0]:
        return None  # not together for the whole time looked at
    mine = facts.actions.get(user_id, [0] * _weeks())
    theirs = facts.actions.get(info["partner"], [0] * _weeks())
    leaders, figures = set(), []
    for k in range(weeks):
        total = mine[k] + theirs[k]
        top = max(mine[k], theirs[k])
        if total < cfg["min_actions_per_week"] or top * 100 < cfg["share_percent"] * total:
            return None
        leaders.add("me" if mine[k] >= theirs[k] else "partner")
        figures.append(_("%(top)s of %(total)s") % {"top": top, "total": total})
    if len(leaders) != 1:
        return None  # the effort moved between you: not one side carrying it
    return _signal(
        SignalKey.ONE_SIDED_EFFORT,
        _(
            "In each of the last %(weeks)s weeks, %(share)s%% or more of what the two of you "
            "did here came from one side (newest week first: %(figures)s actions). That is a "
            "pattern worth noticing, not anyone's fault."
        )
        % {"weeks": weeks, "share": cfg["share_percent"], "figures": ", ".join(figures)},
        _(
            "It clears as soon as one of the last %(weeks)s weeks is shared more evenly, with "
            "less than %(share)s%% coming from one side."
        )
        % {"weeks": weeks, "share": cfg["share_percent"]},
        _(
            "Talk together about what makes taking part hard for one of you right now and "
            "what would make it lighter. If the pattern has deeper roots, a couples "
            "counsellor can help you look at it side by side."
        ),
    )


def visible_weeks(user_id: int, facts: Facts) -> list[tuple[int, int]]:
    """Felt connection per week in the check-ins this person may see: (sum, count)."""
    own = facts.own_weeks.get(user_id, [(0, 0)] * _weeks())
    info = facts.couples.get(user_id)
    partner = facts.revealed_weeks.get(info["partner"]) if info and info["partner"] else None
    partner = partner or [(0, 0)] * _weeks()
    return [(a[0] + b[0], a[1] + b[1]) for a, b in zip(own, partner, strict=True)]


def declining_connection(user_id: int, facts: Facts) -> Signal | None:
    cfg = rule("declining_connection")
    weeks = cfg["weeks"]
    data = visible_weeks(user_id, facts)[:weeks]
    if len(data) < 2 or any(n < cfg["min_checkins_per_week"] for _s, n in data):
        return None
    averages = [s / n for s, n in data]  # newest first
    falling = all(averages[k] < averages[k + 1] for k in range(len(averages) - 1))
    if not falling or (averages[-1] - averages[0]) * 10 < cfg["min_drop_tenths"] - 1e-9:
        return None
    figures = " → ".join(_tenths(a) for a in reversed(averages))
    drop = _tenths(cfg["min_drop_tenths"] / 10)
    return _signal(
        SignalKey.DECLINING_CONNECTION,
        _(
            "The felt connection in the check-ins you can see fell week after week for "
            "%(weeks)s weeks: %(figures)s out of 5."
        )
        % {"weeks": weeks, "figures": figures},
        _(
            "It clears when a week's average is no lower than the week before, or the fall "
            "over %(weeks)s weeks is less than %(drop)s."
        )
        % {"weeks": weeks, "drop": drop},
        _(
            "A weekly check-in is a good moment to talk about what changed. If the slide "
            "goes on, a couples counsellor can help you find your way back to each other."
        ),
    )


def low_connection(user_id: int, facts: Facts) -> Signal | None:
    cfg = rule("low_connection")
    total, n = facts.own_window.get(user_id, (0, 0))
    if n < cfg["min_checkins"] or total * 10 > cfg["max_average_tenths"] * n:
        return None
    limit = _tenths(cfg["max_average_tenths"] / 10)
    return _signal(
        SignalKey.LOW_CONNECTION,
        _(
            "Over the last %(days)s days, how connected you felt averaged %(avg)s out of 5 "
            "across %(n)s check-ins."
        )
        % {"days": cfg["days"], "avg": _tenths(total / n), "n": n},
        _(
            "It clears when your %(days)s-day average rises above %(limit)s, or there are "
            "fewer than %(min)s check-ins in that time."
        )
        % {"days": cfg["days"], "limit": limit, "min": cfg["min_checkins"]},
        _(
            "Low stretches happen to many couples. If this one lasts, a counsellor can help "
            "you understand it together. This is not a diagnosis, only a pattern in your "
            "own answers."
        ),
    )


def disengaged_partner(user_id: int, facts: Facts) -> Signal | None:
    cfg = rule("disengaged_partner")
    info = facts.couples.get(user_id)
    if not info or not info["partner"] or info["partner"] in facts.recent:
        return None
    quiet_since = facts.now - timedelta(days=cfg["days"])
    if info["created_at"] >= quiet_since:
        return None
    # The grouped counts only rule people out; every practice has its say on the rest.
    from turntoward.accounts.models import User
    from turntoward.core.registry import last_activity

    last = last_activity(User.objects.get(pk=info["partner"]), shared_only=True)
    if last is not None and last >= quiet_since:
        return None
    return _signal(
        SignalKey.DISENGAGED_PARTNER,
        _("Your partner has not taken part here for %(days)s days or more.") % cfg,
        _("It clears as soon as your partner takes part again in something you share."),
        _(
            "You can keep going on your own: the journal, self-care and the lessons work "
            "alone. When a partner will not engage, individual counselling can support you, "
            "whatever they decide."
        ),
    )


def csi_low_twice(user_id: int, facts: Facts) -> Signal | None:
    cfg = rule("csi_low_twice")
    scores = facts.csi.get(user_id, [])
    if len(scores) < 2 or any(s * 10 >= cfg["below_tenths"] for s in scores[:2]):
        return None
    cut = _tenths(cfg["below_tenths"] / 10)
    return _signal(
        SignalKey.CSI_LOW_TWICE,
        _(
            "Your last two relationship satisfaction checks (CSI-4) scored %(a)s and %(b)s, "
            "both below %(cut)s. Only you can see this, and it is not a diagnosis."
        )
        % {"a": scores[0], "b": scores[1], "cut": cut},
        _(
            "It clears when one of your two latest CSI-4 scores is %(cut)s or more, or when "
            "they are more than %(days)s days old."
        )
        % {"cut": cut, "days": cfg.get("max_age_days", CSI_MAX_AGE)},
        _(
            "Couples counselling often helps most before things feel stuck. Whether and when "
            "you mention this to your partner is your choice."
        ),
    )


def wellbeing_low(user_id: int, facts: Facts) -> Signal | None:
    cfg = rule("wellbeing_low")
    scores = facts.wellbeing.get(user_id, {})
    high = [(slug, s) for slug, s in sorted(scores.items()) if s >= cfg["at_least"]]
    if not high:
        return None
    names = " / ".join(WELLBEING[slug] for slug, _s in high)
    figures = ", ".join(f"{WELLBEING[slug]} {s}" for slug, s in high)
    return _signal(
        SignalKey.WELLBEING_LOW,
        _(
            "Your latest well-being answers scored %(figures)s; %(cut)s or more suggests "
            "talking with someone. Only you can see this, and it is not a diagnosis."
        )
        % {"figures": figures, "cut": cfg["at_least"]},
        _(
            "It clears when your next %(names)s score is below %(cut)s, or when this one is "
            "more than %(days)s days old."
        )
        % {
            "names": names,
            "cut": cfg["at_least"],
            "days": cfg.get("max_age_days", WELLBEING_MAX_AGE),
        },
        _(
            "Individual support from a therapist or your doctor can help with how you are "
            "feeling, whatever is happening in the relationship. If you ever feel unsafe, "
            "reach out to a help line straight away."
        ),
    )


RULES = {
    SignalKey.ONE_SIDED_EFFORT: one_sided_effort,
    SignalKey.DECLINING_CONNECTION: declining_connection,
    SignalKey.DISENGAGED_PARTNER: disengaged_partner,
    SignalKey.LOW_CONNECTION: low_connection,
    SignalKey.CSI_LOW_TWICE: csi_low_twice,
    SignalKey.WELLBEING_LOW: wellbeing_low,
}
ORDER = [
    SignalKey.WELLBEING_LOW,
    SignalKey.CSI_LOW_TWICE,
    SignalKey.DECLINING_CONNECTION,
    SignalKey.LOW_CONNECTION,
    SignalKey.ONE_SIDED_EFFORT,
    SignalKey.DISENGAGED_PARTNER,
]


def evaluate(
    people: QuerySet, today: date, tz: ZoneInfo, now: datetime | None = None
) -> dict[int, list[Signal]]:
    """Every enabled rule for each of these people (who share the local date ``today``)."""
    now = now or timezone.now()
    facts = gather(people, today, tz, now)
    result: dict[int, list[Signal]] = {}
    for user_id in people.values_list("pk", flat=True):
        fired = []
        for key in ORDER:
            if enabled(key):
                signal = RULES[key](user_id, facts)
                if signal is not None:
                    fired.append(signal)
        result[user_id] = fired
    return result


def signals_for(user: User) -> list[Signal]:
    """The signals that are active for this person now, most pressing first."""
    if not user.is_authenticated:
        return []
    from turntoward.accounts.models import User as UserModel

    fired = evaluate(UserModel.objects.filter(pk=user.pk), user.local_today(), user.tz)
    signals = fired.get(user.pk, [])
    since = dict(
        gate.signal_states_of(user).filter(cleared_at__isnull=True).values_list("key", "fired_at")
    )
    return [Signal(**{**s.__dict__, "since": since.get(s.key)}) for s in signals]


def compute_all_signals(now: datetime | None = None) -> dict[str, int]:
    """Evaluate everyone and record when each signal starts and clears.

    People are grouped by time zone so each group shares one local "today"; each group
    costs the same handful of grouped queries whatever its size.
    """
    from turntoward.accounts.models import User

    now = now or timezone.now()
    active: set[tuple[int, str]] = set()
    zones = User.objects.filter(is_active=True).values_list("time_zone", flat=True).distinct()
    for zone in zones:
        try:
            tz = ZoneInfo(zone)
        except (KeyError, ValueError):
            tz = ZoneInfo("UTC")
        people = User.objects.filter(is_active=True, time_zone=zone)
        fired = evaluate(people, now.astimezone(tz).date(), tz, now)
        active |= {(u, s.key) for u, signals in fired.items() for s in signals}

    with transaction.atomic():
        open_states = set(
            SignalState.objects.filter(cleared_at__isnull=True).values_list("user_id", "key")
        )
        cleared = open_states - active
        started = active - open_states
        by_key: dict[str, list[int]] = defaultdict(list)
        for user_id, key in cleared:
            by_key[key].append(user_id)
        for key, users in by_key.items():
            for i in range(0, len(users), 5000):
                SignalState.objects.filter(
                    key=key, user_id__in=users[i : i + 5000], cleared_at__isnull=True
                ).update(cleared_at=now)
        SignalState.objects.bulk_create(
            [SignalState(user_id=u, key=k, fired_at=now) for u, k in started],
            batch_size=5000,
        )
    return {"active": len(active), "started": len(started), "cleared": len(cleared)}
