"""Generate a large, valid plan for benchmarks: ``python bench/generate.py DIR --posts 20000``.

Two kinds (``--kind``): ``simple``, short captions and four voice rules; ``real``, a plan like
real ones: captions of 300-2,000 characters with emoji, URLs, mentions and hashtags, posts
cross-posted to two channels, a dozen voice rules, personas and campaigns on most posts.
The plan is deterministic for a given ``--seed``: same arguments, same files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from pathlib import Path

CHANNELS = {
    "instagram": "{platform: instagram, name: Instagram, per_day: [0, 40], min_gap: 5m}",
    "facebook": "{platform: facebook, name: Facebook, per_day: [0, 40]}",
    "x": "{platform: x, name: X, per_day: [0, 60]}",
    "linkedin": "{platform: linkedin, name: LinkedIn, per_week: [0, 300]}",
}
PILLARS = ["education"] * 8 + ["quote"] * 4 + ["soft-sell"] * 5 + ["hard-sell"] * 3
WORDS = ("kopi susu gula aren pagi hari ini promo baru rasa nikmat teman kerja seduh biji "  # noqa: SIM905
         "arabika robusta gayo toraja kintamani barista resep tips cara menyeduh").split()

RULES = """\
timezone: Asia/Jakarta
holidays: ID
language: id
pillars:
  education: {{target: 40%}}
  quote: {{target: 20%}}
  soft-sell: {{target: 25%}}
  hard-sell: {{target: 15%, max: 40%}}
mix: {{window: week, tolerance: 30%, min_posts: 5}}
channels:
{channels}
voice:
  - {{name: no-slang, kind: banned, level: warning, terms: [gan, sis]}}
  - {{name: preferred, kind: substitute, level: warning, terms: {{murah: terjangkau}}}}
  - {{name: shouting, kind: max-count, level: warning, pattern: "!", max: 3}}
  - {{name: cta, kind: require, level: warning, when: {{pillar: hard-sell}},
     pattern: "pesan|order|beli", regex: true}}
workflow: {{approve_before: 2d, persona_review: 3650d}}
"""


def generate_plan(root: Path, posts: int, seed: int = 0, start: dt.date = dt.date(2027, 1, 4),
                  *, repeat: int = 1, recurring: bool = False) -> Path:
    """Write a plan of ``posts`` occurrences under ``root`` (replacing it) and return ``root``.

    The occurrences form ``posts // repeat`` series of ``repeat`` alike occurrences (same time of
    day, channel, pillar and caption, a fixed number of days apart). With ``recurring`` each
    series is one post with ``repeat: {every: day, interval: N, count: repeat}``; without, each
    occurrence is a post of its own: the two plans hold the same occurrences.
    """
    if posts % repeat or (posts // repeat) % PER_DAY:
        raise ValueError(f"posts must be a multiple of repeat x {PER_DAY}")
    if root.exists():
        shutil.rmtree(root)
    (root / "guidelines").mkdir(parents=True)
    (root / "personas").mkdir()
    (root / "content" / "campaigns").mkdir(parents=True)
    channels = "\n".join(f"  {cid}: {spec}" for cid, spec in CHANNELS.items())
    (root / "guidelines" / "rules.yml").write_text(RULES.format(channels=channels),
                                                   encoding="utf-8")
    (root / "guidelines" / "team.yml").write_text(
        "members:\n  rina: {name: Rina, roles: [creator]}\n"
        "  dimas: {name: Dimas, roles: [editor]}\n", encoding="utf-8")
    (root / "guidelines" / "brand-voice.md").write_text("# Brand voice\n\nHangat.\n",
                                                        encoding="utf-8")
    for pid in ("mahasiswa", "pekerja", "ibu-rumah-tangga"):
        (root / "personas" / f"{pid}.yml").write_text(
            f"name: {pid.title()}\nlast_reviewed: 2026-11-01\nchannels: [instagram]\n",
            encoding="utf-8")
    (root / "content" / "campaigns" / "launch.md").write_text(
        "---\nname: Launch\nstart: 2027-01-01\nend: 2030-12-31\n---\nBrief.\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: Bench plan\nsite_url: https://example.org/plan/\ndocs_dir: content\n"
        "theme: {name: material}\nplugins: [search, smmplan]\n", encoding="utf-8")
    files = posts // repeat
    every = files // PER_DAY  # days between two occurrences of one recurring post
    for i in range(files if recurring else posts):
        _write_post(root, i, i % files, seed, start, every, repeat if recurring else 1)
    return root


REAL_CHANNELS = {
    "instagram": "{platform: instagram, name: Instagram, per_day: [0, 40], min_gap: 5m}",
    "facebook": "{platform: facebook, name: Facebook, per_day: [0, 40]}",
    "linkedin": "{platform: linkedin, name: LinkedIn, per_week: [0, 300]}",
    "threads": "{platform: facebook, name: Threads, per_day: [0, 40]}",
}
REAL_VOICE = """\
voice:
  - {name: no-slang, kind: banned, level: warning, terms: [gan, sis, cuy, gaes, bestie, anjay]}
  - {name: no-health-claims, kind: banned, level: warning, terms: [menyembuhkan, obat, diet]}
  - {name: no-superlatives, kind: banned, level: warning, terms: [terbaik sedunia, nomor satu]}
  - {name: preferred, kind: substitute, level: warning, terms: {murah: terjangkau}}
  - {name: kopi-hitam, kind: substitute, level: warning, terms: {kopi item: kopi hitam}}
  - {name: hemat, kind: substitute, level: warning, terms: {termurah: paling hemat}}
  - {name: shouting, kind: max-count, level: warning, pattern: "!", max: 3}
  - {name: hashtags, kind: max-count, level: warning, pattern: "#", max: 8}
  - {name: mentions, kind: max-count, level: warning, pattern: "@", max: 6}
  - {name: caps, kind: banned, level: info, terms: [PROMO GILA], regex: false}
  - {name: cta, kind: require, level: warning, when: {pillar: hard-sell},
     pattern: "pesan|order|beli", regex: true}
  - {name: brand-tag, kind: require, level: info, pattern: "#KopiSenja"}
"""
EMOJI = ["☕", "🌅", "😄", "🙌", "✨", "🔥", "💛", "🌱", "📍", "🎉", "👇", "🤎"]
PERSONAS = ("mahasiswa", "pekerja", "ibu-rumah-tangga", "pemilik-kafe", "barista", "traveler")
CAMPAIGNS = ("launch", "ramadan", "gayo", "kemerdekaan", "akhir-tahun")


def real_caption(rng: random.Random) -> str:
    """A caption of 300-2,000 characters: paragraphs of words, emoji, a URL, mentions, tags."""
    size = rng.randint(300, 2000)
    parts: list[str] = []
    length = 0
    while length < size - 120:
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 16))).capitalize()
        extra = rng.random()
        if extra < 0.2:
            sentence += " " + rng.choice(EMOJI)
        elif extra < 0.3:
            sentence += f" @{rng.choice(PERSONAS).replace('-', '_')}"
        parts.append(sentence + ".")
        if rng.random() < 0.25:
            parts.append("\n\n")
        length += len(sentence) + 2
    parts.append(f"\n\nInfo: https://kopisenja.example/{rng.choice(WORDS)}/{rng.randint(1, 999)}"
                 f" {rng.choice(EMOJI)}")
    tags = rng.sample(["#KopiSenja", "#SeduhManual", "#KopiBandung", "#KopiNusantara",
                       "#Arabika", "#Roastery"], rng.randint(2, 4))
    parts.append("\n\n" + " ".join(["#KopiSenja", *[t for t in tags if t != "#KopiSenja"]]))
    return " ".join(parts).replace(" \n\n ", "\n\n")


def generate_real_plan(root: Path, posts: int, seed: int = 0,
                       start: dt.date = dt.date(2027, 1, 4)) -> Path:
    """A plan like real ones (see the module's docstring) of ``posts`` posts under ``root``."""
    rng = random.Random(seed)
    generate_plan(root, 0, seed, start)
    channels = "\n".join(f"  {cid}: {spec}" for cid, spec in REAL_CHANNELS.items())
    rules = RULES.format(channels=channels)
    rules = rules[: rules.index("voice:")] + REAL_VOICE + rules[rules.index("workflow:"):]
    (root / "guidelines" / "rules.yml").write_text(rules, encoding="utf-8")
    for pid in PERSONAS:
        (root / "personas" / f"{pid}.yml").write_text(
            f"name: {pid.replace('-', ' ').title()}\nlast_reviewed: 2026-11-01\n"
            "channels: [instagram, facebook]\n", encoding="utf-8")
    for cid in CAMPAIGNS:
        (root / "content" / "campaigns" / f"{cid}.md").write_text(
            f"---\nname: {cid.title()}\nstart: 2027-01-01\nend: 2030-12-31\n---\nBrief.\n",
            encoding="utf-8")
    channel_ids = list(REAL_CHANNELS)
    per_day = 20
    for i in range(posts):
        day = start + dt.timedelta(days=i // per_day)
        minute = (i % per_day) * 40 + 6 * 60
        when = dt.datetime.combine(day, dt.time(minute // 60, minute % 60))
        pillar = rng.choice(PILLARS)
        first = channel_ids[i % len(channel_ids)]
        channel = (f"[{first}, {channel_ids[(i + 1) % len(channel_ids)]}]"
                   if rng.random() < 0.4 else first)
        cta = "\n\nPesan sekarang di tautan bio." if pillar == "hard-sell" else ""
        extra = ""
        if rng.random() < 0.85:
            extra += f"personas: [{', '.join(rng.sample(PERSONAS, rng.randint(1, 3)))}]\n"
        if rng.random() < 0.8:
            extra += f"campaign: {rng.choice(CAMPAIGNS)}\n"
        folder = root / "content" / "posts" / f"{day:%Y}" / f"{day:%m}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"post-{i:05d}.md").write_text(
            "---\n"
            f"id: post-{i:05d}\n"
            f"title: \"Post {i}: {rng.choice(WORDS)} {rng.choice(EMOJI)}\"\n"
            f"date: {when:%Y-%m-%d %H:%M}\n"
            f"channel: {channel}\n"
            f"pillar: {pillar}\n"
            "status: approved\n"
            "author: rina\n"
            "editor: dimas\n"
            f"{extra}"
            "format: photo\n"
            f"tags: [kopi, {rng.choice(WORDS)}]\n"
            f"link: https://kopisenja.example/p/{i}\n"
            "---\n\n"
            f"{real_caption(rng)}{cta}\n",
            encoding="utf-8",
        )
    return root


KINDS = {"simple": generate_plan, "real": generate_real_plan}


#: Posts (occurrences) per day of the generated plan.
PER_DAY = 20


def _write_post(root: Path, i: int, base: int, seed: int, start: dt.date, every: int,
                repeat: int) -> None:
    """Post ``i``; every random choice depends on ``base`` alone, so that occurrence ``i`` of a
    plan of single posts matches the occurrence of recurring post ``base`` on its day."""
    rng = random.Random(seed * 1_000_003 + base)
    day = start + dt.timedelta(days=i // PER_DAY)
    minute = (i % PER_DAY) * 40 + 6 * 60
    when = dt.datetime.combine(day, dt.time(minute // 60, minute % 60))
    pillar = rng.choice(PILLARS)
    channel_ids = list(CHANNELS)
    channel = channel_ids[i % len(channel_ids)]
    # X counts 280 weighted characters: keep its captions short so the plan builds
    longest = 25 if channel == "x" else 60
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(10, longest)))
    cta = " Pesan sekarang di tautan bio." if pillar == "hard-sell" else ""
    folder = root / "content" / "posts" / f"{day:%Y}" / f"{day:%m}"
    folder.mkdir(parents=True, exist_ok=True)
    recurs = f"repeat: {{every: day, interval: {every}, count: {repeat}}}\n" if repeat > 1 \
        else ""
    (folder / f"post-{i:05d}.md").write_text(
        "---\n"
        f"id: post-{i:05d}\n"
        f"title: Post {base} tentang {rng.choice(WORDS)}\n"
        f"date: {when:%Y-%m-%d %H:%M}\n"
        f"{recurs}"
        f"channel: {channel}\n"
        f"pillar: {pillar}\n"
        "status: approved\n"
        "author: rina\n"
        "editor: dimas\n"
        f"personas: [{rng.choice(['mahasiswa', 'pekerja', 'ibu-rumah-tangga'])}]\n"
        "campaign: launch\n"
        "format: photo\n"
        "tags: [kopi, pagi]\n"
        "---\n\n"
        f"{words.capitalize()}.{cta} #kopi #pagi\n",
        encoding="utf-8",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("dir", type=Path)
    parser.add_argument("--posts", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--kind", choices=sorted(KINDS), default="simple")
    parser.add_argument("--repeat", type=int, default=1,
                        help="simple plan: write the occurrences as recurring posts of this many")
    args = parser.parse_args()
    if args.kind == "real":
        generate_real_plan(args.dir, args.posts, args.seed)
        print(f"wrote {args.posts} real posts to {args.dir}")
        return
    generate_plan(args.dir, args.posts, args.seed, repeat=args.repeat,
                  recurring=args.repeat > 1)
    files = args.posts // args.repeat
    print(f"wrote {args.posts} occurrences in {files} posts to {args.dir}")


if __name__ == "__main__":
    main()
