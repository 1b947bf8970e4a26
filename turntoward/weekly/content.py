"""The weekly agenda's guidance, read from content/agenda.yaml."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from turntoward.core.content import read_yaml

AGENDA_FILE = Path(__file__).parent / "content" / "agenda.yaml"


@lru_cache(maxsize=1)
def agenda() -> dict[str, Any]:
    """The agenda: intro, closing and the steps in order."""
    return read_yaml(AGENDA_FILE)


def steps_by_field() -> dict[str, dict[str, Any]]:
    return {step["field"]: step for step in agenda()["steps"]}


def load() -> int:
    """Re-read the agenda (it is guidance only, kept in the file, not in the database)."""
    agenda.cache_clear()
    return len(agenda()["steps"])
