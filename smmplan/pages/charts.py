"""Charts as inline SVG, drawn at build time: no script, no CDN, so the site works offline.

Colours come from the page (``currentColor`` and Material's CSS variables, with fallbacks), so a
chart follows the light and the dark (``slate``) palette. Series differ by dash pattern and
marker shape as well as colour, and are labelled directly, so no legend and no colour vision is
needed. Every chart has a title for screen readers; the pages put the same figures in a table
next to it. Values arrive rounded (one rounding, :mod:`smmplan.metrics.analysis`); here they only
become lengths.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from .html import h

#: series colours: link colour (readable on either palette), text colour, accent
COLOURS = ("var(--md-typeset-a-color, #4051b5)", "currentColor",
           "var(--md-accent-fg-color, #526cfe)")
DASHES = ("", "6 3", "2 3", "8 3 2 3")
MARKERS = ("circle", "square", "triangle", "diamond")

@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[Decimal | None]
    """One value per x label; None where there is none (a gap in the line)."""


def _style(i: int) -> tuple[str, str, str]:
    # 3 colours and 4 dashes/markers: the first 12 series all look different
    return COLOURS[i % len(COLOURS)], DASHES[i % len(DASHES)], MARKERS[i % len(MARKERS)]


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" style="fill:{colour}"/>'
    if shape == "square":
        return (f'<rect x="{x - 3.5:.1f}" y="{y - 3.5:.1f}" width="7" height="7" '
                f'style="fill:{colour}"/>')
    if shape == "triangle":
        return (f'<path d="M{x:.1f} {y - 4.5:.1f}L{x + 4:.1f} {y + 3:.1f}L{x - 4:.1f} '
                f'{y + 3:.1f}Z" style="fill:{colour}"/>')
    return (f'<path d="M{x:.1f} {y - 4.5:.1f}L{x + 4.5:.1f} {y:.1f}L{x:.1f} {y + 4.5:.1f}'
            f'L{x - 4.5:.1f} {y:.1f}Z" style="fill:{colour}"/>')


def _svg(title: str, width: int, height: int, body: list[str], kind: str) -> str:
    # named by its content, so the same plan gives the same page (no counter across builds)
    ident = "smm-chart-" + hashlib.sha1((title + "".join(body)).encode()).hexdigest()[:12]
    return (f'<svg class="smm-chart smm-chart-{kind}" role="img" aria-labelledby="{ident}" '
            f'viewBox="0 0 {width} {height}" preserveAspectRatio="xMinYMin meet" '
            f'xmlns="http://www.w3.org/2000/svg"><title id="{ident}">{h(title)}</title>'
            + "".join(body) + "</svg>")


def _plain(value: Decimal) -> Decimal:
    """``value`` without trailing zeros and never in exponent form (10, not 1E+1)."""
    text = f"{value:f}"
    return Decimal(text.rstrip("0").rstrip(".") if "." in text else text)


def _nice_max(top: Decimal) -> Decimal:
    """The smallest of 1, 2, 2.5, 5 x 10^k at or above ``top`` (a readable axis end)."""
    if top <= 0:
        return Decimal(1)
    scale = Decimal(1)
    while scale * 10 <= top:
        scale *= 10
    while scale > top:
        scale /= 10
    for step in (1, 2, Decimal("2.5"), 5, 10):
        if scale * step >= top:
            return scale * step
    return scale * 10


def line_chart(title: str, labels: Sequence[str], series: Sequence[Series],
               fmt: Callable[[Decimal], str]) -> str:
    """Lines of ``series`` over the x ``labels`` (e.g. months), labelled at their last point."""
    width, height, left, right, top, bottom = 640, 260, 48, 120, 16, 36
    plot_w, plot_h = width - left - right, height - top - bottom
    values = [v for s in series for v in s.values if v is not None]
    ymax = _nice_max(max(values, default=Decimal(0)))
    step = plot_w / max(len(labels) - 1, 1)

    def x(i: int) -> float:
        return left + (i * step if len(labels) > 1 else plot_w / 2)

    def y(v: Decimal) -> float:
        return top + plot_h - float(v / ymax) * plot_h

    body = []
    for k in range(5):
        tick = ymax * k / 4
        yy = y(tick)
        body.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{yy:.1f}" y2="{yy:.1f}" '
                    'stroke="currentColor" stroke-opacity="0.15"/>')
        body.append(f'<text x="{left - 6}" y="{yy + 4:.1f}" text-anchor="end" font-size="11" '
                    f'fill="currentColor">{h(fmt(_plain(tick)))}</text>')
    for i, label in enumerate(labels):
        body.append(f'<text x="{x(i):.1f}" y="{height - bottom + 18}" text-anchor="middle" '
                    f'font-size="11" fill="currentColor">{h(label)}</text>')
    for i, s in enumerate(series):
        colour, dash, marker = _style(i)
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        runs: list[list[tuple[float, float]]] = [[]]
        for j, v in enumerate(s.values):
            if v is None:
                runs.append([])
            else:
                runs[-1].append((x(j), y(v)))
        body.append(f'<g class="smm-series" data-series="{h(s.name)}">')
        for run in runs:
            if len(run) > 1:
                points = " ".join(f"{px:.1f},{py:.1f}" for px, py in run)
                body.append(f'<polyline points="{points}" fill="none" stroke-width="2"'
                            f'{dash_attr} style="stroke:{colour}"/>')
        last = None
        for j, v in enumerate(s.values):
            if v is not None:
                body.append(f'<g><title>{h(s.name)}, {h(labels[j])}: {h(fmt(v))}</title>'
                            f'{_marker(marker, x(j), y(v), colour)}</g>')
                last = (x(j), y(v), v)
        if last is not None:
            body.append(f'<text x="{last[0] + 8:.1f}" y="{last[1] + 4:.1f}" font-size="11" '
                        f'style="fill:{colour}">{h(s.name)} {h(fmt(last[2]))}</text>')
        body.append("</g>")
    return _svg(title, width, height, body, "line")


def bar_chart(title: str, rows: Sequence[tuple[str, Sequence[Decimal | None]]],
              names: Sequence[str], fmt: Callable[[Decimal], str]) -> str:
    """Horizontal bars: for each row (e.g. a pillar), one bar per measure in ``names``."""
    bar, gap, left, width = 12, 10, 110, 640
    per_row = len(names) * bar + gap
    height = 24 + len(rows) * per_row
    values = [v for _, vs in rows for v in vs if v is not None]
    xmax = _nice_max(max(values, default=Decimal(0)))
    plot_w = width - left - 70
    body = []
    for k, name in enumerate(names):
        colour = COLOURS[k % len(COLOURS)]
        body.append(f'<rect x="{left + k * 150}" y="4" width="10" height="10" '
                    f'style="fill:{colour}"/><text x="{left + k * 150 + 14}" y="13" '
                    f'font-size="11" fill="currentColor">{h(name)}</text>')
    for i, (label, vs) in enumerate(rows):
        y0 = 24 + i * per_row
        body.append(f'<text x="{left - 6}" y="{y0 + len(names) * bar / 2 + 4:.1f}" '
                    f'text-anchor="end" font-size="11" fill="currentColor">{h(label)}</text>')
        for k, v in enumerate(vs):
            colour = COLOURS[k % len(COLOURS)]
            yy = y0 + k * bar
            length = float(v / xmax) * plot_w if v is not None else 0.0
            text = fmt(v) if v is not None else "–"
            body.append(f'<rect class="smm-bar-{k}" x="{left}" y="{yy}" width="{length:.1f}" '
                        f'height="{bar - 2}" style="fill:{colour}"><title>{h(label)}, '
                        f'{h(names[k])}: {h(text)}</title></rect>')
            body.append(f'<text x="{left + length + 4:.1f}" y="{yy + bar - 3}" font-size="10" '
                        f'fill="currentColor">{h(text)}</text>')
    return _svg(title, width, height, body, "bars")


def heat_map(title: str, rows: Sequence[str], cells: Mapping[tuple[int, int],
             tuple[Decimal, int]], fmt: Callable[[Decimal, int], str]) -> str:
    """A weekday x hour grid: ``cells[(row, hour)] = (rate, posts)``; darker is higher. Cells
    without a value stay empty."""
    cell, left, top = 22, 40, 18
    width, height = left + 24 * cell + 4, top + len(rows) * cell + 4
    top_rate = max((r for r, _ in cells.values()), default=Decimal(0))
    body = []
    for hour in range(0, 24, 3):
        body.append(f'<text x="{left + hour * cell + cell / 2:.0f}" y="12" font-size="10" '
                    f'text-anchor="middle" fill="currentColor">{hour:02d}</text>')
    # a faint grid instead of 168 outlined cells
    for r in range(len(rows) + 1):
        y = top + r * cell
        body.append(f'<line x1="{left}" x2="{left + 24 * cell}" y1="{y}" y2="{y}" '
                    'stroke="currentColor" stroke-opacity="0.12"/>')
    for hour in range(25):
        x = left + hour * cell
        body.append(f'<line x1="{x}" x2="{x}" y1="{top}" y2="{top + len(rows) * cell}" '
                    'stroke="currentColor" stroke-opacity="0.12"/>')
    for r, label in enumerate(rows):
        y = top + r * cell
        body.append(f'<text x="{left - 6}" y="{y + cell / 2 + 4:.0f}" font-size="11" '
                    f'text-anchor="end" fill="currentColor">{h(label)}</text>')
        for hour in range(24):
            found = cells.get((r, hour))
            if found is None:
                continue
            rate, posts = found
            strength = 0.15 + 0.85 * float(rate / top_rate) if top_rate else 0.15
            body.append(f'<rect class="smm-heat" x="{left + hour * cell + 1}" y="{y + 1}" '
                        f'width="{cell - 2}" height="{cell - 2}" fill-opacity="{strength:.2f}" '
                        f'style="fill:{COLOURS[0]}"><title>{h(label)} {hour:02d}:00 '
                        f'{h(fmt(rate, posts))}</title></rect>')
    return _svg(title, width, height, body, "heat")
