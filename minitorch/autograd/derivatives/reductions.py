"""Derivatives of reductions: each input element gets the gradient of the output element
it was reduced into (``expand_reduced`` spreads it back), times its local derivative."""

import numpy as np

from .table import derivative, expand_reduced, reduced_axes


@derivative("SumBackward0", "SumBackward1", saves_values=False)
def sum_backward(grad, inputs, output, saved):
    # d(sum a)/da_i = 1: every element gets the gradient of its sum
    shape = np.shape(inputs[0])
    return (expand_reduced(grad, shape, saved.get("dim"), saved.get("keepdim", False)),)


@derivative("MeanBackward0", "MeanBackward1", saves_values=False)
def mean_backward(grad, inputs, output, saved):
    # d(mean a)/da_i = 1/n, n = how many elements went into each mean
    shape = np.shape(inputs[0])
    count = max(int(np.prod(shape)), 1) // max(int(np.prod(np.shape(output))), 1)
    spread = expand_reduced(grad, shape, saved.get("dim"), saved.get("keepdim", False))
    return (spread / count if count else spread,)


def _product_of_others(values, axis):
    """For each element, the product of the *other* elements along ``axis`` (safe at 0)."""
    ones = np.ones_like(np.take(values, [0], axis=axis))
    before = np.cumprod(np.concatenate([ones, np.delete(values, -1, axis=axis)], axis=axis),
                        axis=axis)
    flipped = np.flip(values, axis=axis)
    after = np.flip(np.cumprod(np.concatenate([ones, np.delete(flipped, -1, axis=axis)],
                                              axis=axis), axis=axis), axis=axis)
    return before * after


@derivative("ProdBackward0", "ProdBackward1")
def prod_backward(grad, inputs, output, saved):
    # d(prod a)/da_i = the product of all the other elements
    a = inputs[0]
    dim = saved.get("dim")
    if a.ndim == 0:
        return (grad * np.ones_like(a),)
    if dim is None:
        others = _product_of_others(a.reshape(-1), 0).reshape(a.shape)
        return (grad * others,)
    axis = dim % a.ndim
    spread = expand_reduced(grad, a.shape, axis, saved.get("keepdim", False))
    return (spread * _product_of_others(a, axis),)


@derivative("MaxBackward1", "MinBackward1")
def extreme_all_backward(grad, inputs, output, saved):
    # max(a) over everything: the gradient is shared evenly by the elements equal to it
    a = inputs[0]
    hits = (a == output)
    return (grad * hits / max(int(hits.sum()), 1),)


@derivative("MaxBackward0", "MinBackward0")
def extreme_dim_backward(grad, inputs, output, saved):
    # max(a, dim): the gradient goes to the element the index points at
    a = inputs[0]
    if a.ndim == 0:
        return (np.asarray(grad).reshape(()),)
    axis = saved["dim"] % a.ndim
    keepdim = saved.get("keepdim", False)
    indices = saved.get("indices")
    if indices is None:  # the first element equal to the result, as argmax/argmin pick it
        indices = np.argmax(a == expand_reduced(output, a.shape, axis, keepdim), axis=axis)
        indices = np.expand_dims(indices, axis) if keepdim else indices
    if not keepdim:
        indices, grad = np.expand_dims(indices, axis), np.expand_dims(grad, axis)
    result = np.zeros(a.shape, dtype=grad.dtype)
    np.put_along_axis(result, indices, grad, axis=axis)
    return (result,)


def _centered(a, saved):
    axes = reduced_axes(saved.get("dim"), a.ndim)
    count = int(np.prod([a.shape[axis] for axis in axes])) if a.ndim else 1
    return a - a.mean(axis=axes, keepdims=True), count - saved.get("correction", 1)


@derivative("VarBackward0")
def var_backward(grad, inputs, output, saved):
    # var = sum((a - mean)^2) / (n - correction):  d/da_i = 2 (a_i - mean) / (n - correction)
    centered, divisor = _centered(inputs[0], saved)
    spread = expand_reduced(grad, centered.shape, saved.get("dim"), saved.get("keepdim", False))
    with np.errstate(all="ignore"):
        return (spread * 2 * centered / divisor,)


@derivative("StdBackward0")
def std_backward(grad, inputs, output, saved):
    # std = sqrt(var):  d/da_i = (a_i - mean) / ((n - correction) * std)
    centered, divisor = _centered(inputs[0], saved)
    shape, dim, keepdim = centered.shape, saved.get("dim"), saved.get("keepdim", False)
    spread = expand_reduced(grad, shape, dim, keepdim)
    std = expand_reduced(output, shape, dim, keepdim)
    with np.errstate(all="ignore"):
        return (spread * centered / (divisor * std),)


@derivative("LinalgVectorNormBackward0")
def norm_backward(grad, inputs, output, saved):
    # ||a||_p = (sum |a|^p)^(1/p):  d/da_i = sign(a_i) |a_i|^(p-1) / ||a||_p^(p-1)
    a = inputs[0]
    order = saved.get("p", 2)
    order = 2 if order in ("fro", None) else order
    dim, keepdim = saved.get("dim"), saved.get("keepdim", False)
    spread = expand_reduced(grad, a.shape, dim, keepdim)
    norm = expand_reduced(output, a.shape, dim, keepdim)
    with np.errstate(all="ignore"):
        if order == 0:
            local = np.zeros_like(a)
        elif np.isinf(order):
            hits = np.abs(a) == norm
            count = expand_reduced(hits.sum(axis=reduced_axes(dim, a.ndim), keepdims=keepdim),
                                   a.shape, dim, keepdim)
            local = np.sign(a) * hits / count
        else:
            local = np.sign(a) * np.abs(a) ** (order - 1) / norm ** (order - 1)
            local = np.where(norm == 0, 0, local)
    return (spread * local,)


@derivative("SoftmaxBackward0")
def softmax_backward(grad, inputs, output, saved):
    # s = softmax(a):  da_i = s_i * (grad_i - sum_j grad_j s_j)
    axis = saved.get("dim", -1) if output.ndim else None
    return (output * (grad - np.sum(grad * output, axis=axis, keepdims=True)),)


@derivative("LogSoftmaxBackward0")
def log_softmax_backward(grad, inputs, output, saved):
    # l = log_softmax(a):  da_i = grad_i - softmax(a)_i * sum_j grad_j
    axis = saved.get("dim", -1) if output.ndim else None
    return (grad - np.exp(output) * np.sum(grad, axis=axis, keepdims=True),)
