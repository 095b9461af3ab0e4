"""Wiring: translator, Processing provider, toolbar and menu. Nothing heavy is imported here."""
from __future__ import annotations

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QObject
from qgis.PyQt.QtGui import QIcon

try:  # Qt6 moved QAction to QtGui
    from qgis.PyQt.QtGui import QAction
except ImportError:  # Qt5
    from qgis.PyQt.QtWidgets import QAction

from .toolbelt.i18n import install_translator, remove_translator
from .toolbelt.paths import icon_path

MENU = "&Sozialraum"


translate = QCoreApplication.translate


def action_specs():
    """(key, icon, text, tooltip, algorithm id) of each toolbar action, in workflow order.

    Built on demand, so the texts are translated with the translator installed in initGui.
    """
    return [
        ("join", "join.svg", translate("SozialraumPlugin", "1 Join data"),
         translate("SozialraumPlugin",
                   "Join an indicator table (CSV, XLSX, ODS) to district boundaries and report what did not match"),
         "sozialraum:jointable"),
        ("index", "index.svg", translate("SozialraumPlugin", "2 Assess need"),
         translate("SozialraumPlugin",
                   "Composite need index, including the Berlin MSS method, with small-number protection"),
         "sozialraum:needindex"),
        ("clusters", "clusters.svg", translate("SozialraumPlugin", "3 Need clusters"),
         translate("SozialraumPlugin", "Group districts into need clusters (k-means or Ward), numbered by need"),
         "sozialraum:needclusters"),
        ("map", "map.svg", translate("SozialraumPlugin", "4 Thematic map"),
         translate("SozialraumPlugin", "Classify an indicator and lay out a printable map (PDF, PNG, SVG)"),
         "sozialraum:thematicmap"),
        ("profiles", "profiles.svg", translate("SozialraumPlugin", "5 District profiles"),
         translate("SozialraumPlugin", "One printable profile sheet per district"),
         "sozialraum:profilesheets"),
        ("report", "report.svg", translate("SozialraumPlugin", "6 Social report"),
         translate("SozialraumPlugin", "Build the whole report by clicking (tables, indicators, need index, "
                                       "maps, profiles), save it, run it, and run it again next year"),
         "sozialraum:report"),
    ]


def tool_specs():
    """(key, text, tooltip, algorithm id) of the tools behind the toolbar's last button: steps a
    planner takes now and then (a new table's rates, a parent level, a redrawn grid; facilities
    against need, a budget split, funded districts against the rest), run in Processing's own
    dialog. None: a separator."""
    return [
        ("indicators", translate("SozialraumPlugin", "Derive indicators"),
         translate("SozialraumPlugin", "Rates from counts and changes between years, checked"),
         "sozialraum:indicators"),
        ("aggregate", translate("SozialraumPlugin", "Aggregate to parent areas"),
         translate("SozialraumPlugin", "Sum counts to a parent level (Bezirksregion, Bezirk, Gemeinde) and "
                                       "recompute rates from the sums"),
         "sozialraum:aggregate"),
        ("regrid", translate("SozialraumPlugin", "Carry onto new districts"),
         translate("SozialraumPlugin", "Carry an old grid's counts onto new district boundaries, with a "
                                       "crosswalk and a quality report"),
         "sozialraum:regrid"),
        None,  # a separator: infrastructure and money (issue 17)
        ("supply", translate("SozialraumPlugin", "Facilities against need"),
         translate("SozialraumPlugin", "Kita places, schools or youth centres per district and within reach, "
                                       "against the target population and a standard"),
         "sozialraum:supply"),
        ("allocate", translate("SozialraumPlugin", "Split a budget by need"),
         translate("SozialraumPlugin", "A per-capita base times a need factor, to the cent, with a "
                                       "sensitivity table"),
         "sozialraum:allocate"),
        ("impact", translate("SozialraumPlugin", "Funded districts against the rest"),
         translate("SozialraumPlugin", "How the funded districts' indicators changed over the years against "
                                       "the rest of the city, with an interval"),
         "sozialraum:impact"),
    ]


class SozialraumPlugin(QObject):
    def __init__(self, iface):
        super().__init__()
        self.iface = iface
        self.provider = None
        self.translator = None
        self.toolbar = None
        self.actions: dict[str, QAction] = {}

    # Processing -------------------------------------------------------------------------
    def initProcessing(self):  # noqa: N802 (QGIS API)
        if self.provider is not None:
            return
        from .processing.provider import SozialraumProvider

        self.provider = SozialraumProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    # GUI --------------------------------------------------------------------------------
    def initGui(self):  # noqa: N802 (QGIS API)
        self.translator = install_translator()
        self.initProcessing()
        self.toolbar = self.iface.addToolBar(translate("SozialraumPlugin", "Sozialraum"))
        self.toolbar.setObjectName("SozialraumToolbar")
        for key, icon, text, tip, alg_id in action_specs():
            action = QAction(QIcon(icon_path(icon)), text, self.iface.mainWindow())
            action.setObjectName(f"sozialraum_{key}")
            action.setToolTip(tip)
            action.setStatusTip(tip)
            action.triggered.connect(lambda _checked=False, a=alg_id: self.run_algorithm(a))
            self.toolbar.addAction(action)
            self.iface.addPluginToMenu(MENU, action)
            self.actions[key] = action
        self._add_tools()
        about = QAction(QIcon(icon_path("help.svg")), translate("SozialraumPlugin", "Help and about"),
                        self.iface.mainWindow())
        about.setObjectName("sozialraum_about")
        about.setToolTip(translate("SozialraumPlugin",
                                   "What Sozialraum does, its version and where to report problems"))
        about.triggered.connect(self.show_about)
        self.iface.addPluginToMenu(MENU, about)
        self.actions["about"] = about

    def _add_tools(self) -> None:
        """The monitoring tools: a toolbar button with a menu, and the same entries in the menu."""
        from qgis.PyQt.QtWidgets import QMenu, QToolButton

        menu = QMenu(translate("SozialraumPlugin", "Monitoring tools"), self.iface.mainWindow())
        menu.setObjectName("sozialraum_tools_menu")
        for spec in tool_specs():
            if spec is None:
                menu.addSeparator()
                continue
            key, text, tip, alg_id = spec
            action = menu.addAction(text)
            action.setObjectName(f"sozialraum_{key}")
            action.setToolTip(tip)
            action.setStatusTip(tip)
            action.triggered.connect(lambda _checked=False, a=alg_id: self.run_algorithm(a))
        button = QToolButton(self.toolbar)
        button.setObjectName("sozialraum_tools")
        button.setIcon(QIcon(icon_path("tools.svg")))
        button.setText(menu.title())
        button.setToolTip(menu.title())
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.tools_action = self.toolbar.addWidget(button)
        self.tools_action.setObjectName("sozialraum_tools_action")  # what the toolbar lists
        self.tools_action.setText(menu.title())
        self.tools_action.setToolTip(menu.title())
        self.tools_action.setIcon(button.icon())
        self.tools_menu = menu
        self.iface.addPluginToMenu(MENU, menu.menuAction())

    def unload(self):
        import sys

        launch = sys.modules.get(f"{__package__}.gui.launch")  # only if a dialog was ever opened
        if launch is not None:
            launch.close_dialogs()
        for action in self.actions.values():
            self.iface.removePluginMenu(MENU, action)
            action.deleteLater()
        self.actions.clear()
        if getattr(self, "tools_menu", None) is not None:
            self.iface.removePluginMenu(MENU, self.tools_menu.menuAction())
            self.tools_menu.deleteLater()  # its actions go with it; the button with the toolbar
            self.tools_menu = None
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translator(self.translator)
        self.translator = None

    # Actions ----------------------------------------------------------------------------
    def run_algorithm(self, algorithm_id: str):
        """Open the step's dialog (join, index, clusters, map, profiles: our own; the report: Processing's).
        Either way the GUI runs exactly what the toolbox runs."""
        from .gui.launch import open_dialog

        return open_dialog(self.iface, algorithm_id)

    def show_about(self):
        from .gui.about import show_about

        show_about(self.iface.mainWindow())
