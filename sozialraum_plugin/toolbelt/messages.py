"""Translatable templates for the codes of core errors and reports.

pylupdate5 only finds literal ``QCoreApplication.translate("Messages", "...")`` calls, so every
template is spelled out here. A test checks that each code in ``core.errors.MESSAGES`` has one.
"""
from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication

from ..core.errors import MESSAGES, SozialraumError

translate = QCoreApplication.translate


def templates() -> dict[str, str]:
    """Code → template in the user's language (built per call: the translator may change)."""
    return {
        "file_not_found": translate("Messages", "File not found: {file}"),
        "file_empty": translate("Messages", "The file {file} is empty."),
        "file_unreadable": translate("Messages", "The file {file} cannot be read: {reason}"),
        "encoding_unknown": translate("Messages", "The file {file} is in no known text encoding (tried {tried})."),
        "format_unsupported": translate("Messages", "The file {file} has a format that cannot be read ({suffix}). Use CSV, TXT, XLSX or ODS."),
        "sheet_not_found": translate("Messages", "The sheet {sheet} does not exist in {file}. Sheets: {sheets}."),
        "header_row_invalid": translate("Messages", "Header row {row} does not exist in {file} ({rows} rows)."),
        "column_not_found": translate("Messages", "The column {column} does not exist in {file}. Columns: {columns}."),
        "ragged_row": translate("Messages", "Row {row} of {file} has {found} cells where the header has {expected}."),
        "no_columns": translate("Messages", "No columns were found in {file}."),
        "long_table_ambiguous": translate("Messages", "The long table {file} has several values for district {key}, year {year}, indicator {indicator}."),
        "key_all_empty": translate("Messages", "The key column {column} of {file} is empty in every row."),
        "join_no_match": translate("Messages", "Not one row of {file} matches a district: these two do not belong together."),
        "field_not_numeric": translate("Messages", "The field {column} holds no numbers (row {row}: {value!r})."),
        "field_constant": translate("Messages", "The indicator {column} has the same value in every valid area; it cannot be standardised."),
        "too_few_areas": translate("Messages", "Only {n} areas have complete values; at least {needed} are needed."),
        "k_too_large": translate("Messages", "{k} clusters were asked for, but only {n} areas have complete values."),
        "all_missing": translate("Messages", "The indicator {column} has no value in any area."),
        "weights_mismatch": translate("Messages", "{n_weights} weights were given for {n_fields} indicators."),
    }

def format_code(code: str, params: dict) -> str:
    template = templates().get(code) or MESSAGES.get(code, code)
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return f"{template} {params}"

def user_message(error: SozialraumError) -> str:
    return format_code(error.code, error.params)
