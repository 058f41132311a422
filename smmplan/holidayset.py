"""The plan's holidays (SPEC §7.1): a country's holidays in the chosen categories, with the
plan's own additions and removals, named in the plan's language.

``holidays:`` in rules.yml is a country code or a mapping::

    holidays:
      country: ID
      categories: [public, government]   # for ID, government (cuti bersama) is the default too
      add: [{date: 2027-03-09, name: Cuti bersama Hari Suci Nyepi}]
      remove: [2027-12-24]

:func:`holidays_in_year` is the one lookup that grids, SMM406, ``skip: [holidays]`` and the
holidays feed read (through :mod:`smmplan.calendar`), so an addition or removal takes effect
everywhere at once. :func:`holiday_problems` reports what in the setting cannot be right.
Dates the ``holidays`` package only estimates (Islamic holidays of coming years, whose day
depends on the sighting of the moon) keep its label, "(perkiraan)" or "(estimated)", and are
flagged ``estimated``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from .diagnostics import Diagnostic, diag
from .model import HolidaySettings, Position

#: The ``holidays`` package's language codes to try, per plan language.
LANGUAGES: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "en": ("en_US", "en_GB", "en"), "id": ("id",)})


@dataclass(frozen=True)
class Holiday:
    """One day off, as the plan sees it."""

    day: dt.date
    name: str
    """In the plan's language where the package has it; several holidays on one day are joined
    by ``, ``. An estimated date keeps the package's label ("(perkiraan)")."""
    categories: tuple[str, ...] = ("public",)
    """The package's categories it comes from, or ``("added",)`` for the plan's own."""
    estimated: bool = False


# --- the package, asked once per country, year and language ------------------------------------

def known_country(country: str) -> bool:
    import holidays as holidays_lib

    return country.upper() in holidays_lib.list_supported_countries()


def supported_categories(country: str) -> tuple[str, ...]:
    import holidays as holidays_lib

    try:
        return tuple(holidays_lib.country_holidays(country.upper()).supported_categories)
    except NotImplementedError:
        return ()


@lru_cache(maxsize=256)
def _package_year(country: str, categories: tuple[str, ...], language: str,
                  year: int) -> Mapping[dt.date, Holiday]:
    import holidays as holidays_lib

    code = country.upper()
    try:
        probe = holidays_lib.country_holidays(code)
    except NotImplementedError:  # reported by holiday_problems
        return MappingProxyType({})
    usable = tuple(c for c in categories if c in probe.supported_categories)
    if not usable:
        return MappingProxyType({})
    chosen = next((c for c in LANGUAGES.get(language, ()) if c in probe.supported_languages),
                  None)
    out: dict[dt.date, Holiday] = {}
    for category in usable:
        named = holidays_lib.country_holidays(code, years=year, language=chosen,
                                              categories=(category,))
        # the same calendar without the "(estimated)" label tells which dates are estimates;
        # a country without Islamic holidays has no such option, and no estimates
        try:
            plain = holidays_lib.country_holidays(code, years=year, language=chosen,
                                                  categories=(category,),
                                                  islamic_show_estimated=False)
        except (TypeError, ValueError):
            plain = named
        for day in named:
            names = sorted(named.get_list(day))
            estimated = names != sorted(plain.get_list(day))
            if day in out:
                had = out[day]
                out[day] = Holiday(day, ", ".join(sorted({*had.name.split(", "), *names})),
                                   (*had.categories, category), had.estimated or estimated)
            else:
                out[day] = Holiday(day, ", ".join(names), (category,), estimated)
    return MappingProxyType(dict(sorted(out.items())))


def package_holidays(settings: HolidaySettings, language: str,
                     year: int) -> Mapping[dt.date, Holiday]:
    """The country's holidays in ``year`` in the chosen categories, before add and remove."""
    if not settings.country:
        return MappingProxyType({})
    return _package_year(settings.country, settings.chosen_categories(), language, year)


@lru_cache(maxsize=256)
def holidays_in_year(settings: HolidaySettings, language: str,
                     year: int) -> Mapping[dt.date, Holiday]:
    """The plan's holidays in ``year``: the package's, less ``remove``, plus ``add`` (an added
    name on a day that already is a holiday is shown beside the package's)."""
    found = dict(package_holidays(settings, language, year))
    for removed in settings.remove:
        if removed.day.year == year:
            found.pop(removed.day, None)
    for added in settings.add:
        if added.day.year != year:
            continue
        had = found.get(added.day)
        if had is None:
            found[added.day] = Holiday(added.day, added.name, ("added",))
        elif added.name not in had.name.split(", "):
            found[added.day] = Holiday(added.day, f"{had.name}, {added.name}",
                                       (*had.categories, "added"), had.estimated)
    return MappingProxyType(dict(sorted(found.items())))


def holidays_between(settings: HolidaySettings, language: str, first: dt.date,
                     last: dt.date) -> Iterator[Holiday]:
    """The plan's holidays from ``first`` to ``last`` (inclusive), in order."""
    for year in range(first.year, last.year + 1):
        for day, holiday in holidays_in_year(settings, language, year).items():
            if first <= day <= last:
                yield holiday


def feed_span(today: dt.date) -> tuple[dt.date, dt.date]:
    """The days the holidays feed covers: the whole current and next calendar year."""
    return dt.date(today.year, 1, 1), dt.date(today.year + 1, 12, 31)


# --- what cannot be right ----------------------------------------------------------------------

def holiday_problems(settings: HolidaySettings, language: str = "en") -> list[Diagnostic]:
    """SMM007 for an unknown country or category; warnings for an ``add`` on a day that already
    is a holiday, a ``remove`` of a day that is none, and the same day added or removed twice."""
    out: list[Diagnostic] = []
    country = settings.country
    if country and not known_country(country):
        out.append(diag("SMM007", f"'holidays' country {country!r} is not one the holidays "
                        "package knows", settings.at,
                        help="use an ISO 3166 alpha-2 code such as ID, MY, SG or US"))
        return out
    if country and settings.categories is not None:
        supported = supported_categories(country)
        for category in settings.categories:
            if category not in supported:
                out.append(diag("SMM007", f"'holidays.categories': {country.upper()} has no "
                                f"category {category!r}", settings.categories_at or settings.at,
                                help="one of: " + ", ".join(supported)))
    out.extend(_twice((a.day, a.at) for a in settings.add))
    out.extend(_twice((r.day, r.at) for r in settings.remove))
    removed = {r.day for r in settings.remove}
    for added in settings.add:
        had = package_holidays(settings, language, added.day.year).get(added.day)
        if had is not None and added.day not in removed:
            out.append(diag("SMM007", f"'holidays.add': {added.day} already is a holiday "
                            f"({had.name}); both names are shown", added.at,
                            severity="warning",
                            help="drop the entry, or also `remove` the day to rename it"))
    for gone in settings.remove:
        if gone.day not in package_holidays(settings, language, gone.day.year):
            out.append(diag("SMM007", f"'holidays.remove': {gone.day} is no holiday of "
                            f"{(country or '-').upper()} in categories "
                            f"{', '.join(settings.chosen_categories())}; nothing to remove",
                            gone.at, severity="warning",
                            help="check the date; removing changes nothing"))
    return out


def _twice(entries: Iterable[tuple[dt.date, Position]]) -> Iterator[Diagnostic]:
    seen: set[dt.date] = set()
    for day, at in entries:
        if day in seen:
            yield diag("SMM007", f"{day} is listed twice", at, severity="warning")
        seen.add(day)
