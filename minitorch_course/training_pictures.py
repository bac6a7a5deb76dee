"""Pictures for lessons 05 and 06: the graph autograd records, and gradient descent at work.

    from minitorch_course.training_pictures import (show_graph, show_loss_curves,
                                                    mse_surface, show_descent_paths)
    show_graph(z, names={"w": w})              # boxes = grad_fn nodes, arrows = next_functions
    show_loss_curves({"lr=0.1": losses, ...})  # loss per step, one line per run
    show_descent_paths(mse_surface(x, y), {"GD": path, "SGD": path2})   # on a contour plot

Every helper takes minitorch tensors or real PyTorch tensors (the graph is read only
through ``grad_fn``, ``next_functions`` and ``variable``, which both libraries have).
"""

import numpy as np

from .pictures import _plt

NODE_COLOURS = {"leaf": "tab:green", "op": "tab:blue", "none": "lightgray", "output": "tab:orange"}


def graph_nodes(tensor):
    """The grad_fn graph under ``tensor``: ``(nodes, edges, depth)``.

    ``nodes`` lists the nodes in the order they are first reached from ``tensor.grad_fn``
    (a ``None`` edge becomes its own ``("None", k)`` entry), ``edges`` the pairs
    ``(parent index, child index)`` of ``next_functions`` (repeated edges kept) and
    ``depth`` each node's longest distance from the root, the row it is drawn in.
    """
    root = tensor.grad_fn
    if root is None:
        raise ValueError("this tensor has no grad_fn: it is a leaf, or it was made under "
                         "no_grad() (계산 그래프가 없어요)")
    nodes, index, edges = [root], {id(root): 0}, []
    todo = [root]
    while todo:
        node = todo.pop(0)
        for child, _ in node.next_functions:
            if child is None:
                nodes.append(("None", len(nodes)))
                edges.append((index[id(node)], len(nodes) - 1))
                continue
            if id(child) not in index:
                index[id(child)] = len(nodes)
                nodes.append(child)
                todo.append(child)
            edges.append((index[id(node)], index[id(child)]))
    depth = [0] * len(nodes)
    for _ in nodes:  # longest path by relaxation: the graphs drawn here are small
        for parent, child in edges:
            depth[child] = max(depth[child], depth[parent] + 1)
    return nodes, edges, depth


def _label(node, names):
    if isinstance(node, tuple):
        return "None\n(a constant)", "none"
    kind = type(node).__name__
    variable = getattr(node, "variable", None)
    if variable is not None:
        name = next((key for key, value in names.items() if value is variable), None)
        shown = f"{name}.grad" if name else "leaf.grad"
        return f"{kind}\n→ adds into {shown}", "leaf"
    return kind, "op"


def show_graph(tensor, names=None, title=None):
    """Draw the computational graph (계산 그래프) that backward will walk from ``tensor``.

    The orange box is ``tensor``; each blue box is a ``grad_fn`` node (one per operation);
    arrows follow ``next_functions``, the direction in which gradients flow back; green
    boxes are the ``AccumulateGrad`` nodes of leaves, which add into ``leaf.grad``; grey
    boxes are the ``None`` edges of constants.  ``names`` maps labels to leaf tensors, e.g.
    ``{"w": w}``, so that the green boxes say whose ``.grad`` they fill.
    """
    plt = _plt()
    names = names or {}
    nodes, edges, depth = graph_nodes(tensor)
    rows = max(depth) + 1
    by_row = [[i for i in range(len(nodes)) if depth[i] == r] for r in range(rows)]
    width = max(len(row) for row in by_row)
    where = {}
    for r, row in enumerate(by_row):
        for k, i in enumerate(row):
            where[i] = ((k + 0.5) * width / len(row) * 3.2, -(r + 1) * 1.6)
    fig, ax = plt.subplots(figsize=(max(4.5, 3.2 * width + 0.6), 1.6 * (rows + 1) + 0.4))
    out_name = next((key for key, value in names.items() if value is tensor), "output")
    top = (where[0][0], 0.0)
    boxes = {"output": (top, f"{out_name}\ngrad_fn=<{type(nodes[0]).__name__}>", "output")}
    for i, node in enumerate(nodes):
        text, kind = _label(node, names)
        boxes[i] = (where[i], text, kind)
    seen = {}
    for parent, child in [("output", 0)] + edges:
        (x0, y0), (x1, y1) = boxes[parent][0], boxes[child][0]
        repeat = seen[parent, child] = seen.get((parent, child), -1) + 1
        # a repeated edge (x * x uses x twice) or one that skips a row bends, not to hide
        # behind the others
        rad = (0.0, 0.35, -0.35, 0.6, -0.6)[repeat % 5]
        if rad == 0.0 and parent != "output" and depth[child] - depth[parent] > 1:
            rad = 0.4
        ax.annotate("", xy=(x1, y1 + 0.35), xytext=(x0, y0 - 0.35),
                    arrowprops=dict(arrowstyle="->", color="dimgray", lw=1.4,
                                    connectionstyle=f"arc3,rad={rad}"))
    for (x, y), text, kind in boxes.values():
        colour = NODE_COLOURS[kind]
        ax.text(x, y, text, ha="center", va="center", fontsize=9,
                color="black" if kind == "none" else "white",
                bbox=dict(boxstyle="round,pad=0.4", facecolor=colour, edgecolor="black",
                          linestyle="--" if kind == "none" else "-"))
    ax.set_xlim(-0.4, 3.2 * width + 0.4)
    ax.set_ylim(-1.6 * rows - 0.8, 0.8)
    ax.axis("off")
    ax.set_title(title or "the graph backward() walks: gradients flow along the arrows",
                 fontsize=10)
    fig.tight_layout()
    plt.show()


def show_loss_curves(curves, title="loss per step", xlabel="step", log=True):
    """One line per run: ``curves`` maps a label (e.g. ``"lr=0.1"``) to its losses.

    With ``log=True`` the loss axis is logarithmic, so that a loss shrinking by the same
    factor each step is a straight line; a run that diverges (발산) shoots up and off.
    """
    plt = _plt()
    fig, ax = plt.subplots(figsize=(7, 3.8))
    for label, losses in curves.items():
        values = np.asarray([float(v) for v in losses], dtype=float)
        values = np.where(np.isfinite(values), values, np.nan)
        ax.plot(np.arange(len(values)), values, label=label, lw=1.8)
    if log:
        ax.set_yscale("log")
    ax.set_xlabel(xlabel)
    ax.set_ylabel("loss")
    ax.set_title(title, fontsize=10)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=9)
    fig.tight_layout()
    plt.show()


def mse_surface(x, y):
    """The mean squared error of the line ``w * x + b`` on the data ``(x, y)``, as a
    function of NumPy grids ``(W, B)``: the 2-parameter loss a contour plot draws."""
    x = np.asarray(x.numpy() if hasattr(x, "numpy") else x, dtype=float).reshape(-1)
    y = np.asarray(y.numpy() if hasattr(y, "numpy") else y, dtype=float).reshape(-1)

    def loss(W, B):
        W, B = np.asarray(W, dtype=float), np.asarray(B, dtype=float)
        residual = W[..., None] * x + B[..., None] - y
        return (residual ** 2).mean(axis=-1)

    return loss


def show_descent_paths(loss, paths, w_range=(-1, 5), b_range=(-2, 4), minimum=None,
                       labels=("w", "b"), title="the paths of gradient descent"):
    """Contour lines (등고선) of ``loss(W, B)`` and each path in ``paths`` on top.

    ``paths`` maps a label to the sequence of ``(w, b)`` points visited (tensors or
    numbers).  The start is a circle, the end a cross; ``minimum`` marks the best point.
    """
    plt = _plt()
    ws = np.linspace(*w_range, 160)
    bs = np.linspace(*b_range, 160)
    W, B = np.meshgrid(ws, bs)
    Z = loss(W, B)
    fig, ax = plt.subplots(figsize=(6.4, 5.2))
    levels = np.quantile(Z, np.linspace(0.0, 0.95, 14) ** 2)
    ax.contour(W, B, Z, levels=np.unique(levels), cmap="viridis", linewidths=0.9)
    colours = ["tab:red", "tab:orange", "tab:purple", "tab:brown", "tab:pink", "tab:cyan"]
    for (label, path), colour in zip(paths.items(), colours):
        points = np.array([[float(v) for v in point] for point in path], dtype=float)
        ax.plot(points[:, 0], points[:, 1], "-", color=colour, lw=1.3, alpha=0.9,
                label=f"{label} ({len(points) - 1} steps)")
        ax.plot(points[:, 0], points[:, 1], ".", color=colour, ms=3)
        ax.plot(*points[0], "o", color=colour, ms=7)
        ax.plot(*points[-1], "x", color=colour, ms=9, mew=2)
    if minimum is not None:
        ax.plot(*[float(v) for v in minimum], "*", color="black", ms=13, label="minimum")
    ax.set_xlim(*w_range)
    ax.set_ylim(*b_range)
    ax.set_xlabel(labels[0])
    ax.set_ylabel(labels[1])
    ax.set_title(title, fontsize=10)
    ax.legend(fontsize=8, loc="lower left")
    fig.tight_layout()
    plt.show()


def show_decision_regions(model, points, labels, title="what the classifier predicts"):
    """The class ``model`` predicts at every place of the plane (the coloured regions) and
    the data points on top (coloured by their true class): where a point's colour differs
    from its region's, the model gets it wrong.

    ``model`` maps an ``(n, 2)`` float32 tensor to ``(n, classes)`` scores; it is called on
    a grid of points under ``no_grad()`` of the library ``points`` comes from.
    """
    plt = _plt()
    library = __import__(type(points).__module__.split(".")[0])
    xy = np.asarray(points.numpy(), dtype=float)
    classes = np.asarray(labels.numpy())
    (x0, y0), (x1, y1) = xy.min(axis=0) - 0.5, xy.max(axis=0) + 0.5
    gx, gy = np.meshgrid(np.linspace(x0, x1, 150), np.linspace(y0, y1, 150))
    grid = np.stack([gx.ravel(), gy.ravel()], axis=1).astype(np.float32)
    with library.no_grad():
        predicted = model(library.from_numpy(grid)).argmax(dim=1).numpy().reshape(gx.shape)
    count = int(max(classes.max(), predicted.max())) + 1
    cmap = plt.get_cmap("tab10")
    fig, ax = plt.subplots(figsize=(5.6, 4.6))
    ax.contourf(gx, gy, predicted, levels=np.arange(count + 1) - 0.5,
                colors=[cmap(k) for k in range(count)], alpha=0.25)
    for k in range(count):
        chosen = classes == k
        ax.scatter(xy[chosen, 0], xy[chosen, 1], s=14, color=cmap(k), edgecolor="black",
                   linewidth=0.4, label=f"class {k}")
    ax.set_title(title, fontsize=10)
    ax.legend(fontsize=8, loc="upper left")
    ax.set_aspect("equal")
    fig.tight_layout()
    plt.show()
