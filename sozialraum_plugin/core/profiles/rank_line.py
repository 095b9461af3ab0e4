"""The robust rank of a district on its profile page: 'Rang 12 von 536 (90-%-Intervall 8–17)' and
'Wahrscheinlichkeit höchste Bedarfsklasse: 83 %' (core/needs/robust.py computes them).

Shown only where the district has a rank and nothing of it is hidden: a district outside the
index's reference (below the minimum population, excluded, incomplete) has none; one whose index
the publication rule hides (``hidden``: the report's markers) shows none either; nor does one the
page's own population rule leaves without values (``valid`` False).
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from ..errors import QT_TRANSLATE_NOOP
from ..formatting import format_int, format_value
from ..language import as_words

#: The fields of sozialraum:needindex's uncertainty option, in the order RANK_FIELDS takes them.
DEFAULT_FIELDS = ("rank", "rank_low", "rank_high", "p_top")
RANK_TEXT = QT_TRANSLATE_NOOP("Profile", "Rank {rank} of {n} (90 % interval {low}–{high})")
NBSP = "\u00a0"
TOP_TEXT = QT_TRANSLATE_NOOP("Profile", "probability of the highest need class: {p}")
#: What p_top is of, by needindex's TOP_CLASS: the page must not call the two highest classes 'the highest'.
TOP_TEXTS = {"highest": TOP_TEXT,
             "two_highest": QT_TRANSLATE_NOOP("Profile", "probability of the two highest need classes: {p}"),
             "top_tenth": QT_TRANSLATE_NOOP("Profile", "probability of the highest tenth of the index: {p}")}


def _numbers(frame: pd.DataFrame, name: str) -> np.ndarray:
    return pd.to_numeric(frame[name], errors="coerce").to_numpy(dtype=float)


def rank_lines(frame: pd.DataFrame, fields: Sequence[str], valid=None, hidden: pd.DataFrame | None = None,
               lang="de", top_class: str = "highest") -> list[str]:
    """Per district the two lines (joined by a line break), '' where no rank may be shown.

    ``fields``: the nominal rank, the interval's low and high end, the probability (0–1) of the
    top class, as columns of ``frame``. The n of "Rank r of n" counts every ranked district (the
    ranking's own n; hidden ranks count, as they did in the ranking)."""
    words = as_words(lang)
    rank, low, high, p_top = (_numbers(frame, f) for f in fields)
    shown = np.isfinite(rank) & np.isfinite(low) & np.isfinite(high) & np.isfinite(p_top)
    n = ranked_count(frame, fields)
    if valid is not None:
        shown &= np.asarray(valid, dtype=bool)
    if hidden is not None:
        for name in fields:
            if name in hidden.columns:
                shown &= ~hidden[name].reindex(frame.index, fill_value=False).to_numpy(dtype=bool)
    first, second = words.translate("Profile", RANK_TEXT), words.translate("Profile", TOP_TEXTS[top_class])
    lines = []
    for i in range(len(frame)):
        if not shown[i]:
            lines.append("")
            continue
        text = first.format(rank=format_int(rank[i], lang=words), n=format_int(n, lang=words),
                            low=format_int(low[i], lang=words), high=format_int(high[i], lang=words))
        probability = second.format(p=format_value(100 * p_top[i], "%", 0, lang=words).replace(" ", NBSP))
        lines.append(f"{_keep(text)}\n{probability[:1].upper()}{_keep(probability, last=True)[1:]}")
    return lines


def ranked_count(frame: pd.DataFrame, fields: Sequence[str]) -> int:
    """The n of 'Rank r of n': every ranked district. On a published layer the ranks the rule hides
    are NULL (the page said 'Rang 536 von 517'): needindex's ``valid`` field (its ranked areas) counts
    them, and no n is below a rank or interval end of the layer."""
    rank, high = _numbers(frame, fields[0]), _numbers(frame, fields[2])
    n = max(int(np.isfinite(rank).sum()), int(np.nanmax(np.concatenate([rank, high, [0.0]]))))
    if "valid" in frame.columns and tuple(fields) == DEFAULT_FIELDS:
        n = max(n, int(sum(v is True or str(v).lower() in ("true", "1") for v in frame["valid"])))
    return n


def _keep(text: str, last: bool = False) -> str:
    """The interval on a line of its own, and no line break between the last word and the number: a
    badge about 70 mm wide broke 'Rang 289 von 536 (90-%-Intervall 279–297)' after the dash."""
    if not last:
        return text.replace(" (", "\n(", 1)
    head, _, tail = text.rpartition(" ")
    return f"{head}{NBSP}{tail}" if head else text
