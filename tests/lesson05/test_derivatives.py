"""Lesson 05: every derivative formula against PyTorch's autograd.

A formula takes NumPy arrays (``grad, inputs, output, saved``), so each one is checked
directly: the same inputs go through PyTorch with ``requires_grad=True``, ``backward``
with the same random ``grad``, and the two sets of input gradients must agree.  Each case
also checks that the formula is registered under the ``grad_fn`` name PyTorch gives
the op.
"""

import pathlib
import re

import numpy as np
import pytest
from hypothesis import Phase, given, settings, strategies as st
from hypothesis.extra import numpy as hnp

import minitorch
from minitorch.autograd.derivatives import FORMULAS
from minitorch.autograd.derivatives.arithmetic import mul_backward
from minitorch.autograd.derivatives.products import matrix_product_backward

# An unfinished exercise fails every example: report it at once instead of shrinking.
REPORT_AT_ONCE = (Phase.explicit, Phase.reuse, Phase.generate)

RNG = np.random.default_rng(2024)


def normal(*shape):
    return RNG.standard_normal(shape)


def positive(*shape):
    return RNG.uniform(0.5, 2.0, shape)


def torch_reference(torch, function, values):
    """PyTorch's output for ``function(torch, *values)`` and its input tensors (float arrays
    require grad; integer arrays and numbers are passed as they are)."""
    inputs = []
    for value in values:
        if isinstance(value, np.ndarray):
            differentiable = value.dtype.kind == "f"
            inputs.append(torch.tensor(value, requires_grad=differentiable))
        else:
            inputs.append(value)
    return function(torch, *inputs), inputs


def check_formula(torch, name, function, values, saved=None, torch_name=None, seed=0):
    output, inputs = torch_reference(torch, function, values)
    assert output.grad_fn.name() == (torch_name or name)
    grad = np.random.default_rng(seed).standard_normal(tuple(output.shape))
    output.backward(torch.from_numpy(grad))
    ours = FORMULAS[name](grad, tuple(values), output.detach().numpy(), dict(saved or {}))
    ours = ours if isinstance(ours, tuple) else (ours,)
    for index, (value, tensor) in enumerate(zip(values, inputs)):
        if isinstance(value, np.ndarray) and value.dtype.kind == "f":
            assert np.shape(ours[index]) == value.shape, f"input {index}: wrong shape"
            np.testing.assert_allclose(ours[index], tensor.grad.numpy(), rtol=1e-7, atol=1e-10,
                                       err_msg=f"{name}: gradient of input {index}")


CASES = [
    # id, grad_fn name, function(torch, *inputs), inputs, saved[, PyTorch's name if different]
    ("add-broadcast", "AddBackward0", lambda torch, a, b: a + b, (normal(2, 3), normal(3)), {}),
    ("add-alpha", "AddBackward0", lambda torch, a, b: a.add(b, alpha=2.5),
     (normal(2, 1), normal(3)),
     {"alpha": 2.5}),
    ("add-number", "AddBackward0", lambda torch, a, b: a + b, (normal(3), 2.0), {}),
    ("sub-broadcast", "SubBackward0", lambda torch, a, b: a - b, (normal(2, 1), normal(1, 3)), {}),
    ("sub-alpha", "SubBackward0", lambda torch, a, b: a.sub(b, alpha=3), (normal(4), normal(2, 4)),
     {"alpha": 3}),
    ("mul-broadcast", "MulBackward0", lambda torch, a, b: a * b, (normal(2, 3), normal(2, 1)), {}),
    ("mul-number", "MulBackward0", lambda torch, a, b: a * b, (normal(2, 3), 3.0), {}),
    ("div", "DivBackward0", lambda torch, a, b: a / b, (normal(3), positive(2, 3)), {}),
    ("div-floor", "DivBackward0", lambda torch, a, b: a.div(b, rounding_mode="floor"),
     (normal(3), positive(3)), {"rounding_mode": "floor"}, "DivBackward2"),
    ("pow-number", "PowBackward0", lambda torch, a, b: a ** b, (normal(3), 3), {}),
    ("pow-zero", "PowBackward0", lambda torch, a, b: a ** b, (normal(3), 0), {}),
    ("pow-tensors", "PowBackward1", lambda torch, a, b: a ** b, (positive(2, 3), normal(3)), {}),
    ("pow-number-base", "PowBackward2", lambda torch, a, b: a ** b, (2.0, normal(3)), {}),
    ("remainder", "RemainderBackward1", lambda torch, a, b: a % b, (normal(4), positive(4)), {}),
    ("neg", "NegBackward0", lambda torch, a: -a, (normal(2, 2),), {}),
    ("abs", "AbsBackward0", lambda torch, a: a.abs(), (normal(5),), {}),
    ("exp", "ExpBackward0", lambda torch, a: a.exp(), (normal(2, 3),), {}),
    ("log", "LogBackward0", lambda torch, a: a.log(), (positive(2, 3),), {}),
    ("sqrt", "SqrtBackward0", lambda torch, a: a.sqrt(), (positive(4),), {}),
    ("sin", "SinBackward0", lambda torch, a: a.sin(), (normal(4),), {}),
    ("cos", "CosBackward0", lambda torch, a: a.cos(), (normal(4),), {}),
    ("tanh", "TanhBackward0", lambda torch, a: a.tanh(), (normal(4),), {}),
    ("sigmoid", "SigmoidBackward0", lambda torch, a: a.sigmoid(), (normal(4),), {}),
    ("relu", "ReluBackward0", lambda torch, a: a.relu(), (normal(3, 4),), {}),
    ("floor", "FloorBackward0", lambda torch, a: a.floor(), (normal(4),), {}),
    ("round", "RoundBackward0", lambda torch, a: a.round(), (normal(4),), {}),
    ("sign", "SignBackward0", lambda torch, a: a.sign(), (normal(4),), {}),
    ("maximum", "MaximumBackward0", lambda torch, a, b: a.maximum(b),
     (np.array([1.0, 2.0, 3.0]), np.array([[3.0, 2.0, 1.0], [0.0, 5.0, 3.0]])), {}),
    ("minimum", "MinimumBackward0", lambda torch, a, b: a.minimum(b),
     (np.array([1.0, 2.0, 3.0]), np.array([[3.0, 2.0, 1.0], [0.0, 5.0, 3.0]])), {}),
    ("clamp-numbers", "ClampBackward1", lambda torch, a, lo, hi: a.clamp(lo, hi),
     (normal(10), -0.5, 0.5), {"min": True, "max": True}),
    ("clamp-max-only", "ClampBackward1", lambda torch, a, hi: a.clamp(max=hi), (normal(10), 0.3),
     {"min": False, "max": True}),
    ("clamp-tensor-min", "ClampBackward0", lambda torch, a, lo: a.clamp(min=lo),
     (normal(2, 5), normal(5)), {"min": True, "max": False}),
    ("sum-all", "SumBackward0", lambda torch, a: a.sum(), (normal(2, 3),), {}),
    ("sum-dim", "SumBackward1", lambda torch, a: a.sum(1), (normal(2, 3, 4),), {"dim": 1}),
    ("sum-dims-keepdim", "SumBackward1", lambda torch, a: a.sum((0, -1), keepdim=True),
     (normal(2, 3, 4),), {"dim": (0, -1), "keepdim": True}),
    ("mean-all", "MeanBackward0", lambda torch, a: a.mean(), (normal(3, 4),), {}),
    ("mean-dim", "MeanBackward1", lambda torch, a: a.mean(-1), (normal(3, 4),), {"dim": -1}),
    ("prod-all", "ProdBackward0", lambda torch, a: a.prod(), (normal(2, 3),), {}),
    ("prod-with-zero", "ProdBackward0", lambda torch, a: a.prod(),
     (np.array([[2.0, 0.0], [3.0, 4.0]]),), {}),
    ("prod-dim", "ProdBackward1", lambda torch, a: a.prod(0, keepdim=True),
     (np.array([[2.0, 0.0, 1.0], [3.0, 4.0, 0.0], [0.0, 1.0, 0.0]]),),
     {"dim": 0, "keepdim": True}),
    ("max-all-ties", "MaxBackward1", lambda torch, a: a.max(),
     (np.array([[1.0, 5.0], [5.0, 2.0]]),), {}),
    ("max-dim", "MaxBackward0", lambda torch, a: a.max(1).values, (normal(3, 4),), {"dim": 1}),
    ("min-dim-keepdim", "MinBackward0", lambda torch, a: a.min(0, keepdim=True).values,
     (normal(3, 4),), {"dim": 0, "keepdim": True}),
    ("var", "VarBackward0", lambda torch, a: a.var(), (normal(3, 4),), {}),
    ("var-dim", "VarBackward0", lambda torch, a: a.var(1, keepdim=True, correction=0),
     (normal(3, 4),), {"dim": 1, "keepdim": True, "correction": 0}),
    ("std-dim", "StdBackward0", lambda torch, a: a.std(0), (normal(3, 4),), {"dim": 0}),
    ("norm-2", "LinalgVectorNormBackward0", lambda torch, a: a.norm(), (normal(3, 4),), {}),
    ("norm-1-dim", "LinalgVectorNormBackward0", lambda torch, a: a.norm(p=1, dim=1),
     (normal(3, 4),), {"p": 1, "dim": 1}),
    ("norm-3", "LinalgVectorNormBackward0", lambda torch, a: a.norm(p=3), (normal(5),), {"p": 3}),
    ("softmax", "SoftmaxBackward0", lambda torch, a: a.softmax(1), (normal(3, 4),), {"dim": 1}),
    ("log-softmax", "LogSoftmaxBackward0", lambda torch, a: a.log_softmax(0), (normal(3, 4),),
     {"dim": 0}),
    ("mm", "MmBackward0", lambda torch, a, b: a @ b, (normal(2, 3), normal(3, 4)), {}),
    ("mv", "MvBackward0", lambda torch, a, b: a @ b, (normal(2, 3), normal(3)), {}),
    ("dot", "DotBackward0", lambda torch, a, b: a @ b, (normal(3), normal(3)), {}),
    ("bmm", "BmmBackward0", lambda torch, a, b: a.bmm(b), (normal(2, 2, 3), normal(2, 3, 4)), {}),
    ("matmul-batch-broadcast", "MmBackward0", lambda torch, a, b: a @ b,
     (normal(3, 2, 4), normal(4, 5)), {}, "UnsafeViewBackward0"),
    ("matmul-vector-batch", "MmBackward0", lambda torch, a, b: a @ b,
     (normal(4), normal(2, 4, 3)), {}, "UnsafeViewBackward0"),
    ("matmul-vector-matrix", "MmBackward0", lambda torch, a, b: a @ b,
     (normal(4), normal(4, 3)), {},
     "SqueezeBackward4"),
    ("view", "ViewBackward0", lambda torch, a: a.view(3, 2), (normal(2, 3),), {}),
    ("transpose", "TransposeBackward0", lambda torch, a: a.transpose(0, 2), (normal(2, 3, 4),),
     {"dim0": 0, "dim1": 2}),
    ("t", "TBackward0", lambda torch, a: a.t(), (normal(2, 3),), {}),
    ("permute", "PermuteBackward0", lambda torch, a: a.permute(2, 0, 1), (normal(2, 3, 4),),
     {"dims": (2, 0, 1)}),
    ("expand", "ExpandBackward0", lambda torch, a: a.expand(4, 2, 3), (normal(2, 1),), {}),
    ("unsqueeze", "UnsqueezeBackward0", lambda torch, a: a.unsqueeze(1), (normal(2, 3),), {}),
    ("squeeze", "SqueezeBackward1", lambda torch, a: a.squeeze(1), (normal(2, 1, 3),), {}),
    ("clone", "CloneBackward0", lambda torch, a: a.clone(), (normal(3),), {}),
    ("select", "SelectBackward0", lambda torch, a: a[1], (normal(3, 2),), {"key": (1,)}),
    ("slice", "SliceBackward0", lambda torch, a: a[:, 1:], (normal(3, 3),),
     {"key": (slice(None), slice(1, None))}),
    ("index-repeats", "IndexBackward0", lambda torch, a: a[[0, 2, 0]], (normal(3, 2),),
     {"key": (np.array([0, 2, 0]),)}),
    ("gather", "GatherBackward0", lambda torch, a: a.gather(1, torch.tensor([[0, 0], [1, 0]])),
     (normal(2, 3),), {"dim": 1, "index": np.array([[0, 0], [1, 0]])}),
    ("cat", "CatBackward0", lambda torch, a, b: torch.cat([a, b], 1),
     (normal(2, 3), normal(2, 1)), {"dim": 1}),
    ("stack", "StackBackward0", lambda torch, a, b: torch.stack([a, b], -1),
     (normal(2, 3), normal(2, 3)), {"dim": -1}),
    ("where", "WhereBackward0", lambda torch, a, b: torch.where(
        torch.tensor([True, False, True]), a, b), (normal(2, 3), normal(3)),
     {"condition": np.array([True, False, True])}),
    ("mse-mean", "MseLossBackward0",
     lambda torch, a, b: torch.nn.functional.mse_loss(a, b), (normal(4, 2), normal(4, 2)),
     {}),
    ("mse-sum", "MseLossBackward0",
     lambda torch, a, b: torch.nn.functional.mse_loss(a, b, reduction="sum"),
     (normal(3), normal(3)), {"reduction": "sum"}),
    ("cross-entropy", "NllLossBackward0",
     lambda torch, a, t: torch.nn.functional.cross_entropy(a, t),
     (normal(4, 3), np.array([0, 2, 1, 2])), {}),
    ("cross-entropy-weighted-ignore", "NllLossBackward0",
     lambda torch, a, t: torch.nn.functional.cross_entropy(
         a, t, weight=torch.tensor([1.0, 2.0, 0.5], dtype=torch.float64),
         ignore_index=1), (normal(5, 3), np.array([0, 2, 1, 2, 0])),
     {"weight": np.array([1.0, 2.0, 0.5]), "ignore_index": 1}),
    ("cross-entropy-none", "NllLossBackward0",
     lambda torch, a, t: torch.nn.functional.cross_entropy(a, t, reduction="none"),
     (normal(4, 3), np.array([0, 2, 1, 2])), {"reduction": "none"}),
    ("cross-entropy-probabilities", "NllLossBackward0",
     lambda torch, a, t: torch.nn.functional.cross_entropy(a, t),
     (normal(4, 3), RNG.dirichlet(np.ones(3), 4)), {}, "DivBackward1"),
]


@pytest.mark.parametrize("case", CASES, ids=[case[0] for case in CASES])
def test_formula_matches_torch(torch, case):
    _, name, function, values, saved, *torch_name = case
    check_formula(torch, name, function, values, saved, *torch_name)


@pytest.mark.exercise("05", "mul_backward")
def test_mul_backward_by_hand():
    a, b = np.array([2.0, 3.0]), np.array([[1.0], [10.0]])
    grad_a, grad_b = mul_backward(np.ones((2, 2)), (a, b), a * b, {})
    np.testing.assert_array_equal(grad_a, [11.0, 11.0])
    np.testing.assert_array_equal(grad_b, [[5.0], [5.0]])


@pytest.mark.exercise("05", "mul_backward")
def test_mul_backward_with_a_number():
    grad_a, _ = mul_backward(np.array([1.0, -2.0]), (np.array([4.0, 5.0]), 3.0), None, {})
    np.testing.assert_array_equal(grad_a, [3.0, -6.0])


@pytest.mark.exercise("05", "mul_backward")
@settings(max_examples=40, deadline=None, phases=REPORT_AT_ONCE)
@given(hnp.mutually_broadcastable_shapes(num_shapes=2, max_dims=3, max_side=3),
       st.integers(0, 2 ** 32 - 1))
def test_mul_backward_matches_torch(torch, shapes, seed):
    rng = np.random.default_rng(seed)
    a, b = (rng.standard_normal(shape) for shape in shapes.input_shapes)
    check_formula(torch, "MulBackward0", lambda torch, x, y: x * y, (a, b), seed=seed)


@pytest.mark.exercise("05", "matmul_backward")
def test_matrix_product_backward_by_hand():
    a, b = np.eye(2), np.array([[1.0, 2.0], [3.0, 4.0]])
    grad_a, grad_b = matrix_product_backward(np.ones((2, 2)), a, b)
    np.testing.assert_array_equal(grad_a, [[3.0, 7.0], [3.0, 7.0]])
    np.testing.assert_array_equal(grad_b, [[1.0, 1.0], [1.0, 1.0]])


@pytest.mark.exercise("05", "matmul_backward")
@settings(max_examples=40, deadline=None, phases=REPORT_AT_ONCE)
@given(st.integers(1, 3), st.integers(1, 3), st.integers(1, 3),
       hnp.mutually_broadcastable_shapes(num_shapes=2, max_dims=2, max_side=3),
       st.integers(0, 2 ** 32 - 1))
def test_matmul_backward_matches_torch_with_batches(torch, n, m, p, batches, seed):
    rng = np.random.default_rng(seed)
    a = rng.standard_normal(batches.input_shapes[0] + (n, m))
    b = rng.standard_normal(batches.input_shapes[1] + (m, p))
    output = torch.tensor(a, requires_grad=True) @ torch.tensor(b, requires_grad=True)
    name = output.grad_fn.name()
    check_formula(torch, "MmBackward0", lambda torch, x, y: x @ y, (a, b), torch_name=name,
                  seed=seed)


# Recorded by ops that minitorch cannot differentiate (backward raises PyTorch's error).
WITHOUT_FORMULA = {"LinalgSvdBackward0", "LinalgMatrixNormBackward0", "AsStridedBackward0"}


def test_every_recorded_name_has_a_formula():
    """Every ``"...Backward<n>"`` name the package's ops record finds its derivative."""
    package = pathlib.Path(minitorch.__file__).parent
    recorded = set()
    for path in package.rglob("*.py"):
        if "autograd" not in path.parts:
            recorded |= set(re.findall(r'"([A-Z][A-Za-z]*Backward\d)"', path.read_text()))
    assert "MulBackward0" in recorded and "SumBackward1" in recorded
    assert sorted(recorded - set(FORMULAS)) == sorted(WITHOUT_FORMULA & recorded)
