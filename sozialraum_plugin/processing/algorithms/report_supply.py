"""The report's supply step (the definition's "supply" section): sozialraum:supply on the districts
after the index and clusters, before the publication rule, so its fields are published, mapped and
printed on the profile pages like any indicator."""
from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication


def supply_step(run, steps) -> None:
    """Run sozialraum:supply on ``run.current``; the result becomes the current layer."""
    spec = getattr(run.d, "supply", None)
    if not spec:
        return
    steps.pushInfo(QCoreApplication.translate("Report", "Facilities against need: {0}").format(spec.facilities))
    params = {"INPUT": run.current, **spec.params(run.d.resolve), "OUTPUT": run._temp("supply"),
              "LANGUAGE": run.lang}
    result = run._run("sozialraum:supply", params, steps)
    run.current = result["OUTPUT"]
    run.outputs.update({"SUPPLY_OUTSIDE": result["OUTSIDE"], "SUPPLY_FACILITIES": result["FACILITY_COUNT"]})
