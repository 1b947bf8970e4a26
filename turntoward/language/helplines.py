"""Help lines for a country and the risk categories found.

The bundled list is `data/helplines.yaml`; an instance may name another YAML file of the
same shape in the `HELPLINES_FILE` setting to add entries or countries (an entry with the
same name in the same country replaces the bundled one). A country without entries, or
without entries for what was found, gets the international fallback (`"*"`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from django.conf import settings

BUNDLED = Path(__file__).parent / "data" / "helplines.yaml"
FALLBACK = "*"
PURPOSES = ("crisis", "domestic_abuse", "emergency")

# What each risk category needs. Emergency numbers come with any risk, listed last.
NEEDS = {
    "self_harm": ("crisis",),
    "partner_violence": ("domestic_abuse",),
    "fear_of_partner": ("domestic_abuse",),
    "coercive_control": ("domestic_abuse",),
}


def _entry(country: str, raw: dict[str, Any]) -> dict[str, Any]:
    purposes = raw.get("for") or []
    if isinstance(purposes, str):
        purposes = [purposes]
    unknown = set(purposes) - set(PURPOSES)
    if not raw.get("name") or not purposes or unknown:
        raise ValueError(f"help line entry for {country!r} is incomplete or unknown: {raw!r}")
    reviewed = raw.get("reviewed")
    return {
        "name": str(raw["name"]),
        "number": str(raw["number"]) if raw.get("number") is not None else None,
        "text": str(raw["text"]) if raw.get("text") is not None else None,
        "url": str(raw["url"]) if raw.get("url") else None,
        "for": [p for p in PURPOSES if p in purposes],
        "hours": str(raw["hours"]) if raw.get("hours") else None,
        "country": country,
        "reviewed": reviewed.isoformat() if isinstance(reviewed, date) else reviewed,
    }


def _read(path: Path) -> dict[str, list[dict[str, Any]]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out: dict[str, list[dict[str, Any]]] = {}
    for country, entries in data.items():
        code = str(country).upper()
        out[code] = [_entry(code, e) for e in entries or []]
    return out


@lru_cache(maxsize=4)
def _load(extra: str | None) -> dict[str, list[dict[str, Any]]]:
    table = _read(BUNDLED)
    if extra:
        for code, entries in _read(Path(extra)).items():
            current = table.setdefault(code, [])
            for entry in entries:
                names = [e["name"] for e in current]
                if entry["name"] in names:
                    current[names.index(entry["name"])] = entry
                else:
                    current.append(entry)
    return table


def table() -> dict[str, list[dict[str, Any]]]:
    """All help lines by country code, bundled plus the instance's file."""
    extra = getattr(settings, "HELPLINES_FILE", None)
    return _load(str(extra) if extra else None)


def help_for(country: str | None, categories: Iterable[str]) -> list[dict[str, Any]]:
    """Help lines for `country` (ISO code) that fit the risk `categories`; [] when none."""
    categories = list(categories)
    if not categories:
        return []
    needs: list[str] = []
    for c in categories:
        for purpose in NEEDS.get(c, ()):
            if purpose not in needs:
                needs.append(purpose)
    lines = table()
    code = str(country or "").upper()

    def pick(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
        chosen = [e for p in needs for e in entries if p in e["for"]]
        unique = list({id(e): e for e in chosen}.values())
        return unique + [e for e in entries if "emergency" in e["for"] and e not in unique]

    specific = [e for e in pick(lines.get(code, [])) if set(e["for"]) & set(needs)]
    if specific:
        return [dict(e) for e in pick(lines.get(code, []))]
    return [dict(e) for e in pick(lines.get(FALLBACK, []))]
