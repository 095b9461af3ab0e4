"""Outputs in the reader's language (issue 14.7): a whole Flensburg report in English holds no
German word and no German number; the same report in German holds none of the English words.

Every file of the output folder is read: pdftotext of the PDFs, the CSVs, the HTML join reports,
the method note, the JSON definition, the GeoPackage's text fields and its saved styles (legend
labels). Texts the user wrote stay as written: the English run uses a copy of the definition
with English labels and titles, and district names and field names are taken out before the scan.
"""
from __future__ import annotations

import csv
import json
import re
import sqlite3
import subprocess
import unicodedata

import pytest
from qgis.core import QgsVectorLayer

GERMAN_WORDS = {
    "stadtwert", "indikator", "quelle", "keine", "daten", "hoch", "niedrig", "mittel", "rang", "von",
    "einwohner", "anteil", "klasse", "klassen", "klassifikation", "stand", "karte", "bedarf", "nicht",
    "ausgewiesen", "gebiet", "gebiete", "fallzahlen", "und", "der", "die", "das", "ungünstigste",
    "günstigste", "darstellung", "kategorien", "unbewohnte", "schwelle", "bewertung", "ausgeschlossen",
    "fehlende", "werte", "durchschnittlich", "positiv", "stabil", "negativ", "ja", "nein", "tabelle",
    "spalte", "verbindungsbericht", "zellen", "sehr", "höchster", "geringster", "dynamik", "bis", "unter",
    "verborgen", "methodenhinweis", "ew",
}
GERMAN_NUMBER = re.compile(r"\d\.\d{3},\d|\d,\d\s*%")
ENGLISH_WORDS = {"no data", "city value", "rank", "residents", "not shown", "source:", "classification",
                 "method note", "as of", "least favourable", "high", "medium", "very low", "classes",
                 "highest need", "lowest need", "uninhabited", "not assessed", "excluded", "join report"}
ENGLISH_NUMBER = re.compile(r"\d,\d{3}\.\d|\d\.\d\s*%")
WORD = re.compile(r"[^\W\d_]+")

ENGLISH_LABELS = {
    "Anteil_in_%_2021": "SGB II rate (under 65)",
    "2021_Anteil": "Child poverty (SGB II, under 15)",
    "Anzahl_2021": "Recipients SGB II",
    "2021_Anzahl": "Recipients unable to work",
    "unter_18": "Children and young people",
}


def _english_definition(sample_dir, folder):
    source = sample_dir / "flensburg" / "sozialatlas_flensburg_2022.json"
    d = json.loads(source.read_text(encoding="utf-8"))
    base = source.parent
    d["boundaries"] = str(base / d["boundaries"])
    for table in d["tables"]:
        table["path"] = str(base / table["path"])
    d["title"] = "Social atlas Flensburg 2022"
    d["source_text"] = "City of Flensburg, social atlas 2022"
    for ind in d["indicators"]:
        ind["label"] = ENGLISH_LABELS[ind["id"]]
    d["maps"][0].update(title="SGB II rate 2021", subtitle="Recipients as a share of residents under 65")
    d["maps"][1].update(title="Need clusters", subtitle="Ward over the SGB II rate and child poverty")
    d["profiles"]["title"] = "District profile"
    path = folder / "definition_en.json"
    path.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    return path


def _run(definition, folder, language):
    import processing

    processing.run("sozialraum:report", {"DEFINITION": str(definition), "OUTPUT_FOLDER": str(folder),
                                         "LANGUAGE": language})
    return folder


@pytest.fixture(scope="module")
def english(provider, sample_dir, tmp_path_factory):
    work = tmp_path_factory.mktemp("definition_en")
    return _run(_english_definition(sample_dir, work), tmp_path_factory.mktemp("report_en"), "en")


@pytest.fixture(scope="module")
def german(provider, sample_dir, tmp_path_factory):
    from sozialraum_plugin.toolbelt.i18n import OutputWords

    # the German words come from the compiled .ts: without them this would test nothing
    assert OutputWords("de").translate("Numbers", "no data") != "no data", "run `make transcompile`"
    definition = sample_dir / "flensburg" / "sozialatlas_flensburg_2022.json"
    return _run(definition, tmp_path_factory.mktemp("report_de"), "de")


def _pdf_text(path) -> str:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return unicodedata.normalize("NFKC", text)  # the 'ﬁ' ligature of 'Classiﬁcation' → 'fi'


def _json_strings(value) -> list[str]:
    """The values of a JSON file (its keys are the definition's format, not words for a reader)."""
    if isinstance(value, dict):
        return [s for v in value.values() for s in _json_strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _json_strings(v)]
    return [value] if isinstance(value, str) else []


def _gpkg_texts(path) -> str:
    """Text fields of every feature and the saved styles' descriptions and legend labels."""
    layer = QgsVectorLayer(f"{path}|layername={path.stem}", "l", "ogr")
    texts = []
    for feature in layer.getFeatures():
        texts += [str(v) for v in feature.attributes() if isinstance(v, str)]
    with sqlite3.connect(path) as db:
        if db.execute("select 1 from sqlite_master where name = 'layer_styles'").fetchone():
            for description, qml in db.execute("select description, styleQML from layer_styles"):
                texts.append(description or "")
                texts += re.findall(r'\blabel="([^"]*)"', qml or "")
    return "\n".join(texts)


def output_texts(folder, skip=()) -> dict[str, str]:
    texts = {}
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or any(part.lower() in str(path.relative_to(folder)).lower() for part in skip):
            continue
        suffix = path.suffix.lower()
        if suffix == ".pdf":
            texts[path.name] = _pdf_text(path)
        elif suffix == ".csv":  # cell by cell: '1.257,20.6' is two English cells, not a German number
            text = path.read_text(encoding="utf-8-sig")
            dialect = csv.Sniffer().sniff(text.splitlines()[0], delimiters=",;")
            texts[path.name] = "\n".join(cell for row in csv.reader(text.splitlines(), dialect) for cell in row)
        elif suffix == ".json":
            texts[path.name] = "\n".join(_json_strings(json.loads(path.read_text(encoding="utf-8"))))
        elif suffix in (".html", ".txt"):
            texts[path.name] = path.read_text(encoding="utf-8-sig")
        elif suffix == ".gpkg":
            texts[path.name] = _gpkg_texts(path)
    return texts


def _user_words(folder) -> set[str]:
    """District names and field names: data, written as the user (or office) wrote them."""
    layer = QgsVectorLayer(f"{folder / 'sozialraum.gpkg'}|layername=sozialraum", "l", "ogr")
    words = set()
    for feature in layer.getFeatures():
        words |= {w.lower() for w in WORD.findall(str(feature["AREA_NAME"]))}
    return words


def _strip_data(text: str) -> str:
    """Field names (identifiers with '_' or digits, e.g. 80_und_älter) and file names go first."""
    text = re.sub(r"\S*[_/\\]\S*", " ", text)
    text = re.sub(r"\w+(?:\u2026|\.\.\.)", " ", text)  # a label cut to its column (under → und…; NFKC: ...) is data
    return re.sub(r"\S+\.(?:csv|shp|gpkg|json|html|pdf|txt)\b", " ", text)


def _german_in(text: str, exclude: set[str]) -> list[str]:
    words = {w.lower() for w in WORD.findall(_strip_data(text))}
    return sorted((words & GERMAN_WORDS) - exclude)


def test_english_report_has_no_german_word_or_number(english):
    texts = output_texts(english)  # the profile pages, their PDFs and GeoPackage included
    assert {"Sozialraumprofile.pdf", "Karten.pdf", "Tabellenanhang.csv", "Methodenhinweis.txt", "Clusteruebersicht.csv",
            "Verbindungsbericht_1.html", "sozialraum.gpkg"} <= set(texts)
    exclude = _user_words(english)
    found = {name: _german_in(text, exclude) for name, text in texts.items()}
    assert not {name: words for name, words in found.items() if words}
    numbers = {name: GERMAN_NUMBER.findall(_strip_data(text)) for name, text in texts.items()}
    assert not {name: hits for name, hits in numbers.items() if hits}


def test_english_report_words_and_numbers(english):
    maps = _pdf_text(english / "Karten.pdf")
    assert re.search(r"Classification: natural breaks \(Jenks\), \d classes", maps)
    assert "Source: City of Flensburg" in maps and "As of:" in maps
    assert re.search(r"\d+\.\d %", maps)  # 12.5 % with a decimal point
    assert "Cluster 1 (highest need)" in maps
    note = (english / "Methodenhinweis.txt").read_text(encoding="utf-8")
    assert note.startswith("Method note: small numbers are not published")
    html = (english / "Verbindungsbericht_1.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "Join report" in html
    with open(english / "Tabellenanhang.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=","))
    assert rows and {"AREA_ID", "status_class", "cluster_label"} <= set(rows[0])
    assert {r["status_class"] for r in rows} - {""} <= {"high", "medium", "low", "very low"}
    assert any(re.fullmatch(r"\d+\.\d+", r["Anteil_in_%_2021"]) for r in rows)
    labels = {r["cluster_label"] for r in rows} - {""}
    assert labels and all(label.endswith(("high", "low")) or label == "average" for label in labels)


def test_count_legend_has_whole_numbers(provider, sample_dir, tmp_path):
    """A map of a count: '2,371 – 6,077 (n = 4)', never '2,371.0 – 6,076.8'."""
    import processing

    base = sample_dir / "flensburg"
    joined = processing.run("sozialraum:jointable", {
        "INPUT": str(base / "Stadtteile.shp"), "INPUT_KEY": "AREA_ID",
        "TABLE": str(base / "tab_5_einwohner_in_stadtteilen_2021_nach_altersgruppen.csv"), "TABLE_KEY": "id",
        "OUTPUT": str(tmp_path / "joined.gpkg")})["OUTPUT"]
    for language, pattern in (("en", r"^\d{1,3}(,\d{3})* – \d{1,3}(,\d{3})*"),
                              ("de", r"^\d{1,3}(\.\d{3})* – \d{1,3}(\.\d{3})*")):
        out = tmp_path / f"map_{language}.pdf"
        processing.run("sozialraum:thematicmap", {
            "INPUT": joined, "FIELD": "unter_18", "METHOD": "equal", "CLASSES": 4, "TITLE": f"Children {language}",
            "FIELD_IS_COUNT": True, "SAVE_STYLE": False, "LANGUAGE": language, "OUTPUT": str(out)})
        from qgis.core import QgsProject

        layer = next(lyr for lyr in QgsProject.instance().mapLayers().values()
                     if lyr.name().startswith("unter_18") and lyr.renderer().type() == "graduatedSymbol")
        labels = [r.label() for r in layer.renderer().ranges()]
        assert all(re.match(pattern + r" \(n\u00a0=\u00a0\d+\)$", label) for label in labels), labels
        assert not any(re.search(r"[.,]\d \u2013|[.,]\d \(n", label) for label in labels), labels
        QgsProject.instance().removeMapLayer(layer.id())


def test_german_report_has_no_english_key_words(german):
    texts = output_texts(german)
    found = {}
    for name, text in texts.items():
        plain = _strip_data(text).lower()
        hits = [w for w in ENGLISH_WORDS if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", plain)]
        if hits:
            found[name] = hits
    assert not found
    numbers = {name: ENGLISH_NUMBER.findall(_strip_data(text)) for name, text in texts.items()}
    assert not {name: hits for name, hits in numbers.items() if hits}
    maps = _pdf_text(german / "Karten.pdf")
    assert re.search(r"Klassifikation: natürliche Unterbrechungen \(Jenks\), \d\s+Klassen", maps)
    assert "Quelle:" in maps and "Stand:" in maps and "Cluster 1 (höchster Bedarf)" in maps
    with open(german / "Tabellenanhang.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert {r["status_class"] for r in rows} - {""} <= {"hoch", "mittel", "niedrig", "sehr niedrig"}
