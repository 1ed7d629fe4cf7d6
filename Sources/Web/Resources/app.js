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
