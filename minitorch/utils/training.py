"""``train_epoch``: the training loop of lesson 06, written once for every model."""

from .._exercise import exercise


@exercise("06", "train_epoch", points=2)
def train_epoch(model, loader, loss_fn, optimizer):
    """Train ``model`` for one pass over ``loader``; return the mean loss per sample.

    For every ``(inputs, targets)`` batch, the four steps of gradient descent:

    1. ``optimizer.zero_grad()``   forget the previous batch's gradients;
    2. ``loss = loss_fn(model(inputs), targets)``;
    3. ``loss.backward()``          fill every parameter's ``.grad``;
    4. ``optimizer.step()``         move the parameters against their gradients.

    Call ``model.train()`` first.  The mean loss per sample weights each batch's
    ``loss.item()`` by its size ``len(inputs)`` (the last batch may be smaller).
    """
    raise NotImplementedError('Lesson 06 · exercise train_epoch: implement train_epoch (minitorch/utils/training.py), then run check("06", "train_epoch") to test it.')
