(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);

  function citedSentences(claim) {
    var article = claim.getAttribute("data-article");
    return (claim.getAttribute("data-cites") || "").split(" ").filter(Boolean).map(function (n) {
      return document.getElementById(article + "-s" + n);
    }).filter(Boolean);
  }

  function clear() {
    document.querySelectorAll(".s.hl").forEach(function (el) { el.classList.remove("hl"); });
    document.querySelectorAll(".claim.active").forEach(function (el) {
      el.classList.remove("active");
    });
  }

  function show(claim, scroll) {
    clear();
    claim.classList.add("active");
    var spans = citedSentences(claim);
    spans.forEach(function (el) { el.classList.add("hl"); });
    if (scroll && spans.length) {
      var text = spans[0].closest("details");
      if (text) { text.open = true; }
      spans[0].scrollIntoView({block: "center"});
    }
  }

  document.querySelectorAll(".claim").forEach(function (claim) {
    claim.addEventListener("mouseenter", function () { show(claim, false); });
    claim.addEventListener("focus", function () { show(claim, false); });
    claim.addEventListener("click", function () { show(claim, true); });
    claim.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); show(claim, true); }
    });
  });

  var filter = document.getElementById("filter");
  filter.addEventListener("input", function () {
    var query = filter.value.toLowerCase();
    var shown = 0;
    data.articles.forEach(function (article) {
      var section = document.getElementById(article.id);
      var match = !query || (article.headline + " " + article.path).toLowerCase().indexOf(query) >= 0;
      if (section) { section.hidden = !match; }
      shown += match ? 1 : 0;
    });
    document.getElementById("filter-count").textContent = shown + " of " + data.articles.length;
  });

  // A marker for tests and readers: the script ran to the end and saw every article.
  var sections = document.querySelectorAll("section.article").length;
  document.body.setAttribute("data-report-ready", sections + "/" + data.articles.length);
})();
