// The Resource Centre's filters apply as soon as a box is ticked; without
// JavaScript the "Apply filters" button does it. After the reload the panel is
// open again and the ticked box has the focus, so a phone or keyboard user can
// go on ticking where they were.
// A long facet's filter box narrows its list as the visitor types, by the rule
// the server applies to `<facet>_q` (search/facet_values.py: the value or a
// word of the label begins with what was typed, any case, accents ignored);
// "Show all" opens the list in place.
(function () {
  "use strict";

  var REOPEN = "resource-filters-reopen";
  var SHOWN = 10; // resources/facet_panels.py SHOWN

  function folded(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function matches(typed, value, label) {
    if (!typed) return true;
    if (folded(value).indexOf(typed) === 0 || folded(label).indexOf(typed) === 0) return true;
    return folded(label).split(/[^\p{L}\p{N}]+/u).some(function (word) {
      return word.indexOf(typed) === 0;
    });
  }

  function filterBox(fieldset) {
    var input = fieldset.querySelector(".facet-filter input");
    var rows = Array.prototype.slice.call(fieldset.querySelectorAll("li"));
    var none = fieldset.querySelector(".facet-none");
    var more = fieldset.querySelector(".facet-more");
    var all = !!fieldset.querySelector("[data-show-fewer]") || !rows.some(function (row) {
      return row.hidden;
    });

    function apply() {
      var typed = folded(input.value.trim());
      var found = 0;
      var listed = 0;
      rows.forEach(function (row) {
        var box = row.querySelector("input");
        var label = row.querySelector(".facet-label").textContent;
        var show;
        if (box.checked) {
          show = true; // a selected value never disappears
        } else if (typed) {
          show = matches(typed, box.value, label);
          if (show) found += 1;
        } else {
          show = all || listed < SHOWN;
        }
        if (!box.checked || !typed) listed += 1;
        row.hidden = !show;
      });
      if (none) none.hidden = !typed || found > 0;
      if (more) more.hidden = !!typed || all;
    }

    input.addEventListener("input", apply);
    input.addEventListener("keydown", function (event) {
      // Nothing to send: the list is already filtered.
      if (event.key === "Enter") event.preventDefault();
    });
    var showAll = fieldset.querySelector("[data-show-all]");
    if (showAll) {
      showAll.addEventListener("click", function (event) {
        event.preventDefault();
        all = true;
        apply();
        input.focus();
      });
    }
    if (input.value) apply();
  }

  function init() {
    var form = document.querySelector("form.resource-search");
    var panel = form && form.querySelector("details.filters-panel");
    if (!panel) return;
    form.classList.add("filters-auto-apply");
    Array.prototype.forEach.call(panel.querySelectorAll("[data-facet-filter]"), filterBox);

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
