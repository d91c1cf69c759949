"""Pure rules of annotating, kept apart from the Session so they are read and tested alone:
labels hug words, a claim's default type, the hash annotations are anchored to."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping


def sha256(text: str) -> str:
    """Hash of the clean text, the key annotations are anchored against."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalise_overrides(raw: Mapping[str, str] | None) -> dict[int, str]:
    """Overrides come back from JSON with string keys; the cleaner wants line numbers."""
    return {int(number): decision for number, decision in (raw or {}).items()}


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a range to exclude surrounding whitespace so labels hug the words."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_QUOTED = re.compile(r"[“«\"]([^”»\"]*)[”»\"]")


def guess_claim_type(quote: str) -> str:
    """A default the user confirms: "direct quote" when someone's words are in quotation marks
    (three or more, not all capitalised), not when only a name such as “Bay Area Platform” is."""
    for inner in _QUOTED.findall(quote):
        words = inner.split()
        if len(words) >= 3 and any(word[:1].islower() for word in words):
            return "direct quote"
    return "assertion"
