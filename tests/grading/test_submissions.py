"""Submissions: discovery, safe unpacking, and the student's `submit` archive."""

import zipfile

from minitorch_course.grading.sample_class import make_class
from minitorch_course.grading.submissions import Submission, discover, unpack
from minitorch_course.submit import submit

SLUG = "02-view-vs-reshape"


def test_archive_with_escaping_paths_and_symlinks_is_refused(tmp_path):
    evil = tmp_path / "mallory.zip"
    with zipfile.ZipFile(evil, "w") as zf:
        zf.writestr("../escape.py", "x")
        zf.writestr("/abs.py", "x")
        link = zipfile.ZipInfo("minitorch/link.py")
        link.external_attr = (0o120777 << 16)
        zf.writestr(link, "/etc/passwd")
        zf.writestr("minitorch/__init__.py", "")
    out = unpack(Submission("mallory", evil), tmp_path / "in", SLUG)
    text = " ".join(out.problems)
    assert "unsafe path '../escape.py'" in text and "unsafe path '/abs.py'" in text
    assert "symlink 'minitorch/link.py'" in text
    assert not (tmp_path / "escape.py").exists() and not (tmp_path / "in" / "minitorch" / "link.py").exists()


def test_symlinks_in_a_submitted_folder_are_not_followed(course, tmp_path):
    make_class(course, "02", tmp_path / "submitted", {"mallory": "correct"})
    folder = tmp_path / "submitted" / "mallory" / SLUG
    (folder / "minitorch" / "secret.py").symlink_to(course.reference / "strides.py")
    out = unpack(discover(tmp_path / "submitted", SLUG)[0][0], tmp_path / "in", SLUG)
    assert any("symlink" in p for p in out.problems)
    assert not (tmp_path / "in" / "minitorch" / "secret.py").exists()


def test_submit_archive_round_trips(course, tmp_path):
    make_class(course, "02", tmp_path / "student", {"alice": "correct"})
    folder = tmp_path / "student" / "alice" / SLUG
    archive = submit("02", tmp_path / "archives" / "alice.zip", course=tmp_path / "student" / "alice",
                     package=folder / "minitorch")
    found, problems = discover(tmp_path / "archives", SLUG)
    assert [s.student for s in found] == ["alice"] and problems == []
    out = unpack(found[0], tmp_path / "in", SLUG)
    assert out.problems == []
    assert (out.notebooks / "strides.ipynb").exists() and (out.package / "strides.py").exists()
    assert "manifest.json" in zipfile.ZipFile(archive).namelist()
