"""Risky words for the safety tests, one per category, and the panel's wording."""

from __future__ import annotations

from django.test import Client

RISKY = {
    "self_harm": "Lately I keep thinking about ending it all, I can't go on",
    "partner_violence": "He shoved me against the wall during the row last night",
    "fear_of_partner": "I am afraid of what he will do when he gets home",
    "coercive_control": "She checks my phone and takes my money and won't let me see my friends",
}
ORDINARY = "We had a lovely walk by the river and this traffic is killing me"
PANEL_TITLE = "Thank you for writing this down"
# What only a person at risk would see: the panel, the help lines (GB), the supportive page.
TRACES = (
    PANEL_TITLE,
    'id="risk-panel"',
    "Samaritans",
    "116 123",
    "National Domestic Abuse Helpline",
    "0808 2000 247",
    "Support for you",
    "couple practices are paused",
    "Couple practices are paused",
    '"couple_paused": true',
    "safety_screen",
    "paused-note",
)


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client
