"""One line per dev page with a hash of everything the cleaner decided, to prove a speed-up changed nothing.

Run before and after a change and compare: `python scripts/cleaner_fingerprint.py > before.txt`,
change, `python scripts/cleaner_fingerprint.py | diff before.txt -`. Hashed per page: the text, the
title, the metadata, and every line's decision and reason.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.cleaning import clean  # noqa: E402

DEV_PAGES = next(
    (
        p / "cleaning-dev" / "pages"
        for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared")
        if p.is_dir()
    ),
    ROOT.parent / "shared" / "cleaning-dev" / "pages",
)


def fingerprint(raw: str) -> str:
    """The hash of one page's whole cleaning result."""
    cleaned = clean(raw)
    decided = [(line.decision, line.reason) for line in cleaned.lines]
    payload = json.dumps(
        [cleaned.text, cleaned.title, sorted(cleaned.meta.items()), decided],
        ensure_ascii=False,
        default=str,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pages", type=Path, default=DEV_PAGES, help="folder of NAME.txt pages")
    args = ap.parse_args()
    for page in sorted(args.pages.glob("*.txt")):
        if page.name.endswith(".gold.txt"):
            continue
        print(page.stem, fingerprint(page.read_text(encoding="utf-8")))


if __name__ == "__main__":
    main()
