// Adds a search box above each time zone select (home/time_zones.py):
// typing "helsinki" or "finland" leaves only the matching zones and selects
// the first of them, as a combobox would. Without JavaScript the grouped
// select works on its own.
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function enhance(select) {
    if (select.dataset.searchReady) return;
    select.dataset.searchReady = "true";
    var search = document.createElement("input");
    search.type = "search";
    search.id = select.id + "-search";
    search.className = "time-zone-search";
    search.setAttribute("autocomplete", "off");
    search.setAttribute("aria-controls", select.id);
    var label = document.createElement("label");
    label.htmlFor = search.id;
    label.textContent = select.dataset.searchLabel;
    label.style.display = "block";
    search.style.marginBottom = "0.5rem";
    select.parentNode.insertBefore(label, select);
    select.parentNode.insertBefore(search, select);

    search.addEventListener("input", function () {
      var words = fold(search.value).split(/\s+/).filter(Boolean);
      var first = null;
      Array.prototype.forEach.call(select.options, function (option) {
        var text = fold(option.textContent + " " + option.value);
        var match = words.every(function (word) { return text.indexOf(word) !== -1; });
        option.hidden = !match;
        if (match && !first) first = option;
      });
      Array.prototype.forEach.call(select.querySelectorAll("optgroup"), function (group) {
        group.hidden = !group.querySelector("option:not([hidden])");
      });
      var current = select.options[select.selectedIndex];
      if (first && (!current || current.hidden)) {
        select.value = first.value;
        select.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
    // Enter would submit the whole page form; here it means "take this one".
    search.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        select.focus();
      }
    });
  }

  function enhanceAll() {
    document.querySelectorAll("select[data-time-zone-select]").forEach(enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhanceAll);
  } else {
    enhanceAll();
  }
})();
