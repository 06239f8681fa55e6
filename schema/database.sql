-- The vnfacts database (vnfacts db build, vnfacts batch --db): made by vnfacts.database.schema.create,
-- schema version 1. docs/database.md explains every table. FTS5 shadow tables left out.

CREATE TABLE "documents" (
   "id" INTEGER PRIMARY KEY,
   "source" TEXT NOT NULL,
   "published" TEXT,
   "title" TEXT,
   "authors" TEXT,
   "encoding" TEXT,
   "error_kind" TEXT,
   "error_message" TEXT,
   "facts" INTEGER,
   "vnfacts_version" TEXT,
   "rules_hash" TEXT,
   "digest" TEXT
);

CREATE VIRTUAL TABLE "documents_fts" USING FTS5 (
    "title",
    tokenize='unicode61 remove_diacritics 2',
    content="documents"
);

CREATE TABLE "facts" (
   "id" INTEGER PRIMARY KEY,
   "document_id" INTEGER NOT NULL REFERENCES "documents"("id"),
   "type" TEXT NOT NULL,
   "text" TEXT,
   "start" INTEGER,
   "end" INTEGER,
   "value" TEXT,
   "number" ANY,
   "upper" ANY,
   "currency" TEXT,
   "unit" TEXT,
   "per" TEXT,
   "qualifier" TEXT,
   "date_start" TEXT,
   "date_end" TEXT,
   "grain" TEXT,
   "part_of_day" TEXT,
   "lunar" TEXT,
   "rule" TEXT,
   "name" TEXT,
   "titles" TEXT,
   "honorific" TEXT,
   "rank" TEXT,
   "sector" TEXT,
   "former" INTEGER,
   "organization" TEXT,
   "expanded" TEXT,
   "level" TEXT,
   "kind" TEXT,
   "doc_number" TEXT,
   "year" INTEGER,
   "issuer" TEXT,
   "extra" TEXT
);

CREATE TABLE "mentions" (
   "id" INTEGER PRIMARY KEY,
   "person_id" INTEGER REFERENCES "people"("id"),
   "document_id" INTEGER REFERENCES "documents"("id"),
   "fact_id" INTEGER REFERENCES "facts"("id"),
   "start" INTEGER,
   "end" INTEGER,
   "titles" TEXT
);

CREATE TABLE "offices" (
   "id" INTEGER PRIMARY KEY,
   "title" TEXT,
   "organization" TEXT,
   "place" TEXT,
   "level" TEXT,
   "label" TEXT,
   "holders" INTEGER
);

CREATE VIRTUAL TABLE "offices_fts" USING FTS5 (
    "label", "organization",
    tokenize='unicode61 remove_diacritics 2',
    content="offices"
);

CREATE TABLE "people" (
   "id" INTEGER PRIMARY KEY,
   "name" TEXT,
   "documents" INTEGER,
   "mentions" INTEGER,
   "sector" TEXT,
   "first_seen" TEXT,
   "last_seen" TEXT
);

CREATE VIRTUAL TABLE "people_fts" USING FTS5 (
    "name",
    tokenize='unicode61 remove_diacritics 2',
    content="people"
);

CREATE TABLE "tenures" (
   "id" INTEGER PRIMARY KEY,
   "person_id" INTEGER REFERENCES "people"("id"),
   "office_id" INTEGER REFERENCES "offices"("id"),
   "first_seen" TEXT,
   "last_seen" TEXT,
   "documents" INTEGER
);

CREATE TABLE "vnfacts_meta" (
   "key" TEXT PRIMARY KEY,
   "value" TEXT
);

CREATE INDEX "idx_documents_published"
    ON "documents" ("published");

CREATE UNIQUE INDEX "idx_documents_source"
    ON "documents" ("source");

CREATE INDEX "idx_facts_document_id"
    ON "facts" ("document_id");

CREATE INDEX "idx_facts_name"
    ON "facts" ("name");

CREATE INDEX "idx_facts_organization"
    ON "facts" ("organization");

CREATE INDEX "idx_facts_type_date_start"
    ON "facts" ("type", "date_start");

CREATE INDEX "idx_facts_type_number"
    ON "facts" ("type", "number");

CREATE INDEX "idx_mentions_document_id"
    ON "mentions" ("document_id");

CREATE INDEX "idx_mentions_person_id"
    ON "mentions" ("person_id");

CREATE INDEX "idx_offices_place"
    ON "offices" ("place");

CREATE INDEX "idx_offices_title"
    ON "offices" ("title");

CREATE INDEX "idx_people_name"
    ON "people" ("name");

CREATE INDEX "idx_tenures_office_id"
    ON "tenures" ("office_id");

CREATE INDEX "idx_tenures_person_id"
    ON "tenures" ("person_id");

CREATE VIEW "facts_by_document" AS select facts.*, documents.source, documents.published
from facts join documents on documents.id = facts.document_id;

CREATE TRIGGER "documents_ad" AFTER DELETE ON "documents" BEGIN
  INSERT INTO "documents_fts" ("documents_fts", rowid, "title") VALUES('delete', old.rowid, old."title");
END;

CREATE TRIGGER "documents_ai" AFTER INSERT ON "documents" BEGIN
  INSERT INTO "documents_fts" (rowid, "title") VALUES (new.rowid, new."title");
END;

CREATE TRIGGER "documents_au" AFTER UPDATE ON "documents" BEGIN
  INSERT INTO "documents_fts" ("documents_fts", rowid, "title") VALUES('delete', old.rowid, old."title");
  INSERT INTO "documents_fts" (rowid, "title") VALUES (new.rowid, new."title");
END;

CREATE TRIGGER "offices_ad" AFTER DELETE ON "offices" BEGIN
  INSERT INTO "offices_fts" ("offices_fts", rowid, "label", "organization") VALUES('delete', old.rowid, old."label", old."organization");
END;

CREATE TRIGGER "offices_ai" AFTER INSERT ON "offices" BEGIN
  INSERT INTO "offices_fts" (rowid, "label", "organization") VALUES (new.rowid, new."label", new."organization");
END;

CREATE TRIGGER "offices_au" AFTER UPDATE ON "offices" BEGIN
  INSERT INTO "offices_fts" ("offices_fts", rowid, "label", "organization") VALUES('delete', old.rowid, old."label", old."organization");
  INSERT INTO "offices_fts" (rowid, "label", "organization") VALUES (new.rowid, new."label", new."organization");
END;

CREATE TRIGGER "people_ad" AFTER DELETE ON "people" BEGIN
  INSERT INTO "people_fts" ("people_fts", rowid, "name") VALUES('delete', old.rowid, old."name");
END;

CREATE TRIGGER "people_ai" AFTER INSERT ON "people" BEGIN
  INSERT INTO "people_fts" (rowid, "name") VALUES (new.rowid, new."name");
END;

CREATE TRIGGER "people_au" AFTER UPDATE ON "people" BEGIN
  INSERT INTO "people_fts" ("people_fts", rowid, "name") VALUES('delete', old.rowid, old."name");
  INSERT INTO "people_fts" (rowid, "name") VALUES (new.rowid, new."name");
END;
