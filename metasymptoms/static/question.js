// "Which of these": ticking an answer that goes alone ("None of these", "I'm not sure")
// unticks the others, and ticking one of the others unticks it. Without scripts the page
// works as before: the server refuses such a pair and says why.
(function () {
  "use strict";
  var boxes = document.querySelectorAll('input[type="checkbox"][name="answer"]');
  boxes.forEach(function (box) {
    box.addEventListener("change", function () {
      if (!box.checked) { return; }
      var alone = box.hasAttribute("data-alone");
      boxes.forEach(function (other) {
        if (other !== box && (alone || other.hasAttribute("data-alone"))) { other.checked = false; }
      });
    });
  });
})();
