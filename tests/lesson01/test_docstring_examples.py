"""The worked examples in the exercise texts (docstrings) of lessons 01–03 are true:
each one runs as a doctest against the package under test."""

import pytest
from docstring_examples import assert_examples_hold, example_cases


@pytest.mark.parametrize("function", example_cases(("01", "02", "03")))
def test_docstring_example_holds(function):
    assert_examples_hold(function)
