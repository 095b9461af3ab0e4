"""Indicators: a small declarative description plus the arithmetic behind it.

An :class:`Indicator` says *what* a column means (label, unit, direction of need) and, for
derived indicators, *how* it is computed from counts (rate = numerator / denominator × scale)
or as a change between two years. The description round-trips through JSON (``to_dict`` /
``from_dict``) so report definitions can store it.

Rules kept throughout:

* a rate with a missing, zero or negative denominator is NaN, never ``inf``;
* a change between two years of a rate is a difference in *percentage points* (for ‰: per-mille
  points), not a relative change;
* the scale of a rate follows its unit (:func:`unit_scale`): ``%`` → 100, ``‰`` → 1000,
  ``je 1.000 EW`` / ``per 1,000`` → 1000;
* ``direction = +1`` means "higher value = more need", ``-1`` the reverse, ``0`` no direction (a
  context indicator such as children or Kita places: shown and ranked by value, never called
  (un)favourable); every method that combines indicators multiplies by the direction first (0
  counts as +1 there: :attr:`Indicator.need_direction`), so that afterwards higher = more need.

The same object travels from the report definition through the algorithms (their ``INDICATORS``
parameter, ``to_dict`` as JSON) to the pages: label, unit, decimals, direction, kind with its counts,
the city value's method, an own threshold of the publication rule and the context flag.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields
from dataclasses import field as dc_field
from typing import Any, Iterable, Mapping, Sequence, Union

import numpy as np
import pandas as pd

from ..errors import MethodError

KINDS = ("rate", "count", "value")
DIRECTIONS = (1, -1, 0)
#: How a profile page's city value is formed: auto = pooled from the counts where known, else the median.
CITY_METHODS = ("auto", "rate", "weighted", "median", "mean")
#: Template for year-specific columns of an indicator with ``change_between``.
YEAR_COLUMN = "{name}_{year}"
#: A column name holding this placeholder names its year columns itself (``{year}_Anzahl``, or
#: ``{year}`` for a table whose columns are the bare years).
YEAR_PLACEHOLDER = "{year}"
#: Default scale per unit, used when a rate does not say otherwise.
UNIT_SCALES = {"%": 100.0, "‰": 1000.0}
_PERCENT_POINTS = re.compile(r"^(pp\.?|prozentpunkte?|percentage points?|%-?punkte?)$", re.IGNORECASE)
_PER_NUMBER = re.compile(r"(?:\bje\b|\bpro\b|\bper\b|/)\s*(\d[\d.,'\s\u00a0\u202f]*)", re.IGNORECASE)


def _percent_scale(text: str) -> float | None:
    """1000 for a per-mille unit, 100 for a percent unit, None otherwise: the sign may stand
    anywhere (``Anteil in %``, ``(%)``, ``in ‰`` as German tables head their columns)."""
    lower = text.lower()
    if "‰" in text or "promille" in lower or "per mille" in lower:
        return 1000.0
    if "%" in text or "prozent" in lower or "percent" in lower or _PERCENT_POINTS.match(text):
        return 100.0
    return None


def unit_scale(unit: str | None) -> float:
    """The factor a proportion is multiplied by to be printed in ``unit``.

    ``%``, ``Anteil in %``, ``Prozent``, ``%-Pkt.``, ``Pp.`` (a change in points) → 100; ``‰``,
    ``Promille`` → 1000; ``je 1.000 EW``, ``per 1,000``, ``pro 100.000`` → the number (thousands
    marks of either language); else 1.
    """
    text = str(unit or "").strip()
    percent = _percent_scale(text)
    if percent is not None:
        return percent
    match = _PER_NUMBER.search(text)
    if match:
        digits = re.sub(r"\D", "", match.group(1))
        if digits and int(digits) > 0:
            return float(digits)
    return 1.0


@dataclass
class Indicator:
    """Declarative description of one indicator column.

    ``id`` is the output column name (and the input column for ``kind='value'``/``'count'``).
    For ``kind='rate'`` the value is ``numerator / denominator * scale``. With
    ``change_between=(y0, y1)`` the indicator is the change from year ``y0`` to ``y1`` of that
    value; the year columns are found through ``YEAR_COLUMN`` (e.g. ``alo_2019``, ``ew_2021``),
    or through a ``{year}`` placeholder in the name (``{year}_Anzahl``, ``{year}``). ``base``
    names the columns a change of a value or count compares (default: ``id``), so that the
    change can get a name of its own (``d_quote`` from ``quote_2019`` and ``quote_2021``).

    What the pages need: ``decimals`` (None: 0 for a count, 1 otherwise), ``city_method``
    (:data:`CITY_METHODS`), ``threshold`` (the publication rule's threshold for this indicator's
    counts; None: the report's), ``context`` (shown and ranked, never a finding). A ``kind='value'``
    with ``numerator`` and ``denominator`` is a published share whose counts are known: its city
    value is pooled from them and the rule hides it with its numerator.
    """

    id: str
    label: str = ""
    unit: str = ""
    direction: int = 1
    kind: str = "value"
    numerator: str | None = None
    denominator: str | None = None
    scale: float | None = None
    change_between: tuple[int, int] | None = None
    source: str = ""
    description: str = ""
    extra: dict[str, Any] = dc_field(default_factory=dict)
    base: str | None = None
    share: bool | None = None  # None: a rate in % or ‰ is a share; False for ratios such as places per child
    decimals: int | None = None  # None: 0 for a count, 1 otherwise
    city_method: str = "auto"
    threshold: float | None = None  # the rule's threshold for its counts (None: the report's)
    context: bool = False  # context, not need (Kita places per child): shown and ranked, never a finding
    of: str | None = None  # the column read (its base name where tables come per year); ``base`` spelt anew

    def __post_init__(self) -> None:
        if not self.label:
            self.label = self.id
        self._check_types()
        if self.of is not None:  # "of" is how a definition names the column; "base" is kept for old files
            if not isinstance(self.of, str) or not self.of.strip():
                raise MethodError("of_invalid", column=self.id, value=self.of)
            if self.kind == "rate":
                raise MethodError("of_with_rate", column=self.id)
            if self.base and self.base != self.of:
                raise MethodError("of_and_base", column=self.id, of=self.of, base=self.base)
            self.base = self.of
        if self.direction not in DIRECTIONS or isinstance(self.direction, bool):
            raise MethodError("indicator_value_invalid", column=self.id, name="direction", value=self.direction,
                              expected="+1 (higher = more need), -1 (lower = more need) or 0 (no direction)")
        self.direction = int(self.direction)
        if self.kind not in KINDS:
            raise MethodError("kind_invalid", column=self.id, value=self.kind, kinds=", ".join(KINDS))
        if self.kind == "rate" and not (self.numerator and self.denominator):
            raise MethodError("rate_needs_counts", column=self.id)
        if self.share is not None and not isinstance(self.share, bool):
            raise MethodError("share_invalid", column=self.id, value=self.share)
        if self.scale is None:
            self.scale = unit_scale(self.unit) if self.kind == "rate" else 1.0
        if not (isinstance(self.scale, (int, float)) and np.isfinite(self.scale) and self.scale > 0):
            raise MethodError("scale_invalid", column=self.id, value=self.scale)
        if self.change_between is not None:
            years = tuple(self.change_between)
            if len(years) != 2 or years[0] == years[1]:
                raise MethodError("change_years_invalid", column=self.id, years=years)
            if not all(isinstance(y, int) and not isinstance(y, bool) for y in years):
                raise MethodError("change_years_invalid", column=self.id, years=years)
            self.change_between = (years[0], years[1])
        elif any(YEAR_PLACEHOLDER in name for name in self._names()):
            raise MethodError("year_placeholder_without_change", column=self.id)
        if self.decimals is None:
            self.decimals = 0 if self.kind == "count" else 1

    def _check_types(self) -> None:
        """Each page field of the right type, named when not: INDICATORS and definitions are
        written by hand."""
        def bad(name: str, expected: str):
            return MethodError("indicator_value_invalid", column=self.id, name=name,
                               value=getattr(self, name), expected=expected)

        for name in ("label", "unit", "source", "description"):
            if not isinstance(getattr(self, name), str):
                raise bad(name, "a text")
        for name in ("numerator", "denominator", "base"):
            if getattr(self, name) == "":
                setattr(self, name, None)  # an empty entry is none
            if getattr(self, name) is not None and not isinstance(getattr(self, name), str):
                raise bad(name, "a column name")
        if self.decimals is not None and (isinstance(self.decimals, bool) or not isinstance(self.decimals, int)
                                          or not 0 <= self.decimals <= 6):
            raise bad("decimals", "a whole number from 0 to 6")
        if self.city_method not in CITY_METHODS:
            raise bad("city_method", ", ".join(CITY_METHODS))
        if self.threshold is not None and (isinstance(self.threshold, bool) or not isinstance(
                self.threshold, (int, float)) or not np.isfinite(self.threshold) or self.threshold < 0):
            raise bad("threshold", "a number of 0 or more")
        if not isinstance(self.context, bool):
            raise bad("context", "true or false")
        if not isinstance(self.extra, dict):
            raise bad("extra", "an object")

    @property
    def need_direction(self) -> int:
        """The direction for methods that combine indicators (index, clusters): 0 counts as +1."""
        return self.direction or 1

    @property
    def is_count(self) -> bool:
        """Shown as a count: compared per resident, hidden below the threshold. A change of counts
        is a change (+2 is no small number), not a count."""
        return self.kind == "count" and self.change_between is None

    @property
    def counts(self) -> tuple[str, str] | None:
        """(numerator, denominator) a pooled city value divides: a rate's, or a published share's
        whose counts are named; None for a change (its counts are year columns)."""
        if self.numerator and self.denominator and self.change_between is None:
            return self.numerator, self.denominator
        return None

    @property
    def rate_scale(self) -> float:
        """The factor of a rate pooled from :attr:`counts`: a rate's own scale, a published share's
        the one of its unit."""
        return float(self.scale) if self.kind == "rate" else unit_scale(self.unit)

    def _names(self) -> list[str]:
        """The column names (or name templates) the indicator reads."""
        if self.kind == "rate":
            return [self.numerator, self.denominator]
        return [self.base or self.id]

    @property
    def derived(self) -> bool:
        """Computed from other columns (a rate or a change), not read as it is."""
        return self.kind == "rate" or self.change_between is not None

    @property
    def is_share(self) -> bool:
        """A part of its denominator, so the numerator can never exceed it: a rate in %, ‰ or their
        points unless ``share`` says otherwise (a Kita coverage of 110 % is a ratio, not a share)."""
        if self.kind != "rate":
            return False
        if self.share is not None:
            return bool(self.share)
        return _percent_scale(str(self.unit or "").strip()) is not None  # as the scale reads the unit

    def year_column(self, name: str, year: int | None) -> str:
        """The column of ``name`` for ``year`` (``name`` itself without a year)."""
        if year is None:
            return name
        if YEAR_PLACEHOLDER in name:
            return name.replace(YEAR_PLACEHOLDER, str(year))
        return YEAR_COLUMN.format(name=name, year=year)

    def inputs(self) -> list[tuple[int | None, str, str]]:
        """``(year, role, column)`` of every column read: role is numerator, denominator or value."""
        roles = ["numerator", "denominator"] if self.kind == "rate" else ["value"]
        years = list(self.change_between) if self.change_between else [None]
        return [(year, role, self.year_column(name, year))
                for year in years for role, name in zip(roles, self._names())]

    @property
    def field(self) -> str:
        """The column name (alias of ``id``; reads better where a layer field is meant)."""
        return self.id

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict (tuples become lists)."""
        data = asdict(self)
        if self.of is not None:  # written once, as "of"
            data["base"] = None
        if self.change_between is not None:
            data["change_between"] = list(self.change_between)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Indicator:
        """Inverse of :meth:`to_dict`; unknown keys are kept in ``extra`` (forward compatible), and
        a known one found in ``extra`` (``threshold`` saved by an older version) is taken from there."""
        known = {f.name for f in fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in known}
        unknown = {k: v for k, v in data.items() if k not in known}
        if unknown:
            kwargs["extra"] = {**dict(kwargs.get("extra") or {}), **unknown}
        if isinstance(kwargs.get("extra"), dict):
            lifted = {k: v for k, v in kwargs["extra"].items() if k in known and k != "extra"}
            kwargs["extra"] = {k: v for k, v in kwargs["extra"].items() if k not in lifted}
            kwargs.update({k: v for k, v in lifted.items() if k not in kwargs})
        if kwargs.get("change_between") is not None:
            kwargs["change_between"] = tuple(kwargs["change_between"])
        return cls(**kwargs)

    def compute(self, frame: pd.DataFrame) -> pd.Series:
        """The indicator's values for every row of ``frame`` (float, NaN where undefined)."""
        if self.change_between is None:
            return self._value(frame, None)
        start, end = self.change_between
        return change_points(self._value(frame, start), self._value(frame, end))

    def _value(self, frame: pd.DataFrame, year: int | None) -> pd.Series:
        def col(name: str) -> pd.Series:
            return numeric_column(frame, self.year_column(name, year))

        if self.kind == "rate":
            return rate(col(self.numerator), col(self.denominator), self.scale)
        return col(self.base or self.id).rename(self.id)


IndicatorLike = Union[Indicator, str]


def as_indicators(items: Iterable[IndicatorLike] | IndicatorLike) -> list[Indicator]:
    """Accept indicators or bare field names (direction +1) and return indicators."""
    if isinstance(items, (str, Indicator)):
        items = [items]
    return [item if isinstance(item, Indicator) else Indicator(id=str(item)) for item in items]


def numeric_column(frame: pd.DataFrame, column: str) -> pd.Series:
    """``frame[column]`` as float; empty text counts as missing, other text is an error.

    Why strict: a silently coerced "1.234,5" would become NaN and quietly drop an area from the
    reference population.
    """
    if column not in frame.columns:
        raise MethodError("field_not_found", column=column, columns=", ".join(map(str, frame.columns)))
    raw = frame[column]
    if pd.api.types.is_bool_dtype(raw):
        return raw.astype(float)
    if pd.api.types.is_numeric_dtype(raw):
        return raw.astype(float)
    text = raw.where(~raw.map(lambda v: isinstance(v, str) and not v.strip()), None)
    values = pd.to_numeric(text, errors="coerce").astype(float)
    bad = values.isna() & text.notna()
    if bad.any():
        row = bad.idxmax()
        raise MethodError("field_not_numeric", column=column, row=row, value=raw.loc[row])
    return values


def numeric_frame(frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """Several columns through :func:`numeric_column`, in the given order."""
    return pd.DataFrame({c: numeric_column(frame, c) for c in columns}, index=frame.index)


def _series(values: Any, index: pd.Index | None = None) -> pd.Series:
    """Float Series from a Series (index kept) or array-like (given index or 0 … n−1)."""
    if isinstance(values, pd.Series):
        return values.astype(float)
    return pd.Series(values, dtype=float, index=index)


def rate(numerator: Any, denominator: Any, scale: float = 100.0) -> pd.Series:
    """``numerator / denominator * scale``; NaN (never inf) where the denominator is ≤ 0 or missing."""
    num = _series(numerator)
    den = _series(denominator, num.index)
    safe = den.where(den > 0)  # NaN for 0, negative and missing: no inf, no sign flip
    return num / safe * float(scale)


def change_points(earlier: Any, later: Any) -> pd.Series:
    """Change from ``earlier`` to ``later`` as a plain difference (percentage points for rates)."""
    a = _series(earlier)
    return _series(later, a.index) - a


def relative_change(earlier: Any, later: Any, scale: float = 100.0) -> pd.Series:
    """Relative change in % of the earlier value; NaN where the earlier value is 0 or missing."""
    a = _series(earlier)
    return (_series(later, a.index) - a) / a.where(a != 0) * float(scale)


def direction_corrected(values: Any, direction: int) -> Any:
    """Multiply by the direction so that afterwards higher = more need."""
    if direction not in (1, -1):
        raise MethodError("direction_invalid", column=getattr(values, "name", "?"), value=direction)
    return values * direction


def compute_indicators(frame: pd.DataFrame, indicators: Iterable[IndicatorLike]) -> pd.DataFrame:
    """One float column per indicator (named by ``id``), computed from ``frame``."""
    inds = as_indicators(indicators)
    return pd.DataFrame({ind.id: ind.compute(frame) for ind in inds}, index=frame.index)


def oriented(frame: pd.DataFrame, indicators: Iterable[IndicatorLike]) -> pd.DataFrame:
    """The indicator columns of ``frame`` as float, each multiplied by its direction."""
    inds = as_indicators(indicators)
    return pd.DataFrame(
        {ind.id: direction_corrected(numeric_column(frame, ind.id), ind.need_direction) for ind in inds},
        index=frame.index,
    )
