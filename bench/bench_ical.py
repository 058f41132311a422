"""Feeds of a 20,000-post plan against one plain icalendar serialisation of the same events.

    python bench/bench_ical.py [--posts 20000] [--repeat 3]

The plan is generated (bench/generate.py) and committed to a fresh git repository, so the feed
side pays for reading the git history too. Both sides start from the loaded plan:

* baseline: the obvious icalendar code — one ``Calendar``, one ``Event`` per post and channel
  with the same properties (``event.add``), ``calendar.to_ical()``: ONE feed;
* smmplan: ``render_feeds(plan)`` — git history, every event serialised once, and EVERY feed
  (whole plan, channels, personas, campaign, authors, holidays).

Target: smmplan within 1.3x of the baseline. The best of ``--repeat`` runs of each is reported.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from icalendar import Calendar, Event  # noqa: E402

from bench.generate import generate_plan  # noqa: E402
from smmplan.gitdates import read_history  # noqa: E402
from smmplan.ical import (  # noqa: E402
    PRODID,
    STATUS,
    event_description,
    event_uid,
    render_feeds,
    uid_namespace,
)
from smmplan.load import load_plan  # noqa: E402
from smmplan.model import Plan  # noqa: E402

TARGET = 1.3
UTC = dt.UTC


def commit_all(root: Path) -> None:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.org",
           "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.org",
           "GIT_AUTHOR_DATE": "2026-11-01T00:00:00+00:00",
           "GIT_COMMITTER_DATE": "2026-11-01T00:00:00+00:00"}
    for args in (["init", "-q", "-b", "main"], ["add", "-A", "."],
                 ["commit", "-q", "-m", "generated plan"]):
        subprocess.run(["git", "-C", str(root), *args], check=True, env=env)


def plain_icalendar(plan: Plan) -> bytes:
    """The same events written the plain icalendar way, into one calendar."""
    history = read_history(plan.root)
    namespace = uid_namespace(plan)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", plan.site.name)
    minutes = dt.timedelta(minutes=plan.settings.event_minutes)
    for post in plan.posts:
        if post.start is None or post.status == "idea":
            continue
        stamp = history.stamp(post.path)
        description = event_description(plan, post)
        for channel in post.channels:
            event = Event()
            event.add("uid", event_uid(namespace, post.id, channel))
            event.add("dtstamp", stamp)
            event.add("last-modified", stamp)
            event.add("sequence", history.sequence(post.path))
            event.add("dtstart", post.start.astimezone(UTC))
            event.add("duration", minutes)
            event.add("summary", f"{plan.settings.channels[channel].name}: {post.title}")
            event.add("description", description)
            event.add("url", f"{plan.site.url}posts/{post.id}/")
            event.add("categories", [post.pillar, channel])
            event.add("status", STATUS[post.status])
            event.add("transp", "TRANSPARENT")
            cal.add_component(event)
    return cal.to_ical()


def best(fn, repeat: int):  # type: ignore[no-untyped-def]
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--posts", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    root = HERE / "out" / f"ical-{args.posts}"
    generate_plan(root, args.posts, seed=0)
    commit_all(root)
    plan, _ = load_plan(root)

    base_s, base = best(lambda: plain_icalendar(plan), args.repeat)
    ours_s, feeds = best(lambda: render_feeds(plan), args.repeat)
    total = sum(len(b) for b in feeds.values())
    events = feeds["calendar.ics"].count(b"BEGIN:VEVENT")
    ratio = ours_s / base_s
    print(f"plan: {args.posts} posts, {events} events, {len(feeds)} feeds")
    print(f"baseline  icalendar, 1 feed:         {base_s:7.3f} s  {len(base) / 1e6:7.1f} MB")
    print(f"smmplan   render_feeds, {len(feeds):2d} feeds:   {ours_s:7.3f} s  "
          f"{total / 1e6:7.1f} MB")
    print(f"ratio {ratio:.2f}x (target <= {TARGET}x): {'OK' if ratio <= TARGET else 'MISSED'}")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
