/* Turn Toward: small progressive enhancements. The pages work without this file. */
(function () {
  "use strict";

  /* Quick exit: leave at once, and replace this page in history so Back does not return. */
  function quickExit(url) {
    try { document.body.innerHTML = ""; document.title = "…"; } catch (e) { /* ignore */ }
    window.location.replace(url);
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("#quick-exit");
    if (!link) return;
    event.preventDefault();
    quickExit(link.getAttribute("data-exit-url") || link.href);
  });
  var lastEscape = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var now = Date.now();
    if (now - lastEscape < 800) {
      var link = document.getElementById("quick-exit");
      if (link) quickExit(link.getAttribute("data-exit-url") || link.href);
    }
    lastEscape = now;
  });

  /* Guess time zone and country from the browser for fields marked data-guess, unless chosen. */
  function guessZone() {
    try { return Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { return ""; }
  }
  function guessCountry() {
    var langs = navigator.languages || [navigator.language || ""];
    for (var i = 0; i < langs.length; i++) {
      var parts = String(langs[i]).split("-");
      if (parts.length > 1 && /^[A-Za-z]{2}$/.test(parts[parts.length - 1])) return parts[parts.length - 1].toUpperCase();
    }
    return "";
  }
  function applyGuesses(root) {
    root.querySelectorAll("select[data-guess]").forEach(function (select) {
      if (select.dataset.touched === "1" || select.dataset.guessed === "1") return;
      var value = select.dataset.guess === "time_zone" ? guessZone() : guessCountry();
      if (value && select.querySelector('option[value="' + value + '"]')) {
        select.value = value;
        select.dataset.guessed = "1";
      }
      select.addEventListener("change", function () { select.dataset.touched = "1"; });
    });
  }
  document.addEventListener("DOMContentLoaded", function () { applyGuesses(document); });

  /* Character counters for text areas with a maxlength. */
  function attachCounters(root) {
    root.querySelectorAll("textarea[maxlength], textarea[data-maxlength]").forEach(function (area) {
      if (area.dataset.counter) return;
      area.dataset.counter = "1";
      var out = document.createElement("p");
      out.className = "counter";
      out.setAttribute("aria-live", "polite");
      var update = function () {
        var left = Number(area.getAttribute("maxlength") || area.getAttribute("data-maxlength")) - area.value.length;
        var tpl = document.body.getAttribute("data-chars-left") || "%s characters left";
        out.textContent = left < 100 ? tpl.replace("%s", left) : "";
      };
      area.insertAdjacentElement("afterend", out);
      area.addEventListener("input", update);
      update();
    });
  }
  document.addEventListener("DOMContentLoaded", function () { attachCounters(document); });
  document.addEventListener("htmx:afterSwap", function (event) { attachCounters(event.target); });
})();

/* Safety: the risk panel takes focus when it appears (page load or an HTMX swap), so a
   screen reader reads it first; the "Check my wording" helper opens and closes. */
(function () {
  "use strict";
  function focusPanel() {
    var panel = document.getElementById("risk-panel");
    // Live coach feedback shows the panel while the person types: never pull focus there.
    if (panel && !panel.dataset.focused && !panel.closest(".coach-feedback")) {
      panel.dataset.focused = "1";
      panel.focus({ preventScroll: false });
    }
  }
  document.addEventListener("DOMContentLoaded", focusPanel);
  document.addEventListener("htmx:afterSettle", focusPanel);
  // The panel's own quick-exit button leaves like the one at the top: history replaced.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-quick-exit]");
    if (!link) return;
    event.preventDefault();
    try { document.body.innerHTML = ""; document.title = "…"; } catch (e) { /* ignore */ }
    window.location.replace(link.href);
  });
  document.addEventListener("htmx:oobAfterSwap", focusPanel);
})();
