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
