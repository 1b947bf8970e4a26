"""The one hook every free-text save goes through: analyse the writer's words for risk.

Call `screen_text(user, *texts)` after saving what a person wrote and, when the result is
not empty, show `safety/_risk_panel.html` to that writer only (context: `risk_panel`).
Nothing here is stored: the panel is worked out again from the writer's own words, so no
trace of it can reach a partner, an insight, an export of the couple or a report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from turntoward.language.helplines import help_for
from turntoward.language.risk import analyse

ABUSE = frozenset({"partner_violence", "fear_of_partner", "coercive_control"})


@dataclass(frozen=True)
class RiskPanel:
    """What the writer alone sees: the categories found and the help lines that fit."""

    categories: tuple[str, ...] = ()
    help: list[dict[str, Any]] = field(default_factory=list)
    # The words were written where the partner reads them (a check-in, a reply, a shared
    # repair): the writer is told, so they can move a disclosure somewhere private.
    partner_reads: bool = False
    # Shown because of an answer (PHQ-9 item 9), not because of words the person wrote.
    from_answers: bool = False

    @property
    def any(self) -> bool:
        return bool(self.categories)

    def __bool__(self) -> bool:
        return self.any

    @property
    def self_harm(self) -> bool:
        return "self_harm" in self.categories

    @property
    def abuse(self) -> bool:
        """Partner violence, fear or control: offer confidential individual support."""
        return bool(ABUSE & set(self.categories))


def screen_text(user: Any, *texts: str | None, partner_reads: bool = False) -> RiskPanel:
    """The risk found in any of `texts` (all written by `user`), with help for their country."""
    found: list[str] = []
    for text in texts:
        if not text:
            continue
        for category in analyse(str(text)).categories:
            if category not in found:
                found.append(category)
    if not found:
        return RiskPanel()
    country = str(getattr(user, "country", "") or "")
    return RiskPanel(
        categories=tuple(found), help=help_for(country, found), partner_reads=partner_reads
    )


def crisis_panel(user: Any) -> RiskPanel:
    """The self-harm panel, shown when an answer (not words) signals risk, e.g. PHQ-9 item 9."""
    country = str(getattr(user, "country", "") or "")
    return RiskPanel(
        categories=("self_harm",), help=help_for(country, ["self_harm"]), from_answers=True
    )
