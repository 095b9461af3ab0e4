"""Need index (MSS or custom: status and dynamic indicators, weights, minimum population,
exclusion) and need clusters, over the indicators chosen on the previous page."""
from __future__ import annotations

from qgis.core import QgsExpression
from qgis.PyQt.QtCore import QCoreApplication, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.report.definition import ClusterSpec, IndexSpec
from ..widgets import IndicatorGrid
from .impact_section import ImpactSection
from .uncertainty_section import UncertaintySection

translate = QCoreApplication.translate


def expression_columns(text: str) -> list:
    """The fields an exclusion expression reads (``"KOM" = 'ungültig'`` → KOM): they have to be
    joined, or the expression finds no field and quietly leaves nothing out."""
    from qgis.core import QgsFeatureRequest

    expression = QgsExpression(text or "")
    if not text or expression.hasParserError():
        return []
    return sorted(c for c in expression.referencedColumns() if c and c != QgsFeatureRequest.ALL_ATTRIBUTES)


class AnalysisPage(QWidget):
    changed = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(parent)
        lay = QHBoxLayout(self)
        self.index_box = QGroupBox(translate("ReportBuilder", "Need &index"))
        self.index_box.setCheckable(True)
        self.index_box.setChecked(False)
        column = QVBoxLayout(self.index_box)
        form = QFormLayout()
        self.preset_combo = QComboBox()
        self.preset_combo.addItem(translate("ReportBuilder", "Custom (z-scores of the chosen indicators)"), "custom")
        self.preset_combo.addItem(translate("ReportBuilder", "MSS (Berlin method, fixed class limits)"), "mss")
        form.addRow(translate("ReportBuilder", "Method:"), self.preset_combo)
        column.addLayout(form)
        self.grid = IndicatorGrid([("status", translate("ReportBuilder", "Status")),
                                   ("dynamic", translate("ReportBuilder", "Dynamics"))], extra="weight")
        column.addWidget(self.grid, 1)
        form = QFormLayout()
        self.population_combo = QComboBox()
        self.min_population = QSpinBox()
        self.min_population.setRange(0, 100000)
        self.min_population.setValue(300)
        self.exclude_edit = QLineEdit()
        self.exclude_edit.setPlaceholderText("\"KOM\" <> 'gültig'")
        form.addRow(translate("ReportBuilder", "Population field:"), self.population_combo)
        form.addRow(translate("ReportBuilder", "Minimum population:"), self.min_population)
        form.addRow(translate("ReportBuilder", "Leave out (expression):"), self.exclude_edit)
        column.addLayout(form)
        self.uncertainty = UncertaintySection()  # robust ranks (uncertainty_section.py)
        column.addWidget(self.uncertainty)
        lay.addWidget(self.index_box, 3)

        self.cluster_box = QGroupBox(translate("ReportBuilder", "Need &clusters"))
        self.cluster_box.setCheckable(True)
        self.cluster_box.setChecked(False)
        column = QVBoxLayout(self.cluster_box)
        self.cluster_list = QListWidget()
        form = QFormLayout()
        self.k_spin = QSpinBox()
        self.k_spin.setRange(0, 20)
        self.k_spin.setSpecialValueText(translate("ReportBuilder", "suggest"))
        self.method_combo = QComboBox()
        self.method_combo.addItem("k-means", "kmeans")
        self.method_combo.addItem("Ward", "ward")
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, 1_000_000)
        self.seed_spin.setValue(1)
        form.addRow(translate("ReportBuilder", "Number of clusters:"), self.k_spin)
        form.addRow(translate("ReportBuilder", "Method:"), self.method_combo)
        form.addRow(translate("ReportBuilder", "Seed:"), self.seed_spin)
        column.addWidget(self.cluster_list, 1)
        column.addLayout(form)
        lay.addWidget(self.cluster_box, 2)
        self._money_page()

        for signal in (self.index_box.toggled, self.cluster_box.toggled, self.grid.changed,
                       self.preset_combo.currentIndexChanged, self.population_combo.currentIndexChanged,
                       self.min_population.valueChanged, self.exclude_edit.textChanged, self.cluster_list.itemChanged,
                       self.k_spin.valueChanged, self.method_combo.currentIndexChanged, self.seed_spin.valueChanged,
                       self.uncertainty.changed):
            signal.connect(lambda *_a: self.changed.emit())

    def set_indicators(self, indicators: list, columns: list) -> None:
        """``indicators``: the chosen ones (id, label, direction); ``columns``: every numeric column
        (the population field may be one not chosen as an indicator)."""
        index, clusters = self.index_spec(), self.cluster_spec()
        old_population = self.population_combo.currentText()
        self.grid.set_fields([(i.id, i.label if i.label == i.id else f"{i.label} ({i.id})") for i in indicators])
        for ind in indicators:  # the direction is the indicator's (page "Indicators"), shown here
            self.grid.set_direction(ind.id, ind.direction)
            self.grid.rows[ind.id][1].setEnabled(False)
        self.cluster_list.blockSignals(True)
        self.cluster_list.clear()
        for ind in indicators:
            item = QListWidgetItem(ind.label if ind.label == ind.id else f"{ind.label} ({ind.id})")
            item.setData(Qt.ItemDataRole.UserRole, ind.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.cluster_list.addItem(item)
        self.cluster_list.blockSignals(False)
        self.population_combo.blockSignals(True)
        self.population_combo.clear()
        self.population_combo.addItem("—", "")
        for name in columns:
            self.population_combo.addItem(name, name)
        self.population_combo.blockSignals(False)
        self._apply_index(index)
        self._apply_clusters(clusters)
        self.supply.set_columns(columns, ["status_class", "status_code", "status_index", "cluster"])
        self.allocation.set_columns(columns)
        if not index.population:
            self.population_combo.setCurrentIndex(max(0, self.population_combo.findData(old_population)))

    # -- specs ----------------------------------------------------------------------------
    def index_spec(self) -> IndexSpec:
        status, dynamic = self.grid.fields_with("status"), self.grid.fields_with("dynamic")
        weights = {name: self.grid.extra_value(name) for name in status + dynamic
                   if self.grid.extra_value(name) != 1.0}
        return IndexSpec(preset=self.preset_combo.currentData(), status=status, dynamic=dynamic,
                         population=self.population_combo.currentData() or "",
                         min_population=self.min_population.value(), exclude=self.exclude_edit.text().strip(),
                         weights=weights, uncertainty=self.uncertainty.spec())

    def cluster_spec(self) -> ClusterSpec:
        fields = [self.cluster_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.cluster_list.count())
                  if self.cluster_list.item(i).checkState() == Qt.CheckState.Checked]
        return ClusterSpec(fields=fields, k=self.k_spin.value(), method=self.method_combo.currentData(),
                           seed=self.seed_spin.value())

    def _money_page(self) -> None:
        """Supply, allocation and impact: read and written with this page's definition, shown on
        a page of their own (``money_page``, the builder's page 5) so that no page is wider than
        a 1366 px screen."""
        from .allocation_section import AllocationSection
        from .supply_section import SupplySection

        self.supply = SupplySection()  # facilities against need (the definition's "supply")
        self.allocation = AllocationSection()  # the definition's "allocation"
        self.impact = ImpactSection()  # funded districts against the rest (the definition's "impact")
        self.money_page = QWidget()
        lay = QHBoxLayout(self.money_page)
        lay.addWidget(self.supply, 1)
        right = QVBoxLayout()
        right.addWidget(self.allocation)
        right.addWidget(self.impact)
        right.addStretch(1)
        lay.addLayout(right, 1)
        for section in (self.supply, self.allocation, self.impact):
            section.changed.connect(lambda *_a: self.changed.emit())

    def wanted_columns(self, index) -> list:
        """Columns of the tables the analysis reads that no indicator needs to name: the index's
        population and its exclusion's fields, the target population and need field of supply and
        allocation (floors or caps given as fields too), the impact's funded field and weights."""
        out = [index.population] if index and index.population else []
        out += expression_columns(index.exclude) if index and index.exclude else []
        supply, allocation, impact = self.supply.spec(), self.allocation.spec(), self.impact.spec()
        out += [supply.target, supply.need_field] if supply else []
        out += [allocation.population, allocation.need_field, allocation.floor, allocation.cap] if allocation else []
        if impact:
            out += [impact.funded_field, impact.population]
            out += expression_columns(impact.funded_expression) if impact.funded_expression else []
        return [c for c in out if isinstance(c, str) and c]

    def fill(self, definition) -> None:
        """The sections of this page that are the definition's own keys."""
        definition.supply, definition.allocation = self.supply.spec(), self.allocation.spec()
        definition.impact = self.impact.spec()

    def load_definition(self, definition) -> None:
        self.load(definition.index, definition.clusters, definition.supply, definition.resolve,
                  definition.allocation, definition.with_absolute_paths().impact)

    def load(self, index, clusters, supply=None, resolve=lambda p: p, allocation=None, impact=None) -> None:
        self.supply.load(supply, resolve)
        self.allocation.load(allocation)
        self.impact.load(impact)
        self.index_box.setChecked(index is not None)
        self.cluster_box.setChecked(clusters is not None)
        self._apply_index(index or IndexSpec(preset="custom"))
        self._apply_clusters(clusters or ClusterSpec())

    def _apply_index(self, index: IndexSpec) -> None:
        self.preset_combo.setCurrentIndex(max(0, self.preset_combo.findData(index.preset)))
        for name in list(self.grid.rows):
            role = "status" if name in index.status else ("dynamic" if name in index.dynamic else "")
            self.grid.set_role(name, role)
            self.grid.set_extra_value(name, (index.weights or {}).get(name, 1.0))
        if index.population:
            if self.population_combo.findData(index.population) < 0:
                self.population_combo.addItem(index.population, index.population)
            self.population_combo.setCurrentIndex(self.population_combo.findData(index.population))
        self.min_population.setValue(int(index.min_population))
        self.exclude_edit.setText(index.exclude or "")
        self.uncertainty.load(getattr(index, "uncertainty", None))

    def _apply_clusters(self, clusters: ClusterSpec) -> None:
        for i in range(self.cluster_list.count()):
            item = self.cluster_list.item(i)
            used = item.data(Qt.ItemDataRole.UserRole) in clusters.fields
            item.setCheckState(Qt.CheckState.Checked if used else Qt.CheckState.Unchecked)
        self.k_spin.setValue(int(clusters.k))
        self.method_combo.setCurrentIndex(max(0, self.method_combo.findData(clusters.method)))
        self.seed_spin.setValue(int(clusters.seed))

    def problems(self) -> list:
        out = []
        if self.index_box.isChecked():
            spec = self.index_spec()
            if not spec.status:
                out.append(translate("ReportBuilder", "Need index: choose at least one status indicator."))
            if spec.exclude:
                expression = QgsExpression(spec.exclude)
                if expression.hasParserError():
                    out.append(translate("ReportBuilder", "Need index: the expression {0} cannot be used: {1}").format(
                        spec.exclude, expression.parserErrorString()))
        if self.cluster_box.isChecked() and len(self.cluster_spec().fields) < 1:
            out.append(translate("ReportBuilder", "Need clusters: choose at least one indicator."))
        return out + self.supply.problems() + self.allocation.problems() + self.impact.problems()
