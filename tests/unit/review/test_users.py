"""Users: argon2 hashes, three strikes lock an account for 30 minutes, sessions end when idle."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from docintake.storage.tables import Audit, User, WebSession
from docintake.storage.users import InvalidUser

from .conftest import NOW

GOOD = "correct horse battery"


def test_only_an_argon2_hash_is_kept(users, engine):
    users.add("Clerk1", GOOD, "clerk", NOW)
    with engine.connect() as connection:
        stored = connection.execute(select(User.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$") and GOOD not in stored


@pytest.mark.parametrize(("name", "password", "role"), [
    ("x", GOOD, "clerk"), ("clerk1", "short", "clerk"), ("clerk1", GOOD, "root"), ("bad name!", GOOD, "clerk"),
])
def test_bad_users_are_refused(users, name, password, role):
    with pytest.raises(InvalidUser):
        users.add(name, password, role, NOW)


def test_a_name_is_taken_once(users):
    users.add("clerk1", GOOD, "clerk", NOW)
    with pytest.raises(InvalidUser):
        users.add("CLERK1", GOOD, "admin", NOW)


def test_three_failures_lock_the_account_even_for_the_right_password(users, engine):
    users.add("clerk1", GOOD, "clerk", NOW)
    assert users.sign_in("clerk1", "wrong", NOW).account is None
    assert users.sign_in("clerk1", "wrong", NOW).account is None
    third = users.sign_in("clerk1", "wrong", NOW)
    assert third.account is None and third.locked
    assert users.sign_in("clerk1", GOOD, NOW + timedelta(minutes=29)).account is None
    assert users.sign_in("clerk1", GOOD, NOW + timedelta(minutes=31)).account is not None
    with engine.connect() as connection:
        actions = connection.execute(select(Audit.action).order_by(Audit.id)).scalars().all()
    assert actions.count("user.sign_in_failed") == 4 and "user.locked" in actions and "user.signed_in" in actions


def test_a_success_resets_the_count(users):
    users.add("clerk1", GOOD, "clerk", NOW)
    users.sign_in("clerk1", "wrong", NOW)
    users.sign_in("clerk1", "wrong", NOW)
    assert users.sign_in("clerk1", GOOD, NOW).account is not None
    users.sign_in("clerk1", "wrong", NOW)
    assert users.sign_in("clerk1", GOOD, NOW).account is not None


def test_an_admin_unlocks(users):
    users.add("clerk1", GOOD, "clerk", NOW)
    for _ in range(3):
        users.sign_in("clerk1", "wrong", NOW)
    assert users.find("clerk1").locked(NOW)
    users.unlock("clerk1", NOW, actor="admin1")
    assert users.sign_in("clerk1", GOOD, NOW).account is not None


def test_unknown_and_disabled_users_fail(users):
    users.add("clerk1", GOOD, "clerk", NOW)
    assert users.sign_in("nobody", GOOD, NOW).account is None
    users.set_disabled("clerk1", True, NOW)
    assert users.sign_in("clerk1", GOOD, NOW).account is None


def test_sessions_end_when_idle_past_their_lifetime_or_on_sign_out(users, engine):
    account = users.add("clerk1", GOOD, "clerk", NOW)
    cookie, csrf = users.open_session(account, NOW)
    with engine.connect() as connection:
        assert connection.execute(select(WebSession.id)).scalar_one() != cookie  # only its hash is kept
    assert users.resume(cookie, NOW + timedelta(minutes=29)).csrf_token == csrf
    assert users.resume(cookie, NOW + timedelta(minutes=58)) is not None  # the idle clock restarted
    assert users.resume(cookie, NOW + timedelta(minutes=89)) is None  # 31 minutes idle
    assert users.resume(cookie, NOW + timedelta(minutes=90)) is None  # and it stays ended
    second, _ = users.open_session(account, NOW)
    users.end_session(second, NOW)
    assert users.resume(second, NOW) is None
    third, _ = users.open_session(account, NOW)
    for minutes in range(0, 12 * 60 + 1, 20):
        alive = users.resume(third, NOW + timedelta(minutes=minutes))
    assert alive is None  # 12 hours at most, however busy
    assert users.resume("not-a-session", NOW) is None


def test_disabling_or_a_new_password_ends_sessions(users):
    account = users.add("clerk1", GOOD, "clerk", NOW)
    cookie, _ = users.open_session(account, NOW)
    users.set_password("clerk1", "another good password", NOW)
    assert users.resume(cookie, NOW) is None
    cookie, _ = users.open_session(account, NOW)
    users.set_disabled("clerk1", True, NOW)
    assert users.resume(cookie, NOW) is None


def test_many_failures_from_one_address_are_refused_whatever_the_names(engine):
    from docintake.storage.users import Policy, SqlUsers

    users = SqlUsers(engine, Policy(client_failures=4))
    users.add("clerk1", GOOD, "clerk", NOW)
    for name in ("ana", "bob", "cy", "dee"):
        assert not users.sign_in(name, "guess", NOW, client="10.0.0.9").throttled
    refused = users.sign_in("clerk1", GOOD, NOW, client="10.0.0.9")
    assert refused.account is None and refused.throttled
    assert users.sign_in("clerk1", GOOD, NOW, client="10.0.0.10").account is not None  # another address
    assert users.sign_in("clerk1", GOOD, NOW + timedelta(minutes=31), client="10.0.0.9").account is not None
    assert not users.find("clerk1").locked(NOW)  # spraying locked nobody's account
