"""Lesson 04: type promotion (plumbing given to students): result dtypes as in PyTorch."""

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import minitorch
from oracle import mini, real
from strategies import DTYPE_NAMES

# An operand: a tensor with dimensions, a 0-d tensor, or a Python number.
operands = st.one_of(
    st.tuples(st.just("dim"), st.sampled_from(DTYPE_NAMES)),
    st.tuples(st.just("zero"), st.sampled_from(DTYPE_NAMES)),
    st.tuples(st.just("number"), st.sampled_from([True, 3, 2.5])),
)


def build(kind, value, library, torch):
    if kind == "number":
        return value
    shape = (2,) if kind == "dim" else ()
    array = np.ones(shape, dtype=value)
    return mini(array) if library is minitorch else real(torch, array)


@settings(max_examples=300, deadline=None)
@given(first=st.tuples(st.sampled_from(["dim", "zero"]), st.sampled_from(DTYPE_NAMES)),
       rest=st.lists(operands, min_size=1, max_size=2))
def test_result_type_matches_torch(torch, first, rest):
    mine = [build(*first, minitorch, torch)] + [build(*o, minitorch, torch) for o in rest]
    theirs = [build(*first, torch, torch)] + [build(*o, torch, torch) for o in rest]
    expected = torch.result_type(theirs[0], theirs[1])
    assert repr(minitorch.result_type(mine[0], mine[1])) == repr(expected)
    if len(theirs) == 2 and first[1] != "bool":
        assert repr((mine[0] * mine[1]).dtype) == repr((theirs[0] * theirs[1]).dtype)




@pytest.mark.parametrize("left, right, expected", [
    (np.ones(2, np.int64), 2.5, minitorch.float32),           # int tensor + float number
    (np.ones(2, np.float32), np.ones(2, np.float64), minitorch.float64),
    (np.ones(2, np.bool_), 3, minitorch.int64),                # bool + int number
    (np.ones(2, np.int32), 7, minitorch.int32),                # the number does not widen
    (np.ones(2, np.int8), np.ones(2, np.uint8), minitorch.int16),
    (np.ones(2, np.float32), np.ones((), np.float64), minitorch.float32),  # 0-d: like a number
    (np.ones(2, np.int32), np.ones((), np.float64), minitorch.float64),    # ...of a higher kind
    (np.ones(2, np.float16), np.ones(2, np.int64), minitorch.float16),
])
def test_promotion_examples(left, right, expected):
    right = mini(right) if isinstance(right, np.ndarray) else right
    assert minitorch.result_type(mini(left), right) is expected
    assert (mini(left) + right).dtype is expected


@pytest.mark.parametrize("result, output, allowed", [
    ("float32", "int64", False), ("int64", "bool", False), ("bool", "uint8", True),
    ("int64", "float16", True), ("float64", "float32", True),
])
def test_can_cast_matches_torch(torch, result, output, allowed):
    assert minitorch.can_cast(getattr(minitorch, result), getattr(minitorch, output)) is allowed
    assert torch.can_cast(getattr(torch, result), getattr(torch, output)) is allowed
