"""Tooling for the minitorch course: generation, self-checks, grading.

In a lesson notebook: ``from minitorch_course import check; check("02", "view")``.
"""

from .selfcheck import check

__all__ = ["check"]
