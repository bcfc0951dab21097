// Short page addresses while the title is typed (editorial/slugs.py: browser_formatters).
// Wagtail's slug field applies `formatters` to the title before making the slug; this
// gives it the campus's rule, read from this script's own data attribute (no inline script).
(function () {
  "use strict";
  var script = document.currentScript;
  var formatters = script && script.dataset.formatters;
  if (!formatters) {
    return;
  }
  function apply() {
    document.querySelectorAll('input[data-controller~="w-slug"]').forEach(function (input) {
      if (!input.hasAttribute("data-w-slug-formatters-value")) {
        input.setAttribute("data-w-slug-formatters-value", formatters);
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", apply);
  } else {
    apply();
  }
})();
