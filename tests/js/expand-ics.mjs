// Expand every event of iCalendar files with ical.js (RRULE, EXDATE, VTIMEZONE) and print the
// occurrences as JSON: node expand-ics.mjs UNTIL FILE...
// {"FILE": [{"uid": ..., "summary": ..., "starts": ["2027-01-04T12:30:00.000Z" | "2027-01-04"]}]}
// UNTIL (YYYY-MM-DD) bounds rules without an end. Exits 1 when ical.js cannot parse a file.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const [until, ...files] = process.argv.slice(2);
const limit = ICAL.Time.fromDateString(until);
const out = {};
for (const file of files) {
  let root;
  try {
    root = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")));
  } catch (err) {
    process.stderr.write(`${file}: ${err.message}\n`);
    process.exit(1);
  }
  for (const vtimezone of root.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(vtimezone);
  }
  out[file] = root.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    const starts = [];
    const it = event.iterator();
    for (let next = it.next(); next && next.compare(limit) <= 0; next = it.next()) {
      starts.push(next.isDate ? next.toString() : next.toJSDate().toISOString());
      if (starts.length > 100000) break;
    }
    return { uid: event.uid, summary: event.summary, starts };
  });
}
process.stdout.write(JSON.stringify(out));
