CREATE TABLE `documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`file_id` integer NOT NULL,
	`signed_file_id` integer,
	`status` text DEFAULT 'submitted' NOT NULL,
	`submitted_by` integer NOT NULL,
	`submitted_at` integer NOT NULL,
	`decided_by` integer,
	`decided_at` integer,
	`return_reason` text DEFAULT '' NOT NULL,
	`signer_name` text DEFAULT '' NOT NULL,
	`signer_serial` text DEFAULT '' NOT NULL,
	`register_year` integer,
	`register_no` integer,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`file_id`) REFERENCES `files`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`signed_file_id`) REFERENCES `files`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `documents_status_idx` ON `documents` (`status`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `documents_submitter_idx` ON `documents` (`submitted_by`);--> statement-breakpoint
CREATE UNIQUE INDEX `documents_register_idx` ON `documents` (`register_year`,`register_no`) WHERE register_no IS NOT NULL;