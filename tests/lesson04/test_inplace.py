"""Lesson 04: in-place methods, ``+=`` and ``out=``: same object, same storage, torch's errors."""

import warnings

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import minitorch
from oracle import assert_same_outcome, mini, outcome, pair
from strategies import DTYPE_NAMES, arrays

IN_PLACE = ["add_", "sub_", "mul_", "div_", "pow_"]


@settings(max_examples=200, deadline=None)
@given(name=st.sampled_from(IN_PLACE), a_dtype=st.sampled_from(DTYPE_NAMES),
       b_dtype=st.sampled_from(DTYPE_NAMES),
       shapes=st.sampled_from([((2, 3), (3,)), ((3,), (2, 3)), ((2, 3), (2, 3)), ((1,), (3,)),
                               ((2, 3), ())]),
       data=st.data())
def test_in_place_methods_match_torch(torch, name, a_dtype, b_dtype, shapes, data):
    a = data.draw(arrays(shapes[0], a_dtype, st.integers(1, 5) if a_dtype != "bool" else None))
    b = data.draw(arrays(shapes[1], b_dtype, st.integers(1, 3) if b_dtype != "bool" else None))
    (x, tx), (y, ty) = pair(torch, a), pair(torch, b)
    mine = outcome(lambda: getattr(x, name)(y))
    theirs = outcome(lambda: getattr(tx, name)(ty))
    assert_same_outcome(mine, theirs)
    if not hasattr(theirs, "kind"):
        assert mine is x
    assert_same_outcome(x, tx)  # a refused operation leaves self untouched


@pytest.mark.parametrize("statement", ["x += y", "x -= y", "x *= y", "x /= y", "x += 1",
                                       "x **= 2", "x //= y"])
def test_augmented_assignment_keeps_identity_and_storage(statement):
    x = mini(np.array([1.0, 2.0, 3.0], np.float32))
    y = mini(np.array([2.0, 2.0, 2.0], np.float32))
    before, storage = id(x), x._storage
    names = {"x": x, "y": y}
    exec(statement, {}, names)
    assert id(names["x"]) == before and names["x"]._storage is storage


def test_d2l_memory_examples():
    """Note 04 'Saving Memory': y = y + x allocates; out= and += do not."""
    x = mini(np.arange(12, dtype=np.float32).reshape(3, 4))
    y = mini(np.ones((3, 4), np.float32))
    before = id(y)
    y = y + x
    assert id(y) != before
    z = mini(np.zeros((3, 4), np.float32))
    before = id(z)
    assert minitorch.add(x, y, out=z) is z and id(z) == before
    np.testing.assert_array_equal(z._array(), (x + y)._array())
    before = id(x)
    x += y
    assert id(x) == before


def test_in_place_on_a_view_writes_the_base():
    base = mini(np.zeros((2, 3), np.float32))
    row = base._view((3,), (1,), 3)  # base[1]
    row.add_(mini(np.array([1.0, 2.0, 3.0], np.float32)))
    column = base._view((2,), (3,), 0)  # base[:, 0]
    column.fill_(7)
    np.testing.assert_array_equal(base._array(), [[7, 0, 0], [7, 2, 3]])


@pytest.mark.parametrize("call", [
    "i.add_(1.5)", "i.div_(2)", "i.mul_(j)", "b.add_(i)", "x.add_(big)", "x.expand(2, 3).add_(1)",
    "x.clamp_(0.2, 0.4)", "i.clamp_(0.5)", "i.clamp_(0, 1)", "i.fill_(2.7)", "x.fill_(x)",
    "x.fill_(torch.tensor(5.0))", "i.copy_(torch.tensor([1.7, -2.7, 3.5]))", "big.copy_(x)",
    "x.copy_(big)", "x.zero_()", "b.fill_(1)", "x.sub_(x, alpha=2)",
    "x.div_(x, rounding_mode='floor')",
])
def test_in_place_calls_match_torch(torch, call):
    values = {"x": np.array([0.1, 0.5, 0.7], np.float32), "i": np.array([1, 2, 3]),
              "j": np.array([2.0, 2.0, 2.0], np.float32), "b": np.array([True, False, True]),
              "big": np.ones((2, 3), np.float32)}
    mine_names = {k: mini(v) for k, v in values.items()}
    their_names = {k: torch.from_numpy(v.copy()) for k, v in values.items()}
    mine = outcome(lambda: eval(call, {"torch": minitorch}, mine_names))
    theirs = outcome(lambda: eval(call, {"torch": torch}, their_names))
    assert_same_outcome(mine, theirs)
    for name in values:
        assert_same_outcome(mine_names[name], their_names[name])


@pytest.mark.parametrize("out_shape", [(2, 2), (2, 4), (0,), (4,)])
def test_out_resizes_like_torch(torch, out_shape):
    a, b = np.ones((2, 2), np.float32), np.full((2, 2), 2, np.float32)
    (x, tx), (y, ty) = pair(torch, a), pair(torch, b)
    result, their_result = mini(np.zeros(out_shape, np.float32)), torch.zeros(out_shape)
    with warnings.catch_warnings(record=True) as mine_warned:
        warnings.simplefilter("always")
        returned = minitorch.add(x, y, out=result)
    with warnings.catch_warnings(record=True) as their_warned:
        warnings.simplefilter("always")
        torch.add(tx, ty, out=their_result)
    assert returned is result
    assert_same_outcome(result, their_result)
    assert result.stride() == their_result.stride()
    assert [str(w.message).split(" (Triggered")[0] for w in mine_warned] == \
        [str(w.message).split(" (Triggered")[0] for w in their_warned]


def test_out_refuses_a_dtype_it_cannot_hold(torch):
    mine = outcome(lambda: minitorch.add(mini(np.array([1, 2])), 1.5,
                                         out=mini(np.zeros(2, np.int64))))
    theirs = outcome(lambda: torch.add(torch.tensor([1, 2]), 1.5,
                                       out=torch.zeros(2, dtype=torch.int64)))
    assert mine == theirs


@pytest.mark.parametrize("name", ["sub", "mul", "div", "maximum", "eq", "exp", "clamp"])
def test_out_works_for_common_functions(torch, name):
    a, b = np.array([1.0, -2.0], np.float32), np.array([3.0, 4.0], np.float32)
    (x, tx), (y, ty) = pair(torch, a), pair(torch, b)
    args, their_args = ((x,), (tx,)) if name == "exp" else ((x, y), (tx, ty))
    if name == "clamp":
        args, their_args = (x, -1.0, 0.5), (tx, -1.0, 0.5)
    out, their_out = mini(np.zeros(2, np.float32)), torch.zeros(2)
    getattr(minitorch, name)(*args, out=out)
    getattr(torch, name)(*their_args, out=their_out)
    assert_same_outcome(out, their_out)
