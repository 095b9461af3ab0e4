"""Writing output files atomically: a temporary file in the target folder, then a rename.

A crash or a full disk never leaves a half-written report under the real name, and readers
never see a partial file. The temporary file gets the permissions a normal file would get
(mkstemp's 0600 would hide outputs from colleagues on a shared drive).
"""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def atomic_path(path: str, suffix: str = ".part"):
    """Yield a temporary path beside ``path``; on success it replaces ``path``."""
    folder = os.path.dirname(os.path.abspath(path)) or "."
    os.makedirs(folder, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=folder, prefix="." + os.path.basename(path) + ".", suffix=suffix)
    os.close(fd)
    os.chmod(temp, 0o666 & ~_umask())
    try:
        yield temp
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.remove(temp)
        raise


def write_text(path: str, text: str, encoding: str = "utf-8", newline: str | None = None) -> None:
    with atomic_path(path) as temp:
        with open(temp, "w", encoding=encoding, newline=newline) as handle:
            handle.write(text)
