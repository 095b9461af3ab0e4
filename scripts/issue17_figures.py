"""Figures of the Berlin sample report for issue 17 (supply, allocation, robust ranks), read from
what `make demo` wrote: build/demo/sozialraum_intern.gpkg (every raw value, internal) and the
published build/demo/sozialraum.gpkg and Mittelverteilung.xlsx.

    make demo && .venv/bin/python scripts/issue17_figures.py
"""
from __future__ import annotations

import sqlite3
import sys
from decimal import Decimal
from pathlib import Path

import pandas as pd

DEMO = Path(sys.argv[1] if len(sys.argv) > 1 else "build/demo")


def layer(name: str) -> pd.DataFrame:
    with sqlite3.connect(DEMO / f"{name}.gpkg") as db:
        return pd.read_sql(f'SELECT * FROM "{name}"', db)


raw, published = layer("sozialraum_intern"), layer("sozialraum")
kids = raw["unter6"]
print(f"Kitas {raw['supply_count'].sum():.0f}, places {raw['supply_capacity'].sum():,.0f}, children under 6 "
      f"{kids.sum():,.0f}: {raw['supply_capacity'].sum() / kids.sum():.3f} places per child")
below = (raw["supply_per_1000"] < 500) & kids.gt(0)
reach = (raw["supply_access"] < 500) & kids.gt(0)
print(f"Planungsräume under 0.5 places per child: inside {below.sum()}, within 1 km (2SFCA) {reach.sum()} "
      f"(of {kids.gt(0).sum()} with children)")
print("need × supply:", raw["supply_category_label"].value_counts().to_dict())
print(f"published: {published['supply_per_1000'].notna().sum()} places-per-1,000 values shown, "
      f"{published['supply_access'].notna().sum()} access scores shown")

cents = sum(Decimal(str(v)) for v in raw["allocation"].dropna())
print(f"allocation: sum {cents} € over {raw['allocation'].gt(0).sum()} districts; "
      f"hidden in the published layer: {published['allocation'].isna().sum() - raw['allocation'].isna().sum()}")
paid = raw["allocation"].gt(0)
for cls, part in raw[paid].groupby("status_class"):
    print(f"  {cls:13s} children {part['unter6'].sum() / raw.loc[paid, 'unter6'].sum():6.2%}  "
          f"money {part['allocation'].sum() / raw['allocation'].sum():6.2%}  "
          f"{part['allocation'].sum() / part['unter6'].sum():.2f} € per child")
sheet = pd.read_excel(DEMO / "Mittelverteilung.xlsx", sheet_name=0, header=None)
print(f"Mittelverteilung.xlsx (published): {len(sheet)} rows; the total row: "
      f"{[v for v in sheet.iloc[-1].tolist() if pd.notna(v)][:4]}")

ranked = raw.dropna(subset=["rank"])
width = ranked["rank_high"] - ranked["rank_low"]
top = ranked[ranked["status_class"] == "sehr niedrig"]
print(f"robust ranks: {len(ranked)} areas, median 90 % interval width {width.median():.0f} ranks "
      f"(quartiles {width.quantile(.25):.0f}–{width.quantile(.75):.0f}); 'sehr niedrig' {len(top)}: "
      f"p_top ≥ 0.9 {int((top['p_top'] >= .9).sum())}, < 0.5 {int((top['p_top'] < .5).sum())}")
