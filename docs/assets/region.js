// "My region": remembered on this device only (localStorage), never sent anywhere.
// A region page's button stores {slug, name}; links with class "my-region-link" that point at
// provinces/ then lead straight to that region's page, with its status when the page lists them.
(function () {
  var KEY = "zhuan-kaohou.region";
  function read() {
    try { return JSON.parse(localStorage.getItem(KEY) || "null"); } catch (e) { return null; }
  }
  function show(saved) {
    document.querySelectorAll("a.my-region-link").forEach(function (a) {
      var statuses = a.dataset.statuses ? JSON.parse(a.dataset.statuses) : {};
      a.href = new URL(saved.slug + "/", a.href).href;
      a.textContent = saved.name + (statuses[saved.slug] ? "（考后审核：" + statuses[saved.slug] + "）" : "");
      var box = a.closest(".my-region");
      if (box) box.hidden = false;
    });
  }
  document.querySelectorAll("button[data-region-slug]").forEach(function (button) {
    button.closest(".my-region-set").hidden = false;
    button.addEventListener("click", function () {
      var note = button.parentNode.querySelector(".my-region-note");
      try {
        localStorage.setItem(KEY, JSON.stringify({slug: button.dataset.regionSlug, name: button.dataset.regionName}));
        note.textContent = "已记住。以后从首页就能直接打开" + button.dataset.regionName + "的页面。";
      } catch (e) {
        note.textContent = "这个浏览器不允许保存设置（例如无痕模式）。";
      }
    });
  });
  // Also called by the calculator (docs/calculator/app.js) after each result, whose links arrive later.
  self.showMyRegion = function () {
    var saved = read();
    if (saved && /^[a-z]+$/.test(saved.slug)) show(saved);
  };
  self.showMyRegion();
})();
