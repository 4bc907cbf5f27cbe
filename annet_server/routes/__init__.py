"""The Cabinet API routes, one module per area; thin: each names a billing function.

``annet_server.app`` includes the routers (this package imports nothing at import time, so the
session module can use :mod:`annet_server.routes.context` without a cycle).
"""
