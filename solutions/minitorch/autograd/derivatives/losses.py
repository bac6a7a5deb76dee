"""Derivatives of the fused losses ``mse_loss`` and ``cross_entropy`` (``NllLossBackward0``)."""

import numpy as np

from .table import derivative, unbroadcast


def _scale(grad, reduction, count):
    """The incoming gradient per loss element: ``grad / count`` for a mean."""
    if reduction == "mean":
        return grad / count
    return grad


@derivative("MseLossBackward0")
def mse_loss_backward(grad, inputs, output, saved):
    # loss = mean((x - y)^2):  dx = 2 (x - y) / n,  dy = -dx
    x, y = inputs
    difference = x - y
    scale = _scale(grad, saved.get("reduction", "mean"), max(difference.size, 1))
    grad_x = 2 * difference * scale
    return unbroadcast(grad_x, np.shape(x)), unbroadcast(-grad_x, np.shape(y))


@derivative("NllLossBackward0")
def cross_entropy_backward(grad, inputs, output, saved):
    # loss_n = -sum_c w_c t_nc log softmax(x_n)_c:  dx_nk = softmax_k * sum_c w_c t_nc - w_k t_nk
    logits, target = inputs
    axis = 1 if logits.ndim > 1 else 0
    shifted = logits - logits.max(axis=axis, keepdims=True)
    probabilities = np.exp(shifted)
    probabilities /= probabilities.sum(axis=axis, keepdims=True)
    reduction = saved.get("reduction", "mean")
    weight = saved.get("weight")
    class_weight = 1 if weight is None else _along_class_axis(weight, logits.ndim)
    if np.issubdtype(np.asarray(target).dtype, np.floating):  # class probabilities
        # ... and dt_nk = -w_k log softmax(x_n)_k
        weighted = target * class_weight
        per_sample = probabilities * weighted.sum(axis=axis, keepdims=True) - weighted
        scale = _per_sample(grad, reduction, axis, logits.ndim)
        if reduction == "mean":
            scale = scale / (logits.shape[0] if logits.ndim > 1 else 1)
        log_probabilities = shifted - np.log(np.exp(shifted).sum(axis=axis, keepdims=True))
        return per_sample * scale, -class_weight * log_probabilities * scale
    classes = np.asarray(target).astype(np.int64)
    keep = classes != saved.get("ignore_index", -100)
    safe = np.where(keep, classes, 0)
    sample_weight = keep.astype(logits.dtype)
    if weight is not None:
        sample_weight = sample_weight * weight[safe]
    one_hot = np.zeros_like(probabilities)
    np.put_along_axis(one_hot, np.expand_dims(safe, axis), 1, axis=axis)
    per_sample = (probabilities - one_hot) * np.expand_dims(sample_weight, axis)
    total = sample_weight.sum()
    scale = _per_sample(grad, reduction, axis, logits.ndim)
    if reduction == "mean":
        scale = scale / total
    return per_sample * scale, None


def _per_sample(grad, reduction, axis, ndim):
    """The incoming gradient shaped to broadcast over the class axis."""
    if reduction == "none" and ndim > 1:
        return np.expand_dims(grad, axis)
    return grad


def _along_class_axis(weight, ndim):
    return weight.reshape((-1,) + (1,) * (ndim - 2)) if ndim > 1 else weight
