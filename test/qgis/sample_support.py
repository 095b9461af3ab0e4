"""The samples' report definitions as tests change them: read with every file path made absolute
(boundaries, tables, the supply section's facilities), so a copy written elsewhere still finds its
files; and a Flensburg copy with cells the publication rule must hide."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample"
BERLIN = SAMPLE / "berlin"


def berlin_definition() -> dict:
    """Berlin's sample definition as a dict, its files named by absolute paths."""
    data = json.loads((BERLIN / "sozialbericht_berlin_2021.json").read_text(encoding="utf-8"))
    data["boundaries"] = str(BERLIN / data["boundaries"])
    for table in data["tables"]:
        table["path"] = str(BERLIN / table["path"])
    if data.get("supply"):  # the Kita list (issue 17.1)
        data["supply"]["facilities"] = str(BERLIN / data["supply"]["facilities"])
    return data


def write_definition(data: dict, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def flensburg_with_hidden_cells(tmp_path_factory, name: str) -> Path:
    """A copy of the Flensburg sample whose 2021 table gives Tarup 250 residents under 65 (below the
    300 of the index: the area is hidden in every year) and Friesischer Berg 2 recipients in 2020;
    the path of its monitoring definition."""
    source = tmp_path_factory.mktemp(name)
    shutil.copytree(SAMPLE / "flensburg", source / "flensburg")
    folder = source / "flensburg" / "jahre"
    for year, row, column, value in ((2020, "5;", 2, "2"), (2021, "13;", 8, "250")):
        path = folder / f"sgb2_{year}.csv"
        lines = path.read_text(encoding="utf-8").splitlines()
        for n, line in enumerate(lines):
            if line.startswith(row):
                cells = line.split(";")
                cells[column] = value
                lines[n] = ";".join(cells)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return source / "flensburg" / "sozialmonitoring_flensburg.json"
