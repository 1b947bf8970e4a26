"""Forms for the activities pages; the rules live in services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from turntoward.activities.models import NOTE_MAX, Cost, Place

FEELING_CHOICES = [
    (1, _("Hard")),
    (2, _("So-so")),
    (3, _("Fine")),
    (4, _("Good")),
    (5, _("Great")),
]
TIME_CHOICES = [
    ("", _("Any length")),
    ("30", _("Up to 30 minutes")),
    ("60", _("Up to an hour")),
    ("120", _("Up to two hours")),
    ("240", _("Up to half a day")),
]


class IdeaFilterForm(forms.Form):
    place = forms.ChoiceField(
        label=_("Where"), choices=[("", _("Anywhere")), *Place.choices], required=False
    )
    minutes = forms.ChoiceField(label=_("Time you have"), choices=TIME_CHOICES, required=False)
    cost = forms.ChoiceField(
        label=_("Cost"), choices=[("", _("Any cost")), *Cost.choices], required=False
    )
    suggested = forms.BooleanField(label=_("Only ideas we haven't done yet"), required=False)
    novel = forms.BooleanField(label=_("Only ideas likely to be new for us"), required=False)


class PlanForm(forms.Form):
    date = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": _("Choose a date."), "invalid": _("Choose a valid date.")},
    )
    time = forms.TimeField(
        label=_("Time"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"required": _("Choose a time."), "invalid": _("Choose a valid time.")},
    )
    note = forms.CharField(
        label=_("A note for the two of you (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "data-maxlength": NOTE_MAX}),
        help_text=_("For example: bring the thermos, or who books the tickets."),
    )


class ReflectionForm(forms.Form):
    feeling = forms.TypedChoiceField(
        label=_("How did it feel for you?"),
        choices=FEELING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how it felt, from 1 to 5.")},
    )
    note = forms.CharField(
        label=_("A few words (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "data-maxlength": NOTE_MAX}),
        help_text=_("What you enjoyed, what surprised you, what you'd do again."),
    )
