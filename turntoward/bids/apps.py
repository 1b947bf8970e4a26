from __future__ import annotations

from django.apps import AppConfig


class BidsConfig(AppConfig):
    name = "turntoward.bids"
    label = "bids"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from turntoward.core.registry import (
            Practice,
            register_activity,
            register_home_cards,
            register_practice,
        )

        from . import personal_data  # noqa: F401  (registers export/delete)
        from .home import bid_cards, last_bid_activity

        register_practice(
            Practice(
                key="bids",
                name=_("Bids for connection"),
                description=_(
                    "Notice the small reach-outs between you, how they were met, and "
                    "come back to the ones that were missed."
                ),
                url_name="bids:bids",
                order=20,
                needs_partner=True,
            )
        )
        register_home_cards("bids", bid_cards)
        register_activity("bids", last_bid_activity)
