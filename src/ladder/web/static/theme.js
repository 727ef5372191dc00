// Runs before the page is drawn (not deferred): a colour theme chosen with the toggle
// wins over the system's setting, without a flash of the other one.
"use strict";
(function () {
  try {
    const chosen = window.localStorage.getItem("ladder-theme");
    if (chosen === "dark" || chosen === "light") {
      document.documentElement.dataset.theme = chosen;
    }
  } catch (e) { /* storage blocked: follow the system */ }
})();
