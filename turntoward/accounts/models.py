"""People who use Turn Toward."""

from __future__ import annotations

import uuid
import zoneinfo
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


class UserManager(BaseUserManager["User"]):
    """Creates people identified by email."""

    use_in_migrations = True

    def _create(self, email: str, password: str | None, **extra: Any) -> User:
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra["is_staff"] = True
        extra["is_superuser"] = True
        return self._create(email, password, **extra)


def default_time_zone() -> str:
    return settings.DEFAULT_USER_TIME_ZONE


def default_country() -> str:
    return settings.DEFAULT_USER_COUNTRY


class User(AbstractBaseUser, PermissionsMixin):
    """A person: a partner, a counsellor or the operator."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    email = models.EmailField(_("email address"), unique=True)
    name = models.CharField(_("name"), max_length=80, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=64, default=default_time_zone)
    country = CountryField(_("country"), blank=True, default=default_country)
    discreet_mode = models.BooleanField(
        _("discreet mode"),
        default=False,
        help_text=_("Show a neutral name and icon in the browser tab and in email subjects."),
    )
    is_staff = models.BooleanField(_("staff status"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.email

    @property
    def display_name(self) -> str:
        """The name to show others: the chosen name, else the email's first part."""
        return self.name or self.email.split("@")[0]

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo("UTC")

    def local_now(self) -> datetime:
        return timezone.now().astimezone(self.tz)

    def local_today(self) -> date:
        """Today's date where this person is."""
        return self.local_now().date()
