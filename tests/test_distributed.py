"""`workbench extract --dask`: the extraction on a real Dask cluster (a LocalCluster of two
worker processes on 127.0.0.1) gives the single-process result, article for article."""

from __future__ import annotations

import json
import os

import pytest

from workbench.archive import read_extractions, read_manifest
from workbench.cli import main
from workbench.distributed import CLUSTER_CONFIG
from workbench.errors import WorkbenchError
from workbench.ingest import iter_articles

pytestmark = pytest.mark.slow  # each worker loads the spaCy model

LONG = "word " * 250_000  # over spaCy's 1,000,000-character limit: fails alone


@pytest.fixture(scope="module")
def cluster():
    import dask
    from distributed import LocalCluster

    with (
        dask.config.set(CLUSTER_CONFIG),
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",  # any free port: 8787 may be taken
            timeout=120,
        ) as running,
    ):
        yield running


def test_the_cluster_runs_with_the_extraction_settings(cluster):
    import dask
    from distributed import Client

    for key in CLUSTER_CONFIG:
        dask.config.get(key)  # a key Dask knows (a misspelt one would be ignored silently)
    with Client(cluster.scheduler_address) as client:
        settings = client.run(lambda: {k: dask.config.get(k) for k in CLUSTER_CONFIG})
        sampling = client.run(lambda dask_worker: "profile" in dask_worker.periodic_callbacks)
        trimming = client.run(lambda: os.environ.get("MALLOC_TRIM_THRESHOLD_"))
    assert list(settings.values()) == [CLUSTER_CONFIG] * 2  # reached the worker processes
    assert not any(sampling.values())
    # the nanny's 65536 cost the worker's extraction 10 times the page faults of one process
    # (a nanny started with it also sets it in this process for good: no comparing with ours)
    assert list(trimming.values()) == [None, None]
    with Client(cluster.scheduler_address) as client:
        saturation = client.run_on_scheduler(
            lambda dask_scheduler: dask_scheduler.WORKER_SATURATION
        )
    assert saturation == 1.0  # the scheduler, not a busy worker, holds the queued partitions


def test_memory_is_read_once_a_second(cluster):
    """Each worker and its nanny read the worker's memory once a second, not Dask's every
    100 ms: that was half of what an idle cluster cost, and Dask's by-the-second work was
    most of the cluster's overhead on a busy machine (benchmarks/bench_dask.py)."""
    from distributed import Client

    with Client(cluster.scheduler_address) as client:
        workers = client.run(
            lambda dask_worker: dask_worker.periodic_callbacks["memory_monitor"].callback_time
        )
    nannies = [
        n.periodic_callbacks["memory_monitor"].callback_time for n in cluster.workers.values()
    ]
    assert list(workers.values()) == [1000, 1000]
    assert nannies == [1000, 1000]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, samples_dir):
    corpus = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    rows = [
        {
            "title": "Envoy",
            "date": "2019-05-02",
            "text": "Reuters said the envoy met Sisi in Cairo.",
        },
        {"title": "Broken", "date": "not a date at all", "text": "x"},
        {"title": "Too long", "date": "2019-05-03", "text": LONG},
        {"title": "Aid", "date": "2019-05-04", "text": "The UN said aid reached Idlib on Monday."},
    ]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return [str(samples_dir), str(corpus)]


def _articles(inputs):
    return [a for a in iter_articles(inputs) if not isinstance(a, WorkbenchError)]


@pytest.fixture(scope="module")
def single(inputs, extractor):
    return list(extractor.extract_many(_articles(inputs), errors="yield"))


def _same(results, single):
    assert len(results) == len(single)
    for ours, theirs in zip(results, single, strict=True):
        if isinstance(theirs, WorkbenchError):
            assert type(ours) is type(theirs) and str(ours) == str(theirs)
        else:
            assert ours == theirs, theirs.article.id


def test_cluster_run_equals_single_process_article_for_article(cluster, inputs, single, tmp_path):
    from workbench.distributed import extract_on_dask

    done = []
    results = list(
        extract_on_dask(
            _articles(inputs),
            scheduler=cluster.scheduler_address,
            archive=tmp_path / "archive",
            partition_size=3,
            on_progress=done.append,
        )
    )
    _same(results, single)
    assert sum(isinstance(r, WorkbenchError) for r in single) == 1  # the long one
    assert done == sorted(done) and done[-1] == len(single)
    extracted = [r for r in single if not isinstance(r, WorkbenchError)]
    assert list(read_extractions(tmp_path / "archive")) == extracted
    manifest = read_manifest(tmp_path / "archive")
    assert (manifest["articles"], manifest["failed"]) == (len(single), 1)
    assert manifest["partitions"] == -(-len(single) // 3)


def test_each_worker_loads_the_model_once(cluster, inputs, tmp_path):
    from distributed import Client

    from workbench.distributed import extract_on_dask

    runs = [
        list(
            extract_on_dask(
                _articles(inputs)[:6],
                scheduler=cluster.scheduler_address,
                archive=tmp_path / f"a{n}",
                partition_size=1,
                in_flight=in_flight,  # one partition out at a time, then the default
            )
        )
        for n, in_flight in enumerate((1, None))
    ]
    assert runs[0] == runs[1] and len(runs[0]) == 6
    with Client(cluster.scheduler_address) as client:

        def loads():
            from workbench.extract.pipeline import build_nlp

            return build_nlp.cache_info().misses

        assert set(client.run(loads).values()) <= {0, 1}
        assert sum(client.run(loads).values()) >= 1


def test_cli_writes_jsonl_and_archive_and_reports_failures(
    cluster, inputs, single, tmp_path, capsys
):
    out = tmp_path / "out.jsonl"
    argv = ["extract", "--dask", cluster.scheduler_address, "--archive", str(tmp_path / "arc")]
    code = main([*argv, "--partition-size", "2", "-o", str(out), *inputs])
    err = capsys.readouterr().err
    assert code == 2  # a row was skipped and an article failed: reported, the run went on
    assert "skipped" in err and "too long for one article" in err
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert lines == [r.to_dict() for r in single if not isinstance(r, WorkbenchError)]
    assert len(list(read_extractions(tmp_path / "arc"))) == len(lines)


def test_cli_refuses_archive_without_dask_and_dask_without_archive(tmp_path, capsys):
    assert main(["extract", "--archive", str(tmp_path / "a"), "x.txt"]) == 2
    assert main(["extract", "--dask", "tcp://127.0.0.1:1", "x.txt"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and "--archive is for --dask" in err[0] and "needs --archive" in err[1]


def test_the_documented_config_file_is_cluster_config():
    import re
    from pathlib import Path

    import yaml

    text = (Path(__file__).parent.parent / "docs" / "archives.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"```yaml\n(.*?)```", text, flags=re.S)

    def flat(tree, prefix=""):
        for key, value in tree.items():
            if isinstance(value, dict):
                yield from flat(value, f"{prefix}{key}.")
            else:
                yield f"{prefix}{key}", value

    assert dict(flat(yaml.safe_load(block))) == CLUSTER_CONFIG


def test_a_slow_partition_does_not_starve_the_other_worker(cluster, tmp_path):
    """Behind a slow first partition, the other worker goes on with the next ones.

    Results done but waiting for the slow one used to count against `in_flight`: with
    two out at a time, the second worker did one partition and then idled until the
    first was done. The first result given on comes only after the slow partition, so
    the partitions done by then show whether the other worker was kept at work."""
    from workbench.distributed import extract_on_dask
    from workbench.model import Article

    slow = Article(id="slow", text="Reuters said the envoy met Sisi in Cairo on Monday. " * 400)
    quick = [
        Article(id=f"q{n}", text=f"The UN said aid reached Idlib on day {n}.") for n in range(8)
    ]
    done: list[int] = []
    results = extract_on_dask(
        [slow, *quick],
        scheduler=cluster.scheduler_address,
        archive=tmp_path / "archive",
        partition_size=1,
        in_flight=2,
        on_progress=done.append,
    )
    first = next(results)
    assert first.article.id == "slow"
    # without the fix exactly 2 (the slow one and a single quick one)
    assert done[-1] >= 4, done
    assert [r.article.id for r in results] == [a.id for a in quick]


def test_no_partition_waits_in_a_busy_workers_queue(cluster, tmp_path):
    """The scheduler, not a worker, holds the partitions no worker is free for.

    With Dask's worker-saturation of 1.1 each one-thread worker was also given a second
    partition to queue, which waited there behind a slow one even when the other worker
    was idle (work stealing did not move it in bench_dask.py's runs). Each time a
    partition comes back, no worker has more than the one it is running."""
    from distributed import Client

    from workbench.distributed import extract_on_dask
    from workbench.model import Article

    slow = Article(id="slow", text="Reuters said the envoy met Sisi in Cairo on Monday. " * 400)
    quick = [
        Article(id=f"q{n}", text=f"The UN said aid reached Idlib on day {n}.") for n in range(7)
    ]
    most: list[int] = []
    with Client(cluster.scheduler_address) as client:

        def tasks_on_a_worker(done: int) -> None:
            most.append(
                client.run_on_scheduler(
                    lambda dask_scheduler: max(
                        len(ws.processing) for ws in dask_scheduler.workers.values()
                    )
                )
            )

        results = list(
            extract_on_dask(
                [slow, *quick],
                scheduler=client,
                archive=tmp_path / "archive",
                partition_size=1,
                on_progress=tasks_on_a_worker,
            )
        )
    assert [r.article.id for r in results] == [a.id for a in [slow, *quick]]
    assert len(most) == 8 and max(most) <= 1, most
