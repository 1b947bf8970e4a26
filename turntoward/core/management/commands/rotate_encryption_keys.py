"""Re-encrypt every encrypted field under the first key in FIELD_ENCRYPTION_KEYS."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from turntoward.core.fields import encrypted_fields

BATCH = 500


class Command(BaseCommand):
    help = (
        "Re-encrypt all stored free text with the newest key. Put the new key first in "
        "FIELD_ENCRYPTION_KEYS, keep the old ones after it, run this, then drop the old keys."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.FIELD_ENCRYPTION_KEYS:
            self.stderr.write("FIELD_ENCRYPTION_KEYS is empty.")
            raise SystemExit(1)
        total = 0
        with transaction.atomic():
            for model, names in encrypted_fields():
                # Reading decrypts with any configured key; saving encrypts with the first.
                batch = []
                for obj in (
                    model._base_manager.select_for_update()
                    .order_by("pk")
                    .iterator(chunk_size=BATCH)
                ):
                    batch.append(obj)
                    if len(batch) >= BATCH:
                        model._base_manager.bulk_update(batch, names)
                        total += len(batch)
                        batch = []
                if batch:
                    model._base_manager.bulk_update(batch, names)
                    total += len(batch)
                self.stdout.write(f"{model._meta.label}: {', '.join(names)}")
        self.stdout.write(self.style.SUCCESS(f"Re-encrypted {total} rows under the newest key."))
