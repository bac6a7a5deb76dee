"""A run killed with SIGKILL resumes without regrading or losing anyone; Dask executor."""

import json
import os
import signal
import subprocess
import sys
import time
import warnings

import pytest
from nbgrader.api import Gradebook

from minitorch_course.grading.gradebook import db_url
from minitorch_course.grading.runner import Layout, grade
from minitorch_course.grading.sample_class import make_class

SLUG = "02-view-vs-reshape"


def journal_students(layout):
    if not layout.journal.exists():
        return []
    return [json.loads(line)["student"] for line in layout.journal.read_text().splitlines()
            if line.strip()]


def total_scores(layout, course):
    with Gradebook(db_url(layout.db), course.course_id) as gb:
        return {s.student.id: s.score for s in gb.find_assignment(SLUG).submissions}


@pytest.mark.slow
def test_sigkill_mid_run_then_resume(course, tmp_path):
    warnings.filterwarnings("ignore", message=".*not in session.*")
    kinds = {f"s{i}": ("correct" if i % 2 else "buggy") for i in range(6)}
    make_class(course, "02", tmp_path / "submitted", kinds)
    layout = Layout(tmp_path / "out", SLUG)
    command = [sys.executable, "-m", "minitorch_course", "grade", "02", "--quiet", "--jobs", "1",
               "--submissions", str(tmp_path / "submitted"), "--out", str(tmp_path / "out"),
               "--course-root", str(course.root)]
    run = subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while len(journal_students(layout)) < 2 and time.monotonic() < deadline and run.poll() is None:
        time.sleep(0.2)
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()
    done_before = journal_students(layout)
    assert 2 <= len(done_before) < len(kinds), "the run should have been killed mid-way"

    summary = grade("02", tmp_path / "submitted", tmp_path / "out", course=course, jobs=2,
                    progress=False)
    assert sorted(summary.skipped) == sorted(done_before)
    assert sorted(r.student for r in summary.graded) == sorted(set(kinds) - set(done_before))
    assert sorted(journal_students(layout)) == sorted(kinds)  # each exactly once
    expected = {s: (6.0 if k == "correct" else 0.0) for s, k in kinds.items()}
    assert total_scores(layout, course) == expected

    again = grade("02", tmp_path / "submitted", tmp_path / "out", course=course, jobs=1,
                  student="s1", progress=False)
    assert [r.student for r in again.graded] == ["s1"]
    assert total_scores(layout, course) == expected


@pytest.mark.slow
def test_dask_local_cluster_gives_the_same_grades(course, tmp_path):
    distributed = pytest.importorskip("distributed")
    warnings.filterwarnings("ignore", message=".*not in session.*")
    make_class(course, "02", tmp_path / "submitted", {"ann": "correct", "ben": "buggy"})
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None,
                                  local_directory=str(tmp_path / "dask")) as cluster:
        grade("02", tmp_path / "submitted", tmp_path / "out", course=course,
              scheduler=cluster.scheduler_address, progress=False)
    assert total_scores(Layout(tmp_path / "out", SLUG), course) == {"ann": 6.0, "ben": 0.0}
