"""Pictures for the lesson notebooks: look at a tensor's memory instead of reading about it.

    from minitorch_course.pictures import show_layout, show_broadcast, show_shapes, show_slice
    show_slice(x, np.s_[:2, 1:])   # which elements a slice picks
    show_layout(z, z.t())          # one storage, two (shape, stride) readings of it
    show_broadcast(x, y)           # how two shapes line up, stretch and add
    show_shapes()                  # the typical tensor shapes of deep learning

Every helper takes minitorch tensors or real PyTorch tensors (anything with ``shape``,
``stride()``, ``storage_offset()`` and ``numpy()``) and draws with matplotlib.
"""

import numpy as np

CELL_COLOURS = "tab20"


def _plt():
    import matplotlib.pyplot as plt  # imported late: only the notebooks need it

    return plt


def _values(tensor):
    return np.asarray(tensor.numpy())


def _storage(tensor):
    """The whole flat storage under ``tensor`` (shared with its views)."""
    if hasattr(tensor, "_storage"):  # minitorch
        return np.asarray(tensor._storage)
    count = tensor.untyped_storage().nbytes() // tensor.element_size()  # PyTorch
    return tensor.as_strided((count,), (1,), 0).numpy()


def storage_positions(tensor):
    """For each element (in row-major order), the storage slot it is read from."""
    shape, strides = tuple(tensor.shape), tuple(tensor.stride())
    grid = np.indices(shape).reshape(len(shape), -1) if shape else np.zeros((0, 1), int)
    offsets = (grid * np.array(strides, dtype=int).reshape(-1, 1)).sum(axis=0)
    return (tensor.storage_offset() + offsets).reshape(shape)


def _fmt(value):
    value = value.item() if hasattr(value, "item") else value
    return f"{value:g}" if isinstance(value, float) else str(value)


def _ink(colour, alpha=1.0):
    """Black or white, whichever reads better on ``colour``."""
    from matplotlib.colors import to_rgb

    r, g, b = to_rgb(colour)
    light = alpha * (0.299 * r + 0.587 * g + 0.114 * b) + (1 - alpha)
    return "black" if light > 0.5 else "white"


def _cell(ax, x, y, text, colour, sub=None, alpha=1.0):
    ax.add_patch(_plt().Rectangle((x, y), 1, 1, facecolor=colour, edgecolor="black",
                                  alpha=alpha, linewidth=1))
    ink = _ink(colour, alpha)
    ax.text(x + 0.5, y + 0.58, text, ha="center", va="center", fontsize=10, color=ink)
    if sub is not None:
        ax.text(x + 0.5, y + 0.18, sub, ha="center", va="center", fontsize=7, color=ink)


def _as_2d(array):
    return array.reshape(1, -1) if array.ndim <= 1 else array.reshape(-1, array.shape[-1])


def show_layout(*tensors, names=None):
    """Draw each tensor's storage (top strip) and its elements as the shape reads them.

    A cell's colour is its storage slot, and its small grey number is that slot's index:
    equal colours are the same memory.  The title gives shape, stride and offset, and the
    order in which reading the tensor row by row visits the storage.
    """
    plt = _plt()
    names = names or [f"tensor {i}" for i in range(len(tensors))]
    cmap = plt.get_cmap(CELL_COLOURS)
    widths = [max(_storage(t).size, _as_2d(storage_positions(t)).shape[1]) for t in tensors]
    heights = [_as_2d(storage_positions(t)).shape[0] + 3.2 for t in tensors]
    fig, axes = plt.subplots(len(tensors), 1, squeeze=False,
                             figsize=(0.55 * max(widths) + 2.5, 0.5 * sum(heights) + 0.3),
                             gridspec_kw={"height_ratios": heights})
    for ax, tensor, name in zip(axes[:, 0], tensors, names):
        storage = _storage(tensor)
        slots = _as_2d(storage_positions(tensor))
        values = _as_2d(_values(tensor))
        used = set(slots.ravel().tolist())
        for i, value in enumerate(storage):
            _cell(ax, i, 0, _fmt(value), cmap(i % 20), sub=str(i), alpha=1 if i in used else 0.25)
        ax.text(-0.3, 0.5, "storage", ha="right", va="center", fontsize=9)
        rows, cols = slots.shape
        for r in range(rows):
            for c in range(cols):
                slot = int(slots[r, c])
                _cell(ax, c, -2 - r, _fmt(values[r, c]), cmap(slot % 20), sub=f"@{slot}")
        ax.text(-0.3, -1.5, "elements", ha="right", va="center", fontsize=9)
        order = " ".join(str(int(s)) for s in slots.ravel()[:16])
        ax.set_title(f"{name}: shape {tuple(tensor.shape)}, stride {tuple(tensor.stride())}, "
                     f"offset {tensor.storage_offset()}\nread row by row, it visits storage "
                     f"slots {order}", fontsize=10)
        ax.set_xlim(-2.2, max(widths) + 0.2)
        ax.set_ylim(-2 - rows - 0.1, 1.1)
        ax.set_aspect("equal")
        ax.axis("off")
    fig.tight_layout()
    plt.show()


def show_slice(tensor, key, name="x"):
    """Draw a matrix (or vector) and highlight the elements ``tensor[key]`` selects.

    Write the key with NumPy's ``np.s_``: ``show_slice(x, np.s_[:2, 1:])``.
    """
    plt = _plt()
    values = _values(tensor)
    grid = _as_2d(values)
    chosen = set(np.arange(values.size).reshape(values.shape)[key].ravel().tolist())
    rows, cols = grid.shape
    fig, ax = plt.subplots(figsize=(0.6 * cols + 1.5, 0.6 * rows + 0.8))
    for r in range(rows):
        for c in range(cols):
            picked = r * cols + c in chosen
            _cell(ax, c, -r, _fmt(grid[r, c]), "tab:orange" if picked else "white")
    ax.set_title(f"{name}[{_key_text(key)}]: {len(chosen)} of {values.size} elements",
                 fontsize=10)
    ax.set_xlim(-0.2, cols + 0.2)
    ax.set_ylim(-rows + 0.8, 1.2)
    ax.set_aspect("equal")
    ax.axis("off")
    plt.show()


def _key_text(key):
    """``np.s_[:2, 1:]`` back to the text ``:2, 1:``."""
    def one(part):
        if isinstance(part, slice):
            text = ("" if part.start is None else str(part.start)) + ":" + \
                   ("" if part.stop is None else str(part.stop))
            return text + (f":{part.step}" if part.step is not None else "")
        return "..." if part is Ellipsis else str(part)

    return ", ".join(one(p) for p in (key if isinstance(key, tuple) else (key,)))


def broadcast_shapes_table(*shapes):
    """Right-align shapes the way broadcasting compares them; return the text table.

    Padded dimensions show as ``(1)``; the last line is the result, ``✗`` where the sizes
    cannot be matched.
    """
    width = max(len(s) for s in shapes)
    padded = [(None,) * (width - len(s)) + tuple(s) for s in shapes]
    lines = ["  ".join(f"{'(1)' if d is None else d:>4}" for d in row) for row in padded]
    result = []
    for column in zip(*padded):
        sizes = {d for d in column if d is not None and d != 1}
        result.append("✗" if len(sizes) > 1 else str(sizes.pop() if sizes else 1))
    lines.append("  ".join("----" for _ in range(width)))
    lines.append("  ".join(f"{d:>4}" for d in result))
    return "\n".join(lines)


def show_broadcast(a, b, op=np.add, symbol="+"):
    """Draw ``a`` and ``b`` (at most 2-D) stretched to a common shape, then ``a op b``.

    Solid cells are real elements; faded cells are the copies broadcasting pretends are
    there (no memory is copied: the stretched dimension gets stride 0).
    """
    plt = _plt()
    va, vb = _values(a), _values(b)
    shape = np.broadcast_shapes(va.shape, vb.shape)
    if len(shape) > 2:
        raise ValueError("show_broadcast draws tensors of at most 2 dimensions")
    shape2 = (1,) * (2 - len(shape)) + tuple(shape)
    panels = [("a", va), ("b", vb)]
    fig, axes = plt.subplots(1, 3, figsize=(3 * (shape2[1] + 1.5), 0.9 * shape2[0] + 1.6))
    for ax, (label, v) in zip(axes[:2], panels):
        own = (1,) * (2 - v.ndim) + v.shape
        grid = np.broadcast_to(v.reshape(own), shape2)
        for r in range(shape2[0]):
            for c in range(shape2[1]):
                real = (r < own[0] or own[0] == shape2[0]) and (c < own[1] or own[1] == shape2[1])
                _cell(ax, c, -r, _fmt(grid[r, c]), "tab:blue" if label == "a" else "tab:orange",
                      alpha=0.8 if real else 0.2)
        ax.set_title(f"{label}: {list(v.shape)} → {list(shape)}", fontsize=10)
    result = op(va, vb).reshape(shape2)
    for r in range(shape2[0]):
        for c in range(shape2[1]):
            _cell(axes[2], c, -r, _fmt(result[r, c]), "tab:green", alpha=0.6)
    axes[2].set_title(f"a {symbol} b: {list(shape)}", fontsize=10)
    for ax in axes:
        ax.set_xlim(-0.2, shape2[1] + 0.2)
        ax.set_ylim(-shape2[0] + 0.8, 1.2)
        ax.set_aspect("equal")
        ax.axis("off")
    fig.tight_layout()
    plt.show()


def _box(ax, x, y, w, h, d, labels, colour):
    """An oblique box of width w, height h, depth d (drawn up and to the right)."""
    plt = _plt()
    dx, dy = 0.5 * d, 0.5 * d
    front = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
    top = [(x, y + h), (x + w, y + h), (x + w + dx, y + h + dy), (x + dx, y + h + dy)]
    side = [(x + w, y), (x + w + dx, y + dy), (x + w + dx, y + h + dy), (x + w, y + h)]
    for face, alpha in ((front, 0.55), (top, 0.35), (side, 0.25)):
        ax.add_patch(plt.Polygon(face, closed=True, facecolor=colour, edgecolor="black",
                                 alpha=alpha))
    rows, cols, depth = labels
    ax.text(x - 0.15, y + h / 2, rows, ha="right", va="center", fontsize=9, rotation=90)
    ax.text(x + w / 2, y - 0.15, cols, ha="center", va="top", fontsize=9)
    if depth:
        ax.text(x + w + dx / 2 + 0.15, y + dy / 2 - 0.1, depth, ha="left", va="center",
                fontsize=9)


TYPICAL_SHAPES = (
    ("tabular data", "(N, n)", ("N samples", "n features", None)),
    ("mini-batch", "(k, n)", ("k samples", "n features", None)),
    ("NLP (text)", "(k, ℓ, d)", ("k sentences", "d features", "ℓ words")),
    ("grayscale images", "(N, h, w)", ("h", "w", "N images")),
    ("colour images", "(N, C, h, w)", ("h", "w", "C = 3 channels")),
)


def show_shapes():
    """The typical tensor shapes of note 03: tables, batches, sentences, images."""
    plt = _plt()
    fig, axes = plt.subplots(1, len(TYPICAL_SHAPES), figsize=(16, 3.6))
    colours = ["tab:blue", "tab:cyan", "tab:purple", "tab:gray", "tab:red"]
    for ax, (title, shape, labels), colour in zip(axes, TYPICAL_SHAPES, colours):
        w, h = (1.6, 2.2) if labels[2] is None else (1.6, 1.6)
        if title == "colour images":
            for i, channel in enumerate(("tab:blue", "tab:green", "tab:red")):
                _box(ax, 0.5 + 0.35 * i, 0.5 + 0.35 * i, w, h, 0.0,
                     (labels[0], labels[1], None) if i == 0 else ("", "", None), channel)
            ax.text(1.7, -0.45, "… × N images", fontsize=9, ha="center")
            ax.text(1.7, 0.2 + 0.35 * 2 + h + 0.4, labels[2], fontsize=9, ha="center")
        else:
            _box(ax, 0.5, 0.5, w, h, 1.2 if labels[2] else 0.0, labels, colour)
        ax.set_title(f"{title}\n{shape}", fontsize=10)
        ax.set_xlim(-0.3, 3.4)
        ax.set_ylim(-0.5, 4.0)
        ax.set_aspect("equal")
        ax.axis("off")
    fig.tight_layout()
    plt.show()


def _matrix(ax, x, shape, colour, label, role):
    """Draw one operand at ``x``: batch dims as a stack of sheets, a vector as a row
    (left operand) or a column (right operand).  Returns the width used."""
    plt = _plt()
    shape = tuple(shape)
    if len(shape) == 0:
        rows, cols, batch = 1, 1, ()
    elif len(shape) == 1:
        (rows, cols), batch = ((1, shape[0]) if role == "left" else (shape[0], 1)), ()
    else:
        rows, cols, batch = shape[-2], shape[-1], shape[:-2]
    sheets = min(int(np.prod(batch)) if batch else 1, 5)
    unit = 0.35
    w, h = unit * cols, unit * rows
    for k in reversed(range(sheets)):
        ax.add_patch(plt.Rectangle((x + 0.12 * k, -h + 0.12 * k), w, h, facecolor=colour,
                                   alpha=0.75 if k == 0 else 0.3, edgecolor="black"))
    top = 0.12 * (sheets - 1) + 0.15
    ax.text(x + w / 2, top, f"{label}\n{list(shape)}", ha="center", va="bottom", fontsize=9)
    ax.text(x + w / 2, -h - 0.1, str(cols), ha="center", va="top", fontsize=8, color="dimgray")
    ax.text(x - 0.08, -h / 2, str(rows), ha="right", va="center", fontsize=8, color="dimgray")
    return w + 0.12 * (sheets - 1)


def show_matmul(a_shape, b_shape, result_shape, name="a @ b"):
    """Operands and result of a matrix product drawn to scale: ``(n, m) @ (m, p) → (n, p)``.

    Batch dimensions show as a stack of sheets (up to 5); a vector on the left acts as a
    row, on the right as a column, as in ``matmul``.
    """
    plt = _plt()
    parts = [("a", a_shape, "tab:blue", "left"), ("b", b_shape, "tab:orange", "right"),
             ("result", result_shape, "tab:green", "right")]
    tallest = max(0.35 * (tuple(shape)[-2] if len(shape) >= 2 else
                          (shape[0] if len(shape) == 1 and role == "right" else 1))
                  for _, shape, _, role in parts)
    fig, ax = plt.subplots(figsize=(7, 1.2 + 0.9 * (tallest + 1.2)))
    x = 0.0
    for i, (label, shape, colour, role) in enumerate(parts):
        x += _matrix(ax, x, shape, colour, label, role) + 0.6
        if i < 2:
            ax.text(x - 0.3, -0.35, "@" if i == 0 else "=", ha="center", va="center", fontsize=14)
    ax.set_title(name, fontsize=10)
    ax.set_xlim(-0.5, max(x, 6))
    ax.set_ylim(-tallest - 0.4, 1.4)
    ax.set_aspect("equal")
    ax.axis("off")
    plt.show()
