// The article text's toolbar and paste. Without this script the text is plain Markdown typed by
// hand; with it:
// - a toolbar (and its shortcuts) wraps the selection in bold or italic, makes the line a heading,
//   a list item or a quote, makes a link, or goes to "Add a reference by DOI or PMID";
// - HTML pasted from Word, Google Docs or a web page arrives as clean Markdown: headings, lists,
//   links, bold and italic, tables and images with an address; their styles, classes and comments
//   are left behind.
(function () {
  "use strict";
  var text = document.getElementById("markdown");
  if (!text || text.disabled || typeof DOMParser !== "function") {
    return;
  }

  var ACTIONS = [
    { key: "bold", label: "Bold", keys: "Ctrl+B", mark: "B", run: function () { wrap("**", "**", "bold text"); } },
    { key: "italic", label: "Italic", keys: "Ctrl+I", mark: "I", run: function () { wrap("*", "*", "italic text"); } },
    { key: "heading", label: "Heading", keys: "Ctrl+Alt+2", mark: "H", run: function () { prefixLines("## "); } },
    { key: "list", label: "List", keys: "Ctrl+Shift+8", mark: "\u2022", run: function () { prefixLines("- "); } },
    { key: "quote", label: "Quote", keys: "Ctrl+Shift+9", mark: "\u201c", run: function () { prefixLines("> "); } },
    { key: "link", label: "Link", keys: "Ctrl+K", mark: "\u2197", run: link },
    { key: "reference", label: "Reference by DOI or PMID", keys: "Ctrl+Shift+R", mark: "[1]", run: reference }
  ];

  var bar = document.createElement("div");
  bar.className = "markdown-toolbar";
  bar.setAttribute("role", "toolbar");
  bar.setAttribute("aria-label", "Formatting");
  bar.setAttribute("aria-controls", "markdown");
  ACTIONS.forEach(function (action, i) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "secondary";
    button.setAttribute("data-format", action.key);
    button.setAttribute("aria-keyshortcuts", action.keys.replace("Ctrl", "Control"));
    button.title = action.label + " (" + action.keys + ")";
    button.tabIndex = i === 0 ? 0 : -1;
    var mark = document.createElement("span");
    mark.setAttribute("aria-hidden", "true");
    mark.textContent = action.mark;
    var name = document.createElement("span");
    name.className = "visually-hidden";
    name.textContent = action.label;
    button.append(mark, name);
    button.addEventListener("mousedown", function (event) { event.preventDefault(); }); // keeps the selection
    button.addEventListener("click", function () { action.run(); });
    bar.append(button);
  });
  // One tab stop for the toolbar; the arrow keys move inside it.
  bar.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") { return; }
    var buttons = Array.prototype.slice.call(bar.querySelectorAll("button"));
    var at = buttons.indexOf(document.activeElement);
    var to = buttons[(at + (event.key === "ArrowRight" ? 1 : buttons.length - 1)) % buttons.length];
    buttons.forEach(function (b) { b.tabIndex = b === to ? 0 : -1; });
    to.focus();
    event.preventDefault();
  });
  text.parentNode.insertBefore(bar, text);

  text.addEventListener("keydown", function (event) {
    if (!(event.ctrlKey || event.metaKey)) { return; }
    var k = event.key.toLowerCase(), code = event.code;
    var chosen = !event.shiftKey && !event.altKey && k === "b" ? "bold"
      : !event.shiftKey && !event.altKey && k === "i" ? "italic"
      : !event.shiftKey && !event.altKey && k === "k" ? "link"
      : event.altKey && !event.shiftKey && code === "Digit2" ? "heading"
      : event.shiftKey && code === "Digit8" ? "list"
      : event.shiftKey && code === "Digit9" ? "quote"
      : event.shiftKey && k === "r" ? "reference" : null;
    if (!chosen) { return; }
    event.preventDefault();
    ACTIONS.filter(function (a) { return a.key === chosen; })[0].run();
  });

  text.addEventListener("paste", function (event) {
    var data = event.clipboardData;
    var html = data && data.getData("text/html");
    if (!html) { return; } // plain text pastes as it is
    var markdown = window.VertebraPaste.toMarkdown(html);
    if (!markdown) { return; }
    event.preventDefault();
    replace(text.selectionStart, text.selectionEnd, markdown, markdown.length);
  });

  function wrap(before, after, placeholder) {
    var start = text.selectionStart, end = text.selectionEnd;
    var chosen = text.value.slice(start, end) || placeholder;
    replace(start, end, before + chosen + after, before.length, before.length + chosen.length);
  }

  function prefixLines(prefix) {
    var value = text.value;
    var start = value.lastIndexOf("\n", text.selectionStart - 1) + 1;
    var end = value.indexOf("\n", Math.max(text.selectionEnd - 1, start));
    if (end < 0) { end = value.length; }
    var lines = value.slice(start, end).split("\n").map(function (line) {
      return line.indexOf(prefix) === 0 ? line.slice(prefix.length) : prefix + line.replace(/^(#{1,6} |- |> )/, "");
    }).join("\n");
    replace(start, end, lines, lines.length);
  }

  function link() {
    var start = text.selectionStart, end = text.selectionEnd;
    var chosen = text.value.slice(start, end) || "link text";
    var inserted = "[" + chosen + "](https://)";
    replace(start, end, inserted, inserted.length - 9, inserted.length - 1);
  }

  function reference() {
    var field = document.getElementById("referenceId");
    if (field && !field.disabled) {
      field.focus();
      field.scrollIntoView({ block: "center" });
    } else {
      wrap("[", "]", "1");
    }
  }

  // Replaces a range of the text and selects from..to within what was put in (relative offsets).
  function replace(start, end, inserted, from, to) {
    text.focus();
    text.setRangeText(inserted, start, end, "end");
    text.setSelectionRange(start + from, start + (to === undefined ? from : to));
    text.dispatchEvent(new Event("input", { bubbles: true }));
  }
})();

// HTML from a clipboard to Markdown. Word marks its lists with mso-list styles and a bullet in a
// span to ignore; Google Docs wraps everything in a <b> that is not bold and says bold and italic in
// styles; web pages bring scripts, classes and layout tables. Only the meaning is kept.
window.VertebraPaste = (function () {
  "use strict";

  function toMarkdown(html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    Array.prototype.forEach.call(doc.querySelectorAll("script, style, meta, link, title, head, o\\:p, xml"), function (n) { n.remove(); });
    var out = blocks(doc.body).join("\n\n");
    return out.replace(/\n{3,}/g, "\n\n").trim();
  }

  function blocks(parent) {
    var result = [], words = "", wordList = null;
    function flushWords() {
      if (words.trim()) { result.push(words.trim()); }
      words = "";
    }
    function flushWordList() {
      if (wordList) { result.push(wordList.join("\n")); wordList = null; }
    }
    Array.prototype.forEach.call(parent.childNodes, function (node) {
      if (node.nodeType === 3 || (node.nodeType === 1 && isInline(node))) {
        var piece = inline(node);
        if (piece.trim()) { flushWordList(); }
        words += piece;
        return;
      }
      if (node.nodeType !== 1) { return; }
      flushWords();
      var tag = node.tagName.toLowerCase();
      var wordItem = wordListItem(node);
      if (wordItem) {
        wordList = wordList || [];
        wordList.push(wordItem);
        return;
      }
      flushWordList();
      if (/^h[1-6]$/.test(tag)) {
        var level = Math.max(2, Number(tag.charAt(1)));
        var heading = clean(inline(node)).replace(/^\*\*(.*)\*\*$/, "$1");
        if (heading) { result.push(new Array(level + 1).join("#") + " " + heading); }
      } else if (tag === "p") {
        var paragraph = clean(inline(node));
        if (paragraph) { result.push(paragraph); }
      } else if (tag === "ul" || tag === "ol") {
        result.push(list(node, 0));
      } else if (tag === "blockquote") {
        result.push(blocks(node).join("\n\n").split("\n").map(function (l) { return "> " + l; }).join("\n"));
      } else if (tag === "table") {
        result.push(table(node));
      } else if (tag === "pre") {
        result.push("```\n" + node.textContent.replace(/\n$/, "") + "\n```");
      } else if (tag === "hr") {
        result.push("---");
      } else if (tag === "br") {
        words += "\n";
      } else {
        result = result.concat(blocks(node)); // div, section, Google's <b> wrapper, article...
      }
    });
    flushWords();
    flushWordList();
    return result.filter(function (b) { return b.trim(); });
  }

  var INLINE = ["a", "b", "strong", "i", "em", "span", "u", "sup", "sub", "code", "img", "font", "small", "mark", "abbr", "cite", "br", "s"];
  function isInline(node) {
    if (INLINE.indexOf(node.tagName.toLowerCase()) < 0) { return false; }
    // Google Docs' outer <b> holds whole paragraphs: it is a block.
    return !node.querySelector("p, div, h1, h2, h3, h4, h5, h6, ul, ol, table, blockquote");
  }

  function inline(node) {
    if (node.nodeType === 3) { return node.nodeValue.replace(/[\s\u00a0]+/g, " "); }
    if (node.nodeType !== 1) { return ""; }
    var tag = node.tagName.toLowerCase();
    var style = (node.getAttribute("style") || "").toLowerCase();
    if (/mso-list:\s*ignore/.test(style)) { return ""; }
    if (tag === "br") { return "\n"; }
    if (tag === "img") {
      var src = node.getAttribute("src") || "";
      return /^(https?:)?\//.test(src) ? "![" + (node.getAttribute("alt") || "") + "](" + src + ")" : "";
    }
    var inner = Array.prototype.map.call(node.childNodes, inline).join("");
    if (!inner.trim()) { return inner; }
    if (tag === "a") {
      var href = node.getAttribute("href") || "";
      return /^(https?:|mailto:|\/)/.test(href) ? "[" + inner.trim() + "](" + href + ")" : inner;
    }
    if (tag === "code") { return "`" + inner + "`"; }
    var bold = tag === "strong" || (tag === "b" && !/font-weight:\s*normal/.test(style)) || /font-weight:\s*(bold|[6-9]00)/.test(style);
    var italic = tag === "em" || tag === "i" || /font-style:\s*italic/.test(style);
    if (bold) { inner = around(inner, "**"); }
    if (italic) { inner = around(inner, "*"); }
    return inner;
  }

  // Marks go inside the spaces: "** word **" is not bold in Markdown.
  function around(inner, mark) {
    var m = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner);
    return m[1] + mark + m[2] + mark + m[3];
  }

  function list(node, depth) {
    var ordered = node.tagName.toLowerCase() === "ol", n = 0, lines = [];
    Array.prototype.forEach.call(node.children, function (li) {
      if (li.tagName.toLowerCase() !== "li") { return; }
      n += 1;
      var own = [], nested = [];
      Array.prototype.forEach.call(li.childNodes, function (child) {
        if (child.nodeType === 1 && /^(ul|ol)$/i.test(child.tagName)) { nested.push(list(child, depth + 1)); }
        else if (child.nodeType === 1 && /^p$/i.test(child.tagName)) { own.push(inline(child)); }
        else { own.push(inline(child)); }
      });
      lines.push(new Array(depth + 1).join("   ") + (ordered ? n + ". " : "- ") + clean(own.join(" ")));
      nested.forEach(function (block) { lines.push(block); });
    });
    return lines.join("\n");
  }

  // A Word list paragraph: "MsoListParagraph..." with an mso-list style; numbered when its hidden
  // marker is a number.
  function wordListItem(node) {
    var style = node.getAttribute("style") || "", cls = node.getAttribute("class") || "";
    if (!/mso-list/i.test(style) && !/MsoListParagraph/.test(cls)) { return null; }
    var marker = node.querySelector("[style*='mso-list']");
    var numbered = marker && /^\s*\(?\w{1,3}[.)]/.test(marker.textContent);
    var level = /level(\d)/i.exec(style);
    var indent = new Array(level ? Number(level[1]) : 1).join("   ");
    return indent + (numbered ? "1. " : "- ") + clean(inline(node));
  }

  function table(node) {
    var rows = Array.prototype.slice.call(node.querySelectorAll("tr")).map(function (tr) {
      return Array.prototype.map.call(tr.children, function (cell) {
        return clean(inline(cell)).replace(/\n/g, " ").replace(/\|/g, "\\|");
      });
    }).filter(function (cells) { return cells.length; });
    if (!rows.length) { return ""; }
    var width = Math.max.apply(null, rows.map(function (r) { return r.length; }));
    function line(cells) {
      while (cells.length < width) { cells.push(""); }
      return "| " + cells.join(" | ") + " |";
    }
    var out = [line(rows[0]), line(rows[0].map(function () { return "---"; }))];
    rows.slice(1).forEach(function (r) { out.push(line(r)); });
    return out.join("\n");
  }

  function clean(s) {
    return s.replace(/[ \t]+/g, " ").replace(/ *\n */g, "\n").replace(/\*\*\*\*/g, "").trim();
  }

  return { toMarkdown: toMarkdown };
})();
