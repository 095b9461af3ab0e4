"""The report's impact step: sozialraum:impact on the published district layer and its series,
writing Wirkung.xlsx, Wirkung.csv and the chart page Wirkung.pdf into the output folder.

Runs after the profiles, on the main thread (the chart is a layout), on the PUBLISHED layer and
series: every hidden cell is NULL or ``shown`` False there, so nothing hidden can enter a figure.
The file names stay German in every language, like the report's other files (README: "The file
names stay German"); their contents follow the report's language.
"""
from __future__ import annotations

import os

from qgis.PyQt.QtCore import QCoreApplication

translate = QCoreApplication.translate
NAMES = ("Wirkung.xlsx", "Wirkung.csv", "Wirkung.pdf")


def impact_ids(run) -> list:
    """The indicators compared: the section's, else every indicator with years."""
    spec = run.d.impact
    if spec.indicators:
        return list(spec.indicators)
    plan = getattr(run, "series_plan", None)
    if plan is not None and plan.years:
        return [ind.id for ind in plan.yearly()]
    return [ind.id for ind in run.d.indicators if ind.change_between]


def impact_params(run, uri: str) -> dict:
    from ...core.errors import SozialraumError

    spec, d = run.d.impact, run.d
    unknown = [i for i in impact_ids(run) if i not in {ind.id for ind in d.indicators}]
    if unknown:
        raise SozialraumError("definition_invalid", file=os.path.basename(run.definition_file), section="impact",
                              reason="indicators not in the definition: " + ", ".join(unknown))
    path = uri.split("|", 1)[0]
    params = {"INPUT": uri, "KEY_FIELD": d.key, "INDICATORS": d.indicators_json(impact_ids(run)),
              "MIN_OVERLAP": spec.min_overlap, "SEED": spec.seed, "LANGUAGE": run.lang, "TITLE": spec.title}
    if d.has_years() and os.path.isfile(path):
        params["SERIES"] = f"{path}|layername=series"
    if spec.funded_field:
        params["FUNDED_FIELD"] = spec.funded_field
    elif spec.funded_expression:
        params["FUNDED_EXPRESSION"] = spec.funded_expression
    else:
        params["PROGRAMME_AREAS"] = d.resolve(spec.areas)
    for name, value in (("BASE_YEAR", spec.base_year), ("YEAR", spec.year), ("POPULATION_FIELD", spec.population)):
        if value not in (None, ""):
            params[name] = value
    return params


def impact_step(run, uri: str, steps) -> None:
    """Table (XLSX and CSV) and chart page into the output folder."""
    import processing

    from ..base import as_step

    steps.pushInfo(translate("Report", "Funded districts against the rest: Wirkung.xlsx, Wirkung.csv, Wirkung.pdf"))
    params = impact_params(run, uri)
    xlsx, csv, pdf = (os.path.join(run.folder, name) for name in NAMES)
    with as_step():
        result = processing.run("sozialraum:impact", {**params, "OUTPUT": xlsx, "CHART": pdf},
                                context=run.context, feedback=steps, is_child_algorithm=True)
        processing.run("sozialraum:impact", {**params, "OUTPUT": csv}, context=run.context, feedback=steps,
                       is_child_algorithm=True)
    run.outputs.update({"IMPACT": xlsx, "IMPACT_FUNDED": result.get("FUNDED")})
    run._next_step(steps)
