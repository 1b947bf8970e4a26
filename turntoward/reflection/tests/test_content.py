"""The reflection content: pressures and guides, schema, counts, uniqueness, idempotent load."""

from __future__ import annotations

from turntoward.core.content import read_yaml
from turntoward.reflection import content
from turntoward.reflection.forms import BoundaryForm, RepairForm
from turntoward.reflection.models import Pressure

REQUIRED_PRESSURES = {"work", "children", "household", "screens", "health", "money"}


def test_the_pressures_include_the_six_named_ones_with_unique_slugs_and_names():
    items = read_yaml(content.CONTENT / "pressures.yaml")["pressures"]

    slugs = [i["slug"] for i in items]
    assert len(items) >= 8
    assert len(slugs) == len(set(slugs))
    assert len({i["name"] for i in items}) == len(items)
    assert set(slugs) >= REQUIRED_PRESSURES
    for item in items:
        assert set(item) == {"slug", "order", "name", "prompt"}
        assert len(item["prompt"]) > 30


def test_loading_twice_is_idempotent(db):
    first = content.load()
    second = content.load()

    assert first == second == Pressure.objects.count()


def test_the_guides_cover_every_step_of_each_practice():
    guides = content.guides()

    assert set(guides) == {"patterns", "repair", "boundaries"}
    assert list(guides["patterns"]["by_field"]) == ["pressures", "noticed", "could_change"]
    assert list(guides["repair"]["by_field"]) == list(RepairForm().fields)
    assert list(guides["boundaries"]["by_field"]) == list(BoundaryForm().fields)
    for guide in guides.values():
        assert len(guide["intro"]) > 80
        for step in guide["steps"]:
            assert step["title"] and len(step["guidance"]) > 40
