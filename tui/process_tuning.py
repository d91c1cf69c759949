"""Process-wide settings for the interactive app, applied by the program that owns the process.

A library must not change these for whoever imports it, so `Store` leaves them alone and the
`newsmark` command (and benchmarks that stand in for it) open the database inside
`interactive_start()`.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager

SWITCH_INTERVAL = 0.001  # seconds: longest a key press waits for the saver thread to yield the GIL


@contextmanager
def interactive_start() -> Iterator[None]:
    """Load with the cyclic collector paused, then keep what was loaded out of later collections.

    At 100k annotations the loaded records are ~110k tracked dicts; without this the first
    collections after start-up scan them three times (about 80 ms each, felt as stalled keys).
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()  # loaded records are acyclic and long-lived
        if collecting:
            gc.enable()
    # The saver thread runs Python while the UI thread waits for the GIL; at the default
    # 5 ms switch interval a key press can wait that long, at 1 ms it does not.
    if sys.getswitchinterval() > SWITCH_INTERVAL:
        sys.setswitchinterval(SWITCH_INTERVAL)
