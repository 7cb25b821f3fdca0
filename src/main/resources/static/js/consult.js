// TeleConsult's pages work without this script; it only helps.
// 1. The booking page shows times in the browser's own zone: when the address names no zone yet,
//    the browser's zone is asked for; picking a zone from the search list asks again.
// 2. The intake form shows the advice about care in person as soon as a warning sign is ticked.
(function () {
  "use strict";
  var form = document.querySelector("[data-zone-form]");
  var input = document.querySelector("[data-zone-input]");
  if (form && input) {
    var zones = document.getElementById(input.getAttribute("list"));
    var known = function (zone) {
      return zone !== "" && zones !== null && Array.prototype.some.call(zones.options, function (o) { return o.value === zone; });
    };
    var params = new URLSearchParams(window.location.search);
    var browserZone = "";
    try {
      browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch (e) {
      browserZone = "";
    }
    // Any zone the browser names is asked for: the server knows old names (Asia/Calcutta) the list shows under new ones.
    if (!params.get("tz") && browserZone !== "" && input.value !== browserZone) {
      params.set("tz", browserZone);
      window.location.replace(window.location.pathname + "?" + params.toString());
      return;
    }
    // A zone picked from the list (not one half typed) shows its times at once.
    input.addEventListener("change", function () {
      if (known(input.value)) {
        form.submit();
      }
    });
    input.addEventListener("focus", function () { input.select(); });
    var doctor = form.querySelector("select[name=doctor]");
    if (doctor) {
      doctor.addEventListener("change", function () { form.submit(); });
    }
  }

  var advice = document.querySelector("[data-advice]");
  var flags = document.querySelectorAll("[data-red-flag]");
  if (advice && flags.length) {
    var update = function (event) {
      var any = Array.prototype.some.call(flags, function (f) { return f.checked; });
      var wasHidden = advice.hidden;
      advice.hidden = !any;
      if (any && wasHidden && event) {
        advice.setAttribute("role", "alert");
      }
    };
    Array.prototype.forEach.call(flags, function (f) { f.addEventListener("change", update); });
    update(null);
  }
})();
