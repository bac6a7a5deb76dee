"""Marks the functions students write.

An exercise is a whole function whose body sits between nbgrader's solution markers.
The decorator records which lesson it belongs to so that the
generator can name it in the stub's error message, the self-check can find its tests,
and the grader can swap in a student's version without touching other lessons.
"""

EXERCISES = {}


def exercise(lesson, name, points=1):
    """Register ``fn`` as exercise ``name`` of ``lesson`` (e.g. ``"02"``, ``"view"``)."""

    def register(fn):
        fn.__exercise__ = (lesson, name, points)
        EXERCISES[(lesson, name)] = fn
        return fn

    return register
