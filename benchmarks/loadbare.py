"""The ceiling of benchmarks/load.py: a bare FastAPI app with one small JSON GET."""

from __future__ import annotations

from fastapi import FastAPI

app = FastAPI()


@app.get("/ping")
def ping() -> dict[str, str]:
    """A constant small JSON answer (a sync route, run in the threadpool as the Cabinet's are)."""
    return {"status": "ok"}
