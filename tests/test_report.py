"""The HTML report: self-contained, and rendered offline by a real browser."""

import os
import re
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from blocwatch.cli import main


@pytest.fixture(scope="module")
def report(demo_db, tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "report.html"
    result = CliRunner().invoke(main, ["report", "--db", str(demo_db), "-o", str(path),
                                       "--before", "2016..2020", "--after", "2021..2025",
                                       "--sides", "AZE-ARM"])
    assert result.exit_code == 0, result.output
    return path


def test_report_is_self_contained(report):
    page = report.read_text(encoding="utf-8")
    assert "Plotly" in page and "Sides in AZE–ARM" in page and "<mark>" in page
    loads = re.findall(r'<script[^>]*\ssrc=|<link[^>]*href="http|<img[^>]*src="http|url\(http',
                       page)
    assert not loads, f"the report must not load anything from the network: {loads}"


def _browser() -> str:
    found = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")
                  if shutil.which(n)), None)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing: scripts/test.sh installs it (apt-get install chromium)")
        pytest.skip("no headless Chromium here (scripts/test.sh installs it)")
    return found


def _chromium(*args: str) -> subprocess.CompletedProcess:
    offline = "--host-resolver-rules=MAP * ~NOTFOUND"  # any network request would fail
    return subprocess.run([_browser(), "--headless", "--no-sandbox", "--disable-gpu",
                           "--hide-scrollbars", offline, "--virtual-time-budget=8000", *args],
                          capture_output=True, text=True, timeout=120)


def test_report_renders_offline_in_headless_chromium(report, tmp_path):
    dom = _chromium("--dump-dom", report.as_uri()).stdout
    assert dom.count('class="main-svg"') >= 4, "plotly did not draw the charts"
    png = tmp_path / "report.png"
    _chromium("--window-size=1280,2400", f"--screenshot={png}", report.as_uri())
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 50_000
