CREATE TABLE `app_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`ip` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`full_name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`must_change_password` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`last_login_at` integer,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE TABLE `school` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`code` text NOT NULL,
	`education_office` text DEFAULT '' NOT NULL,
	`education_department` text DEFAULT '' NOT NULL,
	`province` text DEFAULT '' NOT NULL,
	`ward` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`principal_name` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`demo` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "school_single_row" CHECK(id = 1)
);
--> statement-breakpoint
CREATE TABLE `school_years` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`start_date` text NOT NULL,
	`term1_end` text NOT NULL,
	`term2_start` text NOT NULL,
	`end_date` text NOT NULL,
	`is_current` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `school_years_name_unique` ON `school_years` (`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `school_years_one_current` ON `school_years` (`is_current`) WHERE is_current = 1;--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`user_id` integer,
	`username` text,
	`role` text,
	`action` text NOT NULL,
	`target` text,
	`outcome` text NOT NULL,
	`ip` text,
	`details` text
);
--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_user_idx` ON `audit_log` (`user_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_action_idx` ON `audit_log` (`action`,`id`);--> statement-breakpoint
CREATE TABLE `files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sha256` text NOT NULL,
	`name` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `files_sha256_idx` ON `files` (`sha256`);--> statement-breakpoint
CREATE TABLE `classes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`school_year_id` integer NOT NULL,
	`grade` integer NOT NULL,
	`name` text NOT NULL,
	`homeroom_staff_id` integer,
	`room_id` integer,
	`sessions_per_day` integer DEFAULT 2 NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`school_year_id`) REFERENCES `school_years`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`homeroom_staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "classes_grade_range" CHECK(grade BETWEEN 1 AND 5),
	CONSTRAINT "classes_sessions" CHECK(sessions_per_day IN (1, 2))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `classes_year_name_idx` ON `classes` (`school_year_id`,`name`);--> statement-breakpoint
CREATE TABLE `enrolments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pupil_id` integer NOT NULL,
	`class_id` integer NOT NULL,
	`school_year_id` integer NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	`entry` text NOT NULL,
	`exit` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`school_year_id`) REFERENCES `school_years`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `enrolments_class_idx` ON `enrolments` (`class_id`);--> statement-breakpoint
CREATE INDEX `enrolments_pupil_idx` ON `enrolments` (`pupil_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `enrolments_one_open` ON `enrolments` (`pupil_id`,`school_year_id`) WHERE end_date IS NULL;--> statement-breakpoint
CREATE TABLE `guardians` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pupil_id` integer NOT NULL,
	`relation` text NOT NULL,
	`full_name` text NOT NULL,
	`birth_year` integer,
	`occupation` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `guardians_pupil_idx` ON `guardians` (`pupil_id`);--> statement-breakpoint
CREATE TABLE `pupils` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sector_id` text,
	`personal_id` text,
	`full_name` text NOT NULL,
	`family_name` text NOT NULL,
	`middle_name` text NOT NULL,
	`given_name` text NOT NULL,
	`search_name` text NOT NULL,
	`sex` text NOT NULL,
	`birth_date` text NOT NULL,
	`birth_place` text DEFAULT '' NOT NULL,
	`ethnicity` text DEFAULT '01' NOT NULL,
	`nationality` text DEFAULT 'VN' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`disability_type` text DEFAULT '' NOT NULL,
	`policy_group` text DEFAULT '' NOT NULL,
	`status` text DEFAULT '01' NOT NULL,
	`status_date` text,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pupils_sector_id_unique` ON `pupils` (`sector_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `pupils_personal_id_unique` ON `pupils` (`personal_id`);--> statement-breakpoint
CREATE INDEX `pupils_search_idx` ON `pupils` (`search_name`);--> statement-breakpoint
CREATE INDEX `pupils_given_idx` ON `pupils` (`given_name`);--> statement-breakpoint
CREATE TABLE `rooms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`construction` text NOT NULL,
	`area_m2` real,
	`seats` integer,
	`has_projector` integer DEFAULT false NOT NULL,
	`has_internet` integer DEFAULT false NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rooms_code_unique` ON `rooms` (`code`);--> statement-breakpoint
CREATE TABLE `staff` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sector_id` text,
	`personal_id` text,
	`full_name` text NOT NULL,
	`family_name` text NOT NULL,
	`middle_name` text NOT NULL,
	`given_name` text NOT NULL,
	`search_name` text NOT NULL,
	`sex` text NOT NULL,
	`birth_date` text,
	`ethnicity` text DEFAULT '01' NOT NULL,
	`staff_group` text NOT NULL,
	`position` text DEFAULT '' NOT NULL,
	`main_subject` text DEFAULT '' NOT NULL,
	`qualification` text DEFAULT '' NOT NULL,
	`contract_type` text DEFAULT '' NOT NULL,
	`status` text DEFAULT '01' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`party_member` integer DEFAULT false NOT NULL,
	`union_member` integer DEFAULT false NOT NULL,
	`has_signature_cert` integer DEFAULT false NOT NULL,
	`user_id` integer,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_sector_id_unique` ON `staff` (`sector_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `staff_personal_id_unique` ON `staff` (`personal_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `staff_user_id_unique` ON `staff` (`user_id`);--> statement-breakpoint
CREATE INDEX `staff_search_idx` ON `staff` (`search_name`);