"""Notices to people about cases (draft reminders, expiry): a Notifier with a log backend and an SMTP backend."""
