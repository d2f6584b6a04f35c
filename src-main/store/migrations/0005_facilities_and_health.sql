CREATE TABLE `computers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`room_id` integer,
	`kind` text NOT NULL,
	`purpose` text NOT NULL,
	`working` integer DEFAULT true NOT NULL,
	`has_internet` integer DEFAULT true NOT NULL,
	`year_acquired` integer,
	`notes` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `computers_code_unique` ON `computers` (`code`);--> statement-breakpoint
CREATE INDEX `computers_room_idx` ON `computers` (`room_id`);--> statement-breakpoint
CREATE TABLE `equipment` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`room_id` integer,
	`category` text NOT NULL,
	`name` text NOT NULL,
	`quantity` integer NOT NULL,
	`condition` text NOT NULL,
	`year_acquired` integer,
	`notes` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "equipment_quantity" CHECK(quantity >= 0)
);
--> statement-breakpoint
CREATE INDEX `equipment_room_idx` ON `equipment` (`room_id`);--> statement-breakpoint
CREATE TABLE `health_checks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pupil_id` integer NOT NULL,
	`school_year_id` integer,
	`date` text NOT NULL,
	`height_cm` real,
	`weight_kg` real,
	`bmi` real,
	`bmi_z` real,
	`bmi_band` text,
	`vision_left` text DEFAULT '' NOT NULL,
	`vision_right` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`school_year_id`) REFERENCES `school_years`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `health_checks_pupil_idx` ON `health_checks` (`pupil_id`,`date`);--> statement-breakpoint
CREATE TABLE `health_profiles` (
	`pupil_id` integer PRIMARY KEY NOT NULL,
	`insurance_number` text DEFAULT '' NOT NULL,
	`insurance_expiry` text,
	`blood_group` text DEFAULT '' NOT NULL,
	`chronic_conditions` text DEFAULT '' NOT NULL,
	`allergies` text DEFAULT '' NOT NULL,
	`vaccination_notes` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE cascade
);
