"""SMTP backend of the Notifier (smtplib): STARTTLS or implicit TLS unless the relay is on loopback."""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from docintake.notify.notifier import Notice
from docintake.settings import Settings


class NotifierMisconfigured(ValueError):
    """Settings that cannot send mail (no recipient); the message names the setting."""


@dataclass(frozen=True, slots=True)
class SmtpNotifier:
    host: str
    port: int
    sender: str
    recipients: tuple[str, ...]
    tls: str = "starttls"  # starttls | ssl | none
    username: str = ""
    password: str = ""
    timeout_s: float = 10.0

    @classmethod
    def from_settings(cls, settings: Settings) -> SmtpNotifier:
        recipients = tuple(r.strip() for r in settings.smtp_to.split(",") if r.strip())
        if not recipients:
            raise NotifierMisconfigured("DOCINTAKE_SMTP_TO names no recipient")
        return cls(settings.smtp_host, settings.smtp_port, settings.smtp_from, recipients, settings.smtp_tls,
                   settings.smtp_username, settings.smtp_password.get_secret_value(), settings.smtp_timeout_s)

    def message(self, notice: Notice) -> EmailMessage:
        message = EmailMessage()
        message["From"] = self.sender
        message["To"] = ", ".join(self.recipients)
        message["Subject"] = notice.subject
        message["Date"] = formatdate(usegmt=True)
        message["Message-ID"] = make_msgid(domain=self.sender.rpartition("@")[2] or None)
        message["X-Docintake-Event"] = notice.event
        message["X-Docintake-Reference-Id"] = notice.reference_id
        message.set_content(notice.body)
        return message

    def send(self, notice: Notice) -> None:
        context = ssl.create_default_context()
        if self.tls == "ssl":
            client: smtplib.SMTP = smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout_s, context=context)
        else:
            client = smtplib.SMTP(self.host, self.port, timeout=self.timeout_s)
        with client:
            if self.tls == "starttls":
                client.starttls(context=context)
            if self.username:
                client.login(self.username, self.password)
            client.send_message(self.message(notice))
