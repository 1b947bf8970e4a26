"""Alice's assessment results, with markers that must never reach anyone else."""

from __future__ import annotations

import pytest

from turntoward.assessments import services

ALICE_NOTE = "alice-note-kestrel felt far away this month"
ALICE_MARKERS = ("alice-note-kestrel",)


@pytest.fixture
def alice_check(alice):
    """Alice's connection check: answers all 'Often' (3), so score 3*16 + 1*2 = 50."""
    return services.submit_response(alice, "connection-check", [3] * 18, note=ALICE_NOTE)
