"""The report builder: six pages that write a ``ReportDefinition``, saved into the project and to a
file, reopened from either, moved to next year's tables, and run as ``sozialraum:report`` in a
task. Run stays disabled, with the reason shown, while the definition could not run."""
from __future__ import annotations

import html
import os
import tempfile

from qgis.core import Qgis, QgsProject
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMenu,
    QTabWidget,
)

from ...core.errors import SozialraumError
from ...core.fileio import remove_quietly as _remove_quietly
from ...core.report.definition import ReportDefinition, save
from ...toolbelt.messages import user_message
from ..base_dialog import InputError, SozialraumDialog
from . import storage
from .analysis_page import AnalysisPage, expression_columns
from .general_page import GeneralPage
from .indicators_page import IndicatorsPage
from .maps_page import MapsPage, made_field_choices
from .profiles_page import ProfilesPage
from .results import open_folder, open_results
from .tables_page import TablesPage

translate = QCoreApplication.translate


def _undeclared_inputs(definition: ReportDefinition, dtypes: dict) -> list:
    """Columns the index, clusters, maps or pages read that the definition declares no indicator
    for: the builder offers only indicators there, so they become plain ones (else they were
    dropped from the index and clusters without a word, and a map of one blocked Run). A column of
    whole numbers becomes a count: declared a value, the publication rule would show its small counts."""
    from ...core.series.indicators import Indicator

    declared = {i.id for i in definition.indicators}
    own = ("index.population", "supply.", "allocation.")  # any column, chosen in their own sections
    known = declared | definition.made_fields()
    out = []
    for section, ident in definition.referenced_ids():
        head, _sep, year = ident.rpartition("_")
        if head in declared and len(year) == 4 and year.isdigit():
            continue  # a year of a declared indicator (a map of several years): the series step writes it
        if not section.startswith(own) and ident not in known:  # (joined by wanted_columns)
            known.add(ident)
            out.append(Indicator(id=ident, kind="count" if dtypes.get(ident) == "integer" else "value"))
    return out


class ReportBuilderDialog(SozialraumDialog):
    ALGORITHM = "sozialraum:report"
    MEMORY = "report_builder"
    ICON = "report.svg"
    CLOSE_ON_SUCCESS = False

    def __init__(self, iface, parent=None, opener=open_folder):
        self.opener = opener  # how the output folder is opened (tests pass a recorder)
        self.definition_path = ""
        self._signature = None
        self._loading = False
        super().__init__(iface, parent)
        self._add_buttons()
        self.validate()

    # -- layout ---------------------------------------------------------------------------
    def build(self, outer) -> None:
        self.setWindowTitle(translate("ReportBuilder", "Social report"))
        self.tabs = QTabWidget()
        self.general = GeneralPage()
        self.tables = TablesPage(self.boundaries)
        self.indicators = IndicatorsPage()
        self.analysis = AnalysisPage()
        self.maps = MapsPage()
        self.profiles = ProfilesPage()
        for page, text in ((self.general, translate("ReportBuilder", "1 Report")),
                           (self.tables, translate("ReportBuilder", "2 Tables")),
                           (self.indicators, translate("ReportBuilder", "3 Indicators")),
                           (self.analysis, translate("ReportBuilder", "4 Need index")),
                           (self.analysis.money_page, translate("ReportBuilder", "5 Infrastructure and money")),
                           (self.maps, translate("ReportBuilder", "6 Maps")),
                           (self.profiles, translate("ReportBuilder", "7 Profiles")),):
            self.tabs.addTab(page, text)
        outer.addWidget(self.tabs, 1)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        outer.addWidget(self.reason)
        self.general.boundaries_changed.connect(self.tables.refresh_checks)
        self.general.changed.connect(self.validate)
        self.tables.changed.connect(self._tables_changed)
        self.indicators.changed.connect(self._indicators_changed)
        for page in (self.analysis, self.maps, self.profiles):
            page.changed.connect(self.validate)
        self.analysis.index_box.toggled.connect(lambda *_a: self._indicators_changed(force=True))
        self.analysis.cluster_box.toggled.connect(lambda *_a: self._indicators_changed(force=True))
        self.resize(1040, 660)  # fits 1366×768 with QGIS's window frame and task bar

    def _add_buttons(self) -> None:
        role = QDialogButtonBox.ButtonRole.ActionRole
        self.open_button = self.buttons.addButton(translate("ReportBuilder", "O&pen…"), role)
        menu = QMenu(self.open_button)
        self.open_project_action = menu.addAction(translate("ReportBuilder", "From the project"))
        self.open_file_action = menu.addAction(translate("ReportBuilder", "From a file…"))
        self.open_project_action.triggered.connect(self.open_from_project)
        self.open_file_action.triggered.connect(lambda: self.open_file())
        self.open_button.setMenu(menu)
        self.save_button = self.buttons.addButton(translate("ReportBuilder", "&Save…"), role)
        self.save_button.clicked.connect(lambda: self.save())
        self.next_year_button = self.buttons.addButton(translate("ReportBuilder", "&Next year…"), role)
        self.next_year_button.clicked.connect(lambda: self.next_year())
        self.run_button.setText(translate("ReportBuilder", "&Run report"))

    def boundaries(self):
        return self.general.layer(), self.general.key()

    # -- keeping the pages in step --------------------------------------------------------
    def numeric_columns(self) -> list:
        """(name, dtype) of every numeric column of the tables, first table first, once each."""
        seen, out = set(), []
        for editor in self.tables.editors:
            if editor.read_result is None:
                continue
            for column in editor.read_result.report.columns:
                if column.dtype in ("integer", "real") and column.name != editor.key() and column.name not in seen:
                    seen.add(column.name)
                    out.append((column.name, column.dtype))
        return out

    def year_names(self) -> tuple:
        """(columns of the yearly tables as joined, ``<column>_<year>``; columns of the tables with a
        year column, joined as ``<column>_<any of its years>``)."""
        yearly, long = set(), set()
        for editor in self.tables.editors:
            entries = getattr(editor, "year_entries", {}) or {}
            if entries.get("year") is not None:
                yearly |= {f"{c}_{entries['year']}" for c in editor.columns()}
            elif entries.get("year_column"):
                long |= set(editor.columns())
        return yearly, long

    def _tables_changed(self) -> None:
        if self._loading:
            return
        self.indicators.year_names = self.year_names()
        self.indicators.set_columns(self.numeric_columns())
        self._indicators_changed(force=True)

    def _indicators_changed(self, force: bool = False) -> None:
        if self._loading:
            return
        chosen = self.indicators.indicators()
        signature = ([(i.id, i.label, i.direction) for i in chosen], self.analysis.index_box.isChecked(),
                     self.analysis.cluster_box.isChecked(), [c for c, _t in self.indicators.columns])
        if force or signature != self._signature:
            self._signature = signature
            self.analysis.set_indicators(chosen, [c for c, _t in self.indicators.columns])
            self.maps.set_choices(self.map_choices(chosen))
            self.profiles.set_indicators(chosen)
        self.validate()

    def map_choices(self, chosen: list) -> list:
        choices = [(i.id, i.label if i.label == i.id else f"{i.label} ({i.id})") for i in chosen]
        return choices + made_field_choices(self.analysis.index_box.isChecked(), self.analysis.cluster_box.isChecked())

    # -- the definition -------------------------------------------------------------------
    def definition(self) -> ReportDefinition:
        """The definition as the pages show it (paths absolute; not checked)."""
        indicators = self.indicators.indicators()
        index = self.analysis.index_spec() if self.analysis.index_box.isChecked() else None
        clusters = self.analysis.cluster_spec() if self.analysis.cluster_box.isChecked() else None
        maps, profiles = self.maps.specs(), self.profiles.profile_spec()
        wanted = [i.id for i in indicators if not i.derived]
        for ind in indicators:
            wanted += [column for _y, _r, column in ind.inputs()] if ind.derived else []
        wanted += self.analysis.wanted_columns(index)  # e.g. KOM, a text column no indicator names
        taken, tables = set(), []
        for editor in self.tables.editors:  # each column from the first table that has it
            columns = editor.columns()
            kept = getattr(editor, "kept_fields", [])  # named by a loaded definition beyond its indicators
            year = tuple(getattr(editor, "year_entries", {}).values())  # yearly tables: the same columns each year
            fields = [c for c in dict.fromkeys(kept + wanted)
                      if c in columns and (c, year) not in taken and c != editor.key()]
            taken |= {(c, year) for c in fields}
            tables.append(editor.spec(fields))
        definition = ReportDefinition(
            title=self.general.title_edit.text().strip(), boundaries=self.general.source(), key=self.general.key(),
            name_field=self.general.name_field(), tables=tables, indicators=indicators, index=index,
            clusters=clusters, maps=maps, profiles=profiles, source_text=self.general.source_edit.text().strip(),
            language=self.general.language_combo.currentData() or "", style=self.profiles.style_spec())
        from dataclasses import replace

        publication = getattr(self, "_publication", definition.publication)
        shown = self.general.threshold_spin.value()
        if shown != round(publication.threshold):  # changed here (a loaded 2.5 stays while untouched)
            publication = replace(publication, threshold=shown)
        definition.publication = publication
        definition.period, definition.report_year = getattr(self, "_years", (None, None))  # kept as loaded
        definition.store = self.general.store()
        self.analysis.fill(definition)  # supply, allocation, impact
        kept = getattr(self, "_kept", None)
        if kept is not None:
            definition.level = kept.with_absolute_paths().level  # (a path that works from where it is saved)
            if definition.profiles and kept.profiles:
                definition.profiles.parent_field = kept.profiles.parent_field
                definition.profiles.parent_title = kept.profiles.parent_title
        return definition

    def problems(self) -> list:
        tables = self.tables.problems()
        out = self.general.problems() + tables + self.indicators.problems() + \
            self.analysis.problems() + self.maps.problems() + self.profiles.problems()
        out += self._exclusion_problems()
        for n, table in enumerate(self.definition().tables, start=1):
            if not tables and not table.fields:
                out.append(translate("ReportBuilder", "Table {0} ({1}): none of its columns is used; choose an "
                                                      "indicator of it or remove the table.").format(
                    n, os.path.basename(table.path)))
        if not out:
            try:  # the core's own checks of a definition file (derived indicators, ids)
                d = self.definition()
                ReportDefinition.from_dict(d.to_dict(), file=translate("ReportBuilder", "(builder)"))
            except SozialraumError as error:
                out.append(user_message(error))
        return out

    def _exclusion_problems(self) -> list:
        """A field of the exclusion that no table, boundary or indicator has (the run would find
        none and leave no district out, without a word)."""
        if not self.analysis.index_box.isChecked():
            return []
        layer = self.general.layer()
        known = set(layer.fields().names()) if layer is not None else set()
        for editor in self.tables.editors:
            known |= set(editor.columns())
        known |= {i.id for i in self.indicators.indicators()}
        known = {name.lower() for name in known}  # QGIS finds a field whatever its case
        return [translate("ReportBuilder", "Need index: the expression reads the field {0}, which neither the "
                                           "tables nor the boundaries have.").format(name)
                for name in expression_columns(self.analysis.exclude_edit.text().strip())
                if name.lower() not in known]

    def validate(self) -> list:
        problems = [] if self._loading else self.problems()
        running = self.run is not None and self.run.is_running()
        self.run_button.setEnabled(not problems and not running)
        if problems:
            more = translate("ReportBuilder", " (and {0} more)").format(len(problems) - 1) if len(problems) > 1 else ""
            self.reason.setText(f"<span style='color:#b35900'>⚠ {html.escape(problems[0] + more)}</span>")
            self.reason.setToolTip("\n".join(problems))
        else:
            self.reason.setText(translate("ReportBuilder", "Ready to run."))
            self.reason.setToolTip("")
        return problems

    def load_definition(self, definition: ReportDefinition, path: str = "") -> None:
        """Every page shows ``definition`` (tables are read again from their files)."""
        self._loading = True
        try:
            self.definition_path = path
            self._publication = definition.publication
            self._years = (definition.period, definition.report_year)
            self._kept = definition  # what no page shows (the level, the profiles' parent column) stays
            self.general.threshold_spin.setValue(round(definition.publication.threshold))
            self.general.set_store(definition.store)
            self.general.title_edit.setText(definition.title)
            self.general.source_edit.setText(definition.source_text)
            self.general.set_boundaries(definition.resolve(definition.boundaries), definition.key,
                                        definition.name_field)
            self.general.language_combo.setCurrentIndex(max(0, self.general.language_combo.findData(
                definition.language or "")))
            self.tables.clear()
            for table in definition.tables:
                editor = self.tables.add_table()
                editor.load(table, definition.resolve(table.path))
                editor.kept_fields = list(table.fields)
        finally:
            self._loading = False
        columns = self.numeric_columns()
        self.indicators.year_names = self.year_names()
        self.indicators.set_columns(columns)
        self.indicators.load(definition.indicators + _undeclared_inputs(definition, dict(columns)))
        self.indicators.used_only.setChecked(bool(definition.indicators))  # the rest is one click away
        self.analysis.load_definition(definition)
        self._indicators_changed(force=True)
        self.maps.load(definition.maps)
        self.profiles.load(definition.profiles, definition.style, definition.resolve)
        self.tables.list.setCurrentRow(0)
        self.validate()

    # -- open, save, next year ------------------------------------------------------------
    def open_from_project(self) -> bool:
        try:
            definition, path = storage.from_project(QgsProject.instance())
        except (SozialraumError, ValueError) as error:
            self.say_error(error)
            return False
        if definition is None:
            self.say(translate("ReportBuilder", "This project holds no report definition yet."),
                     Qgis.MessageLevel.Warning)
            return False
        self.load_definition(definition, path)
        self.say(translate("ReportBuilder", "Report definition read from the project."), Qgis.MessageLevel.Info, 5)
        return True

    def open_file(self, path: str = "") -> bool:
        if not path:
            path, _f = QFileDialog.getOpenFileName(self, translate("ReportBuilder", "Open a report definition"),
                                                   self.memory.value("folder", ""),
                                                   translate("ReportBuilder", "Report definition (*.json)"))
        if not path:
            return False
        try:
            definition = storage.from_file(path)
        except SozialraumError as error:
            self.say_error(error)
            return False
        self.load_definition(definition, path)
        self.memory.set_value("folder", os.path.dirname(path))
        self.say(translate("ReportBuilder", "Report definition read from {0}.").format(path), Qgis.MessageLevel.Info, 5)
        return True

    def save(self, path: str = "") -> bool:
        """Into the project and to a file (asked for when none is known yet)."""
        problems = self.problems()
        if problems:
            self.say(problems[0], Qgis.MessageLevel.Warning)
            return False
        if not path:
            start = self.definition_path or os.path.join(self.memory.value("folder", ""), "Berichtsdefinition.json")
            path, _f = QFileDialog.getSaveFileName(self, translate("ReportBuilder", "Save the report definition"),
                                                   start, translate("ReportBuilder", "Report definition (*.json)"))
        if not path:
            return False
        if not path.lower().endswith(".json"):
            path += ".json"
        definition = self.definition()
        try:
            storage.to_file(definition, path)
        except (SozialraumError, OSError) as error:
            self.say_error(error)
            return False
        storage.to_project(definition, QgsProject.instance(), path)
        self.definition_path = path
        self.memory.set_value("folder", os.path.dirname(path))
        self.say(translate("ReportBuilder", "Saved to {0} and into the project.").format(path),
                 Qgis.MessageLevel.Success, 8)
        return True

    def next_year(self, paths: dict | None = None, accept: bool | None = None):
        """Open the next-year dialog; ``paths``/``accept`` fill and close it (scripts and tests)."""
        from .next_year import NextYearDialog

        problems = self.general.problems() + self.tables.problems()
        if problems:
            self.say(problems[0], Qgis.MessageLevel.Warning)
            return None
        dialog = NextYearDialog(self.definition(), self.boundaries, self)
        self.next_year_dialog = dialog
        if paths is not None:
            for n, path in paths.items():
                dialog.file_widgets[n].setFilePath(str(path))
            dialog.compare()
        if accept is None:
            if not dialog.exec():
                return dialog
        elif not accept:
            return dialog
        diff = dialog.diff
        self.load_definition(dialog.result_definition(), "")
        if diff is not None:
            level = Qgis.MessageLevel.Success if diff.clean else Qgis.MessageLevel.Warning
            from .next_year import diff_summary

            text = translate("ReportBuilder", "Next year's tables are in place: {0}.").format(diff_summary(diff))
            self.say(text, level, 0)
            if diff.lost:  # where the planner has to act: the first indicator that lost its column
                self.tabs.setCurrentWidget(self.indicators)
                row = self.indicators.row_of(diff.lost[0].id)
                if row >= 0:
                    self.indicators.table.selectRow(row)
                    self.indicators.table.scrollToItem(self.indicators.table.item(row, 0))
        return dialog

    # -- running --------------------------------------------------------------------------
    def parameters(self) -> dict:
        problems = self.problems()
        if problems:
            raise InputError(problems[0])
        definition = self.definition()
        folder = self.general.folder_widget.filePath().strip()
        handle, path = tempfile.mkstemp(prefix="Sozialbericht_", suffix=".json")
        os.close(handle)
        self._temp_definition = path  # the run reads it; removed when the run has ended (start_run)
        save(definition.with_absolute_paths(), path)  # read from /tmp: no path relative to it
        storage.to_project(definition, QgsProject.instance(), self.definition_path)
        return {"DEFINITION": path, "OUTPUT_FOLDER": folder}

    def outputs_to_load(self) -> dict:
        return {"OUTPUT": self.general.title_edit.text().strip() or "sozialraum"}

    def remember(self) -> None:
        self.memory.set_value("output_folder", self.general.folder_widget.filePath().strip())

    def restore(self) -> None:
        """The project's definition if it holds one (so next year starts where last year ended)."""
        try:
            definition, path = storage.from_project(QgsProject.instance())
        except (SozialraumError, ValueError):
            definition, path = None, ""
        if definition is not None:
            self.load_definition(definition, path)
        folder = self.memory.value("output_folder", "")
        if folder and not self.general.folder_widget.filePath():
            self.general.folder_widget.setFilePath(folder)

    def start_run(self) -> bool:
        """The run's temporary definition goes when the run ends, even when the dialog was closed
        meanwhile (its own slots are disconnected then), or at once when the run did not start."""
        self._temp_definition = ""
        started = super().start_run()
        path, run = self._temp_definition, self.run
        if path and run is not None and run.is_running():
            run.finished.connect(lambda *_a, p=path: _remove_quietly(p))
        elif path:
            _remove_quietly(path)
        return started

    def on_success(self, results: dict) -> None:
        open_results(self.iface, results, self.opener)

    def done(self, result: int) -> None:
        """A boundaries file read for its fields is let go with the dialog (a layer outliving
        QGIS's exit crashes GDAL)."""
        super().done(result)
        self.general.release()
        for editor in self.tables.editors:
            editor.read_result = None

    def _set_running(self, running: bool) -> None:
        super()._set_running(running)
        if not running:
            self.validate()
