"""Shapes for notifications and reminder preferences."""

from __future__ import annotations

from datetime import datetime, time

from ninja import Schema
from pydantic import Field

from turntoward.api.schemas import Strict


class NotificationOut(Schema):
    id: str
    kind: str
    label: str
    text: str
    link: str
    created_at: datetime | None
    read: bool
    read_at: datetime | None


class NotificationListOut(Schema):
    unread: int
    items: list[NotificationOut]


class NotificationReadAllOut(Schema):
    unread: int
    marked: int


class NotificationPrefsOut(Schema):
    time_zone: str
    daily_time: str = Field(description="HH:MM in your time zone.")
    weekly_day: int = Field(description="0 is Monday, 6 is Sunday.")
    weekly_time: str
    retake_weeks: int
    quiet_start: str | None
    quiet_end: str | None
    channels: dict[str, list[str]]
    calendar_url: str


class NotificationPrefsPatch(Strict):
    daily_time: time | None = None
    weekly_day: int | None = Field(None, ge=0, le=6, strict=True)
    weekly_time: time | None = None
    retake_weeks: int | None = Field(None, ge=1, le=52, strict=True)
    quiet_start: time | None = None
    quiet_end: time | None = None
    channels: dict[str, list[str]] | None = Field(
        None, description='Event kind to a list of channels from "email" and "in_app".'
    )
