"use strict";
// The overview: open incidents first, then every service with its state and its last 24 hours.
(() => {
  const { el, badge } = Status;
  const RANK = { down: 3, partial: 2, degraded: 1, ok: 0 };

  function openIncident(service) {
    const i = service.openIncident;
    return el("li", { class: "incident-" + i.state, "data-incident-id": i.incidentId, "data-service-id": service.id },
      el("strong", {}, el("a", { href: "/service/" + encodeURIComponent(service.id) }, service.name)), " ",
      badge(i.state),
      el("div", { class: "facts" },
        "since " + Status.time(i.startedAt) + " · " + Status.duration(i.elapsedSeconds) + " so far · " +
        "detected " + Status.time(i.detectedAt) + " · expected to last " + Status.estimate(i.estimate) +
        Status.remaining(i.estimate)));
  }

  function sparkline(service) {
    if (!service.last24h.some(b => b.complaints !== null)) {
      return el("span", { class: "facts" }, "no signals in the last 24 hours");
    }
    const canvas = el("canvas", { width: 576, height: 36, "aria-label": service.name + ", last 24 hours" });
    const context = canvas.getContext("2d");
    const buckets = service.last24h;
    const top = Math.max(1, ...buckets.map(b => Math.max(b.complaints || 0, b.expectedComplaints || 0)));
    const width = canvas.width / Math.max(1, buckets.length);
    buckets.forEach((b, i) => {
      if (b.complaints === null) return;
      const height = Math.max(2, (b.complaints / top) * (canvas.height - 2));
      context.fillStyle = Status.COLOURS[b.state] || "#999";
      context.fillRect(i * width, canvas.height - height, Math.max(1, width - 1), height);
    });
    context.strokeStyle = "#667085";
    context.beginPath();
    let drawing = false;
    buckets.forEach((b, i) => {
      if (b.expectedComplaints === null) { drawing = false; return; }
      const y = canvas.height - 1 - (b.expectedComplaints / top) * (canvas.height - 2);
      if (drawing) context.lineTo(i * width + width / 2, y); else context.moveTo(i * width + width / 2, y);
      drawing = true;
    });
    context.stroke();
    return canvas;
  }

  async function refresh() {
    const data = await Status.json("/api/services");
    document.getElementById("now").textContent = Status.time(data.now);
    const open = data.services.filter(s => s.openIncident)
      .sort((a, b) => RANK[b.state] - RANK[a.state] || a.openIncident.startedAt.localeCompare(b.openIncident.startedAt));
    const incidents = document.getElementById("open-incidents");
    incidents.replaceChildren(...(open.length ? open.map(openIncident)
      : [el("li", { class: "none" }, "None: every service looks normal.")]));
    const ordered = open.concat(data.services.filter(s => !s.openIncident));
    document.getElementById("services").replaceChildren(...ordered.map(s =>
      el("li", { "data-service-id": s.id, "data-state": s.state },
        el("a", { href: "/service/" + encodeURIComponent(s.id) }, s.name),
        badge(s.state),
        sparkline(s))));
  }

  Status.live(refresh);
})();
