"""Users, roles and passwords (scrypt; never stored plain)."""
from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from models import ROLES, User, write_transaction
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


def default_user() -> User:
    return ensure_first_owner()


def get_user(username: str) -> User:
    user = User.get_or_none(User.username == clean_line(username))
    if user is None:
        raise NotFound("user.not_found", name=username)
    return user


def authenticate(username: str, password: str) -> User:
    user = User.get_or_none(User.username == clean_line(username))
    if user is None or not verify_password(password, user.password_hash):
        if user is not None and not user.password_hash and password == "":
            return _active(user)
        raise ValidationError("user.bad_login", field="密码")
    return _active(user)


def _active(user: User) -> User:
    if not user.active:
        raise ValidationError("user.inactive", field="用户", name=user.username)
    return user


def create_user(actor: User, username: str, role: str, password: str | None = None,
                display_name: str = "") -> User:
    require(actor, "user.manage")
    username = clean_line(username)
    if not username:
        raise ValidationError("value.required", field="用户名")
    if role not in ROLES:
        raise ValidationError("user.bad_role", field="角色", role=role)
    if password is not None and len(password) < 6:
        raise ValidationError("user.short_password", field="密码")
    with write_transaction():
        if User.select().where(User.username == username).exists():
            raise ValidationError("user.duplicate", field="用户名", name=username)
        user = User.create(username=username, role=role, display_name=clean_line(display_name) or username,
                           password_hash=hash_password(password) if password else None)
        audit.record(actor, "user.create", "user", user.id, new={"username": username, "role": role})
    return user


def set_password(actor: User, username: str, password: str) -> None:
    user = get_user(username)
    if actor.id != user.id:
        require(actor, "user.manage")
    if len(password) < 6:
        raise ValidationError("user.short_password", field="密码")
    with write_transaction():
        User.update(password_hash=hash_password(password)).where(User.id == user.id).execute()
        audit.record(actor, "user.password", "user", user.id, reason="password changed")


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
    return User.get_by_id(user.id)
