"""Tables of the cluster dialog: the k suggestion and the summary of a run."""
from __future__ import annotations

import math

from qgis.core import QgsFeatureRequest
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QBrush, QColor, QFont
from qgis.PyQt.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from .table_preview import number_locale

translate = QCoreApplication.translate

BEST_BACKGROUND = QColor(220, 237, 200)  # light green, readable in greyscale through the bold font


def make_table(headers: list) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setTabKeyNavigation(False)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _number(value, decimals: int) -> QTableWidgetItem:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        text = ""
    else:
        text = number_locale().toString(float(value), "f", decimals)
    item = QTableWidgetItem(text)
    item.setTextAlignment(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
    return item


def _mark_best(item: QTableWidgetItem) -> None:
    font = QFont(item.font())
    font.setBold(True)
    item.setFont(font)
    item.setBackground(QBrush(BEST_BACKGROUND))


def fill_suggestion(table: QTableWidget, frame) -> None:
    """One row per k; the best silhouette row and the best Calinski-Harabasz cell highlighted."""
    table.setRowCount(0)
    if frame is None:
        return
    table.setRowCount(len(frame))
    for i, row in enumerate(frame.itertuples()):
        items = [_number(row.k, 0), _number(row.silhouette, 3), _number(row.calinski_harabasz, 1),
                 _number(100.0 * row.between_total_ratio, 1)]
        items[3].setText(items[3].text() + " %")
        items[3].setToolTip(translate("ClusterTables", "Share of the variance between the clusters"))
        for j, item in enumerate(items):
            table.setItem(i, j, item)
        if bool(row.best_silhouette):
            for item in items:
                _mark_best(item)
            items[1].setToolTip(translate("ClusterTables", "Best silhouette: the suggested number"))
        if bool(row.best_calinski_harabasz):
            _mark_best(items[2])
            items[2].setToolTip(translate("ClusterTables", "Best Calinski-Harabasz"))


def read_summary(path: str):
    """The SUMMARY CSV the algorithm wrote (';' and decimal comma, UTF-8 with BOM)."""
    import pandas as pd

    return pd.read_csv(path, sep=";", decimal=",", encoding="utf-8-sig")


def fill_summary(table: QTableWidget, summary, fields: list) -> None:
    """Cluster, label, size, share, then the centres in original units.

    The label comes second and is never cut ("Transferb…" says nothing); with many indicators the
    centres scroll sideways instead."""
    centres = [f for f in fields if f in summary.columns]
    headers = [translate("ClusterTables", "Cluster"), translate("ClusterTables", "Label"),
               translate("ClusterTables", "Areas"), translate("ClusterTables", "Share")] + centres
    table.clear()
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setRowCount(len(summary))
    for i, row in enumerate(summary.to_dict("records")):
        label = QTableWidgetItem(str(row.get("cluster_label") or ""))
        label.setToolTip(label.text())
        items = [_number(row["cluster"], 0), label, _number(row["size"], 0), _number(row["share"], 1)]
        items[3].setText(items[3].text() + " %")
        items += [_number(row[f], 2) for f in centres]
        for j, item in enumerate(items):
            table.setItem(i, j, item)
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)


def layer_frame(layer, names: list):
    """Attribute values of ``names`` as a DataFrame (NULL → None) for the in-memory suggestion."""
    import pandas as pd

    fields = layer.fields()
    indices = [fields.indexFromName(n) for n in names]
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry).setSubsetOfAttributes(indices)
    rows = []
    for feature in layer.getFeatures(request):
        values = []
        for i in indices:
            value = feature.attribute(i)
            values.append(None if value is None or (hasattr(value, "isNull") and value.isNull()) else value)
        rows.append(values)
    return pd.DataFrame(rows, columns=names, dtype=object)
