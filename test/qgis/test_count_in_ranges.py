"""count_in_ranges (numpy since P7 of issue 15) keeps the renderer's rule: the first range holding
a value wins, values in no range (NaN, outside) are not counted."""
import random

from sozialraum_plugin.gis.classify import count_in_ranges


def _loop(values, ranges):
    counts = [0] * len(ranges)
    for v in values:
        for i, (lo, hi) in enumerate(ranges):
            if lo <= v <= hi:
                counts[i] += 1
                break
    return counts


def test_first_range_wins_as_the_loop_did():
    rng = random.Random(3)
    for _ in range(500):
        lows = sorted(round(rng.uniform(-5, 5), 1) for _ in range(rng.randint(0, 6)))
        ranges = [(lo, lo + round(rng.uniform(0, 3), 1)) for lo in lows]  # shared edges and overlaps
        if rng.random() < 0.3:  # one class per value
            ranges = [(v, v) for v in sorted({float(round(rng.uniform(-3, 3))) for _ in range(4)})]
        values = [round(rng.uniform(-6, 6), 1) for _ in range(rng.randint(0, 30))] + [float("nan")]
        counts = count_in_ranges(values, ranges)
        assert counts == _loop(values, ranges) and all(type(c) is int for c in counts)


def test_edges_go_to_the_lower_class():
    ranges = [(-3.0, -1.5), (-1.5, 0.0), (0.0, 1.5), (1.5, 3.0)]
    assert count_in_ranges([-1.5, 0.0, 1.5, 3.0, 9.0], ranges) == [1, 1, 1, 1]
