"""Lesson 05: the autograd side of ``Tensor`` through real operations — ``backward``,
``.grad``, ``requires_grad_``, ``detach``, ``retain_grad``, hooks, ``no_grad`` — printed
and raising as in PyTorch."""

import pytest

import minitorch
from raising import raises_runtime_error


def test_lecture_example_w_squared():
    w = minitorch.tensor(2.0, requires_grad=True)
    z = 10 * w ** 2 + 25
    z.backward()
    assert repr(w.grad) == "tensor(40.)"
    assert repr(z) == "tensor(65., grad_fn=<AddBackward0>)"


def test_reprs_and_grad_fn_chain_match_torch(torch):
    def build(lib):
        a = lib.tensor([1.0, 2.0], requires_grad=True)
        y = (a * 3).sum()
        return a, y

    (a, y), (ta, ty) = build(minitorch), build(torch)
    assert repr(a) == repr(ta) and repr(y) == repr(ty)
    names = lambda node: [type(n).__name__ if n is not None else None
                          for n, _ in node.next_functions]
    assert names(y.grad_fn) == names(ty.grad_fn) == ["MulBackward0"]
    assert names(y.grad_fn.next_functions[0][0]) == names(ty.grad_fn.next_functions[0][0])
    assert y.grad_fn.next_functions[0][0].next_functions[0][0].variable is a


def test_requires_grad_spreads_and_leaves_are_leaves():
    a = minitorch.ones(2, requires_grad=True)
    b = minitorch.ones(2)
    c = a + b
    assert c.requires_grad and not c.is_leaf and a.is_leaf and b.is_leaf
    assert not (b * 2).requires_grad and (b * 2).grad_fn is None
    assert not (a > 0).requires_grad  # comparisons carry no gradient
    assert not a.argmax().requires_grad


def test_requires_grad_errors_match_torch(torch):
    for library in (minitorch, torch):
        with raises_runtime_error("only Tensors of floating point dtype can "
                                  "require gradients"):
            library.tensor([1, 2]).requires_grad_()
        with raises_runtime_error("you can only change requires_grad flags of "
                                  "leaf variables"):
            (library.ones(1, requires_grad=True) * 2).requires_grad_(False)
        with raises_runtime_error("Can't call numpy\\(\\) on Tensor that requires "
                                  "grad"):
            library.ones(1, requires_grad=True).numpy()


def test_requires_grad_underscore_returns_self():
    a = minitorch.ones(2)
    assert a.requires_grad_() is a and a.requires_grad
    (a * a).sum().backward()
    assert a.grad.tolist() == [2.0, 2.0]


def test_detach_and_data_share_memory_without_grad():
    a = minitorch.tensor([1.0, 2.0], requires_grad=True)
    for cut in (a.detach(), a.data, (a * 1).detach()):
        assert not cut.requires_grad and cut.grad_fn is None and cut.is_leaf
    d = a.detach()
    d[0] = 5.0
    assert a[0].item() == 5.0
    a.data = minitorch.tensor([7.0, 8.0])
    assert a.tolist() == [7.0, 8.0] and a.requires_grad


def test_gradients_accumulate_until_zeroed():
    a = minitorch.tensor([1.0, 2.0], requires_grad=True)
    for _ in range(3):
        (a * a).sum().backward()
    assert a.grad.tolist() == [6.0, 12.0]
    a.grad = None
    (a * 2).sum().backward()
    assert a.grad.tolist() == [2.0, 2.0]


def test_non_leaf_grad_is_none_unless_retained():
    a = minitorch.tensor([1.0, 2.0], requires_grad=True)
    y = a * 3
    z = a * 4
    z.retain_grad()
    (y.sum() + (z * z).sum()).backward()
    assert y.grad is None and not y.retains_grad
    assert z.retains_grad and z.grad.tolist() == [8.0, 16.0]
    assert a.grad.tolist() == [3.0 + 32.0, 3.0 + 64.0]


def test_hooks_see_and_can_replace_the_gradient():
    a = minitorch.tensor([1.0, 2.0], requires_grad=True)
    seen = []
    handle = a.register_hook(lambda grad: seen.append(grad.tolist()))
    y = a * 3
    y.register_hook(lambda grad: grad * 10)
    y.sum().backward()
    assert seen == [[30.0, 30.0]] and a.grad.tolist() == [30.0, 30.0]
    handle.remove()
    (a * 1).sum().backward()
    assert len(seen) == 1
    with raises_runtime_error("cannot register a hook on a tensor that doesn't "
                              "require gradient"):
        minitorch.ones(1).register_hook(print)


def test_no_grad_with_real_operations():
    a = minitorch.ones(2, requires_grad=True)
    with minitorch.no_grad():
        b = a * 2
        assert repr(b) == "tensor([2., 2.])"
    assert not b.requires_grad and b.grad_fn is None
    with minitorch.no_grad():
        with minitorch.enable_grad():
            assert (a * 2).requires_grad

    @minitorch.no_grad()
    def evaluate(x):
        return x.exp()

    assert not evaluate(a).requires_grad


def test_a_training_step_by_hand_under_no_grad():
    # the lecture's gradient descent: w -= lr * grad, inside no_grad, then zero the grad
    w = minitorch.tensor([0.0], requires_grad=True)
    for _ in range(100):
        loss = ((w - 3.0) ** 2).sum()
        loss.backward()
        with minitorch.no_grad():
            w -= 0.1 * w.grad
        w.grad.zero_()
    assert abs(w.item() - 3.0) < 1e-4 and w.is_leaf and w.requires_grad


def test_in_place_update_of_a_leaf_needs_no_grad(torch):
    for library in (torch, minitorch):
        w = library.ones(2, requires_grad=True)
        with raises_runtime_error("^a leaf Variable that requires grad is being used in an "
                                  "in-place operation.$"):
            w.add_(1)
        with raises_runtime_error("^a view of a leaf Variable that requires grad is being used "
                                  "in an in-place operation.$"):
            w[0] = 5.0
        with library.no_grad():
            w[0] = 5.0
            w.add_(1)
        assert w.tolist() == [6.0, 2.0]


def test_in_place_on_a_computed_tensor_is_refused_not_silently_wrong():
    y = minitorch.ones(2, requires_grad=True) * 2
    with pytest.raises(NotImplementedError, match="minitorch does not record in-place "
                                                  "operations"):
        y.mul_(3)


def test_integer_results_do_not_require_grad():
    a = minitorch.tensor([1.5, 2.5], requires_grad=True)
    assert a.floor().requires_grad  # float result: yes (zero gradient)
    assert not a.long().requires_grad


def test_mixed_dtypes_give_each_leaf_its_own_dtype():
    a = minitorch.ones(2, requires_grad=True)
    b = minitorch.ones(2, dtype=minitorch.float64, requires_grad=True)
    (a * b).sum().backward()
    assert a.grad.dtype == minitorch.float32 and b.grad.dtype == minitorch.float64


@pytest.mark.parametrize("expression", ["a + 3", "a * 3", "a / 3", "a ** 3", "3 ** a",
                                        "a.clamp(0, 1)", "a - b", "a * b", "(a * b).sum()"])
def test_next_functions_match_torch(torch, expression):
    def edges(library):
        a = library.tensor([1.0, 2.0], requires_grad=True)
        b = library.tensor([3.0, 4.0])
        node = eval(expression, {"a": a, "b": b})
        return [(type(n).__name__ if n is not None else None, i) for n, i in
                node.grad_fn.next_functions]

    assert edges(minitorch) == edges(torch)
