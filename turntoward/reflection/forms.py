"""Forms for the reflection pages; the rules themselves live in services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from turntoward.reflection.models import RESPONSE_MAX, STATEMENT_MAX, TEXT_MAX, Boundary, Pressure


def _area(rows: int, limit: int = TEXT_MAX) -> forms.Textarea:
    # No browser maxlength: it would cut a long paste silently; the server checks instead.
    return forms.Textarea(attrs={"rows": rows, "data-maxlength": limit})


class ReflectionForm(forms.Form):
    pressures = forms.MultipleChoiceField(
        label=_("Routines and pressures that created distance"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    other_pressures = forms.CharField(
        label=_("Others, in my own words (optional)"),
        required=False,
        max_length=300,
        widget=forms.TextInput(),
    )
    noticed = forms.CharField(
        label=_("What I noticed"),
        max_length=TEXT_MAX,
        widget=_area(4),
        error_messages={"required": _("Please write a few words here.")},
    )
    could_change = forms.CharField(
        label=_("What I could change (optional)"),
        required=False,
        max_length=TEXT_MAX,
        widget=_area(3),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["pressures"].choices = [
            (p.slug, _(p.name)) for p in Pressure.objects.order_by("order", "slug")
        ]
        self.prompts = dict(Pressure.objects.values_list("slug", "prompt"))


class RepairForm(forms.Form):
    hurt = forms.CharField(
        label=_("What hurt"),
        max_length=TEXT_MAX,
        widget=_area(4),
        error_messages={"required": _("Please write a few words about what hurt.")},
    )
    i_statement = forms.CharField(
        label=_("Said as an I-statement"),
        required=False,
        max_length=TEXT_MAX,
        widget=_area(3),
        help_text=_("Try: “I feel … when … and I need …”"),
    )
    need = forms.CharField(
        label=_("What I need"), required=False, max_length=TEXT_MAX, widget=_area(2)
    )
    offer = forms.CharField(
        label=_("What I can offer"), required=False, max_length=TEXT_MAX, widget=_area(2)
    )
    let_go = forms.CharField(
        label=_("What I am ready to let go"), required=False, max_length=TEXT_MAX, widget=_area(2)
    )


class ResponseForm(forms.Form):
    text = forms.CharField(
        label=_("Your response"),
        max_length=RESPONSE_MAX,
        widget=_area(3, RESPONSE_MAX),
        error_messages={"required": _("Write a short response first.")},
    )


class BoundaryForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What kind of boundary"),
        choices=Boundary.Kind.choices,
        widget=forms.RadioSelect,
        initial=Boundary.Kind.NEED,
        error_messages={"required": _("Choose one of the two.")},
    )
    statement = forms.CharField(
        label=_("My boundary"),
        max_length=STATEMENT_MAX,
        widget=_area(3, STATEMENT_MAX),
        error_messages={"required": _("Please write your boundary in a sentence or two.")},
    )
    why = forms.CharField(
        label=_("Why it matters to me (optional)"),
        required=False,
        max_length=TEXT_MAX,
        widget=_area(2),
    )
