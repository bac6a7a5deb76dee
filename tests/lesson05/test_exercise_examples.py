"""The worked examples in the exercise texts of lessons 05 and 06 are true: each runs as
a doctest against the package under test."""

import importlib

import pytest
from docstring_examples import assert_examples_hold, example_cases

importlib.import_module("minitorch.autograd")  # the exercises register when imported
importlib.import_module("minitorch.optim")
importlib.import_module("minitorch.utils")


@pytest.mark.parametrize("function", example_cases(("05", "06")))
def test_docstring_example_holds(function):
    assert_examples_hold(function)
