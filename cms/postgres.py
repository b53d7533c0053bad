"""Making and dropping whole PostgreSQL databases (the benchmark's, the tests'
throwaway ones), through the server's maintenance database: a database cannot
be created or dropped over a connection to itself. Used by bench/ and tests/,
which must not import each other."""

import psycopg
from psycopg import sql


def maintenance_connection(database):
    """A connection to the server's "postgres" database with `database`'s
    credentials (a Django DATABASES entry, as dj_database_url.parse makes),
    in autocommit: CREATE and DROP DATABASE refuse to run in a transaction."""
    return psycopg.connect(
        host=database["HOST"],
        port=database["PORT"],
        user=database["USER"],
        password=database["PASSWORD"],
        dbname="postgres",
        autocommit=True,
    )


def drop_database(database):
    """Drop `database` if it exists, closing the connections open to it."""
    with maintenance_connection(database) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(database["NAME"])
            )
        )


def create_database(database, if_missing=False):
    """Create `database`; with `if_missing`, only if it does not exist yet.
    Returns whether it was created."""
    with maintenance_connection(database) as connection:
        if if_missing:
            found = connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [database["NAME"]]
            ).fetchone()
            if found:
                return False
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database["NAME"])))
    return True
