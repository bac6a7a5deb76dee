"""Lesson 05: ``unbroadcast``, the backward of broadcasting (PyTorch's ``sum_to_size``)."""

import numpy as np
import pytest
from hypothesis import Phase, given, settings, strategies as st
from hypothesis.extra import numpy as hnp

from minitorch.autograd.derivatives import unbroadcast

# An unfinished exercise fails every example: report it at once instead of shrinking.
REPORT_AT_ONCE = (Phase.explicit, Phase.reuse, Phase.generate)


@pytest.mark.exercise("05", "unbroadcast")
@pytest.mark.parametrize("grad_shape, shape, expected", [
    ((2, 3), (3,), [2.0, 2.0, 2.0]),
    ((2, 3), (2, 1), [[3.0], [3.0]]),
    ((2, 3), (1, 3), [[2.0, 2.0, 2.0]]),
    ((2, 3), (), 6.0),
    ((4, 2, 3), (2, 1), [[12.0], [12.0]]),
])
def test_unbroadcast_sums_ones(grad_shape, shape, expected):
    result = unbroadcast(np.ones(grad_shape), shape)
    assert result.shape == shape
    np.testing.assert_array_equal(result, expected)


@pytest.mark.exercise("05", "unbroadcast")
def test_unbroadcast_keeps_a_gradient_that_already_fits():
    grad = np.arange(6.0).reshape(2, 3)
    np.testing.assert_array_equal(unbroadcast(grad, (2, 3)), grad)


@pytest.mark.exercise("05", "unbroadcast")
def test_unbroadcast_adds_the_right_elements():
    grad = np.array([[1.0, 2.0, 3.0], [10.0, 20.0, 30.0]])
    np.testing.assert_array_equal(unbroadcast(grad, (3,)), [11.0, 22.0, 33.0])
    np.testing.assert_array_equal(unbroadcast(grad, (2, 1)), [[6.0], [60.0]])


@pytest.mark.exercise("05", "unbroadcast")
@settings(deadline=None, phases=REPORT_AT_ONCE)
@given(hnp.mutually_broadcastable_shapes(num_shapes=2, max_dims=4, max_side=3),
       st.integers(0, 2 ** 32 - 1))
def test_unbroadcast_matches_torch_sum_to_size(torch, shapes, seed):
    small, _ = shapes.input_shapes
    grad = np.random.default_rng(seed).standard_normal(
        np.broadcast_shapes(small, shapes.result_shape))
    expected = torch.from_numpy(grad).sum_to_size(small).numpy()
    result = unbroadcast(grad, small)
    assert result.shape == tuple(small)
    np.testing.assert_allclose(result, expected, rtol=1e-12, atol=1e-12)
