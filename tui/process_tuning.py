"""Process-wide settings for the interactive app, applied by the program that owns the process.

A library must not change these for whoever imports it, so `Store` leaves them alone and the
`newsmark` command (and benchmarks that stand in for it) call `tune_for_interactive_use` once
the database is loaded.
"""

from __future__ import annotations

import gc
import sys

SWITCH_INTERVAL = 0.001  # seconds: longest a key press waits for the saver thread to yield the GIL


def tune_for_interactive_use() -> None:
    """Short GIL switch interval for the saver thread; loaded records kept out of full GCs."""
    # The saver thread runs Python while the UI thread waits for the GIL; at the default
    # 5 ms switch interval a key press can wait that long, at 1 ms it does not.
    if sys.getswitchinterval() > SWITCH_INTERVAL:
        sys.setswitchinterval(SWITCH_INTERVAL)
    # Records loaded so far are acyclic and long-lived: full collections (UI pauses) skip them.
    gc.freeze()
