"""Lesson 06: training loops reach the same losses as PyTorch from the same weights.

Each model is built in both libraries, minitorch's weights are loaded from PyTorch's
``state_dict``, and both are trained on the same data with the same optimizer.
"""

import numpy as np
import pytest

import minitorch
from minitorch import nn, optim
from minitorch.utils import train_epoch
from minitorch.utils.data import DataLoader, TensorDataset


def same_weights(ours, theirs):
    ours.load_state_dict({name: minitorch.tensor(value.detach().numpy())
                          for name, value in theirs.state_dict().items()})


def regression_data(n=64):
    rng = np.random.default_rng(0)
    x = rng.standard_normal((n, 3)).astype(np.float32)
    y = (x @ np.array([[1.5], [-2.0], [0.5]]) + 0.3 + 0.1 * rng.standard_normal((n, 1)))
    return x, y.astype(np.float32)


def classification_data(n=90):
    rng = np.random.default_rng(1)
    labels = rng.integers(0, 3, n)
    centers = np.array([[2.0, 0.0, 0.0, 1.0], [0.0, 2.0, 0.0, -1.0], [0.0, 0.0, 2.0, 0.0]])
    x = centers[labels] + 0.7 * rng.standard_normal((n, 4))
    return x.astype(np.float32), labels


def train_full_batch(library, model, x, y, optimizer, loss_fn, steps):
    losses = []
    x, y = library.tensor(x), library.tensor(y)
    for _ in range(steps):
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses


def test_linear_regression_with_sgd_momentum_matches_torch(torch):
    x, y = regression_data()
    theirs = torch.nn.Linear(3, 1)
    ours = nn.Linear(3, 1)
    same_weights(ours, theirs)
    options = dict(lr=0.05, momentum=0.9)
    their_losses = train_full_batch(torch, theirs, x, y, torch.optim.SGD(theirs.parameters(),
                                                                         **options),
                                    torch.nn.MSELoss(), 60)
    our_losses = train_full_batch(minitorch, ours, x, y, optim.SGD(ours.parameters(), **options),
                                  nn.MSELoss(), 60)
    np.testing.assert_allclose(our_losses, their_losses, rtol=1e-4, atol=1e-6)
    assert our_losses[-1] < 0.05 < our_losses[0]  # it learned the line (noise variance 0.01)
    np.testing.assert_allclose(ours.weight._array(), theirs.weight.detach().numpy(), rtol=1e-4,
                               atol=1e-5)


def two_layer(library):
    n = library.nn
    return n.Sequential(n.Linear(4, 16), n.ReLU(), n.Linear(16, 3))


@pytest.mark.parametrize("make_optimizer", [
    lambda lib, ps: lib.optim.SGD(ps, lr=0.1, momentum=0.5, weight_decay=1e-3),
    lambda lib, ps: lib.optim.Adam(ps, lr=0.01)], ids=["sgd", "adam"])
def test_two_layer_classifier_in_mini_batches_matches_torch(torch, make_optimizer):
    x, labels = classification_data()
    theirs, ours = two_layer(torch), two_layer(minitorch)
    same_weights(ours, theirs)
    their_loader = torch.utils.data.DataLoader(
        torch.utils.data.TensorDataset(torch.tensor(x), torch.tensor(labels)), batch_size=16)
    our_loader = DataLoader(TensorDataset(minitorch.tensor(x), minitorch.tensor(labels)),
                            batch_size=16)
    their_optimizer = make_optimizer(torch, theirs.parameters())
    our_optimizer = make_optimizer(minitorch, ours.parameters())
    their_losses, our_losses = [], []
    for _ in range(8):
        their_losses.append(train_epoch_reference(theirs, their_loader,
                                                  torch.nn.CrossEntropyLoss(), their_optimizer))
        our_losses.append(train_epoch(ours, our_loader, nn.CrossEntropyLoss(), our_optimizer))
    np.testing.assert_allclose(our_losses, their_losses, rtol=1e-4)
    assert our_losses[-1] < 0.5 * our_losses[0]
    with minitorch.no_grad():
        accuracy = (ours(minitorch.tensor(x)).argmax(1) == minitorch.tensor(labels)).float()
    assert accuracy.mean().item() > 0.9


def train_epoch_reference(model, loader, loss_fn, optimizer):
    """The same loop written for PyTorch (the oracle for ``train_epoch``)."""
    model.train()
    total, count = 0.0, 0
    for inputs, targets in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(inputs), targets)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(inputs)
        count += len(inputs)
    return total / count


@pytest.mark.exercise("06", "train_epoch")
def test_train_epoch_returns_the_mean_loss_per_sample():
    # y = 2x with lr=0: losses (2^2 + 4^2)/2 = 10 on [1, 2] and 6^2 = 36 on [3]
    model = nn.Linear(1, 1, bias=False)
    with minitorch.no_grad():
        model.weight.fill_(2.0)
    model.eval()
    loader = DataLoader(TensorDataset(minitorch.tensor([[1.0], [2.0], [3.0]]),
                                      minitorch.zeros(3, 1)), batch_size=2)
    loss = train_epoch(model, loader, nn.MSELoss(), optim.SGD(model.parameters(), lr=0.0))
    assert loss == pytest.approx((10 * 2 + 36 * 1) / 3)
    assert model.training


@pytest.mark.exercise("06", "train_epoch")
def test_train_epoch_steps_once_per_batch_with_fresh_gradients():
    model = nn.Linear(1, 1, bias=False)
    with minitorch.no_grad():
        model.weight.fill_(0.0)
    loader = DataLoader(TensorDataset(minitorch.ones(4, 1), minitorch.ones(4, 1)), batch_size=1)
    train_epoch(model, loader, nn.MSELoss(), optim.SGD(model.parameters(), lr=0.1))
    # each step: w -= 0.1 * 2 (w - 1): 0 -> 0.2 -> 0.36 -> 0.488 -> 0.5904
    assert model.weight.item() == pytest.approx(0.5904, rel=1e-5)
