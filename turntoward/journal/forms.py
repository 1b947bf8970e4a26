"""Forms for the journal pages; the rules themselves live in services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from turntoward.journal import content_loader, feelings
from turntoward.journal.models import BODY_MAX
from turntoward.journal.services import prompts


def prompt_choices() -> list:
    """Prompts grouped by theme, for a <select> with optgroups."""
    names = content_loader.theme_names()
    groups: dict[str, list] = {}
    for prompt in prompts():
        groups.setdefault(prompt.theme, []).append((prompt.slug, gettext(prompt.text)))
    return [("", _("No prompt, just write"))] + [
        (gettext(names.get(theme, theme)), options) for theme, options in groups.items()
    ]


def feeling_choices() -> list[tuple[str, str]]:
    return [(f.slug, gettext(f.word)) for f in feelings.all_feelings()]


class EntryForm(forms.Form):
    prompt = forms.ChoiceField(
        label=_("A prompt to start from (optional)"),
        required=False,
        help_text=_("A question can help when the page feels blank."),
    )
    title = forms.CharField(label=_("Title (optional)"), required=False)
    body = forms.CharField(
        label=_("What's on your mind?"),
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={"required": _("Please write a few words here.")},
        help_text=_("Only you can read this. Write freely: there is no wrong way to feel."),
    )
    feelings = forms.MultipleChoiceField(
        label=_("Feelings in this entry (optional)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose feelings from the list.")},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["prompt"].choices = prompt_choices()
        self.fields["feelings"].choices = feeling_choices()
        self.fields["body"].widget.attrs["data-maxlength"] = BODY_MAX

    def feeling_groups(self) -> list[dict]:
        """The checkboxes grouped under their core feeling, for the chips."""
        chosen = set(self["feelings"].value() or [])
        return [
            {
                "core": core,
                "options": [core.feeling, *core.words],
                "chosen": chosen,
                "open": bool(chosen & {core.slug, *(w.slug for w in core.words)}),
            }
            for core in feelings.core_feelings()
        ]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search my entries"), required=False, max_length=200)
    feeling = forms.ChoiceField(label=_("Feeling"), required=False)
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        groups = [
            (
                gettext(core.word),
                [(core.slug, _("any %(word)s") % {"word": gettext(core.word).lower()})]
                + [(w.slug, gettext(w.word)) for w in core.words],
            )
            for core in feelings.core_feelings()
        ]
        self.fields["q"].widget.input_type = "search"
        self.fields["feeling"].choices = [("", _("Any feeling")), *groups]
