import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, uniqueIndex, check } from 'drizzle-orm/sqlite-core';

/** The one school this database belongs to (a single row, id 1). */
export const school = sqliteTable(
  'school',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    code: text('code').notNull(),
    educationOffice: text('education_office').notNull().default(''),
    educationDepartment: text('education_department').notNull().default(''),
    province: text('province').notNull().default(''),
    ward: text('ward').notNull().default(''),
    address: text('address').notNull().default(''),
    principalName: text('principal_name').notNull().default(''),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    /** The demo school seeded by `serve --demo`: the login page may show the demo passwords. */
    demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
    version: integer('version').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  () => [check('school_single_row', sql`id = 1`)],
);

export const schoolYears = sqliteTable(
  'school_years',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull().unique(),
    startDate: text('start_date').notNull(),
    term1End: text('term1_end').notNull(),
    term2Start: text('term2_start').notNull(),
    endDate: text('end_date').notNull(),
    isCurrent: integer('is_current', { mode: 'boolean' }).notNull().default(false),
    version: integer('version').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('school_years_one_current')
      .on(t.isCurrent)
      .where(sql`is_current = 1`),
  ],
);
