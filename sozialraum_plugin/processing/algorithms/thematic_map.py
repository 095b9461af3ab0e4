"""``sozialraum:thematicmap``: classify a field, lay out a print-ready map, export it.

Thin by design: parameters → :func:`gis.layouts.compose` → :func:`gis.layouts.export.export_layout`.
It runs in the main thread (layouts and the project are not thread-safe).
"""
from __future__ import annotations

import math
import time

from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterColor,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProject,
)

from ...core.formatting import format_number
from ...gis.classify import ALL_METHODS, parse_multiples
from ...gis.layouts import MapRequest, best_orientation, compose, map_crs, map_extent
from ...gis.layouts.export import export_layout, output_format
from ...gis.layouts.map_page import PageStyle
from ...gis.publish_layer import markers, published_copy
from ...gis.styles import RAMPS, combined_renderer, is_gpkg_layer, save_style_to_gpkg
from ...toolbelt.settings import PluginSettings
from ..base import SozialraumAlgorithm, check_title, choice_parameter, language_parameter
from .indicator_param import indicators_parameter

PAGE_SIZES = ("A4", "A3")
ORIENTATIONS = ("auto", "portrait", "landscape")
RAMP_CHOICES = ("auto",) + RAMPS


class ThematicMapAlgorithm(SozialraumAlgorithm):
    NAME = "thematicmap"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Thematic map")

    def flags(self):
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    def help_text(self) -> str:
        return self.tr(
            "Classifies a field of a district layer and lays out a printable map: title, legend with "
            "class counts, scale bar, north arrow, source, licence, date and a note on the method. "
            "The layout stays in the project's Layout Manager as 'Sozialraum – <title>' (running again "
            "replaces it) with its styled layers in a group of the same name; the input layer is not "
            "changed.\n\n"
            "METHOD: jenks, quantile, equal, stddev (mean ± 1 SD steps), pretty, fixed (INTERVAL), "
            "mss (status index thresholds −1.0 / +1.0 / +1.5), sdmultiples (mean + k·SD with the "
            "SD_MULTIPLES k), categorized (MSS classes, dynamics, the 12 groups and clusters get "
            "fixed colours in need order), diverging (a change, e.g. in percentage points: CLASSES "
            "classes of one round width symmetric around 0, a diverging ramp of QGIS's style with the "
            "warm side for more need, signed labels). With no more distinct values than classes every "
            "value gets its own class.\n"
            "Several years: FIELD and SERIES_FIELDS name the fields (e.g. S3_2019, S3_2020, S3_2021). "
            "POOLED classifies all their shown values together and applies the same breaks to every "
            "field (as mapclassify's Pooled). SMALL_MULTIPLES puts them on one page, one map per field "
            "captioned with its year, with pooled breaks and one legend (built in code: TEMPLATE is not "
            "used for it). With either, FIELD_IS_COUNT covers every field, and NUMERATOR_FIELD / "
            "DENOMINATOR_FIELD are taken for each year with the field's year in their name.\n"
            "Areas where INVALID_FIELD (default 'valid') is false are hatched grey ('not assessed'), "
            "areas without a value too ('no data'). MASK_LAYER covers uninhabited land.\n"
            "Small numbers follow the report's publication rule: counts (FIELD_IS_COUNT, COUNT_FIELDS) "
            "from 1 to below SUPPRESS_BELOW (default 3), a rate whose NUMERATOR_FIELD (or "
            "DENOMINATOR_FIELD) is such a count, a second cell where a city total would give a hidden "
            "one back, and cells listed in the input's suppressed_fields are drawn hatched as 'not "
            "shown': no label, no class bound and no class count shows them. The note under "
            "the map names the threshold used.\n"
            "The page is made from a layout template: resources/templates/map_<A4|A3>_<orientation>.qpt by "
            "default, or TEMPLATE, a city's own .qpt (its page size wins over PAGE_SIZE and ORIENTATION). "
            "Items are found by their id: title, subtitle, logo, accent, map, legend, method_note, "
            "scale_bar, north_arrow, source, date (see the shipped templates). LOGO fills the 'logo' "
            "picture, COLOUR the 'accent' shapes, FONT replaces the font family of every text.\n"
            "OUTPUT: .pdf (vector; SERIES_FIELDS gives one page per field), .png or .svg (one file "
            "per page). SAVE_STYLE stores the style in a GeoPackage input's layer_styles table; "
            "other sources are never written to.\n"
            "LANGUAGE (de | en; empty: the QGIS locale): the words and number marks of the map's texts, "
            "legend and note."
        ) + "\n" + self.tr(
            "INDICATORS: what the mapped fields are, as JSON (a list of indicators as a report definition's "
            "\"indicators\" holds them). The FIELD's entry gives the title, legend title and unit where TITLE, "
            "LEGEND_TITLE and UNIT are empty, inverts the ramp for direction -1, and declares counts (kind "
            "\"count\"), a rate's numerator and denominator and an own threshold (replacing SUPPRESS_BELOW) "
            "for the publication rule; FIELD_IS_COUNT, INVERT and NUMERATOR_FIELD/DENOMINATOR_FIELD still add to it.")

    def initAlgorithm(self, config=None):  # noqa: N802
        polygon = [QgsProcessing.SourceType.TypeVectorPolygon]
        anyf = QgsProcessingParameterField.DataType.Any
        integer, double = QgsProcessingParameterNumber.Type.Integer, QgsProcessingParameterNumber.Type.Double
        file_ = QgsProcessingParameterFile.Behavior.File
        settings = PluginSettings.load()

        def text(name, label, default="", advanced=False):
            self._add(QgsProcessingParameterString(name, label, default, False, True), advanced)

        def choice(name, label, options, default, advanced=False):  # names or numbers (base.py)
            self._add(choice_parameter(name, label, [(o, o) for o in options], default), advanced)

        self._add(QgsProcessingParameterVectorLayer("INPUT", self.tr("District layer"), polygon))
        self._add(QgsProcessingParameterField("FIELD", self.tr("Field to map"), None, "INPUT", anyf))
        choice("METHOD", self.tr("Classification method"), ALL_METHODS, "jenks")
        self._add(QgsProcessingParameterNumber("CLASSES", self.tr("Number of classes"), integer, 5, False, 1, 12))
        text("TITLE", self.tr("Title"))
        text("SUBTITLE", self.tr("Subtitle"))
        text("UNIT", self.tr("Unit shown after the values (e.g. %)"))
        choice("PAGE_SIZE", self.tr("Page size"), PAGE_SIZES, "A4")
        choice("ORIENTATION", self.tr("Orientation"), ORIENTATIONS, "auto")
        choice("RAMP", self.tr("Colour ramp (ColorBrewer)"), RAMP_CHOICES, "auto")
        self._add(QgsProcessingParameterBoolean("FIELD_IS_COUNT", self.tr("The field is a count"), False))
        self._add(QgsProcessingParameterField("COUNT_FIELDS", self.tr("Fields that are counts"), None, "INPUT",
                                              anyf, True, True))
        self._add(QgsProcessingParameterNumber("SUPPRESS_BELOW", self.tr("Suppress counts below"), integer, 3,
                                               False, 0))
        self._add(QgsProcessingParameterField("NUMERATOR_FIELD", self.tr("Numerator of the mapped rate (count)"),
                                              None, "INPUT", anyf, False, True), True)
        self._add(QgsProcessingParameterField("DENOMINATOR_FIELD", self.tr("Denominator of the mapped rate (count)"),
                                              None, "INPUT", anyf, False, True), True)
        self._add(QgsProcessingParameterBoolean("LABELS", self.tr("Label the districts"), False))
        self._add(QgsProcessingParameterField("LABEL_FIELD", self.tr("Label field"), None, "INPUT", anyf, False,
                                              True))
        self._add(QgsProcessingParameterField("SERIES_FIELDS", self.tr("Series: more fields, one page each"), None,
                                              "INPUT", anyf, True, True))
        self._add(QgsProcessingParameterBoolean("POOLED", self.tr("Same class breaks for all fields (pooled)"),
                                                False))
        self._add(QgsProcessingParameterBoolean("SMALL_MULTIPLES", self.tr("All fields on one page (small multiples)"),
                                                False))
        text("SOURCE_TEXT", self.tr("Source line"), settings.source_text)
        text("LICENCE_TEXT", self.tr("Licence line"))
        text("LEGEND_TITLE", self.tr("Legend title (default: field alias)"), advanced=True)
        self._add(QgsProcessingParameterBoolean("INVERT", self.tr("Invert the ramp (higher value = less need)"),
                                                False), True)
        self._add(QgsProcessingParameterField("INVALID_FIELD", self.tr("Validity field (false = not assessed)"),
                                              "valid", "INPUT", anyf, False, True), True)
        self._add(QgsProcessingParameterVectorLayer("MASK_LAYER", self.tr("Uninhabited areas (mask)"), polygon,
                                                    None, True), True)
        self._add(QgsProcessingParameterNumber("INTERVAL", self.tr("Class width for 'fixed'"), double, None, True,
                                               0.0), True)
        text("SD_MULTIPLES", self.tr("SD multiples for 'sdmultiples'"), "-1; 0; 1", advanced=True)
        self._add(QgsProcessingParameterFile("LOGO", self.tr("Logo (SVG or PNG)"), file_, "", None, True), True)
        self._add(QgsProcessingParameterFile("TEMPLATE", self.tr("Layout template (.qpt)"), file_, "qpt", None,
                                             True), True)
        self._add(QgsProcessingParameterColor("COLOUR", self.tr("House colour (accents)"), None, False, True), True)
        text("FONT", self.tr("House font (family name)"), advanced=True)
        self._add(QgsProcessingParameterNumber("DPI", self.tr("Resolution (dpi)"), integer, settings.dpi, False,
                                               72, 1200), True)
        self._add(QgsProcessingParameterBoolean("SAVE_STYLE", self.tr("Save the style in the GeoPackage"), True),
                  True)
        self._add(language_parameter(), True)
        self._add(indicators_parameter(), True)
        self._add(QgsProcessingParameterFileDestination("OUTPUT", self.tr("Map"),
                                                        "PDF (*.pdf);;PNG (*.png);;SVG (*.svg)"))
        self.addOutput(QgsProcessingOutputString("LAYOUT", self.tr("Layout name")))
        self.addOutput(QgsProcessingOutputNumber("PAGES", self.tr("Pages")))

    def _add(self, parameter, advanced: bool = False) -> None:
        if advanced:
            parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(parameter)

    # ------------------------------------------------------------------------------------------
    def _request(self, parameters, context, layer) -> MapRequest:
        p = parameters
        field = self.parameterAsString(p, "FIELD", context)
        series = self.parameterAsFields(p, "SERIES_FIELDS", context)
        fields = list(dict.fromkeys([field] + [f for f in series if f]))
        method = self.choice(p, "METHOD", context)
        multiples = None
        if method == "sdmultiples":
            multiples = parse_multiples(self.parameterAsString(p, "SD_MULTIPLES", context))
        interval = None
        if p.get("INTERVAL") not in (None, ""):
            interval = self.parameterAsDouble(p, "INTERVAL", context)
        size = self.choice(p, "PAGE_SIZE", context)
        orientation = self.choice(p, "ORIENTATION", context)
        if orientation == "auto":
            project = context.project() or QgsProject.instance()
            extent = map_extent([layer], map_crs(layer.crs(), layer.extent()), project)
            orientation = best_orientation(extent, size)
        source = self.parameterAsString(p, "SOURCE_TEXT", context).strip()
        if not source:  # a council map always says where its data come from
            source = derived_source([layer.source()])
            self._notes.append(self.tr("No SOURCE_TEXT given: the source line names the data file ({0}).")
                               .format(source))
        words = self.words(p, context)
        if source and not source.lower().startswith(("quelle", "source")):
            source = words.translate("MapText", "Source: {source}").format(source=source)
        licence = self.parameterAsString(p, "LICENCE_TEXT", context).strip()
        colour = self.parameterAsColor(p, "COLOUR", context) if p.get("COLOUR") not in (None, "") else None
        page = PageStyle(size, orientation, source, licence, logo=self.parameterAsFile(p, "LOGO", context),
                         colour=colour.name() if colour is not None and colour.isValid() else "",
                         house_font=self.parameterAsString(p, "FONT", context).strip(), words=words)
        labels = self.parameterAsBoolean(p, "LABELS", context)
        mask = self.parameterAsVectorLayer(p, "MASK_LAYER", context)
        ind = self._described(p, context).get(field)  # the map's own TITLE, UNIT, … come first
        text = lambda name, own="": self.parameterAsString(p, name, context).strip() or own  # noqa: E731
        return MapRequest(
            layer=layer, fields=fields, method=method,
            classes=self.parameterAsInt(p, "CLASSES", context),
            title=text("TITLE", ind.label if ind else ""),
            subtitle=self.parameterAsString(p, "SUBTITLE", context).strip(),
            legend_title=text("LEGEND_TITLE", ind.label if ind else ""),
            ramp=self.choice(p, "RAMP", context),
            invert=self.parameterAsBoolean(p, "INVERT", context) or bool(ind and ind.direction < 0),
            valid_field=self.parameterAsString(p, "INVALID_FIELD", context) or None,
            unit=text("UNIT", ind.unit if ind else ""),
            interval=interval, multiples=multiples,
            label_field=(self.parameterAsString(p, "LABEL_FIELD", context) or default_label_field(layer))
            if labels else "",
            mask_layer=mask, template=self.parameterAsFile(p, "TEMPLATE", context), page=page, words=words,
            pooled=self.parameterAsBoolean(p, "POOLED", context),
            small_multiples=self.parameterAsBoolean(p, "SMALL_MULTIPLES", context),
        )

    def _described(self, parameters, context) -> dict:
        """INDICATORS by id (read once per run)."""
        if getattr(self, "_indicators", None) is None:
            from ...core.series.indicator_params import parse_indicators

            self._indicators = {i.id: i for i in parse_indicators(
                self.parameterAsString(parameters, "INDICATORS", context))}
        return self._indicators

    def compute(self, parameters, context, feedback):
        layer = self.parameterAsVectorLayer(parameters, "INPUT", context)
        if layer is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, "INPUT"))
        self._indicators = None
        self._notes = []
        output = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        output_format(output)  # a wrong suffix fails before any work
        request = self._request(parameters, context, layer)
        check_title(request.title, "map")
        for note in self._notes:
            feedback.pushInfo(note)
        if request.page.house_font:
            from ...gis.layouts.fonts import installed_families

            if request.page.house_font not in installed_families():
                feedback.pushWarning(self.tr("The font {font} is not installed here: the map uses a substitute.")
                                     .format(font=request.page.house_font))
        save_style = self.parameterAsBoolean(parameters, "SAVE_STYLE", context) and is_gpkg_layer(layer)
        masked = self._apply_rule(parameters, context, layer, request, feedback)
        if masked is not None:  # hidden cells: no label, class or legend count shows them
            request.layer, save_style = masked, False  # the style would fit the masked copy only
        project = context.project() or QgsProject.instance()
        started = time.perf_counter()
        composed = compose(request, project)
        feedback.setProgress(40)
        if request.template:  # a city's own template: say what its page lacks, not a silent gap
            from ...gis.layouts.map_template import template_gaps

            gaps = template_gaps(composed.layout, request.page.logo)
            if gaps:
                feedback.pushWarning(self.tr(
                    "The layout template {file} has no item with the id {ids}: the map is printed without it "
                    "(see the shipped templates in resources/templates for the item ids).").format(
                    file=request.template, ids=", ".join(gaps)))
        for style in composed.styles:
            if style.n_excluded or style.n_missing:
                message = self.tr("{field}: {excluded} area(s) not assessed, {missing} without a value "
                                  "(hatched grey)")
                feedback.pushInfo(message.format(field=style.field, excluded=style.n_excluded,
                                                 missing=style.n_missing))
        files = export_layout(composed.layout, output, self.parameterAsInt(parameters, "DPI", context))
        feedback.setProgress(90)
        if save_style:  # through the copies: the input layer may have been last run's copy
            self._save_styles(composed, feedback)
        done = self.tr("Layout '{name}', {pages} page(s), written in {seconds:.1f} s: {files}")
        feedback.pushInfo(done.format(
            name=composed.layout.name(), pages=composed.layout.pageCollection().pageCount(),
            seconds=time.perf_counter() - started, files=", ".join(files)))
        return {"OUTPUT": output, "LAYOUT": composed.layout.name(),
                "PAGES": composed.layout.pageCollection().pageCount()}

    def _apply_rule(self, parameters, context, layer, request, feedback):
        """The publication rule over the mapped fields (and a label field): the masked copy to
        map, or None where the layer shows nothing hidden. Sets the request's markers and notes."""
        from ...core.publish.map_rule import map_publication, threshold_of

        p = parameters
        described = self._described(p, context)
        counts = list(self.parameterAsFields(p, "COUNT_FIELDS", context))
        years = request.pooled or request.small_multiples  # the fields are years of one quantity
        counts += [f for f in request.fields if f in described and described[f].is_count and f not in counts]
        if self.parameterAsBoolean(p, "FIELD_IS_COUNT", context):
            counts[:0] = [f for f in (request.fields if years else request.fields[:1]) if f not in counts]
        own = described.get(request.fields[0])
        numerator = self.parameterAsString(p, "NUMERATOR_FIELD", context) or None
        denominator = self.parameterAsString(p, "DENOMINATOR_FIELD", context) or None
        if not (numerator or denominator) and own is not None and own.counts:
            numerator, denominator = own.counts
        if denominator and not numerator:
            numerator, denominator = denominator, None  # a small denominator gives a rate away too
        rates = {f: described[f].counts for f in request.fields[1:] if f in described and described[f].counts}
        rates.update({request.fields[0]: (numerator, denominator)} if numerator else {})
        if numerator and years:  # every year's rate is hidden with its own year's counts
            from ...gis.pooled import year_twin

            names = set(layer.fields().names())
            for name in request.fields[1:]:
                twin = year_twin(numerator, request.fields[0], name)
                if name not in rates and twin in names:
                    other = year_twin(denominator, request.fields[0], name) if denominator else None
                    rates[name] = (twin, other if other in names else None)
        threshold = self.parameterAsInt(p, "SUPPRESS_BELOW", context)
        if own is not None and own.threshold is not None:  # its own, as the report's rule used it
            threshold = math.ceil(own.threshold)
        mapped = request.fields + ([request.label_field] if request.label_field else [])
        names = mapped + counts + [n for pair in rates.values() for n in pair if n]

        def decide(frame, hidden):
            self._warn_undeclared(frame, request, counts, rates, threshold, feedback)
            return map_publication(frame, mapped, counts=counts, rates=rates, threshold=threshold,
                                   hidden=hidden)

        masked, publication = published_copy(layer, names, decide)
        request.markers = markers(masked if masked is not None else layer)
        for name in request.fields:
            if publication.hidden(name).any():  # nothing hidden: the map is as it was
                sources = [name, rates.get(name, (None,))[0]]
                used = max([threshold_of(publication, c) for c in sources if c] or [threshold])
                words = request.words
                request.rule_notes[name] = words.translate(
                    "MapText", "Not shown (hatched): counts from 1 to below {threshold}, values computed from them "
                    "and values that protect them.").format(
                    threshold=format_number(used, 0 if float(used).is_integer() else 1, lang=words.lang))
        n = int(publication.mask.reindex(columns=mapped).fillna(False).to_numpy().sum())
        if n:
            feedback.pushInfo(self.tr("{n} cell(s) not shown (publication rule: counts below {threshold}, "
                                      "values derived from them, suppressed_fields).").format(n=n, threshold=threshold))
        return masked

    def _warn_undeclared(self, frame, request, counts, rates, threshold, feedback) -> None:
        """A field of whole numbers with values from 1 to below the threshold that nobody declared a
        count: the report's rule would take it as one; the map says so instead of guessing."""
        from ...core.publish.report_rule import COMPUTED, whole_numbers

        if request.method == "categorized":
            return
        for name in request.fields:
            if name in counts or name in rates or name in COMPUTED or not whole_numbers(frame[name]):
                continue
            values = frame[name].astype(float)
            small = int(((values > 0) & (values < threshold)).sum())
            if small:
                feedback.pushWarning(self.tr(
                    "{field} holds only whole numbers, {n} of them from 1 to below {threshold}, and is not "
                    "declared a count: if it is one, set FIELD_IS_COUNT or COUNT_FIELDS, or its small counts "
                    "are shown.").format(field=name, n=small, threshold=threshold))

    def _save_styles(self, composed, feedback) -> None:
        for index, (style, thematic) in enumerate(zip(composed.styles, composed.thematic_layers)):
            renderer = combined_renderer(style.renderer, style.nodata, thematic)
            error = save_style_to_gpkg(thematic, f"Sozialraum \u2013 {style.field}", renderer, index == 0,
                                       composed.words)
            if error:
                feedback.reportError(self.tr("The style of {field} was not saved: {error}").format(
                    field=style.field, error=error))


def derived_source(sources) -> str:
    """'district_data.gpkg, tab_18.csv' for a source line: the file names behind the data."""
    import os

    names = [os.path.basename(s.split("|", 1)[0]) for s in sources if s]
    return ", ".join(dict.fromkeys(n for n in names if n))


def default_label_field(layer) -> str:
    """A name-like field for district labels when none is chosen."""
    names = layer.fields().names()
    for name in names:
        if any(token in name.lower() for token in ("name", "bezeichnung", "stadtteil")):
            return name
    return names[0] if names else ""
