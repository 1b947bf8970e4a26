"""Alice's self-care plan, for the tests of this app."""

from __future__ import annotations

import pytest

from turntoward.selfcare import services

ALICE_TITLE = "alice-walk-marigold"
ALICE_NOTE = "alice-note-heron"
ALICE_LOG_NOTE = "alice-log-lantern"
ALICE_MARKERS = (ALICE_TITLE, ALICE_NOTE, ALICE_LOG_NOTE)


@pytest.fixture
def alice_item(alice):
    return services.add_item(
        alice, title=ALICE_TITLE, note=ALICE_NOTE, frequency="daily", times_a_week=None
    )


@pytest.fixture
def alice_log(alice, alice_item):
    log, _created = services.log_activity(alice, item=alice_item.pk, note=ALICE_LOG_NOTE, feeling=4)
    return log
