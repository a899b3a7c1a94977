// Keeps the tracking page current without a reload. The page is complete without this script.
(function () {
  "use strict";
  var main = document.getElementById("order");
  if (!main || !window.EventSource || !main.getAttribute("data-live-url")) return;
  var url = main.getAttribute("data-live-url") + "?since=" + encodeURIComponent(main.getAttribute("data-revision") || "0");
  var source = new EventSource(url);
  source.addEventListener("update", function (event) {
    var update;
    try { update = JSON.parse(event.data); } catch (e) { return; }
    if (typeof update.html !== "string") return;
    main.innerHTML = update.html;
    main.setAttribute("data-revision", String(update.revision));
  });
})();
