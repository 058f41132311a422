"""Typed access to a loaded YAML mapping that reports, rather than raises, on bad values.

One :class:`Fields` wraps one mapping of one file; each getter returns a clean value or ``None``
and leaves a diagnostic at the exact position of the bad value.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Any, TypeVar

from .diagnostics import Diagnostic, diag
from .format.keys import ID_PATTERN, URL_PATTERN
from .model import Position
from .yamlpos import Doc, child_path

T = TypeVar("T")
ID_RE = re.compile(ID_PATTERN)
_URL = re.compile(URL_PATTERN, re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]")
_CONTROL_LINE = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")
_DURATION = re.compile(r"^\s*(?:(\d+)\s*w)?\s*(?:(\d+)\s*d)?\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m)?\s*$")
_DATE_ONLY = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
# ISO 8601 and YAML 1.1 timestamps; ASCII digits only (\d would take other scripts' digits)
_WHEN = re.compile(
    r"^(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})"
    r"(?:(?:[Tt]|[ \t]+)(?P<hour>[0-9]{1,2}):(?P<minute>[0-9]{2})"
    r"(?::(?P<second>[0-9]{2})(?:[.,](?P<fraction>[0-9]+))?)?"
    r"(?:[ \t]*(?P<tz>[Zz]|(?P<tz_sign>[-+])(?P<tz_hour>[0-9]{1,2})"
    r"(?::?(?P<tz_minute>[0-9]{2}))?))?"
    r")?$"
)
#: Dates outside these years are refused: they are typos, and date arithmetic near the ends of
#: Python's calendar (years 1 and 9999) would overflow in the rules.
MIN_YEAR, MAX_YEAR = 1900, 2999


def suggest(word: str, choices: Iterable[str]) -> str | None:
    """The closest of ``choices`` to a misspelt ``word``, if any is close."""
    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return found[0] if found else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    best = suggest(word, choices)
    return f"; did you mean '{best}'?" if best else ""


def default_id(stem: str) -> str:
    """SPEC §1: the stem, lower-cased, with runs of other characters turned into ``-``."""
    return re.sub(r"[^a-z0-9-]+", "-", stem.lower())


def check_text(value: str, single_line: bool) -> str | None:
    """Why ``value`` is not acceptable text, or None."""
    bad = (_CONTROL_LINE if single_line else _CONTROL).search(value)
    if bad is None:
        return None
    return f"contains the control character U+{ord(bad.group()):04X}"


#: The longest duration a plan may set: date arithmetic with more could leave the calendar.
MAX_DURATION = dt.timedelta(days=3660)


def parse_duration(raw: Any) -> dt.timedelta | None:
    """``3h``, ``2d``, ``1w``, ``90m``, ``1d12h``; None if not one or over :data:`MAX_DURATION`."""
    if not isinstance(raw, str):
        return None
    m = _DURATION.match(raw)
    if m is None or not any(m.groups()):
        return None
    w, d, h, mins = (int(g) if g else 0 for g in m.groups())
    try:
        got = dt.timedelta(weeks=w, days=d, hours=h, minutes=mins)
    except OverflowError:
        return None
    return got if got <= MAX_DURATION else None


def parse_share(raw: Any) -> float | None:
    """``"40%"`` or ``0.4`` -> 0.4; None if neither."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, str) and raw.strip().endswith("%"):
        try:
            value = float(raw.strip()[:-1]) / 100
        except ValueError:
            return None
    elif isinstance(raw, int | float):
        value = float(raw)
    else:
        return None
    return value if 0 <= value <= 1 else None


def parse_date(raw: Any) -> dt.date | None:
    """``YYYY-MM-DD`` (a real day, years 1900-2999) or None."""
    if isinstance(raw, str) and _DATE_ONLY.match(raw.strip()):
        try:
            day = dt.date.fromisoformat(raw.strip())
        except ValueError:
            return None
        return day if MIN_YEAR <= day.year <= MAX_YEAR else None
    return None


def parse_when(raw: Any, tz: dt.tzinfo) -> tuple[dt.datetime, bool] | str:
    """A post's ``date`` as (aware datetime in ``tz``, all-day), or why it cannot be read.

    Accepts ``YYYY-MM-DD`` (all day), ``YYYY-MM-DD HH:MM[:SS]``, ISO 8601 with ``T`` and/or an
    offset (``Z``, ``+07:00``), and YAML 1.1 timestamps (``2026-12-01 9:30:00.5 +7``).
    """
    if not isinstance(raw, str):
        return "must be a date like 2026-12-01 or a time like 2026-12-01 09:30"
    text = raw.strip()
    m = _WHEN.match(text)
    if m is None:
        return f"{text!r} is not a date; write it as YYYY-MM-DD HH:MM (plan timezone)"
    g = m.groupdict()
    try:
        day = dt.date(int(g["year"]), int(g["month"]), int(g["day"]))
        if g["hour"] is None:
            when = dt.datetime.combine(day, dt.time(0), tz)
        else:
            fraction = (g["fraction"] or "")[:6].ljust(6, "0")
            clock = dt.time(int(g["hour"]), int(g["minute"]), int(g["second"] or 0),
                            int(fraction))
            when = dt.datetime.combine(day, clock)
            if g["tz"] is None:
                problem = _local_time_problem(when, tz)
                if problem:
                    return f"{text!r} {problem}"
                when = when.replace(tzinfo=tz)
            else:
                when = when.replace(tzinfo=_offset(g)).astimezone(tz)
    except (ValueError, OverflowError) as exc:
        what = "date" if g["hour"] is None else "date and time"
        return f"{text!r} is not a real {what} ({exc})"
    if not MIN_YEAR <= when.year <= MAX_YEAR:
        return f"{text!r} is outside the years {MIN_YEAR}-{MAX_YEAR}"
    return when, g["hour"] is None


def _local_time_problem(naive: dt.datetime, tz: dt.tzinfo) -> str | None:
    """Why a wall-clock time cannot name one instant in ``tz``: it falls in the gap when clocks
    go forward, or twice in the hour when they go back. Pages would show one time and feeds
    another, so the plan must say which it means."""
    first, second = naive.replace(tzinfo=tz, fold=0), naive.replace(tzinfo=tz, fold=1)
    if first.utcoffset() == second.utcoffset():
        return None
    round_trip = first.astimezone(dt.UTC).astimezone(tz).replace(tzinfo=None)
    if round_trip != naive:
        return (f"does not exist in {tz}: the clocks skip it. Write the time after the change, "
                "or the intended UTC offset")
    offsets = " or ".join(_offset_text(x) for x in (first, second))
    return (f"happens twice in {tz} (the clocks go back). Add the offset you mean: {offsets}")


def _offset_text(when: dt.datetime) -> str:
    off = when.utcoffset() or dt.timedelta(0)
    sign = "-" if off < dt.timedelta(0) else "+"
    minutes = abs(int(off.total_seconds())) // 60
    return f"{when:%Y-%m-%dT%H:%M}{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _offset(g: dict[str, str | None]) -> dt.timezone:
    if g["tz"] in ("Z", "z"):
        return dt.UTC
    hours, minutes = int(g["tz_hour"] or 0), int(g["tz_minute"] or 0)
    if hours > 23 or minutes > 59:
        raise ValueError(f"UTC offset {g['tz']} out of range")
    delta = dt.timedelta(hours=hours, minutes=minutes)
    return dt.timezone(-delta if g["tz_sign"] == "-" else delta)


class LazyPositions(Mapping[str, Position]):
    """Read-only ``{key: Position}`` that makes a Position only when one is asked for: a plan
    has hundreds of thousands of values and diagnostics point at a few of them."""

    __slots__ = ("_file", "_offset", "_spots")

    def __init__(self, file: str, line_offset: int, spots: Mapping[str, tuple[int, int]]
                 ) -> None:
        self._file = file
        self._offset = line_offset
        self._spots = spots

    def __getitem__(self, key: str) -> Position:
        line, column = self._spots[key]
        return Position(self._file, line + 1 + self._offset, column + 1)

    def __contains__(self, key: object) -> bool:
        return key in self._spots

    def __iter__(self) -> Iterator[str]:
        return iter(self._spots)

    def __len__(self) -> int:
        return len(self._spots)

    def __repr__(self) -> str:
        return f"LazyPositions({dict(self)!r})"


class Fields:
    """Getters over the mapping at ``base`` of ``doc`` in file ``path``.

    ``line_offset`` is the file line of the document's first line minus one (front matter starts
    on line 2 of a post). ``bad`` is the code used for values of the wrong shape.
    """

    def __init__(self, doc: Doc, path: str, out: list[Diagnostic], *, bad: str,
                 line_offset: int = 0, base: str = "", post: str | None = None,
                 data: dict[str, Any] | None = None) -> None:
        self.doc = doc
        self.path = path
        self.out = out
        self.bad = bad
        self.line_offset = line_offset
        self.base = base
        self.post = post
        if data is None:
            value = doc.value
            for part in _split(base):
                value = value[part]
            data = value if isinstance(value, dict) else {}
        self.data: dict[str, Any] = data

    def sub(self, key: str) -> Fields:
        return Fields(self.doc, self.path, self.out, bad=self.bad, line_offset=self.line_offset,
                      base=self.path_of(key), post=self.post)

    def path_of(self, key: str | int) -> str:
        return child_path(self.base, key)

    def position(self, key: str | int | None = None, *, of_key: bool = False) -> Position:
        """Where the value (or the key) at ``key`` stands; the mapping itself if ``key`` is None."""
        path = self.base if key is None else self.path_of(key)
        table = self.doc.keys if of_key else self.doc.values
        spot = table.get(path) or self.doc.values.get(path) or self.doc.values.get(self.base)
        if spot is None:
            return Position(self.path, 1 + self.line_offset, 1)
        return Position(self.path, spot[0] + 1 + self.line_offset, spot[1] + 1)

    def positions(self, prefix: str = "") -> Mapping[str, Position]:
        """Positions of every value below this mapping, keyed relative to it (for the model)."""
        if not self.base and not prefix:
            return LazyPositions(self.path, self.line_offset, self.doc.values)
        start = self.base + "." if self.base else ""
        spots = {prefix + path[len(start):]: spot for path, spot in self.doc.values.items()
                 if not start or path.startswith(start)}
        return LazyPositions(self.path, self.line_offset, spots)

    def report(self, code: str, message: str, key: str | int | None = None, *,
               of_key: bool = False, help: str | None = None) -> None:
        self.out.append(diag(code, message, self.position(key, of_key=of_key), help=help,
                             post=self.post))

    def invalid(self, key: str | int, message: str, help: str | None = None) -> None:
        self.report(self.bad, f"'{self.label(key)}' {message}", key, help=help)

    def label(self, key: str | int) -> str:
        full = self.path_of(key)
        return full

    def unknown_keys(self, allowed: Iterable[str], code: str = "SMM004",
                     what: str = "key") -> None:
        allowed = list(allowed)
        if set(allowed).issuperset(self.data):  # the usual case, without a scan per key
            return
        for key in self.data:
            if key not in allowed:
                hint = did_you_mean(key, allowed)
                self.report(code, f"unknown {what} '{self.label(key)}'{hint}", key, of_key=True,
                            help=None if hint else "allowed: " + ", ".join(allowed))

    def require(self, key: str, code: str = "SMM002", what: str = "") -> bool:
        if key in self.data and self.data[key] is not None:
            return True
        where = self.position(key, of_key=True) if key in self.data else self.position()
        self.out.append(diag(code, f"missing required key '{self.label(key)}'{what}", where,
                             post=self.post))
        return False

    def text(self, key: str, *, single_line: bool = True, required: bool = False,
             required_code: str = "SMM002") -> str | None:
        if required and not self.require(key, required_code):
            return None
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool | dict | list):
            self.invalid(key, "must be text")
            return None
        value = str(value)
        problem = check_text(value, single_line)
        if problem:
            self.invalid(key, problem, help="remove invisible control characters from the text")
            return None
        return value

    def ident(self, key: str, *, required: bool = False) -> str | None:
        value = self.text(key, required=required)
        if value is not None and not ID_RE.match(value):
            self.invalid(key, f"{value!r} is not a valid id",
                         help="ids are lower-case letters, digits and dashes, e.g. 'kopi-launch'")
            return None
        return value

    def ident_list(self, key: str, *, allow_single: bool = True) -> tuple[str, ...]:
        """A list of ids (a single id is accepted as a list of one when ``allow_single``)."""
        value = self.data.get(key)
        if value is None:
            return ()
        if isinstance(value, list):
            items: list[tuple[str | int, Any]] = list(enumerate(value))
        elif allow_single and not isinstance(value, dict):
            items = [(key, value)]
        else:
            self.invalid(key, f"must be {'an id or ' * allow_single}a list of ids, "
                         f"not {kind_of(value)}")
            return ()
        out = []
        for at, item in items:
            if isinstance(item, bool | dict | list) or item is None:
                self._holder(key, value).invalid(at, f"must be an id, not {kind_of(item)}")
                continue
            if not ID_RE.match(str(item)):
                self._holder(key, value).invalid(
                    at, f"{item!r} is not a valid id",
                    help="ids are lower-case letters, digits and dashes")
                continue
            out.append(str(item))
        return tuple(out)

    def _holder(self, key: str, value: Any) -> Fields:
        """What reports on an item of the value at ``key``: its list, or this mapping for a
        single value. Made only when an item is bad: most lists have none."""
        return self.items(key) if isinstance(value, list) else self

    def text_list(self, key: str, *, allow_single: bool = False) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            return ()
        if allow_single and isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.invalid(key, "must be a list")
            return ()
        out = []
        for i, item in enumerate(value):
            if isinstance(item, dict | list) or item is None or isinstance(item, bool):
                self.items(key).invalid(i, "must be text")
                continue
            problem = check_text(str(item), True)
            if problem:
                self.items(key).invalid(i, problem)
                continue
            out.append(str(item))
        return tuple(out)

    def integer(self, key: str, *, minimum: int = 0, maximum: int | None = None) -> int | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum or \
                (maximum is not None and value > maximum):
            between = f"≥ {minimum}" if maximum is None else f"from {minimum} to {maximum}"
            self.invalid(key, f"must be a whole number {between}, not {value!r}")
            return None
        return value

    def choice(self, key: str, choices: Iterable[str]) -> str | None:
        value = self.data.get(key)
        if value is None:
            return None
        choices = list(choices)
        if not isinstance(value, str) or value not in choices:
            hint = did_you_mean(str(value), choices) if isinstance(value, str) else ""
            self.invalid(key, f"is {value!r}, not one of: {', '.join(choices)}{hint}")
            return None
        return value

    def date(self, key: str, *, required: bool = False, required_code: str = "SMM002"
             ) -> dt.date | None:
        if required and not self.require(key, required_code):
            return None
        return self._parsed(key, parse_date, "is not a real date; write YYYY-MM-DD "
                            f"(years {MIN_YEAR}-{MAX_YEAR})")

    def duration(self, key: str, *, positive: bool = False) -> dt.timedelta | None:
        """A duration; zero is refused when ``positive`` (where zero would mean nothing)."""
        got = self._parsed(key, parse_duration, f"is not a duration of at most "
                           f"{MAX_DURATION.days} days; write e.g. 90m, 3h, 2d or 1w")
        if positive and got is not None and not got:
            self.invalid(key, f"{self.data[key]!r} is zero; write a duration above zero, e.g. 1d")
            return None
        return got

    def range(self, key: str) -> tuple[int | None, int | None] | None:
        """``[min, max]`` (either may be null) or a single maximum."""
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return (None, value)
        if (isinstance(value, list) and len(value) == 2
                and all(v is None or (isinstance(v, int) and not isinstance(v, bool) and v >= 0)
                        for v in value)):
            low, high = value
            if low is not None and high is not None and low > high:
                self.invalid(key, f"minimum {low} is above maximum {high}")
                return None
            return (low, high)
        self.invalid(key, f"must be [min, max] or a single maximum, not {value!r}")
        return None

    def url(self, key: str) -> str | None:
        """A web or mail address (``https://``, ``http://``, ``mailto:``)."""
        link = self.text(key)
        if link is not None and not _URL.match(link):
            self.invalid(key, f"{link!r} is not a web address (https://...)")
            return None
        return link

    def free(self, key: str) -> Mapping[str, Any] | None:
        """A mapping kept as written."""
        section = self.mapping(key)
        return MappingProxyType(section.data) if section is not None else None

    def share(self, key: str) -> float | None:
        return self._parsed(key, parse_share, "is not a share; write e.g. 40% or 0.4")

    def _parsed(self, key: str, parse: Callable[[Any], T | None], why: str) -> T | None:
        """``parse`` of the value at ``key``; when it gives None, ``value why`` is reported."""
        value = self.data.get(key)
        if value is None:
            return None
        got = parse(value)
        if got is None:
            self.invalid(key, f"{value!r} {why}")
        return got

    def boolean(self, key: str) -> bool | None:
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, bool):
            self.invalid(key, "must be true or false")
            return None
        return value

    def mapping(self, key: str) -> Fields | None:
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.invalid(key, f"must be a mapping of keys to values, not {kind_of(value)}")
            return None
        return self.sub(key)

    def mappings(self, key: str, many: str, one: str) -> list[Fields]:
        """The mappings listed at ``key``; ``many`` / ``one`` say in the messages what the list
        and each item should be. Items that are not mappings are reported and left out."""
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.invalid(key, f"must be a list of {many}")
            return []
        items = self.items(key)
        out = []
        for i, spec in enumerate(value):
            if isinstance(spec, dict):
                out.append(Fields(self.doc, self.path, self.out, bad=self.bad,
                                  line_offset=self.line_offset, base=items.path_of(i),
                                  post=self.post, data=spec))
            else:
                items.invalid(i, f"must be a mapping {one}, not {kind_of(spec)}")
        return out

    def items(self, key: str) -> ListFields:
        """The list at ``key``, to report on its items by index."""
        return ListFields(self, key)


class ListFields(Fields):
    """Fields whose keys are the indexes of the list at ``key``; its ``data`` stays empty."""

    def __init__(self, parent: Fields, key: str) -> None:
        super().__init__(parent.doc, parent.path, parent.out, bad=parent.bad,
                         line_offset=parent.line_offset, base=parent.path_of(key),
                         post=parent.post, data={})


def kind_of(value: Any) -> str:
    """What a YAML value is, in words, with its article: ``a list``, ``a number``, ``text``."""
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if value is None:
        return "nothing"
    return "text"


def _split(path: str) -> list[str | int]:
    parts: list[str | int] = []
    for piece in re.findall(r"[^.\[\]]+|\[\d+\]", path):
        parts.append(int(piece[1:-1]) if piece.startswith("[") else piece)
    return parts
