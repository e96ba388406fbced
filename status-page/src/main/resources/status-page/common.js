"use strict";
// Shared by both pages: formatting, DOM building without innerHTML, and live updates.
const Status = (() => {
  const STATES = ["ok", "degraded", "partial", "down"];
  const COLOURS = { ok: "#2e9d57", degraded: "#d9a400", partial: "#e06c00", down: "#d0312d" };

  function duration(seconds) {
    if (seconds === null || seconds === undefined) return "—";
    const minutes = Math.round(seconds / 60);
    if (minutes < 60) return minutes + " min";
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    if (hours < 48) return rest ? hours + " h " + rest + " min" : hours + " h";
    return Math.round(hours / 24) + " days";
  }

  function time(iso) {
    if (!iso) return "—";
    return iso.replace("T", " ").replace(/:\d\d(\.\d+)?Z$/, " UTC");
  }

  function estimate(e) {
    if (!e) return "no estimate";
    const interval = e.lowSeconds === e.highSeconds ? "" :
      " (" + duration(e.lowSeconds) + " – " + duration(e.highSeconds) + ")";
    return "about " + duration(e.durationSeconds) + interval + (e.basis ? ", " + e.basis : "");
  }

  /** The time left, for an open incident whose estimate has it. */
  function remaining(e) {
    if (!e || e.remainingSeconds === null || e.remainingSeconds === undefined) return "";
    return "; about " + duration(e.remainingSeconds) + " left";
  }

  function lead(seconds) {
    if (seconds === null || seconds === undefined) return "no acknowledgement";
    return seconds >= 0 ? duration(seconds) + " ahead" : duration(-seconds) + " behind";
  }

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value !== null && value !== undefined) node.setAttribute(name, value);
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function badge(state) {
    return el("span", { class: "state state-" + state, "data-state": state }, state);
  }

  async function json(url) {
    const response = await fetch(url, { cache: "no-store" });
    if (!response.ok) throw new Error(url + ": HTTP " + response.status);
    return response.json();
  }

  /** Calls refresh now and whenever the server says something changed; at most one at a time. */
  function live(refresh) {
    let running = false;
    let again = false;
    const run = async () => {
      if (running) { again = true; return; }
      running = true;
      try { await refresh(); } catch (e) { console.error(e); }
      running = false;
      if (again) { again = false; run(); }
    };
    run();
    const indicator = document.getElementById("live");
    const events = new EventSource("/api/events");
    events.addEventListener("change", run);
    events.onopen = () => indicator && indicator.classList.add("on");
    events.onerror = () => indicator && indicator.classList.remove("on");
  }

  return { STATES, COLOURS, duration, time, estimate, remaining, lead, el, badge, json, live };
})();
