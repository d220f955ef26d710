// The calculator page's DOM glue. All logic (query parsing, choices, the engine, the result's HTML) is
// Python in worker.py, run on MicroPython in a worker (python-worker.js); this file only reads the form,
// sends it there and shows the reply. Everything the reply puts into the page as HTML was escaped by
// view.py; messages, which may quote what the reader typed, are set as text.
//
// The worker is started by an inline script at the top of <head> (overrides/main.html), which at once
// asks it for the answer to this page's link (call 0) and keeps every event that arrives before this
// module runs (`early`). So MicroPython loads while the page itself is still arriving and being laid out.
// This module is loaded from <head> as well, async (front matter `head_module`); it touches the DOM only
// once the calculator's markup is parsed.
const worker = self.calculatorWorker;
const pending = new Map();
const opened = new Promise((resolve, reject) => pending.set(0, { resolve, reject })); // call 0's answer
let calls = 0;
let broken = null; // the worker's script failed to load: every call fails at once

function onReply({ data }) {
  const call = pending.get(data.id);
  pending.delete(data.id);
  if (data.error !== undefined) call.reject(new Error(data.error));
  else call.resolve(data.result);
}

function onFailure(event) {
  broken = new Error("calculator worker: " + (event.message || "failed to load"));
  for (const call of pending.values()) call.reject(broken);
  pending.clear();
}

// Calls worker.py's function `name`; resolves with what it returned.
function python(name, ...args) {
  if (broken) return Promise.reject(broken);
  return new Promise((resolve, reject) => {
    const id = ++calls;
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, call: name, args });
  });
}

// Once #calc-app has a next sibling, the calculator's whole block is parsed. That is long before
// DOMContentLoaded, which waits for Material's scripts.
function calculatorParsed() {
  const done = () => document.readyState !== "loading" || document.getElementById("calc-app")?.nextSibling;
  if (done()) return Promise.resolve();
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (done()) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
  });
}

await calculatorParsed();

const $ = (id) => document.getElementById(id);
const FORM = $("calc-form");
const RESULT = $("calc-result");
const LINK = $("calc-link");
const COPY_STATUS = $("calc-copy-status");
const TODAY_INPUT = $("calc-today");
const SUBJECTS = Array.from(FORM.querySelectorAll(".calc-subject"), (div) => div.dataset.subject);
const EXTENSIONS = Array.from(FORM.querySelectorAll('input[name="extension"]'), (box) => box.value);
const pageUrl = () => location.href.split("#")[0].split("?")[0];

function readForm() {
  const checked = FORM.querySelector('input[name="level"]:checked');
  const selects = {};
  for (const id of SUBJECTS) selects[id] = $("calc-" + id).value;
  const extension = EXTENSIONS.find((year) => $("calc-extension-" + year).checked) || "";
  return { level: checked ? checked.value : "", selects, today: TODAY_INPUT.value, extension };
}

function showSubjects(reply) {
  const wanted = [""].concat(reply.choices);
  for (const id of SUBJECTS) {
    const select = $("calc-" + id);
    select.parentElement.hidden = !reply.visible.includes(id);
    const have = Array.from(select.options, (option) => option.value);
    if (have.join() !== wanted.join()) {
      select.replaceChildren(...wanted.map((value) => new Option(value ? value + "年" : "尚未通过", value)));
    }
    select.value = reply.selects[id];
  }
}

function fillForm(reply) {
  for (const radio of FORM.querySelectorAll('input[name="level"]')) radio.checked = radio.value === reply.level;
  if (reply.today) {
    TODAY_INPUT.value = reply.today;
    TODAY_INPUT.closest("details").open = true;
  }
  for (const year of EXTENSIONS) $("calc-extension-" + year).checked = reply.extension === year;
  showSubjects(reply);
}

function paragraph(className, text) {
  const p = document.createElement("p");
  if (className) p.className = className;
  p.textContent = text;
  return p;
}

function showResult(reply) {
  if (reply.error !== undefined) {
    RESULT.removeAttribute("data-json");
    RESULT.setAttribute("data-error", reply.error);
    RESULT.replaceChildren(paragraph("calc-error", "无法计算：" + reply.error),
                           paragraph("", "请在上面的表单中重新选择，结果会自动更新。"));
  } else {
    RESULT.removeAttribute("data-error");
    RESULT.innerHTML = reply.html;
    self.showMyRegion?.(); // assets/region.js: the result's "my region" link leads to the chosen region
  }
  for (const note of reply.notes) RESULT.appendChild(paragraph("calc-note", note));
  if (reply.json !== undefined) RESULT.setAttribute("data-json", reply.json);
}

// The reader gets a plain sentence; the details (possibly a Python traceback) go to the console only.
function showFailure(error) {
  console.error(error);
  const message = "计算器出了问题，没能算出结果。";
  RESULT.removeAttribute("data-json");
  RESULT.setAttribute("data-error", message);
  RESULT.replaceChildren(paragraph("calc-error", message),
                         paragraph("", "请刷新页面再试，或对照下面的规则和一览表。"));
}

async function start() {
  if (!worker) throw new Error("calculator worker: not started in <head>");
  for (const event of worker.early) (event.type === "error" ? onFailure : onReply)(event);
  worker.onmessage = onReply;
  worker.onerror = onFailure;

  const reply = JSON.parse(await opened);
  if (reply.level !== undefined) fillForm(reply);
  LINK.value = reply.query !== undefined ? pageUrl() + "?" + reply.query : location.href;
  showResult(reply);

  // Replies come back in order; a newer change makes an older reply moot.
  let latest = 0;
  FORM.addEventListener("change", async () => {
    const mine = ++latest;
    try {
      const reply = JSON.parse(await python("from_form", JSON.stringify(readForm())));
      if (mine !== latest) return;
      showSubjects(reply);
      history.replaceState(null, "", "?" + reply.query);
      LINK.value = pageUrl() + "?" + reply.query;
      COPY_STATUS.textContent = "";
      showResult(reply);
    } catch (error) {
      showFailure(error);
    }
  });
}

// Without the Clipboard API (or when it is refused): select the link for the reader to copy.
function selectLink() {
  LINK.focus();
  LINK.select();
  LINK.setSelectionRange(0, LINK.value.length);
  let copied = false;
  try {
    copied = document.execCommand("copy");
  } catch (error) {
    copied = false;
  }
  COPY_STATUS.textContent = copied ? "已复制链接。" : "链接已选中，请长按或按 Ctrl+C 复制。";
}

$("calc-copy").addEventListener("click", () => {
  if (!navigator.clipboard) return selectLink();
  navigator.clipboard.writeText(LINK.value).then(() => { COPY_STATUS.textContent = "已复制链接。"; }, selectLink);
});
FORM.addEventListener("submit", (event) => event.preventDefault());
start().catch(showFailure);
