-- Full-text index of pupils' folded names (search_name: lowercase, no diacritics, đ→d), so that a
-- search for "nguyen van an" finds pupils by word prefixes without scanning every row.
CREATE VIRTUAL TABLE pupils_fts USING fts5(search_name, content='pupils', content_rowid='id', tokenize='unicode61');
--> statement-breakpoint
INSERT INTO pupils_fts(pupils_fts) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER pupils_fts_after_insert AFTER INSERT ON pupils
BEGIN
  INSERT INTO pupils_fts(rowid, search_name) VALUES (new.id, new.search_name);
END;
--> statement-breakpoint
CREATE TRIGGER pupils_fts_after_delete AFTER DELETE ON pupils
BEGIN
  INSERT INTO pupils_fts(pupils_fts, rowid, search_name) VALUES ('delete', old.id, old.search_name);
END;
--> statement-breakpoint
CREATE TRIGGER pupils_fts_after_update AFTER UPDATE OF search_name ON pupils
BEGIN
  INSERT INTO pupils_fts(pupils_fts, rowid, search_name) VALUES ('delete', old.id, old.search_name);
  INSERT INTO pupils_fts(rowid, search_name) VALUES (new.id, new.search_name);
END;
