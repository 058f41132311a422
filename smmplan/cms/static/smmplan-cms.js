/* smmplan's additions to Decap CMS, loaded by the /admin/ page after the CMS itself.
 *
 * - The post preview: the caption as each of its channels counts it, against the channel's
 *   limit. Limits and X's weights come from smmplan-cms.json, which `smmplan build` writes from
 *   the plan (data only: nothing in it runs). Counting follows smmplan's (smmplan/textcount.py)
 *   with two approximations, said on the preview: on X a link counts 23 only when it starts with
 *   http://, https:// or www. (X also shortens bare domains such as example.com/page), and an
 *   emoji (weight 2) is a grapheme cluster holding an Extended_Pictographic or Regional
 *   Indicator character or a keycap, where X uses its own emoji list. `smmplan check` is the
 *   judge; the tests compare both counts on the example plan's captions.
 * - Saving an existing file whose other lines Decap would rewrite (comments, inline lists,
 *   quotes, key order) is refused with the line and the reason: the same test as
 *   smmplan/cms/roundtrip.py, with the expressions from smmplan-cms.json. Optional fields
 *   the creator emptied are left out rather than written empty.
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

  // The caption of one channel (SPEC 5.4, smmplan/variants.py): a line holding only
  // <!-- for: x, threads --> starts the caption of those channels; the text before the first
  // such line is the caption of the post's other channels. Templates ({{ ... }}) are counted
  // as written: `smmplan check` counts them rendered.
  var MARKER = /^[ \t]*<!--[ \t]*for[ \t]*:([^\n]*?)-->[ \t]*$/gm;

  function captionFor(body, channel) {
    var text = String(body || "").replace(/\r\n?/g, "\n");
    var sections = [];
    var start = 0;
    var ids = [];
    var m;
    MARKER.lastIndex = 0;
    while ((m = MARKER.exec(text)) !== null) {
      sections.push({ ids: ids, text: text.slice(start, m.index) });
      ids = m[1].match(/[^,\s]+/g) || [];
      start = m.index + m[0].length + 1;
    }
    sections.push({ ids: ids, text: text.slice(Math.min(start, text.length)) });
    for (var i = 1; i < sections.length; i++) {
      if (sections[i].ids.indexOf(channel) >= 0) { return caption(sections[i].text); }
    }
    return caption(sections[0].text);
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
    var body = data.get("body");
    var rows = list(data.get("channel")).map(function (id) {
      var text = captionFor(body, id);
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
      h("pre", { className: "smmplan-caption" }, caption(body)));
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

  var CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\t]/;

  // foldFlowLines of yaml 1.10 (Decap's writer) for a plain value, as roundtrip.fold.
  function fold(text, indentAtStart, width) {
    var indent = 2;
    var minContent = 20;
    var endStep = Math.max(1 + minContent, 1 + width - indent);
    if (text.length <= endStep) { return [text]; }
    if (indentAtStart > width - Math.max(2, minContent)) { return null; }
    var end = width - indentAtStart;
    var folds = [];
    var split = null;
    var prev = null;
    function blank(c) { return c === " " || c === "\n" || c === "\t"; }
    for (var k = 0; k < text.length; k++) {
      var ch = text[k];
      if (ch === " " && prev !== null && !blank(prev) && k + 1 < text.length && !blank(text[k + 1])) {
        split = k;
      }
      if (k >= end && split) {
        folds.push(split);
        end = split + endStep;
        split = null;
      }
      prev = ch;
    }
    var bounds = [-1].concat(folds, [text.length]);
    var out = [];
    for (var b = 0; b + 1 < bounds.length; b++) { out.push(text.slice(bounds[b] + 1, bounds[b + 1])); }
    return out;
  }

  // [1-based line, why] of the first line Decap would write differently, or null: the same
  // test as roundtrip.first_rewrite.
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
    var width = rules.width;
    var tooLong = "it is longer than " + width + " characters, and the editor folds long lines";
    var core = new RegExp("^(?:" + rules.core + ")$");
    var notPlain = new RegExp(rules.not_plain);
    function kept(v) { return special.test(v) ? canonical.test(v) : plain.test(v); }
    // as roundtrip._quoted_kept
    function quotedKept(text) {
      if (text.length < 2 || text[0] !== text[text.length - 1] || "'\"".indexOf(text[0]) < 0) { return false; }
      var inner = text.slice(1, -1);
      var value;
      if (text[0] === "'") {
        value = inner;
        if (value.indexOf("'") >= 0 || value.indexOf('"') < 0) { return false; }
      } else {
        value = inner.split('\\"').join('"');
        if (value.indexOf("\\") >= 0 || inner.split('\\"').join("").indexOf('"') >= 0
            || (value.indexOf('"') >= 0 && value.indexOf("'") < 0)) { return false; }
      }
      if (!value || CONTROL.test(value) || value.indexOf("\n") >= 0) { return false; }
      return notPlain.test(value) || core.test(value);
    }
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

    function indented(start) {
      var n = start;
      while (n < lines.length && (lines[n] === "" || lines[n].charAt(0) === " ")) { n++; }
      return n - start;
    }
    function block(i, body) {
      if (body === 0) { return [i, "an empty value is written as `null`"]; }
      for (var j = i + 1; j <= i + body; j++) {
        var m = lines[j].match(item) || lines[j].match(sub);
        if (!m) { return [j, whyLine(lines[j])]; }
        if (lines[j].length > width) { return [j, tooLong]; }
        if (!kept(m[1])) { return [j, why(m[1], special)]; }
      }
      return null;
    }
    function literal(i, body, keep) {
      var content = lines.slice(i + 1, i + 1 + body).map(function (l) { return l.slice(2); });
      var style = "a multi-line text block is written in another style";
      if (!content.length || !content[0] || content[0].charAt(0) === " " || !content[content.length - 1]) {
        return [i, style];
      }
      if (!keep && content.length === 1) { return [i, "text of one line is written without `|-`"]; }
      for (var c = 0; c < content.length; c++) {
        var j = i + 1 + c;
        if (lines[j] && lines[j].slice(0, 2) !== "  ") { return [j, "the editor writes this line in another layout"]; }
        if (content[c].length > width - 2 || CONTROL.test(content[c])) { return [j, style]; }
      }
      return null;
    }
    function scalar(i, body, key, value) {
      if ((value[0] === "'" || value[0] === '"') && body === 0 && lines[i].length <= width - 1) {
        return quotedKept(value) ? null : [i, why(value, special)];
      }
      var parts = [value];
      for (var j = i + 1; j <= i + body; j++) {
        var part = lines[j].slice(2);
        if (lines[j].slice(0, 2) !== "  " || !part || part.charAt(0) === " " || part.charAt(0) === "-") {
          return [j, !lines[j].trim() ? whyLine(lines[j]) : "the editor writes this line in another layout"];
        }
        parts.push(part);
      }
      var text = parts.join(" ");
      if (!kept(text)) { return [i, why(text, special)]; }
      var folded = fold(text, key.length + 2, width);
      if (!folded || folded.join("\n") !== parts.join("\n")) {
        return [i, "the editor folds lines longer than " + width + " characters in other places"];
      }
      return null;
    }

    var order = spec.order;
    var last = -1;
    var seen = {};
    var i = 0;
    while (i < lines.length) {
      var t = lines[i].match(top);
      if (!t) { return [i + 1 + offset, whyLine(lines[i])]; }
      var key = t[1];
      var value = t[2];
      if (Object.prototype.hasOwnProperty.call(seen, key)) { return [i + 1 + offset, "`" + key + "` is given twice"]; }
      seen[key] = true;
      var index = order.indexOf(key);
      if (index >= 0) {
        if (index < last) {
          return [i + 1 + offset, "`" + key + "` comes after a key the editor writes later; it writes them in this order: " + order.join(", ")];
        }
        last = index;
      }
      var body = indented(i + 1);
      var found;
      if (value === undefined) {
        found = block(i, body);
      } else if (value === "|" || value === "|-") {
        found = literal(i, body, value === "|");
      } else {
        found = scalar(i, body, key, value);
        if (!found && spec.lists.indexOf(key) >= 0) {
          found = [i, "the editor writes `" + key + "` as a list, one item per line"];
        }
      }
      if (found) { return [found[0] + 1 + offset, found[1]]; }
      i += 1 + body;
    }
    return null;
  }

  // Before Decap writes: refuse a file it would rewrite, and leave out optional fields the
  // creator emptied (Decap writes them as "" or [], which the plan check rejects).
  function beforeSave(event) {
    var entry = event.entry;
    var collection = entry.get("collection");
    if (!entry.get("newRecord")) {
      var found = rewriteOf(entry.get("raw"), collection);
      if (found) {
        throw new Error("smmplan: " + entry.get("path") + " is not saved: line " + found[0]
          + " would be rewritten (" + found[1] + "). Edit this file in git instead; "
          + "`smmplan check` lists such files as SMM012.");
      }
    }
    var spec = settings && settings.collections[collection];
    if (!spec) { return undefined; }
    return entry.get("data").filter(function (value, key) {
      var empty = value === "" || value === null || (value && value.size === 0);
      return !(empty && spec.order.indexOf(key) >= 0);
    });
  }

  window.smmplanCms = { caption: caption, captionFor: captionFor, count: count, rewriteOf: rewriteOf, whenReady: whenReady };
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
  window.CMS.registerEventListener({ name: "preSave", handler: beforeSave });
})();
