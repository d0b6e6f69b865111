// mlcoach's own behaviour: timers, keyboard shortcuts, the code editor and charts.
(function () {
  "use strict";

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function clock(seconds) {
    seconds = Math.max(0, Math.floor(seconds));
    return Math.floor(seconds / 60) + ":" + pad(seconds % 60);
  }

  // Count-up timer beside an answer box: data-timer="<suggested seconds>".
  function startTimers(root) {
    root.querySelectorAll("[data-timer]:not([data-started])").forEach(function (el) {
      el.setAttribute("data-started", "1");
      var target = parseInt(el.getAttribute("data-timer"), 10) || 0;
      var begin = Date.now();
      var out = el.querySelector("[data-timer-value]") || el;
      function tick() {
        if (!document.body.contains(el)) return;
        var spent = (Date.now() - begin) / 1000;
        out.textContent = clock(spent) + (target ? " / " + clock(target) + " suggested" : "");
        el.classList.toggle("over", target > 0 && spent > target);
        setTimeout(tick, 1000);
      }
      tick();
    });
  }

  // Countdown: data-countdown="<seconds left>" (mock interviews); the browser's own clock
  // runs it, so a difference between the server's and the browser's clocks does not matter.
  function startCountdowns(root) {
    root.querySelectorAll("[data-countdown]:not([data-started])").forEach(function (el) {
      el.setAttribute("data-started", "1");
      var deadline = Date.now() + 1000 * parseFloat(el.getAttribute("data-countdown"));
      var out = el.querySelector("[data-countdown-value]") || el;
      function tick() {
        if (!document.body.contains(el)) return;
        var left = (deadline - Date.now()) / 1000;
        out.textContent = left > 0 ? clock(left) : "Time is up";
        el.classList.toggle("urgent", left < 60);
        if (left > 0) setTimeout(tick, 1000);
      }
      tick();
    });
  }

  // Tab and Shift+Tab indent in a plain textarea (used when the editor script is absent).
  function tabIndent(event) {
    var area = event.target;
    if (event.key !== "Tab" || !area.matches("textarea[data-tab-indent]")) return;
    event.preventDefault();
    var start = area.selectionStart, end = area.selectionEnd, value = area.value;
    if (event.shiftKey) {
      var lineStart = value.lastIndexOf("\n", start - 1) + 1;
      if (value.substr(lineStart, 4) === "    ") {
        area.value = value.slice(0, lineStart) + value.slice(lineStart + 4);
        area.selectionStart = area.selectionEnd = Math.max(lineStart, start - 4);
      }
      return;
    }
    area.value = value.slice(0, start) + "    " + value.slice(end);
    area.selectionStart = area.selectionEnd = start + 4;
  }

  function typing(target) {
    return target.closest("input, textarea, select, [contenteditable], .CodeMirror");
  }

  // Shortcuts: elements with data-key="<key>" are clicked when that key is pressed
  // (outside text fields). Ctrl/Cmd+Enter submits the form of the focused answer box.
  function shortcuts(event) {
    if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
      var form = event.target.closest && event.target.closest("form");
      if (form) { event.preventDefault(); form.requestSubmit(); }
      return;
    }
    if (event.key === "Escape" && typing(event.target)) { event.target.blur(); return; }
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    if ((event.key === "Enter" || event.key === " ") && event.target.closest("button, a, summary")) return;
    if (event.key === "/") {
      var search = document.querySelector("[data-search]");
      if (search) { event.preventDefault(); search.focus(); }
      return;
    }
    var key = event.key === " " ? "space" : event.key.toLowerCase();
    var button = document.querySelector('[data-key~="' + key + '"]');
    if (button && !button.disabled) { event.preventDefault(); button.click(); }
  }

  function editors(root) {
    if (!window.CodeMirror) return;
    root.querySelectorAll("textarea[data-code-editor]:not([data-ready])").forEach(function (area) {
      area.setAttribute("data-ready", "1");
      var cm = window.CodeMirror.fromTextArea(area, {
        mode: "python", lineNumbers: true, indentUnit: 4, tabSize: 4, matchBrackets: true,
        viewportMargin: Infinity,
        extraKeys: {
          Tab: function (c) {
            if (c.somethingSelected()) c.indentSelection("add");
            else c.replaceSelection("    ", "end");
          },
          "Shift-Tab": function (c) { c.indentSelection("subtract"); },
          "Ctrl-Enter": function (c) { c.save(); area.form.requestSubmit(); },
          "Cmd-Enter": function (c) { c.save(); area.form.requestSubmit(); }
        }
      });
      var label = document.querySelector('label[for="' + area.id + '"]');
      cm.getInputField().setAttribute("aria-label", label ? label.textContent : "Code");
      cm.on("change", function () { cm.save(); });  // htmx reads the textarea itself
    });
  }

  function cssVar(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }

  // Charts: <canvas data-chart="ID"> with <script type="application/json" id="ID">.
  function charts(root) {
    if (!window.Chart) return;
    root.querySelectorAll("canvas[data-chart]:not([data-ready])").forEach(function (canvas) {
      canvas.setAttribute("data-ready", "1");
      var spec = JSON.parse(document.getElementById(canvas.getAttribute("data-chart")).textContent);
      var colours = [cssVar("--accent"), cssVar("--ok"), cssVar("--bad"), cssVar("--warn")];
      spec.data.datasets.forEach(function (set, i) {
        var colour = colours[(set.colour || i) % colours.length];
        set.backgroundColor = set.backgroundColor || colour;
        set.borderColor = set.borderColor || colour;
      });
      window.Chart.defaults.color = cssVar("--muted");
      window.Chart.defaults.borderColor = cssVar("--border");
      spec.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, spec.options || {});
      new window.Chart(canvas, spec);
    });
  }

  function init(root) {
    startTimers(root);
    startCountdowns(root);
    editors(root);
    charts(root);
    var autofocus = root.querySelector("[data-autofocus]");
    if (autofocus && root !== document) autofocus.focus();
  }

  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("[data-print]")) window.print();
  });
  document.addEventListener("keydown", tabIndent);
  document.addEventListener("keydown", shortcuts);
  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:afterSwap", function (event) {
    init(event.detail.target);
    if (event.detail.target.id === "grade") {
      var model = document.getElementById("model-answer");
      if (model) model.open = true;
    }
  });
  // Disable a form's buttons while its request runs, so a double click grades once.
  document.addEventListener("htmx:beforeRequest", function (event) {
    var form = event.detail.elt.closest && event.detail.elt.closest("form");
    if (form) form.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.detail.elt.closest && event.detail.elt.closest("form");
    if (form) form.querySelectorAll("button").forEach(function (b) { b.disabled = false; });
  });
})();
