"""Free text is unreadable at rest, and key rotation keeps it readable."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection

from turntoward.checkins.models import CheckIn, CheckInReply
from turntoward.lib.crypto import new_key
from turntoward.testing import make_checkin, make_reply

MARKER = "MARKER-tea-on-the-balcony-7731"


def _raw_rows() -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT good_thing, hard_thing, need FROM checkins_checkin")
        return cursor.fetchall()


@pytest.mark.django_db(transaction=True)
def test_checkin_text_is_not_readable_in_the_database(alice, bob, couple, tmp_path):
    checkin = make_checkin(alice, good_thing=MARKER, hard_thing=MARKER, need=MARKER)
    make_reply(bob, checkin, MARKER)
    for row in _raw_rows():
        for value in row:
            assert MARKER not in value
            assert value.startswith("gAAAA")  # a Fernet token
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM checkins_checkinreply")
        assert MARKER not in cursor.fetchone()[0]
    if connection.vendor == "sqlite":
        # Copy the live database to a file (outside any transaction) and search its bytes.
        target = tmp_path / "copy.sqlite3"
        with connection.cursor() as cursor:
            cursor.execute("VACUUM INTO %s", [str(target)])
        assert MARKER.encode() not in target.read_bytes()
        assert b"checkins_checkin" in target.read_bytes()
    assert CheckIn.objects.get().good_thing == MARKER


def test_rotation_re_encrypts_everything_under_the_new_key(alice, bob, couple, settings):
    old_key = settings.FIELD_ENCRYPTION_KEYS[0]
    texts = [f"{MARKER}-{n}" for n in range(5)]
    checkins = [
        make_checkin(author, alice.local_today().replace(day=1 + n), good_thing=t)
        for n, (author, t) in enumerate(zip([alice, bob] * 3, texts, strict=False))
    ]
    make_reply(bob, checkins[0], "reply text")
    before = _raw_rows()

    new = new_key()
    settings.FIELD_ENCRYPTION_KEYS = [new, old_key]
    call_command("rotate_encryption_keys", verbosity=0)
    assert _raw_rows() != before

    settings.FIELD_ENCRYPTION_KEYS = [new]  # the old key is gone for good
    assert sorted(CheckIn.objects.values_list("good_thing", flat=True)) == sorted(texts)
    assert CheckInReply.objects.get().text == "reply text"


def test_a_missing_key_fails_loudly_rather_than_showing_garbage(alice, settings):
    make_checkin(alice, good_thing=MARKER)
    settings.FIELD_ENCRYPTION_KEYS = [new_key()]
    with pytest.raises(ImproperlyConfigured):
        CheckIn.objects.get()
