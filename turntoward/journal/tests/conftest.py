"""Alice's journal, for the tests of this app."""

from __future__ import annotations

import pytest

from turntoward.journal import services

ALICE_TITLE = "alice-title-marigold"
ALICE_BODY = "alice-body-heron felt unseen at dinner"
ALICE_MARKERS = ("alice-title-marigold", "alice-body-heron")


@pytest.fixture
def alice_entry(alice):
    return services.write_entry(
        alice,
        title=ALICE_TITLE,
        body=ALICE_BODY,
        prompt="right-now",
        feelings=["lonely", "unseen"],
    )
