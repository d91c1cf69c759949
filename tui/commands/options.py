"""Options several commands share, declared once so that their help reads the same everywhere."""

from __future__ import annotations

from pathlib import Path

import click

db_option = click.option(
    "--db",
    "db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Database file (default: $NEWSMARK_DB or annotations/annotations.json).",
)

follow_links_option = click.option(
    "--follow-links",
    is_flag=True,
    help="Follow symlinks that lead outside the folders given (default: skip them, one line each).",
)
