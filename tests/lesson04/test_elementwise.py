"""Lesson 04: elementwise operations, compared with PyTorch (dtypes, values, errors)."""

import operator

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st
from hypothesis.extra import numpy as hnp

import minitorch
from oracle import Raised, assert_same_outcome, mini, outcome, pair, real
from strategies import DTYPE_NAMES, arrays, view_recipes

BINARY_OPERATORS = {
    "+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv,
    "//": operator.floordiv, "%": operator.mod, "**": operator.pow,
    "==": operator.eq, "!=": operator.ne, "<": operator.lt, "<=": operator.le,
    ">": operator.gt, ">=": operator.ge,
}

numbers = st.one_of(st.booleans(), st.integers(-5, 5), st.floats(-5, 5, width=32))


@st.composite
def two_arrays(draw):
    """Two arrays of any dtypes whose shapes usually (not always) broadcast."""
    if draw(st.integers(0, 9)):
        shapes = draw(hnp.mutually_broadcastable_shapes(num_shapes=2, max_dims=3, max_side=3))
        a_shape, b_shape = shapes.input_shapes
    else:
        a_shape = draw(st.lists(st.integers(1, 3), max_size=3).map(tuple))
        b_shape = draw(st.lists(st.integers(1, 3), max_size=3).map(tuple))
    small = {"float16": st.floats(-8, 8, width=16), "float32": st.floats(-8, 8, width=32),
             "float64": st.floats(-8, 8)}
    a_dtype, b_dtype = draw(st.sampled_from(DTYPE_NAMES)), draw(st.sampled_from(DTYPE_NAMES))
    a = draw(arrays(a_shape, a_dtype, small.get(a_dtype)))
    b = draw(arrays(b_shape, b_dtype, small.get(b_dtype)))
    return a, b


@settings(max_examples=400, deadline=None)
@given(arrays_=two_arrays(), symbol=st.sampled_from(sorted(BINARY_OPERATORS)))
def test_binary_operators_match_torch(torch, arrays_, symbol):
    a, b = arrays_
    op = BINARY_OPERATORS[symbol]
    (x, tx), (y, ty) = pair(torch, a), pair(torch, b)
    assert_same_outcome(outcome(lambda: op(x, y)), outcome(lambda: op(tx, ty)), rtol=1e-3)


@settings(max_examples=300, deadline=None)
@given(a=arrays(dtype="float32"),
       number=numbers, symbol=st.sampled_from(sorted(BINARY_OPERATORS)),
       dtype=st.sampled_from(DTYPE_NAMES), reflected=st.booleans())
def test_operators_with_python_numbers_match_torch(torch, a, number, symbol, dtype, reflected):
    a = a.astype(dtype) if dtype != "bool" else a > 0
    op = BINARY_OPERATORS[symbol]
    x, tx = pair(torch, a)
    if reflected:
        mine, theirs = outcome(lambda: op(number, x)), outcome(lambda: op(number, tx))
    else:
        mine, theirs = outcome(lambda: op(x, number)), outcome(lambda: op(tx, number))
    assert_same_outcome(mine, theirs, rtol=1e-3)


FUNCTIONS = ["add", "sub", "mul", "div", "floor_divide", "remainder", "pow", "maximum",
             "minimum", "eq", "ne", "lt", "le", "gt", "ge"]


@settings(max_examples=200, deadline=None)
@given(arrays_=two_arrays(), name=st.sampled_from(FUNCTIONS))
def test_function_forms_match_torch(torch, arrays_, name):
    a, b = arrays_
    (x, tx), (y, ty) = pair(torch, a), pair(torch, b)
    mine = outcome(lambda: getattr(minitorch, name)(x, y))
    theirs = outcome(lambda: getattr(torch, name)(tx, ty))
    assert_same_outcome(mine, theirs, rtol=1e-3)


@pytest.mark.parametrize("call", [
    "add(x, y, alpha=2)", "add(i, j, alpha=3)", "sub(x, y, alpha=0.5)", "add(i, 1, alpha=0.5)",
    "add(i, [1, 2])", "add(1, i)", "maximum(x, 1)",
    "div(i, j, rounding_mode='floor')", "div(-i, j, rounding_mode='trunc')",
    "div(x, y, rounding_mode='trunc')", "div(x, y, rounding_mode='floor')",
    "div(i, 2, rounding_mode='x')", "div(i, 0, rounding_mode='floor')",
    "floor_divide(i, 0)", "remainder(i, 0)", "remainder(-i, j)", "pow(i, -1)", "pow(-i, 2)",
    "pow(i, torch.tensor([-1, 1, 2]))", "pow(2, i)", "pow(x, 0.5)",
    "neg(b)", "abs(b)", "sub(b, b)", "mul(b, b)", "add(b, b)", "div(b, b)", "floor_divide(b, b)",
    "clamp(i, 0.5, 2.5)", "clamp(i)", "clamp(x, min=0.3)", "clamp(x, max=0.3)",
    "clamp(x, 2, 1)", "clamp(x, torch.tensor([0.2, 0.4, 0.6]))", "clip(i, 1, 2)",
    "where(b3, x, y)", "where(b3, i, 0.5)", "where(b3, 1, 0.0)", "where(x, x, y)",
    "where(b3)", "eq(x, 'a')",
])
def test_function_calls_match_torch(torch, call):
    values = {"x": np.array([0.1, 0.5, -0.7], np.float32), "y": np.array([0.3, -2, 4], np.float32),
              "i": np.array([1, 2, 3]), "j": np.array([2, -2, 2]),
              "b": np.array([True, False, True]), "b3": np.array([True, False, True])}
    mine = outcome(lambda: eval(call, {"torch": minitorch, **vars(minitorch)},
                                {k: mini(v) for k, v in values.items()}))
    theirs = outcome(lambda: eval(call, {"torch": torch, **{k: getattr(torch, k) for k in dir(torch)
                                                             if not k.startswith("_")}},
                                  {k: real(torch, v) for k, v in values.items()}))
    if isinstance(theirs, Raised) and theirs.kind == "TypeError":
        assert isinstance(mine, Raised) and mine.kind == "TypeError"  # argument-parser texts
    else:
        assert_same_outcome(mine, theirs)


UNARY = ["neg", "abs", "exp", "log", "sqrt", "sin", "cos", "tanh", "sigmoid", "relu", "floor",
         "ceil", "round", "trunc", "sign"]


@settings(max_examples=300, deadline=None)
@given(dtype=st.sampled_from(DTYPE_NAMES), name=st.sampled_from(UNARY), data=st.data())
def test_unary_functions_match_torch(torch, dtype, name, data):
    a = data.draw(arrays(dtype=dtype))
    x, tx = pair(torch, a)
    mine = outcome(lambda: getattr(minitorch, name)(x))
    theirs = outcome(lambda: getattr(torch, name)(tx))
    assert_same_outcome(mine, theirs, rtol=2e-3 if dtype == "float16" else None)


def test_exp_of_int64_is_float32_like_torch(torch):
    x, tx = pair(torch, np.array([1, 2]))
    assert_same_outcome(minitorch.exp(x), torch.exp(tx))
    assert minitorch.exp(x).dtype is minitorch.float32


def test_operators_return_not_implemented_for_other_types():
    x = mini(np.array([1.0, 2.0]))
    with pytest.raises(TypeError, match="unsupported operand"):
        x + [1, 2]
    assert (x == "a") is False
    assert {x: 1}[x] == 1  # tensors stay hashable despite __eq__


def test_examples_without_torch():
    x = mini(np.array([1, 2, 4, 8], np.float32))
    y = mini(np.array([2, 2, 2, 2], np.float32))
    np.testing.assert_array_equal((x + y)._array(), [3, 4, 6, 10])
    np.testing.assert_array_equal((x / y)._array(), [0.5, 1, 2, 4])
    np.testing.assert_array_equal((x ** 2 - 1)._array(), [0, 3, 15, 63])
    np.testing.assert_array_equal((x > 2)._array(), [False, False, True, True])
    np.testing.assert_array_equal((7 // mini(np.array([2, -2])))._array(), [3, -4])
    np.testing.assert_array_equal((mini(np.array([-7, 7])) % 3)._array(), [2, 1])
    np.testing.assert_array_equal(minitorch.clamp(x, 2, 4)._array(), [2, 2, 4, 4])


@settings(max_examples=80, deadline=None)
@given(recipe=view_recipes())
def test_operations_on_views_match_torch(torch, recipe):
    """Strided inputs (transposed, expanded, sliced views) give the same results, and an
    in-place op on a view writes through to its base (or is refused, as in PyTorch)."""
    values = np.arange(int(np.prod(recipe.shape)), dtype=np.float32).reshape(recipe.shape) / 4
    base, their_base = pair(torch, values)
    view, their_view = base, their_base
    for step in recipe.steps:
        view, their_view = step.apply(view), step.apply(their_view)
    assert_same_outcome(outcome(lambda: (view + 1) * view - view.exp()),
                        outcome(lambda: (their_view + 1) * their_view - their_view.exp()))
    assert_same_outcome(outcome(lambda: view.mul_(2)), outcome(lambda: their_view.mul_(2)))
    assert_same_outcome(base, their_base)


@settings(max_examples=150, deadline=None)
@given(arrays_=two_arrays(), bound=numbers, data=st.data())
def test_clamp_and_where_match_torch(torch, arrays_, bound, data):
    a, b = arrays_
    (x, tx), (y, ty) = pair(torch, a), pair(torch, b)
    condition = data.draw(arrays(a.shape, "bool"))
    c, tc = pair(torch, condition)
    assert_same_outcome(outcome(lambda: minitorch.clamp(x, min=bound)),
                        outcome(lambda: torch.clamp(tx, min=bound)))
    assert_same_outcome(outcome(lambda: minitorch.clamp(x, y, y)),
                        outcome(lambda: torch.clamp(tx, ty, ty)))
    assert_same_outcome(outcome(lambda: minitorch.where(c, x, y)),
                        outcome(lambda: torch.where(tc, tx, ty)))
    assert_same_outcome(outcome(lambda: minitorch.where(c, x, bound)),
                        outcome(lambda: torch.where(tc, tx, bound)))
