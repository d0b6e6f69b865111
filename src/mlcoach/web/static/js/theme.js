// Applies the chosen theme before the page paints ("auto" follows the system).
(function () {
  var root = document.documentElement;
  var pref = root.getAttribute("data-theme-pref") || "auto";
  var media = window.matchMedia("(prefers-color-scheme: dark)");
  function apply() {
    root.setAttribute("data-theme", pref === "auto" ? (media.matches ? "dark" : "light") : pref);
  }
  apply();
  if (pref === "auto" && media.addEventListener) media.addEventListener("change", apply);
})();
