"""sozialraum:supply – facilities against need: counts, places per 1,000, coverage, 2SFCA, need × supply."""
from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterCrs,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorDestination,
    QgsProcessingParameterVectorLayer,
)

from ..base import SozialraumAlgorithm, choice_parameter, language_parameter
from .common import output_destination

NUMERIC = QgsProcessingParameterField.DataType.Numeric
ANY = QgsProcessingParameterField.DataType.Any
SHOWN_IDS = 20  # ids named in the log per finding (all of them would flood the log)


class SupplyAlgorithm(SozialraumAlgorithm):
    NAME = "supply"

    def displayName(self):  # noqa: N802
        return self.tr("Facilities against need (supply)")

    def help_text(self):
        return self.tr(
            "Counts facilities (e.g. Kitas) per district and sets their places against the target population.\n\n"
            "INPUT: the districts (polygons). FACILITIES: a point layer, or a table (CSV, TXT, XLSX, ODS file or "
            "table layer) with the coordinates in X_FIELD / Y_FIELD (e.g. lon / lat) in FACILITIES_CRS (e.g. "
            "EPSG:4326); tables are read with ids as text. ID_FIELD names each facility in messages (empty: "
            "the row number). Points are reprojected to the districts' CRS and assigned by point-in-polygon "
            "(a point on a shared edge: the first district). Facilities outside every district are counted "
            "(output OUTSIDE) and named in the log; duplicated ids are warned about (each row counts).\n\n"
            "CAPACITY_FIELD: places per facility (without: each facility counts 1; empty = 0). TARGET_FIELD: the "
            "target population per district (e.g. unter6). STANDARD: places per target person aimed at (e.g. "
            "1.0).\n\nMETHOD inside: the district's own facilities. METHOD catchment: the two-step floating "
            "catchment (2SFCA): each facility's places divided by the target population of all districts "
            "whose representative point lies within DISTANCE metres (default 1000), summed per district over "
            "the facilities within DISTANCE: reachable places per 1,000 of the target group. The representative "
            "point is QGIS's point on surface of each district (no population-weighted point is used). "
            "Distances are straight lines, or over NETWORK (a line layer of roads, both directions, length as "
            "cost, plus the straight walk to and from the nearest road). With METHOD inside the access score "
            "stays empty.\n\nFields written: supply_count (facilities), supply_capacity (places), "
            "supply_per_1000 (places per 1,000 of the target group), supply_coverage (the method's places per "
            "target person / STANDARD: own places for inside, the access score for catchment), supply_access "
            "(2SFCA score), supply_category and supply_category_label: need × supply for a categorized map "
            "(1 high need, low supply; 2 high need, supply met; 3 lower need, low supply; 4 lower need, supply "
            "met; without NEED_FIELD 5 low supply, 6 supply met). Low supply: coverage below 1, or without "
            "STANDARD below the city's value.\n\nNEED_FIELD: a need class or index of the districts (e.g. "
            "status_class of sozialraum:needindex, where niedrig / sehr niedrig mean high need). NEED_HIGH: "
            "the classes that mean high need (e.g. '3;4' or 'hoch'), or one number: values at least that "
            "high; empty: MSS status classes as said, other numeric fields above their median.\n\n"
            "LANGUAGE: the language of the category labels and field descriptions.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterVectorLayer(
            "INPUT", self.tr("Districts"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterVectorLayer(
            "FACILITIES", self.tr("Facilities (point layer or table with coordinates)"),
            [QgsProcessing.SourceType.TypeVector]))
        self.addParameter(QgsProcessingParameterField(
            "CAPACITY_FIELD", self.tr("Capacity field (places; empty = each facility counts 1)"),
            parentLayerParameterName="FACILITIES", type=ANY, optional=True))
        self.addParameter(QgsProcessingParameterField(
            "TARGET_FIELD", self.tr("Target population field of the districts"), parentLayerParameterName="INPUT",
            type=NUMERIC, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            "STANDARD", self.tr("Standard (places per target person)"),
            QgsProcessingParameterNumber.Type.Double, optional=True, minValue=0))
        self.addParameter(choice_parameter("METHOD", self.tr("Method"), [
            ("inside", self.tr("Facilities inside the district")),
            ("catchment", self.tr("Catchment (2SFCA)"))], "inside"))
        self.addParameter(QgsProcessingParameterNumber(
            "DISTANCE", self.tr("Catchment distance (metres)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=1000, minValue=0))
        self.addParameter(QgsProcessingParameterVectorLayer(
            "NETWORK", self.tr("Road network (lines; empty = straight-line distances)"),
            [QgsProcessing.SourceType.TypeVectorLine], optional=True))
        self.addParameter(QgsProcessingParameterField(
            "NEED_FIELD", self.tr("Need class or index field"), parentLayerParameterName="INPUT", type=ANY,
            optional=True))
        self.addParameter(QgsProcessingParameterVectorDestination(
            "OUTPUT", self.tr("Districts with supply"), QgsProcessing.SourceType.TypeVectorPolygon))
        advanced = [
            QgsProcessingParameterField("ID_FIELD", self.tr("Facility id field"),
                                        parentLayerParameterName="FACILITIES", type=ANY, optional=True),
            QgsProcessingParameterField("X_FIELD", self.tr("X / longitude column (tables)"),
                                        parentLayerParameterName="FACILITIES", type=ANY, optional=True),
            QgsProcessingParameterField("Y_FIELD", self.tr("Y / latitude column (tables)"),
                                        parentLayerParameterName="FACILITIES", type=ANY, optional=True),
            QgsProcessingParameterCrs("FACILITIES_CRS", self.tr("CRS of the coordinates (tables)"), optional=True),
            QgsProcessingParameterString("NEED_HIGH", self.tr("Need classes meaning high need (e.g. 3;4)"),
                                         optional=True),
            language_parameter(),
        ]
        for param in advanced:
            param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(param)
        for name, text in (("FACILITY_COUNT", self.tr("Facilities read")),
                           ("OUTSIDE", self.tr("Facilities outside every district")),
                           ("DUPLICATES", self.tr("Duplicated facility ids"))):
            self.addOutput(QgsProcessingOutputNumber(name, text))

    def compute(self, parameters, context, feedback):
        import time

        from ...core.supply.indicators import category_labels, supply_indicators
        from ...core.supply.result import supply_columns
        from ...gis import indicator_meta, writer

        started = time.perf_counter()
        layer = self.parameterAsVectorLayer(parameters, "INPUT", context)
        target = self.parameterAsString(parameters, "TARGET_FIELD", context) or ""
        need = self.parameterAsString(parameters, "NEED_FIELD", context) or ""
        standard = None
        if parameters.get("STANDARD") not in (None, ""):
            standard = self.parameterAsDouble(parameters, "STANDARD", context) or None
        method = self.choice(parameters, "METHOD", context)
        distance = self.parameterAsDouble(parameters, "DISTANCE", context)
        words = self.words(parameters, context)
        facilities = self._facilities(parameters, context, layer.crs(), feedback)
        dest = output_destination(self, parameters, "OUTPUT", context, "supply")
        holder = {}

        def compute(frame, source):
            features = writer.read_features(source) or list(source.getFeatures())
            by_fid = {f.id(): f for f in features}
            ordered = [by_fid[fid] for fid in frame.index]
            access = None
            if method == "catchment" and target:
                access = self._access(parameters, context, source, ordered, frame[target], facilities, distance,
                                      feedback)
            from ...gis.supply_points import district_of

            result = supply_columns(frame.index, district_of(ordered, facilities), facilities,
                                    frame[target] if target else None, standard=standard, access=access,
                                    need=frame[need] if need else None,
                                    need_high=self.parameterAsString(parameters, "NEED_HIGH", context),
                                    labels=category_labels(words))
            holder["result"] = result
            return result.frame

        def finish(path, layer_name):  # the fields' labels in the output language, beside the layer
            inds = supply_indicators(target, words)
            indicator_meta.write(path, layer_name, indicator_meta.rows(layer_name, inds, lambda ind: [ind.id]))

        needed = [f for f in (target, need) if f]
        written = writer.write_results(layer, dest, dest.layer_name, needed, compute, finish=finish,
                                       feedback=feedback)
        result = holder["result"]
        duplicates = self._log(result, facilities, target, method, feedback)
        feedback.pushInfo(self.tr("Supply computed in {0:.1f} s.").format(time.perf_counter() - started))
        return {"OUTPUT": written.uri, "FACILITY_COUNT": len(facilities), "OUTSIDE": len(result.outside),
                "DUPLICATES": duplicates}

    def _facilities(self, parameters, context, crs, feedback):
        from ...core.errors import SozialraumError
        from ...gis.supply_points import facilities_from_layer, facilities_from_table, is_point_layer

        layer = self.parameterAsVectorLayer(parameters, "FACILITIES", context)
        source = parameters.get("FACILITIES")
        source = source if isinstance(source, str) else layer.source()
        x_field = self.parameterAsString(parameters, "X_FIELD", context) or ""
        y_field = self.parameterAsString(parameters, "Y_FIELD", context) or ""
        id_field = self.parameterAsString(parameters, "ID_FIELD", context) or ""
        capacity = self.parameterAsString(parameters, "CAPACITY_FIELD", context) or ""
        if x_field and y_field:
            crs_param = self.parameterAsCrs(parameters, "FACILITIES_CRS", context)
            given = parameters.get("FACILITIES_CRS")
            if isinstance(given, str) and given.strip() and not crs_param.isValid():  # not the districts' CRS
                raise SozialraumError("supply_crs_invalid", crs=str(given))
            if not crs_param.isValid() and layer is not None and layer.crs().isValid():
                crs_param = layer.crs()  # a point layer whose X/Y columns were named: its own CRS
            crs_text = crs_param.authid() or crs_param.toWkt() if crs_param.isValid() else ""
            found = facilities_from_table(layer.source() if layer is not None else source, layer, x_field, y_field,
                                          crs_text, crs, id_field, capacity, context.transformContext())
        elif layer is not None and is_point_layer(layer):
            found = facilities_from_layer(layer, crs, id_field, capacity, context.transformContext())
        else:
            raise SozialraumError("supply_no_coordinates", file=str(source))
        reasons = {"no geometry": self.tr("no geometry"), "no coordinates": self.tr("no coordinates")}
        for ident, reason in found.skipped[:SHOWN_IDS]:
            feedback.pushWarning(self.tr("Facility {0} left out: {1}.").format(ident, reasons.get(reason, reason)))
        if len(found.skipped) > SHOWN_IDS:  # the rest by number: none is left out unsaid
            feedback.pushWarning(self.tr("{0} facilities left out in all (without coordinates).")
                                 .format(len(found.skipped)))
        if not len(found):
            raise SozialraumError("supply_no_facilities", file=str(source))
        return found

    def _access(self, parameters, context, source, ordered, target, facilities, distance, feedback):
        import numpy as np

        from ...core.errors import SozialraumError
        from ...core.supply.access import matrix_chunks, straight_chunks, two_step_fca
        from ...gis.supply_points import representative_points

        if source.crs().isGeographic():
            raise SozialraumError("supply_geographic_crs", crs=source.crs().authid())
        points = representative_points(ordered)
        fac_xy = np.column_stack([facilities.x, facilities.y])
        network = self.parameterAsVectorLayer(parameters, "NETWORK", context)
        if network is not None:
            from ...gis.supply_network import network_distances

            matrix = network_distances(network, source.crs(), points, fac_xy, feedback)
            return two_step_fca(target.to_numpy(float), facilities.capacity, lambda: matrix_chunks(matrix), distance)
        return two_step_fca(target.to_numpy(float), facilities.capacity, lambda: straight_chunks(points, fac_xy),
                            distance)

    def _log(self, result, facilities, target, method, feedback) -> int:
        from ...core.formatting import format_number
        from ...core.supply.counts import duplicated_ids

        outside = result.outside
        if outside:
            feedback.pushWarning(self.tr("{0} facilities lie outside every district (not counted in any): {1}")
                                 .format(len(outside), ", ".join(outside[:SHOWN_IDS])
                                         + (" …" if len(outside) > SHOWN_IDS else "")))
        twice = duplicated_ids(facilities.ids)
        if twice:
            feedback.pushWarning(self.tr("{0} facility ids occur more than once (each row is counted): {1}")
                                 .format(len(twice), ", ".join(twice[:SHOWN_IDS])))
        frame = result.frame
        feedback.pushInfo(self.tr("{0} facilities, {1} places in {2} districts.").format(
            len(facilities), format_number(float(frame["supply_capacity"].sum()), 0),
            int((frame["supply_count"] > 0).sum())))
        if target:
            feedback.pushInfo(self.tr("City: {0} places per 1,000 of the target group.").format(
                format_number(result.city_per_1000, 1)))
            if method == "catchment":
                feedback.pushInfo(self.tr("City: {0} reachable places per 1,000 (2SFCA, weighted by the target "
                                          "group); facilities reached by nobody: {1}.").format(
                    format_number(result.city_access, 1), len(result.unreached)))
        return len(twice)
