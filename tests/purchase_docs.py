"""Purchase orders made straight through the models (printing tests need no purchasing workflow),
and the PDF tools the printing tests read with."""
from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

VEGETABLES = [("菠菜", "散装", "斤", "3.20"), ("西红柿", "精品", "斤", "4.50"), ("黄瓜", "水果黄瓜", "斤", "3.80"),
              ("土豆", "黄心", "斤", "1.90"), ("胡萝卜", "", "斤", "2.30"), ("鸡蛋", "30枚/盒", "盒", "23.80"),
              ("豆腐", "400g", "盒", "3.50"), ("牛奶", "250ml×12", "箱", "58.00")]


def make_supplier(code: str = "GY01", name: str = "绿源蔬菜批发行", **extra):
    from models import Supplier

    defaults = dict(contact="王建国", phone="138 0013 8000", address="城南农产品批发市场 B 区 17 号",
                    lead_time_days=1, delivery_weekdays="135")
    return Supplier.create(code=code, name=name, **{**defaults, **extra})


def make_product(owner, name: str, spec: str, unit: str, sku: str | None = None):
    from services import products

    return products.save_product(owner, products.ProductInput(name=name, spec=spec, base_unit=unit, sku=sku or ""))


def make_order(shop, number: str, lines: list[tuple], *, supplier=None, state: str = "approved",
               note: str = "早上 7 点前送到后门", expected: dt.date | None = dt.date(2026, 11, 24)):
    """lines: (product, unit, quantity, price) with quantity/price as text; the order's total is their sum."""
    from models import PurchaseOrder, PurchaseOrderLine

    supplier = supplier or make_supplier()
    order = PurchaseOrder.create(number=number, supplier=supplier, state=state, location=shop.store,
                                 order_date=dt.date(2026, 11, 22), expected_date=expected, note=note,
                                 created_by=shop.owner, approved_by=shop.owner if state == "approved" else None)
    total = Decimal(0)
    for no, (product, unit, qty, price) in enumerate(lines, 1):
        PurchaseOrderLine.create(order=order, line_no=no, product=product, unit=unit, quantity=Decimal(qty),
                                 price=Decimal(price))
        total += Decimal(qty) * Decimal(price)
    order.total = total
    order.save()
    return order


def three_line_order(shop, number: str = "CG20261122-001"):
    owner = shop.owner
    spinach = make_product(owner, "菠菜", "散装", "斤", sku="VEG-001")
    eggs = make_product(owner, "鸡蛋", "30枚/盒", "盒", sku="EGG-030")
    lines = [(spinach, "斤", "25", "3.20"), (shop.blueberry, "箱", "2", "96.00"), (eggs, "盒", "12", "23.80")]
    return make_order(shop, number, lines)


def sixty_line_order(shop, number: str = "CG20261122-060"):
    owner = shop.owner
    lines = []
    for i in range(60):
        name, spec, unit, price = VEGETABLES[i % len(VEGETABLES)]
        product = make_product(owner, f"{name}{i + 1:02d}", spec, unit, sku=f"SKU-{i + 1:03d}")
        lines.append((product, unit, str(5 + i), price))
    return make_order(shop, number, lines)


def need(tool: str) -> str:
    """The path of a poppler/zbar tool; skips where it is missing (.ci/run installs them)."""
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} not installed (Debian: poppler-utils / zbar-tools)")
    return path


def pdf_text(pdf: Path) -> str:
    return subprocess.run([need("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run([need("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def decode_qr(pdf: Path, tmp: Path, dpi: int = 200) -> list[str]:
    """Every QR code zbarimg finds on the pages, rendered as a supplier's phone would see them."""
    zbar = need("zbarimg")
    prefix = tmp / "qr-page"
    subprocess.run([need("pdftoppm"), "-r", str(dpi), "-png", str(pdf), str(prefix)], check=True)
    found: list[str] = []
    for png in sorted(tmp.glob("qr-page*.png")):
        result = subprocess.run([zbar, "--quiet", "--raw", "-Sqrcode.enable", str(png)],  # one code a line
                                capture_output=True)
        if result.returncode == 0:
            found += [part for part in result.stdout.decode("utf-8").split("\n") if part]
    return found
