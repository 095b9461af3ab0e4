"""The profile table's text size: the template's, or smaller where the number columns leave the
indicator names too little room. A parent column beside counts with their unit ('169 Personen' in
four columns) cut the names to 'Auslä…', 'Jugen…', 'Kinde…', and the rows could not be told apart."""
from __future__ import annotations

from .profile_page import TABLE_PT, column_widths, text_width_mm

MIN_PT = 6.5  # below this the page is no longer read comfortably in print
NAME_ROOM = 30.0  # mm at TABLE_PT the names get at least (where they need it): 'Ausländeranteil' whole


def table_size(family: str, headers: dict, columns: dict, labels) -> tuple:
    """``(size in pt, column widths)``: TABLE_PT, or half a point smaller at a time until the names
    have their room (their longest width, at most NAME_ROOM scaled with the size) or MIN_PT is reached."""
    size = TABLE_PT
    while True:
        widths = column_widths(family, headers, columns, size=size)
        longest = max((text_width_mm(family, size, str(t)) for t in labels), default=0.0) + 1.0
        if widths["label"] >= min(longest, NAME_ROOM * size / TABLE_PT) or size <= MIN_PT:
            return size, widths
        size -= 0.5
