"""Loading practice content (questions, ideas, lessons...) from data files.

Content lives in YAML files inside each app's ``content/`` folder. Each app registers a
loader that upserts its rows by a stable slug; ``manage.py load_content`` runs them all,
and so does every ``migrate`` (post_migrate), so a fresh instance always has its content.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

_LOADERS: dict[str, Callable[[], int]] = {}


def register_loader(key: str, loader: Callable[[], int]) -> None:
    """loader() upserts this app's content and returns how many items it holds."""
    _LOADERS[key] = loader


def load_all() -> dict[str, int]:
    return {key: loader() for key, loader in _LOADERS.items()}


def read_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)
