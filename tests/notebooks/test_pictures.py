"""The picture helpers the notebooks call: the numbers they draw are PyTorch's."""

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

import minitorch  # noqa: E402
from minitorch_course import pictures  # noqa: E402


@pytest.fixture(autouse=True)
def no_windows(monkeypatch):
    import matplotlib.pyplot as plt

    monkeypatch.setattr(plt, "show", lambda: plt.close("all"))


@pytest.mark.parametrize("make", [
    lambda t: t.arange(6.).reshape(3, 2),
    lambda t: t.arange(6.).reshape(3, 2).t(),
    lambda t: t.arange(24.).reshape(2, 3, 4)[:, 1],
    lambda t: t.arange(6.).reshape(3, 2)[1:, 1],
    lambda t: t.tensor([1., 2.]).expand(3, 2),
], ids=["contiguous", "transpose", "index", "slice", "expand"])
def test_storage_positions_match_torch(torch, make):
    mine, theirs = make(minitorch), make(torch)
    expected = theirs.storage_offset() + sum(
        np.indices(tuple(theirs.shape))[d] * theirs.stride(d) for d in range(theirs.dim()))
    assert pictures.storage_positions(mine).tolist() == expected.tolist()
    assert pictures.storage_positions(theirs).tolist() == expected.tolist()


def test_storage_is_shared_by_views(torch):
    for lib in (minitorch, torch):
        z = lib.arange(6.).reshape(3, 2)
        assert pictures._storage(z.t()).tolist() == [0., 1., 2., 3., 4., 5.]


def test_broadcast_table_lines_shapes_up_at_the_right():
    assert pictures.broadcast_shapes_table((1, 1, 2), (2,)).splitlines() == [
        "   1     1     2", " (1)   (1)     2", "----  ----  ----", "   1     1     2"]
    assert pictures.broadcast_shapes_table((2, 3), (2,)).splitlines()[-1] == "   2     ✗"


def test_pictures_draw_for_minitorch_and_torch(torch):
    for lib in (minitorch, torch):
        z = lib.arange(6.).reshape(3, 2)
        pictures.show_layout(z, z.t(), names=["z", "z.t()"])
        pictures.show_broadcast(lib.tensor([[1., 2.]]), lib.tensor([[3.], [5.]]))
    pictures.show_shapes()
    pictures.show_matmul((5, 2, 3), (3,), (5, 2))
    pictures.show_matmul((12,), (12,), ())
    with pytest.raises(ValueError, match="at most 2"):
        pictures.show_broadcast(minitorch.zeros(2, 2, 2), minitorch.zeros(2))


def test_show_slice_names_the_slice_and_counts_the_picked_elements(monkeypatch):
    import matplotlib.pyplot as plt

    titles = []
    monkeypatch.setattr(plt, "show", lambda: (titles.append(plt.gca().get_title()),
                                              plt.close("all")))
    x = minitorch.tensor([[3, 5, 20], [10, 5, 50], [1, 5, 10]])
    pictures.show_slice(x, np.s_[:2, 1:], "x_data")
    pictures.show_slice(x, np.s_[::2, -1], "x_data")
    assert titles == ["x_data[:2, 1:]: 4 of 9 elements", "x_data[::2, -1]: 2 of 9 elements"]
