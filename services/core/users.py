"""Users, roles and passwords (scrypt; never stored plain), and logging in.

Login is switched on once any active account has a password. From then on an account without a
password cannot log in, so at least one active owner must keep a password (`_keep_an_owner_login`
refuses any change that would lock the owner out); a shop that switched login on before this rule
lets its password-less owner set one at the login (`claim_owner_password`). A failed login is
written to the audit log (the weekly audit report counts them)."""
from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

import peewee

from models import ROLES, DatabaseOpenError, User, write_transaction
from services.core import audit
from services.core.errors import NotFound, ValidationError
from services.core.permissions import require
from services.core.text_clean import clean_line

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
DEFAULT_OWNER = "owner"


@dataclass(frozen=True)
class UserRow:
    username: str
    display_name: str
    role: str
    active: bool
    has_password: bool

    def as_json(self) -> dict:
        return {"username": self.username, "display_name": self.display_name, "role": self.role,
                "active": self.active, "has_password": self.has_password}


def list_users() -> list[UserRow]:
    return [UserRow(u.username, u.display_name, u.role, u.active, bool(u.password_hash))
            for u in User.select().order_by(User.id)]


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str | None) -> bool:
    if not stored:
        return False
    try:
        _, n, r, p, salt_hex, digest_hex = stored.split("$")
        digest = hashlib.scrypt(password.encode("utf-8"), salt=bytes.fromhex(salt_hex),
                                n=int(n), r=int(r), p=int(p), dklen=32)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(digest.hex(), digest_hex)


def ensure_first_owner() -> User:
    """The first-run owner account (no password: a one-person shop skips login)."""
    owner = User.select().where(User.role == "owner").order_by(User.id).first()
    if owner:
        return owner
    with write_transaction():
        owner = User.create(username=DEFAULT_OWNER, display_name="店主", role="owner")
        audit.record(owner, "user.create", "user", owner.id, new={"username": owner.username, "role": "owner"})
    return owner


def login_required() -> bool:
    """Login is asked for once any active user has a password."""
    return User.select().where(User.active & User.password_hash.is_null(False)).exists()


def owner_can_log_in() -> bool:
    return User.select().where(User.active & (User.role == "owner") & User.password_hash.is_null(False)).exists()


def must_set_owner_password(username: str) -> bool:
    """Login is on but no owner has a password (a shop from before the rule): this password-less
    active owner sets one at the login instead of being locked out."""
    user = User.get_or_none(User.username == clean_line(username))
    return (user is not None and user.active and user.role == "owner" and not user.password_hash
            and login_required() and not owner_can_log_in())


def owner_password_needed(actor: User) -> bool:
    """The acting owner has no password and no other owner has one: before any other account gets a
    password she sets hers (the users dialog asks for it in the same step)."""
    fresh = User.get_or_none(User.id == actor.id)
    return fresh is not None and fresh.role == "owner" and not fresh.password_hash and not owner_can_log_in()


def _keep_an_owner_login() -> None:
    """Inside the write transaction, after the change: refused (rolled back) when some account
    needs a login but no owner could log in any more."""
    if login_required() and not owner_can_log_in():
        raise ValidationError("user.owner_password_first", field="密码")


def default_user() -> User:
    return ensure_first_owner()


def get_user(username: str) -> User:
    user = User.get_or_none(User.username == clean_line(username))
    if user is None:
        raise NotFound("user.not_found", name=username)
    return user


def authenticate(username: str, password: str, via: str = "window") -> User:
    """The account if the password is its password and it is active. An account without a password
    never logs in. Every login is recorded in the audit log, refused or let in (`via`: window or cli)."""
    name = clean_line(username)
    user = User.get_or_none(User.username == name)
    if user is None or not verify_password(password, user.password_hash):
        why = "no such user" if user is None else "wrong password" if user.password_hash else "no password set"
        _record_login(None, "user.login_failed", name, f"{why} ({via})")
        raise ValidationError("user.bad_login", field="密码")
    if not user.active:
        _record_login(None, "user.login_failed", name, f"disabled ({via})")
    require_active(user)
    _record_login(user, "user.login", name, via)
    return user


def _record_login(user: User | None, action: str, username: str, reason: str) -> None:
    """Its own committed transaction: a refusal that follows must not roll it back. A database that
    cannot be written (read-only medium) still lets the login through or refuses it."""
    try:
        with write_transaction():
            audit.record(user, action, "login", username, reason=reason)
    except (DatabaseOpenError, peewee.DatabaseError):
        pass


def require_active(user: User) -> User:
    """The user, if the account is enabled: a disabled user can do nothing."""
    if not user.active:
        raise ValidationError("user.inactive", field="用户", name=user.username)
    return user


def claim_owner_password(username: str, password: str) -> User:
    """The password-less owner of a shop without any owner login sets her password at the login."""
    if not must_set_owner_password(username):
        raise ValidationError("user.bad_login", field="密码")
    _check_length(password)
    user = get_user(clean_line(username))
    with write_transaction():
        User.update(password_hash=hash_password(password)).where(User.id == user.id).execute()
        audit.record(user, "user.password", "user", user.id, reason="owner password set at login")
    return get_user(user.username)


def _check_length(password: str) -> None:
    if len(password) < 6:
        raise ValidationError("user.short_password", field="密码")


def create_user(actor: User, username: str, role: str, password: str | None = None,
                display_name: str = "") -> User:
    require(actor, "user.manage")
    username = clean_line(username)
    if not username:
        raise ValidationError("value.required", field="用户名")
    if role not in ROLES:
        raise ValidationError("user.bad_role", field="角色", role=role)
    if password is not None:
        _check_length(password)
    with write_transaction():
        if User.select().where(User.username == username).exists():
            raise ValidationError("user.duplicate", field="用户名", name=username)
        user = User.create(username=username, role=role, display_name=clean_line(display_name) or username,
                           password_hash=hash_password(password) if password else None)
        audit.record(actor, "user.create", "user", user.id, new={"username": username, "role": role})
        _keep_an_owner_login()
    return user


def needs_old_password(actor: User, username: str) -> bool:
    """Changing one's own password asks for the old one; an owner resetting someone else's does not."""
    user = get_user(username)
    return actor.id == user.id and bool(user.password_hash)


def set_password(actor: User, username: str, password: str, old_password: str | None = None) -> None:
    user = get_user(username)
    if actor.id != user.id:
        require(actor, "user.manage")
    else:
        require_active(User.get_by_id(actor.id))
        if user.password_hash and not verify_password(old_password or "", user.password_hash):
            raise ValidationError("user.bad_old_password", field="旧密码")
    _check_length(password)
    with write_transaction():
        User.update(password_hash=hash_password(password)).where(User.id == user.id).execute()
        audit.record(actor, "user.password", "user", user.id, reason="password changed")
        _keep_an_owner_login()


def set_display_name(actor: User, username: str, display_name: str) -> None:
    require(actor, "user.manage")
    user = get_user(username)
    with write_transaction():
        User.update(display_name=clean_line(display_name) or user.username).where(User.id == user.id).execute()
        audit.record(actor, "user.rename", "user", user.id, old=user.display_name, new=clean_line(display_name))


def set_role(actor: User, username: str, role: str, active: bool = True) -> User:
    require(actor, "user.manage")
    if role not in ROLES:
        raise ValidationError("user.bad_role", field="角色", role=role)
    user = get_user(username)
    with write_transaction():
        if user.role == "owner" and (role != "owner" or not active):
            owners = User.select().where((User.role == "owner") & User.active & (User.id != user.id)).count()
            if owners == 0:
                raise ValidationError("user.last_owner", field="角色")
        old = {"role": user.role, "active": user.active}
        User.update(role=role, active=active).where(User.id == user.id).execute()
        audit.record(actor, "user.role", "user", user.id, old=old, new={"role": role, "active": active})
        _keep_an_owner_login()
    return User.get_by_id(user.id)
