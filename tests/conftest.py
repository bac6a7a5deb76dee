"""Shared fixtures.  Which minitorch is imported is chosen by minitorch_course.pytest_plugin
(``--minitorch=reference|student|PATH``); this file must not import minitorch itself."""

import pytest
from hypothesis import settings

# One failure per property test: an unfinished exercise then surfaces as the single
# NotImplementedError the plugin reports as "pending" (not as an ExceptionGroup), and
# no deadline, because the machine is shared.
settings.register_profile("course", report_multiple_bugs=False, deadline=None)
settings.load_profile("course")


@pytest.fixture(scope="session")
def torch():
    """Real PyTorch, the oracle; tests using it skip (with the reason) when it is absent."""
    return pytest.importorskip("torch", reason="PyTorch oracle not installed: pip install -e '.[test]'")
