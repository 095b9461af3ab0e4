"""The layout designer's properties panel for the profile sheet item (gis/layouts/sheet_item.py).

A person finishing the sheets in the designer wants the city's own colour on them; the texts and
values come from the profile GeoPackage and change by running the algorithm again, and the detail
map is a normal map item with its own panel. So the panel offers the house colour (band and
headings, undoable like any designer edit), says where the rest is changed, and shows QGIS's
own position, frame and background settings below.
"""
from __future__ import annotations

from qgis.core import QgsLayoutItem
from qgis.gui import (
    QgsColorButton,
    QgsGui,
    QgsLayoutItemAbstractGuiMetadata,
    QgsLayoutItemBaseWidget,
    QgsLayoutItemPropertiesWidget,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QColor, QIcon
from qgis.PyQt.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout

from ..gis.layouts.sheet_item import ITEM_TYPE, ProfileSheetItem
from ..toolbelt.paths import icon_path

translate = QCoreApplication.translate


class ProfileSheetWidget(QgsLayoutItemBaseWidget):
    """House colour of the sheet, a pointer to where texts and the map are changed, and QGIS's
    common item properties."""

    def __init__(self, parent, item: ProfileSheetItem):
        super().__init__(parent, item)
        self.item = item
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        box = QGroupBox(translate("ProfileSheetWidget", "Profile sheet"))
        form = QFormLayout(box)
        self.house = QgsColorButton()
        self.house.setObjectName("sozialraum_house_colour")
        self.house.setAllowOpacity(False)
        self.house.setColorDialogTitle(translate("ProfileSheetWidget", "House colour"))
        self.house.setColor(QColor(item.house_colour()))
        self.house.setToolTip(translate(
            "ProfileSheetWidget",
            "Colour of the header band and the headings; the band's texts turn dark on a light colour"))
        self.house.colorChanged.connect(self._house_changed)
        form.addRow(translate("ProfileSheetWidget", "House colour"), self.house)
        hint = QLabel(translate(
            "ProfileSheetWidget",
            "Texts and values come from the profile GeoPackage: to change indicators, labels or the "
            "source line, run Profile sheets again. The detail map is a map item of its own (select it "
            "to restyle it)."))
        hint.setWordWrap(True)
        form.addRow(hint)
        column.addWidget(box)
        self.common = QgsLayoutItemPropertiesWidget(self, item)
        column.addWidget(self.common)
        column.addStretch(1)
        item.changed.connect(self._sync)  # undo and redo read the item back: show what it has

    def _house_changed(self, colour: QColor) -> None:
        if colour.name() == QColor(self.item.house_colour()).name():
            return
        # one undo step for a whole drag in the colour picker: commands of this id merge
        self.item.beginCommand(translate("ProfileSheetWidget", "Change house colour"),
                               QgsLayoutItem.UndoCommand.UndoCustomCommand)
        self.item.set_house_colour(colour.name())
        self.item.endCommand()

    def _sync(self) -> None:
        self.house.blockSignals(True)
        self.house.setColor(QColor(self.item.house_colour()))
        self.house.blockSignals(False)

    def setNewItem(self, item) -> bool:  # noqa: N802 (QGIS API: the designer reuses the panel)
        if not isinstance(item, ProfileSheetItem):
            return False
        self.item.changed.disconnect(self._sync)
        self.item = item
        item.changed.connect(self._sync)
        self.common.setItem(item)
        self._sync()
        return True

    def setMasterLayout(self, master) -> None:  # noqa: N802 (QGIS API: reports' data-defined buttons)
        self.common.setMasterLayout(master)


class _GuiMetadata(QgsLayoutItemAbstractGuiMetadata):
    def __init__(self):
        # no creation tool: an empty sheet item means nothing; the algorithm makes them
        super().__init__(ITEM_TYPE, QCoreApplication.translate("ProfileSheetItem", "Profile sheet content"),
                         "", False, QgsLayoutItemAbstractGuiMetadata.Flag.FlagNoCreationTools)

    def creationIcon(self):  # noqa: N802 (QGIS API)
        return QIcon(icon_path("profiles.svg"))

    def createItemWidget(self, item):  # noqa: N802 (QGIS API)
        return ProfileSheetWidget(None, item) if isinstance(item, ProfileSheetItem) else None


_GUI_METADATA = []  # kept for the session: QGIS 3.22 cannot remove a layout item's GUI metadata


def register_gui() -> bool:
    """The designer shows ProfileSheetWidget for the item. Idempotent; needs a GUI (initGui).
    After a plugin reload the first registration stays (QGIS 3.22 cannot replace it), and with it
    the panel class first loaded: reloading changes the panel only after a restart."""
    registry = QgsGui.layoutItemGuiRegistry()
    if registry.metadataIdForItemType(ITEM_TYPE) >= 0:
        return True
    metadata = _GuiMetadata()
    _GUI_METADATA.append(metadata)
    return registry.addLayoutItemGuiMetadata(metadata)
