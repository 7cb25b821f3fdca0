// The editor's media picker. Without this script the editor still works: each item's page in
// Media shows its Markdown (a sound's or video's player HTML) to copy and its number for the
// featured image field. With it, "Insert image, sound or video" opens a dialog listing the library
// (GET /admin/media/picker.json) and puts the chosen image's Markdown, with its alt text, or a
// sound's or video's player, on lines of its own where the cursor was; "Choose from the library" lists
// only the images (kind=image) and fills in the featured image's number. Either dialog also takes
// files from this device ("Upload from this device"), uploads them and uses them the same way. The
// text's toolbar opens the same dialog (window.VertebraMediaPicker.open).
(function () {
  "use strict";
  var openers = document.querySelectorAll("[data-media-picker]");
  if (!openers.length || !window.fetch || typeof HTMLDialogElement !== "function") {
    return;
  }
  var body = document.getElementById("markdown");
  var featured = document.getElementById("imageId");
  var dialog, title, search, status, list, more;
  var mode = null, opener = null, selection = null, next = null, ticket = 0, timer = null;
  var upload, uploadLabel;
  window.VertebraMediaPicker = { open: open };

  Array.prototype.forEach.call(openers, function (wrapper) {
    wrapper.hidden = false;
    wrapper.querySelector("button").addEventListener("click", function (event) {
      open(wrapper.getAttribute("data-media-picker"), event.currentTarget);
    });
  });

  function build() {
    dialog = element("dialog", { "class": "media-picker", "aria-labelledby": "media-picker-title" });
    title = element("h2", { id: "media-picker-title" });
    var field = element("div", { "class": "field" });
    var label = element("label", { "for": "media-picker-q" }, "Search by file name or description");
    search = element("input", { id: "media-picker-q", type: "search", autocomplete: "off" });
    field.append(label, search);
    var sending = element("div", { "class": "field media-picker-upload" });
    uploadLabel = element("label", { "for": "media-picker-file" }, "Upload from this device");
    upload = element("input", { id: "media-picker-file", type: "file", multiple: "" });
    sending.append(uploadLabel, upload);
    upload.addEventListener("change", uploadChosen);
    status = element("p", { id: "media-picker-status", "class": "hint", role: "status" });
    list = element("ul", { "class": "media-picker-list", "aria-labelledby": "media-picker-title" });
    more = element("button", { type: "button", "class": "secondary" }, "More images");
    var close = element("button", { type: "button", "class": "secondary" }, "Cancel");
    var buttons = element("p", { "class": "media-picker-buttons" });
    buttons.append(more, close);
    dialog.append(title, sending, field, status, list, buttons);
    document.body.append(dialog);
    search.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { load(first(), true); }, 300);
    });
    more.addEventListener("click", function () { if (next) { load(next, false); } });
    close.addEventListener("click", function () { dialog.close(); });
    list.addEventListener("keydown", arrows);
    dialog.addEventListener("close", function () {
      if (opener) { opener.focus(); }
    });
  }

  function open(which, button) {
    if (!dialog) { build(); }
    mode = which;
    opener = button;
    selection = body ? { start: body.selectionStart, end: body.selectionEnd } : null;
    title.textContent = mode === "imageId" ? "Choose the featured image" : "Insert an image, sound or video";
    upload.value = "";
    upload.setAttribute("accept", mode === "imageId" ? "image/*" : "image/*,audio/*,video/*");
    if (mode === "imageId") { upload.removeAttribute("multiple"); } else { upload.setAttribute("multiple", ""); }
    uploadLabel.textContent = mode === "imageId" ? "Upload an image from this device" : "Upload from this device (several files at once)";
    search.value = "";
    dialog.showModal();
    search.focus();
    load(first(), true);
  }

  function first() {
    var q = search.value.trim();
    var query = (mode === "imageId" ? ["kind=image"] : []).concat(q ? ["q=" + encodeURIComponent(q)] : []);
    return "/admin/media/picker.json" + (query.length ? "?" + query.join("&") : "");
  }

  function load(address, replace) {
    var mine = ++ticket;
    status.textContent = "Loading the library\u2026";
    fetch(address, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      })
      .then(function (page) {
        if (mine !== ticket) { return; }
        if (replace) { list.textContent = ""; }
        page.items.forEach(function (item) { list.append(entry(item)); });
        next = page.next;
        more.hidden = !next;
        var shown = list.children.length;
        var noun = mode === "imageId" ? ["image", "images"] : ["file", "files"];
        status.textContent = page.total === 0
          ? (search.value.trim() ? "No " + noun[0] + " matches the search." : "The library has no " + noun[1] + ": upload one in Media first.")
          : "Showing " + shown + " of " + page.total + " " + (page.total === 1 ? noun[0] : noun[1]) + "."
            + " Use Tab or the arrow keys to move between them, Enter to choose, Escape to close.";
      })
      .catch(function () {
        if (mine !== ticket) { return; }
        status.textContent = "The library could not be loaded. Each item's page in Media shows its Markdown to copy.";
      });
  }

  function entry(item) {
    var li = element("li");
    var button = element("button", { type: "button", "class": "media-picker-item" });
    // A sound or video has no thumbnail: its kind and type in words, like the library's placeholder.
    var picture = item.kind === "image"
      ? element("img", { src: item.thumbnail, alt: "", width: "75", height: "75", loading: "lazy" })
      : element("span", { "class": "media-placeholder", "data-kind": item.kind }, item.type);
    var name = element("span", { "class": "media-picker-name" }, item.name);
    var alt = element("span", { "class": "media-picker-alt" },
      item.alt ? item.alt : item.kind === "image" ? "No description yet: add one before publishing" : "No description yet");
    button.append(picture, name, alt);
    button.addEventListener("click", function () { choose(item); });
    li.append(button);
    return li;
  }

  // Files chosen in the dialog go to the library, then into the text (or the featured image) as if picked.
  function uploadChosen() {
    var files = Array.prototype.slice.call(upload.files || []);
    if (!files.length || !window.VertebraUpload) { return; }
    status.textContent = "Uploading " + files.length + (files.length === 1 ? " file" : " files") + " to the library\u2026";
    window.VertebraUpload.send(files, "").then(function (result) {
      if (!result.ok) {
        status.textContent = "Not uploaded: " + result.error + " Nothing was changed in the text.";
        upload.value = "";
        return;
      }
      choose.apply(null, result.items);
    });
  }

  function choose(item) {
    var items = Array.prototype.slice.call(arguments);
    if (mode === "imageId" && featured) {
      featured.value = String(item.id);
      featured.dispatchEvent(new Event("input", { bubbles: true }));
      opener = featured;
    } else if (body) {
      var start = selection ? selection.start : body.value.length;
      var end = selection ? selection.end : start;
      var before = body.value.slice(0, start), after = body.value.slice(end);
      var inserted = block(before, items.map(function (i) { return i.markdown; }).join("\n\n"), after);
      body.value = before + inserted + after;
      var caret = start + inserted.length;
      body.setSelectionRange(caret, caret);
      body.dispatchEvent(new Event("input", { bubbles: true })); // the live preview follows
      opener = body;
    }
    dialog.close();
  }

  // An image or a player stands on lines of its own, an empty line before and after: glued to the
  // text at the cursor it would break a heading ("...jpg)## Why exercise helps") or a player's HTML
  // block would be read as text of the paragraph beside it.
  function block(before, html, after) {
    var lead = before === "" || /\n\n$/.test(before) ? "" : /\n$/.test(before) ? "\n" : "\n\n";
    var tail = /^\n\n/.test(after) ? "" : /^\n/.test(after) ? "\n" : "\n\n";
    return lead + html + tail;
  }

  function arrows(event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp" && event.key !== "ArrowRight" && event.key !== "ArrowLeft") {
      return;
    }
    var items = Array.prototype.slice.call(list.querySelectorAll("button"));
    var at = items.indexOf(document.activeElement);
    if (at < 0) { return; }
    var step = event.key === "ArrowDown" || event.key === "ArrowRight" ? 1 : -1;
    var to = items[Math.min(items.length - 1, Math.max(0, at + step))];
    event.preventDefault();
    to.focus();
  }

  function element(name, attributes, text) {
    var made = document.createElement(name);
    Object.keys(attributes || {}).forEach(function (key) { made.setAttribute(key, attributes[key]); });
    if (text) { made.textContent = text; }
    return made;
  }
})();

// Files dropped on the text are uploaded to the library (several at once) and their Markdown put
// where the cursor is, each on lines of its own. Without this script a drop does nothing harmful:
// the form's text is untouched and the library's upload form still takes several files.
(function () {
  "use strict";
  var body = document.getElementById("markdown");
  var form = body && body.form;
  if (!body || !form || !window.fetch || !window.FormData) {
    return;
  }
  var status = document.createElement("p");
  status.className = "hint drop-status";
  status.setAttribute("role", "status");
  body.insertAdjacentElement("afterend", status);

  body.addEventListener("dragover", function (event) {
    if (hasFiles(event)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = "copy";
      body.classList.add("dropping");
    }
  });
  body.addEventListener("dragleave", function () { body.classList.remove("dropping"); });
  body.addEventListener("drop", function (event) {
    body.classList.remove("dropping");
    if (!hasFiles(event)) {
      return;
    }
    event.preventDefault();
    upload(Array.prototype.slice.call(event.dataTransfer.files));
  });

  function hasFiles(event) {
    return event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, "Files") >= 0;
  }

  // The library's upload (POST /admin/media/ asking for JSON, with the form's CSRF token): a promise
  // of { ok, items } or { ok: false, error } that never rejects. The picker and the paste use it too.
  function send(files, alt) {
    var token = form.querySelector("input[name=_csrf]");
    var sent = new FormData();
    sent.append("_csrf", token ? token.value : "");
    if (alt) { sent.append("alt", alt); }
    files.forEach(function (file) { sent.append("file", file, file.name); });
    return fetch("/admin/media/", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Accept": "application/json", "X-CSRF-Token": token ? token.value : "" },
      body: sent
    }).then(function (response) {
      return response.json().then(function (answer) {
        return response.ok ? { ok: true, items: answer.items }
          : { ok: false, error: answer.error || "the library refused the file." };
      }, function () {
        return { ok: false, error: "the site answered " + response.status + "." };
      });
    }).catch(function () {
      return { ok: false, error: "no connection to the site." };
    });
  }

  window.VertebraUpload = {
    send: send,
    insertFiles: upload,
    status: function (message) { status.textContent = message; }
  };

  function upload(files) {
    if (!files.length) { return; }
    var at = { start: body.selectionStart, end: body.selectionEnd };
    status.textContent = "Uploading " + files.length + (files.length === 1 ? " file" : " files") + " to the library\u2026";
    send(files, "").then(function (result) {
      if (!result.ok) {
        status.textContent = "Not uploaded: " + result.error + " Upload the files in Media, then insert them with the picker.";
        return;
      }
      var snippets = result.items.map(function (item) { return item.markdown; });
      var before = body.value.slice(0, at.start), after = body.value.slice(at.end);
      var inserted = block(before, snippets.join("\n\n"), after);
      body.value = before + inserted + after;
      var caret = before.length + inserted.length;
      body.focus();
      body.setSelectionRange(caret, caret);
      body.dispatchEvent(new Event("input", { bubbles: true }));
      var n = snippets.length;
      status.textContent = (n === 1 ? "One file" : n + " files") + " added to the text and the library."
        + " Give each image a description in Media before publishing.";
    });
  }

  function block(before, text, after) {
    var lead = before === "" || /\n\n$/.test(before) ? "" : /\n$/.test(before) ? "\n" : "\n\n";
    var tail = /^\n\n/.test(after) ? "" : /^\n/.test(after) ? "\n" : "\n\n";
    return lead + text + tail;
  }
})();
