#!/usr/bin/env python3
"""CI check: our NAB scorer reproduces NAB's own scores on the full NAB corpus.

usage: .ci/check-nab.py NAB_DIR [LAUNCHER]

NAB_DIR is a NAB copy with labels/combined_windows.json, config/profiles.json,
reference/<detector>/... result files and reference/expected.json (the scores NAB's own scorer
gives the reference detectors there). Scores the reference results with
`bin/outagewatch nab --score-only ... --json` and fails if a detector is missing or any normalised
score differs from expected.json by more than TOLERANCE. The unit tests check the same scorer on a
three-file fixture (benchmarks/src/test/resources/nab-fixture/); this is the whole corpus.
"""
import json
import subprocess
import sys
import time
from pathlib import Path

DETECTORS = ("numenta", "windowedGaussian")
PROFILES = ("standard", "reward_low_FP_rate", "reward_low_FN_rate")
TOLERANCE = 0.01  # normalised score points, as NAB reports them (two decimals)

DEFAULT_LAUNCHER = str(Path(__file__).resolve().parent.parent / "bin/outagewatch")


def fail(message):
    print(f"check-nab: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit(__doc__)
    nab = Path(argv[1])
    launcher = argv[2] if len(argv) == 3 else DEFAULT_LAUNCHER
    expected = json.loads((nab / "reference/expected.json").read_text())["scores"]
    command = [
        launcher, "nab", "--score-only",
        "--results", str(nab / "reference"),
        "--labels", str(nab / "labels/combined_windows.json"),
        "--profiles", str(nab / "config/profiles.json"),
        "--json",
    ]
    print("check-nab: " + " ".join(command), flush=True)
    started = time.monotonic()
    run = subprocess.run(command, stdout=subprocess.PIPE, text=True)
    print(run.stdout, end="", flush=True)
    if run.returncode != 0:
        fail(f"bin/outagewatch nab exited {run.returncode}")
    scores = {}
    for line in run.stdout.splitlines():
        if line.startswith("{"):
            result = json.loads(line)
            scores[result["detector"]] = result
    problems = []
    for detector in DETECTORS:
        if detector not in scores:
            problems.append(f"{detector}: no score in the output")
            continue
        for profile in PROFILES:
            got = scores[detector][profile]
            want = expected[detector][profile]
            if abs(got - want) > TOLERANCE:
                problems.append(
                    f"{detector} {profile}: {got:.4f}, NAB's own scorer {want:.4f}"
                    f" (off by {abs(got - want):.4f} > {TOLERANCE})")
    if problems:
        fail("the NAB scorer drifted from NAB's reference scores:\n  " + "\n  ".join(problems))
    print(
        f"check-nab: OK: {', '.join(DETECTORS)} reproduce NAB's scores on"
        f" {scores[DETECTORS[0]]['files']} files, {scores[DETECTORS[0]]['windows']} windows,"
        f" all three profiles, within {TOLERANCE} ({time.monotonic() - started:.0f} s)")


if __name__ == "__main__":
    main(sys.argv)
