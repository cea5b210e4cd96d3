"""10^7 synthetic series evaluated with onpace.batch in dask map_partitions over a
dask.distributed LocalCluster (two worker processes); results identical to the single-process
run; throughput reported.

    .venv/bin/python benches/python/dask_scale.py [N]

On a real cluster, replace LocalCluster(...) by Client("tcp://scheduler:8786") and read the
panel with dd.read_parquet(...): the map_partitions call is the same. Every worker needs
onpace installed (pip install onpace wheel).
"""

from __future__ import annotations

import json
import sys
import time

import numpy as np
import pandas as pd

import onpace

COLUMNS = ["baseline", "target", "base_year", "target_year", "year", "value", "direction"]
OUT = ["completion", "time_share", "pace", "actual_cagr", "required_cagr", "ratio", "status"]


def panel(n: int, seed: int = 11) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    b = rng.uniform(1, 10, n)
    return pd.DataFrame({"baseline": b, "target": b + rng.uniform(0.5, 5, n), "base_year": 2020.0, "target_year": 2025.0,
                         "year": rng.integers(2021, 2026, n).astype(float), "value": b + rng.uniform(-1, 6, n), "direction": 1.0})


def assess_partition(df: pd.DataFrame) -> pd.DataFrame:
    out = onpace.batch.progress(*(df[c].to_numpy() for c in COLUMNS[:6]), direction=df["direction"].to_numpy())
    return pd.DataFrame(out, index=df.index)


def main() -> None:
    import dask.dataframe as dd
    from dask.distributed import Client, LocalCluster

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
    df = panel(n)
    t = time.perf_counter()
    single = assess_partition(df)
    t_single = time.perf_counter() - t
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster) as client:
        ddf = dd.from_pandas(df, npartitions=20).persist()
        client.wait_for_workers(2)
        meta = pd.DataFrame({k: pd.Series(dtype="int8" if k == "status" else "float64") for k in OUT})
        t = time.perf_counter()
        result = ddf.map_partitions(assess_partition, meta=meta).compute()
        t_dask = time.perf_counter() - t
    for k in OUT:
        np.testing.assert_array_equal(result[k].to_numpy(), single[k].to_numpy(), err_msg=k)
    print(json.dumps({"n": n, "single_process_s": t_single, "single_series_per_s": n / t_single,
                      "dask_2_workers_s": t_dask, "dask_series_per_s": n / t_dask, "identical": True}, indent=1))


if __name__ == "__main__":
    main()
