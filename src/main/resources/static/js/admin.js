// The admin works without this script; with it, times show in the writer's own zone. The article
// editor's own script is editor.js.
(function () {
  "use strict";
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone) {
      document.cookie = "vertebra_zone=" + encodeURIComponent(zone) + "; path=/admin; SameSite=Lax";
    }
  } catch (e) { /* an old browser: times stay in UTC */ }
})();

// A new article's publishing time is read in the writer's own zone rather than UTC.
(function () {
  "use strict";
  var zoneField = document.querySelector("form.editor-form #zone");
  if (zoneField && zoneField.value === "UTC") {
    try { zoneField.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"; } catch (e) { /* keep UTC */ }
  }
})();

// Files dropped on the library's upload form become its files, and the form is sent.
(function () {
  "use strict";
  var form = document.querySelector("form.upload-form");
  var input = form && form.querySelector("input[type=file]");
  if (!input || !window.DataTransfer) {
    return;
  }
  form.addEventListener("dragover", function (event) {
    event.preventDefault();
    form.classList.add("dropping");
  });
  form.addEventListener("dragleave", function () { form.classList.remove("dropping"); });
  form.addEventListener("drop", function (event) {
    event.preventDefault();
    form.classList.remove("dropping");
    if (!event.dataTransfer || !event.dataTransfer.files.length) {
      return;
    }
    input.files = event.dataTransfer.files;
    if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
  });
})();
