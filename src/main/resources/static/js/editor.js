// The article editor's safety net. Without this script the form still saves, previews and
// publishes; with it, nothing typed is lost:
// - a new article or a draft (never a published or scheduled one, whose text readers see) is
//   saved on the site as a draft 30 s after a change, as its Save button would save it;
// - every change is kept in this browser (localStorage) a moment after it is typed, and a reload,
//   a crash or a closed tab offers "You have unsaved changes from HH:MM" to restore or discard;
// - a published or scheduled article's changes are also kept on the site, in the writer's own
//   autosave slot (data-autosave-slot), which changes nothing readers see: the offer then follows
//   the writer to another browser or computer, and the newer of the two copies is offered. Saving
//   the article empties the slot;
// - leaving the page with unsaved changes asks first (beforeunload);
// - Ctrl+S or Cmd+S presses Save;
// - the checks beside the text (trust benchmarks, evidence, readability, plain words, PEMAT, preview) are
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
  var SLOT = form.getAttribute("data-autosave-slot");
  var slotBusy = false, slotAgain = false, slotSent = null;

  forgetWhatTheServerSaved();
  offerRestore();
  makeStatusLine();

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  // The PEMAT panel's selects sit beside the form (form="article-form"), so their events do not reach it.
  document.addEventListener("change", function (event) {
    if (event.target.form === form && !form.contains(event.target)) { changed(); }
  });
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
    // leaving first: the form itself carries the text, and a slot request sent alongside it could
    // land after the save has emptied the slot, leaving a stale offer behind
    leaving = true;
    keep();
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
    keepOnTheSite();
  }

  // The writer's slot on the site: one request at a time, the last change sent when it is done.
  function keepOnTheSite() {
    if (!SLOT || leaving) { return; }
    if (slotBusy) { slotAgain = true; return; }
    var now = values(), sent = JSON.stringify(now);
    if (sent === slotSent) { return; }
    var body = new URLSearchParams();
    FIELDS.forEach(function (name) { if (name in now) { body.set(name, now[name]); } });
    var token = form.querySelector("input[name=_csrf]");
    body.set("_csrf", token ? token.value : "");
    slotBusy = true;
    fetch(SLOT, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRF-Token": token ? token.value : "", "Accept": "application/json" },
      body: body
    }).then(function (response) {
      if (!response.ok) { throw new Error(String(response.status)); }
      slotSent = sent;
      if (!leaving) {
        status("Your changes are kept on the site for you at " + clock(new Date()) + ", unpublished: readers see"
          + " the saved text until you save.");
      }
    }).catch(function () {
      status("Kept in this browser at " + clock(new Date()) + ", not on the site (no connection). Save to keep it on the site.");
    }).then(function () {
      slotBusy = false;
      if (slotAgain) { slotAgain = false; keepOnTheSite(); }
    });
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

  // The newer of this browser's copy and the site's slot is offered.
  function offerRestore() {
    var local = stored();
    if (!SLOT) {
      offer(local);
      return;
    }
    fetch(SLOT, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.status === 200 ? response.json() : null; })
      .catch(function () { return null; })
      .then(function (slot) {
        var site = slot && slot.fields ? { at: slot.savedAt, values: slot.fields, onTheSite: true } : null;
        offer(!local ? site : !site ? local : site.at >= local.at ? site : local);
      });
  }

  function offer(copy) {
    if (!copy) { return; }
    var now = values();
    var differs = FIELDS.some(function (name) {
      return name in copy.values && name in now && copy.values[name] !== now[name];
    });
    if (!differs && copy.onTheSite) {
      discardFromTheSite(); // the slot holds what is saved already: nothing to offer, ever
      return;
    }
    if (!differs) {
      // The text on screen is the kept copy (after "Preview and check", or a refused save): still unsaved.
      dirty = !/[?&]done=/.test(location.search);
      return;
    }
    var box = element("div", { "class": "unsaved-offer", role: "region", "aria-labelledby": "unsaved-offer-text" });
    var text = element("p", { id: "unsaved-offer-text" }, "You have unsaved changes from " + when(new Date(copy.at)) + ".");
    var restore = element("button", { type: "button", "data-unsaved": "restore" }, "Restore them");
    var discard = element("button", { type: "button", "class": "secondary", "data-unsaved": "discard" }, "Discard them");
    box.append(text, restore, discard);
    form.parentNode.parentNode.insertBefore(box, form.parentNode);
    restore.addEventListener("click", function () {
      FIELDS.forEach(function (name) {
        var field = form.elements.namedItem(name);
        if (field && name in copy.values) { field.value = copy.values[name]; }
      });
      box.remove();
      dirty = true;
      autosaveLater();
      status("Restored the changes from " + when(new Date(copy.at)) + ". Save to keep them on the site.");
      recheckSoon();
      form.elements.namedItem("markdown").focus();
    });
    discard.addEventListener("click", function () {
      localStorage.removeItem(KEY);
      discardFromTheSite();
      box.remove();
      form.elements.namedItem("markdown").focus();
    });
  }

  function discardFromTheSite() {
    if (!SLOT) { return; }
    var token = form.querySelector("input[name=_csrf]");
    var body = new URLSearchParams();
    body.set("_csrf", token ? token.value : "");
    fetch(SLOT + "discard/", { method: "POST", credentials: "same-origin", body: body,
      headers: { "X-CSRF-Token": token ? token.value : "" } }).catch(function () { /* offered again next time */ });
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
      // a writer answering the PEMAT items keeps their place when the panel is rendered again
      var focused = side.contains(document.activeElement) && document.activeElement.id ? document.activeElement.id : null;
      side.innerHTML = fresh.innerHTML;
      if (focused && document.getElementById(focused)) { document.getElementById(focused).focus(); }
      Array.prototype.forEach.call(side.querySelectorAll("details"), function (d, i) { d.open = !!open[i]; });
      side.setAttribute("data-checked", String(mine));
    }).catch(function () { /* "Preview and check" still works */ });
  }

  // "14:05" today, "6 Dec 14:05" on another day.
  function when(date) {
    var today = new Date().toDateString() === date.toDateString();
    return today ? clock(date) : date.getDate() + " " + date.toLocaleString("en-GB", { month: "short" }) + " " + clock(date);
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
