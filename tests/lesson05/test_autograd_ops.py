"""Lesson 05: gradients through the real operations match PyTorch's.

Each case builds the same expression from the same float64 leaves in minitorch and in
PyTorch, checks the value and the ``grad_fn`` name, backpropagates the same random
gradient and compares every leaf's ``.grad``.
"""

import numpy as np
import pytest
from hypothesis import Phase, given, settings, strategies as st
from hypothesis.extra import numpy as hnp

import minitorch
from strategies import shapes

# An unfinished exercise fails every example: report it at once instead of shrinking.
REPORT_AT_ONCE = (Phase.explicit, Phase.reuse, Phase.generate)


def compare(torch, build, arrays, seed=0, same_name=True, rtol=1e-7):
    """Run ``build(library, *leaves)`` in both libraries and compare values and grads."""
    ours = [minitorch.tensor(np.asarray(a, dtype=np.float64), requires_grad=True) for a in arrays]
    theirs = [torch.tensor(np.asarray(a, dtype=np.float64), requires_grad=True) for a in arrays]
    our_out, their_out = build(minitorch, *ours), build(torch, *theirs)
    np.testing.assert_allclose(our_out._array(), their_out.detach().numpy(), rtol=rtol,
                               atol=1e-12)
    if same_name:
        assert type(our_out.grad_fn).__name__ == type(their_out.grad_fn).__name__
    grad = np.random.default_rng(seed).standard_normal(tuple(their_out.shape))
    our_out.backward(minitorch.tensor(grad))
    their_out.backward(torch.tensor(grad))
    for index, (mine, reference) in enumerate(zip(ours, theirs)):
        if reference.grad is None:
            assert mine.grad is None, f"leaf {index} should get no gradient"
            continue
        assert mine.grad is not None, f"leaf {index} got no gradient"
        assert mine.grad.dtype == minitorch.float64 and mine.grad.shape == reference.grad.shape
        np.testing.assert_allclose(mine.grad._array(), reference.grad.numpy(), rtol=rtol,
                                   atol=1e-10, err_msg=f"gradient of leaf {index}")


def data(shape, seed=0, low=None):
    values = np.random.default_rng(seed).standard_normal(shape)
    return values if low is None else np.abs(values) + low


BINARY = {
    "add": lambda lib, a, b: a + b,
    "sub": lambda lib, a, b: a - b,
    "mul": lambda lib, a, b: a * b,
    "div": lambda lib, a, b: a / b,
    "pow": lambda lib, a, b: a ** b,
    "maximum": lambda lib, a, b: lib.maximum(a, b),
    "add-alpha": lambda lib, a, b: lib.add(a, b, alpha=0.5),
}


@pytest.mark.parametrize("name", BINARY)
@settings(max_examples=15, deadline=None, phases=REPORT_AT_ONCE)
@given(shapes=hnp.mutually_broadcastable_shapes(num_shapes=2, max_dims=3, max_side=3),
       seed=st.integers(0, 1000))
def test_binary_ops_with_broadcasting(torch, name, shapes, seed):
    a, b = data(shapes.input_shapes[0], seed), data(shapes.input_shapes[1], seed + 1)
    if name in ("div", "pow"):
        a, b = np.abs(a) + 0.5, b if name == "pow" else np.abs(b) + 0.5
    compare(torch, BINARY[name], (a, b), seed)


UNARY = {
    "neg": lambda lib, a: -a, "abs": lambda lib, a: a.abs(), "exp": lambda lib, a: a.exp(),
    "log": lambda lib, a: (a.abs() + 0.1).log(), "sqrt": lambda lib, a: (a * a + 1).sqrt(),
    "sin": lambda lib, a: a.sin(), "cos": lambda lib, a: a.cos(),
    "tanh": lambda lib, a: a.tanh(), "sigmoid": lambda lib, a: a.sigmoid(),
    "relu": lambda lib, a: a.relu(), "square": lambda lib, a: a ** 2,
    "reciprocal": lambda lib, a: 1 / (a * a + 1), "rsub": lambda lib, a: 3 - a,
    "outer": lambda lib, a: lib.outer(a.flatten(), a.flatten().exp()),
    "clamp": lambda lib, a: a.clamp(-0.5, 0.5), "clamp-max": lambda lib, a: a.clamp(max=0.2),
    "softmax": lambda lib, a: lib.softmax(a, -1),
    "log-softmax": lambda lib, a: lib.log_softmax(a, 0),
}


@pytest.mark.parametrize("name", UNARY)
@settings(max_examples=10, deadline=None, phases=REPORT_AT_ONCE)
@given(shape=shapes(min_dims=1, max_dims=3, min_side=1, max_side=4), seed=st.integers(0, 1000))
def test_unary_ops(torch, name, shape, seed):
    compare(torch, UNARY[name], (data(shape, seed),), seed)


REDUCTIONS = {
    "sum": lambda lib, a, dim, keep: a.sum(dim, keepdim=keep),
    "mean": lambda lib, a, dim, keep: a.mean(dim, keepdim=keep),
    "prod": lambda lib, a, dim, keep: a.prod(dim, keepdim=keep),
    "max": lambda lib, a, dim, keep: a.max(dim, keepdim=keep).values,
    "min": lambda lib, a, dim, keep: a.min(dim, keepdim=keep).values,
    "var": lambda lib, a, dim, keep: a.var(dim, keepdim=keep),
    "std": lambda lib, a, dim, keep: a.std(dim, keepdim=keep, correction=0),
    "norm": lambda lib, a, dim, keep: a.norm(dim=dim, keepdim=keep),
    "softmax": lambda lib, a, dim, keep: a.softmax(dim),
}


@pytest.mark.parametrize("name", REDUCTIONS)
@settings(max_examples=10, deadline=None, phases=REPORT_AT_ONCE)
@given(shape=shapes(min_dims=1, max_dims=3, min_side=2, max_side=4), seed=st.integers(0, 1000),
       data_=st.data())
def test_reductions_over_a_dim(torch, name, shape, seed, data_):
    dim = data_.draw(st.integers(-len(shape), len(shape) - 1))
    keep = data_.draw(st.booleans())
    compare(torch, lambda lib, a: REDUCTIONS[name](lib, a, dim, keep), (data(shape, seed),),
            seed)


@pytest.mark.parametrize("build", [
    lambda lib, a: a.sum(), lambda lib, a: a.mean(), lambda lib, a: a.prod(),
    lambda lib, a: a.max(), lambda lib, a: a.norm(), lambda lib, a: a.var(),
    lambda lib, a: a.sum((0, 2)), lambda lib, a: a.mean((-1, 0), keepdim=True),
], ids=["sum", "mean", "prod", "max", "norm", "var", "sum-dims", "mean-dims-keepdim"])
def test_full_and_multi_dim_reductions(torch, build):
    compare(torch, build, (data((2, 3, 4)),))


@pytest.mark.parametrize("left, right", [((2, 3), (3, 4)), ((3,), (3,)), ((2, 3), (3,)),
                                         ((3,), (3, 2)), ((4, 2, 3), (3, 5)),
                                         ((2, 1, 2, 3), (4, 3, 2)), ((3,), (2, 3, 4))])
def test_matmul_shapes(torch, left, right):
    compare(torch, lambda lib, a, b: a @ b, (data(left), data(right, 1)), same_name=False)


VIEWS = {
    "view": lambda lib, a: a.view(4, 3) * 2,
    "reshape-copy": lambda lib, a: a.t().reshape(-1),
    "transpose": lambda lib, a: a.transpose(0, 1),
    "t": lambda lib, a: a.t(),
    "permute": lambda lib, a: a.unsqueeze(0).permute(2, 0, 1),
    "expand": lambda lib, a: a[:, :1].expand(3, 5),
    "squeeze": lambda lib, a: a[:1].squeeze(0),
    "unsqueeze": lambda lib, a: a.unsqueeze(-1),
    "index-int": lambda lib, a: a[1],
    "index-slice": lambda lib, a: a[1:, ::2],
    "index-list": lambda lib, a: a[[0, 2, 0]],
    "index-mask": lambda lib, a: a[a > 0],
    "select": lambda lib, a: a.select(1, 2),
    "narrow": lambda lib, a: a.narrow(1, 1, 2),
    "flatten": lambda lib, a: a.flatten(),
    "clone": lambda lib, a: a.clone(),
    "contiguous": lambda lib, a: a.t().contiguous(),
    "to-float32": lambda lib, a: a.to(lib.float32) * 2,
    "cat": lambda lib, a: lib.cat([a, a * 2], 1),
    "stack": lambda lib, a: lib.stack([a, a.exp()], 0),
    "where": lambda lib, a: lib.where(a > 0, a, a * a),
    "gather": lambda lib, a: a.gather(1, lib.tensor([[0, 0], [1, 3], [2, 2]])),
    "chunk": lambda lib, a: a.chunk(2, 1)[1],
}


@pytest.mark.parametrize("name", VIEWS)
def test_views_copies_and_selection(torch, name):
    compare(torch, VIEWS[name], (data((3, 4)),), same_name=name not in ("to-float32",),
            rtol=1e-6)


def test_losses(torch):
    rng = np.random.default_rng(0)
    target = rng.standard_normal((4, 3))
    compare(torch, lambda lib, a: lib.nn.functional.mse_loss(a, lib.tensor(target)),
            (data((4, 3)),))
    labels = [0, 2, 1, 2]
    compare(torch, lambda lib, a: lib.nn.functional.cross_entropy(a, lib.tensor(labels)),
            (data((4, 3)),))


def test_a_small_network_end_to_end(torch):
    def network(lib, x, w1, b1, w2):
        hidden = (x @ w1.t() + b1).relu()
        return ((hidden @ w2).sigmoid() - 0.5).pow(2).mean()

    compare(torch, network, (data((5, 3)), data((4, 3), 1), data((4,), 2), data((4, 1), 3)))


@settings(max_examples=20, deadline=None, phases=REPORT_AT_ONCE)
@given(shape=shapes(min_dims=1, max_dims=4, min_side=1, max_side=3), data_=st.data())
def test_random_chains_of_views(torch, shape, data_):
    """permute, then a slice, an unsqueeze and a reshape: the gradient finds its way back."""
    order = data_.draw(st.permutations(range(len(shape))))
    step = data_.draw(st.integers(1, 2))

    def chain(lib, a):
        moved = a.permute(*order)[..., ::step].unsqueeze(0)
        return (moved.reshape(-1) * lib.arange(moved.numel())).exp()

    compare(torch, chain, (data(shape),), same_name=False)
