// Small enhancements only: every page works without this file.
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-copy]");
  if (!button) return;
  var field = document.getElementById(button.getAttribute("data-copy"));
  if (!field) return;
  field.select();
  var done = function () { button.classList.add("copied"); };
  if (navigator.clipboard) { navigator.clipboard.writeText(field.value).then(done, done); } else { document.execCommand("copy"); done(); }
});
// A decision's one confirmation: without this file the server shows a confirm page instead.
document.addEventListener("submit", function (event) {
  var button = event.submitter;
  if (!button || !button.hasAttribute("data-confirm")) return;
  if (!window.confirm(button.getAttribute("data-confirm"))) { event.preventDefault(); return; }
  var field = document.createElement("input");
  field.type = "hidden"; field.name = "confirm"; field.value = "yes";
  event.target.appendChild(field);
});
