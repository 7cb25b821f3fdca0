// The admin works without this script; with it, times show in the writer's own zone and the
// article editor previews and checks the text as it is typed.
(function () {
  "use strict";
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone) {
      document.cookie = "vertebra_zone=" + encodeURIComponent(zone) + "; path=/admin; SameSite=Lax";
    }
  } catch (e) { /* an old browser: times stay in UTC */ }
})();

(function () {
  "use strict";
  var form = document.querySelector("form[data-preview]");
  if (!form || !window.fetch || !window.FormData) {
    return;
  }
  var text = form.querySelector("#markdown");
  var target = document.querySelector("[data-preview-target]");
  var grade = document.querySelector("[data-check=grade] strong");
  var readingGrade = document.querySelector("[data-check=reading-grade] [data-value]");
  var zoneField = form.querySelector("#zone");
  var token = form.querySelector("input[name=_csrf]");
  if (!text || !target || !token) {
    return;
  }
  if (zoneField && zoneField.value === "UTC") {
    try { zoneField.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"; } catch (e) { /* keep UTC */ }
  }
  var timer = null;
  var latest = 0;
  text.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 600);
  });

  function refresh() {
    var ticket = ++latest;
    var body = new URLSearchParams();
    body.set("markdown", text.value);
    fetch(form.getAttribute("data-preview"), {
      method: "POST",
      headers: { "X-CSRF-Token": token.value, "Accept": "application/json" },
      body: body
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (data) {
      if (!data || ticket !== latest) {
        return;
      }
      // The server renders and sanitizes the HTML, as it does for the published page.
      target.innerHTML = data.html;
      if (grade) {
        grade.textContent = data.grade;
        grade.parentNode.className = "grade " + (data.onTarget ? "on-target" : "above-target");
      }
      if (readingGrade && data.readingGrade) {
        readingGrade.textContent = data.readingGrade; // the sections and plain words follow on "Preview and check"
      }
    }).catch(function () { /* the preview button still works */ });
  }
})();
