"""Change a data document one place at a time: for tests that try every field with many values."""

from __future__ import annotations

import copy


def places(node, path=()):
    """Every key in a document, and the first item of each list (the others are alike), as paths."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield (*path, key)
            yield from places(value, (*path, key))
    elif isinstance(node, list) and node:
        yield (*path, 0)
        yield from places(node[0], (*path, 0))


def changed_at(document, path: tuple, value=None, remove: bool = False):
    """A copy of `document` with the value at `path` replaced by `value` (or removed)."""
    changed = copy.deepcopy(document)
    parent = changed
    for part in path[:-1]:
        parent = parent[part]
    if remove:
        del parent[path[-1]]
    else:
        parent[path[-1]] = copy.deepcopy(value)
    return changed
