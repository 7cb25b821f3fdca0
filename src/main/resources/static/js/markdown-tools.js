// The article text's toolbar and paste. Without this script the text is plain Markdown typed by
// hand; with it:
// - a toolbar (and its shortcuts) wraps the selection in bold or italic, makes the line a heading,
//   a list item or a quote, makes a link, puts a small table on lines of its own (its first heading
//   selected, to type over), opens the media picker (which also uploads), or goes to "Add a
//   reference by DOI or PMID";
// - HTML pasted from Word, Google Docs or a web page arrives as clean Markdown: headings, lists,
//   links, bold and italic, tables and images; their styles, classes and comments are left behind.
//   Images with a web address keep it; images the clipboard carries itself (data: addresses, or
//   files beside the HTML, as Word, LibreOffice and screenshots give them) are uploaded to the
//   library and their address put in the text. The text is in place at once; each image's place
//   holds a marker until its upload ends, and one that fails says so there and in the status line.
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
    { key: "table", label: "Table", keys: null, mark: "\u25a6", run: table },
    { key: "image", label: "Image, sound or video", keys: null, mark: "\u25a3", run: image },
    { key: "reference", label: "Reference by DOI or PMID", keys: "Ctrl+Shift+R", mark: "[1]", run: reference }
  ].filter(function (action) {
    // Without the picker's script (an old browser) the image button would do nothing: it is left out.
    return action.key !== "image" || window.VertebraMediaPicker;
  });

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
    // Table and image have no shortcut: the free Ctrl+Alt letters are the desktop's or AltGr's on many keyboards.
    if (action.keys) { button.setAttribute("aria-keyshortcuts", action.keys.replace("Ctrl", "Control")); }
    button.title = action.label + (action.keys ? " (" + action.keys + ")" : "");
    button.tabIndex = i === 0 ? 0 : -1;
    var mark = document.createElement("span");
    mark.setAttribute("aria-hidden", "true");
    mark.textContent = action.mark;
    var name = document.createElement("span");
    name.className = "visually-hidden";
    name.textContent = action.label;
    button.append(mark, name);
    button.addEventListener("mousedown", function (event) { event.preventDefault(); }); // keeps the selection
    button.addEventListener("click", function () { action.run(button); });
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
    var action = ACTIONS.filter(function (a) { return a.key === chosen; })[0];
    if (!action) { return; }
    event.preventDefault();
    action.run(bar.querySelector("[data-format=" + chosen + "]"));
  });

  text.addEventListener("paste", function (event) {
    var data = event.clipboardData;
    var html = data && data.getData("text/html");
    var files = data ? Array.prototype.filter.call(data.files || [], function (f) { return /^image\//.test(f.type); }) : [];
    if (!html) {
      // A screenshot or a copied picture: the files alone, uploaded and put on lines of their own.
      if (files.length && window.VertebraUpload) {
        event.preventDefault();
        window.VertebraUpload.insertFiles(files);
      }
      return; // plain text pastes as it is
    }
    var pasted = window.VertebraPaste.convert(html);
    if (!pasted.markdown) { return; }
    event.preventDefault();
    replace(text.selectionStart, text.selectionEnd, pasted.markdown, pasted.markdown.length);
    if (pasted.images.length) { uploadPasted(pasted.images, files); }
  });

  // Each image of a paste that has no web address is uploaded on its own (with its description);
  // its marker in the text is then replaced by the library's Markdown, wherever the text has moved.
  function uploadPasted(images, files) {
    var say = window.VertebraUpload ? window.VertebraUpload.status : function () {};
    var left = images.length, failed = [];
    var spare = files.slice(); // files beside the HTML stand for its images without a readable address, in order
    say("Uploading " + left + (left === 1 ? " pasted image" : " pasted images") + " to the library\u2026");
    images.forEach(function (image) {
      var file = image.file || (image.needsFile ? spare.shift() : null);
      var upload = !file ? Promise.resolve({ ok: false, error: image.needsFile
          ? "the clipboard did not carry the picture itself." : "its data could not be read." })
        : !window.VertebraUpload ? Promise.resolve({ ok: false, error: "this browser cannot upload it." })
        : window.VertebraUpload.send([file], image.alt);
      upload.then(function (result) {
        if (result.ok) {
          swap(image.marker, result.items[0].markdown);
        } else {
          failed.push((image.alt ? "\u201c" + image.alt + "\u201d" : "an image") + ": " + result.error);
          swap(image.marker, "[Image not uploaded" + (image.alt ? ": " + image.alt.replace(/[\[\]]/g, "") : "") + "]");
        }
        left -= 1;
        if (left > 0) {
          say("Uploading pasted images to the library\u2026 " + left + " to go.");
        } else if (!failed.length) {
          say(images.length === 1 ? "The pasted image is in the library and the text." : "The " + images.length
            + " pasted images are in the library and the text.");
        } else {
          say((failed.length === images.length ? "No pasted image was uploaded" : failed.length + " of " + images.length
            + " pasted images were not uploaded") + " (" + failed.join("; ") + "). The text is kept; each is marked"
            + " \u201c[Image not uploaded]\u201d: upload it in Media and insert it there with the picker.");
        }
      });
    });
  }

  // Replaces one marker in the text, keeping the writer's cursor where it is.
  function swap(marker, replacement) {
    var at = text.value.indexOf(marker);
    if (at < 0) { return; } // the writer deleted it
    text.setRangeText(replacement, at, at + marker.length, "preserve");
    text.dispatchEvent(new Event("input", { bubbles: true }));
  }

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

  // A table of two columns and one row, on lines of its own; its first heading is selected, so typing
  // names the column (selecting the whole row would let typing erase the bars that make it a table).
  function table() {
    var start = text.selectionStart, end = text.selectionEnd;
    var before = text.value.slice(0, start), after = text.value.slice(end);
    var lead = before === "" || /\n\n$/.test(before) ? "" : /\n$/.test(before) ? "\n" : "\n\n";
    var tail = /^\n\n/.test(after) ? "" : /^\n/.test(after) ? "\n" : "\n\n";
    var grid = "| Heading | Heading |\n| --- | --- |\n| Text | Text |";
    replace(start, end, lead + grid + tail, lead.length + 2, lead.length + 2 + "Heading".length);
  }

  function image(button) {
    window.VertebraMediaPicker.open("markdown", button || text);
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

  var pending = null, pasted = 0;

  function toMarkdown(html) {
    return convert(html).markdown;
  }

  // The Markdown, and the images that must be uploaded before they have an address: each with the
  // marker that stands for it in the Markdown, its description, and its file when the HTML carries
  // it (a data: address) or whether a file beside the HTML must stand for it (file:, blob:, cid:).
  function convert(html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    Array.prototype.forEach.call(doc.querySelectorAll("script, style, meta, link, title, head, o\\:p, xml"), function (n) { n.remove(); });
    pending = [];
    var out = blocks(doc.body).join("\n\n");
    var images = pending;
    pending = null;
    return { markdown: out.replace(/\n{3,}/g, "\n\n").trim(), images: images };
  }

  function imageMarkdown(node) {
    var src = (node.getAttribute("src") || "").trim();
    var alt = (node.getAttribute("alt") || "").replace(/[\[\]\n]/g, " ").trim();
    if (/^(https?:)?\//.test(src)) { return "![" + alt + "](" + src + ")"; }
    if (!src || !pending) { return ""; }
    pasted += 1;
    var marker = "![" + alt + "](uploading-pasted-image-" + pasted + ")";
    var file = /^data:image\//i.test(src) ? dataFile(src, pasted) : null;
    pending.push({ marker: marker, alt: alt, file: file, needsFile: !/^data:/i.test(src) });
    return marker;
  }

  // A data: address as a file to upload (decoded here: fetching data: addresses may be refused by the page's policy).
  function dataFile(src, n) {
    var m = /^data:(image\/[\w.+-]+)(;[^,]*)?,(.*)$/i.exec(src);
    if (!m) { return null; }
    try {
      var base64 = /;base64/i.test(m[2] || "");
      var raw = base64 ? atob(m[3].replace(/\s/g, "")) : decodeURIComponent(m[3]);
      var bytes = new Uint8Array(raw.length);
      for (var i = 0; i < raw.length; i++) { bytes[i] = raw.charCodeAt(i) & 0xff; }
      var type = m[1].toLowerCase();
      var extension = { "image/jpeg": "jpg", "image/svg+xml": "svg" }[type] || type.split("/")[1];
      return new File([bytes], "pasted-image-" + n + "." + extension, { type: type });
    } catch (e) {
      return null; // not decodable: reported as not uploaded
    }
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
    if (tag === "img") { return imageMarkdown(node); }
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

  return { toMarkdown: toMarkdown, convert: convert };
})();
