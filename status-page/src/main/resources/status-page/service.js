"use strict";
// One service: complaints against the expected band, probe failures, incidents and status updates.
(() => {
  const { el, badge } = Status;
  const id = decodeURIComponent(location.pathname.split("/").pop());
  const charts = {};

  const seconds = iso => Date.parse(iso) / 1000;

  /** Shades incidents under the series and marks official status updates over them. */
  function marks(data) {
    const spans = data.incidents.map(i => ({
      from: seconds(i.startedAt),
      to: i.recoveredAt ? seconds(i.recoveredAt) : seconds(data.now),
      colour: Status.COLOURS[i.state] }));
    const updates = data.statusUpdates.map(u => seconds(u.timestamp));
    return {
      hooks: {
        drawClear: [u => {
          const { ctx, bbox } = u;
          ctx.save();
          ctx.globalAlpha = 0.15;
          for (const span of spans) {
            const left = Math.max(bbox.left, u.valToPos(span.from, "x", true));
            const right = Math.min(bbox.left + bbox.width, u.valToPos(span.to, "x", true));
            if (right <= left) continue;
            ctx.fillStyle = span.colour;
            ctx.fillRect(left, bbox.top, right - left, bbox.height);
          }
          ctx.restore();
        }],
        draw: [u => {
          const { ctx, bbox } = u;
          ctx.save();
          ctx.strokeStyle = "#3b5bdb";
          ctx.setLineDash([5, 4]);
          ctx.lineWidth = 1.5;
          for (const at of updates) {
            const x = u.valToPos(at, "x", true);
            if (x < bbox.left || x > bbox.left + bbox.width) continue;
            ctx.beginPath();
            ctx.moveTo(x, bbox.top);
            ctx.lineTo(x, bbox.top + bbox.height);
            ctx.stroke();
          }
          ctx.restore();
        }],
      },
    };
  }

  function draw(name, options, series) {
    const target = document.getElementById(name);
    if (charts[name]) charts[name].destroy();
    options.width = Math.max(320, target.clientWidth - 16);
    // Times in UTC, as everywhere else on the page.
    options.tzDate = ts => uPlot.tzDate(new Date(ts * 1000), "Etc/UTC");
    options.height = 240;
    charts[name] = new uPlot(options, series, target);
  }

  function complaints(data) {
    const xs = data.minutes.map(m => seconds(m.minute));
    const observed = data.minutes.map(m => m.complaints);
    const expected = data.minutes.map(m => m.expectedComplaints);
    const high = expected.map(e => e + 2 * Math.sqrt(e));
    const low = expected.map(e => Math.max(0, e - 2 * Math.sqrt(e)));
    draw("complaints-chart", {
      plugins: [marks(data)],
      scales: { x: { time: true } },
      series: [
        {},
        { label: "complaints", stroke: "#d0312d", width: 1.5 },
        { label: "expected", stroke: "#667085", dash: [4, 4] },
        { label: "band low", stroke: "rgba(102,112,133,0.3)" },
        { label: "band high", stroke: "rgba(102,112,133,0.3)" },
      ],
      bands: [{ series: [4, 3], fill: "rgba(102,112,133,0.15)" }],
      axes: [{ label: "UTC" }, { label: "per minute" }],
    }, [xs, observed, expected, low, high]);
  }

  function probes(data) {
    const xs = data.minutes.map(m => seconds(m.minute));
    const share = data.minutes.map(m => m.probeFailureShare === null ? null : 100 * m.probeFailureShare);
    const failing = data.minutes.map(m => m.probes ? m.failingVantages.length : null);
    draw("probes-chart", {
      plugins: [marks(data)],
      scales: { x: { time: true }, "%": { range: [0, 100] }, v: { range: (u, min, max) => [0, Math.max(1, max)] } },
      series: [
        {},
        { label: "probes failing (%)", stroke: "#e06c00", width: 1.5, scale: "%" },
        { label: "vantages failing", stroke: "#3b5bdb", scale: "v", paths: uPlot.paths.stepped({ align: 1 }) },
      ],
      axes: [{ label: "UTC" }, { scale: "%", label: "% failing" }, { scale: "v", side: 1, label: "vantages", grid: { show: false } }],
    }, [xs, share, failing]);
  }

  function incidents(data) {
    const rows = data.incidents.slice().reverse().map(i =>
      el("tr", { "data-incident-id": i.incidentId, class: i.recoveredAt ? "recovered" : "open" },
        el("td", {}, Status.time(i.startedAt)),
        el("td", {}, badge(i.state)),
        el("td", {}, Status.time(i.detectedAt)),
        el("td", {}, i.recoveredAt ? Status.time(i.recoveredAt) : "open"),
        el("td", {}, Status.duration(i.recoveredAt ? i.durationSeconds : i.elapsedSeconds) + (i.recoveredAt ? "" : " so far")),
        el("td", {}, (i.recoveredAt && i.estimate ? "last: " : "") + Status.estimate(i.estimate)),
        el("td", {}, Status.lead(i.leadSecondsOverAck))));
    document.querySelector("#incidents tbody").replaceChildren(...(rows.length ? rows
      : [el("tr", { class: "none" }, el("td", { colspan: 7 }, "No incident in the window."))]));
  }

  function statusUpdates(data) {
    const items = data.statusUpdates.slice().reverse().map(u =>
      el("li", {}, el("strong", {}, Status.time(u.timestamp)), " · " + u.status +
        (u.impact ? " (" + u.impact + ")" : "") + " · ", u.title || ""));
    document.getElementById("status-updates").replaceChildren(...(items.length ? items
      : [el("li", { class: "none" }, "None in the window.")]));
  }

  async function refresh() {
    const data = await Status.json("/api/services/" + encodeURIComponent(id));
    document.title = data.name + " · OutageWatch status";
    document.getElementById("service-name").textContent = data.name;
    document.getElementById("service-state").replaceWith(
      Object.assign(badge(data.state), { id: "service-state" }));
    document.getElementById("now").textContent = Status.time(data.now);
    complaints(data);
    probes(data);
    incidents(data);
    statusUpdates(data);
  }

  Status.live(refresh);
})();
