"""The README's lab command starts JupyterLab serving course/, and lesson 1 works there
in a real browser (headless Chromium driven by Playwright)."""

import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from minitorch_course.lessons import COURSE, LESSONS, ROOT, SOLUTIONS

TOKEN = "minitorch-course-test"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get_json(url: str):
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, json.loads(response.read() or b"null")


@contextmanager
def running_lab(extra_env=None, notebook_dir=None):
    """Start ``make lab`` (the README command) on a free port; stop it afterwards."""
    port = free_port()
    args = (f"--no-browser --ServerApp.ip=127.0.0.1 --IdentityProvider.token={TOKEN} "
            "--LabApp.expose_app_in_browser=True")  # lets the browser test call lab commands
    where = [f"LAB_ROOT={notebook_dir}", "LAB_OPEN=."] if notebook_dir else []
    env = {**os.environ, **(extra_env or {})}
    lab = subprocess.Popen(["make", "-s", "lab", f"PORT={port}", f"LAB_ARGS={args}", *where],
                           cwd=ROOT,
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if get_json(f"{base}/api/status?token={TOKEN}")[0] == 200:
                    break
            except OSError:
                pass
            if lab.poll() is not None or time.monotonic() > deadline:
                output = lab.stdout.read().decode(errors="replace") if lab.poll() is not None else ""
                pytest.fail(f"JupyterLab did not answer on {base}:\n{output[-3000:]}")
            time.sleep(0.5)
        yield base
    finally:
        stop(lab)


def stop(process):
    """End the whole process group (make, jupyter and its kernels)."""
    for sig, wait in ((signal.SIGTERM, 20), (signal.SIGKILL, None)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            pass
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


@pytest.mark.slow
def test_lab_command_serves_the_course():
    released = {p.name for p in COURSE.iterdir() if p.is_dir()}
    assert released, "course/ has no lessons: run `make generate`"
    with running_lab() as base:
        status, listing = get_json(f"{base}/api/contents/course?token={TOKEN}")
        assert status == 200
        assert released <= {item["name"] for item in listing["content"]}
        status, package = get_json(f"{base}/api/contents/minitorch?token={TOKEN}")
        assert status == 200, "students must be able to open their package in JupyterLab"
        with urllib.request.urlopen(f"{base}/?token={TOKEN}", timeout=10) as page:
            assert page.status == 200 and "/lab/tree/course" in page.geturl()


def answered_release(lesson_slug: str, target: Path) -> Path:
    """Copy the lesson's release notebook and fill its solution cells with the reference
    answers (matched by nbgrader grade_id): a student who has done the exercises."""
    import nbformat

    release = COURSE / lesson_slug / f"{lesson_slug}.ipynb"
    source = nbformat.read(SOLUTIONS / lesson_slug / f"{lesson_slug}.ipynb", as_version=4)
    answers = {cell.metadata["nbgrader"]["grade_id"]: cell.source for cell in source.cells
               if cell.metadata.get("nbgrader", {}).get("solution")}
    notebook = nbformat.read(release, as_version=4)
    for cell in notebook.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if cell.metadata.get("nbgrader", {}).get("solution") and grade_id in answers:
            cell.source = "\n".join(line for line in answers[grade_id].split("\n")
                                    if "BEGIN SOLUTION" not in line and "END SOLUTION" not in line)
    (target / lesson_slug).mkdir(parents=True)
    nbformat.write(notebook, target / lesson_slug / release.name)
    return target / lesson_slug / release.name


def run_all_cells_in_browser(base: str, notebook_path: str, screenshot: Path):
    """Open the notebook in JupyterLab in headless Chromium, Run All, return the texts of
    error outputs and the number of rendered images."""
    playwright = pytest.importorskip("playwright.sync_api", reason="playwright is a test extra")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{base}/lab/tree/{notebook_path}?token={TOKEN}")
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
        page.wait_for_function("""() => {
            const kernel = window.jupyterapp?.shell.currentWidget?.sessionContext?.session?.kernel;
            return kernel && kernel.connectionStatus === 'connected' && kernel.status === 'idle';
        }""", timeout=90_000)
        # The same command as the menu's Run > Run All Cells; its promise ends with the run.
        page.evaluate("async () => { await window.jupyterapp.commands.execute("
                      "'notebook:run-all-cells'); }")
        errors = page.locator(".jp-OutputArea-output[data-mime-type="
                              "'application/vnd.jupyter.stderr']").all_inner_texts()
        images = page.locator(".jp-RenderedImage img").count()
        page.screenshot(path=str(screenshot))
        browser.close()
    return errors, images


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (make test installs it)")
def test_lesson_1_runs_in_a_real_browser(tmp_path):
    lesson = LESSONS[0]
    if not (COURSE / lesson.slug).exists():
        pytest.fail(f"course/{lesson.slug} does not exist: run `make generate`")
    served = tmp_path / "course"
    answered_release(lesson.slug, served)
    reference = {"PYTHONPATH": str(SOLUTIONS)}  # the kernel imports solutions/minitorch
    with running_lab(extra_env=reference, notebook_dir=served) as base:
        errors, images = run_all_cells_in_browser(
            base, f"{lesson.slug}/{lesson.slug}.ipynb", tmp_path / "lesson1.png")
    tracebacks = [text for text in errors if "Error" in text or "Traceback" in text]
    assert not tracebacks, f"error output in the browser:\n{tracebacks[0][:2000]}"
    assert images > 0, "lesson 1 should show at least one picture"
