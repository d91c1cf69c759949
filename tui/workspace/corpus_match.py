"""Annotations the opened corpus does not show because its files were opened from another folder.

A document's id is its path relative to the folder given on the command line, so `newsmark seeds`
names a file `000_x.txt` and `newsmark .` names it `seeds/000_x.txt`: the same files opened the
other way show none of their annotations. Nothing is lost; the user is told which way to open them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable

from tui.safe_text import visible
from tui.wording import plural


def elsewhere_hint(annotated_ids: Iterable[str], corpus_ids: Collection[str]) -> str | None:
    """One line when none of the annotated documents is in the corpus but most of them are its files
    named from a folder above or below the one opened; else None."""
    annotated = set(annotated_ids)
    corpus = set(corpus_ids)
    if not annotated or not corpus or annotated & corpus:
        return None
    by_name: dict[str, list[str]] = {}
    for cid in corpus:
        by_name.setdefault(cid.rsplit("/", 1)[-1], []).append(cid)
    above: Counter[str] = Counter()  # the database's ids carry this folder in front of the corpus's
    below: Counter[str] = Counter()  # the corpus's ids carry this folder in front of the database's
    for did in annotated:
        for cid in by_name.get(did.rsplit("/", 1)[-1], ()):
            if did.endswith("/" + cid):
                above[did[: -len(cid)]] += 1
            elif cid.endswith("/" + did):
                below[cid[: -len(did)]] += 1
    best = (above + below).most_common(1)
    if not best or 2 * best[0][1] < len(annotated):
        return None
    folder, count = best[0]
    shown = visible(folder)
    if folder in above:
        how = f"open the folder that holds {shown} (their ids start with {shown})"
    else:
        how = f"open {shown} itself (this corpus names them with {shown} in front)"
    return (
        f"{plural(count, 'annotated document')} in this database {'is a file' if count == 1 else 'are files'} of this "
        f"corpus opened from another folder, so no annotations show here; nothing is lost: {how}"
    )
