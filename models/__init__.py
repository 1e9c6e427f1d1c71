"""peewee models, database setup and migrations. No business rules live here."""
import models.lazy_psycopg  # noqa: F401  (first: peewee imported without psycopg, see the module)
from models.aliases import ProductAlias
from models.bom import Bom, BomLine
from models.catalog import LOCATION_KINDS, VIRTUAL_KINDS, Barcode, Location, Lot, Product, ProductUnit
from models.db import DatabaseOpenError, database, open_database, write_transaction
from models.ledger import Balance, ClosedPeriod, Counter, Document, Move, Reservation
from models.migrations import SCHEMA_VERSION, migrate
from models.production import (
    BomStep,
    DisassemblyOutput,
    DisassemblyRecipe,
    ProductionLine,
    ProductionOrder,
    ProductionStep,
    WorkReport,
)
from models.purchasing import (
    GoodsReceipt,
    GoodsReceiptLine,
    PurchaseOrder,
    PurchaseOrderLine,
    PurchasePrice,
    PurchaseReturn,
    Supplier,
    SupplierClosedDay,
    SupplierProduct,
)
from models.sales import (
    Channel,
    Customer,
    OutboundTemplate,
    ProductPrice,
    ReceivableEntry,
    SalesOrder,
    SalesOrderLine,
    SalesReturn,
)
from models.stocktake import CountLine, CountPlace, CountSession
from models.users import ROLES, AuditEvent, Setting, User

__all__ = [
    "LOCATION_KINDS", "VIRTUAL_KINDS", "Barcode", "Location", "Lot", "Product", "ProductUnit",
    "DatabaseOpenError", "database", "open_database", "write_transaction",
    "Balance", "ClosedPeriod", "Counter", "Document", "Move", "Reservation",
    "SCHEMA_VERSION", "migrate", "ROLES", "AuditEvent", "Setting", "User",
    "GoodsReceipt", "GoodsReceiptLine", "PurchaseOrder", "PurchaseOrderLine", "PurchasePrice", "PurchaseReturn",
    "Supplier", "SupplierClosedDay", "SupplierProduct", "ProductAlias",
    "Channel", "Customer", "OutboundTemplate", "ProductPrice", "ReceivableEntry", "SalesOrder", "SalesOrderLine",
    "SalesReturn", "CountLine", "CountPlace", "CountSession", "Bom", "BomLine",
    "BomStep", "DisassemblyOutput", "DisassemblyRecipe", "ProductionLine", "ProductionOrder", "ProductionStep",
    "WorkReport",
]
