"""Lesson 06: ``nn.Linear`` starts from PyTorch's distribution (kaiming uniform, a=sqrt(5))."""

import math

import numpy as np

import minitorch
from minitorch import nn


def test_linear_weight_and_bias_stay_inside_one_over_sqrt_fan_in():
    minitorch.manual_seed(0)
    layer = nn.Linear(16, 200)
    bound = 1 / math.sqrt(16)
    for param in (layer.weight, layer.bias):
        values = param._array()
        assert values.dtype == np.float32
        assert values.min() >= -bound and values.max() <= bound
        # uniform: almost reaches both ends, mean ~ 0, variance ~ bound^2 / 3
        assert values.min() < -0.95 * bound and values.max() > 0.95 * bound
    weights = layer.weight._array()
    assert abs(weights.mean()) < 0.01
    assert abs(weights.var() - bound ** 2 / 3) < 0.1 * bound ** 2 / 3


def test_the_bound_matches_torch(torch):
    layer = torch.nn.Linear(9, 500)
    theirs = float(layer.weight.detach().abs().max())
    ours = float(np.abs(nn.Linear(9, 500).weight._array()).max())
    assert abs(ours - theirs) < 0.01 and ours <= 1 / 3


def test_manual_seed_makes_layers_reproducible():
    minitorch.manual_seed(7)
    first = nn.Linear(3, 2).weight._array().copy()
    minitorch.manual_seed(7)
    np.testing.assert_array_equal(nn.Linear(3, 2).weight._array(), first)


def test_init_functions():
    t = minitorch.zeros(3, 4)
    nn.init.constant_(t, 0.5)
    assert np.all(t._array() == 0.5)
    nn.init.uniform_(t, 2.0, 3.0)
    assert t._array().min() >= 2.0 and t._array().max() < 3.0
    assert nn.init.calculate_gain("relu") == math.sqrt(2.0)
    assert nn.init.calculate_gain("leaky_relu", math.sqrt(5)) == math.sqrt(1 / 3)
