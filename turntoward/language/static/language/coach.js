// "Use this": put the suggested I-statement into the message box and on the clipboard.
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-coach-use]");
  if (!button) return;
  var source = document.querySelector(button.getAttribute("data-coach-use"));
  var box = document.querySelector(button.getAttribute("data-coach-target") || "#id_text");
  if (!source) return;
  var text = source.textContent.trim();
  if (box) { box.value = text; box.focus(); box.dispatchEvent(new Event("input", { bubbles: true })); }
  var note = button.parentElement.querySelector(".coach-copied");
  if (navigator.clipboard) { navigator.clipboard.writeText(text).catch(function () {}); }
  if (note) { note.textContent = note.getAttribute("data-copied-text"); }
});
