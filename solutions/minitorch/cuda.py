"""``minitorch.cuda``: there is no GPU here, so code can ask and fall back to the CPU."""


def is_available() -> bool:
    return False


def device_count() -> int:
    return 0
