// Small progressive enhancements; every page works without them.
(function () {
  "use strict";

  // Copy buttons: <button data-copy="#input-id">Copy</button>
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (!button) return;
    var field = document.querySelector(button.getAttribute("data-copy"));
    if (!field) return;
    event.preventDefault();
    var text = field.value || field.textContent;
    var done = function () { var label = button.textContent; button.textContent = "Copied"; setTimeout(function () { button.textContent = label; }, 1500); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { field.select(); });
    } else {
      field.select();
      try { document.execCommand("copy"); done(); } catch (e) { /* selection is left for a manual copy */ }
    }
  });

  // Suggests the web address from the store name until the merchant types one.
  var source = document.querySelector("[data-slug-source]");
  if (source) {
    var slug = document.getElementById(source.getAttribute("data-slug-source"));
    var preview = document.querySelector("[data-slug-preview]");
    var edited = slug && slug.value !== "";
    var suggest = function (name) {
      return name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
        .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);
    };
    source.addEventListener("input", function () {
      if (!edited && slug) slug.value = suggest(source.value);
      if (preview && slug) preview.textContent = slug.value;
    });
    if (slug) slug.addEventListener("input", function () { edited = slug.value !== ""; if (preview) preview.textContent = slug.value; });
  }

  // Live preview of the branding form: the real tracking page, re-rendered as values change.
  var form = document.querySelector("form[data-preview]");
  if (form) {
    var frame = document.getElementById(form.getAttribute("data-preview"));
    var timer = null;
    var refresh = function () {
      var params = new URLSearchParams();
      ["name", "accent_color", "background_color", "font"].forEach(function (key) {
        var input = form.elements[key];
        if (input) params.set(key, input.value);
      });
      frame.src = frame.getAttribute("data-base") + "?" + params.toString();
    };
    form.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(refresh, 250); });
  }

  // Import progress: re-reads the run's JSON while it is running.
  var progress = document.querySelector("[data-import-progress]");
  if (progress) {
    var poll = function () {
      fetch(progress.getAttribute("data-import-progress"), { credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(function (run) {
          progress.querySelector("progress").value = run.fraction;
          progress.querySelector("[data-import-text]").textContent = run.text;
          if (run.status === "running") setTimeout(poll, 1000); else location.reload();
        })
        .catch(function () { setTimeout(poll, 3000); });
    };
    setTimeout(poll, 1000);
  }
})();
