"""Rules of the journal: writing, changing and finding one's own private entries."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from turntoward.journal import feelings
from turntoward.journal.models import (
    BODY_MAX,
    FEELINGS_MAX,
    TITLE_MAX,
    EntryFeeling,
    JournalEntry,
    JournalPrompt,
)
from turntoward.lib.text import has_forbidden_characters
from turntoward.privacy import journal as gate

if TYPE_CHECKING:
    from turntoward.accounts.models import User

# Search decrypts in Python, so it looks through at most this many of the newest entries
# that pass the SQL filters (feeling, dates), and returns at most LIST_MAX of them.
SEARCH_SCAN_MAX = 2000
LIST_MAX = 200
QUERY_MAX = 200
_UNSET = object()


def _clean_text(errors: dict, name: str, value: object, *, required: bool, limit: int) -> str:
    text = "" if value is None else str(value).strip()
    if has_forbidden_characters(text):
        errors[name] = _("Please remove the invisible control characters from this text.")
    elif required and not text:
        errors[name] = _("Please write a few words here.")
    elif len(text) > limit:
        errors[name] = _("Please keep this under %(limit)s characters (you wrote %(n)s).") % {
            "limit": limit,
            "n": len(text),
        }
    return text


def _clean_prompt(errors: dict, prompt: object) -> JournalPrompt | None:
    if prompt in (None, ""):
        return None
    if isinstance(prompt, JournalPrompt):
        return prompt
    found = JournalPrompt.objects.filter(slug=str(prompt)).first()
    if found is None:
        errors["prompt"] = _("That prompt isn't in the list. Choose another, or none.")
    return found


def _clean_feelings(errors: dict, values: object) -> list[str]:
    if values is None:
        return []
    if isinstance(values, str) or not isinstance(values, list | tuple):
        errors["feelings"] = _("Choose feelings from the list.")
        return []
    slugs: list[str] = []
    for value in values:
        if not feelings.is_known(value):
            errors["feelings"] = _("Choose feelings from the list.")
            return []
        if value not in slugs:
            slugs.append(value)
    if len(slugs) > FEELINGS_MAX:
        errors["feelings"] = _("Choose up to %(n)s feelings.") % {"n": FEELINGS_MAX}
    return slugs


def _set_feelings(entry: JournalEntry, slugs: list[str]) -> None:
    entry.feelings.all().delete()
    EntryFeeling.objects.bulk_create(EntryFeeling(entry=entry, slug=s) for s in slugs)


def write_entry(
    author: User,
    *,
    body: object,
    title: object = "",
    prompt: object = None,
    feelings: object = None,
) -> JournalEntry:
    """Save a new private entry, with an optional prompt (slug) and feeling tags."""
    errors: dict[str, str] = {}
    title_v = _clean_text(errors, "title", title, required=False, limit=TITLE_MAX)
    body_v = _clean_text(errors, "body", body, required=True, limit=BODY_MAX)
    prompt_v = _clean_prompt(errors, prompt)
    slugs = _clean_feelings(errors, feelings)
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    with transaction.atomic():
        entry = JournalEntry.objects.create(
            author=author,
            day=author.local_today(),
            title=title_v,
            body=body_v,
            prompt=prompt_v,
            created_at=now,
            updated_at=now,
        )
        _set_feelings(entry, slugs)
    return gate.get_entry_for_user(author, entry.pk)


def edit_entry(
    author: User,
    entry_id: object,
    *,
    body: object = _UNSET,
    title: object = _UNSET,
    prompt: object = _UNSET,
    feelings: object = _UNSET,
) -> JournalEntry:
    """Change my entry; only the fields given."""
    entry = gate.get_entry_for_user(author, entry_id)
    errors: dict[str, str] = {}
    values: dict[str, object] = {}
    if title is not _UNSET:
        values["title"] = _clean_text(errors, "title", title, required=False, limit=TITLE_MAX)
    if body is not _UNSET:
        values["body"] = _clean_text(errors, "body", body, required=True, limit=BODY_MAX)
    if prompt is not _UNSET:
        values["prompt"] = _clean_prompt(errors, prompt)
    slugs = None if feelings is _UNSET else _clean_feelings(errors, feelings)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        for key, value in values.items():
            setattr(entry, key, value)
        entry.updated_at = timezone.now()
        entry.save()
        if slugs is not None:
            _set_feelings(entry, slugs)
    return gate.get_entry_for_user(author, entry.pk)


def delete_entry(author: User, entry_id: object) -> None:
    gate.get_entry_for_user(author, entry_id).delete()


def _matches(entry: JournalEntry, needle: str) -> bool:
    haystack = [entry.title, entry.body]
    if entry.prompt is not None:
        haystack.append(gettext(entry.prompt.text))  # as the person reads it
    return any(needle in text.casefold() for text in haystack if text)


def clean_query(q: object) -> str:
    text = "" if q is None else str(q).strip()
    if len(text) > QUERY_MAX or has_forbidden_characters(text):
        raise ValidationError({"q": _("Please search for a shorter phrase.")})
    return text


def clean_feeling_filter(feeling: object) -> str:
    text = "" if feeling is None else str(feeling).strip()
    if text and not feelings.is_known(text):
        raise ValidationError({"feeling": _("Choose a feeling from the list.")})
    return text


def find_entries(
    author: User,
    *,
    q: object = "",
    feeling: object = "",
    since: date | None = None,
    until: date | None = None,
) -> list[JournalEntry]:
    """My entries, newest first, filtered in SQL by feeling and dates, then by text.

    The text is encrypted at rest, so matching happens here, on the author's own entries
    only, over a bounded number of them.
    """
    needle = clean_query(q).casefold()
    feeling_v = clean_feeling_filter(feeling)
    if since and until and since > until:
        raise ValidationError({"since": _("The start date is after the end date.")})
    qs: QuerySet[JournalEntry] = gate.entries_visible_to(author).between(since, until)
    if feeling_v:
        qs = qs.filter(feelings__slug__in=feelings.family(feeling_v)).distinct()
    qs = qs.select_related("prompt").prefetch_related("feelings").order_by("-created_at")
    if not needle:
        return list(qs[:LIST_MAX])
    found: list[JournalEntry] = []
    for entry in qs[:SEARCH_SCAN_MAX]:
        if _matches(entry, needle):
            found.append(entry)
            if len(found) >= LIST_MAX:
                break
    return found


def prompts() -> QuerySet[JournalPrompt]:
    return JournalPrompt.objects.all()


def random_prompt() -> JournalPrompt | None:
    return JournalPrompt.objects.order_by("?").first()
