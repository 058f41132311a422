/* smmplan's additions to Decap CMS, loaded by the /admin/ page after the CMS itself.
 *
 * - The post preview: the caption as each of its channels counts it, against the channel's
 *   limit. Limits and X's weights come from smmplan-cms.json, which `smmplan build` writes from
 *   the plan (data only: nothing in it runs). Counting follows smmplan's (smmplan/textcount.py)
 *   with two approximations, said on the preview: on X a link counts 23 only when it starts with
 *   http://, https:// or www. (X also shortens bare domains such as example.com/page), and an
 *   emoji is a grapheme cluster holding an Extended_Pictographic character. `smmplan check`
 *   is the judge.
 * - Saving an existing file whose other lines Decap would rewrite (comments, inline lists,
 *   quotes, key order) is refused with the line and the reason: the same test as
 *   smmplan/cms/roundtrip.py, with the expressions from smmplan-cms.json.
 */
(function () {
  "use strict";
  var settings = null;
  var waiting = [];
  fetch("smmplan-cms.json", { cache: "no-cache" })
    .then(function (r) { return r.ok ? r.json() : null; })
    .catch(function () { return null; })
    .then(function (data) {
      settings = data || { channels: {}, x: null, rewrite: null, collections: {} };
      waiting.splice(0).forEach(function (f) { f(); });
    });

  function whenReady(f) { if (settings) { f(); } else { waiting.push(f); } }

  // The caption as published: without leading blank lines and trailing whitespace.
  function caption(body) {
    var lines = String(body || "").replace(/\r\n?/g, "\n").split("\n");
    while (lines.length > 1 && lines[0].trim() === "") { lines.shift(); }
    return lines.join("\n").replace(/\s+$/, "");
  }

  var segmenter = typeof Intl !== "undefined" && Intl.Segmenter
    ? new Intl.Segmenter(undefined, { granularity: "grapheme" }) : null;

  function graphemes(text) {
    if (!segmenter) { return Array.from(text); }
    return Array.from(segmenter.segment(text), function (s) { return s.segment; });
  }

  // as twitter-text, a link does not take the punctuation that ends a sentence
  var LINK = /(?:https?:\/\/|www\.)[^\s]*[^\s.,;:!?)\]'"]/gi;
  var PICTOGRAPHIC = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;

  function weight(code, x) {
    for (var i = 0; i < x.ranges.length; i++) {
      var r = x.ranges[i];
      if (code >= r[0] && code <= r[1]) { return r[2]; }
    }
    return x.default_weight;
  }

  function xLength(text, x) {
    var normal = text.normalize("NFC");
    var total = 0;
    var parts = normal.split(LINK);
    var links = normal.match(LINK) || [];
    total += links.length * x.url_weight;
    parts.forEach(function (part) {
      graphemes(part).forEach(function (g) {
        if (PICTOGRAPHIC.test(g)) { total += x.default_weight; return; }
        for (var i = 0; i < g.length; i++) {
          var code = g.codePointAt(i);
          if (code > 0xffff) { i++; }
          total += weight(code, x);
        }
      });
    });
    return Math.floor(total / x.scale);
  }

  var HASHTAG = /(?<![\p{L}\p{M}\p{N}_&\/#＃])[#＃](?![\ufe0f\u20e3])[\p{L}\p{M}\p{N}_\u200c\u200d]*[\p{L}\p{M}][\p{L}\p{M}\p{N}_\u200c\u200d]*/gu;

  function count(text, channel) {
    var length = channel.counting === "weighted" && settings.x
      ? xLength(text, settings.x) : graphemes(text).length;
    return { length: length, hashtags: (text.match(HASHTAG) || []).length };
  }

  function list(value) {
    if (value === null || value === undefined || value === "") { return []; }
    if (typeof value === "string") { return [value]; }
    return value.toJS ? value.toJS() : Array.from(value);
  }

  function PostPreview(props) {
    var h = window.h;
    var data = props.entry.get("data");
    var text = caption(data.get("body"));
    var rows = list(data.get("channel")).map(function (id) {
      var channel = settings && settings.channels[id];
      if (!channel) {
        return h("tr", { key: id }, h("th", null, id), h("td", { colSpan: 2 }, "not in the plan"));
      }
      var c = count(text, channel);
      var over = channel.max_length !== null && c.length > channel.max_length;
      var tags = channel.max_hashtags === null ? String(c.hashtags)
        : c.hashtags + " / " + channel.max_hashtags;
      return h("tr", { key: id, "data-channel": id, className: over ? "over" : "fits" },
        h("th", null, channel.name),
        h("td", { className: "count" },
          c.length + (channel.max_length === null ? "" : " / " + channel.max_length)
          + (channel.counting === "weighted" ? " (weighted)" : "")),
        h("td", { className: "tags" }, tags));
    });
    var entry = props.entry;
    var refused = entry.get("newRecord") ? null : rewriteOf(entry.get("raw"), "posts");
    return h("div", { className: "smmplan-preview" },
      refused && h("p", { className: "smmplan-refused", role: "alert" },
        "This file cannot be saved from the editor: line " + refused[0] + " would be rewritten ("
        + refused[1] + "). Edit it in git instead."),
      h("h1", null, data.get("title") || ""),
      h("table", { className: "smmplan-counts" },
        h("thead", null, h("tr", null, h("th", null, "Channel"), h("th", null, "Length / limit"),
          h("th", null, "Hashtags"))),
        h("tbody", null, rows)),
      h("p", { className: "smmplan-note" },
        "Counted as the platform counts (an estimate: on X only links starting with http(s):// "
        + "or www. count 23). The plan check on the pull request is the judge."),
      h("pre", { className: "smmplan-caption" }, text));
  }

  // A function component: Decap renders it again on every change of the entry, and the
  // settings arrive long before a creator types.
  function Preview(props) {
    if (!settings) { return window.h("p", null, "Loading the plan's channels…"); }
    return PostPreview(props);
  }

  // --- refusing to save a file whose other lines Decap would rewrite ---------------------------

  // The reasons are worded as in roundtrip.py, so the editor and `smmplan check` agree.
  function why(value, special) {
    if (/^[\[{]/.test(value)) { return "a list or mapping written inline (`[a, b]`) is written as one item per line"; }
    if (/^['"]/.test(value)) { return "quoted text is written with other quotes or none"; }
    if (/^[|>]/.test(value)) { return "a multi-line text block is written in another style"; }
    if (value.indexOf(" #") >= 0) { return "the comment at the end of the line is dropped"; }
    if (special.test(value)) { return "`" + value + "` is written in another spelling"; }
    return "`" + value + "` is written in another form (quoted or escaped)";
  }

  function whyLine(line) {
    var stripped = line.trim();
    if (!stripped) { return "blank lines are dropped"; }
    if (stripped.charAt(0) === "#") { return "comments are dropped"; }
    return "the editor writes this line in another layout";
  }

  // [1-based line, why] of the first line Decap would write differently, or null.
  function rewriteOf(raw, collection) {
    var rules = settings && settings.rewrite;
    var spec = settings && settings.collections[collection];
    if (!rules || !spec || typeof raw !== "string" || raw === "") { return null; }
    var plain = new RegExp("^(?:" + rules.plain + ")$");
    var special = new RegExp("^(?:" + rules.special + ")$");
    var canonical = new RegExp("^(?:" + rules.canonical + ")$");
    var top = new RegExp("^(" + rules.key + "):(?: (.*))?$");
    var item = /^ {2}- (.*)$/;
    var sub = new RegExp("^ {2}(?:" + rules.key + "): (.*)$");
    function kept(v) { return special.test(v) ? canonical.test(v) : plain.test(v); }
    if (raw.slice(-1) !== "\n") {
      return [raw.split("\n").length, "the editor ends the file with a line break"];
    }
    var lines = raw.slice(0, -1).split("\n");
    var offset = 0;
    if (spec.front_matter) {
      var close = lines.indexOf("---", 1);
      if (lines[0] !== "---" || close < 0) {
        return [1, "the editor writes front matter between two `---` lines"];
      }
      if (close === lines.length - 1) {
        return [close + 1, "a file without a caption gets an empty line added"];
      }
      lines = lines.slice(1, close);
      offset = 1;
    }
    var order = spec.order;
    var last = -1;
    var seen = {};
    var nested = false;
    for (var i = 0; i < lines.length; i++) {
      var line = lines[i];
      var at = i + 1 + offset;
      var width = line.length;  // UTF-16 code units, as Decap's writer counts
      if (width > rules.width) {
        return [at, "it is longer than " + rules.width + " characters, and the editor folds long lines"];
      }
      var m = line.match(item) || line.match(sub);
      if (nested && m) {
        if (!kept(m[1])) { return [at, why(m[1], special)]; }
        continue;
      }
      var t = line.match(top);
      if (!t) { return [at, whyLine(line)]; }
      var key = t[1];
      var value = t[2];
      if (Object.prototype.hasOwnProperty.call(seen, key)) { return [at, "`" + key + "` is given twice"]; }
      seen[key] = true;
      var index = order.indexOf(key);
      if (index >= 0) {
        if (index < last) {
          return [at, "`" + key + "` comes after a key the editor writes later; it writes them in this order: " + order.join(", ")];
        }
        last = index;
      }
      if (value === undefined) {
        nested = i + 1 < lines.length && (item.test(lines[i + 1]) || sub.test(lines[i + 1]));
        if (!nested) { return [at, "an empty value is written as `null`"]; }
      } else if (!kept(value)) {
        return [at, why(value, special)];
      } else if (spec.lists.indexOf(key) >= 0) {
        return [at, "the editor writes `" + key + "` as a list, one item per line"];
      } else {
        nested = false;
      }
    }
    return null;
  }

  function refuseRewrites(event) {
    var entry = event.entry;
    if (entry.get("newRecord")) { return undefined; }
    var found = rewriteOf(entry.get("raw"), entry.get("collection"));
    if (found) {
      throw new Error("smmplan: " + entry.get("path") + " is not saved: line " + found[0]
        + " would be rewritten (" + found[1] + "). Edit this file in git instead; "
        + "`smmplan check` lists such files as SMM012.");
    }
    return undefined;
  }

  window.smmplanCms = { caption: caption, count: count, rewriteOf: rewriteOf, whenReady: whenReady };
  window.CMS.registerPreviewStyle([
    ".smmplan-preview { font-family: system-ui, sans-serif; }",
    ".smmplan-counts { border-collapse: collapse; margin: 1em 0; }",
    ".smmplan-counts th, .smmplan-counts td { border: 1px solid #ccc; padding: .3em .6em; text-align: left; }",
    ".smmplan-counts tr.over td.count { color: #b00020; font-weight: bold; }",
    ".smmplan-refused { background: #fde7e9; border-left: 4px solid #b00020; padding: .6em; }",
    ".smmplan-note { color: #555; font-size: .9em; }",
    ".smmplan-caption { white-space: pre-wrap; font-family: inherit; font-size: 1.05em; }"
  ].join("\n"), { raw: true });
  window.CMS.registerPreviewTemplate("posts", Preview);
  window.CMS.registerEventListener({ name: "preSave", handler: refuseRewrites });
})();
