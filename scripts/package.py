#!/usr/bin/env python3
"""Stage build/sozialraum_plugin/ and zip it as plugins.qgis.org expects.

The zip holds one top folder (the package) with metadata.txt, LICENSE, resources/ and the
compiled translations; no __pycache__, no tests. The rules are checked after zipping, on the zip.
"""
from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
NAME = "sozialraum_plugin"
REQUIRED_METADATA = ("name", "qgisMinimumVersion", "description", "about", "version", "author",
                     "email", "repository", "tracker", "homepage", "tags", "category", "icon")
SKIP = shutil.ignore_patterns("__pycache__", "*.pyc", "*.pyo", ".DS_Store")


def compile_translations(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    compiled = []
    for ts in sorted((ROOT / "i18n").glob("*.ts")):
        qm = out_dir / (ts.stem + ".qm")
        subprocess.run(["lrelease", "-silent", str(ts), "-qm", str(qm)], check=True)
        compiled.append(qm)
    return compiled


def stage() -> Path:
    target = BUILD / NAME
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(ROOT / NAME, target, ignore=SKIP)
    shutil.copytree(ROOT / "resources", target / "resources", ignore=SKIP)
    for name in ("metadata.txt", "LICENSE", "README.md", "CHANGELOG.md"):
        shutil.copy2(ROOT / name, target / name)
    compile_translations(target / "i18n")
    return target


def write_zip(staged: Path) -> Path:
    zip_path = BUILD / f"{NAME}.zip"
    tmp = zip_path.with_suffix(".zip.part")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(staged.rglob("*")):
            archive.write(path, path.relative_to(staged.parent).as_posix())
    tmp.replace(zip_path)  # atomic: a half-written zip is never left under the real name
    return zip_path


def check(zip_path: Path) -> list[str]:
    problems = []
    with zipfile.ZipFile(zip_path) as archive:
        names = archive.namelist()
        tops = {n.split("/", 1)[0] for n in names}
        if tops != {NAME}:
            problems.append(f"zip must have exactly one top folder {NAME}, has {sorted(tops)}")
        if any("__pycache__" in n or n.endswith(".pyc") for n in names):
            problems.append("zip contains __pycache__ or .pyc files")
        for needed in ("LICENSE", "metadata.txt", "__init__.py"):
            if f"{NAME}/{needed}" not in names:
                problems.append(f"zip lacks {NAME}/{needed}")
        parser = configparser.ConfigParser(interpolation=None)
        parser.read_string(archive.read(f"{NAME}/metadata.txt").decode("utf-8"))
        general = parser["general"]
        for key in REQUIRED_METADATA:
            if not general.get(key, "").strip():
                problems.append(f"metadata.txt lacks {key}")
        if general.get("hasProcessingProvider", "").strip().lower() != "yes":
            problems.append("metadata.txt must say hasProcessingProvider=yes")
        icon = general.get("icon", "").strip()
        if icon and f"{NAME}/{icon}" not in names:
            problems.append(f"icon {icon} named in metadata.txt is not in the zip")
        if not any(n.endswith(".qm") for n in names):
            problems.append("no compiled translation (.qm) in the zip")
    return problems


def main() -> int:
    staged = stage()
    zip_path = write_zip(staged)
    problems = check(zip_path)
    for problem in problems:
        print(f"package: {problem}", file=sys.stderr)
    if problems:
        return 1
    size = zip_path.stat().st_size / 1e6
    print(f"package: {zip_path.relative_to(ROOT)} ({size:.1f} MB) passes the plugin-site checks")
    return 0


if __name__ == "__main__":
    sys.exit(main())
