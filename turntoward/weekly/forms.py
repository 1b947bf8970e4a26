"""The weekly check-in form; the rules themselves live in services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from turntoward.weekly.models import TEXT_MAX


def _area(rows: int = 3) -> forms.Textarea:
    # The browser's maxlength would cut a long paste silently; the server checks instead.
    return forms.Textarea(attrs={"rows": rows, "data-maxlength": TEXT_MAX})


class WeeklyCheckInForm(forms.Form):
    appreciations = forms.CharField(
        label=_("What I appreciated about you this week"),
        max_length=TEXT_MAX,
        widget=_area(4),
        error_messages={"required": _("Please write at least one appreciation.")},
    )
    went_well = forms.CharField(
        label=_("What went well for us"),
        max_length=TEXT_MAX,
        widget=_area(3),
        error_messages={"required": _("Please write a few words here.")},
    )
    concern = forms.CharField(
        label=_("One concern (optional)"),
        max_length=TEXT_MAX,
        required=False,
        widget=_area(3),
        help_text=_("Try: “I feel … when … and I need …”"),
    )
    goals = forms.CharField(
        label=_("Our goals, revisited (optional)"),
        max_length=TEXT_MAX,
        required=False,
        widget=_area(3),
    )
    quality_time = forms.CharField(
        label=_("Quality time we could plan for next week (optional)"),
        max_length=TEXT_MAX,
        required=False,
        widget=_area(2),
        help_text=_("A day, a time and what you'd like to do."),
    )
