<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>About</name>
    <message>
        <location filename="../sozialraum_plugin/gui/about.py" line="14" />
        <source>&lt;h3&gt;Sozialraum {version}&lt;/h3&gt;&lt;p&gt;Small-area social reporting for QGIS: join indicator tables to districts, classify need, print thematic maps and district profile sheets.&lt;/p&gt;&lt;p&gt;Every step is also a Processing algorithm in the toolbox under &lt;i&gt;Sozialraum&lt;/i&gt;.&lt;/p&gt;&lt;p&gt;Licence: GPL-2.0-or-later. Sample data: see resources/sample/*/SOURCE.md.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Sozialraum {version}&lt;/h3&gt;&lt;p&gt;Kleinräumige Sozialberichterstattung für QGIS: Indikatortabellen mit Sozialräumen verbinden, Bedarf bewerten, Themenkarten und Sozialraumprofile drucken.&lt;/p&gt;&lt;p&gt;Jeder Schritt ist auch ein Processing-Algorithmus in der Werkzeugkiste unter &lt;i&gt;Sozialraum&lt;/i&gt;.&lt;/p&gt;&lt;p&gt;Lizenz: GPL-2.0-or-later. Beispieldaten: siehe resources/sample/*/SOURCE.md.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/about.py" line="26" />
        <source>About Sozialraum</source>
        <translation>Über Sozialraum</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <location filename="../sozialraum_plugin/gui/launch.py" line="14" />
        <source>Sozialraum</source>
        <translation>Sozialraum</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/launch.py" line="14" />
        <source>This step is not available in this version yet: {0}</source>
        <translation>Dieser Schritt ist in dieser Version noch nicht verfügbar: {0}</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../sozialraum_plugin/toolbelt/messages.py" line="18" />
        <source>File not found: {file}</source>
        <translation>Datei nicht gefunden: {file}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/toolbelt/messages.py" line="19" />
        <source>The file {file} is empty.</source>
        <translation>Die Datei {file} ist leer.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/toolbelt/messages.py" line="20" />
        <source>The file {file} cannot be read: {reason}</source>
        <translation>Die Datei {file} kann nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/toolbelt/messages.py" line="21" />
        <source>The file {file} is in no known text encoding (tried {tried}).</source>
        <translation>Die Datei {file} hat keine bekannte Zeichenkodierung (versucht: {tried}).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/toolbelt/messages.py" line="22" />
        <source>The file {file} has a format that cannot be read ({suffix}). Use CSV, TXT, XLSX or ODS.</source>
        <translation>Das Format der Datei {file} kann nicht gelesen werden ({suffix}). Bitte CSV, TXT, XLSX oder ODS verwenden.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/toolbelt/messages.py" line="23" />
        <source>The sheet {sheet} does not exist in {file}. Sheets: {sheets}.</source>
        <translation>Das Tabellenblatt {sheet} gibt es in {file} nicht. Vorhandene Blätter: {sheets}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/toolbelt/messages.py" line="24" />
        <source>Header row {row} does not exist in {file} ({rows} rows).</source>
        <translation>Kopfzeile {row} gibt es in {file} nicht ({rows} Zeilen).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/toolbelt/messages.py" line="25" />
        <source>The column {column} does not exist in {file}. Columns: {columns}.</source>
        <translation>Die Spalte {column} gibt es in {file} nicht. Vorhandene Spalten: {columns}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/toolbelt/messages.py" line="26" />
        <source>Row {row} of {file} has {found} cells where the header has {expected}.</source>
        <translation>Zeile {row} von {file} hat {found} Zellen, die Kopfzeile aber {expected}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/toolbelt/messages.py" line="27" />
        <source>No columns were found in {file}.</source>
        <translation>In {file} wurden keine Spalten gefunden.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/toolbelt/messages.py" line="28" />
        <source>The long table {file} has several values for district {key}, year {year}, indicator {indicator}.</source>
        <translation>Die lange Tabelle {file} hat mehrere Werte für Gebiet {key}, Jahr {year}, Indikator {indicator}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/toolbelt/messages.py" line="29" />
        <source>The key column {column} of {file} is empty in every row.</source>
        <translation>Die Schlüsselspalte {column} von {file} ist in jeder Zeile leer.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/toolbelt/messages.py" line="30" />
        <source>Not one row of {file} matches a district: these two do not belong together.</source>
        <translation>Keine einzige Zeile von {file} passt zu einem Gebiet: Diese beiden gehören nicht zusammen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/toolbelt/messages.py" line="31" />
        <source>The field {column} holds no numbers (row {row}: {value!r}).</source>
        <translation>Das Feld {column} enthält keine Zahlen (Zeile {row}: {value!r}).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/toolbelt/messages.py" line="32" />
        <source>The indicator {column} has the same value in every valid area; it cannot be standardised.</source>
        <translation>Der Indikator {column} hat in allen gültigen Gebieten denselben Wert und kann nicht standardisiert werden.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/toolbelt/messages.py" line="33" />
        <source>Only {n} areas have complete values; at least {needed} are needed.</source>
        <translation>Nur {n} Gebiete haben vollständige Werte; mindestens {needed} werden gebraucht.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/toolbelt/messages.py" line="34" />
        <source>{k} clusters were asked for, but only {n} areas have complete values.</source>
        <translation>{k} Cluster wurden verlangt, aber nur {n} Gebiete haben vollständige Werte.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/toolbelt/messages.py" line="35" />
        <source>The indicator {column} has no value in any area.</source>
        <translation>Der Indikator {column} hat in keinem Gebiet einen Wert.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/toolbelt/messages.py" line="36" />
        <source>{n_weights} weights were given for {n_fields} indicators.</source>
        <translation>{n_weights} Gewichte wurden für {n_fields} Indikatoren angegeben.</translation>
    </message>
</context>
<context>
    <name>SozialraumPlugin</name>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="28" />
        <source>1 Join data</source>
        <translation>1 Daten verbinden</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="28" />
        <source>Join an indicator table (CSV, XLSX, ODS) to district boundaries and report what did not match</source>
        <translation>Eine Indikatortabelle (CSV, XLSX, ODS) mit den Gebietsgrenzen verbinden und berichten, was nicht zugeordnet wurde</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="31" />
        <source>2 Assess need</source>
        <translation>2 Bedarf bewerten</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="31" />
        <source>Composite need index, including the Berlin MSS method, with small-number protection</source>
        <translation>Bedarfsindex, auch nach dem Berliner Monitoring Soziale Stadtentwicklung, mit Schutz kleiner Fallzahlen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="34" />
        <source>3 Need clusters</source>
        <translation>3 Bedarfscluster</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="34" />
        <source>Group districts into need clusters (k-means or Ward), numbered by need</source>
        <translation>Gebiete zu Bedarfsclustern gruppieren (k-Means oder Ward), nach Bedarf nummeriert</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="37" />
        <source>4 Thematic map</source>
        <translation>4 Themenkarte</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="37" />
        <source>Classify an indicator and lay out a printable map (PDF, PNG, SVG)</source>
        <translation>Einen Indikator klassifizieren und eine druckfertige Karte gestalten (PDF, PNG, SVG)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="40" />
        <source>5 District profiles</source>
        <translation>5 Sozialraumprofile</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="40" />
        <source>One printable profile sheet per district</source>
        <translation>Ein druckfertiges Profilblatt je Sozialraum</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="43" />
        <source>6 Full report</source>
        <translation>6 Gesamtbericht</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="43" />
        <source>Run the whole report from a saved report definition</source>
        <translation>Den ganzen Bericht aus einer gespeicherten Berichtsdefinition erstellen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="71" />
        <source>Sozialraum</source>
        <translation>Sozialraum</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="82" />
        <source>Help and about</source>
        <translation>Hilfe und Info</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="84" />
        <source>What Sozialraum does, its version and where to report problems</source>
        <translation>Was Sozialraum kann, seine Version und wo man Probleme meldet</translation>
    </message>
</context>
<context>
    <name>SozialraumProvider</name>
    <message>
        <location filename="../sozialraum_plugin/processing/provider.py" line="16" />
        <source>Sozialraum</source>
        <translation>Sozialraum</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/provider.py" line="19" />
        <source>Sozialraum – small-area social reporting</source>
        <translation>Sozialraum – kleinräumige Sozialberichterstattung</translation>
    </message>
</context>
</TS>