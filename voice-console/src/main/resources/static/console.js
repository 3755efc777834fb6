// The console's only script besides htmx: CSRF on htmx requests, and the deploy dialog opened as a modal.
(function () {
  "use strict";
  document.addEventListener("htmx:configRequest", function (event) {
    var header = document.querySelector("meta[name=csrf-header]");
    var token = document.querySelector("meta[name=csrf-token]");
    if (header && token) {
      event.detail.headers[header.content] = token.content;
    }
  });
  document.addEventListener("htmx:afterSwap", function () {
    var dialog = document.querySelector("dialog[data-modal]:not([open])");
    if (dialog && typeof dialog.showModal === "function") {
      dialog.showModal();
      var first = dialog.querySelector("input, textarea, select");
      if (first) {
        first.focus();
      }
    }
  });
  document.addEventListener("click", function (event) {
    var close = event.target.closest("[data-close-dialog]");
    if (close) {
      var dialog = close.closest("dialog");
      if (dialog) {
        dialog.close();
        dialog.remove();
      }
    }
  });
})();
