"""Shared fixtures.  Which minitorch is imported is chosen by minitorch_course.pytest_plugin
(``--minitorch=reference|student|PATH``); this file must not import minitorch itself."""

import pytest


@pytest.fixture(scope="session")
def torch():
    """Real PyTorch, the oracle; tests using it skip (with the reason) when it is absent."""
    return pytest.importorskip("torch", reason="PyTorch oracle not installed: pip install -e '.[test]'")
