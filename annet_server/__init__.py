"""The reference Cabinet API server (FastAPI + SQLAlchemy 2) with the payment sandbox."""
