"""Telling people and the portal: the Notifier (drafts' notices, log or SMTP) and the outbox relay (log or webhook)."""
