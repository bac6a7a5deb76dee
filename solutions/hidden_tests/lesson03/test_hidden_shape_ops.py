"""Hidden tests of lesson 03 (instructor only; run by ``minitorch-course grade 03``):
squeeze, unsqueeze, cat, stack, split and chunk on cases the public tests do not show,
with PyTorch's shapes, strides, dtypes and exact errors written out by hand."""

import pytest

import minitorch
from minitorch_course.grading.hidden_fixtures import raises


def layout(t):
    return tuple(t.shape), t.stride(), t.storage_offset()


def pieces(parts):
    assert isinstance(parts, tuple)
    return [(tuple(p.shape), p.stride(), p.storage_offset(), p.tolist()) for p in parts]


# -- squeeze -----------------------------------------------------------------------------
@pytest.mark.exercise("03", "squeeze")
@pytest.mark.parametrize("shape, dim, expected", [
    ((1, 2, 1, 1), (0, -2, 1), ((2, 1), (1, 1), 0)),  # dim 1 has size 2: kept, no error
    ((0, 1, 3), None, ((0, 3), (3, 1), 0)),
    ((1, 1), None, ((), (), 0)),
    ((3, 1, 2), [1, 2], ((3, 2), (2, 1), 0)),
    ((1, 4), -1, ((1, 4), (4, 1), 0)),
])
def test_squeeze_hidden_shapes(shape, dim, expected):
    x = minitorch.zeros(*shape)
    result = x.squeeze() if dim is None else x.squeeze(dim)
    assert layout(result) == expected


@pytest.mark.exercise("03", "squeeze")
def test_squeeze_hidden_keeps_strides_of_a_transposed_view():
    x = minitorch.arange(6).view(3, 1, 2).transpose(0, 2)  # (2, 1, 3), strides (1, 2, 2)
    squeezed = minitorch.squeeze(x)
    assert layout(squeezed) == ((2, 3), (1, 2), 0)
    assert squeezed.tolist() == [[0, 2, 4], [1, 3, 5]]
    squeezed[1, 2] = 50
    assert x[1, 0, 2].item() == 50


@pytest.mark.exercise("03", "squeeze")
def test_squeeze_hidden_zero_dim_and_errors():
    assert minitorch.tensor(3.0).squeeze(-1).shape == ()
    with raises(IndexError, "Dimension out of range (expected to be in range of [-2, 1], "
                            "but got -3)"):
        minitorch.zeros(2, 1).squeeze(-3)


# -- unsqueeze ---------------------------------------------------------------------------
@pytest.mark.exercise("03", "unsqueeze")
@pytest.mark.parametrize("dim, expected", [
    (0, ((1, 3, 2), (3, 1, 3), 0)),
    (1, ((3, 1, 2), (1, 6, 3), 0)),
    (2, ((3, 2, 1), (1, 3, 1), 0)),
    (-3, ((1, 3, 2), (3, 1, 3), 0)),
    (-2, ((3, 1, 2), (1, 6, 3), 0)),
])
def test_unsqueeze_hidden_on_a_transposed_view(dim, expected):
    x = minitorch.arange(6).view(2, 3).t()  # (3, 2), strides (1, 3)
    result = x.unsqueeze(dim)
    assert layout(result) == expected
    assert result.reshape(-1).tolist() == [0, 3, 1, 4, 2, 5]


@pytest.mark.exercise("03", "unsqueeze")
def test_unsqueeze_hidden_zero_dim_view_and_errors():
    x = minitorch.tensor(5)
    assert layout(x.unsqueeze(-1)) == ((1,), (1,), 0)
    assert layout(minitorch.unsqueeze(x, 0)) == ((1,), (1,), 0)
    y = minitorch.zeros(2, 3)
    y.unsqueeze(1)[1, 0, 2] = 7
    assert y[1, 2].item() == 7
    with raises(IndexError, "Dimension out of range (expected to be in range of [-3, 2], "
                            "but got -4)"):
        y.unsqueeze(-4)


# -- cat ---------------------------------------------------------------------------------
@pytest.mark.exercise("03", "cat")
def test_cat_hidden_last_dim_of_3d():
    a = minitorch.arange(8).view(2, 2, 2)
    b = minitorch.arange(4).view(2, 2, 1) + 10
    joined = minitorch.cat((a, b), dim=-1)
    assert layout(joined) == ((2, 2, 3), (6, 3, 1), 0)
    assert joined.tolist() == [[[0, 1, 10], [2, 3, 11]], [[4, 5, 12], [6, 7, 13]]]


@pytest.mark.exercise("03", "cat")
def test_cat_hidden_non_contiguous_input_gives_a_contiguous_copy():
    t = minitorch.arange(6).view(2, 3).t()
    joined = minitorch.cat([t, minitorch.arange(2).view(1, 2) + 10])
    assert layout(joined) == ((4, 2), (2, 1), 0)
    assert joined.tolist() == [[0, 3], [1, 4], [2, 5], [10, 11]]
    joined[0, 0] = 99
    assert t[0, 0].item() == 0


@pytest.mark.exercise("03", "cat")
@pytest.mark.parametrize("first, second, dtype, values", [
    ([1], [2.0], "int32/float64", [1.0, 2.0]),
    ([True], [2], "bool/uint8", [1, 2]),
    ([1], [2.5], "int64/float32", [1.0, 2.5]),
])
def test_cat_hidden_promotes(first, second, dtype, values):
    names = dtype.split("/")
    a = minitorch.tensor(first, dtype=getattr(minitorch, names[0]))
    b = minitorch.tensor(second, dtype=getattr(minitorch, names[1]))
    joined = minitorch.cat([a, b])
    expected = {"int32/float64": "torch.float64", "bool/uint8": "torch.uint8",
                "int64/float32": "torch.float32"}[dtype]
    assert str(joined.dtype) == expected and joined.tolist() == values


@pytest.mark.exercise("03", "cat")
def test_cat_hidden_skips_empty_vectors_but_promotes_with_them():
    joined = minitorch.cat([minitorch.zeros(0), minitorch.tensor([[1, 2]]), minitorch.zeros(0)])
    assert str(joined.dtype) == "torch.float32" and joined.tolist() == [[1.0, 2.0]]
    empty = minitorch.cat([minitorch.zeros(0, dtype=minitorch.int64), minitorch.zeros(0)])
    assert tuple(empty.shape) == (0,) and str(empty.dtype) == "torch.float32"


@pytest.mark.exercise("03", "cat")
@pytest.mark.parametrize("call, error, message", [
    (lambda: minitorch.cat([minitorch.zeros(2, 3), minitorch.zeros(2, 1), minitorch.zeros(3, 1)],
                           dim=1),
     RuntimeError, "Sizes of tensors must match except in dimension 1. Expected size 2 but "
                   "got size 3 for tensor number 2 in the list."),
    (lambda: minitorch.cat([minitorch.zeros(2, 3), minitorch.zeros(2, 3, 1)]),
     RuntimeError, "Tensors must have same number of dimensions: got 2 and 3"),
    (lambda: minitorch.cat([minitorch.zeros(2), minitorch.zeros(2)], dim=-2),
     IndexError, "Dimension out of range (expected to be in range of [-1, 0], but got -2)"),
    (lambda: minitorch.cat(()), ValueError, "torch.cat(): expected a non-empty list of Tensors"),
])
def test_cat_hidden_errors(call, error, message):
    with raises(error, message):
        call()


# -- stack -------------------------------------------------------------------------------
@pytest.mark.exercise("03", "stack")
def test_stack_hidden_values():
    vectors = [minitorch.tensor(v) for v in ([1, 2], [3, 4], [5, 6])]
    assert minitorch.stack(vectors, dim=-1).tolist() == [[1, 3, 5], [2, 4, 6]]
    scalars = minitorch.stack([minitorch.tensor(1.0), minitorch.tensor(2.0)])
    assert layout(scalars) == ((2,), (1,), 0) and scalars.tolist() == [1.0, 2.0]
    mixed = minitorch.stack([minitorch.tensor([1, 2]), minitorch.tensor([1.5, 2.0])])
    assert str(mixed.dtype) == "torch.float32" and mixed.tolist() == [[1.0, 2.0], [1.5, 2.0]]


@pytest.mark.exercise("03", "stack")
def test_stack_hidden_views_in_the_middle_dim_make_a_copy():
    a = minitorch.arange(4).view(2, 2)
    stacked = minitorch.stack([a.t(), a], dim=1)
    assert layout(stacked) == ((2, 2, 2), (4, 2, 1), 0)
    assert stacked.tolist() == [[[0, 2], [0, 1]], [[1, 3], [2, 3]]]
    stacked[0, 0, 0] = 9
    assert a[0, 0].item() == 0


@pytest.mark.exercise("03", "stack")
@pytest.mark.parametrize("call, error, message", [
    (lambda: minitorch.stack([minitorch.zeros(2), minitorch.zeros(2), minitorch.zeros(3)]),
     RuntimeError, "stack expects each tensor to be equal size, but got [2] at entry 0 and "
                   "[3] at entry 2"),
    (lambda: minitorch.stack([minitorch.zeros(2, 3)], dim=-4),
     IndexError, "Dimension out of range (expected to be in range of [-3, 2], but got -4)"),
    (lambda: minitorch.stack([minitorch.zeros(2, 3)], dim=3),
     IndexError, "Dimension out of range (expected to be in range of [-3, 2], but got 3)"),
    (lambda: minitorch.stack(()), RuntimeError, "stack expects a non-empty TensorList"),
])
def test_stack_hidden_errors(call, error, message):
    with raises(error, message):
        call()


# -- split -------------------------------------------------------------------------------
@pytest.mark.exercise("03", "split")
def test_split_hidden_size_larger_than_the_dim():
    assert pieces(minitorch.arange(3).split(5)) == [((3,), (1,), 0, [0, 1, 2])]
    assert pieces(minitorch.zeros(0, 2).split(3)) == [((0, 2), (2, 1), 0, [])]
    assert pieces(minitorch.zeros(0, 2).split(0)) == [((0, 2), (2, 1), 0, [])]


@pytest.mark.exercise("03", "split")
def test_split_hidden_negative_dim_of_a_transposed_view():
    x = minitorch.arange(12).view(3, 4).t()  # (4, 3), strides (1, 4)
    assert pieces(x.split(2, dim=-1)) == [
        ((4, 2), (1, 4), 0, [[0, 4], [1, 5], [2, 6], [3, 7]]),
        ((4, 1), (1, 4), 8, [[8], [9], [10], [11]]),
    ]


@pytest.mark.exercise("03", "split")
def test_split_hidden_sections_with_zeros_and_tuples():
    assert pieces(minitorch.arange(4).split([0, 3, 0, 1])) == [
        ((0,), (1,), 0, []), ((3,), (1,), 0, [0, 1, 2]), ((0,), (1,), 3, []),
        ((1,), (1,), 3, [3])]
    x = minitorch.arange(6).view(2, 3)
    parts = minitorch.split(x, (1, 2), dim=1)
    assert pieces(parts) == [((2, 1), (3, 1), 0, [[0], [3]]),
                             ((2, 2), (3, 1), 1, [[1, 2], [4, 5]])]
    parts[1][1, 1] = -1
    assert x[1, 2].item() == -1


@pytest.mark.exercise("03", "split")
@pytest.mark.parametrize("call, error, message", [
    (lambda: minitorch.zeros(2, 4).split([2, 3], dim=1),
     RuntimeError, "split_with_sizes expects split_sizes to sum exactly to 4 (input tensor's "
                   "size at dimension 1), but got split_sizes=[2, 3]"),
    (lambda: minitorch.zeros(3).split(0),
     RuntimeError, "split_size can only be 0 if dimension size is 0, but got dimension size of 3"),
    (lambda: minitorch.zeros(2, 3).split(1, dim=-3),
     IndexError, "Dimension out of range (expected to be in range of [-2, 1], but got -3)"),
])
def test_split_hidden_errors(call, error, message):
    with raises(error, message):
        call()


# -- chunk -------------------------------------------------------------------------------
@pytest.mark.exercise("03", "chunk")
@pytest.mark.parametrize("size, chunks, lengths", [
    (3, 5, [1, 1, 1]),
    (10, 4, [3, 3, 3, 1]),
    (9, 4, [3, 3, 3]),
    (7, 1, [7]),
])
def test_chunk_hidden_lengths(size, chunks, lengths):
    parts = minitorch.arange(size).chunk(chunks)
    assert isinstance(parts, tuple) and [p.shape[0] for p in parts] == lengths
    assert [v for p in parts for v in p.tolist()] == list(range(size))


@pytest.mark.exercise("03", "chunk")
def test_chunk_hidden_views_along_other_dims():
    assert pieces(minitorch.arange(6).view(3, 2).chunk(2, dim=-2)) == [
        ((2, 2), (2, 1), 0, [[0, 1], [2, 3]]), ((1, 2), (2, 1), 4, [[4, 5]])]
    x = minitorch.arange(12).view(3, 4).t()
    assert pieces(minitorch.chunk(x, 3, dim=1)) == [
        ((4, 1), (1, 4), 0, [[0], [1], [2], [3]]), ((4, 1), (1, 4), 4, [[4], [5], [6], [7]]),
        ((4, 1), (1, 4), 8, [[8], [9], [10], [11]])]


@pytest.mark.exercise("03", "chunk")
def test_chunk_hidden_empty_dims_and_errors():
    assert pieces(minitorch.zeros(0, 3).chunk(2)) == [((0, 3), (3, 1), 0, [])] * 2
    assert [tuple(p.shape) for p in minitorch.zeros(2, 0).chunk(3, dim=1)] == [(2, 0)] * 3
    with raises(RuntimeError, "chunk expects `chunks` to be greater than 0, got: -1"):
        minitorch.zeros(4).chunk(-1)
    with raises(IndexError, "Dimension out of range (expected to be in range of [-1, 0], "
                            "but got 1)"):
        minitorch.zeros(4).chunk(2, dim=1)
