CREATE TABLE `assessment_locks` (
	`school_year_id` integer NOT NULL,
	`point` text NOT NULL,
	`locked_by` integer,
	`locked_at` integer NOT NULL,
	PRIMARY KEY(`school_year_id`, `point`),
	FOREIGN KEY (`school_year_id`) REFERENCES `school_years`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`locked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `quality_results` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pupil_id` integer NOT NULL,
	`school_year_id` integer NOT NULL,
	`class_id` integer NOT NULL,
	`point` text NOT NULL,
	`item` text NOT NULL,
	`level` text,
	`version` integer DEFAULT 0 NOT NULL,
	`updated_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`school_year_id`) REFERENCES `school_years`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quality_results_cell_idx` ON `quality_results` (`pupil_id`,`school_year_id`,`point`,`item`);--> statement-breakpoint
CREATE INDEX `quality_results_class_idx` ON `quality_results` (`class_id`,`point`);--> statement-breakpoint
CREATE TABLE `subject_results` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pupil_id` integer NOT NULL,
	`school_year_id` integer NOT NULL,
	`class_id` integer NOT NULL,
	`subject` text NOT NULL,
	`point` text NOT NULL,
	`level` text,
	`score` integer,
	`retest_score` integer,
	`comment` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`updated_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`school_year_id`) REFERENCES `school_years`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "subject_results_score" CHECK(score IS NULL OR score BETWEEN 0 AND 10),
	CONSTRAINT "subject_results_retest" CHECK(retest_score IS NULL OR retest_score BETWEEN 0 AND 10)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subject_results_cell_idx` ON `subject_results` (`pupil_id`,`school_year_id`,`subject`,`point`);--> statement-breakpoint
CREATE INDEX `subject_results_class_idx` ON `subject_results` (`class_id`,`subject`,`point`);--> statement-breakpoint
CREATE TABLE `year_results` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pupil_id` integer NOT NULL,
	`school_year_id` integer NOT NULL,
	`class_id` integer NOT NULL,
	`result` text,
	`awards` text DEFAULT '[]' NOT NULL,
	`promotion` text,
	`supplementary` text DEFAULT '' NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`updated_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`school_year_id`) REFERENCES `school_years`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `year_results_pupil_idx` ON `year_results` (`pupil_id`,`school_year_id`);--> statement-breakpoint
CREATE INDEX `year_results_class_idx` ON `year_results` (`class_id`);