"""Shared fixtures: the async backend for Pilot tests and the app factory on a private corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import make_app, seed_copy


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """A private copy of the seed articles."""
    return seed_copy(tmp_path)


@pytest.fixture
def app_factory(tmp_path: Path):
    """Build an app on a temp database and cache: `app_factory(paths=None, **options)`."""

    def build(paths=None, **options):
        return make_app(tmp_path, paths, **options)

    return build
