"""core.fileio: atomic writes without touching the process umask, modes kept, locked targets named."""
from __future__ import annotations

import os
import stat

import pytest

from sozialraum_plugin.core import fileio
from sozialraum_plugin.core.fileio import OutputLocked, write_text


def _umask() -> int:  # the test may read it: it runs alone, QGIS's threads are not here
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_write_never_changes_the_umask_and_new_files_follow_it(tmp_path, monkeypatch):
    expected = 0o666 & ~_umask()

    def no_umask(_mask):
        raise AssertionError("os.umask changes the mask for every thread of QGIS")

    monkeypatch.setattr(os, "umask", no_umask)
    target = tmp_path / "Tabellenanhang.csv"
    write_text(str(target), "a;b\n")
    assert target.read_text(encoding="utf-8") == "a;b\n"
    assert stat.S_IMODE(target.stat().st_mode) == expected
    assert [p.name for p in tmp_path.iterdir()] == ["Tabellenanhang.csv"]


def test_a_replaced_file_keeps_its_mode(tmp_path):
    target = tmp_path / "Verbindungsbericht_1.html"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)  # e.g. made group-readable only, on purpose
    write_text(str(target), "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_target_that_cannot_be_replaced_is_named_and_left_as_it_was(tmp_path, monkeypatch):
    target = tmp_path / "Karten.pdf"
    target.write_bytes(b"%PDF old")

    def refused(_src, _dst):  # what Windows says when the PDF is open in a viewer
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(fileio.os, "replace", refused)
    with pytest.raises(OutputLocked) as caught:
        write_text(str(target), "new")
    assert str(target) in str(caught.value) and "open in another program" in str(caught.value)
    assert target.read_bytes() == b"%PDF old"
    assert [p.name for p in tmp_path.iterdir()] == ["Karten.pdf"]  # no temporary file left


def test_a_failed_write_leaves_no_partial_file(tmp_path):
    target = tmp_path / "chart.svg"
    target.write_text("<svg>old</svg>", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        write_text(str(target), "<svg>\udcff</svg>")  # cannot be encoded: fails mid-write
    assert target.read_text(encoding="utf-8") == "<svg>old</svg>"
    assert [p.name for p in tmp_path.iterdir()] == ["chart.svg"]


def test_a_folder_in_the_way_is_named_not_the_temporary_file(tmp_path):
    """A folder named like the output (Sozialbericht.qgz/): the message named the temporary
    '.Sozialbericht.qgz.1a2b.part' and said "Is a directory"; now the output, as the report's commit does."""
    from sozialraum_plugin.core.errors import SozialraumError

    (tmp_path / "Sozialbericht.qgz").mkdir()
    with pytest.raises(SozialraumError) as caught:
        write_text(str(tmp_path / "Sozialbericht.qgz"), "x")
    assert caught.value.code == "output_is_folder"
    assert caught.value.params["file"] == str(tmp_path / "Sozialbericht.qgz")
    assert [p.name for p in tmp_path.iterdir()] == ["Sozialbericht.qgz"]
