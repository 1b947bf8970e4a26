"""Forms for the appreciation and kindness pages; the rules live in services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from turntoward.appreciation.models import NOTE_MAX, TEXT_MAX, AppreciationKind

TOO_LONG = _("Please keep this under %(limit_value)s characters (you wrote %(show_value)s).")


class KeepLongText(forms.Form):
    """The server checks lengths (with the text kept); the browser never cuts a paste."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and field.max_length:
                field.widget.attrs.pop("maxlength", None)
                field.widget.attrs["data-maxlength"] = field.max_length


class AppreciationForm(KeepLongText):
    kind = forms.ChoiceField(
        label=_("What is it for?"),
        choices=AppreciationKind.choices,
        widget=forms.RadioSelect,
        initial=AppreciationKind.DID,
        error_messages={
            "required": _("Choose whether it's for something they did or for who they are.")
        },
    )
    text = forms.CharField(
        label=_("Your appreciation"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=TEXT_MAX,
        error_messages={"required": _("Please write a few words here."), "max_length": TOO_LONG},
        help_text=_(
            "Be specific: “Thank you for waiting up with tea when I was late” lands "
            "better than “thanks for everything”."
        ),
    )


class KindnessForm(KeepLongText):
    note = forms.CharField(
        label=_("A note (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=NOTE_MAX,
        error_messages={"max_length": TOO_LONG},
    )
