"""Inline SVG drawings for the scorecard page: a bar per indicator, a trend line (private).

Drawings only. Coordinates are computed exactly (`Fraction`) and written rounded half-even to
0.1 unit of the drawing's view box; no coordinate is ever shown as a figure. Every figure a
reader sees is text next to the drawing, from the card's exact values; each drawing repeats
it in its `<title>` for screen readers and tooltips.

No `xmlns`, no `id`, no links: the SVG is inline HTML5, so a page needs neither a namespace
URL nor unique ids, and the same card always gives the same bytes.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

import attrs

from propstd._numbers import to_decimal
from propstd.money import Money
from propstd.rates import Rate, Target
from propstd.scorecards._model import Value

__all__: list[str] = []

BAR_WIDTH = 200
"""The view-box width of a bar (the bar is stretched to its box by CSS)."""
BAR_HEIGHT = 14
TREND_WIDTH = 120
"""The view-box width of a trend chart (drawn at this size in CSS pixels)."""
TREND_HEIGHT = 36
_PAD = 3
_TENTH = Fraction(1, 10)


def magnitude(value: Value | None) -> Fraction | None:
    """The number a drawing places: a rate's fraction, an amount, a count or points.

    `None` for no data, a rate of 0/0, or a decimal that is not finite.

    Examples:
        >>> magnitude(Rate(3, 4)), magnitude(Money("12.50", "CNY")), magnitude(7)
        (Fraction(3, 4), Fraction(25, 2), Fraction(7, 1))
        >>> magnitude(Rate(0, 0)) is None, magnitude(Decimal("NaN")) is None
        (True, True)
    """
    if value is None:
        return None
    if isinstance(value, Rate):
        return value.fraction
    if isinstance(value, Money):
        return Fraction(value.amount)
    if isinstance(value, Decimal) and not value.is_finite():
        return None
    return Fraction(value)


def _n(x: Fraction) -> str:
    # drawing only: a coordinate rounded to 0.1 view-box unit, never a figure shown as text
    return str(to_decimal(x, 1, "half_even"))


@attrs.frozen
class Scale:
    """A linear scale from `[lo, hi]` (figures) onto `[0, size]` (drawing units)."""

    lo: Fraction
    hi: Fraction

    @classmethod
    def around(cls, values: Sequence[Fraction]) -> Scale:
        """The smallest scale holding 0 and every one of *values* (one unit when all are 0)."""
        lo = min((Fraction(0), *values))
        hi = max((Fraction(0), *values))
        return cls(lo, hi if hi > lo else lo + 1)

    @classmethod
    def for_rates(cls, values: Sequence[Fraction]) -> Scale:
        """Whole tens of percent around *values* (at least 10 points wide)."""
        lo = Fraction(math.floor(min(values) * 10), 10)
        hi = Fraction(math.ceil(max(values) * 10), 10)
        if hi == lo:
            return cls(lo - _TENTH, hi) if lo > 0 else cls(lo, hi + _TENTH)
        return cls(lo, hi)

    def at(self, value: Fraction, size: int) -> Fraction:
        """Where *value* falls on a drawing *size* units long (clamped to the drawing)."""
        share = (value - self.lo) / (self.hi - self.lo)
        return min(max(share, Fraction(0)), Fraction(1)) * size


def _target_bounds(target: Target | None) -> tuple[Fraction, ...]:
    if target is None:
        return ()
    return tuple(b for b in (target.minimum, target.maximum) if b is not None)


def bar(
    value: Value,
    *,
    target: Target | None,
    reference: Value | None,
    history: Sequence[Value | None],
    css: str,
    label: str,
) -> str:
    """A horizontal bar of *value*: rates on a 0-100 % scale with the target's range shaded
    and its bounds marked; other figures from zero on a scale holding *history* (the
    indicator's trend) and *reference*, which is marked.

    *css* is the status class, *label* the figure in words (the SVG's title).
    """
    w = BAR_WIDTH
    parts = [f'<rect class="track" x="0" y="2" width="{w}" height="10"/>']
    if isinstance(value, Rate):
        scale = Scale(Fraction(0), Fraction(1))
        marks = _target_bounds(target)
        if target is not None and marks:
            low = scale.at(target.minimum or Fraction(0), w)
            high = Fraction(w) if target.maximum is None else scale.at(target.maximum, w)
            parts.append(_rect("band", low, high - low))
    else:
        ref = magnitude(reference)
        marks = () if ref is None else (ref,)
        known = [m for m in (magnitude(v) for v in (value, *history)) if m is not None]
        scale = Scale.around([*known, *marks])
        if scale.lo < 0:
            parts.append(_line("zero", scale.at(Fraction(0), w)))
    amount = magnitude(value)
    if amount is not None:
        start, end = scale.at(Fraction(0), w), scale.at(amount, w)
        parts.append(_rect("fill", min(start, end), abs(end - start)))
    parts += [_line("mark", scale.at(m, w)) for m in marks]
    return (
        f'<svg class="bar {css}" viewBox="0 0 {w} {BAR_HEIGHT}" preserveAspectRatio="none" '
        f'role="img"><title>{html.escape(label)}</title>{"".join(parts)}</svg>'
    )


def _rect(css: str, x: Fraction, width: Fraction) -> str:
    return f'<rect class="{css}" x="{_n(x)}" y="2" width="{_n(width)}" height="10"/>'


def _line(css: str, x: Fraction) -> str:
    return (
        f'<line class="{css}" x1="{_n(x)}" x2="{_n(x)}" y1="0" y2="{BAR_HEIGHT}" '
        'vector-effect="non-scaling-stroke"/>'
    )


def trend_points(trend: Sequence[Value | None], *, rates: bool) -> tuple[Fraction | None, ...]:
    """The drawable points of a trend: rates' fractions when *rates*, else the other figures
    (`None` where a month has no data, a rate 0/0 or a figure of the other kind)."""
    return tuple(
        magnitude(v) if v is not None and isinstance(v, Rate) is rates else None for v in trend
    )


def trend_scale(points: Sequence[Fraction | None], target: Target | None, *, rates: bool) -> Scale:
    """The vertical scale of a trend chart: whole tens of percent around the rates and the
    target's bounds, or zero to the largest figure."""
    known = [p for p in points if p is not None]
    if rates:
        return Scale.for_rates([*known, *_target_bounds(target)])
    return Scale.around(known)


def trend(
    points: Sequence[Fraction | None],
    scale: Scale,
    *,
    target: Target | None,
    css: str,
    label: str,
) -> str:
    """A small line chart of *points* (oldest first): gaps where a month has no point, the
    target's bounds dashed, the last month's point stressed."""
    w, h = TREND_WIDTH, TREND_HEIGHT
    step = Fraction(w - 2 * _PAD, max(len(points) - 1, 1))
    xy = [
        None if p is None else (_PAD + i * step, h - _PAD - scale.at(p, h - 2 * _PAD))
        for i, p in enumerate(points)
    ]
    parts = [f'<rect class="frame" x="0" y="0" width="{w}" height="{h}"/>']
    for bound in _target_bounds(target):
        if scale.lo <= bound <= scale.hi:
            y = _n(h - _PAD - scale.at(bound, h - 2 * _PAD))
            parts.append(f'<line class="goal" x1="0" x2="{w}" y1="{y}" y2="{y}"/>')
    for run in _runs(xy):
        if len(run) == 1:
            parts.append(_dot("dot", run[0], "1.5"))
        else:
            text = " ".join(f"{_n(x)},{_n(y)}" for x, y in run)
            parts.append(f'<polyline class="line" points="{text}"/>')
    last = [p for p in xy if p is not None]
    if last:
        parts.append(_dot("last", last[-1], "2.5"))
    return (
        f'<svg class="trend {css}" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img">'
        f"<title>{html.escape(label)}</title>{''.join(parts)}</svg>"
    )


def _dot(css: str, point: tuple[Fraction, Fraction], r: str) -> str:
    x, y = point
    return f'<circle class="{css}" cx="{_n(x)}" cy="{_n(y)}" r="{r}"/>'


def _runs(
    xy: Sequence[tuple[Fraction, Fraction] | None],
) -> list[list[tuple[Fraction, Fraction]]]:
    runs: list[list[tuple[Fraction, Fraction]]] = [[]]
    for p in xy:
        if p is None:
            runs.append([])
        else:
            runs[-1].append(p)
    return [r for r in runs if r]
