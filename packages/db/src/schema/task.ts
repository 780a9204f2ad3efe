import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  date,
  index,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'
import { user } from './auth'

export const taskPriority = pgEnum('task_priority', ['low', 'medium', 'high'])

/**
 * A user's task. Every query on this table carries `user_id` in its WHERE clause; the row goes
 * when its user goes (ON DELETE CASCADE). The checks repeat the contract's limits so that no path
 * around the API can store what the API would refuse.
 *
 * The indexes serve the task list (docs/decisions/0305-task-list-indexes.md): one per keyset sort,
 * `(user_id, sort value, id)`, whose expression is the one apps/api's task-sorts.ts orders by (the
 * due date twice: tasks without one come last in both directions); one for the category filter,
 * which can match few of a user's tasks; and trigram indexes (pg_trgm, with btree_gin for the
 * user id) for the substring search over title and description, written at once rather than
 * through a pending list (`fastupdate = off`), so that no search has to read a pending list.
 */
export const task = pgTable(
  'task',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    userId: uuid('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    completed: boolean('completed').notNull().default(false),
    priority: taskPriority('priority').notNull().default('medium'),
    category: text('category'),
    dueDate: date('due_date', { mode: 'string' }),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [
    index('task_user_id_created_at_id_idx').on(table.userId, table.createdAt, table.id),
    index('task_user_id_updated_at_id_idx').on(table.userId, table.updatedAt, table.id),
    index('task_user_id_due_date_last_idx').on(
      table.userId,
      sql`coalesce(${table.dueDate}, 'infinity'::date)`,
      table.id,
    ),
    index('task_user_id_due_date_first_idx').on(
      table.userId,
      sql`coalesce(${table.dueDate}, '-infinity'::date)`,
      table.id,
    ),
    index('task_user_id_priority_id_idx').on(table.userId, table.priority, table.id),
    index('task_user_id_title_id_idx').on(table.userId, table.title, table.id),
    index('task_user_id_category_created_at_id_idx').on(
      table.userId,
      table.category,
      table.createdAt,
      table.id,
    ),
    index('task_title_trgm_idx')
      .using('gin', table.userId, table.title.op('gin_trgm_ops'))
      .with({ fastupdate: false }),
    index('task_description_trgm_idx')
      .using('gin', table.userId, table.description.op('gin_trgm_ops'))
      .with({ fastupdate: false }),
    check('task_title_length', sql`char_length(${table.title}) between 1 and 200`),
    check('task_description_length', sql`char_length(${table.description}) <= 2000`),
    check(
      'task_category_length',
      sql`${table.category} is null or char_length(${table.category}) between 1 and 50`,
    ),
    check(
      'task_completed_at_matches',
      sql`(${table.completed} and ${table.completedAt} is not null) or (not ${table.completed} and ${table.completedAt} is null)`,
    ),
  ],
)

export type TaskRow = typeof task.$inferSelect
export type NewTaskRow = typeof task.$inferInsert
