"""Build engines besides the local process pool of :func:`graphkit.pipeline.build_into`.

- :mod:`graphkit.engines.dask`: the build as Dask tasks (``graphkit build --engine dask``), on a local
  cluster or on a running ``dask scheduler``; its steps are :mod:`graphkit.kg.partitions`.
"""
