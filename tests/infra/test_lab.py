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
    args = f"--no-browser --ServerApp.ip=127.0.0.1 --IdentityProvider.token={TOKEN}"
    if notebook_dir:
        args += f" --notebook-dir={notebook_dir}"
    env = {**os.environ, **(extra_env or {})}
    lab = subprocess.Popen(["make", "-s", "lab", f"PORT={port}", f"LAB_ARGS={args}"], cwd=ROOT,
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
        os.killpg(lab.pid, signal.SIGTERM)
        try:
            lab.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(lab.pid, signal.SIGKILL)
            lab.wait()


@pytest.mark.slow
def test_lab_command_serves_the_course():
    with running_lab() as base:
        status, listing = get_json(f"{base}/api/contents/?token={TOKEN}")
        assert status == 200
        served = {item["name"] for item in listing["content"]}
        released = {p.name for p in COURSE.iterdir() if p.is_dir()}
        assert released <= served
        with urllib.request.urlopen(f"{base}/lab?token={TOKEN}", timeout=10) as page:
            assert page.status == 200 and b"JupyterLab" in page.read()
