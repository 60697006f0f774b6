"""Field recognizers: pages of words -> Reference ID, member ID, DOB, patient, NPI, codes, dates, urgency."""
