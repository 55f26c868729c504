// Shows the password rules being met while the person types. The page works without it: the
// server checks the same rules and lists any that a refused password breaks.
(function () {
  "use strict";
  var pw = document.getElementById("password");
  var rules = document.getElementById("rules");
  if (!pw || !rules) { return; }
  var confirm = document.getElementById("confirm");
  var match = document.getElementById("match");
  var min = parseInt(pw.getAttribute("data-min") || "8", 10);
  var tests = {
    length: function (s) { return Array.from(s).length >= min; },
    upper: function (s) { return /\p{Lu}/u.test(s); },
    lower: function (s) { return /\p{Ll}/u.test(s); },
    letter: function (s) { return /\p{L}/u.test(s); },
    digit: function (s) { return /\p{Nd}/u.test(s); },
    special: function (s) { return /[^\p{L}\p{Nd}\s\p{Cc}]/u.test(s); }
  };
  function update() {
    var items = rules.querySelectorAll("li[data-rule]");
    for (var i = 0; i < items.length; i++) {
      var li = items[i];
      var test = tests[li.getAttribute("data-rule")];
      var ok = test ? test(pw.value) : false;
      li.classList.toggle("met", ok);
      var state = li.querySelector(".state");
      if (state) { state.textContent = " (" + state.getAttribute(ok ? "data-met" : "data-unmet") + ")"; }
    }
    if (confirm && match) {
      var differ = confirm.value !== "" && confirm.value !== pw.value;
      match.textContent = differ ? match.getAttribute("data-text") : "";
    }
  }
  pw.addEventListener("input", update);
  if (confirm) { confirm.addEventListener("input", update); }
  update();
}());
