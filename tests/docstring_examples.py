"""The worked examples in exercise texts (docstrings) run as doctests against the package
under test; shared by the lessons' test_*examples.py files."""

import doctest
import importlib

import numpy as np
import pytest

import minitorch
from minitorch._exercise import EXERCISES

FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def example_cases(lessons):
    """One pytest param per exercise of ``lessons`` whose text has a ``>>>`` example."""
    return [pytest.param(function, id=f"{lesson}:{name}", marks=pytest.mark.exercise(lesson, name))
            for (lesson, name), function in sorted(EXERCISES.items())
            if lesson in lessons and ">>>" in (function.__doc__ or "")]


def assert_examples_hold(function):
    module = importlib.import_module(function.__module__)
    globs = {**vars(module), "minitorch": minitorch, "np": np}
    runner = doctest.DebugRunner(optionflags=FLAGS)  # stops at the first problem
    for test in doctest.DocTestFinder(recurse=False).find(function, function.__qualname__,
                                                          globs=globs):
        try:
            runner.run(test, out=lambda text: None)
        except doctest.UnexpectedException as problem:
            raise problem.exc_info[1]  # e.g. an unfinished exercise: reported as pending
        except doctest.DocTestFailure as failure:
            pytest.fail(f"{function.__qualname__}: {failure.example.source.strip()}\n"
                        f"expected: {failure.example.want.strip()}\n"
                        f"got:      {failure.got.strip()}")
