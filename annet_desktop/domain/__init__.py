"""Pure rules and formatting of the cabinet (no Qt): money, dates, phone, e-mail, password."""
