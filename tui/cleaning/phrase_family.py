"""The record one phrase family is kept in (see `phrase_data` for how to add one)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Family:
    """One family of boilerplate wording: what the user is told, where it applies, how it is matched."""

    name: str
    reason: str
    scope: str  # "short", "long", "marker" or "opening"
    languages: tuple[str, ...]
    pattern: str  # searched in the lower-cased, stripped line ("marker": matched at its start)
    menu_word: bool = (
        False  # "short": matches a menu word at the start, so a full sentence skips it
    )
