-- The task list's indexes (docs/decisions/0305-task-list-indexes.md). pg_trgm and btree_gin are
-- trusted extensions (PostgreSQL 13+): the database's owner may create them; PGlite loads both.
-- IF NOT EXISTS: on a large table an operator may build these first with CREATE INDEX
-- CONCURRENTLY under the same names, and this migration then only records them.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "task_user_id_created_at_id_idx" ON "task" USING btree ("user_id","created_at","id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "task_user_id_updated_at_id_idx" ON "task" USING btree ("user_id","updated_at","id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "task_user_id_due_date_last_idx" ON "task" USING btree ("user_id",coalesce("due_date", 'infinity'::date),"id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "task_user_id_due_date_first_idx" ON "task" USING btree ("user_id",coalesce("due_date", '-infinity'::date),"id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "task_user_id_priority_id_idx" ON "task" USING btree ("user_id","priority","id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "task_user_id_title_id_idx" ON "task" USING btree ("user_id","title","id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "task_user_id_category_created_at_id_idx" ON "task" USING btree ("user_id","category","created_at","id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "task_title_trgm_idx" ON "task" USING gin ("user_id","title" gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "task_description_trgm_idx" ON "task" USING gin ("user_id","description" gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
-- Its first two columns are the new (user_id, created_at, id) index's.
DROP INDEX IF EXISTS "task_user_id_created_at_idx";
