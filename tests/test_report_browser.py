"""report.html in headless Chromium: it loads without console errors, shows every article, runs
nothing from the articles, and highlights a claim's cited sentences when clicked.

Needs Debian's Chromium (`apt-get update && apt-get install -y chromium`); installed here when
missing and we are root with apt-get, else skipped."""

from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from summariser.batch.report import write as report
from tests.report_data import (
    TRADE,
    TRADE_OTHER,
    XSS_IMG,
    XSS_JSON,
    XSS_SCRIPT,
    make_article,
    make_result,
    make_run,
    trade_results,
)

pytestmark = pytest.mark.browser
APT = "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium"


def find_chromium() -> str | None:
    return next((p for n in ("chromium", "chromium-browser") if (p := shutil.which(n))), None)


@pytest.fixture(scope="module")
def chromium() -> str:
    found = find_chromium()
    if found is None and hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(APT, shell=True, capture_output=True, timeout=1800, check=False)
        found = find_chromium()
    if found is None:
        pytest.skip("Chromium is not installed and cannot be installed here (needs root and "
                    "apt-get): run `apt-get update && apt-get install -y chromium`")
    return found


def load(chromium: str, page: Path, tmp_path: Path) -> tuple[str, list[str]]:
    """The DOM after the page's scripts ran, and the page's console messages."""
    command = [chromium, "--headless", "--no-sandbox", "--disable-gpu",
               "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run", "--disable-extensions",
               f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0",
               "--dump-dom", page.as_uri()]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    return done.stdout, console


def body_attributes(dom: str) -> str:
    match = re.search(r"<body([^>]*)>", dom)
    assert match is not None
    return match.group(1)


def write_report(tmp_path: Path) -> Path:
    a, b = trade_results()
    evil = make_article([f"The minister said {XSS_SCRIPT} today.", f"Another {XSS_IMG} line.",
                         "Trade rose 5 percent."], f"evil/{XSS_IMG}.txt")
    c = make_result(evil, XSS_JSON, [(f"Claim with {XSS_IMG}", [1]), (XSS_SCRIPT, [2]),
                                     ("Trade rose.", [3])], people=[XSS_SCRIPT])
    run = make_run((TRADE, a, None), (evil, c, None), (None, None, f"failed {XSS_IMG}"),
                   (TRADE_OTHER, b, None))
    report.write_reports(tmp_path, run, lambda text: text)
    return tmp_path / "report.html"


def test_report_loads_shows_every_article_and_runs_nothing_injected(
        chromium: str, tmp_path: Path) -> None:
    dom, console = load(chromium, write_report(tmp_path), tmp_path)
    assert console == []  # no errors, no refused (injected) scripts
    body = body_attributes(dom)
    assert 'data-report-ready="4/4"' in body  # the report's script ran to its end
    assert "data-xss" not in body
    assert "<title>Summaries of 4 articles</title>" in dom
    assert all(f'id="a{n}"' in dom for n in range(1, 5))
    assert "&lt;script&gt;document.title='XSS-RAN'&lt;/script&gt;" in dom
    assert "<img" not in dom


def test_the_harness_sees_injected_code_run(chromium: str, tmp_path: Path) -> None:
    # The control for the test above: without escaping, the same payload does run here.
    page = tmp_path / "raw.html"
    page.write_text(f"<html><body><p>{XSS_IMG}</p><p>{XSS_SCRIPT}</p></body></html>")
    dom, _ = load(chromium, page, tmp_path)
    assert "data-xss" in body_attributes(dom) and "<title>XSS-RAN</title>" in dom


def test_clicking_a_claim_highlights_the_sentences_it_cites(chromium: str,
                                                              tmp_path: Path) -> None:
    page = write_report(tmp_path)
    probe = ("var c = document.querySelectorAll('#a4 .claim')[2]; c.click();"
             "document.body.setAttribute('data-probe', c.getAttribute('data-cites') + '|' +"
             "Array.from(document.querySelectorAll('.s.hl')).map(function (e) {"
             "return e.id; }).join(' ') + '|' + c.closest('section').querySelector('details')"
             ".open);")
    digest = base64.b64encode(hashlib.sha256(probe.encode()).digest()).decode()
    html = page.read_text()
    html = html.replace("script-src ", f"script-src 'sha256-{digest}' ", 1)
    page.write_text(html.replace("</body>", f"<script>{probe}</script></body>"))
    dom, console = load(chromium, page, tmp_path)
    assert console == []
    # The third claim of article 4 cites sentence 1 and a sentence 9 that does not exist.
    assert 'data-probe="1|a4-s1|true"' in body_attributes(dom)
