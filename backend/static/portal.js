// Progressive enhancement only: every page works without this file.
// On search results, say how many offerings are ticked for comparison, and stop a
// comparison of fewer than two or more than four with a message that is announced.
(function () {
  var form = document.getElementById("compare-form");
  if (!form) return;
  var hint = document.getElementById("compare-hint");
  var boxes = form.querySelectorAll('input[name="ids"]');
  var status = document.createElement("p");
  status.setAttribute("role", "status");
  status.className = "hint";
  hint.insertAdjacentElement("afterend", status);
  var template = form.getAttribute("data-selected") || "";
  function count() {
    var n = 0;
    boxes.forEach(function (b) { if (b.checked) n++; });
    return n;
  }
  boxes.forEach(function (b) {
    b.addEventListener("change", function () { status.textContent = template.replace("{n}", count()); });
  });
  form.addEventListener("submit", function (e) {
    var n = count();
    if (n < 2 || n > 4) {
      e.preventDefault();
      status.textContent = form.getAttribute("data-range") || "";
    }
  });
})();

// Statements: a "Print" button, shown only when this script runs.
(function () {
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
