(function () {
  "use strict";
  var story = document.getElementById("casegraph-story");
  if (!story) { return; }
  var steps = story.querySelectorAll(".step");
  var nav = story.querySelector(".story-nav");
  var position = story.querySelector(".position");
  var previous = story.querySelector("[data-go=previous]");
  var next = story.querySelector("[data-go=next]");
  var current = 0;
  function show(index) {
    current = Math.max(0, Math.min(steps.length - 1, index));
    for (var i = 0; i < steps.length; i += 1) { steps[i].hidden = i !== current; }
    position.textContent = (current + 1) + " / " + steps.length;
    previous.disabled = current === 0;
    next.disabled = current === steps.length - 1;
    story.setAttribute("data-step", String(current + 1));
  }
  story.classList.add("stepping");
  nav.hidden = false;
  previous.addEventListener("click", function () { show(current - 1); });
  next.addEventListener("click", function () { show(current + 1); });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (typing || event.altKey || event.ctrlKey || event.metaKey) { return; }
    if (event.key === "ArrowRight" || event.key === "PageDown") {
      show(current + 1);
      event.preventDefault();
    } else if (event.key === "ArrowLeft" || event.key === "PageUp") {
      show(current - 1);
      event.preventDefault();
    }
  });
  var asked = /^#step-(\d+)$/.exec(window.location.hash);
  show(asked ? parseInt(asked[1], 10) - 1 : 0);
}());
