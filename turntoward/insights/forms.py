"""The period chooser and the report form."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from turntoward.insights import services


def period_choices() -> list[tuple[str, str]]:
    return [(key, services.PERIOD_LABELS[key]) for key in services.PERIODS]


class ReportForm(forms.Form):
    """Which period, and which of my measures (none ticked unless I tick them)."""

    period = forms.ChoiceField(label=_("Period"), choices=period_choices, initial="4w")
    include = forms.MultipleChoiceField(
        label=_("My measures to include"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only the ones you tick go in the report. Nothing is ticked at first."),
    )

    def __init__(self, *args, measures: list[dict] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["include"].choices = [(m["slug"], m["name"]) for m in measures or []]
        if not measures:
            self.fields["include"].widget = forms.MultipleHiddenInput()
