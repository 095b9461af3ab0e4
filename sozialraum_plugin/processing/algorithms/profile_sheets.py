"""sozialraum:profilesheets — one printable profile page per district (atlas → PDF)."""
from __future__ import annotations

from pathlib import Path

from qgis.core import (
    Qgis,
    QgsExpression,
    QgsFeatureRequest,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingOutputFolder,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProject,
)
from qgis.PyQt.QtCore import QVariant
from qgis.PyQt.QtGui import QColor

from ..base import SozialraumAlgorithm, check_title, choice_parameter, language_parameter
from .indicator_param import indicators_parameter, resolve

# core.profile pulls in pandas: imported where it is used, so loading the plugin stays fast.

MAX_INDICATORS = 12


def read_frame(layer, names: list[str]):
    """The named attributes as a DataFrame (None for NULL) and the feature ids, in layer order."""
    import pandas as pd

    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes(names, layer.fields())
    rows, fids = [], []
    for feature in layer.getFeatures(request):
        fids.append(feature.id())
        values = (feature[n] for n in names)
        rows.append([None if isinstance(v, QVariant) and v.isNull() else v for v in values])
    return pd.DataFrame(rows, columns=names, dtype=object), fids


def _rank_fields(given: list, layer) -> list:
    """RANK_FIELDS (rank, low, high, p_top), else needindex's own names where the layer has all four."""
    from ...core.errors import SozialraumError
    from ...core.profiles.rank_line import DEFAULT_FIELDS

    if given and len(given) != len(DEFAULT_FIELDS):
        raise SozialraumError("option_invalid", option="RANK_FIELDS", value=",".join(given))
    names = layer.fields().names()
    return list(given) if given else [f for f in DEFAULT_FIELDS if f in names] if all(
        f in names for f in DEFAULT_FIELDS) else []


def _numeric_fields():
    try:
        return Qgis.ProcessingFieldParameterDataType.Numeric  # QGIS ≥ 3.36
    except AttributeError:
        return QgsProcessingParameterField.DataType.Numeric


class ProfileSheetsAlgorithm(SozialraumAlgorithm):
    NAME = "profilesheets"

    def displayName(self):  # noqa: N802
        return self.tr("District profile sheets")

    def help_text(self):
        return self.tr(
            "One printable A4 page per district: name and key, a detail map and a locator map, a "
            "table of the indicators (district value, city value, deviation, rank) with a spine "
            "chart, the class/cluster badge and plain-language findings. The data are first "
            "written to a GeoPackage in the folder '<output>_files' next to the PDF (together with "
            "one labelled SVG chart per district for reports); the layout stays in the project's "
            "layout manager and is replaced when the algorithm runs again. The page is made of QGIS's "
            "own layout items only (labels, an attribute table, a picture, two maps), so every piece can "
            "be restyled, moved or deleted in the layout designer, and a project holding the layout "
            "opens and exports in a QGIS without this plugin. The table shows the GeoPackage's table "
            "'profile_rows' (one row per district and indicator, as published) through a project "
            "relation; the chart is one SVG per district in 'spine/', found relative to the "
            "GeoPackage.\n\n"
            "City value: the figure of all districts of the city: the pooled rate Σnumerator/Σdenominator "
            "for indicators listed in RATES, the median of the districts otherwise; the legend names "
            "the valid districts' figure where it differs. Ranks count the valid districts whose value "
            "is shown (rank 1 = highest value, or highest need where DIRECTIONS gives one).\n"
            "What is hidden (·) follows the report's publication rule: counts and numerators below "
            "SUPPRESS_BELOW, what is computed from them (rates, trends), a second value where a city "
            "total would give a hidden one back, cells listed in the input's suppressed_fields, and "
            "districts below MIN_POPULATION. The GeoPackage written for the atlas holds only what "
            "the pages show.\n\n"
            "LABELS: FIELD=Label|unit|decimals;… e.g. S1=Arbeitslosigkeit|%;S3=Transferbezug|%.\n"
            "DIRECTIONS: FIELD=+1 (higher = more need), FIELD=-1 (lower = more need), FIELD=0.\n"
            "RATES: FIELD=numerator/denominator (count fields) for pooled city rates; numerators "
            "below SUPPRESS_BELOW hide the rate (·). COUNT_FIELDS are shown as counts and hidden "
            "below SUPPRESS_BELOW as well. THRESHOLDS: FIELD=5;… an indicator's own threshold for its "
            "counts (the page legend names it).\n"
            "MIN_POPULATION: districts with fewer residents (POPULATION_FIELD) keep their page but "
            "show no values, only the note 'unter 300 EW'.\n"
            "SEPARATE_FILES: a folder; when set, one file per district is written there as well, "
            "named Profil_<key>_<name>.pdf. OUTPUT always receives all pages in one PDF.\n"
            "TEMPLATE: a .qpt replacing the page shipped in resources/templates/profile_A4_portrait.qpt, "
            "e.g. one saved from a profile layout (Layout ▸ Save as Template) after restyling. Items "
            "are found by their ids: sr_detail (atlas map), sr_locator (city map), sr_table (the "
            "table's frame), sr_chart, sr_logo, and labels reading fields ([% \"pr_title\" %], "
            "[% \"findings\" %]) or the page's words (@sr_legend, @sr_footer, @sr_page, @sr_at_a_glance, "
            "@sr_page_title). Missing items are left out.\n"
            "LANGUAGE: the page's words and number format (de, en; empty: the QGIS locale). "
            "HOUSE_COLOUR, LOGO and FONT: the city's colour for the band and headings, an image in the "
            "header, one font family for every text; set once, on the shipped page or a template.") + "\n\n" + self.tr(
            "INDICATORS: what each field is, as JSON: a list of indicators as a report definition's "
            "\"indicators\" holds them, e.g. [{\"id\": \"S1\", \"label\": \"Arbeitslosigkeit\", \"unit\": \"%\", "
            "\"direction\": 1, \"decimals\": 2}, {\"id\": \"kinder\", \"kind\": \"count\", \"threshold\": 5}, "
            "{\"id\": \"quote\", \"unit\": \"%\", \"numerator\": \"n\", \"denominator\": \"ew\"}, {\"id\": \"kita\", "
            "\"direction\": 0, \"context\": true}] (keys: label, unit, decimals, direction +1/-1/0, kind value/count/"
            "rate, numerator, denominator, scale, city_method auto/rate/weighted/median/mean, threshold, context, "
            "source). Entries for fields not in FIELDS are left out; a field without an entry is read from the "
            "older LABELS, DIRECTIONS, RATES, COUNT_FIELDS and THRESHOLDS, which keep working. Where both "
            "describe a field, INDICATORS wins: the older parameters' entries for it are ignored (the log says "
            "so).") + "\n\n" + self.tr(
            "SERIES: the years of the indicators as a long table (e.g. report.gpkg|layername=series) with "
            "the columns key (the district's KEY_FIELD value), indicator (an indicator field, or its name "
            "without the _YYYY suffix), year, value, numerator, denominator and shown (false = hidden by the "
            "publication rule). Without it the fields <indicator>_<YYYY> of the input are the years, a "
            "rate's counts per year from the year fields of its numerator and denominator. The page then "
            "shows the change from the first to the last year with the χ² test for trend in proportions "
            "(where counts are given: ↗ rising, ↘ falling, → no clear change, p < 0.05) and a line chart "
            "of the first indicator with years against the city. The publication rule applies to every "
            "year: a hidden year is a gap in the line and '·' in the table, a city value that would give "
            "one back is hidden, and a district with a hidden year shows no trend.") + "\n\n" + self.tr(
            "RANK_FIELDS: the robust rank of sozialraum:needindex's uncertainty option, four fields in this order: "
            "rank, low and high end of its interval, probability of the top class (0–1); the badge then says e.g. "
            "'Rank 12 of 536 (90 % interval 8–17)' and 'Probability of the highest need class: 83 %'. Left empty, "
            "the fields rank, rank_low, rank_high and p_top are used where the input has them. A district "
            "without a rank, with a hidden index or below MIN_POPULATION shows none.") + " " + self.tr(
            "RANK_TOP_CLASS: the top class p_top was computed for (highest, two_highest or top_tenth, as needindex's "
            "TOP_CLASS; default highest); the badge names it.")

    def flags(self):
        # Layers and a layout are added to the project: that must happen on the main thread.
        try:
            return super().flags() | Qgis.ProcessingAlgorithmFlag.NoThreading
        except AttributeError:
            return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    def initAlgorithm(self, config=None):  # noqa: N802
        polygons = [QgsProcessing.SourceType.TypeVectorPolygon]
        self.addParameter(QgsProcessingParameterVectorLayer("INPUT", self.tr("Districts"), polygons))
        self.addParameter(QgsProcessingParameterField("NAME_FIELD", self.tr("Name field"), None, "INPUT"))
        self.addParameter(QgsProcessingParameterField("FIELDS", self.tr("Indicator fields"), None, "INPUT",
                                                      _numeric_fields(), allowMultiple=True))
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT", self.tr("Profile sheets (PDF)"),
                                                                self.tr("PDF files (*.pdf)")))
        optional = [
            QgsProcessingParameterField("KEY_FIELD", self.tr("Key field (district number)"), None, "INPUT",
                                        optional=True),
            QgsProcessingParameterField("SORT_FIELD", self.tr("Sort pages by (default: key, else name)"),
                                        None, "INPUT", optional=True),
            QgsProcessingParameterExpression("FILTER_EXPRESSION", self.tr("Only districts where"), None,
                                             "INPUT", optional=True),
            indicators_parameter(),
            QgsProcessingParameterString("LABELS", self.tr("Indicator labels and units"), optional=True),
            QgsProcessingParameterString("DIRECTIONS", self.tr("Directions of need"), optional=True),
            QgsProcessingParameterString("RATES", self.tr("Rates from counts"), optional=True),
            QgsProcessingParameterField("COUNT_FIELDS", self.tr("Indicators that are counts"), None, "INPUT",
                                        _numeric_fields(), allowMultiple=True, optional=True),
            QgsProcessingParameterField("POPULATION_FIELD", self.tr("Population field"), None, "INPUT",
                                        _numeric_fields(), optional=True),
            QgsProcessingParameterNumber("MIN_POPULATION", self.tr("Minimum population"),
                                         QgsProcessingParameterNumber.Type.Integer, 300, minValue=0),
            QgsProcessingParameterNumber("SUPPRESS_BELOW", self.tr("Suppress counts below"),
                                         QgsProcessingParameterNumber.Type.Integer, 3, minValue=0),
            QgsProcessingParameterString("THRESHOLDS", self.tr("Own thresholds of indicators"), optional=True),
            QgsProcessingParameterField("CLASS_FIELD", self.tr("Class field (badge)"), None, "INPUT",
                                        optional=True),
            QgsProcessingParameterField("CLUSTER_FIELD", self.tr("Cluster field (badge)"), None, "INPUT",
                                        optional=True),
            QgsProcessingParameterField("RANK_FIELDS", self.tr("Robust rank fields (badge): rank, low, high, p_top"),
                                        None, "INPUT", allowMultiple=True, optional=True),
            choice_parameter("RANK_TOP_CLASS", self.tr("Top class of p_top (as needindex's TOP_CLASS)"), [
                (key, key) for key in ("highest", "two_highest", "top_tenth")], "highest", optional=True),
            QgsProcessingParameterField("PARENT_FIELD", self.tr("Parent key field (a parent value beside the "
                                                                "city's)"), None, "INPUT", optional=True),
            QgsProcessingParameterString("PARENT_TITLE", self.tr("Heading of the parent column"), optional=True),
            QgsProcessingParameterString("TITLE", self.tr("Sheet title (empty: 'District profile' in the "
                                                          "page's language)"), optional=True),
            QgsProcessingParameterString("SOURCE_TEXT", self.tr("Source line"), optional=True),
            QgsProcessingParameterFile("TEMPLATE", self.tr("Layout template (.qpt)"),
                                       extension="qpt", optional=True),
            QgsProcessingParameterFolderDestination("SEPARATE_FILES", self.tr("One PDF per district in"),
                                                    optional=True, createByDefault=False),
            language_parameter(),
            QgsProcessingParameterString("HOUSE_COLOUR", self.tr("House colour (e.g. #1f4e79)"), optional=True),
            QgsProcessingParameterFile("LOGO", self.tr("Logo (image for the header)"), optional=True,
                                       fileFilter=self.tr("Images (*.svg *.png *.jpg *.jpeg)")),
            QgsProcessingParameterString("FONT", self.tr("Font family of the page"), optional=True),
            QgsProcessingParameterFeatureSource("SERIES", self.tr("Series over the years (long table)"),
                                                [QgsProcessing.SourceType.TypeVector], optional=True),
        ]
        for parameter in optional:
            self.addParameter(parameter)
        self.addOutput(QgsProcessingOutputNumber("PAGES", self.tr("Pages")))
        self.addOutput(QgsProcessingOutputString("LAYOUT", self.tr("Layout name")))
        self.addOutput(QgsProcessingOutputFolder("FOLDER", self.tr("Folder with GeoPackage and charts")))

    # ------------------------------------------------------------------------------------------
    def _indicators(self, parameters, context, layer, feedback=None) -> list:
        from ...core.profiles.profile import ProfileError

        fields = self.parameterAsFields(parameters, "FIELDS", context)
        if not fields:
            raise ProfileError("profile_no_indicators")
        if len(fields) > MAX_INDICATORS:
            raise ProfileError("profile_too_many_indicators", n=len(fields), maximum=MAX_INDICATORS)
        return resolve(self, parameters, context, fields, feedback,
                       counts=self.parameterAsFields(parameters, "COUNT_FIELDS", context),
                       alias=lambda name: layer.attributeDisplayName(layer.fields().indexFromName(name)) or name)

    def _series(self, parameters, context):
        """The SERIES table as a DataFrame (None when not given)."""
        import pandas as pd

        source = self.parameterAsSource(parameters, "SERIES", context)
        if source is None:
            return None
        names = source.fields().names()
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
        rows = [[None if isinstance(v, QVariant) and v.isNull() else v for v in f.attributes()]
                for f in source.getFeatures(request)]
        return pd.DataFrame(rows, columns=names, dtype=object)

    def _series_unused(self, options, frame, indicators, feedback) -> None:
        from ...core.series.profile_years import read_series

        series = read_series(options.series)
        sample = lambda values: ", ".join(f"'{v}'" for v in list(dict.fromkeys(map(str, values)))[:3])  # noqa: E731
        feedback.pushWarning(self.tr(
            "SERIES gives none of the sheet's indicators two years or more for a district: its keys ({series_keys}, "
            "…) and indicators ({series_indicators}) must match KEY_FIELD {key} ({keys}, …) and the fields {fields} "
            "(or these without their _YYYY).").format(
            series_keys=sample(series["key"]), series_indicators=sample(series["indicator"]), key=options.key,
            keys=sample(frame[options.key]), fields=", ".join(ind.field for ind in indicators)))

    def compute(self, parameters, context, feedback):
        from ...core.profiles.profile import ProfileError, ProfileOptions, compute_profiles, year_columns
        from ...core.publish.rule import cells_from_markers
        from ...gis.layouts.profile_atlas import make_sheets
        from ...gis.layouts.profile_data import SheetRequest

        layer = self.parameterAsVectorLayer(parameters, "INPUT", context)
        output = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        if Path(output).suffix.lower() != ".pdf":
            raise ProfileError("profile_output_not_pdf", file=output)
        check_title(self.parameterAsString(parameters, "TITLE", context).strip(), "sheet")
        indicators = self._indicators(parameters, context, layer, feedback)
        text = lambda name: self.parameterAsString(parameters, name, context)  # noqa: E731
        field = lambda name: (self.parameterAsFields(parameters, name, context) or [None])[0]  # noqa: E731
        options = ProfileOptions(
            name=field("NAME_FIELD"), key=field("KEY_FIELD"), population=field("POPULATION_FIELD"),
            min_population=self.parameterAsDouble(parameters, "MIN_POPULATION", context),
            suppress_below=self.parameterAsDouble(parameters, "SUPPRESS_BELOW", context),
            class_field=field("CLASS_FIELD"), cluster_field=field("CLUSTER_FIELD"), parent=field("PARENT_FIELD"),
            parent_title=text("PARENT_TITLE").strip())
        words = self.words(parameters, context)
        titles = {}
        for attr, name in (("class_title", options.class_field), ("cluster_title", options.cluster_field)):
            alias = layer.fields().field(name).alias() if name else ""
            if alias:  # the badge says "Status-Index: mittel" where the field has that alias
                setattr(options, attr, alias)
                titles[attr] = alias
        names = [options.name, options.key, options.population, options.class_field, options.cluster_field,
                 options.parent]
        for ind in indicators:
            names += [ind.field, *(ind.counts or ())]
            for name in (ind.field, *(ind.counts or ())):  # the years, a rate's counts per year
                names += [column for _, column in year_columns(layer.fields().names(), name)] if name else []
        rank_fields = _rank_fields(self.parameterAsFields(parameters, "RANK_FIELDS", context), layer)
        names += rank_fields + (["valid"] if rank_fields and "valid" in layer.fields().names() else [])  # (n)
        markers = [n for n in layer.fields().names() if n.startswith("suppressed_fields")]
        frame, fids = read_frame(layer, list(dict.fromkeys(n for n in names + markers if n)))
        options.hidden = cells_from_markers(frame, markers)
        options.series = self._series(parameters, context)
        feedback.pushInfo(self.tr("{n} districts, {k} indicators").format(n=len(frame), k=len(indicators)))
        profiles = compute_profiles(frame, indicators, options)
        if rank_fields:  # the robust rank's lines on the badge (core/profiles/rank_line.py)
            from ...core.profiles.rank_line import rank_lines

            profiles.districts["rank_line"] = rank_lines(frame, rank_fields, profiles.districts["valid"],
                                                         options.hidden, words,
                                                         self.choice(parameters, "RANK_TOP_CLASS", context))
        if options.series is not None and not profiles.years:  # nothing matched: no chart, no trend, say why
            self._series_unused(options, frame, indicators, feedback)
        from ...core.profiles.findings import constant_indicators

        constant = constant_indicators(profiles)
        for ind in indicators:
            if ind.field in constant:
                feedback.pushWarning(self.tr("{label} ({field}) has the same value in every district: "
                                             "no findings for it.").format(label=ind.label, field=ind.field))
        for ind in indicators:
            city = profiles.city[ind.field]
            feedback.pushInfo(f"{ind.label}: {profiles.city_text(ind)} ({city.method}, n = {city.n})")
        sort = field("SORT_FIELD") or ("pr_key" if options.key else "pr_title")
        filter_expression = self.parameterAsExpression(parameters, "FILTER_EXPRESSION", context)
        keep = {options.name, options.key, options.population, options.class_field, options.cluster_field, sort}
        keep |= set(QgsExpression(filter_expression).referencedColumns()) if filter_expression else set()
        colour = text("HOUSE_COLOUR").strip()
        if colour and not QColor(colour).isValid():
            raise ProfileError("profile_colour_invalid", colour=colour)
        request = SheetRequest(
            layer, profiles, fids, output, title=text("TITLE").strip(), sort_field=sort,
            filter_expression=filter_expression,
            source_text=text("SOURCE_TEXT"), template=self.parameterAsFile(parameters, "TEMPLATE", context),
            suppress_below=options.suppress_below, min_population=options.min_population,
            keep_fields=tuple(n for n in keep if n), language=words.lang, colour=colour,
            logo=self.parameterAsFile(parameters, "LOGO", context), font=text("FONT").strip(), **titles)
        separate = self.parameterAsString(parameters, "SEPARATE_FILES", context)
        project = context.project() or QgsProject.instance()
        from ..base import _STEP

        result = make_sheets(request, project, separate, feedback, keep_layout=bool(getattr(_STEP, "depth", 0)))
        feedback.pushInfo(self.tr("{pages} pages written to {file}").format(pages=result.pages, file=output))
        return {"OUTPUT": output, "PAGES": result.pages, "LAYOUT": result.layout_name,
                "FOLDER": result.folder, "SEPARATE_FILES": separate or None}

