"""Goals carry no content files: the practice's words live in its templates."""

from __future__ import annotations

from pathlib import Path


def test_the_goals_practice_has_no_stray_content_files():
    content = Path(__file__).resolve().parents[1] / "content"

    assert not content.exists() or not list(content.glob("*.yaml"))
