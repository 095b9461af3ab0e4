<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>About</name>
    <message>
        <location filename="../sozialraum_plugin/gui/about.py" line="14"/>
        <source>&lt;h3&gt;Sozialraum {version}&lt;/h3&gt;&lt;p&gt;Small-area social reporting for QGIS: join indicator tables to districts, classify need, print thematic maps and district profile sheets.&lt;/p&gt;&lt;p&gt;Every step is also a Processing algorithm in the toolbox under &lt;i&gt;Sozialraum&lt;/i&gt;.&lt;/p&gt;&lt;p&gt;Licence: GPL-2.0-or-later. Sample data: see resources/sample/*/SOURCE.md.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Sozialraum {version}&lt;/h3&gt;&lt;p&gt;Kleinräumige Sozialberichterstattung für QGIS: Indikatortabellen mit Sozialräumen verbinden, Bedarf bewerten, Themenkarten und Sozialraumprofile drucken.&lt;/p&gt;&lt;p&gt;Jeder Schritt ist auch ein Processing-Algorithmus in der Werkzeugkiste unter &lt;i&gt;Sozialraum&lt;/i&gt;.&lt;/p&gt;&lt;p&gt;Lizenz: GPL-2.0-or-later. Beispieldaten: siehe resources/sample/*/SOURCE.md.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/about.py" line="26"/>
        <source>About Sozialraum</source>
        <translation>Über Sozialraum</translation>
    </message>
</context>
<context>
    <name>JoinTableAlgorithm</name>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="40"/>
        <source>Join indicator table to districts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="43"/>
        <source>Joins an indicator table (CSV/TXT, XLSX, ODS, or a table layer of the project) to a district layer by key and writes a new GeoPackage layer; the sources are never modified.

Separator, decimal and thousands marks, encoding and header row are detected; keys stay text (leading zeros kept); -9999, NA, empty cells are missing, –, ., *, x are suppressed (kept apart, never zero). Long tables (district, indicator, value, year) are turned wide when the long-table columns are given.

When keys are written differently (1 / 001, STGT01 / 1, '01 Altstadt' / Altstadt) a key transform is chosen automatically if it matches more districts.

Outputs: MATCHED, UNMATCHED_DISTRICTS, UNMATCHED_ROWS, DUPLICATE_KEYS and an optional REPORT (.html or .json). Rows whose key occurs more than once are not joined but listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="57"/>
        <source>District boundaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="59"/>
        <source>District key field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="61"/>
        <source>Indicator table (CSV, TXT, XLSX, ODS) or table layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="61"/>
        <source>Tables (*.csv *.txt *.tsv *.xlsx *.ods);;All files (*.*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="64"/>
        <source>Key column of the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="65"/>
        <source>Joined layer (GeoPackage)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="208"/>
        <source>Join report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="67"/>
        <source>HTML (*.html);;JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="71"/>
        <source>Columns to take (comma-separated; empty = all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="73"/>
        <source>Key comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="73"/>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="73"/>
        <source>As written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="73"/>
        <source>Ignore leading zeros</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="73"/>
        <source>Pad numbers with zeros</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="73"/>
        <source>Ignore a letter prefix (STGT01 = 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="73"/>
        <source>Number in front of a name (01 Altstadt = 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="73"/>
        <source>Compare as names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="78"/>
        <source>Encoding (empty = detect)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="79"/>
        <source>Separator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="81"/>
        <source>Detect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="79"/>
        <source>Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="81"/>
        <source>Decimal mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="81"/>
        <source>Comma (1,5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="81"/>
        <source>Point (1.5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="83"/>
        <source>Sheet (XLSX/ODS; empty = first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="84"/>
        <source>Header row (1 = first line; 0 = none; empty = detect)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="86"/>
        <source>Markers for missing values (&apos;|&apos;-separated; empty = default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="89"/>
        <source>Long table: indicator column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="90"/>
        <source>Long table: value column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="91"/>
        <source>Long table: year column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="92"/>
        <source>Long table: only this year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="97"/>
        <source>Districts matched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="97"/>
        <source>Districts without a row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="97"/>
        <source>Table rows without a district</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="97"/>
        <source>Duplicate table keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="110"/>
        <source>Incorrect parameter value for {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="150"/>
        <source>Read {file}: {rows} rows, {cols} columns; encoding {enc}, separator {sep}, decimal mark {dec}, thousands mark {thou}, header row {head}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="164"/>
        <source>Long table turned wide: {rows} districts, {cols} columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="179"/>
        <source>The layer {0} has no coordinate reference system; it is kept without one (not assumed to be EPSG:4326).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="192"/>
        <source>{0} invalid geometries were kept as they are (districts: {1}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="198"/>
        <source>The existing file {0} was replaced.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <location filename="../sozialraum_plugin/gui/launch.py" line="14"/>
        <source>Sozialraum</source>
        <translation>Sozialraum</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/launch.py" line="14"/>
        <source>This step is not available in this version yet: {0}</source>
        <translation>Dieser Schritt ist in dieser Version noch nicht verfügbar: {0}</translation>
    </message>
</context>
<context>
    <name>MapText</name>
    <message>
        <location filename="../sozialraum_plugin/gis/classify.py" line="59"/>
        <source>natürliche Unterbrechungen (Jenks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/classify.py" line="60"/>
        <source>Quantile (gleich viele Gebiete je Klasse)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/classify.py" line="61"/>
        <source>gleiche Intervalle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/classify.py" line="62"/>
        <source>Standardabweichung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/classify.py" line="63"/>
        <source>runde Klassengrenzen (Pretty Breaks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/classify.py" line="64"/>
        <source>feste Intervallbreite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/classify.py" line="65"/>
        <source>MSS-Schwellenwerte des Statusindex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/classify.py" line="66"/>
        <source>Mittelwert ± Vielfache der Standardabweichung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/classify.py" line="67"/>
        <source>Kategorien</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/classify.py" line="230"/>
        <source>Klassifikation: je Wert eine Klasse ({n} verschiedene Werte)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/classify.py" line="234"/>
        <source> (Mittelwert {mean}, SD {sd})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/classify.py" line="238"/>
        <source>Klassifikation: {method}{extra}, {n} Klassen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/classify.py" line="365"/>
        <source>Status {status}, Dynamik {dynamic}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/classify.py" line="372"/>
        <source>Cluster 1 (höchster Bedarf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/classify.py" line="374"/>
        <source>Cluster {n} (geringster Bedarf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/classify.py" line="375"/>
        <source>Cluster {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/classify.py" line="428"/>
        <source>Darstellung: {n} Kategorien</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/__init__.py" line="80"/>
        <source>Karte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/__init__.py" line="161"/>
        <source>keine Bewertung / keine Daten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/map_page.py" line="95"/>
        <source>Stand: {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/styles.py" line="214"/>
        <source>keine Bewertung (unter 300 EW / ausgeschlossen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/styles.py" line="215"/>
        <source>keine Daten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/styles.py" line="239"/>
        <source>unbewohnte Fläche</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/styles.py" line="309"/>
        <source>Sozialraum-Karte</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="18"/>
        <source>File not found: {file}</source>
        <translation>Datei nicht gefunden: {file}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="19"/>
        <source>The file {file} is empty.</source>
        <translation>Die Datei {file} ist leer.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="20"/>
        <source>The file {file} cannot be read: {reason}</source>
        <translation>Die Datei {file} kann nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="21"/>
        <source>The file {file} is in no known text encoding (tried {tried}).</source>
        <translation>Die Datei {file} hat keine bekannte Zeichenkodierung (versucht: {tried}).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="22"/>
        <source>The file {file} has a format that cannot be read ({suffix}). Use CSV, TXT, XLSX or ODS.</source>
        <translation>Das Format der Datei {file} kann nicht gelesen werden ({suffix}). Bitte CSV, TXT, XLSX oder ODS verwenden.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="23"/>
        <source>The sheet {sheet} does not exist in {file}. Sheets: {sheets}.</source>
        <translation>Das Tabellenblatt {sheet} gibt es in {file} nicht. Vorhandene Blätter: {sheets}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="24"/>
        <source>Header row {row} does not exist in {file} ({rows} rows).</source>
        <translation>Kopfzeile {row} gibt es in {file} nicht ({rows} Zeilen).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="25"/>
        <source>The column {column} does not exist in {file}. Columns: {columns}.</source>
        <translation>Die Spalte {column} gibt es in {file} nicht. Vorhandene Spalten: {columns}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="26"/>
        <source>Row {row} of {file} has {found} cells where the header has {expected}.</source>
        <translation>Zeile {row} von {file} hat {found} Zellen, die Kopfzeile aber {expected}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="27"/>
        <source>No columns were found in {file}.</source>
        <translation>In {file} wurden keine Spalten gefunden.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="28"/>
        <source>The long table {file} has several values for district {key}, year {year}, indicator {indicator}.</source>
        <translation>Die lange Tabelle {file} hat mehrere Werte für Gebiet {key}, Jahr {year}, Indikator {indicator}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="30"/>
        <source>The key column {column} of {file} is empty in every row.</source>
        <translation>Die Schlüsselspalte {column} von {file} ist in jeder Zeile leer.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="31"/>
        <source>Not one row of {file} matches a district: these two do not belong together.</source>
        <translation>Keine einzige Zeile von {file} passt zu einem Gebiet: Diese beiden gehören nicht zusammen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="37"/>
        <source>The field {column} holds no numbers (row {row}: {value!r}).</source>
        <translation>Das Feld {column} enthält keine Zahlen (Zeile {row}: {value!r}).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="38"/>
        <source>The indicator {column} has the same value in every valid area; it cannot be standardised.</source>
        <translation>Der Indikator {column} hat in allen gültigen Gebieten denselben Wert und kann nicht standardisiert werden.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="39"/>
        <source>Only {n} areas have complete values; at least {needed} are needed.</source>
        <translation>Nur {n} Gebiete haben vollständige Werte; mindestens {needed} werden gebraucht.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="40"/>
        <source>{k} clusters were asked for, but only {n} areas have complete values.</source>
        <translation>{k} Cluster wurden verlangt, aber nur {n} Gebiete haben vollständige Werte.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="41"/>
        <source>The indicator {column} has no value in any area.</source>
        <translation>Der Indikator {column} hat in keinem Gebiet einen Wert.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="42"/>
        <source>{n_weights} weights were given for {n_fields} indicators.</source>
        <translation>{n_weights} Gewichte wurden für {n_fields} Indikatoren angegeben.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="33"/>
        <source>The output {file} is one of the inputs; choose another file (sources are never modified).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="34"/>
        <source>The output {file} could not be written: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="35"/>
        <source>The output {file} must be a GeoPackage (.gpkg).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="44"/>
        <source>The file {file} is not valid {encoding} (byte {position}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="45"/>
        <source>Invalid value {value!r} for the option {option}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="46"/>
        <source>Row {row} of {file} has {found} cells where the other rows have {expected}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="47"/>
        <source>Reading {suffix} files needs GDAL (osgeo) or the Python module {module}; neither is installed ({file}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="48"/>
        <source>The numbers in {file} were read with decimal mark {decimal!r} and thousands mark {thousands!r}, but the file does not make this certain (e.g. {example!r}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="49"/>
        <source>{file} writes decimals both with a comma ({comma} cells) and with a point ({dot} cells); cells in the other format stay text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="50"/>
        <source>The column {column} of {file} is mostly numbers but stays text: row {row} holds {value!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="51"/>
        <source>{count} line(s) above the header of {file} were skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="52"/>
        <source>{count} empty row(s) in {file} were skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="53"/>
        <source>{count} note line(s) below the table in {file} were skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="54"/>
        <source>Column names in {file} were made unique: {columns}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="55"/>
        <source>{count} empty column(s) without a name in {file} were dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="56"/>
        <source>{count} row(s) of {file} have no district key and were left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="57"/>
        <source>The column {column} of {file} has several values per district; the first one is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="59"/>
        <source>Keys compared as written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="60"/>
        <source>Keys made comparable: leading zeros ignored (&apos;001&apos; = &apos;1&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="61"/>
        <source>Keys made comparable: number keys padded with zeros to {width} digits (&apos;{short}&apos; = &apos;{padded}&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="62"/>
        <source>Keys made comparable: prefix &apos;{prefix}&apos; and leading zeros ignored (&apos;{prefix}01&apos; = &apos;1&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="63"/>
        <source>Keys made comparable: only the number in front of the name counts (&apos;01 Altstadt&apos; = &apos;1&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="64"/>
        <source>Keys compared as names: case, umlauts, underscores and a leading number ignored ('04 Westliche Höhe' = 'Westliche_Höhe').</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="66"/>
        <source>The column {column} does not exist in {side}. Columns: {columns}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="67"/>
        <source>{matched} of {n_districts} districts received a row of {file} ({n_rows} rows).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="68"/>
        <source>{count} district(s) have no row in the table: {examples}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="69"/>
        <source>{count} district(s) have an empty key in {column}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="70"/>
        <source>{count} key(s) of the table match no district: {examples}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="71"/>
        <source>{count} row(s) of the table have an empty key in {column}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="72"/>
        <source>{count} key(s) occur on several rows of the table and were not joined: {examples}. {districts} district(s) stay empty because of this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="73"/>
        <source>{count} key(s) are shared by several districts (each gets the row): {examples}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="74"/>
        <source>Table columns renamed because the districts already have them: {columns}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="75"/>
        <source>Only {matched} of {n_districts} districts match a row of {file}: these two probably do not belong together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="76"/>
        <source>With a key transform {matched} districts would match. {description}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="77"/>
        <source>The keys are built differently: districts {district_scheme} (e.g. {district_example}), table {table_scheme} (e.g. {table_example}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="78"/>
        <source>The layer has {n_districts} areas, the table {n_table}: the table may be for another boundary year or level.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="79"/>
        <source>Names match better than keys: {district_column} ↔ {table_column} gives {matched} matches (e.g. {examples}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="81"/>
        <source>The field {column} does not exist. Fields: {columns}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="82"/>
        <source>The direction of {column} must be +1 (higher = more need) or -1 (higher = less need), not {value!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="83"/>
        <source>The kind of the indicator {column} must be one of {kinds}, not {value!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="84"/>
        <source>The rate {column} needs a numerator field and a denominator field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="85"/>
        <source>The scale of {column} must be a positive number, not {value!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="86"/>
        <source>The change of {column} needs two different years, not {years}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="87"/>
        <source>Unknown method {method!r}; use one of: {methods}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="88"/>
        <source>Weights must be non-negative numbers with a positive sum, not {weights}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="89"/>
        <source>Class thresholds must increase from left to right: {thresholds}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="90"/>
        <source>{n} indicators were given; at least {needed} are needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="91"/>
        <source>The {what} has {found} values, but the table has {expected} rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="92"/>
        <source>The number of clusters must be a whole number of at least 1, not {k!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="93"/>
        <source>Ward clustering of {n} areas would need about {memory_mb} MB of memory; it is limited to {limit} areas. Use k-means instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="94"/>
        <source>{method} needs the Python package scipy, which is not installed. Use k-means instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="95"/>
        <source>The confidence level must lie between 0 and 1, not {level!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="96"/>
        <source>Row {row}: the count {count} is negative or larger than its total {total}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="98"/>
        <source>The classification method {method} is unknown. Methods: {methods}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="99"/>
        <source>A fixed-interval map needs a class width greater than 0, not {value!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="100"/>
        <source>A class width of {value} gives {n} classes; at most {max} can be shown. Choose a wider interval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="101"/>
        <source>The standard-deviation multiples {value!r} cannot be read; write numbers such as -1; 0; 1,5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="102"/>
        <source>The field {column} has {n} different values; a categorized map shows at most {max}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="103"/>
        <source>The map output {file} must end in .pdf, .png or .svg.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="104"/>
        <source>The layout template {file} cannot be read or has no map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="105"/>
        <source>The map could not be exported to {file} ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="107"/>
        <source>The indicator labels cannot be read at {entry!r}; write them as FIELD=Label|unit;FIELD=Label|unit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="108"/>
        <source>The direction {entry!r} cannot be read; write FIELD=+1 (higher = more need), FIELD=-1 or FIELD=0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="109"/>
        <source>The rate {entry!r} cannot be read; write FIELD=numerator/denominator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="110"/>
        <source>The city value method {method} of {field} is unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="111"/>
        <source>The field {field} does not exist. Fields: {fields}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="112"/>
        <source>{parameter} names {field}, which is not one of the indicator fields ({fields}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="113"/>
        <source>No indicator fields were chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="114"/>
        <source>{n} indicators do not fit on one page; choose at most {maximum}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="115"/>
        <source>The output {file} must be a PDF file (.pdf).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="116"/>
        <source>The template {file} is not a readable QGIS layout template (.qpt).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="117"/>
        <source>No district is left to print (check the filter expression).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="118"/>
        <source>The profile sheets could not be written to {file}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="119"/>
        <source>The table of indicators needs {width} mm and does not fit the page; use fewer decimals or shorter units.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileSheetsAlgorithm</name>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="34"/>
        <source>District profile sheets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="37"/>
        <source>One printable A4 page per district: name and key, a detail map and a locator map, a table of the indicators (district value, city value, deviation, rank) with a spine chart, the class/cluster badge and plain-language findings. The data are first written to a GeoPackage in the folder '&lt;output&gt;_files' next to the PDF (together with one SVG chart per district); the layout stays in the project's layout manager and is replaced when the algorithm runs again.

City value: the pooled rate Σnumerator/Σdenominator for indicators listed in RATES; population-weighted for shares (unit % or ‰) when a population field is given; the median of the districts otherwise. Ranks count the valid districts with a value (rank 1 = highest value, or highest need where DIRECTIONS gives one).

LABELS: FIELD=Label|unit|decimals;… e.g. S1=Arbeitslosigkeit|%;S3=Transferbezug|%.
DIRECTIONS: FIELD=+1 (higher = more need), FIELD=-1 (lower = more need), FIELD=0.
RATES: FIELD=numerator/denominator (count fields) for pooled city rates; numerators below SUPPRESS_BELOW hide the rate (·). COUNT_FIELDS are shown as counts and hidden below SUPPRESS_BELOW as well.
MIN_POPULATION: districts with fewer residents (POPULATION_FIELD) keep their page but show no values, only the note 'unter 300 EW'.
SEPARATE_FILES: a folder; when set, one file per district is written there as well, named Profil_&lt;key&gt;_&lt;name&gt;.pdf. OUTPUT always receives all pages in one PDF.
TEMPLATE: a .qpt saved from a profile layout (Layout ▸ Save as Template) after restyling; items are found by their ids (sr_detail, sr_locator, sr_chart, …) and the labels read the fields of the GeoPackage (pr_col_value, findings, …).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="70"/>
        <source>Districts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="71"/>
        <source>Name field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="72"/>
        <source>Indicator fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="74"/>
        <source>Profile sheets (PDF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="74"/>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="77"/>
        <source>Key field (district number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="79"/>
        <source>Sort pages by (default: key, else name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="81"/>
        <source>Only districts where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="83"/>
        <source>Indicator labels and units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="84"/>
        <source>Directions of need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="85"/>
        <source>Rates from counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="86"/>
        <source>Indicators that are counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="88"/>
        <source>Population field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="90"/>
        <source>Minimum population</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="92"/>
        <source>Suppress counts below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="94"/>
        <source>Class field (badge)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="96"/>
        <source>Cluster field (badge)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="98"/>
        <source>Sheet title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="99"/>
        <source>Source line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="100"/>
        <source>Layout template (.qpt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="102"/>
        <source>One PDF per district in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="107"/>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="108"/>
        <source>Layout name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="109"/>
        <source>Folder with GeoPackage and charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="161"/>
        <source>{n} districts, {k} indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="175"/>
        <source>{pages} pages written to {file}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SozialraumPlugin</name>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="28"/>
        <source>1 Join data</source>
        <translation>1 Daten verbinden</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="28"/>
        <source>Join an indicator table (CSV, XLSX, ODS) to district boundaries and report what did not match</source>
        <translation>Eine Indikatortabelle (CSV, XLSX, ODS) mit den Gebietsgrenzen verbinden und berichten, was nicht zugeordnet wurde</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="31"/>
        <source>2 Assess need</source>
        <translation>2 Bedarf bewerten</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="31"/>
        <source>Composite need index, including the Berlin MSS method, with small-number protection</source>
        <translation>Bedarfsindex, auch nach dem Berliner Monitoring Soziale Stadtentwicklung, mit Schutz kleiner Fallzahlen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="34"/>
        <source>3 Need clusters</source>
        <translation>3 Bedarfscluster</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="34"/>
        <source>Group districts into need clusters (k-means or Ward), numbered by need</source>
        <translation>Gebiete zu Bedarfsclustern gruppieren (k-Means oder Ward), nach Bedarf nummeriert</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="37"/>
        <source>4 Thematic map</source>
        <translation>4 Themenkarte</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="37"/>
        <source>Classify an indicator and lay out a printable map (PDF, PNG, SVG)</source>
        <translation>Einen Indikator klassifizieren und eine druckfertige Karte gestalten (PDF, PNG, SVG)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="40"/>
        <source>5 District profiles</source>
        <translation>5 Sozialraumprofile</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="40"/>
        <source>One printable profile sheet per district</source>
        <translation>Ein druckfertiges Profilblatt je Sozialraum</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="43"/>
        <source>6 Full report</source>
        <translation>6 Gesamtbericht</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="43"/>
        <source>Run the whole report from a saved report definition</source>
        <translation>Den ganzen Bericht aus einer gespeicherten Berichtsdefinition erstellen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="71"/>
        <source>Sozialraum</source>
        <translation>Sozialraum</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="82"/>
        <source>Help and about</source>
        <translation>Hilfe und Info</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="84"/>
        <source>What Sozialraum does, its version and where to report problems</source>
        <translation>Was Sozialraum kann, seine Version und wo man Probleme meldet</translation>
    </message>
</context>
<context>
    <name>SozialraumProvider</name>
    <message>
        <location filename="../sozialraum_plugin/processing/provider.py" line="16"/>
        <source>Sozialraum</source>
        <translation>Sozialraum</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/provider.py" line="19"/>
        <source>Sozialraum – small-area social reporting</source>
        <translation>Sozialraum – kleinräumige Sozialberichterstattung</translation>
    </message>
</context>
<context>
    <name>Styles</name>
    <message>
        <location filename="../sozialraum_plugin/gis/styles.py" line="297"/>
        <source>not a GeoPackage layer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThematicMapAlgorithm</name>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="44"/>
        <source>Thematic map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="50"/>
        <source>Classifies a field of a district layer and lays out a printable map: title, legend with class counts, scale bar, north arrow, source, licence, date and a note on the method. The layout stays in the project's Layout Manager as 'Sozialraum – &lt;title&gt;' (running again replaces it) with its styled layers in a group of the same name; the input layer is not changed.

METHOD: jenks, quantile, equal, stddev (mean ± 1 SD steps), pretty, fixed (INTERVAL), mss (status index thresholds −1.0 / +1.0 / +1.5), sdmultiples (mean + k·SD with the SD_MULTIPLES k), categorized (MSS classes, dynamics, the 12 groups and clusters get fixed colours in need order). With no more distinct values than classes every value gets its own class.
Areas where INVALID_FIELD (default 'valid') is false are hatched grey ('keine Bewertung'), areas without a value too ('keine Daten'). MASK_LAYER covers uninhabited land.
OUTPUT: .pdf (vector; SERIES_FIELDS gives one page per field), .png or .svg (one file per page). SAVE_STYLE stores the style in a GeoPackage input's layer_styles table; other sources are never written to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="72"/>
        <source>District layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="73"/>
        <source>Field to map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="74"/>
        <source>Classification method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="76"/>
        <source>Number of classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="78"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="79"/>
        <source>Subtitle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="80"/>
        <source>Legend title (default: field alias)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="82"/>
        <source>Unit shown after the values (e.g. %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="84"/>
        <source>Page size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="86"/>
        <source>Orientation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="88"/>
        <source>Colour ramp (ColorBrewer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="90"/>
        <source>Invert the ramp (higher value = less need)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="92"/>
        <source>Label the districts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="93"/>
        <source>Label field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="95"/>
        <source>Validity field (false = not assessed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="97"/>
        <source>Uninhabited areas (mask)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="99"/>
        <source>Series: more fields, one page each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="101"/>
        <source>Class width for &apos;fixed&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="103"/>
        <source>SD multiples for &apos;sdmultiples&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="105"/>
        <source>Source line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="107"/>
        <source>Licence line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="108"/>
        <source>Logo (SVG or PNG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="110"/>
        <source>Layout template (.qpt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="112"/>
        <source>Resolution (dpi)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="115"/>
        <source>Save the style in the GeoPackage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="117"/>
        <source>Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="119"/>
        <source>Layout name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="120"/>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="175"/>
        <source>{field}: {excluded} area(s) not assessed, {missing} without a value (hatched grey)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="182"/>
        <source>Layout &apos;{name}&apos;, {pages} page(s), written in {seconds:.1f} s: {files}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="193"/>
        <source>The style of {field} was not saved: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
