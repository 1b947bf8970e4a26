"""Template tags base.html uses: the one-shot risk panel, the paused note, discreet mode."""

from __future__ import annotations

from typing import Any

from django import template

from turntoward.safety import services
from turntoward.safety.panel import pending_panel
from turntoward.safety.screening import RiskPanel

register = template.Library()


@register.inclusion_tag("safety/_risk_panel.html", takes_context=True)
def pending_risk_panel(context: template.Context) -> dict[str, Any]:
    """The panel for what the writer saved just before this page, shown once."""
    request = context.get("request")
    panel = RiskPanel()
    if request is not None and getattr(request, "user", None) and request.user.is_authenticated:
        panel = pending_panel(request)
    if context.get("risk_panel"):
        panel = RiskPanel()  # the page shows its own panel already
    return {"risk_panel": panel, "QUICK_EXIT_URL": context.get("QUICK_EXIT_URL")}


@register.inclusion_tag("safety/_paused_note.html", takes_context=True)
def couple_paused_note(context: template.Context) -> dict[str, Any]:
    """A gentle note on couple practices for a person who paused them, or the private
    screen's offer on the couple pages; only that person ever sees either."""
    request = context.get("request")
    show = offer = False
    if request is not None and getattr(request, "user", None) and request.user.is_authenticated:
        match = getattr(request, "resolver_match", None)
        namespace = match.namespace if match else ""
        show = namespace in services.COUPLE_NAMESPACES and services.couple_paused(request.user)
        # Before inviting a partner: the private screen, offered until answered or put aside.
        offer = not show and namespace == "couples" and services.offer_pending(request.user)
    return {"show": show, "offer": offer}
