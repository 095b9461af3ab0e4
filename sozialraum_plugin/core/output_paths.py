"""Checks on output paths before a run, and which existing files a run replaced (pure os)."""
from __future__ import annotations

import os

from .errors import SozialraumError


def check_output_path(path: str, folder: bool = False) -> None:
    """Refuse an output that cannot be written, naming it: below a file (``x.csv/karte.pdf``),
    a folder where a file is asked for (or the reverse), or a folder that is not writable."""
    path = os.path.abspath(path)
    if os.path.exists(path) and os.path.isdir(path) != folder:
        code = "output_is_file" if folder else "output_is_folder"
        raise SozialraumError(code, file=path)
    parent = os.path.dirname(path) if not os.path.isdir(path) else path
    while parent and not os.path.exists(parent):
        parent = os.path.dirname(parent) if os.path.dirname(parent) != parent else ""
    if not parent:
        return
    if not os.path.isdir(parent):
        raise SozialraumError("output_below_file", file=path, parent=parent)
    if not os.access(parent, os.W_OK | os.X_OK):
        raise SozialraumError("output_not_writable", file=path, folder=parent)


def snapshot(path: str, folder: bool = False) -> dict:
    """{file: modification time} of what an output may replace: the folder's files (one level of
    subfolders too) for a folder, else the file and its siblings named after it (map pages
    ``karte_1.png`` for ``karte.png``)."""
    found = {}
    if folder:
        roots = [path] if os.path.isdir(path) else []
        for root in list(roots):
            for entry in os.scandir(root):
                if entry.is_dir(follow_symlinks=False) and root == path:
                    roots.append(entry.path)
        entries = [e for root in roots for e in os.scandir(root) if e.is_file()]
    else:
        parent = os.path.dirname(os.path.abspath(path))
        stem = os.path.splitext(os.path.basename(path))[0]
        entries = [e for e in os.scandir(parent) if e.is_file() and e.name.startswith(stem)] \
            if stem and os.path.isdir(parent) else []
    for entry in entries:
        found[entry.path] = entry.stat().st_mtime_ns
    return found


def replaced(before: dict) -> list[str]:
    """The files of a ``snapshot`` that were written again since."""
    out = []
    for path, mtime in before.items():
        try:
            if os.stat(path).st_mtime_ns != mtime:
                out.append(path)
        except OSError:
            continue
    return sorted(out)
