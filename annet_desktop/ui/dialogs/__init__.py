"""The action dialogs of the cabinet, one module per dialog; :mod:`.actions` opens them."""
