"""Write the example plan's posts: ``python examples/make_example_posts.py [PLAN_DIR]``.

The example plan is Kopi Senja, a specialty coffee roaster in Bandung, from Monday 2026-11-02 to
Sunday 2026-12-27. The weekly schedule below is the team's real rhythm (two X posts a day, one
Instagram+Facebook post a day plus three reels a week, LinkedIn Monday/Wednesday/Friday) and each
week's pillars are planned so the mix stays within the targets of ``guidelines/rules.yml``.
Captions come from :mod:`captions` (hand-written, one per post); the script only places them in
time, sets the workflow status relative to :data:`TODAY` and invents plausible metrics for the
posts already published. Same script, same files: the randomness is seeded.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import shutil
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from captions import BANKS, CANCELLED, IDEAS, SPECIALS

TODAY = dt.date(2026, 11, 25)
START = dt.date(2026, 11, 2)
WEEKS = 8
PILLAR = {"e": "education", "q": "quote", "s": "soft-sell", "h": "hard-sell"}
CAMPAIGNS = {
    "rilis-gayo-wine": (dt.date(2026, 11, 9), dt.date(2026, 11, 22)),
    "harbolnas-1212": (dt.date(2026, 12, 1), dt.date(2026, 12, 12)),
    "akhir-tahun": (dt.date(2026, 12, 14), dt.date(2026, 12, 31)),
}

# One week per entry, Monday first. ``main``: the daily Instagram+Facebook post; ``reel``: Tuesday,
# Thursday and Saturday evening reels; ``x``: the X posts of each day ("eq" = morning education,
# afternoon quote); ``li``: LinkedIn posts as {weekday: pillar}. Weekly shares are checked by
# ``smmplan check`` (SMM201/SMM202/SMM203) and by :func:`self_check` below.
WEEK_PLAN = [
    # W45 2-8 Nov: a normal week
    dict(main="esehqes", reel="esq", x="eq es eh qe she eq se", li={0: "e", 2: "s", 4: "e"}),
    # W46 9-15 Nov: Gayo Wine Process launch, Hari Pahlawan (10), 11.11 pre-order
    dict(main="sqhesee", reel="esq", x="es qe he qs eh eqs se",
         li={0: "e", 1: "e", 2: "s", 4: "e"}),
    # W47 16-22 Nov: Gayo, second week
    dict(main="eshqese", reel="eqs", x="eq es eh qeq sh eq se", li={0: "e", 2: "s", 4: "e"}),
    # W48 23-29 Nov: Hari Guru (25), payday week
    dict(main="esqehes", reel="esq", x="es eqe qe he es eh sq", li={0: "e", 2: "s", 4: "e"}),
    # W49 30 Nov-6 Dec: Harbolnas "12 Hari Ngopi" starts on 1 Dec
    dict(main="sheshqe", reel="eqs", x="es he qe ehe qe sh eq",
         li={0: "e", 2: "s", 4: "e"}),
    # W50 7-13 Dec: Harbolnas ends on Saturday 12.12
    dict(main="esheqhs", reel="eqs", x="eq es he eq es hshe qe",
         li={0: "e", 2: "s", 4: "e"}),
    # W51 14-20 Dec: year-end hampers
    dict(main="seheqhs", reel="eqs", x="es qe eh qe sh eq se",
         li={0: "s", 1: "h", 2: "e", 4: "e"}),
    # W52 21-27 Dec: Hari Ibu (22), Natal (25, blackout for selling)
    dict(main="hqesqes", reel="ese", x="es qe eh se qe eh se", li={0: "e", 2: "s", 3: "e"}),
]

AUTHOR = {"x": "sari", "main": "ayu", "carousel": "ayu", "reel": "bagus", "fbvideo": "bagus",
          "li": "fajar"}
FORMAT = {"x": "text", "main": "photo", "carousel": "carousel", "reel": "reel",
          "fbvideo": "video", "li": "text"}
CHANNELS = {"x": ["x"], "main": ["instagram", "facebook"], "carousel": ["instagram"],
            "reel": ["instagram", "facebook"], "fbvideo": ["facebook"], "li": ["linkedin"]}
PERSONAS = {
    "x": ["mahasiswa-ngopi", "pekerja-kantoran"],
    "main": ["pekerja-kantoran", "penyeduh-rumahan"],
    "carousel": ["mahasiswa-ngopi", "penyeduh-rumahan"],
    "reel": ["mahasiswa-ngopi"],
    "fbvideo": ["penyeduh-rumahan"],
    "li": ["pemilik-kafe"],
}


@dataclass
class Slot:
    when: dt.datetime
    kind: str
    pillar: str
    index: int = 0
    """Position of the slot among the day's slots of the same kind (X posts: 0 morning, 1...)."""


@dataclass
class Post:
    slot: Slot
    title: str
    caption: str
    campaign: str | None
    personas: list[str]
    tags: list[str] = field(default_factory=list)
    link: str | None = None
    format: str | None = None
    status: str = "draft"
    author: str = ""
    editor: str | None = None
    metrics: dict[str, int] | None = None
    id: str = ""


def slots(rng: random.Random) -> list[Slot]:
    """Every scheduled slot of the eight weeks, in time order."""
    out: list[Slot] = []
    for week, plan in enumerate(WEEK_PLAN):
        x_days = plan["x"].split()
        for wd in range(7):
            day = START + dt.timedelta(days=7 * week + wd)

            def at(h: int, m: int, _day: dt.date = day) -> dt.datetime:
                return dt.datetime.combine(_day, dt.time(h, m))

            main = plan["main"][wd]
            main_time = at(rng.choice([9, 10, 11]), rng.choice([0, 15, 30]))
            if main == "e" and wd == 0:
                # Monday education: a carousel on Instagram, a short video on Facebook
                out.append(Slot(main_time, "carousel", main))
                out.append(Slot(at(rng.choice([12, 13]), rng.choice([0, 30])), "fbvideo", main))
            else:
                out.append(Slot(main_time, "main", main))
            if wd in (1, 3, 5):
                reel = plan["reel"][(1, 3, 5).index(wd)]
                out.append(Slot(at(19, rng.choice([0, 15, 30])), "reel", reel))
            pillars = x_days[wd]
            if len(pillars) == 4:  # a big day: midnight, morning, afternoon, evening
                times = [at(0, 5), at(9, 0), at(15, 0), at(21, 0)]
            elif len(pillars) == 3:  # morning, lunch and an evening post
                times = [at(rng.choice([6, 7]), rng.choice([30, 45])),
                         at(12, rng.choice([0, 15, 30])), at(20, rng.choice([0, 30]))]
            else:
                times = [at(rng.choice([6, 7]), rng.choice([30, 45])),
                         at(rng.choice([12, 16, 17]), rng.choice([0, 15, 30]))]
            for i, (p, t) in enumerate(zip(pillars, times, strict=True)):
                out.append(Slot(t, "x", p, i))
            if wd in plan["li"]:
                out.append(Slot(at(rng.choice([7, 8]), rng.choice([0, 30])), "li",
                                plan["li"][wd]))
    return sorted(out, key=lambda s: (s.when, s.kind))


def campaign_of(day: dt.date) -> str | None:
    for cid, (start, end) in CAMPAIGNS.items():
        if start <= day <= end:
            return cid
    return None


def status_of(day: dt.date) -> str:
    if day < TODAY:
        return "published"
    if day <= dt.date(2026, 11, 28):
        return "scheduled"
    if day <= dt.date(2026, 12, 3):
        return "approved"
    if day <= dt.date(2026, 12, 13):
        return "review"
    return "draft"


def editor_for(author: str, rng: random.Random) -> str:
    return "dimas" if author == "sari" else rng.choice(["dimas", "sari"])


def metrics_for(post: Post, rng: random.Random) -> dict[str, int]:
    """Plausible numbers for a brand with ~24k Instagram and ~9k X followers."""
    kind = post.slot.kind
    base = {"x": 2600, "main": 5200, "carousel": 6100, "reel": 11800, "fbvideo": 4300,
            "li": 1900}[kind]
    reach = int(base * rng.uniform(0.6, 1.6))
    if post.campaign:
        reach = int(reach * 1.2)
    pillar = PILLAR[post.slot.pillar]
    like_rate = {"education": 0.045, "quote": 0.06, "soft-sell": 0.04, "hard-sell": 0.025}[pillar]
    save_rate = {"education": 0.03, "quote": 0.008, "soft-sell": 0.01, "hard-sell": 0.006}[pillar]
    click_rate = {"education": 0.004, "quote": 0.001, "soft-sell": 0.008,
                  "hard-sell": 0.022}[pillar]
    return {
        "reach": reach,
        "impressions": int(reach * rng.uniform(1.15, 1.7)),
        "likes": int(reach * like_rate * rng.uniform(0.7, 1.3)),
        "comments": int(reach * 0.004 * rng.uniform(0.4, 2.0)),
        "shares": int(reach * 0.003 * rng.uniform(0.5, 2.0)),
        "saves": int(reach * save_rate * rng.uniform(0.6, 1.4)) if kind != "x" else 0,
        "clicks": int(reach * click_rate * rng.uniform(0.6, 1.5)),
    }


def fits(entry: dict[str, object], when: dt.datetime) -> bool:
    """Whether a caption written for some weekdays, months or hours suits ``when``."""
    wd, months, hours = entry.get("wd"), entry.get("months"), entry.get("hours")
    if wd is not None and when.weekday() not in wd:  # type: ignore[operator]
        return False
    if months is not None and when.month not in months:  # type: ignore[operator]
        return False
    if hours is not None:
        low, high = hours  # type: ignore[misc]
        return bool(low <= when.hour < high)
    return True


def slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return "-".join(s.split("-")[:6])


def build_posts(demand_only: bool = False) -> list[Post]:
    rng = random.Random(20261125)
    pools = {key: list(entries) for key, entries in BANKS.items()}
    demand: Counter[tuple[str, str, str]] = Counter()
    posts: list[Post] = []
    for slot in slots(rng):
        campaign = campaign_of(slot.when.date()) if slot.pillar in "sh" else None
        special = SPECIALS.get((slot.when.date().isoformat(), slot.kind, slot.index))
        if special is not None:
            entry = special
            campaign = entry.get("campaign", campaign)
        else:
            theme = campaign or "umum"
            key = (slot.kind, slot.pillar, theme)
            demand[key] += 1
            if demand_only:
                continue
            pool = pools.get(key, [])
            # a caption written for this weekday or hour goes first, while its moment lasts
            fitting = [i for i, e in enumerate(pool) if fits(e, slot.when)]
            timed = [i for i in fitting if {"wd", "months", "hours"} & pool[i].keys()]
            found = (timed or fitting or [None])[0]
            if found is None:
                raise SystemExit(f"caption bank {key} has nothing left for {slot.when}")
            entry = pool.pop(found)
        if entry.get("pillar"):
            assert entry["pillar"] == slot.pillar, (slot, entry)
        posts.append(Post(
            slot=slot,
            title=entry["t"],
            caption=entry["c"].strip(),
            campaign=campaign,
            personas=entry.get("p", PERSONAS[slot.kind]),
            tags=entry.get("tags", []),
            link=entry.get("link"),
            format=entry.get("fmt", FORMAT[slot.kind]),
        ))
    if demand_only:
        for key, n in sorted(demand.items()):
            have = len(BANKS.get(key, ()))
            print(f"{key}: need {n}, have {have}{'  <--' if have < n else ''}")
        return []
    for key, pool in sorted(pools.items()):
        if pool:
            print(f"note: {len(pool)} unused caption(s) in {key}", file=sys.stderr)
    for post in posts:
        day = post.slot.when.date()
        post.status = status_of(day)
        post.author = AUTHOR[post.slot.kind]
        if post.status in ("published", "scheduled", "approved", "review"):
            post.editor = editor_for(post.author, rng)
        if post.status == "published":
            post.metrics = metrics_for(post, rng)
        post.id = f"{day.isoformat()}-{slug(post.title)}"
    return posts


def front_matter(post: Post) -> str:
    lines = [
        f"id: {post.id}",
        f"title: {json.dumps(post.title, ensure_ascii=False)}",
        f"date: {post.slot.when:%Y-%m-%d %H:%M}",
    ]
    chans = CHANNELS[post.slot.kind]
    lines.append(f"channel: {chans[0]}" if len(chans) == 1 else f"channel: [{', '.join(chans)}]")
    lines.append(f"pillar: {PILLAR[post.slot.pillar]}")
    lines.append(f"format: {post.format}")
    lines.append(f"status: {post.status}")
    lines.append(f"personas: [{', '.join(post.personas)}]")
    if post.campaign:
        lines.append(f"campaign: {post.campaign}")
    lines.append(f"author: {post.author}")
    if post.editor:
        lines.append(f"editor: {post.editor}")
    if post.tags:
        lines.append(f"tags: [{', '.join(post.tags)}]")
    if post.link:
        lines.append(f"link: {post.link}")
    if post.metrics:
        inner = ", ".join(f"{k}: {v}" for k, v in post.metrics.items())
        lines.append(f"metrics: {{{inner}}}")
    return "---\n" + "\n".join(lines) + "\n---\n"


def extra_files() -> dict[str, str]:
    """Ideas (no date) and the one cancelled post."""
    out = {}
    for entry in IDEAS:
        text = (f"---\nid: {entry['id']}\ntitle: {json.dumps(entry['t'], ensure_ascii=False)}\n"
                f"channel: [{', '.join(entry['ch'])}]\npillar: {entry['pillar']}\n"
                f"status: idea\nauthor: {entry['author']}\n"
                f"tags: [{', '.join(entry.get('tags', []))}]\n---\n{entry['c'].strip()}\n")
        out[f"content/posts/ide/{entry['id']}.md"] = text
    c = CANCELLED
    when = dt.datetime.fromisoformat(c["date"])
    text = (f"---\nid: {c['id']}\ntitle: {json.dumps(c['t'], ensure_ascii=False)}\n"
            f"date: {when:%Y-%m-%d %H:%M}\nchannel: [{', '.join(c['ch'])}]\n"
            f"pillar: {c['pillar']}\nformat: {c['fmt']}\nstatus: cancelled\n"
            f"personas: [{', '.join(c['p'])}]\ncampaign: {c['campaign']}\n"
            f"author: {c['author']}\ntags: [{', '.join(c['tags'])}]\n---\n{c['c'].strip()}\n")
    out[f"content/posts/{when:%Y/%m}/{c['id']}.md"] = text
    return out


def self_check(posts: list[Post]) -> list[str]:
    """The plan's own invariants, so a caption edit cannot silently break the example."""
    from smmplan.textcount import hashtags, x_length

    problems = []
    weekly: dict[tuple[int, int], Counter[str]] = defaultdict(Counter)
    for post in posts:
        where = f"{post.id} ({post.slot.kind})"
        text = post.caption
        if post.slot.kind == "x" and x_length(text).length > 280:
            problems.append(f"{where}: X caption is {x_length(text).length} weighted chars")
        if post.slot.kind in ("main", "carousel", "reel") and len(hashtags(text)) > 4:
            problems.append(f"{where}: {len(hashtags(text))} hashtags")
        if text.count("!") > 2:
            problems.append(f"{where}: more than two '!'")
        for word in ("gan", "sis", "cuy", "gaes", "bestie", "anjay", "bro", "murah", "termurah",
                     "obat", "menyembuhkan", "item"):
            if re.search(rf"\b{word}\b", text, re.IGNORECASE):
                problems.append(f"{where}: uses '{word}'")
        if post.slot.pillar == "h" and not re.search(r"pesan|order|beli|klik", text, re.I):
            problems.append(f"{where}: hard-sell without a call to action")
        iso = post.slot.when.isocalendar()
        weekly[(iso[0], iso[1])][post.slot.pillar] += len(CHANNELS[post.slot.kind])
    targets = {"e": 0.40, "q": 0.20, "s": 0.25, "h": 0.15}
    for week, counts in sorted(weekly.items()):
        total = sum(counts.values())
        shares = {p: counts[p] / total for p in targets}
        line = " ".join(f"{p}={counts[p]}({shares[p]:.0%})" for p in targets)
        print(f"W{week[1]}: {total} channel-posts: {line}", file=sys.stderr)
        for p, target in targets.items():
            if abs(shares[p] - target) > 0.10 + 1e-9:
                problems.append(f"W{week[1]}: {PILLAR[p]} {shares[p]:.0%} off target")
        if shares["h"] > 0.20:
            problems.append(f"W{week[1]}: hard-sell over 20%")
    return problems


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--demand":
        build_posts(demand_only=True)
        return 0
    root = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent
    posts = build_posts()
    problems = self_check(posts)
    for p in problems:
        print("problem:", p, file=sys.stderr)
    if problems:
        return 1
    out_dir = root / "content" / "posts"
    if out_dir.exists():
        shutil.rmtree(out_dir)
    files = extra_files()
    for post in posts:
        when = post.slot.when
        files[f"content/posts/{when:%Y/%m}/{post.id}.md"] = (
            front_matter(post) + "\n" + post.caption + "\n")
    assert len(files) == len(posts) + len(IDEAS) + 1, "two posts share an id"
    for name, text in sorted(files.items()):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    print(f"wrote {len(files)} posts under {out_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
