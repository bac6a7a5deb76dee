"""Hidden tests of lesson 06 (instructor only; run by ``minitorch-course grade 06``):
``SGD.step`` and ``train_epoch`` on tiny problems whose numbers are worked out by hand
(the SGD trajectories agree with ``torch.optim.SGD``)."""

import math

import numpy as np
import pytest

import minitorch
from minitorch import nn, optim
from minitorch.utils import train_epoch
from minitorch.utils.data import DataLoader, TensorDataset


def param(values):
    return nn.Parameter(minitorch.tensor(values))


def run_steps(optimizer, p, grads):
    for g in grads:
        p.grad = minitorch.tensor(g)
        optimizer.step()


# -- SGD.step -----------------------------------------------------------------------------
@pytest.mark.exercise("06", "sgd_step")
def test_sgd_hidden_weight_decay_momentum_dampening():
    # step 1: d = 2 + 0.1 * 1 = 2.1, buf = 2.1, p = 1 - 0.21 = 0.79
    # step 2: d = 2 + 0.1 * 0.79 = 2.079, buf = 0.5 * 2.1 + 0.5 * 2.079 = 2.0895,
    #         p = 0.79 - 0.20895 = 0.58105
    p = param([1.0])
    optimizer = optim.SGD([p], lr=0.1, momentum=0.5, dampening=0.5, weight_decay=0.1)
    run_steps(optimizer, p, [[2.0]])
    np.testing.assert_allclose(p.tolist(), [0.79], rtol=1e-6)
    run_steps(optimizer, p, [[2.0]])
    np.testing.assert_allclose(p.tolist(), [0.58105], rtol=1e-6)
    np.testing.assert_allclose(optimizer.state[p]["momentum_buffer"].tolist(), [2.0895],
                               rtol=1e-6)


@pytest.mark.exercise("06", "sgd_step")
def test_sgd_hidden_nesterov():
    # step 1: buf = 1, d = 1 + 0.9 * 1 = 1.9, p = -0.19
    # step 2: buf = 0.9 + 1 = 1.9, d = 1 + 0.9 * 1.9 = 2.71, p = -0.19 - 0.271 = -0.461
    p = param([0.0, 10.0])
    optimizer = optim.SGD([p], lr=0.1, momentum=0.9, nesterov=True)
    run_steps(optimizer, p, [[1.0, 0.0], [1.0, 0.0]])
    np.testing.assert_allclose(p.tolist(), [-0.461, 10.0], rtol=1e-6)


@pytest.mark.exercise("06", "sgd_step")
def test_sgd_hidden_maximize_with_weight_decay():
    # d = -3 + 0.5 * 1 = -2.5, p = 1 + 0.1 * 2.5 = 1.25
    p = param([1.0])
    optimizer = optim.SGD([p], lr=0.1, weight_decay=0.5, maximize=True)
    run_steps(optimizer, p, [[3.0]])
    np.testing.assert_allclose(p.tolist(), [1.25], rtol=1e-6)


@pytest.mark.exercise("06", "sgd_step")
def test_sgd_hidden_buffer_is_a_copy_updated_in_place():
    p = param([0.0, 0.0])
    grad = minitorch.tensor([1.0, 2.0])
    optimizer = optim.SGD([p], lr=1.0, momentum=0.5)
    p.grad = grad
    optimizer.step()
    buffer = optimizer.state[p]["momentum_buffer"]
    optimizer.step()
    assert optimizer.state[p]["momentum_buffer"] is buffer
    assert grad.tolist() == [1.0, 2.0], "the gradient must not change (buf = d_p.clone())"
    np.testing.assert_allclose(buffer.tolist(), [1.5, 3.0], rtol=1e-6)
    np.testing.assert_allclose(p.tolist(), [-2.5, -5.0], rtol=1e-6)


@pytest.mark.exercise("06", "sgd_step")
def test_sgd_hidden_groups_skip_and_no_recording():
    a, b, frozen = param([1.0]), param([1.0]), param([7.0])
    optimizer = optim.SGD([{"params": [a, frozen], "momentum": 0.9},
                           {"params": [b], "lr": 1.0}], lr=0.1)
    for _ in range(2):
        a.grad, b.grad = minitorch.tensor([1.0]), minitorch.tensor([1.0])
        optimizer.step()
    np.testing.assert_allclose([a.item(), b.item()], [1.0 - 0.1 - 0.19, -1.0], rtol=1e-6)
    assert frozen.tolist() == [7.0] and "momentum_buffer" not in optimizer.state.get(frozen, {})
    assert "momentum_buffer" not in optimizer.state.get(b, {})
    assert a.is_leaf and a.grad_fn is None and a.requires_grad


@pytest.mark.exercise("06", "sgd_step")
def test_sgd_hidden_closure_runs_with_grad_even_under_no_grad():
    p = param([3.0, -1.0])
    optimizer = optim.SGD([p], lr=0.25)

    def closure():
        optimizer.zero_grad()
        loss = (p * p).sum()
        loss.backward()
        return loss

    with minitorch.no_grad():
        loss = optimizer.step(closure)
    assert loss.item() == pytest.approx(10.0)
    np.testing.assert_allclose(p.tolist(), [1.5, -0.5], rtol=1e-6)  # p - 0.25 * 2p
    assert optimizer.step() is None


@pytest.mark.exercise("06", "sgd_step")
def test_sgd_hidden_two_groups_maximize_momentum_and_nesterov_weight_decay():
    # group 1, maximize: d = -1, buf = -1, p = 0.1; then buf = -0.5 - 1 = -1.5, p = 0.25
    # group 2, nesterov + weight decay 1 (grad 0): d = 1, buf = 1, d = 1.5, p = 0.85;
    #   then d = 0.85, buf = 0.5 + 0.85 = 1.35, d = 0.85 + 0.675 = 1.525, p = 0.6975
    up, down = param([0.0]), param([1.0])
    optimizer = optim.SGD([{"params": [up], "maximize": True},
                           {"params": [down], "nesterov": True, "weight_decay": 1.0}],
                          lr=0.1, momentum=0.5)
    for _ in range(2):
        up.grad, down.grad = minitorch.tensor([1.0]), minitorch.tensor([0.0])
        optimizer.step()
    np.testing.assert_allclose([up.item(), down.item()], [0.25, 0.6975], rtol=1e-6)
    np.testing.assert_allclose(optimizer.state[down]["momentum_buffer"].tolist(), [1.35],
                               rtol=1e-6)


# -- train_epoch --------------------------------------------------------------------------
def line(weight, bias=None):
    model = nn.Linear(1, 1, bias=bias is not None)
    with minitorch.no_grad():
        model.weight.fill_(weight)
        if bias is not None:
            model.bias.fill_(bias)
    return model


@pytest.mark.exercise("06", "train_epoch")
def test_train_epoch_hidden_uneven_batches():
    # predictions = x; batch losses (1 + 4)/2 = 2.5, (9 + 16)/2 = 12.5, (5 - 1)^2 = 16
    model = line(1.0)
    x = minitorch.tensor([[1.0], [2.0], [3.0], [4.0], [5.0]])
    y = minitorch.tensor([[0.0], [0.0], [0.0], [0.0], [1.0]])
    loader = DataLoader(TensorDataset(x, y), batch_size=2)
    loss = train_epoch(model, loader, nn.MSELoss(), optim.SGD(model.parameters(), lr=0.0))
    assert isinstance(loss, float)
    assert loss == pytest.approx((2.5 * 2 + 12.5 * 2 + 16 * 1) / 5)


@pytest.mark.exercise("06", "train_epoch")
def test_train_epoch_hidden_zeroes_gradients_between_batches():
    # batch 1 (x=1, y=1): pred 0, dw = db = -2 -> w = b = 0.5
    # batch 2 (x=-1, y=1): pred 0, dw = 2, db = -2 -> w = 0, b = 1
    model = line(0.0, 0.0)
    loader = DataLoader(TensorDataset(minitorch.tensor([[1.0], [-1.0]]),
                                      minitorch.tensor([[1.0], [1.0]])), batch_size=1)
    loss = train_epoch(model, loader, nn.MSELoss(), optim.SGD(model.parameters(), lr=0.25))
    assert loss == pytest.approx(1.0)
    assert model.weight.item() == pytest.approx(0.0, abs=1e-7)
    assert model.bias.item() == pytest.approx(1.0)


@pytest.mark.exercise("06", "train_epoch")
def test_train_epoch_hidden_loss_argument_order_and_any_iterable():
    # zero weights: uniform logits over 3 classes, cross-entropy ln 3 for every sample
    model = nn.Linear(2, 3)
    with minitorch.no_grad():
        model.weight.fill_(0.0)
        model.bias.fill_(0.0)
    model.eval()
    batches = [(minitorch.ones(3, 2), minitorch.tensor([0, 1, 2])),
               (minitorch.ones(1, 2), minitorch.tensor([2]))]
    loss = train_epoch(model, batches, nn.CrossEntropyLoss(), optim.SGD(model.parameters(), lr=0.0))
    assert loss == pytest.approx(math.log(3.0), rel=1e-6)
    assert model.training


@pytest.mark.exercise("06", "train_epoch")
def test_train_epoch_hidden_calls_in_order():
    events = []
    model = line(2.0)

    class Spy:
        def __init__(self):
            self.inner = optim.SGD(model.parameters(), lr=0.0)

        def zero_grad(self):
            events.append("zero_grad")
            self.inner.zero_grad()

        def step(self):
            events.append("step:" + ("grad" if model.weight.grad is not None else "none"))
            self.inner.step()

    def loss_fn(output, target):
        events.append("loss")
        return ((output - target) * (output - target)).mean()

    loader = DataLoader(TensorDataset(minitorch.ones(3, 1), minitorch.zeros(3, 1)), batch_size=2)
    loss = train_epoch(model, loader, loss_fn, Spy())
    assert events == ["zero_grad", "loss", "step:grad"] * 2
    assert loss == pytest.approx(4.0)
