"""Bedarfscluster: k-means or Ward clusters through ``sozialraum:needclusters``.

"Suggest k" computes ``core.clusters.suggest_k`` in memory and shows the quality per k with the
best highlighted; the spin box is preset to the suggestion but the choice stays the user's.
After the run the dialog stays open and shows the cluster summary (size, label, centres).
"""
from __future__ import annotations

import os

from qgis.core import QgsProcessingUtils
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import SozialraumError
from .base_dialog import InputError, SozialraumDialog
from .cluster_tables import fill_suggestion, fill_summary, layer_frame, make_table, read_summary
from .widgets import (
    IndicatorGrid,
    chain_focus,
    empty_fields,
    field_combo,
    numeric_fields,
    output_widget,
    polygon_layer_combo,
)

translate = QCoreApplication.translate


class ClusterDialog(SozialraumDialog):
    ALGORITHM = "sozialraum:needclusters"
    MEMORY = "clusters"
    ICON = "clusters.svg"
    CLOSE_ON_SUCCESS = False  # the summary is shown here after the run

    def build(self, outer) -> None:
        self.setWindowTitle(translate("ClusterDialog", "Need clusters"))
        self.suggestion = None
        self.summary_path = ""
        self.add_split(outer, self._build_inputs(), self._build_results(), [50, 50], fixed_left=True)
        self.grid.focus_before = self.layer_combo
        chain_focus(self.layer_combo, self.method_combo, self.seed_spin, self.need_combo, self.valid_check,
                    self.suggest_button, self.suggest_table, self.k_spin, self.output_widget,
                    self.summary_widget,
                    self.summary_table)
        self.layer_combo.layerChanged.connect(self._layer_changed)
        self._layer_changed(self.layer_combo.currentLayer())
        self.resize(1240, 740)

    def _build_inputs(self) -> QWidget:
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 4, 0)
        form = QFormLayout()
        self.layer_combo = polygon_layer_combo()
        form.addRow(translate("ClusterDialog", "&Layer:"), self.layer_combo)
        column.addLayout(form)
        self.grid = IndicatorGrid([("use", translate("ClusterDialog", "use"))], extra="label")
        grid_label = QLabel(translate("ClusterDialog", "&Indicators:"))
        grid_label.setBuddy(self.grid)
        column.addWidget(grid_label)
        column.addWidget(self.grid, 1)

        box = QGroupBox(translate("ClusterDialog", "Method"))
        form = QFormLayout(box)
        self.method_combo = QComboBox()
        self.method_combo.addItems([translate("ClusterDialog", "k-means"),
                                    translate("ClusterDialog", "Ward (hierarchical)")])
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, 2_147_483_647)
        self.seed_spin.setValue(1)
        self.seed_spin.setMaximumWidth(140)
        self.seed_spin.setToolTip(translate("ClusterDialog",
                                            "The same seed gives the same clusters next time."))
        self.need_combo = field_combo(self.layer_combo, numeric=True, optional=True)
        self.valid_check = QCheckBox(translate("ClusterDialog", "Leave out areas with “valid” = false"))
        self.valid_check.setToolTip(translate(
            "ClusterDialog", "Areas the need index left out of the reference (too few residents, excluded) "
                             "get no cluster."))
        form.addRow(translate("ClusterDialog", "&Method:"), self.method_combo)
        form.addRow(translate("ClusterDialog", "S&eed:"), self.seed_spin)
        form.addRow(translate("ClusterDialog", "Num&ber clusters by:"), self.need_combo)
        form.addRow(self.valid_check)  # spans both columns: no wide empty label column
        column.addWidget(box)

        form = QFormLayout()
        self.output_widget = output_widget(translate("ClusterDialog", "[temporary GeoPackage]"),
                                           translate("ClusterDialog", "GeoPackage (*.gpkg)"))
        self.summary_widget = output_widget(translate("ClusterDialog", "[no summary file]"),
                                            translate("ClusterDialog", "CSV (*.csv)"))
        form.addRow(translate("ClusterDialog", "O&utput layer:"), self.output_widget)
        form.addRow(translate("ClusterDialog", "Summar&y table:"), self.summary_widget)
        column.addLayout(form)
        for signal in (self.grid.usage_changed, self.method_combo.currentIndexChanged,
                       self.seed_spin.valueChanged, self.valid_check.toggled):
            signal.connect(self._suggestion_stale)
        return panel

    def _build_results(self) -> QWidget:
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(4, 0, 0, 0)
        box = QGroupBox(translate("ClusterDialog", "Number of clusters"))
        lay = QVBoxLayout(box)
        row = QHBoxLayout()
        self.suggest_button = QPushButton(translate("ClusterDialog", "&Suggest k"))
        self.suggest_button.setToolTip(translate("ClusterDialog", "Compare 2 to 8 clusters by silhouette and "
                                                                  "Calinski-Harabasz (higher is better)"))
        self.suggest_button.clicked.connect(self.suggest)
        self.k_spin = QSpinBox()
        self.k_spin.setRange(0, 50)
        self.k_spin.setSpecialValueText(translate("ClusterDialog", "automatic"))
        self.k_spin.setValue(0)
        self.k_spin.setMinimumWidth(110)
        k_label = QLabel(translate("ClusterDialog", "&Number of clusters:"))
        k_label.setBuddy(self.k_spin)
        row.addWidget(self.suggest_button)
        row.addStretch(1)
        row.addWidget(k_label)
        row.addWidget(self.k_spin)
        lay.addLayout(row)
        self.suggest_table = make_table([translate("ClusterDialog", "k"),
                                         translate("ClusterDialog", "Silhouette"),
                                         translate("ClusterDialog", "Calinski-Harabasz"),
                                         translate("ClusterDialog", "Explained")])
        self.suggest_table.itemActivated.connect(self._pick_row)
        self.suggest_table.itemClicked.connect(self._pick_row)
        self.suggest_note = QLabel(translate("ClusterDialog",
                                             "Press “Suggest k” to compare numbers of clusters."))
        self.suggest_note.setWordWrap(True)
        lay.addWidget(self.suggest_table, 1)
        lay.addWidget(self.suggest_note)
        column.addWidget(box, 1)

        box = QGroupBox(translate("ClusterDialog", "Clusters of the last run"))
        lay = QVBoxLayout(box)
        self.summary_table = make_table([])
        self.summary_note = QLabel(translate("ClusterDialog", "Run the clustering to see its clusters here."))
        self.summary_note.setWordWrap(True)
        lay.addWidget(self.summary_table, 1)
        lay.addWidget(self.summary_note)
        column.addWidget(box, 1)
        return panel

    # -- reacting -------------------------------------------------------------------------
    def _layer_changed(self, layer) -> None:
        self.grid.set_fields(numeric_fields(layer), empty_fields(layer))
        if not self.grid.restore(self.memory.json("indicators", {})):
            for name in self.grid.rows:  # Berlin: the MSS status indicators
                if name in ("S1", "S2", "S3", "S4") and name not in empty_fields(layer):
                    self.grid.set_role(name, "use")
        names = layer.fields().names() if layer is not None else []
        self.need_combo.setField("status_index" if "status_index" in names else "")
        self.valid_check.setEnabled("valid" in names)
        self.valid_check.setChecked("valid" in names)
        self._suggestion_stale()

    def _suggestion_stale(self, *_args) -> None:
        if self.suggestion is not None:
            self.suggestion = None
            fill_suggestion(self.suggest_table, None)
            self.suggest_note.setText(translate("ClusterDialog", "The inputs changed: suggest again."))

    def _pick_row(self, item: QTableWidgetItem) -> None:
        k = self.suggest_table.item(item.row(), 0)
        if k is not None:
            self.k_spin.setValue(int(k.text()))

    def _indicators(self) -> list:
        from ..core.series.indicators import Indicator

        return [Indicator(id=f, direction=self.grid.direction(f), label=self.grid.extra_value(f) or f)
                for f in self.grid.fields_with("use")]

    def suggest(self) -> bool:
        """suggest_k in memory (fast: 0.15 s for Berlin's 542 areas), shown as a table."""
        from ..core.needs.clusters import pick_k, suggest_k

        layer = self.layer_combo.currentLayer()
        indicators = self._indicators()
        if layer is None or not indicators:
            self.say(translate("ClusterDialog", "Choose a layer and at least one indicator."))
            return False
        use_valid = self.valid_check.isChecked() and self.valid_check.isEnabled()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            frame = layer_frame(layer, [i.id for i in indicators] + (["valid"] if use_valid else []))
            valid = frame["valid"].astype("boolean").fillna(False).to_numpy(dtype=bool) if use_valid else None
            table = suggest_k(frame, indicators, method=self._method(), seed=self.seed_spin.value(),
                              valid=valid)
        except SozialraumError as error:
            self.say_error(error)
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.suggestion = table
        best = pick_k(table)
        fill_suggestion(self.suggest_table, table)
        self.k_spin.setValue(best)
        self.suggest_note.setText(translate(
            "ClusterDialog", "Suggested: k = {0} (highest silhouette, in bold). Another number may serve the "
                             "report better: click a row or set the number.").format(best))
        return True

    def _method(self) -> str:
        return ["kmeans", "ward"][self.method_combo.currentIndex()]

    # -- memory ---------------------------------------------------------------------------
    def restore(self) -> None:
        self.method_combo.setCurrentIndex(self.memory.value("method", 0))
        self.seed_spin.setValue(self.memory.value("seed", 1))
        folder = self.memory.value("output_folder", "")
        if folder:
            self.output_widget.setDefaultRoot(folder)
            self.summary_widget.setDefaultRoot(folder)

    def remember(self) -> None:
        self.remember_grid()
        self.memory.set_value("method", self.method_combo.currentIndex())
        self.memory.set_value("seed", self.seed_spin.value())
        self.remember_output_folder()

    # -- running --------------------------------------------------------------------------
    def parameters(self) -> dict:
        from ..core.series.indicator_params import indicators_json

        layer = self.layer_combo.currentLayer()
        fields = self.grid.fields_with("use")
        if layer is None or not fields:
            raise InputError(translate("ClusterDialog", "Choose a layer and at least one indicator."))
        # The summary is always written (to a temporary file unless asked for): the dialog shows it.
        self.summary_path = self.summary_widget.filePath().strip() or \
            QgsProcessingUtils.generateTempFilename("cluster_summary.csv")
        params = {
            "INPUT": layer.id(),
            "FIELDS": fields,
            "K": self.k_spin.value(),
            "METHOD": self.method_combo.currentIndex(),
            "SEED": self.seed_spin.value(),
            "INDICATORS": indicators_json(self._indicators()),  # label and direction of each, as the model holds them
            "ONLY_VALID": self.valid_check.isChecked(),
            "OUTPUT": self.output_widget.filePath().strip() or "TEMPORARY_OUTPUT",
            "SUMMARY": self.summary_path,
        }
        if self.need_combo.currentField():
            params["NEED_FIELD"] = self.need_combo.currentField()
        return params

    def outputs_to_load(self) -> dict:
        out = self.output_widget.filePath().strip()
        if out:
            return {"OUTPUT": os.path.splitext(os.path.basename(out))[0]}
        return {"OUTPUT": translate("ClusterDialog", "Need clusters")}

    def on_success(self, results: dict) -> None:
        try:
            summary = read_summary(results.get("SUMMARY") or self.summary_path)
        except (OSError, ValueError) as error:
            self.summary_note.setText(str(error))
            return
        fill_summary(self.summary_table, summary, self.grid.fields_with("use"))
        self.summary_note.setText(translate(
            "ClusterDialog", "{0} clusters; cluster 1 has the highest need. Centres in the units of the "
                             "indicators.").format(results.get("K_USED", len(summary))))

