"""Core error and report codes in the user's language.

The English templates live in ``core.errors.MESSAGES``, marked for pylupdate5 under the context
"Messages"; here they are looked up in the installed translation and filled in.
"""
from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication

from ..core.errors import MESSAGES, SozialraumError


def template(code: str, words=None) -> str:
    """The message of ``code`` in the UI language, or in the language of ``words`` (an output)."""
    english = MESSAGES.get(code)
    if english is None:
        return code
    if words is not None:
        return words.translate("Messages", english)
    return QCoreApplication.translate("Messages", english)


def format_code(code: str, params: dict, words=None) -> str:
    text = template(code, words)
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):  # a translation that names a parameter wrongly
        try:
            return MESSAGES.get(code, code).format(**params)
        except (KeyError, IndexError, ValueError):
            return f"{text} {params}"


def user_message(error: SozialraumError) -> str:
    return format_code(error.code, error.params)
