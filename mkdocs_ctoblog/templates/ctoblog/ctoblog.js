/* mkdocs-ctoblog: the "Copy link" button of the share links. No network, no dependencies.
   The button stays hidden until this script runs (`data-ctoblog-js` on <html>); clicks are
   handled on the document, so it also works after Material's instant navigation swaps the page. */
(function () {
  "use strict";
  document.documentElement.setAttribute("data-ctoblog-js", "");

  function copyWithSelection(text) {
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.appendChild(field);
    field.select();
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
    document.body.removeChild(field);
    return copied;
  }

  function announce(button) {
    var box = button.closest(".ctoblog-share");
    var status = box && box.querySelector(".ctoblog-share__status");
    if (!status) return;
    status.textContent = "";
    // A fresh text node after a tick, so screen readers announce a second copy too.
    window.setTimeout(function () { status.textContent = button.getAttribute("data-copied"); }, 50);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".ctoblog-share__copy");
    if (!button) return;
    var url = button.getAttribute("data-url");
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(
        function () { announce(button); },
        function () { if (copyWithSelection(url)) announce(button); }
      );
    } else if (copyWithSelection(url)) {
      announce(button);
    }
  });
})();
