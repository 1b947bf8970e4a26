"""`journal`: my private entries. Only the author ever sees them, by any route."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext
from ninja import Query, Router, Schema, Status
from pydantic import Field

from turntoward.api.common import local
from turntoward.api.schemas import Error
from turntoward.api.schemas_journal import (
    CoreFeelingOut,
    EntryIn,
    EntryOut,
    EntryPatch,
    JournalPromptOut,
)
from turntoward.journal import feelings, services
from turntoward.journal.models import JournalEntry, JournalPrompt
from turntoward.privacy import journal as gate

journal_router = Router(tags=["journal"])

# Mounted by turntoward/api/api.py under /api/v1/<prefix>.
ROUTERS = {
    "/journal": journal_router,
}


def prompt_out(prompt: JournalPrompt) -> dict[str, Any]:
    return {"slug": prompt.slug, "theme": prompt.theme, "text": gettext(prompt.text)}


def entry_out(viewer: Any, entry: JournalEntry) -> dict[str, Any]:
    tags = []
    for slug in entry.feeling_slugs:
        feeling = feelings.find(slug)
        if feeling is not None:
            tags.append({"slug": feeling.slug, "word": gettext(feeling.word), "core": feeling.core})
    return {
        "id": str(entry.id),
        "day": entry.day,
        "title": entry.title,
        "body": entry.body,
        "prompt": prompt_out(entry.prompt) if entry.prompt else None,
        "feelings": tags,
        "created_at": local(viewer, entry.created_at),
        "updated_at": local(viewer, entry.updated_at),
    }


class Filters(Schema):
    since: date | None = None
    until: date | None = None
    q: str | None = Field(None, max_length=services.QUERY_MAX, description="Words to find.")
    feeling: str | None = Field(
        None, max_length=80, description="A feeling slug; a core feeling includes its words."
    )


@journal_router.get(
    "",
    response={200: list[EntryOut], 422: Error},
    summary="My journal entries, newest first",
    description=(
        "Optional `since`/`until` (your local dates), `q` (searches titles and text) and "
        f"`feeling` (a slug). At most {services.LIST_MAX} entries."
    ),
)
def list_entries(request: HttpRequest, filters: Query[Filters]) -> list[dict[str, Any]]:
    entries = services.find_entries(
        request.auth,
        q=filters.q or "",
        feeling=filters.feeling or "",
        since=filters.since,
        until=filters.until,
    )
    return [entry_out(request.auth, e) for e in entries]


@journal_router.post(
    "", response={201: EntryOut, 422: Error}, summary="Write a private journal entry"
)
def write(request: HttpRequest, payload: EntryIn) -> Status:
    entry = services.write_entry(
        request.auth,
        body=payload.body,
        title=payload.title or "",
        prompt=payload.prompt,
        feelings=payload.feelings or [],
    )
    return Status(201, entry_out(request.auth, entry))


@journal_router.get(
    "/prompts", response=list[JournalPromptOut], summary="Prompts to start an entry"
)
def prompts(request: HttpRequest) -> list[dict[str, Any]]:
    return [prompt_out(p) for p in services.prompts()]


@journal_router.get(
    "/feelings",
    response=list[CoreFeelingOut],
    summary="The feelings vocabulary: core feelings and finer words",
)
def feelings_vocabulary(request: HttpRequest) -> list[dict[str, Any]]:
    return [
        {
            "slug": core.slug,
            "word": gettext(core.word),
            "description": gettext(core.description),
            "words": [{"slug": w.slug, "word": gettext(w.word)} for w in core.words],
        }
        for core in feelings.core_feelings()
    ]


@journal_router.get("/{entry_id}", response={200: EntryOut, 404: Error}, summary="One entry")
def get_entry(request: HttpRequest, entry_id: str) -> dict[str, Any]:
    return entry_out(request.auth, gate.get_entry_for_user(request.auth, entry_id))


@journal_router.patch(
    "/{entry_id}", response={200: EntryOut, 404: Error, 422: Error}, summary="Change an entry"
)
def patch_entry(request: HttpRequest, entry_id: str, payload: EntryPatch) -> dict[str, Any]:
    gate.get_entry_for_user(request.auth, entry_id)
    changes = payload.dict(exclude_unset=True)
    if "body" in changes and changes["body"] is None:
        raise ValidationError({"body": "This field cannot be null."})
    if "title" in changes and changes["title"] is None:
        changes["title"] = ""
    if "feelings" in changes and changes["feelings"] is None:
        changes["feelings"] = []
    entry = services.edit_entry(request.auth, entry_id, **changes)
    return entry_out(request.auth, entry)


@journal_router.delete(
    "/{entry_id}", response={204: None, 404: Error}, summary="Delete an entry for good"
)
def delete_entry(request: HttpRequest, entry_id: str) -> Status:
    services.delete_entry(request.auth, entry_id)
    return Status(204, None)
