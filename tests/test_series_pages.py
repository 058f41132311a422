"""Golden post pages (reviewed like code) for a recurring post and for a post with variants."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from smmplan.check import check_plan
from smmplan.pages import render_pages

GOLDEN = Path(__file__).resolve().parent / "fixtures" / "site" / "series"
TODAY = dt.date(2026, 11, 20)
RULES = """\
timezone: Asia/Jakarta
holidays: ID
language: {language}
channels:
  instagram: {{platform: instagram, name: Instagram}}
  x: {{platform: x, name: X}}
blackout:
  - {{date: 2026-12-31, reason: Tutup buku, pillars: [hard-sell]}}
"""
POSTS = {
    "guidelines/snippets.yml": 'snippets:\n  bio: "Pesan lewat tautan di bio."\n'
                               'hashtags:\n  promo: ["#KopiSenja", "#PromoGajian"]\n',
    "content/posts/gajian.md": """\
---
title: Promo gajian
date: 2026-11-25 12:30
channel: instagram
pillar: hard-sell
repeat: {every: month, on: [25, -1], count: 6, skip: [holidays, blackout], except: [2027-01-25]}
---
Gajian! Potongan 15% dengan kode GAJIAN15. {{ snippet("bio") }}

{{ hashtags("promo") }}
""",
    "content/posts/varian.md": """\
---
title: Cerita kopi musim hujan
date: 2026-12-02 09:00
channel: [instagram, x]
pillar: soft-sell
---
LONG_LINE

#KopiSenja #MusimHujan

<!-- for: x -->
Lot Gayo baru: cokelat, kayu manis, sedikit jeruk. Tersedia minggu depan. #KopiSenja
""",
}
POSTS["content/posts/varian.md"] = POSTS["content/posts/varian.md"].replace("LONG_LINE", (
    "Hujan pertama bulan ini turun tepat saat kami menyangrai lot Gayo yang baru. Aromanya "
    "memenuhi kedai: cokelat, kayu manis, sedikit jeruk. Kami menyimpannya seminggu sebelum "
    'dijual supaya rasanya tenang. {{ snippet("bio") }}'))
PAGES = {"gajian": "/posts/gajian/", "varian": "/posts/varian/"}


def rendered(make_plan: Callable[..., Path], language: str) -> dict[str, str]:
    root = make_plan(POSTS, rules=RULES.format(language=language))
    pages = render_pages(check_plan(root, TODAY))
    return {name: pages[address] for name, address in PAGES.items()}


@pytest.mark.parametrize("language", ["en", "id"])
def test_post_pages_are_exactly_the_golden_pages(make_plan: Callable[..., Path],
                                                 language: str) -> None:
    for name, page in rendered(make_plan, language).items():
        golden = GOLDEN / f"{name}.{language}.md"
        if os.environ.get("SMMPLAN_UPDATE_GOLDEN"):
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_text(page, encoding="utf-8")
        assert page == golden.read_text(encoding="utf-8"), name


def test_golden_pages_say_what_they_must() -> None:
    # the golden files are reviewed like code: pin the facts they must hold
    gajian = (GOLDEN / "gajian.en.md").read_text(encoding="utf-8")
    # 25 Nov, 30 Nov, 25 Dec (Christmas: left out), 31 Dec (blackout for hard-sell: left out),
    # 25 Jan (except: left out), 31 Jan: count 6 includes the ones left out
    upcoming = re.search(r"<strong>Upcoming</strong>: (.*?)</p>", gajian).group(1)  # type: ignore[union-attr]
    assert re.findall(r">(\w{3} \d{4}-\d\d-\d\d)</a>", upcoming) == [
        "Wed 2026-11-25", "Mon 2026-11-30", "Sun 2027-01-31"]
    left = re.findall(r"<li><a [^>]*>(\w{3} \d{4}-\d\d-\d\d)</a> — ([^<]*)</li>", gajian)
    assert left == [("Fri 2026-12-25", "national holiday: Christmas Day"),
                    ("Thu 2026-12-31", "blackout date: Tutup buku"),
                    ("Mon 2027-01-25", "left out (except)")]
    assert "Pesan lewat tautan di bio." in gajian and "{{" not in gajian
    varian = (GOLDEN / "varian.en.md").read_text(encoding="utf-8")
    assert varian.count('class="smm-variant"') == 2
    assert re.search(r'title="X">X</span> <span class="smm-count">\d+ / 280</span> weighted',
                     varian)
    assert re.search(r'title="Instagram">IG</span> <span class="smm-count">\d+ / 2200</span>',
                     varian)
    assert "Lot Gayo baru" in varian and "&lt;!-- for" not in varian
    assert "Pesan lewat tautan di bio." in varian
    gajian_id = (GOLDEN / "gajian.id.md").read_text(encoding="utf-8")
    assert "<strong>Dilewati</strong>" in gajian_id
    assert "Jum 2026-12-25</a> — libur nasional: Hari Raya Natal" in gajian_id
