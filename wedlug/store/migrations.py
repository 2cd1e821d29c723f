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


# Search in date order (0003). SQLite's full-text rowid becomes a search key that sorts like
# (published day, order of ingest): YYYYMMDD * 2^32 + articles.rowid (day 0 when undated).
# FTS5 walks its index in rowid order, so "the newest matches" are read first and a search
# stops after the window it ranks (wedlug.query.search) instead of scoring every match.
# Only originals are indexed (copies are found through them). `search_facts` holds, per
# search key, what the filters ask about, so that a filter is a range of one index:
#   site:SITE, e:ENTITY_ID and b:MENTION_BASE (mentions), k:KIND, p:POLARITY, se:SPEAKER_ENTITY
#   and sb:SPEAKER_BASE (statements); `search_speakers` lists the speakers' base forms once.
# Triggers keep both in step with articles, mentions and statements, whoever writes them.
# `published` is a YYYY-MM-DD date or NULL (as ingest stores it). The constants and functions
# from here to POSTGRES_SEARCH make migration 0003: change them only with a new migration.
SEARCH_DAY_SHIFT = 4294967296


def search_key(row: str) -> str:
    """Return the SQL expression of the search key of the articles row `row` (SQLite)."""
    return (f"(COALESCE(CAST(replace(substr({row}.published, 1, 10), '-', '') AS INTEGER), 0) "
            f"* {SEARCH_DAY_SHIFT} + {row}.rowid)")


# The facts a mentions or statements row gives its article: (prefix, column).
FACT_COLUMNS = {
    "mentions": (("e:", "entity_id"), ("b:", "base")),
    "statements": (("k:", "kind"), ("p:", "polarity"), ("se:", "speaker_entity"), ("sb:", "speaker_base")),
}


def _article_facts(row: str) -> str:
    """Return a SELECT of the facts of the articles row `row`: its site's and its children's
    (those still stored: the writer deletes the children first, and their triggers their facts)."""
    parts = [f"SELECT 'site:' || {row}.site AS fact"]
    for table, columns in FACT_COLUMNS.items():
        parts += [f"SELECT '{prefix}' || c.{column} FROM {table} c WHERE c.article_id = {row}.id"
                  for prefix, column in columns]
    return " UNION ALL ".join(parts)


def _child_triggers(table: str) -> list[str]:
    """Return the triggers that keep the facts of `table` (mentions or statements) in step."""
    key = f"(SELECT {search_key('a')} FROM articles a WHERE a.id = {{row}}.article_id)"
    # One plain INSERT per fact: cheaper for the writer than one INSERT of a UNION.
    add = "\n".join(
        f"""INSERT OR IGNORE INTO search_facts(fact, key) SELECT '{prefix}' || new.{column}, {search_key('a')}
                FROM articles a WHERE a.id = new.article_id AND new.{column} IS NOT NULL;"""
        for prefix, column in FACT_COLUMNS[table])
    # A deleted row's fact goes only when no other row of the article still gives it.
    gone = "\n".join(
        f"""DELETE FROM search_facts WHERE fact = '{prefix}' || old.{column} AND key = {key.format(row='old')}
                AND NOT EXISTS (SELECT 1 FROM {table} c WHERE c.article_id = old.article_id
                                AND +c.{column} = old.{column});"""
        for prefix, column in FACT_COLUMNS[table])
    speakers = ("INSERT OR IGNORE INTO search_speakers(base) SELECT new.speaker_base "
                "WHERE new.speaker_base IS NOT NULL;" if table == "statements" else "")
    return [
        f"""CREATE TRIGGER search_{table}_insert AFTER INSERT ON {table} BEGIN {speakers}
            {add}
            END""",
        f"""CREATE TRIGGER search_{table}_delete AFTER DELETE ON {table} BEGIN
            {gone}
            END""",
    ]


def _sqlite_search() -> list[str]:
    """Return migration 0003 for SQLite: date-ordered full text of originals, facts, triggers."""
    new, old = search_key("new"), search_key("old")
    statements = [
        "DROP TRIGGER IF EXISTS articles_fts_insert",
        "DROP TRIGGER IF EXISTS articles_fts_delete",
        "DROP TRIGGER IF EXISTS articles_fts_update",
        "DROP TABLE IF EXISTS articles_fts",
        f"""CREATE VIEW search_content AS SELECT {search_key('a')} AS key, a.lemmas AS lemmas
            FROM articles a WHERE a.dup_of IS NULL""",
        """CREATE VIRTUAL TABLE articles_fts USING fts5(lemmas, content='search_content',
            content_rowid='key', tokenize='unicode61 remove_diacritics 0')""",
        """CREATE TABLE search_facts (fact TEXT NOT NULL, key INTEGER NOT NULL,
            PRIMARY KEY (fact, key)) WITHOUT ROWID""",
        "CREATE TABLE search_speakers (base TEXT PRIMARY KEY) WITHOUT ROWID",
        f"""CREATE TRIGGER search_articles_insert AFTER INSERT ON articles BEGIN
            SELECT RAISE(ABORT, 'search keys need articles.rowid < 2^32')
                WHERE new.rowid >= {SEARCH_DAY_SHIFT};
            INSERT INTO articles_fts(rowid, lemmas) SELECT {new}, new.lemmas WHERE new.dup_of IS NULL;
            INSERT OR IGNORE INTO search_facts(fact, key) SELECT 'site:' || new.site, {new}
                WHERE new.site IS NOT NULL;
            END""",
        f"""CREATE TRIGGER search_articles_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, lemmas) SELECT 'delete', {old}, old.lemmas
                WHERE old.dup_of IS NULL;
            DELETE FROM search_facts WHERE key = {old} AND fact IN ({_article_facts('old')});
            END""",
        # A new date gives the article a new key: its facts move with it.
        f"""CREATE TRIGGER search_articles_update AFTER UPDATE OF published, site, lemmas, dup_of ON articles
            BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, lemmas) SELECT 'delete', {old}, old.lemmas
                WHERE old.dup_of IS NULL;
            INSERT INTO articles_fts(rowid, lemmas) SELECT {new}, new.lemmas WHERE new.dup_of IS NULL;
            DELETE FROM search_facts WHERE ({old} <> {new} OR old.site IS NOT new.site)
                AND key = {old} AND fact IN ({_article_facts('old')});
            INSERT OR IGNORE INTO search_facts(fact, key) SELECT fact, {new} FROM ({_article_facts('new')})
                WHERE fact IS NOT NULL AND ({old} <> {new} OR old.site IS NOT new.site);
            END""",
        *_child_triggers("mentions"),
        *_child_triggers("statements"),
        # What is stored already: index the originals, gather the facts.
        "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
        f"""INSERT OR IGNORE INTO search_facts(fact, key) SELECT 'site:' || a.site, {search_key('a')}
            FROM articles a WHERE a.site IS NOT NULL""",
        """INSERT OR IGNORE INTO search_speakers(base)
            SELECT speaker_base FROM statements WHERE speaker_base IS NOT NULL""",
    ]
    for table, columns in FACT_COLUMNS.items():
        statements += [f"""INSERT OR IGNORE INTO search_facts(fact, key)
            SELECT '{prefix}' || c.{column}, {search_key('a')} FROM {table} c
            JOIN articles a ON a.id = c.article_id WHERE c.{column} IS NOT NULL"""
            for prefix, column in columns]
    return statements


# PostgreSQL ranks the same window: `seq` is its order of ingest (SQLite's rowid).
POSTGRES_SEARCH = [
    "ALTER TABLE articles ADD COLUMN seq BIGINT GENERATED ALWAYS AS IDENTITY",
    "CREATE INDEX articles_newest ON articles (published DESC NULLS LAST, seq DESC) WHERE dup_of IS NULL",
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
    Migration("0003_search_order", sqlite=tuple(_sqlite_search()), postgres=tuple(POSTGRES_SEARCH)),
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
