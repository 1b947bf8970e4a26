"""The feelings vocabulary: core feelings with finer words beneath, by stable slug.

Read from content/feelings.yaml once per process. The journal tags entries with these
slugs; the I-statement coach can use the same words. No database: this is reference data.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from turntoward.core.content import read_yaml

SOURCE = Path(__file__).parent / "content" / "feelings.yaml"


@dataclass(frozen=True)
class Feeling:
    """A feeling word; for a core feeling ``core`` is its own slug."""

    slug: str
    word: str
    core: str
    is_core: bool = False
    description: str = ""


@dataclass(frozen=True)
class CoreFeeling:
    feeling: Feeling
    words: tuple[Feeling, ...]

    @property
    def slug(self) -> str:
        return self.feeling.slug

    @property
    def word(self) -> str:
        return self.feeling.word

    @property
    def description(self) -> str:
        return self.feeling.description


@cache
def core_feelings() -> tuple[CoreFeeling, ...]:
    """Every core feeling, in the file's order, each with its finer words."""
    data = read_yaml(SOURCE)
    result = []
    for core in data["core"]:
        head = Feeling(
            slug=core["slug"],
            word=core["word"],
            core=core["slug"],
            is_core=True,
            description=core.get("description", ""),
        )
        words = tuple(
            Feeling(slug=w["slug"], word=w["word"], core=core["slug"]) for w in core["words"]
        )
        result.append(CoreFeeling(feeling=head, words=words))
    return tuple(result)


@cache
def _index() -> dict[str, Feeling]:
    index: dict[str, Feeling] = {}
    for core in core_feelings():
        index[core.slug] = core.feeling
        for word in core.words:
            index[word.slug] = word
    return index


def words() -> list[Feeling]:
    """Every finer feeling word (not the core feelings themselves)."""
    return [w for core in core_feelings() for w in core.words]


def all_feelings() -> list[Feeling]:
    """Core feelings and finer words together."""
    return list(_index().values())


def find(slug: str) -> Feeling | None:
    """The feeling with this slug (core or finer), or None."""
    return _index().get(str(slug))


def core_of(slug: str) -> CoreFeeling | None:
    """The core feeling a slug belongs to (itself for a core slug), or None."""
    feeling = find(slug)
    if feeling is None:
        return None
    return next(c for c in core_feelings() if c.slug == feeling.core)


def family(slug: str) -> list[str]:
    """A core slug with all its finer slugs; a finer slug alone. Empty if unknown."""
    feeling = find(slug)
    if feeling is None:
        return []
    if feeling.is_core:
        core = core_of(slug)
        return [feeling.slug, *(w.slug for w in core.words)] if core else [feeling.slug]
    return [feeling.slug]


def is_known(slug: object) -> bool:
    return isinstance(slug, str) and slug in _index()
