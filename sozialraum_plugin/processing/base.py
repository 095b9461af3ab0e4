"""Common base for the provider's algorithms: translation, help, choice parameters, errors."""
from __future__ import annotations

import os

from qgis.core import (
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

    def checkParameterValues(self, parameters, context):  # noqa: N802
        try:
            parameters = self.normalized(parameters)
        except QgsProcessingException as error:
            return False, str(error)
        return super().checkParameterValues(parameters, context)

    # -- outputs -------------------------------------------------------------------------------
    @staticmethod
    def existing_files(*paths) -> list[str]:
        """The outputs that exist before a run (call before writing; see ``log_replaced``)."""
        return [str(p) for p in paths if p and os.path.isfile(str(p))]

    def log_replaced(self, feedback, paths) -> None:
        """One way for every algorithm to say that a run replaced files that were there."""
        for path in paths:
            feedback.pushWarning(QCoreApplication.translate(
                "SozialraumAlgorithm", "The existing file {0} was replaced.").format(path))

    # -- running ------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        """Turn core errors into one readable sentence instead of a traceback."""
        try:
            return self.compute(self.normalized(parameters), context, feedback)
        except SozialraumError as error:
            # 'from None' and no traceback: frames holding layers must not outlive the run
            # (a QgsVectorLayer freed after exitQgis crashes QGIS).
            message = user_message(error)
            error.__traceback__ = None
            raise QgsProcessingException(message) from None

    def compute(self, parameters, context, feedback):  # pragma: no cover - abstract
        raise NotImplementedError
