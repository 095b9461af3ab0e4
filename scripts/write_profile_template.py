"""Write resources/templates/profile_A4_portrait.qpt from gis/layouts/profile_page.template_layout.

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/write_profile_template.py
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from qgis.core import QgsApplication, QgsProject, QgsReadWriteContext  # noqa: E402

app = QgsApplication([], False)
app.initQgis()
from sozialraum_plugin.gis.layouts.profile_page import template_layout  # noqa: E402

layout = template_layout(QgsProject.instance())
out = ROOT / "resources" / "templates" / "profile_A4_portrait.qpt"
assert layout.saveAsTemplate(str(out), QgsReadWriteContext())
print(out)
