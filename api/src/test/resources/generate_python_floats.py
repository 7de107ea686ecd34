#!/usr/bin/python3
"""Writes python_float32_repr.tsv: float32 bit patterns and numpy's str() of them, the format
Lightly's embeddings.csv uses. Run with Debian's /usr/bin/python3 (needs numpy)."""
import numpy as np

rng = np.random.default_rng(7)
values = list(rng.standard_normal(400).astype(np.float32) * np.float32(50))
values += list((rng.random(300) * 10.0 ** rng.integers(-12, 20, 300)).astype(np.float32))
values += [np.float32(v) for v in (0.1, 1e-5, 1e-4, 0.00012345, 1e16, 1.5e16, -51.535, 3.0, 1e-45,
                                   3.4028235e38, 12345678.0, 1e15, 9.999e15, -0.0, 2.5, 100.0)]
with open("python_float32_repr.tsv", "w") as out:
    for v in values:
        out.write(f"{np.float32(v).view(np.uint32):08x}\t{str(np.float32(v))}\n")
