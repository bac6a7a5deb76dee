"""Every lecture-note code example prints the same text with minitorch as with PyTorch.

The examples live in ``snippets_*.py`` (one module per note, a ``SNIPPETS`` list each);
``harness.py`` runs them.  Add a note's examples by adding a module: it is found here.
"""

import importlib
import pathlib

import pytest

import minitorch
from harness import compare, missing_features

HERE = pathlib.Path(__file__).parent


def _all_snippets():
    found = []
    for path in sorted(HERE.glob("snippets_*.py")):
        module = importlib.import_module(path.stem)
        found.extend(module.SNIPPETS)
    ids = [s.id for s in found]
    duplicates = {i for i in ids if ids.count(i) > 1}
    assert not duplicates, f"snippet ids must be unique: {sorted(duplicates)}"
    return found


SNIPPETS = _all_snippets()


@pytest.mark.filterwarnings("ignore:__array__ implementation:DeprecationWarning")  # torch's own
@pytest.mark.parametrize("snippet", SNIPPETS, ids=[s.id for s in SNIPPETS])
def test_note_snippet_prints_like_torch(torch, snippet):
    missing = missing_features(minitorch, snippet.requires)
    if missing:
        pytest.skip(f"minitorch does not have {', '.join(missing)} yet")
    expected, got = compare(snippet, torch, minitorch)
    assert got == expected
