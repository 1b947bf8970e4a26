"""Settings shared by every environment; each value may come from the environment."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from turntoward.lib.env import envbool, envint, envlist, envsecret, envstr

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = envsecret("DJANGO_SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = envbool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "django_countries",
    "ninja",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.headless",
    "turntoward.core",
    "turntoward.accounts",
    "turntoward.couples",
    "turntoward.checkins",
    "turntoward.bids",
    "turntoward.appreciation",
    "turntoward.curiosity",
    "turntoward.lessons",
    "turntoward.activities",
    "turntoward.goals",
    "turntoward.weekly",
    "turntoward.reflection",
    "turntoward.selfcare",
    "turntoward.journal",
    "turntoward.language",
    "turntoward.safety",
    "turntoward.assessments",
    "turntoward.insights",
    "turntoward.notifications",
    "turntoward.findhelp",
    "turntoward.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "turntoward.api.middleware.ApiErrorShapeMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "turntoward.core.middleware.UserTimeZoneMiddleware",
    "turntoward.core.middleware.PrivateCacheMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "turntoward" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "turntoward.core.context_processors.site",
                "turntoward.notifications.context_processors.unread_notifications",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        envstr("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=envint("DATABASE_CONN_MAX_AGE", 0),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "turntoward" / "locale"]
USE_I18N = True
USE_TZ = True
# Times are stored in UTC; each request is shown in the person's own zone (see middleware).
TIME_ZONE = "UTC"
DEFAULT_USER_TIME_ZONE = envstr("DEFAULT_TIME_ZONE", "UTC")
DEFAULT_USER_COUNTRY = envstr("DEFAULT_COUNTRY", "")

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "core:home"

# --- Accounts (django-allauth) ---
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_SIGNUP_FORM_CLASS = "turntoward.accounts.forms.SignupExtrasForm"
ACCOUNT_EMAIL_VERIFICATION = envstr("ACCOUNT_EMAIL_VERIFICATION", "optional")
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Turn Toward] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = envstr("ACCOUNT_DEFAULT_HTTP_PROTOCOL", "http")
ACCOUNT_ADAPTER = "turntoward.accounts.adapter.AccountAdapter"
ACCOUNT_ALLOW_SIGNUP = envbool("ACCOUNT_ALLOW_SIGNUP", True)
# allauth's own limits, written out so an operator can see and tune them.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "reauthenticate": "10/m/ip",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Turn Toward"
HEADLESS_CLIENTS = ("app",)
HEADLESS_ONLY = False

# --- Email ---
EMAIL_BACKEND = envstr("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = envstr("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = envstr("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = envsecret("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = envbool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 20)
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "Turn Toward <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Privacy and safety ---
# Fernet keys (comma-separated, newest first). The first encrypts; all decrypt.
FIELD_ENCRYPTION_KEYS = envlist("FIELD_ENCRYPTION_KEYS")
# Where the quick-exit control sends a person; a neutral everyday site.
QUICK_EXIT_URL = envstr("QUICK_EXIT_URL", "https://www.bbc.co.uk/weather")
INVITATION_VALID_DAYS = envint("INVITATION_VALID_DAYS", 7)
# An extra YAML file of help lines (same shape as turntoward/language/data/helplines.yaml).
HELPLINES_FILE = envstr("HELPLINES_FILE", "") or None
# How far back a missed check-in may still be written, in days.
CHECKIN_BACKFILL_DAYS = envint("CHECKIN_BACKFILL_DAYS", 7)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

NINJA_PAGINATION_PER_PAGE = 100

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": envstr("LOG_LEVEL", "INFO")},
    # WeasyPrint logs every step of every PDF at INFO; only its problems are news.
    "loggers": {"weasyprint.progress": {"level": "WARNING"}},
}


def derive_dev_key(secret: str) -> str:
    """Derive a Fernet key from a secret, for development and tests only."""
    digest = hashlib.sha256(("turntoward-field-key:" + secret).encode()).digest()
    return base64.urlsafe_b64encode(digest).decode()


# --- Signals (findhelp) ---
# Every escalation rule's thresholds live here, in one place; turntoward/findhelp/signals.py
# reads nothing else. Weeks are rolling 7-day windows ending on the person's local today.
SIGNALS = {
    "one_sided_effort": {
        "enabled": envbool("SIGNAL_ONE_SIDED_ENABLED", True),
        # One partner's share of the couple's actions, in percent, that counts as one-sided.
        "share_percent": envint("SIGNAL_ONE_SIDED_SHARE_PERCENT", 75),
        "weeks": envint("SIGNAL_ONE_SIDED_WEEKS", 3),
        # Fewer actions than this in a week is too little to tell (1 against 0 is no pattern).
        "min_actions_per_week": envint("SIGNAL_ONE_SIDED_MIN_ACTIONS", 6),
    },
    "declining_connection": {
        "enabled": envbool("SIGNAL_DECLINING_ENABLED", True),
        # Weekly averages strictly falling over this many consecutive weeks.
        "weeks": envint("SIGNAL_DECLINING_WEEKS", 3),
        "min_checkins_per_week": envint("SIGNAL_DECLINING_MIN_CHECKINS", 3),
        # ...and falling by at least this much (tenths of a point) from first to last week;
        # at 0.5 the bench's random (patternless) couples fired 9% of the time, at 0.8 far less.
        "min_drop_tenths": envint("SIGNAL_DECLINING_MIN_DROP_TENTHS", 8),
    },
    "disengaged_partner": {
        "enabled": envbool("SIGNAL_DISENGAGED_ENABLED", True),
        "days": envint("SIGNAL_DISENGAGED_DAYS", 14),
    },
    "low_connection": {
        "enabled": envbool("SIGNAL_LOW_CONNECTION_ENABLED", True),
        "days": envint("SIGNAL_LOW_CONNECTION_DAYS", 14),
        # Average felt connection (1-5 scale) at or below this, in tenths: 20 means 2.0.
        "max_average_tenths": envint("SIGNAL_LOW_CONNECTION_MAX_TENTHS", 20),
        "min_checkins": envint("SIGNAL_LOW_CONNECTION_MIN_CHECKINS", 5),
    },
    "csi_low_twice": {
        "enabled": envbool("SIGNAL_CSI_ENABLED", True),
        # CSI-4 scores below this (in tenths: 135 means 13.5) on the last two tries.
        "below_tenths": envint("SIGNAL_CSI_BELOW_TENTHS", 135),
        # Scores older than this many days no longer count.
        "max_age_days": envint("SIGNAL_CSI_MAX_AGE_DAYS", 120),
    },
    "wellbeing_low": {
        "enabled": envbool("SIGNAL_WELLBEING_ENABLED", True),
        # Latest PHQ-9 or GAD-7 score at or above this.
        "at_least": envint("SIGNAL_WELLBEING_AT_LEAST", 10),
        # The PHQ-9 and GAD-7 ask about two weeks; after this many days a score is stale.
        "max_age_days": envint("SIGNAL_WELLBEING_MAX_AGE_DAYS", 60),
    },
}

# --- Tasks and notifications ---
# Absolute address of this site, for links in emails and the calendar feed.
# Without it, the address `make run` serves on (its PORT).
SITE_URL = envstr("SITE_URL", f"http://127.0.0.1:{envint('PORT', 8000)}").rstrip("/")
# The background worker (Huey). By default its queue is a local SQLite file, so `make run`
# needs no other server; with TASKS_REDIS_URL (or REDIS_URL) it moves to Redis, and
# `manage.py run_huey` processes can run on any number of machines.
TASKS_REDIS_URL = envstr("TASKS_REDIS_URL", "") or envstr("REDIS_URL", "")
TASKS_SQLITE_FILE = envstr("TASKS_SQLITE_FILE", str(BASE_DIR / "var" / "tasks.sqlite3"))
TASKS_QUEUE_NAME = envstr("TASKS_QUEUE_NAME", "turntoward")
TASKS_WORKERS = envint("TASKS_WORKERS", 2)
HUEY = {
    "name": TASKS_QUEUE_NAME,
    "immediate": envbool("TASKS_IMMEDIATE", False),
    "utc": True,
    "consumer": {"workers": TASKS_WORKERS, "worker_type": "thread"},
}
if TASKS_REDIS_URL:
    HUEY.update({"huey_class": "huey.RedisHuey", "url": TASKS_REDIS_URL})
else:
    Path(TASKS_SQLITE_FILE).parent.mkdir(parents=True, exist_ok=True)
    HUEY.update({"huey_class": "huey.SqliteHuey", "filename": TASKS_SQLITE_FILE})
# A worker that claimed a notification and vanished gives it up after this many seconds.
NOTIFICATIONS_CLAIM_LEASE = envint("NOTIFICATIONS_CLAIM_LEASE", 300)
INSTALLED_APPS += ["huey.contrib.djhuey"]
TEMPLATES[0]["OPTIONS"]["context_processors"].append(
    "turntoward.notifications.context_processors.unread_notifications"
)
