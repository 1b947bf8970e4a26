"""Forms for the bids page; the rules live in services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from turntoward.bids.models import DESCRIPTION_MAX, NOTE_MAX, BidKind, BidResponse

TOO_LONG = _("Please keep this under %(limit_value)s characters (you wrote %(show_value)s).")


class KeepLongText(forms.Form):
    """The server checks lengths (with the text kept); the browser never cuts a paste."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and field.max_length:
                field.widget.attrs.pop("maxlength", None)
                field.widget.attrs["data-maxlength"] = field.max_length


class BidForm(KeepLongText):
    by = forms.ChoiceField(
        label=_("Who reached out?"),
        choices=[("me", _("I did")), ("partner", _("My partner did"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose who reached out: you or your partner.")},
    )
    kind = forms.ChoiceField(
        label=_("What kind of bid was it?"),
        choices=[("", _("Choose one")), *BidKind.choices],
        error_messages={"required": _("Choose what kind of bid it was.")},
    )
    description = forms.CharField(
        label=_("What happened?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=DESCRIPTION_MAX,
        error_messages={"required": _("Please write a few words here."), "max_length": TOO_LONG},
        help_text=_("A sentence is enough. For example: “I read out a funny line from my book.”"),
    )
    occurred_at = forms.DateTimeField(
        label=_("When?"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"],
        error_messages={
            "required": _("Choose when it happened."),
            "invalid": _("Choose a date and time."),
        },
    )


class ResponseForm(KeepLongText):
    response = forms.ChoiceField(
        label=_("How was it met?"),
        choices=BidResponse.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose toward, away or against.")},
    )
    note = forms.CharField(
        label=_("A note (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=NOTE_MAX,
        error_messages={"max_length": TOO_LONG},
    )


class RepairForm(KeepLongText):
    note = forms.CharField(
        label=_("What would you like to say about it now?"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=NOTE_MAX,
        error_messages={
            "required": _("Write a few words to your partner first."),
            "max_length": TOO_LONG,
        },
        help_text=_("For example: “I missed that you wanted to talk. Tell me again tonight?”"),
    )
