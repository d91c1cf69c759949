"""Swap two file names in one step, so replacing the database also hands back the file it replaced.

`os.replace` after checking that the file is still ours leaves a moment in which another
program's version can be replaced unseen. Linux's `renameat2(RENAME_EXCHANGE)` swaps the new
file in and the old one out atomically; the old one can then be inspected and kept.
"""

from __future__ import annotations

import ctypes
import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

AT_FDCWD = -100
RENAME_EXCHANGE = 2
UNSUPPORTED = {errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EPERM, errno.EXDEV}


def _load() -> Callable[..., int] | None:
    try:
        libc: Any = ctypes.CDLL(None, use_errno=True)
        function: Any = libc.renameat2
    except (OSError, AttributeError):  # not Linux, or a C library older than glibc 2.28
        return None
    function.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    function.restype = ctypes.c_int
    call: Callable[..., int] = function
    return call


_RENAMEAT2 = _load()


def exchange(new: Path, old: Path) -> bool:
    """Swap `new` and `old` atomically; False (nothing changed) where the system cannot or `old` is gone."""
    if _RENAMEAT2 is None:
        return False
    result = _RENAMEAT2(AT_FDCWD, os.fsencode(new), AT_FDCWD, os.fsencode(old), RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in UNSUPPORTED or code == errno.ENOENT:
        return False
    raise OSError(code, os.strerror(code), str(old))
