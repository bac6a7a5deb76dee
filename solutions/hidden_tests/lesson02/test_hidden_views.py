"""Hidden tests of lesson 02: offsets, view strides and the Tensor view methods,
on cases the public tests do not show, with PyTorch as the oracle."""

import pytest

import minitorch
from minitorch.strides import element_offset, view_strides


@pytest.mark.exercise("02", "element_offset")
@pytest.mark.parametrize("index, strides, offset, expected", [
    ((3,), (2,), 1, 7),
    ((1, 1, 1), (6, 0, 1), 2, 9),
    ((4, 0), (1, 5), 0, 4),
])
def test_element_offset_hidden(index, strides, offset, expected):
    assert element_offset(index, strides, offset) == expected


CASES = [  # (shape, dims to transpose or None, new shape)
    ((4, 3), None, (2, 6)),
    ((4, 3), (0, 1), (12,)),
    ((4, 3), (0, 1), (3, 1, 4)),
    ((2, 3, 4), (1, 2), (2, 12)),
    ((2, 3, 4), (0, 1), (3, 8)),
    ((2, 1, 4), (0, 1), (8,)),
    ((5,), None, (1, 5, 1)),
]


def torch_view(torch, shape, dims, new_shape):
    base = torch.empty(shape)
    base = base.transpose(*dims) if dims else base
    try:
        return base, base.view(new_shape).stride()
    except RuntimeError:
        return base, None


@pytest.mark.exercise("02", "view_strides")
@pytest.mark.parametrize("shape, dims, new_shape", CASES)
def test_view_strides_match_torch(torch, shape, dims, new_shape):
    base, expected = torch_view(torch, shape, dims, new_shape)
    found = view_strides(tuple(base.shape), base.stride(), new_shape)
    assert (tuple(found) if found is not None else None) == expected


def minitorch_base(shape, dims):
    count = 1
    for size in shape:
        count *= size
    base = minitorch.arange(count).view(*shape)
    return base.transpose(*dims) if dims else base


@pytest.mark.exercise("02", "transpose")
@pytest.mark.parametrize("shape, dims", [((2, 3, 4), (0, 2)), ((3, 5), (1, 0)), ((2, 3), (-1, 0))])
def test_transpose_hidden(torch, shape, dims):
    ours = minitorch_base(shape, None)
    theirs = torch.arange(ours.numel()).view(shape)
    t_ours, t_theirs = ours.transpose(*dims), theirs.transpose(*dims)
    assert tuple(t_ours.shape) == tuple(t_theirs.shape)
    assert t_ours.stride() == t_theirs.stride()
    assert t_ours.tolist() == t_theirs.tolist()


@pytest.mark.exercise("02", "is_contiguous")
@pytest.mark.parametrize("shape, dims", [((2, 3), None), ((2, 3), (0, 1)), ((1, 4), (0, 1)),
                                         ((3, 1, 2), (0, 1))])
def test_is_contiguous_hidden(torch, shape, dims):
    ours = minitorch_base(shape, dims)
    theirs = torch.empty(shape)
    theirs = theirs.transpose(*dims) if dims else theirs
    assert ours.is_contiguous() == theirs.is_contiguous()


@pytest.mark.exercise("02", "view")
@pytest.mark.parametrize("shape, dims, new_shape", CASES)
def test_view_hidden(torch, shape, dims, new_shape):
    ours = minitorch_base(shape, dims)
    _, expected = torch_view(torch, shape, dims, new_shape)
    if expected is None:
        with pytest.raises(RuntimeError):
            ours.view(*new_shape)
    else:
        assert ours.view(*new_shape).stride() == expected


@pytest.mark.exercise("02", "reshape")
@pytest.mark.parametrize("shape, dims, new_shape", CASES)
def test_reshape_hidden(torch, shape, dims, new_shape):
    ours = minitorch_base(shape, dims)
    count = ours.numel()
    theirs = torch.arange(count).view(shape)
    theirs = theirs.transpose(*dims) if dims else theirs
    assert ours.reshape(*new_shape).tolist() == theirs.reshape(new_shape).tolist()
    assert ours.reshape(-1).tolist() == theirs.reshape(-1).tolist()
