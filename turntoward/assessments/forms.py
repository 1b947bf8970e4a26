"""The form for taking an instrument: one radio group per item, named item-1 … item-N."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from turntoward.assessments.scoring import Instrument
from turntoward.assessments.services import NOTE_MAX


class TakeForm(forms.Form):
    """Values are option positions (0 = the first option as published)."""

    def __init__(self, instrument: Instrument, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instrument = instrument
        for item in instrument.items:
            self.fields[f"item-{item.number}"] = forms.TypedChoiceField(
                label=f"{item.number}. {gettext(item.text)}",
                choices=[(str(o.position), gettext(o.label)) for o in item.options],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Please choose an answer for this question.")},
            )
        self.fields["note"] = forms.CharField(
            label=_("A note for yourself (optional)"),
            help_text=_("Only you will see it."),
            required=False,
            max_length=NOTE_MAX,
            widget=forms.Textarea(attrs={"rows": 3}),
        )

    def item_fields(self) -> list[forms.BoundField]:
        return [self[f"item-{item.number}"] for item in self.instrument.items]

    def answers(self) -> list[int]:
        return [self.cleaned_data[f"item-{item.number}"] for item in self.instrument.items]


class ShareForm(forms.Form):
    shared = forms.BooleanField(required=False, label=_("Share a summary with my partner"))
