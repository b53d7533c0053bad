// Wagtail's date and time pickers (jQuery xdsoft datetimepicker) close on Tab
// and on blur but not on Escape, so a calendar opened by typing a date stayed
// over the fields below it. Escape now closes the picker of the focused field.
(function () {
  "use strict";

  document.addEventListener(
    "keydown",
    function (event) {
      if (event.key !== "Escape" || !window.jQuery) return;
      var input = window.jQuery(event.target);
      var picker = input.data("xdsoft_datetimepicker");
      if (picker && picker.is(":visible")) {
        input.datetimepicker("hide");
      }
    },
    true,
  );
})();
