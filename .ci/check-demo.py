#!/usr/bin/env python3
"""CI check: the README's demo detects the ChatGPT outage of 8 Nov 2023 once, with its duration.

usage: .ci/check-demo.py [LAUNCHER]

Runs `bin/outagewatch demo --json` (the whole system on an embedded broker, about 2-3 minutes)
with its outage history in a temporary folder, and fails unless the demo exits 0 and its JSON
summary (the last line of its output) holds exactly one incident, of chatgpt, down for the
scenario's duration within TOLERANCE.
"""
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SERVICE = "chatgpt"
# scenarios/chatgpt-2023-11-08.yaml: "start: 2023-11-08T13:42:00Z, end: 2023-11-08T16:00:00Z".
EXPECTED_DOWN_SECONDS = 2 * 3600 + 18 * 60
# Detection needs a few minutes of failures to open the incident and of health to close it.
TOLERANCE_SECONDS = 5 * 60

DEFAULT_LAUNCHER = str(Path(__file__).resolve().parent.parent / "bin/outagewatch")


def fail(message):
    print(f"check-demo: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def minutes(seconds):
    seconds = int(seconds)
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


def main(argv):
    if len(argv) > 2:
        sys.exit(__doc__)
    launcher = argv[1] if len(argv) == 2 else DEFAULT_LAUNCHER
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="outagewatch-demo-") as data:
        command = [launcher, "demo", "--json", "--data-dir", data]
        print("check-demo: " + " ".join(command), flush=True)
        run = subprocess.run(command, stdout=subprocess.PIPE, text=True)
    print(run.stdout, end="", flush=True)
    if run.returncode != 0:
        fail(f"bin/outagewatch demo exited {run.returncode}")
    lines = run.stdout.strip().splitlines()
    try:
        summary = json.loads(lines[-1])
    except (IndexError, json.JSONDecodeError):
        fail("the demo's last output line is not its JSON summary")
    incidents = summary.get("incidents", [])
    if len(incidents) != 1:
        fail(f"expected exactly one incident, the demo reported {len(incidents)}: {incidents}")
    incident = incidents[0]
    if incident.get("service") != SERVICE:
        fail(f"expected an incident of {SERVICE}, got {incident.get('service')}")
    down = incident.get("durationSeconds")
    if down is None:
        fail(f"the {SERVICE} incident never recovered: {incident}")
    if abs(down - EXPECTED_DOWN_SECONDS) > TOLERANCE_SECONDS:
        fail(
            f"{SERVICE} down {minutes(down)}, expected {minutes(EXPECTED_DOWN_SECONDS)}"
            f" within {TOLERANCE_SECONDS // 60} min")
    print(
        f"check-demo: OK: one {SERVICE} incident, {incident.get('severity')}, down {minutes(down)}"
        f" (expected {minutes(EXPECTED_DOWN_SECONDS)} ± {TOLERANCE_SECONDS // 60} min),"
        f" {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main(sys.argv)
