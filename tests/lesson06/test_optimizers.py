"""Lesson 06: ``optim.SGD`` and ``optim.Adam`` follow PyTorch's trajectories.

The gradients are set by hand (``p.grad = ...``) from the same function of each
library's current parameters, so these tests need no backward: 25 steps for every
combination of options, compared after each step.
"""

import itertools

import numpy as np
import pytest

import minitorch
from minitorch import optim

STEPS = 25
SHAPES = [(3, 2), (4,)]
TARGETS = [np.random.default_rng(i).standard_normal(shape).astype(np.float32)
           for i, shape in enumerate(SHAPES)]


def gradient(values, index, step):
    """A made-up gradient: pulls towards a target, plus a wobble that changes each step."""
    return (2 * (values - TARGETS[index]) + np.float32(0.1 * np.sin(step))).astype(np.float32)


def trajectories(torch, make_ours, make_theirs, steps=STEPS):
    start = [np.random.default_rng(10 + i).standard_normal(s).astype(np.float32)
             for i, s in enumerate(SHAPES)]
    ours = [minitorch.nn.Parameter(minitorch.tensor(v)) for v in start]
    theirs = [torch.nn.Parameter(torch.tensor(v)) for v in start]
    our_optimizer, their_optimizer = make_ours(ours), make_theirs(theirs)
    for step in range(steps):
        for index, (mine, reference) in enumerate(zip(ours, theirs)):
            mine.grad = minitorch.tensor(gradient(mine._array(), index, step))
            reference.grad = torch.tensor(gradient(reference.detach().numpy(), index, step))
        our_optimizer.step()
        their_optimizer.step()
        for mine, reference in zip(ours, theirs):
            np.testing.assert_allclose(mine._array(), reference.detach().numpy(), rtol=1e-5,
                                       atol=1e-5, err_msg=f"after step {step + 1}")
    return ours, our_optimizer


def sgd_options():
    for momentum, dampening, weight_decay, nesterov, maximize in itertools.product(
            (0, 0.9), (0, 0.3), (0, 0.05), (False, True), (False, True)):
        if nesterov and (momentum == 0 or dampening != 0):
            continue
        yield dict(lr=0.05, momentum=momentum, dampening=dampening,
                   weight_decay=weight_decay, nesterov=nesterov, maximize=maximize)


SGD_OPTIONS = list(sgd_options())


@pytest.mark.exercise("06", "sgd_step")
@pytest.mark.parametrize("options", SGD_OPTIONS,
                         ids=["-".join(f"{k}={v}" for k, v in o.items()) for o in SGD_OPTIONS])
def test_sgd_follows_torch(torch, options):
    trajectories(torch, lambda ps: optim.SGD(ps, **options),
                 lambda ps: torch.optim.SGD(ps, **options))


@pytest.mark.exercise("06", "sgd_step")
def test_sgd_step_by_hand():
    # two steps with momentum 0.9: buf = g, then buf = 0.9 * g + g
    p = minitorch.nn.Parameter(minitorch.tensor([1.0, 2.0]))
    optimizer = optim.SGD([p], lr=0.1, momentum=0.9)
    for _ in range(2):
        p.grad = minitorch.tensor([1.0, -1.0])
        optimizer.step()
    np.testing.assert_allclose(p._array(), [1.0 - 0.1 - 0.19, 2.0 + 0.1 + 0.19], rtol=1e-6)
    np.testing.assert_allclose(optimizer.state[p]["momentum_buffer"]._array(), [1.9, -1.9],
                               rtol=1e-6)


@pytest.mark.exercise("06", "sgd_step")
def test_sgd_keeps_the_parameter_object_and_skips_params_without_grad():
    p, frozen = (minitorch.nn.Parameter(minitorch.tensor([1.0])) for _ in range(2))
    storage = p._storage
    optimizer = optim.SGD([p, frozen], lr=0.5)
    p.grad = minitorch.tensor([2.0])
    optimizer.step()
    assert p._storage is storage and p._array().tolist() == [0.0]
    assert frozen._array().tolist() == [1.0] and frozen.grad is None


@pytest.mark.exercise("06", "sgd_step")
def test_sgd_param_groups_use_their_own_learning_rate():
    a, b = (minitorch.nn.Parameter(minitorch.tensor([1.0])) for _ in range(2))
    optimizer = optim.SGD([{"params": [a]}, {"params": [b], "lr": 0.5}], lr=0.1)
    a.grad, b.grad = minitorch.tensor([1.0]), minitorch.tensor([1.0])
    optimizer.step()
    np.testing.assert_allclose([a.item(), b.item()], [0.9, 0.5], rtol=1e-6)
    assert optimizer.param_groups[1]["momentum"] == 0


@pytest.mark.exercise("06", "sgd_step")
def test_sgd_step_returns_the_closures_loss():
    p = minitorch.nn.Parameter(minitorch.tensor([1.0]))
    optimizer = optim.SGD([p], lr=0.1)

    def closure():
        p.grad = minitorch.tensor([1.0])
        return 42.0

    assert optimizer.step(closure) == 42.0
    np.testing.assert_allclose(p.item(), 0.9, rtol=1e-6)


def test_zero_grad_sets_none_by_default_or_zeros():
    p = minitorch.nn.Parameter(minitorch.tensor([1.0, 2.0]))
    optimizer = optim.SGD([p], lr=0.1)
    p.grad = minitorch.tensor([3.0, 4.0])
    optimizer.zero_grad(set_to_none=False)
    assert p.grad._array().tolist() == [0.0, 0.0]
    optimizer.zero_grad()
    assert p.grad is None


@pytest.mark.parametrize("kwargs", [dict(lr=-1), dict(lr=0.1, momentum=-1),
                                    dict(lr=0.1, weight_decay=-1), dict(lr=0.1, nesterov=True),
                                    dict(lr=0.1, momentum=0.9, dampening=0.1, nesterov=True)])
def test_sgd_refuses_bad_options_like_torch(torch, kwargs):
    with pytest.raises(ValueError) as theirs:
        torch.optim.SGD([torch.nn.Parameter(torch.ones(1))], **kwargs)
    with pytest.raises(ValueError) as ours:
        optim.SGD([minitorch.nn.Parameter(minitorch.ones(1))], **kwargs)
    assert str(ours.value) == str(theirs.value)


def test_optimizer_refuses_empty_and_non_leaf_params():
    with pytest.raises(ValueError, match="^optimizer got an empty parameter list$"):
        optim.SGD([], lr=0.1)
    p = minitorch.nn.Parameter(minitorch.ones(1))
    with pytest.raises(ValueError, match="^some parameters appear in more than one parameter "
                                         "group$"):
        optim.SGD([{"params": [p]}, {"params": [p]}], lr=0.1)


ADAM_OPTIONS = [dict(lr=0.01), dict(lr=0.05, betas=(0.8, 0.99), eps=1e-6),
                dict(lr=0.01, weight_decay=0.1), dict(lr=0.01, amsgrad=True),
                dict(lr=0.01, maximize=True), dict(lr=0.02, amsgrad=True, weight_decay=0.01)]


@pytest.mark.parametrize("options", ADAM_OPTIONS,
                         ids=["-".join(f"{k}={v}" for k, v in o.items()) for o in ADAM_OPTIONS])
def test_adam_follows_torch(torch, options):
    ours, optimizer = trajectories(torch, lambda ps: optim.Adam(ps, **options),
                                   lambda ps: torch.optim.Adam(ps, **options))
    assert optimizer.state[ours[0]]["step"] == STEPS


def test_adam_first_step_moves_each_element_by_lr():
    # after one step m/sqrt(v) = g/|g| (bias-corrected), so every element moves by lr
    p = minitorch.nn.Parameter(minitorch.tensor([1.0, -1.0, 3.0]))
    optimizer = optim.Adam([p], lr=0.1)
    p.grad = minitorch.tensor([5.0, -0.01, 2.0])
    optimizer.step()
    np.testing.assert_allclose(p._array(), [0.9, -0.9, 2.9], rtol=1e-5)


def test_optimizer_repr_lists_the_groups():
    optimizer = optim.SGD([minitorch.nn.Parameter(minitorch.ones(1))], lr=0.1, momentum=0.9)
    text = repr(optimizer)
    assert text.startswith("SGD (\nParameter Group 0\n    dampening: 0\n")
    assert "    lr: 0.1\n" in text and "    momentum: 0.9\n" in text and text.endswith(")")


@pytest.mark.parametrize("make", [lambda ps: optim.SGD(ps, lr=0.05, momentum=0.9),
                                  lambda ps: optim.Adam(ps, lr=0.05, amsgrad=True)],
                         ids=["sgd", "adam"])
def test_state_dict_resumes_the_same_trajectory(make):
    def run(steps, optimizer, params, start=0):
        for step in range(start, start + steps):
            for index, p in enumerate(params):
                p.grad = minitorch.tensor(gradient(p._array(), index, step))
            optimizer.step()

    def fresh():
        return [minitorch.nn.Parameter(minitorch.tensor(t * 0.5)) for t in TARGETS]

    straight = fresh()
    run(10, make(straight), straight)
    first = fresh()
    before = make(first)
    run(5, before, first)
    saved = before.state_dict()
    after = make(first)
    after.load_state_dict(saved)
    run(5, after, first, start=5)
    for mine, reference in zip(first, straight):
        np.testing.assert_allclose(mine._array(), reference._array(), rtol=1e-6)
