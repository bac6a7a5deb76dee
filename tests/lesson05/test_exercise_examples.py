"""The worked examples in the exercise texts of lessons 05 and 06 are true: each runs as
a doctest against the package under test (as tests/lesson01 does for lessons 01-03)."""

import doctest
import importlib

import numpy as np
import pytest

import minitorch
from minitorch._exercise import EXERCISES

COVERED = ("05", "06")
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE

importlib.import_module("minitorch.autograd")  # the exercises register when imported
importlib.import_module("minitorch.optim")
importlib.import_module("minitorch.utils")


def _cases():
    return [pytest.param(function, id=f"{lesson}:{name}", marks=pytest.mark.exercise(lesson, name))
            for (lesson, name), function in sorted(EXERCISES.items())
            if lesson in COVERED and ">>>" in (function.__doc__ or "")]


@pytest.mark.parametrize("function", _cases())
def test_docstring_example_holds(function):
    module = importlib.import_module(function.__module__)
    globs = {**vars(module), "minitorch": minitorch, "np": np}
    runner = doctest.DebugRunner(optionflags=FLAGS)
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
