"""A report's data files move from the staging folder into the output folder: all or nothing."""
from __future__ import annotations

import os

from ...core.fileio import SQLITE_SIDE_FILES


def commit(run, uri: str) -> str:
    """The data steps' files move from the staging folder into the output folder (each by a
    rename); the layout steps then write there directly (their writers are atomic).

    All or nothing: last year's file is first moved aside into the staging folder; when one
    cannot be moved (open in another program on Windows, a folder in the way), the files moved
    so far go back, and the output folder holds last year's set unchanged."""
    import shutil

    staging = run.folder
    done = []  # (target, last year's file moved aside or None)
    try:
        for name in sorted(os.listdir(staging)):  # files only: the data steps write no folders
            if name.endswith(SQLITE_SIDE_FILES) or name.endswith(".previous"):
                continue  # a reader's WAL/shared memory (GDAL closed its writes): goes with staging
            move_in(os.path.join(staging, name), os.path.join(run.final_folder, name), done)
    except BaseException:
        move_back(done)
        raise
    shutil.rmtree(staging)
    run.folder = run.final_folder
    for key, value in list(run.outputs.items()):
        if isinstance(value, str) and value.startswith(staging):
            run.outputs[key] = run.folder + value[len(staging):]
    return run.folder + uri[len(staging):] if uri.startswith(staging) else uri



def move_in(new: str, target: str, done: list) -> None:
    import stat

    from ...core.errors import SozialraumError
    from ...core.fileio import locked, move_side_files

    if os.path.isdir(target) and not os.path.islink(target):
        raise SozialraumError("output_is_folder", file=target)
    previous = None
    try:
        if os.path.lexists(target):
            previous = new + ".previous"
            os.chmod(new, stat.S_IMODE(os.stat(target).st_mode))  # the old file's mode is kept
            os.replace(target, previous)
            move_side_files(target, previous)  # a reader's journal goes with its file, not to the new one
        done.append((target, previous))
        os.replace(new, target)
    except PermissionError as error:
        raise locked(target, error) from None

def move_back(done: list) -> None:
    """Undo ``move_in``: this run's files leave, last year's come back."""
    from ...core.fileio import move_side_files

    for target, previous in reversed(done):
        try:
            if previous is None:
                if os.path.lexists(target):
                    os.remove(target)
            elif os.path.lexists(previous):
                os.replace(previous, target)
                move_side_files(previous, target)
        except OSError:
            continue  # best effort: the error that stopped the move is the one reported
