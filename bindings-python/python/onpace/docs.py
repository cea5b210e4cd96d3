"""Documentation that ships with the package, so it is there offline.

``onpace.docs.methods`` is the methods reference (the repository's ``docs/methods.md``,
compiled into the extension when the package is built): every formula, band edge, status code
and edge-case decision, and where each method departs from its source. ``help(onpace.docs)``
shows the topics; ``onpace.docs.show("methods")`` prints one.

The rest of the documentation lives in the repository's ``docs/`` folder: the plan format
(``docs/plan-format.md``), error and warning codes (``docs/codes.md``), the Python guide
(``docs/guide/python.md``) and a worked evaluation (``docs/worked-example.md``).

Examples
--------
>>> onpace.docs.methods.splitlines()[0]
'# Methods reference'
>>> onpace.docs.topics()
['methods']
"""

from __future__ import annotations

from typing import Dict, List

from . import _core

#: The methods reference (docs/methods.md) as Markdown text.
methods: str = _core.docs_methods()

_TOPICS: Dict[str, str] = {"methods": methods}


def topics() -> List[str]:
    """The names of the documentation topics shipped with the package."""
    return sorted(_TOPICS)


def show(topic: str = "methods") -> None:
    """Print the documentation ``topic`` (see :func:`topics`).

    Raises
    ------
    InvalidArgumentError
        An unknown topic.
    """
    if topic not in _TOPICS:
        from ._convert import error  # noqa: PLC0415

        raise error(_core.InvalidArgumentError, "invalid_argument", "topic", f"unknown topic {topic!r}; topics: {', '.join(topics())}")
    print(_TOPICS[topic])
