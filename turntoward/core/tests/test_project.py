"""The project keeps its promises to operators: documented settings, a safe demo."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

from django.core.management import call_command

from turntoward.accounts.models import User
from turntoward.appreciation.models import Appreciation
from turntoward.bids.models import Bid
from turntoward.checkins.models import CheckIn, CheckInReply
from turntoward.couples.models import Couple
from turntoward.goals.models import Goal

ROOT = Path(__file__).resolve().parents[3]
ENV_READ = re.compile(r'env(?:str|bool|int|list|secret)\("([A-Z0-9_]+)"')


def test_every_environment_variable_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    names = set()
    for path in (ROOT / "config" / "settings").glob("*.py"):
        names |= set(ENV_READ.findall(path.read_text()))
    assert names, "no settings read from the environment?"
    missing = sorted(n for n in names if f"`{n}`" not in readme)
    assert missing == []


def test_the_makefile_has_the_promised_targets():
    makefile = (ROOT / "Makefile").read_text()
    for target in ("run", "test", "lint", "migrations-check"):
        assert re.search(rf"^{target}:", makefile, re.M), target


def test_the_demo_couple_loads_and_loading_again_changes_nothing(db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    def counts() -> tuple[int, ...]:
        return tuple(
            m.objects.count() for m in (User, CheckIn, CheckInReply, Bid, Appreciation, Goal)
        )

    before = counts()
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts() == before
    assert Bid.objects.count() >= 5 and Goal.objects.count() == 1
    maya = User.objects.get(email="maya@demo.turntoward.test")
    days = set(CheckIn.objects.filter(author=maya).values_list("day", flat=True))
    assert min(days) <= maya.local_today() - timedelta(days=50)
    assert maya.local_today() not in days  # today is left for the person trying it
    assert Couple.objects.filter(ended_at__isnull=True).count() == 1
    assert maya.check_password("turn-toward-demo")
