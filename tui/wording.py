"""Counted nouns for messages, so no status line or summary says "1 annotations"."""

from __future__ import annotations


def plural(count: int, noun: str, many: str | None = None) -> str:
    """`plural(1, "annotation")` -> "1 annotation"; `plural(2, "entity", "entities")` -> "2 entities"."""
    return f"{count} {noun if count == 1 else (many or noun + 's')}"
