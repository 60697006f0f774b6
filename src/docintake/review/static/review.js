// docintake review: the page works without this script (plain forms, full reloads); with it, a value is
// saved in place with Enter, the focused value's box is highlighted on its page, cases are searched as the
// clerk types, and Alt+key shortcuts reach the actions.
(function () {
  "use strict";
  const doc = document.getElementById("doc");

  function highlight(input) {
    document.querySelectorAll(".hl").forEach((el) => { el.hidden = true; });
    const page = input.dataset.page, box = input.dataset.bbox;
    if (!page || !box) return;
    const figure = document.getElementById("page-" + page);
    if (!figure) return;
    const [x0, y0, x1, y1] = box.split(",").map(Number);
    const hl = figure.querySelector(".hl");
    const pad = 0.004;
    hl.style.left = (100 * (x0 - pad)) + "%";
    hl.style.top = (100 * (y0 - pad)) + "%";
    hl.style.width = (100 * (x1 - x0 + 2 * pad)) + "%";
    hl.style.height = (100 * (y1 - y0 + 2 * pad)) + "%";
    hl.hidden = false;
    const img = figure.querySelector("img");
    const scroller = figure.closest(".pages");
    if (scroller && img) {
      const top = figure.offsetTop + img.clientHeight * y0 - scroller.clientHeight / 3;
      scroller.scrollTo({ top: Math.max(0, top), behavior: "instant" });
    }
  }

  function setVersion(version) {
    document.querySelectorAll("input.version").forEach((el) => { el.value = version; });
  }

  function nextValue(form) {
    const inputs = Array.from(document.querySelectorAll("form.field input.value"));
    const here = inputs.indexOf(form.querySelector("input.value"));
    return inputs.slice(here + 1).find((el) => !el.readOnly) || null;
  }

  async function post(form, submitter) {
    const body = new URLSearchParams(new FormData(form));
    if (submitter && submitter.name) body.set(submitter.name, submitter.value);
    const response = await fetch(form.action, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded" },
    });
    const data = await response.json().catch(() => ({}));
    return { ok: response.ok, status: response.status, data: data };
  }

  if (doc) {
    doc.addEventListener("focusin", (event) => {
      if (event.target.matches("input.value")) highlight(event.target);
    });

    doc.querySelectorAll("form.field").forEach((form) => {
      form.addEventListener("submit", async (event) => {
        event.preventDefault();
        const submitter = event.submitter || form.querySelector("button.save");
        const msg = form.querySelector(".msg");
        msg.textContent = "";
        const result = await post(form, submitter);
        if (result.status === 401) { window.location.href = document.body.dataset.prefix + "/login"; return; }
        if (!result.ok) {
          const error = (result.data && result.data.error) || { message: "Not saved." };
          msg.textContent = error.message;
          if (error.code === "stale") window.location.reload();
          return;
        }
        setVersion(result.data.version);
        const removing = submitter && submitter.value === "remove";
        const adding = form.classList.contains("add");
        if (removing || adding) { window.location.reload(); return; }
        form.classList.remove("low");
        form.classList.add("checked");
        form.querySelector(".conf").textContent = "checked";
        const next = nextValue(form);
        if (next) next.focus();
      });
    });

    // Case search as the clerk types: Reference ID or member ID; a click (or Enter on a result) fills the box.
    doc.querySelectorAll("input.case-search").forEach((input) => {
      const list = input.parentElement.querySelector(".results");
      let timer = null;
      input.addEventListener("input", () => {
        clearTimeout(timer);
        timer = setTimeout(async () => {
          const q = input.value.trim();
          list.replaceChildren();
          if (q.length < 3) return;
          const csrf = input.form.querySelector("input[name=csrf]").value;
          const response = await fetch(document.body.dataset.prefix + "/cases", {
            method: "POST", credentials: "same-origin", body: new URLSearchParams({ q: q, csrf: csrf }),
            headers: { "Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded" },
          });
          if (!response.ok) return;
          for (const c of await response.json()) {
            const li = document.createElement("li");
            const button = document.createElement("button");
            button.type = "button";
            button.className = "case-result";
            button.textContent = `${c.reference_id} · ${c.status} · ${c.name || "?"} · DOB ${c.dob || "?"} · ${c.policy_id || ""}`;
            button.addEventListener("click", () => { input.value = c.reference_id; list.replaceChildren(); input.focus(); });
            li.appendChild(button);
            list.appendChild(li);
          }
        }, 200);
      });
    });

    const first = doc.querySelector("form.field.low input.value") || doc.querySelector("form.field input.value:not([readonly])");
    if (first) first.focus();
  }

  document.addEventListener("keydown", (event) => {
    if (!event.altKey || event.ctrlKey || event.metaKey) return;
    const key = event.key.toLowerCase();
    const targets = { a: "input.case-search", d: "button.do-draft", r: "#reject-reason", n: "#next-link", q: "nav a" };
    const target = targets[key] && document.querySelector(targets[key]);
    if (!target) return;
    event.preventDefault();
    if (target.tagName === "A" || target.tagName === "BUTTON") {
      if (key === "d") { target.focus(); } else { target.click(); }
    } else {
      target.focus();
    }
  });
})();
