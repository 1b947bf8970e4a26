"""The one scoring engine: every instrument is data (instruments/<slug>.yaml), scored here.

Answers are option POSITIONS in the published order (0 = the first option shown). The
engine turns positions into points, applies reverse keys, sums the total and subscales,
and reads the band, the follow-up and the crisis rule from the instrument's definition.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from turntoward.core.content import read_yaml

INSTRUMENTS_DIR = Path(__file__).resolve().parent / "instruments"


class InvalidAnswers(ValueError):
    """The answers do not fit the instrument (wrong length, not whole numbers, out of range)."""


@dataclass(frozen=True)
class Option:
    position: int
    label: str
    points: int


@dataclass(frozen=True)
class Item:
    number: int  # 1-based, as published
    text: str
    options: tuple[Option, ...]
    reverse: bool = False
    subscale: str | None = None

    def points_for(self, position: int) -> int:
        """The points an answer earns; a reverse-keyed item counts its options backwards."""
        if self.reverse:
            return self.options[len(self.options) - 1 - position].points
        return self.options[position].points


@dataclass(frozen=True)
class Band:
    slug: str
    min: int
    max: int
    label: str
    meaning: str


@dataclass(frozen=True)
class Subscale:
    slug: str
    name: str
    items: tuple[int, ...]
    max: int


@dataclass(frozen=True)
class Instrument:
    slug: str
    name: str
    short_name: str
    description: str
    instructions: str
    citation: str
    licence: str
    order: int
    optional: bool
    items: tuple[Item, ...]
    subscales: tuple[Subscale, ...]
    range_min: int
    range_max: int
    cutoff: float | None
    bands: tuple[Band, ...]
    follow_up_min: int | None = None
    follow_up_instrument: str | None = None
    crisis_item: int | None = None
    crisis_min_position: int | None = None
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def band_for(self, score: int) -> Band:
        for band in self.bands:
            if band.min <= score <= band.max:
                return band
        raise ValueError(f"{self.slug}: no band for score {score}")

    def band(self, slug: str) -> Band | None:
        return next((b for b in self.bands if b.slug == slug), None)


@dataclass(frozen=True)
class Result:
    instrument: str
    answers: tuple[int, ...]
    score: int
    band: str
    subscores: dict[str, int]
    follow_up: str | None
    crisis: bool


def _options(raw: list[dict[str, Any]]) -> tuple[Option, ...]:
    return tuple(
        Option(position=i, label=str(o["label"]), points=int(o["points"]))
        for i, o in enumerate(raw)
    )


def build(data: dict[str, Any]) -> Instrument:
    """An Instrument from a parsed definition file (the schema test checks every file)."""
    shared = data.get("options")
    items = []
    for number, raw in enumerate(data["items"], start=1):
        options = _options(raw.get("options") or shared)
        items.append(
            Item(
                number=number,
                text=str(raw["text"]),
                options=options,
                reverse=bool(raw.get("reverse", False)),
                subscale=raw.get("subscale"),
            )
        )
    subscales = []
    for raw in data.get("subscales") or []:
        members = tuple(i.number for i in items if i.subscale == raw["slug"])
        top = sum(max(o.points for o in items[n - 1].options) for n in members)
        subscales.append(Subscale(slug=raw["slug"], name=str(raw["name"]), items=members, max=top))
    follow = data.get("follow_up") or {}
    crisis = data.get("crisis") or {}
    return Instrument(
        slug=data["slug"],
        name=str(data["name"]),
        short_name=str(data.get("short_name") or data["name"]),
        description=str(data["description"]),
        instructions=str(data["instructions"]),
        citation=str(data["citation"]),
        licence=str(data["licence"]),
        order=int(data.get("order", 100)),
        optional=bool(data.get("optional", False)),
        items=tuple(items),
        subscales=tuple(subscales),
        range_min=int(data["range"]["min"]),
        range_max=int(data["range"]["max"]),
        cutoff=data.get("cutoff"),
        bands=tuple(
            Band(
                slug=b["slug"],
                min=int(b["min"]),
                max=int(b["max"]),
                label=str(b["label"]),
                meaning=str(b["meaning"]),
            )
            for b in data["bands"]
        ),
        follow_up_min=follow.get("min_score"),
        follow_up_instrument=follow.get("instrument"),
        crisis_item=crisis.get("item"),
        crisis_min_position=crisis.get("min_position"),
        raw=data,
    )


def definition_files() -> list[Path]:
    return sorted(INSTRUMENTS_DIR.glob("*.yaml"))


@cache
def _all() -> dict[str, Instrument]:
    found = [build(read_yaml(path)) for path in definition_files()]
    return {i.slug: i for i in sorted(found, key=lambda i: (i.order, i.slug))}


def instruments() -> list[Instrument]:
    """Every instrument, in the order they are offered."""
    return list(_all().values())


def instrument(slug: str) -> Instrument | None:
    """One instrument by slug, or None."""
    return _all().get(str(slug))


def check_answers(inst: Instrument, answers: object) -> tuple[int, ...]:
    """The answers as positions, or InvalidAnswers saying plainly what is wrong."""
    if not isinstance(answers, list | tuple):
        raise InvalidAnswers(f"Send a list of {len(inst.items)} answer positions.")
    if len(answers) != len(inst.items):
        raise InvalidAnswers(
            f"Send exactly {len(inst.items)} answers (one per question); got {len(answers)}."
        )
    positions = []
    for item, value in zip(inst.items, answers, strict=True):
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidAnswers(f"Answer {item.number} must be a whole number (a position).")
        if not 0 <= value < len(item.options):
            raise InvalidAnswers(
                f"Answer {item.number} must be between 0 and {len(item.options) - 1}."
            )
        positions.append(value)
    return tuple(positions)


def score(slug_or_instrument: str | Instrument, answers: object) -> Result:
    """Score answers (option positions) for an instrument; InvalidAnswers if they don't fit."""
    inst = (
        slug_or_instrument
        if isinstance(slug_or_instrument, Instrument)
        else instrument(slug_or_instrument)
    )
    if inst is None:
        raise KeyError(slug_or_instrument)
    positions = check_answers(inst, answers)
    points = [item.points_for(p) for item, p in zip(inst.items, positions, strict=True)]
    total = sum(points)
    subscores = {s.slug: sum(points[n - 1] for n in s.items) for s in inst.subscales}
    follow_up = None
    has_rule = inst.follow_up_instrument and inst.follow_up_min is not None
    if has_rule and total >= inst.follow_up_min:
        follow_up = inst.follow_up_instrument
    crisis = False
    if inst.crisis_item is not None and inst.crisis_min_position is not None:
        crisis = positions[inst.crisis_item - 1] >= inst.crisis_min_position
    return Result(
        instrument=inst.slug,
        answers=positions,
        score=total,
        band=inst.band_for(total).slug,
        subscores=subscores,
        follow_up=follow_up,
        crisis=crisis,
    )
