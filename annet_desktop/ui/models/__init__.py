"""Qt item models over plain Python lists held by CabinetState (never QTableWidget)."""
