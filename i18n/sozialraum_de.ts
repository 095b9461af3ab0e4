<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>About</name>
    <message>
        <location filename="../sozialraum_plugin/gui/about.py" line="13"/>
        <source>&lt;h3&gt;Sozialraum {version}&lt;/h3&gt;&lt;p&gt;Small-area social reporting for QGIS: join indicator tables to districts, classify need, print thematic maps and district profile sheets.&lt;/p&gt;&lt;p&gt;Every step is also a Processing algorithm in the toolbox under &lt;i&gt;Sozialraum&lt;/i&gt;.&lt;/p&gt;&lt;p&gt;Licence: GPL-2.0-or-later. Sample data: see resources/sample/*/SOURCE.md.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Sozialraum {version}&lt;/h3&gt;&lt;p&gt;Kleinräumige Sozialberichterstattung für QGIS: Indikatortabellen mit Sozialräumen verbinden, Bedarf bewerten, Themenkarten und Sozialraumprofile drucken.&lt;/p&gt;&lt;p&gt;Jeder Schritt ist auch ein Processing-Algorithmus in der Werkzeugkiste unter &lt;i&gt;Sozialraum&lt;/i&gt;.&lt;/p&gt;&lt;p&gt;Lizenz: GPL-2.0-or-later. Beispieldaten: siehe resources/sample/*/SOURCE.md.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/about.py" line="25"/>
        <source>About Sozialraum</source>
        <translation>Über Sozialraum</translation>
    </message>
</context>
<context>
    <name>AggregateAlgorithm</name>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/aggregate.py" line="28"/>
        <source>Aggregate districts to a parent level</source>
        <translation>Gebiete zu einer übergeordneten Ebene zusammenfassen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/aggregate.py" line="31"/>
        <source>Sums the counts of the districts of INPUT per parent (Planungsraum → Bezirksregion → Bezirk) and writes one dissolved polygon per parent: the parent key, n_children (the number of districts it was built from), the summed counts and the rates.

The parent comes from PARENT_FIELD (a field of INPUT), or from a LOOKUP table (CSV, TXT, XLSX, ODS or a table layer) with the district key in LOOKUP_KEY and the parent key in LOOKUP_PARENT; KEY_FIELD is then the district key of INPUT. Keys are compared as text (01100101 keeps its zero); a lookup written with other key forms (1100101) is matched as the join does. PARENT_NAME: a name carried along (a column of LOOKUP, or without LOOKUP a field of INPUT). Districts without a parent are listed by key.

COUNT_FIELDS are summed. RATES: name=numerator/denominator;… computed from the summed counts (Σ numerator / Σ denominator × scale, never an average of the districts' rates); the scale follows UNIT (% → 100, ‰ → 1000, 'je 1.000' → 1000), an entry may give its own after a bar: kq=unter6/Gesamt|‰.

A parent with a missing count of one of its districts has no value for it, not a smaller sum; tick MISSING_AS_ZERO only for a table that writes zero as empty or '–'.

The output is for publication: counts below SUPPRESS_BELOW (default 3) are NULL, as are parents that would give a hidden district count back (a parent minus its shown districts), parents that would come back from the city total, and rates from hidden counts; suppressed_fields lists them. The districts are assumed published by the same rule (with POPULATION_FIELD and MIN_POPULATION where given); cells the office already suppressed (suppressed_fields of a joined layer) count as hidden. Give INPUT with raw values: a district NULLed by a publication makes its parent's sum missing.</source>
        <translation>Summiert die Zählwerte der Gebiete von INPUT je übergeordnetem Gebiet (Planungsraum → Bezirksregion → Bezirk) und schreibt je übergeordnetes Gebiet ein zusammengefasstes Polygon: den Schlüssel des übergeordneten Gebiets, n_children (die Zahl der Gebiete, aus denen es gebildet wurde), die summierten Zählwerte und die Quoten.

Das übergeordnete Gebiet kommt aus PARENT_FIELD (einem Feld von INPUT) oder aus einer Zuordnungstabelle LOOKUP (CSV, TXT, XLSX, ODS oder eine Tabellenebene) mit dem Gebietsschlüssel in LOOKUP_KEY und dem Schlüssel des übergeordneten Gebiets in LOOKUP_PARENT; KEY_FIELD ist dann der Gebietsschlüssel von INPUT. Schlüssel werden als Text verglichen (01100101 behält seine Null); eine Zuordnung mit anders geschriebenen Schlüsseln (1100101) wird wie beim Verbinden zugeordnet. PARENT_NAME: ein mitgeführter Name (eine Spalte von LOOKUP, ohne LOOKUP ein Feld von INPUT). Gebiete ohne übergeordnetes Gebiet werden mit Schlüssel aufgeführt.

COUNT_FIELDS werden summiert. RATES: name=Zähler/Nenner;… aus den summierten Zählwerten berechnet (Σ Zähler / Σ Nenner × Faktor, nie ein Mittel der Quoten der Gebiete); der Faktor folgt UNIT (% → 100, ‰ → 1000, 'je 1.000' → 1000), ein Eintrag kann nach einem senkrechten Strich eine eigene Einheit nennen: kq=unter6/Gesamt|‰.

Fehlt bei einem seiner Gebiete ein Zählwert, hat das übergeordnete Gebiet dafür keinen Wert, keine kleinere Summe; MISSING_AS_ZERO nur für eine Tabelle ankreuzen, die null als leer oder '–' schreibt.

Die Ausgabe ist zur Veröffentlichung bestimmt: Zählwerte unter SUPPRESS_BELOW (Standard 3) sind NULL, ebenso übergeordnete Gebiete, die einen verborgenen Wert eines Gebiets zurückgäben (übergeordnetes Gebiet minus seine gezeigten Gebiete), übergeordnete Gebiete, die aus der Stadtsumme zurückzurechnen wären, und Quoten aus verborgenen Zählwerten; suppressed_fields führt sie auf. Die Gebiete gelten als nach derselben Regel veröffentlicht (mit POPULATION_FIELD und MIN_POPULATION, wo angegeben); Zellen, die das Amt schon unterdrückt hat (suppressed_fields einer verbundenen Ebene), gelten als verborgen. INPUT mit Rohwerten angeben: ein durch eine Veröffentlichung geleertes Gebiet macht die Summe seines übergeordneten Gebiets fehlend.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/aggregate.py" line="57"/>
        <source>Districts with counts</source>
        <translation>Gebiete mit Zählwerten</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/aggregate.py" line="59"/>
        <source>District key</source>
        <translation>Gebietsschlüssel</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/aggregate.py" line="61"/>
        <source>Parent key field</source>
        <translation>Feld mit dem Schlüssel des übergeordneten Gebiets</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/aggregate.py" line="63"/>
        <source>Lookup table (district key → parent key)</source>
        <translation>Zuordnungstabelle (Gebietsschlüssel → übergeordneter Schlüssel)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/aggregate.py" line="63"/>
        <source>Tables (*.csv *.txt *.tsv *.xlsx *.ods);;All files (*.*)</source>
        <translation>Tabellen (*.csv *.txt *.tsv *.xlsx *.ods);;Alle Dateien (*.*)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/aggregate.py" line="66"/>
        <source>Lookup: district key column</source>
        <translation>Zuordnung: Spalte des Gebietsschlüssels</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/aggregate.py" line="68"/>
        <source>Lookup: parent key column</source>
        <translation>Zuordnung: Spalte des übergeordneten Schlüssels</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/aggregate.py" line="70"/>
        <source>Parent name (column of LOOKUP, else field of INPUT)</source>
        <translation>Name des übergeordneten Gebiets (Spalte von LOOKUP, sonst Feld von INPUT)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/aggregate.py" line="72"/>
        <source>Counts to sum</source>
        <translation>Zu summierende Zählwerte</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/aggregate.py" line="74"/>
        <source>Rates (name=numerator/denominator;…)</source>
        <translation>Quoten (name=Zähler/Nenner;…)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/aggregate.py" line="76"/>
        <source>Unit of the rates</source>
        <translation>Einheit der Quoten</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/aggregate.py" line="78"/>
        <source>A missing count is zero</source>
        <translation>Ein fehlender Zählwert ist null</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/aggregate.py" line="80"/>
        <source>Suppress counts below</source>
        <translation>Zählwerte unterdrücken unter</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/aggregate.py" line="83"/>
        <source>Population field (for the districts&apos; population rule)</source>
        <translation>Einwohnerfeld (für die Einwohnerregel der Gebiete)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/aggregate.py" line="86"/>
        <source>Minimum population</source>
        <translation>Mindesteinwohnerzahl</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/aggregate.py" line="89"/>
        <source>Raw sums, without the publication rule (internal)</source>
        <translation>Rohsummen, ohne Veröffentlichungsregel (intern)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/aggregate.py" line="94"/>
        <source>Parents (GeoPackage)</source>
        <translation>Übergeordnete Gebiete (GeoPackage)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/aggregate.py" line="96"/>
        <source>Parents written</source>
        <translation>Geschriebene übergeordnete Gebiete</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/aggregate.py" line="96"/>
        <source>Districts without a parent</source>
        <translation>Gebiete ohne übergeordnetes Gebiet</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/aggregate.py" line="96"/>
        <source>Parent cells hidden</source>
        <translation>Verborgene Zellen der übergeordneten Gebiete</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/aggregate.py" line="167"/>
        <source>Keys compared: {0}</source>
        <translation>Schlüssel verglichen: {0}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/aggregate.py" line="221"/>
        <source>{0} parents from {1} districts.</source>
        <translation>{0} übergeordnete Gebiete aus {1} Gebieten.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/aggregate.py" line="225"/>
        <source>{0} districts have no parent and are in no sum: {1}</source>
        <translation>{0} Gebiete haben kein übergeordnetes Gebiet und sind in keiner Summe: {1}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/aggregate.py" line="228"/>
        <source>{0}: a district count is missing in {1} parents ({2})</source>
        <translation>{0}: in {1} übergeordneten Gebieten fehlt ein Zählwert eines Gebiets ({2})</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/aggregate.py" line="234"/>
        <source>Hidden by the publication rule: {0} small, {1} complementary, {2} derived.</source>
        <translation>Von der Veröffentlichungsregel verborgen: {0} klein, {1} komplementär, {2} abgeleitet.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/aggregate.py" line="205"/>
        <source>{0} districts had an invalid polygon, repaired before the union: {1}</source>
        <translation>{0} Gebiete hatten ein ungültiges Polygon, vor der Vereinigung repariert: {1}</translation>
    </message>
</context>
<context>
    <name>AllocateAlgorithm</name>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/allocate.py" line="29"/>
        <source>Allocate a budget by need</source>
        <translation>Budget nach Bedarf verteilen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/allocate.py" line="32"/>
        <source>Splits BUDGET (euros) over the districts of INPUT in proportion to POPULATION_FIELD (the target population, e.g. children under 6) times a need factor from NEED_FIELD (Berlin's Wertausgleich: a per-capita base multiplied by a social factor). The allocations add up to the budget to the cent: amounts are whole cents, the cents left after rounding go to the largest remainders (ties: the district key).

FACTORS: class=factor pairs, e.g. hoch=0.8;mittel=1.0;niedrig=1.2;sehr niedrig=1.5 or by code 1=0.8;2=1;3=1.2;4=1.5 (the MSS classes in German or English name the same class), for a class field such as status_class or status_code; or a rule for a continuous index such as status_index: linear:LOW:HIGH (the smallest index gets LOW, the largest HIGH, linear between) or slope:A:B[:MIN:MAX] (factor = A + B × index, clipped to MIN … MAX).

FLOOR / CAP (optional): an amount in euros for every district, or a field holding each district's amount; kept by water-filling (districts below their floor or above their cap are fixed there, the rest is split again). Floors above the budget or caps below it are refused with the sums. Districts without a population or without a factor get nothing and are listed.

OUTPUT: the districts with need_factor, base_share (the pure per-capita split), allocation, difference (allocation − base_share), per_capita and allocation_note. TABLE (.xlsx or .csv): each district's base share, need factor, allocation and difference with a total row, and a sensitivity sheet: every factor (class) changed by +10 % and −10 %, the allocations and their change per district and the largest change.

Publication rule: an allocation gives the target population back, and the budget is printed. With PUBLISHED (default) OUTPUT and TABLE hide the population and the money of districts whose population count is below THRESHOLD (default 3) or listed in suppressed_fields, and of enough partners (same class first) that none can be computed back from the total; their sum is printed as one row. TABLE_INTERNAL: the full table for the finance department, not for publication.

KEY_FIELD and NAME_FIELD name the districts in the tables. LANGUAGE (de | en): headers, notes and number marks.</source>
        <translation>Verteilt BUDGET (Euro) auf die Gebiete von INPUT im Verhältnis von POPULATION_FIELD (der Zielgruppe, z. B. Kinder unter 6 Jahren) mal einem Bedarfsfaktor aus NEED_FIELD (Berliner Wertausgleich: ein Pro-Kopf-Sockel multipliziert mit einem Sozialfaktor). Die Zuweisungen ergeben das Budget auf den Cent: Beträge sind ganze Cent, die nach dem Abrunden übrigen Cent gehen an die größten Reste (bei Gleichstand nach Gebietsschlüssel).

FACTORS: Paare Klasse=Faktor, z. B. hoch=0.8;mittel=1.0;niedrig=1.2;sehr niedrig=1.5 oder nach Code 1=0.8;2=1;3=1.2;4=1.5 (die MSS-Klassen auf Deutsch oder Englisch bezeichnen dieselbe Klasse), für ein Klassenfeld wie status_class oder status_code; oder eine Regel für einen stetigen Index wie status_index: linear:UNTEN:OBEN (der kleinste Index erhält UNTEN, der größte OBEN, linear dazwischen) oder slope:A:B[:MIN:MAX] (Faktor = A + B × Index, begrenzt auf MIN … MAX).

FLOOR / CAP (optional): ein Betrag in Euro für jedes Gebiet oder ein Feld mit dem Betrag jedes Gebiets; eingehalten durch Auffüllen (Gebiete unter ihrer Untergrenze oder über ihrer Obergrenze werden dort festgesetzt, der Rest wird neu verteilt). Untergrenzen über dem Budget oder Obergrenzen darunter werden mit den Summen abgelehnt. Gebiete ohne Einwohnerzahl oder ohne Faktor erhalten nichts und werden aufgeführt.

OUTPUT: die Gebiete mit need_factor, base_share (die reine Pro-Kopf-Verteilung), allocation, difference (allocation − base_share), per_capita und allocation_note. TABLE (.xlsx oder .csv): Pro-Kopf-Anteil, Bedarfsfaktor, Zuweisung und Differenz jedes Gebiets mit einer Summenzeile und ein Blatt zur Sensitivität: jeder Faktor (jede Klasse) um +10 % und −10 % geändert, die Zuweisungen und ihre Änderung je Gebiet und die größte Änderung.

Veröffentlichungsregel: eine Zuweisung gibt die Zielgruppe zurück, und das Budget wird gedruckt. Mit PUBLISHED (Standard) verbergen OUTPUT und TABLE die Einwohnerzahl und das Geld von Gebieten, deren Zählwert unter THRESHOLD (Standard 3) liegt oder in suppressed_fields steht, und von so vielen Partnern (zuerst derselben Klasse), dass keines aus der Summe zurückgerechnet werden kann; ihre Summe steht in einer Zeile. TABLE_INTERNAL: die vollständige Tabelle für die Finanzabteilung, nicht zur Veröffentlichung.

KEY_FIELD und NAME_FIELD benennen die Gebiete in den Tabellen. LANGUAGE (de | en): Spaltenköpfe, Hinweise und Zahlenformat.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/allocate.py" line="59"/>
        <source>Districts</source>
        <translation>Gebiete</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/allocate.py" line="61"/>
        <source>Budget (€)</source>
        <translation>Budget (€)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/allocate.py" line="63"/>
        <source>Target population</source>
        <translation>Zielgruppe (Einwohnerzahl)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/allocate.py" line="65"/>
        <source>Need class or index</source>
        <translation>Bedarfsklasse oder -index</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/allocate.py" line="67"/>
        <source>Need factors (class=factor;… or linear:LOW:HIGH or slope:A:B[:MIN:MAX])</source>
        <translation>Bedarfsfaktoren (Klasse=Faktor;… oder linear:UNTEN:OBEN oder slope:A:B[:MIN:MAX])</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/allocate.py" line="70"/>
        <source>Floor per district (€ or a field)</source>
        <translation>Untergrenze je Gebiet (€ oder ein Feld)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/allocate.py" line="72"/>
        <source>Cap per district (€ or a field)</source>
        <translation>Obergrenze je Gebiet (€ oder ein Feld)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/allocate.py" line="74"/>
        <source>Districts with allocation</source>
        <translation>Gebiete mit Zuweisung</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/allocate.py" line="76"/>
        <source>Allocation table</source>
        <translation>Verteilungstabelle</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/allocate.py" line="87"/>
        <source>XLSX (*.xlsx);;CSV (*.csv)</source>
        <translation>XLSX (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/allocate.py" line="79"/>
        <source>District key</source>
        <translation>Gebietsschlüssel</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/allocate.py" line="81"/>
        <source>District name</source>
        <translation>Gebietsname</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/allocate.py" line="83"/>
        <source>Apply the publication rule to OUTPUT and TABLE</source>
        <translation>Veröffentlichungsregel auf OUTPUT und TABLE anwenden</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/allocate.py" line="85"/>
        <source>Counts below this are hidden</source>
        <translation>Zählwerte darunter werden verborgen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/allocate.py" line="87"/>
        <source>Internal table (every value; not for publication)</source>
        <translation>Interne Tabelle (alle Werte; nicht zur Veröffentlichung)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/allocate.py" line="95"/>
        <source>Sum of the allocations (€)</source>
        <translation>Summe der Zuweisungen (€)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/allocate.py" line="95"/>
        <source>Districts hidden in the published outputs</source>
        <translation>In den veröffentlichten Ausgaben verborgene Gebiete</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/allocate.py" line="95"/>
        <source>Largest change at ±10 % (€)</source>
        <translation>Größte Änderung bei ±10 % (€)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/allocate.py" line="137"/>
        <source>Split {0} over {1} districts.</source>
        <translation>{0} auf {1} Gebiete verteilt.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/allocate.py" line="148"/>
        <source>{0} districts get nothing (no population or no need factor): {1}</source>
        <translation>{0} Gebiete erhalten nichts (keine Einwohnerzahl oder kein Bedarfsfaktor): {1}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/allocate.py" line="151"/>
        <source>{0} districts&apos; allocations are hidden in the published outputs ({1} of them as partners, so that none can be computed back from the total).</source>
        <translation>Die Zuweisungen von {0} Gebieten sind in den veröffentlichten Ausgaben verborgen ({1} davon als Partner, damit keine aus der Summe zurückgerechnet werden kann).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/allocate.py" line="154"/>
        <source>Largest change of an allocation when a factor changes by ±10 %: {0}</source>
        <translation>Größte Änderung einer Zuweisung, wenn sich ein Faktor um ±10 % ändert: {0}</translation>
    </message>
</context>
<context>
    <name>Allocation</name>
    <message>
        <location filename="../sozialraum_plugin/core/supply/allocation_run.py" line="114"/>
        <source>no population</source>
        <translation>keine Bevölkerung</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/supply/allocation_run.py" line="114"/>
        <source>no need factor</source>
        <translation>kein Bedarfsfaktor</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/supply/allocation_run.py" line="114"/>
        <source>floor</source>
        <translation>Untergrenze</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/supply/allocation_run.py" line="114"/>
        <source>cap</source>
        <translation>Obergrenze</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/supply/allocate_table.py" line="107"/>
        <source>District</source>
        <translation>Gebiet</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/supply/allocate_table.py" line="108"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/supply/allocate_table.py" line="65"/>
        <source>Need factor</source>
        <translation>Bedarfsfaktor</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/supply/allocate_table.py" line="66"/>
        <source>Per-capita share (€)</source>
        <translation>Pro-Kopf-Anteil (€)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/supply/allocate_table.py" line="109"/>
        <source>Allocation (€)</source>
        <translation>Zuweisung (€)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/supply/allocate_table.py" line="68"/>
        <source>Difference to per-capita share (€)</source>
        <translation>Differenz zum Pro-Kopf-Anteil (€)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/supply/allocate_table.py" line="69"/>
        <source>Allocation per head (€)</source>
        <translation>Zuweisung je Person (€)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/supply/allocate_table.py" line="70"/>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/supply/allocate_table.py" line="89"/>
        <source>Hidden districts ({0})</source>
        <translation>Verborgene Gebiete ({0})</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/supply/allocate_table.py" line="94"/>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/supply/allocate_table.py" line="97"/>
        <source>Allocation</source>
        <translation>Verteilung</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/supply/allocate_table.py" line="113"/>
        <source>{0}: allocation (€)</source>
        <translation>{0}: Zuweisung (€)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/supply/allocate_table.py" line="115"/>
        <source>{0}: change (€)</source>
        <translation>{0}: Änderung (€)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/supply/allocate_table.py" line="128"/>
        <source>Largest change</source>
        <translation>Größte Änderung</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/supply/allocate_table.py" line="132"/>
        <source>Sensitivity</source>
        <translation>Sensitivität</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/supply/allocation_run.py" line="65"/>
        <source>Internal: contains values that must not be published (small counts).</source>
        <translation>Intern: enthält Werte, die nicht veröffentlicht werden dürfen (kleine Zahlen).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/supply/allocate_table.py" line="25"/>
        <source>LOW</source>
        <translation>UNTEN</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/supply/allocate_table.py" line="25"/>
        <source>HIGH</source>
        <translation>OBEN</translation>
    </message>
</context>
<context>
    <name>Appendix</name>
    <message>
        <location filename="../sozialraum_plugin/gis/appendix.py" line="76"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/appendix.py" line="76"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/appendix.py" line="222"/>
        <source>sum of all districts</source>
        <translation>Summe aller Gebiete</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/appendix.py" line="223"/>
        <source>sum of numerators / sum of denominators</source>
        <translation>Summe der Zähler / Summe der Nenner</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/appendix.py" line="224"/>
        <source>median of the districts shown</source>
        <translation>Median der ausgewiesenen Gebiete</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/appendix.py" line="252"/>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/appendix.py" line="226"/>
        <source>Indicator</source>
        <translation>Indikator</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/appendix.py" line="241"/>
        <source>City</source>
        <translation>Stadt</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/appendix.py" line="228"/>
        <source>Computed as</source>
        <translation>Berechnet als</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/appendix.py" line="229"/>
        <source>Districts shown</source>
        <translation>Gebiete ausgewiesen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/appendix.py" line="230"/>
        <source>Districts hidden (·)</source>
        <translation>Gebiete gesperrt (·)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/appendix.py" line="250"/>
        <source>rate from counts</source>
        <translation>Quote aus Anzahlen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/appendix.py" line="250"/>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/appendix.py" line="251"/>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/appendix.py" line="253"/>
        <source>Header</source>
        <translation>Spaltenkopf</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/appendix.py" line="254"/>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/appendix.py" line="255"/>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/appendix.py" line="256"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/appendix.py" line="257"/>
        <source>Numerator</source>
        <translation>Zähler</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/appendix.py" line="258"/>
        <source>Denominator</source>
        <translation>Nenner</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/appendix.py" line="259"/>
        <source>Change between</source>
        <translation>Veränderung zwischen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/appendix.py" line="260"/>
        <source>Higher value means</source>
        <translation>Höherer Wert bedeutet</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/appendix.py" line="261"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/appendix.py" line="262"/>
        <source>Hidden below</source>
        <translation>Gesperrt unter</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/appendix.py" line="278"/>
        <source>change between two years</source>
        <translation>Veränderung zwischen zwei Jahren</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/appendix.py" line="281"/>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/appendix.py" line="285"/>
        <source>more need</source>
        <translation>mehr Bedarf</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/appendix.py" line="285"/>
        <source>less need</source>
        <translation>weniger Bedarf</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/appendix.py" line="289"/>
        <source>table {0}</source>
        <translation>Tabelle {0}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/appendix.py" line="296"/>
        <source>· = hidden by the publication rule (small numbers); an empty cell = no data.</source>
        <translation>· = gesperrt nach der Geheimhaltungsregel (kleine Fallzahlen); eine leere Zelle = keine Daten.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/appendix.py" line="302"/>
        <source>This file was written without openpyxl: hidden cells are empty here; the column “Hidden (·)” of each sheet names them, and Tabellenanhang.csv shows them as ·.</source>
        <translation>Diese Datei wurde ohne openpyxl geschrieben: gesperrte Zellen sind hier leer; die Spalte „Gesperrt (·)“ jedes Blattes nennt sie, und Tabellenanhang.csv zeigt sie als ·.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/appendix.py" line="309"/>
        <source>Definitions</source>
        <translation>Definitionen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/appendix.py" line="327"/>
        <source>Districts</source>
        <translation>Gebiete</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/report_appendix.py" line="93"/>
        <source>Hidden (·)</source>
        <translation>Gesperrt (·)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/appendix.py" line="298"/>
        <source>A city figure over exactly one hidden district is hidden too (·): the city figure minus the districts shown would give that district back.</source>
        <translation>Ein Stadtwert über genau ein gesperrtes Gebiet ist ebenfalls gesperrt (·): Stadtwert minus die ausgewiesenen Gebiete ergäbe dieses Gebiet.</translation>
    </message>
</context>
<context>
    <name>ClusterDialog</name>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_dialog.py" line="267"/>
        <source>Need clusters</source>
        <translation>Bedarfscluster</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_dialog.py" line="70"/>
        <source>&amp;Layer:</source>
        <translation>&amp;Layer:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_dialog.py" line="72"/>
        <source>use</source>
        <translation>verwenden</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_dialog.py" line="73"/>
        <source>&amp;Indicators:</source>
        <translation>&amp;Indikatoren:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_dialog.py" line="78"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_dialog.py" line="81"/>
        <source>k-means</source>
        <translation>k-means</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_dialog.py" line="81"/>
        <source>Ward (hierarchical)</source>
        <translation>Ward (hierarchisch)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_dialog.py" line="87"/>
        <source>The same seed gives the same clusters next time.</source>
        <translation>Derselbe Startwert ergibt beim nächsten Mal dieselben Cluster.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_dialog.py" line="94"/>
        <source>&amp;Method:</source>
        <translation>&amp;Methode:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_dialog.py" line="95"/>
        <source>S&amp;eed:</source>
        <translation>S&amp;tartwert:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_dialog.py" line="96"/>
        <source>Num&amp;ber clusters by:</source>
        <translation>Cluster &amp;nummerieren nach:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_dialog.py" line="101"/>
        <source>[temporary GeoPackage]</source>
        <translation>[temporäres GeoPackage]</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_dialog.py" line="101"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_dialog.py" line="103"/>
        <source>[no summary file]</source>
        <translation>[keine Übersichtsdatei]</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_dialog.py" line="103"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_dialog.py" line="105"/>
        <source>O&amp;utput layer:</source>
        <translation>A&amp;usgabelayer:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_dialog.py" line="106"/>
        <source>Summar&amp;y table:</source>
        <translation>Ü&amp;bersichtstabelle:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_dialog.py" line="117"/>
        <source>Number of clusters</source>
        <translation>Anzahl der Cluster</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_dialog.py" line="120"/>
        <source>&amp;Suggest k</source>
        <translation>k &amp;vorschlagen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_dialog.py" line="121"/>
        <source>Compare 2 to 8 clusters by silhouette and Calinski-Harabasz (higher is better)</source>
        <translation>2 bis 8 Cluster nach Silhouette und Calinski-Harabasz vergleichen (höher ist besser)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_dialog.py" line="126"/>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_dialog.py" line="129"/>
        <source>&amp;Number of clusters:</source>
        <translation>Anza&amp;hl der Cluster:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_dialog.py" line="136"/>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_dialog.py" line="136"/>
        <source>Silhouette</source>
        <translation>Silhouette</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_dialog.py" line="136"/>
        <source>Calinski-Harabasz</source>
        <translation>Calinski-Harabasz</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_dialog.py" line="136"/>
        <source>Explained</source>
        <translation>Erklärt</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_dialog.py" line="142"/>
        <source>Press “Suggest k” to compare numbers of clusters.</source>
        <translation>Mit „k vorschlagen“ lassen sich verschiedene Clusteranzahlen vergleichen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_dialog.py" line="149"/>
        <source>Clusters of the last run</source>
        <translation>Cluster des letzten Laufs</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_dialog.py" line="152"/>
        <source>Run the clustering to see its clusters here.</source>
        <translation>Nach der Clusterbildung werden die Cluster hier angezeigt.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_dialog.py" line="176"/>
        <source>The inputs changed: suggest again.</source>
        <translation>Die Eingaben haben sich geändert; bitte erneut vorschlagen lassen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_dialog.py" line="244"/>
        <source>Choose a layer and at least one indicator.</source>
        <translation>Bitte einen Layer und mindestens einen Indikator wählen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_dialog.py" line="214"/>
        <source>Suggested: k = {0} (highest silhouette, in bold). Another number may serve the report better: click a row or set the number.</source>
        <translation>Vorschlag: k = {0} (höchste Silhouette, fett). Eine andere Anzahl kann für den Bericht besser geeignet sein: Zeile anklicken oder Anzahl festlegen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_dialog.py" line="276"/>
        <source>{0} clusters; cluster 1 has the highest need. Centres in the units of the indicators.</source>
        <translation>{0} Cluster; Cluster 1 hat den höchsten Bedarf. Zentren in den Einheiten der Indikatoren.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_dialog.py" line="90"/>
        <source>Leave out areas with “valid” = false</source>
        <translation>Gebiete mit „valid“ = falsch auslassen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_dialog.py" line="91"/>
        <source>Areas the need index left out of the reference (too few residents, excluded) get no cluster.</source>
        <translation>Gebiete, die der Bedarfsindex aus der Bezugsgesamtheit genommen hat (zu wenige Einwohner oder per Ausdruck ausgeschlossen), erhalten kein Cluster.</translation>
    </message>
</context>
<context>
    <name>ClusterTables</name>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_tables.py" line="57"/>
        <source>Share of the variance between the clusters</source>
        <translation>Anteil der Varianz zwischen den Clustern</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_tables.py" line="63"/>
        <source>Best silhouette: the suggested number</source>
        <translation>Beste Silhouette: die vorgeschlagene Anzahl</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_tables.py" line="66"/>
        <source>Best Calinski-Harabasz</source>
        <translation>Bester Calinski-Harabasz-Wert</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_tables.py" line="82"/>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_tables.py" line="83"/>
        <source>Areas</source>
        <translation>Gebiete</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_tables.py" line="83"/>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/cluster_tables.py" line="82"/>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
</context>
<context>
    <name>Clusters</name>
    <message>
        <location filename="../sozialraum_plugin/core/needs/clusters.py" line="38"/>
        <source>{label} high</source>
        <translation>{label} hoch</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/needs/clusters.py" line="39"/>
        <source>{label} low</source>
        <translation>{label} niedrig</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/needs/clusters.py" line="40"/>
        <source>average</source>
        <translation>durchschnittlich</translation>
    </message>
</context>
<context>
    <name>DeriveIndicatorsAlgorithm</name>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/derive_indicators.py" line="26"/>
        <source>Rates and changes from counts</source>
        <translation>Quoten und Veränderungen aus Anzahlen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/derive_indicators.py" line="29"/>
        <source>Computes indicators from counts and writes them as new fields of a GeoPackage copy of INPUT (the source is never modified).

RATES: name=numerator/denominator;… e.g. sgb2_quote=Anzahl_2021/gesamt. The value is numerator / denominator × scale, the scale following UNIT: % → 100, ‰ → 1000, 'je 1.000 EW' or 'per 1,000' → 1000. An entry may give its own unit after a bar: kita=plaetze/kinder|je 1.000.
CHANGES: name=field:2019-2021 (field_2021 − field_2019) or name=numerator/denominator:2019-2021 (the rate's change in percentage points, from numerator_2019/denominator_2019 …). A name with {year} names its year columns itself: {year}_Anzahl/{year}.
INDICATORS: the same JSON a report definition holds (a list of objects with id, label, unit, direction, kind 'rate', numerator, denominator, change_between, base), or the path of a report definition; its rates and changes are computed.

SMOOTH adds &lt;name&gt;_eb, the global Empirical Bayes rate (Marshall): small areas are drawn toward the city rate. INTERVALS adds &lt;name&gt;_lo and &lt;name&gt;_hi, the Wilson score interval at LEVEL (default 0.95). Both for rates, not for changes.

A denominator of 0 or none gives no value (never infinity). Missing or non-numeric fields, negative counts and, for shares (unit % or ‰), a numerator above its denominator are refused with the district (KEY_FIELD) and the value named; untick SHARES (or write &quot;share&quot;: false in INDICATORS) for ratios such as places per child, which may exceed 100 %. What each new field means (label, unit, direction, numerator, denominator, years) is kept in the GeoPackage's table sozialraum_indicators.</source>
        <translation>Berechnet Indikatoren aus Anzahlen und schreibt sie als neue Felder in eine GeoPackage-Kopie von INPUT (die Quelle wird nie verändert).

RATES: Name=Zähler/Nenner;… z. B. sgb2_quote=Anzahl_2021/gesamt. Der Wert ist Zähler / Nenner × Faktor; der Faktor richtet sich nach UNIT: % → 100, ‰ → 1000, 'je 1.000 EW' oder 'per 1,000' → 1000. Ein Eintrag kann nach einem senkrechten Strich eine eigene Einheit angeben: kita=plaetze/kinder|je 1.000.
CHANGES: Name=Feld:2019-2021 (Feld_2021 − Feld_2019) oder Name=Zähler/Nenner:2019-2021 (die Veränderung der Quote in Prozentpunkten, aus Zähler_2019/Nenner_2019 …). Ein Name mit {year} benennt seine Jahresspalten selbst: {year}_Anzahl/{year}.
INDICATORS: dasselbe JSON, das eine Berichtsdefinition enthält (eine Liste von Objekten mit id, label, unit, direction, kind 'rate', numerator, denominator, change_between, base), oder der Pfad einer Berichtsdefinition; deren Quoten und Veränderungen werden berechnet.

SMOOTH ergänzt &lt;name&gt;_eb, die globale Empirical-Bayes-Quote (Marshall): Kleine Gebiete werden zur Quote der Gesamtstadt hin gezogen. INTERVALS ergänzt &lt;name&gt;_lo und &lt;name&gt;_hi, das Wilson-Score-Intervall zum Konfidenzniveau LEVEL (Standard 0.95). Beides für Quoten, nicht für Veränderungen.

Ein Nenner von 0 oder ein fehlender Nenner ergibt keinen Wert (nie unendlich). Fehlende oder nicht numerische Felder, negative Anzahlen und bei Anteilen (Einheit % oder ‰) ein Zähler über seinem Nenner werden unter Nennung des Gebiets (KEY_FIELD) und des Werts zurückgewiesen; für Verhältniszahlen wie Plätze je Kind, die 100 % übersteigen können, SHARES abwählen (oder &quot;share&quot;: false in INDICATORS schreiben). Was jedes neue Feld bedeutet (Bezeichnung, Einheit, Richtung, Zähler, Nenner, Jahre), wird in der Tabelle sozialraum_indicators des GeoPackages festgehalten.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/derive_indicators.py" line="56"/>
        <source>Districts with counts</source>
        <translation>Gebiete mit Anzahlen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/derive_indicators.py" line="58"/>
        <source>Rates (name=numerator/denominator;…)</source>
        <translation>Quoten (Name=Zähler/Nenner;…)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/derive_indicators.py" line="60"/>
        <source>Changes between years (name=field:2019-2021;…)</source>
        <translation>Veränderungen zwischen Jahren (Name=Feld:2019-2021;…)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/derive_indicators.py" line="62"/>
        <source>Unit of the rates</source>
        <translation>Einheit der Quoten</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/derive_indicators.py" line="64"/>
        <source>RATES in % or ‰ are shares (numerator never above denominator)</source>
        <translation>RATES in % oder ‰ sind Anteile (Zähler nie größer als Nenner)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/derive_indicators.py" line="66"/>
        <source>Indicator definitions (JSON, or a report definition file)</source>
        <translation>Indikatordefinitionen (JSON oder eine Berichtsdefinitionsdatei)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/derive_indicators.py" line="69"/>
        <source>District key (named in messages)</source>
        <translation>Gebietsschlüssel (in Meldungen genannt)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/derive_indicators.py" line="72"/>
        <source>Add Empirical Bayes rates (_eb)</source>
        <translation>Empirical-Bayes-Quoten ergänzen (_eb)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/derive_indicators.py" line="74"/>
        <source>Add Wilson intervals (_lo, _hi)</source>
        <translation>Wilson-Intervalle ergänzen (_lo, _hi)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/derive_indicators.py" line="76"/>
        <source>Confidence level of the intervals</source>
        <translation>Konfidenzniveau der Intervalle</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/derive_indicators.py" line="81"/>
        <source>Districts with derived indicators</source>
        <translation>Gebiete mit abgeleiteten Indikatoren</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/derive_indicators.py" line="83"/>
        <source>Fields written (comma-separated)</source>
        <translation>Geschriebene Felder (kommagetrennt)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/derive_indicators.py" line="136"/>
        <source>These fields of the input are replaced by the computed ones: {0}</source>
        <translation>Diese Felder der Eingabe werden durch die berechneten ersetzt: {0}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/derive_indicators.py" line="173"/>
        <source>{0}: a value for {1} of {2} districts ({3})</source>
        <translation>{0}: ein Wert für {1} von {2} Gebieten ({3})</translation>
    </message>
</context>
<context>
    <name>Dialog</name>
    <message>
        <location filename="../sozialraum_plugin/gui/base_dialog.py" line="62"/>
        <source>C&amp;ancel run</source>
        <translation>Lauf abbre&amp;chen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/base_dialog.py" line="70"/>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/base_dialog.py" line="74"/>
        <source>Cl&amp;ose</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/base_dialog.py" line="76"/>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/export.py" line="102"/>
        <source>{name} is missing</source>
        <translation>{name} fehlt</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/export.py" line="114"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/export.py" line="115"/>
        <source>out of memory</source>
        <translation>nicht genügend Arbeitsspeicher</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/export.py" line="116"/>
        <source>the file cannot be written</source>
        <translation>die Datei kann nicht geschrieben werden</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/export.py" line="117"/>
        <source>printing failed</source>
        <translation>Drucken fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/export.py" line="118"/>
        <source>SVG layer error</source>
        <translation>SVG-Layer-Fehler</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/export.py" line="119"/>
        <source>atlas error</source>
        <translation>Atlasfehler</translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <location filename="../sozialraum_plugin/core/profiles/findings.py" line="24"/>
        <source>{ratio} city value</source>
        <translation>{ratio} Stadtwert</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/profiles/findings.py" line="25"/>
        <source>city value {value}</source>
        <translation>Stadtwert {value}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/profiles/findings.py" line="26"/>
        <source>rank {r} of {n}</source>
        <translation>Rang {r} von {n}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/profiles/findings.py" line="27"/>
        <source>least favourable {p} %</source>
        <translation>ungünstigste {p} %</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/profiles/findings.py" line="28"/>
        <source>most favourable {p} %</source>
        <translation>günstigste {p} %</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/profiles/findings.py" line="29"/>
        <source>No need indicator is among the {p} % most or least favourable values of the city.</source>
        <translation>Kein Bedarfsindikator gehört zu den {p} % günstigsten oder ungünstigsten Werten der Stadt.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/profiles/findings.py" line="31"/>
        <source>No data for this area.</source>
        <translation>Keine Daten für dieses Gebiet.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/profiles/findings.py" line="32"/>
        <source>No values shown: {note}.</source>
        <translation>Keine Werte ausgewiesen: {note}.</translation>
    </message>
</context>
<context>
    <name>Impact</name>
    <message>
        <location filename="../sozialraum_plugin/core/series/impact.py" line="41"/>
        <source>fewer than {n} districts in a group: no interval</source>
        <translation>weniger als {n} Gebiete in einer Gruppe: kein Intervall</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/series/impact.py" line="42"/>
        <source>a group of fewer than 2 districts: no group figure</source>
        <translation>eine Gruppe mit weniger als 2 Gebieten: kein Gruppenwert</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/series/impact.py" line="43"/>
        <source>the indicator is a change already</source>
        <translation>der Indikator ist bereits eine Veränderung</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/series/impact_table.py" line="77"/>
        <source>Indicator</source>
        <translation>Indikator</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/series/impact_table.py" line="77"/>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/series/impact_table.py" line="48"/>
        <source>Base year</source>
        <translation>Basisjahr</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/series/impact_table.py" line="78"/>
        <source>Year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/series/impact_table.py" line="49"/>
        <source>n funded</source>
        <translation>n gefördert</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/series/impact_table.py" line="49"/>
        <source>n other</source>
        <translation>n übrige</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/series/impact_table.py" line="50"/>
        <source>Funded: mean base year</source>
        <translation>Gefördert: Mittel Basisjahr</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/series/impact_table.py" line="51"/>
        <source>Funded: mean year</source>
        <translation>Gefördert: Mittel Jahr</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/series/impact_table.py" line="52"/>
        <source>Funded: mean change</source>
        <translation>Gefördert: mittlere Veränderung</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/series/impact_table.py" line="53"/>
        <source>Funded: pooled rate change</source>
        <translation>Gefördert: Veränderung der Gesamtquote</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/series/impact_table.py" line="54"/>
        <source>Other: mean base year</source>
        <translation>Übrige: Mittel Basisjahr</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/series/impact_table.py" line="55"/>
        <source>Other: mean year</source>
        <translation>Übrige: Mittel Jahr</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/series/impact_table.py" line="56"/>
        <source>Other: mean change</source>
        <translation>Übrige: mittlere Veränderung</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/series/impact_table.py" line="57"/>
        <source>Other: pooled rate change</source>
        <translation>Übrige: Veränderung der Gesamtquote</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/series/impact_table.py" line="58"/>
        <source>Difference of the changes (funded − other)</source>
        <translation>Differenz der Veränderungen (gefördert − übrige)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/series/impact_table.py" line="59"/>
        <source>Interval: lower</source>
        <translation>Intervall: untere Grenze</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/series/impact_table.py" line="59"/>
        <source>Interval: upper</source>
        <translation>Intervall: obere Grenze</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/series/impact_table.py" line="60"/>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/series/impact_table.py" line="72"/>
        <source>Impact</source>
        <translation>Wirkung</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/series/impact_table.py" line="78"/>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/series/impact_table.py" line="79"/>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/series/impact_table.py" line="79"/>
        <source>Mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/impact_chart.py" line="129"/>
        <source>funded</source>
        <translation>gefördert</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/impact_chart.py" line="129"/>
        <source>other</source>
        <translation>übrige</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/series/impact_table.py" line="84"/>
        <source>Years</source>
        <translation>Jahre</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/series/impact_table.py" line="91"/>
        <source>Funded districts: {source}.</source>
        <translation>Geförderte Gebiete: {source}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/series/impact_table.py" line="92"/>
        <source>Change per district: value in the year minus value in the base year; a group&apos;s change is the mean of its districts&apos; changes (weighted by the population where given); the pooled rate change treats the group as one area (sum of numerators / sum of denominators).</source>
        <translation>Veränderung je Gebiet: Wert im Jahr minus Wert im Basisjahr; die Veränderung einer Gruppe ist das Mittel der Veränderungen ihrer Gebiete (wo angegeben nach Einwohnern gewichtet); die Veränderung der Gesamtquote behandelt die Gruppe als ein Gebiet (Summe der Zähler / Summe der Nenner).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/series/impact_table.py" line="96"/>
        <source>Difference of the changes (difference in differences): change of the funded districts minus change of the other districts. It describes; it does not prove an effect of the programme.</source>
        <translation>Differenz der Veränderungen (Differenz-von-Differenzen): Veränderung der geförderten Gebiete minus Veränderung der übrigen Gebiete. Sie beschreibt; eine Wirkung des Programms belegt sie nicht.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/series/impact_table.py" line="99"/>
        <source>Interval: {level} % percentile bootstrap, districts resampled within each group, {replicates} replicates, seed {seed}; no interval with fewer than {n} districts in a group.</source>
        <translation>Intervall: {level}-%-Perzentil-Bootstrap, Gebiete innerhalb jeder Gruppe neu gezogen, {replicates} Wiederholungen, Startwert {seed}; kein Intervall bei weniger als {n} Gebieten in einer Gruppe.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/series/impact_table.py" line="103"/>
        <source>Publication rule: values hidden in the series (·) enter no figure; n counts the districts used; a group of fewer than 2 districts gets no figure (·).</source>
        <translation>Veröffentlichungsregel: in der Zeitreihe verborgene Werte (·) gehen in keine Zahl ein; n zählt die verwendeten Gebiete; eine Gruppe mit weniger als 2 Gebieten erhält keinen Wert (·).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/series/impact_table.py" line="111"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/impact_chart.py" line="93"/>
        <source>n = {funded} funded / {other} other</source>
        <translation>n = {funded} gefördert / {other} übrige</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/impact_chart.py" line="95"/>
        <source>Difference of the changes: · (a group of fewer than 2 districts)</source>
        <translation>Differenz der Veränderungen: · (eine Gruppe mit weniger als 2 Gebieten)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/impact_chart.py" line="98"/>
        <source>Difference of the changes: {did}</source>
        <translation>Differenz der Veränderungen: {did}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/impact_chart.py" line="100"/>
        <source>({level} % interval {low} to {high})</source>
        <translation>({level}-%-Intervall {low} bis {high})</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/impact_chart.py" line="104"/>
        <source>(no interval: fewer than {n} districts in a group)</source>
        <translation>(kein Intervall: weniger als {n} Gebiete in einer Gruppe)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/impact_chart.py" line="190"/>
        <source>funded districts (mean)</source>
        <translation>geförderte Gebiete (Mittel)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/impact_chart.py" line="190"/>
        <source>other districts (mean)</source>
        <translation>übrige Gebiete (Mittel)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/impact.py" line="129"/>
        <source>field {0}</source>
        <translation>Feld {0}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/impact.py" line="131"/>
        <source>expression {0}</source>
        <translation>Ausdruck {0}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/impact.py" line="184"/>
        <source>Funded districts and the rest</source>
        <translation>Geförderte Gebiete und die übrigen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/impact.py" line="205"/>
        <source>Hidden (·)</source>
        <translation>Verborgen (·)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/impact.py" line="224"/>
        <source>Mean of the districts per year; funded: {source}.</source>
        <translation>Mittel der Gebiete je Jahr; gefördert: {source}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/impact.py" line="226"/>
        <source>Mean change of the districts; funded: {source}.</source>
        <translation>Mittlere Veränderung der Gebiete; gefördert: {source}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/impact.py" line="229"/>
        <source>Change {a}–{b}.</source>
        <translation>Veränderung {a}–{b}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/impact.py" line="135"/>
        <source>programme areas “{0}” (at least {1} % of the area)</source>
        <translation>Programmgebiete „{0}“ (mindestens {1} % der Fläche)</translation>
    </message>
</context>
<context>
    <name>ImpactAlgorithm</name>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/impact.py" line="26"/>
        <source>Funded districts against the rest (impact)</source>
        <translation>Geförderte Gebiete gegen die übrigen (Wirkung)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/impact.py" line="39"/>
        <source>Compares the change of indicators in funded districts (e.g. Quartiersmanagement, &quot;Starke Quartiere&quot;) with the change in the other districts over the years of a series.

INPUT: the districts, with KEY_FIELD. The values come from SERIES (a report's table 'series': key, indicator, year, value, numerator, denominator, shown) or, without it, from the layer's columns &lt;indicator&gt;_&lt;year&gt; (e.g. Q_2019, Q_2021, as a report's district layer holds them); a plain column without years (e.g. MSS's D1) is read as a change already computed. INDICATORS: the indicators, as a list (Q,K) or as JSON like a report definition's (id, label, unit, decimals).

Funded districts by exactly one of: FUNDED_FIELD (1/0, true/false, ja/nein), FUNDED_EXPRESSION (a QGIS expression, true = funded), or PROGRAMME_AREAS (polygons of the programme areas: a district counts as funded when at least MIN_OVERLAP per cent of its area, default 50, lies inside them).

BASE_YEAR and YEAR: the change from BASE_YEAR to YEAR (default the first and last year of each indicator). POPULATION_FIELD: weights for the means (optional). SEED: the bootstrap's seed.

Per indicator: the mean change of the funded and of the other districts, the pooled rate change where the series has numerators and denominators, the difference of the changes (difference in differences) with a 95 % percentile bootstrap interval (districts resampled within each group, 2,000 replicates; none with fewer than 3 districts in a group), and the group means per year.

Publication rule: a hidden cell (NULL, listed in suppressed_fields, or shown = false in the series) enters no figure; a group of fewer than 2 districts gets no figure (·).

OUTPUT: the table (.xlsx with the years and the method on sheets of their own, or .csv). CHART: optional PDF page made of layout items (the layout stays in the project), titled TITLE. LANGUAGE: of the outputs. Results: FUNDED and OTHER, the number of districts in each group.</source>
        <translation>Vergleicht die Veränderung von Indikatoren in geförderten Gebieten (z. B. Quartiersmanagement, &quot;Starke Quartiere&quot;) mit der Veränderung in den übrigen Gebieten über die Jahre einer Zeitreihe.

INPUT: die Gebiete, mit KEY_FIELD. Die Werte kommen aus SERIES (die Tabelle 'series' eines Berichts: key, indicator, year, value, numerator, denominator, shown) oder, ohne sie, aus den Spalten &lt;Indikator&gt;_&lt;Jahr&gt; des Layers (z. B. Q_2019, Q_2021, wie sie der Gebietslayer eines Berichts hat); eine einfache Spalte ohne Jahre (z. B. D1 des MSS) gilt als bereits berechnete Veränderung. INDICATORS: die Indikatoren, als Liste (Q,K) oder als JSON wie in einer Berichtsdefinition (id, label, unit, decimals).

Geförderte Gebiete durch genau eines von: FUNDED_FIELD (1/0, true/false, ja/nein), FUNDED_EXPRESSION (ein QGIS-Ausdruck, wahr = gefördert) oder PROGRAMME_AREAS (Polygone der Programmgebiete: ein Gebiet gilt als gefördert, wenn mindestens MIN_OVERLAP Prozent seiner Fläche, Vorgabe 50, darin liegen).

BASE_YEAR und YEAR: die Veränderung von BASE_YEAR bis YEAR (Vorgabe: erstes und letztes Jahr jedes Indikators). POPULATION_FIELD: Gewichte der Mittelwerte (optional). SEED: der Startwert des Bootstraps.

Je Indikator: die mittlere Veränderung der geförderten und der übrigen Gebiete, die Veränderung der Gesamtquote, wo die Zeitreihe Zähler und Nenner hat, die Differenz der Veränderungen (Differenz-von-Differenzen) mit einem 95-%-Perzentil-Bootstrap-Intervall (Gebiete innerhalb jeder Gruppe neu gezogen, 2.000 Wiederholungen; keines bei weniger als 3 Gebieten in einer Gruppe) und die Gruppenmittel je Jahr.

Veröffentlichungsregel: eine verborgene Zelle (NULL, in suppressed_fields genannt oder shown = false in der Zeitreihe) geht in keine Zahl ein; eine Gruppe mit weniger als 2 Gebieten erhält keinen Wert (·).

OUTPUT: die Tabelle (.xlsx mit den Jahren und der Methode auf eigenen Blättern, oder .csv). CHART: optionale PDF-Seite aus Layoutelementen (das Layout bleibt im Projekt), mit dem Titel TITLE. LANGUAGE: Sprache der Ausgaben. Ergebnisse: FUNDED und OTHER, die Zahl der Gebiete je Gruppe.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/impact.py" line="65"/>
        <source>Districts</source>
        <translation>Gebiete</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/impact.py" line="67"/>
        <source>District key</source>
        <translation>Gebietsschlüssel</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/impact.py" line="68"/>
        <source>Series table (a report&apos;s &apos;series&apos;)</source>
        <translation>Zeitreihe (die Tabelle 'series' eines Berichts)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/impact.py" line="72"/>
        <source>Funded: field (1/0, ja/nein)</source>
        <translation>Gefördert: Feld (1/0, ja/nein)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/impact.py" line="74"/>
        <source>Funded: expression</source>
        <translation>Gefördert: Ausdruck</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/impact.py" line="76"/>
        <source>Funded: programme areas</source>
        <translation>Gefördert: Programmgebiete</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/impact.py" line="79"/>
        <source>Share of a district&apos;s area inside the programme areas (%)</source>
        <translation>Anteil der Gebietsfläche in den Programmgebieten (%)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/impact.py" line="82"/>
        <source>Base year (empty: first)</source>
        <translation>Basisjahr (leer: erstes)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/impact.py" line="82"/>
        <source>Year (empty: last)</source>
        <translation>Jahr (leer: letztes)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/impact.py" line="85"/>
        <source>Population (weights)</source>
        <translation>Einwohner (Gewichte)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/impact.py" line="87"/>
        <source>Seed of the bootstrap</source>
        <translation>Startwert des Bootstraps</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/impact.py" line="90"/>
        <source>Title of the chart page</source>
        <translation>Titel der Diagrammseite</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/impact.py" line="91"/>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/impact.py" line="91"/>
        <source>Workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Arbeitsmappe (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/impact.py" line="93"/>
        <source>Chart page (PDF)</source>
        <translation>Diagrammseite (PDF)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/impact.py" line="93"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/impact.py" line="95"/>
        <source>Funded districts</source>
        <translation>Geförderte Gebiete</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/impact.py" line="95"/>
        <source>Other districts</source>
        <translation>Übrige Gebiete</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/impact.py" line="176"/>
        <source>Funded districts ({0}): {1}</source>
        <translation>Geförderte Gebiete ({0}): {1}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/impact.py" line="178"/>
        <source>{0}: difference of the changes {1:+.3f} ({2:.3f} to {3:.3f}); n = {4} / {5}</source>
        <translation>{0}: Differenz der Veränderungen {1:+.3f} ({2:.3f} bis {3:.3f}); n = {4} / {5}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/impact.py" line="194"/>
        <source>Done in {0:.1f} s.</source>
        <translation>Fertig in {0:.1f} s.</translation>
    </message>
</context>
<context>
    <name>IndexDialog</name>
    <message>
        <location filename="../sozialraum_plugin/gui/index_dialog.py" line="48"/>
        <source>Assess need</source>
        <translation>Bedarf bewerten</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/index_dialog.py" line="51"/>
        <source>&amp;Layer:</source>
        <translation>&amp;Layer:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/index_dialog.py" line="54"/>
        <source>Indicators</source>
        <translation>Indikatoren</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/index_dialog.py" line="58"/>
        <source>Berlin MSS (Monitoring Soziale Stadtentwicklung)</source>
        <translation>Berliner MSS (Monitoring Soziale Stadtentwicklung)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/index_dialog.py" line="60"/>
        <source>Custom composite index</source>
        <translation>Benutzerdefinierter Gesamtindex</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/index_dialog.py" line="62"/>
        <source>z-score</source>
        <translation>z-Wert</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/index_dialog.py" line="62"/>
        <source>min-max</source>
        <translation>Min-Max</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/index_dialog.py" line="62"/>
        <source>percentile rank</source>
        <translation>Perzentilrang</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/index_dialog.py" line="64"/>
        <source>Me&amp;thod:</source>
        <translation>Me&amp;thode:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/index_dialog.py" line="64"/>
        <source>&amp;Scaling:</source>
        <translation>S&amp;kalierung:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/index_dialog.py" line="71"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/index_dialog.py" line="71"/>
        <source>Dynamics</source>
        <translation>Dynamik</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/index_dialog.py" line="73"/>
        <source>&amp;Indicators of the layer:</source>
        <translation>&amp;Indikatoren des Layers:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/index_dialog.py" line="86"/>
        <source>Reference population</source>
        <translation>Bezugsgesamtheit</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/index_dialog.py" line="96"/>
        <source>Areas for which this is true stay on the map but are left out of the reference, e.g. &quot;KOM&quot; &lt;&gt; 'gültig'</source>
        <translation>Gebiete, für die dies zutrifft, bleiben auf der Karte, werden aber aus der Bezugsgesamtheit ausgeschlossen, z. B. &quot;KOM&quot; &lt;&gt; 'gültig'</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/index_dialog.py" line="99"/>
        <source>&amp;Population field:</source>
        <translation>Feld &amp;Einwohnerzahl:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/index_dialog.py" line="100"/>
        <source>&amp;Minimum population:</source>
        <translation>&amp;Mindesteinwohnerzahl:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/index_dialog.py" line="101"/>
        <source>E&amp;xclude areas where:</source>
        <translation>Gebiete aus&amp;schließen, wenn:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/index_dialog.py" line="104"/>
        <source>Class limits</source>
        <translation>Klassengrenzen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/index_dialog.py" line="109"/>
        <source>Status (hoch | mittel | niedrig | sehr niedrig):</source>
        <translation>Status (hoch | mittel | niedrig | sehr niedrig):</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/index_dialog.py" line="111"/>
        <source>Dynamics (positiv | stabil | negativ):</source>
        <translation>Dynamik (positiv | stabil | negativ):</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/index_dialog.py" line="115"/>
        <source>[temporary GeoPackage]</source>
        <translation>[temporäres GeoPackage]</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/index_dialog.py" line="115"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/index_dialog.py" line="117"/>
        <source>O&amp;utput layer:</source>
        <translation>A&amp;usgabelayer:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/index_dialog.py" line="162"/>
        <source>Custom: the weighted mean of the scaled indicators, standardised again and classed with the limits below.</source>
        <translation>Benutzerdefiniert: gewichtetes Mittel der skalierten Indikatoren, erneut standardisiert und nach den Grenzen unten klassifiziert.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/index_dialog.py" line="166"/>
        <source>MSS: each indicator z-standardised on the valid areas, summed, standardised again; weights do not apply.</source>
        <translation>MSS: Jeder Indikator wird über die gültigen Gebiete z-standardisiert, summiert und erneut standardisiert; Gewichte werden nicht angewendet.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/index_dialog.py" line="198"/>
        <source>Choose a layer with the indicators.</source>
        <translation>Bitte einen Layer mit den Indikatoren wählen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/index_dialog.py" line="201"/>
        <source>Choose at least one status indicator.</source>
        <translation>Bitte mindestens einen Status-Indikator wählen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/index_dialog.py" line="206"/>
        <source>The expression {0} cannot be read: {1}</source>
        <translation>Der Ausdruck {0} kann nicht gelesen werden: {1}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/index_dialog.py" line="236"/>
        <source>Need index</source>
        <translation>Bedarfsindex</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/index_dialog.py" line="141"/>
        <source>&lt;b&gt;Status:&lt;/b&gt; {0} &amp;nbsp; &lt;b&gt;Dynamics:&lt;/b&gt; {1}</source>
        <translation>&lt;b&gt;Status:&lt;/b&gt; {0} &amp;nbsp; &lt;b&gt;Dynamik:&lt;/b&gt; {1}</translation>
    </message>
</context>
<context>
    <name>IndicatorGrid</name>
    <message>
        <location filename="../sozialraum_plugin/gui/widgets.py" line="89"/>
        <source>{0} (no values)</source>
        <translation>{0} (keine Werte)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/widgets.py" line="141"/>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/widgets.py" line="141"/>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/widgets.py" line="143"/>
        <source>Use as</source>
        <translation>Verwenden als</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/widgets.py" line="143"/>
        <source>Use</source>
        <translation>Verwenden</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/widgets.py" line="145"/>
        <source>Indicator</source>
        <translation>Indikator</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/widgets.py" line="151"/>
        <source>The layer has no numeric fields.</source>
        <translation>Der Layer hat keine numerischen Felder.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/widgets.py" line="145"/>
        <source>Higher = less need (−1)</source>
        <translation>Höher = weniger Bedarf (−1)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/widgets.py" line="183"/>
        <source>{0}: higher = less need</source>
        <translation>{0}: höher = weniger Bedarf</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/widgets.py" line="184"/>
        <source>Checked: a higher value means less need (direction −1), e.g. an employment rate</source>
        <translation>Angehakt: ein höherer Wert bedeutet weniger Bedarf (Richtung −1), z. B. eine Beschäftigungsquote</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/widgets.py" line="197"/>
        <source>Name used in the cluster labels, e.g. “Kinderarmut hoch”</source>
        <translation>Name in den Cluster-Bezeichnungen, z. B. „Kinderarmut hoch“</translation>
    </message>
</context>
<context>
    <name>IndicatorsParameter</name>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/indicator_param.py" line="19"/>
        <source>Indicators (JSON, as in a report definition)</source>
        <translation>Indikatoren (JSON, wie in einer Berichtsdefinition)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/indicator_param.py" line="35"/>
        <source>INDICATORS describes {0}: the older parameters&apos; entries for them (LABELS, DIRECTIONS, RATES, COUNT_FIELDS, THRESHOLDS) are ignored.</source>
        <translation>INDICATORS beschreibt {0}: die Einträge der älteren Parameter dafür (LABELS, DIRECTIONS, RATES, COUNT_FIELDS, THRESHOLDS) werden ignoriert.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/indicator_param.py" line="39"/>
        <source>INDICATORS entries that are none of the fields, left out: {0}</source>
        <translation>INDICATORS-Einträge, die keines der Felder sind, bleiben unberücksichtigt: {0}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/indicator_param.py" line="50"/>
        <source>No direction (0) given for {0}: taken as +1 (higher value = more need) here. Give +1 or -1 where lower values mean more need.</source>
        <translation>Keine Richtung (0) angegeben für {0}: hier als +1 genommen (höherer Wert = mehr Bedarf). Geben Sie +1 oder -1 an, wo niedrigere Werte mehr Bedarf bedeuten.</translation>
    </message>
</context>
<context>
    <name>JoinCheck</name>
    <message>
        <location filename="../sozialraum_plugin/gui/join_check.py" line="56"/>
        <source>Districts without a row</source>
        <translation>Gebiete ohne Zeile</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/join_check.py" line="57"/>
        <source>Table keys without a district</source>
        <translation>Tabellenschlüssel ohne Gebiet</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/join_check.py" line="58"/>
        <source>Table keys on several rows (not joined)</source>
        <translation>Tabellenschlüssel in mehreren Zeilen (nicht verbunden)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/join_check.py" line="63"/>
        <source> … and {0} more</source>
        <translation> … und {0} weitere</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/join_check.py" line="68"/>
        <source>Columns that will be added:</source>
        <translation>Spalten, die hinzugefügt werden:</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <location filename="../sozialraum_plugin/gui/join_dialog.py" line="42"/>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/join_dialog.py" line="42"/>
        <source>As written</source>
        <translation>Wie geschrieben</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/join_dialog.py" line="43"/>
        <source>Ignore leading zeros</source>
        <translation>Führende Nullen ignorieren</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/join_dialog.py" line="44"/>
        <source>Pad numbers with zeros</source>
        <translation>Zahlen mit Nullen auffüllen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/join_dialog.py" line="45"/>
        <source>Ignore a letter prefix (STGT01 = 1)</source>
        <translation>Buchstabenpräfix ignorieren (STGT01 = 1)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/join_dialog.py" line="46"/>
        <source>Number in front of a name (01 Altstadt = 1)</source>
        <translation>Nummer vor einem Namen (01 Altstadt = 1)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/join_dialog.py" line="47"/>
        <source>Compare as names</source>
        <translation>Als Namen vergleichen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/join_dialog.py" line="56"/>
        <source>Join data</source>
        <translation>Daten verbinden</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/join_dialog.py" line="74"/>
        <source>District boundaries</source>
        <translation>Gebietsgrenzen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/join_dialog.py" line="78"/>
        <source>&amp;Layer:</source>
        <translation>&amp;Layer:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/join_dialog.py" line="79"/>
        <source>District &amp;key:</source>
        <translation>&amp;Gebietsschlüssel:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/join_dialog.py" line="82"/>
        <source>Indicator table</source>
        <translation>Indikatorentabelle</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/join_dialog.py" line="84"/>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/join_dialog.py" line="87"/>
        <source>Tables (*.csv *.txt *.tsv *.xlsx *.ods);;All files (*)</source>
        <translation>Tabellen (*.csv *.txt *.tsv *.xlsx *.ods);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/join_dialog.py" line="89"/>
        <source>Table la&amp;yer:</source>
        <translation>Tabellenla&amp;yer:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/join_dialog.py" line="102"/>
        <source>Key &amp;column:</source>
        <translation>Schlüssels&amp;palte:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/join_dialog.py" line="103"/>
        <source>Key &amp;matching:</source>
        <translation>Schlüssela&amp;bgleich:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/join_dialog.py" line="109"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/join_dialog.py" line="111"/>
        <source>[temporary GeoPackage]</source>
        <translation>[temporäres GeoPackage]</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/join_dialog.py" line="111"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/join_dialog.py" line="113"/>
        <source>[no report file]</source>
        <translation>[keine Berichtsdatei]</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/join_dialog.py" line="113"/>
        <source>HTML (*.html);;JSON (*.json)</source>
        <translation>HTML (*.html);;JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/join_dialog.py" line="115"/>
        <source>O&amp;utput layer:</source>
        <translation>A&amp;usgabelayer:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/join_dialog.py" line="116"/>
        <source>Join re&amp;port:</source>
        <translation>Verbindungsbe&amp;richt:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/join_dialog.py" line="129"/>
        <source>Join check</source>
        <translation>Verbindungsprüfung</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/join_dialog.py" line="132"/>
        <source>Check &amp;join</source>
        <translation>&amp;Verbindung prüfen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/join_dialog.py" line="133"/>
        <source>Join in memory and show what matches, before anything is written</source>
        <translation>Im Speicher verbinden und Übereinstimmungen anzeigen, bevor etwas geschrieben wird</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/join_dialog.py" line="154"/>
        <source>How the table is read</source>
        <translation>Einlesen der Tabelle</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/join_dialog.py" line="157"/>
        <source>Pre&amp;view (first 20 rows as read):</source>
        <translation>Vorsc&amp;hau (erste 20 Zeilen wie gelesen):</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/join_dialog.py" line="350"/>
        <source>Choose a table file or a table layer.</source>
        <translation>Bitte eine Tabellendatei oder einen Tabellenlayer wählen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/join_dialog.py" line="309"/>
        <source>{rows} rows and {cols} columns read from {file}.</source>
        <translation>{rows} Zeilen und {cols} Spalten aus {file} gelesen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/join_dialog.py" line="320"/>
        <source>Not checked yet: press “Check join” to see what matches before anything is written.</source>
        <translation>Noch nicht geprüft: „Verbindung prüfen“ zeigt, was übereinstimmt, bevor etwas geschrieben wird.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/join_dialog.py" line="328"/>
        <source>Choose the districts, their key, a table and its key column first.</source>
        <translation>Bitte zuerst die Gebiete, ihren Schlüssel, eine Tabelle und deren Schlüsselspalte wählen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/join_dialog.py" line="348"/>
        <source>Choose the district layer and its key field.</source>
        <translation>Bitte den Gebietslayer und sein Schlüsselfeld wählen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/join_dialog.py" line="352"/>
        <source>The table could not be read; see the message above.</source>
        <translation>Die Tabelle konnte nicht gelesen werden; siehe Meldung oben.</translation>
    </message>
</context>
<context>
    <name>JoinTableAlgorithm</name>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="56"/>
        <source>Join indicator table to districts</source>
        <translation>Indikatorentabelle mit Gebieten verbinden</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="59"/>
        <source>Joins an indicator table (CSV/TXT, XLSX, ODS, or a table layer of the project) to a district layer by key and writes a new GeoPackage layer; the sources are never modified.

Separator, decimal and thousands marks, encoding and header row are detected; keys stay text (leading zeros kept); -9999, NA, empty cells are missing, –, ., *, x are suppressed (kept apart, never zero). Long tables (district, indicator, value, year) are turned wide when the long-table columns are given.

When keys are written differently (1 / 001, STGT01 / 1, '01 Altstadt' / Altstadt) a key transform is chosen automatically if it matches more districts.

Outputs: MATCHED, UNMATCHED_DISTRICTS, UNMATCHED_ROWS, DUPLICATE_KEYS and an optional REPORT (.html or .json). Rows whose key occurs more than once are not joined but listed.</source>
        <translation>Verbindet eine Indikatorentabelle (CSV/TXT, XLSX, ODS oder einen Tabellenlayer des Projekts) über einen Schlüssel mit einem Gebietslayer und schreibt einen neuen GeoPackage-Layer; die Quellen werden nie verändert.

Trennzeichen, Dezimal- und Tausendertrennzeichen, Zeichenkodierung und Kopfzeile werden erkannt; Schlüssel bleiben Text (führende Nullen bleiben erhalten); -9999, NA und leere Zellen gelten als fehlend, –, ., *, x als gesperrt (getrennt geführt, nie als 0 gewertet). Tabellen im Langformat (Gebiet, Indikator, Wert, Jahr) werden ins Breitformat umgewandelt, wenn die Spalten für das Langformat angegeben sind.

Sind Schlüssel unterschiedlich geschrieben (1 / 001, STGT01 / 1, '01 Altstadt' / Altstadt), wird automatisch eine Schlüsselumwandlung gewählt, sofern damit mehr Gebiete übereinstimmen.

Ausgaben: MATCHED, UNMATCHED_DISTRICTS, UNMATCHED_ROWS, DUPLICATE_KEYS und optional REPORT (.html oder .json). Zeilen, deren Schlüssel mehrfach vorkommt, werden nicht verbunden, sondern aufgelistet.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="77"/>
        <source>District boundaries</source>
        <translation>Gebietsgrenzen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="79"/>
        <source>District key field</source>
        <translation>Schlüsselfeld der Gebiete</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="81"/>
        <source>Indicator table (CSV, TXT, XLSX, ODS) or table layer</source>
        <translation>Indikatorentabelle (CSV, TXT, XLSX, ODS) oder Tabellenlayer</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="81"/>
        <source>Tables (*.csv *.txt *.tsv *.xlsx *.ods);;All files (*.*)</source>
        <translation>Tabellen (*.csv *.txt *.tsv *.xlsx *.ods);;Alle Dateien (*.*)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="84"/>
        <source>Key column of the table</source>
        <translation>Schlüsselspalte der Tabelle</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="85"/>
        <source>Joined layer (GeoPackage)</source>
        <translation>Verbundener Layer (GeoPackage)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="87"/>
        <source>Join report</source>
        <translation>Verbindungsbericht</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="87"/>
        <source>HTML (*.html);;JSON (*.json)</source>
        <translation>HTML (*.html);;JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="91"/>
        <source>Columns to take (comma-separated; empty = all)</source>
        <translation>Zu übernehmende Spalten (kommagetrennt; leer = alle)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="93"/>
        <source>Key comparison</source>
        <translation>Schlüsselvergleich</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="93"/>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="93"/>
        <source>As written</source>
        <translation>Wie geschrieben</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="93"/>
        <source>Ignore leading zeros</source>
        <translation>Führende Nullen ignorieren</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="93"/>
        <source>Pad numbers with zeros</source>
        <translation>Zahlen mit Nullen auffüllen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="93"/>
        <source>Ignore a letter prefix (STGT01 = 1)</source>
        <translation>Buchstabenpräfix ignorieren (STGT01 = 1)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="93"/>
        <source>Number in front of a name (01 Altstadt = 1)</source>
        <translation>Nummer vor einem Namen (01 Altstadt = 1)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="93"/>
        <source>Compare as names</source>
        <translation>Als Namen vergleichen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="97"/>
        <source>Encoding (empty = detect)</source>
        <translation>Zeichenkodierung (leer = erkennen)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="98"/>
        <source>Separator</source>
        <translation>Trennzeichen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="100"/>
        <source>Detect</source>
        <translation>Erkennen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="98"/>
        <source>Tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="100"/>
        <source>Decimal mark</source>
        <translation>Dezimalzeichen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="100"/>
        <source>Comma (1,5)</source>
        <translation>Komma (1,5)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="100"/>
        <source>Point (1.5)</source>
        <translation>Punkt (1.5)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="104"/>
        <source>Sheet (XLSX/ODS; empty = first)</source>
        <translation>Tabellenblatt (XLSX/ODS; leer = erstes)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="105"/>
        <source>Header row (1 = first line; 0 = none; empty = detect)</source>
        <translation>Kopfzeile (1 = erste Zeile; 0 = keine; leer = erkennen)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="107"/>
        <source>Markers for missing values (&apos;|&apos;-separated; empty = default)</source>
        <translation>Kennzeichen für fehlende Werte (durch '|' getrennt; leer = Standard)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="110"/>
        <source>Long table: indicator column</source>
        <translation>Langformat: Indikatorspalte</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="111"/>
        <source>Long table: value column</source>
        <translation>Langformat: Wertspalte</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="112"/>
        <source>Long table: year column</source>
        <translation>Langformat: Jahresspalte</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="113"/>
        <source>Long table: only this year</source>
        <translation>Langformat: nur dieses Jahr</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="121"/>
        <source>Districts matched</source>
        <translation>Zugeordnete Gebiete</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="121"/>
        <source>Districts without a row</source>
        <translation>Gebiete ohne Zeile</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="121"/>
        <source>Table rows without a district</source>
        <translation>Tabellenzeilen ohne Gebiet</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="121"/>
        <source>Duplicate table keys</source>
        <translation>Doppelte Tabellenschlüssel</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="138"/>
        <source>Incorrect parameter value for {0}</source>
        <translation>Ungültiger Parameterwert für {0}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="185"/>
        <source>Read {file}: {rows} rows, {cols} columns; encoding {enc}, separator {sep}, decimal mark {dec}, thousands mark {thou}, header row {head}.</source>
        <translation>{file} gelesen: {rows} Zeilen, {cols} Spalten; Zeichenkodierung {enc}, Trennzeichen {sep}, Dezimalzeichen {dec}, Tausendertrennzeichen {thou}, Kopfzeile {head}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="198"/>
        <source>Long table turned wide: {rows} districts, {cols} columns.</source>
        <translation>Tabelle vom Lang- ins Breitformat umgewandelt: {rows} Gebiete, {cols} Spalten.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="233"/>
        <source>The layer {0} has no coordinate reference system; it is kept without one (not assumed to be EPSG:4326).</source>
        <translation>Der Layer {0} hat kein Koordinatenbezugssystem; er wird ohne übernommen (es wird nicht EPSG:4326 angenommen).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="248"/>
        <source>{0} invalid geometries were kept as they are (districts: {1}).</source>
        <translation>{0} ungültige Geometrien wurden unverändert übernommen (Gebiete: {1}).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="102"/>
        <source>Thousands mark (empty = detect; &apos;none&apos; = none)</source>
        <translation>Tausendertrennzeichen (leer = erkennen; 'none' = keines)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="70"/>
        <source>Years: a table with one row per district and year (LONG_YEAR without LONG_INDICATOR) is turned wide as &lt;column&gt;_&lt;year&gt; (two rows of one district and year are refused), and so are the columns of a yearly table given its TABLE_YEAR (FIELDS then names the columns without the year).</source>
        <translation>Jahre: Eine Tabelle mit einer Zeile je Gebiet und Jahr (LONG_YEAR ohne LONG_INDICATOR) wird als &lt;Spalte&gt;_&lt;Jahr&gt; in die Breite gebracht (zwei Zeilen desselben Gebiets und Jahres werden abgelehnt), ebenso die Spalten einer Jahrestabelle mit TABLE_YEAR (FIELDS nennt dann die Spalten ohne das Jahr).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="114"/>
        <source>Year of the table (its columns are joined as &lt;column&gt;_&lt;year&gt;)</source>
        <translation>Jahr der Tabelle (ihre Spalten werden als &lt;Spalte&gt;_&lt;Jahr&gt; verbunden)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="206"/>
        <source>Table with a year column turned wide: {rows} districts, {cols} columns.</source>
        <translation>Tabelle mit Jahresspalte in die Breite gebracht: {rows} Gebiete, {cols} Spalten.</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <location filename="../sozialraum_plugin/gui/launch.py" line="70"/>
        <source>Sozialraum</source>
        <translation>Sozialraum</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/launch.py" line="70"/>
        <source>This step is not available in this version yet: {0}</source>
        <translation>Dieser Schritt ist in dieser Version noch nicht verfügbar: {0}</translation>
    </message>
</context>
<context>
    <name>MapDialog</name>
    <message>
        <location filename="../sozialraum_plugin/gui/map_dialog.py" line="36"/>
        <source>Natural breaks (Jenks)</source>
        <translation>Natürliche Unterbrechungen (Jenks)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/map_dialog.py" line="37"/>
        <source>Quantiles (equal counts)</source>
        <translation>Quantile (gleich viele Gebiete je Klasse)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/map_dialog.py" line="38"/>
        <source>Equal intervals</source>
        <translation>Gleiche Intervalle</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/map_dialog.py" line="39"/>
        <source>Standard deviation</source>
        <translation>Standardabweichung</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/map_dialog.py" line="40"/>
        <source>Pretty breaks</source>
        <translation>Runde Klassengrenzen (Pretty Breaks)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/map_dialog.py" line="41"/>
        <source>MSS thresholds (status index)</source>
        <translation>MSS-Schwellenwerte (Statusindex)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/map_dialog.py" line="42"/>
        <source>Categories (classes, clusters)</source>
        <translation>Kategorien (Klassen, Cluster)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/map_dialog.py" line="53"/>
        <source>Thematic map</source>
        <translation>Themenkarte</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/map_dialog.py" line="76"/>
        <source>[PDF, PNG or SVG file]</source>
        <translation>[PDF-, PNG- oder SVG-Datei]</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/map_dialog.py" line="76"/>
        <source>PDF (*.pdf);;PNG (*.png);;SVG (*.svg)</source>
        <translation>PDF (*.pdf);;PNG (*.png);;SVG (*.svg)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/map_dialog.py" line="78"/>
        <source>&amp;Layer:</source>
        <translation>&amp;Layer:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/map_dialog.py" line="79"/>
        <source>&amp;Field:</source>
        <translation>&amp;Feld:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/map_dialog.py" line="80"/>
        <source>&amp;Method:</source>
        <translation>&amp;Methode:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/map_dialog.py" line="81"/>
        <source>&amp;Classes:</source>
        <translation>&amp;Klassen:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/map_dialog.py" line="82"/>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/map_dialog.py" line="83"/>
        <source>&amp;Subtitle:</source>
        <translation>&amp;Untertitel:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/map_dialog.py" line="84"/>
        <source>U&amp;nit:</source>
        <translation>Ein&amp;heit:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/map_dialog.py" line="85"/>
        <source>Source l&amp;ine:</source>
        <translation>&amp;Quellenangabe:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/map_dialog.py" line="86"/>
        <source>O&amp;utput file:</source>
        <translation>Ausgabe&amp;datei:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/map_dialog.py" line="87"/>
        <source>More options (logo, layout template, mask of uninhabited areas, a series of fields): Processing Toolbox › Sozialraum › Thematic map.</source>
        <translation>Weitere Optionen (Logo, Layoutvorlage, Maske unbewohnter Flächen, eine Reihe von Feldern): Processing-Werkzeugkiste › Sozialraum › Themenkarte.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/map_dialog.py" line="100"/>
        <source>Pre&amp;view first page</source>
        <translation>&amp;Vorschau der ersten Seite</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/map_dialog.py" line="102"/>
        <source>Press “Preview first page” to see the map as it will be printed.</source>
        <translation>„Vorschau der ersten Seite“ zeigt die Karte so, wie sie gedruckt wird.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/map_dialog.py" line="138"/>
        <source>Choose a layer and the field to map.</source>
        <translation>Bitte einen Layer und das darzustellende Feld wählen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/map_dialog.py" line="148"/>
        <source>Choose the file for the map (PDF, PNG or SVG).</source>
        <translation>Bitte die Datei für die Karte wählen (PDF, PNG oder SVG).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/map_dialog.py" line="172"/>
        <source>The preview could not be drawn.</source>
        <translation>Die Vorschau ließ sich nicht zeichnen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/map_dialog.py" line="43"/>
        <source>Change: classes symmetric around 0</source>
        <translation>Veränderung: Klassen symmetrisch um 0</translation>
    </message>
</context>
<context>
    <name>MapText</name>
    <message>
        <location filename="../sozialraum_plugin/gis/categories.py" line="123"/>
        <source>Cluster {n}</source>
        <translation>Cluster {n}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/classify.py" line="70"/>
        <source>natural breaks (Jenks)</source>
        <translation>natürliche Unterbrechungen (Jenks)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/classify.py" line="71"/>
        <source>quantiles (equal number of areas per class)</source>
        <translation>Quantile (gleich viele Gebiete je Klasse)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/classify.py" line="72"/>
        <source>equal intervals</source>
        <translation>gleiche Intervalle</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/classify.py" line="73"/>
        <source>standard deviation</source>
        <translation>Standardabweichung</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/classify.py" line="74"/>
        <source>round class bounds (pretty breaks)</source>
        <translation>runde Klassengrenzen (Pretty Breaks)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/classify.py" line="75"/>
        <source>fixed interval width</source>
        <translation>feste Intervallbreite</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/classify.py" line="76"/>
        <source>MSS thresholds of the status index</source>
        <translation>MSS-Schwellenwerte des Statusindex</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/classify.py" line="77"/>
        <source>mean ± multiples of the standard deviation</source>
        <translation>Mittelwert ± Vielfache der Standardabweichung</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/classify.py" line="78"/>
        <source>categories</source>
        <translation>Kategorien</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/classify.py" line="252"/>
        <source>{low} to &lt; {high}</source>
        <translation>{low} bis &lt; {high}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/classify.py" line="260"/>
        <source>Classification: one class per value ({n} distinct values)</source>
        <translation>Klassifikation: je Wert eine Klasse ({n} verschiedene Werte)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/classify.py" line="264"/>
        <source> (mean {mean}, SD {sd})</source>
        <translation> (Mittelwert {mean}, SD {sd})</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/classify.py" line="268"/>
        <source>Classification: {method}{extra}, {n} classes</source>
        <translation>Klassifikation: {method}{extra}, {n} Klassen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/categories.py" line="120"/>
        <source>Cluster 1 (highest need)</source>
        <translation>Cluster 1 (höchster Bedarf)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/categories.py" line="122"/>
        <source>Cluster {n} (lowest need)</source>
        <translation>Cluster {n} (geringster Bedarf)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/categories.py" line="178"/>
        <source>Shown: {n} categories</source>
        <translation>Darstellung: {n} Kategorien</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/__init__.py" line="74"/>
        <source>Map</source>
        <translation>Karte</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/__init__.py" line="81"/>
        <source>Status index</source>
        <translation>Statusindex</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/__init__.py" line="82"/>
        <source>Social status</source>
        <translation>Sozialer Status</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/__init__.py" line="83"/>
        <source>Dynamics index</source>
        <translation>Dynamikindex</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/__init__.py" line="84"/>
        <source>Dynamics</source>
        <translation>Dynamik</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/__init__.py" line="85"/>
        <source>Status and dynamics</source>
        <translation>Status und Dynamik</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/__init__.py" line="87"/>
        <source>Need clusters</source>
        <translation>Bedarfscluster</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/__init__.py" line="206"/>
        <source>not assessed / no data</source>
        <translation>keine Bewertung / keine Daten</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/map_page.py" line="102"/>
        <source>As of: {date}</source>
        <translation>Stand: {date}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/styles.py" line="257"/>
        <source>not assessed (under 300 residents / excluded)</source>
        <translation>keine Bewertung (unter 300 EW / ausgeschlossen)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/styles.py" line="258"/>
        <source>not shown</source>
        <translation>nicht ausgewiesen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/styles.py" line="259"/>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/styles.py" line="285"/>
        <source>uninhabited land</source>
        <translation>unbewohnte Fläche</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/style_storage.py" line="76"/>
        <source>Sozialraum map</source>
        <translation>Sozialraum-Karte</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="199"/>
        <source>Source: {source}</source>
        <translation>Quelle: {source}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="336"/>
        <source>Not shown (hatched): counts from 1 to below {threshold}, values computed from them and values that protect them.</source>
        <translation>Nicht ausgewiesen (schraffiert): Fallzahlen von 1 bis unter {threshold}, daraus berechnete Werte und Werte zu ihrem Schutz.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/classify.py" line="79"/>
        <source>classes symmetric around 0</source>
        <translation>Klassen symmetrisch um 0</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/diverging.py" line="97"/>
        <source>{low} to {high}</source>
        <translation>{low} bis {high}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/pooled.py" line="63"/>
        <source>{note}; the same classes for {span} (pooled over all values)</source>
        <translation>{note}; dieselben Klassen für {span} (über alle Werte gepoolt)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/diverging.py" line="84"/>
        <source>no change ({zero})</source>
        <translation>keine Veränderung ({zero})</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="19"/>
        <source>File not found: {file}</source>
        <translation>Datei nicht gefunden: {file}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="20"/>
        <source>The file {file} is empty.</source>
        <translation>Die Datei {file} ist leer.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="21"/>
        <source>The file {file} cannot be read: {reason}</source>
        <translation>Die Datei {file} kann nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="22"/>
        <source>The file {file} is in no known text encoding (tried {tried}).</source>
        <translation>Die Datei {file} hat keine bekannte Zeichenkodierung (versucht: {tried}).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="23"/>
        <source>The file {file} has a format that cannot be read ({suffix}). Use CSV, TXT, XLSX or ODS.</source>
        <translation>Das Format der Datei {file} kann nicht gelesen werden ({suffix}). Bitte CSV, TXT, XLSX oder ODS verwenden.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="24"/>
        <source>The sheet {sheet} does not exist in {file}. Sheets: {sheets}.</source>
        <translation>Das Tabellenblatt {sheet} gibt es in {file} nicht. Vorhandene Blätter: {sheets}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="25"/>
        <source>Header row {row} does not exist in {file} ({rows} rows).</source>
        <translation>Kopfzeile {row} gibt es in {file} nicht ({rows} Zeilen).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="26"/>
        <source>The column {column} does not exist in {file}. Columns: {columns}.</source>
        <translation>Die Spalte {column} gibt es in {file} nicht. Vorhandene Spalten: {columns}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="27"/>
        <source>Row {row} of {file} has {found} cells where the header has {expected}.</source>
        <translation>Zeile {row} von {file} hat {found} Zellen, die Kopfzeile aber {expected}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="28"/>
        <source>No columns were found in {file}.</source>
        <translation>In {file} wurden keine Spalten gefunden.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="29"/>
        <source>The long table {file} has several values for district {key}, year {year}, indicator {indicator}.</source>
        <translation>Die lange Tabelle {file} hat mehrere Werte für Gebiet {key}, Jahr {year}, Indikator {indicator}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="31"/>
        <source>The key column {column} of {file} is empty in every row.</source>
        <translation>Die Schlüsselspalte {column} von {file} ist in jeder Zeile leer.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="32"/>
        <source>Not one row of {file} matches a district: these two do not belong together.</source>
        <translation>Keine einzige Zeile von {file} passt zu einem Gebiet: Diese beiden gehören nicht zusammen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="42"/>
        <source>The field {column} holds no numbers (row {row}: {value!r}).</source>
        <translation>Das Feld {column} enthält keine Zahlen (Zeile {row}: {value!r}).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="43"/>
        <source>The indicator {column} has the same value in every valid area; it cannot be standardised.</source>
        <translation>Der Indikator {column} hat in allen gültigen Gebieten denselben Wert und kann nicht standardisiert werden.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="44"/>
        <source>Only {n} areas have complete values; at least {needed} are needed.</source>
        <translation>Nur {n} Gebiete haben vollständige Werte; mindestens {needed} werden gebraucht.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="45"/>
        <source>{k} clusters were asked for, but only {n} areas have complete values.</source>
        <translation>{k} Cluster wurden verlangt, aber nur {n} Gebiete haben vollständige Werte.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="46"/>
        <source>The indicator {column} has no value in any area.</source>
        <translation>Der Indikator {column} hat in keinem Gebiet einen Wert.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="47"/>
        <source>{n_weights} weights were given for {n_fields} indicators.</source>
        <translation>{n_weights} Gewichte wurden für {n_fields} Indikatoren angegeben.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="34"/>
        <source>The output {file} is one of the inputs; choose another file (sources are never modified).</source>
        <translation>Die Ausgabe {file} ist eine der Eingaben; bitte eine andere Datei wählen (Quellen werden nie verändert).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="35"/>
        <source>The output {file} could not be written: {reason}</source>
        <translation>Die Ausgabe {file} konnte nicht geschrieben werden: {reason}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="36"/>
        <source>The output {file} must be a GeoPackage (.gpkg).</source>
        <translation>Die Ausgabe {file} muss ein GeoPackage (.gpkg) sein.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="49"/>
        <source>The file {file} is not valid {encoding} (byte {position}).</source>
        <translation>Die Datei {file} ist kein gültiges {encoding} (Byte {position}).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="50"/>
        <source>Invalid value {value!r} for the option {option}.</source>
        <translation>Ungültiger Wert {value!r} für die Option {option}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="51"/>
        <source>Row {row} of {file} has {found} cells where the other rows have {expected}.</source>
        <translation>Zeile {row} von {file} hat {found} Zellen, die übrigen Zeilen haben {expected}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="52"/>
        <source>Reading {suffix} files needs GDAL (osgeo) or the Python module {module}; neither is installed ({file}).</source>
        <translation>Zum Lesen von {suffix}-Dateien wird GDAL (osgeo) oder das Python-Modul {module} benötigt; keines von beiden ist installiert ({file}).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="53"/>
        <source>The numbers in {file} were read with decimal mark {decimal!r} and thousands mark {thousands!r}, but the file does not make this certain (e.g. {example!r}).</source>
        <translation>Die Zahlen in {file} wurden mit dem Dezimalzeichen {decimal!r} und dem Tausendertrennzeichen {thousands!r} gelesen, die Datei lässt das aber nicht eindeutig erkennen (z. B. {example!r}).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="54"/>
        <source>{file} writes decimals both with a comma ({comma} cells) and with a point ({dot} cells); cells in the other format stay text.</source>
        <translation>{file} enthält Dezimalzahlen sowohl mit Komma ({comma} Zellen) als auch mit Punkt ({dot} Zellen); Zellen im jeweils anderen Format bleiben Text.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="55"/>
        <source>The column {column} of {file} is mostly numbers but stays text: row {row} holds {value!r}.</source>
        <translation>Die Spalte {column} von {file} enthält überwiegend Zahlen, bleibt aber Text: Zeile {row} enthält {value!r}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="56"/>
        <source>{count} line(s) above the header of {file} were skipped.</source>
        <translation>{count} Zeile(n) oberhalb der Kopfzeile von {file} wurden übersprungen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="57"/>
        <source>{count} empty row(s) in {file} were skipped.</source>
        <translation>{count} leere Zeile(n) in {file} wurden übersprungen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="58"/>
        <source>{count} note line(s) below the table in {file} were skipped.</source>
        <translation>{count} Anmerkungszeile(n) unterhalb der Tabelle in {file} wurden übersprungen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="59"/>
        <source>Column names in {file} were made unique: {columns}.</source>
        <translation>Spaltennamen in {file} wurden eindeutig gemacht: {columns}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="60"/>
        <source>{count} empty column(s) without a name in {file} were dropped.</source>
        <translation>{count} leere Spalte(n) ohne Namen in {file} wurden entfernt.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="61"/>
        <source>{count} row(s) of {file} have no district key and were left out.</source>
        <translation>{count} Zeile(n) von {file} haben keinen Gebietsschlüssel und wurden ausgelassen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="62"/>
        <source>The column {column} of {file} has several values per district; the first one is kept.</source>
        <translation>Die Spalte {column} von {file} hat mehrere Werte je Gebiet; der erste wird übernommen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="64"/>
        <source>Keys compared as written.</source>
        <translation>Schlüssel wie geschrieben verglichen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="65"/>
        <source>Keys made comparable: leading zeros ignored (&apos;001&apos; = &apos;1&apos;).</source>
        <translation>Schlüssel vergleichbar gemacht: führende Nullen ignoriert ('001' = '1').</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="66"/>
        <source>Keys made comparable: number keys padded with zeros to {width} digits (&apos;{short}&apos; = &apos;{padded}&apos;).</source>
        <translation>Schlüssel vergleichbar gemacht: numerische Schlüssel mit Nullen auf {width} Stellen aufgefüllt ('{short}' = '{padded}').</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="67"/>
        <source>Keys made comparable: prefix &apos;{prefix}&apos; and leading zeros ignored (&apos;{prefix}01&apos; = &apos;1&apos;).</source>
        <translation>Schlüssel vergleichbar gemacht: Präfix '{prefix}' und führende Nullen ignoriert ('{prefix}01' = '1').</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="68"/>
        <source>Keys made comparable: only the number in front of the name counts (&apos;01 Altstadt&apos; = &apos;1&apos;).</source>
        <translation>Schlüssel vergleichbar gemacht: nur die Nummer vor dem Namen zählt ('01 Altstadt' = '1').</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="69"/>
        <source>Keys compared as names: case, umlauts, underscores and a leading number ignored ('04 Westliche Höhe' = 'Westliche_Höhe').</source>
        <translation>Schlüssel als Namen verglichen: Groß-/Kleinschreibung, Umlaute, Unterstriche und eine vorangestellte Nummer ignoriert ('04 Westliche Höhe' = 'Westliche_Höhe').</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="71"/>
        <source>The column {column} does not exist in {side}. Columns: {columns}.</source>
        <translation>Die Spalte {column} existiert nicht in {side}. Spalten: {columns}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="72"/>
        <source>{matched} of {n_districts} districts received a row of {file} ({n_rows} rows).</source>
        <translation>{matched} von {n_districts} Gebieten haben eine Zeile aus {file} erhalten ({n_rows} Zeilen).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="73"/>
        <source>{count} district(s) have no row in the table: {examples}.</source>
        <translation>{count} Gebiet(e) haben keine Zeile in der Tabelle: {examples}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="74"/>
        <source>{count} district(s) have an empty key in {column}.</source>
        <translation>{count} Gebiet(e) haben einen leeren Schlüssel in {column}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="75"/>
        <source>{count} key(s) of the table match no district: {examples}.</source>
        <translation>{count} Schlüssel der Tabelle passen zu keinem Gebiet: {examples}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="76"/>
        <source>{count} row(s) of the table have an empty key in {column}.</source>
        <translation>{count} Zeile(n) der Tabelle haben einen leeren Schlüssel in {column}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="77"/>
        <source>{count} key(s) occur on several rows of the table and were not joined: {examples}. {districts} district(s) stay empty because of this.</source>
        <translation>{count} Schlüssel kommen in mehreren Zeilen der Tabelle vor und wurden nicht verbunden: {examples}. {districts} Gebiet(e) bleiben deshalb leer.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="78"/>
        <source>{count} key(s) are shared by several districts (each gets the row): {examples}.</source>
        <translation>{count} Schlüssel werden von mehreren Gebieten geteilt (jedes erhält die Zeile): {examples}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="79"/>
        <source>Table columns renamed because the districts already have them: {columns}.</source>
        <translation>Tabellenspalten umbenannt, da die Gebiete sie bereits haben: {columns}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="80"/>
        <source>Only {matched} of {n_districts} districts match a row of {file}: these two probably do not belong together.</source>
        <translation>Nur {matched} von {n_districts} Gebieten passen zu einer Zeile aus {file}: Die beiden gehören wahrscheinlich nicht zusammen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="81"/>
        <source>With a key transform {matched} districts would match. {description}</source>
        <translation>Mit einer Schlüsselumwandlung würden {matched} Gebiete übereinstimmen. {description}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="82"/>
        <source>The keys are built differently: districts {district_scheme} (e.g. {district_example}), table {table_scheme} (e.g. {table_example}).</source>
        <translation>Die Schlüssel sind unterschiedlich aufgebaut: Gebiete {district_scheme} (z. B. {district_example}), Tabelle {table_scheme} (z. B. {table_example}).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="83"/>
        <source>The layer has {n_districts} areas, the table {n_table}: the table may be for another boundary year or level.</source>
        <translation>Der Layer hat {n_districts} Gebiete, die Tabelle {n_table}: Die Tabelle gehört möglicherweise zu einem anderen Gebietsstand oder einer anderen Gebietsebene.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="84"/>
        <source>Names match better than keys: {district_column} ↔ {table_column} gives {matched} matches (e.g. {examples}).</source>
        <translation>Namen passen besser als Schlüssel: {district_column} ↔ {table_column} ergibt {matched} Treffer (z. B. {examples}).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="86"/>
        <source>The field {column} does not exist. Fields: {columns}.</source>
        <translation>Das Feld {column} existiert nicht. Felder: {columns}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="87"/>
        <source>The direction of {column} must be +1 (higher = more need) or -1 (higher = less need), not {value!r}.</source>
        <translation>Die Richtung von {column} muss +1 (höher = mehr Bedarf) oder -1 (höher = weniger Bedarf) sein, nicht {value!r}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="88"/>
        <source>The kind of the indicator {column} must be one of {kinds}, not {value!r}.</source>
        <translation>Die Art des Indikators {column} muss eine von {kinds} sein, nicht {value!r}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="89"/>
        <source>The rate {column} needs a numerator field and a denominator field.</source>
        <translation>Die Quote {column} benötigt ein Zählerfeld und ein Nennerfeld.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="90"/>
        <source>The scale of {column} must be a positive number, not {value!r}.</source>
        <translation>Der Skalierungsfaktor von {column} muss eine positive Zahl sein, nicht {value!r}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="91"/>
        <source>The change of {column} needs two different years, not {years}.</source>
        <translation>Die Veränderung von {column} benötigt zwei verschiedene Jahre, nicht {years}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="92"/>
        <source>Unknown method {method!r}; use one of: {methods}.</source>
        <translation>Unbekannte Methode {method!r}; zulässig sind: {methods}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="93"/>
        <source>Weights must be non-negative numbers with a positive sum, not {weights}.</source>
        <translation>Gewichte müssen nichtnegative Zahlen mit positiver Summe sein, nicht {weights}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="94"/>
        <source>Class thresholds must increase from left to right: {thresholds}.</source>
        <translation>Klassengrenzen müssen von links nach rechts ansteigen: {thresholds}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="95"/>
        <source>{n} indicators were given; at least {needed} are needed.</source>
        <translation>{n} Indikatoren angegeben; mindestens {needed} werden benötigt.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="96"/>
        <source>The {what} has {found} values, but the table has {expected} rows.</source>
        <translation>Die Angabe {what} hat {found} Werte, die Tabelle aber {expected} Zeilen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="97"/>
        <source>The number of clusters must be a whole number of at least 1, not {k!r}.</source>
        <translation>Die Anzahl der Cluster muss eine ganze Zahl von mindestens 1 sein, nicht {k!r}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="98"/>
        <source>Ward clustering of {n} areas would need about {memory_mb} MB of memory; it is limited to {limit} areas. Use k-means instead.</source>
        <translation>Ward-Clustering von {n} Gebieten würde etwa {memory_mb} MB Arbeitsspeicher benötigen; es ist auf {limit} Gebiete begrenzt. Bitte stattdessen k-means verwenden.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="99"/>
        <source>{method} needs the Python package scipy, which is not installed. Use k-means instead.</source>
        <translation>{method} benötigt das Python-Paket scipy, das nicht installiert ist. Bitte stattdessen k-means verwenden.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="100"/>
        <source>The confidence level must lie between 0 and 1, not {level!r}.</source>
        <translation>Das Konfidenzniveau muss zwischen 0 und 1 liegen, nicht {level!r}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="101"/>
        <source>Row {row}: the count {count} is negative or larger than its total {total}.</source>
        <translation>Zeile {row}: Die Anzahl {count} ist negativ oder größer als die Gesamtzahl {total}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="103"/>
        <source>The classification method {method} is unknown. Methods: {methods}.</source>
        <translation>Die Klassifizierungsmethode {method} ist unbekannt. Methoden: {methods}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="104"/>
        <source>A fixed-interval map needs a class width greater than 0, not {value!r}.</source>
        <translation>Eine Karte mit fester Intervallbreite benötigt eine Klassenbreite größer als 0, nicht {value!r}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="105"/>
        <source>A class width of {value} gives {n} classes; at most {max} can be shown. Choose a wider interval.</source>
        <translation>Eine Klassenbreite von {value} ergibt {n} Klassen; höchstens {max} können dargestellt werden. Bitte ein breiteres Intervall wählen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="106"/>
        <source>The standard-deviation multiples {value!r} cannot be read; write numbers such as -1; 0; 1,5.</source>
        <translation>Die Vielfachen der Standardabweichung {value!r} können nicht gelesen werden; bitte Zahlen wie -1; 0; 1,5 angeben.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="107"/>
        <source>The field {column} has {n} different values; a categorized map shows at most {max}.</source>
        <translation>Das Feld {column} hat {n} verschiedene Werte; eine kategorisierte Karte zeigt höchstens {max}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="108"/>
        <source>The map output {file} must end in .pdf, .png or .svg.</source>
        <translation>Die Kartenausgabe {file} muss auf .pdf, .png oder .svg enden.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="109"/>
        <source>The layout template {file} cannot be read or has no map.</source>
        <translation>Die Layoutvorlage {file} kann nicht gelesen werden oder enthält keine Karte.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="110"/>
        <source>The map could not be exported to {file} ({reason}).</source>
        <translation>Die Karte konnte nicht nach {file} exportiert werden ({reason}).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="112"/>
        <source>The indicator labels cannot be read at {entry!r}; write them as FIELD=Label|unit;FIELD=Label|unit.</source>
        <translation>Die Indikatorbezeichnungen können bei {entry!r} nicht gelesen werden; bitte in der Form FIELD=Bezeichnung|Einheit;FIELD=Bezeichnung|Einheit angeben.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="113"/>
        <source>The direction {entry!r} cannot be read; write FIELD=+1 (higher = more need), FIELD=-1 or FIELD=0.</source>
        <translation>Die Richtung {entry!r} kann nicht gelesen werden; bitte FIELD=+1 (höher = mehr Bedarf), FIELD=-1 oder FIELD=0 angeben.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="114"/>
        <source>The rate {entry!r} cannot be read; write FIELD=numerator/denominator.</source>
        <translation>Die Quote {entry!r} kann nicht gelesen werden; bitte FIELD=Zähler/Nenner angeben.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="116"/>
        <source>The city value method {method} of {field} is unknown.</source>
        <translation>Die Methode {method} für den Gesamtstadtwert von {field} ist unbekannt.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="117"/>
        <source>The field {field} does not exist. Fields: {fields}.</source>
        <translation>Das Feld {field} existiert nicht. Felder: {fields}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="118"/>
        <source>{parameter} names {field}, which is not one of the indicator fields ({fields}).</source>
        <translation>{parameter} nennt {field}, das keines der Indikatorfelder ist ({fields}).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="119"/>
        <source>No indicator fields were chosen.</source>
        <translation>Es wurden keine Indikatorfelder gewählt.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="120"/>
        <source>{n} indicators do not fit on one page; choose at most {maximum}.</source>
        <translation>{n} Indikatoren passen nicht auf eine Seite; bitte höchstens {maximum} wählen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="121"/>
        <source>The output {file} must be a PDF file (.pdf).</source>
        <translation>Die Ausgabe {file} muss eine PDF-Datei (.pdf) sein.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="122"/>
        <source>The template {file} is not a readable QGIS layout template (.qpt).</source>
        <translation>Die Vorlage {file} ist keine lesbare QGIS-Layoutvorlage (.qpt).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="123"/>
        <source>No district is left to print (check the filter expression).</source>
        <translation>Es bleibt kein Gebiet zum Drucken übrig (Filterausdruck prüfen).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="124"/>
        <source>The profile sheets could not be written to {file}: {reason}</source>
        <translation>Die Sozialraumprofile konnten nicht nach {file} geschrieben werden: {reason}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="125"/>
        <source>The table of indicators needs {width} mm and does not fit the page; use fewer decimals or shorter units.</source>
        <translation>Die Indikatorentabelle benötigt {width} mm und passt nicht auf die Seite; bitte weniger Nachkommastellen oder kürzere Einheiten verwenden.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="37"/>
        <source>The expression {expression} cannot be used: {reason}</source>
        <translation>Der Ausdruck {expression} kann nicht verwendet werden: {reason}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="38"/>
        <source>The entry {entry!r} is not of the form field=value.</source>
        <translation>Der Eintrag {entry!r} hat nicht die Form Feld=Wert.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="39"/>
        <source>The report definition {file} cannot be used: {section}: {reason}.</source>
        <translation>Die Berichtsdefinition {file} kann nicht verwendet werden: {section}: {reason}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="40"/>
        <source>The report definition {file} is not valid JSON (line {row}, column {column}): {reason}.</source>
        <translation>Die Berichtsdefinition {file} ist kein gültiges JSON (Zeile {row}, Spalte {column}): {reason}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="127"/>
        <source>The indicator {column} names a column with {{year}} but has no change_between years.</source>
        <translation>Der Indikator {column} nennt eine Spalte mit {{year}}, hat aber keine Jahre in change_between.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="128"/>
        <source>The indicator {indicator} needs the field {column}, which does not exist. Fields: {columns}.</source>
        <translation>Der Indikator {indicator} benötigt das Feld {column}, das nicht existiert. Felder: {columns}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="129"/>
        <source>The indicator {indicator} needs numbers in the field {column}, but district {row} has {value!r}.</source>
        <translation>Der Indikator {indicator} benötigt Zahlen im Feld {column}, aber Gebiet {row} enthält {value!r}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="130"/>
        <source>The indicator {indicator} cannot tell whether {value!r} in the field {column} (district {row}) is a whole number with a thousands dot or a decimal; store the field as numbers (sozialraum:jointable reads German numbers) and run again.</source>
        <translation>Beim Indikator {indicator} ist nicht erkennbar, ob {value!r} im Feld {column} (Gebiet {row}) eine ganze Zahl mit Tausenderpunkt oder eine Dezimalzahl ist; bitte das Feld als Zahlen speichern (sozialraum:jointable liest deutsche Zahlen) und erneut ausführen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="131"/>
        <source>The indicator {indicator}: the count {column} is negative in district {row} ({value}).</source>
        <translation>Indikator {indicator}: Die Anzahl {column} ist im Gebiet {row} negativ ({value}).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="132"/>
        <source>The indicator {indicator} is a share, but in district {row} its numerator {numerator} ({count}) is greater than its denominator {denominator} ({total}). If it is a ratio and no share (e.g. places per child), say so: &quot;share&quot;: false in its definition.</source>
        <translation>Der Indikator {indicator} ist ein Anteil, aber im Gebiet {row} ist sein Zähler {numerator} ({count}) größer als sein Nenner {denominator} ({total}). Handelt es sich um eine Verhältniszahl und keinen Anteil (z. B. Plätze je Kind), dies in seiner Definition angeben: &quot;share&quot;: false.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="133"/>
        <source>&quot;share&quot; of the indicator {column} must be true or false, not {value!r}.</source>
        <translation>&quot;share&quot; des Indikators {column} muss true oder false sein, nicht {value!r}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="134"/>
        <source>The field {column} of the indicator {indicator} is computed twice; give each indicator its own id.</source>
        <translation>Das Feld {column} des Indikators {indicator} wird zweimal berechnet; bitte jedem Indikator eine eigene id geben.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="135"/>
        <source>The indicator {indicator} would replace its own input field {column}; give it another id.</source>
        <translation>Der Indikator {indicator} würde sein eigenes Eingabefeld {column} ersetzen; bitte eine andere id vergeben.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="136"/>
        <source>The indicator {indicator} would replace the field {column}, which holds the districts&apos; fid, geometry or key; give it another id.</source>
        <translation>Der Indikator {indicator} würde das Feld {column} ersetzen, das fid, Geometrie oder Schlüssel der Gebiete enthält; bitte eine andere id vergeben.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="137"/>
        <source>No indicator to compute: give INDICATORS (rates or changes), RATES or CHANGES.</source>
        <translation>Kein Indikator zu berechnen: bitte INDICATORS (Quoten oder Veränderungen), RATES oder CHANGES angeben.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="138"/>
        <source>The entry {entry!r} of {parameter} cannot be read; write {form}.</source>
        <translation>Der Eintrag {entry!r} von {parameter} kann nicht gelesen werden; bitte {form} angeben.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="139"/>
        <source>The indicator definitions cannot be read: {reason}.</source>
        <translation>Die Indikatordefinitionen können nicht gelesen werden: {reason}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="140"/>
        <source>The indicator {indicator} of the report definition needs the column {column}, which neither the boundaries nor the tables provide ({available}).</source>
        <translation>Der Indikator {indicator} der Berichtsdefinition benötigt die Spalte {column}, die weder die Gebietsgrenzen noch die Tabellen liefern ({available}).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="143"/>
        <source>The output {file} cannot be written ({reason}): it may be open in another program (close it there) or the file or folder is read-only. Nothing was changed.</source>
        <translation>Die Ausgabe {file} kann nicht geschrieben werden ({reason}): Möglicherweise ist sie in einem anderen Programm geöffnet (dort schließen), oder Datei bzw. Ordner sind schreibgeschützt. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="145"/>
        <source>The title has {n} characters; at most {limit} fit on {what}. Shorten it (a subtitle can say the rest): {title}</source>
        <translation>Der Titel hat {n} Zeichen; auf {what} passen höchstens {limit}. Bitte kürzen (der Rest kann in den Untertitel): {title}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="146"/>
        <source>The field {field} ({parameter}) does not exist in {file}. Fields: {fields}.</source>
        <translation>Das Feld {field} ({parameter}) gibt es in {file} nicht. Vorhandene Felder: {fields}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="147"/>
        <source>The output {file} cannot be written: {parent} is a file, not a folder.</source>
        <translation>Die Ausgabe {file} kann nicht geschrieben werden: {parent} ist eine Datei, kein Ordner.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="148"/>
        <source>The output {file} is a folder; give a file name.</source>
        <translation>Die Ausgabe {file} ist ein Ordner; bitte einen Dateinamen angeben.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="149"/>
        <source>The output folder {file} is a file; give a folder.</source>
        <translation>Der Ausgabeordner {file} ist eine Datei; bitte einen Ordner angeben.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="150"/>
        <source>The output {file} cannot be written: the folder {folder} is not writable.</source>
        <translation>Die Ausgabe {file} kann nicht geschrieben werden: Der Ordner {folder} ist nicht beschreibbar.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="151"/>
        <source>The report definition {file} names {id} in {section}, but it is no column of the joined data. Columns: {columns}.</source>
        <translation>Die Berichtsdefinition {file} nennt {id} in {section}, die verbundenen Daten haben aber keine solche Spalte. Vorhandene Spalten: {columns}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="152"/>
        <source>The layer {file} holds {geometry} geometries; district boundaries must be polygons.</source>
        <translation>Der Layer {file} enthält Geometrien vom Typ {geometry}; Gebietsgrenzen müssen Polygone sein.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="153"/>
        <source>The layer {file} has no features.</source>
        <translation>Der Layer {file} enthält keine Objekte.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="154"/>
        <source>The layer {file} is read in {crs} (degrees), but its coordinates reach {extent}: these are metres of a projected CRS. Name the CRS in the file (a &apos;crs&apos; member in the GeoJSON, a .prj beside a shapefile) or save it with its CRS, then run again.</source>
        <translation>Der Layer {file} wird in {crs} (Grad) gelesen, seine Koordinaten reichen aber bis {extent}: Das sind Meterwerte eines projizierten Koordinatenbezugssystems (KBS). Bitte das KBS in der Datei angeben (ein 'crs'-Eintrag im GeoJSON, eine .prj-Datei neben dem Shapefile) oder die Datei mit ihrem KBS speichern und dann erneut ausführen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="155"/>
        <source>Only {n} of {total} areas are valid; at least {needed} are needed. The population rule (at least {min_population} residents in {field}) removed {population}, {excluded} were excluded and {missing} have a missing value.</source>
        <translation>Nur {n} von {total} Gebieten sind gültig; mindestens {needed} werden benötigt. Die Mindesteinwohnerzahl (mindestens {min_population} Einwohner in {field}) hat {population} herausgenommen, {excluded} wurden ausgeschlossen und bei {missing} fehlt ein Wert.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="142"/>
        <source>The file or folder {file} cannot be used: {reason}. Nothing was changed.</source>
        <translation>Die Datei oder der Ordner {file} kann nicht verwendet werden: {reason}. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="115"/>
        <source>The threshold {entry!r} cannot be read; write FIELD=5 (counts from 1 to below 5 are not shown).</source>
        <translation>Die Schwelle {entry!r} ist nicht lesbar; schreiben Sie FIELD=5 (Anzahlen von 1 bis unter 5 werden nicht ausgewiesen).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="157"/>
        <source>The QGIS project {file} could not be written ({reason}).</source>
        <translation>Das QGIS-Projekt {file} konnte nicht geschrieben werden ({reason}).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="159"/>
        <source>The workbook {file} cannot be written: neither openpyxl nor GDAL&apos;s XLSX driver is available. The CSV appendix has the same values.</source>
        <translation>Die Arbeitsmappe {file} lässt sich nicht schreiben: weder openpyxl noch der XLSX-Treiber von GDAL ist vorhanden. Der CSV-Anhang enthält dieselben Werte.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="161"/>
        <source>The house colour {colour!r} is not a colour; write it as #1f4e79 or a colour name.</source>
        <translation>Die Hausfarbe {colour!r} ist keine Farbe; bitte als #1f4e79 oder als Farbname angeben.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="163"/>
        <source>Row {row} of the crosswalk {file} has no old key in {column}.</source>
        <translation>Zeile {row} des Umsteigeschlüssels {file} hat keinen alten Schlüssel in {column}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="164"/>
        <source>Row {row} of the crosswalk {file} (old key {key}) has the share {value!r} in {column}; a share is a number from 0 to 1.</source>
        <translation>Zeile {row} des Umsteigeschlüssels {file} (alter Schlüssel {key}) hat den Anteil {value!r} in {column}; ein Anteil ist eine Zahl von 0 bis 1.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="165"/>
        <source>The crosswalk {file} has the pair old key {old} / new key {new} more than once.</source>
        <translation>Der Umsteigeschlüssel {file} enthält das Paar alter Schlüssel {old} / neuer Schlüssel {new} mehr als einmal.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="166"/>
        <source>In the crosswalk {file} the shares of {n} old key(s) do not sum to 1 (tolerance {tolerance}): {keys}. Each old area must be given out completely; write its part outside every new area as a row with an empty new key.</source>
        <translation>Im Umsteigeschlüssel {file} summieren sich die Anteile von {n} alten Schlüssel(n) nicht zu 1 (Toleranz {tolerance}): {keys}. Jedes alte Gebiet muss vollständig verteilt werden; schreiben Sie seinen Teil außerhalb aller neuen Gebiete als Zeile mit leerem neuen Schlüssel.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="167"/>
        <source>In the crosswalk {file} the shares of the old keys sum to 100, not 1 ({keys}): they look like percentages. Divide them by 100.</source>
        <translation>Im Umsteigeschlüssel {file} summieren sich die Anteile der alten Schlüssel zu 100, nicht zu 1 ({keys}): Sie sehen wie Prozente aus. Teilen Sie sie durch 100.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="168"/>
        <source>A feature of {file} (fid {fid}) has no key in {field}; every area needs one.</source>
        <translation>Ein Objekt von {file} (fid {fid}) hat keinen Schlüssel in {field}; jedes Gebiet braucht einen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="169"/>
        <source>The key {key} occurs more than once in {field} of {file}; each area must have a key of its own.</source>
        <translation>Der Schlüssel {key} kommt in {field} von {file} mehr als einmal vor; jedes Gebiet braucht einen eigenen Schlüssel.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="170"/>
        <source>Not one area of {file} overlaps an area of {target}: are both in the right coordinate reference system?</source>
        <translation>Kein Gebiet von {file} überlappt ein Gebiet von {target}: Sind beide im richtigen Koordinatenbezugssystem?</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="171"/>
        <source>The weight field {field} of {file} holds {value!r} (fid {fid}); weights are numbers of 0 or more.</source>
        <translation>Das Gewichtsfeld {field} von {file} enthält {value!r} (fid {fid}); Gewichte sind Zahlen ab 0.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="172"/>
        <source>The rate {rate} is computed from {field}, which is not one of COUNT_FIELDS ({fields}): rates on the new grid come from carried counts only.</source>
        <translation>Die Quote {rate} wird aus {field} berechnet, das nicht zu COUNT_FIELDS gehört ({fields}): Quoten der neuen Gliederung entstehen nur aus übertragenen Zahlen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="173"/>
        <source>The count field {field} of {file} holds {value!r} (key {key}); counts must be numbers.</source>
        <translation>Das Zählfeld {field} von {file} enthält {value!r} (Schlüssel {key}); Anzahlen müssen Zahlenwerte sein.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="175"/>
        <source>The indicator {column}: {name} must be {expected}, not {value!r}.</source>
        <translation>Indikator {column}: {name} muss {expected} sein, nicht {value!r}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="176"/>
        <source>{parameter} cannot be read as JSON: line {row}, column {column}: {reason}.</source>
        <translation>{parameter} kann nicht als JSON gelesen werden: Zeile {row}, Spalte {column}: {reason}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="177"/>
        <source>{parameter} must be a JSON list of indicators ([{{&quot;id&quot;: &quot;S1&quot;, &quot;label&quot;: …}}, …]) or a report definition.</source>
        <translation>{parameter} muss eine JSON-Liste von Indikatoren sein ([{{&quot;id&quot;: &quot;S1&quot;, &quot;label&quot;: …}}, …]) oder eine Berichtsdefinition.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="178"/>
        <source>{entry} cannot be used: {reason}</source>
        <translation>{entry} kann nicht verwendet werden: {reason}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="180"/>
        <source>A page of small multiples shows at most {max} maps; {n} were asked for. Map fewer years, or one page per year (layout &apos;pages&apos;).</source>
        <translation>Eine Kartenreihe zeigt auf einer Seite höchstens {max} Karten; verlangt wurden {n}. Kartieren Sie weniger Jahre oder eine Seite je Jahr (layout 'pages').</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="181"/>
        <source>The {n} maps of the small multiples do not fit on the page; choose a larger page size.</source>
        <translation>Die {n} Karten der Kartenreihe passen nicht auf die Seite; wählen Sie ein größeres Seitenformat.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="183"/>
        <source>The indicator {column} names the column it reads with &quot;of&quot;, but {value!r} is no column name.</source>
        <translation>Der Indikator {column} nennt mit &quot;of&quot; die Spalte, die er liest, aber {value!r} ist kein Spaltenname.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="184"/>
        <source>The indicator {column} is a rate: it reads its numerator and denominator, not a column named by &quot;of&quot;.</source>
        <translation>Der Indikator {column} ist eine Quote: Er liest Zähler und Nenner, keine mit &quot;of&quot; genannte Spalte.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="185"/>
        <source>The indicator {column} names two columns to read: of {of} and base {base}; keep one.</source>
        <translation>Der Indikator {column} nennt zwei Spalten zum Lesen: of {of} und base {base}; bitte nur eine angeben.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="186"/>
        <source>The indicator {indicator} needs the year {year}, but the tables hold the years {years}.</source>
        <translation>Der Indikator {indicator} braucht das Jahr {year}, die Tabellen enthalten aber die Jahre {years}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="187"/>
        <source>The indicator {indicator} reads the column {column}, which no table has, in no year ({years}) and not without a year. Columns: {columns}.</source>
        <translation>Der Indikator {indicator} liest die Spalte {column}, die keine Tabelle hat, in keinem Jahr ({years}) und nicht ohne Jahr. Spalten: {columns}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="188"/>
        <source>The indicator {indicator} has values for {found} but none for the report year {year} (its column {column} is in no table of that year).</source>
        <translation>Der Indikator {indicator} hat Werte für {found}, aber keinen für das Berichtsjahr {year} (seine Spalte {column} steht in keiner Tabelle dieses Jahres).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="189"/>
        <source>The indicator {indicator} would write the column {column}, which is already a column of the tables; give the indicator another id.</source>
        <translation>Der Indikator {indicator} würde die Spalte {column} schreiben, die schon eine Spalte der Tabellen ist; bitte dem Indikator eine andere id geben.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="191"/>
        <source>The series table {table} lacks the column {column}; a series has the columns key, indicator, year, value, numerator, denominator and shown.</source>
        <translation>Der Zeitreihentabelle {table} fehlt die Spalte {column}; eine Zeitreihe hat die Spalten key, indicator, year, value, numerator, denominator und shown.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="192"/>
        <source>A series table (SERIES) is matched to the districts by their key: choose the key field (KEY_FIELD).</source>
        <translation>Eine Zeitreihentabelle (SERIES) wird über den Schlüssel den Gebieten zugeordnet: wählen Sie das Schlüsselfeld (KEY_FIELD).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="193"/>
        <source>The series table {table} has the year {value!r} in row {row}; years are whole numbers such as 2021.</source>
        <translation>Die Zeitreihentabelle {table} hat in Zeile {row} das Jahr {value!r}; Jahre sind ganze Zahlen wie 2021.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="195"/>
        <source>The lookup table {file} has no column {column}. Columns: {columns}.</source>
        <translation>Die Zuordnungstabelle {file} hat keine Spalte {column}. Spalten: {columns}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="196"/>
        <source>The lookup table {file} gives the district {key} more than one parent ({parents}); each district needs exactly one.</source>
        <translation>Die Zuordnungstabelle {file} gibt dem Gebiet {key} mehr als ein übergeordnetes Gebiet ({parents}); jedes Gebiet braucht genau eines.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="197"/>
        <source>No key of the lookup table {file} (column {column}, e.g. {keys}) matches a district key (e.g. {children}).</source>
        <translation>Kein Schlüssel der Zuordnungstabelle {file} (Spalte {column}, z. B. {keys}) passt zu einem Gebietsschlüssel (z. B. {children}).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="198"/>
        <source>The count field {column} holds no number for district {row}: {value!r}.</source>
        <translation>Das Zählfeld {column} enthält für das Gebiet {row} keine Zahl: {value!r}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="199"/>
        <source>{indicator} is no rate of two counts (name=numerator/denominator); only such rates can be computed again for parents.</source>
        <translation>{indicator} ist keine Quote aus zwei Zählwerten (name=Zähler/Nenner); nur solche Quoten lassen sich für übergeordnete Gebiete neu berechnen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="200"/>
        <source>The rate {indicator} has the name of a count field or of the parent key; give it another name.</source>
        <translation>Die Quote {indicator} hat den Namen eines Zählfelds oder des übergeordneten Schlüssels; geben Sie ihr einen anderen Namen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="201"/>
        <source>Nothing to aggregate: name count fields (COUNT_FIELDS) or rates (RATES).</source>
        <translation>Nichts zusammenzufassen: Zählfelder (COUNT_FIELDS) oder Quoten (RATES) angeben.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="202"/>
        <source>None of the {n} districts has a parent: check the parent field or the lookup table.</source>
        <translation>Keines der {n} Gebiete hat ein übergeordnetes Gebiet: Feld des übergeordneten Schlüssels oder Zuordnungstabelle prüfen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="203"/>
        <source>Give either a parent field (PARENT_FIELD) or a lookup table (LOOKUP with LOOKUP_KEY and LOOKUP_PARENT).</source>
        <translation>Entweder ein Feld des übergeordneten Schlüssels (PARENT_FIELD) oder eine Zuordnungstabelle (LOOKUP mit LOOKUP_KEY und LOOKUP_PARENT) angeben.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="206"/>
        <source>The report definition {file}: &quot;level&quot; needs either &quot;parent_field&quot; or &quot;lookup&quot; with &quot;key&quot; and &quot;parent&quot;; found: {found}.</source>
        <translation>Die Berichtsdefinition {file}: &quot;level&quot; braucht entweder &quot;parent_field&quot; oder &quot;lookup&quot; mit &quot;key&quot; und &quot;parent&quot;; gefunden: {found}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="208"/>
        <source>The output field {field} would be written twice (also as {other}): name carried counts and rates differently from each other and from the quality fields ({reserved}).</source>
        <translation>Das Ausgabefeld {field} würde zweimal geschrieben (auch als {other}): Übertragene Zählwerte und Quoten brauchen Namen, die sich voneinander und von den Qualitätsfeldern ({reserved}) unterscheiden.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="204"/>
        <source>The count {column} has the name of a column the parents get anyway ({taken}); its sum would overwrite it. Rename the field before aggregating.</source>
        <translation>Die Zählgröße {column} heißt wie eine Spalte, die die übergeordneten Gebiete ohnehin erhalten ({taken}); ihre Summe würde diese überschreiben. Benennen Sie das Feld vor dem Zusammenfassen um.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="205"/>
        <source>The report runs on the parent level {parent}, but these indicators are values without their counts: {ids}. A share cannot be summed to a parent, and a mean of the districts&apos; shares is not the parent&apos;s share. Give them as rates of two counts (numerator and denominator) or as counts, or leave them out of a report on this level.</source>
        <translation>Der Bericht läuft auf der übergeordneten Ebene {parent}, aber diese Indikatoren sind Werte ohne ihre Fallzahlen: {ids}. Ein Anteil lässt sich nicht zum übergeordneten Gebiet aufsummieren, und der Mittelwert der Anteile der Gebiete ist nicht der Anteil des übergeordneten Gebiets. Geben Sie sie als Quote aus zwei Fallzahlen (Zähler und Nenner) oder als Fallzahl an, oder lassen Sie sie in einem Bericht auf dieser Ebene weg.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="210"/>
        <source>The tables {first} and {second} both give {column} for the year {year}: is one of them another year&apos;s table? Check their &quot;year&quot;.</source>
        <translation>Die Tabellen {first} und {second} geben beide {column} für das Jahr {year}: Ist eine davon die Tabelle eines anderen Jahres? Prüfen Sie ihr &quot;year&quot;.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="211"/>
        <source>The table {file} has {count} rows for district {key} in the year {year} (column {column}); a table with a year column has one row per district and year.</source>
        <translation>Die Tabelle {file} hat {count} Zeilen für das Gebiet {key} im Jahr {year} (Spalte {column}); eine Tabelle mit Jahresspalte hat je Gebiet und Jahr eine Zeile.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="213"/>
        <source>The report definition {file} keeps a database password in plain text ({section}): name a QGIS connection instead, whose credentials are kept in an authentication configuration.</source>
        <translation>Die Berichtsdefinition {file} enthält ein Datenbankpasswort im Klartext ({section}): Nennen Sie stattdessen eine QGIS-Verbindung, deren Zugangsdaten in einer Authentifizierungskonfiguration liegen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="214"/>
        <source>There is no PostgreSQL connection named {connection} in this QGIS profile. Connections: {known}.</source>
        <translation>In diesem QGIS-Profil gibt es keine PostgreSQL-Verbindung namens {connection}. Verbindungen: {known}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="215"/>
        <source>The PostgreSQL connection {connection} keeps the password in plain text in the QGIS settings. Edit the connection and store the credentials in an authentication configuration (Authentication tab, &apos;Configurations&apos;), then run the report again.</source>
        <translation>Die PostgreSQL-Verbindung {connection} speichert das Passwort im Klartext in den QGIS-Einstellungen. Bearbeiten Sie die Verbindung und legen Sie die Zugangsdaten in einer Authentifizierungskonfiguration ab (Reiter „Authentifizierung“, „Konfigurationen“); starten Sie den Bericht dann erneut.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="216"/>
        <source>The database of the connection {connection} cannot be reached: {reason}</source>
        <translation>Die Datenbank der Verbindung {connection} ist nicht erreichbar: {reason}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="217"/>
        <source>The schema {schema} does not exist in the database {database}, and role {role} may not create it: ask your database administrator to create the schema {schema} for role {role}.</source>
        <translation>Das Schema {schema} gibt es in der Datenbank {database} nicht, und die Rolle {role} darf es nicht anlegen: Bitten Sie Ihren Datenbankadministrator, das Schema {schema} für die Rolle {role} anzulegen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="218"/>
        <source>Role {role} may not write into schema {schema}: ask your database administrator for this right ({rights}).</source>
        <translation>Die Rolle {role} darf nicht in das Schema {schema} schreiben: Bitten Sie Ihren Datenbankadministrator um dieses Recht ({rights}).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="219"/>
        <source>The table {schema}.{table} belongs to role {owner}; role {role} may not replace it: ask your database administrator to make {role} (or a group it belongs to) the owner of {schema}.{table}.</source>
        <translation>Die Tabelle {schema}.{table} gehört der Rolle {owner}; die Rolle {role} darf sie nicht ersetzen: Bitten Sie Ihren Datenbankadministrator, {role} (oder eine Gruppe, der sie angehört) zum Eigentümer von {schema}.{table} zu machen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="220"/>
        <source>The database has no table public.layer_styles for the maps&apos; styles, and role {role} may not create it: ask your database administrator to create it (saving any layer style to this database as an administrator does) and to grant {role} SELECT, INSERT, UPDATE and DELETE on it.</source>
        <translation>Die Datenbank hat keine Tabelle public.layer_styles für die Kartenstile, und die Rolle {role} darf sie nicht anlegen: Bitten Sie Ihren Datenbankadministrator, sie anzulegen (das geschieht, wenn er einen beliebigen Layerstil in dieser Datenbank speichert) und {role} darauf SELECT, INSERT, UPDATE und DELETE zu erteilen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="221"/>
        <source>Another report run is writing into schema {schema}: {holder}, started {since} (UTC). This run was stopped before writing anything; run it again when the other one has finished. A run that stopped without finishing is taken over after {minutes} minutes without a sign of life.</source>
        <translation>Ein anderer Berichtslauf schreibt gerade in das Schema {schema}: {holder}, gestartet {since} (UTC). Dieser Lauf wurde beendet, bevor er etwas geschrieben hat; starten Sie ihn erneut, wenn der andere fertig ist. Ein Lauf, der abgebrochen ist, ohne fertig zu werden, wird nach {minutes} Minuten ohne Lebenszeichen übernommen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="222"/>
        <source>Writing {table} into schema {schema} failed: {reason}. The tables of the previous report in {schema} are unchanged.</source>
        <translation>{table} konnte nicht in das Schema {schema} geschrieben werden: {reason}. Die Tabellen des vorigen Berichts in {schema} sind unverändert.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="223"/>
        <source>The database table {table} of the connection {connection} cannot be read: {reason}</source>
        <translation>Die Datenbanktabelle {table} der Verbindung {connection} kann nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="225"/>
        <source>The output {file} is not a destination the plugin can write: choose a GeoPackage (.gpkg), a temporary layer or a PostGIS table.</source>
        <translation>Die Ausgabe {file} ist kein Ziel, das das Plugin schreiben kann: Wählen Sie ein GeoPackage (.gpkg), einen temporären Layer oder eine PostGIS-Tabelle.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="226"/>
        <source>The database output {file} names no table (table=…).</source>
        <translation>Die Datenbankausgabe {file} nennt keine Tabelle (table=…).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="228"/>
        <source>Schema {schema} already holds a table {schema}.{table} that no report run wrote; a report run would replace it. Choose another schema for the report, or rename that table.</source>
        <translation>Das Schema {schema} enthält bereits eine Tabelle {schema}.{table}, die kein Berichtslauf geschrieben hat; ein Berichtslauf würde sie ersetzen. Wählen Sie ein anderes Schema für den Bericht oder benennen Sie diese Tabelle um.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="229"/>
        <source>The report&apos;s tables are in schema {schema} (this run&apos;s), but saving the project {project} there failed: {reason}. Open the tables from the schema directly, or run the report again.</source>
        <translation>Die Tabellen des Berichts stehen im Schema {schema} (aus diesem Lauf), aber das Speichern des Projekts {project} dort ist fehlgeschlagen: {reason}. Öffnen Sie die Tabellen direkt aus dem Schema oder starten Sie den Bericht erneut.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="231"/>
        <source>The run was canceled: {file} was not written (an earlier output there is unchanged).</source>
        <translation>Der Lauf wurde abgebrochen: {file} wurde nicht geschrieben (eine frühere Ausgabe dort ist unverändert).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="232"/>
        <source>The coordinate reference system of the layer ({crs}) has no code in the database's spatial_ref_sys, so {file} would have no coordinate reference system. Reproject the layer to an EPSG system first (e.g. EPSG:25832 with “Reproject layer”), or ask your database administrator to add this system to spatial_ref_sys. Nothing was changed.</source>
        <translation>Das Koordinatenbezugssystem des Layers ({crs}) hat keinen Code in spatial_ref_sys der Datenbank, {file} hätte also kein Koordinatenbezugssystem. Projizieren Sie den Layer zuerst in ein EPSG-System um (z. B. EPSG:25832 mit „Layer reprojizieren“), oder bitten Sie Ihre Datenbankadministration, dieses System in spatial_ref_sys aufzunehmen. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="234"/>
        <source>NEED_FIELD holds classes whose meaning is not known ({values}). Name the classes that mean high need in NEED_HIGH (e.g. &apos;hoch;sehr hoch&apos;), or use a numeric field.</source>
        <translation>NEED_FIELD enthält Klassen, deren Bedeutung nicht bekannt ist ({values}). Die Klassen mit hohem Bedarf in NEED_HIGH nennen (z. B. 'hoch;sehr hoch') oder ein Zahlenfeld verwenden.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="235"/>
        <source>FACILITIES ({file}) is no point layer and X_FIELD / Y_FIELD are not set. Give a point layer, or a table with the columns of the coordinates (e.g. X_FIELD lon, Y_FIELD lat, FACILITIES_CRS EPSG:4326).</source>
        <translation>FACILITIES ({file}) ist kein Punktlayer und X_FIELD / Y_FIELD sind nicht gesetzt. Einen Punktlayer angeben oder eine Tabelle mit den Spalten der Koordinaten (z. B. X_FIELD lon, Y_FIELD lat, FACILITIES_CRS EPSG:4326).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="236"/>
        <source>The column {field} ({parameter}) is not in {file}. Columns: {fields}.</source>
        <translation>Die Spalte {field} ({parameter}) gibt es in {file} nicht. Spalten: {fields}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="237"/>
        <source>{file}, row {row} (id {id}): {field} is {value!r}, not a number.</source>
        <translation>{file}, Zeile {row} (Kennung {id}): {field} ist {value!r}, keine Zahl.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="238"/>
        <source>FACILITIES_CRS {crs!r} is no coordinate reference system QGIS knows (e.g. EPSG:4326 for lon/lat).</source>
        <translation>FACILITIES_CRS {crs!r} ist kein Koordinatenbezugssystem, das QGIS kennt (z. B. EPSG:4326 für Länge/Breite).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="239"/>
        <source>{file} holds no facility with coordinates.</source>
        <translation>{file} enthält keine Einrichtung mit Koordinaten.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="240"/>
        <source>The road network {file} has no lines to build a graph from.</source>
        <translation>Das Straßennetz {file} hat keine Linien, aus denen ein Graph entstehen kann.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="241"/>
        <source>The districts are in a geographic CRS ({crs}): a catchment in metres needs a projected one. Reproject the districts first (e.g. to EPSG:25833 or EPSG:25832).</source>
        <translation>Die Gebiete liegen in einem geographischen Bezugssystem ({crs}): ein Einzugsbereich in Metern braucht ein projiziertes. Die Gebiete zuerst umprojizieren (z. B. nach EPSG:25833 oder EPSG:25832).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="242"/>
        <source>{file}, section supply: {reason}</source>
        <translation>{file}, Abschnitt supply: {reason}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="244"/>
        <source>FACTORS: &apos;{value}&apos; cannot be read. Write class=factor pairs separated by &apos;;&apos; (hoch=0.8;mittel=1;niedrig=1.2;sehr niedrig=1.5 or 1=0.8;2=1;3=1.2;4=1.5), linear:LOW:HIGH or slope:A:B[:MIN:MAX].</source>
        <translation>FACTORS: '{value}' ist nicht lesbar. Paare Klasse=Faktor mit ';' getrennt schreiben (hoch=0.8;mittel=1;niedrig=1.2;sehr niedrig=1.5 oder 1=0.8;2=1;3=1.2;4=1.5), linear:UNTEN:OBEN oder slope:A:B[:MIN:MAX].</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="245"/>
        <source>FACTORS: &apos;{value}&apos; gives a negative factor; factors must be 0 or more.</source>
        <translation>FACTORS: '{value}' ergibt einen negativen Faktor; Faktoren müssen 0 oder größer sein.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="246"/>
        <source>FACTORS: the class {value} is given twice.</source>
        <translation>FACTORS: die Klasse {value} ist zweimal angegeben.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="248"/>
        <source>BUDGET: the budget must be more than 0 € (given: {value}).</source>
        <translation>BUDGET: das Budget muss über 0 € liegen (angegeben: {value}).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="249"/>
        <source>The budget cannot be split: no district has a population above 0 with a need factor above 0 (check POPULATION_FIELD, NEED_FIELD and FACTORS).</source>
        <translation>Das Budget lässt sich nicht verteilen: kein Gebiet hat eine Einwohnerzahl über 0 mit einem Bedarfsfaktor über 0 (POPULATION_FIELD, NEED_FIELD und FACTORS prüfen).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="250"/>
        <source>District {key}: its floor {floor} € is above its cap {cap} €.</source>
        <translation>Gebiet {key}: seine Untergrenze {floor} € liegt über seiner Obergrenze {cap} €.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="251"/>
        <source>The floors add up to {floors} €, more than the budget of {budget} €: lower FLOOR or raise BUDGET.</source>
        <translation>Die Untergrenzen ergeben zusammen {floors} €, mehr als das Budget von {budget} €: FLOOR senken oder BUDGET erhöhen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="252"/>
        <source>The caps add up to {caps} €, less than the budget of {budget} €: raise CAP or lower BUDGET.</source>
        <translation>Die Obergrenzen ergeben zusammen {caps} €, weniger als das Budget von {budget} €: CAP erhöhen oder BUDGET senken.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="253"/>
        <source>FACTORS names no class the field {field} holds (values: {values}; classes in FACTORS: {classes}).</source>
        <translation>FACTORS nennt keine Klasse, die das Feld {field} enthält (Werte: {values}; Klassen in FACTORS: {classes}).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="254"/>
        <source>{file}: the section &quot;allocation&quot; cannot be used: {reason}</source>
        <translation>{file}: der Abschnitt &quot;allocation&quot; ist nicht verwendbar: {reason}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="260"/>
        <source>The series has two values for district {key}, indicator {indicator}, year {year}.</source>
        <translation>Die Zeitreihe hat zwei Werte für Gebiet {key}, Indikator {indicator}, Jahr {year}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="261"/>
        <source>The indicator {indicator} has no values: neither the series nor the layer&apos;s columns {indicator}_&lt;year&gt; or {indicator} hold it.</source>
        <translation>Der Indikator {indicator} hat keine Werte: weder die Zeitreihe noch die Spalten {indicator}_&lt;Jahr&gt; oder {indicator} des Layers enthalten ihn.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="262"/>
        <source>The indicator {indicator} has no values for {year}. Its years: {years}.</source>
        <translation>Der Indikator {indicator} hat keine Werte für {year}. Seine Jahre: {years}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="263"/>
        <source>BASE_YEAR ({base}) must be before YEAR ({year}).</source>
        <translation>BASE_YEAR ({base}) muss vor YEAR ({year}) liegen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="264"/>
        <source>Say which districts are funded with exactly one of FUNDED_FIELD, FUNDED_EXPRESSION or PROGRAMME_AREAS (given: {given}).</source>
        <translation>Geben Sie die geförderten Gebiete mit genau einem von FUNDED_FIELD, FUNDED_EXPRESSION oder PROGRAMME_AREAS an (angegeben: {given}).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="265"/>
        <source>The field {field} of district {key} holds {value!r}: a funded flag must be 1/0, true/false or ja/nein.</source>
        <translation>Das Feld {field} des Gebiets {key} enthält {value!r}: eine Förderkennung muss 1/0, true/false oder ja/nein sein.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="266"/>
        <source>No district is funded by {source}, or every district is: nothing to compare.</source>
        <translation>Nach {source} ist kein Gebiet gefördert, oder jedes: nichts zu vergleichen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="267"/>
        <source>Name the indicators to compare (INDICATORS); the layer&apos;s year columns: {columns}.</source>
        <translation>Nennen Sie die zu vergleichenden Indikatoren (INDICATORS); Jahresspalten des Layers: {columns}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="268"/>
        <source>The field {field} (POPULATION_FIELD) holds no positive number to weight by (e.g. {value!r}).</source>
        <translation>Das Feld {field} (POPULATION_FIELD) enthält keine positive Zahl, mit der gewichtet werden kann (z. B. {value!r}).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="269"/>
        <source>No district of the series matches a district key of the layer ({field}): series e.g. {series}; layer e.g. {layer}.</source>
        <translation>Kein Gebiet der Zeitreihe passt zu einem Gebietsschlüssel des Layers ({field}): Zeitreihe z. B. {series}; Layer z. B. {layer}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="270"/>
        <source>SERIES {file} is not a series table: it lacks the columns {missing} (it has {columns}).</source>
        <translation>SERIES {file} ist keine Zeitreihen-Tabelle: Ihr fehlen die Spalten {missing} (sie hat {columns}).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="247"/>
        <source>{what}: &apos;{value}&apos; is no amount in euros (e.g. 1000000, 1000000,50 or 1.000.000,00).</source>
        <translation>{what}: '{value}' ist kein Betrag in Euro (z. B. 1000000, 1000000,50 oder 1.000.000,00).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="256"/>
        <source>District {key}: its floor {floor} € is below 0 (check FLOOR).</source>
        <translation>Gebiet {key}: seine Untergrenze {floor} € liegt unter 0 (FLOOR prüfen).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="257"/>
        <source>{what}: '{value}' can be read as {small} € or as {large} €: write {large} or {small}.</source>
        <translation>{what}: '{value}' kann als {small} € oder als {large} € gelesen werden: schreiben Sie {large} oder {small}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="258"/>
        <source>{what}: &apos;{value}&apos; has fractions of a cent; the allocations add up to the budget to the cent, so give it with at most two decimals.</source>
        <translation>{what}: '{value}' enthält Bruchteile eines Cents; die Zuweisungen ergeben das Budget auf den Cent genau, geben Sie es daher mit höchstens zwei Nachkommastellen an.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="272"/>
        <source>The input already has a field {field}, which the robust ranks would overwrite (they write {columns}). Rename that field, or switch the robust ranks off.</source>
        <translation>Die Eingabe hat bereits ein Feld {field}, das die robusten Ränge überschreiben würden (sie schreiben {columns}). Benennen Sie dieses Feld um oder schalten Sie die robusten Ränge aus.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="274"/>
        <source>{file}: the coordinate columns hold degrees (longitude / latitude), but no CRS was given for them, so they would be read in the districts&apos; CRS {crs} and no facility would lie in any district. Set FACILITIES_CRS (e.g. EPSG:4326; in a report definition: &quot;crs&quot;).</source>
        <translation>{file}: Die Koordinatenspalten enthalten Grad (Länge / Breite), aber für sie wurde kein KBS angegeben; sie würden daher im KBS der Gebiete {crs} gelesen, und keine Einrichtung läge in einem Gebiet. Setzen Sie FACILITIES_CRS (z. B. EPSG:4326; in einer Berichtsdefinition: &quot;crs&quot;).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/errors.py" line="275"/>
        <source>{file}, row {row} (id {id}): the point {point} cannot be transformed from {source} to {target}. Check that the coordinates are in {source} (metres read as degrees?) and set the right CRS of the facilities.</source>
        <translation>{file}, Zeile {row} (ID {id}): Der Punkt {point} lässt sich nicht von {source} nach {target} umrechnen. Prüfen Sie, ob die Koordinaten in {source} vorliegen (Meter als Grad gelesen?), und setzen Sie das richtige KBS der Einrichtungen.</translation>
    </message>
</context>
<context>
    <name>MethodNote</name>
    <message>
        <location filename="../sozialraum_plugin/core/publish/note.py" line="16"/>
        <source>Method note: small numbers are not published</source>
        <translation>Methodenhinweis: Geheimhaltung kleiner Fallzahlen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/note.py" line="17"/>
        <source>Counts from 1 to below {t} are not shown (·).</source>
        <translation>Fallzahlen von 1 bis unter {t} werden nicht ausgewiesen (·).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/note.py" line="18"/>
        <source>Own thresholds: {items}.</source>
        <translation>Eigene Schwellen: {items}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/note.py" line="19"/>
        <source>Areas with fewer than {m} residents ({p}) are shown without their values.</source>
        <translation>Gebiete unter {m} Einwohnern ({p}) werden gezeigt, ihre Werte nicht.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/note.py" line="21"/>
        <source>Also hidden: shares and rates whose numerator or denominator is hidden, and changes where either year&apos;s value is hidden.</source>
        <translation>Ebenfalls verborgen: Anteile und Quoten, deren Zähler oder Nenner verborgen ist, und Veränderungen, wenn einer der beiden Jahreswerte verborgen ist.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/note.py" line="23"/>
        <source>So that no hidden value can be recovered from a published total (city total, area total, the other parts of the same total), the next smallest value above 0 is hidden as well.</source>
        <translation>Damit sich kein verborgener Wert aus einer veröffentlichten Summe (Stadtsumme, Gebietssumme, übrige Teile derselben Summe) zurückrechnen lässt, wird jeweils auch der nächstkleinere Wert über 0 verborgen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/note.py" line="26"/>
        <source>So is an area&apos;s index ({items}) where one of its indicators is hidden: it could be solved for it.</source>
        <translation>Ebenso der Index eines Gebiets ({items}), wenn einer seiner Indikatoren verborgen ist: er ließe sich nach ihm auflösen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/note.py" line="28"/>
        <source>Known totals per area: {items}.</source>
        <translation>Bekannte Summen je Gebiet: {items}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/note.py" line="42"/>
        <source>City values cover all areas of the city (shares: sum of numerators over sum of denominators; medians and means without the hidden values); ranks count only the shown values of the valid areas.</source>
        <translation>Stadtwerte umfassen alle Gebiete der Stadt (Anteile: Summe der Zähler durch Summe der Nenner; Median und Mittelwert ohne die verborgenen Werte); Ränge zählen nur die ausgewiesenen Werte der gültigen Gebiete.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/note.py" line="45"/>
        <source>Hidden in this report: {n} cells ({parts}).</source>
        <translation>Verborgen in diesem Bericht: {n} Zellen ({parts}).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/note.py" line="46"/>
        <source>To change the threshold: &quot;publication&quot;: {&quot;threshold&quot;: 5} in the report definition, or &quot;threshold&quot;: 5 per indicator.</source>
        <translation>Schwelle ändern: in der Berichtsdefinition &quot;publication&quot;: {&quot;threshold&quot;: 5}, je Indikator &quot;threshold&quot;: 5.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/note.py" line="48"/>
        <source>The file sozialraum_intern.gpkg is internal: it contains unpublished values and is not part of the publication.</source>
        <translation>Die Datei sozialraum_intern.gpkg ist intern: sie enthält nicht veröffentlichte Werte und gehört nicht in die Veröffentlichung.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/note.py" line="50"/>
        <source>residents</source>
        <translation>EW</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/note.py" line="52"/>
        <source>small count</source>
        <translation>kleine Fallzahl</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/note.py" line="53"/>
        <source>small area</source>
        <translation>kleines Gebiet</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/note.py" line="54"/>
        <source>suppressed by the office</source>
        <translation>vom Amt gesperrt</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/note.py" line="55"/>
        <source>complementary</source>
        <translation>Gegensperrung</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/note.py" line="56"/>
        <source>derived</source>
        <translation>abgeleitet</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/note.py" line="38"/>
        <source>This report shows larger areas made of the districts. A larger area&apos;s value is hidden as well where, together with the districts&apos; published figures and the totals, it would give a hidden district value back: the districts&apos; own report stays protected.</source>
        <translation>Dieser Bericht zeigt größere Gebiete, die aus kleineren zusammengesetzt sind. Der Wert eines größeren Gebiets ist auch dort verborgen, wo er zusammen mit den veröffentlichten Zahlen der kleineren Gebiete und den Summen einen dort verborgenen Wert zurückgeben würde. So bleibt auch der Bericht der kleineren Gebiete geschützt.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/note.py" line="29"/>
        <source>Rank (rank, 1 = most need among the valid areas) with its 90 % interval (rank_low to rank_high): the index was recomputed many times with its weights, its scaling (z-score, min-max, rank) and its indicators varied (one left out at a time), and the interval holds 90 % of the ranks these variants gave; p_top is the share of the variants that put the area in {top}. Ranks are hidden wherever the index is.</source>
        <translation>Rang (rank, 1 = höchster Bedarf unter den gültigen Gebieten) mit 90-%-Intervall (rank_low bis rank_high): Der Index wurde vielfach mit veränderten Gewichten, anderer Skalierung (z-Wert, Min-Max, Rang) und jeweils einem weggelassenen Indikator neu berechnet; das Intervall enthält 90 % der Ränge dieser Varianten. p_top ist der Anteil der Varianten, in denen das Gebiet in {top} liegt. Ränge sind überall dort verborgen, wo der Index verborgen ist.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/note.py" line="35"/>
        <source>the highest need class</source>
        <translation>der höchsten Bedarfsklasse</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/note.py" line="36"/>
        <source>one of the two highest need classes</source>
        <translation>einer der zwei höchsten Bedarfsklassen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/note.py" line="37"/>
        <source>the tenth of the areas with the highest index</source>
        <translation>dem Zehntel der Gebiete mit dem höchsten Index</translation>
    </message>
</context>
<context>
    <name>NeedClustersAlgorithm</name>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_clusters.py" line="28"/>
        <source>Need clusters (k-means, Ward)</source>
        <translation>Bedarfscluster (k-means, Ward)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_clusters.py" line="50"/>
        <source>Districts with indicators</source>
        <translation>Gebiete mit Indikatoren</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_clusters.py" line="52"/>
        <source>Indicators</source>
        <translation>Indikatoren</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_clusters.py" line="54"/>
        <source>Number of clusters (0 = suggest)</source>
        <translation>Anzahl der Cluster (0 = vorschlagen)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_clusters.py" line="57"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_clusters.py" line="57"/>
        <source>k-means</source>
        <translation>k-means</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_clusters.py" line="57"/>
        <source>Ward (hierarchical)</source>
        <translation>Ward (hierarchisch)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_clusters.py" line="59"/>
        <source>Random seed</source>
        <translation>Startwert (Zufallszahlen)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_clusters.py" line="61"/>
        <source>Districts with clusters</source>
        <translation>Gebiete mit Clustern</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_clusters.py" line="63"/>
        <source>Cluster summary</source>
        <translation>Cluster-Übersicht</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_clusters.py" line="63"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_clusters.py" line="67"/>
        <source>Directions (e.g. S1=+1;K10=-1; default +1)</source>
        <translation>Richtungen (z. B. S1=+1;K10=-1; Standard +1)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_clusters.py" line="69"/>
        <source>Indicator names for the cluster labels (e.g. S3=Transferbezug;S4=Kinderarmut)</source>
        <translation>Indikatornamen für die Cluster-Bezeichnungen (z. B. S3=Transferbezug;S4=Kinderarmut)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_clusters.py" line="71"/>
        <source>Number clusters by the mean of</source>
        <translation>Cluster nummerieren nach dem Mittelwert von</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_clusters.py" line="73"/>
        <source>Leave out areas whose field &apos;valid&apos; is false</source>
        <translation>Gebiete auslassen, deren Feld 'valid' falsch ist</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_clusters.py" line="75"/>
        <source>Fill missing values with the city median</source>
        <translation>Fehlende Werte mit dem Median der Gesamtstadt auffüllen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_clusters.py" line="77"/>
        <source>k-means restarts</source>
        <translation>Neustarts von k-means</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_clusters.py" line="84"/>
        <source>Number of clusters</source>
        <translation>Anzahl der Cluster</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_clusters.py" line="129"/>
        <source>Suggested number of clusters (higher is better):</source>
        <translation>Vorgeschlagene Anzahl der Cluster (höher ist besser):</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_clusters.py" line="136"/>
        <source>{k} clusters; between/total sum of squares {ratio:.1%}.</source>
        <translation>{k} Cluster; Quadratsumme zwischen/gesamt {ratio:.1%}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_clusters.py" line="31"/>
        <source>Groups the districts by their indicators (FIELDS, z-standardised) into K clusters with k-means (k-means++ start, several seeded restarts; the same SEED gives the same result) or Ward&apos;s hierarchical method. K = 0 suggests a number by silhouette and Calinski-Harabasz (the table is in the log) and takes the best silhouette.

Clusters are numbered by need: cluster 1 has the highest mean of the direction-corrected z-scores (or of NEED_FIELD, e.g. status_index), and each gets a label from its profile (&apos;transfer rate high, child poverty high&apos;, in the LANGUAGE asked for). Areas with a missing value, and areas whose &apos;valid&apos; field is false, get no cluster unless IMPUTE takes the city median.

SUMMARY (optional CSV): size, centres in original units and in z, within-cluster sums of squares; the log gives the between/total ratio.</source>
        <translation>Gruppiert die Gebiete anhand ihrer Indikatoren (FIELDS, z-standardisiert) in K Cluster, entweder mit k-means (k-means++-Start, mehrere Neustarts mit Startwert; derselbe SEED ergibt dasselbe Ergebnis) oder mit dem hierarchischen Verfahren nach Ward. K = 0 schlägt eine Anzahl nach Silhouette und Calinski-Harabasz vor (die Tabelle steht im Protokoll) und übernimmt die beste Silhouette.

Die Cluster werden nach Bedarf nummeriert: Cluster 1 hat den höchsten Mittelwert der richtungskorrigierten z-Werte (oder von NEED_FIELD, z. B. status_index), und jedes Cluster erhält eine Bezeichnung aus seinem Profil ('Transferquote hoch, Kinderarmut hoch', in der mit LANGUAGE gewählten Sprache). Gebiete mit fehlendem Wert und Gebiete, deren Feld 'valid' falsch ist, erhalten kein Cluster, außer IMPUTE setzt den Median der Gesamtstadt ein.

SUMMARY (optionale CSV-Datei): Größe, Zentren in den ursprünglichen Einheiten und in z, Quadratsummen innerhalb der Cluster; das Protokoll nennt das Verhältnis zwischen/gesamt.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_clusters.py" line="43"/>
        <source>INDICATORS: the label (in the cluster labels) and direction of each field as JSON, a list of indicators as a report definition&apos;s &quot;indicators&quot; holds them, e.g. [{&quot;id&quot;: &quot;S3&quot;, &quot;label&quot;: &quot;Transferbezug&quot;}, {&quot;id&quot;: &quot;K10&quot;, &quot;direction&quot;: -1}]; direction 0 (no direction) counts as +1 here. The older DIRECTIONS and LABELS still work; where both describe a field, INDICATORS wins.</source>
        <translation>INDICATORS: die Bezeichnung (in den Cluster-Beschriftungen) und die Richtung jedes Feldes als JSON, eine Liste von Indikatoren, wie sie die &quot;indicators&quot; einer Berichtsdefinition enthalten, z. B. [{&quot;id&quot;: &quot;S3&quot;, &quot;label&quot;: &quot;Transferbezug&quot;}, {&quot;id&quot;: &quot;K10&quot;, &quot;direction&quot;: -1}]; Richtung 0 (keine Richtung) zählt hier als +1. Die älteren Parameter DIRECTIONS und LABELS funktionieren weiter; beschreiben beide ein Feld, gilt INDICATORS.</translation>
    </message>
</context>
<context>
    <name>NeedIndexAlgorithm</name>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_index.py" line="28"/>
        <source>Need index (incl. MSS method)</source>
        <translation>Bedarfsindex (inkl. MSS-Methode)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_index.py" line="53"/>
        <source>Districts with indicators</source>
        <translation>Gebiete mit Indikatoren</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_index.py" line="55"/>
        <source>Status indicators</source>
        <translation>Status-Indikatoren</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_index.py" line="58"/>
        <source>Dynamics indicators (changes)</source>
        <translation>Dynamik-Indikatoren (Veränderungen)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_index.py" line="61"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_index.py" line="61"/>
        <source>Custom composite index</source>
        <translation>Benutzerdefinierter Gesamtindex</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_index.py" line="61"/>
        <source>Berlin MSS (Monitoring Soziale Stadtentwicklung)</source>
        <translation>Berliner MSS (Monitoring Soziale Stadtentwicklung)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_index.py" line="64"/>
        <source>Population field</source>
        <translation>Feld Einwohnerzahl</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_index.py" line="67"/>
        <source>Minimum population of a valid area</source>
        <translation>Mindesteinwohnerzahl eines gültigen Gebiets</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_index.py" line="70"/>
        <source>Leave out of the reference where (expression)</source>
        <translation>Aus der Bezugsgesamtheit ausschließen, wenn (Ausdruck)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_index.py" line="73"/>
        <source>Districts with need index</source>
        <translation>Gebiete mit Bedarfsindex</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_index.py" line="77"/>
        <source>Directions (e.g. S1=+1;K10=-1; default +1)</source>
        <translation>Richtungen (z. B. S1=+1;K10=-1; Standard +1)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_index.py" line="79"/>
        <source>Weights, custom method (e.g. S1=2;S3=1)</source>
        <translation>Gewichte, benutzerdefinierte Methode (z. B. S1=2;S3=1)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_index.py" line="81"/>
        <source>Scaling, custom method</source>
        <translation>Skalierung, benutzerdefinierte Methode</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_index.py" line="81"/>
        <source>z-score</source>
        <translation>z-Wert</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_index.py" line="81"/>
        <source>min-max</source>
        <translation>Min-Max</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_index.py" line="81"/>
        <source>percentile rank</source>
        <translation>Perzentilrang</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_index.py" line="84"/>
        <source>Status class limits</source>
        <translation>Klassengrenzen Status</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_index.py" line="86"/>
        <source>Dynamics class limits</source>
        <translation>Klassengrenzen Dynamik</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_index.py" line="158"/>
        <source>{0} areas classed, {1} left out of the reference (see the field note).</source>
        <translation>{0} Gebiete klassifiziert, {1} aus der Bezugsgesamtheit ausgeschlossen (siehe Feld note).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_index.py" line="31"/>
        <source>Builds a status index from STATUS_FIELDS (and a dynamics index from DYNAMIC_FIELDS) and classes every area.

PRESET mss: the Berlin Monitoring Soziale Stadtentwicklung method: each indicator z-standardised over the valid areas, the z-scores summed and the sum standardised again; status classes high (≤ −1), medium (≤ +1), low (&lt; +1.5), very low (≥ +1.5); dynamics positive (≤ −1), stable, negative (≥ +1); the 12 groups and areas needing attention. PRESET custom: weighted mean of scaled indicators (z-score, min-max or percentile rank), standardised again and classed the same way. Higher values mean more need unless DIRECTIONS says otherwise (e.g. 'K10=-1').

Valid areas only form the reference: population at least MIN_POPULATION (default 300), not excluded by EXCLUDE_EXPRESSION (e.g. &quot;KOM&quot; &lt;&gt; 'gültig'), and no missing value. The others stay in the output with valid = false and a note (e.g. 'below 300 res. (120)').

LANGUAGE (de | en; empty: the QGIS locale): the language of the class labels and notes; in German they are the MSS's own (hoch, mittel, niedrig, sehr niedrig; positiv, stabil, negativ). Field names stay the same.</source>
        <translation>Bildet einen Status-Index aus STATUS_FIELDS (und einen Dynamik-Index aus DYNAMIC_FIELDS) und ordnet jedes Gebiet einer Klasse zu.

PRESET mss: die Methode des Berliner Monitorings Soziale Stadtentwicklung: Jeder Indikator wird über die gültigen Gebiete z-standardisiert, die z-Werte werden summiert und die Summe erneut standardisiert; Statusklassen hoch (≤ −1), mittel (≤ +1), niedrig (&lt; +1.5), sehr niedrig (≥ +1.5); Dynamik positiv (≤ −1), stabil, negativ (≥ +1); die 12 Gruppen und die Gebiete mit besonderem Aufmerksamkeitsbedarf. PRESET custom: gewichtetes Mittel skalierter Indikatoren (z-Wert, Min-Max oder Perzentilrang), erneut standardisiert und auf dieselbe Weise klassifiziert. Höhere Werte bedeuten mehr Bedarf, sofern DIRECTIONS nichts anderes angibt (z. B. 'K10=-1').

Nur gültige Gebiete bilden die Bezugsgesamtheit: Einwohnerzahl mindestens MIN_POPULATION (Standard 300), nicht durch EXCLUDE_EXPRESSION ausgeschlossen (z. B. &quot;KOM&quot; &lt;&gt; 'gültig') und kein fehlender Wert. Die übrigen bleiben mit valid = false und einer Anmerkung in der Ausgabe (z. B. 'unter 300 EW (120)').

LANGUAGE (de | en; leer: die Sprache von QGIS): die Sprache der Klassennamen und Anmerkungen; auf Deutsch sind es die des MSS (hoch, mittel, niedrig, sehr niedrig; positiv, stabil, negativ). Die Feldnamen bleiben gleich.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_index.py" line="46"/>
        <source>INDICATORS: the direction of each field as JSON, a list of indicators as a report definition&apos;s &quot;indicators&quot; holds them, e.g. [{&quot;id&quot;: &quot;K10&quot;, &quot;direction&quot;: -1}]; direction 0 (no direction) counts as +1 here. DIRECTIONS still works; where both describe a field, INDICATORS wins.</source>
        <translation>INDICATORS: die Richtung jedes Feldes als JSON, eine Liste von Indikatoren, wie sie die &quot;indicators&quot; einer Berichtsdefinition enthalten, z. B. [{&quot;id&quot;: &quot;K10&quot;, &quot;direction&quot;: -1}]; Richtung 0 (keine Richtung) zählt hier als +1. DIRECTIONS funktioniert weiter; beschreiben beide ein Feld, gilt INDICATORS.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_index_ranks.py" line="25"/>
        <source>UNCERTAINTY (default off): robust ranks. The status index is recomputed DRAWS times (default 1000) with each weight drawn within ± WEIGHT_RANGE of its own (0.5 = ± 50 %, then renormalised), the scaling drawn from NORMALISATIONS (zscore;minmax;rank) and, with LEAVE_ONE_OUT (default on), one of k + 1 equally likely variants: all indicators or all but one (as COINr draws its exclusions). Each draw is standardised again over the valid areas. SEED makes the draws reproducible. Adds per valid area: rank (1 = most need, of the nominal index as computed above; with the MSS the published one), rank_low and rank_high (5th and 95th percentile of the draws' ranks: a 90 % interval), rank_median, and p_top (0–1), the share of draws in which the area is in the TOP_CLASS: highest (the highest need class: index ≥ the last class limit, with the MSS 'sehr niedrig', ≥ +1.5), two_highest (above the second last limit: 'niedrig' or 'sehr niedrig') or top_tenth (among the 10 % of valid areas with the highest index). Areas outside the reference get none of these.</source>
        <translation>UNCERTAINTY (Standard: aus): robuste Ränge. Der Status-Index wird DRAWS-mal neu berechnet (Standard 1000), jedes Gewicht zufällig innerhalb ± WEIGHT_RANGE seines eigenen (0,5 = ± 50 %, danach wieder auf Summe 1 gebracht), die Skalierung zufällig aus NORMALISATIONS (zscore;minmax;rank) und mit LEAVE_ONE_OUT (Standard: an) eine von k + 1 gleich wahrscheinlichen Varianten: alle Indikatoren oder alle bis auf einen (wie COINr seine Ausschlüsse zieht). Jede Ziehung wird über die gültigen Gebiete erneut standardisiert. SEED macht die Ziehungen reproduzierbar. Je gültigem Gebiet kommen hinzu: rank (1 = höchster Bedarf, nach dem oben berechneten Index; beim MSS der veröffentlichte), rank_low und rank_high (5. und 95. Perzentil der Ränge der Ziehungen: ein 90-%-Intervall), rank_median und p_top (0–1), der Anteil der Ziehungen, in denen das Gebiet in der TOP_CLASS liegt: highest (höchste Bedarfsklasse: Index ≥ letzte Klassengrenze, beim MSS „sehr niedrig“, ≥ +1,5), two_highest (über der vorletzten Grenze: „niedrig“ oder „sehr niedrig“) oder top_tenth (unter den 10 % der gültigen Gebiete mit dem höchsten Index). Gebiete außerhalb der Referenz erhalten keine dieser Angaben.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_index_ranks.py" line="44"/>
        <source>Robust ranks (uncertainty analysis)</source>
        <translation>Robuste Ränge (Unsicherheitsanalyse)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_index_ranks.py" line="46"/>
        <source>Draws</source>
        <translation>Ziehungen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_index_ranks.py" line="48"/>
        <source>Weights vary by ± (share of each weight)</source>
        <translation>Gewichte schwanken um ± (Anteil des Gewichts)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_index_ranks.py" line="51"/>
        <source>Scalings drawn from (zscore;minmax;rank)</source>
        <translation>Gezogene Skalierungen (zscore;minmax;rank)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_index_ranks.py" line="54"/>
        <source>Draws may leave one indicator out</source>
        <translation>Ziehungen dürfen einen Indikator weglassen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_index_ranks.py" line="56"/>
        <source>Seed of the draws</source>
        <translation>Startwert der Ziehungen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_index_ranks.py" line="58"/>
        <source>Top need class</source>
        <translation>Höchste Bedarfsklasse</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_index_ranks.py" line="58"/>
        <source>the highest need class (MSS: sehr niedrig)</source>
        <translation>die höchste Bedarfsklasse (MSS: sehr niedrig)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_index_ranks.py" line="58"/>
        <source>the two highest need classes (MSS: niedrig, sehr niedrig)</source>
        <translation>die zwei höchsten Bedarfsklassen (MSS: niedrig, sehr niedrig)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_index_ranks.py" line="58"/>
        <source>the 10 % of areas with the highest index</source>
        <translation>die 10 % der Gebiete mit dem höchsten Index</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/need_index_ranks.py" line="129"/>
        <source>Robust ranks: {draws} draws over {n} valid areas in {seconds:.2f} s (seed {seed}).</source>
        <translation>Robuste Ränge: {draws} Ziehungen über {n} gültige Gebiete in {seconds:.2f} s (Startwert {seed}).</translation>
    </message>
</context>
<context>
    <name>Notes</name>
    <message>
        <location filename="../sozialraum_plugin/core/needs/index.py" line="68"/>
        <source>excluded</source>
        <translation>ausgeschlossen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/needs/index.py" line="69"/>
        <source>missing values ({columns})</source>
        <translation>fehlende Werte ({columns})</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/disclosure.py" line="30"/>
        <source>below {minimum} res. ({population})</source>
        <translation>unter {minimum} EW ({population})</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/publish/disclosure.py" line="31"/>
        <source>population missing</source>
        <translation>Einwohnerzahl fehlt</translation>
    </message>
</context>
<context>
    <name>Numbers</name>
    <message>
        <location filename="../sozialraum_plugin/core/formatting.py" line="19"/>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/formatting.py" line="21"/>
        <source>pp</source>
        <translation>Pp.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/formatting.py" line="21"/>
        <source>‰ pts</source>
        <translation>‰-Pkt.</translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <location filename="../sozialraum_plugin/core/profiles/profile.py" line="150"/>
        <source>{ratio} per resident</source>
        <translation>{ratio} je Einwohner</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/profiles/profile.py" line="165"/>
        <source>{rank} of {n}</source>
        <translation>{rank} von {n}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/profiles/profile.py" line="194"/>
        <source>{n} residents</source>
        <translation>{n} Einwohner</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/profiles/profile.py" line="195"/>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/profiles/profile.py" line="196"/>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/profiles/rank_line.py" line="22"/>
        <source>Rank {rank} of {n} (90 % interval {low}–{high})</source>
        <translation>Rang {rank} von {n} (90-%-Intervall {low}–{high})</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/profiles/rank_line.py" line="24"/>
        <source>probability of the highest need class: {p}</source>
        <translation>Wahrscheinlichkeit höchste Bedarfsklasse: {p}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/profiles/rank_line.py" line="27"/>
        <source>probability of the two highest need classes: {p}</source>
        <translation>Wahrscheinlichkeit zwei höchste Bedarfsklassen: {p}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/profiles/rank_line.py" line="28"/>
        <source>probability of the highest tenth of the index: {p}</source>
        <translation>Wahrscheinlichkeit höchstes Zehntel des Index: {p}</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../sozialraum_plugin/gui/profile_dialog.py" line="55"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/profile_dialog.py" line="55"/>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/profile_dialog.py" line="62"/>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/profile_dialog.py" line="71"/>
        <source>Text of the row on the page (empty: the field&apos;s alias or name)</source>
        <translation>Text der Zeile auf der Seite (leer: Alias oder Name des Feldes)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/profile_dialog.py" line="74"/>
        <source>{0}: unit</source>
        <translation>{0}: Einheit</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/profile_dialog.py" line="111"/>
        <source>District profiles</source>
        <translation>Sozialraumprofile</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/profile_dialog.py" line="287"/>
        <source>District profile</source>
        <translation>Sozialraumprofil</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/profile_dialog.py" line="126"/>
        <source>&amp;Layer:</source>
        <translation>&amp;Layer:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/profile_dialog.py" line="127"/>
        <source>&amp;Name field:</source>
        <translation>&amp;Namensfeld:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/profile_dialog.py" line="128"/>
        <source>&amp;Key field (number):</source>
        <translation>&amp;Schlüsselfeld (Nummer):</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/profile_dialog.py" line="129"/>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/profile_dialog.py" line="132"/>
        <source>Indicators (at most 12)</source>
        <translation>Indikatoren (höchstens 12)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/profile_dialog.py" line="135"/>
        <source>&amp;Indicators of the layer:</source>
        <translation>&amp;Indikatoren des Layers:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/profile_dialog.py" line="145"/>
        <source>Small numbers and badges</source>
        <translation>Kleine Fallzahlen und Kennzeichnung</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/profile_dialog.py" line="159"/>
        <source>Hide &amp;counts below:</source>
        <translation>Anzahlen sperren &amp;unter:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/profile_dialog.py" line="160"/>
        <source>&amp;Population field:</source>
        <translation>&amp;Einwohnerfeld:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/profile_dialog.py" line="161"/>
        <source>&amp;Minimum population:</source>
        <translation>&amp;Mindesteinwohnerzahl:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/profile_dialog.py" line="162"/>
        <source>Class fi&amp;eld (badge):</source>
        <translation>Klassen&amp;feld (Kasten oben rechts):</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/profile_dialog.py" line="163"/>
        <source>Cluster field (&amp;badge):</source>
        <translation>Clusterfel&amp;d (Kasten oben rechts):</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/profile_dialog.py" line="169"/>
        <source>As QGIS (the user interface&apos;s language)</source>
        <translation>Wie QGIS (Sprache der Oberfläche)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/profile_dialog.py" line="172"/>
        <source>[PDF file]</source>
        <translation>[PDF-Datei]</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/profile_dialog.py" line="172"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/profile_dialog.py" line="175"/>
        <source>Also one PDF per &amp;district in:</source>
        <translation>Zusätzlich eine PDF je Gebiet im &amp;Ordner:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/profile_dialog.py" line="182"/>
        <source>&amp;Source line:</source>
        <translation>&amp;Quellenangabe:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/profile_dialog.py" line="183"/>
        <source>Lan&amp;guage of the pages:</source>
        <translation>Sp&amp;rache der Seiten:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/profile_dialog.py" line="184"/>
        <source>O&amp;utput file:</source>
        <translation>Aus&amp;gabedatei:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/profile_dialog.py" line="186"/>
        <source>More options (rates from counts, own thresholds, a layout template, sorting, a filter): Processing Toolbox › Sozialraum › District profile sheets.</source>
        <translation>Weitere Optionen (Quoten aus Anzahlen, eigene Schwellen, eine Layoutvorlage, Sortierung, ein Filter): Processing-Werkzeugkiste › Sozialraum › Sozialraumprofile.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/profile_dialog.py" line="201"/>
        <source>Pre&amp;view first page</source>
        <translation>&amp;Vorschau der ersten Seite</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/profile_dialog.py" line="207"/>
        <source>Press “Preview first page” to see the first district's page as it will be printed.</source>
        <translation>„Vorschau der ersten Seite“ zeigt die Seite des ersten Gebiets so, wie sie gedruckt wird.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/profile_dialog.py" line="232"/>
        <source>&lt;b&gt;On the page ({0} of at most {1}):&lt;/b&gt; {2}</source>
        <translation>&lt;b&gt;Auf der Seite ({0} von höchstens {1}):&lt;/b&gt; {2}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/profile_dialog.py" line="267"/>
        <source>Choose a layer and the field with the district names.</source>
        <translation>Bitte einen Layer und das Feld mit den Gebietsnamen wählen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/profile_dialog.py" line="270"/>
        <source>Choose at least one indicator for the page.</source>
        <translation>Bitte mindestens einen Indikator für die Seite wählen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/profile_dialog.py" line="272"/>
        <source>A page holds at most {0} indicators; {1} are chosen.</source>
        <translation>Eine Seite fasst höchstens {0} Indikatoren; gewählt sind {1}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/profile_dialog.py" line="304"/>
        <source>Choose the PDF file for the profiles.</source>
        <translation>Bitte die PDF-Datei für die Profile wählen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/profile_dialog.py" line="311"/>
        <source>Choose the folder for the one-file-per-district PDFs.</source>
        <translation>Bitte den Ordner für die einzelnen PDFs je Gebiet wählen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/profile_dialog.py" line="324"/>
        <source>Drawing the page…</source>
        <translation>Die Seite wird gezeichnet …</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/profile_dialog.py" line="348"/>
        <source>First page: {0}</source>
        <translation>Erste Seite: {0}</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/charts.py" line="108"/>
        <source>City value</source>
        <translation>Stadtwert</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/charts.py" line="109"/>
        <source>Middle: city value; dark grey: middle half of the areas; light grey: all areas; right: more need (higher value)</source>
        <translation>Mitte: Stadtwert; dunkelgrau: mittlere Hälfte der Gebiete; hellgrau: alle Gebiete; rechts: mehr Bedarf (höherer Wert)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/profile_atlas.py" line="392"/>
        <source>city</source>
        <translation>Stadtgebiet</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/profile_atlas.py" line="393"/>
        <source>locator</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/profile_atlas.py" line="395"/>
        <source>table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/profile_atlas.py" line="402"/>
        <source>At a glance</source>
        <translation>Auf einen Blick</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/profile_atlas.py" line="404"/>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/profile_atlas.py" line="411"/>
        <source>Position</source>
        <translation>Einordnung</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/profile_texts.py" line="14"/>
        <source>Indicator</source>
        <translation>Indikator</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/profile_trend.py" line="93"/>
        <source>District</source>
        <translation>Gebiet</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/profile_trend.py" line="93"/>
        <source>City</source>
        <translation>Stadt</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/profile_texts.py" line="19"/>
        <source>Deviation</source>
        <translation>Abweichung</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/profile_texts.py" line="20"/>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/profile_texts.py" line="24"/>
        <source>Trend {years}</source>
        <translation>Trend {years}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/profile_texts.py" line="59"/>
        <source>{label}: below {n}</source>
        <translation>{label}: unter {n}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/profile_texts.py" line="65"/>
        <source>sum of numerators over sum of denominators</source>
        <translation>Summe der Zähler durch Summe der Nenner</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/profile_texts.py" line="66"/>
        <source>population-weighted</source>
        <translation>bevölkerungsgewichtet</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/profile_texts.py" line="67"/>
        <source>median of the areas</source>
        <translation>Median der Gebiete</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/profile_texts.py" line="68"/>
        <source>mean of the areas</source>
        <translation>Mittel der Gebiete</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/profile_texts.py" line="83"/>
        <source>Valid areas alone: {values}.</source>
        <translation>Gültige Gebiete allein: {values}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/profile_texts.py" line="85"/>
        <source>Position: line = city value, dark grey = middle half, light grey = all areas; right = more need or higher value. Dot orange / blue: among the 20 % of areas with the most / least need. City value (all areas): {city}.{valid} Rank among the values shown. {dot} = not shown (count below {below}, computed from one or hidden to protect one, or fewer than {minimum} residents).</source>
        <translation>Einordnung: Strich = Stadtwert, dunkelgrau = mittlere Hälfte, hellgrau = alle Gebiete; rechts = mehr Bedarf bzw. höherer Wert. Punkt orange / blau: unter den 20 % der Gebiete mit dem höchsten / geringsten Bedarf. Stadtwert (alle Gebiete): {city}.{valid} Rang unter den ausgewiesenen Werten. {dot} = nicht ausgewiesen (Fallzahl unter {below}, daraus berechnet oder zu ihrem Schutz, oder unter {minimum} Einwohnern).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/profile_data.py" line="104"/>
        <source>Source: {source}</source>
        <translation>Quelle: {source}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/profile_data.py" line="104"/>
        <source>As of: {date}</source>
        <translation>Stand: {date}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/profile_data.py" line="111"/>
        <source>District profile</source>
        <translation>Sozialraumprofil</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/profile_data.py" line="117"/>
        <source>No. {key}</source>
        <translation>Nr. {key}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/profile_data.py" line="118"/>
        <source>{n} residents</source>
        <translation>{n} Einwohner</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/profile_data.py" line="131"/>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/profile_data.py" line="131"/>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/profile_atlas.py" line="396"/>
        <source>years</source>
        <translation>Jahre</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/profile_texts.py" line="17"/>
        <source>Parent area</source>
        <translation>Übergeordnet</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/profile_trend.py" line="49"/>
        <source>rising</source>
        <translation>steigend</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/profile_trend.py" line="50"/>
        <source>falling</source>
        <translation>fallend</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/profile_trend.py" line="51"/>
        <source>no clear change</source>
        <translation>keine klare Veränderung</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/profile_trend.py" line="62"/>
        <source>Over the years: orange = district, dashed grey = city; a gap = not shown. Trend: change from the first to the last year</source>
        <translation>Verlauf: orange = Gebiet, grau gestrichelt = Stadt; eine Lücke = nicht ausgewiesen. Trend: Veränderung vom ersten zum letzten Jahr</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/profile_trend.py" line="71"/>
        <source>; for rates from counts the χ² test for trend: {up} rising, {down} falling, {flat} no clear change (p &lt; {alpha})</source>
        <translation>; bei Quoten aus Fallzahlen der χ²-Test auf Trend: {up} steigend, {down} fallend, {flat} keine klare Veränderung (p &lt; {alpha})</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/profile_trend.py" line="79"/>
        <source>City over the years as the median of the areas (no counts for every year): {labels}</source>
        <translation>Stadtwert im Verlauf als Median der Gebiete (nicht für jedes Jahr Fallzahlen): {labels}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/profile_texts.py" line="26"/>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
</context>
<context>
    <name>ProfileSheets</name>
    <message>
        <location filename="../sozialraum_plugin/gis/layouts/profile_atlas.py" line="336"/>
        <source>The layout &apos;{name}&apos; was changed in the designer; this run replaces it. The changed page is saved as the template {file}: give it as TEMPLATE (in a report: style.profile_template) to keep it.</source>
        <translation>Das Layout '{name}' wurde im Layout-Designer geändert; dieser Lauf ersetzt es. Die geänderte Seite ist als Vorlage {file} gespeichert: als TEMPLATE angeben (im Bericht: style.profile_template), um sie zu behalten.</translation>
    </message>
</context>
<context>
    <name>ProfileSheetsAlgorithm</name>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="74"/>
        <source>District profile sheets</source>
        <translation>Sozialraumprofile</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="155"/>
        <source>Districts</source>
        <translation>Gebiete</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="156"/>
        <source>Name field</source>
        <translation>Namensfeld</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="157"/>
        <source>Indicator fields</source>
        <translation>Indikatorfelder</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="159"/>
        <source>Profile sheets (PDF)</source>
        <translation>Sozialraumprofile (PDF)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="159"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="162"/>
        <source>Key field (district number)</source>
        <translation>Schlüsselfeld (Gebietsnummer)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="164"/>
        <source>Sort pages by (default: key, else name)</source>
        <translation>Seiten sortieren nach (Standard: Schlüssel, sonst Name)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="166"/>
        <source>Only districts where</source>
        <translation>Nur Gebiete, für die gilt</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="169"/>
        <source>Indicator labels and units</source>
        <translation>Indikatorbezeichnungen und Einheiten</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="170"/>
        <source>Directions of need</source>
        <translation>Bedarfsrichtungen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="171"/>
        <source>Rates from counts</source>
        <translation>Quoten aus Anzahlen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="172"/>
        <source>Indicators that are counts</source>
        <translation>Indikatoren, die Anzahlen sind</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="174"/>
        <source>Population field</source>
        <translation>Feld Einwohnerzahl</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="176"/>
        <source>Minimum population</source>
        <translation>Mindesteinwohnerzahl</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="178"/>
        <source>Suppress counts below</source>
        <translation>Anzahlen sperren unter</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="181"/>
        <source>Class field (badge)</source>
        <translation>Klassenfeld (Kennzeichen)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="183"/>
        <source>Cluster field (badge)</source>
        <translation>Clusterfeld (Kennzeichen)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="194"/>
        <source>Source line</source>
        <translation>Quellenangabe</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="195"/>
        <source>Layout template (.qpt)</source>
        <translation>Layoutvorlage (.qpt)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="197"/>
        <source>One PDF per district in</source>
        <translation>Eine PDF-Datei je Gebiet in</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="209"/>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="210"/>
        <source>Layout name</source>
        <translation>Layoutname</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="211"/>
        <source>Folder with GeoPackage and charts</source>
        <translation>Ordner mit GeoPackage und Diagrammen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="290"/>
        <source>{n} districts, {k} indicators</source>
        <translation>{n} Gebiete, {k} Indikatoren</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="329"/>
        <source>{pages} pages written to {file}</source>
        <translation>{pages} Seiten nach {file} geschrieben</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="305"/>
        <source>{label} ({field}) has the same value in every district: no findings for it.</source>
        <translation>{label} ({field}) hat in allen Gebieten denselben Wert: keine Befunde dazu.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="180"/>
        <source>Own thresholds of indicators</source>
        <translation>Eigene Schwellen der Indikatoren</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="77"/>
        <source>One printable A4 page per district: name and key, a detail map and a locator map, a table of the indicators (district value, city value, deviation, rank) with a spine chart, the class/cluster badge and plain-language findings. The data are first written to a GeoPackage in the folder '&lt;output&gt;_files' next to the PDF (together with one labelled SVG chart per district for reports); the layout stays in the project's layout manager and is replaced when the algorithm runs again. The page is made of QGIS's own layout items only (labels, an attribute table, a picture, two maps), so every piece can be restyled, moved or deleted in the layout designer, and a project holding the layout opens and exports in a QGIS without this plugin. The table shows the GeoPackage's table 'profile_rows' (one row per district and indicator, as published) through a project relation; the chart is one SVG per district in 'spine/', found relative to the GeoPackage.

City value: the figure of all districts of the city: the pooled rate Σnumerator/Σdenominator for indicators listed in RATES, the median of the districts otherwise; the legend names the valid districts' figure where it differs. Ranks count the valid districts whose value is shown (rank 1 = highest value, or highest need where DIRECTIONS gives one).
What is hidden (·) follows the report's publication rule: counts and numerators below SUPPRESS_BELOW, what is computed from them (rates, trends), a second value where a city total would give a hidden one back, cells listed in the input's suppressed_fields, and districts below MIN_POPULATION. The GeoPackage written for the atlas holds only what the pages show.

LABELS: FIELD=Label|unit|decimals;… e.g. S1=Arbeitslosigkeit|%;S3=Transferbezug|%.
DIRECTIONS: FIELD=+1 (higher = more need), FIELD=-1 (lower = more need), FIELD=0.
RATES: FIELD=numerator/denominator (count fields) for pooled city rates; numerators below SUPPRESS_BELOW hide the rate (·). COUNT_FIELDS are shown as counts and hidden below SUPPRESS_BELOW as well. THRESHOLDS: FIELD=5;… an indicator's own threshold for its counts (the page legend names it).
MIN_POPULATION: districts with fewer residents (POPULATION_FIELD) keep their page but show no values, only the note 'unter 300 EW'.
SEPARATE_FILES: a folder; when set, one file per district is written there as well, named Profil_&lt;key&gt;_&lt;name&gt;.pdf. OUTPUT always receives all pages in one PDF.
TEMPLATE: a .qpt replacing the page shipped in resources/templates/profile_A4_portrait.qpt, e.g. one saved from a profile layout (Layout ▸ Save as Template) after restyling. Items are found by their ids: sr_detail (atlas map), sr_locator (city map), sr_table (the table's frame), sr_chart, sr_logo, and labels reading fields ([% &quot;pr_title&quot; %], [% &quot;findings&quot; %]) or the page's words (@sr_legend, @sr_footer, @sr_page, @sr_at_a_glance, @sr_page_title). Missing items are left out.
LANGUAGE: the page's words and number format (de, en; empty: the QGIS locale). HOUSE_COLOUR, LOGO and FONT: the city's colour for the band and headings, an image in the header, one font family for every text; set once, on the shipped page or a template.</source>
        <translation>Eine druckfertige A4-Seite je Gebiet: Name und Schlüssel, eine Detailkarte und eine Lagekarte, eine Indikatorentabelle (Gebietswert, Stadtwert, Abweichung, Rang) mit Einordnungsdiagramm (Spine-Chart), das Klassen-/Clusterkennzeichen und Befunde in einfacher Sprache. Die Daten werden zuerst in ein GeoPackage im Ordner '&lt;output&gt;_files' neben der PDF-Datei geschrieben (zusammen mit einem beschrifteten SVG-Diagramm je Gebiet für Berichte); das Layout bleibt in der Layoutverwaltung des Projekts und wird ersetzt, wenn der Algorithmus erneut läuft. Die Seite besteht nur aus QGIS-eigenen Layoutelementen (Beschriftungen, eine Attributtabelle, ein Bild, zwei Karten): jedes Teil lässt sich im Layout-Designer umgestalten, verschieben oder löschen, und ein Projekt mit dem Layout öffnet und exportiert auch in einem QGIS ohne dieses Plugin. Die Tabelle zeigt die Tabelle 'profile_rows' des GeoPackages (eine Zeile je Gebiet und Indikator, wie veröffentlicht) über eine Projektbeziehung; das Diagramm ist ein SVG je Gebiet in 'spine/', gefunden relativ zum GeoPackage.

Stadtwert: der Wert aller Gebiete der Stadt: die Gesamtquote ΣZähler/ΣNenner für Indikatoren aus RATES, sonst der Median der Gebiete; wo der Wert der gültigen Gebiete davon abweicht, nennt die Legende ihn. Ränge zählen die gültigen Gebiete, deren Wert ausgewiesen ist (Rang 1 = höchster Wert bzw. höchster Bedarf, wo DIRECTIONS eine Richtung angibt).
Was nicht ausgewiesen wird (·), folgt der Geheimhaltungsregel des Berichts: Anzahlen und Zähler unter SUPPRESS_BELOW, was daraus berechnet wird (Quoten, Trends), ein zweiter Wert, wo sich ein gesperrter Wert sonst aus einer Summe der Gesamtstadt zurückrechnen ließe, Zellen, die in suppressed_fields der Eingabe aufgeführt sind, und Gebiete unter MIN_POPULATION. Das für den Atlas geschriebene GeoPackage enthält nur, was die Seiten zeigen.

LABELS: FIELD=Bezeichnung|Einheit|Nachkommastellen;… z. B. S1=Arbeitslosigkeit|%;S3=Transferbezug|%.
DIRECTIONS: FIELD=+1 (höher = mehr Bedarf), FIELD=-1 (niedriger = mehr Bedarf), FIELD=0.
RATES: FIELD=Zähler/Nenner (Anzahlfelder) für Gesamtquoten der Stadt; Zähler unter SUPPRESS_BELOW sperren die Quote (·). COUNT_FIELDS werden als Anzahlen gezeigt und unter SUPPRESS_BELOW ebenfalls gesperrt. THRESHOLDS: FIELD=5;… eine eigene Schwelle eines Indikators für seine Anzahlen (die Seitenlegende nennt sie).
MIN_POPULATION: Gebiete mit weniger Einwohnern (POPULATION_FIELD) behalten ihre Seite, zeigen aber keine Werte, nur den Hinweis 'unter 300 EW'.
SEPARATE_FILES: ein Ordner; wenn gesetzt, wird dort zusätzlich je Gebiet eine Datei geschrieben, benannt Profil_&lt;key&gt;_&lt;name&gt;.pdf. OUTPUT erhält immer alle Seiten in einer PDF-Datei.
TEMPLATE: eine .qpt anstelle der mitgelieferten Seite resources/templates/profile_A4_portrait.qpt, z. B. eine nach dem Umgestalten aus einem Profil-Layout gespeicherte (Layout ▸ Als Vorlage speichern). Elemente werden über ihre IDs gefunden: sr_detail (Atlaskarte), sr_locator (Stadtkarte), sr_table (der Rahmen der Tabelle), sr_chart, sr_logo, sowie Beschriftungen, die Felder lesen ([% &quot;pr_title&quot; %], [% &quot;findings&quot; %]) oder die Wörter der Seite (@sr_legend, @sr_footer, @sr_page, @sr_at_a_glance, @sr_page_title). Fehlende Elemente entfallen.
LANGUAGE: Wörter und Zahlenformat der Seiten (de, en; leer: die QGIS-Sprache). HOUSE_COLOUR, LOGO und FONT: die Farbe der Stadt für Band und Überschriften, ein Bild im Kopf, eine Schriftart für alle Texte; einmal gesetzt, auf der mitgelieferten Seite oder einer Vorlage.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="192"/>
        <source>Sheet title (empty: &apos;District profile&apos; in the page&apos;s language)</source>
        <translation>Titel der Seiten (leer: „Sozialraumprofil“ in der Sprache der Seiten)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="200"/>
        <source>House colour (e.g. #1f4e79)</source>
        <translation>Hausfarbe (z. B. #1f4e79)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="201"/>
        <source>Logo (image for the header)</source>
        <translation>Logo (Bild für den Kopf)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="201"/>
        <source>Images (*.svg *.png *.jpg *.jpeg)</source>
        <translation>Bilder (*.svg *.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="203"/>
        <source>Font family of the page</source>
        <translation>Schriftart der Seiten</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="117"/>
        <source>INDICATORS: what each field is, as JSON: a list of indicators as a report definition&apos;s &quot;indicators&quot; holds them, e.g. [{&quot;id&quot;: &quot;S1&quot;, &quot;label&quot;: &quot;Arbeitslosigkeit&quot;, &quot;unit&quot;: &quot;%&quot;, &quot;direction&quot;: 1, &quot;decimals&quot;: 2}, {&quot;id&quot;: &quot;kinder&quot;, &quot;kind&quot;: &quot;count&quot;, &quot;threshold&quot;: 5}, {&quot;id&quot;: &quot;quote&quot;, &quot;unit&quot;: &quot;%&quot;, &quot;numerator&quot;: &quot;n&quot;, &quot;denominator&quot;: &quot;ew&quot;}, {&quot;id&quot;: &quot;kita&quot;, &quot;direction&quot;: 0, &quot;context&quot;: true}] (keys: label, unit, decimals, direction +1/-1/0, kind value/count/rate, numerator, denominator, scale, city_method auto/rate/weighted/median/mean, threshold, context, source). Entries for fields not in FIELDS are left out; a field without an entry is read from the older LABELS, DIRECTIONS, RATES, COUNT_FIELDS and THRESHOLDS, which keep working. Where both describe a field, INDICATORS wins: the older parameters&apos; entries for it are ignored (the log says so).</source>
        <translation>INDICATORS: was jedes Feld ist, als JSON: eine Liste von Indikatoren, wie sie die &quot;indicators&quot; einer Berichtsdefinition enthalten, z. B. [{&quot;id&quot;: &quot;S1&quot;, &quot;label&quot;: &quot;Arbeitslosigkeit&quot;, &quot;unit&quot;: &quot;%&quot;, &quot;direction&quot;: 1, &quot;decimals&quot;: 2}, {&quot;id&quot;: &quot;kinder&quot;, &quot;kind&quot;: &quot;count&quot;, &quot;threshold&quot;: 5}, {&quot;id&quot;: &quot;quote&quot;, &quot;unit&quot;: &quot;%&quot;, &quot;numerator&quot;: &quot;n&quot;, &quot;denominator&quot;: &quot;ew&quot;}, {&quot;id&quot;: &quot;kita&quot;, &quot;direction&quot;: 0, &quot;context&quot;: true}] (Schlüssel: label, unit, decimals, direction +1/-1/0, kind value/count/rate, numerator, denominator, scale, city_method auto/rate/weighted/median/mean, threshold, context, source). Einträge für Felder, die nicht in FIELDS stehen, bleiben unberücksichtigt; ein Feld ohne Eintrag wird aus den älteren Parametern LABELS, DIRECTIONS, RATES, COUNT_FIELDS und THRESHOLDS gelesen, die weiter funktionieren. Beschreiben beide ein Feld, gilt INDICATORS: die Einträge der älteren Parameter für dieses Feld werden ignoriert (das Protokoll nennt sie).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="127"/>
        <source>SERIES: the years of the indicators as a long table (e.g. report.gpkg|layername=series) with the columns key (the district's KEY_FIELD value), indicator (an indicator field, or its name without the _YYYY suffix), year, value, numerator, denominator and shown (false = hidden by the publication rule). Without it the fields &lt;indicator&gt;_&lt;YYYY&gt; of the input are the years, a rate's counts per year from the year fields of its numerator and denominator. The page then shows the change from the first to the last year with the χ² test for trend in proportions (where counts are given: ↗ rising, ↘ falling, → no clear change, p &lt; 0.05) and a line chart of the first indicator with years against the city. The publication rule applies to every year: a hidden year is a gap in the line and '·' in the table, a city value that would give one back is hidden, and a district with a hidden year shows no trend.</source>
        <translation>SERIES: die Jahre der Indikatoren als lange Tabelle (z. B. report.gpkg|layername=series) mit den Spalten key (der Wert des Schlüsselfelds KEY_FIELD), indicator (ein Indikatorfeld oder sein Name ohne die Endung _JJJJ), year, value, numerator, denominator und shown (false = von der Veröffentlichungsregel verborgen). Ohne sie sind die Felder &lt;Indikator&gt;_&lt;JJJJ&gt; der Eingabe die Jahre, die Fallzahlen einer Quote je Jahr aus den Jahresfeldern ihres Zählers und Nenners. Die Seite zeigt dann die Veränderung vom ersten zum letzten Jahr mit dem χ²-Test auf Trend in Anteilen (wo Fallzahlen vorliegen: ↗ steigend, ↘ fallend, → keine klare Veränderung, p &lt; 0,05) und ein Liniendiagramm des ersten Indikators mit Jahren gegen die Stadt. Die Veröffentlichungsregel gilt für jedes Jahr: ein verborgenes Jahr ist eine Lücke in der Linie und '·' in der Tabelle, ein Stadtwert, der eines zurückgäbe, wird verborgen, und ein Gebiet mit einem verborgenen Jahr zeigt keinen Trend.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="189"/>
        <source>Parent key field (a parent value beside the city&apos;s)</source>
        <translation>Feld mit dem Schlüssel des übergeordneten Gebiets (dessen Wert neben dem der Stadt)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="191"/>
        <source>Heading of the parent column</source>
        <translation>Überschrift der Spalte des übergeordneten Gebiets</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="204"/>
        <source>Series over the years (long table)</source>
        <translation>Zeitreihe über die Jahre (lange Tabelle)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="244"/>
        <source>SERIES gives none of the sheet's indicators two years or more for a district: its keys ({series_keys}, …) and indicators ({series_indicators}) must match KEY_FIELD {key} ({keys}, …) and the fields {fields} (or these without their _YYYY).</source>
        <translation>SERIES liefert für keinen Indikator der Profile zwei oder mehr Jahre eines Gebiets: seine Schlüssel ({series_keys}, …) und Indikatoren ({series_indicators}) müssen zu KEY_FIELD {key} ({keys}, …) und den Feldern {fields} passen (oder diesen ohne ihr _JJJJ).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="137"/>
        <source>RANK_FIELDS: the robust rank of sozialraum:needindex's uncertainty option, four fields in this order: rank, low and high end of its interval, probability of the top class (0–1); the badge then says e.g. 'Rank 12 of 536 (90 % interval 8–17)' and 'Probability of the highest need class: 83 %'. Left empty, the fields rank, rank_low, rank_high and p_top are used where the input has them. A district without a rank, with a hidden index or below MIN_POPULATION shows none.</source>
        <translation>RANK_FIELDS: der robuste Rang aus der Unsicherheitsoption von sozialraum:needindex, vier Felder in dieser Reihenfolge: Rang, unteres und oberes Ende seines Intervalls, Wahrscheinlichkeit der höchsten Klasse (0–1); die Plakette sagt dann z. B. „Rang 12 von 536 (90-%-Intervall 8–17)“ und „Wahrscheinlichkeit höchste Bedarfsklasse: 83 %“. Leer gelassen, werden die Felder rank, rank_low, rank_high und p_top verwendet, wo die Eingabe sie hat. Ein Gebiet ohne Rang, mit verborgenem Index oder unter MIN_POPULATION zeigt keinen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="185"/>
        <source>Robust rank fields (badge): rank, low, high, p_top</source>
        <translation>Felder des robusten Rangs (Plakette): Rang, unten, oben, p_top</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="142"/>
        <source>RANK_TOP_CLASS: the top class p_top was computed for (highest, two_highest or top_tenth, as needindex&apos;s TOP_CLASS; default highest); the badge names it.</source>
        <translation>RANK_TOP_CLASS: die höchste Klasse, für die p_top berechnet wurde (highest, two_highest oder top_tenth, wie TOP_CLASS von needindex; Standard highest); die Plakette nennt sie.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/profile_sheets.py" line="187"/>
        <source>Top class of p_top (as needindex&apos;s TOP_CLASS)</source>
        <translation>Höchste Klasse von p_top (wie TOP_CLASS von needindex)</translation>
    </message>
</context>
<context>
    <name>ReadOptions</name>
    <message>
        <location filename="../sozialraum_plugin/gui/read_options.py" line="101"/>
        <source>no header row</source>
        <translation>keine Kopfzeile</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/read_options.py" line="101"/>
        <source>row {0}</source>
        <translation>Zeile {0}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/read_options.py" line="39"/>
        <source>&amp;Encoding:</source>
        <translation>&amp;Zeichenkodierung:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/read_options.py" line="40"/>
        <source>&amp;Separator:</source>
        <translation>&amp;Trennzeichen:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/read_options.py" line="41"/>
        <source>&amp;Decimal mark:</source>
        <translation>Dezi&amp;malzeichen:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/read_options.py" line="42"/>
        <source>&amp;Thousands mark:</source>
        <translation>Tause&amp;ndertrennzeichen:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/read_options.py" line="43"/>
        <source>&amp;Header row:</source>
        <translation>&amp;Kopfzeile:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/read_options.py" line="44"/>
        <source>&amp;Worksheet:</source>
        <translation>Tabell&amp;enblatt:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/read_options.py" line="107"/>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/read_options.py" line="91"/>
        <source>Found in the table; it follows from the decimal mark when that is set by hand.</source>
        <translation>In der Tabelle erkannt; ergibt sich aus dem Dezimalzeichen, wenn dieses von Hand gesetzt wird.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/read_options.py" line="109"/>
        <source>{0} (detected)</source>
        <translation>{0} (erkannt)</translation>
    </message>
</context>
<context>
    <name>Regrid</name>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid.py" line="35"/>
        <source>area</source>
        <translation>Fläche</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid.py" line="36"/>
        <source>weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid.py" line="37"/>
        <source>table</source>
        <translation>Tabelle</translation>
    </message>
</context>
<context>
    <name>RegridAlgorithm</name>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/regrid.py" line="31"/>
        <source>Carry counts onto a new grid</source>
        <translation>Zahlen auf eine neue Gebietsgliederung übertragen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/regrid.py" line="34"/>
        <source>Carries the counts of an old grid (INPUT, key INPUT_KEY) onto a new one (TARGET, key TARGET_KEY), e.g. when the statistics office redraws its districts.

Each old area is cut by the new areas; each piece gets a share of the old area: by area, or with WEIGHT_LAYER + WEIGHT_FIELD by the residents (or any amount) of that layer in the piece: points (addresses) count where they lie, polygons (buildings, a finer grid) are split by area. An old area the weight layer gives nothing is shared by area, and the report says so. Pieces below MIN_SHARE of their old area and of their new area are slivers of a boundary drawn twice: their share goes to the old area's other pieces. A CROSSWALK_TABLE (an office's 'Umsteigeschlüssel': old key, new key, share; CSV, XLSX, ODS or a GeoPackage table such as CROSSWALK) is used as it is instead, after checking that the shares of each old key sum to 1 (SHARE_TOLERANCE).

New count = Σ share × old count: counts are conserved; the part of an old area outside every new area is not carried and is listed in CROSSWALK (empty new key) and in the REPORT. An old count that is missing makes the new areas it reaches unknown. RATES (name=numerator/denominator;…) are computed again from the carried counts, never averaged.

Everything is intersected in TARGET's CRS; areas are planar in a projected CRS and ellipsoidal in a geographic one. Invalid polygons are repaired first.

OUTPUT: the new grid with the carried counts (estimates, not rounded), the rates, dominant_share (the part of the new area's first count that comes from its largest old area), dominant_key, sources (old areas reaching it), exact_share (the part from old areas lying wholly in it), mixed (dominant_share below THRESHOLD) and covered_share (how much of it the old grid covers). Carried counts follow the publication rule: counts from 1 to below SUPPRESS_BELOW, rates from them and cells that would give them back are empty and listed in suppressed_fields. CROSSWALK: old_key, new_key, share, basis (area, weight or table). REPORT (.html or .txt): where the counts went and the new areas with a low dominant share, in LANGUAGE.</source>
        <translation>Überträgt die Zahlen einer alten Gebietsgliederung (INPUT, Schlüssel INPUT_KEY) auf eine neue (TARGET, Schlüssel TARGET_KEY), z. B. wenn das Statistikamt seine Gebiete neu zuschneidet.

Jedes alte Gebiet wird von den neuen Gebieten zerschnitten; jedes Teilstück erhält einen Anteil des alten Gebiets: nach Fläche oder mit WEIGHT_LAYER + WEIGHT_FIELD nach den Einwohnern (oder einer anderen Menge) dieses Layers im Teilstück: Punkte (Adressen) zählen dort, wo sie liegen, Flächen (Gebäude, ein feineres Raster) werden nach Fläche aufgeteilt. Ein altes Gebiet, dem der Gewichtungslayer nichts gibt, wird nach Fläche aufgeteilt, und der Bericht sagt das. Teilstücke unter MIN_SHARE ihres alten und ihres neuen Gebiets sind Splitter einer doppelt gezeichneten Grenze: Ihr Anteil geht an die übrigen Teilstücke des alten Gebiets. Eine CROSSWALK_TABLE (ein Umsteigeschlüssel des Amts: alter Schlüssel, neuer Schlüssel, Anteil; CSV, XLSX, ODS oder eine GeoPackage-Tabelle wie CROSSWALK) wird stattdessen unverändert verwendet, nachdem geprüft ist, dass sich die Anteile jedes alten Schlüssels zu 1 summieren (SHARE_TOLERANCE).

Neue Zahl = Σ Anteil × alte Zahl: Die Summen bleiben erhalten; der Teil eines alten Gebiets außerhalb aller neuen Gebiete wird nicht übertragen und steht in CROSSWALK (leerer neuer Schlüssel) und im REPORT. Fehlt eine alte Zahl, sind die neuen Gebiete, die sie erreicht, unbekannt. RATES (name=Zähler/Nenner;…) werden aus den übertragenen Zahlen neu berechnet, nie gemittelt.

Verschnitten wird im KBS von TARGET; Flächen werden in einem projizierten KBS eben und in einem geographischen ellipsoidisch gemessen. Ungültige Polygone werden zuerst repariert.

OUTPUT: die neue Gliederung mit den übertragenen Zahlen (Schätzwerte, nicht gerundet), den Quoten, dominant_share (der Teil der ersten Zahl des neuen Gebiets, der aus seinem größten alten Gebiet stammt), dominant_key, sources (alte Gebiete, die es erreichen), exact_share (der Teil aus alten Gebieten, die ganz in ihm liegen), mixed (dominant_share unter THRESHOLD) und covered_share (wie viel davon die alte Gliederung abdeckt). Übertragene Zahlen folgen der Veröffentlichungsregel: Zahlen von 1 bis unter SUPPRESS_BELOW, daraus berechnete Quoten und Zellen, die sie zurückgeben würden, sind leer und in suppressed_fields aufgeführt. CROSSWALK: old_key, new_key, share, basis (area, weight oder table). REPORT (.html oder .txt): wohin die Zahlen gegangen sind und die neuen Gebiete mit geringem dominantem Anteil, in LANGUAGE.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/regrid.py" line="64"/>
        <source>Old grid with counts</source>
        <translation>Alte Gliederung mit Zahlen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/regrid.py" line="65"/>
        <source>Key of the old areas</source>
        <translation>Schlüssel der alten Gebiete</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/regrid.py" line="67"/>
        <source>New grid</source>
        <translation>Neue Gliederung</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/regrid.py" line="68"/>
        <source>Key of the new areas</source>
        <translation>Schlüssel der neuen Gebiete</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/regrid.py" line="70"/>
        <source>Counts to carry</source>
        <translation>Zu übertragende Zahlen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/regrid.py" line="72"/>
        <source>Rates from the carried counts (name=numerator/denominator;…)</source>
        <translation>Quoten aus den übertragenen Zahlen (name=Zähler/Nenner;…)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/regrid.py" line="74"/>
        <source>Weight layer (points or polygons, e.g. addresses with residents)</source>
        <translation>Gewichtungslayer (Punkte oder Flächen, z. B. Adressen mit Einwohnern)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/regrid.py" line="77"/>
        <source>Weight field</source>
        <translation>Gewichtsfeld</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/regrid.py" line="79"/>
        <source>Crosswalk table to use as it is (old key, new key, share)</source>
        <translation>Umsteigeschlüssel, unverändert verwendet (alter Schlüssel, neuer Schlüssel, Anteil)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/regrid.py" line="79"/>
        <source>Tables (*.csv *.txt *.tsv *.xlsx *.ods *.gpkg);;All files (*.*)</source>
        <translation>Tabellen (*.csv *.txt *.tsv *.xlsx *.ods *.gpkg);;Alle Dateien (*.*)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/regrid.py" line="83"/>
        <source>Quality: share one old area should give (mixed below)</source>
        <translation>Qualität: Anteil, den ein altes Gebiet geben sollte (darunter gemischt)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/regrid.py" line="85"/>
        <source>Suppress carried counts below</source>
        <translation>Übertragene Zahlen unterdrücken unter</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/regrid.py" line="89"/>
        <source>Unit of the rates</source>
        <translation>Einheit der Quoten</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/regrid.py" line="90"/>
        <source>Slivers: pieces below this share of their old and new area</source>
        <translation>Splitter: Teilstücke unter diesem Anteil ihres alten und neuen Gebiets</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/regrid.py" line="93"/>
        <source>Crosswalk table: old key column</source>
        <translation>Umsteigeschlüssel: Spalte des alten Schlüssels</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/regrid.py" line="94"/>
        <source>Crosswalk table: new key column</source>
        <translation>Umsteigeschlüssel: Spalte des neuen Schlüssels</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/regrid.py" line="95"/>
        <source>Crosswalk table: share column</source>
        <translation>Umsteigeschlüssel: Spalte des Anteils</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/regrid.py" line="96"/>
        <source>Crosswalk table: tolerance of the share sums</source>
        <translation>Umsteigeschlüssel: Toleranz der Anteilssummen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/regrid.py" line="103"/>
        <source>New grid with carried counts</source>
        <translation>Neue Gliederung mit übertragenen Zahlen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/regrid.py" line="105"/>
        <source>Crosswalk (old key, new key, share)</source>
        <translation>Umsteigeschlüssel (alter Schlüssel, neuer Schlüssel, Anteil)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/regrid.py" line="108"/>
        <source>Quality report</source>
        <translation>Qualitätsbericht</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/regrid.py" line="108"/>
        <source>HTML (*.html);;Text (*.txt)</source>
        <translation>HTML (*.html);;Text (*.txt)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/regrid.py" line="111"/>
        <source>New areas below the quality threshold</source>
        <translation>Neue Gebiete unter der Qualitätsschwelle</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/regrid.py" line="143"/>
        <source>A crosswalk table is used as it is: WEIGHT_LAYER is not used.</source>
        <translation>Ein Umsteigeschlüssel wird unverändert verwendet: WEIGHT_LAYER wird nicht genutzt.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/regrid.py" line="171"/>
        <source>These fields of TARGET are replaced by the carried ones: {0}</source>
        <translation>Diese Felder von TARGET werden durch die übertragenen ersetzt: {0}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/regrid.py" line="187"/>
        <source>The crosswalk&apos;s shares times the old grid&apos;s counts give every carried count back, the hidden ones too: the crosswalk is a working file, not for publication.</source>
        <translation>Die Anteile des Umsteigeschlüssels mal die Zählwerte der alten Gliederung ergeben jeden übertragenen Zählwert, auch die verborgenen: Der Umsteigeschlüssel ist eine Arbeitsdatei, nicht zur Veröffentlichung bestimmt.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/regrid.py" line="233"/>
        <source>Weight layer: {n} features, {empty} without a weight, {outside} outside every old area.</source>
        <translation>Gewichtungslayer: {n} Objekte, {empty} ohne Gewicht, {outside} außerhalb aller alten Gebiete.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/regrid.py" line="278"/>
        <source>{field}: {old} in the old grid, {carried} carried, {outside} outside every new area, {lost} not carried (no crosswalk row or an old value missing).</source>
        <translation>{field}: {old} in der alten Gliederung, {carried} übertragen, {outside} außerhalb aller neuen Gebiete, {lost} nicht übertragen (keine Zeile im Umsteigeschlüssel oder ein alter Wert fehlt).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/regrid.py" line="282"/>
        <source>{n} of {m} new areas take less than {threshold} % from one old area.</source>
        <translation>{n} von {m} neuen Gebieten erhalten weniger als {threshold} % aus einem alten Gebiet.</translation>
    </message>
</context>
<context>
    <name>RegridReport</name>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid_report.py" line="59"/>
        <source>Old grid: {old} ({n} areas). New grid: {new} ({m} areas).</source>
        <translation>Alte Gliederung: {old} ({n} Gebiete). Neue Gliederung: {new} ({m} Gebiete).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid_report.py" line="62"/>
        <source>Crosswalk: the table {file}, used as it is.</source>
        <translation>Umsteigeschlüssel: die Tabelle {file}, unverändert verwendet.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid_report.py" line="65"/>
        <source>Shares: by the weights of {weights} in each piece of old and new area.</source>
        <translation>Anteile: nach den Gewichten von {weights} in jedem Teilstück aus altem und neuem Gebiet.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid_report.py" line="68"/>
        <source>Shares: by area (each old area&apos;s counts spread evenly over it).</source>
        <translation>Anteile: nach Fläche (die Zahlen jedes alten Gebiets gleichmäßig darüber verteilt).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid_report.py" line="72"/>
        <source>Old keys of the crosswalk matched to the old grid: {how}</source>
        <translation>Alte Schlüssel des Umsteigeschlüssels der alten Gliederung zugeordnet: {how}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid_report.py" line="72"/>
        <source>New keys of the crosswalk matched to the new grid: {how}</source>
        <translation>Neue Schlüssel des Umsteigeschlüssels der neuen Gliederung zugeordnet: {how}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid_report.py" line="77"/>
        <source>ellipsoidal (geographic CRS)</source>
        <translation>ellipsoidisch (geographisches KBS)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid_report.py" line="78"/>
        <source>planar</source>
        <translation>eben</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid_report.py" line="79"/>
        <source>Areas measured in {crs}, {how}.</source>
        <translation>Flächen gemessen in {crs}, {how}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid_report.py" line="82"/>
        <source>The weight layer gives no weight to {n} old area(s); they are shared out by area: {keys}</source>
        <translation>Der Gewichtungslayer gibt {n} alten Gebiet(en) kein Gewicht; sie werden nach Fläche aufgeteilt: {keys}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid_report.py" line="86"/>
        <source>{n} sliver(s) below {limit} of their old area (the same boundary drawn twice) were given to the old area&apos;s other pieces; the largest was {largest}.</source>
        <translation>{n} Splitter unter {limit} ihres alten Gebiets (dieselbe Grenze doppelt gezeichnet) wurden den übrigen Teilstücken des alten Gebiets zugeschlagen; der größte hatte {largest}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid_report.py" line="91"/>
        <source>{n} new areas overlap each other: {keys}. Their common part is carried once, shared between them by the part of the old area each covers.</source>
        <translation>{n} neue Gebiete überschneiden sich: {keys}. Ihr gemeinsamer Teil wird einmal übertragen und zwischen ihnen nach dem Teil des alten Gebiets aufgeteilt, den jedes abdeckt.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid_report.py" line="96"/>
        <source>Invalid geometries of {layer} were repaired: {keys}</source>
        <translation>Ungültige Geometrien von {layer} wurden repariert: {keys}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid_report.py" line="98"/>
        <source>Basis of the shares written in the crosswalk: {basis}.</source>
        <translation>Grundlage der Anteile im Umsteigeschlüssel: {basis}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid_report.py" line="100"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid_report.py" line="102"/>
        <source>Count</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid_report.py" line="102"/>
        <source>Old grid</source>
        <translation>Alte Gliederung</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid_report.py" line="103"/>
        <source>Carried</source>
        <translation>Übertragen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid_report.py" line="103"/>
        <source>Outside every new area</source>
        <translation>Außerhalb aller neuen Gebiete</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid_report.py" line="104"/>
        <source>Old areas not in the crosswalk</source>
        <translation>Alte Gebiete nicht im Umsteigeschlüssel</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid_report.py" line="105"/>
        <source>Not carried (an old count is missing)</source>
        <translation>Nicht übertragen (eine alte Zahl fehlt)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid_report.py" line="106"/>
        <source>Carried of old</source>
        <translation>Übertragen vom Alten</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid_report.py" line="115"/>
        <source>Old areas without a geometry (not carried, counted as outside every new area): {keys}</source>
        <translation>Alte Gebiete ohne Geometrie (nicht übertragen, als außerhalb aller neuen Gebiete gezählt): {keys}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid_report.py" line="118"/>
        <source>Old areas with a part outside every new area (not carried): {keys}</source>
        <translation>Alte Gebiete mit einem Teil außerhalb aller neuen Gebiete (nicht übertragen): {keys}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid_report.py" line="122"/>
        <source>Old areas without a row in the crosswalk (not carried): {keys}</source>
        <translation>Alte Gebiete ohne Zeile im Umsteigeschlüssel (nicht übertragen): {keys}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid_report.py" line="125"/>
        <source>Old keys of the crosswalk that are not in the old grid (nothing to carry): {keys}</source>
        <translation>Alte Schlüssel des Umsteigeschlüssels, die in der alten Gliederung fehlen (nichts zu übertragen): {keys}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid_report.py" line="128"/>
        <source>New keys of the crosswalk that are not in the new grid (counted as outside): {keys}</source>
        <translation>Neue Schlüssel des Umsteigeschlüssels, die es in der neuen Gliederung nicht gibt (als außerhalb gezählt): {keys}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid_report.py" line="131"/>
        <source>{count}: unknown in {n} new area(s), because an old area that reaches them has no value: {keys}</source>
        <translation>{count}: unbekannt in {n} neuen Gebiet(en), weil ein altes Gebiet, das sie erreicht, keinen Wert hat: {keys}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid_report.py" line="135"/>
        <source>New areas no old area reaches (no values): {keys}</source>
        <translation>Neue Gebiete, die kein altes Gebiet erreicht (keine Werte): {keys}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid_report.py" line="138"/>
        <source>Carried counts are estimates and follow the publication rule: {n} cell(s) of the new grid are not shown (counts below {threshold}, values derived from them and cells that protect them), listed in suppressed_fields.</source>
        <translation>Übertragene Zahlen sind Schätzwerte und folgen der Veröffentlichungsregel: {n} Zelle(n) der neuen Gliederung werden nicht gezeigt (Zahlen unter {threshold}, daraus abgeleitete Werte und Zellen, die sie schützen), aufgeführt in suppressed_fields.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid_report.py" line="143"/>
        <source>The crosswalk&apos;s shares times the old grid&apos;s counts give every carried count back, the hidden ones too: the crosswalk is a working file, not for publication.</source>
        <translation>Die Anteile des Umsteigeschlüssels mal die Zählwerte der alten Gliederung ergeben jeden übertragenen Zählwert, auch die verborgenen: Der Umsteigeschlüssel ist eine Arbeitsdatei, nicht zur Veröffentlichung bestimmt.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid_report.py" line="146"/>
        <source>Where the counts went</source>
        <translation>Wohin die Zahlen gingen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid_report.py" line="150"/>
        <source>Dominant share: the part of a new area&apos;s {basis} that comes from its largest old area. {n} of {m} new areas take less than {threshold} from one old area; their values are mixtures of several old areas.</source>
        <translation>Dominanter Anteil: der Teil von {basis} eines neuen Gebiets, der aus seinem größten alten Gebiet stammt. {n} von {m} neuen Gebieten erhalten weniger als {threshold} aus einem alten Gebiet; ihre Werte sind Mischungen mehrerer alter Gebiete.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid_report.py" line="156"/>
        <source>Median dominant share {median}; new areas taken wholly from old areas that lie inside them (exact, no estimate): {exact}.</source>
        <translation>Median des dominanten Anteils {median}; neue Gebiete, die ganz aus alten Gebieten in ihrem Inneren bestehen (exakt, keine Schätzung): {exact}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid_report.py" line="160"/>
        <source>New area</source>
        <translation>Neues Gebiet</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid_report.py" line="160"/>
        <source>Dominant share</source>
        <translation>Dominanter Anteil</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid_report.py" line="161"/>
        <source>Largest old area</source>
        <translation>Größtes altes Gebiet</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid_report.py" line="161"/>
        <source>Old areas</source>
        <translation>Alte Gebiete</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid_report.py" line="162"/>
        <source>Exact part</source>
        <translation>Exakter Teil</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/areas/regrid_report.py" line="165"/>
        <source>Quality: new areas with a low dominant share</source>
        <translation>Qualität: neue Gebiete mit geringem dominantem Anteil</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/regrid.py" line="291"/>
        <source>Regridding report</source>
        <translation>Bericht zur Umrechnung auf die neue Gliederung</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/report_steps.py" line="130"/>
        <source>Joining table {0} of {1}: {2}</source>
        <translation>Tabelle {0} von {1} wird verbunden: {2}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/report_steps.py" line="357"/>
        <source>Thematic maps are not available in this version.</source>
        <translation>Themenkarten sind in dieser Version nicht verfügbar.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/report_steps.py" line="368"/>
        <source>Profile sheets are not available in this version.</source>
        <translation>Sozialraumprofile sind in dieser Version nicht verfügbar.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/report_derived.py" line="158"/>
        <source>Computing {0} indicator(s) from counts: {1}</source>
        <translation>{0} Indikator(en) werden aus Anzahlen berechnet: {1}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/join_table.py" line="263"/>
        <source>Join report</source>
        <translation>Verbindungsbericht</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/common.py" line="80"/>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/common.py" line="82"/>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/common.py" line="82"/>
        <source>integer</source>
        <translation>ganze Zahl</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/common.py" line="83"/>
        <source>decimal number</source>
        <translation>Dezimalzahl</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/common.py" line="97"/>
        <source>Table as read</source>
        <translation>Tabelle wie gelesen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/common.py" line="98"/>
        <source>encoding</source>
        <translation>Kodierung</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/common.py" line="99"/>
        <source>separator</source>
        <translation>Trennzeichen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/common.py" line="100"/>
        <source>decimal mark</source>
        <translation>Dezimalzeichen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/common.py" line="101"/>
        <source>thousands mark</source>
        <translation>Tausendertrennzeichen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/common.py" line="102"/>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/common.py" line="103"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/common.py" line="104"/>
        <source>Missing</source>
        <translation>Fehlend</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/common.py" line="105"/>
        <source>Suppressed</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/common.py" line="106"/>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/common.py" line="107"/>
        <source>Boundaries</source>
        <translation>Gebietsgrenzen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/common.py" line="108"/>
        <source>features</source>
        <translation>Objekte</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/common.py" line="109"/>
        <source>invalid geometries</source>
        <translation>ungültige Geometrien</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/common.py" line="110"/>
        <source>Districts without a row</source>
        <translation>Gebiete ohne Zeile</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/common.py" line="111"/>
        <source>Table keys without a district</source>
        <translation>Tabellenschlüssel ohne Gebiet</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/common.py" line="112"/>
        <source>Duplicate table keys (not joined)</source>
        <translation>Doppelte Tabellenschlüssel (nicht verbunden)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/report_level.py" line="67"/>
        <source>Summing the districts to the parent level {0}: {1}</source>
        <translation>Gebiete werden zur übergeordneten Ebene {0} summiert: {1}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/report_series.py" line="85"/>
        <source>Series of {0} indicator(s) over the years {1}: {2}</source>
        <translation>Zeitreihe von {0} Indikator(en) über die Jahre {1}: {2}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/report_series.py" line="70"/>
        <source>The indicator {0} has no values for {1}: no table of that year ({2}) has its column {3}. Its years: {4}.</source>
        <translation>Der Indikator {0} hat keine Werte für {1}: keine Tabelle dieses Jahres ({2}) hat seine Spalte {3}. Seine Jahre: {4}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/report_store.py" line="20"/>
        <source>The report will also be published into schema {0} of the connection {1} (role {2}).</source>
        <translation>Der Bericht wird auch in das Schema {0} der Verbindung {1} veröffentlicht (Rolle {2}).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/report_store.py" line="34"/>
        <source>Writing the published layer and series into schema {0} …</source>
        <translation>Veröffentlichter Layer und Zeitreihe werden in das Schema {0} geschrieben …</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/report_store.py" line="45"/>
        <source>Published into schema {0}: tables sozialraum{1} with the map&apos;s style as their default. The internal layer stays in the output folder only.</source>
        <translation>In das Schema {0} veröffentlicht: Tabellen sozialraum{1} mit dem Kartenstil als Standardstil. Der interne Layer bleibt nur im Ausgabeordner.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/report_store.py" line="49"/>
        <source>The project {0} is in schema {1} too (Project ▸ Open From ▸ PostgreSQL); its data layers read the schema's tables.</source>
        <translation>Das Projekt {0} liegt auch im Schema {1} (Projekt ▸ Öffnen von ▸ PostgreSQL); seine Datenlayer lesen die Tabellen des Schemas.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/report_store.py" line="23"/>
        <source>Schema {0} did not exist and was created; other departments cannot open the report there until your database administrator grants them USAGE on the schema and SELECT on its tables (ALTER DEFAULT PRIVILEGES FOR ROLE {1} IN SCHEMA {0} GRANT SELECT ON TABLES TO …).</source>
        <translation>Das Schema {0} gab es nicht und wurde angelegt. Andere Fachbereiche können den Bericht dort erst öffnen, wenn Ihre Datenbankadministration ihnen USAGE auf das Schema und SELECT auf seine Tabellen gewährt (ALTER DEFAULT PRIVILEGES FOR ROLE {1} IN SCHEMA {0} GRANT SELECT ON TABLES TO …).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/report_supply.py" line="20"/>
        <source>Facilities against need: {0}</source>
        <translation>Einrichtungen und Bedarf: {0}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/report_impact.py" line="61"/>
        <source>Funded districts against the rest: Wirkung.xlsx, Wirkung.csv, Wirkung.pdf</source>
        <translation>Geförderte Gebiete gegen die übrigen: Wirkung.xlsx, Wirkung.csv, Wirkung.pdf</translation>
    </message>
</context>
<context>
    <name>ReportAlgorithm</name>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/report.py" line="26"/>
        <source>Full report from a report definition</source>
        <translation>Vollständiger Bericht aus einer Berichtsdefinition</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/report.py" line="79"/>
        <source>Report definition</source>
        <translation>Berichtsdefinition</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/report.py" line="79"/>
        <source>Report definition (*.json)</source>
        <translation>Berichtsdefinition (*.json)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/report.py" line="81"/>
        <source>District boundaries (instead of the definition&apos;s)</source>
        <translation>Gebietsgrenzen (anstelle derer aus der Definition)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/report.py" line="84"/>
        <source>Output folder</source>
        <translation>Ausgabeordner</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/report.py" line="86"/>
        <source>Districts matched by every table</source>
        <translation>Gebiete, die in jeder Tabelle zugeordnet wurden</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/report.py" line="150"/>
        <source>The report was cancelled; no half-written file was left in {0}.</source>
        <translation>Der Bericht wurde abgebrochen; in {0} ist keine halb geschriebene Datei zurückgeblieben.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/report.py" line="146"/>
        <source>The report was cancelled while printing: the data files in {0} (GeoPackages, appendix, method note) are this run&apos;s, the maps and profiles were not finished; no half-written file was left.</source>
        <translation>Der Bericht wurde beim Drucken abgebrochen: die Datendateien in {0} (GeoPackages, Tabellenanhang, Methodenhinweis) stammen aus diesem Lauf, Karten und Profile wurden nicht fertiggestellt; keine halb geschriebene Datei ist zurückgeblieben.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/report.py" line="87"/>
        <source>QGIS project with the report&apos;s layers and layouts</source>
        <translation>QGIS-Projekt mit den Layern und Layouts des Berichts</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/report.py" line="29"/>
        <source>Runs a whole Sozialbericht as the report DEFINITION (a JSON file) describes it: joins each table to the boundaries, computes the need index and clusters, prints the thematic maps and the profile sheets, and writes into OUTPUT_FOLDER:
- sozialraum.gpkg: the districts with all indicators, classes and clusters, as they may be published: cells the publication rule hides are empty (NULL), listed in suppressed_fields
- sozialraum_intern.gpkg: the same with every raw value, for further work; internal, not for publication
- Karten.pdf and Sozialraumprofile.pdf
- Tabellenanhang.csv: all values for the appendix (hidden cells as ·)
- Tabellenanhang.xlsx: the same as a workbook: numbers as numbers, a sheet for the districts, one per table, the city and the indicators' definitions with the publication rule
- Methodenhinweis.txt: the publication rule (what is hidden and why, the threshold)
- Verbindungsbericht_*.html: what each join matched and what not
- Berichtsdefinition.json: the definition used, to run it again next year
- Sozialbericht.qgz: a QGIS project with the styled layers, the map layouts and the profile atlas (relative paths: the folder can be moved), to finish the pages by hand (output PROJECT).

Publication rule: counts from 1 to below the threshold (default 3) are hidden, and so is everything computed from them (shares, changes) and a second cell wherever a published total would give a hidden one back; areas below the minimum population show no values. Change it in the definition: &quot;publication&quot;: {&quot;threshold&quot;: 5, &quot;population&quot;: &quot;EW&quot;, &quot;min_population&quot;: 300, &quot;totals&quot;: {&quot;EW&quot;: [&quot;u18&quot;, &quot;ab18&quot;]}}, or &quot;threshold&quot; per indicator. Whole-number table columns not declared as &quot;kind&quot;: &quot;value&quot; are treated as counts.

Relative paths in the definition are read from the definition's folder. INPUT, if given, replaces the boundaries named in the definition.

LANGUAGE (de | en): the language of every output (maps, legends, class labels, appendix, method note, join reports, profile pages) and its number format (1.234,5 / 1,234.5); empty: the definition's &quot;language&quot;, else the QGIS locale. File names stay German.</source>
        <translation>Erstellt einen vollständigen Sozialbericht so, wie ihn die Berichtsdefinition DEFINITION (eine JSON-Datei) beschreibt: verbindet jede Tabelle mit den Gebietsgrenzen, berechnet Bedarfsindex und Cluster, druckt die Themenkarten und die Sozialraumprofile und schreibt in OUTPUT_FOLDER:
- sozialraum.gpkg: die Gebiete mit allen Indikatoren, Klassen und Clustern in veröffentlichungsfähiger Form: Zellen, die die Geheimhaltungsregel sperrt, sind leer (NULL) und in suppressed_fields aufgeführt
- sozialraum_intern.gpkg: dasselbe mit allen Rohwerten, für die Weiterarbeit; intern, nicht zur Veröffentlichung
- Karten.pdf und Sozialraumprofile.pdf
- Tabellenanhang.csv: alle Werte für den Tabellenanhang (gesperrte Zellen als ·)
- Tabellenanhang.xlsx: dasselbe als Arbeitsmappe: Zahlen als Zahlen, ein Blatt für die Gebiete, eines je Tabelle, die Stadt und die Definitionen der Indikatoren mit der Geheimhaltungsregel
- Methodenhinweis.txt: die Geheimhaltungsregel (was nicht ausgewiesen wird und warum, der Schwellenwert)
- Verbindungsbericht_*.html: was bei jeder Verbindung zugeordnet wurde und was nicht
- Berichtsdefinition.json: die verwendete Definition, um den Bericht im nächsten Jahr erneut zu erstellen
- Sozialbericht.qgz: ein QGIS-Projekt mit den symbolisierten Layern, den Kartenlayouts und dem Profilatlas (relative Pfade: der Ordner kann verschoben werden), um die Seiten von Hand fertigzustellen (Ausgabe PROJECT).

Geheimhaltungsregel: Anzahlen von 1 bis unter dem Schwellenwert (Standard 3) werden nicht ausgewiesen, ebenso alles, was daraus berechnet wird (Anteile, Veränderungen), sowie eine zweite Zelle überall dort, wo sich eine gesperrte Zelle sonst aus einer veröffentlichten Summe zurückrechnen ließe; Gebiete unter der Mindesteinwohnerzahl zeigen keine Werte. Änderbar in der Definition: &quot;publication&quot;: {&quot;threshold&quot;: 5, &quot;population&quot;: &quot;EW&quot;, &quot;min_population&quot;: 300, &quot;totals&quot;: {&quot;EW&quot;: [&quot;u18&quot;, &quot;ab18&quot;]}}, oder &quot;threshold&quot; je Indikator. Tabellenspalten mit ganzen Zahlen, die nicht als &quot;kind&quot;: &quot;value&quot; deklariert sind, werden als Anzahlen behandelt.

Relative Pfade in der Definition werden vom Ordner der Definition aus gelesen. INPUT ersetzt, falls angegeben, die in der Definition genannten Gebietsgrenzen.

LANGUAGE (de | en): die Sprache aller Ausgaben (Karten, Legenden, Klassennamen, Tabellenanhang, Methodenhinweis, Verbindungsberichte, Profilseiten) und ihr Zahlenformat (1.234,5 / 1,234.5); leer: &quot;language&quot; der Definition, sonst die Sprache von QGIS. Die Dateinamen bleiben deutsch.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/report.py" line="58"/>
        <source>Years: tables given per year (&quot;year&quot;: 2021 on a table entry) or with a year column (&quot;year_column&quot;: &quot;Jahr&quot;) make a series: every indicator whose columns are there in several years (&quot;of&quot;: &quot;STATUS3&quot; names the column, a rate its numerator and denominator) gets a column &lt;id&gt;_&lt;year&gt; per year and &lt;id&gt; for the report year (&quot;report_year&quot;, default the latest), and both GeoPackages a table &quot;series&quot; (key, indicator, year, value, numerator, denominator, shown; in sozialraum.gpkg the values of hidden cells are empty). A change (&quot;change_between&quot;: [2019, 2021], or &quot;period&quot; with the definition&apos;s &quot;period&quot;: 2) is computed from the two years&apos; values, for rates from their counts, in points.</source>
        <translation>Jahre: Tabellen je Jahr (&quot;year&quot;: 2021 im Tabelleneintrag) oder mit Jahresspalte (&quot;year_column&quot;: &quot;Jahr&quot;) ergeben eine Zeitreihe: Jeder Indikator, dessen Spalten in mehreren Jahren vorliegen (&quot;of&quot;: &quot;STATUS3&quot; nennt die Spalte, eine Quote ihren Zähler und Nenner), erhält je Jahr eine Spalte &lt;id&gt;_&lt;Jahr&gt; und &lt;id&gt; für das Berichtsjahr (&quot;report_year&quot;, sonst das jüngste), und beide GeoPackages eine Tabelle &quot;series&quot; (key, indicator, year, value, numerator, denominator, shown; in sozialraum.gpkg sind die Werte gesperrter Zellen leer). Eine Veränderung (&quot;change_between&quot;: [2019, 2021] oder &quot;period&quot; mit &quot;period&quot;: 2 in der Definition) wird aus den Werten der beiden Jahre berechnet, bei Quoten aus deren Anzahlen, in Punkten.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/report.py" line="67"/>
        <source>Database (optional): &quot;store&quot;: {&quot;connection&quot;: &quot;&lt;QGIS PostgreSQL connection&gt;&quot;, &quot;schema&quot;: &quot;bericht&quot;} also publishes the published layer (table sozialraum, hidden cells empty), its series and the map's style (the table's default in public.layer_styles) into that schema, after the files, all at once: a run that fails leaves the previous tables as they were. The internal layer stays in the folder. The connection keeps its credentials in a QGIS authentication configuration (or a service); one that keeps a password in plain text is refused. The role's rights are checked first, and one run at a time writes into a schema (a second is refused, naming the first). Boundaries and tables may be database tables: {&quot;connection&quot;: …, &quot;schema&quot;: …, &quot;table&quot;: …} instead of a file.</source>
        <translation>Datenbank (optional): &quot;store&quot;: {&quot;connection&quot;: &quot;&lt;QGIS-PostgreSQL-Verbindung&gt;&quot;, &quot;schema&quot;: &quot;bericht&quot;} veröffentlicht den veröffentlichten Layer (Tabelle sozialraum, verborgene Zellen leer), seine Zeitreihe und den Kartenstil (als Standardstil der Tabelle in public.layer_styles) zusätzlich in dieses Schema, nach den Dateien und auf einmal: Ein Lauf, der scheitert, lässt die Tabellen des vorigen Berichts unverändert. Der interne Layer bleibt im Ordner. Die Verbindung hält ihre Zugangsdaten in einer QGIS-Authentifizierungskonfiguration (oder einem Service); eine Verbindung mit Passwort im Klartext wird abgelehnt. Zuerst werden die Rechte der Rolle geprüft, und es schreibt immer nur ein Lauf in ein Schema (ein zweiter wird abgelehnt und nennt den ersten). Grenzen und Tabellen dürfen Datenbanktabellen sein: {&quot;connection&quot;: …, &quot;schema&quot;: …, &quot;table&quot;: …} statt einer Datei.</translation>
    </message>
</context>
<context>
    <name>ReportBuilder</name>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/analysis_page.py" line="45"/>
        <source>Need &amp;index</source>
        <translation>Bedarfs&amp;index</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/analysis_page.py" line="51"/>
        <source>Custom (z-scores of the chosen indicators)</source>
        <translation>Eigener Index (z-Werte der gewählten Indikatoren)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/analysis_page.py" line="52"/>
        <source>MSS (Berlin method, fixed class limits)</source>
        <translation>MSS (Berliner Verfahren, feste Klassengrenzen)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/supply_section.py" line="71"/>
        <source>Method:</source>
        <translation>Methode:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/analysis_page.py" line="55"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/analysis_page.py" line="55"/>
        <source>Dynamics</source>
        <translation>Dynamik</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/analysis_page.py" line="65"/>
        <source>Population field:</source>
        <translation>Feld der Einwohnerzahl:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/analysis_page.py" line="66"/>
        <source>Minimum population:</source>
        <translation>Mindesteinwohnerzahl:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/analysis_page.py" line="67"/>
        <source>Leave out (expression):</source>
        <translation>Ausschließen (Ausdruck):</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/analysis_page.py" line="73"/>
        <source>Need &amp;clusters</source>
        <translation>Bedarfs&amp;cluster</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/analysis_page.py" line="81"/>
        <source>suggest</source>
        <translation>vorschlagen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/analysis_page.py" line="88"/>
        <source>Number of clusters:</source>
        <translation>Anzahl der Cluster:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/impact_section.py" line="61"/>
        <source>Seed:</source>
        <translation>Startwert:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/analysis_page.py" line="231"/>
        <source>Need index: choose at least one status indicator.</source>
        <translation>Bedarfsindex: mindestens einen Statusindikator wählen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/analysis_page.py" line="235"/>
        <source>Need index: the expression {0} cannot be used: {1}</source>
        <translation>Bedarfsindex: Der Ausdruck {0} ist nicht verwendbar: {1}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/analysis_page.py" line="238"/>
        <source>Need clusters: choose at least one indicator.</source>
        <translation>Bedarfscluster: mindestens einen Indikator wählen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/dialog.py" line="75"/>
        <source>Social report</source>
        <translation>Sozialbericht</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/dialog.py" line="83"/>
        <source>1 Report</source>
        <translation>1 Bericht</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/dialog.py" line="83"/>
        <source>2 Tables</source>
        <translation>2 Tabellen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/dialog.py" line="83"/>
        <source>3 Indicators</source>
        <translation>3 Indikatoren</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/dialog.py" line="83"/>
        <source>4 Need index</source>
        <translation>4 Bedarfsindex</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/dialog.py" line="107"/>
        <source>O&amp;pen…</source>
        <translation>Ö&amp;ffnen …</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/dialog.py" line="109"/>
        <source>From the project</source>
        <translation>Aus dem Projekt</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/dialog.py" line="110"/>
        <source>From a file…</source>
        <translation>Aus einer Datei …</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/dialog.py" line="114"/>
        <source>&amp;Save…</source>
        <translation>&amp;Speichern …</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/dialog.py" line="116"/>
        <source>&amp;Next year…</source>
        <translation>&amp;Nächstes Jahr …</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/dialog.py" line="118"/>
        <source>&amp;Run report</source>
        <translation>Bericht &amp;erstellen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/dialog.py" line="222"/>
        <source>Table {0} ({1}): none of its columns is used; choose an indicator of it or remove the table.</source>
        <translation>Tabelle {0} ({1}): Keine ihrer Spalten wird verwendet; einen Indikator daraus wählen oder die Tabelle entfernen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/dialog.py" line="228"/>
        <source>(builder)</source>
        <translation>(Berichtsassistent)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/dialog.py" line="254"/>
        <source> (and {0} more)</source>
        <translation> (und {0} weitere)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/dialog.py" line="258"/>
        <source>Ready to run.</source>
        <translation>Bereit zur Ausführung.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/dialog.py" line="305"/>
        <source>This project holds no report definition yet.</source>
        <translation>Dieses Projekt enthält noch keine Berichtsdefinition.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/dialog.py" line="309"/>
        <source>Report definition read from the project.</source>
        <translation>Berichtsdefinition aus dem Projekt gelesen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/dialog.py" line="314"/>
        <source>Open a report definition</source>
        <translation>Berichtsdefinition öffnen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/dialog.py" line="337"/>
        <source>Report definition (*.json)</source>
        <translation>Berichtsdefinition (*.json)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/dialog.py" line="326"/>
        <source>Report definition read from {0}.</source>
        <translation>Berichtsdefinition aus {0} gelesen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/dialog.py" line="337"/>
        <source>Save the report definition</source>
        <translation>Berichtsdefinition speichern</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/dialog.py" line="352"/>
        <source>Saved to {0} and into the project.</source>
        <translation>In {0} und im Projekt gespeichert.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/dialog.py" line="381"/>
        <source>Next year&apos;s tables are in place: {0}.</source>
        <translation>Die Tabellen des neuen Jahres sind eingesetzt: {0}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/general_page.py" line="29"/>
        <source>Language of QGIS</source>
        <translation>Sprache von QGIS</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/general_page.py" line="41"/>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/general_page.py" line="44"/>
        <source>e.g. Sozialbericht 2022</source>
        <translation>z. B. Sozialbericht 2022</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/general_page.py" line="46"/>
        <source>Source line printed on maps and pages</source>
        <translation>Quellenangabe auf Karten und Seiten</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/general_page.py" line="47"/>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/general_page.py" line="48"/>
        <source>&amp;Source:</source>
        <translation>&amp;Quelle:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/general_page.py" line="51"/>
        <source>District boundaries</source>
        <translation>Gebietsgrenzen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/general_page.py" line="53"/>
        <source>Project &amp;layer:</source>
        <translation>Projekt&amp;layer:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/general_page.py" line="56"/>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/general_page.py" line="58"/>
        <source>Vector files (*.shp *.gpkg *.geojson *.json);;All files (*)</source>
        <translation>Vektordateien (*.shp *.gpkg *.geojson *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/general_page.py" line="68"/>
        <source>District &amp;key:</source>
        <translation>Gebiets&amp;schlüssel:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/general_page.py" line="69"/>
        <source>District &amp;name:</source>
        <translation>Gebiets&amp;name:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/general_page.py" line="74"/>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/general_page.py" line="78"/>
        <source>Folder for maps, pages and data</source>
        <translation>Ordner für Karten, Seiten und Daten</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/general_page.py" line="91"/>
        <source>Output &amp;folder:</source>
        <translation>Ausgabe&amp;ordner:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/general_page.py" line="92"/>
        <source>&amp;Language of the outputs:</source>
        <translation>S&amp;prache der Ausgaben:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/general_page.py" line="214"/>
        <source>Give the report a title (page “Report”).</source>
        <translation>Dem Bericht einen Titel geben (Seite „Bericht“).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/general_page.py" line="217"/>
        <source>The boundaries file {0} cannot be read.</source>
        <translation>Die Grenzendatei {0} kann nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/general_page.py" line="220"/>
        <source>Choose the district boundaries (page “Report”).</source>
        <translation>Die Gebietsgrenzen wählen (Seite „Bericht“).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/general_page.py" line="222"/>
        <source>The layer {0} is not a file; save it as a GeoPackage first.</source>
        <translation>Der Layer {0} ist keine Datei; bitte zuerst als GeoPackage speichern.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/general_page.py" line="225"/>
        <source>Choose the district key field (page “Report”).</source>
        <translation>Das Schlüsselfeld der Gebiete wählen (Seite „Bericht“).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/general_page.py" line="227"/>
        <source>Choose an output folder (page “Report”).</source>
        <translation>Einen Ausgabeordner wählen (Seite „Bericht“).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/indicator_rows.py" line="18"/>
        <source>Rate (numerator / denominator)</source>
        <translation>Quote (Zähler / Nenner)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/indicator_rows.py" line="19"/>
        <source>Change between two years</source>
        <translation>Veränderung zwischen zwei Jahren</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/indicator_rows.py" line="20"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/indicator_rows.py" line="20"/>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/indicator_rows.py" line="24"/>
        <source>higher = more need</source>
        <translation>höher = mehr Bedarf</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/indicator_rows.py" line="25"/>
        <source>higher = less need</source>
        <translation>höher = weniger Bedarf</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/indicators_page.py" line="56"/>
        <source>Use</source>
        <translation>Verwenden</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/indicators_page.py" line="56"/>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/indicators_page.py" line="56"/>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/indicators_page.py" line="56"/>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/indicators_page.py" line="56"/>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/indicators_page.py" line="56"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/indicators_page.py" line="70"/>
        <source>Add &amp;rate from counts</source>
        <translation>&amp;Quote aus Anzahlen hinzufügen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/indicators_page.py" line="71"/>
        <source>Add c&amp;hange between years</source>
        <translation>&amp;Veränderung zwischen Jahren hinzufügen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/indicators_page.py" line="72"/>
        <source>Remove derived indicator</source>
        <translation>Abgeleiteten Indikator entfernen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/indicators_page.py" line="76"/>
        <source>Show only the indicators in use</source>
        <translation>Nur verwendete Indikatoren zeigen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/indicators_page.py" line="90"/>
        <source>Derived indicator</source>
        <translation>Abgeleiteter Indikator</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/indicators_page.py" line="100"/>
        <source>from the unit (% → 100, ‰ → 1000)</source>
        <translation>aus der Einheit (% → 100, ‰ → 1000)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/indicators_page.py" line="106"/>
        <source>change from</source>
        <translation>Veränderung von</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/indicators_page.py" line="118"/>
        <source>Field name:</source>
        <translation>Feldname:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/indicators_page.py" line="119"/>
        <source>Numerator (count):</source>
        <translation>Zähler (Anzahl):</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/indicators_page.py" line="120"/>
        <source>Denominator (count):</source>
        <translation>Nenner (Anzahl):</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/indicators_page.py" line="121"/>
        <source>Scale:</source>
        <translation>Faktor:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/indicators_page.py" line="122"/>
        <source>Column by year:</source>
        <translation>Spalte je Jahr:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/indicators_page.py" line="123"/>
        <source>Years:</source>
        <translation>Jahre:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/indicators_page.py" line="173"/>
        <source>No table has the column {0}.</source>
        <translation>Keine Tabelle enthält die Spalte {0}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/indicators_page.py" line="247"/>
        <source>Derived indicator (select a row marked ƒ)</source>
        <translation>Abgeleiteter Indikator (eine mit ƒ markierte Zeile wählen)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/indicators_page.py" line="317"/>
        <source>Derived indicator {0}</source>
        <translation>Abgeleiteter Indikator {0}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/indicators_page.py" line="409"/>
        <source>Indicator {0}: {1}</source>
        <translation>Indikator {0}: {1}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/indicators_page.py" line="412"/>
        <source>Indicator {0}: no table has this column.</source>
        <translation>Indikator {0}: Keine Tabelle enthält diese Spalte.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/indicators_page.py" line="415"/>
        <source>Indicator {0}: no table has the column {1}.</source>
        <translation>Indikator {0}: Keine Tabelle enthält die Spalte {1}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/indicators_page.py" line="418"/>
        <source>Choose at least one indicator (page “Indicators”).</source>
        <translation>Mindestens einen Indikator wählen (Seite „Indikatoren“).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/maps_page.py" line="27"/>
        <source>Natural breaks (Jenks)</source>
        <translation>Natürliche Unterbrechungen (Jenks)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/maps_page.py" line="28"/>
        <source>Quantiles</source>
        <translation>Quantile</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/maps_page.py" line="29"/>
        <source>Equal intervals</source>
        <translation>Gleiche Intervalle</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/maps_page.py" line="30"/>
        <source>Standard deviation</source>
        <translation>Standardabweichung</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/maps_page.py" line="31"/>
        <source>Pretty breaks</source>
        <translation>Runde Klassengrenzen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/maps_page.py" line="32"/>
        <source>MSS classes</source>
        <translation>MSS-Klassen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/maps_page.py" line="33"/>
        <source>Categories (classes, clusters)</source>
        <translation>Kategorien (Klassen, Cluster)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/maps_page.py" line="42"/>
        <source>Need index (status)</source>
        <translation>Bedarfsindex (Status)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/maps_page.py" line="43"/>
        <source>Need class (status)</source>
        <translation>Bedarfsklasse (Status)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/maps_page.py" line="44"/>
        <source>Need index (dynamics)</source>
        <translation>Bedarfsindex (Dynamik)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/maps_page.py" line="48"/>
        <source>Need cluster</source>
        <translation>Bedarfscluster</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/maps_page.py" line="59"/>
        <source>One printed map per row, in this order.</source>
        <translation>Eine gedruckte Karte je Zeile, in dieser Reihenfolge.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/maps_page.py" line="61"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/maps_page.py" line="61"/>
        <source>Classification</source>
        <translation>Klassifizierung</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/maps_page.py" line="61"/>
        <source>Classes</source>
        <translation>Klassen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/maps_page.py" line="61"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/maps_page.py" line="75"/>
        <source>&amp;Add map</source>
        <translation>Karte &amp;hinzufügen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/maps_page.py" line="76"/>
        <source>Remo&amp;ve map</source>
        <translation>Karte &amp;entfernen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/maps_page.py" line="167"/>
        <source>Map {0}: the field {1} is not among the chosen indicators.</source>
        <translation>Karte {0}: Das Feld {1} gehört nicht zu den gewählten Indikatoren.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/next_year.py" line="113"/>
        <source> … and {0} more</source>
        <translation> … und {0} weitere</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/next_year.py" line="123"/>
        <source>indicator list</source>
        <translation>Indikatorenliste</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/next_year.py" line="124"/>
        <source>map {0}</source>
        <translation>Karte {0}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/next_year.py" line="125"/>
        <source>profile pages</source>
        <translation>Profilseiten</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/next_year.py" line="126"/>
        <source>need index</source>
        <translation>Bedarfsindex</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/next_year.py" line="127"/>
        <source>need clusters</source>
        <translation>Bedarfscluster</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/next_year.py" line="140"/>
        <source>{0}: {1} of {2} keys matched</source>
        <translation>{0}: {1} von {2} Schlüsseln zugeordnet</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/next_year.py" line="143"/>
        <source>; gone: {0}</source>
        <translation>; fehlt: {0}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/next_year.py" line="154"/>
        <source>Table {0}: {1} → {2}</source>
        <translation>Tabelle {0}: {1} → {2}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/next_year.py" line="164"/>
        <source>Columns the report uses that are gone: {0}</source>
        <translation>Vom Bericht verwendete Spalten, die fehlen: {0}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/next_year.py" line="168"/>
        <source>Other columns gone: {0}</source>
        <translation>Weitere fehlende Spalten: {0}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/next_year.py" line="171"/>
        <source>New columns: {0}</source>
        <translation>Neue Spalten: {0}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/next_year.py" line="173"/>
        <source>Same columns as before.</source>
        <translation>Dieselben Spalten wie bisher.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/next_year.py" line="176"/>
        <source>Keys: {0} of {1} districts matched.</source>
        <translation>Schlüssel: {0} von {1} Gebieten zugeordnet.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/next_year.py" line="179"/>
        <source>Districts without a row: </source>
        <translation>Gebiete ohne Zeile: </translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/next_year.py" line="182"/>
        <source>Table keys without a district: </source>
        <translation>Tabellenschlüssel ohne Gebiet: </translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/next_year.py" line="186"/>
        <source>{0} ({1}) reads the column {2}, which is gone</source>
        <translation>{0} ({1}) liest die Spalte {2}, die es nicht mehr gibt</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/next_year.py" line="190"/>
        <source>Indicators that lose their column:</source>
        <translation>Indikatoren, denen ihre Spalte fehlt:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/next_year.py" line="193"/>
        <source>Every indicator still finds its column.</source>
        <translation>Jeder Indikator findet seine Spalte weiterhin.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/next_year.py" line="206"/>
        <source>Next year: new tables</source>
        <translation>Nächstes Jahr: neue Tabellen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/next_year.py" line="208"/>
        <source>Choose this year's file for each table. “Compare” shows what changed before anything runs; nothing is written.</source>
        <translation>Für jede Tabelle die Datei dieses Jahres wählen. „Vergleichen“ zeigt vor jeder Ausführung, was sich geändert hat; es wird nichts geschrieben.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/table_editor.py" line="88"/>
        <source>Tables ({0});;All files (*)</source>
        <translation>Tabellen ({0});;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/next_year.py" line="220"/>
        <source>Table {0}:</source>
        <translation>Tabelle {0}:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/next_year.py" line="227"/>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/next_year.py" line="234"/>
        <source>&amp;Use the new tables</source>
        <translation>Neue Tabellen ü&amp;bernehmen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/next_year.py" line="237"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/next_year.py" line="258"/>
        <source>Choose at least one new table file.</source>
        <translation>Mindestens eine neue Tabellendatei wählen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/next_year.py" line="261"/>
        <source>The boundaries cannot be read; see the page “Report”.</source>
        <translation>Die Gebietsgrenzen können nicht gelesen werden; siehe Seite „Bericht“.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/profiles_page.py" line="35"/>
        <source>&amp;Profile pages (one per district)</source>
        <translation>&amp;Profilseiten (eine je Gebiet)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/profiles_page.py" line="39"/>
        <source>Checked indicators appear on each page, in this order:</source>
        <translation>Angehakte Indikatoren erscheinen auf jeder Seite, in dieser Reihenfolge:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/profiles_page.py" line="45"/>
        <source>&amp;Up</source>
        <translation>&amp;Hoch</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/profiles_page.py" line="46"/>
        <source>Do&amp;wn</source>
        <translation>&amp;Runter</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/profiles_page.py" line="54"/>
        <source>District profile</source>
        <translation>Sozialraumprofil</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/profiles_page.py" line="55"/>
        <source>also one PDF per district</source>
        <translation>zusätzlich ein PDF je Gebiet</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/profiles_page.py" line="56"/>
        <source>Page title:</source>
        <translation>Seitentitel:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/profiles_page.py" line="61"/>
        <source>Look of maps and pages</source>
        <translation>Gestaltung von Karten und Seiten</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/profiles_page.py" line="65"/>
        <source>the plugin&apos;s blue</source>
        <translation>Blau des Plugins</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/profiles_page.py" line="68"/>
        <source>Images (*.png *.jpg *.jpeg *.svg)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/profiles_page.py" line="69"/>
        <source>House colour:</source>
        <translation>Hausfarbe:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/profiles_page.py" line="70"/>
        <source>Logo:</source>
        <translation>Logo:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/profiles_page.py" line="163"/>
        <source>Profile pages: check at least one indicator.</source>
        <translation>Profilseiten: mindestens einen Indikator anhaken.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/table_editor.py" line="95"/>
        <source>Key &amp;matching:</source>
        <translation>Schlüssel&amp;abgleich:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/table_editor.py" line="99"/>
        <source>Table &amp;file:</source>
        <translation>Tabellen&amp;datei:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/table_editor.py" line="100"/>
        <source>Key &amp;column:</source>
        <translation>Schlüssel&amp;spalte:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/table_editor.py" line="105"/>
        <source>How the table is read</source>
        <translation>Wie die Tabelle gelesen wird</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/table_editor.py" line="118"/>
        <source>Preview (first 20 rows as read):</source>
        <translation>Vorschau (erste 20 Zeilen wie gelesen):</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/table_editor.py" line="124"/>
        <source>Check &amp;join</source>
        <translation>Verbindung &amp;prüfen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/table_editor.py" line="153"/>
        <source>(no file yet)</source>
        <translation>(noch keine Datei)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/table_editor.py" line="205"/>
        <source>Choose the table&apos;s file.</source>
        <translation>Die Datei der Tabelle wählen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/table_editor.py" line="241"/>
        <source>{rows} rows and {cols} columns read from {file}.</source>
        <translation>{rows} Zeilen und {cols} Spalten aus {file} gelesen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/table_editor.py" line="257"/>
        <source>Not checked yet: “Check join” shows what matches the boundaries.</source>
        <translation>Noch nicht geprüft: „Verbindung prüfen“ zeigt, was zu den Gebieten passt.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/table_editor.py" line="264"/>
        <source>Choose the boundaries, their key, the table and its key column first.</source>
        <translation>Zuerst Gebietsgrenzen, deren Schlüssel, die Tabelle und ihre Schlüsselspalte wählen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/tables_page.py" line="33"/>
        <source>&amp;Add table</source>
        <translation>Tabelle &amp;hinzufügen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/tables_page.py" line="34"/>
        <source>Remo&amp;ve table</source>
        <translation>Tabelle &amp;entfernen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/tables_page.py" line="93"/>
        <source>Add at least one table (page “Tables”).</source>
        <translation>Mindestens eine Tabelle hinzufügen (Seite „Tabellen“).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/tables_page.py" line="96"/>
        <source>Table {0}: choose its file.</source>
        <translation>Tabelle {0}: ihre Datei wählen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/tables_page.py" line="98"/>
        <source>Table {0} ({1}): {2}</source>
        <translation>Tabelle {0} ({1}): {2}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/tables_page.py" line="98"/>
        <source>it cannot be read.</source>
        <translation>sie kann nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/tables_page.py" line="101"/>
        <source>Table {0} ({1}): choose its key column.</source>
        <translation>Tabelle {0} ({1}): ihre Schlüsselspalte wählen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/dialog.py" line="244"/>
        <source>Need index: the expression reads the field {0}, which neither the tables nor the boundaries have.</source>
        <translation>Bedarfsindex: der Ausdruck liest das Feld {0}, das weder die Tabellen noch die Gebietsgrenzen haben.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/general_page.py" line="87"/>
        <source>Counts from 1 to below this number are hidden in maps, pages, appendix and the GeoPackage, and so is every value that would give them back. An indicator may have its own threshold in the definition file (&quot;threshold&quot;).</source>
        <translation>Anzahlen von 1 bis unter dieser Zahl werden in Karten, Profilseiten, Tabellenanhang und GeoPackage ausgeblendet, ebenso jeder Wert, der sie verraten würde. Ein Indikator kann in der Definitionsdatei eine eigene Schwelle haben („threshold“).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/general_page.py" line="93"/>
        <source>&amp;Hide counts below:</source>
        <translation>Anzahlen &amp;ausblenden unter:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/indicators_page.py" line="102"/>
        <source>× 1000 (‰, per 1,000)</source>
        <translation>× 1000 (‰, je 1.000)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/indicators_page.py" line="102"/>
        <source>× 100,000</source>
        <translation>× 100.000</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/indicators_page.py" line="115"/>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/maps_page.py" line="45"/>
        <source>Need class (dynamics)</source>
        <translation>Bedarfsklasse (Dynamik)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/maps_page.py" line="46"/>
        <source>Need group (status and dynamics)</source>
        <translation>Bedarfsgruppe (Status und Dynamik)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/next_year.py" line="159"/>
        <source>Key column {0} → {1} (found by the districts it matches).</source>
        <translation>Schlüsselspalte {0} → {1} (an den passenden Gebieten erkannt).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/indicator_rows.py" line="26"/>
        <source>no direction (context)</source>
        <translation>keine Richtung (Kontext)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/maps_page.py" line="34"/>
        <source>Change: classes symmetric around 0</source>
        <translation>Veränderung: Klassen symmetrisch um 0</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/maps_page.py" line="35"/>
        <source>Automatic (symmetric around 0 for a change)</source>
        <translation>Automatisch (symmetrisch um 0 bei einer Veränderung)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/general_page.py" line="96"/>
        <source>(none: files only)</source>
        <translation>(keine: nur Dateien)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/general_page.py" line="99"/>
        <source>Also publish the published district layer, its series and the map's style into a schema of this PostgreSQL connection (Data Source Manager ▸ PostgreSQL; credentials in an authentication configuration). The internal layer stays local.</source>
        <translation>Den veröffentlichten Gebietslayer, seine Zeitreihe und den Kartenstil zusätzlich in ein Schema dieser PostgreSQL-Verbindung veröffentlichen (Datenquellenverwaltung ▸ PostgreSQL; Zugangsdaten in einer Authentifizierungskonfiguration). Der interne Layer bleibt lokal.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/general_page.py" line="104"/>
        <source>e.g. bericht</source>
        <translation>z. B. bericht</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/general_page.py" line="105"/>
        <source>&amp;Database connection:</source>
        <translation>&amp;Datenbankverbindung:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/general_page.py" line="106"/>
        <source>Sc&amp;hema:</source>
        <translation>Sc&amp;hema:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/general_page.py" line="230"/>
        <source>Enter the schema to publish into through the database connection {0} (page “Report”).</source>
        <translation>Das Schema angeben, in das über die Datenbankverbindung {0} veröffentlicht wird (Seite „Bericht“).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/uncertainty_section.py" line="28"/>
        <source>Robust ranks (rank interval, probability of the highest need class)</source>
        <translation>Robuste Ränge (Rangintervall, Wahrscheinlichkeit der höchsten Bedarfsklasse)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/uncertainty_section.py" line="30"/>
        <source>The index is recomputed many times with other weights, scalings and one indicator left out; each district gets its rank with a 90 % interval on its profile page and in the appendix.</source>
        <translation>Der Index wird vielfach mit anderen Gewichten, Skalierungen und jeweils einem weggelassenen Indikator neu berechnet; jedes Gebiet erhält seinen Rang mit einem 90-%-Intervall auf seiner Profilseite und im Tabellenanhang.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/uncertainty_section.py" line="44"/>
        <source>Draws:</source>
        <translation>Ziehungen:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/uncertainty_section.py" line="45"/>
        <source>Weights vary by ±:</source>
        <translation>Gewichte schwanken um ±:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/supply_section.py" line="30"/>
        <source>Facilities against &amp;need</source>
        <translation>Einrichtungen und &amp;Bedarf</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/supply_section.py" line="36"/>
        <source>Kita list (CSV, XLSX) or point layer file</source>
        <translation>Kitaliste (CSV, XLSX) oder Punktlayer-Datei</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/supply_section.py" line="44"/>
        <source>Facilities:</source>
        <translation>Einrichtungen:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/supply_section.py" line="54"/>
        <source>X, Y columns, CRS (tables):</source>
        <translation>Spalten X, Y, Bezugssystem (Tabellen):</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/supply_section.py" line="57"/>
        <source>empty: each counts 1</source>
        <translation>leer: jede zählt 1</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/supply_section.py" line="58"/>
        <source>Id column:</source>
        <translation>Kennungsspalte:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/supply_section.py" line="59"/>
        <source>Capacity column (places):</source>
        <translation>Kapazitätsspalte (Plätze):</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/supply_section.py" line="61"/>
        <source>Target population:</source>
        <translation>Zielgruppe:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/supply_section.py" line="66"/>
        <source>none (city value)</source>
        <translation>keiner (Wert der Stadt)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/supply_section.py" line="67"/>
        <source>Standard (places per person):</source>
        <translation>Richtwert (Plätze je Person):</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/supply_section.py" line="69"/>
        <source>Facilities inside the district</source>
        <translation>Einrichtungen im Gebiet</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/supply_section.py" line="70"/>
        <source>Catchment (2SFCA)</source>
        <translation>Einzugsbereich (2SFCA)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/supply_section.py" line="78"/>
        <source>Catchment distance:</source>
        <translation>Einzugsbereich:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/supply_section.py" line="80"/>
        <source>Need field:</source>
        <translation>Bedarfsfeld:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/supply_section.py" line="90"/>
        <source>Facilities</source>
        <translation>Einrichtungen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/supply_section.py" line="90"/>
        <source>Tables and layers (*.csv *.txt *.xlsx *.ods *.gpkg *.shp);;All files (*.*)</source>
        <translation>Tabellen und Layer (*.csv *.txt *.xlsx *.ods *.gpkg *.shp);;Alle Dateien (*.*)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/supply_section.py" line="149"/>
        <source>Facilities against need: choose the facilities file.</source>
        <translation>Einrichtungen und Bedarf: Datei der Einrichtungen wählen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/supply_section.py" line="151"/>
        <source>Facilities against need: give both the X and the Y column.</source>
        <translation>Einrichtungen und Bedarf: Spalte X und Spalte Y angeben.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/supply_section.py" line="153"/>
        <source>Facilities against need: the catchment needs a target population.</source>
        <translation>Einrichtungen und Bedarf: der Einzugsbereich braucht eine Zielgruppe.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/allocation_section.py" line="60"/>
        <source>&amp;Budget split by need</source>
        <translation>&amp;Budget nach Bedarf</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/allocation_section.py" line="73"/>
        <source>class=factor;… (e.g. hoch=0.8;mittel=1;niedrig=1.2;sehr niedrig=1.5), or for an index linear:LOW:HIGH or slope:A:B[:MIN:MAX]</source>
        <translation>Klasse=Faktor;… (z. B. hoch=0.8;mittel=1;niedrig=1.2;sehr niedrig=1.5), oder für einen Index linear:UNTEN:OBEN oder slope:A:B[:MIN:MAX]</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/allocation_section.py" line="78"/>
        <source>none (an amount in € or a field)</source>
        <translation>keine (ein Betrag in € oder ein Feld)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/allocation_section.py" line="79"/>
        <source>Budget:</source>
        <translation>Budget:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/allocation_section.py" line="82"/>
        <source>Factors:</source>
        <translation>Faktoren:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/allocation_section.py" line="83"/>
        <source>Floor per district:</source>
        <translation>Untergrenze je Gebiet:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/allocation_section.py" line="84"/>
        <source>Cap per district:</source>
        <translation>Obergrenze je Gebiet:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/allocation_section.py" line="142"/>
        <source>Budget split by need</source>
        <translation>Budget nach Bedarf</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/impact_section.py" line="30"/>
        <source>Funded districts against the rest (i&amp;mpact)</source>
        <translation>Geförderte Gebiete gegen die übrigen (&amp;Wirkung)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/impact_section.py" line="35"/>
        <source>a field (1/0, ja/nein)</source>
        <translation>ein Feld (1/0, ja/nein)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/impact_section.py" line="35"/>
        <source>an expression</source>
        <translation>einen Ausdruck</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/impact_section.py" line="35"/>
        <source>a file of programme areas</source>
        <translation>eine Datei mit Programmgebieten</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/impact_section.py" line="41"/>
        <source>Polygons (*.gpkg *.shp *.geojson);;All files (*.*)</source>
        <translation>Polygone (*.gpkg *.shp *.geojson);;Alle Dateien (*.*)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/impact_section.py" line="47"/>
        <source>empty: every indicator with years</source>
        <translation>leer: jeder Indikator mit Jahren</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/impact_section.py" line="49"/>
        <source>first</source>
        <translation>erstes</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/impact_section.py" line="49"/>
        <source>last</source>
        <translation>letztes</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/impact_section.py" line="64"/>
        <source>Funded by:</source>
        <translation>Gefördert nach:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/impact_section.py" line="65"/>
        <source>Which:</source>
        <translation>Welche:</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/impact_section.py" line="66"/>
        <source>Indicators (ids):</source>
        <translation>Indikatoren (IDs):</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/impact_section.py" line="116"/>
        <source>Impact: name the funded districts (a field, an expression or a file of programme areas).</source>
        <translation>Wirkung: nennen Sie die geförderten Gebiete (ein Feld, einen Ausdruck oder eine Datei mit Programmgebieten).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/impact_section.py" line="119"/>
        <source>Impact: the expression {0} cannot be used: {1}</source>
        <translation>Wirkung: der Ausdruck {0} ist nicht verwendbar: {1}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/impact_section.py" line="122"/>
        <source>Impact: the base year must be before the year.</source>
        <translation>Wirkung: das Basisjahr muss vor dem Jahr liegen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/dialog.py" line="83"/>
        <source>5 Infrastructure and money</source>
        <translation>5 Infrastruktur und Mittel</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/dialog.py" line="83"/>
        <source>6 Maps</source>
        <translation>6 Karten</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/report_builder/dialog.py" line="83"/>
        <source>7 Profiles</source>
        <translation>7 Profile</translation>
    </message>
</context>
<context>
    <name>ReportProject</name>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/report_project.py" line="32"/>
        <source>Profile pages (atlas)</source>
        <translation>Profilseiten (Atlas)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/report_project.py" line="34"/>
        <source>All indicators</source>
        <translation>Alle Indikatoren</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/report_project.py" line="37"/>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/report_project.py" line="42"/>
        <source>Social report</source>
        <translation>Sozialbericht</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/report_project.py" line="45"/>
        <source>QGIS project with the layers and layouts: {0}</source>
        <translation>QGIS-Projekt mit den Layern und Layouts: {0}</translation>
    </message>
</context>
<context>
    <name>SozialraumAlgorithm</name>
    <message>
        <location filename="../sozialraum_plugin/processing/base.py" line="44"/>
        <source>a map page</source>
        <translation>eine Kartenseite</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/base.py" line="45"/>
        <source>a profile sheet</source>
        <translation>ein Profilblatt</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/base.py" line="149"/>
        <source>Choices (name or number):</source>
        <translation>Zulässige Werte (Name oder Nummer):</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/base.py" line="167"/>
        <source>{parameter}: unknown value &apos;{value}&apos;. Use one of: {choices}.</source>
        <translation>{parameter}: unbekannter Wert '{value}'. Zulässige Werte: {choices}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/base.py" line="223"/>
        <source>The existing file {0} was replaced.</source>
        <translation>Die vorhandene Datei {0} wurde ersetzt.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/base.py" line="71"/>
        <source>Language of the outputs (empty: the QGIS locale)</source>
        <translation>Sprache der Ausgaben (leer: Sprache von QGIS)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/base.py" line="71"/>
        <source>German (de)</source>
        <translation>Deutsch (de)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/base.py" line="71"/>
        <source>English (en)</source>
        <translation>Englisch (en)</translation>
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
        <location filename="../sozialraum_plugin/plugin.py" line="32"/>
        <source>2 Assess need</source>
        <translation>2 Bedarf bewerten</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="32"/>
        <source>Composite need index, including the Berlin MSS method, with small-number protection</source>
        <translation>Bedarfsindex, auch nach dem Berliner Monitoring Soziale Stadtentwicklung, mit Schutz kleiner Fallzahlen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="36"/>
        <source>3 Need clusters</source>
        <translation>3 Bedarfscluster</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="36"/>
        <source>Group districts into need clusters (k-means or Ward), numbered by need</source>
        <translation>Gebiete zu Bedarfsclustern gruppieren (k-Means oder Ward), nach Bedarf nummeriert</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="39"/>
        <source>4 Thematic map</source>
        <translation>4 Themenkarte</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="39"/>
        <source>Classify an indicator and lay out a printable map (PDF, PNG, SVG)</source>
        <translation>Einen Indikator klassifizieren und eine druckfertige Karte gestalten (PDF, PNG, SVG)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="42"/>
        <source>5 District profiles</source>
        <translation>5 Sozialraumprofile</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="42"/>
        <source>One printable profile sheet per district</source>
        <translation>Ein druckfertiges Profilblatt je Sozialraum</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="107"/>
        <source>Sozialraum</source>
        <translation>Sozialraum</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="119"/>
        <source>Help and about</source>
        <translation>Hilfe und Info</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="122"/>
        <source>What Sozialraum does, its version and where to report problems</source>
        <translation>Was Sozialraum kann, seine Version und wo man Probleme meldet</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="45"/>
        <source>6 Social report</source>
        <translation>6 Sozialbericht</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="45"/>
        <source>Build the whole report by clicking (tables, indicators, need index, maps, profiles), save it, run it, and run it again next year</source>
        <translation>Den ganzen Bericht per Klick zusammenstellen (Tabellen, Indikatoren, Bedarfsindex, Karten, Profile), speichern, ausführen und im nächsten Jahr erneut ausführen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="58"/>
        <source>Derive indicators</source>
        <translation>Indikatoren ableiten</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="58"/>
        <source>Rates from counts and changes between years, checked</source>
        <translation>Quoten aus Fallzahlen und Veränderungen zwischen Jahren, geprüft</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="61"/>
        <source>Aggregate to parent areas</source>
        <translation>Auf übergeordnete Gebiete zusammenfassen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="61"/>
        <source>Sum counts to a parent level (Bezirksregion, Bezirk, Gemeinde) and recompute rates from the sums</source>
        <translation>Fallzahlen auf eine übergeordnete Ebene (Bezirksregion, Bezirk, Gemeinde) summieren und Quoten aus den Summen neu berechnen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="65"/>
        <source>Carry onto new districts</source>
        <translation>Auf neue Gebiete übertragen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="65"/>
        <source>Carry an old grid&apos;s counts onto new district boundaries, with a crosswalk and a quality report</source>
        <translation>Die Zahlen einer alten Gebietsgliederung auf neue Gebietsgrenzen übertragen, mit Umsteigeschlüssel und Qualitätsbericht</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="132"/>
        <source>Monitoring tools</source>
        <translation>Monitoring-Werkzeuge</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="70"/>
        <source>Facilities against need</source>
        <translation>Einrichtungen und Bedarf</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="70"/>
        <source>Kita places, schools or youth centres per district and within reach, against the target population and a standard</source>
        <translation>Kita-Plätze, Schulen oder Jugendeinrichtungen je Gebiet und in Reichweite, gemessen an der Zielgruppe und einem Richtwert</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="74"/>
        <source>Split a budget by need</source>
        <translation>Budget nach Bedarf verteilen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="74"/>
        <source>A per-capita base times a need factor, to the cent, with a sensitivity table</source>
        <translation>Pro-Kopf-Basis mal Bedarfsfaktor, auf den Cent genau, mit Sensitivitätstabelle</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="78"/>
        <source>Funded districts against the rest</source>
        <translation>Geförderte Gebiete und übrige Stadt</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/plugin.py" line="78"/>
        <source>How the funded districts&apos; indicators changed over the years against the rest of the city, with an interval</source>
        <translation>Wie sich die Indikatoren der geförderten Gebiete über die Jahre gegenüber der übrigen Stadt verändert haben, mit Intervall</translation>
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
        <location filename="../sozialraum_plugin/gis/style_storage.py" line="62"/>
        <source>not a GeoPackage layer</source>
        <translation>kein GeoPackage-Layer</translation>
    </message>
</context>
<context>
    <name>Supply</name>
    <message>
        <location filename="../sozialraum_plugin/core/supply/indicators.py" line="16"/>
        <source>Facilities</source>
        <translation>Einrichtungen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/supply/indicators.py" line="17"/>
        <source>Places</source>
        <translation>Plätze</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/supply/indicators.py" line="18"/>
        <source>Places per 1,000 of the target group</source>
        <translation>Plätze je 1.000 der Zielgruppe</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/supply/indicators.py" line="19"/>
        <source>Coverage against the standard</source>
        <translation>Versorgung gegen Richtwert</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/supply/indicators.py" line="20"/>
        <source>Reachable places per 1,000 (2SFCA)</source>
        <translation>Erreichbare Plätze je 1.000 (2SFCA)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/supply/indicators.py" line="22"/>
        <source>Need × supply</source>
        <translation>Bedarf × Versorgung</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/supply/indicators.py" line="25"/>
        <source>high need, low supply</source>
        <translation>hoher Bedarf, knappe Versorgung</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/supply/indicators.py" line="26"/>
        <source>high need, supply met</source>
        <translation>hoher Bedarf, Versorgung erreicht</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/supply/indicators.py" line="27"/>
        <source>lower need, low supply</source>
        <translation>geringerer Bedarf, knappe Versorgung</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/supply/indicators.py" line="28"/>
        <source>lower need, supply met</source>
        <translation>geringerer Bedarf, Versorgung erreicht</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/supply/indicators.py" line="29"/>
        <source>low supply</source>
        <translation>knappe Versorgung</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/core/supply/indicators.py" line="30"/>
        <source>supply met</source>
        <translation>Versorgung erreicht</translation>
    </message>
</context>
<context>
    <name>SupplyAlgorithm</name>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/supply.py" line="28"/>
        <source>Facilities against need (supply)</source>
        <translation>Einrichtungen und Bedarf (Versorgung)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/supply.py" line="31"/>
        <source>Counts facilities (e.g. Kitas) per district and sets their places against the target population.

INPUT: the districts (polygons). FACILITIES: a point layer, or a table (CSV, TXT, XLSX, ODS file or table layer) with the coordinates in X_FIELD / Y_FIELD (e.g. lon / lat) in FACILITIES_CRS (e.g. EPSG:4326); tables are read with ids as text. ID_FIELD names each facility in messages (empty: the row number). Points are reprojected to the districts' CRS and assigned by point-in-polygon (a point on a shared edge: the first district). Facilities outside every district are counted (output OUTSIDE) and named in the log; duplicated ids are warned about (each row counts).

CAPACITY_FIELD: places per facility (without: each facility counts 1; empty = 0). TARGET_FIELD: the target population per district (e.g. unter6). STANDARD: places per target person aimed at (e.g. 1.0).

METHOD inside: the district's own facilities. METHOD catchment: the two-step floating catchment (2SFCA): each facility's places divided by the target population of all districts whose representative point lies within DISTANCE metres (default 1000), summed per district over the facilities within DISTANCE: reachable places per 1,000 of the target group. The representative point is QGIS's point on surface of each district (no population-weighted point is used). Distances are straight lines, or over NETWORK (a line layer of roads, both directions, length as cost, plus the straight walk to and from the nearest road). With METHOD inside the access score stays empty.

Fields written: supply_count (facilities), supply_capacity (places), supply_per_1000 (places per 1,000 of the target group), supply_coverage (the method's places per target person / STANDARD: own places for inside, the access score for catchment), supply_access (2SFCA score), supply_category and supply_category_label: need × supply for a categorized map (1 high need, low supply; 2 high need, supply met; 3 lower need, low supply; 4 lower need, supply met; without NEED_FIELD 5 low supply, 6 supply met). Low supply: coverage below 1, or without STANDARD below the city's value.

NEED_FIELD: a need class or index of the districts (e.g. status_class of sozialraum:needindex, where niedrig / sehr niedrig mean high need). NEED_HIGH: the classes that mean high need (e.g. '3;4' or 'hoch'), or one number: values at least that high; empty: MSS status classes as said, other numeric fields above their median.

LANGUAGE: the language of the category labels and field descriptions.</source>
        <translation>Zählt Einrichtungen (z. B. Kitas) je Gebiet und stellt ihre Plätze der Zielgruppe gegenüber.

INPUT: die Gebiete (Polygone). FACILITIES: ein Punktlayer oder eine Tabelle (CSV-, TXT-, XLSX-, ODS-Datei oder Tabellenlayer) mit den Koordinaten in X_FIELD / Y_FIELD (z. B. lon / lat) im Bezugssystem FACILITIES_CRS (z. B. EPSG:4326); Tabellen werden mit Kennungen als Text gelesen. ID_FIELD benennt jede Einrichtung in Meldungen (leer: die Zeilennummer). Die Punkte werden in das KBS der Gebiete umprojiziert und per Punkt-in-Polygon zugeordnet (ein Punkt auf einer gemeinsamen Grenze: das erste Gebiet). Einrichtungen außerhalb aller Gebiete werden gezählt (Ausgabe OUTSIDE) und im Protokoll genannt; doppelte Kennungen werden gemeldet (jede Zeile zählt).

CAPACITY_FIELD: Plätze je Einrichtung (ohne: jede Einrichtung zählt 1; leer = 0). TARGET_FIELD: die Zielgruppe je Gebiet (z. B. unter6). STANDARD: angestrebte Plätze je Person der Zielgruppe (z. B. 1,0).

METHOD inside: die Einrichtungen im Gebiet selbst. METHOD catchment: das zweistufige Einzugsgebietsverfahren (2SFCA): die Plätze jeder Einrichtung geteilt durch die Zielgruppe aller Gebiete, deren Bezugspunkt höchstens DISTANCE Meter entfernt liegt (Standard 1000), je Gebiet summiert über die Einrichtungen innerhalb von DISTANCE: erreichbare Plätze je 1.000 der Zielgruppe. Bezugspunkt ist der Punkt auf der Fläche (QGIS) jedes Gebiets (kein bevölkerungsgewichteter Punkt). Entfernungen sind Luftlinien oder Wege über NETWORK (ein Linienlayer der Straßen, beide Richtungen, Länge als Kosten, plus die Luftlinie zur und von der nächsten Straße). Mit METHOD inside bleibt der Erreichbarkeitswert leer.

Geschriebene Felder: supply_count (Einrichtungen), supply_capacity (Plätze), supply_per_1000 (Plätze je 1.000 der Zielgruppe), supply_coverage (die Plätze der Methode je Person der Zielgruppe / STANDARD: eigene Plätze bei inside, der Erreichbarkeitswert bei catchment), supply_access (2SFCA-Wert), supply_category und supply_category_label: Bedarf × Versorgung für eine kategorisierte Karte (1 hoher Bedarf, knappe Versorgung; 2 hoher Bedarf, Versorgung erreicht; 3 geringerer Bedarf, knappe Versorgung; 4 geringerer Bedarf, Versorgung erreicht; ohne NEED_FIELD 5 knappe Versorgung, 6 Versorgung erreicht). Knapp: Versorgung unter 1 oder, ohne STANDARD, unter dem Wert der Stadt.

NEED_FIELD: eine Bedarfsklasse oder ein Index der Gebiete (z. B. status_class von sozialraum:needindex, wo niedrig / sehr niedrig hohen Bedarf bedeuten). NEED_HIGH: die Klassen, die hohen Bedarf bedeuten (z. B. '3;4' oder 'hoch'), oder eine Zahl: Werte mindestens so hoch; leer: MSS-Statusklassen wie genannt, andere Zahlenfelder über ihrem Median.

LANGUAGE: die Sprache der Kategorienbezeichnungen und Feldbeschreibungen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/supply.py" line="61"/>
        <source>Districts</source>
        <translation>Gebiete</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/supply.py" line="63"/>
        <source>Facilities (point layer or table with coordinates)</source>
        <translation>Einrichtungen (Punktlayer oder Tabelle mit Koordinaten)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/supply.py" line="66"/>
        <source>Capacity field (places; empty = each facility counts 1)</source>
        <translation>Kapazitätsfeld (Plätze; leer = jede Einrichtung zählt 1)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/supply.py" line="69"/>
        <source>Target population field of the districts</source>
        <translation>Feld der Zielgruppe in den Gebieten</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/supply.py" line="72"/>
        <source>Standard (places per target person)</source>
        <translation>Richtwert (Plätze je Person der Zielgruppe)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/supply.py" line="75"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/supply.py" line="75"/>
        <source>Facilities inside the district</source>
        <translation>Einrichtungen im Gebiet</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/supply.py" line="75"/>
        <source>Catchment (2SFCA)</source>
        <translation>Einzugsbereich (2SFCA)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/supply.py" line="78"/>
        <source>Catchment distance (metres)</source>
        <translation>Einzugsbereich (Meter)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/supply.py" line="81"/>
        <source>Road network (lines; empty = straight-line distances)</source>
        <translation>Straßennetz (Linien; leer = Luftlinie)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/supply.py" line="84"/>
        <source>Need class or index field</source>
        <translation>Feld der Bedarfsklasse oder des Index</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/supply.py" line="87"/>
        <source>Districts with supply</source>
        <translation>Gebiete mit Versorgung</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/supply.py" line="90"/>
        <source>Facility id field</source>
        <translation>Kennungsfeld der Einrichtungen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/supply.py" line="92"/>
        <source>X / longitude column (tables)</source>
        <translation>Spalte X / Länge (Tabellen)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/supply.py" line="94"/>
        <source>Y / latitude column (tables)</source>
        <translation>Spalte Y / Breite (Tabellen)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/supply.py" line="96"/>
        <source>CRS of the coordinates (tables)</source>
        <translation>Bezugssystem der Koordinaten (Tabellen)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/supply.py" line="97"/>
        <source>Need classes meaning high need (e.g. 3;4)</source>
        <translation>Klassen mit hohem Bedarf (z. B. 3;4)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/supply.py" line="104"/>
        <source>Facilities read</source>
        <translation>Gelesene Einrichtungen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/supply.py" line="104"/>
        <source>Facilities outside every district</source>
        <translation>Einrichtungen außerhalb aller Gebiete</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/supply.py" line="104"/>
        <source>Duplicated facility ids</source>
        <translation>Doppelte Kennungen von Einrichtungen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/supply.py" line="157"/>
        <source>Supply computed in {0:.1f} s.</source>
        <translation>Versorgung in {0:.1f} s berechnet.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/supply.py" line="188"/>
        <source>Facility {0} left out: {1}.</source>
        <translation>Einrichtung {0} ausgelassen: {1}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/supply.py" line="222"/>
        <source>{0} facilities lie outside every district (not counted in any): {1}</source>
        <translation>{0} Einrichtungen liegen außerhalb aller Gebiete (in keinem gezählt): {1}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/supply.py" line="227"/>
        <source>{0} facility ids occur more than once (each row is counted): {1}</source>
        <translation>{0} Kennungen kommen mehrfach vor (jede Zeile wird gezählt): {1}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/supply.py" line="230"/>
        <source>{0} facilities, {1} places in {2} districts.</source>
        <translation>{0} Einrichtungen, {1} Plätze in {2} Gebieten.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/supply.py" line="234"/>
        <source>City: {0} places per 1,000 of the target group.</source>
        <translation>Stadt: {0} Plätze je 1.000 der Zielgruppe.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/supply.py" line="237"/>
        <source>City: {0} reachable places per 1,000 (2SFCA, weighted by the target group); facilities reached by nobody: {1}.</source>
        <translation>Stadt: {0} erreichbare Plätze je 1.000 (2SFCA, nach Zielgruppe gewichtet); von keinem Gebiet erreichte Einrichtungen: {1}.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/supply.py" line="186"/>
        <source>no geometry</source>
        <translation>keine Geometrie</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/supply.py" line="186"/>
        <source>no coordinates</source>
        <translation>keine Koordinaten</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/supply.py" line="190"/>
        <source>{0} facilities left out in all (without coordinates).</source>
        <translation>{0} Einrichtungen insgesamt ausgelassen (ohne Koordinaten).</translation>
    </message>
</context>
<context>
    <name>TablePreview</name>
    <message>
        <location filename="../sozialraum_plugin/gui/table_preview.py" line="18"/>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/table_preview.py" line="20"/>
        <source>decimal</source>
        <translation>Dezimalzahl</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/table_preview.py" line="21"/>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/table_preview.py" line="28"/>
        <source>{0}, key</source>
        <translation>{0}, Schlüssel</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/table_preview.py" line="33"/>
        <source>semicolon ;</source>
        <translation>Semikolon ;</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/table_preview.py" line="33"/>
        <source>comma ,</source>
        <translation>Komma ,</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/table_preview.py" line="34"/>
        <source>tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/table_preview.py" line="34"/>
        <source>bar |</source>
        <translation>senkrechter Strich |</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/table_preview.py" line="35"/>
        <source>point .</source>
        <translation>Punkt .</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/table_preview.py" line="35"/>
        <source>space</source>
        <translation>Leerzeichen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/table_preview.py" line="36"/>
        <source>apostrophe &apos;</source>
        <translation>Apostroph '</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/table_preview.py" line="38"/>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/table_preview.py" line="108"/>
        <source>suppressed in the source (small number)</source>
        <translation>in der Quelle gesperrt (kleine Fallzahl)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/table_preview.py" line="115"/>
        <source>{0}: {1} missing, {2} suppressed</source>
        <translation>{0}: {1} fehlend, {2} gesperrt</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <location filename="../sozialraum_plugin/gui/tasks.py" line="39"/>
        <source>The step failed without a message; see the log panel (Sozialraum).</source>
        <translation>Der Schritt ist ohne Meldung fehlgeschlagen; siehe Protokoll-Bedienfeld (Sozialraum).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/tasks.py" line="41"/>
        <source>An unexpected error occurred: {0}. Details are in the log panel (Sozialraum).</source>
        <translation>Ein unerwarteter Fehler ist aufgetreten: {0}. Details stehen im Protokoll-Bedienfeld (Sozialraum).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/tasks.py" line="128"/>
        <source>The Processing algorithm of this step is not installed.</source>
        <translation>Der Verarbeitungsalgorithmus dieses Schritts ist nicht installiert.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/tasks.py" line="130"/>
        <source>Some inputs are not valid.</source>
        <translation>Einige Eingaben sind ungültig.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/tasks.py" line="137"/>
        <source>{0}: started with {1}</source>
        <translation>{0}: gestartet mit {1}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/tasks.py" line="181"/>
        <source>running…</source>
        <translation>läuft…</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/tasks.py" line="185"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/tasks.py" line="205"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/tasks.py" line="235"/>
        <source>{0}: the output {1} could not be loaded.</source>
        <translation>{0}: Die Ausgabe {1} konnte nicht geladen werden.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/tasks.py" line="239"/>
        <source>{0}: added {1} ({2}) to the group {3}.</source>
        <translation>{0}: {1} ({2}) zur Gruppe {3} hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/tasks.py" line="245"/>
        <source>Done: {0} added to the layer group {1}. Details in the log panel.</source>
        <translation>Fertig: {0} zur Layergruppe {1} hinzugefügt. Details im Protokoll-Bedienfeld.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/tasks.py" line="250"/>
        <source>Done. Details in the log panel.</source>
        <translation>Fertig. Details im Protokoll-Bedienfeld.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/gui/tasks.py" line="249"/>
        <source>Done: {0} written. Details in the log panel.</source>
        <translation>Fertig: {0} geschrieben. Details im Protokoll-Bedienfeld.</translation>
    </message>
</context>
<context>
    <name>ThematicMapAlgorithm</name>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="49"/>
        <source>Thematic map</source>
        <translation>Themenkarte</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="112"/>
        <source>District layer</source>
        <translation>Gebietslayer</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="113"/>
        <source>Field to map</source>
        <translation>Darzustellendes Feld</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="114"/>
        <source>Classification method</source>
        <translation>Klassifizierungsmethode</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="115"/>
        <source>Number of classes</source>
        <translation>Anzahl der Klassen</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="116"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="117"/>
        <source>Subtitle</source>
        <translation>Untertitel</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="142"/>
        <source>Legend title (default: field alias)</source>
        <translation>Legendentitel (Standard: Feldalias)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="118"/>
        <source>Unit shown after the values (e.g. %)</source>
        <translation>Einheit hinter den Werten (z. B. %)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="119"/>
        <source>Page size</source>
        <translation>Seitengröße</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="120"/>
        <source>Orientation</source>
        <translation>Ausrichtung</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="121"/>
        <source>Colour ramp (ColorBrewer)</source>
        <translation>Farbverlauf (ColorBrewer)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="143"/>
        <source>Invert the ramp (higher value = less need)</source>
        <translation>Farbverlauf umkehren (höherer Wert = weniger Bedarf)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="131"/>
        <source>Label the districts</source>
        <translation>Gebiete beschriften</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="132"/>
        <source>Label field</source>
        <translation>Beschriftungsfeld</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="145"/>
        <source>Validity field (false = not assessed)</source>
        <translation>Gültigkeitsfeld (falsch = nicht bewertet)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="147"/>
        <source>Uninhabited areas (mask)</source>
        <translation>Unbewohnte Flächen (Maske)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="134"/>
        <source>Series: more fields, one page each</source>
        <translation>Serie: weitere Felder, je eine Seite</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="149"/>
        <source>Class width for &apos;fixed&apos;</source>
        <translation>Klassenbreite für 'fixed'</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="151"/>
        <source>SD multiples for &apos;sdmultiples&apos;</source>
        <translation>SD-Vielfache für 'sdmultiples'</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="140"/>
        <source>Source line</source>
        <translation>Quellenangabe</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="141"/>
        <source>Licence line</source>
        <translation>Lizenzangabe</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="152"/>
        <source>Logo (SVG or PNG)</source>
        <translation>Logo (SVG oder PNG)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="153"/>
        <source>Layout template (.qpt)</source>
        <translation>Layoutvorlage (.qpt)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="157"/>
        <source>Resolution (dpi)</source>
        <translation>Auflösung (dpi)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="159"/>
        <source>Save the style in the GeoPackage</source>
        <translation>Stil im GeoPackage speichern</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="163"/>
        <source>Map</source>
        <translation>Karte</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="165"/>
        <source>Layout name</source>
        <translation>Layoutname</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="166"/>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="273"/>
        <source>{field}: {excluded} area(s) not assessed, {missing} without a value (hatched grey)</source>
        <translation>{field}: {excluded} Gebiet(e) nicht bewertet, {missing} ohne Wert (grau schraffiert)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="281"/>
        <source>Layout &apos;{name}&apos;, {pages} page(s), written in {seconds:.1f} s: {files}</source>
        <translation>Layout '{name}', {pages} Seite(n), geschrieben in {seconds:.1f} s: {files}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="370"/>
        <source>The style of {field} was not saved: {error}</source>
        <translation>Der Stil von {field} wurde nicht gespeichert: {error}</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="195"/>
        <source>No SOURCE_TEXT given: the source line names the data file ({0}).</source>
        <translation>Kein SOURCE_TEXT angegeben: Die Quellenangabe nennt die Datendatei ({0}).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="122"/>
        <source>The field is a count</source>
        <translation>Das Feld ist eine Anzahl</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="123"/>
        <source>Fields that are counts</source>
        <translation>Felder, die Anzahlen sind</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="125"/>
        <source>Suppress counts below</source>
        <translation>Anzahlen sperren unter</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="127"/>
        <source>Numerator of the mapped rate (count)</source>
        <translation>Zähler der dargestellten Quote (Anzahl)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="129"/>
        <source>Denominator of the mapped rate (count)</source>
        <translation>Nenner der dargestellten Quote (Anzahl)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="342"/>
        <source>{n} cell(s) not shown (publication rule: counts below {threshold}, values derived from them, suppressed_fields).</source>
        <translation>{n} Zelle(n) nicht ausgewiesen (Geheimhaltungsregel: Anzahlen unter {threshold}, daraus berechnete Werte, suppressed_fields).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="359"/>
        <source>{field} holds only whole numbers, {n} of them from 1 to below {threshold}, and is not declared a count: if it is one, set FIELD_IS_COUNT or COUNT_FIELDS, or its small counts are shown.</source>
        <translation>{field} enthält nur ganze Zahlen, {n} davon von 1 bis unter {threshold}, und ist nicht als Anzahl angegeben: Ist es eine Anzahl, setzen Sie FIELD_IS_COUNT oder COUNT_FIELDS, sonst werden ihre kleinen Fallzahlen gezeigt.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="155"/>
        <source>House colour (accents)</source>
        <translation>Hausfarbe (Akzente)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="156"/>
        <source>House font (family name)</source>
        <translation>Hausschrift (Familienname)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="252"/>
        <source>The font {font} is not installed here: the map uses a substitute.</source>
        <translation>Die Schrift {font} ist hier nicht installiert: die Karte verwendet einen Ersatz.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="267"/>
        <source>The layout template {file} has no item with the id {ids}: the map is printed without it (see the shipped templates in resources/templates for the item ids).</source>
        <translation>Die Layoutvorlage {file} hat kein Element mit der Element-ID {ids}: Die Karte wird ohne dieses Element gedruckt (die Element-IDs zeigen die mitgelieferten Vorlagen in resources/templates).</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="55"/>
        <source>Classifies a field of a district layer and lays out a printable map: title, legend with class counts, scale bar, north arrow, source, licence, date and a note on the method. The layout stays in the project's Layout Manager as 'Sozialraum – &lt;title&gt;' (running again replaces it) with its styled layers in a group of the same name; the input layer is not changed.

METHOD: jenks, quantile, equal, stddev (mean ± 1 SD steps), pretty, fixed (INTERVAL), mss (status index thresholds −1.0 / +1.0 / +1.5), sdmultiples (mean + k·SD with the SD_MULTIPLES k), categorized (MSS classes, dynamics, the 12 groups and clusters get fixed colours in need order), diverging (a change, e.g. in percentage points: CLASSES classes of one round width symmetric around 0, a diverging ramp of QGIS's style with the warm side for more need, signed labels). With no more distinct values than classes every value gets its own class.
Several years: FIELD and SERIES_FIELDS name the fields (e.g. S3_2019, S3_2020, S3_2021). POOLED classifies all their shown values together and applies the same breaks to every field (as mapclassify's Pooled). SMALL_MULTIPLES puts them on one page, one map per field captioned with its year, with pooled breaks and one legend (built in code: TEMPLATE is not used for it). With either, FIELD_IS_COUNT covers every field, and NUMERATOR_FIELD / DENOMINATOR_FIELD are taken for each year with the field's year in their name.
Areas where INVALID_FIELD (default 'valid') is false are hatched grey ('not assessed'), areas without a value too ('no data'). MASK_LAYER covers uninhabited land.
Small numbers follow the report's publication rule: counts (FIELD_IS_COUNT, COUNT_FIELDS) from 1 to below SUPPRESS_BELOW (default 3), a rate whose NUMERATOR_FIELD (or DENOMINATOR_FIELD) is such a count, a second cell where a city total would give a hidden one back, and cells listed in the input's suppressed_fields are drawn hatched as 'not shown': no label, no class bound and no class count shows them. The note under the map names the threshold used.
The page is made from a layout template: resources/templates/map_&lt;A4|A3&gt;_&lt;orientation&gt;.qpt by default, or TEMPLATE, a city's own .qpt (its page size wins over PAGE_SIZE and ORIENTATION). Items are found by their id: title, subtitle, logo, accent, map, legend, method_note, scale_bar, north_arrow, source, date (see the shipped templates). LOGO fills the 'logo' picture, COLOUR the 'accent' shapes, FONT replaces the font family of every text.
OUTPUT: .pdf (vector; SERIES_FIELDS gives one page per field), .png or .svg (one file per page). SAVE_STYLE stores the style in a GeoPackage input's layer_styles table; other sources are never written to.
LANGUAGE (de | en; empty: the QGIS locale): the words and number marks of the map's texts, legend and note.</source>
        <translation>Klassifiziert ein Feld eines Gebietslayers und erstellt eine druckfertige Karte: Titel, Legende mit Anzahl je Klasse, Maßstabsleiste, Nordpfeil, Quelle, Lizenz, Datum und ein Hinweis zur Methode. Das Layout bleibt als 'Sozialraum – &lt;title&gt;' in der Layoutverwaltung des Projekts (ein erneuter Lauf ersetzt es), seine symbolisierten Layer in einer gleichnamigen Gruppe; der Eingabelayer wird nicht verändert.

METHOD: jenks, quantile, equal, stddev (Stufen von Mittelwert ± 1 SD), pretty, fixed (INTERVAL), mss (Schwellenwerte des Status-Index −1.0 / +1.0 / +1.5), sdmultiples (Mittelwert + k·SD mit den k aus SD_MULTIPLES), categorized (MSS-Klassen, Dynamik, die 12 Gruppen und Cluster erhalten feste Farben in der Reihenfolge des Bedarfs), diverging (eine Veränderung, z. B. in Prozentpunkten: CLASSES Klassen gleicher runder Breite, symmetrisch um 0, eine divergierende Farbskala aus dem QGIS-Stil mit der warmen Seite für mehr Bedarf, Beschriftung mit Vorzeichen). Gibt es nicht mehr verschiedene Werte als Klassen, erhält jeder Wert eine eigene Klasse.
Mehrere Jahre: FIELD und SERIES_FIELDS nennen die Felder (z. B. S3_2019, S3_2020, S3_2021). POOLED klassifiziert alle ihre ausgewiesenen Werte gemeinsam und wendet dieselben Klassengrenzen auf jedes Feld an (wie mapclassifys Pooled). SMALL_MULTIPLES setzt sie auf eine Seite, eine Karte je Feld mit dem Jahr als Überschrift, mit gepoolten Klassen und einer Legende (im Code gebaut: TEMPLATE gilt dafür nicht). Mit einer der beiden Optionen gilt FIELD_IS_COUNT für jedes Feld, und NUMERATOR_FIELD / DENOMINATOR_FIELD werden für jedes Jahr mit dem Jahr des Felds im Namen genommen.
Gebiete, in denen INVALID_FIELD (Standard 'valid') falsch ist, werden grau schraffiert ('keine Bewertung'), ebenso Gebiete ohne Wert ('keine Daten'). MASK_LAYER überdeckt unbewohnte Flächen.
Kleine Fallzahlen folgen der Geheimhaltungsregel des Berichts: Anzahlen (FIELD_IS_COUNT, COUNT_FIELDS) von 1 bis unter SUPPRESS_BELOW (Standard 3), eine Quote, deren NUMERATOR_FIELD (oder DENOMINATOR_FIELD) eine solche Anzahl ist, eine zweite Zelle, wo sich ein gesperrter Wert sonst aus einer Summe der Gesamtstadt zurückrechnen ließe, und Zellen, die in suppressed_fields der Eingabe aufgeführt sind, werden schraffiert als 'nicht ausgewiesen' gezeichnet: keine Beschriftung, keine Klassengrenze und keine Klassenanzahl zeigt sie. Der Hinweis unter der Karte nennt die verwendete Schwelle.
Die Seite entsteht aus einer Layoutvorlage: standardmäßig resources/templates/map_&lt;A4|A3&gt;_&lt;orientation&gt;.qpt, oder TEMPLATE, eine eigene .qpt der Stadt (deren Seitengröße hat Vorrang vor PAGE_SIZE und ORIENTATION). Elemente werden über ihre Kennung gefunden: title, subtitle, logo, accent, map, legend, method_note, scale_bar, north_arrow, source, date (siehe die mitgelieferten Vorlagen). LOGO füllt das Bild 'logo', COLOUR die Formen 'accent', FONT ersetzt die Schriftfamilie aller Texte.
OUTPUT: .pdf (Vektor; SERIES_FIELDS ergibt eine Seite je Feld), .png oder .svg (eine Datei je Seite). SAVE_STYLE speichert den Stil in der Tabelle layer_styles eines GeoPackage-Eingabelayers; in andere Quellen wird nie geschrieben.
LANGUAGE (de | en; leer: die Sprache von QGIS): Wörter und Zahlenformat der Kartentexte, Legende und des Hinweises.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="92"/>
        <source>INDICATORS: what the mapped fields are, as JSON (a list of indicators as a report definition&apos;s &quot;indicators&quot; holds them). The FIELD&apos;s entry gives the title, legend title and unit where TITLE, LEGEND_TITLE and UNIT are empty, inverts the ramp for direction -1, and declares counts (kind &quot;count&quot;), a rate&apos;s numerator and denominator and an own threshold (replacing SUPPRESS_BELOW) for the publication rule; FIELD_IS_COUNT, INVERT and NUMERATOR_FIELD/DENOMINATOR_FIELD still add to it.</source>
        <translation>INDICATORS: was die kartierten Felder sind, als JSON (eine Liste von Indikatoren, wie sie die &quot;indicators&quot; einer Berichtsdefinition enthalten). Der Eintrag von FIELD liefert Titel, Legendentitel und Einheit, wo TITLE, LEGEND_TITLE und UNIT leer sind, kehrt die Farbskala bei Richtung -1 um und erklärt Zählwerte (kind &quot;count&quot;), Zähler und Nenner einer Quote sowie einen eigenen Schwellenwert (statt SUPPRESS_BELOW) für die Veröffentlichungsregel; FIELD_IS_COUNT, INVERT und NUMERATOR_FIELD/DENOMINATOR_FIELD wirken weiterhin zusätzlich.</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="136"/>
        <source>Same class breaks for all fields (pooled)</source>
        <translation>Dieselben Klassengrenzen für alle Felder (gepoolt)</translation>
    </message>
    <message>
        <location filename="../sozialraum_plugin/processing/algorithms/thematic_map.py" line="138"/>
        <source>All fields on one page (small multiples)</source>
        <translation>Alle Felder auf einer Seite (Kartenreihe, eine Karte je Feld)</translation>
    </message>
</context>
</TS>
