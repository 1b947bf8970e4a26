"""Rules of the private safety screen and of pausing couple features.

`couple_paused(user)` is the one question other apps ask (notifications, home cards):
it answers for that person only and never says why.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from turntoward.core.content import read_yaml
from turntoward.privacy import safety as gate
from turntoward.safety.models import SafetyPreference, SafetyScreen

if TYPE_CHECKING:
    from turntoward.accounts.models import User

CONTENT = Path(__file__).parent / "content" / "screen.yaml"
ANSWERS = ("no", "sometimes", "yes")
# URL namespaces of the practices done as a couple: these show the gentle paused note.
COUPLE_NAMESPACES = frozenset(
    {"checkins", "bids", "appreciation", "curiosity", "activities", "goals", "weekly", "couples"}
)


@lru_cache(maxsize=1)
def questions() -> tuple[dict[str, str], ...]:
    """The screen's questions, in order: {"slug", "text"}."""
    data = read_yaml(CONTENT) or {}
    return tuple({"slug": str(q["slug"]), "text": str(q["text"])} for q in data["questions"])


def couple_paused(user: Any) -> bool:
    """Whether this person has turned couple features off for themselves."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    pref = gate.preference_of(user)
    return bool(pref and pref.couple_paused)


def _preference(user: User) -> SafetyPreference:
    pref, _ = SafetyPreference.objects.get_or_create(user=user)
    return pref


def set_couple_paused(user: User, paused: bool) -> None:
    """Turn couple features off (True) or back on (False) for this person only."""
    pref = _preference(user)
    pref.couple_paused = bool(paused)
    pref.updated_at = timezone.now()
    pref.save(update_fields=["couple_paused", "updated_at"])


def offer_pending(user: User) -> bool:
    """Whether the once-only offer of the screen should still be shown."""
    if not user.is_authenticated or gate.screen_of(user) is not None:
        return False
    pref = gate.preference_of(user)
    return not (pref and pref.offer_dismissed)


def dismiss_offer(user: User) -> None:
    pref = _preference(user)
    pref.offer_dismissed = True
    pref.updated_at = timezone.now()
    pref.save(update_fields=["offer_dismissed", "updated_at"])


def clean_answers(raw: dict[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
    """The answers keyed by slug, and errors by slug for missing or unknown ones."""
    answers: dict[str, str] = {}
    errors: dict[str, str] = {}
    slugs = [q["slug"] for q in questions()]
    for slug in slugs:
        value = raw.get(slug)
        if value in ANSWERS:
            answers[slug] = str(value)
        else:
            errors[slug] = gettext("Choose no, sometimes or yes.")
    for key in raw:
        if key not in slugs:
            errors[str(key)] = gettext("There is no such question.")
    return answers, errors


def is_positive(answers: dict[str, Any]) -> bool:
    """Any "sometimes" or "yes" calls for the supportive page."""
    return any(v in ("sometimes", "yes") for v in answers.values())


@transaction.atomic
def take_screen(user: User, answers: dict[str, str]) -> SafetyScreen:
    """Store the person's answers (replacing earlier ones); a positive screen pauses couple
    features for them, which they can turn back on."""
    screen, _ = SafetyScreen.objects.get_or_create(user=user)
    screen.answers_json = json.dumps(answers)
    screen.taken_at = timezone.now()
    screen.save()
    pref = _preference(user)
    pref.offer_dismissed = True
    if is_positive(answers):
        pref.couple_paused = True
    pref.updated_at = timezone.now()
    pref.save()
    return screen


def delete_screen(user: User) -> None:
    """Forget the person's answers (the pause stays as they set it)."""
    SafetyScreen.objects.filter(user=user).delete()


def screen_result(user: User) -> dict[str, Any] | None:
    """The owner's view of their screen: answers, whether positive, when taken."""
    screen = gate.screen_of(user)
    if screen is None:
        return None
    answers = screen.answers
    return {"answers": answers, "positive": is_positive(answers), "taken_at": screen.taken_at}


def set_discreet_mode(user: User, on: bool) -> None:
    """Neutral tab name and icon, and neutral email subjects, for this person."""
    user.discreet_mode = bool(on)
    user.save(update_fields=["discreet_mode"])
