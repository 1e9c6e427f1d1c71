"""Channel orders from a platform's file: grouped by 订单号, all or nothing, never twice."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from channel_shop import receive
from xlsx_files import column_of, read_rows, write_xlsx

from models import Reservation, SalesOrder, SalesOrderLine
from services.core.clock import today
from services.core.errors import PermissionDenied, XiaopuError
from services.core.users import create_user
from services.imports.channel_orders import import_channel_orders
from services.imports.excel_table import ImportFailed
from services.sales import sales_orders
from services.stock.sellable import sellable_by_product

HEADER = ["订单号", "商品名称", "商品编码", "条码", "数量", "单价", "顾客", "备注", "支付状态"]


@pytest.fixture
def stocked(shop):
    receive(shop.owner, shop.blueberry, "30", expiry=today() + dt.timedelta(days=5))
    receive(shop.owner, shop.screw, "100")
    return shop


def sellable(sku: str) -> Decimal:
    return next(r.sellable for r in sellable_by_product() if r.sku == sku)


def errors_of(path) -> dict[int, str]:
    col = column_of(path, "错误")
    return {n: v[col] for n, v in read_rows(path).items() if len(v) > col and v[col] and v[col] != "错误"}


def nothing_imported() -> bool:
    return SalesOrder.select().count() == 0 and Reservation.select().count() == 0


def meituan_rows(shop) -> list[list]:
    bb, sc = shop.blueberry.sku, shop.screw.sku
    return [
        ["MT20261122001", "蓝莓", bb, None, 2, 12.5, "王阿姨", "少放冰", "已支付"],
        ["MT20261122001", "螺丝", sc, None, 10, None, None, None, "已支付"],
        ["MT20261122002", "蓝莓", None, 6901234567892, 1, None, "李先生", None, "未支付"],
        ["MT20261122003", "蓝莓一箱", None, "16901234567899", 1, None, None, None, None],  # box barcode = 1 箱
    ]


def test_meituan_orders_reserve_the_pool_for_every_channel(stocked, tmp_path):
    path = write_xlsx(tmp_path / "美团订单.xlsx", [HEADER, *meituan_rows(stocked)])
    result = import_channel_orders(stocked.owner, "MEITUAN", path)
    assert len(result.created) == 3 and result.skipped == [] and "3" in result.message
    orders = {o.external_ref: o for o in SalesOrder.select()}
    assert set(orders) == {"MT20261122001", "MT20261122002", "MT20261122003"}
    assert {o.channel.code for o in orders.values()} == {"MEITUAN"}
    first = orders["MT20261122001"]
    assert first.paid and first.hold_until is None and "王阿姨" in first.note and "少放冰" in first.note
    assert first.total == Decimal("26")  # 2 × 12.5 + 10 × 0.1 (the screw's own price)
    unpaid = orders["MT20261122002"]
    assert not unpaid.paid and unpaid.hold_until is not None  # held for the channel's minutes, then released
    box = SalesOrderLine.get(SalesOrderLine.order == orders["MT20261122003"])
    assert (box.unit, box.quantity, box.factor) == ("箱", 1, 12)
    # one pool: 30 − 2 − 1 − 12 = 15 for 美团, 抖音 and 门店 alike
    assert sellable(stocked.blueberry.sku) == 15 and sellable(stocked.screw.sku) == 90


def test_reimport_creates_nothing_new_and_says_so(stocked, tmp_path):
    path = write_xlsx(tmp_path / "mt.xlsx", [HEADER, *meituan_rows(stocked)])
    import_channel_orders(stocked.owner, "MEITUAN", path)
    again = import_channel_orders(stocked.owner, "MEITUAN", path)
    assert again.created == [] and len(again.skipped) == 3 and "都已导入过" in again.message
    assert SalesOrder.select().count() == 3 and sellable(stocked.blueberry.sku) == 15
    # the afternoon export lists the morning's orders again, plus a new one
    later = write_xlsx(tmp_path / "mt2.xlsx", [HEADER, *meituan_rows(stocked),
                                               ["MT20261122004", "螺丝", stocked.screw.sku, None, 5, None, None,
                                                None, "已支付"]])
    result = import_channel_orders(stocked.owner, "MEITUAN", later)
    assert len(result.created) == 1 and len(result.skipped) == 3 and "未重复建立" in result.message
    # the same number on another channel is another order
    other = import_channel_orders(stocked.owner, "DOUYIN", write_xlsx(tmp_path / "dy.xlsx", [
        HEADER, ["MT20261122004", "螺丝", stocked.screw.sku, None, 1, None, None, None, "已支付"]]))
    assert len(other.created) == 1


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig"])
def test_douyin_csv_in_gbk_and_utf8_bom(stocked, tmp_path, encoding):
    text = ("订单编号,商家编码,购买数量,付款状态,买家备注\n"
            f"DY001,{stocked.blueberry.sku},3,已付款,放门口\n"
            f"DY001,{stocked.screw.sku},\"10\",已付款,\n"
            f"DY002,{stocked.blueberry.sku},1,待支付,\n")
    path = tmp_path / f"抖音-{encoding}.csv"
    path.write_bytes(text.encode(encoding))
    result = import_channel_orders(stocked.owner, "DOUYIN", path)
    assert len(result.created) == 2
    dy1 = SalesOrder.get(SalesOrder.external_ref == "DY001")
    assert "放门口" in dy1.note and dy1.paid
    assert not SalesOrder.get(SalesOrder.external_ref == "DY002").paid
    assert sellable(stocked.blueberry.sku) == 26 and sellable(stocked.screw.sku) == 90


def test_a_comma_that_is_no_thousands_group_is_refused_not_guessed(stocked, tmp_path):
    # "1,0" could be 1.0 or 10 typed with a stray comma; a guess is off by ten either way (issue 14).
    text = ("订单编号,商家编码,购买数量,付款状态,买家备注\n"
            f"DY001,{stocked.blueberry.sku},3,已付款,放门口\n"
            f"DY001,{stocked.screw.sku},\"1,0\",已付款,\n")
    path = tmp_path / "抖音.csv"
    path.write_bytes(text.encode("utf-8-sig"))
    with pytest.raises(ImportFailed) as refused:
        import_channel_orders(stocked.owner, "DOUYIN", path)
    assert "第 3 行" in str(refused.value) and "逗号只用来分千位" in str(refused.value)
    assert SalesOrder.select().count() == 0
    assert sellable(stocked.blueberry.sku) == 30 and sellable(stocked.screw.sku) == 100


def test_bad_rows_import_nothing_and_explain_each_row(stocked, tmp_path):
    bb = stocked.blueberry.sku
    path = write_xlsx(tmp_path / "bad.xlsx", [
        ["美团订单导出 2026-11-22"],  # a title above the header
        HEADER,
        ["A1", "蓝莓", bb, None, 2, None, None, None, "已支付"],
        ["A2", "不存在", "NOPE-1", None, 1, None, None, None, "已支付"],
        ["A3", "蓝莓", bb, None, "两", None, None, None, "已支付"],
        ["A4", "蓝莓", bb, None, 1, None, None, None, "货到付款?"],
        [None, "蓝莓", bb, None, 1, None, None, None, None],
        ["A5", "蓝莓", bb, None, -1, None, None, None, None],
        ["A6", "蓝莓", bb, None, "=1+1", None, None, None, None],
        ["A7", "蓝莓", bb, None, 1, None, None, None, "已支付"],
        ["A7", "蓝莓", bb, None, 1, None, None, None, "未支付"],
    ])
    with pytest.raises(ImportFailed) as failed:
        import_channel_orders(stocked.owner, "MEITUAN", path)
    assert nothing_imported()
    errors = errors_of(failed.value.errors_file)
    assert failed.value.errors_file.name == "bad.errors.xlsx"
    assert set(errors) == {4, 5, 6, 7, 8, 9, 11}  # real Excel row numbers; row 3 (A1) is fine
    assert "找不到商品" in errors[4] and "NOPE-1" in errors[4]
    assert "不是数字" in errors[5] and "两" in errors[5]
    assert "支付状态" in errors[6]
    assert "订单号" in errors[7]
    assert "负数" in errors[8]
    assert "公式" in errors[9]
    assert "第 10 行" in errors[11]
    assert "导入失败" in str(failed.value)


def test_not_enough_stock_for_the_whole_file_names_the_product(stocked, tmp_path):
    path = write_xlsx(tmp_path / "big.xlsx", [
        HEADER,
        ["B1", "蓝莓", stocked.blueberry.sku, None, 20, None, None, None, "已支付"],
        ["B2", "螺丝", stocked.screw.sku, None, 5, None, None, None, "已支付"],
        ["B3", "蓝莓", stocked.blueberry.sku, None, 11, None, None, None, "已支付"],  # 31 > 30
    ])
    with pytest.raises(ImportFailed) as failed:
        import_channel_orders(stocked.owner, "MEITUAN", path)
    errors = errors_of(failed.value.errors_file)
    assert set(errors) == {2, 4}
    assert "蓝莓" in errors[2] and "可售 30" in errors[2] and "31" in errors[2]
    assert nothing_imported()


def test_same_order_number_with_other_goods_is_refused(stocked, tmp_path):
    import_channel_orders(stocked.owner, "MEITUAN", write_xlsx(tmp_path / "a.xlsx", [
        HEADER, ["C1", "蓝莓", stocked.blueberry.sku, None, 2, None, None, None, "已支付"]]))
    number = SalesOrder.get(SalesOrder.external_ref == "C1").number
    with pytest.raises(ImportFailed) as failed:
        import_channel_orders(stocked.owner, "MEITUAN", write_xlsx(tmp_path / "b.xlsx", [
            HEADER,
            ["C2", "螺丝", stocked.screw.sku, None, 1, None, None, None, "已支付"],
            ["C1", "蓝莓", stocked.blueberry.sku, None, 5, None, None, None, "已支付"]]))
    errors = errors_of(failed.value.errors_file)
    assert set(errors) == {3} and "C1" in errors[3] and number in errors[3]
    assert SalesOrder.select().count() == 1  # C2 was not created either


def test_a_failure_half_way_leaves_nothing(stocked, tmp_path, monkeypatch):
    real = sales_orders.create_order
    calls = []

    def flaky(*args, **kwargs):
        calls.append(kwargs["external_ref"])
        if len(calls) == 2:
            raise XiaopuError("value.required", field="模拟故障")
        return real(*args, **kwargs)

    monkeypatch.setattr(sales_orders, "create_order", flaky)
    path = write_xlsx(tmp_path / "mt.xlsx", [HEADER, *meituan_rows(stocked)])
    with pytest.raises(ImportFailed) as failed:
        import_channel_orders(stocked.owner, "MEITUAN", path)
    assert calls == ["MT20261122001", "MT20261122002"]
    assert nothing_imported()  # the first order was rolled back with the rest
    assert "模拟故障" in errors_of(failed.value.errors_file)[4]


def test_files_that_are_not_order_lists(stocked, tmp_path):
    fake = tmp_path / "orders.xlsx"
    fake.write_bytes(b"<html>not a workbook</html>")
    with pytest.raises(XiaopuError, match="不是有效的 Excel"):
        import_channel_orders(stocked.owner, "MEITUAN", fake)
    wrong = write_xlsx(tmp_path / "wrong.xlsx", [["名称", "颜色"], ["蓝莓", "蓝"]])
    with pytest.raises(XiaopuError, match="找不到表头"):
        import_channel_orders(stocked.owner, "MEITUAN", wrong)
    with pytest.raises(XiaopuError, match="找不到渠道"):
        import_channel_orders(stocked.owner, "TAOBAO", wrong)
    finance = create_user(stocked.owner, "kuaiji", "finance")
    with pytest.raises(PermissionDenied):
        import_channel_orders(finance, "MEITUAN", wrong)
    assert nothing_imported()


def test_cli_channel_import_exit_codes(stocked, tmp_path, db_path):
    from test_cli import xiaopu

    good = write_xlsx(tmp_path / "mt.xlsx", [HEADER, *meituan_rows(stocked)])
    done = xiaopu("channel", "import", "MEITUAN", str(good), db=db_path)
    assert done.returncode == 0, done.stderr
    assert "已导入 3 个美团订单" in done.stdout
    again = xiaopu("channel", "import", "MEITUAN", str(good), db=db_path)
    assert again.returncode == 0 and "都已导入过" in again.stdout
    bad = write_xlsx(tmp_path / "bad.xlsx", [HEADER, ["X1", "?", "NOPE", None, 1, None, None, None, None]])
    failed = xiaopu("channel", "import", "MEITUAN", str(bad), db=db_path)
    assert failed.returncode == 1 and "bad.errors.xlsx" in failed.stderr and "第 2 行" in failed.stderr
    assert (tmp_path / "bad.errors.xlsx").exists()
