"""Page generation as a pure function: addresses, grid placement, labels, escaping."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys

import pytest
from conftest import FIXTURES

from smmplan.check import check_plan
from smmplan.ical import describe_feeds
from smmplan.pages import navigation, render_pages, source_path
from smmplan.pages.html import caption_html, h, markdown_html, safe_url

PLAN = FIXTURES / "site" / "plan"
HOSTILE = FIXTURES / "site" / "hostile"
TODAY = dt.date(2026, 11, 25)


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return render_pages(check_plan(PLAN, TODAY))


def cell(page: str, day: str) -> str:
    m = re.search(rf'<td class="[^"]*" data-date="{day}">(.*?)</td>', page)
    assert m, day
    return m.group(1)


def test_every_page_of_the_spec_at_its_address(pages: dict[str, str]) -> None:
    assert list(pages) == [
        "/", "/backlog/", "/calendar/", "/calendar/2026-11/", "/calendar/2026-12/",
        "/campaigns/december-launch/", "/channels/instagram/", "/channels/linkedin/",
        "/channels/x/", "/checks/", "/engagement/", "/guidelines/", "/mix/",
        "/personas/mahasiswa/", "/personas/pekerja/", "/posts/christmas/",
        "/posts/gula-aren-launch/", "/posts/idea-podcast/", "/posts/late-night/",
        "/posts/linkedin-story/", "/posts/quote-monday/", "/posts/tips-seduh/",
        "/reports/2026-q4/", "/subscribe/",
    ]
    assert source_path("/") == "index.md"
    assert source_path("/posts/late-night/") == "posts/late-night.md"


def test_same_plan_same_pages() -> None:
    first = render_pages(check_plan(PLAN, TODAY))
    assert render_pages(check_plan(PLAN, TODAY)) == first


def test_month_grid_weeks_start_on_monday_and_posts_sit_on_local_days(
        pages: dict[str, str]) -> None:
    dec = pages["/calendar/2026-12/"]
    days = re.findall(r'data-date="(\d{4}-\d\d-\d\d)"', dec)
    assert days[0] == "2026-11-30" and days[-1] == "2027-01-03" and len(days) == 35
    assert dt.date.fromisoformat(days[0]).weekday() == 0
    # 2026-12-01T23:30Z is 06:30 on 2 December in Jakarta
    assert 'data-post="late-night"' in cell(dec, "2026-12-02")
    assert '<span class="smm-time">06:30</span>' in cell(dec, "2026-12-02")
    assert "late-night" not in cell(dec, "2026-12-01")
    first = cell(dec, "2026-12-01")
    assert 'href="../../posts/gula-aren-launch/"' in first
    assert first.count('class="smm-ch ') == 2  # a cross-post shows both channel marks
    assert "smm-p3" in first  # hard-sell is the fourth pillar's colour
    assert "all day" in cell(dec, "2026-12-25")
    assert 'rel="prev" href="../2026-11/"' in dec
    assert '<span class="smm-step smm-disabled">Next month</span>' in dec


def test_today_and_holidays_are_marked(pages: dict[str, str]) -> None:
    nov = pages["/calendar/2026-11/"]
    assert re.search(r'<td class="smm-day smm-today" data-date="2026-11-25">', nov)
    assert nov.count("smm-today\"") == 1
    dec = pages["/calendar/2026-12/"]
    assert re.search(r'<td class="smm-day smm-holiday" data-date="2026-12-25">', dec)
    assert '<div class="smm-holiday-name" title="Holiday">Christmas Day</div>' in dec


def test_post_page_shows_caption_facts_length_and_diagnostics(pages: dict[str, str]) -> None:
    post = pages["/posts/gula-aren-launch/"]
    assert post.startswith('---\ntitle: "Gula aren blend launch"\n---\n')
    assert ('Order now at <a href="https://shop.example.org/gula-aren" rel="nofollow noopener">'
            in post)
    # 96 graphemes against Instagram's 2200; X counts the URL as 23: 85 weighted characters
    assert '<span class="smm-count">96 / 2200</span> graphemes' in post
    assert '<span class="smm-count">85 / 280</span> weighted characters' in post
    assert "2200</span> graphemes · 2 / 5 hashtags<br>" in post  # Instagram allows 5
    assert "280</span> weighted characters · 2 hashtags</td>" in post
    assert '<a href="../../personas/pekerja/">Pekerja kantor</a>' in post
    assert '<a href="../../campaigns/december-launch/">December launch</a>' in post
    assert "2026-12-01 10:00" in post and "(Asia/Jakarta)" in post
    assert "No diagnostics for this post." in post


def test_post_diagnostics_and_checks(make_plan) -> None:
    root = make_plan({"content/posts/a.md": """\
        ---
        title: Loud
        date: 2026-12-01 09:00
        channel: x
        pillar: education
        ---

        """ + "y" * 290 + "\n"})
    out = render_pages(check_plan(root, TODAY))
    assert "<code>SMM301</code> too-long" in out["/posts/a/"]
    assert '<span class="smm-count">290 / 280</span>' in out["/posts/a/"]
    assert "over the limit" in out["/posts/a/"]
    assert re.search(r"<code>SMM301</code> too-long</td><td><code>content/posts/a.md:8:281</code>",
                     out["/checks/"])
    assert '<a href="../posts/a/">Loud</a>' in out["/checks/"]
    assert "1 errors" in out["/"]


def test_overview_lists_the_next_14_days_and_counts_by_status(pages: dict[str, str]) -> None:
    home = pages["/"]
    upcoming = home.split('id="next-14-days"')[1].split('id="by-status"')[0]
    assert re.findall(r'href="posts/([a-z-]+)/"', upcoming) == [
        "quote-monday", "gula-aren-launch", "late-night"]  # 9 December is the 15th day
    status = home.split('id="by-status"')[1].split('id="open-problems"')[0]
    counts = dict(re.findall(r'smm-status-(\w+)">\w+</span></td><td>(\d+)</td>', status))
    assert counts == {"idea": "1", "draft": "3", "review": "0", "approved": "1",
                      "scheduled": "1", "published": "1", "cancelled": "0"}
    assert "No problems: the plan passes every check." in home


def test_persona_page_lists_posts_and_coverage_by_month(pages: dict[str, str]) -> None:
    page = pages["/personas/mahasiswa/"]
    coverage = page.split('id="coverage"')[1].split('id="posts"')[0]
    assert re.findall(r">(\w+ 2026)</a></td><td>.*?</td><td>(\d+)</td>", coverage) == [
        ("November 2026", "1"), ("December 2026", "2")]
    assert re.findall(r'href="../../posts/([a-z-]+)/"', page) == [
        "tips-seduh", "gula-aren-launch", "late-night"]
    assert "<th>city</th><td>Yogyakarta</td>" in page


def test_mix_page_shares_against_targets(pages: dict[str, str]) -> None:
    mix = pages["/mix/"]
    whole = mix.split('id="whole-plan"')[1].split("<h2")[0]
    # counted posts: tips(education), quote-monday(quote), launch x2 channels (hard-sell),
    # late-night (soft-sell), linkedin-story (education), christmas (quote) = 7
    assert re.search(r'data-pillar="hard-sell">.*?29% \(2\)</td><td class="smm-num">15%</td>'
                     r'<td class="smm-num">50%</td>', whole)
    assert "Week 2026-W49" in mix
    assert "too few posts to judge" in mix


def test_subscribe_lists_every_feed_with_https_and_webcal(pages: dict[str, str]) -> None:
    page = pages["/subscribe/"]
    plan = check_plan(PLAN, TODAY).plan
    for feed in describe_feeds(plan):
        assert f'href="https://plan.example.org/kopi/{feed.path}"' in page
        assert f'href="webcal://plan.example.org/kopi/{feed.path}"' in page
    for app in ("Google Calendar", "Outlook", "Apple Calendar"):
        assert f"<h3>{app}</h3>" in page


def test_guidelines_page_renders_guides_and_rule_tables(pages: dict[str, str]) -> None:
    page = pages["/guidelines/"]
    assert '<h2 id="guide-1">Brand voice</h2>' in page
    assert "<strong>helpful</strong>" in page
    assert "<td>Kopi murah gan</td>" in page
    assert "<td>Asia/Jakarta</td>" in page
    assert "<td>no-slang</td><td>banned</td><td>warning</td><td>gan, sis</td>" in page
    assert "<code>SMM101</code>" in page


def test_indonesian_labels(make_plan) -> None:
    root = make_plan({"content/posts/a.md": "---\ntitle: A\ndate: 2026-12-07 09:00\n"
                      "channel: x\npillar: quote\n---\nHalo.\n"},
                     rules="timezone: Asia/Jakarta\nlanguage: id\nholidays: ID\n"
                           "channels: {x: {platform: x}}\n")
    out = render_pages(check_plan(root, TODAY))
    assert out["/calendar/2026-12/"].startswith('---\ntitle: "Desember 2026"\n')
    assert '<th scope="col">Sen</th>' in out["/calendar/2026-12/"]
    assert out["/"].startswith('---\ntitle: "Ringkasan"\n')
    assert [n.title for n in navigation(check_plan(root, TODAY))][:3] == [
        "Ringkasan", "Kalender", "Kanal"]


def test_navigation_lists_months_and_groups_never_posts() -> None:
    nav = navigation(check_plan(PLAN, TODAY))
    flat = [(n.title, n.address, [(c.title, c.address) for c in n.children]) for n in nav]
    assert flat == [
        ("Overview", "/", []),
        ("Calendar", None, [("All months", "/calendar/"), ("November 2026", "/calendar/2026-11/"),
                            ("December 2026", "/calendar/2026-12/")]),
        ("Channels", None, [("Instagram", "/channels/instagram/"),
                            ("LinkedIn", "/channels/linkedin/"), ("X", "/channels/x/")]),
        ("Personas", None, [("Mahasiswa", "/personas/mahasiswa/"),
                            ("Pekerja kantor", "/personas/pekerja/")]),
        ("Campaigns", None, [("December launch", "/campaigns/december-launch/")]),
        ("Content mix", "/mix/", []), ("Engagement", "/engagement/", []),
        ("Reports", None, [("2026-Q4", "/reports/2026-q4/")]),
        ("Backlog", "/backlog/", []),
        ("Checks", "/checks/", []), ("Guidelines", "/guidelines/", []),
        ("Subscribe", "/subscribe/", []),
    ]


def test_file_urls_when_directory_urls_are_off() -> None:
    out = render_pages(check_plan(PLAN, TODAY), directory_urls=False)
    assert 'href="../posts/late-night.html"' in out["/calendar/2026-12/"]
    assert 'rel="prev" href="2026-11.html"' in out["/calendar/2026-12/"]
    assert 'href="calendar/2026-11.html"' in out["/"]


def test_page_generation_does_not_import_mkdocs() -> None:
    code = ("import sys, datetime; from smmplan.check import check_plan; "
            "from smmplan.pages import render_pages; "
            f"render_pages(check_plan({str(PLAN)!r}, datetime.date(2026, 11, 25))); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"


# --- escaping ------------------------------------------------------------------------------

def test_h_makes_values_inert_as_html_markdown_and_jinja() -> None:
    assert h("<a href='x'>{{ 1 }}</a>\n--8<--") == (
        "&lt;a href=&#39;x&#39;&gt;&#123;&#123; 1 &#125;&#125;&lt;/a&gt;&#10;--8&lt;--")
    assert h("`code` $x$ 100%") == "&#96;code&#96; &#36;x&#36; 100%"


def test_safe_url_drops_scripted_schemes() -> None:
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_url("javascript:alert(1)") is None
    assert safe_url(" JaVa\tScRiPt:alert(1)") is None
    assert safe_url("data:text/html,<script>") is None
    assert safe_url("vbscript:x") is None
    assert safe_url("/relative") is None


def test_caption_html_shows_html_as_text_and_links_only_web_urls() -> None:
    got = caption_html('Hi <script>x()</script>\n[a](javascript:x) https://ex.org/p, {{ y }}')
    assert got == ('Hi &lt;script&gt;x()&lt;/script&gt;<br>[a](javascript:x) '
                   '<a href="https://ex.org/p" rel="nofollow noopener">https://ex.org/p</a>, '
                   '&#123;&#123; y &#125;&#125;')


def test_hostile_plan_values_never_reach_a_page_raw() -> None:
    out = render_pages(check_plan(HOSTILE, TODAY))
    for address, text in out.items():
        body = text.split("\n---\n", 1)[1]
        # the charts smmplan draws are SVG; no other SVG, and nothing active inside them
        charts = re.findall(r'<svg class="smm-chart.*?</svg>', body, re.S)
        assert not any(re.search(r"<(script|foreignObject|a\s)|\son\w+=", c, re.I)
                       for c in charts), address
        body = re.sub(r'<svg class="smm-chart.*?</svg>', "", body, flags=re.S)
        assert not re.search(r"<(script|svg|iframe)", body, re.I), address
        assert not re.search(r'<[a-z][^>]*\son(error|load|click|mouseover)=', body, re.I), address
        assert not re.search(r'<a\s[^>]*href="\s*javascript', body, re.I), address
        assert "{{" not in text and "{%" not in text, address
        # nothing a line-anchored Markdown preprocessor would act on
        for line in body.split("\n"):
            assert line == "" or line.startswith("<"), (address, line[:80])
    title = out["/posts/xss-title/"].split("\n")[1]
    assert title.startswith('title: "&lt;/title&gt;&lt;script&gt;')


def test_a_big_channel_shows_the_weeks_around_today_and_counts_by_month(make_plan) -> None:
    files = {f"content/posts/p{i:02d}.md": f"---\ntitle: P{i}\nchannel: x\npillar: quote\n"
             f"date: {dt.date(2026, 10, 1) + dt.timedelta(days=i)} 09:00\n---\nHi.\n"
             for i in range(80)}  # 1 October .. 19 December
    files |= {f"content/posts/idea{i}.md": f"---\ntitle: I{i}\nchannel: x\npillar: quote\n"
              "status: idea\n---\nLater.\n" for i in range(2)}
    files["content/posts/ig.md"] = ("---\ntitle: Only\nchannel: instagram\npillar: quote\n"
                                    "date: 2026-11-02 09:00\n---\nHi.\n")
    out = render_pages(check_plan(make_plan(files), TODAY))
    page = out["/channels/x/"]

    def posts_in(section: str) -> list[str]:
        part = page.split(f'id="{section}"')[1].split("<h2")[0]
        return re.findall(r'href="../../posts/([a-z0-9-]+)/"', part)

    assert 'id="posts"' not in page
    assert ('<p class="smm-intro">80 dated posts in all: the months below link to their '
            'calendars. · <a href="../../backlog/">Ideas</a>: 2</p>') in page
    assert posts_in("upcoming") == [f"p{i:02d}" for i in range(55, 80)]  # 25 Nov .. 19 Dec
    assert posts_in("recent") == [f"p{i:02d}" for i in range(41, 55)]  # 11 .. 24 Nov
    assert '<h2 id="upcoming">Next 4 weeks</h2>' in page
    assert '<h2 id="recent">Last 2 weeks</h2>' in page
    coverage = page.split('id="coverage"')[1]
    assert re.findall(r'<a href="../../calendar/(\d{4}-\d\d)/">[^<]+</a></td><td>.*?</td>'
                      r"<td>(\d+)</td>", coverage) == [
        ("2026-10", "31"), ("2026-11", "30"), ("2026-12", "19")]
    # a small group still lists every post
    small = out["/channels/instagram/"]
    assert 'id="upcoming"' not in small
    assert re.findall(r'href="../../posts/([a-z0-9-]+)/"', small) == ["ig"]


def test_guidelines_page_tells_editors_where_the_schemas_are(pages: dict[str, str],
                                                             make_plan) -> None:
    support = pages["/guidelines/"].split('<h2 id="editor-support">Editor support</h2>')[1]
    assert "Editors that use the YAML language server" in support
    assert ('<tr><td><code>guidelines/rules.yml</code></td><td><a href="../schemas/'
            'rules.schema.json"><code>schemas/rules.schema.json</code></a></td><td><code># '
            'yaml-language-server: &#36;schema=https://plan.example.org/kopi/schemas/'
            'rules.schema.json</code></td></tr>') in support
    assert re.findall(r'<a href="../schemas/([a-z]+)\.schema\.json">', support) == [
        "post", "persona", "rules", "team"]
    assert "which the YAML language server does not read" in support  # posts: front matter
    # without a site_url the lines name the copies `smmplan schema --output schemas` writes
    local = render_pages(check_plan(make_plan({}), TODAY))["/guidelines/"]
    assert ("<code># yaml-language-server: &#36;schema=../schemas/team.schema.json</code>"
            in local)
    assert "smmplan schema --output schemas" in local


# --- engagement ----------------------------------------------------------------------------

ENGAGEMENT = FIXTURES / "site" / "engagement"


def _published(name: str, title: str, date: str, channel: str, metrics: str,
               status: str = "published") -> tuple[str, str]:
    return (f"content/posts/{name}.md",
            f"---\ntitle: {json.dumps(title)}\ndate: {date}\nchannel: {channel}\n"
            f"pillar: education\nstatus: {status}\n{metrics}---\nHalo.\n")


ENGAGEMENT_POSTS = dict([
    _published("a", "Kopi pagi", "2026-11-02 09:00", "instagram",
               "metrics: {reach: 1000, likes: 50, comments: 5, shares: 3, saves: 2, clicks: 9}\n"),
    _published("b", "Seduh bareng", "2026-11-03 09:00", "instagram",
               "metrics: {reach: 3000, impressions: 12345, likes: 100, comments: 20}\n"),
    _published("c", "Utas tips", "2026-11-04 09:00", "x", "metrics: {likes: 7}\n"),  # no reach
    # numbers count once the day has come, whatever the status says (SMM402 asks to update it)
    _published("d", "Belum terbit", "2026-12-05 09:00", "x", "metrics: {reach: 99, likes: 99}\n",
               status="scheduled"),
    # 00:30 on 1 January in Jakarta is still 31 December in UTC
    _published("e", "Tahun baru", "2027-01-01 00:30", "instagram",
               "metrics: {reach: 20000, likes: 1500, saves: 250}\n"),
    _published("f", "Tanpa angka", "2027-01-02 09:00", "instagram", ""),
])
ENGAGEMENT_TODAY = dt.date(2027, 1, 31)
ENGAGEMENT_RULES = """\
timezone: Asia/Jakarta
language: {language}
channels:
  instagram: {{platform: instagram, name: Instagram}}
  x: {{platform: x, name: X}}
"""


@pytest.mark.parametrize("language", ["en", "id"])
def test_engagement_page_is_exactly_the_golden_page(make_plan, language: str) -> None:
    root = make_plan(ENGAGEMENT_POSTS, rules=ENGAGEMENT_RULES.format(language=language))
    page = render_pages(check_plan(root, ENGAGEMENT_TODAY))["/engagement/"]
    expected = (ENGAGEMENT / f"engagement.{language}.md").read_text(encoding="utf-8")
    assert page == expected


def test_engagement_golden_pages_say_what_the_numbers_are() -> None:
    # the golden files are reviewed like code: pin the facts they must hold
    en = (ENGAGEMENT / "engagement.en.md").read_text(encoding="utf-8")
    assert re.findall(r'<h2 id="(m-[\d-]+)"[^>]*>([^<]+)</h2>', en) == [
        ("m-2027-01", "January 2027"), ("m-2026-12", "December 2026"),
        ("m-2026-11", "November 2026")]
    # November: a and b on instagram (60 + 120) / 4000 = 4.5%; c on x has no reach
    assert ("<tr><td><strong>All channels</strong></td><td>3</td><td>4,000</td><td>12,345</td>"
            "<td>157</td><td>25</td><td>3</td><td>2</td><td>9</td><td>4.5%</td>") in en
    # 00:30 on 1 January in Jakarta is January's, though still 31 December in UTC:
    # 1750 / 20000 = 8.75%, half up 8.8%
    assert ("<tr><td>2027-01</td><td>8.8%</td><td>—</td><td>—</td><td>—</td></tr>") in en
    top = en.split('smm-top-posts"')[1].split("</table>")[0]
    assert re.findall(r'href="\.\./posts/(\w)/".*?(\d+\.\d%)</td></tr>', top) == [
        ("d", "100.0%"), ("e", "8.8%"), ("a", "6.0%"), ("b", "4.0%")]
    assert en.count("<svg") == 3  # ER trend, pillars, heat map (no follower counts: no 2nd trend)
    id_ = (ENGAGEMENT / "engagement.id.md").read_text(encoding="utf-8")
    assert id_.startswith('---\ntitle: "Kinerja"\n')
    assert "<strong>Semua kanal</strong>" in id_
    assert "<h3>Tingkat keterlibatan tertinggi</h3>" in id_
    assert "<td>12.345</td>" in id_ and "<td>8,8%</td>" in id_


def test_engagement_page_without_metrics_is_one_sentence(pages: dict[str, str],
                                                         make_plan) -> None:
    root = make_plan(dict([_published("a", "A", "2026-11-02 09:00", "x", "")]))
    assert render_pages(check_plan(root, TODAY))["/engagement/"] == (
        '---\ntitle: "Engagement"\nsearch:\n  exclude: true\n---\n\n<div class="smm-block">'
        '<p class="smm-empty">No published post has numbers yet: run &#96;smmplan metrics '
        "import&#96; with a platform&#39;s analytics export, or add rows to data/metrics/, and "
        "the months show up here.</p></div>\n")
    # the fixture plan's one published post with numbers
    assert re.findall(r'<h2 id="(m-[\d-]+)"', pages["/engagement/"]) == ["m-2026-11"]


def test_engagement_top_post_escapes_hostile_titles(make_plan) -> None:
    title = "<script>alert(1)</script> {{ 7*7 }} [x](javascript:y) `z` *w*"
    root = make_plan(dict([_published("evil", title, "2026-11-02 09:00", "x",
                                      "metrics: {reach: 10, likes: 1}\n")]))
    page = render_pages(check_plan(root, TODAY))["/engagement/"]
    cell = ('<td><a href="../posts/evil/">&lt;script&gt;alert(1)&lt;/script&gt; &#123;&#123; 7*7 '
            "&#125;&#125; [x](javascript:y) &#96;z&#96; *w*</a></td>")
    assert page.count(cell) == 1  # the list of posts with the highest engagement rate
    assert "<script" not in page and "{{" not in page


def test_hostile_channel_names_in_engagement_groups_are_text() -> None:
    page = render_pages(check_plan(HOSTILE, TODAY))["/engagement/"]
    name = "Insta &lt;script&gt;window.__pwned=&#39;channel&#39;&lt;/script&gt;"
    assert f">{name}</a></td>" in page  # the channel's row
    assert f'data-series="{name}"' in page  # its line in the trend chart
    assert "<script" not in page.split("\n---\n", 1)[1]


def test_overview_links_the_engagement_page_with_the_latest_month(pages: dict[str, str]) -> None:
    # tips-seduh: (231 + 18 + 12 + 64) / 4210 = 7.72%
    assert ('· <a href="engagement/">Engagement</a> (November 2026: ER 7.7%)</p>'
            in pages["/"])


def test_post_page_metrics_in_canonical_order_with_labels_and_rate(
        pages: dict[str, str], make_plan) -> None:
    metrics = re.findall(r'<tr class="smm-metric"><th>([^<]+)</th><td>([^<]+)</td></tr>',
                         pages["/posts/tips-seduh/"])
    assert metrics == [("Reach", "4,210"), ("Impressions", "6,120"), ("Likes", "231"),
                       ("Comments", "18"), ("Shares", "12"), ("Saves", "64"), ("Clicks", "9"),
                       ("Engagement rate", "7.7%")]
    assert "smm-metric" not in pages["/posts/late-night/"]  # no metrics, no rows
    root = make_plan(ENGAGEMENT_POSTS, rules=ENGAGEMENT_RULES.format(language="id"))
    out = render_pages(check_plan(root, TODAY))
    assert re.findall(r'<tr class="smm-metric"><th>([^<]+)</th><td>([^<]+)</td></tr>',
                      out["/posts/b/"]) == [
        ("Jangkauan", "3.000"), ("Tayangan", "12.345"), ("Suka", "100"), ("Komentar", "20"),
        ("Tingkat keterlibatan", "4,0%")]
    # without reach there is no rate to give
    assert ('<tr class="smm-metric"><th>Tingkat keterlibatan</th><td>—</td></tr>'
            in out["/posts/c/"])
    assert [n.title for n in navigation(check_plan(root, TODAY))][3:5] == [
        "Bauran konten", "Kinerja"]


def test_a_far_future_date_does_not_make_centuries_of_month_pages(make_plan) -> None:
    """Months between posts are filled when the gap is up to a year; a slip of the finger (2926
    for 2026) adds one month page, not nine centuries of them, and prev/next skip the gap."""

    def post(name: str, date: str) -> str:
        return (f"---\ntitle: {name}\ndate: {date}\nchannel: x\npillar: education\n---\n"
                "Halo.\n")

    root = make_plan({"content/posts/a.md": post("a", "2026-12-01 09:00"),
                      "content/posts/b.md": post("b", "2027-03-01 09:00"),
                      "content/posts/c.md": post("c", "2926-12-01 09:00")})
    out = render_pages(check_plan(root, TODAY))
    months = sorted(k for k in out if k.startswith("/calendar/") and k != "/calendar/")
    assert months == ["/calendar/2026-11/", "/calendar/2026-12/", "/calendar/2027-01/",
                      "/calendar/2027-02/", "/calendar/2027-03/", "/calendar/2926-12/"]
    assert 'href="../2926-12/"' in out["/calendar/2027-03/"]
    assert 'href="../2027-03/"' in out["/calendar/2926-12/"]


def test_guides_render_admonitions_and_keep_only_their_classes() -> None:
    out = markdown_html('# Guide\n\n!!! success "Begini"\n    Sapa pelanggan dengan *kak*.\n\n'
                        '<div class="evil admonition" onclick="alert(1)">x</div>\n', True)
    assert out.startswith('<div class="admonition success">&#10;<p class="admonition-title">'
                          'Begini</p>&#10;<p>Sapa pelanggan dengan <em>kak</em>.</p>')
    assert '<div class="admonition">x</div>' in out
    assert "evil" not in out and "onclick" not in out


def test_mix_page_names_its_window_in_the_plan_language(make_plan) -> None:
    rules = ("timezone: Asia/Jakarta\nlanguage: id\nmix: {window: month}\nchannels:\n"
             "  x: {platform: x}\n")
    root = make_plan({"content/posts/a.md": "---\ntitle: A\ndate: 2026-12-01 09:00\nchannel: x\n"
                      "pillar: education\n---\nHalo.\n"}, rules=rules)
    out = render_pages(check_plan(root, TODAY))
    assert "Periode: <strong>Bulan</strong>" in out["/mix/"]


def test_calendar_index_lists_every_month_and_marks_this_one(pages: dict[str, str]) -> None:
    index = pages["/calendar/"]
    assert ('<tbody><tr><td><strong><a href="2026-11/">November 2026</a></strong> (this month)'
            '</td><td>2</td></tr><tr><td><a href="2026-12/">December 2026</a></td><td>4</td></tr>'
            '</tbody>') in index
    assert "This month: <strong><a href=\"2026-11/\">November 2026</a></strong>" in index
