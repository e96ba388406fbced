#!/usr/bin/env python3
"""Scores NAB result files with NAB's published scoring rules; Python 3 standard library only.

usage: python3 nab_score.py NAB_DIR [DETECTOR ...]     (default detectors: numenta windowedGaussian)

NAB_DIR holds labels/combined_windows.json, config/profiles.json and
reference/<detector>/<category>/<detector>_<name>.csv (columns timestamp, anomaly_score).
Prints one JSON document shaped like NAB_DIR/reference/expected.json.

This is the independent derivation of the fixture's expected.json: it is written from NAB's rules
(README.md beside it), not from OutageWatch's Java scorer. It follows NAB's two steps literally:
a threshold sweep over the whole corpus per detector and profile, then a fresh per-file scoring at
the chosen threshold, and checks that the two agree.
"""
import csv
import json
import math
import sys
from datetime import datetime
from pathlib import Path

PROBATION_PERCENT = 0.15
PROBATION_CAP_ROWS = 5000  # NAB caps the probation at 0.15 * 5000 = 750 rows
INITIAL_THRESHOLD = 1.1  # above every anomaly score: nothing detects
NULL_DETECTOR_SCORE = 0.5  # NAB's null detector outputs 0.5 on every row
PROBATION = "probation"


def scaled_sigmoid(y):
    """2 / (1 + e^(5y)) - 1, and -1 from y = 3 on."""
    if y >= 3.0:
        return -1.0
    return 2.0 / (1.0 + math.exp(5.0 * y)) - 1.0


def probation_rows(rows):
    return min(math.floor(PROBATION_PERCENT * rows), PROBATION_PERCENT * PROBATION_CAP_ROWS)


def parse_time(text):
    return datetime.fromisoformat(text.strip())


def read_result(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    return [parse_time(r["timestamp"]) for r in rows], [float(r["anomaly_score"]) for r in rows]


def annotate(key, timestamps, windows):
    """Per row: (window id, or None outside every window, or PROBATION; unweighted sigmoid score).

    A window is entered on the row whose timestamp equals its start and left after the row whose
    timestamp equals its end. Inside a window the row i earns scaledSigmoid(-(R - i + 1) / W);
    outside, scaledSigmoid(|R' - i| / (W' - 1)) after a window and -1 before any.
    """
    pending = [(parse_time(s), parse_time(e)) for s, e in windows]
    index = {t: i for i, t in enumerate(timestamps)}
    probation = probation_rows(len(timestamps))
    rows = []
    current = None  # (id, right index, width)
    previous = None  # (right index, width)
    for i, t in enumerate(timestamps):
        if current is None and pending and t == pending[0][0]:
            start, end = pending.pop(0)
            right = index[end]
            current = (f"{key}|{start}", right, float(right - i + 1))
        if current is not None:
            window_id, right, width = current
            unweighted = scaled_sigmoid(-(right - i + 1) / width)
            is_tp = True
        else:
            window_id = None
            if previous is None:
                unweighted = scaled_sigmoid(3.0)
            else:
                unweighted = scaled_sigmoid(abs(previous[0] - i) / (previous[1] - 1))
            is_tp = False
        rows.append((PROBATION if i < probation else window_id, unweighted, is_tp))
        if current is not None and i == current[1]:
            previous = (current[1], current[2])
            current = None
    if pending:
        raise ValueError(f"{key}: window starts not found among the timestamps: {pending}")
    return rows


def weighted(unweighted, is_tp, profile):
    if is_tp:
        return unweighted * profile["tpWeight"] / scaled_sigmoid(-1.0)
    return unweighted * profile["fpWeight"]


def sweep(files, profile):
    """The best (threshold, raw score) over the corpus; the first maximum, i.e. the highest threshold."""
    points = []
    for scores, rows in files:
        for score, (window, unweighted, is_tp) in zip(scores, rows):
            if window != PROBATION:
                points.append((score, window, weighted(unweighted, is_tp, profile)))
    points.sort(key=lambda p: p[0], reverse=True)
    parts = {"fp": 0.0}
    for _, window, _ in points:
        if window is not None:
            parts[window] = -profile["fnWeight"]
    threshold = INITIAL_THRESHOLD
    by_threshold = []
    for score, window, value in points:
        if score != threshold:
            by_threshold.append((threshold, sum(parts.values())))
            threshold = score
        if window is None:
            parts["fp"] += value
        else:
            parts[window] = max(parts[window], value)
    by_threshold.append((threshold, sum(parts.values())))
    best = by_threshold[0]
    for candidate in by_threshold[1:]:
        if candidate[1] > best[1]:
            best = candidate
    return best


def score_at(files, profile, threshold):
    """The corpus score at a fixed threshold, file by file: rows at or above it detect."""
    total = 0.0
    for scores, rows in files:
        earliest = {}
        fp = 0.0
        for score, (window, unweighted, is_tp) in zip(scores, rows):
            if window == PROBATION:
                continue
            if window is not None:
                earliest.setdefault(window, None)
            if score < threshold:
                continue
            if window is None:
                fp += weighted(unweighted, is_tp, profile)
            elif earliest[window] is None:
                earliest[window] = weighted(unweighted, is_tp, profile)
        total += fp + sum(-profile["fnWeight"] if v is None else v for v in earliest.values())
    return total


def optimise_and_score(files, profile):
    threshold, swept = sweep(files, profile)
    raw = score_at(files, profile, threshold)
    if abs(raw - swept) > 1e-9:
        raise AssertionError(f"sweep {swept} and scoring {raw} disagree at {threshold}")
    return threshold, raw


def rows_of(key, rows):
    """Row counts of one file: all, probationary, and inside a window (NAB's label 1)."""
    return {
        "all": len(rows),
        "probation": sum(1 for window, _, _ in rows if window == PROBATION),
        "inWindows": sum(1 for _, _, is_tp in rows if is_tp),
    }


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    nab = Path(argv[1])
    detectors = argv[2:] or ["numenta", "windowedGaussian"]
    windows = json.loads((nab / "labels/combined_windows.json").read_text())
    profiles = {
        name: p["CostMatrix"]
        for name, p in json.loads((nab / "config/profiles.json").read_text()).items()
    }
    window_count = sum(len(w) for w in windows.values())

    def load(detector, constant=None):
        files = []
        for key in sorted(windows):
            category, name = key.split("/")
            path = nab / "reference" / detector / category / f"{detector}_{name}"
            timestamps, scores = read_result(path)
            if constant is not None:
                scores = [constant] * len(scores)
            files.append((scores, annotate(key, timestamps, windows[key])))
        return files

    # The null detector runs on the first detector's timestamps (every result file has the rows of
    # its data file), and its threshold is swept like any other detector's.
    null_files = load(detectors[0], constant=NULL_DETECTOR_SCORE)
    null = {name: optimise_and_score(null_files, p) for name, p in profiles.items()}
    out = {
        "about": "Computed by nab_score.py from NAB's published scoring rules (README.md), not by"
        " OutageWatch's scorer: thresholds swept per detector and profile over the whole corpus,"
        " normalised against the swept null detector (0.5 everywhere).",
        "corpus": {
            "files": len(windows),
            "windows": window_count,
            "rows": {key: rows_of(key, rows) for key, (_, rows) in zip(sorted(windows), null_files)},
        },
        "scores": {
            "null": {
                "threshold": {name: t for name, (t, _) in null.items()},
                "rawScore": {name: s for name, (_, s) in null.items()},
            }
        },
    }
    for detector in detectors:
        files = load(detector)
        result = {"threshold": {}, "rawScore": {}}
        for name, profile in profiles.items():
            threshold, raw = optimise_and_score(files, profile)
            perfect = window_count * profile["tpWeight"]
            base = null[name][1]
            result[name] = 100.0 * (raw - base) / (perfect - base)
            result["threshold"][name] = threshold
            result["rawScore"][name] = raw
        out["scores"][detector] = result
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main(sys.argv)
