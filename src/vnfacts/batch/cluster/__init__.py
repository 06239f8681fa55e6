"""`vnfacts batch --scheduler`: a batch run on a Dask cluster, inputs and outputs as fsspec URLs.

Needs the `dask` extra (`pip install 'vnfacts[dask]'`); nothing else in vnfacts imports this.
The client lists the inputs (`listing`), cuts them into tasks of bounded size (`tasks`), and
keeps a bounded number of them running on the cluster (`runner`); each worker reads its task's
documents, extracts them with an Extractor built once per process, and writes one part
atomically (`work`, `parts`). At the end the output folder gets `_manifest.json` and `_SUCCESS`.

    from vnfacts.batch.cluster import ClusterRun, Job, run_on_cluster
    from vnfacts.batch.report import stderr_console

    run = ClusterRun(("s3://bucket/crawl/",), Job(out="s3://bucket/facts/"), "tcp://10.0.0.5:8786")
    exit_code = run_on_cluster(run, stderr_console())
"""
from __future__ import annotations

from .parts import Output, part_name
from .runner import ClusterError, ClusterRun, connect, parse_scheduler, run_on_cluster
from .tasks import Piece, Task, choose_target, cut
from .work import ExtractorPlugin, Job, Rules, run_task

__all__ = ["ClusterError", "ClusterRun", "ExtractorPlugin", "Job", "Output", "Piece", "Rules", "Task",
           "choose_target", "connect", "cut", "parse_scheduler", "part_name", "run_on_cluster", "run_task"]
