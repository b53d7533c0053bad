// The Resource Centre's filters apply as soon as a box is ticked; without
// JavaScript the "Apply filters" button does it. After the reload the panel is
// open again and the ticked box has the focus, so a phone or keyboard user can
// go on ticking where they were.
(function () {
  "use strict";

  var REOPEN = "resource-filters-reopen";

  function init() {
    var form = document.querySelector("form.resource-search");
    var panel = form && form.querySelector("details.filters-panel");
    if (!panel) return;
    form.classList.add("filters-auto-apply");

    var wide = window.matchMedia("(min-width: 48.01rem)");
    var reopen = null;
    try {
      reopen = JSON.parse(sessionStorage.getItem(REOPEN));
      sessionStorage.removeItem(REOPEN);
    } catch (error) {
      reopen = null;
    }
    if (wide.matches || reopen) panel.open = true;
    if (reopen) {
      var box = Array.prototype.find.call(
        panel.querySelectorAll("input[type=checkbox]"),
        function (input) { return input.name === reopen.name && input.value === reopen.value; }
      );
      if (box) box.focus();
    }

    panel.addEventListener("change", function (event) {
      var box = event.target;
      if (box.type !== "checkbox") return;
      try {
        sessionStorage.setItem(REOPEN, JSON.stringify({ name: box.name, value: box.value }));
      } catch (error) {
        // Private browsing without storage: the filter still applies.
      }
      form.requestSubmit();
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
