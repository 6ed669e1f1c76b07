"""Ray Data, for real: ``map_batches(CleanBatch, ...)`` on a pool of two actors (rules built per actor)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from cleannews.frames import CleanBatch
from tests.engines import ROOT, TIMEOUT, check_records, documents, engine, slow_steps

ray = engine("ray")
ray_data = engine("ray.data")
#: Ray's own deprecated settings, read when its DataContext is made.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:ray")


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        log_to_driver=False,
        configure_logging=False,
        runtime_env={"env_vars": {"PYTHONPATH": path}},
    )
    ray_data.DataContext.get_current().enable_progress_bars = False
    yield
    ray.shutdown()


@pytest.mark.parametrize("batch_format", ["pandas", "default"])
def test_map_batches_on_two_actors_gives_every_document_as_clean_text_does(
    local_ray: None, batch_format: str
) -> None:
    ds = ray_data.from_items(documents(), override_num_blocks=2)
    out = ds.map_batches(
        CleanBatch,
        fn_constructor_kwargs={"field": "text", "steps": slow_steps(), "timeout": TIMEOUT},
        compute=ray_data.ActorPoolStrategy(size=2),
        batch_size=4,
        batch_format=batch_format,
    )
    check_records(out.take_all())
