"""sozialraum:jointable – an indicator table joined to district boundaries, with a join report."""
from __future__ import annotations

import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorDestination,
    QgsProcessingParameterVectorLayer,
    QgsProcessingUtils,
)

from ...core.errors import TableError
from ...toolbelt.messages import format_code
from ..base import SozialraumAlgorithm, choice_parameter, language_parameter
from .common import output_destination, report_lines, write_report

# Choice names (base.choice_parameter) and what they stand for.
SEPARATORS = ["auto", "semicolon", "comma", "tab", "pipe"]
SEPARATOR_CHARS = {"semicolon": ";", "comma": ",", "tab": "\t", "pipe": "|"}
DECIMALS = ["auto", "comma", "point"]
DECIMAL_CHARS = {"comma": ",", "point": "."}
TRANSFORMS = ["auto", "exact", "strip_zeros", "pad_zeros", "prefix", "leading_number", "name"]


def _split(text: str, seps: str = ",;") -> list[str]:
    for sep in seps[1:]:
        text = text.replace(sep, seps[0])
    return [part.strip() for part in text.split(seps[0]) if part.strip()]


def year_fields(fields, columns: list, table_year, by_year: bool):
    """FIELDS names a yearly table's columns without their year: the joined names."""
    if not fields:
        return fields
    if table_year is not None and not by_year:
        return [f"{f}_{table_year}" for f in fields]
    if by_year:
        import re

        return [c for c in columns if any(re.fullmatch(re.escape(f) + r"_\d+", str(c)) for f in fields)]
    return fields


class JoinTableAlgorithm(SozialraumAlgorithm):
    NAME = "jointable"

    def displayName(self):  # noqa: N802
        return self.tr("Join indicator table to districts")

    def help_text(self):
        return self.tr(
            "Joins an indicator table (CSV/TXT, XLSX, ODS, or a table layer of the project) to a "
            "district layer by key and writes a new GeoPackage layer; the sources are never "
            "modified.\n\nSeparator, decimal and thousands marks, encoding and header row are "
            "detected; keys stay text (leading zeros kept); -9999, NA, empty cells are missing, "
            "–, ., *, x are suppressed (kept apart, never zero). Long tables (district, indicator, "
            "value, year) are turned wide when the long-table columns are given.\n\n"
            "When keys are written differently (1 / 001, STGT01 / 1, '01 Altstadt' / Altstadt) a "
            "key transform is chosen automatically if it matches more districts.\n\nOutputs: "
            "MATCHED, UNMATCHED_DISTRICTS, UNMATCHED_ROWS, DUPLICATE_KEYS and an optional REPORT "
            "(.html or .json). Rows whose key occurs more than once are not joined but listed."
        ) + "\n\n" + self.tr(
            "Years: a table with one row per district and year (LONG_YEAR without LONG_INDICATOR) is turned "
            "wide as <column>_<year> (two rows of one district and year are refused), and so are the columns "
            "of a yearly table given its TABLE_YEAR (FIELDS then names the columns without the year)."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterVectorLayer(
            "INPUT", self.tr("District boundaries"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            "INPUT_KEY", self.tr("District key field"), parentLayerParameterName="INPUT"))
        self.addParameter(QgsProcessingParameterFile(
            "TABLE", self.tr("Indicator table (CSV, TXT, XLSX, ODS) or table layer"),
            fileFilter=self.tr("Tables (*.csv *.txt *.tsv *.xlsx *.ods);;All files (*.*)")))
        self.addParameter(QgsProcessingParameterString("TABLE_KEY", self.tr("Key column of the table")))
        self.addParameter(QgsProcessingParameterVectorDestination(
            "OUTPUT", self.tr("Joined layer (GeoPackage)"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFileDestination(
            "REPORT", self.tr("Join report"), self.tr("HTML (*.html);;JSON (*.json)"), optional=True,
            createByDefault=False))
        advanced = [
            QgsProcessingParameterString("FIELDS", self.tr("Columns to take (comma-separated; empty = all)"),
                                         optional=True),
            choice_parameter("KEY_TRANSFORM", self.tr("Key comparison"), list(zip(TRANSFORMS, [
                self.tr("Automatic"), self.tr("As written"), self.tr("Ignore leading zeros"),
                self.tr("Pad numbers with zeros"), self.tr("Ignore a letter prefix (STGT01 = 1)"),
                self.tr("Number in front of a name (01 Altstadt = 1)"), self.tr("Compare as names")])), "auto"),
            QgsProcessingParameterString("ENCODING", self.tr("Encoding (empty = detect)"), optional=True),
            choice_parameter("SEPARATOR", self.tr("Separator"), list(zip(SEPARATORS, [
                self.tr("Detect"), ";", ",", self.tr("Tab"), "|"])), "auto"),
            choice_parameter("DECIMAL", self.tr("Decimal mark"), list(zip(DECIMALS, [
                self.tr("Detect"), self.tr("Comma (1,5)"), self.tr("Point (1.5)")])), "auto"),
            QgsProcessingParameterString("THOUSANDS", self.tr("Thousands mark (empty = detect; 'none' = none)"),
                                         optional=True),
            QgsProcessingParameterString("SHEET", self.tr("Sheet (XLSX/ODS; empty = first)"), optional=True),
            QgsProcessingParameterString("HEADER_ROW", self.tr("Header row (1 = first line; 0 = none; empty = detect)"),
                                         optional=True),
            QgsProcessingParameterString("MISSING_MARKERS",
                                         self.tr("Markers for missing values ('|'-separated; empty = default)"),
                                         optional=True),
            QgsProcessingParameterString("LONG_INDICATOR", self.tr("Long table: indicator column"), optional=True),
            QgsProcessingParameterString("LONG_VALUE", self.tr("Long table: value column"), optional=True),
            QgsProcessingParameterString("LONG_YEAR", self.tr("Long table: year column"), optional=True),
            QgsProcessingParameterString("YEAR", self.tr("Long table: only this year"), optional=True),
            QgsProcessingParameterString("TABLE_YEAR", self.tr("Year of the table (its columns are joined as "
                                                               "<column>_<year>)"), optional=True),
            language_parameter(),
        ]
        for param in advanced:
            param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(param)
        for name, text in (("MATCHED", self.tr("Districts matched")),
                           ("UNMATCHED_DISTRICTS", self.tr("Districts without a row")),
                           ("UNMATCHED_ROWS", self.tr("Table rows without a district")),
                           ("DUPLICATE_KEYS", self.tr("Duplicate table keys"))):
            self.addOutput(QgsProcessingOutputNumber(name, text))

    def checkParameterValues(self, parameters, context):  # noqa: N802
        """TABLE may also name a table layer of the project, which the file check would refuse."""
        table = parameters.get("TABLE")
        try:  # choices given by name (base.py) before QGIS checks them
            parameters = self.normalized(parameters)
        except QgsProcessingException as error:
            return False, str(error)
        if isinstance(table, str) and table and not os.path.exists(table) \
                and QgsProcessingUtils.mapLayerFromString(table, context) is not None:
            for param in self.parameterDefinitions():
                if param.name() != "TABLE" and not param.checkValueIsAcceptable(parameters.get(param.name()), context):
                    return False, self.tr("Incorrect parameter value for {0}").format(param.description())
            return True, ""
        return super().checkParameterValues(parameters, context)

    # -----------------------------------------------------------------------------------
    def read_options(self, parameters, context) -> dict:
        header = self.parameterAsString(parameters, "HEADER_ROW", context).strip()
        if header and not header.lstrip("-").isdigit():
            raise TableError("option_invalid", option="HEADER_ROW", value=header)
        markers = self.parameterAsString(parameters, "MISSING_MARKERS", context)
        thousands = self.parameterAsString(parameters, "THOUSANDS", context)
        return {
            "thousands": None if thousands == "" else ("" if thousands.strip().lower() == "none" else thousands),
            "encoding": self.parameterAsString(parameters, "ENCODING", context).strip() or None,
            "sep": SEPARATOR_CHARS.get(self.choice(parameters, "SEPARATOR", context)),
            "decimal": DECIMAL_CHARS.get(self.choice(parameters, "DECIMAL", context)),
            "sheet": self.parameterAsString(parameters, "SHEET", context).strip() or None,
            "header_row": None if not header else (int(header) - 1 if int(header) > 0 else -1),
            "missing_markers": [m for m in markers.split("|")] if markers.strip() else None,
        }

    def read(self, parameters, context, feedback, table_key: str):
        from ...core.tables.read import pivot_long, read_frame, read_table

        source = self.parameterAsFile(parameters, "TABLE", context)
        options = self.read_options(parameters, context)
        long_ind = self.parameterAsString(parameters, "LONG_INDICATOR", context).strip()
        long_val = self.parameterAsString(parameters, "LONG_VALUE", context).strip()
        year_col = self.parameterAsString(parameters, "LONG_YEAR", context).strip() or None
        by_year = year_col if not long_ind else None  # one row per district and year
        wide_cols = None if long_ind else (_split(self.parameterAsString(parameters, "FIELDS", context)) or None)
        if wide_cols is not None and by_year:
            wide_cols = [by_year, *[c for c in wide_cols if c != by_year]]
        keys = [table_key] + ([long_ind] if long_ind else []) + ([by_year] if by_year else [])
        if source and os.path.isfile(source):
            result = read_table(source, key_columns=keys, columns=None if wide_cols is None else
                                [table_key, *wide_cols], **options)
        else:
            layer = QgsProcessingUtils.mapLayerFromString(source, context) if source else None
            if layer is None:
                raise TableError("file_not_found", file=source)
            from ...gis.layers import attributes_as_text

            result = read_frame(attributes_as_text(layer), name=layer.name(), key_columns=keys,
                                decimal=options["decimal"], thousands=options["thousands"],
                                missing_markers=options["missing_markers"])
        report = result.report
        feedback.pushInfo(self.tr("Read {file}: {rows} rows, {cols} columns; encoding {enc}, separator {sep}, "
                                  "decimal mark {dec}, thousands mark {thou}, header row {head}.").format(
            file=report.file, rows=report.n_rows, cols=len(report.columns), enc=report.encoding or "–",
            sep=repr(report.separator) if report.separator else "–", dec=repr(report.decimal),
            thou=repr(report.thousands) if report.thousands else "–",
            head="–" if report.header_row is None or report.header_row < 0 else report.header_row + 1))
        for code, params in report.warnings:
            feedback.pushWarning(format_code(code, params))
        if long_ind:
            if not long_val:
                raise TableError("option_invalid", option="LONG_VALUE", value="")
            year = self.parameterAsString(parameters, "YEAR", context).strip() or None
            result = pivot_long(result, table_key, long_ind, long_val, year=year_col, select_year=year)
            feedback.pushInfo(self.tr("Long table turned wide: {rows} districts, {cols} columns.").format(
                rows=result.report.n_rows, cols=len(result.report.columns)))
            for code, params in result.report.warnings:
                feedback.pushWarning(format_code(code, params))
        elif by_year:
            from ...core.tables.pivot import pivot_years

            result = pivot_years(result, table_key, by_year)
            feedback.pushInfo(self.tr("Table with a year column turned wide: {rows} districts, {cols} columns.").format(
                rows=result.report.n_rows, cols=len(result.report.columns)))
        table_year = self.table_year(parameters, context)
        if table_year is not None:
            from ...core.tables.pivot import with_year

            result = with_year(result, table_key, table_year)
        return result

    def table_year(self, parameters, context):
        """TABLE_YEAR as a whole number (None when not given)."""
        text = self.parameterAsString(parameters, "TABLE_YEAR", context).strip()
        if not text:
            return None
        if not text.isdigit():
            raise TableError("option_invalid", option="TABLE_YEAR", value=text)
        return int(text)

    def compute(self, parameters, context, feedback):
        from ...gis.join_layer import join_to_layer
        from ...gis.layers import layer_facts

        layer = self.parameterAsVectorLayer(parameters, "INPUT", context)
        key_field = self.parameterAsString(parameters, "INPUT_KEY", context)
        table_key = self.parameterAsString(parameters, "TABLE_KEY", context).strip()
        dest = output_destination(self, parameters, "OUTPUT", context)
        if not layer.crs().isValid():
            feedback.pushWarning(self.tr("The layer {0} has no coordinate reference system; it is kept "
                                         "without one (not assumed to be EPSG:4326).").format(layer.name()))
        result = self.read(parameters, context, feedback, table_key)
        if feedback.isCanceled():
            return {}
        fields = year_fields(_split(self.parameterAsString(parameters, "FIELDS", context)) or None,
                             list(result.frame.columns), self.table_year(parameters, context),
                             bool(self.parameterAsString(parameters, "LONG_YEAR", context).strip())
                             and not self.parameterAsString(parameters, "LONG_INDICATOR", context).strip())
        transform = self.choice(parameters, "KEY_TRANSFORM", context)
        joined = join_to_layer(layer, key_field, result, table_key, dest, dest.layer_name, transform=transform,
                              columns=fields)
        report = joined.result.report
        facts = layer_facts(layer, key_field, joined.invalid_keys)
        if facts["invalid_geometries"]:
            feedback.pushWarning(self.tr("{0} invalid geometries were kept as they are (districts: {1}).")
                                 .format(len(facts["invalid_geometries"]),
                                         ", ".join(map(str, facts["invalid_geometries"][:10]))))
        for line in report_lines(report):
            feedback.pushInfo(line)
        outputs = {
            "OUTPUT": joined.written.uri,
            "MATCHED": report.matched,
            "UNMATCHED_DISTRICTS": len(report.districts_without_row) + report.null_district_keys,
            "UNMATCHED_ROWS": len(report.rows_without_district),
            "DUPLICATE_KEYS": len(report.duplicate_keys),
        }
        report_path = self.parameterAsFileOutput(parameters, "REPORT", context)
        if report_path:
            words = self.words(parameters, context)
            write_report(report_path, report, result.report, facts,
                         title=words.translate("Report", "Join report"), words=words)
            outputs["REPORT"] = report_path
        return outputs
