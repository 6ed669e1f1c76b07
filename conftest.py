"""Collection of the package's doctests: a module built on an engine
(datatrove imports it at the top) is collected only where the engine is
installed, as the engine tests in tests/ skip without it; CI sets
``CLEANNEWS_REQUIRE_ENGINES`` and then collects everything (a missing
engine fails the run)."""

from __future__ import annotations

import importlib.util
import os

#: Package modules whose doctests need an engine, and the engine.
ENGINE_MODULES = {"cleannews/datatrove.py": "datatrove"}

collect_ignore = [
    module
    for module, engine in ENGINE_MODULES.items()
    if not os.environ.get("CLEANNEWS_REQUIRE_ENGINES") and importlib.util.find_spec(engine) is None
]
