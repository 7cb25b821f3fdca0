// Progressive enhancement only: without scripts, no-script.css lists the menu open and hides the button.
(function () {
  "use strict";
  var toggle = document.querySelector(".menu-toggle");
  var nav = document.getElementById("primary-nav");
  if (!toggle || !nav) {
    return;
  }
  toggle.addEventListener("click", function () {
    var open = toggle.getAttribute("aria-expanded") === "true";
    toggle.setAttribute("aria-expanded", String(!open));
    nav.classList.toggle("is-open", !open);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
      toggle.setAttribute("aria-expanded", "false");
      nav.classList.remove("is-open");
      toggle.focus();
    }
  });
})();

// Drop-down sub-menus open on hover and focus (CSS); Escape hides the open one until the pointer or
// focus leaves it, so what it covers can be read (WCAG 1.4.13).
(function () {
  "use strict";
  document.querySelectorAll(".primary-nav li.has-children").forEach(function (item) {
    item.addEventListener("keydown", function (event) {
      var sub = item.querySelector(".sub-menu");
      // In the phone menu the items are simply listed, and Escape closes the whole menu instead.
      var dropDown = sub && window.getComputedStyle(sub).position === "absolute";
      if (event.key === "Escape" && dropDown && !item.classList.contains("is-dismissed")) {
        item.classList.add("is-dismissed");
        item.querySelector("a").focus();
        event.stopPropagation();
      }
    });
    function reset(event) {
      if (!item.contains(event.relatedTarget)) {
        item.classList.remove("is-dismissed");
      }
    }
    item.addEventListener("focusout", reset);
    item.addEventListener("mouseleave", reset);
  });
})();

// As-you-type suggestions for the header search box; without this script the box still searches.
(function () {
  "use strict";
  var input = document.getElementById("header-q");
  var list = document.getElementById("header-suggestions");
  if (!input || !list || !window.fetch) {
    return;
  }
  var timer = null;
  var latest = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var query = input.value.trim();
    if (query.length < 2) {
      list.textContent = "";
      return;
    }
    timer = setTimeout(function () {
      var ticket = ++latest;
      fetch("/api/v1/search?q=" + encodeURIComponent(query) + "&lang=" + encodeURIComponent(document.documentElement.lang), { headers: { "Accept": "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) {
          if (ticket !== latest) {
            return;
          }
          list.textContent = "";
          data.suggestions.forEach(function (suggestion) {
            var option = document.createElement("option");
            option.value = suggestion.title;
            list.appendChild(option);
          });
        })
        .catch(function () { list.textContent = ""; });
    }, 150);
  });
})();
