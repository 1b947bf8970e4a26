"""Operators list counsellors and practices in the Django admin."""

from __future__ import annotations

from django.contrib import admin
from django.db import models

from turntoward.findhelp.models import CounsellingPractice, Counsellor

URLS = {models.URLField: {"assume_scheme": "https"}}


class CounsellorInline(admin.StackedInline):
    model = Counsellor
    extra = 0
    fields = ("name", "slug", "cities", "online", "languages", "is_active")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(CounsellingPractice)
class CounsellingPracticeAdmin(admin.ModelAdmin):
    list_display = ("name", "website", "phone", "email", "is_active")
    list_filter = ("is_active",)
    search_fields = ("name", "description", "email")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [CounsellorInline]
    formfield_overrides = URLS


@admin.register(Counsellor)
class CounsellorAdmin(admin.ModelAdmin):
    list_display = ("name", "practice", "cities", "online", "languages", "is_active")
    list_filter = ("is_active", "online", "practice")
    search_fields = ("name", "cities", "languages", "approach", "qualifications")
    list_editable = ("is_active",)
    prepopulated_fields = {"slug": ("name",)}
    formfield_overrides = URLS
    fieldsets = (
        (None, {"fields": ("name", "slug", "practice", "is_active")}),
        ("About", {"fields": ("qualifications", "approach", "works_with", "fees")}),
        ("Where and how", {"fields": ("online", "cities", "languages")}),
        (
            "Contact and requesting a session",
            {"fields": ("phone", "email", "website", "booking_url", "how_to_request")},
        ),
    )
