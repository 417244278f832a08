// The rule book's filter box: hides the sites, red flags and table rows that do not contain
// every word typed. Without scripts the box is not shown and the whole book reads as it is.
(function () {
  "use strict";
  var box = document.getElementById("filter");
  if (!box) { return; }
  function apply() {
    var words = box.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    document.querySelectorAll("section.item, tbody tr").forEach(function (el) {
      var text = el.textContent.toLowerCase();
      var match = words.every(function (w) { return text.indexOf(w) >= 0; });
      el.hidden = !match;
      if (match) { shown++; }
    });
    document.getElementById("filter-count").textContent = words.length ? shown + " shown" : "";
  }
  box.addEventListener("input", apply);
})();
