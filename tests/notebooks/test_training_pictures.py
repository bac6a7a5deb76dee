"""The lesson 05-06 pictures: the graph they draw is the one PyTorch records, and every
helper draws with minitorch and with PyTorch alike."""

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

import minitorch  # noqa: E402
from minitorch_course import training_pictures as pictures  # noqa: E402


@pytest.fixture
def shown(monkeypatch):
    """Count the figures the helpers show (and close them)."""
    import matplotlib.pyplot as plt

    figures = []

    def show():
        figures.append(len(plt.get_fignums()))
        plt.close("all")

    monkeypatch.setattr(plt, "show", show)
    return figures


def graph_of(lib, make):
    x = lib.tensor([1.0, 2.0], requires_grad=True)
    nodes, edges, depth = pictures.graph_nodes(make(x))
    names = [node[0] if isinstance(node, tuple) else type(node).__name__ for node in nodes]
    return names, edges, depth


@pytest.mark.parametrize("make", [
    lambda x: (x * x + x).sum(),
    lambda x: 2 * x ** 2 + 5,
    lambda x: (x.exp() / 3).mean(),
], ids=["repeated-input", "constants", "chain"])
def test_graph_nodes_match_torch(torch, make):
    assert graph_of(minitorch, make) == graph_of(torch, make)


def test_graph_keeps_a_repeated_edge():
    names, edges, _ = graph_of(minitorch, lambda x: x * x + x)
    assert names == ["AddBackward0", "MulBackward0", "AccumulateGrad"]
    assert sorted(edges) == [(0, 1), (0, 2), (1, 2), (1, 2)]


def test_a_leaf_has_no_graph_to_draw():
    with pytest.raises(ValueError, match="no grad_fn"):
        pictures.graph_nodes(minitorch.tensor([1.0], requires_grad=True))


def test_mse_surface_is_the_mean_squared_error():
    x, y = np.array([0.0, 1.0, 2.0]), np.array([1.0, 3.0, 5.0])
    loss = pictures.mse_surface(x, y)
    assert loss(np.array(2.0), np.array(1.0)) == pytest.approx(0.0)
    assert loss(np.array(0.0), np.array(0.0)) == pytest.approx((1 + 9 + 25) / 3)


@pytest.mark.parametrize("library", ["minitorch", "torch"])
def test_every_helper_draws_with_both_libraries(library, shown, torch):
    lib = minitorch if library == "minitorch" else torch
    w = lib.tensor(2.0, requires_grad=True)
    pictures.show_graph(10 * w ** 2 + 25, names={"w": w})
    pictures.show_loss_curves({"lr=0.1": [4.0, 2.0, 1.0], "lr=0.01": [4.0, 3.5, 3.1]})
    x, y = np.linspace(0, 1, 8), 2 * np.linspace(0, 1, 8) + 1
    pictures.show_descent_paths(pictures.mse_surface(x, y),
                                {"GD": [(0.0, 0.0), (1.0, 0.5), (2.0, 1.0)]}, minimum=(2, 1))
    lib.manual_seed(0)
    model = lib.nn.Linear(2, 3)
    points = lib.tensor([[0.0, 0.0], [1.0, 1.0], [2.0, 0.5]])
    pictures.show_decision_regions(model, points, lib.tensor([0, 1, 2]))
    assert shown == [1, 1, 1, 1]
