// Finds symbols by C or Swift name in window.LIBVIRT_SEARCH_INDEX (search-index.js) and lists them.
(function () {
  var index = window.LIBVIRT_SEARCH_INDEX || [];
  var query = (new URLSearchParams(window.location.search).get("q") || "").trim();
  var box = document.getElementById("query");
  var list = document.getElementById("results");
  box.value = query;
  if (!query) { return; }
  var needle = query.toLowerCase();
  var scored = [];
  index.forEach(function (entry) {
    var c = entry.c.toLowerCase(), s = entry.swift.toLowerCase();
    var score = (c === needle || s === needle) ? 0 : (c.indexOf(needle) === 0 || s.indexOf(needle) === 0) ? 1
      : (c.indexOf(needle) >= 0 || s.indexOf(needle) >= 0) ? 2 : -1;
    if (score >= 0) { scored.push([score, entry]); }
  });
  scored.sort(function (a, b) { return a[0] - b[0] || a[1].c.localeCompare(b[1].c); });
  scored.slice(0, 200).forEach(function (pair) {
    var entry = pair[1], item = document.createElement("li");
    var target = document.createElement(entry.url ? "a" : "span");
    if (entry.url) { target.href = entry.url; }
    target.textContent = entry.swift || entry.c;
    item.appendChild(target);
    item.appendChild(document.createTextNode(" — " + entry.c + " (" + entry.kind + ", " + entry.status + ")"));
    list.appendChild(item);
  });
  if (scored.length === 0) { list.outerHTML = "<p id=\"results\">No symbol matches “" + query.replace(/[<>&"]/g, "") + "”.</p>"; }
})();
