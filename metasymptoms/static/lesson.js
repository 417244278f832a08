// The lesson page's keys: step, record the class's prediction, reveal the answer, count the
// score, show the teacher's notes; what changes is read out (#announce). Every word on the page comes with it, from the rule book;
// the few this says (the verdict, the score) are data- attributes of <main>. Without scripts
// the page shows every step, one after the other.
(function () {
  "use strict";
  var words = document.getElementById("main").dataset;
  var steps = Array.prototype.slice.call(document.querySelectorAll(".step"));
  var current = 0;
  function say(text) { document.getElementById("announce").textContent = text; }
  function rendered(element) { return element.getClientRects().length > 0 && !element.disabled; }
  // Focus stays where the teacher left it (on Next, Enter goes on stepping and never reveals
  // an answer: revealing takes R or a click). Only when the focused control is hidden or
  // disabled by the change does focus move, to `fallback`, never to the top of the page.
  function keepFocus(focused, fallback) {
    if (focused && focused !== document.body && !rendered(focused)) {
      fallback.setAttribute("tabindex", "-1");  // focusable by the script, not by Tab
      fallback.focus();
    }
  }
  function show(n) {
    var focused = document.activeElement;
    var from = current;
    current = Math.max(0, Math.min(n, steps.length - 1));
    steps.forEach(function (step, i) { step.classList.toggle("current", i === current); });
    // The counter's words come with the page ("Step 3 of 11"), the same as the terminal's.
    document.getElementById("where").textContent = steps[current].dataset.counter;
    document.getElementById("back").disabled = current === 0;
    document.getElementById("next").disabled = current === steps.length - 1;
    var heading = steps[current].querySelector("h2");
    keepFocus(focused, heading);
    if (current !== from) { say(steps[current].dataset.counter + ": " + heading.textContent); }
    window.scrollTo(0, 0);
  }
  function pick(step, button) {
    if (step.classList.contains("revealed")) { return; }
    step.querySelectorAll("button.choice").forEach(function (b) {
      b.setAttribute("aria-pressed", b === button ? "true" : "false");
    });
  }
  function reveal(step) {
    var answer = step.querySelector(".reveal");
    if (!answer || !answer.hidden) { return; }
    var focused = document.activeElement;
    answer.hidden = false;
    step.classList.add("revealed");
    step.querySelector(".reveal-button").hidden = true;
    var picked = step.querySelector('button.choice[aria-pressed="true"]');
    var verdict = step.querySelector(".verdict");
    if (!picked) {
      verdict.textContent = words.noPrediction;
    } else if (picked.classList.contains("right")) {
      verdict.textContent = words.right;
      verdict.classList.add("right");
      step.dataset.score = "right";
    } else {
      verdict.textContent = words.notThisTime;
      verdict.classList.add("wrong");
      step.dataset.score = "wrong";
    }
    var questions = document.querySelectorAll(".question").length;
    var right = document.querySelectorAll('.question[data-score="right"]').length;
    var score = words.score.replace("{right}", right).replace("{count}", questions);
    document.getElementById("score").textContent = score;
    say(verdict.textContent + " " + score);
    keepFocus(focused, answer);  // the Reveal button clicked is gone: focus goes to what it showed
    answer.scrollIntoView({block: "start"});
  }
  // A step taller than the screen: the space bar and Page Down (a presenter's clicker) first
  // scroll it a screen at a time, never further than what was on screen, and move on only
  // from its end; Page Up and Backspace go back the same way.
  function screenful() {
    return window.innerHeight - document.querySelector("nav.steps").offsetHeight - 48;
  }
  function atEnd() {
    return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
  }
  function forward() {
    if (atEnd()) { show(current + 1); } else { window.scrollBy(0, screenful()); }
  }
  function backward() {
    if (window.scrollY <= 0) { show(current - 1); } else { window.scrollBy(0, -screenful()); }
  }
  function teacher(step) {
    var notes = step.querySelector(".teacher-notes");
    if (!notes) { return; }
    notes.hidden = !notes.hidden;
    step.querySelector(".teacher-button").setAttribute("aria-expanded", String(!notes.hidden));
    if (!notes.hidden) { notes.scrollIntoView({block: "nearest"}); }
  }
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var step = steps[current];
    var key = event.key;
    // A key belongs to the control that has focus: a field for typing takes every key, a
    // button, link, summary or checkbox its Space (Space presses a choice, ticks a box).
    // The page's other keys work from anywhere.
    var target = event.target instanceof Element ? event.target : document.body;
    if (target.closest('select, textarea, [contenteditable], input:not([type="checkbox"])')) { return; }
    if ((key === " " || key === "Backspace") && target.closest("button, a, summary, input")) { return; }
    if (key === "ArrowRight") { show(current + 1); }
    else if (key === "ArrowLeft") { show(current - 1); }
    else if (key === "PageDown" || key === " ") { forward(); }
    else if (key === "PageUp" || key === "Backspace") { backward(); }
    else if (key === "t" || key === "T") { teacher(step); }
    else if (key === "Home") { show(0); }
    else if (key === "End") { show(steps.length - 1); }
    else if (key === "r" || key === "R") { reveal(step); }
    else if (/^[1-9]$/.test(key)) {
      var choice = step.querySelectorAll("button.choice")[Number(key) - 1];
      if (choice) { pick(step, choice); } else { return; }
    }
    else { return; }
    event.preventDefault();
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) { return; }
    var step = button.closest(".step");
    if (button.id === "next") { show(current + 1); }
    else if (button.id === "back") { show(current - 1); }
    else if (button.classList.contains("choice")) { pick(step, button); }
    else if (button.classList.contains("reveal-button")) { reveal(step); }
    else if (button.classList.contains("teacher-button")) { teacher(step); }
  });
  document.getElementById("print-answers").addEventListener("change", function (event) {
    document.body.classList.toggle("without-answers", !event.target.checked);
  });
  show(0);
})();
