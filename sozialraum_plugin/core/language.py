"""The output language: which words and number marks a map, page, table or report is written in.

Outputs follow a ``LANGUAGE`` setting (``de`` or ``en``; default: the QGIS locale), not the
language QGIS itself runs in. Source strings are English; the German words live in
``i18n/sozialraum_de.ts``. Core code has no Qt, so it receives a *words* object with
``lang`` (for :mod:`core.formatting`) and ``translate(context, text)`` (for texts, written as
literal calls so that pylupdate5 extracts them). Outside QGIS, :class:`PlainWords` gives English.
"""
from __future__ import annotations

from typing import Protocol

LANGUAGES = ("de", "en")
DEFAULT = "en"


class Words(Protocol):
    lang: str

    def translate(self, context: str, text: str) -> str: ...


class PlainWords:
    """English source strings as they are; ``lang`` still decides number marks."""

    def __init__(self, lang: str = DEFAULT):
        self.lang = lang

    def translate(self, context: str, text: str) -> str:  # noqa: ARG002 - same signature as Qt's
        return text


def language_code(value: str | None, fallback: str = DEFAULT) -> str:
    """'de_DE', 'de', 'German', '' → 'de' / 'en'; anything else → ``fallback`` (English)."""
    text = (value or "").strip().lower()
    if text.startswith(("de", "ger", "deu")):
        return "de"
    if text.startswith(("en", "eng")):
        return "en"
    return fallback


# A str ('de') given where words are expected: QGIS code registers its OutputWords here (at
# import of toolbelt.i18n), so a caller that still passes a language code gets the translated
# words; pure code and its tests get PlainWords (English words, the language's number marks).
_factory = PlainWords


def set_words_factory(factory) -> None:
    global _factory
    _factory = factory


def as_words(value=None) -> Words:
    """``value`` when it is a words object, else the words of the language code it names."""
    if hasattr(value, "translate") and hasattr(value, "lang"):
        return value
    return _factory(language_code(value) if value else DEFAULT)


def lang_of(value=None) -> str:
    """'de' / 'en' of a words object or a language code."""
    return value.lang if hasattr(value, "lang") else (language_code(value) if value else DEFAULT)
