"""Lesson 05: the graph, ``topological_order`` and ``run_backward``.

The graphs here are recorded by hand with ``autograd.record`` (what every op's
``make_result`` does), so the engine is tested on its own; ``test_autograd_ops.py``
runs it through the real operations.
"""

import numpy as np
import pytest

import minitorch
from raising import raises_runtime_error
from minitorch.autograd import backward, grad, record
from minitorch.autograd.engine import topological_order
from minitorch.autograd.graph import AccumulateGrad


class FakeNode:
    """Just enough of a node for ``topological_order``: a name and its edges."""

    def __init__(self, name, *children):
        self.label = name
        self.next_functions = tuple((child, 0) for child in children)

    def __repr__(self):
        return self.label


def leaf(values):
    return minitorch.tensor(values, requires_grad=True)


def mul(a, b):
    return record(minitorch.tensor(np.asarray(a._array() * b._array())), (a, b), "MulBackward0")


def add(a, b):
    return record(minitorch.tensor(np.asarray(a._array() + b._array())), (a, b), "AddBackward0")


def total(a):
    return record(minitorch.tensor(np.asarray(a._array().sum())), (a,), "SumBackward0")


def assert_before(order, first, second):
    assert order.index(first) < order.index(second), f"{first} must come before {second}"


@pytest.mark.exercise("05", "topological_sort")
def test_topological_order_of_a_chain():
    c = FakeNode("c")
    b = FakeNode("b", c)
    a = FakeNode("a", b)
    assert topological_order([a]) == [a, b, c]


@pytest.mark.exercise("05", "topological_sort")
def test_topological_order_waits_for_every_consumer():
    #   top -> left -> bottom,  top -> bottom: bottom comes after left
    bottom = FakeNode("bottom")
    left = FakeNode("left", bottom)
    top = FakeNode("top", bottom, left)
    order = topological_order([top])
    assert order == [top, left, bottom]


@pytest.mark.exercise("05", "topological_sort")
def test_topological_order_lists_a_shared_node_once_and_skips_none():
    shared = FakeNode("shared")
    a = FakeNode("a", shared, None)
    b = FakeNode("b", shared, shared)
    root = FakeNode("root", a, b, None)
    order = topological_order([root])
    assert sorted(map(repr, order)) == ["a", "b", "root", "shared"]
    assert_before(order, root, a)
    assert_before(order, root, b)
    assert_before(order, a, shared)
    assert_before(order, b, shared)


@pytest.mark.exercise("05", "topological_sort")
def test_topological_order_of_a_deep_graph_needs_no_recursion():
    node = FakeNode("end")
    nodes = [node]
    for i in range(5000):
        node = FakeNode(f"n{i}", node)
        nodes.append(node)
    assert topological_order([node]) == nodes[::-1]


@pytest.mark.exercise("05", "topological_sort")
def test_topological_order_with_two_roots():
    shared = FakeNode("shared")
    first = FakeNode("first", shared)
    second = FakeNode("second", shared, first)
    order = topological_order([first, second])
    assert order == [second, first, shared]


def test_graph_records_names_and_edges():
    a, b = leaf([2.0, 3.0]), minitorch.tensor([4.0, 5.0])
    y = mul(a, b)
    assert repr(y.grad_fn).startswith("<MulBackward0 object at 0x")
    assert type(y.grad_fn).__name__ == "MulBackward0"
    assert y.grad_fn.name() == "MulBackward0"
    (first, index), second = y.grad_fn.next_functions
    assert isinstance(first, AccumulateGrad) and first.variable is a and index == 0
    assert second == (None, 0)
    assert y.requires_grad and a.grad_fn is None
    # the same leaf always sends its gradient to the same accumulator
    assert mul(a, a).grad_fn.next_functions[0][0] is first


def test_record_does_nothing_without_an_input_that_requires_grad():
    y = mul(minitorch.tensor([1.0]), minitorch.tensor([2.0]))
    assert y.grad_fn is None and not y.requires_grad


@pytest.mark.exercise("05", "backward")
def test_backward_of_a_product():
    a, b = leaf([2.0, 3.0]), leaf([4.0, 5.0])
    backward(total(mul(a, b)))
    np.testing.assert_array_equal(a.grad._array(), [4.0, 5.0])
    np.testing.assert_array_equal(b.grad._array(), [2.0, 3.0])


@pytest.mark.exercise("05", "backward")
def test_backward_adds_the_gradients_of_every_use():
    # z = sum(a*a + a): dz/da = 2a + 1
    a = leaf([1.0, -2.0])
    backward(total(add(mul(a, a), a)))
    np.testing.assert_array_equal(a.grad._array(), [3.0, -3.0])


@pytest.mark.exercise("05", "backward")
def test_backward_accumulates_into_grad_across_calls():
    a = leaf([1.0, 2.0])
    backward(total(mul(a, a)))
    backward(total(mul(a, a)))
    np.testing.assert_array_equal(a.grad._array(), [4.0, 8.0])


@pytest.mark.exercise("05", "backward")
def test_backward_with_an_explicit_gradient():
    a = leaf([1.0, 2.0])
    backward(mul(a, a), minitorch.tensor([1.0, 10.0]))
    np.testing.assert_array_equal(a.grad._array(), [2.0, 40.0])


@pytest.mark.exercise("05", "backward")
def test_backward_twice_needs_retain_graph():
    a = leaf([1.0, 2.0])
    z = total(mul(a, a))
    backward(z, retain_graph=True)
    backward(z)
    np.testing.assert_array_equal(a.grad._array(), [4.0, 8.0])
    with raises_runtime_error("Trying to backward through the graph a second time"):
        backward(z)


@pytest.mark.exercise("05", "backward")
def test_a_graph_without_saved_values_can_be_backwarded_again():
    a = leaf([1.0, 2.0])
    z = total(add(a, a))
    backward(z)
    backward(z)
    np.testing.assert_array_equal(a.grad._array(), [4.0, 4.0])


def test_backward_errors_are_pytorchs():
    with raises_runtime_error("^grad can be implicitly created only for scalar "
                              "outputs$"):
        backward(mul(leaf([1.0, 2.0]), leaf([1.0, 2.0])))
    with raises_runtime_error("^element 0 of tensors does not require grad and "
                              "does not have a grad_fn$"):
        backward(minitorch.tensor(1.0))
    with raises_runtime_error(r"^Mismatch in shape: grad_output\[0\] has a shape "
                              r"of torch.Size\(\[3\]\) and output\[0\] has a shape "
                              r"of torch.Size\(\[2\]\).$"):
        backward(mul(leaf([1.0, 2.0]), leaf([1.0, 2.0])), minitorch.tensor([1.0, 1.0, 1.0]))


@pytest.mark.exercise("05", "backward")
def test_grad_returns_gradients_and_leaves_dot_grad_alone():
    a, b = leaf([1.0, 2.0]), leaf([3.0, 4.0])
    y = mul(a, b)
    grad_a, grad_y = grad(total(y), [a, y])
    np.testing.assert_array_equal(grad_a._array(), [3.0, 4.0])
    np.testing.assert_array_equal(grad_y._array(), [1.0, 1.0])
    assert a.grad is None and b.grad is None


@pytest.mark.exercise("05", "backward")
def test_grad_refuses_an_unused_input():
    a, unused = leaf([1.0]), leaf([1.0])
    with raises_runtime_error("^The differentiated Tensor at index 1 appears to "
                              "not have been used in the graph"):
        grad(total(mul(a, a)), [a, unused])
    assert grad(total(mul(a, a)), [a, unused], allow_unused=True)[1] is None


def test_an_invalid_formula_result_is_reported_like_pytorch():
    a = leaf([1.0, 2.0])
    y = record(minitorch.tensor([1.0, 2.0, 3.0]), (a,), "ExpandBackward0")  # wrong on purpose
    with raises_runtime_error(r"^Function ExpandBackward0 returned an invalid "
                              r"gradient at index 0 - got \[3\] but expected shape "
                              r"compatible with \[2\]$"):
        backward(y, minitorch.tensor([1.0, 1.0, 1.0]))
