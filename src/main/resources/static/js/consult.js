// TeleConsult's pages work without this script; it only helps.
// 1. The booking page shows times in the browser's own zone: when the address names no zone yet,
//    the zone select is set to the browser's and the page asks for it; changing the select asks again.
// 2. The intake form shows the advice about care in person as soon as a warning sign is ticked.
(function () {
  "use strict";
  var form = document.querySelector("[data-zone-form]");
  var select = document.querySelector("[data-zone-select]");
  if (form && select) {
    var params = new URLSearchParams(window.location.search);
    var browserZone = "";
    try {
      browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch (e) {
      browserZone = "";
    }
    var known = Array.prototype.some.call(select.options, function (o) { return o.value === browserZone; });
    if (!params.get("tz") && known && select.value !== browserZone) {
      select.value = browserZone;
      params.set("tz", browserZone);
      window.location.replace(window.location.pathname + "?" + params.toString());
      return;
    }
    select.addEventListener("change", function () { form.submit(); });
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
