// Runs smmplan's admin script (smmplan/cms/static/smmplan-cms.js) outside the browser, with the
// CMS stubbed: reads {script, settings, cases} as JSON on stdin, prints each case's result.
import vm from "node:vm";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const { script, settings, cases } = JSON.parse(input);
const window = {
  CMS: { registerPreviewTemplate() {}, registerPreviewStyle() {}, registerEventListener() {} },
  h() { return null; },
};
const context = vm.createContext({
  window, Intl, Array, RegExp, String, Math, Error, JSON, Promise, console,
  fetch: async () => ({ ok: true, json: async () => settings }),
});
vm.runInContext(script, context);
await new Promise((resolve) => window.smmplanCms.whenReady(resolve));
const api = window.smmplanCms;
const out = cases.map((c) => {
  if (c.op === "rewrite") return api.rewriteOf(c.raw, c.collection);
  if (c.op === "caption") return api.captionFor(c.body, c.channel);
  return api.count(api.caption(c.text), settings.channels[c.channel]);
});
process.stdout.write(JSON.stringify(out));
