"""Models of the reflection practices: patterns without blame, repair after a hurt, boundaries.

Each is private to its author until they share it; sharing ties it to their current
couple, so a later partner never sees it and a former one stops seeing it.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from turntoward.core.fields import EncryptedTextField

TEXT_MAX = 2000
RESPONSE_MAX = 1000
STATEMENT_MAX = 1000


class Pressure(models.Model):
    """A routine or pressure that can create distance (content, loaded from YAML)."""

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=80)
    prompt = models.TextField()
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "slug"]

    def __str__(self) -> str:
        return self.name


class Shareable(models.Model):
    """Authored, private by default, shareable with the current partner."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # Set only while shared: the couple it was shared with.
    couple = models.ForeignKey("couples.Couple", null=True, blank=True, on_delete=models.SET_NULL)
    shared_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{type(self).__name__} {self.id}"

    @property
    def is_shared(self) -> bool:
        return self.shared_at is not None


class Reflection(Shareable):
    """Patterns without blame: what created distance, what I noticed, what I could change."""

    # Slugs of the chosen pressures, comma-separated; encrypted because they are personal.
    pressure_slugs = EncryptedTextField(blank=True, default="")
    other_pressures = EncryptedTextField(_("other pressures"), blank=True, default="")
    noticed = EncryptedTextField(_("what I noticed"))
    could_change = EncryptedTextField(_("what I could change"), blank=True, default="")

    class Meta(Shareable.Meta):
        pass

    @property
    def pressures(self) -> list[str]:
        return [s for s in self.pressure_slugs.split(",") if s]


class Repair(Shareable):
    """Forgiveness and repair after a hurt: a guided sequence, a draft until shared."""

    hurt = EncryptedTextField(_("what hurt"))
    i_statement = EncryptedTextField(_("as an I-statement"), blank=True, default="")
    need = EncryptedTextField(_("what I need"), blank=True, default="")
    offer = EncryptedTextField(_("what I can offer"), blank=True, default="")
    let_go = EncryptedTextField(_("what I am ready to let go"), blank=True, default="")

    class Meta(Shareable.Meta):
        pass


class RepairResponse(models.Model):
    """The partner's short answer to a shared repair."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # Kept without its repair if the repair's author deletes their account: still its
    # own author's writing.
    repair = models.ForeignKey(
        Repair, on_delete=models.SET_NULL, null=True, blank=True, related_name="responses"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = EncryptedTextField(_("response"))
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["repair", "author"], name="one_response_per_repair"),
        ]

    def __str__(self) -> str:
        return f"response {self.id}"


class Boundary(Shareable):
    """A statement of what I need, or of what is not acceptable to me."""

    class Kind(models.TextChoices):
        NEED = "need", _("What I need")
        NOT_ACCEPTABLE = "not_acceptable", _("What is not acceptable to me")

    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.NEED)
    statement = EncryptedTextField(_("statement"))
    why = EncryptedTextField(_("why it matters to me"), blank=True, default="")
    acknowledged_at = models.DateTimeField(null=True, blank=True)

    class Meta(Shareable.Meta):
        verbose_name_plural = "boundaries"
