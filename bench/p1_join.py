"""P1_join: our join of n districts with an n-row office-style CSV to a GeoPackage, beside
QGIS's native:joinattributestable (CSV through OGR with a .csvt) saving to a GeoPackage."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from harness import alternate, cli, start_qgis
from synth import indicator_frame, write_csv, write_grid_gpkg


def run(n: int = 100_000, repeats: int = 5) -> dict:
    start_qgis()
    import processing

    work = Path(tempfile.mkdtemp(prefix="bench_join_"))
    grid = write_grid_gpkg(n, work / "grid.gpkg")
    frame = indicator_frame(n)
    office_csv = write_csv(frame, work / "table.csv")  # ';', decimal comma, cp1252, -9999, –
    plain_csv = work / "plain.csv"  # what OGR can read, typed by a .csvt, for the peer
    frame.to_csv(plain_csv, index=False)
    plain_csv.with_suffix(".csvt").write_text(
        ",".join(['"String"', '"Integer"'] + ['"Real"'] * (len(frame.columns) - 2)), encoding="ascii")
    counter = {"i": 0}

    def out(tag: str) -> str:
        counter["i"] += 1
        return str(work / f"{tag}_{counter['i']}.gpkg")

    def ours():
        result = processing.run("sozialraum:jointable", {
            "INPUT": f"{grid}|layername=districts", "INPUT_KEY": "key", "TABLE": str(office_csv),
            "TABLE_KEY": "key", "OUTPUT": out("ours")})
        assert result["MATCHED"] == n, result

    def peer():
        processing.run("native:joinattributestable", {
            "INPUT": f"{grid}|layername=districts", "FIELD": "key", "INPUT_2": str(plain_csv), "FIELD_2": "key",
            "METHOD": 1, "DISCARD_NONMATCHING": False, "OUTPUT": out("peer")})

    try:
        ours_s, peer_s = alternate(ours, peer, repeats)
    finally:
        shutil.rmtree(work, ignore_errors=True)  # every run leaves two GeoPackages of n areas
    return {"n": n, "ours_s": round(ours_s, 3), "peer_s": round(peer_s, 3), "ratio": round(ours_s / peer_s, 3)}


if __name__ == "__main__":
    cli(run)
