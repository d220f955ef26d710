// The site's service worker (sitegen/outputs/service_worker.py writes it to sw.js with BUILD and FILES filled in).
//
// - Install: precache FILES (every page, what the pages load, the calculator's runtime) into one cache
//   named after the scope and the build, revalidating with the host so nothing stale comes from the
//   HTTP cache. The worker becomes active only once every file is in: navigator.serviceWorker.ready
//   means "precached".
// - Pages (navigations) go to the network first, so online a reader always gets the deployed build
//   (on release day a stale date would mislead); offline, the cached page of this build, whatever its
//   query (a calculator link never seen before still opens).
// - Everything else in the scope: this build's cache first, then the network.
// - A new build is a new sw.js (BUILD changes): it precaches, takes over at once and deletes the caches
//   of older builds, for its own scope only. Each scope (site root, e.g. /repo/) has its own caches and
//   never answers from another's: sites under different sub-paths of one host share the origin.
const SCOPE = self.registration.scope;
const PREFIX = "site " + SCOPE + " ";
const CACHE = PREFIX + BUILD;
const OFFLINE_PAGE = '<!doctype html><html lang="zh-CN"><meta charset="utf-8">' +
  '<meta name="viewport" content="width=device-width,initial-scale=1"><title>当前离线</title>' +
  '<p>当前没有网络，这个页面也没有保存在本机。请联网后再打开，或回到<a href="' + SCOPE + '">首页</a>。</p>';

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(FILES.map((path) => new Request(new URL(path, SCOPE), { cache: "no-cache" })));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

async function page(request) {
  try {
    // no-cache: revalidate with the host even when the HTTP cache thinks its copy is fresh (GitHub Pages
    // sends max-age=600), so a deploy reaches an online reader at once.
    return await fetch(new Request(request, { cache: "no-cache" }));
  } catch (offline) {
    const cache = await caches.open(CACHE);
    return (await cache.match(request, { ignoreSearch: true })) ||
      new Response(OFFLINE_PAGE, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
  }
}

async function file(request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(request)) || fetch(request);
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  event.respondWith(request.mode === "navigate" ? page(request) : file(request));
});
