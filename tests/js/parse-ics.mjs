// Parse iCalendar files with ical.js and print what it understood as JSON, one object per file:
//   node parse-ics.mjs FILE...
// {"FILE": {"calendar": {property: value}, "events": [{...}]}}
// Exits 1 (with the message on stderr) when ical.js cannot parse a file.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

function text(component, name) {
  const prop = component.getFirstProperty(name);
  return prop === null ? null : String(prop.getFirstValue());
}

function time(component, name) {
  const prop = component.getFirstProperty(name);
  if (prop === null) return null;
  const value = prop.getFirstValue();
  return {
    raw: value.toString(),
    isDate: value.isDate,
    utc: value.isDate ? null : value.toJSDate().toISOString(),
    unix: value.isDate ? null : value.toUnixTime(),
  };
}

function event(component) {
  const vevent = new ICAL.Event(component);
  const categories = component.getAllProperties("categories").flatMap((p) => p.getValues());
  const duration = component.getFirstProperty("duration");
  return {
    uid: vevent.uid,
    summary: vevent.summary,
    description: vevent.description,
    status: text(component, "status"),
    sequence: vevent.sequence,
    url: text(component, "url"),
    transp: text(component, "transp"),
    categories: categories.map(String),
    dtstart: time(component, "dtstart"),
    dtend: time(component, "dtend"),
    dtstamp: time(component, "dtstamp"),
    lastModified: time(component, "last-modified"),
    duration: duration === null ? null : duration.getFirstValue().toString(),
    start: vevent.startDate.isDate ? vevent.startDate.toString()
      : vevent.startDate.toJSDate().toISOString(),
    end: vevent.endDate.isDate ? vevent.endDate.toString()
      : vevent.endDate.toJSDate().toISOString(),
  };
}

const out = {};
for (const file of process.argv.slice(2)) {
  let root;
  try {
    root = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")));
  } catch (err) {
    process.stderr.write(`${file}: ${err.message}\n`);
    process.exit(1);
  }
  const calendar = {};
  for (const prop of root.getAllProperties()) {
    calendar[prop.name] = String(prop.getFirstValue());
  }
  out[file] = {
    name: root.name,
    calendar,
    components: root.getAllSubcomponents().map((c) => c.name),
    events: root.getAllSubcomponents("vevent").map(event),
  };
}
process.stdout.write(JSON.stringify(out));
