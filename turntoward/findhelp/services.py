"""Finding a counsellor: the listing filters and the fictional demo listings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import QuerySet

from turntoward.core.content import read_yaml
from turntoward.findhelp.models import CounsellingPractice, Counsellor, split_list
from turntoward.privacy import findhelp as gate

DEMO_FILE = Path(__file__).parent / "data" / "demo_counsellors.yaml"
PRACTICE_FIELDS = ("name", "description", "website", "phone", "email")
COUNSELLOR_FIELDS = (
    "name",
    "qualifications",
    "approach",
    "works_with",
    "cities",
    "online",
    "languages",
    "phone",
    "email",
    "website",
    "booking_url",
    "how_to_request",
    "fees",
)


class Mode:
    ONLINE = "online"
    IN_PERSON = "in_person"


def _has_item(items: str, wanted: str) -> bool:
    return wanted.casefold() in {item.casefold() for item in split_list(items)}


def listing_choices() -> dict[str, list[str]]:
    """The cities and languages of the active listings, for the filter form."""
    cities: set[str] = set()
    languages: set[str] = set()
    for row in gate.listed_counsellors().values("cities", "languages"):
        cities |= set(split_list(row["cities"]))
        languages |= set(split_list(row["languages"]))
    return {
        "cities": sorted(cities, key=str.casefold),
        "languages": sorted(languages, key=str.casefold),
    }


def find_counsellors(*, city: str = "", language: str = "", mode: str = "") -> list[Counsellor]:
    """Active listings matching every filter given (a city means in person there)."""
    qs: QuerySet[Counsellor] = gate.listed_counsellors()
    if mode == Mode.ONLINE:
        qs = qs.filter(online=True)
    elif mode == Mode.IN_PERSON:
        qs = qs.exclude(cities="")
    if city:
        qs = qs.filter(cities__icontains=city.strip())
    if language:
        qs = qs.filter(languages__icontains=language.strip())
    # icontains narrows in the database; the exact item test drops "Pune" matching "Puneet".
    return [
        c
        for c in qs
        if (not city or _has_item(c.cities, city))
        and (not language or _has_item(c.languages, language))
    ]


@transaction.atomic
def load_demo_counsellors(path: Path = DEMO_FILE) -> int:
    """Create or update the fictional demo listings by slug; safe to run again."""
    data: dict[str, Any] = read_yaml(path)
    practices: dict[str, CounsellingPractice] = {}
    for row in data.get("practices", []):
        practice, _created = CounsellingPractice.objects.update_or_create(
            slug=row["slug"], defaults={k: row.get(k, "") for k in PRACTICE_FIELDS}
        )
        practices[row["slug"]] = practice
    for row in data.get("counsellors", []):
        defaults = {k: row.get(k, "") for k in COUNSELLOR_FIELDS}
        defaults["online"] = bool(row.get("online", False))
        defaults["practice"] = practices.get(row.get("practice") or "")
        Counsellor.objects.update_or_create(slug=row["slug"], defaults=defaults)
    return len(data.get("counsellors", []))
