"""Schema changes as named migrations, each applied once, inside one transaction.

A migration is a name and its statements; `FLOAT` and `BLOB` are replaced by the
dialect's type names, and a migration may give PostgreSQL or SQLite their own statements
(full text is FTS5 in SQLite and a `tsvector` column in PostgreSQL). Add a migration at
the end; never edit one that has shipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from wedlug.store.base import Database

TABLES = [
    """CREATE TABLE sources (
        key TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        content_hash TEXT,
        article_id TEXT,
        status TEXT NOT NULL,
        error_code TEXT,
        error_message TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        etag TEXT,
        last_modified TEXT,
        updated_at TEXT NOT NULL)""",
    "CREATE INDEX sources_article ON sources(article_id)",
    "CREATE INDEX sources_status ON sources(status)",
    """CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        url TEXT,
        title TEXT,
        published TEXT,
        site TEXT,
        author TEXT,
        text TEXT NOT NULL,
        lemmas TEXT NOT NULL,
        record TEXT NOT NULL,
        dup_of TEXT,
        similarity FLOAT,
        ingested_at TEXT NOT NULL)""",
    "CREATE INDEX articles_published ON articles(published)",
    "CREATE INDEX articles_site ON articles(site)",
    "CREATE INDEX articles_dup_of ON articles(dup_of)",
    """CREATE TABLE entities (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT, kb TEXT, actor TEXT)""",
    """CREATE TABLE mentions (
        article_id TEXT NOT NULL, entity_id TEXT NOT NULL,
        start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, text TEXT, base TEXT)""",
    "CREATE INDEX mentions_article ON mentions(article_id)",
    "CREATE INDEX mentions_entity ON mentions(entity_id)",
    """CREATE TABLE statements (
        article_id TEXT NOT NULL, idx INTEGER NOT NULL,
        speaker TEXT, speaker_base TEXT, speaker_entity TEXT, cue TEXT, content TEXT,
        kind TEXT, polarity TEXT, source TEXT, confidence FLOAT,
        start_char INTEGER, end_char INTEGER,
        PRIMARY KEY (article_id, idx))""",
    "CREATE INDEX statements_speaker_entity ON statements(speaker_entity)",
    """CREATE TABLE amounts (
        article_id TEXT NOT NULL, idx INTEGER NOT NULL,
        start_char INTEGER, end_char INTEGER, text TEXT,
        value FLOAT, low FLOAT, high FLOAT, approx INTEGER, unit TEXT, currency TEXT,
        object TEXT, statement INTEGER,
        PRIMARY KEY (article_id, idx))""",
    """CREATE TABLE times (
        article_id TEXT NOT NULL, idx INTEGER NOT NULL,
        start_char INTEGER, end_char INTEGER, text TEXT, value TEXT, type TEXT,
        PRIMARY KEY (article_id, idx))""",
    """CREATE TABLE minhashes (article_id TEXT PRIMARY KEY, signature BLOB NOT NULL)""",
    """CREATE TABLE minhash_bands (
        band INTEGER NOT NULL, bucket BIGINT NOT NULL, article_id TEXT NOT NULL,
        PRIMARY KEY (band, bucket, article_id))""",
    "CREATE INDEX minhash_bands_article ON minhash_bands(article_id)",
]

# External-content FTS5 over articles.lemmas, kept in step by triggers (the SQLite manual's
# recipe), so the base forms are stored once.
SQLITE_FTS = [
    """CREATE VIRTUAL TABLE articles_fts USING fts5(
        lemmas, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 0')""",
    """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, lemmas) VALUES (new.rowid, new.lemmas); END""",
    """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, lemmas) VALUES ('delete', old.rowid, old.lemmas);
        END""",
    """CREATE TRIGGER articles_fts_update AFTER UPDATE OF lemmas ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, lemmas) VALUES ('delete', old.rowid, old.lemmas);
        INSERT INTO articles_fts(rowid, lemmas) VALUES (new.rowid, new.lemmas); END""",
]

# 'simple' keeps every word as it is: the words indexed are already base forms.
POSTGRES_FTS = [
    """ALTER TABLE articles ADD COLUMN search tsvector
        GENERATED ALWAYS AS (to_tsvector('simple', lemmas)) STORED""",
    "CREATE INDEX articles_search ON articles USING GIN (search)",
]


@dataclass(frozen=True, slots=True)
class Migration:
    """A named schema change; `sqlite`/`postgres` hold statements for one dialect only."""

    name: str
    common: tuple[str, ...] = ()
    sqlite: tuple[str, ...] = ()
    postgres: tuple[str, ...] = ()

    def statements(self, db: Database) -> list[str]:
        """Return the statements for this database, with its type names."""
        own = self.postgres if db.dialect == "postgresql" else self.sqlite
        out = []
        for sql in (*self.common, *own):
            for generic, specific in db.types.items():
                sql = sql.replace(f" {generic}", f" {specific}")
            out.append(sql)
        return out


MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_initial", common=tuple(TABLES)),
    Migration("0002_full_text", sqlite=tuple(SQLITE_FTS), postgres=tuple(POSTGRES_FTS)),
)


def applied(db: Database) -> list[str]:
    """Return the names of the migrations already applied, in order."""
    if "migrations" not in db.tables():
        return []
    return [r["name"] for r in db.query("SELECT name FROM migrations ORDER BY name")]


def migrate(db: Database, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[str]:
    """Apply every migration not yet applied, each in its own transaction; return their names."""
    db.begin()
    try:
        db.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        db.commit()
    except BaseException:
        db.rollback()
        raise
    done = set(applied(db))
    ran = []
    for migration in migrations:
        if migration.name in done:
            continue
        db.begin()
        try:
            # Checked again under the write lock: another process may have just applied it.
            if db.query("SELECT name FROM migrations WHERE name = ?", (migration.name,)):
                db.commit()
                continue
            for sql in migration.statements(db):
                db.execute(sql)
            db.execute("INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                       (migration.name, datetime.now(UTC).isoformat(timespec="seconds")))
            db.commit()
        except BaseException:
            db.rollback()
            raise
        ran.append(migration.name)
    return ran
