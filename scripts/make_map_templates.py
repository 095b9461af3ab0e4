"""Make resources/templates/map_<A4|A3>_<portrait|landscape>.qpt from the code-built page.

Run with QGIS's Python after changing the page's geometry (``make templates`` is not needed for a
build: the templates are committed). Each template is saved with QgsLayout.saveAsTemplate and then
tidied: placeholder texts, no project-specific layer references, a comment naming the item ids.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_map_templates.py
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

HEADER = """<!-- Sozialraum map page template ({size} {orientation}), made by scripts/make_map_templates.py.
  Items are found by their item id (Item Properties > Item ID); move, restyle or delete them freely:
    title, subtitle   labels: the map's title and subtitle (wrapped to the label's width)
    logo              picture: the house logo (report definition style.logo, thematic map LOGO)
    accent            shape: filled with the house colour (style.colour, thematic map COLOUR)
    map               map: its box is the room for the map; the frame is fitted to the data's shape
    legend            legend: this page's classes, fitted into the item's box
    method_note       label: classification note (placed under the legend in the legend's column)
    scale_bar, north_arrow   linked to the map; they keep their distance to the map's lower edge
    source, date      labels: source/licence lines and "Stand: <date>"
  A city's own template (style.map_template, thematic map TEMPLATE) uses the same ids. -->
"""


def sorted_attributes(text: str) -> str:
    """QGIS writes attributes in hash order: sorted, a template made again differs only where it changed."""
    import xml.etree.ElementTree as ET

    root = ET.fromstring(text)
    for element in root.iter():
        items = sorted(element.attrib.items())
        element.attrib.clear()
        element.attrib.update(items)
    ET.indent(root, space=" ")
    return ET.tostring(root, encoding="unicode")


def stable_uuids(text: str, name: str) -> str:
    """Item uuids numbered in order of appearance (a map's uuid and the references to it stay one)."""
    import uuid

    found: dict[str, str] = {}

    def stable(match) -> str:
        old = match.group(0)
        if old not in found:
            found[old] = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"sozialraum/map_{name}/{len(found)}")) + "}"
        return found[old]

    return re.sub(r"\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}", stable, text)


def tidy(text: str, size: str, orientation: str) -> str:
    text = re.sub(r"<Layer [^>]*>[^<]*</Layer>", "", text)  # no layers of the session it was made in
    text = re.sub(r'file="[^"]*north_arrow\.svg"', 'file=""', text)  # the plugin's arrow, wherever it is installed
    text = stable_uuids(text, f"{size}_{orientation}")
    text = sorted_attributes(text.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "").strip())
    return HEADER.format(size=size, orientation=orientation) + text + "\n"


def main() -> None:
    from qgis.core import QgsApplication, QgsProject, QgsReadWriteContext

    app = QgsApplication([], False)
    app.initQgis()
    from sozialraum_plugin.gis.layouts.map_template import shipped_template, template_layout

    project = QgsProject()
    for size, orientation in (("A4", "landscape"), ("A4", "portrait"), ("A3", "landscape"), ("A3", "portrait")):
        layout = template_layout(project, size, orientation)
        path = Path(shipped_template(size, orientation))
        path.parent.mkdir(parents=True, exist_ok=True)
        assert layout.saveAsTemplate(str(path), QgsReadWriteContext()), path
        path.write_text(tidy(path.read_text(encoding="utf-8"), size, orientation), encoding="utf-8")
        print(path)
    import os

    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
