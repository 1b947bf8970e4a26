"""Forms for the check-in pages; the rules themselves live in services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from turntoward.checkins.models import REPLY_MAX, TEXT_MAX

MOOD_CHOICES = [
    (1, _("Very low")),
    (2, _("Low")),
    (3, _("Okay")),
    (4, _("Good")),
    (5, _("Very good")),
]
CONNECTION_CHOICES = [
    (1, _("Far apart")),
    (2, _("A bit distant")),
    (3, _("In between")),
    (4, _("Close")),
    (5, _("Very close")),
]


class CheckInForm(forms.Form):
    mood = forms.TypedChoiceField(
        label=_("How is your mood today?"),
        choices=MOOD_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how your mood is, from 1 to 5.")},
    )
    connection = forms.TypedChoiceField(
        label=_("How connected did you feel to your partner today?"),
        choices=CONNECTION_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how connected you felt, from 1 to 5.")},
    )
    good_thing = forms.CharField(
        label=_("One good thing about today"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": TEXT_MAX}),
        error_messages={"required": _("Please write a few words here.")},
        help_text=_("Big or small: a moment, a kindness, something that went right."),
    )
    hard_thing = forms.CharField(
        label=_("One hard thing about today"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": TEXT_MAX}),
        error_messages={"required": _("Please write a few words here.")},
        help_text=_("What weighed on you. Describe it as your experience, not as anyone's fault."),
    )
    need = forms.CharField(
        label=_("One thing I need (optional)"),
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": TEXT_MAX}),
        help_text=_("For example: a hug, ten quiet minutes, help with dinner."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # The browser's maxlength is a convenience; the server still checks (with the
        # text kept), so an over-long paste is never silently cut.
        for name in ("good_thing", "hard_thing", "need"):
            self.fields[name].widget.attrs.pop("maxlength", None)
            self.fields[name].widget.attrs["data-maxlength"] = TEXT_MAX


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Your reply"),
        max_length=REPLY_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Write a short reply first.")},
    )
