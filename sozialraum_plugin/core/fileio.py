"""Writing output files atomically: a temporary file in the target folder, then a rename.

A crash or a full disk never leaves a half-written report under the real name, and readers
never see a partial file. The temporary file is created with mode 0666 and the OS applies the
umask, as for any new file (mkstemp's 0600 would hide outputs from colleagues on a shared drive;
reading the umask with os.umask would change it for every thread of QGIS for a moment). A file
that is replaced keeps its mode. A target that cannot be replaced (open in another program on
Windows, a read-only file or folder) gives a message that names it, not a traceback.
"""
from __future__ import annotations

import os
import stat
from contextlib import contextmanager

from .errors import SozialraumError


class OutputLocked(SozialraumError):
    """An output file or its folder cannot be written (open elsewhere, read-only)."""


def locked(path: str, error: OSError) -> OutputLocked:
    return OutputLocked("output_locked", file=os.fspath(path), reason=error.strerror or str(error))


def create_temp(path: str, suffix: str = ".part") -> str:
    """A new, empty file beside ``path`` (same folder: the rename stays on one file system)."""
    folder = os.path.dirname(os.path.abspath(path)) or "."
    try:
        os.makedirs(folder, exist_ok=True)
        for _ in range(100):
            temp = os.path.join(folder, f".{os.path.basename(path)}.{os.urandom(4).hex()}{suffix}")
            try:
                fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            except FileExistsError:
                continue
            os.close(fd)
            return temp
    except PermissionError as error:
        raise locked(path, error) from None
    raise FileExistsError(folder)  # pragma: no cover - 100 random names taken


SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


def move_side_files(path: str, to: str | None = None) -> None:
    """Move the SQLite journal files beside ``path`` (a GeoPackage about to be replaced) to
    ``to`` + suffix, or delete them (``to`` None); missing ones are fine.

    SQLite finds a database's journal by its name: a new file renamed over one that a reader
    still has open (a layer of last year's project, the OGR connection pool) was read through
    the old file's -wal/-shm, "malformed database schema" or a wrong extent, now and then. Once
    they are gone, the old reader keeps its own (open) ones and the new file gets new ones. A
    file that cannot be moved (open on Windows) stays: the rename then says the target is locked.
    """
    for suffix in SQLITE_SIDE_FILES:
        try:
            if to is None:
                os.remove(path + suffix)
            else:
                os.replace(path + suffix, to + suffix)
        except OSError:
            continue


def replace_file(temp: str, path: str) -> bool:
    """Move the finished ``temp`` to ``path``; True if it replaced a file. The old file's mode
    is kept; a target that cannot be replaced raises OutputLocked (``temp`` stays for the caller
    to remove)."""
    if os.path.isdir(path) and not os.path.islink(path):  # (os.replace would name the temporary file)
        raise SozialraumError("output_is_folder", file=os.fspath(path))
    existed = os.path.exists(path)
    try:
        if existed:
            os.chmod(temp, stat.S_IMODE(os.stat(path).st_mode))
            move_side_files(path)
        os.replace(temp, path)
    except PermissionError as error:
        raise locked(path, error) from None
    return existed


def remove_quietly(path: str) -> None:
    try:
        os.remove(path)
    except FileNotFoundError:
        pass


@contextmanager
def atomic_path(path: str, suffix: str = ".part"):
    """Yield a temporary path beside ``path``; on success it replaces ``path``, on any error it
    is removed."""
    temp = create_temp(path, suffix)
    try:
        yield temp
        replace_file(temp, path)
    except BaseException:
        remove_quietly(temp)
        raise


def write_text(path: str, text: str, encoding: str = "utf-8", newline: str | None = None) -> None:
    with atomic_path(path) as temp:
        with open(temp, "w", encoding=encoding, newline=newline) as handle:
            handle.write(text)
