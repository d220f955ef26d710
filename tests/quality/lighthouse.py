"""Run Lighthouse (node_modules/.bin/lighthouse, pinned in package.json) on one URL and summarise it.

Mobile form factor with simulated throttling (Lighthouse's defaults: Moto G Power-class CPU at 4x
slowdown, 150 ms RTT, 1.6 Mbps), against Debian Chromium with the flags the project uses everywhere.
Used by tests/quality/test_lighthouse.py and scripts/bench.py.
"""
import json
import os
import pathlib
import shutil
import subprocess
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync")
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


class LighthouseError(Exception):
    pass


def chrome_path():
    return os.environ.get("CHROME_PATH") or shutil.which("chromium") or "/usr/bin/chromium"


def run(url, keep=None, timeout=180):
    """Lighthouse's JSON report (dict) for `url`; `keep` is an optional path to save it to."""
    if not LIGHTHOUSE.exists():
        raise LighthouseError("node_modules/.bin/lighthouse is missing: run `npm ci` (make test does)")
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        out = pathlib.Path(keep) if keep else pathlib.Path(tmp) / "report.json"
        command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=%s" % out,
                   "--only-categories=%s" % ",".join(CATEGORIES), "--form-factor=mobile",
                   "--throttling-method=simulate", "--chrome-flags=%s" % CHROME_FLAGS]
        # TMPDIR: chrome-launcher puts its throw-away profile there, so it is removed with `tmp`.
        env = {**os.environ, "CHROME_PATH": chrome_path(), "TMPDIR": tmp}
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env)
        if done.returncode != 0 or not out.exists():
            raise LighthouseError("lighthouse exited %d for %s:\n%s" % (done.returncode, url, done.stderr[-3000:]))
        report = json.loads(out.read_text("utf-8"))
    if report.get("runtimeError"):
        raise LighthouseError("lighthouse could not load %s: %s" % (url, report["runtimeError"]))
    return report


def summary(report):
    """Scores (0-100), total blocking time (ms) and bytes transferred, from a report."""
    audits = report["audits"]
    out = {name: (None if report["categories"][name]["score"] is None
                  else round(report["categories"][name]["score"] * 100)) for name in CATEGORIES}
    out["tbt_ms"] = round(audits["total-blocking-time"]["numericValue"])
    out["fcp_ms"] = round(audits["first-contentful-paint"]["numericValue"])
    out["lcp_ms"] = round(audits["largest-contentful-paint"]["numericValue"])
    out["transfer_bytes"] = round(audits["total-byte-weight"]["numericValue"])
    return out


def failing_audits(report, category):
    """(id, title, score) of each audit in `category` that counts towards its score and is not passed."""
    audits = report["audits"]
    out = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = audits[ref["id"]]
        if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
            out.append((ref["id"], audit["title"], audit["score"], audit.get("displayValue", "")))
    return out
