"""Common base for the provider's algorithms: translation, grouping, help."""
from __future__ import annotations

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtCore import QCoreApplication

from ..core.errors import SozialraumError
from ..toolbelt.messages import user_message


class SozialraumAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set NAME and implement displayName, shortHelpString, initAlgorithm, compute.

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

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        """Turn core errors into one readable sentence instead of a traceback."""
        from .algorithms.main_thread import on_main_thread

        described = getattr(self, "_project_layers", None)
        if described and not on_main_thread():
            from .worker_layers import with_worker_layers

            parameters = with_worker_layers(parameters, described, context)
        try:
            return self.compute(parameters, context, feedback)
        except SozialraumError as error:
            # 'from None' and no traceback: frames holding layers must not outlive the run
            # (a QgsVectorLayer freed after exitQgis crashes QGIS).
            message = user_message(error)
            error.__traceback__ = None
            raise QgsProcessingException(message) from None

    def compute(self, parameters, context, feedback):  # pragma: no cover - abstract
        raise NotImplementedError
