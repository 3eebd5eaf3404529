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

// Search: the filters' disclosure is open where there is room beside the results (on a
// phone it stays shut so the results come first), and after a search focus moves to the
// results heading, so that keyboard and screen reader users start at what they asked for.
(function () {
  var heading = document.getElementById("results-heading");
  if (!heading) return;
  var filters = document.getElementById("filters");
  if (filters && window.matchMedia("(min-width: 48rem)").matches) filters.open = true;
  if (window.location.search.length > 1) heading.focus();
})();

// Tables: mark the scrollers whose table is wider than they are (a line then runs along
// the first column, which stays while the rest scrolls), again when the window resizes.
(function () {
  var wraps = document.querySelectorAll(".table-wrap");
  if (!wraps.length) return;
  function mark() {
    wraps.forEach(function (w) {
      w.classList.toggle("scrolls", w.scrollWidth > w.clientWidth + 1);
    });
  }
  mark();
  window.addEventListener("resize", mark);
})();

// Staff menus: on a phone the long list of pages folds behind a "Menu" button (a
// disclosure: aria-expanded says whether it is open), so the page starts on the first
// screen; where there is room the list stays open and the button hidden.
(function () {
  var button = document.querySelector(".menu-toggle");
  if (!button) return;
  var list = document.getElementById(button.getAttribute("aria-controls"));
  var narrow = window.matchMedia("(max-width: 40rem)");
  function set(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    list.classList.toggle("shut", !open);
  }
  function fit() {
    button.hidden = !narrow.matches;
    set(!narrow.matches);
  }
  button.addEventListener("click", function () {
    set(button.getAttribute("aria-expanded") !== "true");
  });
  if (narrow.addEventListener) narrow.addEventListener("change", fit);
  fit();
})();
