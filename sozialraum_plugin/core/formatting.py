"""Numbers as German (and English) reports print them: ``1.234,5``, ``31,4 %``, ``1,9×``.

Pure helpers, no Qt. Rounding is commercial (half up, as statistical offices publish), done on
the shortest decimal text of the float so that ``4.25`` becomes ``4,3`` and not ``4,2``.
A missing or suppressed value is never printed as ``0`` or ``nan``: callers pass ``None``/NaN
and get ``MISSING`` back, or print ``SUPPRESSED`` themselves.
"""
from __future__ import annotations

import math
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .errors import QT_TRANSLATE_NOOP
from .language import as_words, lang_of

MINUS = "\u2212"  # typographic minus: '−3,2' reads better than '-3,2' and is what print uses
SUPPRESSED = "·"  # same symbol as core.publish.disclosure.SUPPRESSED_SYMBOL
MISSING = QT_TRANSLATE_NOOP("Numbers", "no data")
#: Unit of a difference: a change of a percentage is in percentage points.
POINT_UNITS = {"%": QT_TRANSLATE_NOOP("Numbers", "pp"), "‰": QT_TRANSLATE_NOOP("Numbers", "‰ pts")}
_MARKS = {"de": (",", "."), "en": (".", ",")}  # (decimal, thousands)


def missing_text(lang="de") -> str:
    """'no data' in the output language; ``lang`` is a language code or a words object."""
    return as_words(lang).translate("Numbers", MISSING)


def is_missing(value) -> bool:
    """None, NaN, inf or something that is not a number at all."""
    if value is None:
        return True
    try:
        return not math.isfinite(float(value))
    except (TypeError, ValueError):
        return True


def _rounded(value: float, decimals: int) -> Decimal:
    try:
        exact = Decimal(repr(float(value)))
        return exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    except InvalidOperation:  # pragma: no cover - guarded by is_missing
        return Decimal(0)


def format_number(value, decimals: int = 1, *, lang: str = "de", sign: bool = False,
                  thousands: bool = True) -> str:
    """``1234.56`` → ``1.234,6`` (de) / ``1,234.6`` (en); missing → 'no data' in the language.

    ``lang`` is 'de' / 'en' or a words object (its ``lang`` gives the marks)."""
    if is_missing(value):
        return missing_text(lang)
    dec_mark, thou_mark = _MARKS.get(lang_of(lang), _MARKS["de"])
    number = _rounded(value, max(int(decimals), 0))
    negative = number < 0
    number = abs(number)
    whole, _, frac = f"{number:f}".partition(".")
    if thousands and len(whole) > 3:
        groups = []
        while len(whole) > 3:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        whole = thou_mark.join([whole] + groups)
    text = whole + (dec_mark + frac if frac else "")
    if number == 0:  # no '−0,0' and no '+0,0'
        return text
    if negative:
        return MINUS + text
    return "+" + text if sign else text


def with_unit(number_text: str, unit: str) -> str:
    """Join a number and its unit with a space ('31,4 %', '3.419 EW'); no unit, no space."""
    return f"{number_text} {unit}" if unit else number_text


def format_value(value, unit: str = "", decimals: int = 1, *, lang: str = "de", sign: bool = False) -> str:
    """``31,4 %``; with ``sign`` a change or score also shows its plus: ``+0,4 Pp.``."""
    if is_missing(value):
        return missing_text(lang)
    return with_unit(format_number(value, decimals, lang=lang, sign=sign), unit)


def difference_unit(unit: str, lang: str = "de") -> str:
    """The unit of a difference of values in ``unit``: % → Pp., otherwise the unit itself."""
    return as_words(lang).translate("Numbers", POINT_UNITS[unit]) if unit in POINT_UNITS else unit


def format_difference(value, unit: str = "", decimals: int = 1, *, lang: str = "de") -> str:
    """Signed difference: ``+3,2 Pp.``, ``−120 EW``."""
    if is_missing(value):
        return missing_text(lang)
    return with_unit(format_number(value, decimals, lang=lang, sign=True), difference_unit(unit, lang))


def format_ratio(value, *, lang: str = "de") -> str:
    """``1.94`` → ``1,9×``; two decimals below 0.1 so small ratios do not read as ``0,0×``."""
    if is_missing(value):
        return missing_text(lang)
    decimals = 2 if abs(float(value)) < 0.1 else 1
    return format_number(value, decimals, lang=lang) + "×"


def format_int(value, *, lang: str = "de") -> str:
    return format_number(value, 0, lang=lang)


def format_date(day: date, *, lang: str = "de") -> str:
    return day.strftime("%d.%m.%Y") if lang_of(lang) == "de" else day.isoformat()

