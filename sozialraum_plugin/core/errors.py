"""Errors the user gets to read.

Core code has no Qt, so it cannot translate. Each error carries a stable ``code`` and its
parameters; the English template of every code is in ``MESSAGES``, marked with a Qt-free
``QT_TRANSLATE_NOOP`` so that pylupdate5 puts it into the .ts file. The QGIS side
(``toolbelt/messages.py``) looks the template up in the user's language; outside QGIS (tests,
scripts) the English text is used as it is.
"""
from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name pylupdate5 looks for)
    """Marks ``text`` for Qt's translation tools without importing Qt: returns it unchanged."""
    return text


MESSAGES: dict[str, str] = {
    # tables
    "file_not_found": QT_TRANSLATE_NOOP("Messages", "File not found: {file}"),
    "file_empty": QT_TRANSLATE_NOOP("Messages", "The file {file} is empty."),
    "file_unreadable": QT_TRANSLATE_NOOP("Messages", "The file {file} cannot be read: {reason}"),
    "encoding_unknown": QT_TRANSLATE_NOOP("Messages", "The file {file} is in no known text encoding (tried {tried})."),
    "format_unsupported": QT_TRANSLATE_NOOP("Messages", "The file {file} has a format that cannot be read ({suffix}). Use CSV, TXT, XLSX or ODS."),
    "sheet_not_found": QT_TRANSLATE_NOOP("Messages", "The sheet {sheet} does not exist in {file}. Sheets: {sheets}."),
    "header_row_invalid": QT_TRANSLATE_NOOP("Messages", "Header row {row} does not exist in {file} ({rows} rows)."),
    "column_not_found": QT_TRANSLATE_NOOP("Messages", "The column {column} does not exist in {file}. Columns: {columns}."),
    "ragged_row": QT_TRANSLATE_NOOP("Messages", "Row {row} of {file} has {found} cells where the header has {expected}."),
    "no_columns": QT_TRANSLATE_NOOP("Messages", "No columns were found in {file}."),
    "long_table_ambiguous": QT_TRANSLATE_NOOP("Messages", "The long table {file} has several values for district {key}, year {year}, indicator {indicator}."),
    # join
    "key_all_empty": QT_TRANSLATE_NOOP("Messages", "The key column {column} of {file} is empty in every row."),
    "join_no_match": QT_TRANSLATE_NOOP("Messages", "Not one row of {file} matches a district: these two do not belong together."),
    # output
    "output_is_source": QT_TRANSLATE_NOOP("Messages", "The output {file} is one of the inputs; choose another file (sources are never modified)."),
    "output_write_failed": QT_TRANSLATE_NOOP("Messages", "The output {file} could not be written: {reason}"),
    "output_not_gpkg": QT_TRANSLATE_NOOP("Messages", "The output {file} must be a GeoPackage (.gpkg)."),
    "expression_invalid": QT_TRANSLATE_NOOP("Messages", "The expression {expression} cannot be used: {reason}"),
    "field_list_invalid": QT_TRANSLATE_NOOP("Messages", "The entry {entry!r} is not of the form field=value."),
    "definition_invalid": QT_TRANSLATE_NOOP("Messages", "The report definition {file} cannot be used: {section}: {reason}."),
    "definition_json": QT_TRANSLATE_NOOP("Messages", "The report definition {file} is not valid JSON (line {row}, column {column}): {reason}."),
    # index / clusters
    "field_not_numeric": QT_TRANSLATE_NOOP("Messages", "The field {column} holds no numbers (row {row}: {value!r})."),
    "field_constant": QT_TRANSLATE_NOOP("Messages", "The indicator {column} has the same value in every valid area; it cannot be standardised."),
    "too_few_areas": QT_TRANSLATE_NOOP("Messages", "Only {n} areas have complete values; at least {needed} are needed."),
    "k_too_large": QT_TRANSLATE_NOOP("Messages", "{k} clusters were asked for, but only {n} areas have complete values."),
    "all_missing": QT_TRANSLATE_NOOP("Messages", "The indicator {column} has no value in any area."),
    "weights_mismatch": QT_TRANSLATE_NOOP("Messages", "{n_weights} weights were given for {n_fields} indicators."),
    # tables (read_table / read_frame / pivot_long)
    "encoding_invalid": QT_TRANSLATE_NOOP("Messages", "The file {file} is not valid {encoding} (byte {position})."),
    "option_invalid": QT_TRANSLATE_NOOP("Messages", "Invalid value {value!r} for the option {option}."),
    "ragged_row_width": QT_TRANSLATE_NOOP("Messages", "Row {row} of {file} has {found} cells where the other rows have {expected}."),
    "reader_missing": QT_TRANSLATE_NOOP("Messages", "Reading {suffix} files needs GDAL (osgeo) or the Python module {module}; neither is installed ({file})."),
    "number_format_guessed": QT_TRANSLATE_NOOP("Messages", "The numbers in {file} were read with decimal mark {decimal!r} and thousands mark {thousands!r}, but the file does not make this certain (e.g. {example!r})."),
    "number_format_mixed": QT_TRANSLATE_NOOP("Messages", "{file} writes decimals both with a comma ({comma} cells) and with a point ({dot} cells); cells in the other format stay text."),
    "column_not_numeric": QT_TRANSLATE_NOOP("Messages", "The column {column} of {file} is mostly numbers but stays text: row {row} holds {value!r}."),
    "preamble_dropped": QT_TRANSLATE_NOOP("Messages", "{count} line(s) above the header of {file} were skipped."),
    "empty_rows_dropped": QT_TRANSLATE_NOOP("Messages", "{count} empty row(s) in {file} were skipped."),
    "notes_dropped": QT_TRANSLATE_NOOP("Messages", "{count} note line(s) below the table in {file} were skipped."),
    "columns_renamed": QT_TRANSLATE_NOOP("Messages", "Column names in {file} were made unique: {columns}."),
    "empty_columns_dropped": QT_TRANSLATE_NOOP("Messages", "{count} empty column(s) without a name in {file} were dropped."),
    "pivot_rows_without_key": QT_TRANSLATE_NOOP("Messages", "{count} row(s) of {file} have no district key and were left out."),
    "pivot_keep_varies": QT_TRANSLATE_NOOP("Messages", "The column {column} of {file} has several values per district; the first one is kept."),
    # key transforms (KeyTransform.description)
    "transform_exact": QT_TRANSLATE_NOOP("Messages", "Keys compared as written."),
    "transform_strip_zeros": QT_TRANSLATE_NOOP("Messages", "Keys made comparable: leading zeros ignored ('001' = '1')."),
    "transform_pad_zeros": QT_TRANSLATE_NOOP("Messages", "Keys made comparable: number keys padded with zeros to {width} digits ('{short}' = '{padded}')."),
    "transform_prefix": QT_TRANSLATE_NOOP("Messages", "Keys made comparable: prefix '{prefix}' and leading zeros ignored ('{prefix}01' = '1')."),
    "transform_leading_number": QT_TRANSLATE_NOOP("Messages", "Keys made comparable: only the number in front of the name counts ('01 Altstadt' = '1')."),
    "transform_name": QT_TRANSLATE_NOOP("Messages", "Keys compared as names: case, umlauts, underscores and a leading number ignored ('04 Westliche Höhe' = 'Westliche_Höhe')."),
    # join report
    "join_column_not_found": QT_TRANSLATE_NOOP("Messages", "The column {column} does not exist in {side}. Columns: {columns}."),
    "join_summary": QT_TRANSLATE_NOOP("Messages", "{matched} of {n_districts} districts received a row of {file} ({n_rows} rows)."),
    "join_districts_without_row": QT_TRANSLATE_NOOP("Messages", "{count} district(s) have no row in the table: {examples}."),
    "join_null_district_keys": QT_TRANSLATE_NOOP("Messages", "{count} district(s) have an empty key in {column}."),
    "join_rows_without_district": QT_TRANSLATE_NOOP("Messages", "{count} key(s) of the table match no district: {examples}."),
    "join_null_table_keys": QT_TRANSLATE_NOOP("Messages", "{count} row(s) of the table have an empty key in {column}."),
    "join_duplicate_keys": QT_TRANSLATE_NOOP("Messages", "{count} key(s) occur on several rows of the table and were not joined: {examples}. {districts} district(s) stay empty because of this."),
    "join_duplicate_district_keys": QT_TRANSLATE_NOOP("Messages", "{count} key(s) are shared by several districts (each gets the row): {examples}."),
    "join_columns_renamed": QT_TRANSLATE_NOOP("Messages", "Table columns renamed because the districts already have them: {columns}."),
    "join_few_matches": QT_TRANSLATE_NOOP("Messages", "Only {matched} of {n_districts} districts match a row of {file}: these two probably do not belong together."),
    "join_hint_transform": QT_TRANSLATE_NOOP("Messages", "With a key transform {matched} districts would match. {description}"),
    "join_hint_key_scheme": QT_TRANSLATE_NOOP("Messages", "The keys are built differently: districts {district_scheme} (e.g. {district_example}), table {table_scheme} (e.g. {table_example})."),
    "join_hint_area_count": QT_TRANSLATE_NOOP("Messages", "The layer has {n_districts} areas, the table {n_table}: the table may be for another boundary year or level."),
    "join_hint_names": QT_TRANSLATE_NOOP("Messages", "Names match better than keys: {district_column} ↔ {table_column} gives {matched} matches (e.g. {examples})."),
    # indicators / index / clusters / disclosure (core/indicators, index, clusters, kmeans, disclosure)
    "field_not_found": QT_TRANSLATE_NOOP("Messages", "The field {column} does not exist. Fields: {columns}."),
    "direction_invalid": QT_TRANSLATE_NOOP("Messages", "The direction of {column} must be +1 (higher = more need) or -1 (higher = less need), not {value!r}."),
    "kind_invalid": QT_TRANSLATE_NOOP("Messages", "The kind of the indicator {column} must be one of {kinds}, not {value!r}."),
    "rate_needs_counts": QT_TRANSLATE_NOOP("Messages", "The rate {column} needs a numerator field and a denominator field."),
    "scale_invalid": QT_TRANSLATE_NOOP("Messages", "The scale of {column} must be a positive number, not {value!r}."),
    "change_years_invalid": QT_TRANSLATE_NOOP("Messages", "The change of {column} needs two different years, not {years}."),
    "method_unknown": QT_TRANSLATE_NOOP("Messages", "Unknown method {method!r}; use one of: {methods}."),
    "weights_invalid": QT_TRANSLATE_NOOP("Messages", "Weights must be non-negative numbers with a positive sum, not {weights}."),
    "thresholds_invalid": QT_TRANSLATE_NOOP("Messages", "Class thresholds must increase from left to right: {thresholds}."),
    "too_few_indicators": QT_TRANSLATE_NOOP("Messages", "{n} indicators were given; at least {needed} are needed."),
    "length_mismatch": QT_TRANSLATE_NOOP("Messages", "The {what} has {found} values, but the table has {expected} rows."),
    "k_invalid": QT_TRANSLATE_NOOP("Messages", "The number of clusters must be a whole number of at least 1, not {k!r}."),
    "ward_too_large": QT_TRANSLATE_NOOP("Messages", "Ward clustering of {n} areas would need about {memory_mb} MB of memory; it is limited to {limit} areas. Use k-means instead."),
    "scipy_missing": QT_TRANSLATE_NOOP("Messages", "{method} needs the Python package scipy, which is not installed. Use k-means instead."),
    "level_invalid": QT_TRANSLATE_NOOP("Messages", "The confidence level must lie between 0 and 1, not {level!r}."),
    "count_invalid": QT_TRANSLATE_NOOP("Messages", "Row {row}: the count {count} is negative or larger than its total {total}."),
    # thematic maps
    "map_method_unknown": QT_TRANSLATE_NOOP("Messages", "The classification method {method} is unknown. Methods: {methods}."),
    "map_interval_invalid": QT_TRANSLATE_NOOP("Messages", "A fixed-interval map needs a class width greater than 0, not {value!r}."),
    "map_interval_too_small": QT_TRANSLATE_NOOP("Messages", "A class width of {value} gives {n} classes; at most {max} can be shown. Choose a wider interval."),
    "map_multiples_invalid": QT_TRANSLATE_NOOP("Messages", "The standard-deviation multiples {value!r} cannot be read; write numbers such as -1; 0; 1,5."),
    "map_too_many_categories": QT_TRANSLATE_NOOP("Messages", "The field {column} has {n} different values; a categorized map shows at most {max}."),
    "map_output_format": QT_TRANSLATE_NOOP("Messages", "The map output {file} must end in .pdf, .png or .svg."),
    "map_template_invalid": QT_TRANSLATE_NOOP("Messages", "The layout template {file} cannot be read or has no map."),
    "map_export_failed": QT_TRANSLATE_NOOP("Messages", "The map could not be exported to {file} ({reason})."),
    # profile sheets
    "profile_labels_invalid": QT_TRANSLATE_NOOP("Messages", "The indicator labels cannot be read at {entry!r}; write them as FIELD=Label|unit;FIELD=Label|unit."),
    "profile_directions_invalid": QT_TRANSLATE_NOOP("Messages", "The direction {entry!r} cannot be read; write FIELD=+1 (higher = more need), FIELD=-1 or FIELD=0."),
    "profile_rates_invalid": QT_TRANSLATE_NOOP("Messages", "The rate {entry!r} cannot be read; write FIELD=numerator/denominator."),
    "profile_thresholds_invalid": QT_TRANSLATE_NOOP("Messages", "The threshold {entry!r} cannot be read; write FIELD=5 (counts from 1 to below 5 are not shown)."),
    "profile_city_method_invalid": QT_TRANSLATE_NOOP("Messages", "The city value method {method} of {field} is unknown."),
    "profile_field_missing": QT_TRANSLATE_NOOP("Messages", "The field {field} does not exist. Fields: {fields}."),
    "profile_unknown_indicator": QT_TRANSLATE_NOOP("Messages", "{parameter} names {field}, which is not one of the indicator fields ({fields})."),
    "profile_no_indicators": QT_TRANSLATE_NOOP("Messages", "No indicator fields were chosen."),
    "profile_too_many_indicators": QT_TRANSLATE_NOOP("Messages", "{n} indicators do not fit on one page; choose at most {maximum}."),
    "profile_output_not_pdf": QT_TRANSLATE_NOOP("Messages", "The output {file} must be a PDF file (.pdf)."),
    "profile_template_invalid": QT_TRANSLATE_NOOP("Messages", "The template {file} is not a readable QGIS layout template (.qpt)."),
    "profile_no_features": QT_TRANSLATE_NOOP("Messages", "No district is left to print (check the filter expression)."),
    "profile_export_failed": QT_TRANSLATE_NOOP("Messages", "The profile sheets could not be written to {file}: {reason}"),
    "profile_too_wide": QT_TRANSLATE_NOOP("Messages", "The table of indicators needs {width} mm and does not fit the page; use fewer decimals or shorter units."),
    # --- indicators ---
    "year_placeholder_without_change": QT_TRANSLATE_NOOP("Messages", "The indicator {column} names a column with {{year}} but has no change_between years."),
    "indicator_field_missing": QT_TRANSLATE_NOOP("Messages", "The indicator {indicator} needs the field {column}, which does not exist. Fields: {columns}."),
    "indicator_field_not_numeric": QT_TRANSLATE_NOOP("Messages", "The indicator {indicator} needs numbers in the field {column}, but district {row} has {value!r}."),
    "indicator_field_ambiguous": QT_TRANSLATE_NOOP("Messages", "The indicator {indicator} cannot tell whether {value!r} in the field {column} (district {row}) is a whole number with a thousands dot or a decimal; store the field as numbers (sozialraum:jointable reads German numbers) and run again."),
    "indicator_count_negative": QT_TRANSLATE_NOOP("Messages", "The indicator {indicator}: the count {column} is negative in district {row} ({value})."),
    "indicator_share_above_total": QT_TRANSLATE_NOOP("Messages", "The indicator {indicator} is a share, but in district {row} its numerator {numerator} ({count}) is greater than its denominator {denominator} ({total}). If it is a ratio and no share (e.g. places per child), say so: \"share\": false in its definition."),
    "share_invalid": QT_TRANSLATE_NOOP("Messages", "\"share\" of the indicator {column} must be true or false, not {value!r}."),
    "indicator_duplicate": QT_TRANSLATE_NOOP("Messages", "The field {column} of the indicator {indicator} is computed twice; give each indicator its own id."),
    "indicator_replaces_input": QT_TRANSLATE_NOOP("Messages", "The indicator {indicator} would replace its own input field {column}; give it another id."),
    "indicator_replaces_identity": QT_TRANSLATE_NOOP("Messages", "The indicator {indicator} would replace the field {column}, which holds the districts' fid, geometry or key; give it another id."),
    "indicator_none": QT_TRANSLATE_NOOP("Messages", "No indicator to compute: give INDICATORS (rates or changes), RATES or CHANGES."),
    "indicator_entry_invalid": QT_TRANSLATE_NOOP("Messages", "The entry {entry!r} of {parameter} cannot be read; write {form}."),
    "indicator_json_invalid": QT_TRANSLATE_NOOP("Messages", "The indicator definitions cannot be read: {reason}."),
    "indicator_input_missing": QT_TRANSLATE_NOOP("Messages", "The indicator {indicator} of the report definition needs the column {column}, which neither the boundaries nor the tables provide ({available})."),
    # --- seams ---
    "path_unusable": QT_TRANSLATE_NOOP("Messages", "The file or folder {file} cannot be used: {reason}. Nothing was changed."),
    "output_locked": QT_TRANSLATE_NOOP("Messages", "The output {file} cannot be written ({reason}): it may be open in another program (close it there) or the file or folder is read-only. Nothing was changed."),
    # --- badinput ---
    "title_too_long": QT_TRANSLATE_NOOP("Messages", "The title has {n} characters; at most {limit} fit on {what}. Shorten it (a subtitle can say the rest): {title}"),
    "layer_field_not_found": QT_TRANSLATE_NOOP("Messages", "The field {field} ({parameter}) does not exist in {file}. Fields: {fields}."),
    "output_below_file": QT_TRANSLATE_NOOP("Messages", "The output {file} cannot be written: {parent} is a file, not a folder."),
    "output_is_folder": QT_TRANSLATE_NOOP("Messages", "The output {file} is a folder; give a file name."),
    "output_is_file": QT_TRANSLATE_NOOP("Messages", "The output folder {file} is a file; give a folder."),
    "output_not_writable": QT_TRANSLATE_NOOP("Messages", "The output {file} cannot be written: the folder {folder} is not writable."),
    "definition_unknown_id": QT_TRANSLATE_NOOP("Messages", "The report definition {file} names {id} in {section}, but it is no column of the joined data. Columns: {columns}."),
    "boundaries_not_polygons": QT_TRANSLATE_NOOP("Messages", "The layer {file} holds {geometry} geometries; district boundaries must be polygons."),
    "boundaries_empty": QT_TRANSLATE_NOOP("Messages", "The layer {file} has no features."),
    "boundaries_crs_degrees": QT_TRANSLATE_NOOP("Messages", "The layer {file} is read in {crs} (degrees), but its coordinates reach {extent}: these are metres of a projected CRS. Name the CRS in the file (a 'crs' member in the GeoJSON, a .prj beside a shapefile) or save it with its CRS, then run again."),
    "too_few_valid_areas": QT_TRANSLATE_NOOP("Messages", "Only {n} of {total} areas are valid; at least {needed} are needed. The population rule (at least {min_population} residents in {field}) removed {population}, {excluded} were excluded and {missing} have a missing value."),
    # --- project ---
    "project_write_failed": QT_TRANSLATE_NOOP("Messages", "The QGIS project {file} could not be written ({reason})."),
    # --- appendix ---
    "appendix_no_xlsx_writer": QT_TRANSLATE_NOOP("Messages", "The workbook {file} cannot be written: neither openpyxl nor GDAL's XLSX driver is available. The CSV appendix has the same values."),
    # --- pages ---
    "profile_colour_invalid": QT_TRANSLATE_NOOP("Messages", "The house colour {colour!r} is not a colour; write it as #1f4e79 or a colour name."),
    # --- regrid ---
    "crosswalk_key_empty": QT_TRANSLATE_NOOP("Messages", "Row {row} of the crosswalk {file} has no old key in {column}."),
    "crosswalk_share_invalid": QT_TRANSLATE_NOOP("Messages", "Row {row} of the crosswalk {file} (old key {key}) has the share {value!r} in {column}; a share is a number from 0 to 1."),
    "crosswalk_pair_twice": QT_TRANSLATE_NOOP("Messages", "The crosswalk {file} has the pair old key {old} / new key {new} more than once."),
    "crosswalk_share_sum": QT_TRANSLATE_NOOP("Messages", "In the crosswalk {file} the shares of {n} old key(s) do not sum to 1 (tolerance {tolerance}): {keys}. Each old area must be given out completely; write its part outside every new area as a row with an empty new key."),
    "crosswalk_share_percent": QT_TRANSLATE_NOOP("Messages", "In the crosswalk {file} the shares of the old keys sum to 100, not 1 ({keys}): they look like percentages. Divide them by 100."),
    "regrid_key_empty": QT_TRANSLATE_NOOP("Messages", "A feature of {file} (fid {fid}) has no key in {field}; every area needs one."),
    "regrid_key_twice": QT_TRANSLATE_NOOP("Messages", "The key {key} occurs more than once in {field} of {file}; each area must have a key of its own."),
    "regrid_no_overlap": QT_TRANSLATE_NOOP("Messages", "Not one area of {file} overlaps an area of {target}: are both in the right coordinate reference system?"),
    "regrid_weight_invalid": QT_TRANSLATE_NOOP("Messages", "The weight field {field} of {file} holds {value!r} (fid {fid}); weights are numbers of 0 or more."),
    "regrid_rate_not_counted": QT_TRANSLATE_NOOP("Messages", "The rate {rate} is computed from {field}, which is not one of COUNT_FIELDS ({fields}): rates on the new grid come from carried counts only."),
    "regrid_count_not_numeric": QT_TRANSLATE_NOOP("Messages", "The count field {field} of {file} holds {value!r} (key {key}); counts must be numbers."),
    # --- model ---
    "indicator_value_invalid": QT_TRANSLATE_NOOP("Messages", "The indicator {column}: {name} must be {expected}, not {value!r}."),
    "indicators_json_syntax": QT_TRANSLATE_NOOP("Messages", "{parameter} cannot be read as JSON: line {row}, column {column}: {reason}."),
    "indicators_not_list": QT_TRANSLATE_NOOP("Messages", "{parameter} must be a JSON list of indicators ([{{\"id\": \"S1\", \"label\": …}}, …]) or a report definition."),
    "indicators_entry_invalid": QT_TRANSLATE_NOOP("Messages", "{entry} cannot be used: {reason}"),
    # --- timemaps ---
    "map_small_multiples_many": QT_TRANSLATE_NOOP("Messages", "A page of small multiples shows at most {max} maps; {n} were asked for. Map fewer years, or one page per year (layout 'pages')."),
    "map_small_multiples_room": QT_TRANSLATE_NOOP("Messages", "The {n} maps of the small multiples do not fit on the page; choose a larger page size."),
    # --- series ---
    "of_invalid": QT_TRANSLATE_NOOP("Messages", "The indicator {column} names the column it reads with \"of\", but {value!r} is no column name."),
    "of_with_rate": QT_TRANSLATE_NOOP("Messages", "The indicator {column} is a rate: it reads its numerator and denominator, not a column named by \"of\"."),
    "of_and_base": QT_TRANSLATE_NOOP("Messages", "The indicator {column} names two columns to read: of {of} and base {base}; keep one."),
    "series_year_missing": QT_TRANSLATE_NOOP("Messages", "The indicator {indicator} needs the year {year}, but the tables hold the years {years}."),
    "series_column_missing": QT_TRANSLATE_NOOP("Messages", "The indicator {indicator} reads the column {column}, which no table has, in no year ({years}) and not without a year. Columns: {columns}."),
    "series_report_year_missing": QT_TRANSLATE_NOOP("Messages", "The indicator {indicator} has values for {found} but none for the report year {year} (its column {column} is in no table of that year)."),
    "series_output_clash": QT_TRANSLATE_NOOP("Messages", "The indicator {indicator} would write the column {column}, which is already a column of the tables; give the indicator another id."),
    # --- trendpage ---
    "profile_series_invalid": QT_TRANSLATE_NOOP("Messages", "The series table {table} lacks the column {column}; a series has the columns key, indicator, year, value, numerator, denominator and shown."),
    "profile_series_needs_key": QT_TRANSLATE_NOOP("Messages", "A series table (SERIES) is matched to the districts by their key: choose the key field (KEY_FIELD)."),
    "profile_series_year_invalid": QT_TRANSLATE_NOOP("Messages", "The series table {table} has the year {value!r} in row {row}; years are whole numbers such as 2021."),
    # --- aggregate ---
    "aggregate_lookup_column": QT_TRANSLATE_NOOP("Messages", "The lookup table {file} has no column {column}. Columns: {columns}."),
    "aggregate_lookup_conflict": QT_TRANSLATE_NOOP("Messages", "The lookup table {file} gives the district {key} more than one parent ({parents}); each district needs exactly one."),
    "aggregate_lookup_no_match": QT_TRANSLATE_NOOP("Messages", "No key of the lookup table {file} (column {column}, e.g. {keys}) matches a district key (e.g. {children})."),
    "aggregate_count_not_numeric": QT_TRANSLATE_NOOP("Messages", "The count field {column} holds no number for district {row}: {value!r}."),
    "aggregate_rate_invalid": QT_TRANSLATE_NOOP("Messages", "{indicator} is no rate of two counts (name=numerator/denominator); only such rates can be computed again for parents."),
    "aggregate_rate_name_taken": QT_TRANSLATE_NOOP("Messages", "The rate {indicator} has the name of a count field or of the parent key; give it another name."),
    "aggregate_nothing": QT_TRANSLATE_NOOP("Messages", "Nothing to aggregate: name count fields (COUNT_FIELDS) or rates (RATES)."),
    "aggregate_no_parent": QT_TRANSLATE_NOOP("Messages", "None of the {n} districts has a parent: check the parent field or the lookup table."),
    "aggregate_parent_source": QT_TRANSLATE_NOOP("Messages", "Give either a parent field (PARENT_FIELD) or a lookup table (LOOKUP with LOOKUP_KEY and LOOKUP_PARENT)."),
    "aggregate_count_name_taken": QT_TRANSLATE_NOOP("Messages", "The count {column} has the name of a column the parents get anyway ({taken}); its sum would overwrite it. Rename the field before aggregating."),
    "level_values": QT_TRANSLATE_NOOP("Messages", "The report runs on the parent level {parent}, but these indicators are values without their counts: {ids}. A share cannot be summed to a parent, and a mean of the districts' shares is not the parent's share. Give them as rates of two counts (numerator and denominator) or as counts, or leave them out of a report on this level."),
    "level_invalid_definition": QT_TRANSLATE_NOOP("Messages", "The report definition {file}: \"level\" needs either \"parent_field\" or \"lookup\" with \"key\" and \"parent\"; found: {found}."),
    # --- revregrid ---
    "regrid_field_clash": QT_TRANSLATE_NOOP("Messages", "The output field {field} would be written twice (also as {other}): name carried counts and rates differently from each other and from the quality fields ({reserved})."),
    # --- rev-series ---
    "year_tables_same_column": QT_TRANSLATE_NOOP("Messages", "The tables {first} and {second} both give {column} for the year {year}: is one of them another year's table? Check their \"year\"."),
    "year_table_row_twice": QT_TRANSLATE_NOOP("Messages", "The table {file} has {count} rows for district {key} in the year {year} (column {column}); a table with a year column has one row per district and year."),
    # --- pgstore ---
    "db_password_in_definition": QT_TRANSLATE_NOOP("Messages", "The report definition {file} keeps a database password in plain text ({section}): name a QGIS connection instead, whose credentials are kept in an authentication configuration."),
    "db_connection_unknown": QT_TRANSLATE_NOOP("Messages", "There is no PostgreSQL connection named {connection} in this QGIS profile. Connections: {known}."),
    "db_connection_plain_password": QT_TRANSLATE_NOOP("Messages", "The PostgreSQL connection {connection} keeps the password in plain text in the QGIS settings. Edit the connection and store the credentials in an authentication configuration (Authentication tab, 'Configurations'), then run the report again."),
    "db_connection_failed": QT_TRANSLATE_NOOP("Messages", "The database of the connection {connection} cannot be reached: {reason}"),
    "db_schema_missing": QT_TRANSLATE_NOOP("Messages", "The schema {schema} does not exist in the database {database}, and role {role} may not create it: ask your database administrator to create the schema {schema} for role {role}."),
    "db_no_right": QT_TRANSLATE_NOOP("Messages", "Role {role} may not write into schema {schema}: ask your database administrator for this right ({rights})."),
    "db_not_owner": QT_TRANSLATE_NOOP("Messages", "The table {schema}.{table} belongs to role {owner}; role {role} may not replace it: ask your database administrator to make {role} (or a group it belongs to) the owner of {schema}.{table}."),
    "db_styles_missing": QT_TRANSLATE_NOOP("Messages", "The database has no table public.layer_styles for the maps' styles, and role {role} may not create it: ask your database administrator to create it (saving any layer style to this database as an administrator does) and to grant {role} SELECT, INSERT, UPDATE and DELETE on it."),
    "db_run_busy": QT_TRANSLATE_NOOP("Messages", "Another report run is writing into schema {schema}: {holder}, started {since} (UTC). This run was stopped before writing anything; run it again when the other one has finished. A run that stopped without finishing is taken over after {minutes} minutes without a sign of life."),
    "db_write_failed": QT_TRANSLATE_NOOP("Messages", "Writing {table} into schema {schema} failed: {reason}. The tables of the previous report in {schema} are unchanged."),
    "db_source_unreadable": QT_TRANSLATE_NOOP("Messages", "The database table {table} of the connection {connection} cannot be read: {reason}"),
    # --- writer ---
    "output_not_supported": QT_TRANSLATE_NOOP("Messages", "The output {file} is not a destination the plugin can write: choose a GeoPackage (.gpkg), a temporary layer or a PostGIS table."),
    "output_no_table": QT_TRANSLATE_NOOP("Messages", "The database output {file} names no table (table=…)."),
    # --- revpg ---
    "db_table_foreign": QT_TRANSLATE_NOOP("Messages", "Schema {schema} already holds a table {schema}.{table} that no report run wrote; a report run would replace it. Choose another schema for the report, or rename that table."),
    "db_project_failed": QT_TRANSLATE_NOOP("Messages", "The report's tables are in schema {schema} (this run's), but saving the project {project} there failed: {reason}. Open the tables from the schema directly, or run the report again."),
    # --- revwriter ---
    "output_canceled": QT_TRANSLATE_NOOP("Messages", "The run was canceled: {file} was not written (an earlier output there is unchanged)."),
    "output_crs_not_in_database": QT_TRANSLATE_NOOP("Messages", "The coordinate reference system of the layer ({crs}) has no code in the database's spatial_ref_sys, so {file} would have no coordinate reference system. Reproject the layer to an EPSG system first (e.g. EPSG:25832 with “Reproject layer”), or ask your database administrator to add this system to spatial_ref_sys. Nothing was changed."),
    # --- supply ---
    "supply_need_unknown": QT_TRANSLATE_NOOP("Messages", "NEED_FIELD holds classes whose meaning is not known ({values}). Name the classes that mean high need in NEED_HIGH (e.g. 'hoch;sehr hoch'), or use a numeric field."),
    "supply_no_coordinates": QT_TRANSLATE_NOOP("Messages", "FACILITIES ({file}) is no point layer and X_FIELD / Y_FIELD are not set. Give a point layer, or a table with the columns of the coordinates (e.g. X_FIELD lon, Y_FIELD lat, FACILITIES_CRS EPSG:4326)."),
    "supply_field_missing": QT_TRANSLATE_NOOP("Messages", "The column {field} ({parameter}) is not in {file}. Columns: {fields}."),
    "supply_bad_number": QT_TRANSLATE_NOOP("Messages", "{file}, row {row} (id {id}): {field} is {value!r}, not a number."),
    "supply_crs_invalid": QT_TRANSLATE_NOOP("Messages", "FACILITIES_CRS {crs!r} is no coordinate reference system QGIS knows (e.g. EPSG:4326 for lon/lat)."),
    "supply_no_facilities": QT_TRANSLATE_NOOP("Messages", "{file} holds no facility with coordinates."),
    "supply_network_empty": QT_TRANSLATE_NOOP("Messages", "The road network {file} has no lines to build a graph from."),
    "supply_geographic_crs": QT_TRANSLATE_NOOP("Messages", "The districts are in a geographic CRS ({crs}): a catchment in metres needs a projected one. Reproject the districts first (e.g. to EPSG:25833 or EPSG:25832)."),
    "supply_definition_invalid": QT_TRANSLATE_NOOP("Messages", "{file}, section supply: {reason}"),
    # --- allocate ---
    "allocate_factors_invalid": QT_TRANSLATE_NOOP("Messages", "FACTORS: '{value}' cannot be read. Write class=factor pairs separated by ';' (hoch=0.8;mittel=1;niedrig=1.2;sehr niedrig=1.5 or 1=0.8;2=1;3=1.2;4=1.5), linear:LOW:HIGH or slope:A:B[:MIN:MAX]."),
    "allocate_factor_negative": QT_TRANSLATE_NOOP("Messages", "FACTORS: '{value}' gives a negative factor; factors must be 0 or more."),
    "allocate_factor_twice": QT_TRANSLATE_NOOP("Messages", "FACTORS: the class {value} is given twice."),
    "allocate_amount_invalid": QT_TRANSLATE_NOOP("Messages", "{what}: '{value}' is no amount in euros (e.g. 1000000, 1000000,50 or 1.000.000,00)."),
    "allocate_budget_invalid": QT_TRANSLATE_NOOP("Messages", "BUDGET: the budget must be more than 0 € (given: {value})."),
    "allocate_nothing_to_split": QT_TRANSLATE_NOOP("Messages", "The budget cannot be split: no district has a population above 0 with a need factor above 0 (check POPULATION_FIELD, NEED_FIELD and FACTORS)."),
    "allocate_floor_above_cap": QT_TRANSLATE_NOOP("Messages", "District {key}: its floor {floor} € is above its cap {cap} €."),
    "allocate_floors_above_budget": QT_TRANSLATE_NOOP("Messages", "The floors add up to {floors} €, more than the budget of {budget} €: lower FLOOR or raise BUDGET."),
    "allocate_caps_below_budget": QT_TRANSLATE_NOOP("Messages", "The caps add up to {caps} €, less than the budget of {budget} €: raise CAP or lower BUDGET."),
    "allocate_no_factor": QT_TRANSLATE_NOOP("Messages", "FACTORS names no class the field {field} holds (values: {values}; classes in FACTORS: {classes})."),
    "allocate_invalid_definition": QT_TRANSLATE_NOOP("Messages", "{file}: the section \"allocation\" cannot be used: {reason}"),
    # --- revalloc ---
    "allocate_floor_negative": QT_TRANSLATE_NOOP("Messages", "District {key}: its floor {floor} € is below 0 (check FLOOR)."),
    "allocate_amount_ambiguous": QT_TRANSLATE_NOOP("Messages", "{what}: '{value}' can be read as {small} € or as {large} €: write {large} or {small}."),
    "allocate_budget_fraction": QT_TRANSLATE_NOOP("Messages", "{what}: '{value}' has fractions of a cent; the allocations add up to the budget to the cent, so give it with at most two decimals."),
    # --- impact ---
    "impact_duplicate": QT_TRANSLATE_NOOP("Messages", "The series has two values for district {key}, indicator {indicator}, year {year}."),
    "impact_no_series": QT_TRANSLATE_NOOP("Messages", "The indicator {indicator} has no values: neither the series nor the layer's columns {indicator}_<year> or {indicator} hold it."),
    "impact_year_missing": QT_TRANSLATE_NOOP("Messages", "The indicator {indicator} has no values for {year}. Its years: {years}."),
    "impact_years_order": QT_TRANSLATE_NOOP("Messages", "BASE_YEAR ({base}) must be before YEAR ({year})."),
    "impact_funded_source": QT_TRANSLATE_NOOP("Messages", "Say which districts are funded with exactly one of FUNDED_FIELD, FUNDED_EXPRESSION or PROGRAMME_AREAS (given: {given})."),
    "impact_flag_invalid": QT_TRANSLATE_NOOP("Messages", "The field {field} of district {key} holds {value!r}: a funded flag must be 1/0, true/false or ja/nein."),
    "impact_no_funded": QT_TRANSLATE_NOOP("Messages", "No district is funded by {source}, or every district is: nothing to compare."),
    "impact_no_indicators": QT_TRANSLATE_NOOP("Messages", "Name the indicators to compare (INDICATORS); the layer's year columns: {columns}."),
    "impact_weights_invalid": QT_TRANSLATE_NOOP("Messages", "The field {field} (POPULATION_FIELD) holds no positive number to weight by (e.g. {value!r})."),
    "impact_series_keys": QT_TRANSLATE_NOOP("Messages", "No district of the series matches a district key of the layer ({field}): series e.g. {series}; layer e.g. {layer}."),
    "impact_series_columns": QT_TRANSLATE_NOOP("Messages", "SERIES {file} is not a series table: it lacks the columns {missing} (it has {columns})."),
    # --- revranks ---
    "rank_field_taken": QT_TRANSLATE_NOOP("Messages", "The input already has a field {field}, which the robust ranks would overwrite (they write {columns}). Rename that field, or switch the robust ranks off."),
    # --- revsupply ---
    "supply_crs_missing": QT_TRANSLATE_NOOP("Messages", "{file}: the coordinate columns hold degrees (longitude / latitude), but no CRS was given for them, so they would be read in the districts' CRS {crs} and no facility would lie in any district. Set FACILITIES_CRS (e.g. EPSG:4326; in a report definition: \"crs\")."),
    "supply_transform_failed": QT_TRANSLATE_NOOP("Messages", "{file}, row {row} (id {id}): the point {point} cannot be transformed from {source} to {target}. Check that the coordinates are in {source} (metres read as degrees?) and set the right CRS of the facilities."),
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
