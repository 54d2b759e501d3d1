"""Add parts.product_url to an existing inventory database.

This was applied by hand to the shared database before the column had an Alembic revision, and
every copy of the database made since has needed it too. It is safe to run more than once.

Usage (from backend/):  python scripts/migrate_add_product_url.py [path/to/inventory.db]
"""

import sqlite3
import sys
from pathlib import Path

DEFAULT_DB = Path(__file__).resolve().parent.parent / "inventory.db"


def column_exists(conn: sqlite3.Connection, table: str, column: str) -> bool:
    rows = conn.execute(f"PRAGMA table_info({table})").fetchall()
    return any(row[1] == column for row in rows)


def migrate(db_path: Path) -> bool:
    conn = sqlite3.connect(db_path)
    try:
        if column_exists(conn, "parts", "product_url"):
            return False
        conn.execute("ALTER TABLE parts ADD COLUMN product_url VARCHAR(500)")
        conn.commit()
        return True
    finally:
        conn.close()


if __name__ == "__main__":
    db_path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DB
    if not db_path.exists():
        sys.exit(f"No database at {db_path}")
    if migrate(db_path):
        print(f"Added parts.product_url to {db_path}")
    else:
        print("parts.product_url already exists; nothing to do")
