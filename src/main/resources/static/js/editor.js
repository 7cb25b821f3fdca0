// The article editor's safety net. Without this script the form still saves, previews and
// publishes; with it, nothing typed is lost:
// - a new article or a draft (never a published or scheduled one, whose text readers see) is
//   saved on the site as a draft 30 s after a change, as its Save button would save it;
// - every change is kept in this browser (localStorage) a moment after it is typed, and a reload,
//   a crash or a closed tab offers "Restore the unsaved text from HH:MM?";
// - leaving the page with unsaved changes asks first (beforeunload);
// - Ctrl+S or Cmd+S presses Save;
// - the checks beside the text (trust benchmarks, evidence, readability, plain words, preview) are
//   rendered again by the server, through the same check it runs when publishing, as the text
//   changes, so they always speak of the text on screen.
(function () {
  "use strict";
  var form = document.querySelector("form.editor-form");
  if (!form || !window.localStorage || !window.fetch || !window.URLSearchParams) {
    return;
  }
  var FIELDS = ["title", "slug", "summary", "markdown", "categories", "tags", "authorId", "imageId", "disclosure", "publishAt"];
  var KEY = "vertebra-unsaved:" + form.getAttribute("action");
  var autosaveTimer = null, inflight = null;
  var SUBMITTED = "vertebra-submitted";
  var saveButton = form.querySelector("button[value=save]");
  var dirty = false;
  var leaving = false;
  var keepTimer = null;

  forgetWhatTheServerSaved();
  offerRestore();
  makeStatusLine();

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("focusout", function () { if (dirty) { keep(); } });
  form.addEventListener("submit", function (event) {
    if (inflight) {
      // A draft is being saved in the background: send this once it is, with its new stamp, or the
      // site would take this form for a stale one.
      event.preventDefault();
      var submitter = event.submitter;
      inflight.then(function () { form.requestSubmit(submitter); });
      return;
    }
    var intent = event.submitter ? event.submitter.value : "save";
    keep();
    leaving = true;
    if (intent !== "preview" && intent !== "add-reference") {
      try { sessionStorage.setItem(SUBMITTED, KEY); } catch (e) { /* the copy is simply kept longer */ }
    }
  });
  window.addEventListener("beforeunload", function (event) {
    if (dirty && !leaving) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
  document.addEventListener("keydown", function (event) {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && (event.key === "s" || event.key === "S")) {
      event.preventDefault();
      if (saveButton && !saveButton.disabled) {
        if (form.requestSubmit) { form.requestSubmit(saveButton); } else { saveButton.click(); }
      }
    }
  });

  function changed() {
    dirty = true;
    clearTimeout(keepTimer);
    keepTimer = setTimeout(keep, 800);
    recheckSoon();
    autosaveLater();
  }

  function autosaveLater() {
    var seconds = Number(form.getAttribute("data-autosave"));
    if (seconds > 0 && !autosaveTimer) {
      autosaveTimer = setTimeout(autosave, seconds * 1000);
    }
  }

  function autosave() {
    autosaveTimer = null;
    if (!dirty || leaving || inflight) { return; }
    var sent = JSON.stringify(values());
    var body = new URLSearchParams(new FormData(form));
    body.set("intent", "save");
    var token = form.querySelector("input[name=_csrf]");
    inflight = fetch(form.getAttribute("action"), {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRF-Token": token ? token.value : "", "Accept": "text/html" },
      body: body
    }).then(function (response) {
      return response.text().then(function (html) { return { response: response, html: html }; });
    }).then(function (answer) {
      var page = new DOMParser().parseFromString(answer.html, "text/html");
      var fresh = page.querySelector("form.editor-form");
      if (!answer.response.ok || !/[?&]done=/.test(answer.response.url) || !fresh) {
        var why = page.querySelector(".field-error, .form-error");
        status("Not saved on the site yet" + (why ? ": " + why.textContent.trim() : ".") + " It is kept in this browser.");
        return;
      }
      form.setAttribute("action", fresh.getAttribute("action"));
      form.querySelector("input[name=modified]").value = fresh.querySelector("input[name=modified]").value;
      history.replaceState(null, "", answer.response.url.replace(/[?#].*$/, ""));
      var before = KEY;
      KEY = "vertebra-unsaved:" + form.getAttribute("action");
      if (JSON.stringify(values()) === sent) {
        dirty = false;
        localStorage.removeItem(before);
        localStorage.removeItem(KEY);
      } else {
        localStorage.removeItem(before);
        keep();
        autosaveLater();
      }
      status("Draft saved on the site at " + clock(new Date()) + ".");
    }).catch(function () {
      status("Not saved on the site yet (no connection). It is kept in this browser.");
    }).then(function () {
      inflight = null;
    });
  }

  function values() {
    var kept = {};
    FIELDS.forEach(function (name) {
      var field = form.elements.namedItem(name);
      if (field && "value" in field) { kept[name] = field.value; }
    });
    return kept;
  }

  function keep() {
    clearTimeout(keepTimer);
    if (!dirty) { return; }
    try {
      localStorage.setItem(KEY, JSON.stringify({ at: Date.now(), values: values() }));
      status("Kept in this browser at " + clock(new Date()) + ". Save to keep it on the site.");
    } catch (e) {
      status("This browser cannot keep a copy (storage is full or off): save often.");
    }
  }

  function stored() {
    try {
      var copy = JSON.parse(localStorage.getItem(KEY) || "null");
      return copy && copy.values ? copy : null;
    } catch (e) {
      return null;
    }
  }

  // A save that went through comes back as "?done=...": the copy kept before it is on the site now.
  function forgetWhatTheServerSaved() {
    try {
      var submitted = sessionStorage.getItem(SUBMITTED);
      sessionStorage.removeItem(SUBMITTED);
      if (submitted && /[?&]done=/.test(location.search)) {
        localStorage.removeItem(submitted);
        localStorage.removeItem(KEY);
      }
    } catch (e) { /* nothing to forget */ }
  }

  function offerRestore() {
    var copy = stored();
    if (!copy) { return; }
    var now = values();
    var differs = FIELDS.some(function (name) {
      return name in copy.values && name in now && copy.values[name] !== now[name];
    });
    if (!differs) {
      // The text on screen is the kept copy (after "Preview and check", or a refused save): still unsaved.
      dirty = !/[?&]done=/.test(location.search);
      return;
    }
    var offer = element("div", { "class": "unsaved-offer", role: "region", "aria-labelledby": "unsaved-offer-text" });
    var text = element("p", { id: "unsaved-offer-text" }, "Restore the unsaved text from " + clock(new Date(copy.at)) + "?");
    var restore = element("button", { type: "button", "data-unsaved": "restore" }, "Restore");
    var discard = element("button", { type: "button", "class": "secondary", "data-unsaved": "discard" }, "Discard it");
    offer.append(text, restore, discard);
    form.parentNode.parentNode.insertBefore(offer, form.parentNode);
    restore.addEventListener("click", function () {
      FIELDS.forEach(function (name) {
        var field = form.elements.namedItem(name);
        if (field && name in copy.values) { field.value = copy.values[name]; }
      });
      offer.remove();
      dirty = true;
      autosaveLater();
      status("Restored the text from " + clock(new Date(copy.at)) + ". Save to keep it on the site.");
      recheckSoon();
      form.elements.namedItem("markdown").focus();
    });
    discard.addEventListener("click", function () {
      localStorage.removeItem(KEY);
      offer.remove();
      form.elements.namedItem("markdown").focus();
    });
  }

  function makeStatusLine() {
    var buttons = form.querySelector(".buttons");
    if (buttons && !buttons.querySelector("[data-unsaved-status]")) {
      buttons.append(element("p", { "class": "hint unsaved-status", role: "status", "data-unsaved-status": "" }));
    }
  }

  function status(message) {
    var line = form.querySelector("[data-unsaved-status]");
    if (line) { line.textContent = message; }
  }

  // The checks are the server's: the whole form is sent as "Preview and check" would send it, and
  // the side panels of the page it answers replace the ones on screen. Nothing is saved.
  var checkTimer = null, ticket = 0;
  function recheckSoon() {
    clearTimeout(checkTimer);
    checkTimer = setTimeout(recheck, 700);
  }

  function recheck() {
    var mine = ++ticket;
    var body = new URLSearchParams(new FormData(form));
    body.set("intent", "preview");
    var token = form.querySelector("input[name=_csrf]");
    fetch(form.getAttribute("action"), {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRF-Token": token ? token.value : "", "Accept": "text/html" },
      body: body
    }).then(function (response) {
      return response.ok ? response.text() : null;
    }).then(function (html) {
      if (!html || mine !== ticket) { return; }
      var fresh = new DOMParser().parseFromString(html, "text/html").querySelector(".editor-side");
      var side = document.querySelector(".editor-side");
      if (!fresh || !side) { return; }
      var open = Array.prototype.map.call(side.querySelectorAll("details"), function (d) { return d.open; });
      side.innerHTML = fresh.innerHTML;
      Array.prototype.forEach.call(side.querySelectorAll("details"), function (d, i) { d.open = !!open[i]; });
      side.setAttribute("data-checked", String(mine));
    }).catch(function () { /* "Preview and check" still works */ });
  }

  function clock(date) {
    return String(date.getHours()).padStart(2, "0") + ":" + String(date.getMinutes()).padStart(2, "0");
  }

  function element(name, attributes, text) {
    var made = document.createElement(name);
    Object.keys(attributes || {}).forEach(function (key) { made.setAttribute(key, attributes[key]); });
    if (text) { made.textContent = text; }
    return made;
  }
})();
