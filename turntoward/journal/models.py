"""The private journal: entries, the prompts that can start one, and feeling tags."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from turntoward.core.fields import EncryptedTextField

TITLE_MAX = 150
BODY_MAX = 20000
FEELINGS_MAX = 12


class JournalPrompt(models.Model):
    """A question that helps put a feeling into words, loaded from content/prompts.yaml."""

    slug = models.SlugField(max_length=80, unique=True)
    theme = models.SlugField(max_length=40)
    text = models.TextField()
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "slug"]

    def __str__(self) -> str:
        return self.slug


class JournalEntryQuerySet(models.QuerySet["JournalEntry"]):
    def between(self, since=None, until=None) -> JournalEntryQuerySet:
        qs = self
        if since:
            qs = qs.filter(day__gte=since)
        if until:
            qs = qs.filter(day__lte=until)
        return qs


class JournalEntry(models.Model):
    """One private entry; only its author ever reads it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journal_entries"
    )
    # The writer's local date when the entry was started: date filters are by their days.
    day = models.DateField()
    title = EncryptedTextField(_("title"), blank=True, default="")
    body = EncryptedTextField(_("entry"))
    prompt = models.ForeignKey(JournalPrompt, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = JournalEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["author", "day"])]

    def __str__(self) -> str:
        return f"journal entry {self.id}"

    @property
    def feeling_slugs(self) -> list[str]:
        return [f.slug for f in self.feelings.all()]


class EntryFeeling(models.Model):
    """A feeling word (by its vocabulary slug) an entry is tagged with."""

    entry = models.ForeignKey(JournalEntry, on_delete=models.CASCADE, related_name="feelings")
    slug = models.SlugField(max_length=60)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "slug"], name="one_tag_per_feeling"),
        ]

    def __str__(self) -> str:
        return self.slug
