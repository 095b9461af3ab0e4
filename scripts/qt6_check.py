#!/usr/bin/env python3
"""Qt6 / QGIS 4 check of the plugin's Python code, run by `make lint`.

PyQt6 (QGIS 4) drops what PyQt5 (QGIS 3) still accepts: unscoped enum members (`Qt.AlignLeft`
instead of `Qt.AlignmentFlag.AlignLeft`), `exec_()`, QFlags classes, QVariant's type enum and a
few classes (QRegExp, QDesktopWidget, QtWebKit …). QGIS's own migration script finds unscoped enums
by introspecting the bindings; so does this check, on the PyQt5/QGIS installed here: each
`Name.attr…` chain whose Name was imported from qgis.* / PyQt* is resolved with getattr, and an enum
member reached through anything but its own enum type is reported with the scoped spelling that
resolves here (and, through QGIS's compatibility aliases, on 3.22 … 3.40 and 4).

Usage: qt6_check.py [PATH …]  (files or folders; prints `file:line: finding -> instead`, exit 1
on findings). A line ending in `# qt6: ok` is skipped (say why beside it).
"""
from __future__ import annotations

import ast
import enum
import importlib
import re
import sys
from pathlib import Path

# Removed in Qt6 (or in QGIS 4's qgis.PyQt): imported or used names, with what to write instead.
REMOVED_NAMES = {
    "QRegExp": "QRegularExpression",
    "QRegExpValidator": "QRegularExpressionValidator",
    "QDesktopWidget": "QScreen (widget.screen() / QGuiApplication.primaryScreen())",
    "QMatrix": "QTransform",
    "QString": "str",
    "QStringList": "list of str",
    "qApp": "QApplication.instance() / QgsApplication.instance()",
    "QGLWidget": "QOpenGLWidget",
}
REMOVED_MODULES = {
    "QtWebKit": "QtWebEngine (or no embedded browser)",
    "QtWebKitWidgets": "QtWebEngineWidgets (or no embedded browser)",
}
# Renamed methods: `.exec_()` is gone in PyQt6, `exec()` works on both.
RENAMED_CALLS = {"exec_": "exec()", "print_": "print()"}
OK_MARK = "# qt6: ok"


def _directive_text(rest: str) -> str:
    """The text of an RST directive: its own line and the indented (or blank) lines after it."""
    lines = rest.split("\n")
    kept = [lines[0]]
    for line in lines[1:]:
        if line.strip() and not line.startswith((" ", "\t")):
            break
        kept.append(line)
    return "\n".join(kept)


def _is_enum_member(value) -> bool:
    kind = type(value)
    return isinstance(value, enum.Enum) or type(kind).__name__ == "enumtype"


class Resolver:
    """getattr over the installed bindings, cached; knows which classes are PyQt5 QFlags."""

    def __init__(self):
        self.modules: dict = {}
        self._flags: dict = {}
        self._deprecated: dict = {}
        self._looked_up: set = set()
        self._qgis_classes = None
        self._qt_names: set = set()

    def module(self, name: str):
        if name not in self.modules:
            try:
                self.modules[name] = importlib.import_module(name)
            except Exception:  # a module this Qt/QGIS does not have: nothing to resolve in it
                self.modules[name] = None
        return self.modules[name]

    def deprecated(self, names=()) -> dict:
        """{method name: (classes, advice)} for those of ``names`` (the methods the checked code calls)
        that every qgis.core/gui/analysis class defining them marks deprecated, for every overload,
        and no Qt class has: such a call is a deprecated QGIS call whatever the object (calls are not
        typed here; names shared with live APIs are left out). Looked up per name, once."""
        new = {n for n in names if not n.startswith("_")} - self._looked_up
        if new:
            self._looked_up |= new
            if self._qgis_classes is None:
                self._qgis_classes = [(cname, cls, set(vars(cls))) for module in ("qgis.core", "qgis.gui",
                                                                                  "qgis.analysis")
                                      for cname, cls in sorted(vars(self.module(module) or object).items())
                                      if isinstance(cls, type)]
                self._qt_names = {name for module in ("qgis.PyQt.QtCore", "qgis.PyQt.QtGui", "qgis.PyQt.QtWidgets")
                                  for cls in vars(self.module(module) or object).values() if isinstance(cls, type)
                                  for name in dir(cls)}
            marked, live = {}, set()
            for cname, cls, defined in self._qgis_classes:
                for name in new & defined:
                    try:
                        doc = getattr(cls, name).__doc__ or ""
                    except Exception:
                        continue
                    # one docstring for all overloads: deprecated only if each overload is
                    signatures = len(re.findall(rf"^{re.escape(name)}\(", doc, re.M)) or 1
                    if doc.count(".. deprecated::") >= signatures:
                        note = _directive_text(doc.split(".. deprecated::", 1)[1])
                        note = re.sub(r":py:\w+:`~?([^`]+)`", r"\1", note)  # Sphinx roles as plain names
                        owners, _ = marked.setdefault(name, ([], " ".join(note.split()) or "see the QGIS API docs"))
                        owners.append(cname)
                    else:
                        live.add(name)
            for name, (owners, advice) in marked.items():
                if name not in live and name not in self._qt_names:
                    self._deprecated[name] = (", ".join(owners[:2]) + (" …" if len(owners) > 2 else ""), advice)
        return self._deprecated

    def flags_of(self, owner) -> dict:
        """{QFlags class: its enum type} for the enums defined on ``owner`` (PyQt5 only has them)."""
        key = id(owner)
        if key not in self._flags:
            found = {}
            for name, kind in list(vars(owner).items()) if isinstance(owner, type) else []:
                if isinstance(kind, type) and type(kind).__name__ == "enumtype":
                    members = [v for v in vars(kind).values() if isinstance(v, kind)]
                    if not members:
                        members = [v for v in vars(owner).values() if type(v) is kind]
                    try:
                        combined = type(members[0] | members[0]) if members else None
                    except TypeError:
                        combined = None
                    if combined is not None and combined is not kind and combined is not int:
                        found[combined] = name
            self._flags[key] = found
        return self._flags[key]


def _enum_path(owner, owner_text: str, member: str, value) -> str:
    """How to write ``value`` scoped: through ``owner``'s alias of its type when it has one."""
    kind = type(value)
    for name in dir(owner):
        try:
            if getattr(owner, name) is kind:
                return f"{owner_text}.{name}.{member}"
        except Exception:
            continue
    return f"{kind.__qualname__}.{member}"


def _called_name(call: ast.Call) -> str:
    return getattr(call.func, "attr", getattr(call.func, "id", ""))


def _is_version_guard(test) -> bool:
    """`hasattr(…)`, `getattr(…)`, `Qgis.QGIS_VERSION_INT …`: the code under it picks per QGIS version."""
    for node in ast.walk(test):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("hasattr", "getattr"):
            return True
        if isinstance(node, (ast.Attribute, ast.Name)) and getattr(node, "attr", getattr(node, "id", "")) in (
                "QGIS_VERSION_INT", "versionInt"):
            return True
    return False


class FileCheck(ast.NodeVisitor):
    def __init__(self, path: str, source: str, resolver: Resolver):
        self.path, self.lines, self.resolver = path, source.splitlines(), resolver
        self.bound: dict = {}  # local name -> (module, attribute or None)
        self.findings: list = []
        self.guarded = 0  # inside a version branch: the old API is the point there (not its enums)

    # --- version branches: QVariant types and deprecated calls are expected in the old QGIS's branch
    def visit(self, node):
        """Statements after `if <version test>: … return` are the other version's branch too."""
        body = getattr(node, "body", None)
        if isinstance(body, list):
            for block in (body, getattr(node, "orelse", []), getattr(node, "finalbody", [])):
                for i, stmt in enumerate(block[:-1]):
                    if isinstance(stmt, ast.If) and not stmt.orelse and _is_version_guard(stmt.test) \
                            and isinstance(stmt.body[-1], (ast.Return, ast.Raise)):
                        for later in block[i + 1:]:
                            later._qt6_guarded = True
        guard = getattr(node, "_qt6_guarded", False)
        self.guarded += guard
        try:
            return super().visit(node)
        finally:
            self.guarded -= guard

    def visit_If(self, node):
        guard = _is_version_guard(node.test)
        self.visit(node.test)
        self.guarded += guard
        for child in node.body + node.orelse:
            self.visit(child)
        self.guarded -= guard

    def visit_IfExp(self, node):
        guard = _is_version_guard(node.test)
        self.visit(node.test)
        self.guarded += guard
        self.visit(node.body)
        self.visit(node.orelse)
        self.guarded -= guard

    def visit_Try(self, node):
        caught = {getattr(h.type, "id", "") for h in node.handlers} | {
            getattr(e, "id", "") for h in node.handlers if isinstance(h.type, ast.Tuple) for e in h.type.elts}
        guard = bool(caught & {"AttributeError", "ImportError", "TypeError"})
        self.guarded += guard
        for child in node.body + node.handlers:
            self.visit(child)
        self.guarded -= guard
        for child in node.orelse + node.finalbody:
            self.visit(child)

    def report(self, node, text: str):
        line = self.lines[node.lineno - 1] if node.lineno <= len(self.lines) else ""
        if not line.rstrip().endswith(OK_MARK):
            self.findings.append((self.path, node.lineno, text))

    # --- imports: which local names are Qt / QGIS objects
    def _qt_module(self, module: str) -> bool:
        return module.split(".")[0] in ("qgis", "PyQt5", "PyQt6", "sip")

    def visit_Import(self, node):
        for alias in node.names:
            self._check_module(node, alias.name)
            if self._qt_module(alias.name):
                if alias.asname:
                    self.bound[alias.asname] = (alias.name, None)
                else:
                    top = alias.name.split(".")[0]
                    self.bound[top] = (top, None)

    def visit_ImportFrom(self, node):
        module = node.module or ""
        self._check_module(node, module)
        if node.level or not self._qt_module(module):
            return
        for alias in node.names:
            if alias.name in REMOVED_NAMES:
                self.report(node, f"{alias.name} is removed in Qt6 -> {REMOVED_NAMES[alias.name]}")
            if module.split(".")[-1] in ("QtCore", "QtGui", "QtWidgets", "PyQt") and alias.name in REMOVED_MODULES:
                self.report(node, f"{alias.name} is removed in Qt6 -> {REMOVED_MODULES[alias.name]}")
            self.bound[alias.asname or alias.name] = (module, alias.name)

    def _check_module(self, node, module: str):
        parts = module.split(".")
        if parts[0] == "PyQt5":
            self.report(node, f"import from {module} -> qgis.PyQt.{'.'.join(parts[1:]) or '…'}")
        for part in parts:
            if part in REMOVED_MODULES:
                self.report(node, f"{module} is removed in Qt6 -> {REMOVED_MODULES[part]}")

    # --- uses
    def visit_Name(self, node):
        if node.id == "qApp" and node.id in self.bound:
            self.report(node, f"qApp is removed in Qt6 -> {REMOVED_NAMES['qApp']}")

    def visit_Call(self, node):
        func = node.func
        if isinstance(func, ast.Attribute):
            if func.attr in RENAMED_CALLS:
                self.report(node, f".{func.attr}() is removed in PyQt6 -> .{RENAMED_CALLS[func.attr]}")
            elif not self.guarded and func.attr in self.resolver.deprecated((func.attr,)):
                owners, advice = self.resolver.deprecated()[func.attr]
                self.report(node, f".{func.attr}() is deprecated in QGIS ({owners}) -> {advice} "
                                  "(behind hasattr() where 3.22 lacks it)")
            elif func.attr == "width" and isinstance(func.value, ast.Call) and _called_name(func.value) in (
                    "fontMetrics", "QFontMetrics", "QFontMetricsF"):
                self.report(node, "QFontMetrics.width() is removed in Qt6 -> horizontalAdvance()")
        elif isinstance(func, ast.Name) and func.id == "QVariant" and func.id in self.bound and not node.args:
            self.report(node, "QVariant() as NULL -> qgis.core.NULL")
        self.generic_visit(node)

    def visit_Subscript(self, node):
        if isinstance(node.value, ast.Attribute) and node.value.attr == "activated" \
                and isinstance(node.slice, ast.Name) and node.slice.id == "str":
            self.report(node, "activated[str] is removed in Qt6 -> textActivated")
        self.generic_visit(node)

    def visit_Attribute(self, node):
        chain, base = [], node
        while isinstance(base, ast.Attribute):
            chain.append(base.attr)
            base = base.value
        if isinstance(base, ast.Name) and base.id in self.bound:
            self._resolve(node, base.id, list(reversed(chain)))
        else:
            self.generic_visit(node)  # e.g. self.x.y, call().attr: look inside for Qt names

    def _resolve(self, node, name: str, chain: list):
        module, attr = self.bound[name]
        obj = self.resolver.module(module)
        if obj is None:
            return
        if attr is not None:
            obj = getattr(obj, attr, None)
            if obj is None:
                return
        text = name
        for member in chain:
            try:
                value = getattr(obj, member)
            except Exception:
                return  # a name this QGIS does not have (guarded by hasattr elsewhere) or an instance attr
            if _is_enum_member(value) and isinstance(obj, type) and type(value) is not obj:
                if name == "QVariant" or text.endswith("QVariant"):
                    if self.guarded:
                        return
                    self.report(node, f"{text}.{member}: QVariant's type enum is gone in Qt6 -> "
                                      "gis.field_types (QMetaType.Type on QGIS ≥ 3.38)")
                else:
                    self.report(node, f"unscoped enum {text}.{member} -> {_enum_path(obj, text, member, value)}")
                return
            if isinstance(obj, type) and isinstance(value, type) and value.__module__.startswith("PyQt5"):
                scoped = self.resolver.flags_of(obj).get(value)
                if scoped:
                    self.report(node, f"QFlags class {text}.{member} is gone in PyQt6 -> {text}.{scoped}")
                    return
            obj, text = value, f"{text}.{member}"


def python_files(paths):
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.py") if "__pycache__" not in p.parts)
        elif path.suffix == ".py":
            yield path


def check_source(source: str, path: str = "<snippet>", resolver: Resolver | None = None) -> list:
    """(path, line, text) findings for one file's source."""
    resolver = resolver or Resolver()
    tree = ast.parse(source, filename=path)
    resolver.deprecated({n.func.attr for n in ast.walk(tree)  # all of the file's names in one pass
                         if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)})
    checker = FileCheck(path, source, resolver)
    checker.visit(tree)
    return checker.findings


def main(argv=None) -> int:
    paths = (argv if argv is not None else sys.argv[1:]) or ["sozialraum_plugin"]
    resolver, findings, files = Resolver(), [], 0
    for path in python_files(paths):
        files += 1
        findings += check_source(path.read_text(encoding="utf-8"), str(path), resolver)
    for path, line, text in findings:
        print(f"{path}:{line}: {text}")
    print(f"qt6_check: {len(findings)} finding(s) in {files} files", file=sys.stderr)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
