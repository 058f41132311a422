"""Cell text <-> values: the date habits of Indonesian spreadsheets, lists in one cell, and the
escaping that keeps a cell from being evaluated as a formula.

Formula cells: a CSV holds text, so nothing here could execute a formula; but a cell that still
starts with ``=`` is one whose value the spreadsheet did not save (or a DDE payload such as
``=cmd|' /C calc'!A0``). Its text is not what the team meant to publish, so import refuses the
cell (SMM003) rather than writing the formula into a caption. ``export csv`` writes every cell a
spreadsheet would evaluate (first character ``=`` ``+`` ``-`` ``@``, tab or CR) behind a ``'``,
the mark spreadsheets themselves use for "this is text", and import takes exactly one such
``'`` off again, so that a round trip gives back the same text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

#: First characters that make a spreadsheet evaluate a cell (OWASP "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ESCAPED = re.compile(r"^'+[=+\-@\t\r]")
# ``+``/``-``/``@`` are ordinary starts of text ("- 2 cangkir", "@kopisenja"); only these
# shapes are formulas: a function call, a DDE link or a cell reference (``@Sheet1!A1``).
_FORMULA = re.compile(r"^(?:=|[+\-@][ \t]*[A-Za-z_][A-Za-z0-9_.]*[ \t]*"
                      r"(?:\(|\||![$]?[A-Za-z]{1,3}[$]?[0-9]))")

MONTHS = {
    **{m: i for i, m in enumerate(
        ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus",
         "september", "oktober", "november", "desember"), 1)},
    **{m: i for i, m in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august",
         "september", "october", "november", "december"), 1)},
    **{m: i for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "mei", "jun", "jul", "agu", "sep", "okt", "nov", "des"), 1)},
    **{m: i for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)},
    "agt": 8, "ags": 8, "sept": 9, "nop": 11,
}
DAYS = {
    **{d: i for i, d in enumerate(("senin", "selasa", "rabu", "kamis", "jumat", "sabtu",
                                   "minggu"))},
    **{d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday",
                                   "saturday", "sunday"))},
    **{d: i for i, d in enumerate(("sen", "sel", "rab", "kam", "jum", "sab", "min"))},
    **{d: i for i, d in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))},
    "jum'at": 4, "ahad": 6,
}
#: Indonesia's three time zones, as written after a time ("19.30 WIB").
ZONES = {"wib": "+07:00", "wita": "+08:00", "wit": "+09:00"}

_TIME = r"(?P<hour>[0-9]{1,2})[:.](?P<minute>[0-9]{2})(?:[:.](?P<second>[0-9]{2}))?" \
        r"(?:[ \t]*(?P<ampm>[ap]\.?m\.?))?(?:[ \t]*(?P<zone>wib|wita|wit))?"
_NUMERIC = re.compile(
    r"^(?:(?P<y1>[0-9]{4})[-/.](?P<m1>[0-9]{1,2})[-/.](?P<d1>[0-9]{1,2})"
    r"|(?P<d2>[0-9]{1,2})[-/.](?P<m2>[0-9]{1,2})[-/.](?P<y2>[0-9]{4}))"
    rf"(?:(?:[ \t]+|[Tt]|,[ \t]*)(?:pukul[ \t]+|jam[ \t]+)?{_TIME})?$", re.IGNORECASE)
_WORDS = re.compile(
    r"^(?:[a-z']+,?[ \t]+)?(?P<d>[0-9]{1,2})[ \t]+(?P<month>[a-z]+)\.?[ \t]+(?P<y>[0-9]{4})"
    rf"(?:(?:[ \t]+|,[ \t]*)(?:pukul[ \t]+|jam[ \t]+)?{_TIME})?$", re.IGNORECASE)
_TIME_ONLY = re.compile(rf"^(?:pukul[ \t]+|jam[ \t]+)?{_TIME}$", re.IGNORECASE)
_ISO_OFFSET = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9:.]+(?:[Zz]|[-+][0-9:]+)$")
_SPLIT = re.compile(r"[,;/+&\n]|\s+(?:dan|and)\s+", re.IGNORECASE)
_LIST_SPLIT = re.compile(r"[,;\n]")


def unescape(text: str) -> str:
    """Undo export's formula escaping: one leading ``'`` before a formula character."""
    return text[1:] if text.startswith("'") and _ESCAPED.match(text) else text


def escape(text: str) -> str:
    """A cell a spreadsheet shows as the text itself: ``'`` before a formula character (and
    before text that already starts so, so that :func:`unescape` is its exact inverse)."""
    if text.startswith(FORMULA_START) or (text.startswith("'") and _ESCAPED.match(text)):
        return "'" + text
    return text


def formula(text: str) -> bool:
    """Whether the cell holds a spreadsheet formula rather than text."""
    return _FORMULA.match(text) is not None


def split_channels(text: str) -> list[str]:
    """``IG + FB``, ``Instagram, X``, ``ig/fb/x``, ``IG dan FB``: the names, in order."""
    return [part.strip() for part in _SPLIT.split(text) if part.strip()]


def split_list(text: str) -> list[str]:
    """Personas, tags, media: one per line when the cell has several lines, else separated by
    ``,`` or ``;``."""
    parts = text.split("\n") if "\n" in text else _LIST_SPLIT.split(text)
    return [part.strip() for part in parts if part.strip()]


def join_list(items: Sequence[str]) -> str:
    """The cell :func:`split_list` reads back as ``items`` (items are trimmed)."""
    if not any("," in i or ";" in i for i in items):
        return ", ".join(items)
    return "\n".join(items) + ("\n" if len(items) == 1 else "")  # one per line, even for one


def when_text(date_cell: str, time_cell: str) -> tuple[str, bool] | str:
    """The front-matter ``date`` of a row (``YYYY-MM-DD[ HH:MM[:SS]]``, with an offset when the
    cell names WIB/WITA/WIT or one), and whether it came from the time column; or why not.

    Read day first, as Indonesia writes dates: ``25/12/2026 19.30``, ``25-12-2026``,
    ``5/1/2027``, ``25 Desember 2026``, ``Jumat, 25 Des 2026 pukul 19.30``, ``2026-12-25``.
    """
    raw = date_cell.strip()
    clock = time_cell.strip()
    if _ISO_OFFSET.match(raw) and not clock:
        return raw, False  # ISO 8601 with an offset: the loader reads it as it is
    m = _NUMERIC.match(raw) or _WORDS.match(raw)
    if m is None:
        return (f"{raw!r} is not a date; write it as DD/MM/YYYY (25/12/2026), optionally with "
                "a time (25/12/2026 19.30)")
    g = m.groupdict()
    if "month" in g:
        month = MONTHS.get(g["month"].casefold())
        if month is None:
            return f"{raw!r}: {g['month']!r} is not a month"
        year, day = int(g["y"]), int(g["d"])
    elif g["y1"]:
        year, month, day = int(g["y1"]), int(g["m1"]), int(g["d1"])
    else:
        year, month, day = int(g["y2"]), int(g["m2"]), int(g["d2"])
    try:
        date = dt.date(year, month, day)
    except ValueError:
        if not 1 <= month <= 12:
            return f"{raw!r} is not a date: there is no month {month} (dates are read day first)"
        return f"{raw!r} is not a date: {_month_name(month)} {year} has no day {day}"
    if g["hour"] is not None and clock:
        return f"{raw!r} already holds a time, and the time column says {clock!r}"
    from_time = False
    if g["hour"] is None and clock:
        t = _TIME_ONLY.match(clock)
        if t is None:
            return f"{clock!r} is not a time; write it as HH.MM or HH:MM (19.30)"
        g, from_time = t.groupdict(), True
    if g["hour"] is None:
        return date.isoformat(), False
    hour, minute, second = int(g["hour"]), int(g["minute"]), int(g["second"] or 0)
    if g["ampm"]:
        if not 1 <= hour <= 12:
            return f"{clock or raw!r} is not a time: {hour} with am/pm"
        hour = hour % 12 + (12 if g["ampm"].lower().startswith("p") else 0)
    if hour > 23 or minute > 59 or second > 59:
        return f"{clock or raw!r} is not a time of day"
    text = f"{date.isoformat()} {hour:02d}:{minute:02d}" + (f":{second:02d}" if second else "")
    if g["zone"]:
        text = text.replace(" ", "T") + ZONES[g["zone"].lower()]
    return text, from_time


def weekday(text: str) -> int | None:
    """The day a name means (Monday 0), in Indonesian or English, full or short."""
    return DAYS.get(text.strip().rstrip(".").casefold())


def _month_name(month: int) -> str:
    return dt.date(2000, month, 1).strftime("%B")
