"""Common base for the provider's algorithms: translation, help, choice parameters, errors."""
from __future__ import annotations

import threading
from contextlib import contextmanager

from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProperty,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..core.errors import SozialraumError
from ..toolbelt.messages import user_message

# The names of a choice parameter live in its metadata: QGIS copies metadata with every clone,
# so whoever holds the definition (qgis_process, processing.run, a model) can read them.
CHOICES = "sozialraum_choices"
# Longest titles the pages hold (maps: two lines of 16 pt on A4 portrait; profile sheets: the one
# line of the band beside number and population). Longer ones are refused, never cut.
MAX_TITLE = {"map": 160, "sheet": 70}
# Set (per thread) while an algorithm runs one of the provider's algorithms as its step: the
# step's replaced files are the caller's outputs too, and the caller names them once.
_STEP = threading.local()


@contextmanager
def as_step():
    """Around processing.run of a step: the step does not log the files it replaced."""
    depth = getattr(_STEP, "depth", 0)
    _STEP.depth = depth + 1
    try:
        yield
    finally:
        _STEP.depth = depth


def check_title(title: str, kind: str) -> None:
    if len(title) > MAX_TITLE[kind]:
        what = QCoreApplication.translate("SozialraumAlgorithm", "a map page") if kind == "map" else \
            QCoreApplication.translate("SozialraumAlgorithm", "a profile sheet")
        raise SozialraumError("title_too_long", n=len(title), limit=MAX_TITLE[kind], what=what,
                              title=title[:40] + "…")


def choice_parameter(name: str, description: str, choices, default: str, optional: bool = False,
                     advanced: bool = False) -> QgsProcessingParameterEnum:
    """An enum parameter that takes its documented names (``mss``) as well as its numbers (``1``).

    ``choices``: (name, label) pairs; the labels are what the dialog shows. Plain (numbered)
    enums, because QGIS 3.22 refuses names there and refuses numbers in 'static string' enums;
    the base class turns names into numbers before QGIS checks the values.
    """
    keys = [key for key, _ in choices]
    param = QgsProcessingParameterEnum(name, description, [label for _, label in choices], False,
                                       keys.index(default), optional)
    metadata = param.metadata()
    metadata[CHOICES] = keys
    param.setMetadata(metadata)
    if advanced:
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
    return param


def language_parameter(name: str = "LANGUAGE") -> QgsProcessingParameterEnum:
    """``LANGUAGE``: ``de`` | ``en`` for the words and number marks of outputs; empty = QGIS locale."""
    param = QgsProcessingParameterEnum(
        name, QCoreApplication.translate("SozialraumAlgorithm", "Language of the outputs (empty: the QGIS locale)"),
        [QCoreApplication.translate("SozialraumAlgorithm", "German (de)"),
         QCoreApplication.translate("SozialraumAlgorithm", "English (en)")], False, None, True)
    metadata = param.metadata()
    metadata[CHOICES] = ["de", "en"]
    param.setMetadata(metadata)
    return param


def choice_keys(param) -> list[str] | None:
    return (param.metadata() or {}).get(CHOICES) if param is not None else None


def choice_list(keys: list[str]) -> str:
    """``custom (0) | mss (1)``: both ways of writing every choice."""
    return " | ".join(f"{key} ({n})" for n, key in enumerate(keys))


def choice_index(keys: list[str], value):
    """The number for ``value`` (a name, a number or its text); None when it is neither."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)) and float(value).is_integer():
        number = int(value)
        return number if 0 <= number < len(keys) else None
    text = str(value).strip()
    if text.lstrip("-").isdigit():
        return choice_index(keys, int(text))
    lowered = [key.lower() for key in keys]
    return lowered.index(text.lower()) if text.lower() in lowered else None


def _number(value) -> int:
    """An enum member as int (3.22: int enums; newer sip: enum.Enum members with .value)."""
    return int(getattr(value, "value", value))


class SozialraumAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set NAME and implement displayName, help_text, initAlgorithm, compute.

    (Not ``run``: that name belongs to QgsProcessingAlgorithm itself.)
    """

    NAME = ""

    def tr(self, text: str) -> str:
        return QCoreApplication.translate(type(self).__name__, text)

    def name(self) -> str:
        return self.NAME

    def createInstance(self):  # noqa: N802
        return type(self)()

    def group(self) -> str:
        return ""

    def groupId(self) -> str:  # noqa: N802
        return ""

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802
        """On the main thread, before a task starts: project layers among the inputs are described
        here so that a worker thread opens its own copies (see worker_layers)."""
        from .worker_layers import describe_project_layers

        self._project_layers = describe_project_layers(self, parameters, context)
        return True

    def help_text(self) -> str:
        return ""

    def shortHelpString(self) -> str:  # noqa: N802
        """The algorithm's help and, generated, every choice parameter with its names and numbers."""
        lines = [f"{p.name()}: {choice_list(choice_keys(p))}" for p in self.parameterDefinitions()
                 if choice_keys(p)]
        if not lines:
            return self.help_text()
        heading = QCoreApplication.translate("SozialraumAlgorithm", "Choices (name or number):")
        return "\n\n".join([self.help_text(), "\n".join([heading, *lines])])

    # -- choice parameters -------------------------------------------------------------------
    def normalized(self, parameters: dict) -> dict:
        """``parameters`` with every choice given by name replaced by its number.

        Raises QgsProcessingException naming the parameter, the value and the choices."""
        out = dict(parameters)
        for param in self.parameterDefinitions():
            keys = choice_keys(param)
            value = out.get(param.name())
            if not keys or value is None or value == "" or isinstance(value, QgsProperty):
                continue
            index = choice_index(keys, value)
            if index is None:  # the label the dialog shows works too (e.g. SEPARATOR=;)
                index = choice_index(param.options(), value)
            if index is None:
                message = QCoreApplication.translate(
                    "SozialraumAlgorithm", "{parameter}: unknown value '{value}'. Use one of: {choices}.")
                raise QgsProcessingException(message.format(parameter=param.name(), value=value,
                                                            choices=choice_list(keys)))
            out[param.name()] = index
        return out

    def choice(self, parameters: dict, name: str, context) -> str:
        """The name of the chosen option (``mss``), whether it was given by name or number."""
        keys = choice_keys(self.parameterDefinition(name))
        value = parameters.get(name)
        if isinstance(value, QgsProperty):  # data-defined (models): its value, then as given
            value = self.parameterAsString(parameters, name, context)
        if value is None or value == "":
            return keys[self.parameterAsEnum({}, name, context)]  # the default
        return keys[self.normalized({name: value})[name]]

    def words(self, parameters: dict, context, name: str = "LANGUAGE"):
        """The output language's words (``.lang``, ``.translate``): LANGUAGE, else the QGIS locale."""
        from ..toolbelt.i18n import output_words

        value = parameters.get(name)
        if value is None or value == "":
            return output_words(None)
        return output_words(self.choice(parameters, name, context))

    def checkParameterValues(self, parameters, context):  # noqa: N802
        try:
            parameters = self.normalized(parameters)
        except QgsProcessingException as error:
            return False, str(error)
        return super().checkParameterValues(parameters, context)

    # -- outputs -------------------------------------------------------------------------------
    def output_paths(self, parameters: dict, context) -> list[tuple[str, bool]]:
        """(path, is_folder) of every file or folder output given (not memory or database ones)."""
        found = []
        for param in self.destinationParameterDefinitions():
            if parameters.get(param.name()) in (None, ""):
                continue
            kind = param.type()
            if kind == "folderDestination":
                path, folder = self.parameterAsString(parameters, param.name(), context), True
            elif kind == "fileDestination":
                path, folder = self.parameterAsFileOutput(parameters, param.name(), context), False
            else:  # not parameterAsOutputLayer: it registers a memory output to load a second time
                path, folder = sink_text(parameters[param.name()], context), False
            path = (path or "").split("|", 1)[0]
            path = path[4:] if path.startswith("ogr:") else path
            if path and ":" not in path[2:] and "=" not in path:  # memory:, postgres://, dbname=…
                found.append((path, folder))
        return found

    def log_replaced(self, feedback, paths) -> None:
        """One way for every algorithm to say that a run replaced files that were there."""
        for path in paths:
            feedback.pushWarning(QCoreApplication.translate(
                "SozialraumAlgorithm", "The existing file {0} was replaced.").format(path))

    def check_boundaries(self, parameters: dict, context) -> None:
        """Every polygon-layer parameter holds polygons in a plausible CRS (gis.layers), INPUT has features."""
        from ..gis.layers import boundary_problem

        polygon = _number(QgsProcessing.SourceType.TypeVectorPolygon)
        for param in self.parameterDefinitions():
            if param.type() != "vector" or [_number(t) for t in param.dataTypes()] != [polygon] \
                    or parameters.get(param.name()) in (None, ""):
                continue
            layer = self.parameterAsVectorLayer(parameters, param.name(), context)
            problem = boundary_problem(layer, param.name() == "INPUT") if layer is not None else None
            del layer
            if problem is not None:
                raise SozialraumError(problem[0], **problem[1])
        self.check_fields(parameters, context)

    def check_fields(self, parameters: dict, context) -> None:
        """Every field named in a field parameter exists in its layer (QGIS does not check it:
        a missing key field was joined as if it were a constant)."""
        for param in self.parameterDefinitions():
            parent = param.parentLayerParameterName() if param.type() == "field" else ""
            value = parameters.get(param.name())
            if not parent or value in (None, "", []) or value == param.defaultValue():
                continue  # (a default such as INVALID_FIELD 'valid' may be absent: the algorithm copes)
            layer = self.parameterAsVectorLayer(parameters, parent, context)
            if layer is None:
                continue
            names = layer.fields().names()
            missing = [f for f in self.parameterAsFields(parameters, param.name(), context) if f not in names]
            source = layer.source().split("|", 1)[0]
            del layer
            if missing:
                raise SozialraumError("layer_field_not_found", field=missing[0], parameter=param.name(), file=source,
                                      fields=", ".join(names))

    # -- running ------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        """Turn core errors into one readable sentence instead of a traceback."""
        from ..core.output_paths import check_output_path, replaced, snapshot
        from .algorithms.main_thread import on_main_thread

        described = getattr(self, "_project_layers", None)
        if described and not on_main_thread():
            from .worker_layers import with_worker_layers

            parameters = with_worker_layers(parameters, described, context)
        try:
            parameters = self.normalized(parameters)
            outputs = self.output_paths(parameters, context)
            for path, folder in outputs:
                check_output_path(path, folder)
            self.check_boundaries(parameters, context)
            before = {}
            for path, folder in outputs:
                before.update(snapshot(path, folder))
            result = self.compute(parameters, context, feedback)
            if not getattr(_STEP, "depth", 0):
                self.log_replaced(feedback, replaced(before))
            return result
        except OSError as error:  # a file system refusal no check foresaw (e.g. /proc): named, no traceback
            message = user_message(SozialraumError(
                "path_unusable", file=error.filename or "?", reason=error.strerror or str(error)))
            error.__traceback__ = None
            raise QgsProcessingException(message) from None
        except SozialraumError as error:
            # 'from None' and no traceback: frames holding layers must not outlive the run
            # (a QgsVectorLayer freed after exitQgis crashes QGIS).
            message = user_message(error)
            error.__traceback__ = None
            raise QgsProcessingException(message) from None

    def compute(self, parameters, context, feedback):  # pragma: no cover - abstract
        raise NotImplementedError


def sink_text(value, context, temporary: bool = False) -> str:
    """The destination a sink parameter names (a path, a URI; TEMPORARY_OUTPUT as '' unless
    ``temporary``), without side effects."""
    from qgis.core import QgsProcessingOutputLayerDefinition, QgsProperty

    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink
    if isinstance(value, QgsProperty):
        value = value.valueAsString(context.expressionContext(), "")
        value = value[0] if isinstance(value, tuple) else value
    text = str(value or "")
    return "" if text == "TEMPORARY_OUTPUT" and not temporary else text
