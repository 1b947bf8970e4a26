"""Rules of appreciation and kindness: sending, the daily prompt, "I did this", "it landed"."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from turntoward import privacy
from turntoward.appreciation.models import (
    NOTE_MAX,
    TEXT_MAX,
    Appreciation,
    AppreciationKind,
    AppreciationPrompt,
    Category,
    KindnessAct,
    KindnessIdea,
)
from turntoward.core.content import read_yaml
from turntoward.core.validation import clean_text as _clean_text
from turntoward.privacy import appreciation as gate

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from turntoward.accounts.models import User

CONTENT = Path(__file__).parent / "content"


class NeedsPartner(Exception):
    """An appreciation is sent to a partner, so it needs one in the app."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message
            or _(
                "Appreciations go to your partner, so they need your partner to have joined. "
                "Meanwhile, the kindness ideas work just as well on your own."
            )
        )


class KindnessConflict(Exception):
    """The step is not this person's to take (their own kindness, or a past couple)."""


# --- appreciations ------------------------------------------------------------------


def send_appreciation(author: User, *, text: object, kind: object = "did") -> Appreciation:
    """Send my partner an appreciation; both of us see it at once."""
    couple = privacy.couple_of(author)
    partner = privacy.partner_of(author)
    if couple is None or partner is None:
        raise NeedsPartner()
    errors: dict[str, str] = {}
    text_v = _clean_text(errors, "text", text, required=True, limit=TEXT_MAX)
    if kind not in AppreciationKind.values:
        errors["kind"] = _("Choose whether it's for something they did or for who they are.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        return Appreciation.objects.create(
            couple=couple, author=author, recipient=partner, kind=kind, text=text_v
        )


def local_day_bounds(user: User, day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time.min, tzinfo=user.tz)
    return start, start + timedelta(days=1)


def appreciated_today(user: User) -> bool:
    """Whether I sent an appreciation during my local today."""
    start, end = local_day_bounds(user, user.local_today())
    return (
        gate.authored_appreciations(user).filter(created_at__gte=start, created_at__lt=end).exists()
    )


def prompt_for(user: User, day: date | None = None) -> AppreciationPrompt | None:
    """The day's prompt: the same for a whole local day, moving through the list."""
    prompts = list(AppreciationPrompt.objects.order_by("order", "slug"))
    if not prompts:
        return None
    day = day or user.local_today()
    return prompts[day.toordinal() % len(prompts)]


# --- kindness ---------------------------------------------------------------------


def ideas(category: object = None) -> QuerySet[KindnessIdea]:
    """The library of ideas, optionally one category."""
    qs = KindnessIdea.objects.all()
    if category in (None, ""):
        return qs
    if category not in Category.values:
        raise ValidationError({"category": _("Choose words, touch, help, time or surprise.")})
    return qs.filter(category=category)


def record_kindness(author: User, *, idea: object, note: object = "") -> KindnessAct:
    """'I did this': log a kindness from the library, with an optional note.

    Works alone too: a kindness done for a partner who isn't in the app still counts.
    """
    errors: dict[str, str] = {}
    found = (
        KindnessIdea.objects.filter(slug=idea).first() if isinstance(idea, str) and idea else None
    )
    if found is None:
        errors["idea"] = _("Choose an idea from the library.")
    note_v = _clean_text(errors, "note", note, required=False, limit=NOTE_MAX)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        return KindnessAct.objects.create(
            couple=privacy.couple_of(author), author=author, idea=found, note=note_v
        )


def mark_landed(viewer: User, act_id: object) -> KindnessAct:
    """My partner's kindness reached me: say it landed (saying it twice changes nothing)."""
    act = gate.get_kindness_act_for_user(viewer, act_id)
    if act.author_id == viewer.pk:
        raise KindnessConflict(_("Only your partner can say that your kindness landed."))
    couple = privacy.couple_of(viewer)
    if couple is None or act.couple_id != couple.pk:
        raise KindnessConflict(_("This kindness belongs to a time you practised together."))
    with transaction.atomic():
        act = KindnessAct.objects.select_for_update().get(pk=act.pk)
        if act.landed_at is None:
            act.landed_at = timezone.now()
            act.landed_by = viewer
            act.save(update_fields=["landed_at", "landed_by"])
    return gate.get_kindness_act_for_user(viewer, act.pk)


# --- content ------------------------------------------------------------------------


def load_content() -> int:
    """Upsert prompts and ideas from YAML by slug; returns how many items there are."""
    prompts = read_yaml(CONTENT / "prompts.yaml")["prompts"]
    library = read_yaml(CONTENT / "kindness.yaml")["ideas"]
    with transaction.atomic():
        for order, item in enumerate(prompts):
            AppreciationPrompt.objects.update_or_create(
                slug=item["slug"], defaults={"text": item["text"], "order": order}
            )
        for order, item in enumerate(library):
            KindnessIdea.objects.update_or_create(
                slug=item["slug"],
                defaults={
                    "category": item["category"],
                    "title": item["title"],
                    "text": item["text"],
                    "order": order,
                },
            )
    return len(prompts) + len(library)
