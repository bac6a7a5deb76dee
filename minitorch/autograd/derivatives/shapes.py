"""Derivatives of the ops that move elements without changing them (views, copies,
indexing, ``cat``, ``stack``): the gradient is moved back the same way."""

import numpy as np

from .table import derivative, unbroadcast


@derivative("ViewBackward0", "UnsafeViewBackward0", "ReshapeAliasBackward0", "SqueezeBackward0",
            "SqueezeBackward1", "SqueezeBackward4", "UnsqueezeBackward0", "FlattenBackward0",
            saves_values=False)
def reshape_backward(grad, inputs, output, saved):
    # same elements in a new shape: give the gradient the input's shape back
    return (np.reshape(grad, np.shape(inputs[0])),)


@derivative("TBackward0", "TransposeBackward0", "PermuteBackward0", saves_values=False)
def permute_backward(grad, inputs, output, saved):
    # a permutation of the axes: apply the inverse permutation
    ndim = np.ndim(inputs[0])
    if ndim < 2:  # t() of a vector or a number changes nothing
        return (grad,)
    dims = [d % ndim for d in saved.get("dims", range(ndim))]
    if "dims" not in saved:  # t() and transpose(dim0, dim1) swap two axes
        first, second = saved.get("dim0", 0) % ndim, saved.get("dim1", 1) % ndim
        dims[first], dims[second] = second, first
    return (np.transpose(grad, np.argsort(dims)),)


@derivative("ExpandBackward0", saves_values=False)
def expand_backward(grad, inputs, output, saved):
    # each input element was repeated: add up the gradients of its copies
    return (unbroadcast(grad, np.shape(inputs[0])),)


@derivative("CloneBackward0", "ToCopyBackward0", "AliasBackward0", "ContiguousBackward0",
            saves_values=False)
def copy_backward(grad, inputs, output, saved):
    # a copy (maybe to another dtype): the gradient passes through (the engine casts it)
    return (grad,)


@derivative("IndexBackward0", "SelectBackward0", "SliceBackward0", "SplitBackward0",
            saves_values=False)
def index_backward(grad, inputs, output, saved):
    # out = a[key]: add the gradient back at the picked positions (repeats add up)
    result = np.zeros(np.shape(inputs[0]), dtype=grad.dtype)
    np.add.at(result, saved["key"], grad)
    return (result,)


@derivative("GatherBackward0", saves_values=False)
def gather_backward(grad, inputs, output, saved):
    # out[i][j] = a[i][index[i][j]] (dim 1): add each gradient back at the index it read
    result = np.zeros(np.shape(inputs[0]), dtype=grad.dtype)
    index = saved["index"]
    if result.ndim == 0:
        return (np.sum(grad).reshape(()),)
    positions = list(np.indices(index.shape, sparse=True))
    positions[saved["dim"] % result.ndim] = index
    np.add.at(result, tuple(positions), grad)
    return (result,)


@derivative("CatBackward0", saves_values=False)
def cat_backward(grad, inputs, output, saved):
    # the inputs sit side by side along dim: cut the gradient at the same places
    dim = saved.get("dim", 0)
    sizes = [np.shape(value)[dim] if np.ndim(value) else 0 for value in inputs]
    cuts = np.cumsum(sizes)[:-1]
    pieces = np.split(grad, cuts, axis=dim % grad.ndim)
    return tuple(piece if np.ndim(value) else np.zeros(np.shape(value), grad.dtype)
                 for piece, value in zip(pieces, inputs))


@derivative("StackBackward0", saves_values=False)
def stack_backward(grad, inputs, output, saved):
    # input i is slice i along the new dim
    axis = saved.get("dim", 0) % grad.ndim
    return tuple(np.take(grad, i, axis=axis) for i in range(len(inputs)))
