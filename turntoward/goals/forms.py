"""Forms for the goals pages; the rules live in services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from turntoward.goals.models import NOTE_MAX, TITLE_MAX, WHY_MAX, GoalStatus


class GoalForm(forms.Form):
    title = forms.CharField(
        label=_("Our goal"),
        widget=forms.TextInput(attrs={"data-maxlength": TITLE_MAX}),
        error_messages={"required": _("Please write a few words here.")},
        help_text=_("Something you both want, said plainly: “a walk together every Sunday”."),
    )
    why = forms.CharField(
        label=_("Why it matters to us (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "data-maxlength": WHY_MAX}),
    )


class UpdateForm(forms.Form):
    progress = forms.IntegerField(
        label=_("How far along are you? (0 to 100%, optional)"),
        required=False,
        widget=forms.NumberInput(attrs={"min": 0, "max": 100, "step": 5, "inputmode": "numeric"}),
        error_messages={"invalid": _("Choose a number from 0 to 100.")},
    )
    note = forms.CharField(
        label=_("A note on this step"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "data-maxlength": NOTE_MAX}),
        help_text=_("What you did, what helped, what's next."),
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=GoalStatus.choices)
