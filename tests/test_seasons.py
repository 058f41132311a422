"""Seasons: which days they hold, the settings that judge a day and a window (majority of its
days), which season wins where two overlap, and the diagnostics of seasons that cannot be."""

from __future__ import annotations

import datetime as dt
from types import MappingProxyType

from smmplan.model import (
    Channel,
    ChannelOverride,
    Pillar,
    PillarOverride,
    Position,
    Season,
    Settings,
)
from smmplan.seasons import (
    in_season,
    season_problems,
    seasons_on,
    settings_for_window,
    settings_on,
)

D = dt.date
PLAN = Settings(
    pillars=MappingProxyType({"hard-sell": Pillar("hard-sell", 0.15, 0.20),
                              "education": Pillar("education", 0.40)}),
    channels=MappingProxyType({"x": Channel("x", "x", "X", per_day=(2, 5))}))
RAMADAN = Season("ramadan-1448", "Ramadan 1448 H", D(2027, 2, 8), D(2027, 3, 9),
                 pillars=MappingProxyType({"hard-sell": PillarOverride(0.10, 0.15,
                                                                       ("target", "max"))}),
                 channels=MappingProxyType({"x": ChannelOverride(per_day=(1, 3),
                                                                 keys=("per_day",))}),
                 pos=MappingProxyType({"end": Position("guidelines/rules.yml", 9, 10)}))
GAJIAN = Season("gajian", "Gajian", days_of_month=(25, 26, 27, 28, 29, 30, 31, 1),
                pillars=MappingProxyType({"hard-sell": PillarOverride(max=0.30, keys=("max",))}))


def test_a_range_and_days_of_month() -> None:
    assert RAMADAN.contains(D(2027, 2, 8)) and RAMADAN.contains(D(2027, 3, 9))
    assert not RAMADAN.contains(D(2027, 2, 7)) and not RAMADAN.contains(D(2027, 3, 10))
    assert [d.day for d in GAJIAN.days(D(2027, 2, 20), D(2027, 3, 3))] == [25, 26, 27, 28, 1]
    assert in_season([RAMADAN, GAJIAN], "gajian", D(2026, 12, 31))
    assert not in_season([RAMADAN, GAJIAN], "ramadan-1448", D(2026, 12, 31))


def test_overrides_replace_only_the_keys_the_season_sets() -> None:
    inside = settings_on(PLAN, [RAMADAN], D(2027, 2, 20))
    assert inside.pillars["hard-sell"] == Pillar("hard-sell", 0.10, 0.15)
    assert inside.pillars["education"] == PLAN.pillars["education"]
    assert inside.channels["x"].per_day == (1, 3)
    assert settings_on(PLAN, [RAMADAN], D(2027, 3, 10)) is PLAN
    payday = settings_on(PLAN, [GAJIAN], D(2026, 12, 25))
    assert payday.pillars["hard-sell"] == Pillar("hard-sell", 0.15, 0.30)  # target kept


def test_the_dated_season_wins_over_days_of_month_where_both_hold() -> None:
    assert seasons_on([GAJIAN, RAMADAN], D(2027, 2, 25)) == (GAJIAN, RAMADAN)
    both = settings_on(PLAN, [GAJIAN, RAMADAN], D(2027, 2, 25))
    assert both.pillars["hard-sell"].max == 0.15
    assert season_problems([GAJIAN, RAMADAN], PLAN) == []


def test_a_window_is_judged_by_the_majority_of_its_days() -> None:
    # 2027-W06 is 8..14 February: all Ramadan
    assert settings_for_window(PLAN, [RAMADAN], D(2027, 2, 8), D(2027, 2, 14)
                               ).pillars["hard-sell"].max == 0.15
    # 2027-W05 (1..7 February) holds no Ramadan day; W10 (8..14 March) two of seven
    assert settings_for_window(PLAN, [RAMADAN], D(2027, 3, 8), D(2027, 3, 14)) is PLAN
    # 2027-W09 (1..7 March): all seven in Ramadan
    assert settings_for_window(PLAN, [RAMADAN], D(2027, 3, 1), D(2027, 3, 7)
                               ).pillars["hard-sell"].max == 0.15
    # February 2027: 21 of 28 days in Ramadan; March: 9 of 31, so the plan's settings
    assert settings_for_window(PLAN, [RAMADAN], D(2027, 2, 1), D(2027, 2, 28)
                               ).pillars["hard-sell"].max == 0.15
    assert settings_for_window(PLAN, [RAMADAN], D(2027, 3, 1), D(2027, 3, 31)) is PLAN
    # four days of seven: the season; three: not
    edge = Season("e", "E", D(2027, 2, 4), D(2027, 2, 28),
                  pillars=MappingProxyType({"hard-sell": PillarOverride(max=0.5, keys=("max",))}))
    assert settings_for_window(PLAN, [edge], D(2027, 2, 1), D(2027, 2, 7)
                               ).pillars["hard-sell"].max == 0.5
    late = Season("l", "L", D(2027, 2, 5), D(2027, 2, 28), pillars=edge.pillars)
    assert settings_for_window(PLAN, [late], D(2027, 2, 1), D(2027, 2, 7)) is PLAN


def test_a_tie_goes_to_the_season() -> None:
    half = Season("h", "H", D(2027, 2, 15), D(2027, 2, 28),
                  pillars=MappingProxyType({"hard-sell": PillarOverride(max=0.5, keys=("max",))}))
    assert settings_for_window(PLAN, [half], D(2027, 2, 1), D(2027, 2, 28)
                               ).pillars["hard-sell"].max == 0.5


def test_bad_seasons_are_smm007_at_their_key() -> None:
    backwards = Season("b", "B", D(2027, 3, 9), D(2027, 2, 8), pos=RAMADAN.pos)
    zero = Season("z", "Z", days_of_month=(0, 15),
                  pos=MappingProxyType({"days_of_month[0]": Position("guidelines/rules.yml",
                                                                     12, 24)}))
    empty = Season("n", "N")
    unknown = Season("u", "U", days_of_month=(1,),
                     channels=MappingProxyType({"tiktok": ChannelOverride(per_day=(1, 1),
                                                                          keys=("per_day",))}))
    found = [(d.code, d.line, d.column, d.message)
             for d in season_problems([backwards, zero, empty, unknown], PLAN)]
    assert found == [
        ("SMM007", 9, 10, "season 'b' ends (2027-02-08) before it starts (2027-03-09)"),
        ("SMM007", 12, 24, "season 'z': day of month 0 is not between 1 and 31"),
        ("SMM007", 1, 1, "season 'n' has neither start/end nor days_of_month"),
        ("SMM006", 1, 1, "season 'u' overrides unknown channel 'tiktok'"),
    ]


def test_overlapping_seasons_of_one_kind_that_contradict_are_smm007() -> None:
    promo = Season("promo", "Promo", D(2027, 3, 1), D(2027, 3, 20),
                   pillars=MappingProxyType({"hard-sell": PillarOverride(0.30, 0.40,
                                                                         ("target", "max"))}),
                   pos=MappingProxyType({"name": Position("guidelines/rules.yml", 20, 5),
                                         "pillars.hard-sell.target":
                                             Position("guidelines/rules.yml", 22, 7)}))
    (problem,) = season_problems([RAMADAN, promo], PLAN)
    assert (problem.code, problem.line) == ("SMM007", 22)
    assert problem.message == ("seasons 'ramadan-1448' and 'promo' both hold 2027-03-01 and set "
                               "pillars.hard-sell.max, pillars.hard-sell.target differently")
    # apart, or agreeing, they are fine
    apart = Season("apart", "A", D(2027, 4, 1), D(2027, 4, 9), pillars=promo.pillars)
    same = Season("same", "S", D(2027, 3, 1), D(2027, 3, 20), pillars=RAMADAN.pillars)
    assert season_problems([RAMADAN, apart, same], PLAN) == []
    twice = Season("twice", "T", days_of_month=(1, 2), pillars=promo.pillars)
    (clash,) = season_problems([GAJIAN, twice], PLAN)
    assert "both hold day 1 of every month" in clash.message
