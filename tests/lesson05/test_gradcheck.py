"""Lesson 05: finite differences, and ``gradcheck`` built on them."""

import numpy as np
import pytest

import minitorch
from minitorch.autograd import GradcheckError, gradcheck
from minitorch.autograd.derivatives import FORMULAS
from minitorch.autograd.gradcheck import numerical_jacobian


def double(values, requires_grad=False):
    return minitorch.tensor(values, dtype=minitorch.float64, requires_grad=requires_grad)


@pytest.mark.exercise("05", "numerical_jacobian")
def test_numerical_jacobian_of_a_square():
    jacobian = numerical_jacobian(lambda t: t * t, (double([1.0, 2.0]),), 0)
    np.testing.assert_allclose(jacobian, [[2.0, 0.0], [0.0, 4.0]], atol=1e-6)


@pytest.mark.exercise("05", "numerical_jacobian")
def test_numerical_jacobian_rows_are_inputs_and_columns_outputs():
    # f(x, y) = x @ y with x (2,), y (2, 3): d f_j / d y_ik = x_i [j == k]
    x, y = double([1.0, 2.0]), double(np.arange(6.0).reshape(2, 3))
    jacobian = numerical_jacobian(lambda a, b: a @ b, (x, y), 1)
    assert jacobian.shape == (6, 3) and jacobian.dtype == np.float64
    expected = np.zeros((6, 3))
    for i in range(2):
        for k in range(3):
            expected[i * 3 + k, k] = [1.0, 2.0][i]
    np.testing.assert_allclose(jacobian, expected, atol=1e-6)


@pytest.mark.exercise("05", "numerical_jacobian")
def test_numerical_jacobian_restores_the_input_and_handles_views():
    x = double(np.arange(6.0).reshape(2, 3)).t()  # not contiguous
    before = x.tolist()
    jacobian = numerical_jacobian(lambda t: (t * t).sum(), (x,), 0)
    assert x.tolist() == before
    np.testing.assert_allclose(jacobian.reshape(-1), 2 * np.array(before).reshape(-1), atol=1e-5)


def test_gradcheck_passes_for_the_real_ops():
    rng = np.random.default_rng(0)
    a = double(rng.standard_normal((3, 4)), requires_grad=True)
    b = double(rng.standard_normal((4, 2)), requires_grad=True)
    assert gradcheck(lambda x, y: ((x @ y).tanh() * x.sum(1, keepdim=True)).softmax(1), (a, b))
    assert gradcheck(lambda x: x.t().reshape(-1)[::2].exp(), (a,))


def test_gradcheck_catches_a_wrong_formula(monkeypatch):
    def wrong_exp_backward(grad, inputs, output, saved):
        return (grad * output * 1.01,)

    wrong_exp_backward.saves_values = True
    monkeypatch.setitem(FORMULAS, "ExpBackward0", wrong_exp_backward)
    x = double([0.5, -1.0], requires_grad=True)
    with pytest.raises(GradcheckError, match="^Jacobian mismatch for output 0 with respect to "
                                             "input 0,\nnumerical:"):
        gradcheck(lambda t: t.exp(), (x,))
    assert gradcheck(lambda t: t.exp(), (x,), raise_exception=False) is False
