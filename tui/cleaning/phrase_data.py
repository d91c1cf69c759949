"""Every phrase family the cleaner knows, as data: name, reason shown to the user, scope, languages, pattern.

How to add one: append a `Family` (record in `phrase_family.py`) to `phrase_short.py` (scope "short":
menu items and prompts of at most a dozen words) or to `phrase_long.py` (scope "long": wording that only
boilerplate uses, in a line of up to 60 words; "opening": the first words of a longer line, a cookie
banner; "marker": a line that closes an article), with the languages it covers. Its literal words become
an Aho-Corasick prefilter on their own (`needles.py`); a pattern made only of character classes is
simply tried on every line. Then measure both parts of the dev set (`score.py --func
tui.cleaning:clean`, see docs/ARCHITECTURE.md) and keep the family only if it helps the part it was not
aimed at too. Order matters: within a scope the first family that matches gives the reason."""

from __future__ import annotations

from .phrase_family import Family
from .phrase_long import LONG_AND_MARKERS
from .phrase_short import SHORT

FAMILIES: tuple[Family, ...] = SHORT + LONG_AND_MARKERS

__all__ = ["FAMILIES", "Family"]
