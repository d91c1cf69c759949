"""Plain data the reader widget is fed with, kept apart so layout and motions stay testable without Textual."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Block:
    """One paragraph-like unit of display; `start` None marks decoration that cannot be annotated."""

    text: str
    start: int | None
    kind: str  # "title" | "meta" | "content" | "dropped" | "header"
    raw_line: int | None = None
    note: str | None = None


@dataclass(frozen=True)
class Span:
    """An annotation as the reader draws it; `style` is a Rich style string chosen by the caller."""

    id: str
    start: int
    end: int
    label: str
    kind: str  # "entity" | "claim"
    style: str
    suggested: bool = False  # a ghost to accept or reject: drawn with the `reader--suggested` style
