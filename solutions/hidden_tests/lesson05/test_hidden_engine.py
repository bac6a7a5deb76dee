"""Hidden tests of lesson 05: ``topological_order``, ``run_backward``, ``no_grad`` and
``numerical_jacobian`` on graphs and cases the public tests do not show.

Graphs are recorded by hand with ``autograd.record`` through formulas that are not
exercises (exp, neg, sum, add of equal shapes), so that the engine is tested on its own."""

import contextlib
import math
import re

import numpy as np
import pytest

import minitorch
from minitorch.autograd import backward, enable_grad, grad, is_grad_enabled, no_grad, record
from minitorch.autograd import set_grad_enabled
from minitorch.autograd.engine import topological_order
from minitorch.autograd.gradcheck import numerical_jacobian

STUB = re.compile(r"Lesson \d\d · exercise [\w.]+:")


@pytest.fixture(autouse=True)
def recording_back_on():
    """A broken ``no_grad`` must not leave recording off for the tests after it."""
    yield
    set_grad_enabled(True)


class Node:
    """Just enough of a node for ``topological_order``: a name and its edges."""

    def __init__(self, name, *children):
        self.label = name
        self.next_functions = tuple((child, 0) for child in children)

    def __repr__(self):
        return self.label


def assert_valid_order(order, nodes):
    """Every node once, and each before all the nodes it sends gradient to."""
    assert len(order) == len(nodes) and set(map(id, order)) == set(map(id, nodes))
    position = {id(node): i for i, node in enumerate(order)}
    for node in nodes:
        for child, _ in node.next_functions:
            if child is not None:
                assert position[id(node)] < position[id(child)], f"{node} after {child}"


def leaf(values, dtype=minitorch.float64):
    return minitorch.tensor(values, dtype=dtype, requires_grad=True)


def values(tensor):
    return np.asarray(tensor._array())


def op(name, result, *inputs):
    return record(minitorch.tensor(np.asarray(result)), inputs, name)


def exp(a):
    return op("ExpBackward0", np.exp(values(a)), a)


def neg(a):
    return op("NegBackward0", -values(a), a)


def add(a, b):
    return op("AddBackward0", values(a) + values(b), a, b)


def total(a):
    return op("SumBackward0", values(a).sum(), a)


# -- topological_order ---------------------------------------------------------------------
@pytest.mark.exercise("05", "topological_sort")
def test_topological_order_hidden_diamond():
    #  root -> left -> bottom -> end,  root -> right -> bottom,  root -> end
    end = Node("end")
    bottom = Node("bottom", end)
    left, right = Node("left", bottom), Node("right", bottom, None)
    root = Node("root", left, end, right)
    order = topological_order([root])
    assert_valid_order(order, [root, left, right, bottom, end])
    assert order[0] is root and order[-1] is end


@pytest.mark.exercise("05", "topological_sort")
def test_topological_order_hidden_root_below_another_root_and_repeated_edges():
    c = Node("c")
    b = Node("b", c, c, c)
    a = Node("a", b, b)
    assert topological_order([b, a]) == [a, b, c]
    assert topological_order([Node("alone")])[0].label == "alone"


@pytest.mark.exercise("05", "topological_sort")
def test_topological_order_hidden_many_paths_stays_linear():
    # 40 stacked diamonds: 2**40 paths from top to bottom, 121 nodes
    node = Node("bottom")
    nodes = [node]
    for i in range(40):
        left, right = Node(f"l{i}", node), Node(f"r{i}", node)
        node = Node(f"top{i}", left, right)
        nodes += [left, right, node]
    order = topological_order([node])
    assert_valid_order(order, nodes)


@pytest.mark.exercise("05", "topological_sort")
def test_topological_order_hidden_real_graph():
    a = leaf([1.0, 2.0])
    y = exp(a)
    z = add(neg(y), y)
    order = topological_order([z.grad_fn])
    names = [node.name() for node in order]
    assert names == ["AddBackward0", "NegBackward0", "ExpBackward0",
                     "torch::autograd::AccumulateGrad"]


# -- run_backward --------------------------------------------------------------------------
@pytest.mark.exercise("05", "backward")
def test_backward_hidden_shared_node_runs_once():
    # exp saves its output and frees it after running: running it twice would fail
    a = leaf([0.0, 1.0])
    y = exp(a)
    backward(total(add(y, y)))
    np.testing.assert_allclose(values(a.grad), [2.0, 2 * math.e])


@pytest.mark.exercise("05", "backward")
def test_backward_hidden_hook_sees_the_complete_gradient_once():
    a = leaf([0.0, 1.0])
    y = exp(a)
    seen = []
    y.register_hook(lambda g: seen.append(g.tolist()))
    backward(total(add(add(y, y), neg(y))))  # dz/dy = 2 - 1
    assert seen == [[1.0, 1.0]]
    np.testing.assert_allclose(values(a.grad), [1.0, math.e])


@pytest.mark.exercise("05", "backward")
def test_backward_hidden_several_roots_and_a_root_twice():
    a = leaf([1.0, 2.0])
    first, second = neg(a), exp(a)
    backward([first, second], [minitorch.tensor([1.0, 1.0], dtype=minitorch.float64),
                                minitorch.tensor([2.0, 0.0], dtype=minitorch.float64)])
    np.testing.assert_allclose(values(a.grad), [-1.0 + 2 * math.e, -1.0])
    b = leaf([3.0])
    u = neg(b)
    backward([u, u], [minitorch.tensor([1.0], dtype=minitorch.float64),
                      minitorch.tensor([2.0], dtype=minitorch.float64)])
    assert values(b.grad).tolist() == [-3.0]


@pytest.mark.exercise("05", "backward")
def test_backward_hidden_retain_grad_hooks_and_constants():
    a = leaf([0.0, 1.0])
    const = minitorch.tensor([5.0, 5.0], dtype=minitorch.float64)
    y = exp(a)
    y.retain_grad()
    a.register_hook(lambda g: g * 10)
    backward(total(neg(add(y, const))))
    assert values(y.grad).tolist() == [-1.0, -1.0]
    np.testing.assert_allclose(values(a.grad), [-10.0, -10 * math.e])
    assert const.grad is None


@pytest.mark.exercise("05", "backward")
def test_backward_hidden_long_chain_and_dtype():
    a = leaf([1.0, -2.0], dtype=minitorch.float32)
    x = a
    for _ in range(3001):
        x = neg(x)
    backward(total(x))
    assert str(a.grad.dtype) == "torch.float32"
    assert values(a.grad).tolist() == [-1.0, -1.0]


@pytest.mark.exercise("05", "backward")
def test_backward_hidden_grad_of_an_intermediate_leaves_leaves_alone():
    a = leaf([0.0, 2.0])
    y = exp(a)
    z = total(neg(y))
    grad_y, grad_a = grad(z, [y, a])
    assert values(grad_y).tolist() == [-1.0, -1.0]
    np.testing.assert_allclose(values(grad_a), [-1.0, -math.exp(2.0)])
    assert a.grad is None


@pytest.mark.exercise("05", "backward")
def test_backward_hidden_retain_graph_keeps_saved_values():
    a = leaf([1.0])
    z = total(exp(a))
    for _ in range(3):
        backward(z, retain_graph=True)
    np.testing.assert_allclose(values(a.grad), [3 * math.e])
    backward(z)
    try:
        backward(z)
    except RuntimeError as error:
        if isinstance(error, NotImplementedError) and STUB.search(str(error)):
            raise
        assert str(error).startswith("Trying to backward through the graph a second time")
    else:
        pytest.fail("a freed graph was backwarded again")


# -- no_grad ------------------------------------------------------------------------------
def recorded():
    a = minitorch.tensor([1.0], requires_grad=True)
    return record(minitorch.tensor([2.0]), (a,), "NegBackward0").grad_fn is not None


@pytest.mark.exercise("05", "no_grad")
def test_no_grad_hidden_restores_the_mode_it_found():
    try:
        set_grad_enabled(False)
        with no_grad():
            assert not is_grad_enabled() and not recorded()
        assert not is_grad_enabled()
        with enable_grad():
            with no_grad():
                with no_grad():
                    assert not is_grad_enabled()
                assert not is_grad_enabled()
            assert is_grad_enabled() and recorded()
        assert not is_grad_enabled()
    finally:
        set_grad_enabled(True)
    assert is_grad_enabled()


@pytest.mark.exercise("05", "no_grad")
def test_no_grad_hidden_instance_reused_and_enter_returns_none():
    context = no_grad()
    for _ in range(2):
        with context as entered:
            assert entered is None and not is_grad_enabled()
        assert is_grad_enabled()
    x = minitorch.ones(2, requires_grad=True)
    with no_grad():
        y = x * 2
    assert y.requires_grad is False and y.grad_fn is None


@pytest.mark.exercise("05", "no_grad")
def test_no_grad_hidden_decorated_function_raising():
    @no_grad()
    def fails():
        assert not is_grad_enabled()
        raise KeyError("inside")

    with pytest.raises(KeyError):
        fails()
    assert is_grad_enabled()


# -- numerical_jacobian -----------------------------------------------------------------------
def double(values):
    return minitorch.tensor(values, dtype=minitorch.float64)


@pytest.mark.exercise("05", "numerical_jacobian")
def test_numerical_jacobian_hidden_uses_eps_and_central_differences():
    # ((x + h)^3 - (x - h)^3) / 2h = 3x^2 + h^2: exact for h = 0.5
    x = double([1.0, 2.0])
    jacobian = numerical_jacobian(lambda t: t * t * t, (x,), 0, eps=0.5)
    np.testing.assert_allclose(jacobian, [[3.25, 0.0], [0.0, 12.25]], atol=1e-12)
    assert jacobian.dtype == np.float64


@pytest.mark.exercise("05", "numerical_jacobian")
def test_numerical_jacobian_hidden_second_input_and_scalar_output():
    x, y = double([1.0, 2.0, 3.0]), double([4.0, 5.0, 6.0])
    jacobian = numerical_jacobian(lambda a, b: a * b, (x, y), 1)
    np.testing.assert_allclose(jacobian, np.diag([1.0, 2.0, 3.0]), atol=1e-6)
    m = double([[1.0, -2.0], [3.0, 0.5]])
    jacobian = numerical_jacobian(lambda t: (t * t).sum(), (m,), 0)
    assert jacobian.shape == (4, 1)
    np.testing.assert_allclose(jacobian[:, 0], [2.0, -4.0, 6.0, 1.0], atol=1e-5)
    assert x.tolist() == [1.0, 2.0, 3.0] and y.tolist() == [4.0, 5.0, 6.0]


@pytest.mark.exercise("05", "numerical_jacobian")
def test_numerical_jacobian_hidden_views_in_and_out():
    base = double([9.0, 0.0, 1.0, 2.0, 3.0])
    x = base[1:]  # storage offset 1
    jacobian = numerical_jacobian(lambda t: t.view(2, 2).t(), (x,), 0)
    np.testing.assert_allclose(jacobian, [[1, 0, 0, 0], [0, 0, 1, 0], [0, 1, 0, 0],
                                          [0, 0, 0, 1]], atol=1e-6)
    assert base.tolist() == [9.0, 0.0, 1.0, 2.0, 3.0]


@pytest.mark.exercise("05", "numerical_jacobian")
def test_numerical_jacobian_hidden_runs_without_recording():
    modes = []

    def function(t):
        modes.append(is_grad_enabled())
        return t * 2

    x = minitorch.tensor([1.0, 2.0], dtype=minitorch.float64, requires_grad=True)
    jacobian = numerical_jacobian(function, (x,), 0)
    np.testing.assert_allclose(jacobian, 2 * np.eye(2), atol=1e-6)
    assert modes and not any(modes) and is_grad_enabled()
    assert x.grad is None and x.tolist() == [1.0, 2.0]
