"""environment.yml (for conda users) lists the same dependencies as pyproject.toml."""

import re
import tomllib

import pytest

from minitorch_course.lessons import ROOT

yaml = pytest.importorskip("yaml", reason="pyyaml is a test extra: pip install -e '.[test]'")


def normalize(requirement: str) -> str:
    name, spec = re.match(r"\s*([A-Za-z0-9_.\-\[\]]+)\s*(.*)", requirement).groups()
    return re.sub(r"[-_.]+", "-", name).lower() + spec.replace(" ", "")


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = project["dependencies"] + [dep for extra in project["optional-dependencies"].values()
                                        for dep in extra]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_section = next(item["pip"] for item in env["dependencies"] if isinstance(item, dict))
    listed = [dep for dep in pip_section if not dep.startswith("-e")]
    assert sorted(map(normalize, listed)) == sorted(map(normalize, wanted))
    assert "-e ." in pip_section, "environment.yml must install the project itself"


def test_pinned_python_is_supported():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    python = next(d for d in env["dependencies"] if isinstance(d, str) and d.startswith("python="))
    minor = int(python.split("=")[1].split(".")[1])
    assert minor >= int(project["requires-python"].split(".")[1])
