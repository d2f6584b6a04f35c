CREATE TABLE `pupil_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pupil_id` integer NOT NULL,
	`school_year_id` integer,
	`date` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`school_year_id`) REFERENCES `school_years`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `pupil_events_pupil_idx` ON `pupil_events` (`pupil_id`,`date`);--> statement-breakpoint
CREATE TABLE `teaching_assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`class_id` integer NOT NULL,
	`subject` text NOT NULL,
	`staff_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assignments_class_subject_idx` ON `teaching_assignments` (`class_id`,`subject`);--> statement-breakpoint
CREATE INDEX `assignments_staff_idx` ON `teaching_assignments` (`staff_id`);--> statement-breakpoint
ALTER TABLE `pupils` ADD `sort_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `pupils` ADD `religion` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `pupils_sort_idx` ON `pupils` (`sort_key`);--> statement-breakpoint
ALTER TABLE `staff` ADD `sort_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `staff_sort_idx` ON `staff` (`sort_key`);