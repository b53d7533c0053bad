// Reply in place: a comment's Reply link opens the reply form right under that
// comment. The link leads to the reply's own page (it quotes the comment), which
// is where the form posts, and where Reply goes without this script.
(function () {
  "use strict";
  var template = document.getElementById("reply-form-template");
  if (!template) {
    return;
  }
  var open = null;

  function close() {
    if (open) {
      open.box.remove();
      open.link.setAttribute("aria-expanded", "false");
      open = null;
    }
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a.reply-link");
    if (!link) {
      return;
    }
    event.preventDefault();
    var wasOpen = open && open.link === link;
    close();
    if (wasOpen) {
      return;
    }
    var box = template.content.firstElementChild.cloneNode(true);
    box.querySelector(".inline-reply-heading").textContent = link.dataset.replyHeading;
    box.querySelector("form").action = link.href;
    box.querySelector(".inline-reply-cancel").addEventListener("click", function () {
      close();
      link.focus();
    });
    link.closest(".comment-actions").after(box);
    link.setAttribute("aria-expanded", "true");
    open = { box: box, link: link };
    box.querySelector("textarea").focus();
  });
})();
