"""The Cabinet API: wire contract, typed client and errors. No Qt in here."""
