"""The preferences form: times in the person's zone, and a grid of channels per event."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from turntoward.notifications.models import Channel, Kind, NotificationPreferences
from turntoward.notifications.services import RETAKE_MAX, RETAKE_MIN

WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]


def channel_field(kind: str, channel: str) -> str:
    return f"ch_{kind}_{channel}"


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self) -> None:
        super().__init__(format="%H:%M")


class PreferencesForm(forms.Form):
    daily_time = forms.TimeField(label=_("Daily check-in reminder at"), widget=TimeInput())
    weekly_day = forms.TypedChoiceField(
        label=_("Weekly check-in day"), choices=WEEKDAYS, coerce=int
    )
    weekly_time = forms.TimeField(label=_("Weekly check-in at"), widget=TimeInput())
    retake_weeks = forms.IntegerField(
        label=_("Remind me to retake the connection check every (weeks)"),
        min_value=RETAKE_MIN,
        max_value=RETAKE_MAX,
    )
    quiet_start = forms.TimeField(
        label=_("Quiet hours from"),
        required=False,
        widget=TimeInput(),
        help_text=_("Nothing arrives in this window; it waits until it ends."),
    )
    quiet_end = forms.TimeField(label=_("Quiet hours until"), required=False, widget=TimeInput())

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for kind, kind_label in Kind.choices:
            for channel, channel_label in Channel.choices:
                self.fields[channel_field(kind, channel)] = forms.BooleanField(
                    label=f"{kind_label}: {channel_label}", required=False
                )

    @classmethod
    def initial_for(cls, prefs: NotificationPreferences) -> dict:
        initial = {
            "daily_time": prefs.daily_time,
            "weekly_day": prefs.weekly_day,
            "weekly_time": prefs.weekly_time,
            "retake_weeks": prefs.retake_weeks,
            "quiet_start": prefs.quiet_start,
            "quiet_end": prefs.quiet_end,
        }
        for kind in Kind.values:
            chosen = prefs.channels_for(kind)
            for channel in Channel.values:
                initial[channel_field(kind, channel)] = channel in chosen
        return initial

    def grid(self) -> list[tuple[str, list]]:
        return [
            (label, [self[channel_field(kind, channel)] for channel in Channel.values])
            for kind, label in Kind.choices
        ]

    def changes(self) -> dict:
        data = self.cleaned_data
        channels = {
            kind: [c for c in Channel.values if data.get(channel_field(kind, c))]
            for kind in Kind.values
        }
        return {
            "daily_time": data["daily_time"],
            "weekly_day": data["weekly_day"],
            "weekly_time": data["weekly_time"],
            "retake_weeks": data["retake_weeks"],
            "quiet_start": data.get("quiet_start"),
            "quiet_end": data.get("quiet_end"),
            "channels": channels,
        }
