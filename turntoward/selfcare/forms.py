"""Forms for the self-care pages; the rules themselves live in services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from turntoward.selfcare.models import NOTE_MAX, TITLE_MAX, Frequency

FEELING_CHOICES = [
    (1, _("Hard going")),
    (2, _("So-so")),
    (3, _("Okay")),
    (4, _("Good")),
    (5, _("Lovely")),
]
TIMES_CHOICES = [(n, str(n)) for n in range(1, 8)]


class ItemForm(forms.Form):
    title = forms.CharField(
        label=_("What will you do for yourself?"),
        max_length=TITLE_MAX,
        error_messages={"required": _("Please write a few words here.")},
        help_text=_("Something small and kind, like a walk at lunch or an early night."),
    )
    frequency = forms.ChoiceField(
        label=_("How often would you like to?"),
        choices=Frequency.choices,
        widget=forms.RadioSelect,
        initial=Frequency.TIMES_A_WEEK,
        error_messages={"required": _("Choose how often.")},
    )
    times_a_week = forms.TypedChoiceField(
        label=_("Times a week"),
        choices=TIMES_CHOICES,
        coerce=int,
        required=False,
        initial=3,
        help_text=_("Only for “a few times a week”."),
    )
    note = forms.CharField(
        label=_("A note to yourself (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Why it matters to you, or what makes it easier."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Over-long text comes back with an error and the text kept, never cut.
        self.fields["title"].max_length = None
        self.fields["title"].validators = []
        self.fields["title"].widget.attrs.pop("maxlength", None)


class LogForm(forms.Form):
    item = forms.ChoiceField(
        label=_("What did you do?"), error_messages={"required": _("Choose an activity.")}
    )
    day = forms.DateField(
        label=_("Which day?"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter a date.")},
    )
    feeling = forms.TypedChoiceField(
        label=_("How did it feel? (optional)"),
        choices=FEELING_CHOICES,
        coerce=int,
        required=False,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("A note (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Anything you'd like to remember about it."),
    )

    def __init__(self, *args, items=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["item"].choices = [(str(i.pk), i.title) for i in items]
        self.fields["note"].widget.attrs["data-maxlength"] = NOTE_MAX
