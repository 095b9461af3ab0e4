"""The reader's choices (encoding, separator, decimal and thousands mark, header row, sheet) as
combo boxes: 'Automatic (found: ;)' first, then the explicit choices. Each maps to a keyword of
``core.tables.read_table`` and to a parameter of ``sozialraum:jointable``."""
from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication, QObject, pyqtSignal
from qgis.PyQt.QtWidgets import QComboBox, QGridLayout, QLabel, QWidget

from .table_preview import separator_name

translate = QCoreApplication.translate

AUTO = ""
ENCODINGS = ["utf-8", "cp1252", "iso-8859-1", "utf-16"]
SEPARATORS = [";", ",", "\t", "|"]  # order of the algorithm's SEPARATOR enum after 'Detect'
DECIMALS = [",", "."]  # order of the algorithm's DECIMAL enum after 'Detect'
THOUSANDS = ["none", ".", ",", " ", "'"]
HEADER_ROWS = 20


class ReadOptions(QObject):
    """The six combos, laid out in a grid; ``changed`` when the user picks something."""

    changed = pyqtSignal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.widget = QWidget(parent)
        grid = QGridLayout(self.widget)
        grid.setContentsMargins(0, 0, 0, 0)
        self.encoding = self._combo([(e, e) for e in ENCODINGS])
        self.separator = self._combo([(separator_name(s), s) for s in SEPARATORS])
        self.decimal = self._combo([(separator_name(d), d) for d in DECIMALS])
        self.thousands = self._combo([(separator_name("" if t == "none" else t), t) for t in THOUSANDS])
        self.header = self._combo([(translate("ReadOptions", "no header row"), "none")] +
                                  [(translate("ReadOptions", "row {0}").format(n), str(n))
                                   for n in range(1, HEADER_ROWS + 1)])
        self.sheet = self._combo([])
        rows = [(translate("ReadOptions", "&Encoding:"), self.encoding),
                (translate("ReadOptions", "&Separator:"), self.separator),
                (translate("ReadOptions", "&Decimal mark:"), self.decimal),
                (translate("ReadOptions", "&Thousands mark:"), self.thousands),
                (translate("ReadOptions", "&Header row:"), self.header),
                (translate("ReadOptions", "&Worksheet:"), self.sheet)]
        # Three columns, each label above its combo: narrow enough beside the preview in German too.
        for i, (text, combo) in enumerate(rows):
            label = QLabel(text)
            label.setBuddy(combo)
            grid.addWidget(label, (i // 3) * 2, i % 3)
            grid.addWidget(combo, (i // 3) * 2 + 1, i % 3)
            combo.setMinimumContentsLength(14)  # "comma , (detected)" stays readable
        grid.setVerticalSpacing(2)
        for column in range(3):
            grid.setColumnStretch(column, 1)

    def _combo(self, items: list) -> QComboBox:
        combo = QComboBox()
        combo.addItem(translate("ReadOptions", "Automatic"), AUTO)
        for text, data in items:
            combo.addItem(text, data)
        combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        return combo

    def combos(self) -> list:
        return [self.encoding, self.separator, self.decimal, self.thousands, self.header, self.sheet]

    # -- state ---------------------------------------------------------------------------
    def reset(self, sheets: list | None) -> None:
        """A new table: everything back to Automatic; the sheet list of a workbook."""
        for combo in self.combos():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.setItemText(0, translate("ReadOptions", "Automatic"))
        while self.sheet.count() > 1:
            self.sheet.removeItem(1)
        for name in sheets or []:
            self.sheet.addItem(name, name)
        for combo in self.combos():
            combo.blockSignals(False)

    def set_kind(self, kind: str, thousands_settable: bool) -> None:
        """Which choices apply: a text file has all but the sheet, a workbook only the sheet,
        header row and marks; a project layer only the decimal mark (as in the algorithm)."""
        text, book = kind == "text", kind == "book"
        self.encoding.setEnabled(text)
        self.separator.setEnabled(text)
        self.header.setEnabled(text or book)
        self.sheet.setEnabled(book)
        self.decimal.setEnabled(kind != "")
        self.thousands.setEnabled(kind != "" and thousands_settable)
        self.thousands.setToolTip("" if thousands_settable else translate(
            "ReadOptions", "Found in the table; it follows from the decimal mark when that is set by hand."))

    def show_detected(self, report) -> None:
        """Write what the reader found into each 'Automatic' entry."""
        found = {
            self.encoding: report.encoding,
            self.separator: separator_name(report.separator) if report.separator else None,
            self.decimal: separator_name(report.decimal) if report.decimal else None,
            self.thousands: separator_name(report.thousands or ""),
            self.header: (translate("ReadOptions", "no header row")
                          if report.header_row is None or report.header_row < 0
                          else translate("ReadOptions", "row {0}").format(report.header_row + 1)),
            self.sheet: report.sheet,
        }
        for combo, value in found.items():
            text = translate("ReadOptions", "Automatic")
            if value and combo.currentIndex() == 0:
                text = translate("ReadOptions", "{0} (detected)").format(value)
            combo.setItemText(0, text)

    def read_kwargs(self) -> dict:
        """Keywords for ``read_table``."""
        header = self.header.currentData()
        thousands = self.thousands.currentData()
        return {
            "encoding": self.encoding.currentData() or None,
            "sep": self.separator.currentData() or None,
            "decimal": self.decimal.currentData() or None,
            "thousands": None if not thousands or not self.thousands.isEnabled()
            else ("" if thousands == "none" else thousands),
            "header_row": None if not header else (-1 if header == "none" else int(header) - 1),
            "sheet": self.sheet.currentData() or None,
        }

    def parameters(self) -> dict:
        """The same choices as parameters of ``sozialraum:jointable``."""
        header = self.header.currentData()
        sep, dec = self.separator.currentData(), self.decimal.currentData()
        return {
            "ENCODING": self.encoding.currentData() or "",
            "SEPARATOR": 0 if not sep else SEPARATORS.index(sep) + 1,
            "DECIMAL": 0 if not dec else DECIMALS.index(dec) + 1,
            "HEADER_ROW": "" if not header else ("0" if header == "none" else header),
            "SHEET": self.sheet.currentData() or "",
        }

    def set_parameters(self, options: dict) -> None:
        """The inverse of :meth:`parameters` (a report definition's table options): numbers or
        the algorithm's names (``"semicolon"``) for the separator and decimal mark."""
        names = {"semicolon": ";", "comma": ",", "tab": "\t", "pipe": "|", "point": "."}

        def mark(value, marks):
            if isinstance(value, str) and not value.isdigit():
                return names.get(value.lower(), value)
            number = int(value or 0)
            return marks[number - 1] if 0 < number <= len(marks) else AUTO

        header = str(options.get("HEADER_ROW", "") or "").strip()
        thousands = options.get("THOUSANDS")
        wanted = {
            self.encoding: str(options.get("ENCODING", "") or ""),
            self.separator: mark(options.get("SEPARATOR", 0), SEPARATORS),
            self.decimal: mark(options.get("DECIMAL", 0), DECIMALS),
            self.thousands: AUTO if thousands in (None, "") else ("none" if thousands == "none" else thousands),
            self.header: AUTO if not header else ("none" if header == "0" else header),
            self.sheet: str(options.get("SHEET", "") or ""),
        }
        for combo, data in wanted.items():
            combo.blockSignals(True)
            index = combo.findData(data)
            if index < 0 and data and combo is self.sheet:
                combo.addItem(data, data)  # a sheet named before the workbook was read
                index = combo.count() - 1
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)
