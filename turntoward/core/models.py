"""Core has no tables; this module lets Django send it post_migrate (content loading)."""
