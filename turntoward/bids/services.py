"""Rules of bids for connection: logging, responding, repairing, and the weekly ratio.

The turn-toward ratio of a week is toward / (toward + away + against), counted over
the bids that happened that week (in the viewer's local week, Monday to Sunday). Open
bids are not in the ratio (they are listed and counted as `open`); a week with no
answered bids has no ratio (None), never 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from turntoward import privacy
from turntoward.bids.models import DESCRIPTION_MAX, NOTE_MAX, Bid, BidKind, BidResponse
from turntoward.core.validation import clean_text as _clean_text
from turntoward.privacy import bids as gate

if TYPE_CHECKING:
    from turntoward.accounts.models import User

MAX_WEEKS = 52
BACKDATE_DAYS = 365
FUTURE_SKEW = timedelta(minutes=10)


class NeedsPartner(Exception):
    """Bids are between two people: logging one needs a partner in the app."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message
            or _(
                "Bids are between two people, so they need your partner to have joined. "
                "Until then, your journal and reflections are yours to use."
            )
        )


class BidConflict(Exception):
    """The bid cannot take this step now (it is not the caller's to repair, or done)."""


def _clean_occurred_at(errors: dict, author: User, value: datetime | None) -> datetime:
    now = timezone.now()
    if value is None:
        return now
    if timezone.is_naive(value):
        # A time without an offset is the person's own local time.
        value = timezone.make_aware(value, author.tz)
    if value > now + FUTURE_SKEW:
        errors["occurred_at"] = _("That time hasn't come yet. When did it happen?")
    elif value < now - timedelta(days=BACKDATE_DAYS):
        errors["occurred_at"] = _("You can log bids from the past year.")
    return value


def log_bid(
    author: User,
    *,
    description: object,
    kind: object,
    by: object,
    occurred_at: datetime | None = None,
) -> Bid:
    """Log a bid I made to my partner (by='me') or one I noticed from them ('partner')."""
    couple = privacy.couple_of(author)
    partner = privacy.partner_of(author)
    if couple is None or partner is None:
        raise NeedsPartner()
    errors: dict[str, str] = {}
    text = _clean_text(errors, "description", description, required=True, limit=DESCRIPTION_MAX)
    if kind not in BidKind.values:
        errors["kind"] = _("Choose what kind of bid it was.")
    if by not in ("me", "partner"):
        errors["by"] = _("Choose who reached out: you or your partner.")
    when = _clean_occurred_at(errors, author, occurred_at)
    if errors:
        raise ValidationError(errors)
    maker, receiver = (author, partner) if by == "me" else (partner, author)
    with transaction.atomic():
        return Bid.objects.create(
            couple=couple,
            author=author,
            maker=maker,
            receiver=receiver,
            description=text,
            kind=kind,
            occurred_at=when,
        )


def _require_current_couple(viewer: User, bid: Bid) -> None:
    couple = privacy.couple_of(viewer)
    if couple is None or bid.couple_id != couple.pk:
        raise BidConflict(
            _("This bid belongs to a time you practised together; it can no longer change.")
        )


def respond_to_bid(viewer: User, bid_id: object, *, response: object, note: object = "") -> Bid:
    """Record how a bid was met: toward, away or against; either partner may record it."""
    bid = gate.get_bid_for_user(viewer, bid_id)
    errors: dict[str, str] = {}
    if response not in BidResponse.values:
        errors["response"] = _("Choose toward, away or against.")
    note_v = _clean_text(errors, "note", note, required=False, limit=NOTE_MAX)
    if errors:
        raise ValidationError(errors)
    _require_current_couple(viewer, bid)
    with transaction.atomic():
        bid = Bid.objects.select_for_update().get(pk=bid.pk)
        if bid.is_repaired:
            raise BidConflict(_("This bid has been repaired, so its response stays as it was."))
        bid.response = response
        bid.response_note = note_v
        bid.responded_by = viewer
        bid.responded_at = timezone.now()
        bid.save(update_fields=["response", "response_note", "responded_by", "responded_at"])
    return gate.get_bid_for_user(viewer, bid.pk)


def can_repair(viewer: User, bid: Bid, now: datetime | None = None) -> bool:
    """The receiver of a missed, unrepaired bid may repair it."""
    return bid.receiver_id == viewer.pk and bid.is_missed(now) and not bid.is_repaired


def repair_bid(viewer: User, bid_id: object, *, note: object) -> Bid:
    """Acknowledge a bid I missed (away, against, or open for a day), with a note."""
    bid = gate.get_bid_for_user(viewer, bid_id)
    errors: dict[str, str] = {}
    note_v = _clean_text(errors, "note", note, required=True, limit=NOTE_MAX)
    if errors:
        raise ValidationError(errors)
    if not bid.is_missed():
        raise ValidationError(
            {
                "bid": _(
                    "Only a missed bid can be repaired: one turned away from or against, "
                    "or left open for more than a day."
                )
            }
        )
    _require_current_couple(viewer, bid)
    if bid.receiver_id != viewer.pk:
        raise BidConflict(_("Only the partner who received this bid can repair it."))
    with transaction.atomic():
        bid = Bid.objects.select_for_update().get(pk=bid.pk)
        if bid.is_repaired:
            raise BidConflict(_("This bid has already been repaired."))
        bid.repair_note = note_v
        bid.repaired_by = viewer
        bid.repaired_at = timezone.now()
        bid.save(update_fields=["repair_note", "repaired_by", "repaired_at"])
    return gate.get_bid_for_user(viewer, bid.pk)


# --- the weekly ratio -------------------------------------------------------------


@dataclass
class Tally:
    """Counts of one week's bids; `ratio` is None when none were answered."""

    bids: int = 0
    toward: int = 0
    away: int = 0
    against: int = 0
    open: int = 0
    repaired: int = 0

    def add(self, bid: Bid) -> None:
        self.bids += 1
        if bid.response == BidResponse.TOWARD:
            self.toward += 1
        elif bid.response == BidResponse.AWAY:
            self.away += 1
        elif bid.response == BidResponse.AGAINST:
            self.against += 1
        else:
            self.open += 1
        if bid.is_repaired:
            self.repaired += 1

    @property
    def answered(self) -> int:
        return self.toward + self.away + self.against

    @property
    def ratio(self) -> float | None:
        return round(self.toward / self.answered, 4) if self.answered else None

    @property
    def percent(self) -> int | None:
        return None if self.ratio is None else round(self.ratio * 100)

    def as_dict(self) -> dict[str, object]:
        return {
            "bids": self.bids,
            "toward": self.toward,
            "away": self.away,
            "against": self.against,
            "open": self.open,
            "repaired": self.repaired,
            "ratio": self.ratio,
        }


@dataclass
class WeekStats:
    """One local week (Monday to Sunday): together, bids I received, bids my partner did."""

    start: date
    end: date
    together: Tally = field(default_factory=Tally)
    me: Tally = field(default_factory=Tally)
    partner: Tally | None = None


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weekly_stats(viewer: User, weeks: int = 4, *, now: datetime | None = None) -> list[WeekStats]:
    """The last `weeks` local weeks, this one first, counted from the bids I may see."""
    if isinstance(weeks, bool) or not isinstance(weeks, int) or not 1 <= weeks <= MAX_WEEKS:
        raise ValidationError({"weeks": _("Choose from 1 to %(n)s weeks.") % {"n": MAX_WEEKS}})
    now = now or timezone.now()
    tz = viewer.tz
    this_monday = week_start(now.astimezone(tz).date())
    first = this_monday - timedelta(weeks=weeks - 1)
    partner = privacy.partner_of(viewer)
    rows = {
        first + timedelta(weeks=i): WeekStats(
            start=first + timedelta(weeks=i),
            end=first + timedelta(weeks=i, days=6),
            partner=Tally() if partner else None,
        )
        for i in range(weeks)
    }
    since = datetime.combine(first, time.min, tzinfo=tz)
    source = gate.couple_bids_visible_to(viewer) if partner else gate.bids_visible_to(viewer)
    for bid in source.filter(occurred_at__gte=since):
        row = rows.get(week_start(bid.occurred_at.astimezone(tz).date()))
        if row is None:
            continue  # logged as happening later than now (within the allowed skew)
        row.together.add(bid)
        if bid.receiver_id == viewer.pk:
            row.me.add(bid)
        elif partner is not None and row.partner is not None and bid.receiver_id == partner.pk:
            row.partner.add(bid)
    return sorted(rows.values(), key=lambda r: r.start, reverse=True)


def list_bids(viewer: User, since: object = None, until: object = None) -> list[Bid]:
    """The bids I may see, newest first."""
    return list(gate.bids_visible_to(viewer).between(since, until))
