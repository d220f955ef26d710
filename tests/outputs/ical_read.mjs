// Read calendars the way a calendar app does, with ical.js (npm, pinned in package.json):
// node ical_read.mjs FILE... prints [{file, name, events: [{uid, summary, start, end, status}]}] as JSON.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const out = process.argv.slice(2).map((file) => {
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")));
  const events = calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return { uid: event.uid, summary: event.summary, start: event.startDate.toString(),
             end: event.endDate.toString(), status: component.getFirstPropertyValue("status") };
  });
  return { file, name: calendar.getFirstPropertyValue("x-wr-calname"), events };
});
process.stdout.write(JSON.stringify(out));
