"""One line per dev page: name + sha256 of everything clean() says about it, to prove a speed change
changed nothing (text, title, sorted meta items, and every line's decision and reason).

Run: python scripts/cleaner_fingerprint.py [--pages DIR] > /tmp/fp.txt; compare two runs with diff.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_cleaning import DEV_PAGES  # noqa: E402  (the dev set, found as the bench finds it)

from tui.cleaning import clean  # noqa: E402


def fingerprint(raw: str) -> str:
    """sha256 over clean(raw)'s text, title, sorted meta items and each line's decision and reason."""
    c = clean(raw)
    h = hashlib.sha256()
    for part in (c.text, c.title, repr(sorted(c.meta.items()))):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    for line in c.lines:
        h.update(f"{line.number}\t{line.decision}\t{line.reason}\n".encode())
    return h.hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pages", type=Path, default=DEV_PAGES)
    args = ap.parse_args()
    for p in sorted(args.pages.glob("*.txt")):
        if p.name.endswith(".gold.txt"):
            continue
        print(p.stem, fingerprint(p.read_text(encoding="utf-8")))


if __name__ == "__main__":
    main()
