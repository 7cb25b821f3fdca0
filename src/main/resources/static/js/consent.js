// The consent manager's part in the browser. Every page carries the banner (hidden), the manage
// dialog, inert video placeholders and inert optional scripts, the same bytes for every visitor.
// This script reads the visitor's choice from the consent cookie, shows the banner when there is
// none for the current policy version, and activates only what the choice allows. Choices are sent
// to /consent/, which logs them and sets the cookie; without this script those forms post there
// directly, and nothing optional can run at all.
(function () {
  "use strict";
  var banner = document.getElementById("consent-banner");
  var dialog = document.getElementById("consent-dialog");
  if (!banner || !dialog) {
    return;
  }
  var version = banner.getAttribute("data-policy-version");
  var signal = navigator.globalPrivacyControl === true || navigator.doNotTrack === "1" || window.doNotTrack === "1";
  var blockedBySignal = { statistics: true, marketing: true };
  var opener = null;

  function readChoice() {
    var match = document.cookie.match(/(?:^|;\s*)vertebra_consent=(\d+)\.([a-z+-]+)\.([A-Za-z0-9_-]+)/);
    if (!match || match[1] !== version) {
      return null;
    }
    return match[2] === "-" ? [] : match[2].split("+");
  }

  var choice = readChoice();

  function allows(category) {
    if (category === "functional") {
      return true;
    }
    if (signal && blockedBySignal[category]) {
      return false;
    }
    return choice !== null && choice.indexOf(category) !== -1;
  }

  function activate() {
    document.querySelectorAll("[data-embed-src]").forEach(function (placeholder) {
      var category = placeholder.getAttribute("data-category");
      var button = placeholder.querySelector(".embed-load");
      var note = placeholder.querySelector(".embed-signal");
      if (allows(category)) {
        var frame = document.createElement("iframe");
        frame.src = placeholder.getAttribute("data-embed-src");
        frame.title = placeholder.getAttribute("data-embed-title");
        frame.className = "embed-frame";
        frame.setAttribute("allow", "fullscreen; picture-in-picture");
        frame.setAttribute("allowfullscreen", "");
        frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
        placeholder.querySelector(".embed-stage").replaceChildren(frame);
        placeholder.removeAttribute("data-embed-src");
        placeholder.classList.add("is-loaded");
      } else if (signal && blockedBySignal[category]) {
        note.hidden = false;
      } else if (button) {
        button.hidden = false;
      }
    });
    document.querySelectorAll("script[type='text/plain'][data-category][data-src]").forEach(function (inert) {
      if (allows(inert.getAttribute("data-category"))) {
        var script = document.createElement("script");
        script.src = inert.getAttribute("data-src");
        inert.replaceWith(script);
      }
    });
  }

  // Sends a choice to /consent/ (which logs it and sets the cookie), then applies it on this page.
  // A withdrawn category cannot be unloaded from a page, so withdrawing one reloads it.
  function send(form, submitter) {
    var data = new URLSearchParams(new FormData(form, submitter));
    return fetch("/consent/", {
      method: "POST",
      headers: { "Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded" },
      body: data,
      credentials: "same-origin"
    }).then(function (response) {
      if (!response.ok) {
        throw new Error("consent not saved: " + response.status);
      }
      return response.json();
    }).then(function (saved) {
      var before = choice;
      choice = saved.categories;
      var withdrawn = before !== null && before.some(function (c) { return choice.indexOf(c) === -1; });
      if (withdrawn) {
        window.location.reload();
        return;
      }
      activate();
    });
  }

  // The banner lies over the foot of the window: while it shows, its height is kept free at the end
  // of the page and as scroll padding, so nothing that takes focus is scrolled under it.
  function reserveBannerSpace() {
    var height = banner.hidden ? "" : banner.offsetHeight + "px";
    document.documentElement.style.scrollPaddingBottom = height;
    document.body.style.paddingBottom = height;
  }

  function showBanner() {
    banner.hidden = false;
    reserveBannerSpace();
    window.addEventListener("resize", reserveBannerSpace);
  }

  function closeBanner() {
    if (!banner.hidden) {
      banner.hidden = true;
      reserveBannerSpace();
      window.removeEventListener("resize", reserveBannerSpace);
      var main = document.getElementById("main");
      if (main && banner.contains(document.activeElement)) {
        main.focus();
      }
    }
  }

  function openDialog(event) {
    event.preventDefault();
    opener = event.currentTarget;
    var current = choice || [];
    dialog.querySelectorAll("input[type=checkbox][data-category]").forEach(function (box) {
      var category = box.getAttribute("data-category");
      if (category === "functional") {
        return;
      }
      var refused = signal && blockedBySignal[category];
      box.checked = !refused && current.indexOf(category) !== -1;
      box.disabled = refused;
    });
    dialog.querySelector(".consent-signal").hidden = !signal;
    dialog.showModal();
    var first = dialog.querySelector("input[type=checkbox]:not([disabled])");
    if (first) {
      first.focus();
    }
  }

  dialog.addEventListener("close", function () {
    if (opener && document.contains(opener) && !(banner.contains(opener) && banner.hidden)) {
      opener.focus();
    } else {
      var main = document.getElementById("main");
      if (main) {
        main.focus();
      }
    }
    opener = null;
  });
  dialog.querySelector(".consent-close").addEventListener("click", function () {
    dialog.close();
  });

  banner.querySelector("form").addEventListener("submit", function (event) {
    var submitter = event.submitter;
    if (submitter && submitter.value === "manage") {
      openDialog({ preventDefault: function () { event.preventDefault(); }, currentTarget: submitter });
      return;
    }
    event.preventDefault();
    send(event.target, submitter).then(closeBanner);
  });
  dialog.querySelector("form").addEventListener("submit", function (event) {
    event.preventDefault();
    var form = event.target;
    send(form, event.submitter).then(function () {
      closeBanner();
      dialog.close();
    });
  });
  document.querySelectorAll("a.consent-manage").forEach(function (link) {
    link.addEventListener("click", openDialog);
  });

  // "Load video": accepts Marketing (keeping whatever else was chosen) for this and every video.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".embed-load");
    if (!button) {
      return;
    }
    var placeholder = button.closest("[data-category]");
    var form = document.createElement("form");
    var fields = [["choice", "save"], ["category", placeholder.getAttribute("data-category")]];
    (choice || []).forEach(function (c) { fields.push(["category", c]); });
    fields.forEach(function (pair) {
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = pair[0];
      input.value = pair[1];
      form.appendChild(input);
    });
    send(form, null).then(function () {
      closeBanner();
      var frame = placeholder.querySelector("iframe");
      if (frame) {
        frame.focus();
      }
    });
  });

  if (choice === null) {
    showBanner();
  }
  activate();
})();
