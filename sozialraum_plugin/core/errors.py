"""Errors the user gets to read.

Core code has no Qt, so it cannot translate. Each error carries a stable ``code`` and its
parameters; ``toolbelt/messages.py`` holds the translatable template for every code and the
QGIS side formats it in the user's language. ``MESSAGES`` below is the English fallback used
outside QGIS (tests, scripts).
"""
from __future__ import annotations

MESSAGES: dict[str, str] = {
    # tables
    "file_not_found": "File not found: {file}",
    "file_empty": "The file {file} is empty.",
    "file_unreadable": "The file {file} cannot be read: {reason}",
    "encoding_unknown": "The file {file} is in no known text encoding (tried {tried}).",
    "format_unsupported": "The file {file} has a format that cannot be read ({suffix}). Use CSV, TXT, XLSX or ODS.",
    "sheet_not_found": "The sheet {sheet} does not exist in {file}. Sheets: {sheets}.",
    "header_row_invalid": "Header row {row} does not exist in {file} ({rows} rows).",
    "column_not_found": "The column {column} does not exist in {file}. Columns: {columns}.",
    "ragged_row": "Row {row} of {file} has {found} cells where the header has {expected}.",
    "no_columns": "No columns were found in {file}.",
    "long_table_ambiguous": "The long table {file} has several values for district {key}, year {year}, indicator {indicator}.",
    # join
    "key_all_empty": "The key column {column} of {file} is empty in every row.",
    "join_no_match": "Not one row of {file} matches a district: these two do not belong together.",
    # index / clusters
    "field_not_numeric": "The field {column} holds no numbers (row {row}: {value!r}).",
    "field_constant": "The indicator {column} has the same value in every valid area; it cannot be standardised.",
    "too_few_areas": "Only {n} areas have complete values; at least {needed} are needed.",
    "k_too_large": "{k} clusters were asked for, but only {n} areas have complete values.",
    "all_missing": "The indicator {column} has no value in any area.",
    "weights_mismatch": "{n_weights} weights were given for {n_fields} indicators.",
}


class SozialraumError(Exception):
    """An error with a stable code, parameters and an English fallback text."""

    def __init__(self, code: str, **params):
        self.code = code
        self.params = params
        super().__init__(self.english())

    def english(self) -> str:
        template = MESSAGES.get(self.code, self.code)
        try:
            return template.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return f"{template} {self.params}"


class TableError(SozialraumError):
    """A table could not be read as asked."""


class JoinError(SozialraumError):
    """A join cannot be carried out."""


class MethodError(SozialraumError):
    """An index, cluster or disclosure method cannot be applied to the data."""
